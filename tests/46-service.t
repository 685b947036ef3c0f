#!/bin/sh
# The queue-send service as package/run starts it: its run script, the
# courierd defaults and the demo mailbox hook; queue-send runs as
# QUEUEUSER while only the spawner keeps root.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
cp "$TOP/package/etc/courierd" "$R/etc/courierd"
POSTERN_HOME=$R "$TOP/package/setup.d/40-mailbox"; ok $? "the mailbox hook runs"
POSTERN_HOME=$R "$TOP/package/setup.d/40-mailbox"; ok $? "  and runs again"
test -d "$R/var/mail/demo/Maildir/new" && test -d "$R/var/mail/demo/Maildir/cur" && test -d "$R/var/mail/demo/Maildir/tmp"
ok $? "the demo account's Maildir exists"
is "$(stat -c %U "$R/var/mail/demo/Maildir")" "$MUSER" "  and belongs to MAILUSER"
is "$(stat -c %U "$R/var/backscatter")" "$QUSER" "var/backscatter belongs to QUEUEUSER"

account svc; S=$H
start_bg "$TOP/package/service/queue-send/run" >"$R/var/qs.log" 2>&1
QS_PID=$LAST_PID
printf 'Subject: svc\n\nbody of svc\n' | inject x@example.test svc@example.test
wait_until has_text "$S/Maildir" 'body of svc'; ok $? "the service delivers"
is "$(ps -o user= -p "$QS_PID" | tr -d ' ')" "$QUSER" "queue-send runs as QUEUEUSER"
spawner=$(ps -o pid= --ppid "$QS_PID" | tr -d ' ' | head -n 1)
is "$(ps -o comm= -p "$spawner")" "local-spawn" "the spawner is queue-send's child"
is "$(ps -o user= -p "$spawner" | tr -d ' ')" "$(id -un)" "  and keeps the identity the service started with"
kill "$QS_PID"; wait "$QS_PID"
ok $? "queue-send stops cleanly on SIGTERM"
wait_until sh -c "! kill -0 $spawner 2>/dev/null"; ok $? "  and the spawner follows it"
done_testing
