#!/usr/bin/env bash
# Runs the whole SurveyApp test suite (unit, component, HTTP and browser tests) on a fresh
# Debian machine: installs what the browser and export tests need (Debian's Chromium, python3-openpyxl)
# when it is missing.
set -euo pipefail
cd "$(dirname "$0")"

# What a fresh machine lacks: Debian's Chromium for the browser tests, and openpyxl, which the
# export tests use as a second reader of the workbooks besides the Open XML SDK.
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium fonts-dejavu-core)
/usr/bin/python3 -c "import openpyxl" 2>/dev/null || missing+=(python3-openpyxl)
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]}..."
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
status=0
dotnet test SurveyApp.sln "$@" 2>&1 | tee "$log" || status=$?

# One closing line with the totals of every test assembly.
total() { grep -oE "$1: +[0-9]+" "$log" | awk '{ sum += $2 } END { print sum + 0 }'; }
passed=$(total Passed)
failed=$(total Failed)
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
