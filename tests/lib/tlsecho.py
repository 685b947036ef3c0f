#!/usr/bin/python3
"""A tiny SMTP/POP3/IMAP look-alike implementing the server side of the
UCSPI-TLS hand-off (doc/INTERFACES.md section 6), so tlsd is tested
with real clients independently of the real servers.

tlsecho.py smtp|pop3|imap -- reads fd 0, writes fd 1; with SSLCTLFD set it
offers STARTTLS. XENV shows the TLS variables; XPEEK shows what is
buffered (injection check); XFDS says whether fd 0 is a socket; SMTP's
XBIG n sends n lines of 100 bytes and DATA says how much it got."""
import os
import stat
import sys

mode = sys.argv[1]
rfd, wfd = 0, 1
ctl = int(os.environ["SSLCTLFD"]) if "SSLCTLFD" in os.environ else None
buf = b""
tls = bool(os.environ.get("SSL_PROTOCOL"))


def send(text):
    data = text.encode()
    while data:
        data = data[os.write(wfd, data):]


def readline():
    global buf
    while b"\n" not in buf:
        chunk = os.read(rfd, 4096)
        if not chunk:
            sys.exit(0)
        buf += chunk
    line, buf = buf.split(b"\n", 1)
    return line.rstrip(b"\r").decode("utf-8", "replace")


def starttls():
    """Y on the control socket, then the variables until an empty pair."""
    global rfd, wfd, buf, ctl, tls
    buf = b""                      # injection: pipelined plaintext dropped
    os.write(ctl, b"Y")
    data = b""
    while not data.endswith(b"\0\0") and data != b"\0":
        chunk = os.read(ctl, 4096)
        if not chunk:
            sys.exit(0)            # handshake failed: tlsd logged why
        data += chunk
    for pair in data.split(b"\0"):
        if pair:
            k, v = pair.decode().split("=", 1)
            os.environ[k] = v
    os.close(ctl)
    rfd, wfd = int(os.environ["SSLREADFD"]), int(os.environ["SSLWRITEFD"])
    ctl, tls = None, True


def env_line():
    names = ("SSL_PROTOCOL", "SSL_CIPHER", "SSL_TLS_SNI_SERVERNAME", "SSL_PEER_CERT_SUBJECT",
             "SSL_PEER_EMAIL", "SSL_PEER_LOGIN", "SSL_PEER_CERT_HASH", "TLS")
    return " ".join("%s=%s" % (n, os.environ[n]) for n in names if n in os.environ) or "none"


def fds_line():
    return "fd0=" + ("socket" if stat.S_ISSOCK(os.fstat(rfd).st_mode) else "pipe")


def big(n):
    """n lines of 100 bytes: traffic from the server that outgrows every buffer."""
    chunk = "".join("%099d\n" % i for i in range(1000))
    while n >= 1000:
        send(chunk)
        n -= 1000
    send("".join("%099d\n" % i for i in range(n)))


def smtp():
    send("220 tlsecho ESMTP\r\n")
    while True:
        line = readline()
        verb = line.split(" ")[0].upper()
        if verb in ("EHLO", "HELO"):
            send("250-tlsecho\r\n" + ("250-STARTTLS\r\n" if ctl is not None and not tls else "") + "250 8BITMIME\r\n")
        elif verb == "STARTTLS" and ctl is not None and not tls:
            send("220 2.0.0 go ahead\r\n")
            starttls()
        elif verb in ("MAIL", "RCPT", "RSET", "NOOP"):
            send("250 ok\r\n")
        elif verb == "DATA":
            send("354 go\r\n")
            size = 0
            while True:
                ln = readline()
                if ln == ".":
                    break
                size += len(ln) + 2
            send("250 accepted %d\r\n" % size)
        elif verb == "XENV":
            send("250 " + env_line() + "\r\n")
        elif verb == "XPEEK":
            send("250 buffered=%r\r\n" % buf)
        elif verb == "XFDS":
            send("250 " + fds_line() + "\r\n")
        elif verb == "XBIG":
            big(int(line.split(" ")[1]))
            send("250 sent\r\n")
        elif verb == "QUIT":
            send("221 bye\r\n")
            return
        else:
            send("502 unknown\r\n")


def pop3():
    send("+OK tlsecho\r\n")
    while True:
        line = readline()
        verb = line.split(" ")[0].upper()
        if verb == "CAPA":
            send("+OK\r\n" + ("STLS\r\n" if ctl is not None and not tls else "") + "USER\r\n.\r\n")
        elif verb == "STLS" and ctl is not None and not tls:
            send("+OK begin TLS\r\n")
            starttls()
        elif verb in ("USER", "PASS", "NOOP"):
            send("+OK\r\n")
        elif verb == "STAT":
            send("+OK 0 0\r\n")
        elif verb in ("LIST", "UIDL"):
            send("+OK\r\n.\r\n")
        elif verb == "XENV":
            send("+OK " + env_line() + "\r\n")
        elif verb == "XPEEK":
            send("+OK buffered=%r\r\n" % buf)
        elif verb == "QUIT":
            send("+OK bye\r\n")
            return
        else:
            send("-ERR unknown\r\n")


def imap():
    send("* OK tlsecho ready\r\n")
    while True:
        parts = readline().split(" ")
        tag, verb = parts[0], (parts[1].upper() if len(parts) > 1 else "")
        if verb == "CAPABILITY":
            send("* CAPABILITY IMAP4rev1" + (" STARTTLS" if ctl is not None and not tls else "") + "\r\n%s OK done\r\n" % tag)
        elif verb == "STARTTLS" and ctl is not None and not tls:
            send("%s OK begin TLS\r\n" % tag)
            starttls()
        elif verb in ("LOGIN", "NOOP"):
            send("%s OK done\r\n" % tag)
        elif verb == "XENV":
            send("* XENV %s\r\n%s OK done\r\n" % (env_line(), tag))
        elif verb == "XPEEK":
            send("* XPEEK buffered=%r\r\n%s OK done\r\n" % (buf, tag))
        elif verb == "LOGOUT":
            send("* BYE\r\n%s OK done\r\n" % tag)
            return
        else:
            send("%s BAD unknown\r\n" % tag)


{"smtp": smtp, "pop3": pop3, "imap": imap}[mode]()
