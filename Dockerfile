# Two stages: Node builds the CSS, a slim Python image serves the app.
FROM node:20-bookworm-slim AS css
WORKDIR /src
COPY config/static_src/package.json config/static_src/package-lock.json config/static_src/
RUN cd config/static_src && npm ci --no-audit --no-fund
COPY templates templates
COPY essays essays
COPY coaching coaching
COPY static static
COPY config/static_src config/static_src
RUN cd config/static_src && npm run build
# Automattic's harper.js for the engine's grammar checks (run by node in the worker)
COPY coaching/engine/harper_node/package.json coaching/engine/harper_node/package-lock.json coaching/engine/harper_node/.npmrc harper_node/
RUN cd harper_node && npm ci --no-audit --no-fund --omit=dev

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    ESSAYCOACH_VAR_DIR=/app/var
WORKDIR /app
# node (from the first stage, same Debian release) runs harper.js beside the Python worker
RUN apt-get update && apt-get install -y --no-install-recommends libstdc++6 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=css /usr/local/bin/node /usr/local/bin/node
COPY pyproject.toml README.md ./
RUN pip install --upgrade "pip>=25.1" && pip install --group app
COPY . .
COPY --from=css /src/static/css/dist static/css/dist
COPY --from=css /src/harper_node/node_modules coaching/engine/harper_node/node_modules
RUN DJANGO_SECRET_KEY=build-only python manage.py collectstatic --noinput --verbosity 0 \
    && useradd --system --home /app essaycoach && mkdir -p var && chown -R essaycoach var
USER essaycoach
EXPOSE 8000
# fly.toml runs `web` (this command) and `worker` (python manage.py run_huey) groups.
CMD ["sh", "-c", "python manage.py migrate --noinput && uvicorn config.asgi:application --host 0.0.0.0 --port 8000 --proxy-headers --forwarded-allow-ips='*' --workers ${WEB_CONCURRENCY:-2}"]
