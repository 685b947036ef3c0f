#!/usr/bin/python3
"""Certificate login for IMAP: tlsd verifies the client certificate and
passes its emailAddress as SSL_PEER_LOGIN; imap-login offers
AUTH=EXTERNAL and authcheck logs that account in without a password,
over implicit TLS and after STARTTLS; the refusals."""
import imaplib
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from imaptest import ImapRoot, have  # noqa: E402

if not have("tlsd", "imap-login", "imapd", "authcheck", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP tlsd, imap-login, authcheck or the userdb tools are not built")
    sys.exit(0)
import tlstest  # noqa: E402

t = Tap()
root = ImapRoot()
md = root.account("john@example.test")
root.deliver(md, b"From: a@example.test\nSubject: by certificate\n\nhello\n")
os.chmod(root.p("etc"), 0o755)
pki = tlstest.Pki(root)
cert = pki.issue("server", "/CN=localhost", "DNS:localhost,IP:127.0.0.1")
for name, subj, signed in (("john", "/CN=John/emailAddress=john@example.test", True),
                           ("forger", "/CN=John/emailAddress=john@example.test", False)):
    pki.issue(name, subj, usage="clientAuth", signer=signed)
env = {"TLS_CERTFILE": cert, "TLS_TRUSTCERTS": pki.ca, "TLS_VERIFYPEER": "PEER", "TLS_EXTERNAL": "emailaddress",
       "TLS_TIMEOUT": "5"}
env.update(tlstest.tlsd_root_env())
imaps = root.start_imap(env, pre=[root.c("tlsd")], ids=[])
imap = root.start_imap(env, pre=[root.c("tlsd"), "-s"], ids=[])


def ctx(name=None):
    if not name:
        return tlstest.client_ctx(pki.ca)
    return tlstest.client_ctx(pki.ca, cert=pki.p(name + ".crt"), key=pki.p(name + ".key"))


def external(c, authz=b""):
    try:
        typ, data = c.authenticate("EXTERNAL", lambda challenge: authz)
        return typ
    except imaplib.IMAP4.error as e:
        return "NO %s" % e


c = imaplib.IMAP4_SSL("localhost", imaps, ssl_context=ctx("john"), timeout=10)
t.ok("AUTH=EXTERNAL" in c.capabilities, "imaps with john's certificate: AUTH=EXTERNAL offered", c.capabilities)
t.is_(external(c), "OK", "AUTHENTICATE EXTERNAL: logged in by the certificate, no password")
t.is_(c.select("INBOX")[1], [b"1"], "imapd opened john's maildir")
c.logout()
c = imaplib.IMAP4_SSL("localhost", imaps, ssl_context=ctx("john"), timeout=10)
t.like(external(c, b"mallory@example.test"), r"^NO", "EXTERNAL for another account is refused")
c.logout()
c = imaplib.IMAP4_SSL("localhost", imaps, ssl_context=ctx(), timeout=10)
t.ok("AUTH=EXTERNAL" not in c.capabilities, "no certificate: EXTERNAL not offered")
t.like(external(c), r"^NO", "EXTERNAL without a certificate is refused")
c.logout()
c = imaplib.IMAP4("localhost", imap, timeout=10)
t.ok("STARTTLS" in c.capabilities and "AUTH=EXTERNAL" not in c.capabilities, "plain connection: STARTTLS, no EXTERNAL")
c.starttls(ctx("john"))
t.ok("AUTH=EXTERNAL" in c.capabilities, "after STARTTLS with a certificate: EXTERNAL offered")
t.is_(external(c), "OK", "EXTERNAL after STARTTLS")
c.logout()
try:
    c = imaplib.IMAP4_SSL("localhost", imaps, ssl_context=ctx("forger"), timeout=10)
    got = "EXTERNAL" in " ".join(c.capabilities)
    c.logout()
except (OSError, imaplib.IMAP4.error):
    got = False
t.ok(not got, "a certificate the CA did not sign gets no EXTERNAL")
