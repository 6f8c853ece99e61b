"""Extraction on the workers of a Dask `distributed` cluster (`build --cluster ADDRESS`).

Dask places the documents, retries those whose worker died and, through the bounded number of
futures in flight, gives back-pressure; this module only submits the same per-document function
`--jobs` uses (build.extract_document) and hands each outcome to the writer as it completes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

AHEAD = 4  # futures in flight per worker: every worker busy, memory flat however many documents
CONNECT_SECONDS = 10


class ClusterError(Exception):
    """The cluster cannot be used: no `distributed`, a bad address, or a scheduler that does not answer."""


def _client(address: str) -> tuple[Any, Any]:
    """A client on the scheduler at `address`, or on a new LocalCluster for `local:N` (returned to close)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ClusterError("--cluster needs Dask's distributed: pip install 'diplograph[cluster]'") from exc
    cluster = None
    if address.startswith("local:"):
        count = address.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"--cluster {address}: write local:N with N workers, 1 or more")
        cluster = LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        address = cluster.scheduler_address
    try:
        return Client(address, timeout=CONNECT_SECONDS), cluster
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"--cluster {address}: cannot reach a Dask scheduler there "
                           f"({type(exc).__name__}: {exc})") from None


def extracted_on_cluster(items: Iterable[Any], extract: Callable[..., Any], args: tuple,
                         passes: Callable[[Any], Any | None], failed: Callable[[Any, str], Any],
                         address: str) -> Iterator[Any]:
    """Each item's outcome as it completes: `extract(doc, *args)` on the cluster's workers, or
    `passes(item)` for an item with nothing to extract.  A document that keeps killing workers
    (Dask retries it once) becomes `failed(doc, message)`."""
    from distributed import as_completed

    client, cluster = _client(address)
    try:
        limit = AHEAD * max(1, len(client.scheduler_info().get("workers", {})))
        done = as_completed()
        docs: dict[str, Any] = {}
        in_flight = 0

        def outcome(future: Any) -> Any:
            doc = docs.pop(future.key)
            try:
                return future.result()
            except Exception as exc:  # the worker died twice, or the task could not run there
                return failed(doc, f"{type(exc).__name__}: {exc}")
            finally:
                future.release()

        for item in items:
            passed = passes(item)
            if passed is not None:
                yield passed
                continue
            future = client.submit(extract, item, *args, pure=False, retries=1)
            docs[future.key] = item
            done.add(future)
            in_flight += 1
            while in_flight >= limit:
                in_flight -= 1
                yield outcome(next(done))
        for future in done:
            yield outcome(future)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
