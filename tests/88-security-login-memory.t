#!/usr/bin/python3
"""Pre-auth servers keep no password after a failed login: imap-login,
pop3-login and smtpd are each sent wrong passwords by every mechanism
that carries one (IMAP LOGIN as atom, quoted string and literal;
AUTHENTICATE/AUTH PLAIN and LOGIN; POP3 PASS), and a LOGIN over IMAPS
also checks tlsd, which decrypted it. Once the failure is
answered the server's writable memory is searched, through
/proc/PID/mem, for the password and its base64 forms. A session that
stays open after a failure must not hold the secret for whoever takes
the process over next."""
import base64
import os
import socket
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from imaptest import ImapRoot, Raw as ImapRaw, have  # noqa: E402
from pop3test import Pop3Root, Raw as Pop3Raw  # noqa: E402
from smtpin import Mailroot, Raw as SmtpRaw  # noqa: E402
import tlstest  # noqa: E402

if os.geteuid() != 0:
    print("1..0 # SKIP reading another user's /proc/PID/mem needs root")
    sys.exit(0)
if not have("tlsd", "imap-login", "pop3-login", "smtpd", "imapd", "pop3d", "authcheck", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP authcheck and the userdb tools are not built")
    sys.exit(0)

t = Tap()
b64 = lambda s: base64.b64encode(s if isinstance(s, bytes) else s.encode()).decode()


def processes():
    """{pid: (comm, ppid)} of every process."""
    out = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                st = f.read()
        except OSError:
            continue
        out[int(d)] = (st[st.index("(") + 1:st.rindex(")")], int(st[st.rindex(")") + 2:].split()[1]))
    return out


def server_pid(listener, name):
    """The process running NAME below tcpserver (the open session)."""
    for _ in range(100):
        procs = processes()
        for pid, (comm, ppid) in procs.items():
            while comm == name and ppid > 1:
                if ppid == listener.pid:
                    return pid
                ppid = procs.get(ppid, ("", 0))[1]
        time.sleep(0.05)
    raise RuntimeError("no %s below tcpserver %d" % (name, listener.pid))


def writable_memory(pid):
    """Every private writable mapping's bytes: heap, stack, data,
    anonymous; not the sanitiser's shadow maps (hundreds of MB and more,
    holding no data of the program's)."""
    out = []
    with open("/proc/%d/maps" % pid) as maps, open("/proc/%d/mem" % pid, "rb", 0) as mem:
        for ln in maps:
            f = ln.split()
            if f[1][:2] != "rw" or (len(f) > 5 and f[5] in ("[vvar]", "[vsyscall]")):
                continue
            lo, hi = (int(x, 16) for x in f[0].split("-"))
            if hi - lo > 64 << 20:
                continue
            try:
                mem.seek(lo)
                out.append(mem.read(hi - lo))
            except OSError:
                pass
    return b"".join(out)


def forms(secret):
    s = secret.encode()
    return [s, b64(s).encode()]


def leaves_nothing(listener, name, secrets, what, sync):
    """sync() runs one more command: its reply means the failed one,
    cleanup included, is over."""
    sync()
    mem = writable_memory(server_pid(listener, name))
    found = [x for s in secrets for x in forms(s) if x in mem]
    t.ok(len(mem) > 0 and not found, "%s: %s keeps no copy of the password" % (name, what), found)


# imap-login
root = ImapRoot()
root.account("demo")
port = root.start_imap({"IMAP_CAPABILITY": "IMAP4rev1 AUTH=PLAIN AUTH=LOGIN", "IMAP_MAX_FAILURES": "20"})
listener = root.procs[-1]
r = ImapRaw(port)
r.line()
noop = lambda: r.cmd("NOOP", tag="s")
_, tag = r.cmd("LOGIN demo Atom-secret-1", tag="a1")
t.like(tag, r"^a1 NO ", "imap LOGIN atom refused")
leaves_nothing(listener, "imap-login", ["Atom-secret-1"], "LOGIN with an atom", noop)
_, tag = r.cmd('LOGIN demo "Quoted secret-2"', tag="a2")
t.like(tag, r"^a2 NO ", "imap LOGIN quoted refused")
leaves_nothing(listener, "imap-login", ["Quoted secret-2"], "LOGIN with a quoted string", noop)
r.send("a3 LOGIN demo {16}\r\n")
t.is_(r.line(), "+ OK", "literal continuation")
r.send("Literal-secret-3\r\n")
t.like(r.until_tagged("a3")[-1], r"^a3 NO ", "imap LOGIN literal refused")
leaves_nothing(listener, "imap-login", ["Literal-secret-3"], "LOGIN with a literal", noop)
_, tag = r.cmd("AUTHENTICATE PLAIN " + b64("\0demo\0Plain-secret-4"), tag="a4")
t.like(tag, r"^a4 NO ", "imap AUTHENTICATE PLAIN refused")
leaves_nothing(listener, "imap-login", ["Plain-secret-4", "\0demo\0Plain-secret-4"], "AUTHENTICATE PLAIN", noop)
r.send("a5 AUTHENTICATE LOGIN\r\n")
r.line()
r.send(b64("demo") + "\r\n")
r.line()
r.send(b64("Login-secret-5") + "\r\n")
t.like(r.line(), r"^a5 NO ", "imap AUTHENTICATE LOGIN refused")
leaves_nothing(listener, "imap-login", ["Login-secret-5"], "AUTHENTICATE LOGIN", noop)
r.close()

# IMAPS: tlsd held the decrypted password on its way to imap-login.
pki = tlstest.Pki(root)
cert = pki.issue("server", "/CN=localhost", "DNS:localhost,IP:127.0.0.1")
os.chmod(root.p("etc"), 0o755)
port = root.start_imap({"TLS_CERTFILE": cert, "TLS_TIMEOUT": "5", "IMAP_MAX_FAILURES": "20"}, pre=[root.c("tlsd")])
listener = root.procs[-1]
r = ImapRaw.__new__(ImapRaw)
r.s = tlstest.client_ctx(pki.ca).wrap_socket(socket.create_connection(("127.0.0.1", port), 10),
                                              server_hostname="localhost")
r.f = r.s.makefile("rb")
r.n = 0
r.line()
_, tag = r.cmd("LOGIN demo Tls-secret-11", tag="a6")
t.like(tag, r"^a6 NO ", "imaps LOGIN refused")
leaves_nothing(listener, "tlsd", ["Tls-secret-11"], "LOGIN over IMAPS", noop)
leaves_nothing(listener, "imap-login", ["Tls-secret-11"], "LOGIN over IMAPS", noop)
r.close()

# pop3-login
proot = Pop3Root()
proot.account("demo")
port = proot.start_pop3({"POP3_MAX_FAILURES": "20"})
listener = proot.procs[-1]
r = Pop3Raw(port)
r.line()
r.cmd("USER demo")
t.like(r.cmd("PASS Pass-secret-6"), r"^-ERR ", "pop3 PASS refused")
leaves_nothing(listener, "pop3-login", ["Pass-secret-6"], "USER and PASS", lambda: r.cmd("NOOP"))
t.like(r.cmd("AUTH PLAIN " + b64("\0demo\0Plain-secret-7")), r"^-ERR ", "pop3 AUTH PLAIN refused")
leaves_nothing(listener, "pop3-login", ["Plain-secret-7", "\0demo\0Plain-secret-7"], "AUTH PLAIN", lambda: r.cmd("NOOP"))
r.cmd("AUTH LOGIN")
r.cmd(b64("demo"))
t.like(r.cmd(b64("Login-secret-8")), r"^-ERR ", "pop3 AUTH LOGIN refused")
leaves_nothing(listener, "pop3-login", ["Login-secret-8"], "AUTH LOGIN", lambda: r.cmd("NOOP"))
r.close()

# smtpd
sroot = Mailroot()
port = sroot.start_smtpd()
listener = sroot.procs[-1]
r = SmtpRaw(port)
r.reply()
r.cmd("EHLO client.example")
t.like(r.cmd("AUTH PLAIN " + b64("\0demo@hosted.test\0Plain-secret-9")), r"^535 ", "smtpd AUTH PLAIN refused")
leaves_nothing(listener, "smtpd", ["Plain-secret-9", "\0demo@hosted.test\0Plain-secret-9"], "AUTH PLAIN", lambda: r.cmd("NOOP"))
t.like(r.cmd("AUTH LOGIN"), r"^334 ", "smtpd AUTH LOGIN")
r.cmd(b64("demo@hosted.test"))
t.like(r.cmd(b64("Login-secret-10")), r"^535 ", "smtpd AUTH LOGIN refused")
leaves_nothing(listener, "smtpd", ["Login-secret-10"], "AUTH LOGIN", lambda: r.cmd("NOOP"))
r.close()
