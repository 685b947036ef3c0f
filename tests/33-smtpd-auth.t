#!/usr/bin/python3
# smtpd AUTH: PLAIN, LOGIN, CRAM-MD5 through authcheck, success and
# failure, relaying after AUTH, the submission service's AUTH_REQUIRED,
# and swaks as a second client.
import base64
import hashlib
import hmac
import os
import smtplib
import socket
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from smtpin import Mailroot, Raw  # noqa: E402

t = Tap()
root = Mailroot()
root.write("etc/esmtpd-msa", open(root.p("etc", "esmtpd")).read() + "AUTH_REQUIRED=1\n")
port = root.start_smtpd()
msa = root.start_smtpd("esmtpd-msa")
b64 = lambda s: base64.b64encode(s.encode()).decode()


class Outsider(smtplib.SMTP):
    """smtplib from 127.0.0.2, a client smtpaccess does not let relay."""
    def _get_socket(self, host, port, timeout):
        return socket.create_connection((host, port), timeout, source_address=("127.0.0.2", 0))


for mech, fn in (("PLAIN", "auth_plain"), ("LOGIN", "auth_login"), ("CRAM-MD5", "auth_cram_md5")):
    s = Outsider("127.0.0.1", port)
    s.ehlo("outsider.example")
    s.mail("probe@outsider.example")
    t.is_(s.rcpt("victim@other.example")[0], 550, "%s: before AUTH no relaying" % mech)
    s.rset()
    s.user, s.password = "demo@hosted.test", "wrong"
    try:
        code = s.auth(mech, getattr(s, fn))[0]
    except smtplib.SMTPAuthenticationError as e:
        code = e.smtp_code
    t.is_(code, 535, "%s: a wrong password gets 535" % mech)
    s.password = "demo"
    code, text = s.auth(mech, getattr(s, fn))
    t.is_((code, text), (235, b"2.7.0 Authentication successful"), "%s: the right password gets 235" % mech)
    t.is_(s.ehlo()[1].decode().count("AUTH"), 0, "%s: AUTH is no longer offered" % mech)
    s.mail("demo@hosted.test")
    t.is_(s.rcpt("victim@other.example")[0], 250, "%s: after AUTH relaying is allowed" % mech)
    code, text = s.data("Subject: %s\r\n\r\nsent after AUTH\r\n" % mech)
    qid = text.decode().split()[-1]
    env, body = root.queued()[qid]
    t.ok(b"Ademo@hosted.test" in env, "%s: the envelope names the submitter" % mech)
    t.ok(b"(authenticated as demo@hosted.test)" in body and b"with ESMTPA id" in body,
         "%s: Received: says ESMTPA and who" % mech)
    s.quit()
t.like(root.log(), r"auth ok ip=127\.0\.0\.2 user=demo@hosted\.test mech=CRAM-MD5", "success is logged")
t.like(root.log(), r"auth failed ip=127\.0\.0\.2 user=demo@hosted\.test mech=PLAIN", "failure is logged")

# Raw: initial responses, cancel, malformed, ordering.
r = Raw(port)
r.reply()
t.like(r.cmd("AUTH PLAIN " + b64("\0demo@hosted.test\0demo")), "^503", "AUTH before EHLO: 503")
r.cmd("EHLO x")
t.like(r.cmd("AUTH DIGEST-MD5"), r"^504 5\.5\.4", "an unknown mechanism: 504")
t.like(r.cmd("AUTH PLAIN"), r"^334 ", "AUTH PLAIN without an initial response asks")
t.like(r.cmd("*"), r"^501 5\.0\.0", "* cancels")
t.like(r.cmd("AUTH PLAIN !!!"), r"^501 5\.5\.2", "bad base64: 501")
t.like(r.cmd("AUTH LOGIN " + b64("fred")), r"^334 UGFzc3dvcmQ6", "AUTH LOGIN with the user name asks for the password")
t.like(r.cmd(b64("fredpw")), r"^235", "a local account logs in with LOGIN")
t.like(r.cmd("AUTH PLAIN " + b64("\0fred\0fredpw")), r"^503", "a second AUTH: 503")
r.close()

r = Raw(port)
r.reply()
r.cmd("EHLO x")
chal = r.cmd("AUTH CRAM-MD5")
challenge = base64.b64decode(chal[4:])
t.like(challenge.decode(), r"^<[^@>]+@example\.test>$", "the CRAM-MD5 challenge names ME")
digest = hmac.new(b"demo", challenge, hashlib.md5).hexdigest()
t.like(r.cmd(b64("demo@hosted.test " + digest)), "^235", "CRAM-MD5 by hand")
r.close()

# A process running as the daemon user (a compromised smtpd) that saw
# this exchange, e.g. on a plaintext port, replays it to authcheck: the
# challenge was authcheck's own and is used up.
sniffed = b"demo@hosted.test\0" + challenge + b"\0" + digest.encode() + b"\0"
replay = ["sh", "-c", 'exec "$0" -c 3<&0 </dev/null', os.path.join(root.cmd_dir, "authcheck")]
if os.geteuid() == 0:
    replay = ["setuidgid", "nobody"] + replay
p = subprocess.run(replay, input=sniffed, capture_output=True,
                   env=dict(os.environ, POSTERN_HOME=root.path, AUTHCHECK_MECH="CRAM-MD5", AUTHCHECK_SERVICE="esmtp"))
t.is_(p.returncode, 1, "the sniffed CRAM-MD5 pair replayed to authcheck by the daemon user is refused")
t.like(p.stderr.decode(), r"reason=replayed-challenge", "  as a replay")

# The submission service: AUTH required.
s = smtplib.SMTP("127.0.0.1", msa)
s.ehlo("client")
code, _ = s.mail("demo@hosted.test")
t.is_(code, 530, "submission: MAIL before AUTH gets 530")
s.login("demo@hosted.test", "demo")
t.is_(s.mail("demo@hosted.test")[0], 250, "submission: MAIL after AUTH")
t.is_(s.rcpt("friend@other.example")[0], 250, "submission: relaying after AUTH")
s.quit()

# swaks, as an admin would test.
for mech in ("PLAIN", "LOGIN", "CRAM-MD5"):
    p = subprocess.run(["swaks", "-s", "127.0.0.1", "-p", str(msa), "--li", "127.0.0.2",
                        "-t", "friend@other.example", "-f", "demo@hosted.test",
                        "-a", mech, "-au", "demo@hosted.test", "-ap", "demo"], capture_output=True, text=True)
    t.ok(p.returncode == 0 and "Authentication successful" in p.stdout and "queued as" in p.stdout,
         "swaks -a %s relays through the submission port" % mech, p.stdout[-800:])
p = subprocess.run(["swaks", "-s", "127.0.0.1", "-p", str(msa), "-t", "friend@other.example",
                    "-a", "LOGIN", "-au", "demo@hosted.test", "-ap", "nope"], capture_output=True, text=True)
t.ok(p.returncode != 0 and "535 5.7.8" in p.stdout, "swaks with a wrong password gets 535", p.stdout[-500:])
