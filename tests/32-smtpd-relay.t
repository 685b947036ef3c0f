#!/usr/bin/python3
# smtpd's recipient policy: local, hosted and accepted domains, unknown
# users, and a relay-test battery from an outside address (127.0.0.2)
# that must relay nothing.
import os
import smtplib
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from smtpin import Mailroot, Raw  # noqa: E402

t = Tap()
root = Mailroot()
port = root.start_smtpd()

r = Raw(port, source="127.0.0.2")
r.reply()
r.cmd("EHLO outsider.example")
t.like(r.cmd("MAIL FROM:<probe@outsider.example>"), "^250", "an outsider may send")

relays = [
    "<victim@other.example>",
    "<victim%other.example@example.test>",
    "<\"victim@other.example\"@example.test>",
    "<@example.test:victim@other.example>",
    "<@example.test,@hosted.test:victim@other.example>",
    "<victim!other.example@example.test>",
    "<other.example!victim@example.test>",
    "<victim@other.example@example.test>",
    "<victim@OTHER.EXAMPLE>",
    "<victim@other.example.>",
    "<victim%other.example@EXAMPLE.TEST.>",
    "<victim%other.example@localhost>",
    "<victim@[192.0.2.1]>",
    "<victim@[127.0.0.1]>",
    "<victim@other.example.example>",
    "<victim@example.test.other.example>",
    "<\"victim%other.example\"@hosted.test>",
    "<victim@sub.backup.test>",
]
for rcpt in relays:
    rep = r.cmd("RCPT TO:" + rcpt)
    t.like(rep, r"^5\d\d ", "not relayed: " + rcpt)
t.like(r.cmd("DATA"), r"^554 5\.5\.1", "no recipient was accepted")
r.cmd("RSET")

r.cmd("MAIL FROM:<probe@outsider.example>")
cases = [
    ("<fred@example.test>", "250", "a local account"),
    ("<FRED@EXAMPLE.TEST>", "250", "upper case"),
    ("<fred@example.test.>", "250", "a trailing dot"),
    ("<fred-list@example.test>", "250", "an account's -extension"),
    ("<staff@example.test>", "250", "a local alias"),
    ("<fred@localhost>", "250", "a domain of locals"),
    ("<postmaster@example.test>", "250", "postmaster"),
    ("<Postmaster>", "250", "<postmaster> without a domain"),
    ("<demo@hosted.test>", "250", "a hosted account"),
    ("<info@hosted.test>", "250", "a hosted alias"),
    ("<demo@alias.test>", "250", "an alias of a hosted domain"),
    ("<anyone@backup.test>", "250", "any user of an esmtpacceptmailfor domain (backup MX)"),
    ("<nosuch@example.test>", "550 5.1.1", "unknown local user"),
    ("<nosuch@hosted.test>", "550 5.1.1", "unknown hosted user"),
    ("<fred>", "553 5.1.3", "no domain"),
]
for rcpt, code, name in cases:
    t.like(r.cmd("RCPT TO:" + rcpt), "^" + code, "%s: %s" % (name, code))
t.like(r.cmd("DATA"), "^354", "DATA")
rep = r.cmd("Subject: policy\r\n\r\nhello\r\n.")
t.like(rep, "^250", "queued")
qid = rep.split()[-1]
env = [x.decode() for x in root.queued()[qid][0] if x[:1] == b"T"]
t.is_(env, ["Tfred@example.test", "TFRED@EXAMPLE.TEST", "Tfred@example.test.", "Tfred-list@example.test",
            "Tstaff@example.test", "Tfred@localhost", "Tpostmaster@example.test", "TPostmaster",
            "Tdemo@hosted.test", "Tinfo@hosted.test", "Tdemo@alias.test", "Tanyone@backup.test"],
      "the accepted recipients, and only them, are in the envelope")
r.close()

foreign = [q for q, (env, _) in root.queued().items() if any(b"other.example" in x for x in env)]
t.is_(foreign, [], "nothing for other.example is in the queue")
t.like(root.log(), r"refused rcpt ip=127\.0\.0\.2 to=victim@other\.example reply=550 5\.7\.1 Relaying denied",
       "refusals are logged with the client's address")

# 127.0.0.1 has RELAYCLIENT from smtpaccess.
s = smtplib.SMTP("127.0.0.1", port)
s.ehlo("insider.example")
s.mail("me@example.test")
t.is_(s.rcpt("someone@other.example")[0], 250, "RELAYCLIENT (127.0.0.1 in smtpaccess) may relay")
t.is_(s.rcpt("nosuch@example.test")[0], 550, "  but unknown local users are still refused")
s.quit()
