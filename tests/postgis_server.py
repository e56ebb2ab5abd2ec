"""A throwaway PostgreSQL + PostGIS server on loopback for the tests: its own data directory, port and database,
removed afterwards. It needs Debian's packages postgresql and postgresql-postgis (``make setup`` installs them)."""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional


@dataclass
class Server:
    bindir: Path
    workdir: Path
    port: int
    runas: list
    dbname: str = "rp_test"
    user: str = "rp"

    def uri(self, table: str, geometry: Optional[str] = "geom", sql: str = "") -> str:
        """A QGIS postgres data source for ``table`` in schema public (filtered by ``sql`` when given)."""
        from qgis.core import QgsDataSourceUri

        u = QgsDataSourceUri()
        u.setConnection("127.0.0.1", str(self.port), self.dbname, self.user, "")
        u.setDataSource("public", table, geometry or "", sql)
        return u.uri(False)

    def psql(self, sql: str) -> str:
        args = [str(self.bindir / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, "-d", self.dbname, "-At", "-c", sql]
        return subprocess.run(args, check=True, capture_output=True, text=True).stdout

    def stop(self):
        subprocess.run(
            [*self.runas, str(self.bindir / "pg_ctl"), "-D", str(self.workdir / "data"), "-m", "fast", "stop"], capture_output=True
        )
        shutil.rmtree(self.workdir, ignore_errors=True)


def why_not() -> str:
    """'' when a server can be started here, else what is missing."""
    if not _bindir():
        return "PostgreSQL's server programs are not installed (Debian package postgresql; run make setup as root)"
    if not glob.glob("/usr/share/postgresql/*/extension/postgis.control"):
        return "PostGIS is not installed (Debian package postgresql-postgis; run make setup as root)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: PostgreSQL will not start as root"
    return ""


def _bindir() -> Optional[Path]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


def start() -> Server:
    bindir = _bindir()
    workdir = Path(tempfile.mkdtemp(prefix="rp-postgis-"))
    runas = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as the postgres user
        workdir.chmod(0o755)
        shutil.chown(workdir, "postgres")
        runas = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = Server(bindir, workdir, port, runas)
    data = workdir / "data"
    subprocess.run(
        [*runas, str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", server.user, "-E", "UTF8", "--locale=C.UTF-8"],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [*runas, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(workdir / "server.log"), "-o", options, "start"],
        check=True,
        capture_output=True,
    )
    subprocess.run([str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", server.user, server.dbname], check=True)
    server.psql("CREATE EXTENSION postgis")
    return server
