#!/usr/bin/python3
"""imapd: CONDSTORE, and the exact responses of the remaining FETCH items (macros,
RFC822.*, BODY, MIME parts), SEARCH keys on flags, keywords and dates,
UID COPY / UID EXPUNGE, CHECK, ENABLE, ID, LIST-EXTENDED options,
SUBSCRIBE/UNSUBSCRIBE, SETQUOTA, the reserved shared. namespace, and a
crash-safe uid list (a torn temporary file is ignored)."""
import os
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
MP = (b"From: a@example.test\nTo: b@example.test\nCc: c@example.test\nBcc: d@example.test\nSubject: parts\n"
      b"Date: Thu, 5 Nov 2026 08:00:00 +0000\nMIME-Version: 1.0\n"
      b"Content-Type: multipart/mixed; boundary=XX\n\n--XX\nContent-Type: text/plain\n\none\n"
      b"--XX\nContent-Type: text/html\n\n<b>two</b>\n--XX--\n")
S1 = root.deliver(md, MP)
S2 = root.deliver(md, b"Subject: plain\n\nhi\n")
CRLF = lambda b: b.replace(b"\n", b"\r\n").decode()
port = root.start_imapd(md)
r = Raw(port)
r.line()
u, tag = r.cmd("ENABLE CONDSTORE")
t.is_((u, tag), (["* ENABLED CONDSTORE"], "t1 OK ENABLE completed"), "ENABLE CONDSTORE")
u, tag = r.cmd("ENABLE CONDSTORE X-NOTHING")
t.is_(u, ["* ENABLED"], "ENABLE again, and of something not offered: nothing more enabled")
u, tag = r.cmd('ID NIL')
t.is_(u, ['* ID ("name" "postern")'], "ID NIL")
r.cmd("SELECT INBOX")
hdr = S1[:S1.index(b"\n\n") + 2]
u, tag = r.cmd("FETCH 1 (RFC822.HEADER)")
t.is_(u, ["* 1 FETCH (RFC822.HEADER {%d}\r\n%s)" % (len(CRLF(hdr)), CRLF(hdr))], "RFC822.HEADER (no \\Seen)")
u, tag = r.cmd("FETCH 2 (RFC822.TEXT)")
t.is_(u, ["* 2 FETCH (RFC822.TEXT {4}\r\nhi\r\n FLAGS (\\Seen \\Recent))"], "RFC822.TEXT sets \\Seen")
u, tag = r.cmd("FETCH 1 (BODY)")
t.is_(u, ['* 1 FETCH (BODY (("text" "plain" ("charset" "us-ascii") NIL NIL "7bit" 3 0)'
          '("text" "html" ("charset" "us-ascii") NIL NIL "7bit" 10 0) "mixed"))'], "BODY (non-extensible)")
u, tag = r.cmd("FETCH 1 (BODY.PEEK[1] BODY.PEEK[2.MIME] BODY.PEEK[3])")
t.is_(u, ['* 1 FETCH (BODY[1] {3}\r\none BODY[2.MIME] {27}\r\nContent-Type: text/html\r\n\r\n BODY[3] NIL)'],
      "BODY[1], BODY[2.MIME], a missing part NIL")
u, tag = r.cmd("FETCH 1 (BODY.PEEK[HEADER.FIELDS.NOT (From To Cc Bcc Date MIME-Version Content-Type Return-Path Delivered-To)])")
t.is_(u, ["* 1 FETCH (BODY[HEADER.FIELDS.NOT (FROM TO CC BCC DATE MIME-VERSION CONTENT-TYPE RETURN-PATH DELIVERED-TO)] {18}\r\nSubject: parts\r\n\r\n)"],
      "HEADER.FIELDS.NOT")
u, tag = r.cmd("FETCH 2 FAST")
t.like(u[0], r'^\* 2 FETCH \(FLAGS \(\\Seen \\Recent\) INTERNALDATE "[^"]+" RFC822.SIZE %d\)$' % len(CRLF(S2)), "FAST")
u, tag = r.cmd("FETCH 2 ALL")
t.like(u[0], r'^\* 2 FETCH \(FLAGS .* INTERNALDATE .* RFC822.SIZE \d+ ENVELOPE \(NIL "plain" .*\)\)$', "ALL")
u, tag = r.cmd("FETCH 2 FULL")
t.like(u[0], r'ENVELOPE \(.*\) BODY \("text" "plain"', "FULL adds BODY")
u, tag = r.cmd("FETCH 1 BODY[]<0.4>")
t.is_(u, ["* 1 FETCH (BODY[]<0> {4}\r\n%s FLAGS (\\Seen \\Recent))" % CRLF(S1)[:4]], "BODY[]<0.4>")
u, tag = r.cmd("FETCH 1 BODY[]<99999.10>")
t.is_(u, ["* 1 FETCH (BODY[]<99999> {0}\r\n)"], "partial beyond the end: empty")
for bad in ("FETCH 1 BODY[HEADER.FIELDS]", "FETCH 1 BODY[]<5>", "FETCH 1 (FLAGS", "FETCH x FLAGS", "FETCH 1 ()"):
    u, tag = r.cmd(bad)
    t.like(tag, r"BAD", "%s: BAD" % bad)

# SEARCH keys on flags, keywords, dates, addresses.
r.cmd("STORE 1 +FLAGS (\\Draft $Label1)")
def s(q):
    u, tag = r.cmd(q)
    return u[0] if u else tag
t.is_(s("SEARCH DRAFT"), "* SEARCH 1", "DRAFT")
t.is_(s("SEARCH UNDRAFT"), "* SEARCH 2", "UNDRAFT")
t.is_(s("SEARCH KEYWORD $Label1"), "* SEARCH 1", "KEYWORD")
t.is_(s("SEARCH UNKEYWORD $Label1"), "* SEARCH 2", "UNKEYWORD")
t.is_(s("SEARCH KEYWORD $Nothing"), "* SEARCH", "KEYWORD never set")
t.is_(s("SEARCH RECENT"), "* SEARCH 1 2", "RECENT")
t.is_(s("SEARCH NEW"), "* SEARCH", "NEW (recent and unseen): none, both were read")
t.is_(s("SEARCH OLD"), "* SEARCH", "OLD")
t.is_(s("SEARCH CC c@example"), "* SEARCH 1", "CC")
t.is_(s("SEARCH BCC d@example"), "* SEARCH 1", "BCC")
t.is_(s("SEARCH BEFORE 1-Jan-2000"), "* SEARCH", "BEFORE")
t.is_(s("SEARCH ON 1-Jan-2000"), "* SEARCH", "ON")
t.is_(s("SEARCH FLAGGED"), "* SEARCH", "FLAGGED")
t.is_(s("SEARCH UNFLAGGED DELETED"), "* SEARCH", "UNFLAGGED DELETED")
t.is_(s("SEARCH ANSWERED"), "* SEARCH", "ANSWERED")
t.like(s("SEARCH BEFORE 32-Foo-2000"), r"BAD", "bad date: BAD")
t.like(s("SEARCH LARGER x"), r"BAD", "bad number: BAD")
t.like(s("SEARCH UID 1:x"), r"BAD", "bad UID set: BAD")

# UID COPY, UID EXPUNGE, CHECK, LIST-EXTENDED, subscriptions.
r.cmd("CREATE INBOX.Archive")
u, tag = r.cmd("UID COPY 1:2 INBOX.Archive")
t.like(tag, r"OK \[COPYUID \d+ 1,2 1:2\] COPY completed", "UID COPY")
u, tag = r.cmd("CHECK")
t.is_((u, tag), ([], "t%d OK CHECK completed" % r.n), "CHECK")
r.cmd("STORE 1:2 +FLAGS.SILENT (\\Deleted)")
u, tag = r.cmd("UID EXPUNGE 2")
t.is_(u, ["* 2 EXPUNGE"], "UID EXPUNGE removes only the UIDs named")
u, tag = r.cmd("FETCH 1 (UID FLAGS)")
t.is_(u, ["* 1 FETCH (UID 1 FLAGS (\\Deleted \\Seen \\Draft \\Recent $Label1))"], "the other message stays")
r.cmd("SUBSCRIBE INBOX.Archive")
u, tag = r.cmd('LIST (SUBSCRIBED) "" "*"')
t.ok(any(x.startswith("* LIST (") and "\\Subscribed" in x and x.endswith("INBOX.Archive") for x in u),
     "LIST (SUBSCRIBED) marks \\Subscribed", u)
u, tag = r.cmd('LIST "" "*" RETURN (SPECIAL-USE)')
t.ok('* LIST (\\HasNoChildren \\Archive) "." INBOX.Archive' in u, "LIST RETURN (SPECIAL-USE)", u)
u, tag = r.cmd('LIST (SPECIAL-USE) "" "*"')
t.is_(u, ['* LIST (\\HasNoChildren \\Archive) "." INBOX.Archive'], "LIST (SPECIAL-USE) selects special folders")
u, tag = r.cmd("UNSUBSCRIBE INBOX.Archive")
u, tag = r.cmd('LSUB "" "*"')
t.is_(u, [], "UNSUBSCRIBE")
u, tag = r.cmd('SETQUOTA "" (STORAGE 10)')
t.like(tag, r"NO \[NOPERM\]", "SETQUOTA refused")
u, tag = r.cmd('CREATE "Caf&AOk-"')
t.like(tag, r"OK", "CREATE a modified UTF-7 name")
t.ok(os.path.isdir(os.path.join(md, ".Caf&AOk-")), "kept in modified UTF-7 on disk, as Courier does")
u, tag = r.cmd('LIST "" "INBOX.Caf*"')
t.is_(u, ['* LIST (\\HasNoChildren) "." INBOX.Caf&AOk-'], "LIST shows the modified UTF-7 name")
u, tag = r.cmd("CREATE shared.x")
t.like(tag, r"NO", "shared. is reserved")
u, tag = r.cmd("SELECT shared.x")
t.like(tag, r"NO", "SELECT shared.x refused")
u, tag = r.cmd('LIST "" "*"')
t.ok(not any("shared" in x for x in u), "nothing under shared.")

# A crash while writing the uid list leaves a torn temporary file: the
# list itself is whole and UIDs stay.
r.cmd("LOGOUT")
r.close()
before = open(os.path.join(md, "postern-uidlist")).read()
with open(os.path.join(md, "postern-uidlist.tmp"), "w") as f:
    f.write("3 V1 N99\n1 :torn")
r = Raw(port)
r.line()
u, tag = r.cmd("SELECT INBOX")
t.ok(("* OK [UIDVALIDITY %s] UIDs valid" % before.split()[1][1:]) in u, "UIDVALIDITY kept, the torn temporary file ignored", u)
u, tag = r.cmd("UID FETCH 1:* UID")
t.is_(u, ["* 1 FETCH (UID 1)"], "UIDs kept")
r.cmd("LOGOUT")
r.close()

# CONDSTORE (RFC 7162).
import re
r = Raw(port)
r.line()
u, tag = r.cmd("SELECT INBOX (CONDSTORE)")
hm = [x for x in u if "HIGHESTMODSEQ" in x]
t.ok(len(hm) == 1 and re.match(r"^\* OK \[HIGHESTMODSEQ \d+\] Highest$", hm[0]), "SELECT (CONDSTORE): HIGHESTMODSEQ", u)
high = int(re.search(r"(\d+)", hm[0]).group(1)) if hm else 0
u, tag = r.cmd("FETCH 1 (MODSEQ)")
m1 = int(re.search(r"MODSEQ \((\d+)\)", u[0]).group(1)) if u else 0
t.ok(0 < m1 <= high, "FETCH MODSEQ", u)
u, tag = r.cmd("STORE 1 +FLAGS (\\Flagged)")
m2 = int(re.search(r"MODSEQ \((\d+)\)", u[0]).group(1)) if u and "MODSEQ" in u[0] else 0
t.ok(m2 > high, "STORE answers with a new, higher MODSEQ", u)
u, tag = r.cmd("FETCH 1:* (FLAGS) (CHANGEDSINCE %d)" % high)
t.is_(len(u), 1, "FETCH (CHANGEDSINCE) gives only what changed")
u, tag = r.cmd("STORE 1 (UNCHANGEDSINCE %d) -FLAGS (\\Flagged)" % high)
t.is_(tag, "t%d OK [MODIFIED 1] Conditional STORE failed" % r.n, "UNCHANGEDSINCE older than the message: [MODIFIED]")
u, tag = r.cmd("STORE 1 (UNCHANGEDSINCE %d) -FLAGS (\\Flagged)" % m2)
t.ok(tag.endswith("OK STORE completed") and len(u) == 1 and "MODSEQ" in u[0], "UNCHANGEDSINCE current: stored", u + [tag])
u, tag = r.cmd("SEARCH MODSEQ %d" % (m2 + 1))
t.like(u[0] if u else "", r"^\* SEARCH 1 \(MODSEQ \d+\)$", "SEARCH MODSEQ with the highest found")
u, tag = r.cmd('SEARCH MODSEQ "/flags/\\\\draft" all 1')
t.like(u[0] if u else tag, r"^\* SEARCH 1 \(MODSEQ \d+\)$", "SEARCH MODSEQ with an entry name")
u, tag = r.cmd("STATUS INBOX (HIGHESTMODSEQ)")
t.like(u[0], r"^\* STATUS INBOX \(HIGHESTMODSEQ \d+\)$", "STATUS HIGHESTMODSEQ")
# A change made by another program gets a new mod-sequence too.
cur = os.path.join(md, "cur")
f = [n for n in os.listdir(cur)][0]
base, flags = f.split(":2,")
os.rename(os.path.join(cur, f), os.path.join(cur, base + ":2," + "".join(sorted(flags + "F"))))
u, tag = r.cmd("NOOP")
t.ok(len(u) == 1 and re.search(r"MODSEQ \((\d+)\)", u[0]) and int(re.search(r"MODSEQ \((\d+)\)", u[0]).group(1)) > m2,
     "a flag change by another program: FETCH with a new MODSEQ", u)
r.cmd("LOGOUT")
r.close()
