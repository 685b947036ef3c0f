#!/usr/bin/python3
"""MAXPERIP for smtpd and imap-login (pop3-login's is in 63-pop3-service):
MAXPERIP sessions from 127.0.0.2 are let in, the next one is refused, one
from 127.0.0.3 still gets in, and closing a session frees its slot. An
IMAP session keeps its slot after the login, in imapd, even when
imap-login itself is gone. A session counts once its greeting arrived:
the slot is taken before the greeting is sent."""
import fcntl
import os
import pwd
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, command  # noqa: E402

if not all(os.access(command(p), os.X_OK) for p in ("smtpd", "smtpd-run", "imap-login", "imapd", "authcheck")):
    print("1..0 # SKIP smtpd or imap-login is not built")
    sys.exit(0)

t = Tap()


def held(d, ip, want, timeout=10.0):
    """The slots of ip in directory d that a live session holds, waiting
    (without any timing assertion) until there are want of them."""
    end = time.time() + timeout
    while True:
        live = []
        for n in os.listdir(d) if os.path.isdir(d) else []:
            if not n.startswith(ip + "."):
                continue
            try:
                with open(os.path.join(d, n)) as f:
                    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                live.append(n)
            except OSError:
                pass
        if len(live) == want or time.time() > end:
            return live
        time.sleep(0.02)


def smtp():
    from smtpin import Mailroot, Raw
    root = Mailroot(esmtpd="MAXPERIP=2\n")
    port = root.start_smtpd()
    d = root.p("var", "run", "smtp-perip")
    a, b = Raw(port, "127.0.0.2"), Raw(port, "127.0.0.2")
    t.like(a.reply(), r"^220 example\.test ESMTP", "smtpd: first session from 127.0.0.2")
    t.like(b.reply(), r"^220 ", "smtpd: second session from 127.0.0.2")
    c = Raw(port, "127.0.0.2")
    t.is_(c.reply(), "421 4.7.0 Too many connections from your address, try again later",
          "smtpd: MAXPERIP=2: the third from 127.0.0.2 is refused with 421 4.7.0")
    t.is_(c.reply(), None, "smtpd: and the connection is closed")
    c.close()
    o = Raw(port, "127.0.0.3")
    t.like(o.reply(), r"^220 ", "smtpd: 127.0.0.3 still gets in")
    t.like(o.cmd("QUIT"), r"^221 ", "smtpd: its session works")
    o.close()
    t.like(a.cmd("EHLO client.test"), r"^250", "smtpd: an admitted session goes on")
    a.cmd("QUIT")
    a.close()
    t.is_(len(held(d, "127.0.0.2", 1)), 1, "smtpd: the slot frees when the session ends")
    c = Raw(port, "127.0.0.2")
    t.like(c.reply(), r"^220 ", "smtpd: and a new session from 127.0.0.2 gets it")
    c.close()
    b.close()
    t.like(root.log(0), r"smtpd: refused ip=127\.0\.0\.2 reason=MAXPERIP live=2", "smtpd: the refusal is logged")
    # Relay clients (127.0.0.1 has RELAYCLIENT) count like everybody, as
    # couriertcpd counts them before any access rule.
    held(d, "127.0.0.1", 0)
    a, b = Raw(port, "127.0.0.1"), Raw(port, "127.0.0.1")
    ra, rb = a.reply(), b.reply()
    t.ok((ra or "").startswith("220 ") and (rb or "").startswith("220 "), "smtpd: two sessions from a relay client",
         (ra, rb, held(d, "127.0.0.1", 2, 0), os.listdir(d), root.log(0)[-600:]))
    c = Raw(port, "127.0.0.1")
    t.like(c.reply(), r"^421 4\.7\.0 ", "smtpd: a relay client's third is refused too")
    for x in (a, b, c):
        x.close()


def imap():
    from imaptest import ImapRoot, Raw, PASSWORD
    root = ImapRoot()
    root.account("demo")
    d = root.p("var", "run", "imap-perip")
    os.makedirs(d)
    if root.as_root:
        os.chown(d, pwd.getpwnam("nobody").pw_uid, -1)
    port = root.start_imap({"MAXPERIP": "2"})

    def conn(ip):
        r = Raw.__new__(Raw)
        r.s = socket.create_connection(("127.0.0.1", port), 10, source_address=(ip, 0))
        r.f = r.s.makefile("rb")
        r.n = 0
        return r
    a, b = conn("127.0.0.2"), conn("127.0.0.2")
    t.like(a.line(), r"^\* OK ", "imap: first session from 127.0.0.2")
    t.like(b.line(), r"^\* OK ", "imap: second session from 127.0.0.2")
    c = conn("127.0.0.2")
    t.is_(c.line(), "* BYE [UNAVAILABLE] Too many connections from your address.", "imap: MAXPERIP=2: the third is refused")
    c.close()
    o = conn("127.0.0.3")
    t.like(o.line(), r"^\* OK ", "imap: 127.0.0.3 still gets in")
    o.close()
    u, tag = a.cmd("LOGIN demo " + PASSWORD)
    t.like(tag, r"^t1 OK ", "imap: a session logs in")
    # The slot's name carries imap-login's pid: killing imap-login
    # leaves imapd serving the session, and the slot with it.
    live = held(d, "127.0.0.2", 2)
    for n in live:
        os.kill(int(n.rsplit(".", 1)[1]), signal.SIGKILL)
    u, tag = a.cmd("SELECT INBOX")
    t.like(tag, r"^t2 OK ", "imap: imapd goes on without imap-login")
    t.is_(len(held(d, "127.0.0.2", 1)), 1, "imap: the session that had not logged in is gone")
    c = conn("127.0.0.2")
    t.like(c.line(), r"^\* OK ", "imap: its slot is free again")
    e = conn("127.0.0.2")
    t.like(e.line(), r"^\* BYE \[UNAVAILABLE\]", "imap: the logged-in session still holds its slot in imapd")
    e.close()
    a.cmd("LOGOUT")
    a.close()
    t.is_(len(held(d, "127.0.0.2", 1)), 1, "imap: LOGOUT frees the slot")
    e = conn("127.0.0.2")
    t.like(e.line(), r"^\* OK ", "imap: and a new session gets it")
    e.close()
    c.close()
    b.close()
    t.like(root.log(0), r"imap-login: refused ip=127\.0\.0\.2 reason=MAXPERIP live=2", "imap: the refusal is logged")


smtp()
imap()
