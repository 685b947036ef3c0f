#!/bin/sh
# package/install into a DESTDIR: the tree, the links, the pages, the
# defaults that never overwrite an admin's edits, and no accounts made.
. "$(dirname "$0")/lib/harness.sh"
mkroot
DEST=$POSTERN_HOME/dest
R=$DEST/var/lib/postern
before=$(getent passwd postern-d postern-q postern-m | wc -l)

out=$(DESTDIR=$DEST "$TOP/package/install" /var/lib/postern 2>&1); ok $? "package/install into a DESTDIR"
like "$out" "queue-init" "it says what is left to do on the target"
for d in command bin man doc etc queue var service; do
  test -d "$R/$d"; ok $? "ROOT/$d exists"
done
missing=""
for p in "$TOP"/command/*; do n=${p##*/}; [ -x "$R/command/$n" ] || missing="$missing $n"; done
is "$missing" "" "every program is in ROOT/command"
bad=""
for l in "$R"/bin/*; do
  [ -L "$l" ] || { bad="$bad ${l##*/}(not a link)"; continue; }
  t=$(readlink "$l")
  [ "$t" = "../command/${l##*/}" ] && [ -x "$l" ] || bad="$bad ${l##*/}"
done
is "$bad" "" "bin/ holds relative links into command/"
test -L "$R/bin/maildirmake"; ok $? "bin/maildirmake is one of them"
test ! -e "$R/bin/queue-inject"; ok $? "internal programs stay out of bin/"
pages=$(ls "$TOP"/doc/*.[1-8] | wc -l)
is "$(ls "$R"/man/man*/* | wc -l)" "$pages" "every man page is in ROOT/man"
test -f "$R/man/man8/makealiases.8" && test -f "$R/man/man1/maildirmake.1"; ok $? "in the section directories"
MANPATH=$R/man man -w makesmtpaccess >/dev/null 2>&1; ok $? "man finds them with MANPATH=ROOT/man"
test -f "$R/doc/INTERFACES.md"; ok $? "ROOT/doc"
for f in $(cd "$TOP/package/etc" && find . -type f); do
  cmp -s "$TOP/package/etc/$f" "$R/etc/$f" || { ok 1 "default $f installed"; continue; }
  ok 0 "default $f installed"
done
is "$(cat "$R/etc/users")" "$(printf 'DAEMONUSER=postern-d\nQUEUEUSER=postern-q\nMAILUSER=postern-m')" "etc/users names the three accounts"
for s in "$TOP"/package/service/*; do
  n=${s##*/}
  test -x "$R/service/$n/run"; ok $? "service $n installed"
done
is "$(ls -A "$R/queue" | wc -l)" 0 "the queue is left for queue-init on the target"
grep -q '^root: postmaster$' "$R/etc/aliases/system"; ok $? "Courier's administrative aliases"
grep -q '^127.0.0.1	allow,RELAYCLIENT$' "$R/etc/smtpaccess/default"; ok $? "relaying for this machine only"
test ! -e "$R/etc/smtpaccess.cdb"; ok $? "tables are compiled on the target, not in a DESTDIR"
is "$(getent passwd postern-d postern-q postern-m | wc -l)" "$before" "no accounts are created with DESTDIR"

# An admin edits a default and removes another; a second install keeps
# the edit and puts back only what is missing.
first=$(cd "$TOP/package/etc" && find . -type f | sort | head -n 1)
second=$(cd "$TOP/package/etc" && find . -type f | sort | sed -n 2p)
echo "# edited by the admin" >> "$R/etc/$first"
edited=$(cat "$R/etc/$first")
rm -f "$R/etc/$second"
echo "ADMIN=1" > "$R/etc/users"
DESTDIR=$DEST "$TOP/package/install" /var/lib/postern >/dev/null 2>&1; ok $? "a second install"
is "$(cat "$R/etc/$first")" "$edited" "an edited configuration file is kept"
cmp -s "$TOP/package/etc/$second" "$R/etc/$second"; ok $? "a removed default comes back"
is "$(cat "$R/etc/users")" "ADMIN=1" "etc/users is kept"

# The installed commands work through their links.
POSTERN_HOME=$R "$R/bin/maildirmake" "$POSTERN_HOME/Maildir"; ok $? "bin/maildirmake runs"
test -d "$POSTERN_HOME/Maildir/cur"; ok $? "and made a maildir"
mkdir -p "$R/etc/smtpaccess"
printf '127.0.0.1\tallow,RELAYCLIENT\n' > "$R/etc/smtpaccess/default"
POSTERN_HOME=$R "$R/bin/makesmtpaccess"; ok $? "bin/makesmtpaccess compiles in the installed root"
test -f "$R/etc/smtpaccess.cdb"; ok $? "into ROOT/etc/smtpaccess.cdb"

DESTDIR=$DEST "$TOP/package/install" /opt/postern >/dev/null 2>&1; ok $? "another ROOT"
test -x "$DEST/opt/postern/command/maildirmake"; ok $? "goes where it is asked"
DESTDIR=$DEST "$TOP/package/install" relative/root 2> "$POSTERN_HOME/err"; is "$? $(cat "$POSTERN_HOME/err")" "111 package/install: fatal: ROOT must be an absolute path: relative/root" "ROOT must be absolute"
# Without DESTDIR (root only): into a scratch root whose etc/users names
# accounts that exist, so no account is created on this machine.
if [ "$(id -u)" -eq 0 ]; then
  S=$POSTERN_HOME/sysroot
  mkdir -p "$S/etc"
  printf 'DAEMONUSER=nobody\nQUEUEUSER=mail\nMAILUSER=mail\n' > "$S/etc/users"
  "$TOP/package/install" "$S" > "$POSTERN_HOME/out" 2>&1; ok $? "package/install as root without DESTDIR"
  test -p "$S/queue/lock/trigger"; ok $? "makes the queue"
  is "$(stat -c %U "$S/queue/mess")" mail "owned by QUEUEUSER"
  if [ -f "$S/command/queue-inject" ]; then
    is "$(stat -c '%U %a' "$S/command/queue-inject")" "mail 4711" "queue-inject is setuid QUEUEUSER"
  fi
  if [ -f "$S/command/authcheck" ]; then
    is "$(stat -c '%U %G %a' "$S/command/authcheck")" "root $(id -gn nobody) 4750" "authcheck is setuid root for DAEMONUSER's group"
  fi
  for t in aliases locals smtpaccess hosteddomains; do
    test -f "$S/etc/$t.cdb"; ok $? "etc/$t.cdb is compiled"
  done
  printf '127.0.0.2\tallow,RELAYCLIENT\n' > "$S/etc/smtpaccess/default"
  before=$(cksum < "$S/etc/smtpaccess.cdb")
  "$TOP/package/install" "$S" > "$POSTERN_HOME/out" 2>&1; ok $? "installing again"
  is "$(cksum < "$S/etc/smtpaccess.cdb")" "$before" "leaves compiled tables to the admin"
fi
done_testing
