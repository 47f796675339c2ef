#!/usr/bin/env bash
# Runs the whole SurveyApp test suite (unit, component, HTTP and browser tests) on a fresh
# Debian machine, twice: once storing in SQLite, once in PostgreSQL. Installs what it needs when it is
# missing (Debian's Chromium, python3-openpyxl, python3-docx, LibreOffice Calc, Writer and Impress, poppler-utils, PostgreSQL 15, nginx) and starts a PostgreSQL server of
# its own for the second pass (own data folder and port), which it stops afterwards.
set -euo pipefail
cd "$(dirname "$0")"

# What a fresh machine lacks: Debian's Chromium for the browser tests, and openpyxl, which the
# export tests use as a second reader of the workbooks besides the Open XML SDK.
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium fonts-dejavu-core)
/usr/bin/python3 -c "import openpyxl" 2>/dev/null || missing+=(python3-openpyxl)
# LibreOffice converts the workbook, the Word report and the slides to PDF as a report author prints them; pdftotext and
# pdfinfo read the pages; python-docx reads the report back.
for package in libreoffice-calc-nogui libreoffice-writer-nogui libreoffice-impress-nogui; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
/usr/bin/python3 -c "import docx" 2>/dev/null || missing+=(python3-docx)
[ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)
# PostgreSQL for the second pass; nginx for the test of several app processes behind a proxy.
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15 postgresql-client-15)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]}..."
    $sudo apt-get update -qq
    # The packages' own services (PostgreSQL's main cluster, nginx on port 80) are not started: the
    # tests start servers of their own.
    policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        policy=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
        $sudo chmod +x "$policy"
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    [ -z "$policy" ] || $sudo rm -f "$policy"
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
status=0

# First pass: SQLite, the default (tests that need PostgreSQL wait for the second pass).
dotnet test SurveyApp.sln --filter "Provider!=PostgreSql" "$@" 2>&1 | tee "$log" || status=$?

# Second pass: the same tests on PostgreSQL, each app on a database of its own on a throwaway server,
# and the PostgreSQL-only tests (pg_dump backups, several app processes behind nginx).
pg_port=${SURVEYAPP_TEST_PG_PORT:-55432}
pg_folder=$(mktemp -d /tmp/surveyapp-postgres.XXXXXX)
trap 'bash .ci/postgres.sh stop "$pg_folder"' EXIT
bash .ci/postgres.sh start "$pg_folder" "$pg_port"
SURVEYAPP_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=surveyapp" \
    dotnet test SurveyApp.sln --no-build --filter "Provider!=Sqlite" "$@" 2>&1 | tee -a "$log" || status=$?

# One closing line with the totals of every test assembly.
total() { grep -oE "$1: +[0-9]+" "$log" | awk '{ sum += $2 } END { print sum + 0 }'; }
passed=$(total Passed)
failed=$(total Failed)
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
