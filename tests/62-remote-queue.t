#!/bin/sh
# queue-send hands mail for other domains to remote: per-recipient
# outcomes (delivered, retried, bounced with a DSN to the sender), several
# recipients of a message in one transaction, and one connection for a
# burst of messages to one domain.
. "$(dirname "$0")/lib/harness.sh"
. "$(dirname "$0")/lib/deliver.sh"

droot
account alice
sink=$R/var/sink
mkdir -p "$sink"
start_bg /usr/bin/python3 "$TOP/tests/lib/smtppeer.py" --port-file "$R/var/sink.port" --dump "$sink" \
  --reply 'temp=450 4.2.1 mailbox busy' --reply 'bad=550 5.1.1 no such user'
wait_until test -s "$R/var/sink.port"; ok $? "the receiving peer is up"
port=$(cat "$R/var/sink.port")
echo "example.net: [127.0.0.1],$port" > "$R/etc/esmtproutes"
printf 'ESMTP_TIMEOUT_CONNECT=5\nESMTP_TIMEOUT_COMMAND=10\n' > "$R/etc/courierd"
start_queue

printf 'From: alice@example.test\nSubject: outbound\n\nhello out there\n' |
  inject alice@example.test ok@example.net bad@example.net ok2@example.net
ok $? "a message for three recipients at example.net is queued"
wait_until test -s "$sink/0.eml"; ok $? "remote delivered it to the domain's host"
rcpts=$(sed -n 's/^X-Peer-Rcpts: //p' "$sink/0.eml" | tr -d '\r')
is "$rcpts" "RCPT TO:<ok@example.net> RCPT TO:<ok2@example.net>" "both accepted recipients went in one transaction"
like "$(cat "$sink/0.eml")" "hello out there" "with the message body"
wait_until has_new "$R/home/alice/Maildir" 1; ok $? "the refused recipient produced a DSN for the sender"
dsn=$(cat "$R"/home/alice/Maildir/new/*)
like "$dsn" "multipart/report" "the DSN is a multipart/report"
like "$dsn" "bad@example.net" "naming the refused recipient"
like "$dsn" "550 5.1.1 no such user" "with the remote's reply"
wait_until queue_empty; ok $? "with every recipient delivered or bounced the message leaves the queue"
printf 'Subject: later\n\nlater\n' | inject alice@example.test temp@example.net ok3@example.net
wait_until test -s "$sink/1.eml"; ok $? "a message with a recipient the peer defers delivers the other"
id=$(ls "$R/queue/env" | head -n 1)
ok $([ -n "$id" ] && echo 0 || echo 1) "and stays queued for the deferred one"
wait_until grep -q ' T .*450 4.2.1 mailbox busy' "$R/queue/status/$id"
ok $? "its status records the deferral with the remote's reply"
like "$(cat "$R/queue/status/$id")" "^[0-9]+ D .*250" "and the deliveries with theirs"

# The burst waits in the queue while queue-send is down, so that it is
# due all at once (injected one by one, each could finish before the next).
stop_queue
before=$(cat "$sink/connections")
i=0
while [ $i -lt 20 ]; do
  printf 'Subject: burst %s\n\nbody %s\n' $i $i | inject alice@example.test "x$i@example.net" || break
  i=$((i + 1))
done
is $i 20 "twenty more messages are queued"
start_queue
wait_until test -s "$sink/21.eml"; ok $? "all of them reach the peer"
conns=$(( $(cat "$sink/connections") - before ))
ok $([ "$conns" -le 2 ] && echo 0 || echo 1) "over one connection, reused ($conns for 20 messages)"
stop_queue
grep -q 'remote' "$R/var/qs.log"; ok $? "queue-send logged the remote deliveries"
done_testing
