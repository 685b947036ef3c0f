#!/bin/sh
# queue-inject runs setuid for any local user: what the caller's process
# state decides (its umask) must not make a queued message unreadable
# to the scheduler.
. "$(dirname "$0")/lib/harness.sh"
mkroot
Q=$POSTERN_HOME/queue
queue-init
printf 'Fa@example.com\0Tb@example.org\0\0' > "$POSTERN_HOME/envelope"
printf 'Subject: x\n\nbody\n' | (umask 777; queue-inject 1< "$POSTERN_HOME/envelope")
ok $? "a message is accepted from a caller with umask 777"
id=$(ls "$Q/env")
is "$(stat -c %a "$Q/mess/$id")" 600 "mess/ID is readable by the queue's owner"
is "$(stat -c %a "$Q/env/$id")" 644 "env/ID too"

# The A record (the authenticated submitter, sent on as AUTH=) names the
# caller, unless the caller is DAEMONUSER (smtpd after AUTH) or root.
if [ "$(id -u)" -eq 0 ]; then
  R=$POSTERN_HOME
  rm -f "$R/command"; mkdir "$R/command"; chmod 755 "$R/command"
  cp "$POSTERN_COMMAND_DIR/queue-inject" "$R/command/"
  chown nobody "$R/command/queue-inject"; chmod 4711 "$R/command/queue-inject"
  chown -R nobody "$Q"
  printf 'DAEMONUSER=nobody\nQUEUEUSER=nobody\nMAILUSER=nobody\n' > "$R/etc/users"
  chmod 755 "$R/etc"; chmod 644 "$R/etc/users"
  try() {  # try USER A-VALUE
    printf 'Fa@example.com\0A%s\0Tb@example.org\0\0' "$2" > "$R/env.$1"; chmod 644 "$R/env.$1"
    printf 'x\n' | setuidgid "$1" "$R/command/queue-inject" 1< "$R/env.$1" 2>"$R/err.$1"
  }
  try daemon postmaster; is "$?" 100 "a local user cannot name another user as the submitter"
  grep -q "submitter" "$R/err.daemon"; ok $? "  saying why"
  try daemon daemon; is "$?" 0 "a local user may name itself"
  try nobody postmaster; is "$?" 0 "DAEMONUSER (smtpd after AUTH) names the account it authenticated"
else
  diag "the submitter checks need root (a setuid queue-inject)"
fi
done_testing
