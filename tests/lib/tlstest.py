"""TLS fixtures for tests: a private CA, server and client certificates
made with the openssl command, and tlsd services under tcpserver."""

import os
import pwd
import socket
import ssl
import subprocess
import time

import postern

HERE = os.path.dirname(os.path.abspath(__file__))
TLSECHO = os.path.join(HERE, "tlsecho.py")


def openssl(*args):
    subprocess.run(["openssl"] + list(args), check=True, capture_output=True)


class Pki:
    """CA, certificates and keys under DIR/tls, readable by the servers."""

    def __init__(self, root):
        self.dir = root.p("etc", "tls")
        os.makedirs(self.dir, exist_ok=True)
        os.chmod(self.dir, 0o755)
        self.ca = self.p("ca.pem")
        openssl("req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-days", "2", "-subj", "/CN=postern test CA", "-keyout", self.p("ca.key"),
                "-out", self.ca, "-addext", "basicConstraints=critical,CA:true",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign")

    def p(self, name):
        return os.path.join(self.dir, name)

    def issue(self, name, subj, san=None, key="ec", usage="serverAuth", signer=True):
        """NAME.pem holds key then certificate (as TLS_CERTFILE wants);
        NAME.crt and NAME.key separately for clients."""
        keyopt = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"] if key == "ec" \
            else ["-newkey", "rsa:2048"]
        ext = self.p(name + ".ext")
        with open(ext, "w") as f:
            f.write("extendedKeyUsage=%s\n" % usage)
            if san:
                f.write("subjectAltName=%s\n" % san)
        if signer:
            openssl("req", "-new", *keyopt, "-nodes", "-subj", subj, "-keyout", self.p(name + ".key"),
                    "-out", self.p(name + ".csr"))
            openssl("x509", "-req", "-in", self.p(name + ".csr"), "-CA", self.ca, "-CAkey", self.p("ca.key"),
                    "-CAcreateserial", "-days", "2", "-extfile", ext, "-out", self.p(name + ".crt"))
        else:
            openssl("req", "-x509", "-new", *keyopt, "-nodes", "-days", "2", "-subj", subj,
                    "-keyout", self.p(name + ".key"), "-out", self.p(name + ".crt"))
        with open(self.p(name + ".pem"), "w") as out:
            for part in (".key", ".crt"):
                with open(self.p(name + part)) as f:
                    out.write(f.read())
        for part in (".key", ".crt", ".pem"):
            os.chmod(self.p(name + part), 0o644)
        return self.p(name + ".pem")


def daemon_ids():
    """tcpserver -u/-g arguments: nobody when run as root."""
    if os.geteuid() != 0:
        return []
    pw = pwd.getpwnam("nobody")
    return ["-u", str(pw.pw_uid), "-g", str(pw.pw_gid)]


def tlsd_root_env():
    """As root, tlsd starts as root (to read authcheck's key, which AUTH
    EXTERNAL needs) and becomes nobody itself: tcpserver gets no -u/-g,
    tlsd these UID and GID."""
    if os.geteuid() != 0:
        return {}
    pw = pwd.getpwnam("nobody")
    return {"UID": str(pw.pw_uid), "GID": str(pw.pw_gid)}


class Services:
    def __init__(self, root):
        self.root = root
        self.logs = {}

    def start(self, name, tlsd_args, env):
        port = postern.free_port()
        e = {"TLS_TIMEOUT": "5"}
        e.update(env)
        args = ["tcpserver", "-HRl", "localhost"] + daemon_ids() + ["127.0.0.1", str(port),
                postern.command("tlsd")] + tlsd_args
        self.logs[name] = len(self.root.procs)
        self.root.start(args, env=e, port=port)
        return port

    def echo(self, name, proto, starttls=False, env=None):
        return self.start(name, (["-s"] if starttls else []) + [TLSECHO, proto], env or {})

    def log(self, name):
        return self.root.log(self.logs[name])

    def wait_log(self, name, pattern, timeout=5.0):
        import re
        end = time.time() + timeout
        while time.time() < end:
            text = self.log(name)
            if re.search(pattern, text):
                return text
            time.sleep(0.05)
        return self.log(name)


def client_ctx(ca=None, check_host=True, cert=None, key=None):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca:
        ctx.load_verify_locations(ca)
        ctx.check_hostname = check_host
    else:
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    if cert:
        ctx.load_cert_chain(cert, key)
    return ctx


def tls_connect(port, ctx, host="localhost", timeout=5):
    raw = socket.create_connection(("127.0.0.1", port), timeout)
    return ctx.wrap_socket(raw, server_hostname=host)


def lines(sock, want, limit=4096):
    """Reads from sock until a line starting with one of WANT prefixes."""
    data = b""
    while True:
        chunk = sock.recv(limit)
        if not chunk:
            return data.decode("utf-8", "replace")
        data += chunk
        for line in data.decode("utf-8", "replace").split("\r\n"):
            if any(line.startswith(w) for w in want):
                return data.decode("utf-8", "replace")
