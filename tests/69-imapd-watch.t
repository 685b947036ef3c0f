#!/usr/bin/python3
"""A selected folder changed behind imapd's back, as another Maildir
reader changes it: flags renamed twice between two commands, a file
renamed then removed, a delivery moved to cur/ at once, a message moved
to another folder, one renamed to a new base name, and a burst of
changes. Each NOOP reports exactly what changed, and a fresh session
agrees with the long-lived one on every UID and flag."""
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from imaptest import ImapRoot, Raw, have  # noqa: E402

if not have("imapd", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP imapd or the userdb tools are not built")
    sys.exit(0)

t = Tap()
root = ImapRoot()
md = root.account("demo")
for i in range(4):
    root.deliver(md, b"Subject: m%d\n\nbody %d\n" % (i, i))
port = root.start_imapd(md)
r = Raw(port)
r.line()
u, tag = r.cmd("SELECT INBOX")
t.ok("* 4 EXISTS" in u, "SELECT: 4 messages")


def cur():
    return sorted(os.listdir(os.path.join(md, "cur")))


def named(i):
    """The cur/ name of the message whose subject is m<i>."""
    for n in cur():
        with open(os.path.join(md, "cur", n), "rb") as f:
            if (b"Subject: m%d\n" % i) in f.read():
                return n
    raise AssertionError("m%d not found" % i)


def mv(a, b, sub_a="cur", sub_b="cur"):
    os.rename(os.path.join(md, sub_a, a), os.path.join(md, sub_b, b))


def base(n):
    return n.split(":")[0]


def uids():
    u, tag = r.cmd("UID FETCH 1:* (FLAGS)")
    return sorted(re.sub(r"^\* \d+ ", "", ln) for ln in u)


t.is_(len(cur()), 4, "the session moved new/ to cur/")
before = uids()

# Flags changed twice between two commands: one FETCH with the last flags.
n0 = named(0)
mv(n0, base(n0) + ":2,S")
mv(base(n0) + ":2,S", base(n0) + ":2,FS")
u, tag = r.cmd("NOOP")
t.is_(u, ["* 1 FETCH (UID 1 FLAGS (\\Flagged \\Seen \\Recent))"], "two renames: one FETCH with the final flags")

# Renamed (\Deleted) and then removed, as EXPUNGE by another reader does.
n1 = named(1)
mv(n1, base(n1) + ":2,T")
os.unlink(os.path.join(md, "cur", base(n1) + ":2,T"))
u, tag = r.cmd("NOOP")
t.is_(u, ["* 2 EXPUNGE"], "renamed then removed: EXPUNGE")

# A delivery another reader moves to cur/ (with flags) before this session looks.
root.deliver(md, b"Subject: m4\n\nbody 4\n")
news = os.listdir(os.path.join(md, "new"))
if news:
    mv(news[0], news[0] + ":2,S", "new", "cur")
u, tag = r.cmd("NOOP")
t.ok("* 4 EXISTS" in u, "a new message moved to cur/ by another reader: EXISTS")
u, tag = r.cmd("FETCH 4 (UID FLAGS)")
t.like(u[0] if u else tag, r"^\* 4 FETCH \(UID 5 FLAGS \(\\Seen( \\Recent)?\)\)$", "its UID and flags")

# Moved to another folder.
os.makedirs(os.path.join(md, ".Trash", "cur"), exist_ok=True)
n2 = named(2)
os.rename(os.path.join(md, "cur", n2), os.path.join(md, ".Trash", "cur", n2))
u, tag = r.cmd("NOOP")
t.is_(u, ["* 2 EXPUNGE"], "moved to another folder: EXPUNGE")

# A new base name for the same bytes (a copy, then the original removed).
n3 = named(3)
os.link(os.path.join(md, "cur", n3), os.path.join(md, "cur", "1800000000.M1P1.copied:2,"))
os.unlink(os.path.join(md, "cur", n3))
u, tag = r.cmd("NOOP")
t.is_(u[:2], ["* 2 EXPUNGE", "* 3 EXISTS"], "a new base name: EXPUNGE of the old, EXISTS of the new")

# A burst: every file renamed, half of them twice, one removed.
names = cur()
for i, n in enumerate(names):
    mv(n, base(n) + ":2,D")
    if i % 2:
        mv(base(n) + ":2,D", base(n) + ":2,DR")
os.unlink(os.path.join(md, "cur", base(names[-1]) + ":2,D" + ("R" if (len(names) - 1) % 2 else "")))
u, tag = r.cmd("NOOP")
t.is_(len([ln for ln in u if ln.endswith("EXPUNGE")]), 1, "burst: one EXPUNGE")
t.is_(len([ln for ln in u if "FETCH" in ln]), len(names) - 1, "burst: one FETCH per message left")

mine = uids()
r2 = Raw(port)
r2.line()
r2.cmd("SELECT INBOX")
u2, tag = r2.cmd("UID FETCH 1:* (FLAGS)")
fresh = sorted(re.sub(r"^\* \d+ ", "", ln) for ln in u2)
t.is_([re.sub(r" \\Recent", "", x) for x in mine], [re.sub(r" \\Recent", "", x) for x in fresh],
      "a fresh session agrees on every UID and flag")
t.ok(before != mine, "the views changed at all")
r.cmd("LOGOUT")
r2.cmd("LOGOUT")
r.close()
r2.close()
root.cleanup()
