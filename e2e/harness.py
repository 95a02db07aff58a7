"""Start the whole app as it runs in production (uvicorn + a Huey consumer, subprocesses)
against a fresh database, for the browser tests and the benchmarks.

Embedded default (SQLite + Huey on SQLite) unless DATABASE_URL / REDIS_URL are given;
then a throw-away PostgreSQL database and a private Huey queue name on that Redis.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
DEMO_PASSWORD = "coach-demo-2026"
JOIN_CODE = "WRITE24"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def _admin_sql(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(_with_database(url, "postgres"), autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


@dataclass
class Stack:
    database_url: str | None = None
    redis_url: str | None = None
    workers: int = 1
    label: str = "e2e"
    # production's shape at small scale: several uvicorn and Huey processes, and nginx in
    # front (`nginx_conf` is the server block's body; {web} is the upstream of all webs)
    web_processes: int = 1
    worker_processes: int = 1
    # uvicorn's own worker processes behind each web process's port (`--workers`), as the
    # image's web role runs them (WEB_CONCURRENCY in fly.toml)
    web_concurrency: int = 1
    nginx_conf: str | None = None
    web_urls: list[str] = field(default_factory=list)
    extra_env: dict[str, str] = field(default_factory=dict)
    # TLS (the LMS tests): uvicorn serves https with this certificate; `ca_file` is what
    # the readiness check trusts. `port` fixes the first web process's port (0: free).
    ssl_cert: str = ""
    ssl_key: str = ""
    ca_file: str = ""
    port: int = 0
    base_url: str = ""
    log_path: Path = field(default_factory=Path)
    _procs: list[subprocess.Popen] = field(default_factory=list)
    _tmp: tempfile.TemporaryDirectory | None = None
    _db_name: str | None = None
    nginx_log: Path | None = None
    # a database already migrated and holding the demo class (`database_template`): copied
    # (CREATE DATABASE ... TEMPLATE) instead of migrating again, when many stacks start
    template_db: str | None = None
    # one key for every process of the stack (sessions made by one web process are read
    # by the others)
    _secret: str = field(default_factory=lambda: "e2e-secret-" + uuid.uuid4().hex)

    @property
    def backend(self) -> str:
        return "postgresql+redis" if self.database_url else "embedded (sqlite)"

    def env(self) -> dict[str, str]:
        assert self._tmp is not None
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
        }
        env.update(
            DJANGO_SECRET_KEY=self._secret,
            DJANGO_DEBUG="0",
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            ESSAYCOACH_VAR_DIR=self._tmp.name,
            DJANGO_STATIC_ROOT=str(ROOT / "var" / "staticfiles"),
            HUEY_NAME=f"essaycoach-{self.label}-{os.getpid()}",
            CACHE_KEY_PREFIX=f"essaycoach-{self.label}-{os.getpid()}",
            HUEY_WORKERS=str(self.workers),
            PYTHONUNBUFFERED="1",
            LOG_LEVEL="WARNING",
        )
        env.update(self.extra_env)
        if self.database_url:
            env["DATABASE_URL"] = _with_database(self.database_url, self._db_name or "")
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        return env

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    def start(self) -> Stack:
        self._tmp = tempfile.TemporaryDirectory(prefix=f"essaycoach-{self.label}-")
        if self.database_url:
            self._db_name = f"essaycoach_{self.label}_{os.getpid()}"
            _admin_sql(self.database_url, f'DROP DATABASE IF EXISTS "{self._db_name}"')
            template = f' TEMPLATE "{self.template_db}"' if self.template_db else ""
            _admin_sql(self.database_url, f'CREATE DATABASE "{self._db_name}"{template}')
        if not (ROOT / "var" / "staticfiles" / "staticfiles.json").exists():
            self.manage("collectstatic", "--noinput", "--verbosity", "0")
        if not (self.database_url and self.template_db):
            self.manage("migrate", "--noinput", "--verbosity", "0")
            self.manage("demo_data", "--no-essays")
        self.log_path = Path(self._tmp.name) / "server.log"
        log = self.log_path.open("w")
        for _ in range(self.worker_processes):
            self._procs.append(
                subprocess.Popen(
                    [PYTHON, "manage.py", "run_huey", "--quiet"],
                    cwd=ROOT,
                    env=self.env(),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        scheme = "https" if self.ssl_cert else "http"
        tls = [f"--ssl-certfile={self.ssl_cert}", f"--ssl-keyfile={self.ssl_key}"]
        workers = [f"--workers={self.web_concurrency}"] if self.web_concurrency > 1 else []
        for index in range(self.web_processes):
            port = (self.port if index == 0 else 0) or free_port()
            self.web_urls.append(f"{scheme}://127.0.0.1:{port}")
            self._procs.append(
                subprocess.Popen(
                    [
                        str(Path(PYTHON).parent / "uvicorn"),
                        "config.asgi:application",
                        "--host=127.0.0.1",
                        f"--port={port}",
                        "--no-access-log",
                        "--log-level=warning",
                        *workers,
                        *(tls if self.ssl_cert else []),
                    ],
                    cwd=ROOT,
                    env=self.env(),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        self.base_url = self.web_urls[0]
        if self.nginx_conf is not None:
            self.base_url = self._start_nginx(log)
        self._wait_ready()
        return self

    def _start_nginx(self, log) -> str:  # type: ignore[no-untyped-def]
        """nginx in front of the web processes (Debian's, `make nginx`), as a proxy would
        run in production: HTTP/1.1 upstreams, no buffering for the event streams."""
        assert self._tmp is not None
        port = free_port()
        home = Path(self._tmp.name) / "nginx"
        (home / "logs").mkdir(parents=True)
        servers = "\n".join(f"    server {url.removeprefix('http://')};" for url in self.web_urls)
        singles = "\n".join(
            f"upstream web{i} {{ server {url.removeprefix('http://')}; }}"
            for i, url in enumerate(self.web_urls, start=1)
        )
        conf = f"""
daemon off;
user root;
worker_processes 1;
pid {home}/nginx.pid;
error_log {home}/logs/error.log warn;
events {{ worker_connections 1024; }}
http {{
  log_format upstreamlog '$request_method $uri $status $upstream_addr';
  access_log {home}/logs/access.log upstreamlog;
  client_body_temp_path {home}/body;
  proxy_temp_path {home}/proxy;
  fastcgi_temp_path {home}/fastcgi;
  uwsgi_temp_path {home}/uwsgi;
  scgi_temp_path {home}/scgi;
  upstream web {{
{servers}
  }}
{singles}
  server {{
    listen 127.0.0.1:{port};
    proxy_http_version 1.1;
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_set_header Connection "";
    proxy_buffering off;
    proxy_read_timeout 300s;
{self.nginx_conf}
  }}
}}
"""
        (home / "nginx.conf").write_text(conf)
        self.nginx_log = home / "logs" / "access.log"
        self._procs.append(
            subprocess.Popen(
                [
                    shutil.which("nginx") or "/usr/sbin/nginx",
                    "-p",
                    str(home),
                    "-c",
                    str(home / "nginx.conf"),
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        return f"http://127.0.0.1:{port}"

    def upstreams(self) -> list[tuple[str, str, str, str]]:
        """(method, path, status, web process address) of each request nginx passed on."""
        lines = self.nginx_log.read_text().splitlines() if self.nginx_log else []
        return [(m, path, status, up) for m, path, status, up in (ln.split() for ln in lines)]

    def process_ids(self) -> dict[str, list[int]]:
        """The process ids this stack started, by role, for the benchmarks' memory samples
        (their children, such as a worker's Node process, are found under them)."""
        roles = ["worker"] * self.worker_processes + ["web"] * self.web_processes
        found: dict[str, list[int]] = {}
        for index, proc in enumerate(self._procs):
            found.setdefault(roles[index] if index < len(roles) else "nginx", []).append(proc.pid)
        return found

    def pause_worker(self) -> None:
        """Freeze the Huey consumer (SIGSTOP) so a test can watch a page before work ends."""
        os.kill(self._procs[0].pid, signal.SIGSTOP)

    def resume_worker(self) -> None:
        os.kill(self._procs[0].pid, signal.SIGCONT)

    def _wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        waiting = list(dict.fromkeys([*self.web_urls, self.base_url]))
        context = ssl.create_default_context(cafile=self.ca_file) if self.ca_file else None
        while waiting and time.monotonic() < deadline:
            for proc in self._procs:
                if proc.poll() is not None:
                    raise RuntimeError(f"server exited early:\n{self.log()}")
            try:
                url = waiting[0] + "/accounts/login/"
                with urllib.request.urlopen(url, timeout=2, context=context) as r:
                    if r.status == 200:
                        waiting.pop(0)
                        continue
            except OSError:
                pass
            time.sleep(0.2)
        if waiting:
            raise RuntimeError(f"server did not start in {timeout}s:\n{self.log()}")

    def log(self) -> str:
        try:
            return self.log_path.read_text()
        except OSError:
            return ""

    def last_email_link(self, pattern: str = r"http://\S+/accounts/password/reset/key/\S+") -> str:
        """E-mail goes to the console (the server log) by default; find the newest link."""
        links = re.findall(pattern, self.log())
        if not links:
            raise AssertionError("no matching link in the e-mail printed by the server")
        return links[-1]

    def stop(self) -> None:
        for proc in self._procs:
            proc.terminate()
        for proc in self._procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        self._procs.clear()
        if self.database_url and self._db_name:
            _admin_sql(self.database_url, f'DROP DATABASE IF EXISTS "{self._db_name}" WITH (FORCE)')
        if self._tmp is not None:
            self._tmp.cleanup()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def database_template(database_url: str, name: str = "essaycoach_template") -> str:
    """Make `name` on that server: migrated, with the demo class (no essays, so nothing
    encrypted under a key the copies would not have). For `Stack(template_db=name)`."""
    maker = Stack(database_url=database_url, label="template")
    maker._tmp = tempfile.TemporaryDirectory(prefix="essaycoach-template-")
    maker._db_name = name
    try:
        _admin_sql(database_url, f'DROP DATABASE IF EXISTS "{name}"')
        _admin_sql(database_url, f'CREATE DATABASE "{name}"')
        maker.manage("migrate", "--noinput", "--verbosity", "0")
        maker.manage("demo_data", "--no-essays")
    finally:
        maker._tmp.cleanup()
    return name


def stack_from_env(label: str = "e2e", **extra_env: str) -> Stack:
    return Stack(
        database_url=os.environ.get("DATABASE_URL") or None,
        redis_url=os.environ.get("REDIS_URL") or None,
        label=label,
        extra_env=extra_env,
    )


class PrivateRedis:
    """A redis-server of the test's own on a free port (never the machine's shared one), so
    a fault drill can stop and start it. Nothing is persisted."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._proc: subprocess.Popen | None = None

    def start(self) -> PrivateRedis:
        self._proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("private redis-server did not start")

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(timeout=10)
            self._proc = None

    def __enter__(self) -> PrivateRedis:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class PrivatePostgres:
    """A PostgreSQL server of the test's own (Debian's 15, initdb into a temporary folder,
    a free TCP port on 127.0.0.1 and its unix socket in that folder), so a fault drill can
    restart it under traffic without touching the machine's shared server. Run as the
    `postgres` user when the tests run as root (initdb refuses root). Nothing is kept."""

    BIN = Path("/usr/lib/postgresql/15/bin")

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"
        self._dir: Path | None = None

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.BIN / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{tool} {' '.join(args)} failed:\n{result.stdout}{result.stderr}")

    @property
    def data(self) -> str:
        assert self._dir is not None
        return str(self._dir / "data")

    def start(self) -> PrivatePostgres:
        self._dir = Path(tempfile.mkdtemp(prefix="essaycoach-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self._dir, "postgres", "postgres")
        self._run("initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")  # fmt: skip
        options = (
            f"-p {self.port} -k {self._dir} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        self._run("pg_ctl", "-D", self.data, "-l", str(self._dir / "server.log"), "-o", options,
                  "-w", "-t", "60", "start")  # fmt: skip
        return self

    def restart(self) -> None:
        """A fast restart, as an operator or a failover does it: every session is ended."""
        assert self._dir is not None
        self._run("pg_ctl", "-D", self.data, "-l", str(self._dir / "server.log"), "-m", "fast",
                  "-w", "-t", "60", "restart")  # fmt: skip

    def stop(self) -> None:
        if self._dir is not None:
            try:
                self._run("pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop")
            finally:
                shutil.rmtree(self._dir, ignore_errors=True)
                self._dir = None

    def __enter__(self) -> PrivatePostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
