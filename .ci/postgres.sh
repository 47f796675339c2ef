#!/usr/bin/env bash
# A PostgreSQL 15 server of the test run's own: its own data folder and port on loopback, trust
# authentication for the user "surveyapp", stopped and removed afterwards.
#   postgres.sh start FOLDER PORT   creates the folder's cluster and starts it
#   postgres.sh stop FOLDER         stops it and removes the folder
# Run as root (as CI does), the server runs as the system user "postgres", since PostgreSQL refuses root.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin

as_server_user() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "${1:-}" in
start)
    folder=$2 port=$3
    mkdir -p "$folder"
    [ "$(id -u)" -ne 0 ] || chown postgres: "$folder"
    as_server_user "$bin/initdb" -D "$folder/data" -U surveyapp --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    # A throwaway server: durability settings off, as nothing in it outlives the run.
    as_server_user "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 start \
        -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
    ;;
stop)
    folder=$2
    if [ -d "$folder/data" ]; then
        as_server_user "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$folder"
    ;;
*)
    echo "Usage: $0 start FOLDER PORT | stop FOLDER" >&2
    exit 2
    ;;
esac
