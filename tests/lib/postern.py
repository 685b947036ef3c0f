"""Helpers for python tests/*.t: TAP output, a temporary POSTERN_HOME,
free loopback ports, and servers started under tcpserver and stopped by PID."""

import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
COMMAND_DIR = os.environ.get("POSTERN_COMMAND_DIR") or os.path.join(TOP, "command")
os.environ["POSTERN_COMMAND_DIR"] = COMMAND_DIR
os.environ["PATH"] = COMMAND_DIR + os.pathsep + os.environ.get("PATH", "")


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0
        atexit.register(self._plan)

    def ok(self, cond, name, diag=None):
        self.count += 1
        if not cond:
            self.failed += 1
        print(("ok" if cond else "not ok"), self.count, "-", name, flush=True)
        if not cond and diag is not None:
            for line in str(diag).splitlines() or [""]:
                print("#  ", line, flush=True)
        return bool(cond)

    def is_(self, got, want, name):
        return self.ok(got == want, name, "got: %r\nexpected: %r" % (got, want))

    def like(self, got, pattern, name):
        import re
        return self.ok(re.search(pattern, got or "") is not None, name,
                       "got: %r\nexpected to match: %r" % (got, pattern))

    def diag(self, text):
        for line in str(text).splitlines():
            print("#", line, flush=True)

    def _plan(self):
        print("1..%d" % self.count, flush=True)
        if self.failed:
            os._exit(1)


def command(name):
    return os.path.join(COMMAND_DIR, name)


_machine_locks = []


def machine_lock(name):
    """Holds /tmp/postern-NAME.lock (flock) until the test exits, so
    tests that listen on fixed addresses (dnsmasq on port 53, peers on
    port 25) wait for each other instead of colliding when two test runs
    share a machine."""
    import fcntl
    f = open(os.path.join(tempfile.gettempdir(), "postern-%s.lock" % name), "a")
    fcntl.flock(f, fcntl.LOCK_EX)
    _machine_locks.append(f)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_port(port, host="127.0.0.1", timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        try:
            socket.create_connection((host, port), 0.2).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


class Root:
    """A temporary POSTERN_HOME with etc/, queue/, var/ and command/."""

    def __init__(self):
        self.path = tempfile.mkdtemp(prefix="postern-test.")
        for d in ("etc", "var", "queue"):
            os.makedirs(os.path.join(self.path, d), exist_ok=True)
        os.symlink(COMMAND_DIR, os.path.join(self.path, "command"))
        os.environ["POSTERN_HOME"] = self.path
        if os.geteuid() == 0:
            # As root (CI), servers run as nobody: the root must be
            # reachable by it, and so must the programs.
            os.chmod(self.path, 0o755)
            if subprocess.run(["setuidgid", "nobody", "test", "-x", COMMAND_DIR + "/."]).returncode != 0:
                os.unlink(os.path.join(self.path, "command"))
                shutil.copytree(COMMAND_DIR, os.path.join(self.path, "command"), symlinks=True)
        self.procs = []
        atexit.register(self.cleanup)

    def p(self, *parts):
        return os.path.join(self.path, *parts)

    def write(self, rel, text, mode=None):
        path = self.p(rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        if mode is not None:
            os.chmod(path, mode)
        return path

    def run(self, *args, input=None, env=None, check=False):
        e = dict(os.environ)
        e["POSTERN_HOME"] = self.path
        if env:
            e.update(env)
        return subprocess.run(list(args), input=input, env=e, capture_output=True, check=check)

    def start(self, args, env=None, port=None):
        """Starts a long-running process (e.g. tcpserver ...) and waits for its port."""
        e = dict(os.environ)
        e["POSTERN_HOME"] = self.path
        if env:
            e.update(env)
        proc = subprocess.Popen(list(args), env=e, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=open(self.p("var", "log-%d" % len(self.procs)), "wb"),
                                start_new_session=True)
        self.procs.append(proc)
        if port is not None and not wait_port(port):
            raise RuntimeError("nothing listens on port %d: %r" % (port, args))
        return proc

    def log(self, index=0):
        try:
            with open(self.p("var", "log-%d" % index), "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def cleanup(self):
        for proc in self.procs:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except OSError:
                pass
        for proc in self.procs:
            try:
                proc.wait(5)
            except Exception:
                pass
        if os.environ.get("POSTERN_KEEP_ROOT"):
            print("# kept", self.path, file=sys.stderr)
        else:
            shutil.rmtree(self.path, ignore_errors=True)
