# EssayCoach image: one image, two roles (`web`, `worker`; see scripts/docker-entrypoint.sh).
# Stages: Node builds the CSS and installs harper.js; a Python stage builds the virtual
# environment; the final stage has neither compilers nor npm, runs as a non-root user,
# and keeps only the `node` binary that runs harper.js beside each worker.
# Base images are pinned to a release; pin their digests too when you mirror them.
ARG NODE_IMAGE=node:24.11.1-bookworm-slim
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm

FROM ${NODE_IMAGE} AS node
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

FROM ${PYTHON_IMAGE} AS python
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY pyproject.toml README.md ./
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --upgrade "pip>=25.1" \
    && /opt/venv/bin/pip install --group app

FROM ${PYTHON_IMAGE}
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PATH=/opt/venv/bin:$PATH \
    DJANGO_ENV=production ESSAYCOACH_VAR_DIR=/app/var HARPER_NODE=/usr/local/bin/node \
    WORKER_HEALTH_PORT=8001
WORKDIR /app
# pango, harfbuzz and a font: WeasyPrint lays out the class PDFs (coaching/printing.py)
RUN apt-get update && apt-get install -y --no-install-recommends libstdc++6 \
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fontconfig \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin essaycoach
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=python /opt/venv /opt/venv
COPY --chown=root:root . .
COPY --from=node /src/static/css/dist static/css/dist
COPY --from=node /src/harper_node/node_modules coaching/engine/harper_node/node_modules
# collectstatic needs settings, not the real secrets: give it throw-away ones
RUN DJANGO_ENV=local DJANGO_SECRET_KEY=build-only-$(date +%s%N) ESSAYCOACH_VAR_DIR=/tmp/build \
    python manage.py collectstatic --noinput --verbosity 0 \
    && rm -rf /tmp/build && mkdir -p var && chown essaycoach var
USER essaycoach
EXPOSE 8000 8001
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "scripts/healthcheck.py"]
ENTRYPOINT ["scripts/docker-entrypoint.sh"]
CMD ["web"]
