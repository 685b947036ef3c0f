#!/bin/sh
# Crash safety: while 1000 messages go through, queue-send and local
# are killed with SIGKILL at random moments and queue-send restarted.
# Every accepted message must be delivered at least once; the number of
# duplicates is printed (the goal is zero). Each message goes to two
# addresses of one account, which one run of local delivers in turn, so
# local is also killed between the two.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
account user; U=$H
# A short program before the Maildir keeps local alive long enough to
# be killed in the middle of a delivery now and then.
printf '| /bin/sleep 0.02\n./Maildir/\n' > "$U/.courier"
cp "$U/.courier" "$U/.courier-b"
chown "$(stat -c %u:%g "$U")" "$U/.courier" "$U/.courier-b"
echo 1 > "$R/etc/retryalpha"; echo 1 > "$R/etc/retrygamma"; echo 1 > "$R/etc/retrymaxdelta"
N=${CRASH_MESSAGES:-1000}
start_queue

# The injector: one queue-inject per message; it records each accepted one.
(
  i=0
  while [ $i -lt $N ]; do
    printf 'Subject: crash %d\n\nmessage number %d\n' $i $i | inject s@example.test user@example.test user-b@example.test &&
      echo $i >> "$R/var/accepted"
    i=$((i + 1))
  done
  touch "$R/var/injected"
) &
injector=$!

# The local processes under this test's queue-send: queue-send's child
# is the spawner, whose children wait for the local processes.
locals() {
  ps -e -o pid=,ppid=,comm= | awk -v top="$QS_PID" '
    { parent[$1] = $2; name[$1] = $3 }
    END { for (p in name) if (name[p] == "local" && parent[parent[parent[p]]] == top) print p }'
}

kills=0; lkills=0
while [ ! -e "$R/var/injected" ] || ! queue_empty; do
  sleep 0.$(( $(od -An -N1 -tu1 /dev/urandom) % 5 + 1 ))
  if [ $((kills + lkills)) -ge 40 ]; then
    wait_until queue_empty && [ -e "$R/var/injected" ] && break
    continue
  fi
  if [ $(( $(od -An -N1 -tu1 /dev/urandom) % 2 )) -eq 0 ]; then
    kill -9 "$QS_PID" 2>/dev/null; wait "$QS_PID" 2>/dev/null
    kills=$((kills + 1))
    start_queue
  else
    for p in $(locals); do kill -9 "$p" 2>/dev/null && lkills=$((lkills + 1)); break; done
  fi
done
wait "$injector"
wait_until queue_empty; ok $? "the queue empties after $kills kills of queue-send and $lkills of local"
accepted=$(sort -un "$R/var/accepted" | wc -l)
is "$accepted" "$N" "every injection was accepted"
# One line per delivery: the message's number and the address it was for.
find "$U/Maildir/new" -type f -exec awk 'FNR == 1 { d = "" } /^Delivered-To:/ { d = $2 } /^message number / { print $3, d }' {} + |
  sort > "$R/var/delivered"
distinct=$(sort -u "$R/var/delivered" | wc -l)
is "$distinct" "$((2 * accepted))" "every accepted message was delivered to both addresses at least once"
total=$(wc -l < "$R/var/delivered")
diag "duplicates: $((total - distinct)) of $total deliveries"
stop_queue
left=$(ls "$R/queue/mess" "$R/queue/todo" "$R/queue/status" | grep '^[0-9a-f]')
is "$(echo "$left" | grep -c .)" 0 "nothing is left in mess/, todo/ or status/"
[ -z "$left" ] || { diag "$left"; ls -la "$R"/queue/*/; tail -20 "$R/var/qs.log"; }
done_testing
