#!/usr/bin/python3
"""imapd, continued: SEARCH keys (flags, sizes, dates, headers, body
with MIME decoding, OR/NOT nesting, CHARSET), ESEARCH, SORT, THREAD,
QUOTA over maildirsize, the Outbox through queue-inject, two sessions
on one folder, RENAME INBOX, keywords kept by COPY, CLOSE."""
import base64
import os
import re
import subprocess
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
qp = b"Subject: =?UTF-8?Q?caf=C3=A9_menu?=\nFrom: Chef <chef@example.test>\nDate: Tue, 3 Nov 2026 09:00:00 +0000\n" \
     b"Message-ID: <a1@example.test>\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" \
     b"Cr=C3=A8me br=C3=BBl=C3=A9e today\n"
b64 = b"Subject: Re: cafe menu\nFrom: guest@example.test\nTo: chef@example.test\nDate: Wed, 4 Nov 2026 09:00:00 +0000\n" \
      b"Message-ID: <a2@example.test>\nIn-Reply-To: <a1@example.test>\nReferences: <a1@example.test>\n" \
      b"Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n" + base64.b64encode(b"secret word inside\n") + b"\n"
big = b"Subject: big one\nFrom: zed@example.test\nDate: Mon, 2 Nov 2026 09:00:00 +0000\nX-Tag: blue\n\n" + b"x" * 5000 + b"\n"
for m in (qp, b64, big):
    root.deliver(md, m)
port = root.start_imapd(md)
r = Raw(port)
r.line()
r.cmd("SELECT INBOX")
r.cmd("STORE 2 +FLAGS (\\Seen \\Answered)")


def search(q):
    u, tag = r.cmd(q)
    return u[0] if u else tag


t.is_(search("SEARCH ALL"), "* SEARCH 1 2 3", "ALL")
t.is_(search("SEARCH SEEN"), "* SEARCH 2", "SEEN")
t.is_(search("SEARCH UNSEEN UNANSWERED"), "* SEARCH 1 3", "UNSEEN UNANSWERED")
t.is_(search("SEARCH LARGER 1000"), "* SEARCH 3", "LARGER")
t.is_(search("SEARCH SMALLER 1000"), "* SEARCH 1 2", "SMALLER")
t.is_(search("SEARCH FROM chef"), "* SEARCH 1", "FROM")
t.is_(search("SEARCH TO chef"), "* SEARCH 2", "TO")
r.send('u1 SEARCH CHARSET UTF-8 SUBJECT "café"\r\n'.encode())
t.is_(r.until_tagged("u1")[0], "* SEARCH 1", "SUBJECT matches RFC 2047 decoded text")
r.send("u2 SEARCH CHARSET UTF-8 BODY {7+}\r\nbrûlé\r\n".encode())
t.is_(r.until_tagged("u2")[0], "* SEARCH 1", "BODY, quoted-printable decoded, UTF-8 literal")
r.send("u3 SEARCH CHARSET ISO-8859-1 BODY {5+}\r\nbrûlé\r\n".encode("latin-1"))
t.is_(r.until_tagged("u3")[0], "* SEARCH 1", "CHARSET ISO-8859-1 converted")
t.is_(search("SEARCH BODY \"secret word\""), "* SEARCH 2", "BODY in base64")
t.is_(search("SEARCH TEXT blue"), "* SEARCH 3", "TEXT covers the header")
t.is_(search("SEARCH HEADER X-Tag blue"), "* SEARCH 3", "HEADER")
t.is_(search("SEARCH SENTBEFORE 3-Nov-2026"), "* SEARCH 3", "SENTBEFORE")
t.is_(search("SEARCH SENTON 4-Nov-2026"), "* SEARCH 2", "SENTON")
t.is_(search("SEARCH SINCE 1-Jan-2000"), "* SEARCH 1 2 3", "SINCE (internal date)")
t.is_(search("SEARCH OR FROM zed NOT (OR SEEN FROM chef)"), "* SEARCH 3", "OR/NOT nesting")
t.is_(search("SEARCH 2:* NOT 3"), "* SEARCH 2", "sequence sets")
t.is_(search("UID SEARCH UID 2:3"), "* SEARCH 2 3", "UID SEARCH UID")
t.is_(search("SEARCH RETURN (MIN MAX COUNT) UNSEEN"), '* ESEARCH (TAG "t%d") MIN 1 MAX 3 COUNT 2' % r.n, "ESEARCH")
t.is_(search("SEARCH RETURN () ALL"), '* ESEARCH (TAG "t%d") ALL 1:3' % r.n, "ESEARCH ALL as a set")
t.like(search("SEARCH CHARSET X-NOPE ALL"), r"NO \[BADCHARSET", "unknown charset: [BADCHARSET]")
t.like(search("SEARCH FROB"), r"BAD", "unknown key: BAD")
t.like(search("SEARCH " + "NOT " * 200 + "ALL"), r"BAD", "deep NOT chain: BAD")
t.is_(search("SORT (SIZE) UTF-8 ALL"), "* SORT 1 2 3", "SORT SIZE")
t.is_(search("SORT (REVERSE DATE) UTF-8 ALL"), "* SORT 2 1 3", "SORT REVERSE DATE")
t.is_(search("SORT (SUBJECT) UTF-8 ALL"), "* SORT 3 2 1", "SORT SUBJECT uses the base subject")
t.is_(search("THREAD REFERENCES UTF-8 ALL"), "* THREAD (3)(1 2)", "THREAD REFERENCES")
t.is_(search("THREAD ORDEREDSUBJECT UTF-8 ALL"), "* THREAD (3)(1)(2)", "THREAD ORDEREDSUBJECT")

# Two sessions on one folder.
r2 = Raw(port)
r2.line()
r2.cmd("SELECT INBOX")
r.cmd("STORE 3 +FLAGS (\\Deleted)")
u, tag = r.cmd("EXPUNGE")
t.is_(u, ["* 3 EXPUNGE"], "session 1 expunges")
u, tag = r2.cmd("FETCH 1:* (FLAGS)")
t.ok(len(u) == 3 and not any("EXPUNGE" in x for x in u), "no EXPUNGE while answering FETCH", u)
u, tag = r2.cmd("NOOP")
t.is_(u, ["* 3 EXPUNGE"], "session 2 learns of it at NOOP, not during FETCH")
r.cmd("STORE 1 +FLAGS ($Important)")
u, tag = r2.cmd("NOOP")
t.ok(len(u) == 3 and "$Important" in u[0] and "$Important" in u[1] and u[2] == "* 1 FETCH (UID 1 FLAGS ($Important))",
     "session 2 sees the new keyword, then the flag change", u)
r2.cmd("LOGOUT")
r2.close()

# Keywords survive COPY; CLOSE expunges silently.
r.cmd("CREATE INBOX.Keep")
u, tag = r.cmd("COPY 1 INBOX.Keep")
r.cmd("SELECT INBOX.Keep")
u, tag = r.cmd("FETCH 1 FLAGS")
t.is_(u, ["* 1 FETCH (FLAGS ($Important))"], "COPY keeps keywords (the target's own keyword file)")
r.cmd("STORE 1 +FLAGS (\\Deleted)")
u, tag = r.cmd("CLOSE")
t.is_((u, tag), ([], "t%d OK CLOSE completed" % r.n), "CLOSE: no untagged EXPUNGE")
u, tag = r.cmd("STATUS INBOX.Keep (MESSAGES)")
t.is_(u, ["* STATUS INBOX.Keep (MESSAGES 0)"], "CLOSE expunged")

# A selected folder deleted by another session: BYE.
r2 = Raw(port)
r2.line()
r2.cmd("SELECT INBOX.Keep")
r.cmd("DELETE INBOX.Keep")
u, tag = r2.cmd("NOOP")
t.is_(u, ["* BYE The selected mailbox was deleted"], "selected folder deleted elsewhere: BYE")
r2.close()

# RENAME INBOX: its messages move, INBOX stays and is empty.
u, tag = r.cmd("RENAME INBOX INBOX.Old")
t.like(tag, r"OK", "RENAME INBOX")
u, tag = r.cmd("STATUS INBOX (MESSAGES)")
t.is_(u, ["* STATUS INBOX (MESSAGES 0)"], "INBOX empty after RENAME INBOX")
u, tag = r.cmd("STATUS INBOX.Old (MESSAGES)")
t.is_(u, ["* STATUS INBOX.Old (MESSAGES 2)"], "messages moved to the new name")
r.cmd("LOGOUT")
r.close()

# QUOTA from maildirsize.
root2 = ImapRoot()
md2 = root2.account("demo")
with open(os.path.join(md2, "maildirsize"), "w") as f:
    f.write("3000S,3C\n0 0\n")
root2.chown(md2)
port2 = root2.start_imapd(md2, env={"MAILDIRQUOTA": "3000S,3C"})
r = Raw(port2)
r.line()
u, tag = r.cmd("GETQUOTAROOT INBOX")
t.is_(u, ['* QUOTAROOT INBOX ""', '* QUOTA "" (STORAGE 0 2 MESSAGE 0 3)'], "GETQUOTAROOT")
msg = b"Subject: q\r\n\r\n" + b"y" * 2000 + b"\r\n"
r.send(b"a1 APPEND INBOX {%d+}\r\n" % len(msg) + msg + b"\r\n")
t.like(r.until_tagged("a1")[-1], r"^a1 OK \[APPENDUID", "APPEND within the quota")
r.send(b"a2 APPEND INBOX {%d+}\r\n" % len(msg) + msg + b"\r\n")
t.like(r.until_tagged("a2")[-1], r"^a2 NO \[OVERQUOTA\]", "APPEND over the quota: [OVERQUOTA]")
small = b"Subject: s\r\n\r\n" + b"z" * 700 + b"\r\n"
r.send(b"a3 APPEND INBOX {%d+}\r\n" % len(small) + small + b"\r\n")
r.until_tagged("a3")
u, tag = r.cmd("SELECT INBOX")
t.ok("* OK [ALERT] Your mailbox is 91% full" in u, "[ALERT] at SELECT when the quota is 90% used", u)
u, tag = r.cmd("GETQUOTA \"\"")
t.like(u[0], r'^\* QUOTA "" \(STORAGE 3 2 MESSAGE 2 3\)$', "usage counted in maildirsize")
r.cmd("LOGOUT")
r.close()

# The Outbox: APPEND sends through queue-inject.
if have("queue-inject", "queue-init"):
    root3 = ImapRoot()
    md3 = root3.account("demo")
    subprocess.run([root3.c("queue-init")], env=dict(os.environ, POSTERN_HOME=root3.path), check=True)
    if root3.as_root:
        root3.chown(root3.p("queue"))
        os.chmod(root3.p("queue"), 0o755)
    port3 = root3.start_imapd(md3, env={"OUTBOX": ".Outbox", "AUTHADDR": "demo@example.test",
                                        "AUTHENTICATED": "demo"})
    r = Raw(port3)
    t.like(r.line(), r"XCOURIEROUTBOX=INBOX\.Outbox", "XCOURIEROUTBOX advertised")
    r.cmd("CREATE INBOX.Outbox")
    msg = b"From: demo@example.test\r\nTo: Friend <friend@example.test>, other@example.test\r\n" \
          b"Bcc: hidden@example.test\r\nSubject: sent from the outbox\r\n\r\nhi\r\n"
    r.send(b"o1 APPEND INBOX.Outbox {%d+}\r\n" % len(msg) + msg + b"\r\n")
    t.like(r.until_tagged("o1")[-1], r"^o1 OK", "APPEND into the Outbox")
    envs = os.listdir(root3.p("queue", "env"))
    t.is_(len(envs), 1, "one message queued")
    if envs:
        env = open(root3.p("queue", "env", envs[0]), "rb").read().split(b"\0")
        t.ok(b"Fdemo@example.test" in env and b"Tfriend@example.test" in env and b"Tother@example.test" in env
             and b"Thidden@example.test" in env and b"Ademo" in env, "envelope: sender, To, Cc and Bcc", env)
        mess = open(root3.p("queue", "mess", envs[0]), "rb").read()
        t.ok(b"Bcc:" not in mess and b"Subject: sent from the outbox" in mess, "Bcc removed from what is sent")
    u, tag = r.cmd("STATUS INBOX.Outbox (MESSAGES)")
    t.is_(u, ["* STATUS INBOX.Outbox (MESSAGES 1)"], "the message is also kept in the folder")
    r.send(b"o2 APPEND INBOX.Outbox {20+}\r\nSubject: nobody\r\n\r\nx\r\n")
    t.like(r.until_tagged("o2")[-1], r"^o2 NO .*no recipients", "no recipients: NO, nothing stored")
    r.cmd("LOGOUT")
    r.close()
