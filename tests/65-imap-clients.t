#!/usr/bin/python3
"""Real clients against tcpserver ... imap-login authcheck imapd: mbsync
syncing a mailbox both ways twice (the second run transfers nothing),
offlineimap, and mutt driven in tmux (open, read, flag, delete, expunge,
move, save to Drafts)."""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from imaptest import ImapRoot, Raw, have, PASSWORD  # noqa: E402

if not have("imap-login", "imapd", "authcheck", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP authcheck and the userdb tools are not built")
    sys.exit(0)

t = Tap()
root = ImapRoot()
md = root.account("demo")
for i in range(5):
    root.deliver(md, b"From: sender%d@example.test\nTo: demo@example.test\nSubject: message %d\n"
                 b"Message-ID: <m%d@example.test>\n\nbody %d\n" % (i, i, i, i))
port = root.start_imap()


def server_names(folder=""):
    d = os.path.join(md, folder) if folder else md
    return sorted(os.listdir(os.path.join(d, "cur")) + os.listdir(os.path.join(d, "new")))


def uidlist(folder=""):
    d = os.path.join(md, folder) if folder else md
    with open(os.path.join(d, "postern-uidlist")) as f:
        return f.read()


# mbsync: both ways, twice.
if shutil.which("mbsync"):
    local = root.p("local")
    os.makedirs(local)
    rc = root.p("mbsyncrc")
    with open(rc, "w") as f:
        f.write("""IMAPAccount demo
Host 127.0.0.1
Port %d
User demo
Pass %s
SSLType None
AuthMechs LOGIN

IMAPStore remote
Account demo

MaildirStore local
Path %s/
Inbox %s/INBOX
SubFolders Verbatim

Channel demo
Far :remote:
Near :local:
Patterns *
Create Both
Expunge Both
SyncState *
""" % (port, PASSWORD, local, local))

    def mbsync():
        return subprocess.run(["mbsync", "-c", rc, "-a"], capture_output=True, timeout=60)

    r = mbsync()
    t.is_(r.returncode, 0, "mbsync first run", ) or t.diag(r.stderr.decode())
    got = sorted(os.listdir(os.path.join(local, "INBOX", "cur")) + os.listdir(os.path.join(local, "INBOX", "new")))
    t.is_(len(got), 5, "mbsync pulled the 5 messages")
    # Changes on both sides: a local new message and flag, a server flag and folder.
    nm = sorted(os.listdir(os.path.join(local, "INBOX", "cur")) + os.listdir(os.path.join(local, "INBOX", "new")))
    sub = "cur" if os.listdir(os.path.join(local, "INBOX", "cur")) else "new"
    first = sorted(os.listdir(os.path.join(local, "INBOX", sub)))[0]
    newname = first.split(":")[0] + ":2,F"
    os.rename(os.path.join(local, "INBOX", sub, first), os.path.join(local, "INBOX", "cur", newname))
    with open(os.path.join(local, "INBOX", "new", "1800000000.local1.host"), "wb") as f:
        f.write(b"From: demo@example.test\nSubject: written locally\nMessage-ID: <local1@example.test>\n\nlocal\n")
    os.makedirs(os.path.join(local, "Archive", "cur"))
    os.makedirs(os.path.join(local, "Archive", "new"))
    os.makedirs(os.path.join(local, "Archive", "tmp"))
    with open(os.path.join(local, "Archive", "new", "1800000001.local2.host"), "wb") as f:
        f.write(b"Subject: archived\nMessage-ID: <local2@example.test>\n\nold\n")
    r = Raw(port)
    r.line()
    r.cmd("LOGIN demo " + PASSWORD)
    r.cmd("SELECT INBOX")
    r.cmd("STORE 2 +FLAGS (\\Seen \\Answered)")
    r.cmd("LOGOUT")
    r.close()
    r = mbsync()
    t.is_(r.returncode, 0, "mbsync second run (changes both ways)") or t.diag(r.stderr.decode())
    t.is_(len(server_names()), 6, "local message uploaded to INBOX")
    t.ok(os.path.isdir(os.path.join(md, ".Archive")) and len(server_names(".Archive")) == 1,
         "local folder created on the server with its message")
    t.ok(any("F" in n.split(":2,")[1] for n in server_names() if ":2," in n), "local \\Flagged reached the server", server_names())
    lnames = os.listdir(os.path.join(local, "INBOX", "cur"))
    t.ok(any(n.split(":2,")[1] == "RS" for n in lnames if ":2," in n), "server \\Seen \\Answered reached mbsync", lnames)
    before = (server_names(), uidlist(), server_names(".Archive"),
              sorted(os.listdir(os.path.join(local, "INBOX", "cur"))))
    r = mbsync()
    t.is_(r.returncode, 0, "mbsync third run")
    after = (server_names(), uidlist(), server_names(".Archive"),
             sorted(os.listdir(os.path.join(local, "INBOX", "cur"))))
    t.is_(after, before, "nothing changes on a run with nothing to do")
    r = mbsync()
    t.is_(r.returncode, 0, "mbsync fourth run")
    t.is_((server_names(), uidlist()), before[:2], "still nothing transferred")
else:
    t.ok(False, "mbsync is installed (package/deps installs isync)")

# offlineimap: a full mirror of every folder.
if shutil.which("offlineimap"):
    oroot = root.p("oimap")
    os.makedirs(oroot)
    cfg = os.path.join(oroot, "rc")
    with open(cfg, "w") as f:
        f.write("""[general]
accounts = demo
metadata = %s/meta
ui = quiet

[Account demo]
localrepository = local
remoterepository = remote

[Repository local]
type = Maildir
localfolders = %s/mail

[Repository remote]
type = IMAP
remotehost = 127.0.0.1
remoteport = %d
remoteuser = demo
remotepass = %s
ssl = no
starttls = no
""" % (oroot, oroot, port, PASSWORD))
    r = subprocess.run(["offlineimap", "-c", cfg, "-o", "-u", "quiet"], capture_output=True, timeout=60)
    t.is_(r.returncode, 0, "offlineimap mirrors the account") or t.diag(r.stderr.decode()[-2000:])
    inbox = os.path.join(oroot, "mail", "INBOX")
    n = len(os.listdir(os.path.join(inbox, "cur"))) + len(os.listdir(os.path.join(inbox, "new"))) if os.path.isdir(inbox) else -1
    t.is_(n, len(server_names()), "offlineimap has every INBOX message")
    r = subprocess.run(["offlineimap", "-c", cfg, "-o", "-u", "quiet"], capture_output=True, timeout=60)
    t.is_(r.returncode, 0, "offlineimap second run")
else:
    t.ok(False, "offlineimap is installed (package/deps installs offlineimap3)")

# mutt in tmux: open, read, flag, delete and expunge, save to a folder,
# postpone a message to Drafts.
if shutil.which("mutt") and shutil.which("tmux"):
    import re as _re
    r = Raw(port)
    r.line()
    r.cmd("LOGIN demo " + PASSWORD)
    r.cmd("CREATE INBOX.Trash")
    r.cmd("CREATE INBOX.Drafts")
    r.cmd("SELECT INBOX")
    r.cmd("STORE 1:* -FLAGS (\\Seen \\Flagged \\Answered)")
    r.cmd("LOGOUT")
    r.close()
    home = root.p("mutthome")
    os.makedirs(home)
    with open(os.path.join(home, "muttrc"), "w") as f:
        f.write("""set folder="imap://demo@127.0.0.1:%d/"
set spoolfile="+INBOX"
set postponed="+INBOX.Drafts"
set record=""
set imap_pass="%s"
set ssl_starttls=no
set ssl_force_tls=no
set imap_passive=no
set mail_check=1
set timeout=1
set sort=mailbox-order
set editor="true"
set edit_headers=no
set askcc=no
set fast_reply=yes
set confirmappend=no
set confirmcreate=no
set delete=yes
set move=no
set mark_old=no
set resolve=no
set abort_unmodified=no
set abort_nosubject=no
set header_cache=""
set message_cachedir=""
set from="demo@example.test"
""" % (port, PASSWORD))
    sess = "postern-mutt-%d" % os.getpid()
    env = dict(os.environ, HOME=home, TERM="xterm", MUTT_NO_COLOR="1")
    subprocess.run(["tmux", "new-session", "-d", "-s", sess, "-x", "160", "-y", "40",
                    "mutt -n -F %s/muttrc" % home], env=env)

    def keys(*k):
        subprocess.run(["tmux", "send-keys", "-t", sess] + list(k), capture_output=True)

    def screen():
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", sess], capture_output=True).stdout.decode()

    def wait_for(pred, secs=10):
        end = time.time() + secs
        while time.time() < end:
            if pred():
                return True
            time.sleep(0.2)
        return False

    def flags_of(subject):
        for n in server_names():
            try:
                with open(os.path.join(md, "cur" if os.path.exists(os.path.join(md, "cur", n)) else "new", n), "rb") as f:
                    if b"Subject: " + subject.encode() in f.read():
                        return n.split(":2,")[1] if ":2," in n else ""
            except FileNotFoundError:
                continue    # renamed by a flag change meanwhile: the caller polls again
        return None

    try:
        t.ok(wait_for(lambda: "message 0" in screen()), "mutt opens INBOX over IMAP", screen())
        keys("Enter")
        t.ok(wait_for(lambda: "body 0" in screen()), "mutt shows the first message", screen())
        keys("q")
        time.sleep(0.3)
        keys("$")
        t.ok(wait_for(lambda: "S" in (flags_of("message 0") or "")), "reading set \\Seen on the server")
        keys("j")
        time.sleep(0.2)
        keys("F")
        time.sleep(0.2)
        keys("$")
        t.ok(wait_for(lambda: "F" in (flags_of("message 1") or "")), "F flags the message on the server")
        keys("j")
        time.sleep(0.2)
        keys("d")
        time.sleep(0.2)
        keys("$")
        t.ok(wait_for(lambda: flags_of("message 2") is None), "d then $ expunges the message")
        keys("s")
        time.sleep(0.5)
        keys("C-u", "=INBOX.Trash", "Enter")
        t.ok(wait_for(lambda: len(server_names(".Trash")) == 1), "s saves a copy into INBOX.Trash")
        keys("m")
        time.sleep(0.5)
        keys("friend@example.test", "Enter")
        time.sleep(0.3)
        keys("draft subject", "Enter")
        t.ok(wait_for(lambda: "draft subject" in screen()), "compose menu", screen())
        keys("P")
        t.ok(wait_for(lambda: len(server_names(".Drafts")) == 1), "P postpones the message into INBOX.Drafts")
        keys("q")
        time.sleep(0.5)
        keys("y")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", sess], capture_output=True)
else:
    t.ok(False, "mutt and tmux are installed (package/deps installs them)")
