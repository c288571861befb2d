"""A real SMTP server on a local socket for the outbox tests: it accepts, hangs or refuses.

No mock of the mail layer: Django's SMTP backend talks to this server over TCP.
"""

import socket
import threading
from email import message_from_bytes, policy


class LocalSmtpServer:
    """Speaks just enough SMTP for Django's backend; `mode` may change while it runs.

    accept  answers every command and keeps each message in `messages`
    hang    accepts the connection and never says a word (a stuck server)
    refuse  closes its listening socket, so connections are refused
    """

    def __init__(self, mode="accept"):
        self.mode = mode
        self.messages = []
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._open = []
        self._stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def set_mode(self, mode):
        if mode == "refuse" and self._listener is not None:
            # shutdown() wakes the thread waiting in accept(); close() alone would leave the
            # socket listening while that thread holds it.
            self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        elif mode != "refuse" and self._listener is None:
            self._listener = socket.create_server(("127.0.0.1", self.port))
            threading.Thread(target=self._serve, daemon=True).start()
        self.mode = mode

    def stop(self):
        self._stopped.set()
        self.set_mode("refuse")
        for connection in self._open:
            connection.close()

    def _serve(self):
        listener = self._listener
        while not self._stopped.is_set():
            try:
                connection, _address = listener.accept()
            except OSError:
                return
            self.connections += 1
            self._open.append(connection)
            if self.mode == "hang":
                continue
            threading.Thread(target=self._talk, args=(connection,), daemon=True).start()

    def _talk(self, connection):
        stream = connection.makefile("rb")

        def say(line):
            connection.sendall(line.encode() + b"\r\n")

        say("220 localhost test SMTP")
        try:
            while line := stream.readline():
                command = line.decode(errors="replace").strip().upper()
                if command.startswith(("EHLO", "HELO")):
                    say("250 localhost")
                elif command.startswith("DATA"):
                    say("354 go ahead")
                    data = b""
                    while (chunk := stream.readline()) not in (b".\r\n", b""):
                        data += chunk
                    self.messages.append(message_from_bytes(data, policy=policy.default))
                    say("250 queued")
                elif command.startswith("QUIT"):
                    say("221 bye")
                    break
                else:
                    say("250 ok")
        finally:
            connection.close()


def serve_smtp(settings):
    """For a fixture: Django sends mail to a local SMTP server with a one-second timeout.

    @pytest.fixture
    def smtp_server(settings):
        yield from serve_smtp(settings)
    """
    server = LocalSmtpServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 1
    yield server
    server.stop()


def send_queued_mail():
    """What the task worker does once the request's transaction commits: send every due mail.

    Tests run inside a transaction that never commits, so the outbox's after-commit hand-over
    to the task queue does not happen by itself.
    """
    from glokal.outbox.mailing import deliver, due_mail_ids

    return [deliver(mail_id) for mail_id in due_mail_ids()]
