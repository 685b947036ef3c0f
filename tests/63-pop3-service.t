#!/usr/bin/python3
"""package/service/pop3d/run with package/etc/pop3d: the service starts
tcpserver ... pop3-login authcheck pop3d on $POSTERN_POP3_PORT, a client
logs in, and the log lines are the documented ones; with POP3DSTART not
YES it does not listen."""
import os
import poplib
import shutil
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, TOP, free_port, wait_port  # noqa: E402
from pop3test import Pop3Root, Raw, have, PASSWORD  # noqa: E402

if not have("pop3-login", "pop3d", "authcheck", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP authcheck and the userdb tools are not built")
    sys.exit(0)

t = Tap()
root = Pop3Root()
md = root.account("demo")
root.deliver_local(md, b"Subject: via the service\n\nhello\n")
shutil.copy(os.path.join(TOP, "package", "etc", "pop3d"), root.p("etc", "pop3d"))
if root.as_root:
    users = "DAEMONUSER=nobody\nQUEUEUSER=mail\nMAILUSER=mail\n"
else:
    me = subprocess.run(["id", "-un"], capture_output=True).stdout.decode().strip()
    users = "DAEMONUSER=%s\nQUEUEUSER=%s\nMAILUSER=%s\n" % (me, me, me)
root.write("etc/users", users)
run = os.path.join(TOP, "package", "service", "pop3d", "run")


def service(extra=None):
    port = free_port()
    env = dict(os.environ, POSTERN_HOME=root.path, POSTERN_POP3_PORT=str(port),
               POSTERN_COMMAND_DIR=root.cmd_dir)
    env.update(extra or {})
    log = open(root.p("var", "service-%d.log" % port), "wb")
    proc = subprocess.Popen([run], env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            cwd=os.path.dirname(run), start_new_session=True)
    root.procs.append(proc)   # stopped at exit even if a check throws
    return proc, port, root.p("var", "service-%d.log" % port)


def stop(proc):
    os.killpg(proc.pid, signal.SIGTERM)
    proc.wait(5)
    root.procs.remove(proc)


proc, port, logfile = service()
t.ok(wait_port(port), "the service listens on POSTERN_POP3_PORT")
p = poplib.POP3("127.0.0.1", port, timeout=10)
capa = p.capa()
t.ok("SASL" in capa and capa["SASL"] == ["PLAIN", "LOGIN", "CRAM-MD5"], "POP3AUTH from etc/pop3d", capa)
p.user("demo")
p.pass_(PASSWORD)
t.is_(p.stat()[0], 1, "login through the service")
p.dele(1)
p.quit()
time.sleep(0.3)
stop(proc)
with open(logfile) as f:
    log = f.read()
t.like(log, r"pop3d: listening on 127\.0\.0\.1:%d" % port, "run says where it listens")
t.like(log, r"pop3d: login user=demo ip=127\.0\.0\.1 messages=1", "login logged")
t.like(log, r"pop3d: logout user=demo ip=127\.0\.0\.1 retrieved=0 top=0 deleted=1 deleted_bytes=\d+ sent=\d+",
       "logout logged with counts")
t.ok(PASSWORD not in log, "no password in the log")

# MAXPERIP: the third session from one address is turned away; a slot
# frees as soon as a session ends, even a killed one.
with open(root.p("etc", "pop3d")) as f:
    conf = f.read()
root.write("etc/pop3d", conf.replace("MAXPERIP=4", "MAXPERIP=2"))
def live_slots(want, timeout=10.0):
    """Waits until want sessions hold a slot in var/run/pop3-perip."""
    import fcntl
    d = root.p("var", "run", "pop3-perip")
    end = time.time() + timeout
    while True:
        live = 0
        for n in os.listdir(d) if os.path.isdir(d) else []:
            try:
                with open(os.path.join(d, n)) as f:
                    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                live += 1
            except OSError:
                pass
        if live == want or time.time() > end:
            return live


def idle(logfile, timeout=10.0):
    """Waits until every connection tcpserver took has ended (the port
    probe's pop3-login holds a slot until it sees end of file)."""
    end = time.time() + timeout
    while time.time() < end:
        with open(logfile) as f:
            log = f.read()
        started = log.count("tcpserver: pid ")
        if started >= 1 and started == log.count("tcpserver: end "):
            return True
        time.sleep(0.05)
    return False


proc, port, logfile = service()
wait_port(port)
idle(logfile)
live_slots(0)
a = Raw(port)
first = a.line()
b = Raw(port)
t.is_((first, b.line()), ("+OK Hello there.", "+OK Hello there."), "two sessions from one address")
c = Raw(port)
t.is_(c.line(), "-ERR [SYS/TEMP] Too many connections from your address.", "MAXPERIP=2: the third refused")
c.close()
a.cmd("USER demo")
t.is_(a.cmd("PASS " + PASSWORD), "+OK logged in.", "a session that logged in still holds its slot")
c = Raw(port)
t.like(c.line(), r"^-ERR \[SYS/TEMP\]", "still refused while both last")
c.close()
b.close()
t.is_(live_slots(1), 1, "a slot frees when a session ends")
c = Raw(port)
t.is_(c.line(), "+OK Hello there.", "and a new session gets it")
c.close()
a.close()
stop(proc)
with open(logfile) as f:
    t.like(f.read(), r"pop3-login: refused ip=127\.0\.0\.1 reason=MAXPERIP", "refusal logged")

root.write("etc/pop3d", conf.replace("POP3DSTART=YES", "POP3DSTART=NO"))
proc, port, logfile = service()
time.sleep(0.5)
t.ok(not wait_port(port, timeout=0.5), "POP3DSTART=NO: nothing listens")
stop(proc)
with open(logfile) as f:
    t.like(f.read(), "POP3DSTART is not YES", "and it says why")
