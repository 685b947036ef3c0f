#!/usr/bin/python3
# tlsc, the client side of UCSPI-TLS under tcpclient, against tlsd:
# implicit TLS and STARTTLS, server certificate and host name verified,
# the client's variables, and a refused server certificate.
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import postern  # noqa: E402
import tlstest  # noqa: E402

t = postern.Tap()
root = postern.Root()
pki = tlstest.Pki(root)
cert = pki.issue("server", "/CN=localhost", "DNS:localhost,IP:127.0.0.1")
sv = tlstest.Services(root)
imaps = sv.echo("imaps", "imap", env={"TLS_CERTFILE": cert})
imap = sv.echo("imap", "imap", starttls=True, env={"TLS_CERTFILE": cert})

# A client program: fds 6/7 the network (or pipes to tlsc), and in STARTTLS
# mode the hand-off on SSLCTLFD, as a real client would do it.
CLIENT = r'''
import os, sys
r, w = 6, 7
def line():
    data = b""
    while not data.endswith(b"\n"):
        c = os.read(r, 1)
        if not c: sys.exit(3)
        data += c
    return data.decode()
print(line(), end="")
if "SSLCTLFD" in os.environ:
    os.write(w, b"a STARTTLS\r\n")
    print(line(), end="")
    ctl = int(os.environ["SSLCTLFD"])
    os.write(ctl, b"Y")
    v = b""
    while not v.endswith(b"\0\0"):
        c = os.read(ctl, 4096)
        if not c: print("handshake failed"); sys.exit(4)
        v += c
    for pair in v.split(b"\0"):
        if pair:
            k, val = pair.decode().split("=", 1)
            os.environ[k] = val
    r, w = int(os.environ["SSLREADFD"]), int(os.environ["SSLWRITEFD"])
os.write(w, b"b XENV\r\n")
print(line(), end="")
print("client:", os.environ.get("SSL_PROTOCOL"), os.environ.get("SSL_PEER_CERT_SUBJECT"))
'''


def run(port, name, starttls=False, env=None):
    e = {"TLS_TRUSTCERTS": pki.ca, "TLS_VERIFYPEER": "PEER"}
    e.update(env or {})
    args = ["tcpclient", "-HR", "127.0.0.1", str(port), postern.command("tlsc")] + (["-s"] if starttls else []) + \
        ["-n", name, "/usr/bin/python3", "-c", CLIENT]
    return root.run(*args, env=e)


r = run(imaps, "localhost")
out = r.stdout.decode()
t.like(out, r"^\* OK tlsecho", "implicit: the client reads the greeting through tlsc")
t.like(out, r"\* XENV SSL_PROTOCOL=TLSv1\.3 SSL_CIPHER=\S+ SSL_TLS_SNI_SERVERNAME=localhost", "implicit: the server sees TLS and our SNI")
t.like(out, r"client: TLSv1\.3 CN=localhost", "implicit: the client learns the verified server subject")
t.like(r.stderr.decode(), r"tlsc: tls ok ip=127\.0\.0\.1 host=localhost proto=TLSv1\.3", "implicit: tlsc logs the handshake")
t.is_(len(r.stderr.decode().splitlines()), 1, "implicit: and says nothing else")
r = run(imaps, "wrong.example")
t.is_(r.returncode, 100, "wrong host: tlsc exits 100")
t.like(r.stderr.decode(), r"tlsc: tls failed ip=127\.0\.0\.1 host=wrong\.example reason=certificate verify failed",
       "wrong host: refused and logged")
t.is_(r.stdout.decode(), "", "wrong host: the client program never ran")
r = run(imaps, "localhost", env={"TLS_TRUSTCERTS": root.p("etc", "tls", "server.crt"), "TLS_VERIFYPEER": "PEER"})
t.is_(r.returncode, 100, "untrusted server certificate refused")
r = run(imaps, "localhost", env={"TLS_TRUSTCERTS": "", "TLS_VERIFYPEER": "NONE"})
t.like(r.stdout.decode(), r"client: TLSv1\.3 None", "TLS_VERIFYPEER=NONE: connects, but learns no verified subject")

r = run(imap, "localhost", starttls=True)
out = r.stdout.decode()
t.like(out, r"a OK begin TLS", "STARTTLS: the client asked for TLS in plaintext")
t.like(out, r"\* XENV SSL_PROTOCOL=TLSv1\.3", "STARTTLS: then spoke through SSLREADFD/SSLWRITEFD")
t.like(out, r"client: TLSv1\.3 CN=localhost", "STARTTLS: the variables came over SSLCTLFD")
r = run(imap, "wrong.example", starttls=True)
t.like(r.stdout.decode(), r"handshake failed", "STARTTLS to the wrong host: the client sees EOF on SSLCTLFD")
t.like(r.stderr.decode(), r"reason=certificate verify failed", "STARTTLS to the wrong host: logged")
