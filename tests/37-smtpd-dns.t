#!/usr/bin/python3
# bofh's "opt BOFHCHECKDNS=1": MAIL FROM a domain that does not exist
# gets 513, against a real DNS server (dnsmasq) on a loopback address.
import atexit
import os
import shutil
import smtplib
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, machine_lock  # noqa: E402
from smtpin import Mailroot, Raw  # noqa: E402

if os.geteuid() != 0 or not shutil.which("dnsmasq"):
    print("1..0 # SKIP needs root (port 53 on a loopback address) and dnsmasq")
    sys.exit(0)

machine_lock("fixed-addresses")   # dnsmasq on port 53 of a fixed loopback address
t = Tap()
root = Mailroot()
DNS_IP = "127.0.0.79"
zone = root.write("var/dnsmasq.conf", """
local=/test/
mx-host=withmx.test,mx.withmx.test,10
host-record=mx.withmx.test,127.0.0.90
host-record=aonly.test,127.0.0.91
""")
dns = subprocess.Popen(["dnsmasq", "--no-daemon", "--port=53", "--listen-address=" + DNS_IP, "--bind-interfaces",
                        "--no-resolv", "--no-hosts", "--conf-file=" + zone, "--log-facility=" + root.p("var/dns.log"),
                        "--pid-file=" + root.p("var/dns.pid")], stderr=subprocess.DEVNULL)
atexit.register(dns.terminate)
root.write("etc/bofh", "opt BOFHCHECKDNS=1\n")
port = root.start_smtpd(env={"DNSCACHEIP": DNS_IP})

r = Raw(port, source="127.0.0.2")
r.reply()
r.cmd("EHLO outsider.example")
for sender, code, name in (("<a@withmx.test>", "250", "a domain with an MX"),
                           ("<a@aonly.test>", "250", "a domain with only an A record"),
                           ("<a@WITHMX.TEST.>", "250", "upper case and a trailing dot"),
                           ("<a@nowhere.test>", r"513 5\.1\.8", "a domain that does not exist"),
                           ("<>", "250", "the null sender is not looked up"),
                           ("<a@[192.0.2.1]>", "250", "an address literal is not looked up")):
    t.like(r.cmd("MAIL FROM:" + sender), "^" + code, "%s: %s" % (name, code))
    r.cmd("RSET")
r.close()
t.like(root.log(), r"refused sender ip=127\.0\.0\.2 from=a@nowhere\.test reply=513", "the refusal is logged")

# A relaying client (127.0.0.1) is not second-guessed.
s = smtplib.SMTP("127.0.0.1", port)
s.ehlo("insider.example")
t.is_(s.mail("a@nowhere.test")[0], 250, "RELAYCLIENT: no DNS check")
s.quit()
