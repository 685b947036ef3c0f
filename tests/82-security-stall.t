#!/usr/bin/python3
# Pre-auth servers: a client that sends and never reads must not hold a
# server process for ever. Writes to the client time out like reads.
import os
import socket
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from smtpin import Mailroot  # noqa: E402
from imaptest import ImapRoot  # noqa: E402

t = Tap()


def stalls_for_ever(port, command, deadline=75):
    """Floods the server with command without reading its replies; True
    when the server still holds the connection open at the deadline."""
    s = socket.create_connection(("127.0.0.1", port), 10)
    s.recv(4096)   # the greeting
    s.setblocking(False)
    data = command * 512
    end = time.time() + deadline
    try:
        while time.time() < end:
            try:
                s.send(data)
            except BlockingIOError:
                time.sleep(0.2)
        return True
    except (ConnectionResetError, BrokenPipeError):
        return False
    finally:
        s.close()


smtp = Mailroot(esmtpd="ESMTPTIMEOUT=2\n")
try:
    port = smtp.start_smtpd()
    t.ok(not stalls_for_ever(port, b"NOOP\r\n"), "smtpd gives up on a client that never reads its replies")
finally:
    smtp.cleanup()

imap = ImapRoot()
try:
    port = imap.start_pop3(env={"POP3_LOGIN_TIMEOUT": "2"})
    t.ok(not stalls_for_ever(port, b"CAPA\r\n"), "pop3-login gives up on a client that never reads its replies")
    port = imap.start_imap(env={"IMAP_LOGIN_TIMEOUT": "2"})
    t.ok(not stalls_for_ever(port, b"a NOOP\r\n"), "imap-login gives up on a client that never reads its replies")
finally:
    imap.cleanup()
