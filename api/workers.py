"""The pool of engine processes (api.worker) and the one way the app talks to them.

Why processes: pyoxigraph cannot cancel a running query, so the only way to stop a runaway query
is to kill the process running it; a crash (stack overflow on a hostile query) then costs one
worker, not the server.  Readers hold read-only snapshots; after every write the pool asks each
idle reader to reopen its snapshot, under the same lock as writes, so a snapshot is never taken
while the writer is in the middle of a transaction.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import pickle
import re
import signal
import sys
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

from diplograph.api.web import ApiError
from diplograph.api.worker import CPU_TIME, HEADER

log = logging.getLogger("diplograph.api")
START_TIMEOUT = 60.0
# Fairness, by how long a query's shape took lately: a cheap one (under FAST_BUDGET) takes any idle
# engine; a heavy one never the last one, so a quick lookup never waits behind a queue of reports; a
# shape never seen is tried as cheap (a new lookup must not wait behind reports either), but it and any
# shape slower than SLOW run once at a time, so clients repeating a runaway query hold one engine until
# it is stopped, not all of them.
CHEAP, HEAVY = 0, 1
LANES = (CHEAP, HEAVY)  # also the order in which waiting tasks are served
FAST_BUDGET = 0.025
SLOW = 1.0
SHAPES_KEPT = 4096  # query shapes whose durations are remembered (least recently run forgotten first)
_CONSTANTS = re.compile(r"""<[^<>\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\b\d+(?:\.\d+)?\b""")


class EngineError(ApiError):
    """A task failed in a way the client should hear about (status + message, never a traceback)."""


@dataclass
class Stream:
    """A streamed result: the head is known; `body` yields the bytes (and releases the worker) and
    must be sent to the client by `deadline` (loop time), or the response is cut off."""

    media_type: str
    complete: bytes | None
    body: AsyncIterator[bytes] | None
    deadline: float | None = None


class Estimates:
    """How long each query shape (its text with IRIs, literals and numbers blanked out) took lately.

    Parameters rarely change a query's cost by orders of magnitude, so the last runs of the same shape
    are a good enough guess of the next one's."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @staticmethod
    def shape(query: str) -> str:
        return _CONSTANTS.sub("?", query)

    def lane(self, shape: str) -> int:
        seconds = self.seconds.get(shape)
        return CHEAP if seconds is None or seconds < FAST_BUDGET else HEAVY

    def solo(self, shape: str) -> bool:
        """Whether queries of this shape run one at a time: never seen, or slow."""
        seconds = self.seconds.get(shape)
        return seconds is None or seconds >= SLOW

    def record(self, shape: str, seconds: float) -> None:
        """Remember a run: the mean of this one and the previous estimate (a heavy outlier moves a cheap
        shape to the heavy lane at once; it takes a few quick runs to move back)."""
        previous = self.seconds.pop(shape, None)  # re-inserted last: the dict's order is recency
        self.seconds[shape] = seconds if previous is None else max(seconds, (previous + seconds) / 2)
        if len(self.seconds) > SHAPES_KEPT:
            del self.seconds[next(iter(self.seconds))]


class Worker:
    """One engine process and its pipes, and the lane of the task it runs (counted in Pool.running)."""

    def __init__(self, proc: asyncio.subprocess.Process, generation: int) -> None:
        self.proc = proc
        self.generation = generation
        self.lane: int | None = None  # None while idle

    @property
    def pid(self) -> int:
        return self.proc.pid

    async def send(self, task: dict) -> None:
        assert self.proc.stdin is not None
        payload = pickle.dumps(task)
        self.proc.stdin.write(HEADER.pack(b"T", len(payload)) + payload)
        await self.proc.stdin.drain()

    async def read(self) -> tuple[bytes, bytes]:
        assert self.proc.stdout is not None
        try:
            kind, length = HEADER.unpack(await self.proc.stdout.readexactly(HEADER.size))
            return kind, await self.proc.stdout.readexactly(length)
        except (asyncio.IncompleteReadError, ConnectionError):
            raise EngineError(500, "the query engine process died while running this request") from None

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()


class Pool:
    """A fixed number of interchangeable engine processes; at most one task per process at a time.

    Two lanes share the engines: a cheap task takes any idle engine, a heavy one waits while all but
    one engine run heavy tasks (the default number of engines is one more than the cores for that
    reason); waiting cheap tasks are served first.  So a quick lookup never queues behind reports."""

    def __init__(
        self, store: Path, size: int, mode: str, refresh_lock: asyncio.Lock | None = None, memory_mb: int = 0
    ) -> None:
        self.store, self.size, self.mode, self.memory_mb = store, size, mode, memory_mb
        self.refresh_lock = refresh_lock or asyncio.Lock()
        self.idle: list[Worker] = []
        self.waiting: dict[int, deque[asyncio.Future[Worker]]] = {lane: deque() for lane in LANES}
        self.heavy_limit = max(1, size - 1)  # one engine kept for cheap tasks (when there are two or more)
        self.running = dict.fromkeys(LANES, 0)
        self.all: set[Worker] = set()
        self.generation = 0
        self._spawning: set[asyncio.Task] = set()
        self.closed = False

    async def start(self) -> None:
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)))
        for worker in workers:
            self._put_idle(worker)

    async def _spawn(self) -> Worker:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "diplograph.api.worker",
            "--store",
            str(self.store),
            "--mode",
            self.mode,
            "--memory-mb",
            str(self.memory_mb),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        worker = Worker(proc, self.generation)
        self.all.add(worker)
        try:
            kind, payload = await asyncio.wait_for(worker.read(), START_TIMEOUT)
        except (EngineError, TimeoutError):
            await self.discard(worker, replace=False)
            raise EngineError(503, f"cannot start a query engine on {self.store}") from None
        if kind != b"R":
            await self.discard(worker, replace=False)
            raise EngineError(503, pickle.loads(payload)["message"])
        return worker

    async def _replace(self) -> None:
        try:
            worker = await self._spawn()
        except EngineError as exc:
            log.error("cannot replace an engine process: %s", exc.message)
            return
        if self.closed:
            await self.discard(worker, replace=False)
        else:
            self._put_idle(worker)

    async def discard(self, worker: Worker, replace: bool = True) -> None:
        """Kill a worker whose state is unknown (timed out, crashed, abandoned mid-stream).

        The replacement is scheduled before anything is awaited: a client that hangs up mid-stream
        cancels the request's task, and a replacement scheduled after an await was never started, so
        each such hang-up used to cost the pool one engine for good."""
        worker.kill()
        if worker not in self.all:
            return  # already discarded (and replaced)
        self.all.discard(worker)
        self._leave_lane(worker)
        if replace and not self.closed:
            task = asyncio.create_task(self._replace())
            self._spawning.add(task)
            task.add_done_callback(self._spawning.discard)
        with contextlib.suppress(Exception):
            await worker.proc.wait()

    def out_of_memory(self, worker: Worker) -> bool:
        """Whether a dead worker was stopped by its memory cap: allocation failures abort (SIGABRT)
        in the engine, where a stack overflow or another crash is a SIGSEGV."""
        return bool(self.memory_mb) and worker.proc.returncode == -signal.SIGABRT

    async def acquire(self, deadline: float, lane: int = CHEAP) -> Worker:
        worker = self._take(lane) if not self.waiting[CHEAP] else None  # the common case: no waiting
        if worker is None:
            worker = await self._wait(deadline, lane)
        if worker.generation != self.generation:
            try:
                async with self.refresh_lock:  # never take a snapshot while a write is running
                    await self._refresh(worker, deadline)
            except (EngineError, TimeoutError) as exc:
                log.error("refresh failed: %r", exc)
                await self.discard(worker)
                raise EngineError(503, "could not refresh a query engine after an update") from None
        return worker

    async def _refresh(self, worker: Worker, deadline: float) -> None:
        generation = self.generation
        await worker.send({"op": "reopen"})
        kind, payload = await asyncio.wait_for(
            worker.read(), max(0.1, deadline - asyncio.get_running_loop().time())
        )
        if kind != b"J":
            raise EngineError(503, pickle.loads(payload)["message"])
        worker.generation = generation

    def release(self, worker: Worker) -> None:
        if self.closed or worker not in self.all:
            worker.kill()
        else:
            self._leave_lane(worker)
            self._put_idle(worker)

    # -- lanes -----------------------------------------------------------------------------------

    def _take(self, lane: int) -> Worker | None:
        """An idle engine for a task of this lane, if the lane may have one now."""
        if not self.idle or (lane == HEAVY and self.running[HEAVY] >= self.heavy_limit):
            return None
        worker = self.idle.pop()
        worker.lane = lane
        self.running[lane] += 1
        return worker

    async def _wait(self, deadline: float, lane: int) -> Worker:
        waiter: asyncio.Future[Worker] = asyncio.get_running_loop().create_future()
        self.waiting[lane].append(waiter)
        try:
            async with asyncio.timeout_at(deadline):
                return await waiter
        except BaseException as exc:
            if waiter.done() and not waiter.cancelled():  # handed an engine just as we gave up: pass it on
                self.release(waiter.result())
            with contextlib.suppress(ValueError):
                self.waiting[lane].remove(waiter)
            if isinstance(exc, TimeoutError):
                raise EngineError(503, "all query engines are busy; try again later") from None
            raise

    def _leave_lane(self, worker: Worker) -> None:
        if worker.lane is not None:
            self.running[worker.lane] -= 1
            worker.lane = None
            self._wake()

    def _put_idle(self, worker: Worker) -> None:
        self.idle.append(worker)
        self._wake()

    def _wake(self) -> None:
        """Hand idle engines to waiting tasks, lane by lane, as far as each lane allows."""
        for lane in LANES:
            queue = self.waiting[lane]
            while queue:
                if queue[0].done():  # gave up waiting
                    queue.popleft()
                    continue
                worker = self._take(lane)
                if worker is None:
                    break
                queue.popleft().set_result(worker)

    async def close(self) -> None:
        self.closed = True
        for task in list(self._spawning):
            task.cancel()
        for worker in list(self.all):
            worker.kill()
            with contextlib.suppress(Exception):
                await worker.proc.wait()
        self.all.clear()


class Engines:
    """Readers for queries, one writer for updates, and the timeout that applies to both."""

    def __init__(self, store: Path, readers: int, writable: bool, timeout: float, memory_mb: int = 0) -> None:
        self.write_lock = asyncio.Lock()
        self.readers = Pool(store, readers, "read", self.write_lock, memory_mb)
        self.writer = Pool(store, 1, "write", memory_mb=memory_mb) if writable else None
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.estimates = Estimates()
        self.solos: dict[str, tuple[asyncio.Lock, int]] = {}  # shape: (its turn, requests holding or awaiting it)

    async def start(self) -> None:
        if self.writer is not None:  # first: it creates the store directory if needed
            await self.writer.start()
        await self.readers.start()

    async def close(self) -> None:
        await self.readers.close()
        if self.writer is not None:
            await self.writer.close()

    @property
    def generation(self) -> int:
        return self.readers.generation

    def _deadline(self) -> float:
        return asyncio.get_running_loop().time() + self.timeout

    async def _read_one(self, pool: Pool, worker: Worker, deadline: float) -> tuple[bytes, bytes]:
        try:
            async with asyncio.timeout_at(deadline):  # a timer handle, not a task per frame (wait_for)
                return await worker.read()
        except TimeoutError:
            await pool.discard(worker)
            raise EngineError(
                503, f"the query ran longer than this server's limit of {self.timeout:g} s and was stopped"
            ) from None
        except EngineError:
            await pool.discard(worker)
            if pool.out_of_memory(worker):
                raise EngineError(
                    503, f"the query needed more than this server's {self.memory_mb} MiB of memory per query "
                    "engine and was stopped"
                ) from None
            raise

    async def call(self, task: dict) -> object:
        """Run a task that answers with one value (J) on a reader, or on the writer for writes."""
        if task["op"] in ("update", "graph_put", "graph_post", "graph_delete"):
            return await self._write(task)
        return await self._run(self.readers, task, self._deadline())

    async def _dispatch(self, pool: Pool, task: dict, deadline: float, lane: int = CHEAP):
        """Hand a task to an idle worker of the pool; a worker that died on the way is replaced."""
        worker = await pool.acquire(deadline, lane)
        try:
            await worker.send(task)
        except (ConnectionError, BrokenPipeError):
            await pool.discard(worker)
            raise EngineError(500, "the query engine process died") from None
        return worker

    async def _run(self, pool: Pool, task: dict, deadline: float) -> object:
        worker = await self._dispatch(pool, task, deadline)
        kind, payload = await self._read_one(pool, worker, deadline)
        pool.release(worker)
        value = pickle.loads(payload)
        if kind == b"X":
            raise EngineError(value["status"], value["message"])
        return value

    async def _write(self, task: dict) -> object:
        if self.writer is None:
            raise EngineError(403, "updates are disabled on this server")
        deadline = self._deadline()
        async with self.write_lock:
            try:
                return await self._run(self.writer, task, deadline)
            finally:
                # Even a failed or killed write may have committed: readers take new snapshots.
                self.readers.generation += 1

    async def stream(self, task: dict) -> Stream:
        """Run a streaming task (query, graph_get) on a reader; errors before the head raise EngineError."""
        pool, deadline = self.readers, self._deadline()
        shape = self.estimates.shape(task["query"]) if task["op"] == "query" else None
        solo = shape is not None and self.estimates.solo(shape)
        if solo:
            await self._solo_turn(shape, deadline)
        streaming = False
        try:
            lane = HEAVY if shape is None else self.estimates.lane(shape)
            worker = await self._dispatch(pool, task, deadline, lane)
            try:
                kind, payload = await self._read_one(pool, worker, deadline)
            except EngineError:
                if shape is not None:
                    self.estimates.record(shape, self.timeout)  # stopped (time, memory) or crashed: heavy
                raise
            if kind == b"C":  # the common case: the whole result in one frame
                pool.release(worker)
                if shape is not None:  # by the engine's CPU time: a busy machine does not make a query heavy
                    self.estimates.record(shape, CPU_TIME.unpack_from(payload)[0] / 1e6)
                end = CPU_TIME.size + 1 + payload[CPU_TIME.size]
                return Stream(payload[CPU_TIME.size + 1 : end].decode(), payload[end:], None)
            if kind == b"X":
                pool.release(worker)
                error = pickle.loads(payload)
                raise EngineError(error["status"], error["message"])
            if shape is not None:  # a result too large for one frame: heavy, however soon it starts
                self.estimates.record(shape, FAST_BUDGET)
            head = pickle.loads(payload)  # a large result: streamed in chunks as the engine writes it
            streaming = True
            body = self._body(pool, worker, deadline, shape, solo)
            return Stream(head["media_type"], None, body, deadline)
        finally:
            if solo and not streaming:
                self._end_solo_turn(shape)

    async def _solo_turn(self, shape: str, deadline: float) -> None:
        """Wait (until the deadline) for the previous query of this shape to finish; a query that waited
        and has less time left than its shape took is refused rather than started (and killed)."""
        lock, users = self.solos.get(shape) or (asyncio.Lock(), 0)
        self.solos[shape] = (lock, users + 1)
        waited = lock.locked()
        try:
            async with asyncio.timeout_at(deadline):
                await lock.acquire()
            took = self.estimates.seconds.get(shape)
            if waited and took is not None and took >= deadline - asyncio.get_running_loop().time():
                lock.release()
                raise TimeoutError
        except BaseException as exc:
            self._end_solo_turn(shape, acquired=False)
            if isinstance(exc, TimeoutError):
                raise EngineError(
                    503, "the same query (or one of the same shape) was slow and is still running for another "
                    "request; this one waited for it until too little of this server's time limit was left"
                ) from None
            raise

    def _end_solo_turn(self, shape: str, acquired: bool = True) -> None:
        lock, users = self.solos[shape]
        if acquired:
            lock.release()
        if users == 1:
            del self.solos[shape]
        else:
            self.solos[shape] = (lock, users - 1)

    async def _body(
        self, pool: Pool, worker: Worker, deadline: float, shape: str | None, solo: bool
    ) -> AsyncIterator[bytes]:
        """The streamed frames; a query stopped mid-stream makes its shape heavy, and its end ends the
        shape's solo turn."""
        finished = False
        try:
            while True:
                try:
                    kind, payload = await self._read_one(pool, worker, deadline)
                except EngineError:
                    if shape is not None:
                        self.estimates.record(shape, self.timeout)
                    raise
                if kind == b"D":
                    yield payload
                elif kind == b"E":
                    finished = True
                    return
                else:  # A: error after the status line was sent; all we can do is cut the response
                    finished = True
                    pool.release(worker)
                    raise EngineError(500, pickle.loads(payload)["message"])
        finally:
            if solo and shape is not None:
                self._end_solo_turn(shape)
            if not finished:
                await pool.discard(worker)  # abandoned mid-stream: its pipe is in an unknown state
            elif worker in pool.all and kind == b"E":
                pool.release(worker)
