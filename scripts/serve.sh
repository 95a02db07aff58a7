#!/usr/bin/env bash
# Runs the web server (uvicorn, ASGI: the feedback stream needs it) and a Huey consumer
# together, and stops both when either stops or on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-127.0.0.1}
port=${2:-8000}
py=.venv/bin/python
# Prometheus samples from the web and the worker land in one folder, fresh each start
export PROMETHEUS_MULTIPROC_DIR=${PROMETHEUS_MULTIPROC_DIR:-var/metrics}
rm -rf "$PROMETHEUS_MULTIPROC_DIR" && mkdir -p "$PROMETHEUS_MULTIPROC_DIR"

$py manage.py run_huey --quiet &
worker=$!
.venv/bin/uvicorn config.asgi:application --host "$host" --port "$port" --no-access-log &
web=$!
trap 'kill $worker $web 2>/dev/null; wait' INT TERM EXIT
wait -n $worker $web
