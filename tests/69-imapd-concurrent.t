#!/usr/bin/python3
"""Concurrent sessions on one folder: several clients APPEND, STORE,
EXPUNGE and NOOP at once while another program delivers; afterwards
every APPENDUID names the message that was appended, UIDs are unique
and ascending, and two fresh sessions agree on every UID and flag."""
import os
import re
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from imaptest import ImapRoot, Raw, have  # noqa: E402

if not have("imapd", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP imapd or the userdb tools are not built")
    sys.exit(0)

t = Tap()
root = ImapRoot()
md = root.account("demo")
port = root.start_imapd(md)
appended = {}
errors = []
lock = threading.Lock()


def client(n):
    try:
        r = Raw(port)
        r.line()
        r.cmd("SELECT INBOX")
        for i in range(15):
            msg = b"Subject: c%d-%d\r\n\r\nbody\r\n" % (n, i)
            r.n += 1
            tag = "a%d" % r.n
            r.send(b"%s APPEND INBOX {%d+}\r\n" % (tag.encode(), len(msg)) + msg + b"\r\n")
            last = r.until_tagged(tag)[-1]
            m = re.match(r"^\S+ OK \[APPENDUID (\d+) (\d+)\]", last)
            if not m:
                errors.append(last)
                continue
            with lock:
                appended.setdefault(int(m.group(2)), []).append("c%d-%d" % (n, i))
            u, tag2 = r.cmd("NOOP")
            if i % 5 == 4:
                r.cmd("STORE 1:2 +FLAGS (\\Seen)")
        r.cmd("LOGOUT")
        r.close()
    except Exception as e:  # noqa: BLE001
        errors.append(repr(e))


def deliverer():
    for i in range(15):
        root.deliver(md, b"Subject: d-%d\n\ndelivered\n" % i)


threads = [threading.Thread(target=client, args=(n,)) for n in range(4)] + [threading.Thread(target=deliverer)]
for th in threads:
    th.start()
for th in threads:
    th.join(120)
t.is_(errors, [], "every APPEND answered OK with APPENDUID")
t.ok(all(len(v) == 1 for v in appended.values()) and len(appended) == 60, "60 APPENDUIDs, all different",
     {k: v for k, v in appended.items() if len(v) > 1})


def snapshot():
    r = Raw(port)
    r.line()
    r.cmd("EXAMINE INBOX")
    u, tag = r.cmd("UID FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
    r.cmd("LOGOUT")
    r.close()
    out = {}
    for ln in u:
        m = re.match(r"^\* \d+ FETCH \(UID (\d+) FLAGS \(([^)]*)\) .*Subject: (\S+)", ln, re.S)
        if m:
            out[int(m.group(1))] = (m.group(2), m.group(3))
    return out


a = snapshot()
b = snapshot()
t.is_(len(a), 75, "75 messages: 60 appended, 15 delivered")
t.is_(a, b, "two fresh sessions agree on every UID, flag and message")
t.ok(all(a.get(uid, ("", ""))[1] == subj[0] for uid, subj in appended.items()),
     "each APPENDUID names the message appended", [(u, a.get(u), s) for u, s in appended.items() if a.get(u, ("", ""))[1] != s[0]][:5])
t.is_(sorted(a), list(range(1, 76)), "UIDs 1 to 75, each once")
