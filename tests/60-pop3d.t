#!/usr/bin/python3
"""pop3d on its own (post-auth, MAILDIR set) under tcpserver: every
command and error, pipelining, dot-stuffing, LF and CRLF messages, 0-byte
and 20 MB messages, sessions ending without QUIT, a mailbox changing
during a session, concurrent sessions, maildirsize."""
import os
import poplib
import pwd
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, Root, command, free_port  # noqa: E402
from pop3test import Raw, children  # noqa: E402

t = Tap()
root = Root()
md = root.p("Maildir")
for d in ("tmp", "new", "cur"):
    os.makedirs(os.path.join(md, d))
counter = [0]
# pop3d refuses to run as root: as root, the sessions run as nobody,
# which owns the maildir (as an account owns its own).
AS_ROOT = os.geteuid() == 0
NOBODY = pwd.getpwnam("nobody")
AS_USER = ["setuidgid", "nobody"] if AS_ROOT else []
TCP_USER = ["-u", str(NOBODY.pw_uid), "-g", str(NOBODY.pw_gid)] if AS_ROOT else []


def own(path=None):
    """Gives the maildir (or one file in it) to the account pop3d runs as."""
    if not AS_ROOT:
        return
    paths = [path] if path else [md] + [os.path.join(top, x) for top, dirs, names in os.walk(md) for x in dirs + names]
    for n in paths:
        os.lchown(n, NOBODY.pw_uid, NOBODY.pw_gid)


own()


def deliver(body, sub="new", info=""):
    """Writes a message the way a maildir delivery does: tmp, then link."""
    counter[0] += 1
    base = "%d.M%dP%dQ%d.testhost" % (1700000000 + counter[0], counter[0], os.getpid(), counter[0])
    tmp = os.path.join(md, "tmp", base)
    with open(tmp, "wb") as f:
        f.write(body)
    name = "%s,S=%d%s" % (base, len(body), info)
    own(tmp)
    os.rename(tmp, os.path.join(md, sub, name))
    return base


def start():
    port = free_port()
    env = {"MAILDIR": md, "AUTHENTICATED": "tester"}
    root.start(["tcpserver"] + TCP_USER + ["-HRl0", "127.0.0.1", str(port), command("pop3d")], env=env, port=port)
    return port


def files(sub="cur"):
    return sorted(os.listdir(os.path.join(md, sub)))


msg_lf = b"From: a@example.test\nSubject: lf\n\nline one\n.starts with a dot\n..two dots\n.\nlast\n"
msg_crlf = b"From: b@example.test\r\nSubject: crlf\r\n\r\nbody\r\n.dot\r\n"
msg_noeol = b"Subject: no final newline\n\nabc"
deliver(msg_lf)
deliver(msg_crlf)
deliver(msg_noeol)
deliver(b"")
port = start()

# The seed-002 session, against pop3d alone.
r = Raw(port)
t.is_(r.line(), "+OK logged in.", "greeting after login")
t.is_(files("new"), [], "new/ moved to cur/ at login")
t.ok(all(n.endswith(":2,") for n in files()), "moved names get :2,", files())
t.like(r.cmd("stat"), r"^\+OK 4 \d+$", "STAT counts 4 messages")
t.like(r.cmd("retr 1"), r"^\+OK \d+ octets follow\.$", "RETR: octets follow")
body = r.multi_raw()
t.is_(b"".join(body), msg_lf.replace(b"\n", b"\r\n").replace(b"\r\n.", b"\r\n..").replace(b"Subject", b"Subject", 1),
      "RETR: LF becomes CRLF, dots stuffed")
t.is_(r.cmd("quit"), "+OK Bye-bye.", "QUIT")
r.close()

# poplib: every command.
p = poplib.POP3("127.0.0.1", port, timeout=10)
t.like(p.getwelcome().decode(), r"^\+OK", "poplib welcome")
count, size = p.stat()
t.is_(count, 4, "poplib stat count")
resp, listing, _ = p.list()
t.is_(len(listing), 4, "LIST lists 4")
t.is_(listing[3], b"4 0", "0-byte message listed with size 0")
t.is_(p.list(2).decode(), "+OK 2 %d" % len(msg_crlf), "LIST 2: size from ,S=")
resp, uidls, _ = p.uidl()
uids = [u.split()[1].decode() for u in uidls]
t.ok(all(u.startswith("17000000") and ":" not in u for u in uids), "UIDL from the file name", uids)
t.is_(len(set(uids)), 4, "UIDLs distinct")
t.is_(p.uidl(3).decode(), "+OK 3 " + uids[2], "UIDL 3")
resp, lines, octets = p.retr(1)
t.is_(lines, msg_lf.rstrip(b"\n").split(b"\n"), "poplib RETR 1 round-trips the LF message (dot-unstuffed)")
resp, lines, octets = p.retr(2)
t.is_(lines, msg_crlf.rstrip(b"\r\n").split(b"\r\n"), "RETR of a CRLF message is not doubled")
t.like(resp.decode(), r"^\+OK %d octets" % len(msg_crlf), "CRLF message: exact octets")
resp, lines, octets = p.retr(3)
t.is_(lines, [b"Subject: no final newline", b"", b"abc"], "message without final newline gets one")
t.like(resp.decode(), r"^\+OK %d octets" % (len(msg_noeol) + 2 + 2), "octets count the added CRs and CRLF")
resp, lines, octets = p.retr(4)
t.is_((resp.decode(), lines), ("+OK 0 octets follow.", []), "0-byte message")
resp, lines, _ = p.top(1, 0)
t.is_(lines, [b"From: a@example.test", b"Subject: lf", b""], "TOP 1 0: header and blank line")
resp, lines, _ = p.top(1, 2)
t.is_(lines, [b"From: a@example.test", b"Subject: lf", b"", b"line one", b".starts with a dot"], "TOP 1 2")
t.like(p.noop().decode(), r"^\+OK", "NOOP")
t.like(p.dele(1).decode(), r"^\+OK", "DELE 1")
t.is_(p.stat()[0], 3, "STAT after DELE excludes it")
t.like(p.rset().decode(), r"^\+OK", "RSET")
t.is_(p.stat()[0], 4, "RSET undeletes")
capa = p.capa()
t.ok("UIDL" in capa and "TOP" in capa and "PIPELINING" in capa and "RESP-CODES" in capa, "CAPA after login", capa)
p.quit()

# Error paths: each an -ERR with text, and the session goes on.
r = Raw(port)
r.line()
errors = [
    ("RETR 99", "no such message"), ("RETR 0", "no such message"), ("RETR x", "no such message"),
    ("RETR", "argument required"), ("LIST 1 2", "too many arguments"), ("TOP 1", "argument"),
    ("TOP 1 x", "number"), ("RETR -1", "no such message"), ("RETR 99999999999999999999", "no such message"),
    ("FOO", "unknown command"), ("", "empty command"), ("USER x", "already logged in"),
    ("PASS x", "already logged in"), ("AUTH PLAIN", "already logged in"), ("STLS", "already logged in"),
    ("STAT extra", "too many"), ("x" * 5000, "too long"), ("LIST \x00", "nul"),
]
for c, want in errors:
    got = r.cmd(c)
    t.ok(got.startswith("-ERR ") and want in got.lower(), "%r gets -ERR (%s)" % (c[:20], want), got)
t.is_(r.cmd("DELE 2"), "+OK Deleted.", "DELE 2")
t.like(r.cmd("DELE 2"), r"^-ERR .*deleted", "DELE of a deleted message")
t.like(r.cmd("RETR 2"), r"^-ERR .*deleted", "RETR of a deleted message")
t.like(r.cmd("LIST 2"), r"^-ERR", "LIST of a deleted message")
t.like(r.cmd("TOP 2 1"), r"^-ERR", "TOP of a deleted message")
t.like(r.cmd("STAT"), r"^\+OK 3 ", "session goes on after errors")
r.close()   # no QUIT: nothing deleted
time.sleep(0.3)
t.is_(len(files()), 4, "connection closed before QUIT: nothing deleted")

# Pipelining: many commands in one write, answers in order.
r = Raw(port)
r.line()
r.send("STAT\r\nLIST 1\r\nUIDL 1\r\nNOOP\r\nTOP 2 0\r\nLIST\r\nQUIT\r\n")
t.like(r.line(), r"^\+OK 4 ", "pipelined STAT")
t.like(r.line(), r"^\+OK 1 \d+$", "pipelined LIST 1")
t.is_(r.line(), "+OK 1 " + uids[0], "pipelined UIDL 1")
t.is_(r.line(), "+OK", "pipelined NOOP")
t.like(r.line(), r"^\+OK", "pipelined TOP")
t.is_(len(r.multi()), 3, "TOP 2 0 body")
r.line()
t.is_(len(r.multi()), 4, "pipelined LIST")
t.is_(r.line(), "+OK Bye-bye.", "pipelined QUIT")
r.close()

# Retrieved messages are marked seen at QUIT.
t.ok(all(n.endswith(":2,S") for n in files() if not n.startswith("1700000004")), "RETR'd messages marked S at QUIT", files())

# Kill the server side mid-session: nothing deleted. The sessions
# before have ended (their pop3d may still be exiting).
end = time.time() + 10
while children(root.procs[0].pid) and time.time() < end:
    time.sleep(0.05)
r = Raw(port)
r.line()
r.cmd("DELE 1")
r.cmd("DELE 2")
kids = children(root.procs[0].pid)
t.ok(kids, "the session's pop3d is running")
for pid in kids:
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
r.close()
time.sleep(0.3)
t.is_(len(files()), 4, "pop3d killed before QUIT: nothing deleted")

# Mailbox changing during a session, and a second concurrent session.
with open(os.path.join(md, "maildirsize"), "w") as f:
    f.write("100000S\n%d 4\n" % sum(len(m) for m in (msg_lf, msg_crlf, msg_noeol)))
own(os.path.join(md, "maildirsize"))
a = poplib.POP3("127.0.0.1", port, timeout=10)
b = poplib.POP3("127.0.0.1", port, timeout=10)
uid_a = [u.split()[1] for u in a.uidl()[1]]
deliver(b"Subject: late\n\nlate\n")
t.is_(a.stat()[0], 4, "a delivery during the session is not in this session's view")
cur = files()
seen_flag = [n for n in cur if n.startswith("1700000002")][0]
os.rename(os.path.join(md, "cur", seen_flag), os.path.join(md, "cur", seen_flag.split(":")[0] + ":2,FS"))
resp, lines, _ = a.retr(2)
t.is_(lines, msg_crlf.rstrip(b"\r\n").split(b"\r\n"), "a message renamed by another client is still retrieved")
t.is_([u.split()[1] for u in a.uidl()[1]], uid_a, "UIDLs unchanged by the rename")
b.dele(1)
b.dele(3)
b.quit()
t.is_(len(files()), 2, "second session deleted two")
try:
    a.retr(1)
    t.ok(False, "RETR of a message another session removed")
except poplib.error_proto as e:
    t.like(str(e), "removed", "RETR of a message another session removed: -ERR")
a.dele(1)
a.dele(2)
a.quit()
t.is_([n[:10] for n in files()], ["1700000004"], "both sessions' deletions done; the message neither deleted remains")
t.is_(len(files("new")), 1, "late delivery waits in new/")
with open(os.path.join(md, "maildirsize")) as f:
    lines = f.read().split("\n")
total = [sum(int(x.split()[i]) for x in lines[1:] if x.strip()) for i in (0, 1)]
t.is_(total, [0, 1], "maildirsize: each removal counted once (the 0-byte message left)")

# ,W= (the CRLF size, as postern's deliveries and Dovecot write it) is
# what LIST reports.
name = "1700000099.M1P1.testhost,S=%d,W=%d" % (len(msg_lf), len(msg_lf) + msg_lf.count(b"\n"))
with open(os.path.join(md, "new", name), "wb") as f:
    f.write(msg_lf)
p = poplib.POP3("127.0.0.1", port, timeout=10)
n = p.stat()[0]
t.is_(p.list(n).decode(), "+OK %d %d" % (n, len(msg_lf) + msg_lf.count(b"\n")), "LIST uses ,W=")
resp, lines, octets = p.retr(n)
t.like(resp.decode(), r"^\+OK %d octets" % (len(msg_lf) + msg_lf.count(b"\n")), "and RETR sends exactly that")
p.dele(n)
p.quit()

# Arrival order within one second: M<microseconds> compared as a number.
for usec, subj in ((100000, b"second"), (99999, b"first")):
    name = "1700000500.M%dP7.testhost,S=%d" % (usec, 18 + len(subj))
    with open(os.path.join(md, "new", name), "wb") as f:
        f.write(b"Subject: " + subj + b"\n\nbody\n")
p = poplib.POP3("127.0.0.1", port, timeout=10)
n = p.stat()[0]
t.is_([p.top(i, 0)[1][0] for i in (n - 1, n)], [b"Subject: first", b"Subject: second"],
      "same second: M99999 before M100000")
p.dele(n - 1)
p.dele(n)
p.quit()

# 20 MB message.
big = (b"X" * 99 + b"\n") * (20 * 1024 * 1024 // 100)
deliver(b"Subject: big\n\n" + big)
p = poplib.POP3("127.0.0.1", port, timeout=30)
n = p.stat()[0]
resp, lines, octets = p.retr(n)
t.is_(len(lines), 2 + len(big) // 100, "20 MB message: every line")
t.like(resp.decode(), r"^\+OK %d octets" % (len(big) + len(big) // 100 + 14 + 2), "20 MB message: exact octets")
p.quit()

# A maildir that cannot be opened, and disablepop3 in OPTIONS: the client
# is told, pop3d exits 0 (the hand-off contract), one log line says why.
r = root.run(*AS_USER, command("pop3d"), input=b"STAT\r\n", env={"MAILDIR": root.p("nonesuch")})
t.is_((r.returncode, r.stdout), (0, b"-ERR [SYS/TEMP] Unable to open the mailbox.\r\n"), "missing maildir")
t.like(r.stderr.decode(), r"^pop3d: warning: unable to open the maildir .*nonesuch", "missing maildir logged")
r = root.run(*AS_USER, command("pop3d"), input=b"STAT\r\n", env={"MAILDIR": md, "OPTIONS": "disableimap=1,disablepop3=1"})
t.is_((r.returncode, r.stdout), (0, b"-ERR POP3 access disabled for this account.\r\n"), "disablepop3 in OPTIONS")

# Never as root (uid or gid 0): one line, exit 111, and the maildir is
# not touched (new/ is not moved to cur/).
deliver(b"Subject: waits\n\nx\n")
waiting = files("new")
if AS_ROOT:
    ways = [("uid 0", []), ("gid 0", ["setpriv", "--reuid=%d" % NOBODY.pw_uid, "--regid=0", "--clear-groups"])]
else:
    ways = [("uid 0 (user namespace)", ["unshare", "--map-root-user"])]
for what, pre in ways:
    r = root.run(*pre, command("pop3d"), input=b"STAT\r\nQUIT\r\n", env={"MAILDIR": md})
    if not AS_ROOT and r.returncode != 111 and b"pop3d" not in r.stderr:
        t.ok(True, "# skip no user namespaces here to run pop3d as uid 0")
        continue
    t.is_((r.returncode, r.stdout), (111, b""), "run as %s: refused, exit 111, nothing said to the client" % what)
    t.is_(r.stderr.decode(), "pop3d: fatal: refusing to run as root\n", "run as %s: one line on stderr" % what)
    t.is_(files("new"), waiting, "run as %s: the maildir untouched" % what)
