#!/usr/bin/python3
# sendmail's options and mailq's listing.
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap, command  # noqa: E402
from smtpin import Mailroot  # noqa: E402

t = Tap()
root = Mailroot()
root.write("etc/defaultdomain", "example.test\n")
login = subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()


def sendmail(args, text):
    return root.run(command("sendmail"), *args, input=text.encode())


def newest():
    q = root.queued()
    qid = sorted(q)[-1]
    env, body = q[qid]
    return qid, [r.decode() for r in env if r and r[:1] not in (b"Q", b"I", b"M")], body.decode()


p = sendmail([], "To: postmaster\n")
t.is_(p.returncode, 0, "echo 'To: postmaster' | sendmail")
qid, env, body = newest()
t.is_(env, ["F%s@example.test" % login, "A" + login, "Tpostmaster@example.test"],
      "recipient from To:, qualified with defaultdomain; sender the user")
t.like(body, r"^Received: \(from %s uid \d+\)\n\tby example\.test \(postern sendmail\) id %s;\n" % (login, qid.replace(".", r"\.")),
       "a Received: line with the user and the queue id")
t.like(body, r"\nFrom: %s@example\.test\nDate: \w{3}, \d\d \w{3} \d{4} [\d:]{8} [+-]\d{4}\nMessage-ID: <%s@example\.test>\nTo: postmaster\n\n$"
       % (login, qid.replace(".", r"\.")), "From:, Date: and Message-ID: added")

p = sendmail(["-Nsuccess"], "To: postmaster\n")
t.is_(newest()[1][-1], "NSUCCESS", "sendmail -Nsuccess asks for a success notification")

text = ("From: Me <me@example.test>\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <x@y>\r\n"
        "To: Joe <joe@remote.example>, \"Ann B\" <ann@remote.example> (work)\r\nCc: team: c1@remote.example, c2;\r\n"
        "Bcc: secret@remote.example\r\nSubject: options\r\n\r\nbody\r\n.\r\nafter the dot\r\n")
p = sendmail(["-t", "-f", "bounce@example.test", "-N", "delay,fail", "-R", "hdrs", "-V", "env-42", "-S", "STARTTLS", "-oem"], text)
t.ok(p.returncode == 0, "sendmail -t -f -N -R -V -S -oem", p.stderr)
qid, env, body = newest()
t.is_(env, ["Fbounce@example.test", "Venv-42", "HHDRS", "A" + login, "SSTARTTLS",
            "Tjoe@remote.example", "NDELAY,FAILURE", "Tann@remote.example", "NDELAY,FAILURE",
            "Tc1@remote.example", "NDELAY,FAILURE", "Tc2@example.test", "NDELAY,FAILURE",
            "Tsecret@remote.example", "NDELAY,FAILURE"], "envelope from the options and the To/Cc/Bcc lines")
t.ok("Bcc" not in body and "secret" not in body, "Bcc: is removed from the message")
t.ok(body.count("From:") == 1 and body.count("Message-ID:") == 1 and body.count("Date:") == 1,
     "existing From:, Date:, Message-ID: are kept, not repeated")
t.ok(body.endswith("Subject: options\n\nbody\n"), "CRLF made LF; a lone dot ends the message", body)

p = sendmail(["-oi", "-F", "Jo Smith", "rcpt@remote.example"], "Subject: dots\n\n.\n..\nend\n")
qid, env, body = newest()
t.is_(env[-1], "Trcpt@remote.example", "recipient from the command line")
t.ok(body.endswith("\n\n.\n..\nend\n"), "-oi: dots are data", body)
t.like(body, r"\nFrom: Jo Smith <%s@example\.test>\n" % login, "-F names the added From:")

p = sendmail(["-i", "-f", "<>", "x@remote.example"], "To: x@remote.example\n\nbody\n")
qid, env, body = newest()
t.is_(env[0], "F", "-f '<>' gives the null sender")

p = sendmail(["-t"], "Subject: nobody\n\nbody\n")
t.is_(p.returncode, 100, "no recipients: exit 100")
t.like(p.stderr.decode(), "^sendmail: fatal: no recipients", "  saying why")
p = sendmail(["-X"], "x\n")
t.is_(p.returncode, 100, "unknown option: exit 100")
p = sendmail(["bad address@"], "x\n")
t.is_(p.returncode, 100, "bad recipient: exit 100")

# mailq
status = root.p("queue", "status", qid)
with open(status, "w") as f:
    f.write("0 T 1700000000 451 4.4.1 connection refused\n")
p = root.run(command("mailq"))
out = p.stdout.decode()
t.is_(p.returncode, 0, "mailq runs")
t.like(out, r"(?m)^%s  \d+  \d+s  <>\n    x@remote\.example  deferred: 451 4\.4\.1 connection refused$" % qid.replace(".", r"\."),
       "mailq shows id, size, age, sender and the recipient's last status")
t.like(out, r"(?m)^    postmaster@example\.test  queued$", "recipients without status are queued")
t.like(out, r"(?m)^%d messages$" % len(root.queued()), "mailq counts the messages")
t.is_(root.run(command("sendmail"), "-bp").stdout.decode(), out, "sendmail -bp is mailq")

p = root.run(command("sendmail"), "-bs", input=b"HELO local\r\nMAIL FROM:<a@example.test>\r\nRCPT TO:<x@remote.example>\r\nQUIT\r\n")
t.like(p.stdout.decode(), r"250 2\.1\.5", "sendmail -bs speaks SMTP and may relay")

# Run as ROOT/command/sendmail without POSTERN_HOME (the README's
# run/command/sendmail), sendmail and queue-inject serve ROOT.
cmd = root.p("command")
real = os.path.realpath(cmd)
if os.path.islink(cmd):
    os.unlink(cmd)
    os.makedirs(cmd)
for name in ("sendmail", "queue-inject"):
    path = os.path.join(cmd, name)
    if os.path.islink(path):   # the program must really live in ROOT/command
        os.unlink(path)
    if not os.path.exists(path):
        shutil.copy2(os.path.join(real, name), path)
bare = {k: v for k, v in os.environ.items() if k not in ("POSTERN_HOME", "POSTERN_COMMAND_DIR")}
before = len(root.queued())
p = subprocess.run([os.path.join(cmd, "sendmail"), "-t"], input=b"To: postmaster\nSubject: by location\n",
                   env=bare, capture_output=True)
t.is_((p.returncode, p.stderr), (0, b""), "ROOT/command/sendmail without POSTERN_HOME queues")
t.ok(len(root.queued()) == before + 1 and "Subject: by location" in newest()[2],
     "into ROOT's queue", (before, len(root.queued())))
