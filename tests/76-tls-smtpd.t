#!/usr/bin/python3
# The real smtpd behind tlsd: STARTTLS through smtpd-run (smtplib, openssl
# s_client, swaks), the session state reset and the injection guard, and
# SMTP over TLS from the smtpd-ssl service with a client certificate: AUTH
# EXTERNAL and the relaying it grants (smtplib, curl).
import base64
import os
import smtplib
import socket
import ssl
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import postern  # noqa: E402

NEED = ("tlsd", "smtpd", "smtpd-run", "authcheck", "userdb", "makeuserdb", "queue-inject")
if not all(os.access(postern.command(n), os.X_OK) for n in NEED):
    print("1..0 # SKIP smtpd, authcheck and the userdb tools are not all built")
    sys.exit(0)
import tlstest  # noqa: E402
from smtpin import Mailroot  # noqa: E402

t = postern.Tap()
root = Mailroot()


pki = tlstest.Pki(root)
cert = pki.issue("server", "/CN=localhost", "DNS:localhost,IP:127.0.0.1")
pki.issue("john", "/CN=John/emailAddress=john@hosted.test", usage="clientAuth")
pki.issue("nobody", "/CN=Nobody/emailAddress=nobody@hosted.test", usage="clientAuth")
root.add_account("john@hosted.test", "unused-password")
root.tool("makeuserdb")
with open(root.p("etc", "esmtpd")) as f:
    conf = f.read()
root.write("etc/esmtpd", conf + "ESMTP_STARTTLS=YES\nTLS_CERTFILE=%s\nTLS_TIMEOUT=5\nTLS_VERIFYPEER=PEER\n"
           "TLS_TRUSTCERTS=%s\nTLS_EXTERNAL=emailaddress\n" % (cert, pki.ca))
port = root.start_smtpd()
ctx = tlstest.client_ctx(pki.ca)

# --- STARTTLS on port 25 with smtplib
s = smtplib.SMTP("localhost", port, timeout=10)
s.ehlo("client.example")
t.ok(s.has_extn("starttls"), "EHLO offers STARTTLS with tlsd in front")
code, _ = s.starttls(context=ctx)
t.is_(code, 220, "STARTTLS: 220")
s.ehlo("client.example")
t.ok(not s.has_extn("starttls"), "EHLO after TLS: no STARTTLS")
s.sendmail("a@example.test", ["demo@hosted.test"], "Subject: over TLS\r\n\r\nhello\r\n")
s.quit()
bodies = [b for _, b in root.queued().values()]
t.ok(any(b"Subject: over TLS" in b and b"ESMTPS" in b for b in bodies), "queued, and Received: says ESMTPS",
     [b[:300] for b in bodies])
t.like(root.log(), r"tlsd: tls ok ip=127\.0\.0\.1 proto=TLSv1\.3", "tlsd logged the handshake")

# --- STARTTLS with a client certificate from outside: AUTH EXTERNAL, relaying
s = smtplib.SMTP("localhost", port, timeout=10, source_address=("127.0.0.2", 0))
s.ehlo("outsider.example")
t.ok("EXTERNAL" not in s.esmtp_features.get("auth", ""), "before STARTTLS: no AUTH EXTERNAL")
s.starttls(context=tlstest.client_ctx(pki.ca, cert=pki.p("john.crt"), key=pki.p("john.key")))
s.ehlo("outsider.example")
t.like(s.esmtp_features.get("auth", ""), r"EXTERNAL", "after STARTTLS with a verified certificate: AUTH EXTERNAL offered")
s.mail("john@hosted.test")
t.is_(s.rcpt("victim@other.example")[0], 550, "STARTTLS alone grants no relaying")
s.rset()
t.is_(s.docmd("AUTH", "EXTERNAL =")[0], 235, "AUTH EXTERNAL after STARTTLS: 235")
s.mail("john@hosted.test")
t.is_(s.rcpt("victim@other.example")[0], 250, "after AUTH EXTERNAL: relaying allowed")
s.quit()

# --- openssl s_client and swaks
r = subprocess.run(["openssl", "s_client", "-quiet", "-verify_return_error", "-CAfile", pki.ca, "-starttls", "smtp",
                    "-connect", "127.0.0.1:%d" % port], input=b"EHLO x\r\nQUIT\r\n", capture_output=True, timeout=10)
t.like(r.stdout.decode(), r"250[ -]", "openssl s_client -starttls smtp: EHLO answered over TLS")
r = subprocess.run(["swaks", "--server", "127.0.0.1", "--port", str(port), "--tls", "--to", "demo@hosted.test",
                    "--from", "a@example.test", "--timeout", "10"], capture_output=True)
t.ok(r.returncode == 0 and "TLS started" in r.stdout.decode(), "swaks --tls delivers through smtpd", r.stdout.decode()[-500:])

# --- pipelined commands after STARTTLS are dropped; the client starts over
raw = socket.create_connection(("127.0.0.1", port), 10)
tlstest.lines(raw, ["220 "])
raw.sendall(b"EHLO x\r\n")
tlstest.lines(raw, ["250 "])
raw.sendall(b"STARTTLS\r\nMAIL FROM:<evil@example.test>\r\n")
t.like(tlstest.lines(raw, ["220 "]), r"^220 ", "injection: STARTTLS go-ahead")
try:
    ss = ctx.wrap_socket(raw, server_hostname="localhost")
    ss.sendall(b"EHLO x\r\n")
    tlstest.lines(ss, ["250 "])
    ss.sendall(b"RCPT TO:<demo@hosted.test>\r\n")
    got = tlstest.lines(ss, ["5", "2"])
    t.like(got, r"^503", "injection: the pipelined MAIL was never executed (RCPT gets 503)")
    ss.close()
except (ssl.SSLError, OSError) as e:
    t.ok(True, "injection: the pipelined MAIL broke the handshake instead (%s)" % e.__class__.__name__)

# --- SMTP over TLS (smtpd-ssl service) with client certificates
root.write("etc/esmtpd-ssl", "ESMTPDSSLSTART=YES\nTLS_CERTFILE=%s\nTLS_TRUSTCERTS=%s\nTLS_VERIFYPEER=PEER\n"
           "TLS_EXTERNAL=emailaddress\nTLS_TIMEOUT=5\n" % (cert, pki.ca))
smtps = postern.free_port()
env = dict(os.environ, POSTERN_HOME=root.path, POSTERN_COMMAND_DIR=root.cmd_dir, POSTERN_SMTPS_PORT=str(smtps))
out = open(root.p("var", "smtpd-ssl.out"), "wb")
root.procs.append(subprocess.Popen([os.path.join(postern.TOP, "package", "service", "smtpd-ssl", "run")], env=env,
                                   stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True))
t.ok(postern.wait_port(smtps), "smtpd-ssl listens")


def outsider(name=None):
    """SMTP over TLS from 127.0.0.2, which smtpaccess does not let relay."""
    c = tlstest.client_ctx(pki.ca, cert=pki.p(name + ".crt") if name else None, key=pki.p(name + ".key") if name else None)
    s = smtplib.SMTP_SSL("localhost", smtps, context=c, timeout=10, source_address=("127.0.0.2", 0))
    s.ehlo("outsider.example")
    return s


s = outsider("john")
t.ok("EXTERNAL" in s.esmtp_features.get("auth", ""), "smtps with a verified certificate: AUTH EXTERNAL offered")
s.mail("john@hosted.test")
t.is_(s.rcpt("victim@other.example")[0], 550, "before AUTH EXTERNAL: no relaying from outside")
s.rset()
code, text = s.docmd("AUTH", "EXTERNAL " + base64.b64encode(b"mallory@hosted.test").decode())
t.is_(code, 535, "AUTH EXTERNAL for another account: 535")
code, text = s.docmd("AUTH", "EXTERNAL " + base64.b64encode(b"john@hosted.test").decode())
t.ok(code == 235, "AUTH EXTERNAL naming the certificate's own login: 235, no password")
with open(root.p("var", "smtpd-ssl.out"), "rb") as f:
    t.like(f.read().decode("utf-8", "replace"), r"auth failed ip=127\.0\.0\.2 user=mallory@hosted\.test mech=EXTERNAL",
           "  the refusal is logged with the account asked for")
s.mail("john@hosted.test")
t.ok(s.rcpt("victim@other.example")[0] == 250, "after AUTH EXTERNAL: relaying allowed")
s.quit()
s = outsider("nobody")
code, text = s.docmd("AUTH", "EXTERNAL =")
t.is_(code // 100, 5, "a verified certificate without an account: refused (%d)" % code)
s.quit()
s = outsider()
t.ok("EXTERNAL" not in s.esmtp_features.get("auth", ""), "no certificate: no AUTH EXTERNAL")
code, text = s.docmd("AUTH", "EXTERNAL =")
t.is_(code // 100, 5, "no certificate: AUTH EXTERNAL refused (%d)" % code)
s.quit()
mail = tempfile.NamedTemporaryFile("w", delete=False, dir=root.path)
mail.write("Subject: relayed by certificate\r\n\r\nhi\r\n")
mail.close()
r = subprocess.run(["curl", "-sS", "--max-time", "10", "--interface", "127.0.0.2", "--cacert", pki.ca,
                    "--cert", pki.p("john.crt"), "--key", pki.p("john.key"), "--login-options", "AUTH=EXTERNAL",
                    "-u", "john@hosted.test:", "--mail-from", "john@hosted.test", "--mail-rcpt", "victim@other.example",
                    "-T", mail.name, "smtps://localhost:%d/" % smtps], capture_output=True)
t.ok(r.returncode == 0, "curl smtps with a client certificate and AUTH=EXTERNAL relays")
bodies = [b for _, b in root.queued().values()]
t.ok(any(b"relayed by certificate" in b and b"ESMTPSA" in b for b in bodies), "queued, Received: says ESMTPSA")
