#!/bin/sh
# Backscatter settings of courierd: ESMTP_BLOCKBACKSCATTER drops the
# bounces of mail from unauthenticated SMTP clients to remote addresses;
# DSNTOAUTHADDR=1 sends bounces to the submitter; the suppression list
# is kept from delivery outcomes.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
rm -f "$R/command/remote"    # keep remote recipients queued: no network
account admin; ADM=$H
account carol; C=$H
aliases 'postmaster: admin
root: postmaster
bounceme: |exit 100'
printf 'ESMTPDSTART=YES\nADDRESS=127.0.0.1\n' > "$R/etc/esmtpd"
port=$(free_port)
POSTERN_SMTP_PORT=$port start_bg "$R/command/smtpd-run" esmtpd POSTERN_SMTP_PORT >"$R/var/smtpd.log" 2>&1
wait_port "$port"; ok $? "smtpd listens"
start_queue

smtp() {  # smtp FROM TO SUBJECT
  /usr/bin/python3 - "$port" "$@" <<'PY'
import smtplib, sys
port, frm, to, subj = sys.argv[1:5]
s = smtplib.SMTP("127.0.0.1", int(port))
s.sendmail(frm, [to], "From: %s\r\nSubject: %s\r\n\r\nbody of %s\r\n" % (frm, subj, subj))
s.quit()
PY
}

smtp someone@example.org bounceme@example.test smtp1; ok $? "smtpd accepts mail from a stranger"
wait_until grep -q 'discarding backscatter notification for .* to <someone@example.org>' "$R/var/qs.log"
ok $? "ESMTP_BLOCKBACKSCATTER=smtp/dsn (the default) drops its bounce to the remote sender"
wait_until queue_empty; ok $? "  and nothing waits in the queue"

smtp carol@example.test bounceme@example.test smtp2
wait_until has_text "$C/Maildir" 'body of smtp2'; ok $? "a bounce to a local sender is still delivered"

stop_queue
printf 'ESMTP_BLOCKBACKSCATTER=\n' > "$R/etc/courierd"
start_queue
smtp someone@example.org bounceme@example.test smtp3
wait_until grep -q 'sent notification for .* to <someone@example.org>' "$R/var/qs.log"
ok $? "with ESMTP_BLOCKBACKSCATTER empty the bounce is queued for the remote sender"

stop_queue
printf 'DSNTOAUTHADDR=1\n' > "$R/etc/courierd"
start_queue
printf 'Subject: viaauth\n\nbody of viaauth\n' | sendmail -f carol@example.test bounceme@example.test
wait_until has_text "$ADM/Maildir" 'body of viaauth'; ok $? "DSNTOAUTHADDR=1: the bounce goes to the submitter (root, aliased to admin)"
test -z "$(grep -l 'body of viaauth' "$C"/Maildir/new/* 2>/dev/null)"; ok $? "  not to the return address"

stop_queue
done_testing
