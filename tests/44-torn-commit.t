#!/bin/sh
# Recovery after a crash in the middle of queue-inject's single fsync
# round (queue(5)): env/ID reaches the disk before the rest may have.
# At start-up queue-send removes an envelope without its end record, one
# whose message is missing, and one whose message is not of the size its
# M record says; whole messages, old envelopes without M included, are
# delivered.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
account alice; A=$H
Q=$R/queue
msg='Subject: torn

body
'
# A real injection, to copy the envelope format from.
printf '%s' "$msg" | inject s@example.org alice@example.test; ok $? "a whole message is injected"
good=$(ls "$Q/env")
like "$(tr '\0' '\n' < "$Q/env/$good" | sed -n 3p)" "^M$(printf '%s' "$msg" | wc -c)\$" "its envelope records the message's size (M)"
rm -f "$Q/todo/$good"

# Torn commits, as a crash could leave them (ids carry made-up pids).
mk() {   # mk ID ENVELOPE-PRINTF MESSAGE|-
  printf "$2" > "$Q/env/$1"
  [ "$3" = - ] || printf '%s' "$3" > "$Q/mess/$1"
  [ "$(id -u)" -ne 0 ] || chown "$QUSER" "$Q/env/$1" "$Q/mess/$1" 2>/dev/null
  : > "$Q/todo/$1" 2>/dev/null || :
}
size=$(printf '%s' "$msg" | wc -c)
mk 6b0000001a2b3.1 "Q1\0I0\0M$size\0Fs@example.org\0Talice@example.test\0" "$msg"          # no end record
mk 6b0000001a2b4.2 "Q1\0I0\0M$size\0Fs@example.org\0Talice@example.test\0\0" -               # no message
mk 6b0000001a2b5.3 "Q1\0I0\0M$size\0Fs@example.org\0Talice@example.test\0\0" "Subject: torn" # message cut
mk 6b0000001a2b6.4 "Q1\0I0\0Fs@example.org\0Talice@example.test\0\0" "$msg"                 # no M: an older envelope
start_queue
wait_until queue_empty; ok $? "the queue empties"
for id in 6b0000001a2b3.1 6b0000001a2b4.2 6b0000001a2b5.3; do
  grep -q "removed torn commit $id" "$R/var/qs.log"; ok $? "torn commit $id is removed at start-up"
done
left=$(ls "$Q/mess" "$Q/env" "$Q/todo" "$Q/status" | grep -c '^6b0000001a2b[345]')
is "$left" 0 "  with every file of theirs"
wait_until has_new "$A/Maildir" 2; ok $? "the whole message and the one without M are delivered"
is "$(count_new "$A/Maildir")" 2 "  and nothing else"
is "$(grep -c "removed torn commit \($good\|6b0000001a2b6.4\)" "$R/var/qs.log")" 0 "whole ones are never taken for torn ones"
stop_queue
done_testing
