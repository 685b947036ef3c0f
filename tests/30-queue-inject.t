#!/bin/sh
# queue-inject: envelope checks, the on-disk format, failures leave nothing.
. "$(dirname "$0")/lib/harness.sh"
mkroot
Q=$POSTERN_HOME/queue
queue-init; ok $? "queue-init creates the queue"
queue-init; ok $? "queue-init runs again"
test -p "$Q/lock/trigger"; ok $? "lock/trigger is a FIFO"

inject() {  # inject ENVELOPE-PRINTF-FORMAT < message
  printf "$1" > "$POSTERN_HOME/envelope"
  queue-inject 1< "$POSTERN_HOME/envelope" 2> "$POSTERN_HOME/err"
}
live() { ls "$Q/mess" "$Q/env" "$Q/todo" "$Q/tmp" | grep -c '^[0-9a-f]'; }

printf 'Subject: one\n\nbody\n' | inject 'Fa@example.com\0Tb@example.org\0NSUCCESS,FAILURE\0Ortc822;b@example.org\0\0'
ok $? "a good message is accepted"
id=$(ls "$Q/env")
like "$id" '^[0-9a-f]{13,}\.[0-9a-f]+$' "the queue id has the documented form"
is "$(cat "$Q/mess/$id")" "$(printf 'Subject: one\n\nbody')" "mess/ID holds the message bytes"
is "$(tr '\0' '|' < "$Q/env/$id" | sed 's/^Q[0-9]*|I[0-9]*|M[0-9]*|//')" "Fa@example.com|Tb@example.org|NSUCCESS,FAILURE|Ortc822;b@example.org||" "env/ID holds the envelope after Q, I and M"
like "$(tr '\0' '|' < "$Q/env/$id")" "^Q[0-9]+\\|I[0-9]+\\|M$(stat -c %s "$Q/mess/$id")\\|" "M is the size of mess/ID"
test -f "$Q/todo/$id"; ok $? "todo/ID marks it for the scheduler"
is "$(ls "$Q/tmp" | wc -l)" 0 "nothing left in tmp/"

printf 'x\n' | inject 'F\0VENV1\0HHDRS\0Ajohn\0SSTARTTLS\0B8BITMIME\0U\0Tpostmaster\0NNEVER\0\0'
ok $? "every optional record is accepted"

for bad in 'Tb@x\0\0' 'Fa@x\0\0' 'Fa@x\0Zq\0Tb@x\0\0' 'Fa@x\0Tb@x\0Hxx\0\0' 'Fa@x\0NNEVER\0Tb@x\0\0' \
           'Fa@x\0Tb@x\0NSUCCESS,NEVER\0\0' 'Fa@x\0Tb@x\0Ortc822\0\0' 'Fa@x\0T\0\0' 'Fa@x\0Tb\001@x\0\0' \
           'Fa@x\0Tb@x\0NNEVER\0NNEVER\0\0' 'Fa@x\0Tb@x\0HFULL\0\0' 'Fa@x\0BUTF9\0Tb@x\0\0'; do
  before=$(live)
  printf 'x\n' | inject "$bad"; rc=$?
  is "$rc" 100 "bad envelope $(printf '%s' "$bad" | tr -d '\\') refused with 100"
  is "$(live)" "$before" "  and nothing is left in the queue"
done
grep -q '^queue-inject: fatal: bad envelope' "$POSTERN_HOME/err"; ok $? "one fatal line says why"

before=$(live)
printf 'x\n' | inject 'Fa@x\0Tb@x\0'; is $? 111 "a truncated envelope exits 111"
is "$(live)" "$before" "  and leaves nothing"

echo 100 > "$POSTERN_HOME/etc/sizelimit"
head -c 5000 /dev/zero | tr '\0' 'a' | inject 'Fa@x\0Tb@x\0\0'; is $? 100 "a message over sizelimit is refused with 100"
is "$(live)" "$before" "  and leaves nothing"
rm "$POSTERN_HOME/etc/sizelimit"

mess_owner=$(stat -c %u:%g "$Q/mess"); mess_mode=$(stat -c %a "$Q/mess")
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$Q/mess"; chmod 500 "$Q/mess"
  printf 'x\n' | setuidgid nobody sh -c 'queue-inject 1< "$POSTERN_HOME/envelope"' 2>"$POSTERN_HOME/err"
else
  chmod 500 "$Q/mess"
  printf 'x\n' | queue-inject 1< "$POSTERN_HOME/envelope" 2>"$POSTERN_HOME/err"
fi
is $? 111 "an unwritable queue exits 111"
like "$(cat "$POSTERN_HOME/err")" '^queue-inject: fatal: unable to create mess/' "  with one line saying why"
chown "$mess_owner" "$Q/mess"; chmod "$mess_mode" "$Q/mess"

# A full disk: a tiny tmpfs when root can mount one.
if [ "$(id -u)" -eq 0 ] && mkdir "$POSTERN_HOME/small" && mount -t tmpfs -o size=64k tmpfs "$POSTERN_HOME/small" 2>/dev/null; then
  mv "$Q" "$Q.real"; mkdir "$POSTERN_HOME/small/queue"; ln -s "$POSTERN_HOME/small/queue" "$Q"
  queue-init
  head -c 200000 /dev/urandom | base64 | inject 'Fa@x\0Tb@x\0\0'; rc=$?
  is "$rc" 111 "a full disk exits 111"
  is "$(find "$Q/" -type f | wc -l)" 0 "  and leaves no file behind"
  printf 'small\n' | inject 'Fa@x\0Tb@x\0\0'; ok $? "  and the queue works once there is room"
  rm "$Q"; umount "$POSTERN_HOME/small"; mv "$Q.real" "$Q"
else
  diag "full-disk check skipped: needs root to mount a tmpfs"
fi

# A suggested id is used only when it carries queue-inject's own pid.
printf 'x\n' | QUEUE_ID=0000000000000.1 inject 'Fa@x\0Tb@x\0\0'
test ! -e "$Q/env/0000000000000.1"; ok $? "a foreign QUEUE_ID is ignored"
done_testing
