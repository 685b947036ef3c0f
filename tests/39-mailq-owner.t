#!/usr/bin/python3
"""mailq shows a user the messages that user injected and root every
message; sendmail -bs works for root (smtpd runs as DAEMONUSER, the
submission stays a trusted local one recorded as root's) and for other
users, with a real SMTP dialogue on stdin/stdout."""
import os
import pwd
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from smtpin import Mailroot, USER  # noqa: E402

t = Tap()
root = Mailroot()
root.write("etc/defaultdomain", "example.test\n")
AS_ROOT = os.geteuid() == 0
other = pwd.getpwnam(USER)   # nobody as root, else ourselves
env = {"POSTERN_COMMAND_DIR": root.cmd_dir}


def c(name):
    return os.path.join(root.cmd_dir, name)


def as_user(*args, input=None):
    """Runs a command as nobody (as root), else as ourselves."""
    pre = ["setuidgid", "nobody"] if AS_ROOT else []
    return root.run(*(pre + list(args)), input=input, env=env)


def records(qid):
    envrec, _ = root.queued()[qid]
    return {r[:1].decode(): r[1:].decode() for r in envrec if r}


def smtp_dialogue(run, sender):
    dialogue = ("EHLO local.test\r\nMAIL FROM:<%s>\r\nRCPT TO:<x@remote.example>\r\nDATA\r\n"
                "Subject: -bs\r\n\r\nhello\r\n.\r\nQUIT\r\n" % sender).encode()
    before = set(root.queued())
    p = run(c("sendmail"), "-bs", input=dialogue)
    out = p.stdout.decode()
    new = sorted(set(root.queued()) - before)
    return p, out, new


login = pwd.getpwuid(os.getuid()).pw_name
p, out, new = smtp_dialogue(lambda *a, input=None: root.run(*a, input=input, env=env), login + "@example.test")
t.is_(p.returncode, 0, "sendmail -bs as %s: exit 0" % login)
t.like(out, r"(?m)^220 ", "sendmail -bs as %s: greeting" % login)
t.like(out, r"(?m)^250 2\.1\.5", "sendmail -bs as %s: a remote recipient (relaying, as a local user)" % login)
t.ok(len(new) == 1 and re.search(r"(?m)^250 [^\n]*\n221 ", out), "sendmail -bs as %s: the message is queued" % login, out + p.stderr.decode())
if new:
    r = records(new[0])
    t.is_(r.get("A"), login, "the envelope names %s as the submitter (A record)" % login)
    want = other.pw_uid if AS_ROOT else os.getuid()
    t.is_(r.get("I"), str(want), "queue-inject ran as %s" % ("DAEMONUSER, not root" if AS_ROOT else "the user"))
    body = root.queued()[new[0]][1].decode()
    t.like(body, r"\(authenticated as %s\)" % login, "Received: says who submitted it")
if AS_ROOT:
    p, out, new = smtp_dialogue(as_user, "nobody@example.test")
    t.ok(p.returncode == 0 and len(new) == 1, "sendmail -bs as nobody queues the message", out + p.stderr.decode())
    t.is_(records(new[0]).get("A") if new else None, "nobody", "the envelope names nobody")
    # Without a usable DAEMONUSER, root's -bs refuses rather than run smtpd as root.
    users = open(root.p("etc", "users")).read()
    root.write("etc/users", "DAEMONUSER=root\n")
    p = root.run(c("sendmail"), "-bs", input=b"QUIT\r\n", env=env)
    t.ok(p.returncode == 111 and b"220" not in p.stdout, "DAEMONUSER=root: refused", p.stderr)
    root.write("etc/users", users)

# mailq: one message injected by root (or ourselves), one by nobody.
p = root.run(c("sendmail"), "postmaster", input=b"Subject: mine\n\nx\n", env=env)
t.is_(p.returncode, 0, "a message from %s" % login)
if AS_ROOT:
    p = as_user(c("sendmail"), "postmaster", input=b"Subject: nobody's\n\nx\n")
    t.is_(p.returncode, 0, "a message from nobody")
else:
    # Not root: another user's message is made by hand (a copy of ours
    # with another I record), as nobody else can inject here.
    q = root.queued()
    qid = sorted(q)[-1]
    other_id = qid[:-1] + ("0" if qid[-1] != "0" else "1")
    recs = [r for r in q[qid][0]]
    recs = [b"I%d" % (os.getuid() + 1) if r[:1] == b"I" else r for r in recs]
    with open(root.p("queue", "mess", other_id), "wb") as f:
        f.write(q[qid][1])
    with open(root.p("queue", "env", other_id), "wb") as f:
        f.write(b"\0".join(recs))
byuid = {}
for qid, (envrec, _) in root.queued().items():
    uid = [r[1:].decode() for r in envrec if r[:1] == b"I"][0]
    byuid.setdefault(uid, set()).add(qid)


def listed(out):
    return set(re.findall(r"(?m)^([0-9a-f]+\.[0-9a-f]+)  ", out))


if AS_ROOT:
    p = root.run(c("mailq"), env=env)
    t.is_(listed(p.stdout.decode()), set(root.queued()), "root's mailq lists every message")
    t.like(p.stdout.decode(), r"(?m)^%d messages$" % len(root.queued()), "and counts them all")
    p = as_user(c("mailq"))
    mine = byuid.get(str(other.pw_uid), set())
    t.ok(p.returncode == 0 and mine and listed(p.stdout.decode()) == mine,
         "nobody's mailq lists only nobody's messages", p.stdout.decode())
    t.like(p.stdout.decode(), r"(?m)^%d messages?$" % len(mine), "and counts only those")
    p = as_user(c("sendmail"), "-bp")
    t.ok(listed(p.stdout.decode()) == mine, "sendmail -bp as nobody: the same")
else:
    p = root.run(c("mailq"), env=env)
    mine = byuid[str(os.getuid())]
    t.ok(listed(p.stdout.decode()) == mine and len(byuid) == 2, "a user's mailq lists only their own messages", p.stdout.decode())
    t.like(p.stdout.decode(), r"(?m)^%d messages?$" % len(mine), "and counts only those")
