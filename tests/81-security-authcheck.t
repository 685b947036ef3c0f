#!/bin/sh
# authcheck is installed setuid root: the root it reads accounts from is
# the one it is installed in, and only a root the administrator owns.
. "$(dirname "$0")/lib/harness.sh"
mkroot
R=$POSTERN_HOME
if [ "$(id -u)" -ne 0 ]; then
  echo "1..0 # SKIP authcheck is privileged only when installed setuid root"
  exit 0
fi
# The installed root, and authcheck in it.
mkdir -p "$R/real/command" "$R/evil"
cp "$POSTERN_COMMAND_DIR/authcheck" "$R/real/command/authcheck"
chmod 4755 "$R/real/command/authcheck"
chmod 755 "$R/real" "$R/real/command"
# A root an unprivileged user made, with a hard link to the setuid
# program (possible where fs.protected_hardlinks is 0) and accounts of
# its own choosing: one with the uid of daemon.
chown nobody "$R/evil"
setuidgid nobody mkdir "$R/evil/command" "$R/evil/etc"
ln "$R/real/command/authcheck" "$R/evil/command/authcheck"
printf 'authmodulelist="authuserdb"\nAUTHFAILDELAY=0\n' > "$R/evil/etc/authdaemonrc"
duid=$(id -u daemon)
POSTERN_HOME=$R/evil userdb mallory set home=/ uid="$duid" gid="$duid" >/dev/null
echo pw | POSTERN_HOME=$R/evil userdbpw -sha512 | POSTERN_HOME=$R/evil userdb mallory set systempw >/dev/null
POSTERN_HOME=$R/evil makeuserdb
chown -R nobody "$R/evil/etc"
test -s "$R/evil/etc/userdb.cdb"; ok $? "the unprivileged root has an account with daemon's uid"

got=$(printf 'mallory\000pw\000' | setuidgid nobody "$R/evil/command/authcheck" /usr/bin/id -u 3<&0 2>"$R/err")
rc=$?
[ "$got" != "$duid" ]; ok $? "authcheck does not run a program as an account from a root an unprivileged user owns"
[ "$rc" -ne 0 ]; ok $? "it fails (exit $rc)"
grep -q "root" "$R/err"; ok $? "and says why: $(cat "$R/err")"

# In the installed root: an account with gid 0 is refused as uid 0 is.
mkdir "$R/real/etc"; chmod 755 "$R/real/etc"
printf 'authmodulelist="authuserdb"\nAUTHFAILDELAY=0\n' > "$R/real/etc/authdaemonrc"
POSTERN_HOME=$R/real userdb wheel set home=/ uid="$duid" gid=0 >/dev/null
echo pw | POSTERN_HOME=$R/real userdbpw -sha512 | POSTERN_HOME=$R/real userdb wheel set systempw >/dev/null
POSTERN_HOME=$R/real makeuserdb
got=$(printf 'wheel\000pw\000' | setuidgid nobody "$R/real/command/authcheck" /usr/bin/id -g 3<&0 2>"$R/err")
is "$?" 1 "authcheck refuses an account whose gid is 0"
[ "$got" != 0 ]; ok $? "  and runs nothing in group root"
done_testing
