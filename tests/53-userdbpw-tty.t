#!/usr/bin/python3
"""userdbpw on a terminal: asks twice without echo; refuses a mismatch."""
import os, pty, signal, sys, warnings
warnings.simplefilter("ignore", DeprecationWarning)
import crypt  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, command

t = Tap()
signal.alarm(30)  # a prompt never seen must not hang the test run

def run_tty(args, answers):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(command("userdbpw"), ["userdbpw"] + args)
    out = b""
    pending = list(answers)
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        # Answer each prompt once, after it is complete.
        prompts = out.lower().count(b"password: ")
        if pending and prompts > len(answers) - len(pending):
            os.write(fd, pending.pop(0).encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")

code, out = run_tty(["-sha512"], ["hunter2", "hunter2"])
t.is_(code, 0, "two matching entries")
t.like(out, r"Password: ", "asks for the password")
t.like(out, r"Reenter password: ", "and again")
t.ok("hunter2" not in out, "without echoing it", out)
hashes = [l for l in out.replace("\r", "").split("\n") if l.startswith("$6$")]
t.ok(len(hashes) == 1 and crypt.crypt("hunter2", hashes[0]) == hashes[0], "prints a SHA-512 crypt hash of it", out)
code, out = run_tty(["-md5"], ["one", "two"])
t.is_(code, 100, "two different entries: 100")
t.like(out, "differ", "and says so")
