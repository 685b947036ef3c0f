#!/usr/bin/python3
# The real imap-login behind tlsd: IMAPS with imaplib, curl and mbsync,
# STARTTLS with openssl s_client, LOGINDISABLED until TLS, the injection
# guard, and AUTHENTICATE EXTERNAL with a client certificate.
import imaplib
import os
import socket
import ssl
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import postern  # noqa: E402

NEED = ("tlsd", "imap-login", "imapd", "authcheck", "userdb", "userdbpw", "makeuserdb")
if not all(os.access(postern.command(n), os.X_OK) for n in NEED):
    print("1..0 # SKIP imap-login, imapd, authcheck and the userdb tools are not all built")
    sys.exit(0)
import tlstest  # noqa: E402
from imaptest import ImapRoot, PASSWORD  # noqa: E402

t = postern.Tap()
root = ImapRoot()
md = root.account("demo")
root.deliver(md, b"From: a@example.test\nSubject: over imaps\n\nhello\n")
pki = tlstest.Pki(root)
cert = pki.issue("server", "/CN=localhost", "DNS:localhost,IP:127.0.0.1")
pki.issue("demo", "/CN=demo/emailAddress=demo@example.test", usage="clientAuth")
os.chmod(root.p("etc"), 0o755)
tls = {"TLS_CERTFILE": cert, "TLS_TIMEOUT": "5", "TLS_VERIFYPEER": "PEER", "TLS_TRUSTCERTS": pki.ca, "TLS_EXTERNAL": "cn"}
tls.update(tlstest.tlsd_root_env())   # tlsd reads authcheck's key as root: EXTERNAL works
imaps = root.start_imap(tls, pre=[root.c("tlsd")], ids=[])
imap = root.start_imap(dict(tls, IMAP_TLS_REQUIRED="1"), pre=[root.c("tlsd"), "-s"], ids=[])
ctx = tlstest.client_ctx(pki.ca)



# --- IMAPS
c = imaplib.IMAP4_SSL("localhost", imaps, ssl_context=ctx)
t.ok("STARTTLS" not in c.capabilities and "LOGINDISABLED" not in c.capabilities, "imaps: no STARTTLS, login allowed",
     c.capabilities)
c.login("demo", PASSWORD)
typ, data = c.select("INBOX")
t.is_(data, [b"1"], "imaps: login and select")
typ, data = c.fetch("1", "(BODY[HEADER.FIELDS (SUBJECT)])")
t.like(repr(data), r"Subject: over imaps", "imaps: fetch through tlsd")
c.logout()
r = subprocess.run(["curl", "-sS", "--max-time", "10", "--cacert", pki.ca, "-u", "demo:" + PASSWORD,
                    "imaps://localhost:%d/INBOX;UID=1" % imaps], capture_output=True)
t.like(r.stdout.decode(), r"Subject: over imaps", "curl imaps")
r = subprocess.run(["curl", "-sS", "--max-time", "10", "--cacert", pki.ca, "--ssl-reqd", "-u", "demo:" + PASSWORD,
                    "imap://localhost:%d/INBOX;UID=1" % imap], capture_output=True)
t.like(r.stdout.decode(), r"Subject: over imaps", "curl imap --ssl-reqd (STARTTLS)")

# --- mbsync over IMAPS, checking the certificate
local = root.p("var", "mbsync")
os.makedirs(local)
rc = root.write("var/mbsyncrc", """IMAPAccount t
Host localhost
Port %d
User demo
Pass %s
SSLType IMAPS
CertificateFile %s

IMAPStore remote
Account t

MaildirStore near
Path %s/
Inbox %s/INBOX

Channel c
Far :remote:
Near :near:
Patterns INBOX
Create Near
Sync Pull
""" % (imaps, PASSWORD, pki.ca, local, local))
r = root.run("mbsync", "-c", rc, "-a", env={"HOME": root.path})
got = [f for d in ("new", "cur") for f in os.listdir(os.path.join(local, "INBOX", d))] \
    if os.path.isdir(os.path.join(local, "INBOX")) else []
t.ok(r.returncode == 0 and len(got) == 1, "mbsync pulled the message over IMAPS", r.stderr.decode()[-400:])

# --- STARTTLS: LOGINDISABLED before, openssl s_client, injection
c = imaplib.IMAP4("localhost", imap)
t.ok("STARTTLS" in c.capabilities and "LOGINDISABLED" in c.capabilities, "before STARTTLS: STARTTLS and LOGINDISABLED")
c.starttls(ssl_context=ctx)
t.ok("LOGINDISABLED" not in c.capabilities, "after STARTTLS: login allowed")
c.login("demo", PASSWORD)
c.logout()
r = subprocess.run(["openssl", "s_client", "-quiet", "-verify_return_error", "-CAfile", pki.ca, "-starttls", "imap",
                    "-connect", "127.0.0.1:%d" % imap], input=("a LOGIN demo %s\r\nb LOGOUT\r\n" % PASSWORD).encode(),
                   capture_output=True, timeout=10)
t.like(r.stdout.decode(), r"a OK", "openssl s_client -starttls imap: LOGIN over TLS")
raw = socket.create_connection(("127.0.0.1", imap), 10)
tlstest.lines(raw, ["* OK"])
raw.sendall(("a STARTTLS\r\nb LOGIN demo %s\r\n" % PASSWORD).encode())
try:
    # imap-login reads the client byte by byte, so the injected line stays
    # in the socket and tlsd takes it for a broken handshake: the
    # connection dies (possibly before "a OK" is read). If it survives,
    # the injected LOGIN must not have been executed.
    tlstest.lines(raw, ["a "])
    s = ctx.wrap_socket(raw, server_hostname="localhost")
    s.sendall(b"c CAPABILITY\r\n")
    got = tlstest.lines(s, ["c "])
    t.ok("b OK" not in got and ("AUTH=" in got or "LOGIN" in got), "injection: the pipelined LOGIN was never executed", got)
    s.close()
except (ssl.SSLError, OSError) as e:
    log = root.log(1)
    t.like(log, r"tlsd: tls failed ip=127\.0\.0\.1 reason=", "injection: the pipelined LOGIN broke the handshake (%s), logged"
           % e.__class__.__name__)

# --- AUTHENTICATE EXTERNAL with a client certificate (TLS_EXTERNAL=cn)
c = imaplib.IMAP4_SSL("localhost", imaps, ssl_context=tlstest.client_ctx(pki.ca, cert=pki.p("demo.crt"), key=pki.p("demo.key")))
offered = "AUTH=EXTERNAL" in c.capabilities
t.ok(offered, "imaps with a verified certificate: AUTH=EXTERNAL offered")
if offered:
    typ, _ = c.authenticate("EXTERNAL", lambda challenge: b"")
    t.is_(typ, "OK", "AUTHENTICATE EXTERNAL: logged in by the certificate")
    t.is_(c.select("INBOX")[1], [b"1"], "and imapd opened the account's maildir")
c.logout()
c = imaplib.IMAP4_SSL("localhost", imaps, ssl_context=ctx)
t.ok("AUTH=EXTERNAL" not in c.capabilities, "no certificate: no AUTH=EXTERNAL")
c.logout()
