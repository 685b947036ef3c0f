#!/usr/bin/python3
"""tcpserver ... imap-login authcheck imapd: the seed-002 session,
CAPABILITY, LOGIN, AUTHENTICATE PLAIN/LOGIN/CRAM-MD5 with and without
SASL-IR, failures, commands before login, disableimap, pipelining across
the login, LOGINDISABLED, the timeout, STARTTLS through tlsd, curl."""
import base64
import hashlib
import hmac
import imaplib
import os
import ssl
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from imaptest import ImapRoot, Raw, have, PASSWORD  # noqa: E402

if not have("imap-login", "imapd", "authcheck", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP authcheck and the userdb tools are not built")
    sys.exit(0)

t = Tap()
root = ImapRoot()
md = root.account("demo")
root.account("noimap", options="disableimap=1")
ONE = root.deliver(md, b"From: a@example.test\nSubject: one\n\nhello\n")
port = root.start_imap({"IMAP_CAPABILITY": "IMAP4rev1 IDLE AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5"})
b64 = lambda s: base64.b64encode(s.encode() if isinstance(s, str) else s).decode()
CAPS = "IMAP4rev1 LITERAL+ SASL-IR ID AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5"

# The seed-002 session: a login, a examine inbox, a logout.
r = Raw(port)
t.is_(r.line(), "* OK [CAPABILITY %s] postern IMAP ready." % CAPS, "greeting with capabilities")
u, tag = r.cmd("login demo %s" % PASSWORD, tag="a")
t.is_(tag, "a OK [CAPABILITY IMAP4rev1 IDLE] LOGIN Ok.", "a login: answered by imapd with its pruned capabilities")
u, tag = r.cmd("examine inbox", tag="a")
t.ok("* 1 EXISTS" in u and tag.startswith("a OK [READ-ONLY]"), "a examine inbox", u + [tag])
u, tag = r.cmd("logout", tag="a")
t.is_((u, tag), (["* BYE postern IMAP server signing off"], "a OK LOGOUT completed"), "a logout")
r.close()

# Before login.
r = Raw(port)
r.line()
u, tag = r.cmd("CAPABILITY")
t.is_((u, tag), (["* CAPABILITY " + CAPS], "t1 OK CAPABILITY completed."), "CAPABILITY, no STARTTLS without SSLCTLFD")
u, tag = r.cmd("SELECT INBOX")
t.is_(tag, "t2 BAD Not logged in.", "SELECT before login: BAD")
u, tag = r.cmd("STARTTLS")
t.like(tag, r"^t3 BAD STARTTLS not available", "STARTTLS without the TLS program: BAD")
u, tag = r.cmd('ID ("name" "test")')
t.is_((u, tag), (['* ID ("name" "postern")'], "t4 OK ID completed."), "ID")
u, tag = r.cmd("LOGIN demo wrong-secret-1")
t.is_(tag, "t5 NO [AUTHENTICATIONFAILED] Authentication failed.", "bad password")
u, tag = r.cmd("LOGIN noimap " + PASSWORD)
t.is_(tag, "t6 NO [AUTHENTICATIONFAILED] Authentication failed.", "disableimap account refused")
u, tag = r.cmd("AUTHENTICATE PLAIN " + b64("\0demo\0wrong-secret-2"))
t.is_(tag, "t7 NO [AUTHENTICATIONFAILED] Authentication failed.", "third failure refused")
t.is_(r.line(), "* BYE Too many failed logins.", "too many failures: BYE")
t.is_(r.line(), "", "connection closed")
r.close()
time.sleep(0.2)
log = root.log(0)
t.like(log, r"imap-login: auth failed user=demo ip=127\.0\.0\.1 mech=LOGIN", "failure logged with the IP")
t.ok("wrong-secret" not in log, "passwords never logged")

# AUTHENTICATE with and without an initial response; a literal LOGIN.
for how in ("plain-ir", "plain", "login", "cram", "literal"):
    r = Raw(port)
    r.line()
    if how == "plain-ir":
        r.send("a AUTHENTICATE PLAIN %s\r\n" % b64("\0demo\0" + PASSWORD))
    elif how == "plain":
        r.send("a AUTHENTICATE PLAIN\r\n")
        t.is_(r.line(), "+ ", "PLAIN without initial response: empty challenge")
        r.send(b64("\0demo\0" + PASSWORD) + "\r\n")
    elif how == "login":
        r.send("a AUTHENTICATE LOGIN\r\n")
        t.is_(r.line(), "+ VXNlcm5hbWU6", "LOGIN: Username:")
        r.send(b64("demo") + "\r\n")
        t.is_(r.line(), "+ UGFzc3dvcmQ6", "LOGIN: Password:")
        r.send(b64(PASSWORD) + "\r\n")
    elif how == "cram":
        r.send("a AUTHENTICATE CRAM-MD5\r\n")
        chal = base64.b64decode(r.line()[2:])
        digest = hmac.new(PASSWORD.encode(), chal, hashlib.md5).hexdigest()
        r.send(b64("demo " + digest) + "\r\n")
    else:
        r.send("a LOGIN {4}\r\n")
        t.is_(r.line(), "+ OK", "literal user name: continuation")
        r.send("demo {%d+}\r\n%s\r\n" % (len(PASSWORD), PASSWORD))
    t.like(r.until_tagged("a")[-1], r"^a OK \[CAPABILITY", "AUTHENTICATE %s" % how)
    r.close()

# Cancel, and pipelining: commands sent with LOGIN reach imapd.
r = Raw(port)
r.line()
r.send("c AUTHENTICATE LOGIN\r\n")
r.line()
r.send("*\r\n")
t.is_(r.until_tagged("c")[-1], "c BAD AUTHENTICATE cancelled.", "* cancels")
r.send("k AUTHENTICATE CRAM-MD5 %s\r\n" % b64("demo"))
t.is_(r.until_tagged("k")[-1], "k BAD CRAM-MD5 takes no initial response.", "CRAM-MD5 with an initial response: BAD (RFC 4959)")
r.send("m AUTHENTICATE PLAIN %s\r\n" % b64("demo"))
t.is_(r.until_tagged("m")[-1], "m BAD Invalid SASL PLAIN response.", "a malformed PLAIN response: BAD")
r.send("p1 LOGIN demo %s\r\np2 SELECT INBOX\r\np3 FETCH 1 (BODY[HEADER.FIELDS (SUBJECT)])\r\np4 LOGOUT\r\n" % PASSWORD)
out = r.until_tagged("p4")
t.ok(any(x.startswith("p2 OK") for x in out) and any("Subject: one" in x for x in out),
     "commands pipelined after LOGIN are answered by imapd", out)
r.close()

# imaplib and curl.
c = imaplib.IMAP4("127.0.0.1", port)
c.login("demo", PASSWORD)
typ, data = c.select("INBOX", readonly=True)
t.is_(data, [b"1"], "imaplib login + select")
c.logout()


class Sniffed(imaplib.IMAP4):
    """imaplib's AUTHENTICATE CRAM-MD5, keeping what crossed the wire."""
    def _CRAM_MD5_AUTH(self, challenge):
        self.seen = (challenge, super()._CRAM_MD5_AUTH(challenge))
        return self.seen[1]


c = Sniffed("127.0.0.1", port)
typ, _ = c.login_cram_md5("demo", PASSWORD)
t.is_(typ, "OK", "imaplib AUTHENTICATE CRAM-MD5")
t.is_(c.select("INBOX", readonly=True)[1], [b"1"], "  and imapd serves the mailbox")
c.logout()
# What a compromised imap-login (the daemon user) saw, replayed to
# authcheck: the challenge was authcheck's and is used up.
challenge, answer = c.seen
user, digest = answer.rsplit(" ", 1)
replay = ["sh", "-c", 'exec "$0" -c 3<&0 </dev/null', root.c("authcheck")]
if os.geteuid() == 0:
    replay = ["setuidgid", "nobody"] + replay
p = subprocess.run(replay, input=user.encode() + b"\0" + challenge + b"\0" + digest.encode() + b"\0",
                   env=dict(os.environ, POSTERN_HOME=root.path, **root.env, AUTHCHECK_MECH="CRAM-MD5", AUTHCHECK_SERVICE="imap"), capture_output=True)
t.ok(p.returncode == 1 and b"reason=replayed-challenge" in p.stderr,
     "the sniffed CRAM-MD5 exchange replayed to authcheck by the daemon user is refused", p.stderr)
curl = subprocess.run(["curl", "-s", "--max-time", "10", "imap://127.0.0.1:%d/INBOX;UID=1" % port,
                       "-u", "demo:" + PASSWORD], capture_output=True)
t.is_(curl.stdout, ONE.replace(b"\n", b"\r\n"), "curl imap:// fetches the message")
curl = subprocess.run(["curl", "-s", "--max-time", "10", "imap://127.0.0.1:%d/" % port, "-u", "demo:" + PASSWORD],
                      capture_output=True)
t.like(curl.stdout.decode(), r'\* LIST \(\\HasNoChildren\) "\." INBOX', "curl imap:// lists folders")

# IMAP_TLS_REQUIRED: LOGINDISABLED, LOGIN refused.
port2 = root.start_imap({"IMAP_TLS_REQUIRED": "1"})
r = Raw(port2)
t.is_(r.line(), "* OK [CAPABILITY IMAP4rev1 LITERAL+ SASL-IR ID LOGINDISABLED] postern IMAP ready.", "LOGINDISABLED")
u, tag = r.cmd("LOGIN demo " + PASSWORD)
t.is_(tag, "t1 NO [PRIVACYREQUIRED] Use STARTTLS first.", "LOGIN refused before TLS")
r.close()

# The timeout.
r = Raw(port)
r.line()
r.s.settimeout(15)
t.like(r.line(), r"^\* BYE", "silent client: BYE after IMAP_LOGIN_TIMEOUT")
r.close()

# STARTTLS through tlsd, when it is built and can make a certificate.
if have("tlsd", "mktlscert"):
    cert = root.p("etc", "imapd.pem")
    mk = root.run(root.c("mktlscert"), "imapd", cert, env=dict(root.env, TLS_CERT_BITS="2048"))
    if mk.returncode == 0 and os.path.exists(cert):
        if root.as_root:
            os.chmod(root.p("etc"), 0o755)
            os.chmod(cert, 0o644)
        port3 = root.start_imap({"TLS_CERTFILE": cert, "IMAP_TLS_REQUIRED": "1"}, pre=[root.c("tlsd"), "-s"])
        c = imaplib.IMAP4("127.0.0.1", port3)
        t.ok("STARTTLS" in c.capabilities and "LOGINDISABLED" in c.capabilities, "STARTTLS and LOGINDISABLED offered")
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        c.starttls(ctx)
        t.ok("LOGINDISABLED" not in c.capabilities and "AUTH=PLAIN" in c.capabilities, "after STARTTLS: login allowed")
        c.login("demo", PASSWORD)
        typ, data = c.select("INBOX")
        t.is_(data, [b"1"], "login and select over STARTTLS")
        c.logout()
    else:
        t.diag("mktlscert failed: %r" % mk.stderr)
