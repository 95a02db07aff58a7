#!/bin/sh
# The image's roles. `exec` hands PID 1 to the server, so SIGTERM from the platform
# reaches uvicorn / the Huey consumer and they finish what they are doing.
set -eu
role=${1:-web}
# every process of this container writes its Prometheus samples here (config/metrics.py)
export PROMETHEUS_MULTIPROC_DIR=${PROMETHEUS_MULTIPROC_DIR:-/tmp/prometheus}
rm -rf "$PROMETHEUS_MULTIPROC_DIR" && mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
case "$role" in
  web)
    exec uvicorn config.asgi:application --host 0.0.0.0 --port "${PORT:-8000}" \
      --workers "${WEB_CONCURRENCY:-2}" --proxy-headers \
      --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
      --timeout-graceful-shutdown 20 --no-access-log
    ;;
  worker)
    exec python manage.py run_huey
    ;;
  migrate)
    exec python manage.py migrate --noinput
    ;;
  *)
    exec "$@"
    ;;
esac
