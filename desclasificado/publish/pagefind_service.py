"""A client of Pagefind's service (`pagefind --service`): the binary the build runs, fed pages
over a pipe instead of finding them on disk itself.

The protocol is the one Pagefind's own Node and Python wrappers speak: each message is a JSON
object, base64-encoded, followed by a comma; a request is `{"message_id", "payload"}` and its
answer carries the same `message_id`. The service handles one request at a time, in order.
The Python wrapper on PyPI (`pagefind.index`) is not used: it waits 0.1 s before reading each
answer, which is half an hour for the 20,000 pages of 10,000 events.

At most `AHEAD` requests are sent before their answers come back: the service queues what it
has read without limit, and each queued page holds its HTML in memory.
"""

from __future__ import annotations

import base64
import binascii
import json
import subprocess
import threading
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

#: Requests sent ahead of their answers (enough to keep Pagefind busy, each a page's HTML).
AHEAD = 16
#: Seconds the service may take to end once its input is closed.
ENDING = 600


class ServiceFailed(Exception):
    """Pagefind's service stopped or answered with an error; the message says which."""


class PagefindService:
    """One `pagefind --service` process, run in `cwd` (the site: the paths of the pages sent
    are relative to it, and their addresses follow from them)."""

    def __init__(self, cwd: Path, binary: str):
        try:
            self.process = subprocess.Popen([binary, "--service"], cwd=cwd,
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE)
        except OSError as exc:
            raise ServiceFailed(str(exc)) from None
        self.sent = 0
        self.received = 0
        self.wanted: set[int] = set()  # the requests of `ask`, whose answers are kept
        self.answers: dict[int, dict] = {}
        self.errors: list[str] = []
        self.ended = False
        self.changed = threading.Condition()
        self.stderr = b""
        self.readers = [threading.Thread(target=self._read, daemon=True),
                        threading.Thread(target=self._read_stderr, daemon=True)]
        for reader in self.readers:
            reader.start()

    def __enter__(self) -> PagefindService:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close(stop=error is not None)

    def ask(self, payload: dict) -> dict:
        """Send one request and wait for its answer (its payload)."""
        self.wanted.add(self.sent + 1)
        return self._wait(self._send(payload))

    def stream(self, payloads: Iterable[dict]) -> None:
        """Send every request, at most AHEAD ahead of the answers, and wait for the last; the
        answers are dropped (an error among them raises ServiceFailed)."""
        for payload in payloads:
            with self.changed:
                self.changed.wait_for(lambda: self.ended or self.errors or
                                      self.sent - self.received < AHEAD)
            self._check()
            self._send(payload)
        with self.changed:
            self.changed.wait_for(lambda: self.ended or self.received >= self.sent)
        self._check()

    def close(self, stop: bool = False) -> None:
        """End the service: its stdin closed, then the process waited for until it ends by
        itself, or killed at once (`stop`, after an error). ServiceFailed if it does not end
        within ENDING seconds."""
        try:
            if self.process.stdin:
                self.process.stdin.close()
        except OSError:
            pass
        if stop:
            self.process.kill()
        try:
            self.process.wait(timeout=ENDING)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise ServiceFailed(f"did not end within {ENDING} s of writing the index") from None
        finally:
            for reader in self.readers:
                reader.join(timeout=10)
            for pipe in (self.process.stdout, self.process.stderr):
                if pipe:
                    pipe.close()

    def _send(self, payload: dict) -> int:
        self.sent += 1
        message = json.dumps({"message_id": self.sent, "payload": payload}, ensure_ascii=False)
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(base64.b64encode(message.encode("utf-8")) + b",")
            self.process.stdin.flush()
        except OSError:
            self._stopped()
        return self.sent

    def _wait(self, number: int) -> dict:
        with self.changed:
            self.changed.wait_for(lambda: self.ended or number in self.answers)
        self._check()
        self.wanted.discard(number)
        return self.answers.pop(number)

    def _check(self) -> None:
        if self.errors:
            raise ServiceFailed(self.errors[0])
        if self.ended and self.received < self.sent:
            self._stopped()

    def _stopped(self) -> None:
        """The process ended before answering: its exit status and what it said."""
        code = self.process.wait()
        self.readers[1].join(timeout=10)
        said = " ".join(self.stderr.decode("utf-8", "replace").split())[:500]
        raise ServiceFailed(f"exited with {code}" + (f": {said}" if said else ""))

    def _read(self) -> None:
        """Read the answers as they come (in a thread: the service would block on a full pipe)."""
        assert self.process.stdout is not None
        pending = bytearray()  # an answer can be tens of MB (GetFiles): never copied whole
        while chunk := self.process.stdout.read1(1 << 16):
            pending += chunk
            end = chunk.rfind(b",")
            if end < 0:
                continue
            end += len(pending) - len(chunk)
            done = bytes(pending[:end]).split(b",")
            del pending[:end + 1]
            with self.changed:
                for item in done:
                    self._take(item)
                self.changed.notify_all()
        with self.changed:
            self.ended = True
            self.changed.notify_all()

    def _take(self, item: bytes) -> None:
        try:
            answer = json.loads(base64.b64decode(item.strip(), validate=True))
        except (binascii.Error, ValueError):
            self.errors.append(" ".join(item.decode("utf-8", "replace").split())[:500])
            return
        payload = answer.get("payload") or {}
        if payload.get("type") == "Error":
            self.errors.append(str(payload.get("message", "an error")))
        self.received += 1
        number = answer.get("message_id")
        if number in self.wanted:
            self.answers[number] = payload

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        self.stderr = self.process.stderr.read()
