#!/usr/bin/python3
"""imapd on its own (post-auth, MAILDIR set, PREAUTH) under tcpserver as
the account: SELECT/EXAMINE, FETCH items, STORE, EXPUNGE, UID variants,
folders, STATUS, APPEND, COPY/MOVE, UIDs kept across sessions, changes
made by others reported in order, IDLE, NAMESPACE, bad input."""
import imaplib
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from imaptest import ImapRoot, Raw, have  # noqa: E402

if not have("imapd", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP imapd or the userdb tools are not built")
    sys.exit(0)

t = Tap()
root = ImapRoot()
md = root.account("demo")
M1 = b"From: Alice <alice@example.test>\nTo: bob@example.test\nSubject: first\nDate: Mon, 2 Nov 2026 10:00:00 +0000\n\nhello there\n"
M2 = b"From: carol@example.test\nSubject: second\n\nline one\nline two\n"
M3 = b"Subject: third\nContent-Type: text/plain; charset=utf-8\n\nbody three\n"
M1 = root.deliver(md, M1)
M2 = root.deliver(md, M2)
M3 = root.deliver(md, M3)
port = root.start_imapd(md)
CRLF = lambda b: b.replace(b"\n", b"\r\n")

r = Raw(port)
greet = r.line()
t.like(greet, r"^\* PREAUTH \[CAPABILITY IMAP4rev1 LITERAL\+ ID ENABLE IDLE NAMESPACE UIDPLUS CHILDREN UNSELECT MOVE SPECIAL-USE QUOTA", "PREAUTH greeting with capabilities")
u, tag = r.cmd("SELECT INBOX")
t.is_(tag, "t1 OK [READ-WRITE] SELECT completed", "SELECT INBOX")
t.ok("* 3 EXISTS" in u and "* 3 RECENT" in u, "3 EXISTS, 3 RECENT", u)
t.ok("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)" in u, "FLAGS", u)
t.ok("* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Limited" in u, "PERMANENTFLAGS", u)
t.ok("* OK [UNSEEN 1] First unseen" in u, "UNSEEN", u)
uv = [x for x in u if "UIDVALIDITY" in x]
t.ok(len(uv) == 1 and re.match(r"^\* OK \[UIDVALIDITY \d+\]", uv[0]), "UIDVALIDITY", u)
t.ok("* OK [UIDNEXT 4] Predicted next UID" in u, "UIDNEXT 4", u)
t.is_(len(root.path_files(md, "new")), 0, "SELECT moved new/ to cur/")
t.ok(all(n.endswith(":2,") for n in root.path_files(md, "cur")), "files in cur/ carry :2,")

u, tag = r.cmd("FETCH 1:* (UID FLAGS RFC822.SIZE)")
t.is_(u, ["* 1 FETCH (UID 1 FLAGS (\\Recent) RFC822.SIZE %d)" % len(CRLF(M1)),
          "* 2 FETCH (UID 2 FLAGS (\\Recent) RFC822.SIZE %d)" % len(CRLF(M2)),
          "* 3 FETCH (UID 3 FLAGS (\\Recent) RFC822.SIZE %d)" % len(CRLF(M3))], "FETCH UID FLAGS RFC822.SIZE")
u, tag = r.cmd("FETCH 1 (ENVELOPE)")
t.is_(u, ['* 1 FETCH (ENVELOPE ("Mon, 2 Nov 2026 10:00:00 +0000" "first" (("Alice" NIL "alice" "example.test")) '
          '(("Alice" NIL "alice" "example.test")) (("Alice" NIL "alice" "example.test")) '
          '((NIL NIL "bob" "example.test")) NIL NIL NIL NIL))'], "FETCH ENVELOPE")
u, tag = r.cmd("FETCH 2 BODY.PEEK[]")
t.is_(u, ["* 2 FETCH (BODY[] {%d}\r\n" % len(CRLF(M2)) + CRLF(M2).decode() + ")"], "BODY.PEEK[] in CRLF, no \\Seen")
u, tag = r.cmd("FETCH 2 BODY[]<5.10>")
t.is_(u, ["* 2 FETCH (BODY[]<5> {10}\r\n" + CRLF(M2)[5:15].decode() + " FLAGS (\\Seen \\Recent))"], "partial BODY[]<5.10> sets \\Seen")
u, tag = r.cmd("FETCH 2 (BODY[TEXT] BODY[HEADER.FIELDS (Subject)])")
t.is_(u, ["* 2 FETCH (BODY[TEXT] {20}\r\nline one\r\nline two\r\n BODY[HEADER.FIELDS (SUBJECT)] {19}\r\nSubject: second\r\n\r\n)"],
      "BODY[TEXT] and HEADER.FIELDS")
u, tag = r.cmd("FETCH 3 (BODYSTRUCTURE)")
t.is_(u, ['* 3 FETCH (BODYSTRUCTURE ("text" "plain" ("charset" "utf-8") NIL NIL "7bit" 12 1 NIL NIL NIL NIL))'], "BODYSTRUCTURE")
u, tag = r.cmd("FETCH 1 INTERNALDATE")
t.like(u[0], r'^\* 1 FETCH \(INTERNALDATE "[ \d]\d-[A-Z][a-z]{2}-\d{4} \d\d:\d\d:\d\d [+-]\d{4}"\)$', "INTERNALDATE")
u, tag = r.cmd("FETCH 9 FLAGS")
t.is_((u, tag), ([], "t%d OK FETCH completed" % r.n), "FETCH beyond the last message: nothing")
u, tag = r.cmd("FETCH 1 (FOO)")
t.is_(tag, "t%d BAD Unknown FETCH item" % r.n, "unknown FETCH item: BAD")

u, tag = r.cmd("STORE 1 +FLAGS (\\Flagged $Work)")
t.ok("* 1 FETCH (FLAGS (\\Flagged \\Recent $Work))" in u, "STORE +FLAGS with a keyword", u)
t.ok(any("PERMANENTFLAGS" in x and "$Work" in x for x in u), "new keyword announced in PERMANENTFLAGS", u)
t.is_(open(os.path.join(md, "dovecot-keywords")).read(), "0 $Work\n", "keyword stored in dovecot-keywords")
t.ok(any(n.endswith(":2,Fa") for n in root.path_files(md, "cur")), "flags in the file name (:2,Fa)")
u, tag = r.cmd("STORE 1 -FLAGS.SILENT (\\Flagged)")
t.is_((u, tag), ([], "t%d OK STORE completed" % r.n), "-FLAGS.SILENT: no untagged FETCH")
u, tag = r.cmd("UID STORE 3 FLAGS (\\Deleted)")
t.is_(u, ["* 3 FETCH (UID 3 FLAGS (\\Deleted \\Recent))"], "UID STORE FLAGS includes UID")
u, tag = r.cmd("STORE 1 +FLAGS (\\Bogus)")
t.like(tag, r"BAD", "unknown system flag: BAD")
u, tag = r.cmd("EXPUNGE")
t.is_((u, tag), (["* 3 EXPUNGE"], "t%d OK EXPUNGE completed" % r.n), "EXPUNGE")
u, tag = r.cmd("UID FETCH 1:* (FLAGS)")
t.is_(u, ["* 1 FETCH (UID 1 FLAGS (\\Recent $Work))", "* 2 FETCH (UID 2 FLAGS (\\Seen \\Recent))"], "UID FETCH after EXPUNGE")

# Changes made by others: a delivery, a flag change, a removal.
root.deliver(md, b"Subject: fourth\n\nfour\n")
u, tag = r.cmd("NOOP")
t.ok("* 3 EXISTS" in u, "a delivery is reported as EXISTS at NOOP", u)
cur = os.path.join(md, "cur")
f2 = [n for n in os.listdir(cur) if n.endswith(":2,S")][0]
os.rename(os.path.join(cur, f2), os.path.join(cur, f2[:-1] + "FS"))
f1 = [n for n in os.listdir(cur) if n.endswith(":2,a")][0]
os.unlink(os.path.join(cur, f1))
u, tag = r.cmd("NOOP")
t.is_(u, ["* 1 EXPUNGE", "* 1 FETCH (UID 2 FLAGS (\\Flagged \\Seen \\Recent))"], "external removal and flag change: EXPUNGE, then FETCH")
u, tag = r.cmd("FETCH 1:* UID")
t.is_(u, ["* 1 FETCH (UID 2)", "* 2 FETCH (UID 4)"], "sequence numbers after the changes")

# Folders.
u, tag = r.cmd("CREATE Sent")
t.is_(tag, "t%d OK CREATE completed" % r.n, "CREATE Sent")
t.ok(os.path.isfile(os.path.join(md, ".Sent", "maildirfolder")), "Maildir++ folder .Sent with maildirfolder")
u, tag = r.cmd("CREATE INBOX.Work.Project")
u, tag = r.cmd('LIST "" "*"')
t.is_(u, ['* LIST (\\HasChildren) "." INBOX', '* LIST (\\HasNoChildren \\Sent) "." INBOX.Sent',
          '* LIST (\\Noselect \\HasChildren) "." INBOX.Work',
          '* LIST (\\HasNoChildren) "." INBOX.Work.Project'], "LIST *")
u, tag = r.cmd('LIST "" "INBOX.%"')
t.is_(len(u), 2, "LIST INBOX.% stops at the separator")
u, tag = r.cmd('LIST "" ""')
t.is_(u, ['* LIST (\\Noselect) "." ""'], "LIST \"\" \"\" gives the separator")
for bad in ("INBOX/../../etc", "../x", "INBOX..x", "a/b", "INBOX.\x01x", "INBOX.", "INBOX.&Jjo"):
    u, tag = r.cmd('CREATE "%s"' % bad)
    t.like(tag, r" NO ", "CREATE %r refused" % bad)
t.ok(not any(e for e in os.listdir(root.p("var", "mail", "demo")) if e not in ("Maildir",)), "nothing created outside the Maildir")
u, tag = r.cmd("CREATE Sent")
t.like(tag, r"NO \[ALREADYEXISTS\]", "CREATE existing: [ALREADYEXISTS]")
u, tag = r.cmd("SUBSCRIBE INBOX.Sent")
u, tag = r.cmd('LSUB "" "*"')
t.is_(u, ['* LSUB () "." INBOX.Sent'], "SUBSCRIBE then LSUB")
u, tag = r.cmd("RENAME INBOX.Work INBOX.Play")
t.like(tag, r"OK", "RENAME a parent without its own directory moves its children")
t.ok(os.path.isdir(os.path.join(md, ".Play.Project")), "child renamed with the parent")
u, tag = r.cmd("DELETE INBOX.Play.Project")
t.like(tag, r"OK", "DELETE")
u, tag = r.cmd("DELETE INBOX.Nope")
t.like(tag, r"NO \[NONEXISTENT\]", "DELETE missing: [NONEXISTENT]")
u, tag = r.cmd("DELETE INBOX")
t.like(tag, r"NO", "DELETE INBOX refused")

# APPEND, STATUS, COPY, MOVE.
msg = CRLF(b"From: me@example.test\nSubject: draft\n\ndraft body\n")
r.send('a1 APPEND INBOX.Sent (\\Seen $Done) "05-Nov-2026 12:00:00 +0100" {%d}\r\n' % len(msg))
t.is_(r.line(), "+ OK", "APPEND literal: continuation")
r.send(msg + b"\r\n")
tag = r.until_tagged("a1")[-1]
m = re.match(r"a1 OK \[APPENDUID (\d+) 1\] APPEND completed", tag)
t.ok(m, "APPENDUID", tag)
u, tag = r.cmd("STATUS INBOX.Sent (MESSAGES UIDNEXT UNSEEN RECENT)")
t.is_(u, ["* STATUS INBOX.Sent (MESSAGES 1 UIDNEXT 2 UNSEEN 0 RECENT 0)"], "STATUS")
r.send(b"a2 APPEND INBOX.Nope {3+}\r\nabc\r\n")
t.like(r.until_tagged("a2")[-1], r"a2 NO \[TRYCREATE\]", "APPEND to a missing folder: [TRYCREATE]")
u, tag = r.cmd("COPY 1:2 INBOX.Sent")
t.like(tag, r"OK \[COPYUID %s 2,4 2:3\] COPY completed" % m.group(1), "COPY with COPYUID")
u, tag = r.cmd("UID MOVE 4 INBOX.Sent")
t.is_(u, ["* OK [COPYUID %s 4 4] Moved" % m.group(1), "* 2 EXPUNGE"], "MOVE: COPYUID then EXPUNGE")
u, tag = r.cmd("COPY 1 INBOX.Nope")
t.like(tag, r"NO \[TRYCREATE\]", "COPY to a missing folder: [TRYCREATE]")
u, tag = r.cmd("EXAMINE INBOX.Sent")
t.like(tag, r"OK \[READ-ONLY\]", "EXAMINE")
t.ok("* 4 EXISTS" in u, "4 messages in Sent", u)
u, tag = r.cmd("FETCH 1 (FLAGS INTERNALDATE)")
t.is_(u, ['* 1 FETCH (FLAGS (\\Seen $Done) INTERNALDATE "%s")' % time.strftime("%e-%b-%Y %H:%M:%S %z", time.localtime(1793876400))], "APPEND kept flags, keyword and date")
u, tag = r.cmd("STORE 1 +FLAGS (\\Deleted)")
t.like(tag, r"NO \[READ-ONLY\]", "STORE in EXAMINE: NO")
u, tag = r.cmd("NAMESPACE")
t.is_(u, ['* NAMESPACE (("INBOX." ".")) NIL (("shared." "."))'], "NAMESPACE")
u, tag = r.cmd("UNSELECT")
u, tag = r.cmd("FETCH 1 FLAGS")
t.like(tag, r"BAD", "FETCH without a selected mailbox: BAD")
r.cmd("LOGOUT")
r.close()

# UIDs and UIDVALIDITY kept across sessions.
r = Raw(port)
r.line()
u, tag = r.cmd("SELECT INBOX")
t.ok(uv[0] in u, "same UIDVALIDITY in a new session", u)
u, tag = r.cmd("UID FETCH 1:* FLAGS")
t.is_(u, ["* 1 FETCH (UID 2 FLAGS (\\Flagged \\Seen))"], "same UIDs, \\Recent only once")
t.like(open(os.path.join(md, "postern-uidlist")).read(), r"^3 V\d+ N5 M\d+\n", "uid list header")

# IDLE: a delivery reaches the idling client at once.
r.send("i1 IDLE\r\n")
t.is_(r.line(), "+ idling", "IDLE continuation")
IDLEMSG = root.deliver(md, b"Subject: while idle\n\nx\n")
r.s.settimeout(5)
got = r.line()
t.is_(got, "* 2 EXISTS", "delivery during IDLE reported at once")
r.line()
r.send("DONE\r\n")
t.is_(r.until_tagged("i1")[-1], "i1 OK IDLE terminated", "DONE ends IDLE")

# Bad input: each answered, the session goes on.
r.send("x1 NOOP " + "a" * 70000 + "\r\n")
t.like(r.until_tagged("x1")[-1], r"^x1 BAD .*too long", "over-long line: BAD")
r.send("x2 APPEND INBOX {99999999999}\r\n")
t.like(r.until_tagged("x2")[-1], r"^x2 NO \[TOOBIG\]", "literal over the limit: NO [TOOBIG], not read")
u, tag = r.cmd("FETCH 1 (FLAGS")
t.like(tag, r"BAD .*parenthes", "unbalanced parentheses: BAD")
r.send(b"x3 NOOP a\x00b\r\n")
t.like(r.until_tagged("x3")[-1], r"^x3 BAD", "NUL: BAD")
u, tag = r.cmd("SEARCH " + "(" * 40 + "ALL" + ")" * 40)
t.like(tag, r"BAD", "deeply nested: BAD")
u, tag = r.cmd("FROB")
t.like(tag, r"BAD Unknown command", "unknown command: BAD")
u, tag = r.cmd("NOOP")
t.like(tag, r"OK", "session goes on after bad input")
r.send("x4 FETCH 1 BODY[] {5+}\r\n")
r.send("x" * 70000 + "\r\n")
r.close()

# python imaplib end to end.
c = imaplib.IMAP4("127.0.0.1", port)
t.is_(c.state, "AUTH", "imaplib: PREAUTH")
typ, data = c.select("INBOX")
t.is_((typ, data), ("OK", [b"2"]), "imaplib select")
typ, data = c.uid("SEARCH", None, "ALL")
t.is_(data, [b"2 5"], "imaplib UID SEARCH ALL")
typ, data = c.search(None, "SUBJECT", "idle")
t.is_(data, [b"2"], "SEARCH SUBJECT")
typ, data = c.fetch("2", "(RFC822)")
t.is_(data[0][1], CRLF(IDLEMSG), "imaplib RFC822")
typ, data = c.status("INBOX.Sent", "(MESSAGES)")
t.is_(data, [b'INBOX.Sent (MESSAGES 4)'], "imaplib STATUS")
c.logout()
