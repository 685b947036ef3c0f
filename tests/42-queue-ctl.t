#!/bin/sh
# queue-ctl: status, flush, cancel and clear against a running queue-send.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
account alice; A=$H
account carol; C=$H
echo 1h > "$R/etc/retryalpha"
printf '| test -e flag || { touch flag; echo first try fails; exit 111; }\n./Maildir/\n' > "$A/.courier-once"
printf '| echo mailbox busy; exit 111\n' > "$A/.courier-stuck"
chown "$(stat -c %u:%g "$A")" "$A"/.courier-*
start_queue
msg() { printf 'From: carol@example.test\nSubject: %s\n\nbody of %s\n' "$1" "$1"; }

msg once | inject carol@example.test alice-once@example.test
wait_until grep -q 'deferred .*alice-once' "$R/var/qs.log"; ok $? "the first attempt is deferred"
out=$(queue-ctl status)
like "$out" '<alice-once@example.test> deferred \(1 attempts\): 4.3.0 program .*first try fails' "status shows the recipient, its attempts and the reason"
like "$out" '1 message in the queue' "  and counts the messages"
like "$out" '<alice-once@example.test> temporary since' "  and the suppression list"
queue-ctl flush >/dev/null; ok $? "flush is accepted"
wait_until has_text "$A/Maildir" 'body of once'; ok $? "flush retries at once (retryalpha is an hour)"
wait_until queue_empty; ok $? "  and the message leaves the queue"
like "$(queue-ctl status)" '0 messages in the queue' "status of an empty queue"
test -z "$(ls "$R/var/backscatter")"; ok $? "a successful delivery takes the address off the list"

msg stuck | inject carol@example.test alice-stuck@example.test
wait_until grep -q 'deferred .*alice-stuck' "$R/var/qs.log"
id=$(ls "$R/queue/env")
queue-ctl cancel "$id" >/dev/null; ok $? "cancel is accepted"
wait_until has_text "$C/Maildir" 'cancelled by the administrator'; ok $? "cancel bounces the message to its sender"
wait_until queue_empty; ok $? "  and removes it from the queue"
queue-ctl cancel "$id" 2>/dev/null; is $? 100 "cancel of an id no longer queued exits 100"
queue-ctl cancel ../etc 2>/dev/null; is $? 100 "cancel refuses what is not a queue id"

like "$(queue-ctl status)" '<alice-stuck@example.test> temporary' "the failed address is on the suppression list"
like "$(queue-ctl clear alice-stuck@example.test)" 'removed from the suppression list' "clear ADDRESS removes it"
like "$(queue-ctl clear nobody@example.test)" 'was not on the suppression list' "clear of an unlisted address says so"
msg x | inject carol@example.test alice-stuck@example.test
wait_until grep -q "T alice-stuck@example.test" "$R"/var/backscatter/* 2>/dev/null
like "$(queue-ctl clear all)" '^1 address removed' "clear all empties the list"
queue-ctl bogus 2>/dev/null; is $? 100 "an unknown verb is a usage error"

stop_queue
done_testing
