#!/usr/bin/python3
"""authcheck: each module (userdb, passwd, shadow, PAM) with the test
root's own files, every hash type, CRAM-MD5 (RFC 2195), account options,
the uid/gid drop, bad input on fd 3, temporary failures and lookups."""
import hashlib, hmac, os, subprocess, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, Root, command

t = Tap()
r = Root()
ROOT = os.geteuid() == 0
UID, GID = (65534, 65534) if ROOT else (os.getuid(), os.getgid())
home = r.p("home")
os.makedirs(home)
if ROOT:
    os.chown(home, UID, GID)
os.chmod(r.p("etc"), 0o755)

def rc_conf(modules, extra=""):
    r.write("etc/authdaemonrc",
            'authmodulelist="%s"\nAUTHFAILDELAY=0\nAUTHPWD_PASSWD=%s\nAUTHSHADOW_SHADOW=%s\nAUTHPAM_CONFDIR=%s\n%s'
            % (modules, r.p("passwd"), r.p("shadow"), r.p("pam.d"), extra))

def auth(fd3, args=("-c",), service=None, mech=None, env=None):
    """Runs authcheck with fd3 on descriptor 3; returns (code, stdout, stderr)."""
    e = {}
    if service: e["AUTHCHECK_SERVICE"] = service
    if mech: e["AUTHCHECK_MECH"] = mech
    if env: e.update(env)
    p = r.run("sh", "-c", 'exec "$0" "$@" 3<&0 </dev/null', command("authcheck"), *args, input=fd3, env=e)
    return p.returncode, p.stdout.decode(), p.stderr.decode()

def creds(*fields):
    return b"".join(f.encode() + b"\0" for f in fields)

# Hashes of "secret" in every form: crypt(3) and the prefixed ones.
HASHES = {
    "md5crypt": "$1$saltsalt$9xy1btjgzLYfb7hivXtC//",
    "sha256crypt": "$5$saltsalt$0IyaXrmV7.sGNS6tirgqHLqX/G.FBvgkYA.lpPdS5sA",
    "sha512crypt": "$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1",
    "yescrypt": "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$GmcwIgvdUC9qLWcKCi6gklUa1dM3ziD43YxYNURLKy0",
    "bcrypt": "$2b$05$abcdefghijklmnopqrstuuOQiyCxlgf/oeuTqixKmWdcYUh4Hjl0a",
    "des": "abNANd1rDfiNc",
    "crypt": "{CRYPT}$1$saltsalt$9xy1btjgzLYfb7hivXtC//",
    "md5": "{MD5}Xr4ilOzQ4PCOq3aQ0qbuaQ==",
    "sha": "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=",
    "sha256": "{SHA256}K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=",
    "ssha": "{SSHA}uJDd0BIdJ9Z7yDCZNWdgYeb33+cBAgME",
    "ssha512": "{SSHA512}MKbQg3rPvz03V+1S0+/jlDdn0B0IiGGxl7kZMimdo1IHHWN6DtzxJMCchsX5U1lrRY7apW/oopOgERexYda1nAECAwQ=",
}
passwd = ["h%s:%s:%d:%d::%s:/bin/sh" % (k, v, UID, GID, home) for k, v in HASHES.items()]
passwd += ["shad:x:%d:%d:Shadow User:%s:/bin/sh" % (UID, GID, home),
           "expired:x:%d:%d::%s:/bin/sh" % (UID, GID, home),
           "pamuser:x:%d:%d::%s:/bin/sh" % (UID, GID, home),
           "both:%s:%d:%d::%s:/bin/sh" % (HASHES["md5crypt"], UID, GID, home),
           "rooty:%s:0:0::%s:/bin/sh" % (HASHES["md5crypt"], home)]
r.write("passwd", "\n".join(passwd) + "\n")
r.write("shadow", "shad:%s:19000:0:99999:7:::\nexpired:%s:19000:0:99999:7::1:\n"
        % (HASHES["sha512crypt"], HASHES["sha512crypt"]), mode=0o600)

# authpwd: every hash type.
rc_conf("authpwd")
for name in HASHES:
    code, _, err = auth(creds("h" + name, "secret"))
    t.is_(code, 0, "authpwd %s: right password" % name)
    code, _, err2 = auth(creds("h" + name, "Secret"))
    t.is_(code, 1, "authpwd %s: wrong password" % name)
    t.ok("ecret" not in err + err2, "authpwd %s: no password in the log" % name, err + err2)
code, _, _ = auth(creds("shad", "secret"))
t.is_(code, 1, "authpwd cannot check a shadowed account")
code, _, err = auth(creds("rooty", "secret"))
t.is_(code, 1, "an account with uid 0 is refused")
t.like(err, "reason=uid-0", "and the log says why")

# authshadow.
rc_conf("authshadow")
t.is_(auth(creds("shad", "secret"))[0], 0, "authshadow: right password")
t.is_(auth(creds("shad", "wrong"))[0], 1, "authshadow: wrong password")
t.is_(auth(creds("expired", "secret"))[0], 1, "authshadow: an expired account is refused")
t.is_(auth(creds("nosuch", "secret"))[0], 1, "authshadow: unknown user")
os.rename(r.p("shadow"), r.p("shadow.bak"))
os.mkdir(r.p("shadow"))
code, _, err = auth(creds("shad", "secret"))
t.is_(code, 111, "authshadow: an unreadable shadow file is a temporary failure")
t.like(err, "unable to read", "and the log says so")
os.rmdir(r.p("shadow"))
os.rename(r.p("shadow.bak"), r.p("shadow"))

# authpam with a test PAM configuration: pop3 checks the password with
# pam_exec, imap refuses everyone, other services fall to "other".
os.makedirs(r.p("pam.d"))
r.write("pamcheck", '#!/bin/sh\npw=$(tr -d "\\000")\n[ "$pw" = pampass ]\n', mode=0o755)
r.write("pam.d/pop3", "auth required pam_exec.so expose_authtok quiet %s\naccount required pam_permit.so\n" % r.p("pamcheck"))
r.write("pam.d/imap", "auth required pam_deny.so\naccount required pam_permit.so\n")
r.write("pam.d/other", "auth required pam_deny.so\naccount required pam_deny.so\n")
rc_conf("authpam")
t.is_(auth(creds("pamuser", "pampass"), service="pop3")[0], 0, "authpam pop3: right password")
t.is_(auth(creds("pamuser", "wrong"), service="pop3")[0], 1, "authpam pop3: wrong password")
t.is_(auth(creds("pamuser", "pampass"), service="imap")[0], 1, "authpam: the service name picks the PAM stack (imap denies)")
t.is_(auth(creds("pamuser", "pampass"), service="esmtp")[0], 1, "authpam: an unconfigured service falls to other")
t.is_(auth(creds("nosuch", "pampass"), service="pop3")[0], 1, "authpam: an unknown user")

# authuserdb with CRAM-MD5: RFC 2195's example.
os.makedirs(r.p("etc/userdb"), mode=0o700)
def userdb(*args, input=None):
    return r.run(command("userdb"), *args, input=input)
def pw(kind, password):
    return r.run(command("userdbpw"), kind, input=password.encode() + b"\n").stdout
userdb("main/tim", "set", "home=" + home, "uid=%d" % UID, "gid=%d" % GID)
userdb("main/tim", "set", "systempw", input=pw("-md5", "tanstaaftanstaaf"))
userdb("main/tim", "set", "hmac-md5pw", input=pw("-hmac-md5", "tanstaaftanstaaf"))
userdb("main/both", "set", "home=" + home, "uid=%d" % UID, "gid=%d" % GID)
userdb("main/both", "set", "systempw", input=pw("-sha512", "userdbpass"))
userdb("main/opt", "set", "home=" + home, "uid=%d" % UID, "gid=%d" % GID,
       "options=disablepop3=1,disableimap=0", "quota=5000S", "mail=" + home + "/box")
userdb("main/opt", "set", "systempw", input=pw("-md5", "optpass"))
userdb("main/opt", "set", "imappw", input=pw("-md5", "imaponly"))
t.is_(r.run(command("makeuserdb")).returncode, 0, "makeuserdb")
rc_conf("authuserdb authpwd", 'DEFAULTOPTIONS="disableimap=1,wbnoimages=1"\n')
def mint(host="postoffice.example.test"):
    """A challenge from authcheck -C, the only kind it accepts."""
    p = r.run(command("authcheck"), "-C", host)
    assert p.returncode == 0, p.stderr
    return p.stdout.decode().rstrip("\n")

def cram(user, challenge, password="tanstaaftanstaaf"):
    return creds(user, challenge, hmac.new(password.encode(), challenge.encode(), hashlib.md5).hexdigest())

challenge = mint()
t.like(challenge, r"^<[0-9a-f]{16}\.\d+\.[0-9a-f]{32}@postoffice\.example\.test>$", "authcheck -C: <random.time.mac@host>")
t.ok(challenge != mint(), "two challenges differ")
t.like(mint("bad host<>"), r"@localhost>$", "a host with spaces or brackets becomes localhost")
t.is_(auth(cram("tim", challenge), mech="CRAM-MD5")[0], 0, "CRAM-MD5: the right digest for a minted challenge")
t.is_(auth(cram("tim", challenge), mech="CRAM-MD5")[0], 1, "CRAM-MD5: the same challenge and digest again are refused")
t.like(auth(cram("tim", challenge), mech="CRAM-MD5")[2], r"reason=replayed-challenge", "  and logged as a replay")
c2 = mint()
t.is_(auth(cram("tim", c2, "wrong"), mech="CRAM-MD5")[0], 1, "CRAM-MD5: a wrong digest")
t.is_(auth(cram("tim", c2), mech="CRAM-MD5")[0], 0, "a failed attempt leaves the challenge to the right digest")
t.is_(auth(cram("tim", c2), mech="CRAM-MD5")[0], 1, "which uses it up")
rfc = "<1896.697170952@postoffice.reston.mci.net>"
code, _, err = auth(creds("tim", rfc, "b913a602c7eda7a495b4e6e7334d3890"), mech="CRAM-MD5")
t.is_(code, 1, "CRAM-MD5: RFC 2195's example challenge, not minted here, is refused")
t.like(err, r"reason=forged-challenge", "  as forged")
c3 = mint()
forged = c3.replace("@postoffice.example.test>", "@other.example.test>")
t.is_(auth(cram("tim", forged), mech="CRAM-MD5")[0], 1, "a minted challenge with another host is refused")
parts = c3[1:].split(".")
stale = "<%s.%d.%s" % (parts[0], int(parts[1]) - 3600, ".".join(parts[2:]))
t.like(auth(cram("tim", stale), mech="CRAM-MD5")[2], r"reason=forged-challenge", "an edited time breaks the MAC")
# A correctly signed challenge (the test may read the key) that is too
# old, or from the future, is refused as stale.
key = open(r.p("var/authcheck/key"), "rb").read()
def signed(when, host="postoffice.example.test"):
    body = "0123456789abcdef.%d@%s" % (when, host)
    mac = hmac.new(key, b"challenge\0" + body.encode(), hashlib.sha256).hexdigest()[:32]
    return "<%s.%d.%s@%s>" % ("0123456789abcdef", when, mac, host)
import time
now = int(time.time())
code, _, err = auth(cram("tim", signed(now - 3600)), mech="CRAM-MD5")
t.ok(code == 1 and "reason=stale-challenge" in err, "a signed challenge an hour old is refused as stale", err)
code, _, err = auth(cram("tim", signed(now + 3600)), mech="CRAM-MD5")
t.ok(code == 1 and "reason=stale-challenge" in err, "one from the future too", err)
t.is_(auth(cram("tim", signed(now - 60)), mech="CRAM-MD5")[0], 0, "a signed one a minute old is good")
t.is_(auth(cram("tim", c3), mech="CRAM-MD5", args=("-c",))[0], 0, "CRAM-MD5 with -c")
t.is_(auth(cram("both", mint(), "userdbpass"), mech="CRAM-MD5")[0], 1,
      "CRAM-MD5: an account without hmac-md5pw is refused")
t.is_(os.stat(r.p("var/authcheck")).st_mode & 0o777, 0o700, "var/authcheck is private")
t.is_(os.stat(r.p("var/authcheck/key")).st_mode & 0o777, 0o600, "and so is its key")
t.is_(auth(creds("tim", "tanstaaftanstaaf"), mech="PLAIN")[0], 0, "PLAIN against systempw")
t.is_(auth(creds("tim", "tanstaaftanstaaf"), mech="LOGIN")[0], 0, "LOGIN against systempw")

# Module order: a bad password in one module lets the next one try.
t.is_(auth(creds("both", "userdbpass"))[0], 0, "the userdb password of an account in both")
t.is_(auth(creds("both", "secret"))[0], 0, "the passwd password of an account in both")
rc_conf("authpwd")
t.is_(auth(creds("tim", "tanstaaftanstaaf"))[0], 1, "a module not listed is not asked")
rc_conf("authuserdb authpwd", 'DEFAULTOPTIONS="disableimap=1,wbnoimages=1"\n')

# DEBUG_LOGIN logs each module's answer, never the password.
rc_conf("authuserdb authpwd", 'DEBUG_LOGIN=1\n')
code, _, err = auth(creds("both", "secret"))
t.ok(code == 0 and "authuserdb: refused" in err and "authpwd: accepted" in err and "secret" not in err,
     "DEBUG_LOGIN=1 logs each module's answer, not the password", err)
p = r.run(command("authtest"), "-s", "esmtp", "opt", "optpass")
t.ok(p.returncode == 0 and b"Authentication succeeded" in p.stdout, "authtest -s esmtp")
rc_conf("authuserdb authpwd", 'DEFAULTOPTIONS="disableimap=1,wbnoimages=1"\n')
p = r.run(command("authtest"), "-s", "pop3", "opt", "optpass")
t.is_(p.returncode, 1, "authtest -s pop3 honours disablepop3")

# Options and service passwords.
t.is_(auth(creds("opt", "optpass"), service="pop3")[0], 1, "disablepop3=1 refuses pop3")
t.is_(auth(creds("opt", "optpass"), service="esmtp")[0], 0, "but not esmtp")
t.is_(auth(creds("opt", "imaponly"), service="imap")[0], 0, "disableimap=0 overrides DEFAULTOPTIONS; imappw is imap's password")
t.is_(auth(creds("opt", "optpass"), service="imap")[0], 1, "systempw does not open imap when imappw is set")
t.is_(auth(creds("tim", "tanstaaftanstaaf"), service="imap")[0], 1, "DEFAULTOPTIONS disableimap=1 applies to others")
t.is_(auth(creds("tim", "tanstaaftanstaaf"), service="webmail")[0], 0, "webmail is open")

# The hand-off: environment, uid/gid, cwd, exec.
script = 'echo "$(id -u) $(id -g) $(id -G)"; pwd; for v in USER HOME MAILDIR MAILDIRQUOTA AUTHENTICATED AUTHADDR OPTIONS; do eval "echo $v=\\$$v"; done'
code, out, err = auth(creds("opt", "optpass"), args=("/bin/sh", "-c", script), service="webmail")
t.ok(code == 0, "authcheck execs the program", err)
lines = out.splitlines()
t.is_(lines[0] if lines else "", "%d %d %d" % (UID, GID, GID), "runs as the account's uid and gid, no other groups")
t.is_(lines[1:] , [home, "USER=opt", "HOME=" + home, "MAILDIR=%s/box" % home, "MAILDIRQUOTA=5000S",
                   "AUTHENTICATED=opt", "AUTHADDR=opt", "OPTIONS=wbnoimages=1,disablepop3=1,disableimap=0"],
      "cwd and environment")
code, out, _ = auth(creds("opt", "optpass"), args=("/bin/sh", "-c", "cat <&3 || echo closed"), service="webmail")
t.is_(out, "closed\n", "the program does not inherit descriptor 3")
code, out, _ = auth(creds("hmd5crypt", "secret"), args=("/bin/sh", "-c", "echo $MAILDIR; echo $USER"))
t.is_(out, "%s/Maildir\nhmd5crypt\n" % home, "a passwd account: MAILDIR is HOME/Maildir")
code, _, err = auth(creds("opt", "wrong"), args=("/bin/sh", "-c", "echo ran"))
t.is_(code, 1, "a bad password execs nothing")
if not ROOT:
    userdb("main/stranger", "set", "home=/", "uid=%d" % (UID + 1), "gid=%d" % GID, "systempw=" + HASHES["md5crypt"])
    r.run(command("makeuserdb"))
    code, out, err = auth(creds("stranger", "secret"), args=("/bin/true",))
    t.is_(code, 111, "not root: another uid cannot be taken")

# Bad input on fd 3: refused with 1, nothing crashes.
bad = {
    "no NUL at all": b"opt",
    "no password": b"opt\0",
    "password without its NUL": b"opt\0optpass",
    "empty password": b"opt\0\0",
    "empty login": b"\0optpass\0",
    "nothing": b"",
    "over-long": b"opt\0" + b"x" * 600 + b"\0",
    "binary": bytes(range(256)) * 3,
}
for name, data in bad.items():
    code, _, err = auth(data)
    t.is_(code, 1, "fd 3 %s: exit 1" % name)
code, _, _ = auth(b"opt\0optpass\0" + b"\0" * 490)
t.is_(code, 0, "trailing fields within 512 bytes are ignored")
p = r.run("sh", "-c", 'exec "$0" -c 3<&-', command("authcheck"))
t.is_(p.returncode, 111, "fd 3 closed: temporary failure")
t.is_(auth(creds("opt", "optpass"), service="ftp")[0], 100, "unknown AUTHCHECK_SERVICE: 100")
t.is_(auth(creds("opt", "optpass"), mech="DIGEST-MD5")[0], 100, "unknown AUTHCHECK_MECH: 100")
t.is_(auth(creds("tim", "x"), mech="CRAM-MD5")[0], 1, "CRAM-MD5 without a response: 1")
t.is_(auth(b"", args=())[0], 100, "no program: usage, 100")

# EXTERNAL: SSL_PEER_LOGIN alone, as any caller can set it, is not
# enough (tlsd's proof: tests 75 and 68 log in with certificates).
code, _, err = auth(b"\0\0", mech="EXTERNAL", env={"SSL_PEER_LOGIN": "tim"})
t.is_(code, 1, "EXTERNAL with a bare SSL_PEER_LOGIN is refused")
t.like(err, r"reason=certificate-not-proven", "  and logged so")
code, _, err = auth(b"tim\0\0", mech="EXTERNAL", env={"SSL_PEER_LOGIN": "tim", "SSL_PEER_LOGIN_PROOF": "1.2." + "0" * 32})
t.is_(code, 1, "EXTERNAL with a made-up proof is refused")
t.like(err, r"reason=forged-certificate-proof", "  as forged")
t.is_(auth(b"opt\0\0", mech="EXTERNAL", env={"SSL_PEER_LOGIN": "tim"})[0], 1, "EXTERNAL with another login")
t.is_(auth(b"tim\0\0", mech="EXTERNAL")[0], 1, "EXTERNAL without a verified certificate")

# Lookups.
code, out, _ = auth(b"", args=("-l", "opt"))
t.is_(code, 0, "-l finds a userdb account")
t.is_(out, "ADDRESS=opt\nUSER=opt\nUID=%d\nGID=%d\nHOME=%s\nMAILDIR=%s/box\nQUOTA=5000S\nOPTIONS=wbnoimages=1,disablepop3=1,disableimap=0\n"
      % (UID, GID, home, home), "-l output")
code, out, _ = auth(b"", args=("-l", "hsha"))
t.ok(code == 0 and "USER=hsha\n" in out, "-l finds a passwd account")
t.is_(auth(b"", args=("-l", "nosuch"))[0], 100, "-l of an unknown account: 100")

# An unreadable userdbshadow.cdb is a temporary failure, not a refusal.
os.rename(r.p("etc/userdbshadow.cdb"), r.p("etc/shadow.bak"))
os.mkdir(r.p("etc/userdbshadow.cdb"))
code, _, err = auth(creds("tim", "tanstaaftanstaaf"))
t.is_(code, 111, "unreadable userdbshadow.cdb: 111")
os.rmdir(r.p("etc/userdbshadow.cdb"))
if not ROOT:
    os.rename(r.p("etc/shadow.bak"), r.p("etc/userdbshadow.cdb"))
    os.chmod(r.p("etc/userdbshadow.cdb"), 0)
    t.is_(auth(creds("tim", "tanstaaftanstaaf"))[0], 111, "userdbshadow.cdb mode 000: 111")
    os.chmod(r.p("etc/userdbshadow.cdb"), 0o600)
else:
    os.rename(r.p("etc/shadow.bak"), r.p("etc/userdbshadow.cdb"))
t.is_(auth(creds("tim", "tanstaaftanstaaf"))[0], 0, "and fine again once readable")
r.write("etc/authdaemonrc", 'authmodulelist="authuserdb\nbroken line\n')
t.is_(auth(creds("tim", "tanstaaftanstaaf"))[0], 111, "a broken authdaemonrc: 111")
