#!/usr/bin/python3
# postern's servers under a stand-in for s6-networking's s6-ucspitlsd
# (tests/lib/s6ucspitlsd.py): STARTTLS works for pop3-login, imap-login
# and smtpd with only the variables s6 sends (SSL_PROTOCOL, SSL_CIPHER),
# so they keep to the UCSPI-TLS convention, not just to tlsd.
import imaplib
import os
import poplib
import smtplib
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import postern  # noqa: E402

NEED = ("pop3-login", "pop3d", "imap-login", "imapd", "smtpd", "authcheck", "userdb", "userdbpw", "makeuserdb")
if not all(os.access(postern.command(n), os.X_OK) for n in NEED):
    print("1..0 # SKIP the servers, authcheck and the userdb tools are not all built")
    sys.exit(0)
import tlstest  # noqa: E402
from imaptest import ImapRoot, PASSWORD  # noqa: E402

S6 = ["/usr/bin/python3", os.path.join(tlstest.HERE, "s6ucspitlsd.py")]
t = postern.Tap()
root = ImapRoot()
md = root.account("demo")
root.deliver(md, b"Subject: under s6\n\nhello\n")
pki = tlstest.Pki(root)
pki.issue("server", "/CN=localhost", "DNS:localhost")
os.chmod(root.p("etc"), 0o755)
s6env = {"CERTFILE": pki.p("server.crt"), "KEYFILE": pki.p("server.key")}
ctx = tlstest.client_ctx(pki.ca)

port = root.start_pop3(env=s6env, pre=S6)
p = poplib.POP3("localhost", port, timeout=10)
t.ok("STLS" in p.capa(), "pop3-login offers STLS under s6-ucspitlsd")
p.stls(context=ctx)
t.ok("STLS" not in p.capa(), "after STLS: no STLS")
p.user("demo")
t.like(p.pass_(PASSWORD).decode(), r"^\+OK", "pop3: login over s6's TLS")
t.is_(p.stat()[0], 1, "pop3d reads and writes through s6's pipes")
p.quit()

port = root.start_imap(env=s6env, pre=S6)
c = imaplib.IMAP4("localhost", port)
t.ok("STARTTLS" in c.capabilities, "imap-login offers STARTTLS under s6-ucspitlsd")
c.starttls(ssl_context=ctx)
c.login("demo", PASSWORD)
t.is_(c.select("INBOX")[1], [b"1"], "imap: login and select over s6's TLS")
c.logout()

from smtpin import Mailroot  # noqa: E402  (a root of its own, made after the others started)
mroot = Mailroot()
for name in ("server.crt", "server.key"):
    os.chmod(pki.p(name), 0o644)
port = postern.free_port()
cmd = 'set -a; . "$POSTERN_HOME/etc/esmtpd"; exec tcpserver -HRl0 %s 127.0.0.1 %d %s "$0"' % (
    " ".join(tlstest.daemon_ids()), port, " ".join(S6))
mroot.start(["/bin/sh", "-c", cmd, os.path.join(mroot.cmd_dir, "smtpd")], env=dict(s6env, POSTERN_COMMAND_DIR=mroot.cmd_dir),
            port=port)
s = smtplib.SMTP("localhost", port, timeout=10)
s.ehlo("client.example")
t.ok(s.has_extn("starttls"), "smtpd offers STARTTLS under s6-ucspitlsd")
t.is_(s.starttls(context=ctx)[0], 220, "smtpd: STARTTLS")
s.ehlo("client.example")
t.ok(not s.has_extn("starttls"), "smtpd: EHLO after TLS")
s.sendmail("a@example.test", ["demo@hosted.test"], "Subject: under s6\r\n\r\nhi\r\n")
s.quit()
t.ok(any(b"ESMTPS" in b for _, b in mroot.queued().values()), "smtpd queued it, Received: says ESMTPS")
