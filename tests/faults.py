"""Real services that a fault test starts, breaks and stops: a private Redis, an SMTP sink.

Each runs on a port of its own (given by the system), never on the shared Redis.
"""

import asyncio
import shutil
import socket
import subprocess
import threading
import time
from email import message_from_bytes

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, *, timeout: float = 30.0, every: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    raise AssertionError(f"Timed out waiting for {what}")


class PrivateRedis:
    """A ``redis-server`` of the test's own, without persistence, that can be stopped."""

    def __init__(self) -> None:
        if shutil.which("redis-server") is None:
            pytest.skip("redis-server is not installed")
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--daemonize", "no"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for(self.answers, timeout=10, what="the private Redis")

    def answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None


class SmtpSink:
    """An SMTP server on loopback that keeps what it receives, and can be held or refuse.

    ``hold_ehlo`` holds the next EHLO until ``release()`` (the client has not handed
    anything over yet); ``hold_after_data_for`` keeps the message of these recipients,
    then holds before answering (the message has left: the sender cannot know).
    """

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.messages: list = []
        self.hold_ehlo = False
        self.hold_after_data_for: set[str] = set()
        self.held = threading.Event()
        self._release = threading.Event()
        self.refuse = False
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self._release.set()
        self.controller.stop()

    def release(self) -> None:
        """End the current hold, and return once the server went on."""
        self._release.set()
        wait_for(lambda: not self.held.is_set(), timeout=10, what="the sink to go on")

    async def _hold(self) -> None:
        self._release.clear()
        self.held.set()
        try:  # the server cancels the hold when the client dies
            while not self._release.is_set():
                await asyncio.sleep(0.05)
        finally:
            self.held.clear()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        if self.hold_ehlo:
            self.hold_ehlo = False
            await self._hold()
        return responses

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "451 Try again later"
        self.messages.append(message_from_bytes(envelope.content))
        if self.hold_after_data_for & set(envelope.rcpt_tos):
            self.hold_after_data_for -= set(envelope.rcpt_tos)
            await self._hold()
        return "250 OK"

    def received_by(self, address: str) -> int:
        return sum(1 for message in self.messages if message["To"] == address)
