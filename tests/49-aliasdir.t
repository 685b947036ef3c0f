#!/bin/sh
# Courier's etc/aliasdir: a local address that is neither an alias nor
# an account is delivered by aliasdir/.courier-LOCAL or a -default file
# there, as MAILUSER with the directory as HOME; smtpd accepts exactly
# the addresses such a file exists for.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
account alice; A=$H
AD=$R/etc/aliasdir
BOX=$R/var/aliasbox
mkdir -p "$AD" "$BOX/tmp" "$BOX/new" "$BOX/cur"
chown -R "$MUSER" "$BOX"
echo > "$AD/.courier-kitchensink"                        # a blank line: drop the message
printf '%s/\n| /usr/bin/id -u > %s/uid; echo "$DEFAULT" > %s/default\n' "$BOX" "$BOX" "$BOX" > "$AD/.courier-srs0-default"
echo "./never/" > "$AD/.courier-alice"                   # accounts come first
start_queue
msg() { printf 'From: sender@example.org\nSubject: %s\n\nbody of %s\n' "$1" "$1"; }

msg sink | inject s@example.org kitchensink@example.test
wait_until grep -q 'delivered .*kitchensink@example.test' "$R/var/qs.log"; ok $? "aliasdir/.courier-kitchensink delivers kitchensink@"
wait_until queue_empty; ok $? "  and the message is gone: a blank file is a kitchen sink"

msg srs | inject s@example.org SRS0-abc@example.test
wait_until has_new "$BOX" 1; ok $? "aliasdir/.courier-srs0-default takes SRS0-abc@ (matched lower-cased)"
wait_until test -s "$BOX/default"; ok $? "  and runs its program line"
is "$(cat "$BOX/uid")" "$(id -u "$MUSER")" "  as MAILUSER"
is "$(cat "$BOX/default")" "abc" "  with DEFAULT the part the -default file matched"

msg mine | inject s@example.org alice@example.test
wait_until has_new "$A/Maildir" 1; ok $? "an account is delivered to its own mailbox, whatever aliasdir holds"

msg nobody | inject s@example.org nosuch@example.test
wait_until grep -q 'failed .*nosuch@example.test.*5.1.1' "$R/var/qs.log"; ok $? "an address with no account and no aliasdir file fails with 5.1.1"

# smtpd decides at RCPT time what the delivery will find.
sed 's/^MAXPERIP=.*//' "$TOP/package/etc/esmtpd" > "$R/etc/esmtpd"
printf 'ESMTP_STARTTLS=NO\nMAXPERIP=0\nADDRESS=127.0.0.1\n' >> "$R/etc/esmtpd"
port=$(free_port)
POSTERN_SMTP_PORT=$port start_bg "$R/command/smtpd-run" esmtpd POSTERN_SMTP_PORT
wait_port "$port"; ok $? "smtpd listens"
rcpt() {
  swaks -s 127.0.0.1 -p "$port" -f s@example.org -t "$1" --quit-after RCPT 2>&1 | grep -A1 -- '-> RCPT TO' | tail -n 1
}
like "$(rcpt kitchensink@example.test)" '250' "smtpd accepts kitchensink@ (aliasdir/.courier-kitchensink)"
like "$(rcpt SRS0-xyz@example.test)" '250' "smtpd accepts SRS0-xyz@ (aliasdir/.courier-srs0-default)"
like "$(rcpt nosuch@example.test)" '550 5.1.1' "smtpd refuses an address aliasdir has no file for"
echo '# catch-all' > "$AD/.courier-default"
like "$(rcpt anything@example.test)" '250' "with aliasdir/.courier-default every local address is accepted"
stop_queue
done_testing
