#!/usr/bin/python3
"""authcheck is setuid root and runnable by the daemon user's group. A
process running as the daemon user (a compromised smtpd, imap-login or
pop3-login) must gain nothing a network client could not: no login from
a forged SSL_PEER_LOGIN or a stolen proof, no replay of a CRAM-MD5 or
APOP exchange it saw, no stale or self-made challenge, and no account
details from authcheck -l. The attacks run as nobody against authcheck
installed 4750 root:nogroup, as package/install does."""
import grp
import hashlib
import hmac
import os
import pwd
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, Root, command  # noqa: E402

if os.geteuid() != 0:
    print("1..0 # SKIP authcheck is privileged only when installed setuid root")
    sys.exit(0)

t = Tap()
r = Root()
nobody = pwd.getpwnam("nobody")
mail = pwd.getpwnam("mail")
# The installed layout: a private command/ with authcheck 4750 root and
# the daemon user's group.
cmd = r.p("command")
if os.path.islink(cmd):
    os.unlink(cmd)
    shutil.copytree(os.path.realpath(command(".")), cmd)
os.chmod(cmd, 0o755)
authcheck = os.path.join(cmd, "authcheck")
os.chown(authcheck, 0, nobody.pw_gid)
os.chmod(authcheck, 0o4750)
for d in ("etc", "var", "queue"):
    os.chmod(r.p(d), 0o755)
os.chown(r.p("queue"), mail.pw_uid, mail.pw_gid)   # queue/ belongs to QUEUEUSER
home = r.p("var", "victim")
os.makedirs(home)
os.chown(home, mail.pw_uid, mail.pw_gid)
r.write("etc/authdaemonrc", 'authmodulelist="authuserdb"\nAUTHFAILDELAY=0\n')
os.makedirs(r.p("etc/userdb"), mode=0o700)


def tool(*args, input=None):
    p = r.run(os.path.join(cmd, args[0]), *args[1:], input=input)
    assert p.returncode == 0, p.stderr
    return p.stdout


PASSWORD, APOPPW = "victim-pass", "victim-apop"
tool("userdb", "main/victim", "set", "home=" + home, "uid=%d" % mail.pw_uid, "gid=%d" % mail.pw_gid)
tool("userdb", "main/victim", "set", "systempw", input=tool("userdbpw", "-sha512", input=PASSWORD.encode() + b"\n"))
tool("userdb", "main/victim", "set", "hmac-md5pw", input=tool("userdbpw", "-hmac-md5", input=PASSWORD.encode() + b"\n"))
tool("userdb", "main/victim", "set", "apoppw", input=APOPPW.encode() + b"\n")
tool("makeuserdb")


def run(args, fd3=b"", as_user="nobody", env=None, shell_fork=False):
    """authcheck ARGS with fd3 on descriptor 3, as as_user (None: root).
    shell_fork: a shell as_user forks authcheck (its child), else execs it."""
    script = '"$0" "$@" 3<&0 </dev/null; exit $?' if shell_fork else 'exec "$0" "$@" 3<&0 </dev/null'
    argv = ["sh", "-c", script, authcheck] + list(args)
    if as_user:
        argv = ["setuidgid", as_user] + argv
    e = {"PATH": os.environ["PATH"], "POSTERN_HOME": r.path}
    e.update(env or {})
    p = subprocess.run(argv, input=fd3, env=e, capture_output=True)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def creds(*fields):
    return b"".join((f if isinstance(f, bytes) else f.encode()) + b"\0" for f in fields)


def cram(challenge, password=PASSWORD):
    return hmac.new(password.encode(), challenge.encode(), hashlib.md5).hexdigest()


CRAM = {"AUTHCHECK_MECH": "CRAM-MD5", "AUTHCHECK_SERVICE": "imap"}
APOP = {"AUTHCHECK_MECH": "APOP", "AUTHCHECK_SERVICE": "pop3"}
EXTERNAL = {"AUTHCHECK_MECH": "EXTERNAL", "AUTHCHECK_SERVICE": "imap"}
ID = ["/usr/bin/id", "-u"]

# The daemon user may run it; anyone else may not.
code, chal, err = run(["-C", "mail.example.test"])
chal = chal.strip()
t.ok(code == 0 and chal.startswith("<") and chal.endswith("@mail.example.test>"),
     "nobody (the daemon user) gets a challenge from authcheck -C", err)
code, _, _ = run(["-C"], as_user="daemon")
t.ok(code != 0, "a user outside the daemon group cannot run authcheck")
st = os.stat(r.p("var/authcheck/key"))
t.ok(st.st_uid == 0 and st.st_mode & 0o777 == 0o600, "var/authcheck/key: root's, mode 600")
code, _, _ = subprocess.run(["setuidgid", "nobody", "cat", r.p("var/authcheck/key")], capture_output=True).returncode, 0, 0
t.ok(code != 0, "nobody cannot read the key")

# --- The legitimate path still works: a client that knows the password.
code, out, err = run(ID, creds("victim", chal, cram(chal)), env=CRAM)
t.ok((code, out.strip()) == (0, str(mail.pw_uid)), "CRAM-MD5 with a minted challenge logs in (as the account)", err)

# --- 1. Replaying the exchange it saw, for ever: refused.
code, out, err = run(ID, creds("victim", chal, cram(chal)), env=CRAM)
t.ok(code == 1 and out == "" and "reason=replayed-challenge" in err, "the same challenge and response again: refused", err)
code, _, err = run(["-c"], creds("victim", chal, cram(chal)), env=CRAM)
t.ok(code == 1 and "reason=replayed-challenge" in err, "  and with -c too", err)

# --- 2. A challenge of its own choosing (as before authcheck minted them).
own = "<1896.697170952@postoffice.reston.mci.net>"
code, out, err = run(ID, creds("victim", own, cram(own)), env=CRAM)
t.ok(code == 1 and "reason=forged-challenge" in err, "a challenge the caller made up: refused", err)

# --- 3. A minted challenge altered (time moved on, host changed).
c2 = run(["-C", "mail.example.test"])[1].strip()
head, tail = c2[1:].split(".", 1)
when, rest = tail.split(".", 1)
moved = "<%s.%d.%s" % (head, int(when) + 120, rest)
code, _, err = run(["-c"], creds("victim", moved, cram(moved)), env=CRAM)
t.ok(code == 1 and "reason=forged-challenge" in err, "a minted challenge with its time changed: refused", err)
elsewhere = c2.replace("@mail.example.test>", "@evil.example>")
code, _, err = run(["-c"], creds("victim", elsewhere, cram(elsewhere)), env=CRAM)
t.ok(code == 1 and "reason=forged-challenge" in err, "with its host changed: refused", err)

# --- 4. A stale challenge, correctly signed (only root can make one).
key = open(r.p("var/authcheck/key"), "rb").read()


def signed(when, host="mail.example.test"):
    body = "00112233445566778.%d@%s" % (when, host)
    mac = hmac.new(key, b"challenge\0" + body.encode(), hashlib.sha256).hexdigest()[:32]
    return "<00112233445566778.%d.%s@%s>" % (when, mac, host)


old = signed(int(time.time()) - 3600)
code, _, err = run(["-c"], creds("victim", old, cram(old)), env=CRAM)
t.ok(code == 1 and "reason=stale-challenge" in err, "a genuine challenge an hour old: refused as stale", err)

# --- 5. APOP: the greeting's timestamp is authcheck's, used once.
stamp = run(["-C", "pop.example.test"])[1].strip()
digest = hashlib.md5((stamp + APOPPW).encode()).hexdigest()
t.is_(run(["-c"], creds("victim", stamp, digest), env=APOP)[0], 0, "APOP with a minted timestamp")
code, _, err = run(["-c"], creds("victim", stamp, digest), env=APOP)
t.ok(code == 1 and "reason=replayed-challenge" in err, "the APOP exchange replayed: refused", err)
rfc = "<1896.697170952@dbc.mtview.ca.us>"
code, _, err = run(["-c"], creds("victim", rfc, hashlib.md5((rfc + APOPPW).encode()).hexdigest()), env=APOP)
t.ok(code == 1 and "reason=forged-challenge" in err, "APOP with a timestamp the caller chose: refused", err)

# --- 6. EXTERNAL from a forged SSL_PEER_LOGIN.
code, out, err = run(ID, creds("", ""), env=dict(EXTERNAL, SSL_PEER_LOGIN="victim"))
t.ok(code == 1 and out == "" and "reason=certificate-not-proven" in err,
     "EXTERNAL with SSL_PEER_LOGIN set by the caller: refused, nothing runs", err)
code, out, err = run(ID, creds("victim", ""),
                     env=dict(EXTERNAL, SSL_PEER_LOGIN="victim", SSL_PEER_LOGIN_PROOF="%d.1.%s" % (os.getpid(), "a" * 32)))
t.ok(code == 1 and out == "" and "reason=forged-certificate-proof" in err, "with a made-up proof: refused", err)


def proc_start(pid):
    with open("/proc/%d/stat" % pid) as f:
        return int(f.read().rsplit(")", 1)[1].split()[19])


def proof(login, pid):
    start = proc_start(pid)
    ident = "%d.%d" % (pid, start)
    mac = hmac.new(key, b"external\0" + login.encode() + b"\0" + ident.encode(), hashlib.sha256).hexdigest()[:32]
    return "%s.%s" % (ident, mac)


# A genuine proof, as tlsd gives it to its own child: here this test
# process plays tlsd, and a shell it starts (as nobody) runs authcheck.
mine = proof("victim", os.getpid())
code, out, err = run(ID, creds("", ""), env=dict(EXTERNAL, SSL_PEER_LOGIN="victim", SSL_PEER_LOGIN_PROOF=mine),
                     shell_fork=True)
t.ok((code, out.strip()) == (0, str(mail.pw_uid)), "a genuine proof, used by the child of the process it names", err)
# The same proof stolen by a process that is not that child (another
# pre-auth session): authcheck's parent's parent is not the prover.
code, out, err = run(ID, creds("", ""), env=dict(EXTERNAL, SSL_PEER_LOGIN="victim", SSL_PEER_LOGIN_PROOF=mine))
t.ok(code == 1 and out == "" and "reason=certificate-proof-of-another-session" in err,
     "the same proof used from another process tree: refused", err)
# A proof for one login does not name another.
code, out, err = run(ID, creds("", ""), env=dict(EXTERNAL, SSL_PEER_LOGIN="other", SSL_PEER_LOGIN_PROOF=mine),
                     shell_fork=True)
t.ok(code == 1 and "reason=forged-certificate-proof" in err, "a proof for victim does not log in another login", err)
# A proof naming a process that has gone (its pid may come back).
gone = subprocess.Popen(["true"])
gone_proof = proof("victim", gone.pid)
gone.wait()
code, _, err = run(ID, creds("", ""), env=dict(EXTERNAL, SSL_PEER_LOGIN="victim", SSL_PEER_LOGIN_PROOF=gone_proof),
                   shell_fork=True)
t.ok(code == 1 and "reason=certificate-proof-of-another-session" in err, "a proof of a process that has exited: refused", err)

# --- 7. authcheck -l: the daemon user learns only whether it exists.
code, out, err = run(["-l", "victim"])
t.is_((code, out), (0, ""), "authcheck -l as nobody: exit 0, no fields")
code, out, err = run(["-l", "nosuch"])
t.is_((code, out), (100, ""), "authcheck -l of an unknown address as nobody: 100")
code, out, err = run(["-l", "victim"], as_user=None)
t.ok(code == 0 and "HOME=%s\n" % home in out and "UID=%d\n" % mail.pw_uid in out, "as root: every field", out + err)
os.chown(authcheck, 0, mail.pw_gid)   # the queue user (owner of queue/) may run it too
os.chmod(authcheck, 0o4750)
code, out, err = run(["-l", "victim"], as_user="mail")
t.ok(code == 0 and "MAILDIR=" in out, "as the owner of queue/ (QUEUEUSER): every field", out + err)
os.chown(authcheck, 0, nobody.pw_gid)
os.chmod(authcheck, 0o4750)

# --- 8. A key directory someone else could have touched: no challenges.
os.chmod(r.p("var/authcheck"), 0o755)
code, out, err = run(["-C"])
t.ok(code == 111 and out == "", "var/authcheck readable by others: authcheck -C refuses (111)", err)
os.chmod(r.p("var/authcheck"), 0o700)
os.chown(r.p("var"), nobody.pw_uid, -1)
code, out, err = run(["-C"])
t.ok(code == 111 and out == "", "var/ owned by the daemon user: refused too (it could swap var/authcheck)", err)
os.chown(r.p("var"), 0, -1)
t.is_(run(["-C"])[0], 0, "and fine again")

# --- 9. One pre-auth session cannot read another: pop3-login, waiting
# for a client, is not dumpable, so another process of the daemon user
# can neither trace it nor read its environment (a TLS login's proof).
login = subprocess.Popen(["setuidgid", "nobody", os.path.join(cmd, "pop3-login"), "authcheck", os.path.join(cmd, "pop3d")],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         env={"PATH": os.environ["PATH"], "POSTERN_HOME": r.path, "SSL_PEER_LOGIN_PROOF": "secret-of-this-session"})
greeting = login.stdout.readline()
t.like(greeting.decode(), r"^\+OK", "pop3-login runs as nobody and greets")
peek = subprocess.run(["setuidgid", "nobody", "cat", "/proc/%d/environ" % login.pid], capture_output=True)
t.ok(peek.returncode != 0 and b"secret-of-this-session" not in peek.stdout,
     "another process of the daemon user cannot read its environment", peek.stderr)
login.stdin.write(b"QUIT\r\n")
login.stdin.close()
login.wait(10)
