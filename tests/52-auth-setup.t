#!/bin/sh
# The demo's setup hook: demo@example.test with password "demo", its
# Maildir, and (as root) authcheck setuid root for DAEMONUSER's group,
# which then works for that user with its environment distrusted.
. "$(dirname "$0")/lib/harness.sh"
mkroot
R=$POSTERN_HOME
if [ "$(id -u)" -eq 0 ]; then
  printf 'DAEMONUSER=nobody\nQUEUEUSER=mail\nMAILUSER=mail\n' > "$R/etc/users"
  # A private copy of the programs, as package/run makes for root.
  rm -f "$R/command"; cp -a "$POSTERN_COMMAND_DIR" "$R/command"; chmod 755 "$R/command"
else
  me=$(id -un)
  printf 'DAEMONUSER=%s\nQUEUEUSER=%s\nMAILUSER=%s\n' "$me" "$me" "$me" > "$R/etc/users"
fi
. "$R/etc/users"
cp "$TOP/package/etc/authdaemonrc" "$R/etc/authdaemonrc"
echo 'AUTHFAILDELAY=0' >> "$R/etc/authdaemonrc"
chmod 755 "$R/etc"

"$TOP/package/setup.d/30-auth"; ok $? "the hook runs"
"$TOP/package/setup.d/30-auth"; ok $? "and runs again (idempotent)"
is "$(userdb -show | grep -c demo@example.test)" 1 "one demo account"
test -d "$R/var/mail/demo/Maildir/new" && test -d "$R/var/mail/demo/Maildir/cur" && test -d "$R/var/mail/demo/Maildir/tmp"
ok $? "the demo Maildir exists"
is "$(stat -c %u "$R/var/mail/demo/Maildir")" "$(id -u "$MAILUSER")" "owned by MAILUSER"
out=$(authtest demo@example.test demo); ok $? "authtest demo@example.test demo"
like "$out" "uid $(id -u "$MAILUSER"), gid $(id -g "$MAILUSER")" "with MAILUSER's ids"
authtest demo@example.test nope >/dev/null 2>&1; is $? 1 "a wrong password fails"
is "$(stat -c %a "$R/etc/userdbshadow.cdb")" 600 "userdbshadow.cdb is private"

if [ "$(id -u)" -eq 0 ]; then
  A=$R/command/authcheck
  is "$(stat -c '%a %U %G' "$A")" "4750 root $(id -gn nobody)" "authcheck is setuid root, for DAEMONUSER's group"
  # As DAEMONUSER, with a hostile environment: the root is the one
  # authcheck is installed in, whatever POSTERN_HOME says.
  out=$(printf 'demo@example.test\0demo\0' | POSTERN_HOME=/nonexistent AUTHCHECK_SERVICE=pop3 \
        setuidgid nobody sh -c 'exec "$0" /bin/sh -c "id -u; echo \$MAILDIR; pwd" 3<&0' "$A" 2>/dev/null)
  is "$out" "$(id -u mail)
$R/var/mail/demo/Maildir
$R/var/mail/demo" "DAEMONUSER logs in through setuid authcheck and lands as MAILUSER"
  printf 'demo@example.test\0wrong\0' | setuidgid nobody sh -c 'exec "$0" -c 3<&0' "$A" 2>/dev/null
  is $? 1 "and a wrong password is refused"
  printf 'demo@example.test\0demo\0' | setuidgid mail sh -c 'exec "$0" -c 3<&0' "$A" 2>/dev/null
  is $? 126 "users outside DAEMONUSER's group cannot run it"
fi
done_testing
