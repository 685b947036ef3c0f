#!/usr/bin/python3
# remote: the ESMTP client, against real receivers on 127.0.0.1: aiosmtpd,
# a scripted peer that offers exactly what a test needs or misbehaves on
# purpose, and (when built) postern's own smtpd.
import os
import ssl
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, Root, command  # noqa: E402
from smtppeer import Peer  # noqa: E402

t = Tap()
root = Root()
MSG_ID = "6920a1b201e24.1a2b"


def queue_message(text, msg_id=MSG_ID):
    path = root.p("queue", "mess", msg_id)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(text if isinstance(text, bytes) else text.encode())


def job(rcpts, sender="alice@example.org", msg_id=MSG_ID, extra=b"", rcpt_extra=None):
    out = b"J" + msg_id.encode() + b"\0F" + sender.encode() + b"\0" + extra
    for i, r in enumerate(rcpts):
        out += b"T" + r.encode() + b"\0"
        if rcpt_extra and rcpt_extra[i]:
            out += rcpt_extra[i]
    return out + b"\0"


def run_remote(domain, jobs, env=None, timeout=60):
    e = {"ESMTP_TIMEOUT_COMMAND": "3", "ESMTP_TIMEOUT_CONNECT": "3", "ESMTP_TIMEOUT_DATA": "5"}
    if env:
        e.update(env)
    p = root.run(command("remote"), domain, input=jobs, env=e)
    results = {}
    ends = []
    for line in p.stdout.decode(errors="replace").splitlines():
        parts = line.split(" ", 3)
        if len(parts) == 2 and parts[1] == ".":
            ends.append(parts[0])
        elif len(parts) >= 3:
            results[(parts[0], int(parts[1]))] = (parts[2], parts[3] if len(parts) > 3 else "")
    return p, results, ends


def route(text):
    root.write("etc/esmtproutes", text)


def status(results, n, msg_id=MSG_ID):
    return results.get((msg_id, n), ("?", ""))[0]


SIMPLE = "From: alice@example.org\nTo: bob@example.net\nSubject: hello\n\nline one\n.leading dot\nlast\n"

# --- plain delivery, dot-stuffing, LF to CRLF -------------------------------
peer = Peer()
route("example.net: [127.0.0.1],%d\n" % peer.port)
queue_message(SIMPLE)
p, res, ends = run_remote("example.net", job(["bob@example.net"]))
t.is_(status(res, 0), "D", "a message is delivered to the route's host")
t.is_(ends, [MSG_ID], "the job ends with its end line")
t.is_(p.returncode, 0, "remote exits 0")
t.ok(peer.messages and peer.messages[0][2] == SIMPLE.replace("\n", "\r\n").encode(),
     "the peer received the message byte for byte, with CRLF and the leading dot intact",
     peer.messages and peer.messages[0][2])
t.like(res.get((MSG_ID, 0), ("", ""))[1], r"\[127\.0\.0\.1\]: 250", "the result names the host and its reply")
t.ok(any(c.startswith("EHLO ") for c in peer.commands), "remote says EHLO")

# --- pipelining and mixed per-recipient replies ------------------------------
def by_name(addr):
    return {"temp": "450 4.2.1 try later", "bad": "550 5.1.1 no such user"}.get(addr.split("@")[0], "250 2.1.5 ok")


peer = Peer(rcpt_reply=by_name)
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["ok@example.net", "temp@example.net", "bad@example.net", "ok2@example.net"]))
t.is_([status(res, i) for i in range(4)], ["D", "T", "F", "D"], "250/450/550 become delivered/retry/bounce per recipient")
t.like(res.get((MSG_ID, 2), ("", ""))[1], "550 5.1.1 no such user", "a bounce carries the remote's reply text")
t.is_(len(peer.messages), 1, "one transaction carries every accepted recipient")
t.is_(len(peer.messages[0][1]) if peer.messages else 0, 2, "only the accepted recipients are in the transaction")
mail_index = next(i for i, c in enumerate(peer.commands) if c.startswith("MAIL"))
t.is_(peer.commands[mail_index + 5], "DATA", "with PIPELINING, MAIL, every RCPT and DATA go out before any reply is read")

# --- no pipelining: one command at a time still works -------------------------
peer = Peer(caps=("8BITMIME",), rcpt_reply=by_name)
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["ok@example.net", "bad@example.net"]))
t.is_([status(res, 0), status(res, 1)], ["D", "F"], "without PIPELINING the results are the same")

# --- all recipients refused: nothing is sent -------------------------------------
peer = Peer(rcpt_reply=lambda a: "550 5.1.1 nobody here")
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, ends = run_remote("example.net", job(["x@example.net", "y@example.net"]))
t.is_([status(res, 0), status(res, 1)], ["F", "F"], "every recipient refused: both bounce")
t.is_(len(peer.messages), 0, "and no message is transferred")

# --- MAIL refused --------------------------------------------------------------
peer = Peer(misbehave={"mail_reply": "451 4.3.0 sender check failed"})
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["a@example.net", "b@example.net"]))
t.is_([status(res, 0), status(res, 1)], ["T", "T"], "a 4xx to MAIL defers every recipient")

# --- SIZE ------------------------------------------------------------------------
peer = Peer(caps=("PIPELINING", "SIZE 100"))
route("example.net: [127.0.0.1],%d\n" % peer.port)
queue_message("Subject: big\n\n" + "x" * 500 + "\n")
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
t.is_(status(res, 0), "F", "a message over every host's SIZE limit bounces")
t.like(res.get((MSG_ID, 0), ("", ""))[1], "5.3.4", "with 5.3.4")
t.is_(len([c for c in peer.commands if c.startswith("MAIL")]), 0, "and no MAIL was tried")

# --- 8-bit to a 7-bit-only peer: quoted-printable downgrade ---------------------
peer = Peer(caps=("PIPELINING",))
route("example.net: [127.0.0.1],%d\n" % peer.port)
eight = ("From: a@example.org\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
         "Content-Transfer-Encoding: 8bit\n\nGr\u00fc\u00dfe aus K\u00f6ln = ok\n").encode()
queue_message(eight)
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
t.is_(status(res, 0), "D", "8-bit mail to a peer without 8BITMIME is delivered")
got = peer.messages[0][2] if peer.messages else b""
t.ok(all(b < 128 for b in got), "what the peer got is 7-bit", got)
t.like(got.decode("ascii", "replace"), "Content-Transfer-Encoding: quoted-printable", "its part is quoted-printable")
import email  # noqa: E402
from email import policy  # noqa: E402
body = email.message_from_bytes(got, policy=policy.default).get_content().replace("\r\n", "\n")
t.is_(body, "Gr\u00fc\u00dfe aus K\u00f6ln = ok\n", "and decodes to the original text")
t.ok(not any("BODY=8BITMIME" in c for c in peer.commands), "BODY=8BITMIME is not claimed to a 7-bit peer")

multipart = ("From: a@example.org\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"XX\"\n\n"
             "preamble\n--XX\nContent-Type: text/plain; charset=utf-8\n\nplain ascii\n"
             "--XX\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\nna\u00efve caf\u00e9\n"
             "--XX--\n").encode()
peer = Peer(caps=())
route("example.net: [127.0.0.1],%d\n" % peer.port)
queue_message(multipart)
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
got = peer.messages[0][2] if peer.messages else b""
msg = email.message_from_bytes(got, policy=policy.default)
parts = [part.get_content().rstrip("\r\n") for part in msg.iter_parts()] if msg.is_multipart() else []
t.is_(parts, ["plain ascii", "na\u00efve caf\u00e9"], "a multipart message keeps its structure and each part decodes")
t.ok(all(b < 128 for b in got), "and is 7-bit on the wire")

# with 8BITMIME the bytes go through untouched, declared BODY=8BITMIME
peer = Peer(caps=("8BITMIME",))
route("example.net: [127.0.0.1],%d\n" % peer.port)
queue_message(eight)
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
t.ok(peer.messages and peer.messages[0][2] == eight.replace(b"\n", b"\r\n"), "an 8BITMIME peer gets the 8-bit bytes unchanged")
t.ok(any("BODY=8BITMIME" in c for c in peer.commands), "declared with BODY=8BITMIME")

# --- DSN parameters ----------------------------------------------------------------
queue_message(SIMPLE)
peer = Peer(caps=("PIPELINING", "DSN"))
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"], extra=b"VID+42=x\0HHDRS\0",
                                          rcpt_extra=[b"NSUCCESS,FAILURE\0Orfc822;Bob@example.net\0"]))
mail = next((c for c in peer.commands if c.startswith("MAIL")), "")
rcpt = next((c for c in peer.commands if c.startswith("RCPT")), "")
t.like(mail, r"RET=HDRS", "RET is passed on to a DSN peer")
t.like(mail, r"ENVID=ID\+2B42\+3Dx", "ENVID is passed on, xtext-encoded")
t.like(rcpt, r"NOTIFY=SUCCESS,FAILURE", "NOTIFY is passed on")
t.like(rcpt, r"ORCPT=rfc822;Bob@example.net", "ORCPT is passed on")
peer = Peer(caps=("PIPELINING",))
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"], extra=b"VID42\0", rcpt_extra=[b"NSUCCESS\0"]))
t.ok(not any("NOTIFY=" in c or "ENVID=" in c for c in peer.commands), "a peer without DSN gets no DSN parameters")

# --- SMTPUTF8 ------------------------------------------------------------------------
peer = Peer(caps=("PIPELINING", "8BITMIME"))
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["j\u00f6rg@example.net"], extra=b"U\0"))
t.is_(status(res, 0), "F", "a UTF-8 address to a peer without SMTPUTF8 bounces")
t.like(res.get((MSG_ID, 0), ("", ""))[1], "5.6.7", "with 5.6.7")
peer = Peer(caps=("PIPELINING", "8BITMIME", "SMTPUTF8"))
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["j\u00f6rg@example.net"], extra=b"U\0"))
t.is_(status(res, 0), "D", "and is delivered to a peer with SMTPUTF8")
t.ok(any("SMTPUTF8" in c for c in peer.commands if c.startswith("MAIL")), "declared with the SMTPUTF8 parameter")

# --- CHUNKING --------------------------------------------------------------------------
peer = Peer(caps=("PIPELINING", "8BITMIME", "CHUNKING"))
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
t.is_(status(res, 0), "D", "a CHUNKING peer gets the message by BDAT")
t.ok(any(c.startswith("BDAT ") and c.endswith(" LAST") for c in peer.commands), "in one BDAT ... LAST chunk")
t.ok(peer.messages and peer.messages[0][2] == SIMPLE.replace("\n", "\r\n").encode(), "unstuffed, byte for byte")

# --- connection reuse ------------------------------------------------------------------
peer = Peer()
route("example.net: [127.0.0.1],%d\n" % peer.port)
queue_message(SIMPLE, "6920a1b201e25.1a2c")
jobs = job(["one@example.net"]) + job(["two@example.net"], msg_id="6920a1b201e25.1a2c")
p, res, ends = run_remote("example.net", jobs)
t.is_([status(res, 0), status(res, 0, "6920a1b201e25.1a2c")], ["D", "D"], "two jobs are both delivered")
t.is_(peer.connections, 1, "over one connection")
peer = Peer()
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, ends = run_remote("example.net", jobs, env={"ESMTP_REUSE": "0"})
t.is_(peer.connections, 2, "ESMTP_REUSE=0 opens one connection per message")

# --- smarthost with AUTH -----------------------------------------------------------------
peer = Peer(auth=("john@example.com", "snerkle"))
route(": 127.0.0.1,%d\n" % peer.port)
root.write("etc/esmtpauthclient", "127.0.0.1,%d john@example.com snerkle\n" % peer.port)
p, res, _ = run_remote("anywhere.example", job(["x@anywhere.example"]))
t.is_(status(res, 0), "D", "the default route sends everything to the smarthost")
t.is_(peer.authenticated, ["john@example.com"], "which remote authenticates to with esmtpauthclient's account")
root.write("etc/esmtpauthclient", "127.0.0.1,%d john@example.com wrong\n" % peer.port)
p, res, _ = run_remote("anywhere.example", job(["x@anywhere.example"]))
t.is_(status(res, 0), "T", "refused credentials defer the message")
os.unlink(root.p("etc/esmtpauthclient"))

# --- misbehaving peers: nothing is lost -----------------------------------------------------
for name, mis, what in (("stall", {"stall_at_mail": True}, "a peer that stalls"),
                        ("drop", {"drop_in_data": True}, "a peer that drops the connection in DATA"),
                        ("garbage", {"garbage_greeting": True}, "a peer that sends garbage")):
    peer = Peer(misbehave=mis)
    route("example.net: [127.0.0.1],%d\n" % peer.port)
    p, res, ends = run_remote("example.net", job(["bob@example.net"]))
    t.is_(status(res, 0), "T", what + " leaves the message queued for a retry")
    t.is_(ends, [MSG_ID], what + ": the job still ends cleanly")
peer = Peer(greeting="421 4.3.2 busy")
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
t.is_(status(res, 0), "T", "a 421 greeting defers")
closed = Peer()
closed.close()
route("example.net: [127.0.0.1],%d\n" % closed.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
t.is_(status(res, 0), "T", "a refused connection defers")

# --- TLS: STARTTLS, verification, SECURITY, SMTPS ---------------------------------------------
certs = tempfile.mkdtemp(prefix="postern-certs.")


def openssl(*args):
    subprocess.run(["openssl"] + list(args), check=True, capture_output=True)


def make_ca(name):
    key, crt = os.path.join(certs, name + ".key"), os.path.join(certs, name + ".crt")
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", crt, "-days", "2",
            "-subj", "/CN=" + name)
    return key, crt


def make_cert(name, ca, san):
    key, csr, crt = (os.path.join(certs, name + e) for e in (".key", ".csr", ".crt"))
    ext = os.path.join(certs, name + ".ext")
    with open(ext, "w") as f:
        f.write("subjectAltName=" + san + "\n")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr, "-subj", "/CN=" + name)
    openssl("x509", "-req", "-in", csr, "-CA", ca[1], "-CAkey", ca[0], "-CAcreateserial", "-out", crt,
            "-days", "2", "-extfile", ext)
    return key, crt


def server_context(cert):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert[1], cert[0])
    return ctx


ca = make_ca("trusted-ca")
other_ca = make_ca("other-ca")
good = make_cert("mx.example.net", ca, "DNS:mx.example.net,IP:127.0.0.1")
wrong_host = make_cert("elsewhere.example", ca, "DNS:elsewhere.example")
untrusted = make_cert("mx2.example.net", other_ca, "DNS:mx.example.net,IP:127.0.0.1")

peer = Peer(tls_context=server_context(good))
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
t.is_(status(res, 0), "D", "STARTTLS: delivered")
t.is_(peer.tls_sessions, 1, "over TLS when the peer offers STARTTLS")
t.is_(len(peer.messages), 1, "the message went through the TLS session")

verify = {"ESMTP_TLS_VERIFY_DOMAIN": "1", "TLS_TRUSTCERTS": ca[1]}
p, res, _ = run_remote("example.net", job(["bob@example.net"]), env=verify)
t.is_(status(res, 0), "D", "with ESMTP_TLS_VERIFY_DOMAIN=1 a certificate for the host from a trusted CA passes")
peer = Peer(tls_context=server_context(wrong_host))
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"]), env=verify)
t.is_(status(res, 0), "T", "a certificate for another host fails verification: deferred")
t.is_(len(peer.messages), 0, "and nothing is sent in the clear instead")
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
t.is_(status(res, 0), "D", "without verification the same peer is used")

security = {"TLS_TRUSTSECURITYCERTS": ca[1]}
peer = Peer()
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"], extra=b"SSTARTTLS\0"), env=security)
t.is_(status(res, 0), "F", "SECURITY=STARTTLS to a peer without STARTTLS bounces")
peer = Peer(tls_context=server_context(untrusted))
route("example.net: [127.0.0.1],%d\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"], extra=b"SSTARTTLS\0"), env=security)
t.is_(status(res, 0), "F", "SECURITY=STARTTLS to a peer whose certificate is not signed by TLS_TRUSTSECURITYCERTS bounces")
t.is_(len(peer.messages), 0, "and is never sent")
peer = Peer(tls_context=server_context(good))
route("example.net: [127.0.0.1],%d /SECURITY=STARTTLS\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"]), env=security)
t.is_(status(res, 0), "D", "/SECURITY=STARTTLS in esmtproutes with a certified peer delivers")
peer = Peer(tls_context=server_context(untrusted))
route("example.net: [127.0.0.1],%d /SECURITY=STARTTLS\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"]), env=security)
t.is_(status(res, 0), "F", "/SECURITY=STARTTLS in esmtproutes refuses an uncertified peer")

peer = Peer(tls_context=server_context(good), smtps=True)
route("example.net: 127.0.0.1,%d /SECURITY=SMTPS\n" % peer.port)
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
t.is_(status(res, 0), "D", "/SECURITY=SMTPS delivers over implicit TLS")
t.is_(peer.tls_sessions, 1, "the TLS session started before the greeting")

# --- real receivers: aiosmtpd, and postern's own smtpd on a second root ---------------------
from aiosmtpd.controller import Controller  # noqa: E402
from postern import free_port  # noqa: E402


class Keep:
    def __init__(self):
        self.envelopes = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("bad@"):
            return "550 5.1.1 unknown user"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 ok"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 2.0.0 kept"


keep = Keep()
aio_port = free_port()
aio = Controller(keep, hostname="127.0.0.1", port=aio_port)
aio.start()
route("example.net: [127.0.0.1],%d\n" % aio_port)
queue_message(SIMPLE)
p, res, _ = run_remote("example.net", job(["a@example.net", "bad@example.net", "b@example.net"]))
t.is_([status(res, i) for i in range(3)], ["D", "F", "D"], "aiosmtpd: per-recipient results")
t.is_(len(keep.envelopes), 1, "aiosmtpd: one transaction")
t.ok(keep.envelopes and keep.envelopes[0][1] == ["a@example.net", "b@example.net"]
     and keep.envelopes[0][2] == SIMPLE.replace("\n", "\r\n").encode(), "aiosmtpd got both recipients and the exact message")
aio.stop()

import smtpin  # noqa: E402
receiver = smtpin.Mailroot()
own_port = receiver.start_smtpd()
os.environ["POSTERN_HOME"] = root.path
route("hosted.test: [127.0.0.1],%d\n" % own_port)
queue_message(SIMPLE)
p, res, _ = run_remote("hosted.test", job(["demo@hosted.test", "nosuchuser@hosted.test"]))
t.is_([status(res, 0), status(res, 1)], ["D", "F"], "postern's smtpd on another root: delivered, and its unknown user bounced")
t.like(res.get((MSG_ID, 1), ("", ""))[1], "550 5.1.1", "with the receiving smtpd's 550 5.1.1")
got = receiver.queued()
t.is_(len(got), 1, "the receiving postern queued the message")
body = list(got.values())[0][1] if got else b""
t.ok(b"line one\n.leading dot\nlast\n" in body, "body intact through both postern ends")
t.like(body.decode(errors="replace"), r"Received: from ", "with the receiver's Received: line")

# --- IPv6 ------------------------------------------------------------------------------------
try:
    peer6 = Peer(host="::1")
except OSError:
    peer6 = None
if peer6:
    route("example.net: [IPv6:::1],%d\n" % peer6.port)
    p, res, _ = run_remote("example.net", job(["bob@example.net"]))
    t.is_(status(res, 0), "D", "delivery over IPv6 to an [IPv6:::1] route")
    t.is_(len(peer6.messages), 1, "the IPv6 peer has the message")
else:
    t.ok(False, "::1 is usable for the IPv6 test")

# --- bad input ---------------------------------------------------------------------------------
p = root.run(command("remote"), "example.net", input=b"Jbroken\0Fa@b\0")
t.is_(p.returncode, 111, "a truncated job exits 111")
p = root.run(command("remote"))
t.is_(p.returncode, 100, "no domain is a usage error, exit 100")
route("example.net [127.0.0.1]\n")
p, res, _ = run_remote("example.net", job(["bob@example.net"]))
t.is_(p.returncode, 111, "a malformed esmtproutes is a temporary error")
t.like(p.stderr.decode(), r"esmtproutes:1: missing ':'", "naming the file and line")
subprocess.run(["rm", "-rf", certs])
