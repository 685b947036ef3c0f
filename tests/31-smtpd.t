#!/usr/bin/python3
# smtpd: EHLO extensions, a whole transaction into the queue, DSN,
# SIZE, DATA and BDAT rules, 8-bit and SMTPUTF8, pipelining, dropped
# connections, BLOCK, maxrcpts, root refusal.
import os
import smtplib
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, command  # noqa: E402
from smtpin import AS_ROOT, Mailroot, Raw  # noqa: E402

t = Tap()
root = Mailroot(esmtpd="SIZELIMIT=20000\nMAXRCPTS=3\n")
port = root.start_smtpd()


def env_records(env):
    return [r.decode() for r in env if r and r[:1] not in (b"Q", b"I", b"M")]


# EHLO lists exactly the configured extensions.
s = smtplib.SMTP("127.0.0.1", port)
code, text = s.ehlo("client.example")
lines = text.decode().split("\n")
t.is_(code, 250, "EHLO is answered with 250")
t.is_(lines[1:], ["PIPELINING", "8BITMIME", "SIZE 20000", "DSN", "ENHANCEDSTATUSCODES",
                  "AUTH PLAIN LOGIN CRAM-MD5", "CHUNKING", "SMTPUTF8"],
      "EHLO advertises the configured extensions, no STARTTLS without the TLS program")
t.is_(s.noop()[0], 250, "NOOP")
t.is_(s.verify("fred")[0], 252, "VRFY answers 252")
t.is_(s.docmd("HELP")[0], 214, "HELP")
t.is_(s.docmd("FROB")[0], 500, "unknown command: 500")
t.is_(s.rset()[0], 250, "RSET")

# A message with DSN parameters.
msg = "From: a@remote.example\r\nSubject: hello\r\n\r\nline one\r\n.dot line\r\n"
s.mail("a@remote.example", ["RET=HDRS", "ENVID=abc+2Bdef", "SIZE=100", "BODY=8BITMIME"])
code, _ = s.rcpt("fred@example.test", ["NOTIFY=SUCCESS,FAILURE", "ORCPT=rfc822;fred+40example.test"])
t.is_(code, 250, "RCPT with NOTIFY and ORCPT")
code, _ = s.rcpt("<postmaster>")
t.is_(code, 250, "RCPT TO:<postmaster> without a domain is accepted")
code, text = s.data(msg)
t.is_(code, 250, "DATA accepted")
qid = text.decode().split()[-1]
t.like(text.decode(), r"^2\.0\.0 Ok: queued as [0-9a-f]{13,}\.[0-9a-f]+$", "250 names the queue id")
q = root.queued()
t.ok(qid in q, "the message is in the queue under that id")
env, body = q.get(qid, ([], b""))
t.is_(env_records(env), ["Fa@remote.example", "HHDRS", "Vabc+def", "B8BITMIME",
                         "Tfred@example.test", "NSUCCESS,FAILURE", "Orfc822;fred@example.test",
                         "Tpostmaster"], "the envelope holds sender, DSN and recipients")
text = body.decode()
t.like(text, r"^Received: from client\.example \(\[127\.0\.0\.1\]\)\n\tby example\.test \(postern\) with ESMTP id "
       + qid.replace(".", r"\.") + r";\n\t\w{3}, ", "Received: names HELO, IP and the queue id")
t.ok(text.endswith("\nFrom: a@remote.example\nSubject: hello\n\nline one\n.dot line\n"),
     "the body is stored with LF line ends and dot-unstuffed", text)
t.ok("accepted id=" + qid in root.log(), "smtpd logs the accepted message")

# SIZE: declared and actual.
s.mail("a@remote.example", ["SIZE=20001"])
t.is_(s.rcpt("fred@example.test")[0], 503, "MAIL with SIZE over the limit leaves no transaction")
s.rset()
t.is_(s.docmd("MAIL FROM:<a@remote.example> SIZE=20001")[0], 552, "SIZE over the limit: 552")
before = len(root.queued())
s.mail("a@remote.example")
s.rcpt("fred@example.test")
code, text = s.data("Subject: big\r\n\r\n" + ("x" * 70 + "\r\n") * 400)
t.is_(code, 552, "a message growing past the limit gets 552")
t.is_((len(root.queued()), root.leftovers()), (before, []), "  and nothing is stored")

# Line length and bare LF.
s.mail("a@remote.example")
s.rcpt("fred@example.test")
code, text = s.data("Subject: long\r\n\r\n" + "y" * 1200 + "\r\n")
t.is_((code, text.decode()), (500, "5.5.2 Line too long"), "a line over 1000 octets: 500 5.5.2")
s.mail("a@remote.example")
s.rcpt("fred@example.test")
code, _ = s.data("Subject: ok\r\n\r\n" + "y" * 998 + "\r\n")
t.is_(code, 250, "a line of exactly 998 octets is fine")

# maxrcpts 3 (soft): the fourth gets 452.
s.mail("a@remote.example")
codes = [s.rcpt(r)[0] for r in ("fred@example.test", "staff@example.test", "postmaster@example.test", "fred@example.test")]
t.is_(codes, [250, 250, 250, 452], "maxrcpts from the configuration: 452 past it")
s.rset()
s.quit()

# Raw sessions: pipelining, syntax, bare LF, BDAT, disconnects.
r = Raw(port)
t.like(r.reply(), r"^220 example\.test ESMTP", "greeting names ME")
r.cmd("EHLO pipe.example")
r.send("MAIL FROM:<p@remote.example>\r\nRCPT TO:<fred@example.test>\r\nRCPT TO:<nosuchuser@example.test>\r\nDATA\r\n")
replies = [r.reply(), r.reply(), r.reply(), r.reply()]
t.is_([x[:3] for x in replies], ["250", "250", "550", "354"], "pipelined MAIL, RCPT, RCPT, DATA")
r.send("Subject: pipelined\r\n\r\nbody\r\n.\r\nMAIL FROM:<p2@remote.example>\r\nRCPT TO:<fred@example.test>\r\nDATA\r\n")
replies = [r.reply(), r.reply(), r.reply(), r.reply()]
t.is_([x[:3] for x in replies], ["250", "250", "250", "354"], "the next transaction pipelined after the dot")
r.send("Subject: two\r\n\r\nbody\r\n.\r\n")
t.like(r.reply(), "^250 2.0.0 Ok: queued", "second pipelined message queued")

t.like(r.cmd("MAIL FROM:p@remote.example"), r"^517 5\.1\.7 Syntax error - your mail software violates RFC 821\.",
       "MAIL without <>: Courier's 517")
r.cmd("MAIL FROM:<p@remote.example>")
t.like(r.cmd("RCPT TO:fred@example.test"), r"^517 5\.1\.3 Syntax error", "RCPT without <>: 517")
t.like(r.cmd("RCPT TO:<fred@example.test> FOO=bar"), r"^555 5\.5\.4", "unknown RCPT parameter: 555")
t.like(r.cmd("DATA"), r"^554 5\.5\.1", "DATA without recipients: 554")
r.cmd("RSET")

before = len(root.queued())
r.cmd("MAIL FROM:<p@remote.example>")
r.cmd("RCPT TO:<fred@example.test>")
r.cmd("DATA")
r.send("Subject: smuggle\r\n\r\nfirst\n.\nMAIL FROM:<evil@remote.example>\r\n.\r\n")
t.like(r.reply(), r"^554 5\.6\.0 Bare LF", "bare LF: refused after the real end, nothing smuggled")
t.is_(len(root.queued()), before, "  and nothing is queued")


# BDAT: two chunks, a CRLF split between them, 8-bit body.
r.cmd("MAIL FROM:<p@remote.example> BODY=8BITMIME")
r.cmd("RCPT TO:<fred@example.test>")
chunk1 = b"Subject: chunked\r\n\r"
chunk2 = "\nbody \u00e9t\u00e9\r\n".encode()
r.send(b"BDAT %d\r\n" % len(chunk1) + chunk1)
t.like(r.reply(), r"^250 2\.0\.0 %d octets received" % len(chunk1), "BDAT chunk")
r.send(b"BDAT %d LAST\r\n" % len(chunk2) + chunk2)
rep = r.reply()
t.like(rep, r"^250 2\.0\.0 Ok: queued as ", "BDAT LAST queues the message")
bid = rep.split()[-1]
env, body = root.queued().get(bid, ([], b""))
t.ok(body.endswith(b"\nSubject: chunked\n\nbody \xc3\xa9t\xc3\xa9\n"), "BDAT body stored with LF ends across chunks", body)
t.ok("B8BITMIME" in env_records(env), "BODY=8BITMIME recorded")
t.like(r.cmd("DATA"), r"^503", "DATA without MAIL after BDAT")
r.send(b"BDAT 5\r\nhello")
t.like(r.reply(), r"^503 5\.5\.1 Send MAIL first", "BDAT without MAIL: 503, chunk skipped")
t.like(r.cmd("NOOP"), r"^250", "the session goes on after a skipped chunk")

# SMTPUTF8
t.like(r.cmd("MAIL FROM:<j\u00f6rg@remote.example>"), r"^553 5\.6\.7", "non-ASCII sender without SMTPUTF8: 553")
t.like(r.cmd("MAIL FROM:<j\u00f6rg@remote.example> SMTPUTF8"), r"^250", "with SMTPUTF8: accepted")
t.like(r.cmd("RCPT TO:<fred@example.test>"), r"^250", "RCPT")
t.like(r.cmd("DATA"), r"^354", "DATA")
r.send("Subject: gr\u00fc\u00dfe\r\n\r\n\u00e4\u00f6\u00fc\r\n.\r\n")
rep = r.reply()
t.like(rep, r"^250 ", "SMTPUTF8 message accepted")
env, body = root.queued().get(rep.split()[-1], ([], b""))
t.ok("U" in env_records(env) and "Fj\u00f6rg@remote.example" in env_records(env), "U and the UTF-8 sender in the envelope")
t.ok(b"with UTF8SMTP id" in body, "Received: says UTF8SMTP")

# Disconnect in the middle of DATA and of BDAT: nothing queued.
before = len(root.queued())
r.cmd("MAIL FROM:<p@remote.example>")
r.cmd("RCPT TO:<fred@example.test>")
r.cmd("DATA")
r.send("Subject: cut\r\n\r\nhalf a message\r\n")
r.close()
r = Raw(port)
r.reply()
r.cmd("EHLO x")
r.cmd("MAIL FROM:<p@remote.example>")
r.cmd("RCPT TO:<fred@example.test>")
r.send(b"BDAT 1000 LAST\r\nSubject: cut\r\n")
r.close()
for _ in range(100):
    if "dropped during BDAT" in root.log() and "dropped during DATA" in root.log() and not root.leftovers():
        break
    time.sleep(0.1)
t.is_((len(root.queued()), root.leftovers()), (before, []), "dropped connections in DATA and BDAT queue nothing")
t.ok("dropped during DATA" in root.log() and "dropped during BDAT" in root.log(), "  and are logged")

# Too many Received: lines.
r = Raw(port)
r.reply()
r.cmd("HELO x")
t.like(r.cmd("MAIL FROM:<p@remote.example> SIZE=10"), r"^555", "MAIL parameters after HELO: 555")
r.cmd("MAIL FROM:<p@remote.example>")
r.cmd("RCPT TO:<fred@example.test>")
r.cmd("DATA")
r.send("Received: from a by b\r\n" * 101 + "\r\nloop\r\n.\r\n")
t.like(r.reply(), r"^554 5\.4\.6", "101 Received: lines: 554 loop")
t.like(r.cmd("QUIT"), r"^221", "QUIT")
r.close()

# An unwritable queue: 451, nothing half-written.
before = len(root.queued())
os.chmod(root.p("queue", "tmp"), 0o500)
s = smtplib.SMTP("127.0.0.1", port)
s.ehlo("x")
s.mail("a@remote.example")
s.rcpt("fred@example.test")
code, text = s.data("Subject: nowhere\r\n\r\nbody\r\n")
t.is_((code, text.decode()[:5]), (451, "4.3.0"), "an unwritable queue: 451 4.3.0 after the dot")
os.chmod(root.p("queue", "tmp"), 0o700)
s.mail("a@remote.example")
s.rcpt("fred@example.test")
t.is_(s.data("Subject: again\r\n\r\nbody\r\n")[0], 250, "  and the same session succeeds once it is writable")
s.quit()
t.is_((len(root.queued()), root.leftovers()), (before + 1, []), "  with nothing half-written")

# A client that stops talking gets 421 after ESMTPTIMEOUT.
root2 = Mailroot(esmtpd="ESMTPTIMEOUT=1\n")
root2.write("etc/bofh", "# limits\nmaxrcpts 50\nmaxrcpts 2 hard\n")
port2 = root2.start_smtpd()
r = Raw(port2)
r.reply()
r.cmd("EHLO x")
time.sleep(1.5)
t.like(r.reply(), r"^421 4\.4\.2 Timeout", "an idle client gets 421 after ESMTPTIMEOUT")
r.close()
r = Raw(port2)
r.reply()
r.cmd("EHLO x")
r.cmd("MAIL FROM:<a@remote.example>")
r.cmd("RCPT TO:<fred@example.test>")
r.cmd("DATA")
r.send("Subject: slow\r\n\r\nhalf")
time.sleep(1.5)
t.like(r.reply(), r"^421 4\.4\.2", "a client stalling in DATA gets 421")
r.close()
s = smtplib.SMTP("127.0.0.1", port2)
s.ehlo("x")
s.mail("a@remote.example")
codes = [s.rcpt(x)[0] for x in ("fred@example.test", "staff@example.test", "postmaster@example.test")]
t.is_(codes, [250, 250, 552], "maxrcpts 2 hard from etc/bofh (the last line counts): 552")
s.quit()

# BLOCK from the access rules.
root.write("etc/smtpaccess/test", '127.0.0.1\tallow,BLOCK="550 5.7.1 You are not welcome here"\n')
root.tool("makesmtpaccess")
r = Raw(port)
t.is_(r.reply(), "550 5.7.1 You are not welcome here", "BLOCK replaces the greeting with its text")
t.is_(r.reply(), None, "  and the connection is closed")
r.close()

# smtpd refuses to run as root.
if AS_ROOT:
    p = subprocess.run([command("smtpd")], input=b"QUIT\r\n", capture_output=True)
    t.is_(p.returncode, 100, "smtpd as root exits 100")
    t.like(p.stderr.decode(), "refusing to run as root", "  saying why")
