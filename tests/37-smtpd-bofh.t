#!/usr/bin/python3
"""bofh(5) lists at MAIL and RCPT: badfrom (address, @domain,
@.domain), spamtrap (the trap and the whole message refused), and,
against a real DNS server (dnsmasq, as root), freemail (the client's
host name must be the provider's) and badmx (the sender domain's mail
servers at a listed address)."""
import atexit
import os
import shutil
import smtplib
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, machine_lock  # noqa: E402
from smtpin import Mailroot, Raw  # noqa: E402

machine_lock("fixed-addresses")   # dnsmasq on port 53 of a fixed loopback address
t = Tap()
root = Mailroot()
DNS = os.geteuid() == 0 and shutil.which("dnsmasq")
DNS_IP = "127.0.0.74"
root.write("etc/bofh", """# the administrator's list
maxrcpts 50
badfrom spammer@bad.test
badfrom <Other@Bad.test>
badfrom @worse.test
badfrom @.worst.test
spamtrap trap@example.test
spamtrap @trap.test
freemail freemail.test relay.freemail.test
badmx 127.0.0.1
badmx 192.0.2.66
""")
env = {}
if DNS:
    zone = root.write("var/dnsmasq.conf", """
local=/test/
local=/127.in-addr.arpa/
mx-host=loopmx.test,mx.loopmx.test,10
host-record=mx.loopmx.test,127.0.0.1
mx-host=badip.test,mx.badip.test,10
mx-host=badip.test,mx2.badip.test,20
host-record=mx.badip.test,192.0.2.1
host-record=mx2.badip.test,192.0.2.66
host-record=nomx.test,127.0.0.1
mx-host=good.test,mx.good.test,10
host-record=mx.good.test,192.0.2.1
host-record=freemail.test,192.0.2.2
ptr-record=2.0.0.127.in-addr.arpa,out3.relay.freemail.test
ptr-record=4.0.0.127.in-addr.arpa,mail.elsewhere.test
""")
    dns = subprocess.Popen(["dnsmasq", "--no-daemon", "--port=53", "--listen-address=" + DNS_IP, "--bind-interfaces",
                            "--no-resolv", "--no-hosts", "--conf-file=" + zone, "--log-facility=" + root.p("var/dns.log"),
                            "--pid-file=" + root.p("var/dns.pid")], stderr=subprocess.DEVNULL)
    atexit.register(dns.terminate)
    env["DNSCACHEIP"] = DNS_IP
port = root.start_smtpd(env=env)


def session(source="127.0.0.2"):
    r = Raw(port, source=source)
    r.reply()
    r.cmd("EHLO outsider.example")
    return r


def mail_from(r, sender):
    reply = r.cmd("MAIL FROM:<%s>" % sender)
    r.cmd("RSET")
    return reply


def relay_mail(sender):
    """MAIL FROM's code for a relay client (127.0.0.1, RELAYCLIENT)."""
    s = smtplib.SMTP("127.0.0.1", port)
    s.ehlo("insider.example")
    code = s.mail(sender)[0]
    s.quit()
    return code


r = session()
for sender, code, name in (("spammer@bad.test", "517 5.7.1", "badfrom address"),
                           ("SPAMMER@BAD.TEST.", "517 5.7.1", "any case, a trailing dot"),
                           ("other@bad.test", "517 5.7.1", "an entry in angle brackets"),
                           ("friend@bad.test", "250", "another user of that domain"),
                           ("anyone@worse.test", "517 5.7.1", "badfrom @domain"),
                           ("anyone@sub.worse.test", "250", "@domain: not its subdomains"),
                           ("anyone@deep.sub.worst.test", "517 5.7.1", "badfrom @.domain: subdomains"),
                           ("anyone@worst.test", "517 5.7.1", "@.domain: the domain itself"),
                           ("anyone@notworst.test", "250", "@.domain: not a domain that merely ends alike")):
    t.like(mail_from(r, sender), "^" + code.replace(".", r"\."), "%s: %s" % (name, code))
t.like(r.cmd("MAIL FROM:<>"), "^250", "the null sender is never badfrom")
r.cmd("RSET")
r.close()
t.is_(relay_mail("spammer@bad.test"), 517, "badfrom holds for relay clients too")
t.like(root.log(), r"refused sender ip=127\.0\.0\.2 from=spammer@bad\.test reason=badfrom", "badfrom refusals are logged")

# spamtrap: the trap is refused, then every recipient and the message.
before = len(root.queued())
r = session()
t.like(r.cmd("MAIL FROM:<someone@good.test>"), "^250", "spamtrap: MAIL")
t.like(r.cmd("RCPT TO:<fred@example.test>"), "^250", "a recipient before the trap is accepted")
t.like(r.cmd("RCPT TO:<trap@example.test>"), r"^550 5\.7\.1", "the trap is refused")
t.like(r.cmd("RCPT TO:<fred@example.test>"), r"^550 5\.7\.1", "so is every recipient after it")
t.like(r.cmd("DATA"), r"^554 5\.7\.1", "and the message: DATA refused")
t.like(r.cmd("RSET"), "^250", "RSET")
t.like(r.cmd("MAIL FROM:<someone@good.test>"), "^250", "a new transaction")
t.like(r.cmd("RCPT TO:<fred@example.test>"), "^250", "a recipient")
t.like(r.cmd("RCPT TO:<x@trap.test>"), r"^550 5\.7\.1", "spamtrap @domain")
r.send("BDAT 5 LAST\r\nhello")
t.like(r.reply(), r"^554 5\.7\.1", "BDAT is refused too")
r.cmd("RSET")
t.like(r.cmd("MAIL FROM:<someone@good.test>"), "^250", "after RSET")
t.like(r.cmd("RCPT TO:<fred@example.test>"), "^250", "the next transaction is not tainted")
r.cmd("QUIT")
r.close()
t.is_(len(root.queued()), before, "nothing from the trapped transaction was queued")
t.like(root.log(), r"spamtrap ip=127\.0\.0\.2 to=trap@example\.test", "the trap is logged")

if DNS:
    # freemail: the provider's domain from its own relays only.
    for src, sender, code, name in (("127.0.0.2", "a@freemail.test", "250", "freemail from the provider's relay"),
                                    ("127.0.0.4", "a@freemail.test", "517 5.7.1", "freemail from another host"),
                                    ("127.0.0.3", "a@freemail.test", "517 5.7.1", "freemail from a host without a name"),
                                    ("127.0.0.4", "a@good.test", "250", "another domain from that host")):
        r = session(src)
        t.like(mail_from(r, sender), "^" + code.replace(".", r"\."), "%s: %s" % (name, code))
        r.close()
    t.is_(relay_mail("a@freemail.test"), 250, "freemail: relay clients are not checked")
    t.like(root.log(), r"refused sender ip=127\.0\.0\.4 from=a@freemail\.test reason=freemail", "freemail refusals are logged")
    # badmx
    r = session()
    for sender, code, name in (("a@loopmx.test", "517 5.7.1", "an MX at 127.0.0.1"),
                               ("a@badip.test", "517 5.7.1", "a backup MX at a badmx address"),
                               ("a@nomx.test", "517 5.7.1", "no MX, the domain's own address listed"),
                               ("a@good.test", "250", "a domain with a good MX")):
        t.like(mail_from(r, sender), "^" + code.replace(".", r"\."), "badmx: %s: %s" % (name, code))
    r.close()
    t.like(root.log(), r"refused sender ip=127\.0\.0\.2 from=a@loopmx\.test reason=badmx", "badmx refusals are logged")
else:
    t.diag("freemail and badmx need root and dnsmasq: not checked here")
