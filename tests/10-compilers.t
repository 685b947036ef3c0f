#!/usr/bin/python3
# The configuration compilers: every table compiled and read back with
# tinycdb's `cdb -d` gives exactly the entries of its source; bad lines
# give one error with file and line, exit 100, and keep the old table.
import os
import socket
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, Root, command, free_port, wait_port

t = Tap()
r = Root()
E = r.p("etc")


def dump(path):
    """The records of a cdb as (key, value) pairs, NULs shown as '|', sorted."""
    out = subprocess.run(["cdb", "-d", path], capture_output=True, check=True).stdout
    recs, i = [], 0
    while i < len(out) and out[i:i + 1] == b"+":
        comma = out.index(b",", i)
        colon = out.index(b":", comma)
        klen, dlen = int(out[i + 1:comma]), int(out[comma + 1:colon])
        k = out[colon + 1:colon + 1 + klen]
        v = out[colon + 3 + klen:colon + 3 + klen + dlen]
        recs.append((k.decode(), v.decode().replace("\0", "|")))
        i = colon + 3 + klen + dlen + 1
    return sorted(recs)


def run(prog, *args):
    p = r.run(command(prog), *args)
    return p.returncode, p.stderr.decode().strip()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def bad_source(prog, rel, text, cdb, want_err, name):
    """A bad source: exit 100, the one error line, old table and no temporary file left."""
    before = read(cdb)
    r.write(rel, text)
    rc, err = run(prog)
    t.is_((rc, err), (100, prog + ": fatal: " + want_err), name)
    t.ok(read(cdb) == before and not os.path.exists(cdb + ".tmp"), name + ": the old table is kept")


# --- makehosteddomains -------------------------------------------------
r.write("etc/hosteddomains", "# hosted\r\nExample.Test\r\n\r\nmail.example.test\texample.test\r\n"
        ".Wild.Test.\n  example.test  \nalias.test   example.test\n")
rc, err = run("makehosteddomains")
t.is_((rc, err), (0, ""), "makehosteddomains compiles a file")
HD = os.path.join(E, "hosteddomains.cdb")
t.is_(dump(HD), [(".wild.test", ""), ("alias.test", "example.test"), ("example.test", ""),
                 ("mail.example.test", "example.test")],
      "hosteddomains round-trips: case, CRLF, comments, duplicates, wildcards, aliases")
bad_source("makehosteddomains", "etc/hosteddomains", "ok.test\n\na.test b.test c.test\n", HD,
           E + "/hosteddomains:3: more than one domain on a line: a.test b.test c.test", "three words")
bad_source("makehosteddomains", "etc/hosteddomains", "ok.test\nbad_domain\n", HD,
           E + "/hosteddomains:2: not a domain name: bad_domain", "a bad name")
bad_source("makehosteddomains", "etc/hosteddomains", "a.test\tb.test\nx.test\na.test\tc.test\n", HD,
           E + "/hosteddomains:3: conflicting entries for a.test (first at " + E + "/hosteddomains:1)",
           "an alias given two targets")
bad_source("makehosteddomains", "etc/hosteddomains", "a.test\t.b.test\n", HD,
           E + "/hosteddomains:1: a wildcard is not allowed here: a.test\t.b.test", "an alias of a wildcard")
bad_source("makehosteddomains", "etc/hosteddomains", "a.test\tA.test\n", HD,
           E + "/hosteddomains:1: a domain cannot be an alias of itself: a.test\tA.test", "an alias of itself")
os.unlink(r.p("etc/hosteddomains"))
r.write("etc/hosteddomains/b", "two.test\n")
r.write("etc/hosteddomains/a", "one.test\n")
r.write("etc/hosteddomains/c~", "backup.test\n")
r.write("etc/hosteddomains/.hidden", "hidden.test\n")
rc, err = run("makehosteddomains")
t.is_(dump(HD), [("one.test", ""), ("two.test", "")], "a hosteddomains directory: editor leftovers skipped")
os.symlink("/nonexistent/file", r.p("etc/hosteddomains/dangling"))
rc, err = run("makehosteddomains")
t.is_((rc, err), (111, "makehosteddomains: fatal: unable to read " + E + "/hosteddomains: No such file or directory"),
      "an unreadable part (a dangling link) exits 111")
t.is_(dump(HD), [("one.test", ""), ("two.test", "")], "and keeps the old table")
os.unlink(r.p("etc/hosteddomains/dangling"))
if os.geteuid() != 0:
    os.chmod(r.p("etc/hosteddomains/a"), 0)
    rc, err = run("makehosteddomains")
    t.is_((rc, err), (111, "makehosteddomains: fatal: unable to read " + E + "/hosteddomains: Permission denied"),
          "an unreadable file exits 111")
    os.chmod(r.p("etc/hosteddomains/a"), 0o644)
rc, err = run("makehosteddomains", "-x")
t.is_(rc, 100, "makehosteddomains takes no arguments")

# --- makeacceptmailfor -------------------------------------------------
AM = os.path.join(E, "esmtpacceptmailfor.cdb")
rc, err = run("makeacceptmailfor")
t.ok(rc == 0 and not os.path.exists(AM), "without sources there is no table (me is accepted)")
r.write("etc/esmtpacceptmailfor", "example.test\n.backup.test\n[192.0.2.1]\n")
r.write("etc/esmtpacceptmailfor.dir/d1", "domain1.test\r\n")
r.write("etc/esmtpacceptmailfor.dir/d2", "domain2.test\nexample.test\n")
rc, err = run("makeacceptmailfor")
t.is_(rc, 0, "makeacceptmailfor compiles the file and the directory")
t.is_(dump(AM), [(".backup.test", ""), ("[192.0.2.1]", ""), ("domain1.test", ""),
                 ("domain2.test", ""), ("example.test", "")], "esmtpacceptmailfor round-trips")
bad_source("makeacceptmailfor", "etc/esmtpacceptmailfor.dir/d3", "ok.test\nexample.test\tx.test\n", AM,
           E + "/esmtpacceptmailfor.dir/d3:2: more than one domain on a line: example.test\tx.test",
           "no alias form in esmtpacceptmailfor")
os.unlink(r.p("etc/esmtpacceptmailfor.dir/d3"))

# --- makealiases -------------------------------------------------------
r.write("etc/me", "Mail.Example.Test\n")
r.write("etc/locals", "localhost\r\n.wild.test\n[192.0.2.7]\n")
r.write("list.txt", "# members\nm1@x.test, m2@x.test\n\nm3@y.test\n")
r.write("etc/aliases/system",
        "root: postmaster\r\n"
        "postmaster: admin, admin@Example.Test\n"
        "MAILER-DAEMON: postmaster\n"
        "# a comment\n"
        "user: user, backup\n"
        "list: :include:" + r.p("list.txt") + "\n"
        "\"john smith\"@example.test: js\n"
        "@virtual.test: john\n"
        "prog: \"|/bin/cat > /dev/null, x\", /var/mail/x, /var/mail/x/Maildir/\n"
        "pipe: |/usr/bin/procmail -a x, y\n"
        "cont: a,\n"
        "  b,\n"
        "\tc\n"
        "foo@Mail.Example.Test: bar\n"
        "sales@example.test: a@example.test\n"
        "sales@example.test: b@example.test, a@example.test\n"
        "chain: sales@example.test, root\n"
        "v: x@virtual.test\n")
rc, err = run("makealiases", "-chk")
t.ok(rc == 0 and not os.path.exists(r.p("etc/aliases.cdb")), "makealiases -chk checks and writes nothing", err)
rc, err = run("makealiases")
t.is_((rc, err), (0, ""), "makealiases compiles a directory")
AL = os.path.join(E, "aliases.cdb")
t.is_(dump(AL), [
    ("\"john smith\"@example.test", "js|"),
    ("@virtual.test", "john|"),
    ("chain", "a@example.test|b@example.test|admin|admin@example.test|"),
    ("cont", "a|b|c|"),
    ("foo", "bar|"),
    ("list", "m1@x.test|m2@x.test|m3@y.test|"),
    ("mailer-daemon", "admin|admin@example.test|"),
    ("pipe", "|/usr/bin/procmail -a x, y|"),
    ("postmaster", "admin|admin@example.test|"),
    ("prog", "|/bin/cat > /dev/null, x|/var/mail/x|/var/mail/x/Maildir/|"),
    ("root", "admin|admin@example.test|"),
    ("sales@example.test", "a@example.test|b@example.test|"),
    ("user", "user|backup|"),
    ("v", "john-x|"),
], "aliases round-trip: merged duplicates, includes, continuations, expansion, local domains")
t.is_(dump(os.path.join(E, "locals.cdb")), [(".wild.test", ""), ("[192.0.2.7]", ""), ("localhost", ""),
                                            ("mail.example.test", ""), ("virtual.test", "@")],
      "locals.cdb holds me, locals and the qmail-style domains")
bad_source("makealiases", "etc/aliases/system", "a: b\nc d: e\n", AL,
           E + "/aliases/system:2: alias name is not an address: c d: e", "a bad alias name")
bad_source("makealiases", "etc/aliases/system", "a: b\n  c\nd: e,, f\n", AL,
           E + "/aliases/system:3: empty target: d: e,, f", "an empty target")
bad_source("makealiases", "etc/aliases/system", "  c\n", AL,
           E + "/aliases/system:1: continuation line without an alias:   c", "a continuation without an alias")
bad_source("makealiases", "etc/aliases/system", "a b\n", AL,
           E + "/aliases/system:1: no ':' after the alias name: a b", "no colon")
bad_source("makealiases", "etc/aliases/system", "a: :include:/nonexistent/list\n", AL,
           E + "/aliases/system:1: no such :include: file: /nonexistent/list", "a missing include")
r.write("bad-list.txt", "ok@x.test\nnot an address\n")
bad_source("makealiases", "etc/aliases/system", "a: :include:" + r.p("bad-list.txt") + "\n", AL,
           r.p("bad-list.txt") + ":2: not an address: not an address", "a bad line in an include")
bad_source("makealiases", "etc/aliases/system", "@v.test: a, b\n", AL,
           E + "/aliases/system:1: a qmail-style domain takes exactly one target", "a qmail-style domain with two targets")
bad_source("makealiases", "etc/aliases/system", "a: b@bad_domain\n", AL,
           E + "/aliases/system:1: bad domain in target: a: b@bad_domain", "a bad target domain")
r.write("etc/aliases/system", "a: b\n")
r.write("etc/locals", "bad domain\n")
rc, err = run("makealiases")
t.is_((rc, err), (100, "makealiases: fatal: " + E + "/locals:1: more than one domain on a line: bad domain"),
      "a bad locals line is reported too")
chain = "".join("a%d: a%d\n" % (i, i + 1) for i in range(30))
r.write("etc/locals", "localhost\n")
r.write("etc/aliases/system", chain)
rc, err = run("makealiases")
t.is_((rc, err), (100, "makealiases: fatal: " + E + "/aliases/system:1: aliases nested too deeply"),
      "runaway nesting is an error")
r.write("etc/aliases/system", "a: b\nb: a\n")
rc, err = run("makealiases")
t.is_(dump(AL), [("a", "a|"), ("b", "b|")], "a loop ends at the alias itself")

# --- makesmtpaccess ----------------------------------------------------
SA = os.path.join(E, "smtpaccess.cdb")
r.write("etc/smtpaccess/default",
        "# Courier's defaults\r\n"
        "127.0.0.1\tallow,RELAYCLIENT\r\n"
        ":0000:0000:0000:0000:0000:0000:0000:0001\tallow,RELAYCLIENT\n"
        "10.192.64\tallow,RELAYCLIENT\n"
        "192.168.\tdeny\n"
        "172.16.0.0/16\tallow,BLOCK=\"550 go away, please\"\n"
        "2001:db8::/32\tallow,RELAYCLIENT,FAXRELAYCLIENT\n"
        ":fe80:0000\tdeny\n"
        "::ffff:198.51.100.1\tallow,X='a b'\n"
        "2001:DB8::1  allow,NAME=value,OTHER=\n")
r.write("etc/smtpaccess/zz", "127.0.0.1 allow,RELAYCLIENT\n*\tallow\n")
rc, err = run("makesmtpaccess")
t.is_((rc, err), (0, ""), "makesmtpaccess compiles a directory")
t.is_(dump(SA), sorted([
    ("", ""),
    (":0000:0000:0000:0000:0000:0000:0000:0001", "+RELAYCLIENT=|"),
    (":2001:0db8:", "+RELAYCLIENT=|+FAXRELAYCLIENT=|"),
    (":2001:0db8:0000:0000:0000:0000:0000:0001", "+NAME=value|+OTHER=|"),
    (":fe80:0000:", "D|"),
    ("10.192.64.", "+RELAYCLIENT=|"),
    ("127.0.0.1", "+RELAYCLIENT=|"),
    ("172.16.", "+BLOCK=550 go away, please|"),
    ("192.168.", "D|"),
    ("198.51.100.1", "+X=a b|"),
]), "smtpaccess round-trips in tcprules' format: prefixes, IPv6 forms, duplicates")


def rulescheck(ip):
    p = subprocess.run(["tcprulescheck", SA], env=dict(os.environ, TCPREMOTEIP=ip), capture_output=True)
    return p.stdout.decode().strip().replace("\n", "; ")


t.is_(rulescheck("127.0.0.1"), "rule 127.0.0.1:; set environment variable RELAYCLIENT=; allow connection",
      "tcprulescheck reads an address rule")
t.is_(rulescheck("10.192.64.9"), "rule 10.192.64.:; set environment variable RELAYCLIENT=; allow connection",
      "tcprulescheck reads a prefix rule")
t.is_(rulescheck("192.168.3.4"), "rule 192.168.:; deny connection", "tcprulescheck reads a deny rule")
t.is_(rulescheck("203.0.113.5"), "rule :; allow connection", "tcprulescheck falls back to the default")

for text, err in [
        ("1.2.3.4\n", "1: expected ADDRESS<TAB>allow... or ADDRESS<TAB>deny: 1.2.3.4"),
        ("1.2.3.4\tpermit\n", "1: the rule must be allow[,NAME=value...] or deny: 1.2.3.4\tpermit"),
        ("1.2.3.256\tallow\n", "1: bad IPv4 address: 1.2.3.256\tallow"),
        ("1.2.3.4.\tallow\n", "1: bad IPv4 address: 1.2.3.4.\tallow"),
        ("10.0.0.0/12\tallow\n", "1: IPv4 prefix length must be 0, 8, 16, 24 or 32: 10.0.0.0/12\tallow"),
        ("10.0.0.1/8\tallow\n", "1: address has bits set beyond the prefix: 10.0.0.1/8\tallow"),
        (":12345\tallow\n", "1: bad IPv6 address: :12345\tallow"),
        ("2001:db8::/33\tallow\n", "1: IPv6 prefix length must be a multiple of 16: 2001:db8::/33\tallow"),
        ("1.2.3.4\tallow,BLOCK=\"x\n", "1: unterminated quoted value: 1.2.3.4\tallow,BLOCK=\"x"),
        ("1.2.3.4\tallow,\n", "1: expected a variable name: 1.2.3.4\tallow,"),
        ("1.2.3.4\tallow,A=\"x\"y\n", "1: expected ',' after a variable: 1.2.3.4\tallow,A=\"x\"y"),
        ("1.2.3.4\tdeny,X\n", "1: the rule must be allow[,NAME=value...] or deny: 1.2.3.4\tdeny,X"),
        ("1.2.3.4\tallow\n1.2.3.4\tdeny\n", "2: conflicting entries for 1.2.3.4 (first at " + E + "/smtpaccess/default:1)"),
]:
    bad_source("makesmtpaccess", "etc/smtpaccess/default", text, SA, E + "/smtpaccess/default:" + err,
               "bad smtpaccess line " + repr(text.split("\n")[0]))

# tcpserver -x applies the compiled table to a real connection.
r.write("etc/smtpaccess/default", "127.0.0.1\tallow,RELAYCLIENT,BLOCK=\"no, thanks\"\n")
os.unlink(r.p("etc/smtpaccess/zz"))
run("makesmtpaccess")
port = free_port()
r.start(["tcpserver", "-x", SA, "-R", "-H", "127.0.0.1", str(port),
         "sh", "-c", 'echo "relay=${RELAYCLIENT-unset} block=${BLOCK-unset}"'], port=port)
s = socket.create_connection(("127.0.0.1", port))
got = s.makefile("rb").read().decode().strip()
s.close()
t.is_(got, "relay= block=no, thanks", "tcpserver -x sets the variables of the rule")
r.write("etc/smtpaccess/default", "127.0.0.1\tdeny\n")
run("makesmtpaccess")
s = socket.create_connection(("127.0.0.1", port))
got = s.makefile("rb").read().decode().strip()
s.close()
t.is_(got, "", "and drops a denied client, after a recompile while it runs")

r.write("other-access", "127.0.0.1\tallow,RELAYCLIENT\n")
rc, err = run("makesmtpaccess", r.p("other-access"))
t.ok(rc == 0 and dump(r.p("other-access.cdb")) == [("127.0.0.1", "+RELAYCLIENT=|")],
     "makesmtpaccess SOURCE writes SOURCE.cdb", err)
