#!/usr/bin/python3
# tlsd and certificates: client certificates (TLS_VERIFYPEER, TLS_TRUSTCERTS,
# TLS_EXTERNAL) accepted, refused and passed on as SSL_PEER_*; a server
# certificate for the wrong host refused by verifying clients; curl
# (imaps, pop3s, smtps, --ssl-reqd) and swaks (--tls, --tlsc).
import os
import socket
import ssl
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import postern  # noqa: E402
import tlstest  # noqa: E402

t = postern.Tap()
root = postern.Root()
pki = tlstest.Pki(root)
cert = pki.issue("server", "/CN=localhost", "DNS:localhost,IP:127.0.0.1")
wrong = pki.issue("wrong", "/CN=wrong.example", "DNS:wrong.example")
pki.issue("john", "/CN=John Smith/emailAddress=john@example.test", usage="clientAuth")
pki.issue("alt", "/CN=alt", "email:alt@example.test", usage="clientAuth")
pki.issue("stranger", "/CN=Stranger/emailAddress=john@example.test", usage="clientAuth", signer=False)
base = {"TLS_CERTFILE": cert}
verify = dict(base, TLS_TRUSTCERTS=pki.ca, TLS_EXTERNAL="emailaddress")
sv = tlstest.Services(root)
need = sv.echo("require", "imap", env=dict(verify, TLS_VERIFYPEER="REQUIREPEER"))
peer = sv.echo("peer", "imap", starttls=True, env=dict(verify, TLS_VERIFYPEER="PEER"))
cn = sv.echo("cn", "imap", env=dict(verify, TLS_VERIFYPEER="PEER", TLS_EXTERNAL="cn"))
bad = sv.echo("wrong", "pop3", env={"TLS_CERTFILE": wrong})


def xenv(port, ctx, starttls=False):
    if starttls:
        raw = socket.create_connection(("127.0.0.1", port), 5)
        tlstest.lines(raw, ["* OK"])
        raw.sendall(b"a STARTTLS\r\n")
        tlstest.lines(raw, ["a "])
        s = ctx.wrap_socket(raw, server_hostname="localhost")
    else:
        s = tlstest.tls_connect(port, ctx)
        tlstest.lines(s, ["* OK"])
    s.sendall(b"b XENV\r\n")
    out = tlstest.lines(s, ["b "])
    s.close()
    return out


def refused(port, ctx, starttls=False):
    try:
        out = xenv(port, ctx, starttls)
        return "XENV" not in out, out
    except (ssl.SSLError, OSError) as e:
        return True, repr(e)


john = tlstest.client_ctx(pki.ca, cert=pki.p("john.crt"), key=pki.p("john.key"))
alt = tlstest.client_ctx(pki.ca, cert=pki.p("alt.crt"), key=pki.p("alt.key"))
stranger = tlstest.client_ctx(pki.ca, cert=pki.p("stranger.crt"), key=pki.p("stranger.key"))
anon = tlstest.client_ctx(pki.ca)

# --- REQUIREPEER
out = xenv(need, john)
t.like(out, r"SSL_PEER_CERT_SUBJECT=emailAddress=john@example\.test,CN=John Smith", "REQUIREPEER: verified subject passed on")
t.like(out, r"SSL_PEER_EMAIL=john@example\.test SSL_PEER_LOGIN=john@example\.test", "TLS_EXTERNAL=emailaddress: SSL_PEER_LOGIN")
t.like(out, r"SSL_PEER_CERT_HASH=SHA256:[0-9a-f]{64}", "certificate hash passed on")
t.like(sv.wait_log("require", "login="), r"tls ok ip=127\.0\.0\.1 .*login=john@example\.test peer=emailAddress=john@example\.test,CN=John Smith",
       "the login and subject are logged")
gone, why = refused(need, anon)
t.ok(gone, "REQUIREPEER: no certificate, no session", why)
t.like(sv.wait_log("require", "did not return"), r"tls failed ip=127\.0\.0\.1 reason=peer did not return a certificate", "missing certificate logged")
gone, why = refused(need, stranger)
t.ok(gone, "REQUIREPEER: an untrusted certificate is refused", why)
t.like(sv.wait_log("require", "certificate verify failed"), r"tls failed ip=127\.0\.0\.1 reason=certificate verify failed",
       "untrusted certificate logged")
out = xenv(need, alt)
t.like(out, r"SSL_PEER_EMAIL=alt@example\.test SSL_PEER_LOGIN=alt@example\.test", "e-mail address from subjectAltName")

# --- PEER over STARTTLS: optional, but verified when given
out = xenv(peer, anon, starttls=True)
t.ok("SSL_PROTOCOL=" in out and "SSL_PEER" not in out, "PEER: no certificate is fine, and no SSL_PEER_*", out)
out = xenv(peer, john, starttls=True)
t.like(out, r"SSL_PEER_LOGIN=john@example\.test", "PEER over STARTTLS: SSL_PEER_LOGIN reaches the server on SSLCTLFD")
gone, why = refused(peer, stranger, starttls=True)
t.ok(gone, "PEER over STARTTLS: an untrusted certificate is refused", why)
out = xenv(cn, john)
t.like(out, r"SSL_PEER_LOGIN=John Smith", "TLS_EXTERNAL=cn")

# --- TLS_TRUSTCERTS may be a hashed directory of CAs
cadir = pki.p("cadir")
os.makedirs(cadir)
os.chmod(cadir, 0o755)
subprocess.run(["cp", pki.ca, cadir], check=True)
subprocess.run(["openssl", "rehash", cadir], check=True, capture_output=True)
bydir = sv.echo("dir", "imap", env=dict(verify, TLS_TRUSTCERTS=cadir, TLS_VERIFYPEER="REQUIREPEER"))
t.like(xenv(bydir, john), r"SSL_PEER_LOGIN=john@example\.test", "TLS_TRUSTCERTS as a directory")
gone, why = refused(bydir, stranger)
t.ok(gone, "TLS_TRUSTCERTS as a directory: an untrusted certificate is refused", why)

# --- a certificate for the wrong host: verifying clients refuse it
gone, why = refused(bad, anon)
t.ok(gone and "match" in why, "python ssl: wrong host refused", why)
r = subprocess.run(["curl", "-sS", "--max-time", "10", "--cacert", pki.ca, "-u", "u:p",
                    "pop3s://localhost:%d/" % bad], capture_output=True)
t.is_(r.returncode, 60, "curl pop3s: wrong host refused (exit 60)")
r = subprocess.run(["openssl", "s_client", "-verify_return_error", "-CAfile", pki.ca, "-verify_hostname", "localhost",
                    "-connect", "127.0.0.1:%d" % bad], input=b"", capture_output=True, timeout=10)
t.ok(r.returncode != 0, "openssl s_client: wrong host refused")
r = subprocess.run(["curl", "-sS", "--max-time", "10", "--cacert", pki.ca, "-u", "u:p", "--resolve",
                    "wrong.example:%d:127.0.0.1" % bad, "pop3s://wrong.example:%d/" % bad], capture_output=True)
t.is_(r.returncode, 0, "curl pop3s: the right name is accepted")

# --- curl and swaks against implicit TLS and STARTTLS
imaps = sv.echo("imaps", "imap", env=base)
smtps = sv.echo("smtps", "smtp", env=base)
smtp = sv.echo("smtp", "smtp", starttls=True, env=base)
pop3 = sv.echo("pop3", "pop3", starttls=True, env=base)
plain = postern.free_port()
root.start(["tcpserver", "-HR"] + tlstest.daemon_ids() + ["127.0.0.1", str(plain), tlstest.TLSECHO, "smtp"], port=plain)
r = subprocess.run(["curl", "-sS", "--max-time", "10", "--cacert", pki.ca, "-u", "u:p", "-X", "XENV",
                    "imaps://localhost:%d/" % imaps], capture_output=True)
t.like(r.stdout.decode(), r"XENV SSL_PROTOCOL=TLSv1\.3", "curl imaps")
mail = tempfile.NamedTemporaryFile("w", delete=False, dir=root.path)
mail.write("Subject: hi\r\n\r\nhello\r\n")
mail.close()
for name, url, extra in (("smtps", "smtps://localhost:%d/" % smtps, []),
                         ("smtp --ssl-reqd", "smtp://localhost:%d/" % smtp, ["--ssl-reqd"])):
    r = subprocess.run(["curl", "-sS", "--max-time", "10", "--cacert", pki.ca, "--mail-from", "a@example.test",
                        "--mail-rcpt", "b@example.test", "-T", mail.name] + extra + [url], capture_output=True)
    t.is_(r.returncode, 0, "curl %s" % name)
r = subprocess.run(["curl", "-sS", "--max-time", "10", "--ssl-reqd", "--mail-from", "a@example.test",
                    "--mail-rcpt", "b@example.test", "-T", mail.name, "smtp://localhost:%d/" % plain], capture_output=True)
t.ok(r.returncode != 0, "curl --ssl-reqd refuses a server without STARTTLS", r.stderr)
r = subprocess.run(["curl", "-sS", "--max-time", "10", "--cacert", pki.ca, "--ssl-reqd", "-u", "u:p",
                    "pop3://localhost:%d/" % pop3], capture_output=True)
t.is_(r.returncode, 0, "curl pop3 --ssl-reqd (STLS)")
for name, port, flag in (("--tls", smtp, "--tls"), ("--tlsc", smtps, "--tlsc")):
    r = subprocess.run(["swaks", "--server", "127.0.0.1", "--port", str(port), flag, "--to", "b@example.test",
                        "--from", "a@example.test", "--timeout", "10"], capture_output=True)
    t.ok(r.returncode == 0 and "TLS started" in r.stdout.decode(), "swaks %s" % name, r.stdout.decode()[-600:])
r = subprocess.run(["swaks", "--server", "127.0.0.1", "--port", str(plain), "--tls", "--to", "b@example.test",
                    "--from", "a@example.test", "--timeout", "10"], capture_output=True)
t.ok(r.returncode != 0, "swaks --tls fails against a server without STARTTLS")
