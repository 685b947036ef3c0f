#!/usr/bin/python3
"""A stand-in for s6-networking's s6-ucspitlsd (with s6-tlsd-io), as its
documentation describes it, to check that postern's servers keep to the
UCSPI-TLS convention and not just to tlsd: the parent execs the server
with SSLCTLFD (a socketpair), SSLREADFD and SSLWRITEFD (pipes) and the
network on fds 0/1; the child waits for y or Y, runs the handshake, sends
only SSL_PROTOCOL and SSL_CIPHER (after Y), then carries the session.
Settings: CERTFILE and KEYFILE, as s6 names them.

s6ucspitlsd.py server [args...]"""
import os
import select
import socket
import ssl
import sys

ctl_app, ctl_tls = socket.socketpair()
app_r, tls_w = os.pipe()      # the server reads SSLREADFD
tls_r, app_w = os.pipe()      # the server writes SSLWRITEFD


def tls_side():
    for fd in (app_r, app_w):
        os.close(fd)
    ctl_app.close()
    cmd = ctl_tls.recv(1)
    if not cmd:
        os._exit(0)
    if cmd not in (b"y", b"Y"):
        os._exit(100)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.environ["CERTFILE"], os.environ["KEYFILE"])
    net = socket.socket(fileno=os.dup(0))
    try:
        s = ctx.wrap_socket(net, server_side=True)
    except (ssl.SSLError, OSError):
        os._exit(1)                # ctl closes: the server sees EOF
    if cmd == b"Y":
        ctl_tls.sendall(("SSL_PROTOCOL=%s\0SSL_CIPHER=%s\0\0" % (s.version(), s.cipher()[0])).encode())
    ctl_tls.close()
    net_open = True
    while True:
        ready = [s] if net_open and s.pending() else \
            select.select(([s] if net_open else []) + [tls_r], [], [])[0]
        if s in ready:
            data = s.recv(16384)
            if data:
                os.write(tls_w, data)
            else:
                net_open = False
                os.close(tls_w)
        if tls_r in ready:
            data = os.read(tls_r, 16384)
            if not data:
                break
            s.sendall(data)
    os._exit(0)


if os.fork() == 0:
    tls_side()
for fd in (tls_r, tls_w):
    os.close(fd)
ctl_tls.close()
os.set_inheritable(ctl_app.fileno(), True)
os.set_inheritable(app_r, True)
os.set_inheritable(app_w, True)
for name in ("CERTFILE", "KEYFILE"):
    os.environ.pop(name, None)
os.environ.update(SSLCTLFD=str(ctl_app.fileno()), SSLREADFD=str(app_r), SSLWRITEFD=str(app_w))
os.execvp(sys.argv[1], sys.argv[1:])
