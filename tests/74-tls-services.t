#!/usr/bin/python3
# The TLS services as package/run starts them (service/*-ssl/run with the
# package/etc defaults and the certificates of the setup hook), in front of
# the real pre-auth servers that are built; and what those servers make of
# tlsd's variables (AUTH EXTERNAL offered only with a verified certificate).
import os
import poplib
import shutil
import ssl
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import postern  # noqa: E402
import tlstest  # noqa: E402

t = postern.Tap()
root = postern.Root()
TOP = postern.TOP


def have(*names):
    return all(os.access(postern.command(n), os.X_OK) for n in names)


def skip(why):
    t.count += 1
    print("ok %d # SKIP %s" % (t.count, why), flush=True)


user = "nobody" if os.geteuid() == 0 else subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()
root.write("etc/users", "DAEMONUSER=%s\nQUEUEUSER=%s\nMAILUSER=%s\n" % (user, user, user))
for name in os.listdir(os.path.join(TOP, "package", "etc")):
    src = os.path.join(TOP, "package", "etc", name)
    if os.path.isfile(src) and not os.path.exists(root.p("etc", name)):
        shutil.copy(src, root.p("etc", name))
r = root.run(os.path.join(TOP, "package", "setup.d", "40-tls"), env={"TLS_CERT_BITS": "2048", "DH_BITS": "2048"})
t.is_(r.returncode, 0, "setup hook made the certificates", )


def service(name, portvar):
    port = postern.free_port()
    env = dict(os.environ, POSTERN_HOME=root.path, **{portvar: str(port)})
    out = open(root.p("var", name + ".out"), "wb")
    proc = subprocess.Popen([os.path.join(TOP, "package", "service", name, "run")], env=env,
                            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    root.procs.append(proc)
    return port, proc


def output(name):
    with open(root.p("var", name + ".out"), "rb") as f:
        return f.read().decode("utf-8", "replace")


for name, login, portvar, greeting, pem in (("pop3d-ssl", "pop3-login", "POSTERN_POP3S_PORT", r"^\+OK", "pop3d.pem"),
                                            ("imapd-ssl", "imap-login", "POSTERN_IMAPS_PORT", r"^\* OK", "imapd.pem"),
                                            ("smtpd-ssl", "smtpd", "POSTERN_SMTPS_PORT", r"^220 ", "esmtpd.pem")):
    if not have("tlsd", login):
        skip("%s: %s is not built yet" % (name, login))
        continue
    port, proc = service(name, portvar)
    if not postern.wait_port(port):
        t.ok(False, "%s listens" % name, output(name))
        continue
    # The self-signed certificate is its own CA: verify name and chain.
    ctx = tlstest.client_ctx(root.p("etc", pem))
    s = tlstest.tls_connect(port, ctx)
    t.like(tlstest.lines(s, ["+OK", "* OK", "220"]), greeting, "%s: %s greets over TLS, certificate verified" % (name, login))
    s.close()
    end = time.time() + 5
    while "tls ok" not in output(name) and time.time() < end:
        time.sleep(0.05)
    t.like(output(name), r"tlsd: tls ok ip=127\.0\.0\.1 proto=TLSv1\.3", "%s: the handshake is logged" % name)

# A service whose *SSLSTART is not YES sleeps instead.
with open(root.p("etc", "imapd-ssl")) as f:
    text = f.read()
root.write("etc/imapd-ssl", text.replace("IMAPDSSLSTART=YES", "IMAPDSSLSTART=NO"))
port, proc = service("imapd-ssl", "POSTERN_IMAPS_PORT")
end = time.time() + 5
while "not starting" not in output("imapd-ssl") and time.time() < end:
    time.sleep(0.05)
t.like(output("imapd-ssl"), r"imapd-ssl: IMAPDSSLSTART is not YES: not starting", "IMAPDSSLSTART=NO: the service sleeps")
root.write("etc/imapd-ssl", text)

# pop3-login offers SASL EXTERNAL exactly when tlsd passed SSL_PEER_LOGIN
# and could vouch for it (started as root, it read authcheck's key).
if have("tlsd", "pop3-login"):
    pki = tlstest.Pki(root)
    cert = pki.issue("server", "/CN=localhost", "DNS:localhost")
    pki.issue("john", "/CN=John/emailAddress=john@example.test", usage="clientAuth")
    port = postern.free_port()
    env = {"TLS_CERTFILE": cert, "TLS_TRUSTCERTS": pki.ca, "TLS_VERIFYPEER": "PEER",
           "TLS_EXTERNAL": "emailaddress", "POP3AUTH": "PLAIN"}
    root.start(["tcpserver", "-HRl0", "127.0.0.1", str(port), postern.command("tlsd"), postern.command("pop3-login"),
                "authcheck", postern.command("pop3d")], env=dict(env, **tlstest.tlsd_root_env()), port=port)
    john = tlstest.client_ctx(pki.ca, cert=pki.p("john.crt"), key=pki.p("john.key"))
    p = poplib.POP3_SSL("localhost", port, context=john, timeout=10)
    t.ok(any(c.startswith("SASL") and "EXTERNAL" in c for c in [k + " " + " ".join(v) for k, v in p.capa().items()]),
         "pop3s with a verified certificate: SASL EXTERNAL offered", p.capa())
    p.quit()
    p = poplib.POP3_SSL("localhost", port, context=tlstest.client_ctx(pki.ca), timeout=10)
    t.ok("EXTERNAL" not in repr(p.capa()), "pop3s without a certificate: no EXTERNAL", p.capa())
    p.quit()
    if os.geteuid() == 0:
        # tlsd started as nobody cannot read authcheck's key: it cannot
        # vouch for the login, authcheck would refuse it, so it is not offered.
        port = postern.free_port()
        root.start(["tcpserver", "-HRl0"] + tlstest.daemon_ids() + ["127.0.0.1", str(port), postern.command("tlsd"),
                   postern.command("pop3-login"), "authcheck", postern.command("pop3d")], env=env, port=port)
        p = poplib.POP3_SSL("localhost", port, context=john, timeout=10)
        t.ok("EXTERNAL" not in repr(p.capa()), "tlsd not started as root: no EXTERNAL even with a certificate", p.capa())
        p.quit()
else:
    skip("pop3-login is not built yet")
