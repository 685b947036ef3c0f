#!/usr/bin/python3
# remote's routing through DNS, against a real DNS server (dnsmasq) on a
# loopback address with a zone this test writes: MX preference and
# fallback, no MX -> A, an MX naming an IP address, MX hosts that are
# this machine, NXDOMAIN and SERVFAIL. Mail exchangers listen on port 25
# of their own loopback addresses, which needs root (as CI runs).
import atexit
import os
import shutil
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, Root, command, machine_lock  # noqa: E402
from smtppeer import Peer  # noqa: E402

if os.geteuid() != 0 or not shutil.which("dnsmasq"):
    print("1..0 # SKIP needs root (port 53 and 25 on loopback addresses) and dnsmasq")
    sys.exit(0)

machine_lock("fixed-addresses")   # dnsmasq on port 53, peers on port 25 of fixed loopback addresses
t = Tap()
root = Root()
DNS_IP, FAIL_IP = "127.0.0.77", "127.0.0.78"
zone = root.write("var/dnsmasq.conf", """
local=/test/
mx-host=pref.test,mx1.pref.test,10
mx-host=pref.test,mx2.pref.test,20
host-record=mx1.pref.test,127.0.0.81
host-record=mx2.pref.test,127.0.0.82
host-record=nomx.test,127.0.0.83
mx-host=ipmx.test,127.0.0.84,10
mx-host=backup.test,primary.backup.test,10
mx-host=backup.test,self.postern.test,20
host-record=primary.backup.test,127.0.0.85
host-record=self.postern.test,127.0.0.86
mx-host=loop.test,self.postern.test,10
""")
dns = subprocess.Popen(["dnsmasq", "--no-daemon", "--port=53", "--listen-address=" + DNS_IP, "--bind-interfaces",
                        "--no-resolv", "--no-hosts", "--conf-file=" + zone, "--log-facility=" + root.p("var/dns.log"),
                        "--pid-file=" + root.p("var/dns.pid")], stderr=subprocess.DEVNULL)
atexit.register(dns.terminate)


def servfail_server():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((FAIL_IP, 53))
    while True:
        data, addr = s.recvfrom(512)
        if len(data) < 12:
            continue
        reply = bytearray(data)
        reply[2] = 0x81          # response, recursion desired
        reply[3] = 0x82          # recursion available, rcode 2 SERVFAIL
        s.sendto(bytes(reply), addr)


threading.Thread(target=servfail_server, daemon=True).start()
time.sleep(0.5)

root.write("etc/me", "self.postern.test\n")
root.write("etc/locals", "self.postern.test\n")
made = root.run(command("makealiases"))
t.is_(made.returncode, 0, "makealiases compiles locals for the self-MX check", )
root.write("queue/mess/6920a1b201e24.1a2b", "Subject: dns\n\nbody\n")


def deliver(domain, server=DNS_IP):
    job = b"J6920a1b201e24.1a2b\0Fa@example.org\0Tuser@" + domain.encode() + b"\0\0"
    p = root.run(command("remote"), domain, input=job,
                 env={"DNSCACHEIP": server, "ESMTP_TIMEOUT_CONNECT": "3", "ESMTP_TIMEOUT_COMMAND": "5"})
    for line in p.stdout.decode(errors="replace").splitlines():
        parts = line.split(" ", 3)
        if len(parts) >= 3 and parts[1] == "0":
            return parts[2], parts[3] if len(parts) > 3 else "", p
    return "?", p.stderr.decode(errors="replace"), p


mx2 = Peer(host="127.0.0.82", port=25)
status, text, _ = deliver("pref.test")
t.is_(status, "D", "the best MX refusing connections, the next preference takes the mail")
t.is_(len(mx2.messages), 1, "delivered to mx2.pref.test")
mx1 = Peer(host="127.0.0.81", port=25)
status, text, _ = deliver("pref.test")
t.is_((status, len(mx1.messages), len(mx2.messages)), ("D", 1, 1), "with both up, the lower preference is used")

a_host = Peer(host="127.0.0.83", port=25)
status, text, _ = deliver("nomx.test")
t.is_((status, len(a_host.messages)), ("D", 1), "a domain without MX gets its mail at its A record")

status, text, _ = deliver("ipmx.test")
t.is_(status, "F", "an MX pointing at an IP address bounces")
t.like(text, "MX records for ipmx.test violate section 3.3.9 of RFC 1035", "with the RFC 1035 wording admins know")

primary = Peer(host="127.0.0.85", port=25)
selfpeer = Peer(host="127.0.0.86", port=25)
status, text, _ = deliver("backup.test")
t.is_((status, len(primary.messages), len(selfpeer.messages)), ("D", 1, 0),
      "as backup MX, mail goes to the better MX and never to ourselves")
primary.close()
status, text, _ = deliver("backup.test")
t.is_((status, len(selfpeer.messages)), ("T", 0), "with the primary down it waits rather than loop to ourselves")
status, text, _ = deliver("loop.test")
t.is_(status, "F", "a domain whose best MX is this machine bounces")
t.like(text, "loops back to myself", "saying the mail would loop")

status, text, _ = deliver("nosuchdomain.test")
t.is_(status, "F", "NXDOMAIN bounces")
t.like(text, "no such domain", "saying the domain does not exist")
status, text, _ = deliver("pref.test", server=FAIL_IP)
t.is_(status, "T", "a SERVFAIL from the DNS server defers")

dns.terminate()
dns.wait()
