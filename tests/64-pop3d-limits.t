#!/usr/bin/python3
"""pop3d against a client that misbehaves: one that stops reading in the
middle of a multi-megabyte RETR (POP3_WRITE_TIMEOUT), one that stops
talking or dribbles a line (POP3_IDLE_TIMEOUT), huge message numbers and
line counts, pipelined floods over thousands of messages, odd message
files (a trailing CR, a FIFO), and a message removed by another session
asked for again and again. Short timeouts come from the environment, as
the service's etc/pop3d sets them."""
import os
import pwd
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, Root, command, free_port  # noqa: E402
from pop3test import Raw, children  # noqa: E402

t = Tap()
root = Root()
AS_ROOT = os.geteuid() == 0
NOBODY = pwd.getpwnam("nobody")
TCP_USER = ["-u", str(NOBODY.pw_uid), "-g", str(NOBODY.pw_gid)] if AS_ROOT else []


def maildir(name):
    md = root.p(name)
    for d in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(md, d))
    return md


def own(md):
    """The account (nobody, when the test runs as root) owns its maildir."""
    if AS_ROOT:
        for top, dirs, names in os.walk(md):
            for n in [top] + [os.path.join(top, x) for x in names]:
                os.lchown(n, NOBODY.pw_uid, NOBODY.pw_gid)


def put(md, n, body, sub="cur", info=":2,"):
    name = "%d.M%dP1.test,S=%d%s" % (1700000000 + n, n, len(body), info)
    with open(os.path.join(md, sub, name), "wb") as f:
        f.write(body)
    return name


def start(md, **settings):
    port = free_port()
    env = {"MAILDIR": md, "AUTHENTICATED": "tester"}
    env.update(settings)
    proc = root.start(["tcpserver"] + TCP_USER + ["-HRl0", "127.0.0.1", str(port), command("pop3d")],
                      env=env, port=port)
    return port, proc, len(root.procs) - 1


def wait_gone(proc, limit=60):
    """Waits (a bound, not a measurement) until tcpserver has no pop3d child."""
    end = time.time() + limit
    while time.time() < end:
        if not children(proc.pid):
            return True
        time.sleep(0.2)
    return False


def wait_child(proc, limit=10):
    end = time.time() + limit
    while time.time() < end:
        if children(proc.pid):
            return True
        time.sleep(0.05)
    return False


class Client(Raw):
    """Raw, with a small receive buffer when asked (set before connect,
    so the window stays small): a client that stops reading stalls the
    server after a few kilobytes, not after megabytes."""

    def __init__(self, port, rcvbuf=None):
        self.s = socket.socket()
        if rcvbuf:
            self.s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        self.s.settimeout(30)
        self.s.connect(("127.0.0.1", port))
        self.f = self.s.makefile("rb")


def snapshot(md):
    return sorted(os.listdir(os.path.join(md, "cur"))), sorted(os.listdir(os.path.join(md, "new")))


def uidls(port):
    c = Client(port)
    c.line()
    c.send("UIDL\r\n")
    c.line()
    got = [ln.split()[1] for ln in c.multi()]
    c.cmd("QUIT")
    c.close()
    return got


# 1. A client that stops reading in the middle of RETR of an 8 MB
# message, with DELE and QUIT pipelined behind it: pop3d gives up after
# POP3_WRITE_TIMEOUT, logs a timeout, and nothing changes on disk.
md = maildir("Maildir")
big = b"Subject: big\n\n" + (b"Y" * 79 + b"\n") * (8 * 1024 * 1024 // 80)
put(md, 1, b"Subject: small\n\nsmall\n")
put(md, 2, big)
own(md)
port, proc, log = start(md, POP3_WRITE_TIMEOUT="2")
before_uidl = uidls(port)
before = snapshot(md)
c = Client(port, rcvbuf=16384)
t.is_(c.line(), "+OK logged in.", "write timeout: logged in")
c.send("DELE 1\r\nRETR 2\r\nQUIT\r\n")
t.ok(wait_child(proc), "write timeout: pop3d is sending")
t.ok(wait_gone(proc), "write timeout: the pop3d of a client that stopped reading is gone")
c.close()
t.is_(snapshot(md), before, "write timeout: no message deleted, none renamed (the pipelined QUIT never ran)")
t.is_(uidls(port), before_uidl, "write timeout: UIDLs unchanged")
t.like(root.log(log), r"pop3d: timeout user=tester ip=127\.0\.0\.1 retrieved=1 top=0 deleted=0",
       "write timeout: logged as a timeout")

# 2. Silence, and a line dribbled one octet at a time: both end at
# POP3_IDLE_TIMEOUT counted from the start of the line.
port, proc, log = start(md, POP3_IDLE_TIMEOUT="2")
c = Client(port)
c.line()
c.send("DELE 1\r\n")
c.line()
t.is_(c.f.readline(), b"", "idle timeout: a silent client is disconnected")
c.close()
c = Client(port)
c.line()
stop = time.time() + 60
closed = False
while time.time() < stop and not closed:
    try:
        c.s.send(b"N")
        time.sleep(0.5)
    except OSError:
        closed = True
t.ok(closed, "idle timeout: a line sent one octet at a time is cut off too")
c.close()
t.ok(wait_gone(proc), "idle timeout: no pop3d left")
t.is_(snapshot(md), before, "idle timeout: nothing deleted")

# 3. Numbers from the client: huge message numbers, huge TOP counts.
md = maildir("Many")
bodies = {}
for i in range(1, 3001):
    bodies[i] = b"Subject: m%d\n\nbody %d\n" % (i, i)
    put(md, i, bodies[i], sub="new", info="")
odd = put(md, 4000, b"Subject: cr\n\nends with a CR\r")
total = sum(map(len, bodies.values())) + len(b"Subject: cr\n\nends with a CR\r")
os.mkfifo(os.path.join(md, "cur", "1700009000.M9000P1.test:2,"))
own(md)
port, proc, log = start(md)
c = Client(port)
t.is_(c.line(), "+OK logged in.", "3,000 messages in new/: logged in")
t.is_(c.cmd("STAT"), "+OK 3002 %d" % total,
      "STAT counts every message (and the FIFO as 0 octets)")
for cmd in ("RETR 3003", "RETR 4294967297", "LIST 999999999", "DELE 18446744073709551617",
            "TOP 99999999999999999999 1", "UIDL 0000000000000000000000001", "RETR +1", "DELE 1e3"):
    t.like(c.cmd(cmd), r"^-ERR No such message\.$", "%s: no such message" % cmd)
t.like(c.cmd("LIST 0003000"), r"^\+OK 3000 \d+$", "LIST with leading zeros")
t.is_(c.cmd("TOP 1 99999999999999999999"), "+OK Top of message follows.", "TOP with a 20-digit line count")
t.is_(c.multi(), ["Subject: m1", "", "body 1"], "... sends the whole message")
t.like(c.cmd("TOP 1 -1"), r"^-ERR .*number", "TOP with a negative count")
resp = c.cmd("RETR 3001")
got = c.multi()
t.is_((resp, got), ("+OK %d octets follow." % sum(len(x) + 2 for x in got), ["Subject: cr", "", "ends with a CR"]),
      "a last line ending in a bare CR: the octet count is what is sent")
t.like(c.cmd("RETR 3002"), r"^-ERR \[SYS/TEMP\]", "a FIFO in cur/ is refused, not waited on")
t.is_(c.cmd("NOOP"), "+OK", "the session goes on")

# 4. Pipelined floods: 20,000 STAT and 10,000 DELE/RSET pairs over
# 3,002 messages, answered in order while the client reads them.
flood = b"STAT\r\n" * 20000 + b"DELE 1\r\nRSET\r\n" * 10000 + b"DELE 2\r\nSTAT\r\n"
answers = []
reader = threading.Thread(target=lambda: answers.extend(c.line() for _ in range(20000 + 20000 + 2)))
reader.start()
c.send(flood)
reader.join(120)
t.is_(len(answers), 40002, "flood: every command answered")
t.is_(set(answers[:20000]), {"+OK 3002 %d" % total}, "flood: 20,000 STAT")
t.is_(set(answers[20000:40000]), {"+OK Deleted.", "+OK Deletions undone."}, "flood: DELE and RSET pairs")
t.like(answers[-1], r"^\+OK 3001 ", "flood: after it, one message marked")
t.like(c.cmd("RETR 1"), r"^\+OK", "RSET undid the DELEs")
c.multi()
t.like(c.cmd("RETR 2"), r"^-ERR .*deleted", "the last DELE holds")

# 5. A message removed by another session, asked for again and again.
os.unlink(os.path.join(md, "cur", sorted(n for n in os.listdir(os.path.join(md, "cur")) if n.startswith("1700000003."))[0]))
answers = []
reader = threading.Thread(target=lambda: answers.extend(c.line() for _ in range(2000)))
reader.start()
c.send(b"RETR 3\r\nTOP 3 0\r\n" * 1000)
reader.join(60)
t.is_(set(answers), {"-ERR Message removed by another session."}, "a removed message: the same answer 2,000 times")
t.is_(c.cmd("DELE 3"), "+OK Deleted.", "DELE of the removed message")
t.is_(c.cmd("QUIT"), "+OK Bye-bye.", "QUIT")
c.close()
t.ok(wait_gone(proc), "the session ended")
left = os.listdir(os.path.join(md, "cur"))
t.is_(len(left), 3000, "QUIT removed message 2, skipped the one already gone")
t.ok(any(n.startswith("1700000001.") and n.endswith(":2,S") for n in left), "RETR'd message marked seen")
t.like(root.log(log), r"pop3d: logout user=tester .* deleted=1 ", "one deletion logged")

# 6. pop3-login: a line must be complete within POP3_LOGIN_TIMEOUT of
# its first octet, and the whole AUTHORIZATION state within five of
# them, however busy the client keeps it (CAPA answered for ever).
def held(port, chunk, every, limit=60):
    """Sends chunk every few tenths of a second, reading what comes;
    returns (seconds the server held the connection, last line) or
    (None, ...) when it was still open at the limit (a bound, not a
    measurement)."""
    c = Client(port)
    c.line()
    c.s.settimeout(every)
    start = time.time()
    last = ""
    while time.time() - start < limit:
        try:
            c.s.send(chunk)
        except OSError:
            break
        try:
            data = c.s.recv(4096)
            if not data:
                break
            last = data.decode("latin-1").strip().split("\r\n")[-1]
        except socket.timeout:
            pass
        except OSError:
            break
    else:
        c.close()
        return None, last
    c.close()
    return time.time() - start, last


port = free_port()
login = root.start(["tcpserver"] + TCP_USER + ["-HRl0", "127.0.0.1", str(port), command("pop3-login"), "authcheck",
                    command("pop3d")], env={"POP3_LOGIN_TIMEOUT": "1"}, port=port)
secs, last = held(port, b"CAPA\r\n", 0.3)
t.ok(secs is not None, "pop3-login: a client sending CAPA for ever is cut off", last)
# (Its "-ERR Timeout." may be lost: the kernel resets a connection
# closed with our unread CAPAs in it, so the log says it.)
t.ok(wait_gone(login) and "pop3-login: timeout ip=127.0.0.1" in root.log(len(root.procs) - 1),
     "pop3-login: ... as a timeout", root.log(len(root.procs) - 1))
secs, last = held(port, b"C", 0.3)
t.ok(secs is not None, "pop3-login: a line dribbled one octet at a time is cut off", last)
t.ok(wait_gone(login), "pop3-login: no process left")

# 7. QUIT after another client renamed 500 of the messages DELE'd here
# and removed 500 more: the renamed ones are found again (all in one
# reading of cur/), the removed ones skipped, and the rest untouched.
port, proc, log = start(md)
c = Client(port)
c.line()
c.send("".join("DELE %d\r\n" % i for i in range(1, 1001)))
t.is_({c.line() for _ in range(1000)}, {"+OK Deleted."}, "1,000 DELEs")
cur = sorted(os.listdir(os.path.join(md, "cur")))
for n in cur[:500]:
    os.rename(os.path.join(md, "cur", n), os.path.join(md, "cur", n.split(":")[0] + ":2,FS"))
for n in cur[500:1000]:
    os.unlink(os.path.join(md, "cur", n))
t.is_(c.cmd("QUIT"), "+OK Bye-bye.", "QUIT")
c.close()
t.ok(wait_gone(proc), "the session ended")
t.is_(sorted(os.listdir(os.path.join(md, "cur"))), cur[1000:], "the 1,000 are gone, the other 2,000 untouched")
t.like(root.log(log), r"pop3d: logout user=tester .* deleted=500 ", "the 500 this session removed are logged")
