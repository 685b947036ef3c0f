#!/usr/bin/python3
# Certificate authentication end to end (Courier's "certificate
# authentication"): tlsd verifies the client certificate, passes its
# emailAddress as SSL_PEER_LOGIN, the login program offers AUTH EXTERNAL
# and authcheck logs that account in without a password; over implicit TLS
# and over STLS, with curl as a real client, and the refusals.
import base64
import os
import poplib
import pwd
import shutil
import ssl
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import postern  # noqa: E402
import tlstest  # noqa: E402

NEED = ("tlsd", "pop3-login", "pop3d", "authcheck", "userdb", "makeuserdb")
if not all(os.access(postern.command(n), os.X_OK) for n in NEED):
    print("1..0 # SKIP pop3-login, pop3d, authcheck and the userdb tools are not all built")
    sys.exit(0)

t = postern.Tap()
root = postern.Root()
as_root = os.geteuid() == 0
cmd = os.path.realpath(postern.command("."))
uid, gid = os.getuid(), os.getgid()
if as_root:
    # A private command/ where authcheck is setuid root, as installed.
    cmd = root.p("command")
    if os.path.islink(cmd):
        os.unlink(cmd)
        shutil.copytree(os.path.realpath(postern.command(".")), cmd)
    os.chmod(cmd, 0o755)
    os.chmod(os.path.join(cmd, "authcheck"), 0o4755)
    acct = pwd.getpwnam("mail")
    uid, gid = acct.pw_uid, acct.pw_gid
    os.chmod(root.p("var"), 0o755)
env = {"POSTERN_COMMAND_DIR": cmd}
root.write("etc/authdaemonrc", 'authmodulelist="authuserdb"\nAUTHFAILDELAY=0\n')
os.chmod(root.p("etc"), 0o755)

home = root.p("var", "mail", "john")
md = os.path.join(home, "Maildir")
for d in ("tmp", "new", "cur"):
    os.makedirs(os.path.join(md, d))
msg = b"From: a@example.test\nSubject: by certificate\n\nhello\n"
with open(os.path.join(md, "new", "1700000000.M1P1.test,S=%d" % len(msg)), "wb") as f:
    f.write(msg)
r = root.run(os.path.join(cmd, "userdb"), "john@example.test", "set", "home=" + home, "uid=%d" % uid, "gid=%d" % gid, env=env)
t.is_(r.returncode, 0, "account john@example.test made", )
r = root.run(os.path.join(cmd, "makeuserdb"), env=env)
t.is_(r.returncode, 0, "makeuserdb")
if as_root:
    os.chmod(root.p("var", "mail"), 0o755)
    for dirpath, dirs, files in os.walk(home):
        os.chown(dirpath, uid, gid)
        for f in files:
            os.chown(os.path.join(dirpath, f), uid, gid)

pki = tlstest.Pki(root)
cert = pki.issue("server", "/CN=localhost", "DNS:localhost,IP:127.0.0.1")
for name, subj, signed in (("john", "/CN=John/emailAddress=john@example.test", True),
                           ("mallory", "/CN=Mallory/emailAddress=mallory@example.test", True),
                           ("forger", "/CN=John/emailAddress=john@example.test", False)):
    pki.issue(name, subj, usage="clientAuth", signer=signed)


def ctx_for(name=None):
    if not name:
        return tlstest.client_ctx(pki.ca)
    return tlstest.client_ctx(pki.ca, cert=pki.p(name + ".crt"), key=pki.p(name + ".key"))


def serve(starttls):
    port = postern.free_port()
    e = dict(env, TLS_CERTFILE=cert, TLS_TRUSTCERTS=pki.ca, TLS_VERIFYPEER="PEER", TLS_EXTERNAL="emailaddress",
             TLS_TIMEOUT="5", POP3AUTH="PLAIN", POP3_LOGIN_TIMEOUT="5")
    e.update(tlstest.tlsd_root_env())
    root.start(["tcpserver", "-HRl0", "127.0.0.1", str(port), os.path.join(cmd, "tlsd")] +
               (["-s"] if starttls else []) + [os.path.join(cmd, "pop3-login"), "authcheck", os.path.join(cmd, "pop3d")],
               env=e, port=port)
    return port


pop3s = serve(False)
pop3 = serve(True)


def external(p, authz=""):
    return p._shortcmd("AUTH EXTERNAL " + (base64.b64encode(authz.encode()).decode() if authz else "=")).decode()


p = poplib.POP3_SSL("localhost", pop3s, context=ctx_for("john"), timeout=10)
t.like(repr(p.capa().get("SASL")), r"EXTERNAL", "pop3s with john's certificate: SASL EXTERNAL offered")
t.like(external(p), r"^\+OK", "AUTH EXTERNAL: logged in by the certificate, no password")
t.is_(p.stat()[0], 1, "pop3d opened john's maildir")
p.quit()
p = poplib.POP3_SSL("localhost", pop3s, context=ctx_for("john"), timeout=10)
t.like(external(p, "john@example.test"), r"^\+OK", "AUTH EXTERNAL naming the certificate's own address")
p.quit()
p = poplib.POP3_SSL("localhost", pop3s, context=ctx_for("john"), timeout=10)
try:
    got = external(p, "mallory@example.test")
except poplib.error_proto as e:
    got = str(e)
t.like(got, r"-ERR \[AUTH\]", "AUTH EXTERNAL for another account is refused")
t.like(external(p), r"^\+OK", "  the same session then logs in as the certificate's own account")
p.quit()
t.like(root.log(0), r"auth failed user=mallory@example\.test ip=\S+ mech=EXTERNAL reason=not the certificate's login",
       "  refused by pop3-login itself as not the certificate's login, and counted")
p = poplib.POP3_SSL("localhost", pop3s, context=ctx_for("mallory"), timeout=10)
try:
    got = external(p)
except poplib.error_proto as e:
    got = str(e)
t.like(got, r"-ERR", "a verified certificate without an account is refused")
p.close()
p = poplib.POP3_SSL("localhost", pop3s, context=ctx_for(), timeout=10)
t.ok("EXTERNAL" not in repr(p.capa()), "no certificate: EXTERNAL not offered")
try:
    got = external(p)
except poplib.error_proto as e:
    got = str(e)
t.like(got, r"-ERR", "no certificate: AUTH EXTERNAL refused")
p.close()
try:
    p = poplib.POP3_SSL("localhost", pop3s, context=ctx_for("forger"), timeout=10)
    p.capa()
    t.ok(False, "a self-made certificate with john's address is refused")
except (ssl.SSLError, OSError, poplib.error_proto):
    t.ok(True, "a self-made certificate with john's address is refused")

# STLS: the variables travel over SSLCTLFD and still reach authcheck.
p = poplib.POP3("localhost", pop3, timeout=10)
p.stls(context=ctx_for("john"))
t.like(external(p), r"^\+OK", "STLS then AUTH EXTERNAL")
t.is_(p.stat()[0], 1, "STLS: john's maildir")
p.quit()

# A real client: curl with a client certificate and AUTH=EXTERNAL.
r = subprocess.run(["curl", "-sS", "--max-time", "10", "--cacert", pki.ca, "--cert", pki.p("john.crt"),
                    "--key", pki.p("john.key"), "--login-options", "AUTH=EXTERNAL", "-u", "john@example.test:",
                    "pop3s://localhost:%d/1" % pop3s], capture_output=True)
t.like(r.stdout.decode(), r"Subject: by certificate", "curl pop3s with a client certificate, AUTH=EXTERNAL", )

# fetchmail over pop3s with a password, checking the server's certificate.
h = root.run(os.path.join(cmd, "userdbpw"), "-sha512", input=b"fetch-pass\n", env=env)
r = root.run(os.path.join(cmd, "userdb"), "john@example.test", "set", "systempw", input=h.stdout, env=env)
r2 = root.run(os.path.join(cmd, "makeuserdb"), env=env)
t.ok(h.returncode == 0 and r.returncode == 0 and r2.returncode == 0, "john gets a password")
got = root.p("var", "fetched")
rc = root.write("var/fetchmailrc", 'poll localhost protocol pop3 port %d user "john@example.test" password "fetch-pass" '
                'ssl sslcertck sslcertfile "%s" keep mda "/bin/sh -c \'cat >> %s\'"\n' % (pop3s, pki.ca, got), mode=0o600)
r = root.run("fetchmail", "-f", rc, "--nosyslog", "-N", "-i", root.p("var", "fetchids"), "--pidfile",
             root.p("var", "fetchmail.pid"), env={"HOME": root.path})
t.is_(r.returncode, 0, "fetchmail --ssl with sslcertck: exit 0")
t.ok(os.path.exists(got) and "Subject: by certificate" in open(got).read(), "fetchmail got the message over TLS",
     r.stdout.decode()[-400:] + r.stderr.decode()[-400:])
