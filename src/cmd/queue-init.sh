#!/bin/sh
# queue-init: creates the mail queue under the postern root, or repairs
# its directories' ownership and modes. Running it again changes nothing.
set -eu
PROG=queue-init
R=${POSTERN_HOME:-@POSTERN_HOME@}
fatal() { echo "$PROG: fatal: $*" >&2; exit 111; }

QUEUEUSER=
if [ -r "$R/etc/users" ]; then
  . "$R/etc/users" || fatal "unable to read $R/etc/users"
fi
[ -n "$QUEUEUSER" ] || QUEUEUSER=$(id -un)
id "$QUEUEUSER" >/dev/null 2>&1 || fatal "no such user: $QUEUEUSER"

Q=$R/queue
umask 022
mkdir -p "$Q" || fatal "unable to create $Q"
# Readable where mailq needs it (env, status; mess only for stat), private elsewhere.
for d in lock:755 tmp:700 mess:711 env:755 todo:700 status:755; do
  dir=$Q/${d%%:*}
  mkdir -p "$dir" || fatal "unable to create $dir"
  chmod "${d##*:}" "$dir"
done
chmod 755 "$Q"
if [ ! -p "$Q/lock/trigger" ]; then
  rm -f "$Q/lock/trigger"
  mkfifo -m 600 "$Q/lock/trigger" || fatal "unable to create $Q/lock/trigger"
fi
if [ "$(id -u)" -eq 0 ]; then
  chown "$QUEUEUSER" "$Q" "$Q/lock" "$Q/lock/trigger" "$Q/tmp" "$Q/mess" "$Q/env" "$Q/todo" "$Q/status" \
    || fatal "unable to give $Q to $QUEUEUSER"
elif [ "$QUEUEUSER" != "$(id -un)" ]; then
  echo "$PROG: warning: not root: $Q stays owned by $(id -un), not $QUEUEUSER" >&2
fi
exit 0
