#!/usr/bin/env bash
# Runs the web server (uvicorn, ASGI: the feedback stream needs it) and a Huey consumer
# together, and stops both when either stops or on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-127.0.0.1}
port=${2:-8000}
py=.venv/bin/python

$py manage.py run_huey --quiet &
worker=$!
.venv/bin/uvicorn config.asgi:application --host "$host" --port "$port" --no-access-log &
web=$!
trap 'kill $worker $web 2>/dev/null; wait' INT TERM EXIT
wait -n $worker $web
