#!/usr/bin/python3
# The core mail path end to end, on the demo setup that package/run makes
# (package/setup + svscan on its service directories): mail sent with
# sendmail and over SMTP lands in the demo Maildir and is read over POP3,
# IMAP, POP3S and IMAPS; mail for other domains leaves through remote;
# an outsider cannot relay; a failed local delivery comes back as a DSN.
import email
import imaplib
import os
import poplib
import shutil
import signal
import smtplib
import socket
import ssl
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, TOP, COMMAND_DIR, free_port, wait_port  # noqa: E402
from smtppeer import Peer  # noqa: E402

t = Tap()
home = tempfile.mkdtemp(prefix="postern-e2e.")
os.chmod(home, 0o755)
ports = {name: free_port() for name in ("SMTP", "SUBMISSION", "POP3", "IMAP", "SMTPS", "POP3S", "IMAPS")}
env = dict(os.environ, POSTERN_HOME=home)
for name, port in ports.items():
    env["POSTERN_%s_PORT" % name] = str(port)
env.pop("POSTERN_COMMAND_DIR", None)
svscan = None


def cleanup():
    if svscan:
        for s in os.listdir(os.path.join(home, "service")):
            d = os.path.join(home, "service", s)
            subprocess.run(["svc", "-dx", d], capture_output=True)
            if os.path.isdir(os.path.join(d, "log")):
                subprocess.run(["svc", "-dx", os.path.join(d, "log")], capture_output=True)
        time.sleep(1)
        try:
            os.killpg(svscan.pid, signal.SIGTERM)
        except OSError:
            pass
        svscan.wait()
    shutil.rmtree(home, ignore_errors=True)


import atexit  # noqa: E402
atexit.register(cleanup)

sink = Peer()
setup = subprocess.run([os.path.join(TOP, "package", "setup")], env=env, capture_output=True, text=True)
t.is_(setup.returncode, 0, "package/setup makes the demo root")
if setup.returncode:
    t.diag(setup.stdout + setup.stderr)
with open(os.path.join(home, "etc", "esmtproutes"), "w") as f:
    f.write("example.net: [127.0.0.1],%d\n" % sink.port)
started = open(os.path.join(home, "var", "run", "services")).read().split()
for svc in ("smtpd", "smtpd-msa", "queue-send", "pop3d", "imapd", "smtpd-ssl", "pop3d-ssl", "imapd-ssl"):
    t.ok(svc in started, "the demo has the %s service" % svc)
svscan = subprocess.Popen(["svscan", os.path.join(home, "service")], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, start_new_session=True)
for name, port in ports.items():
    t.ok(wait_port(port, timeout=30), "%s listens on 127.0.0.1:%d" % (name, port))


def pop3_messages(ssl_on=False):
    box = (poplib.POP3_SSL("127.0.0.1", ports["POP3S"], context=ssl._create_unverified_context(), timeout=20)
           if ssl_on else poplib.POP3("127.0.0.1", ports["POP3"], timeout=20))
    box.user("demo@example.test")
    box.pass_("demo")
    count = len(box.list()[1])
    texts = [b"\n".join(box.retr(i + 1)[1]) for i in range(count)]
    box.quit()
    return texts


def imap_search(subject, ssl_on=False):
    box = (imaplib.IMAP4_SSL("127.0.0.1", ports["IMAPS"], ssl_context=ssl._create_unverified_context(), timeout=20)
           if ssl_on else imaplib.IMAP4("127.0.0.1", ports["IMAP"], timeout=20))
    box.login("demo@example.test", "demo")
    box.select("INBOX")
    typ, data = box.search(None, "SUBJECT", '"%s"' % subject)
    found = []
    for num in data[0].split():
        typ, msg = box.fetch(num, "(RFC822)")
        found.append(msg[0][1])
    box.logout()
    return found


def wait_for(fn, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        try:
            got = fn()
            if got:
                return got
        except (OSError, poplib.error_proto, imaplib.IMAP4.error):
            pass
        time.sleep(0.3)
    return None


# sendmail -> queue -> local -> Maildir -> POP3
sendmail = os.path.join(home, "command", "sendmail")
p = subprocess.run([sendmail, "-f", "demo@example.test", "demo@example.test"], env=env,
                   input=b"Subject: by sendmail\n\nwritten with sendmail\n", capture_output=True)
t.is_(p.returncode, 0, "sendmail accepts a message for demo@example.test")
got = wait_for(lambda: [m for m in pop3_messages() if b"by sendmail" in m])
t.ok(got, "POP3 reads it from the demo Maildir")
t.ok(got and b"written with sendmail" in got[0], "body intact")
t.ok(got and b"Delivered-To: demo@example.test" in got[0], "with Delivered-To")

# SMTP -> queue -> local -> Maildir -> IMAP
s = smtplib.SMTP("127.0.0.1", ports["SMTP"], timeout=20)
code, _ = s.ehlo("client.example.org")
t.is_(code, 250, "smtpd answers EHLO")
refused = s.sendmail("someone@example.org", ["demo@example.test"],
                     b"From: someone@example.org\r\nSubject: over smtp\r\n\r\nsent over SMTP\r\n")
t.is_(refused, {}, "smtpd accepts a message for the demo account")
s.quit()
got = wait_for(lambda: imap_search("over smtp"))
t.ok(got, "IMAP finds it in INBOX")
t.ok(got and b"sent over SMTP" in got[0], "body intact")
t.like(got[0].decode(errors="replace") if got else "", r"Received: from client\.example\.org", "with smtpd's Received: line")

got = wait_for(lambda: imap_search("over smtp", ssl_on=True))
t.ok(got, "IMAPS reads the same mailbox")
got = wait_for(lambda: [m for m in pop3_messages(ssl_on=True) if b"over smtp" in m])
t.ok(got, "so does POP3S")

# relaying from this machine -> remote -> the example.net mail server
s = smtplib.SMTP("127.0.0.1", ports["SMTP"], timeout=20)
refused = s.sendmail("demo@example.test", ["bob@example.net"],
                     b"From: demo@example.test\r\nSubject: outbound\r\n\r\nleaving postern\r\n")
s.quit()
t.is_(refused, {}, "a local client may relay to another domain")
end = time.time() + 30
while time.time() < end and not sink.messages:
    time.sleep(0.2)
t.ok(sink.messages and b"leaving postern" in sink.messages[0][2], "remote delivers it to example.net's server")

# submission with AUTH, then relaying
s = smtplib.SMTP("127.0.0.1", ports["SUBMISSION"], timeout=20)
s.ehlo("laptop.example.org")
try:
    s.sendmail("demo@example.test", ["carol@example.net"], b"Subject: no auth\r\n\r\nx\r\n")
    t.ok(False, "the submission port refuses mail before AUTH")
except smtplib.SMTPException:
    t.ok(True, "the submission port refuses mail before AUTH")
s.rset()
s.login("demo@example.test", "demo")
refused = s.sendmail("demo@example.test", ["carol@example.net"],
                     b"From: demo@example.test\r\nSubject: submitted\r\n\r\nafter AUTH\r\n")
s.quit()
t.is_(refused, {}, "after AUTH the submission port relays")
end = time.time() + 30
while time.time() < end and not any(b"after AUTH" in m[2] for m in sink.messages):
    time.sleep(0.2)
t.ok(any(b"after AUTH" in m[2] for m in sink.messages), "and remote delivers it")

# an outsider (127.0.0.2) cannot relay
s = smtplib.SMTP("127.0.0.1", ports["SMTP"], timeout=20, source_address=("127.0.0.2", 0))
s.ehlo("outside.example.org")
s.mail("spammer@example.org")
code, text = s.rcpt("victim@example.net")
t.ok(code >= 500, "an outsider's relay attempt is refused (%d %s)" % (code, text.decode(errors="replace")))
code, text = s.rcpt("demo@example.test")
t.is_(code, 250, "but it may send to the demo account")
s.quit()

# a local delivery failure comes back as a DSN
p = subprocess.run([sendmail, "-f", "demo@example.test", "nosuchuser@example.test"], env=env,
                   input=b"Subject: to nobody\n\nthis bounces\n", capture_output=True)
if p.returncode == 0:
    got = wait_for(lambda: [m for m in imap_search("") if b"nosuchuser@example.test" in m and b"multipart/report" in m])
    t.ok(got, "mail to an unknown local user comes back to the sender as a DSN")
else:
    t.like(p.stderr.decode(errors="replace"), "nosuchuser", "sendmail refuses an unknown local user at once")
