#!/usr/bin/python3
# tlsd in front of a small line server that implements the server side of
# the UCSPI-TLS hand-off: implicit TLS and STARTTLS for SMTP, POP3 and
# IMAP with python's ssl/smtplib/imaplib/poplib and openssl s_client,
# the protocol floor, the handshake log line, DH parameters, STARTTLS
# injection and clients that give up mid-handshake.
import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
import imaplib
import warnings
import poplib
import smtplib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import postern  # noqa: E402
import tlstest  # noqa: E402

warnings.simplefilter("ignore", DeprecationWarning)   # TLS 1.0/1.1 on purpose
t = postern.Tap()
root = postern.Root()
pki = tlstest.Pki(root)
cert = pki.issue("server", "/CN=localhost", "DNS:localhost,IP:127.0.0.1", key="rsa")
dh = root.p("etc", "dhparams.pem")
subprocess.run([postern.command("mkdhparams"), dh], check=True, env=dict(os.environ, DH_BITS="2048"))
base = {"TLS_CERTFILE": cert, "TLS_DHPARAMS": dh}
sv = tlstest.Services(root)
imaps = sv.echo("imaps", "imap", env=base)
imap = sv.echo("imap", "imap", starttls=True, env=base)
smtp = sv.echo("smtp", "smtp", starttls=True, env=base)
pop3 = sv.echo("pop3", "pop3", starttls=True, env=base)
ctx = tlstest.client_ctx(pki.ca)

# --- implicit TLS, verified against the CA, with the variables passed on
s = tlstest.tls_connect(imaps, ctx)
t.is_(s.version(), "TLSv1.3", "implicit: TLS 1.3 by default")
greet = tlstest.lines(s, ["* OK"])
t.like(greet, r"^\* OK tlsecho", "implicit: the server speaks after the handshake")
s.sendall(b"a XENV\r\n")
env = tlstest.lines(s, ["a "])
t.like(env, r"SSL_PROTOCOL=TLSv1\.3 SSL_CIPHER=TLS_\w+ SSL_TLS_SNI_SERVERNAME=localhost", "implicit: protocol, cipher and SNI set for the server")
t.ok("SSL_PEER" not in env, "implicit: no peer variables without a client certificate", env)
s.sendall(b"a XFDS\r\n")
s.close()
log = sv.wait_log("imaps", r"tls ok ip=127\.0\.0\.1 proto=TLSv1\.3 cipher=\S+ sni=localhost")
t.like(log, r"tlsd: tls ok ip=127\.0\.0\.1 proto=TLSv1\.3 cipher=\S+ sni=localhost", "implicit: one log line for the handshake")

# --- SNI: TLS_CERTFILE.NAME serves a client asking for NAME (as Courier)
other = pki.issue("other", "/CN=other.example", "DNS:other.example")
with open(other) as src, open(cert + ".other.example", "w") as dst:
    dst.write(src.read())
os.chmod(cert + ".other.example", 0o644)
s = tlstest.tls_connect(imaps, ctx, host="other.example")
t.is_(dict(x[0] for x in s.getpeercert()["subject"])["commonName"], "other.example", "SNI other.example: its own certificate")
s.close()
s = tlstest.tls_connect(imaps, ctx, host="LOCALHOST")
t.is_(dict(x[0] for x in s.getpeercert()["subject"])["commonName"], "localhost", "SNI without a file of its own: the default certificate")
s.close()
r = subprocess.run(["openssl", "s_client", "-servername", "x/../other.example", "-connect", "127.0.0.1:%d" % imaps],
                   input=b"", capture_output=True, timeout=10)
t.like(r.stdout.decode(), r"subject=CN ?= ?localhost", "an SNI name unfit for a file name gets the default certificate")

# --- imaplib over implicit TLS and STARTTLS
m = imaplib.IMAP4_SSL("localhost", imaps, ssl_context=ctx)
typ, data = m.xatom("XENV")
t.like(repr(m.untagged_responses.get("XENV")), r"SSL_PROTOCOL=TLSv1\.3", "imaplib IMAP4_SSL: server sees TLS")
m.logout()
m = imaplib.IMAP4("localhost", imap)
t.ok("STARTTLS" in m.capabilities, "imap STARTTLS offered before TLS")
m.starttls(ssl_context=ctx)
typ, data = m.capability()
t.ok(b"STARTTLS" not in data[0], "imap STARTTLS no longer offered after TLS", data)
m.xatom("XENV")
t.like(repr(m.untagged_responses.get("XENV")), r"SSL_PROTOCOL=TLSv1\.3 SSL_CIPHER=\S+ SSL_TLS_SNI_SERVERNAME=localhost TLS=TLSv1\.3",
       "imaplib starttls: variables reach the server over SSLCTLFD")
m.logout()

# --- smtplib and poplib STARTTLS
c = smtplib.SMTP("localhost", smtp, timeout=5)
c.ehlo()
t.ok(c.has_extn("starttls"), "smtp STARTTLS offered")
code, _ = c.starttls(context=ctx)
t.is_(code, 220, "smtplib starttls")
c.ehlo()
code, msg = c.docmd("XENV")
t.like(msg.decode(), r"SSL_PROTOCOL=TLSv1\.3", "smtplib: the server sees TLS after STARTTLS")
code, msg = c.docmd("XFDS")
t.like(msg.decode(), r"fd0=pipe", "smtp: after STARTTLS the server reads SSLREADFD (a pipe)")
c.sendmail("a@example.test", ["b@example.test"], "Subject: x\r\n\r\nhello\r\n")
c.quit()
p = poplib.POP3("localhost", pop3, timeout=5)
p.stls(context=ctx)
t.like(p._shortcmd("XENV").decode(), r"SSL_PROTOCOL=TLSv1\.3", "poplib stls: the server sees TLS")
p.quit()

# --- openssl s_client -starttls for the three protocols
for proto, port, cmd, want in (("smtp", smtp, "XENV\r\nQUIT\r\n", r"250 SSL_PROTOCOL=TLSv1\.3"),
                               ("pop3", pop3, "XENV\r\nQUIT\r\n", r"\+OK SSL_PROTOCOL=TLSv1\.3"),
                               ("imap", imap, "a XENV\r\na LOGOUT\r\n", r"\* XENV SSL_PROTOCOL=TLSv1\.3")):
    r = subprocess.run(["openssl", "s_client", "-quiet", "-verify_return_error", "-CAfile", pki.ca,
                        "-verify_hostname", "localhost", "-starttls", proto, "-connect", "127.0.0.1:%d" % port],
                       input=cmd.encode(), capture_output=True, timeout=10)
    t.like(r.stdout.decode(), want, "openssl s_client -starttls %s" % proto)

# --- the protocol floor: TLS 1.0 and 1.1 are refused, 1.2 works
for name, ver in (("TLSv1", ssl.TLSVersion.TLSv1), ("TLSv1.1", ssl.TLSVersion.TLSv1_1)):
    old = tlstest.client_ctx()
    old.minimum_version = ver
    old.maximum_version = ver
    old.set_ciphers("DEFAULT:@SECLEVEL=0")
    try:
        tlstest.tls_connect(imaps, old).close()
        t.ok(False, "%s refused" % name)
    except (ssl.SSLError, OSError) as e:
        t.ok(True, "%s refused (%s)" % (name, e.__class__.__name__))
log = sv.wait_log("imaps", r"tls failed ip=127\.0\.0\.1 reason=unsupported protocol")
t.like(log, r"tls failed ip=127\.0\.0\.1 reason=unsupported protocol", "refused protocol logged")
r = subprocess.run(["openssl", "s_client", "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0", "-connect", "127.0.0.1:%d" % imaps],
                   input=b"", capture_output=True, timeout=10)
t.ok(r.returncode != 0, "openssl s_client -tls1_1 refused")
v12 = tlstest.client_ctx(pki.ca)
v12.maximum_version = ssl.TLSVersion.TLSv1_2
s = tlstest.tls_connect(imaps, v12)
t.is_(s.version(), "TLSv1.2", "TLS 1.2 accepted")
s.close()
dhe = tlstest.client_ctx(pki.ca)
dhe.maximum_version = ssl.TLSVersion.TLSv1_2
dhe.set_ciphers("DHE-RSA-AES256-GCM-SHA384")
s = tlstest.tls_connect(imaps, dhe)
t.is_(s.cipher()[0], "DHE-RSA-AES256-GCM-SHA384", "TLS_DHPARAMS: DHE suites work")
s.close()
floor = sv.echo("floor13", "imap", env=dict(base, TLS_PROTOCOL="TLSv1.3+"))
try:
    tlstest.tls_connect(floor, v12).close()
    t.ok(False, "TLS_PROTOCOL=TLSv1.3+ refuses TLS 1.2")
except (ssl.SSLError, OSError):
    t.ok(True, "TLS_PROTOCOL=TLSv1.3+ refuses TLS 1.2")
old = sv.echo("floor10", "imap", env=dict(base, TLS_PROTOCOL="TLSv1+"))
s = tlstest.tls_connect(old, ctx)
t.is_(s.version(), "TLSv1.3", "TLS_PROTOCOL=TLSv1+ still works")
s.close()
try:
    o = tlstest.client_ctx()
    o.maximum_version = ssl.TLSVersion.TLSv1_1
    o.set_ciphers("DEFAULT:@SECLEVEL=0")
    tlstest.tls_connect(old, o).close()
    t.ok(False, "TLS_PROTOCOL=TLSv1+ keeps the TLS 1.2 floor")
except (ssl.SSLError, OSError):
    t.ok(True, "TLS_PROTOCOL=TLSv1+ keeps the TLS 1.2 floor")
t.like(sv.wait_log("floor10", "TLS 1.2 is the oldest"), r"tlsd: warning: TLS_PROTOCOL below TLSv1\.2 ignored", "old TLS_PROTOCOL warned about")

exact = sv.echo("exact12", "imap", env=dict(base, TLS_PROTOCOL="TLSv1.2", TLS_CIPHER_LIST="ECDHE-RSA-AES128-GCM-SHA256"))
s = tlstest.tls_connect(exact, ctx)
t.is_((s.version(), s.cipher()[0]), ("TLSv1.2", "ECDHE-RSA-AES128-GCM-SHA256"),
      "TLS_PROTOCOL=TLSv1.2 caps a TLS 1.3 client at 1.2; TLS_CIPHER_LIST picks the suite")
s.close()
other = tlstest.client_ctx(pki.ca)
other.set_ciphers("ECDHE-RSA-AES256-GCM-SHA384")
other.maximum_version = ssl.TLSVersion.TLSv1_2
try:
    tlstest.tls_connect(exact, other).close()
    t.ok(False, "a suite outside TLS_CIPHER_LIST is refused")
except (ssl.SSLError, OSError):
    t.ok(True, "a suite outside TLS_CIPHER_LIST is refused")
r = root.run(postern.command("tlsd"), "/bin/true", env={"TLS_CERTFILE": cert, "TLS_CIPHER_LIST": "NOSUCHCIPHER"})
t.like(r.stderr.decode(), r"^tlsd: fatal: unable to set up TLS: no usable cipher in TLS_CIPHER_LIST", "unusable TLS_CIPHER_LIST: said")

# --- STARTTLS injection: plaintext pipelined after STARTTLS is dropped
raw = socket.create_connection(("127.0.0.1", smtp), 5)
tlstest.lines(raw, ["220 "])
raw.sendall(b"EHLO x\r\n")
tlstest.lines(raw, ["250 "])
raw.sendall(b"STARTTLS\r\nXENV\r\n")
resp = tlstest.lines(raw, ["220 "])
t.like(resp, r"^220 2\.0\.0", "injection: STARTTLS answered")
s = ctx.wrap_socket(raw, server_hostname="localhost")
s.sendall(b"XPEEK\r\n")
got = tlstest.lines(s, ["250 "])
t.is_(got, "250 buffered=b''\r\n", "injection: the pipelined command was never answered, nothing buffered")
s.close()

# --- clients that give up mid-handshake, and a silent one (TLS_TIMEOUT)
hello = socket.create_connection(("127.0.0.1", imaps), 5)
hello.sendall(bytes.fromhex("160301020001"))    # the start of a ClientHello
hello.close()
t.like(sv.wait_log("imaps", r"closed the connection during the handshake"),
       r"tls failed ip=127\.0\.0\.1 reason=peer closed the connection during the handshake", "client dropping mid-handshake logged")
slow = sv.echo("slow", "imap", env=dict(base, TLS_TIMEOUT="1"))
quiet = socket.create_connection(("127.0.0.1", slow), 5)
time.sleep(1.5)
t.like(sv.wait_log("slow", "timed out"), r"tls failed ip=127\.0\.0\.1 reason=handshake timed out", "silent client timed out and logged")
quiet.close()
s = tlstest.tls_connect(imaps, ctx)
t.like(tlstest.lines(s, ["* OK"]), r"^\* OK", "the service still answers afterwards")
s.close()
mid = socket.create_connection(("127.0.0.1", imap), 5)
tlstest.lines(mid, ["* OK"])
mid.sendall(b"a STARTTLS\r\n")
tlstest.lines(mid, ["a OK"])
mid.sendall(bytes.fromhex("1603010200"))
mid.close()
t.like(sv.wait_log("imap", r"tls failed"), r"tls failed ip=127\.0\.0\.1 reason=peer closed", "STARTTLS client dropping mid-handshake logged")

# --- every handshake leaves one line; configuration errors are fatal and said
n_ok = sv.log("imaps").count("tls ok ")
t.ok(n_ok >= 5, "handshakes logged one per line (%d)" % n_ok)
r = root.run(postern.command("tlsd"), "/bin/true", env={"TLS_CERTFILE": cert, "TLS_VERIFYPEER": "SOMETIMES"})
t.is_(r.returncode, 111, "bad TLS_VERIFYPEER: exit 111")
t.like(r.stderr.decode(), r"^tlsd: fatal: unknown TLS_VERIFYPEER", "bad TLS_VERIFYPEER: said")
r = root.run(postern.command("tlsd"), "/bin/true", env={"TLS_CERTFILE": root.p("etc", "nonesuch.pem")})
t.like(r.stderr.decode(), r"^tlsd: fatal: unable to set up TLS: unable to load certificate .*nonesuch\.pem", "missing certificate: said")
r = root.run(postern.command("tlsd"), "/bin/true", env={"TLS_CERTFILE": cert, "TLS_DHPARAMS": root.p("etc", "nodh.pem")},
             input=b"")
t.like(r.stderr.decode(), r"^tlsd: warning: TLS_DHPARAMS \S+nodh\.pem does not exist: using the built-in groups",
       "a missing TLS_DHPARAMS file: warned, TLS goes on")
t.ok("unable to set up TLS" not in r.stderr.decode(), "and the set-up goes on", r.stderr.decode())
root.write("etc/baddh.pem", "not DH parameters\n")
r = root.run(postern.command("tlsd"), "/bin/true", env={"TLS_CERTFILE": cert, "TLS_DHPARAMS": root.p("etc", "baddh.pem")})
t.like(r.stderr.decode(), r"^tlsd: fatal: unable to set up TLS: unable to load DH parameters", "a broken TLS_DHPARAMS file: fatal")
r = root.run(postern.command("tlsd"), env={})
t.is_(r.returncode, 100, "usage: exit 100")
if os.geteuid() == 0:
    r = root.run(postern.command("tlsd"), "/bin/true", env={"TLS_CERTFILE": cert, "UID": "", "GID": ""})
    t.like(r.stderr.decode(), r"refusing to run as root", "as root without UID/GID: refused")

# --- bulk both ways through the pump, and a client that stops reading
c = smtplib.SMTP("localhost", smtp, timeout=20)
c.starttls(context=ctx)
body = "".join("line %06d of a big message through TLS, padded to be long enough..........\r\n" % i for i in range(80000))
code, msg = c.docmd("MAIL", "FROM:<a@example.test>")
c.docmd("RCPT", "TO:<b@example.test>")
c.docmd("DATA")
c.send(body + ".\r\n")
code, msg = c.getreply()
t.is_((code, msg.decode()), (250, "accepted %d" % len(body)), "6 MB from the client through tlsd, intact")
c.send("XBIG 60000\r\n")
f = c.sock.makefile("rb")
got = b""
while len(got) < 6000000:
    chunk = f.read(6000000 - len(got))
    if not chunk:
        break
    got += chunk
t.ok(got == "".join("%099d\n" % (i % 1000) for i in range(60000)).encode(), "6 MB from the server through tlsd, intact")
t.is_(f.readline(), b"250 sent\r\n", "and the session goes on")
c.close()
stall = sv.echo("stall", "smtp", starttls=True, env=dict(base, TLS_STALL_TIMEOUT="1"))
c = smtplib.SMTP("localhost", stall, timeout=20)
c.starttls(context=ctx)
c.send("XBIG 500000\r\n")   # 50 MB that the client never reads
t.like(sv.wait_log("stall", "stopped reading", timeout=15), r"tls ended ip=127\.0\.0\.1 reason=peer stopped reading for 1 seconds",
       "a client that stops reading is dropped after TLS_STALL_TIMEOUT")
c.close()
