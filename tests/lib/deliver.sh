# Helpers for delivery tests: a root with a queue, accounts, aliases,
# and queue-send under local-spawn. Source after harness.sh.

# droot: mkroot, plus a private command/ (queue-inject is made setuid
# to the queue user in it, as package/run does), etc/me, the queue.
droot() {
  mkroot
  R=$POSTERN_HOME
  if [ -L "$R/command" ]; then rm "$R/command"; cp -a "$POSTERN_COMMAND_DIR" "$R/command"; fi
  POSTERN_COMMAND_DIR=$R/command
  export POSTERN_COMMAND_DIR
  mkdir -p "$R/home" "$R/var/backscatter"
  chmod 755 "$R/home" "$R/var" "$R/etc"
  if [ "$(id -u)" -eq 0 ]; then
    QUSER=nobody; MUSER=nobody; NEXT_UID=5001
  else
    QUSER=$(id -un); MUSER=$QUSER; NEXT_UID=$(id -u)
  fi
  printf 'DAEMONUSER=%s\nQUEUEUSER=%s\nMAILUSER=%s\n' "$QUSER" "$QUSER" "$MUSER" > "$R/etc/users"
  echo example.test > "$R/etc/me"
  : > "$R/etc/userdb"
  "$R/command/queue-init" || return 1
  if [ "$(id -u)" -eq 0 ]; then
    chown "$QUSER" "$R/command/queue-inject" "$R/var/backscatter" && chmod 4711 "$R/command/queue-inject"
  fi
  aliases ''
}

# aliases TEXT: etc/aliases/system, compiled with makealiases.
aliases() {
  mkdir -p "$R/etc/aliases"
  printf '%s\n' "$1" | grep -v '^$' > "$R/etc/aliases/system" || :
  "$R/command/makealiases" >/dev/null || echo "# makealiases failed"
}

# account NAME: a userdb account NAME (user for a local domain,
# user@domain for a hosted one) with a home in the root, a Maildir, and
# its own uid when running as root. Sets H.
account() {
  H=$R/home/$(echo "$1" | tr @ _)
  mkdir -p "$H/Maildir/tmp" "$H/Maildir/new" "$H/Maildir/cur"
  uid=$NEXT_UID; gid=$NEXT_UID
  [ "$(id -u)" -eq 0 ] && NEXT_UID=$((NEXT_UID + 1))
  chown -R "$uid:$gid" "$H"
  chmod 755 "$H"
  printf '%s\tuid=%s|gid=%s|home=%s|mail=%s/Maildir\n' "$1" "$uid" "$gid" "$H" "$H" >> "$R/etc/userdb"
  chmod 600 "$R/etc/userdb"
  "$R/command/makeuserdb" || echo "# makeuserdb failed"
}

# start_queue: queue-send under local-spawn, logging to $R/var/qs.log.
start_queue() {
  if [ "$(id -u)" -eq 0 ]; then
    start_bg sh -c 'cd "$POSTERN_HOME" && set -a && . etc/users && [ ! -f etc/courierd ] || . etc/courierd; set +a; exec command/local-spawn setuidgid "$QUEUEUSER" command/queue-send' 2>>"$R/var/qs.log"
  else
    start_bg sh -c 'cd "$POSTERN_HOME" && set -a && . etc/users && [ ! -f etc/courierd ] || . etc/courierd; set +a; exec command/local-spawn command/queue-send' 2>>"$R/var/qs.log"
  fi
  QS_PID=$LAST_PID
}

stop_queue() {
  kill "$QS_PID" 2>/dev/null
  wait "$QS_PID" 2>/dev/null
}

# inject SENDER RCPT... < message: queue-inject with a plain envelope.
inject() {
  _s=$1; shift
  { printf 'F%s\0' "$_s"; for _r in "$@"; do printf 'T%s\0' "$_r"; done; printf '\0'; } > "$R/var/env.$$"
  "$R/command/queue-inject" 1< "$R/var/env.$$"
}

# inject_env ENVELOPE-PRINTF-FORMAT < message
inject_env() {
  printf "$1" > "$R/var/env.$$"
  "$R/command/queue-inject" 1< "$R/var/env.$$"
}

# wait_until CMD...: up to 30 s for CMD to succeed.
wait_until() {
  _i=0
  while [ $_i -lt 300 ]; do
    "$@" && return 0
    sleep 0.1; _i=$((_i + 1))
  done
  return 1
}

queue_empty() { [ -z "$(ls "$R/queue/env")" ]; }
count_new() { ls "$1/new" 2>/dev/null | wc -l; }
has_new() { [ "$(count_new "$1")" -ge "$2" ]; }
has_text() { grep -rlq -- "$2" "$1/new"; }
