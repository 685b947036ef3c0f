#!/usr/bin/python3
# kill -9 of smtpd and queue-inject at random moments while 500 messages
# arrive: every message acknowledged with 250 is in the queue, complete,
# and every envelope the scheduler can see belongs to a complete message.
import hashlib
import os
import random
import signal
import smtplib
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, command  # noqa: E402
from smtpin import Mailroot  # noqa: E402

MESSAGES = 500
CLIENTS = 5
t = Tap()
root = Mailroot()
port = root.start_smtpd()
marker = ("POSTERN_HOME=" + root.path).encode()
done = threading.Event()
acked = {}          # token -> queue id
lock = threading.Lock()
kills = {"smtpd": 0, "queue-inject": 0}


def body(token):
    text = "".join("%s line %03d %s\r\n" % (token, i, hashlib.sha1(b"%s%d" % (token.encode(), i)).hexdigest())
                   for i in range(30))
    return "Subject: crash %s\r\n\r\n%sEND %s\r\n" % (token, text, token)


def stored(token):
    return body(token).replace("\r\n", "\n").encode()


def client(n):
    rnd = random.Random(n)
    for i in range(n, MESSAGES, CLIENTS):
        for attempt in range(400):
            token = "m%03da%02d" % (i, attempt)
            try:
                s = smtplib.SMTP("127.0.0.1", port, timeout=20)
                s.ehlo("crash.example")
                s.mail("crash@remote.example")
                s.rcpt("fred@example.test")
                code, text = s.data(body(token))
                if code == 250:
                    with lock:
                        acked[token] = text.decode().split()[-1]
                    try:
                        s.quit()
                    except Exception:
                        pass
                    break
                s.close()
            except (smtplib.SMTPException, OSError):
                pass
            time.sleep(rnd.random() * 0.01)


def ours():
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                name = os.path.basename(f.read().split(b"\0")[0]).decode()
            if name not in kills:
                continue
            with open("/proc/%s/environ" % pid, "rb") as f:
                if marker in f.read().split(b"\0"):
                    found.append((int(pid), name))
        except OSError:
            pass
    return found


def killer():
    rnd = random.Random(42)
    while not done.is_set():
        procs = ours()
        # queue-inject lives a millisecond or two and smtpd a whole
        # session: the victim is of the kind killed less so far, so both
        # are killed often however fast the run goes.
        least = [p for p in procs if kills[p[1]] == min(kills[q[1]] for q in procs)]
        if least:
            pid, name = rnd.choice(least)
            try:
                os.kill(pid, signal.SIGKILL)
                kills[name] += 1
            except OSError:
                pass
            time.sleep(0.005 + rnd.random() * 0.03)
        else:
            time.sleep(rnd.random() * 0.002)


k = threading.Thread(target=killer)
k.start()
clients = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
for c in clients:
    c.start()
for c in clients:
    c.join()
done.set()
k.join()
t.diag("kills: smtpd %d, queue-inject %d; acknowledged %d" % (kills["smtpd"], kills["queue-inject"], len(acked)))
t.ok(kills["smtpd"] > 10 and kills["queue-inject"] > 10, "both programs were killed many times", kills)
t.is_(len({tok[:4] for tok in acked}), MESSAGES, "every message was eventually acknowledged")

q = root.queued()
missing = [tok for tok, qid in acked.items() if qid not in q or not q[qid][1].endswith(stored(tok))]
t.is_(missing, [], "every acknowledged message is in the queue, complete")

bad = []
for qid, (env, mess) in q.items():
    recs = [r for r in env]
    ok = (len(recs) >= 6 and recs[0][:1] == b"Q" and recs[1][:1] == b"I" and recs[2] == b"M%d" % len(mess)
          and recs[3] == b"Fcrash@remote.example" and recs[4] == b"Tfred@example.test" and recs[-2:] == [b"", b""])
    tok = mess.split(b"Subject: crash ")[-1].split(b"\n")[0].decode("ascii", "replace")
    if not ok or not mess.endswith(stored(tok)):
        bad.append(qid)
t.is_(bad, [], "every envelope the scheduler sees has a complete message (%d in the queue)" % len(q))
extra = sorted(set(q) - set(acked.values()))
t.diag("%d committed but unacknowledged (killed before the 250 was sent): duplicates, never losses" % len(extra))
todo = set(os.listdir(root.p("queue", "todo")))
t.ok(todo <= set(q), "no todo/ marker without its envelope")
