#!/usr/bin/python3
"""tcpserver ... pop3-login authcheck pop3d: the seed-002 session, CAPA,
USER/PASS, AUTH PLAIN/LOGIN/CRAM-MD5 with and without initial response,
failures, commands before login, disablepop3, pipelining across the
login, the timeout, STLS through tlsd and POP3_TLS_REQUIRED."""
import base64
import hashlib
import hmac
import os
import poplib
import ssl
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, command  # noqa: E402
from pop3test import Pop3Root, Raw, have, listed_sizes, PASSWORD  # noqa: E402

if not have("pop3-login", "pop3d", "authcheck", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP authcheck and the userdb tools are not built")
    sys.exit(0)

t = Tap()
root = Pop3Root()
md = root.account("demo")
root.account("nopop", options="disablepop3=1")
msg = root.deliver_local(md, b"From: a@example.test\nSubject: one\n\nhello\n")
two = root.deliver_local(md, b"Subject: two\n\n.dot\n")
port = root.start_pop3()
b64 = lambda s: base64.b64encode(s.encode() if isinstance(s, str) else s).decode()

# The seed-002 telnet session.
r = Raw(port)
t.is_(r.line(), "+OK Hello there.", "greeting")
t.is_(r.cmd("user demo"), "+OK Password required.", "user")
t.is_(r.cmd("pass " + PASSWORD), "+OK logged in.", "pass")
t.is_(r.cmd("stat"), "+OK 2 %d" % sum(listed_sizes(md)), "stat")
t.is_(r.cmd("retr 1"), "+OK %d octets follow." % (len(msg) + msg.count(b"\n")), "retr 1")
t.is_(r.multi(), msg.decode().rstrip("\n").split("\n"), "the message")
t.is_(r.cmd("quit"), "+OK Bye-bye.", "quit")
r.close()

# CAPA: the exact table for this configuration.
r = Raw(port)
r.line()
t.is_(r.cmd("CAPA"), "+OK Capability list follows.", "CAPA")
t.is_(r.multi(), ["TOP", "UIDL", "USER", "SASL PLAIN LOGIN CRAM-MD5", "RESP-CODES", "AUTH-RESP-CODE",
                  "PIPELINING", "IMPLEMENTATION postern"], "CAPA before login, no STLS without SSLCTLFD")
t.like(r.cmd("STLS"), r"^-ERR", "STLS refused without the TLS program")
t.is_(r.cmd("AUTH"), "+OK Mechanisms follow.", "AUTH alone lists mechanisms")
t.is_(r.multi(), ["PLAIN", "LOGIN", "CRAM-MD5"], "mechanisms")

# Errors before login: each an -ERR, the session goes on.
for c, want in (("STAT", "Not logged in"), ("RETR 1", "Not logged in"), ("NOOP", "Not logged in"),
                ("XYZZY", "Unknown command"), ("PASS x", "USER first"), ("USER", "argument"),
                ("AUTH FOO", "Unsupported"), ("AUTH CRAM-MD5 abc", "initial response"),
                ("A" * 3000, "too long"), ("USER a\x00b", "NUL"), ("APOP demo 0123", "not available")):
    got = r.cmd(c)
    t.ok(got.startswith("-ERR ") and want.lower() in got.lower(), "before login %r: -ERR %s" % (c[:12], want), got)
r.close()

# Failed logins: [AUTH], bounded, logged with the address, never the password.
r = Raw(port)
r.line()
r.cmd("USER demo")
t.is_(r.cmd("PASS wrong-secret-1"), "-ERR [AUTH] Login failed.", "bad password: [AUTH]")
t.is_(r.cmd("USER demo"), "+OK Password required.", "session goes on after a failure")
t.like(r.cmd("AUTH PLAIN " + b64("\0demo\0wrong-secret-2")), r"^-ERR \[AUTH\]", "bad AUTH PLAIN: [AUTH]")
t.like(r.cmd("AUTH PLAIN " + b64("\0nosuchuser\0x")), r"^-ERR \[AUTH\]", "third failure")
t.like(r.line(), r"^-ERR \[AUTH\] Too many", "too many failures: connection closed")
t.is_(r.line(), "", "closed")
r.close()
time.sleep(0.2)
log = root.log(0)
t.like(log, r"pop3-login: auth failed user=demo ip=127\.0\.0\.1 mech=USER", "failure logged with the IP")
t.ok("wrong-secret" not in log, "passwords never logged")

# disablepop3 (authcheck enforces it for AUTHCHECK_SERVICE=pop3).
r = Raw(port)
r.line()
r.cmd("USER nopop")
t.like(r.cmd("PASS " + PASSWORD), r"^-ERR \[AUTH\]", "disablepop3 account refused")
r.close()

# poplib USER/PASS and AUTH mechanisms.
p = poplib.POP3("127.0.0.1", port, timeout=10)
p.user("demo")
t.like(p.pass_(PASSWORD).decode(), r"^\+OK logged in", "poplib user/pass")
t.is_(p.stat()[0], 2, "poplib stat")
p.quit()


def auth_session(lines_out, final_ok=True, name=""):
    r = Raw(port)
    r.line()
    got = []
    for ln in lines_out:
        got.append(r.cmd(ln))
    r.cmd("QUIT")
    r.close()
    return got


got = auth_session(["AUTH PLAIN " + b64("\0demo\0" + PASSWORD)])
t.is_(got, ["+OK logged in."], "AUTH PLAIN with initial response")
got = auth_session(["AUTH PLAIN", b64("demo\0demo\0" + PASSWORD)])
t.is_(got, ["+ ", "+OK logged in."], "AUTH PLAIN with continuation and authzid")
got = auth_session(["AUTH LOGIN", b64("demo"), b64(PASSWORD)])
t.is_(got, ["+ VXNlcm5hbWU6", "+ UGFzc3dvcmQ6", "+OK logged in."], "AUTH LOGIN")
got = auth_session(["AUTH LOGIN " + b64("demo"), b64(PASSWORD)])
t.is_(got, ["+ UGFzc3dvcmQ6", "+OK logged in."], "AUTH LOGIN with initial response")
got = auth_session(["AUTH PLAIN", "*"])
t.is_(got, ["+ ", "-ERR Authentication cancelled."], "AUTH cancelled with *")

r = Raw(port)
r.line()
chal = r.cmd("AUTH CRAM-MD5")
t.like(chal, r"^\+ \S+$", "CRAM-MD5 challenge")
challenge = base64.b64decode(chal[2:])
t.like(challenge.decode(), r"^<.+@.+>$", "challenge is <...@host>")
digest = hmac.new(PASSWORD.encode(), challenge, hashlib.md5).hexdigest()
t.is_(r.cmd(b64("demo " + digest)), "+OK logged in.", "AUTH CRAM-MD5")
t.like(r.cmd("STAT"), r"^\+OK 2 ", "STAT after CRAM-MD5")
r.cmd("QUIT")
r.close()

# Pipelining across the login: nothing after PASS is swallowed.
r = Raw(port)
r.line()
r.send("CAPA\r\nUSER demo\r\nPASS %s\r\nSTAT\r\nUIDL 1\r\nLIST\r\nQUIT\r\n" % PASSWORD)
t.is_(r.line(), "+OK Capability list follows.", "pipelined CAPA")
r.multi()
t.is_(r.line(), "+OK Password required.", "pipelined USER")
t.is_(r.line(), "+OK logged in.", "pipelined PASS")
t.like(r.line(), r"^\+OK 2 \d+$", "pipelined STAT reaches pop3d")
t.like(r.line(), r"^\+OK 1 \S+$", "pipelined UIDL 1")
r.line()
t.is_(len(r.multi()), 2, "pipelined LIST")
t.is_(r.line(), "+OK Bye-bye.", "pipelined QUIT")
r.close()

# No SASL configured; TLS required without TLS.
port2 = root.start_pop3(env={"POP3AUTH": "", "POP3_LOGIN_TIMEOUT": "1"})
r = Raw(port2)
r.line()
r.cmd("CAPA")
t.is_(r.multi(), ["TOP", "UIDL", "USER", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING",
                  "IMPLEMENTATION postern"], "CAPA without POP3AUTH: no SASL line")
t.like(r.cmd("AUTH PLAIN " + b64("\0demo\0" + PASSWORD)), r"^-ERR Unsupported", "AUTH refused when not configured")
t0 = time.time()
t.is_(r.line(), "-ERR Timeout.", "silent client: timeout")
t.ok(r.line() == "", "connection closed after the timeout")
r.close()
port3 = root.start_pop3(env={"POP3_TLS_REQUIRED": "1"})
r = Raw(port3)
r.line()
r.cmd("CAPA")
t.is_(r.multi(), ["TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION postern"],
      "CAPA with POP3_TLS_REQUIRED and no TLS: no USER, no SASL")
t.like(r.cmd("USER demo"), r"^-ERR .*STLS", "USER refused before STLS")
t.like(r.cmd("AUTH PLAIN " + b64("\0demo\0" + PASSWORD)), r"^-ERR .*STLS", "AUTH refused before STLS")
r.close()

# APOP only when configured: the greeting carries the timestamp, SASL
# does not list it, and an authcheck that cannot check it is an -ERR,
# not the end of the session.
port5 = root.start_pop3(env={"POP3AUTH": "PLAIN APOP"})
r = Raw(port5)
greeting = r.line()
t.like(greeting, r"^\+OK Hello there\. <[0-9a-f]{16}\.\d+\.[0-9a-f]{32}@[^>]+>$", "APOP configured: timestamp in the greeting")
r.cmd("CAPA")
t.ok("SASL PLAIN" in r.multi(), "APOP is not a SASL mechanism")
stamp = greeting.split()[-1]
digest = hashlib.md5((stamp + PASSWORD).encode()).hexdigest()
t.like(r.cmd("APOP demo " + digest), r"^(\+OK logged in\.|-ERR \[(AUTH|SYS/PERM)\] )", "APOP answered")
t.like(r.cmd("NOOP"), r"^(\+OK|-ERR Not logged in)", "the session goes on either way")
r.close()

# pop3-login refuses root.
if os.geteuid() == 0:
    res = subprocess.run([command("pop3-login"), "authcheck", command("pop3d")], capture_output=True,
                         stdin=subprocess.DEVNULL)
    t.is_((res.returncode, res.stderr.decode().strip()), (100, "pop3-login: fatal: refusing to run as root"),
          "pop3-login refuses to run as root")

# STLS through tlsd (UCSPI-TLS).
if have("tlsd"):
    import tlstest
    pki = tlstest.Pki(root)
    cert = pki.issue("server", "/CN=localhost", "DNS:localhost,IP:127.0.0.1", key="rsa")
    tls_env = {"TLS_CERTFILE": cert, "TLS_TIMEOUT": "5", "POP3_TLS_REQUIRED": "1",
               "POP3AUTH": "LOGIN CRAM-MD5", "POP3AUTH_TLS": "PLAIN"}
    port4 = root.start_pop3(env=tls_env, pre=[root.c("tlsd"), "-s"])
    ctx = tlstest.client_ctx(pki.ca)
    p = poplib.POP3("127.0.0.1", port4, timeout=10)
    t.ok("STLS" in p.capa(), "STLS offered with tlsd in front")
    p.stls(context=ctx)
    capa = p.capa()
    t.ok("STLS" not in capa and "USER" in capa and "SASL" in capa, "after STLS: no STLS, USER and SASL back", capa)
    t.is_(capa.get("SASL"), ["LOGIN", "CRAM-MD5", "PLAIN"], "POP3AUTH_TLS mechanisms added once encrypted")
    p.user("demo")
    t.like(p.pass_(PASSWORD).decode(), r"^\+OK logged in", "login over STLS")
    t.is_(p.stat()[0], 2, "pop3d reads and writes through TLS")
    resp, lines, _ = p.retr(2)
    t.is_(lines, two.rstrip(b"\n").split(b"\n"), "RETR over TLS")
    p.quit()
    # Plaintext pipelined after STLS is dropped, never answered.
    raw = Raw(port4)
    raw.line()
    raw.send("STLS\r\nCAPA\r\n")
    t.is_(raw.line(), "+OK Begin TLS negotiation.", "STLS go-ahead")
    try:
        s = ctx.wrap_socket(raw.s, server_hostname="localhost")
        s.sendall(b"NOOP\r\n")
        answer = s.recv(200).decode()
        t.ok(not answer.startswith("+OK Capability"), "CAPA injected before the handshake not answered", answer)
        s.close()
    except (ssl.SSLError, OSError) as e:
        t.ok(True, "injected plaintext broke the handshake instead of being answered (%s)" % e.__class__.__name__)
else:
    print("# tlsd not built: STLS not tested")
