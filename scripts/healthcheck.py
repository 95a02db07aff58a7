"""Docker HEALTHCHECK: the web role answers /healthz/, the worker role its own port."""

import os
import sys
import urllib.request

with open("/proc/1/cmdline", "rb") as fh:
    is_worker = b"run_huey" in fh.read()
if is_worker:
    url = f"http://127.0.0.1:{os.environ.get('WORKER_HEALTH_PORT', '8001')}/"
else:
    url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz/"
try:
    with urllib.request.urlopen(url, timeout=4) as response:
        sys.exit(0 if response.status == 200 else 1)
except Exception:
    sys.exit(1)
