#!/usr/bin/python3
# STARTTLS through tlsd (the UCSPI-TLS hand-off): offered only with the
# TLS program in front, EHLO and AUTH state reset, plaintext injected
# after STARTTLS discarded, AUTH mechanisms of ESMTPAUTH_TLS, ESMTPS.
import os
import smtplib
import socket
import ssl
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, command  # noqa: E402
from smtpin import Mailroot  # noqa: E402

t = Tap()
root = Mailroot(esmtpd="ESMTP_STARTTLS=YES\nTLS_DHPARAMS=\nESMTPAUTH=CRAM-MD5\nESMTPAUTH_TLS='PLAIN LOGIN'\n")
r = root.run(command("mktlscert"), "esmtpd", env={"TLS_CERT_BITS": "2048"})
t.is_(r.returncode, 0, "a test certificate for esmtpd")
port = root.start_smtpd()
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE

s = smtplib.SMTP("127.0.0.1", port)
ext = s.ehlo("tls.example")[1].decode().split("\n")[1:]
t.ok("STARTTLS" in ext and "AUTH CRAM-MD5" in ext, "before TLS: STARTTLS, and only CRAM-MD5", ext)
code, _ = s.starttls(context=ctx)
t.is_(code, 220, "STARTTLS: 220")
t.like(s.sock.version(), r"^TLSv1\.[23]$", "the session is encrypted")
t.is_(s.mail("a@remote.example")[0], 503, "after TLS the client must say EHLO again")
ext = s.ehlo("tls.example")[1].decode().split("\n")[1:]
t.ok("STARTTLS" not in ext and "AUTH PLAIN LOGIN CRAM-MD5" in ext, "after TLS: no STARTTLS, ESMTPAUTH_TLS mechanisms", ext)
s.login("demo@hosted.test", "demo")
s.mail("demo@hosted.test")
s.rcpt("friend@other.example")
code, text = s.data("Subject: over TLS\r\n\r\nsecret\r\n")
t.is_(code, 250, "a message over TLS after AUTH")
env, body = root.queued()[text.decode().split()[-1]]
t.ok(b"with ESMTPSA id" in body, "Received: says ESMTPSA", body[:300])
s.quit()

# Plaintext pipelined after STARTTLS is thrown away (RFC 3207 section 6).
raw = socket.create_connection(("127.0.0.1", port), 10)
f = raw.makefile("rb")
f.readline()
raw.sendall(b"EHLO x\r\n")
while f.readline()[3:4] == b"-":
    pass
raw.sendall(b"STARTTLS\r\nEHLO injected\r\nMAIL FROM:<evil@remote.example>\r\n")
t.like(f.readline().decode(), r"^220 2\.0\.0", "STARTTLS with commands pipelined after it")
f.close()
tls = ctx.wrap_socket(raw)
tf = tls.makefile("rb")
tls.sendall(b"MAIL FROM:<a@remote.example>\r\n")
t.like(tf.readline().decode(), r"^503 5\.5\.1 Send HELO", "the injected EHLO and MAIL were discarded")
tls.sendall(b"STARTTLS\r\n")
t.like(tf.readline().decode(), r"^502", "STARTTLS again: not available")
tls.sendall(b"QUIT\r\n")
t.like(tf.readline().decode(), r"^221", "QUIT over TLS")
tf.close()
tls.close()

p = subprocess.run(["swaks", "-s", "127.0.0.1", "-p", str(port), "--tls", "-t", "fred@example.test",
                    "-f", "a@remote.example"], capture_output=True, text=True)
t.ok(p.returncode == 0 and "TLS started" in p.stdout and "queued as" in p.stdout, "swaks --tls", p.stdout[-600:])
t.like(root.log(), r"smtpd: starttls ip=127\.0\.0\.1 proto=TLSv1\.[23]", "smtpd logs the switch to TLS")

# SMTP over TLS (port 465) through smtpd-run: the same access rules apply.
from postern import TOP  # noqa: E402
with open(os.path.join(TOP, "package", "etc", "esmtpd-ssl")) as f:
    root.write("etc/esmtpd-ssl", f.read() + "TLS_DHPARAMS=\n")
smtps = root.start_smtpd("esmtpd-ssl")
s = smtplib.SMTP_SSL("127.0.0.1", smtps, context=ctx)
ext = s.ehlo("tls.example")[1].decode().split("\n")[1:]
t.ok("STARTTLS" not in ext and "AUTH PLAIN LOGIN CRAM-MD5" in ext, "smtps: no STARTTLS, the TLS mechanisms", ext)
s.mail("a@example.test")
t.is_(s.rcpt("friend@other.example")[0], 250, "smtps: 127.0.0.1 relays by smtpaccess, as on port 25")
code, text = s.data("Subject: smtps\r\n\r\nbody\r\n")
env, body = root.queued()[text.decode().split()[-1]]
t.ok(b"with ESMTPS id" in body, "smtps: Received: says ESMTPS", body[:300])
s.quit()
