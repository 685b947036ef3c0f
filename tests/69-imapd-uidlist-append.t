#!/usr/bin/python3
"""imapd: APPEND adds its uid list line in place (the header's N and M
are lower bounds then), and a crash in the middle of such an append,
a last line without its newline, costs no UID: it is ignored by readers
and cut off by the next append. STORE appends a line with the new
mod-sequence of each message it changed, which a later session takes;
when such lines outnumber the messages the list is written anew, every
UID kept."""
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
root.deliver(md, b"Subject: one\n\nhi\n")
port = root.start_imapd(md)
LIST = os.path.join(md, "postern-uidlist")


def append(r, subject):
    msg = "Subject: %s\r\n\r\nbody\r\n" % subject
    r.send("a APPEND INBOX {%d+}\r\n%s\r\n" % (len(msg), msg))
    lines = r.until_tagged("a")
    return lines[:-1], lines[-1]


r = Raw(port)
r.line()
u, tag = r.cmd("SELECT INBOX")
uv = re.search(r"UIDVALIDITY (\d+)", " ".join(u)).group(1)
u, tag = append(r, "two")
t.like(tag, r"^a OK \[APPENDUID %s 2\]" % uv, "APPEND: UID 2")
head = open(LIST).read().splitlines()
t.like(head[-1], r"^2 M\d+ :", "its line appended to the list")
r.cmd("LOGOUT")
r.close()

# A torn line at the end, as a crash in the middle of an append leaves.
with open(LIST, "a") as f:
    f.write("3 M99 :torn-by-a-crash")
r = Raw(port)
r.line()
u, tag = r.cmd("SELECT INBOX")
t.ok(("* OK [UIDVALIDITY %s] UIDs valid" % uv) in u, "UIDVALIDITY kept past a torn last line", u)
t.ok("* OK [UIDNEXT 3] Predicted next UID" in u, "UIDNEXT from the last whole line, the torn one ignored", u)
u, tag = r.cmd("UID FETCH 1:* UID")
t.is_(u, ["* 1 FETCH (UID 1)", "* 2 FETCH (UID 2)"], "UIDs kept")
u, tag = append(r, "three")
t.like(tag, r"^a OK \[APPENDUID %s 3\]" % uv, "the next APPEND gets UID 3")
text = open(LIST).read()
t.ok("torn-by-a-crash" not in text and text.endswith("\n"), "the torn line cut off, the list whole", text)
t.like(text.splitlines()[-1], r"^3 M\d+ :", "the new line in its place")
u, tag = r.cmd("STATUS INBOX (UIDNEXT MESSAGES)")
t.is_(u, ["* STATUS INBOX (UIDNEXT 4 MESSAGES 3)"], "STATUS sees the appended line")
r.cmd("LOGOUT")
r.close()

# A second session sees the same UIDs.
r = Raw(port)
r.line()
r.cmd("SELECT INBOX")
u, tag = r.cmd("UID FETCH 1:* UID")
t.is_(u, ["* 1 FETCH (UID 1)", "* 2 FETCH (UID 2)", "* 3 FETCH (UID 3)"], "UIDs agreed by a new session")


def condstore_session(old):
    """Ends the session old; a new one with INBOX selected, CONDSTORE on."""
    old.cmd("LOGOUT")
    old.close()
    n = Raw(port)
    n.line()
    n.cmd("SELECT INBOX")
    n.cmd("ENABLE CONDSTORE")
    return n


# STORE: a line per changed message appended, the list not rewritten.
ino = os.stat(LIST).st_ino
n_lines = len(open(LIST).read().splitlines())
u, tag = r.cmd("ENABLE CONDSTORE")
u, tag = r.cmd("UID STORE 2 +FLAGS (\\Flagged)")
ms = re.search(r"MODSEQ \((\d+)\)", u[0]).group(1)
lines = open(LIST).read().splitlines()
t.is_((os.stat(LIST).st_ino, len(lines)), (ino, n_lines + 1), "STORE appends one line, in place")
t.like(lines[-1], r"^2 (W\d+ )?M%s :" % ms, "the line holds the UID and its new mod-sequence")
with open(LIST, "a") as f:
    f.write("1 M999999 :torn-by-a-crash")
r = condstore_session(r)
u, tag = r.cmd("UID FETCH 1:* (MODSEQ)")
t.like(u[1], r"^\* 2 FETCH \(UID 2 MODSEQ \(%s\)\)$" % ms, "a new session takes the later line's mod-sequence")
u, tag = r.cmd("UID SEARCH MODSEQ %s" % ms)
t.is_(u, ["* SEARCH 2 (MODSEQ %s)" % ms], "SEARCH MODSEQ finds it, the torn line ignored")
for i in range(40):
    r.cmd("STORE 1:3 %sFLAGS (\\Seen)" % ("+" if i % 2 else "-"))
lines = open(LIST).read().splitlines()
t.ok(len(lines) <= 2 * 3 + 64 + 3 + 1, "repeated lines compacted: %d lines" % len(lines))
u, tag = r.cmd("UID FETCH 1:* (UID MODSEQ)")
r = condstore_session(r)
u2, tag = r.cmd("UID FETCH 1:* (UID MODSEQ)")
t.is_(u2, u, "after compaction a new session sees the same UIDs and mod-sequences")
r.cmd("LOGOUT")
r.close()
root.cleanup()
