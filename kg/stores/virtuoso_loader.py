"""Virtuoso's own loader for ``--protocol bulk`` (kg.stores.bulk_upload), where the server runs
on this machine: each request's N-Quads are written to a file in a folder the server may read
(its ``DirsAllowed``) and parsed there by ``DB.DBA.TTLP`` (flag 512: N-Quads), one call per
file through ``isql``, each one transaction (a file that breaks loads nothing).  Virtuoso's
``ld_dir`` + ``rdf_loader_run`` is faster on big files but commits row by row, so a failure
would leave half a document where readers look.

Configured from the environment, never ctkg's command line: ``CTKG_VIRTUOSO_ISQL`` (HOST:PORT
of its SQL port, e.g. 127.0.0.1:1111), ``CTKG_VIRTUOSO_DIR`` (the folder),
``CTKG_VIRTUOSO_USER`` (default dba) and ``CTKG_VIRTUOSO_PASSWORD``.  isql takes the password
only among its arguments (given none, it tries "dba" before it reads one), so it shows in
``ps`` on this machine while isql runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from kg.stores.endpoint import Endpoint, RemoteError

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ISQL_SECONDS = 3600


class VirtuosoLoader:
    """Sends N-Quads to a Virtuoso on this machine by files its SQL procedures read."""

    def __init__(self, isql: str, address: str, folder: Path, user: str, password: str):
        self.isql, self.address, self.folder = isql, address, folder
        self.user, self.password = user, password

    def __call__(self, quads: bytes) -> None:
        with tempfile.NamedTemporaryFile(dir=self.folder, prefix="ctkg-", suffix=".nq") as f:
            f.write(quads)
            f.flush()
            os.chmod(f.name, 0o644)  # the server may run as another user
            path = f.name.replace("'", "''")
            self.sql(f"DB.DBA.TTLP(file_to_string_output('{path}'), '', 'urn:ctkg:nquads', 512)")

    def sql(self, statement: str) -> None:
        """One statement through isql; its error, if any, as a RemoteError."""
        command = [self.isql, self.address, self.user, self.password, f"exec={statement};"]
        try:
            run = subprocess.run(command, capture_output=True, text=True, timeout=ISQL_SECONDS)
        except (OSError, subprocess.TimeoutExpired) as err:
            raise RemoteError(f"Virtuoso at {self.address}: isql did not run ({err})") from None
        said = [line for line in (run.stdout + run.stderr).splitlines() if "Error" in line]
        if run.returncode or said:
            detail = said[0] if said else f"isql exited with {run.returncode}"
            raise RemoteError(f"Virtuoso at {self.address}: the loader failed: {detail[:300]}")


def virtuoso_loader(endpoint: Endpoint) -> VirtuosoLoader | None:
    """The loader, when the environment configures one and the server runs on this machine
    (its endpoint and SQL port on the loopback), else None."""
    env = os.environ
    address, folder = env.get("CTKG_VIRTUOSO_ISQL"), env.get("CTKG_VIRTUOSO_DIR")
    isql = shutil.which("isql-vt") or shutil.which("isql")
    if not (address and folder and isql) or endpoint.union == "kept":  # Virtuoso's own union only
        return None
    if urlsplit(endpoint.query_url).hostname not in LOOPBACK or address.rsplit(":", 1)[0] not in LOOPBACK:
        return None
    user, password = env.get("CTKG_VIRTUOSO_USER", "dba"), env.get("CTKG_VIRTUOSO_PASSWORD", "")
    return VirtuosoLoader(isql, address, Path(folder), user, password)
