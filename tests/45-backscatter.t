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
bounceme: |exit 100
bounceme2: |exit 100
bounceme3: |exit 100
bounceme4: |exit 100
busy: |exit 111'
printf 'ESMTPDSTART=YES\nADDRESS=127.0.0.1\n' > "$R/etc/esmtpd"
port=$(free_port)
POSTERN_SMTP_PORT=$port start_bg "$R/command/smtpd-run" esmtpd POSTERN_SMTP_PORT >"$R/var/smtpd.log" 2>&1
LAST_SMTPD=$LAST_PID
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

rcpt() {  # rcpt FROM TO: prints the reply code to RCPT
  /usr/bin/python3 - "$port" "$@" <<'PY'
import smtplib, sys
port, frm, to = sys.argv[1:4]
s = smtplib.SMTP("127.0.0.1", int(port))
s.ehlo("stranger.example.org")
s.mail(frm)
print(s.rcpt(to)[0])
s.quit()
PY
}
is "$(rcpt someone@example.org bounceme@example.test)" 550 "the suppression list: smtpd now refuses the address whose delivery failed (550)"
queue-ctl clear bounceme@example.test >/dev/null
is "$(rcpt someone@example.org bounceme@example.test)" 250 "  until queue-ctl clear removes it"
smtp someone@example.org busy@example.test busy1
wait_until grep -q 'deferred .*<busy@example.test>' "$R/var/qs.log"
is "$(rcpt someone@example.org busy@example.test)" 450 "an address whose delivery failed temporarily is refused with 450"
stop_queue
printf 'opt BOFHSUPPRESSBACKSCATTER=none\n' > "$R/etc/bofh"
kill "$LAST_SMTPD" 2>/dev/null
port=$(free_port)
POSTERN_SMTP_PORT=$port start_bg "$R/command/smtpd-run" esmtpd POSTERN_SMTP_PORT >>"$R/var/smtpd.log" 2>&1
wait_port "$port"
is "$(rcpt someone@example.org busy@example.test)" 250 "opt BOFHSUPPRESSBACKSCATTER=none in bofh turns it off"
start_queue

smtp carol@example.test bounceme2@example.test smtp2
wait_until has_text "$C/Maildir" 'body of smtp2'; ok $? "a bounce to a local sender is still delivered"

stop_queue
printf 'ESMTP_BLOCKBACKSCATTER=\n' > "$R/etc/courierd"
start_queue
smtp someone@example.org bounceme3@example.test smtp3
wait_until grep -q 'sent notification for .* to <someone@example.org>' "$R/var/qs.log"
ok $? "with ESMTP_BLOCKBACKSCATTER empty the bounce is queued for the remote sender"

stop_queue
printf 'DSNTOAUTHADDR=1\n' > "$R/etc/courierd"
start_queue
printf 'Subject: viaauth\n\nbody of viaauth\n' | sendmail -f carol@example.test bounceme4@example.test
wait_until has_text "$ADM/Maildir" 'body of viaauth'; ok $? "DSNTOAUTHADDR=1: the bounce goes to the submitter (root, aliased to admin)"
test -z "$(grep -l 'body of viaauth' "$C"/Maildir/new/* 2>/dev/null)"; ok $? "  not to the return address"

stop_queue
done_testing
