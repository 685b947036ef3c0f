#!/bin/sh
# Delivery status notifications and retries: 111 then success on retry,
# 100 bouncing as an RFC 3464 report (parsed by python's email
# package), success receipts, delay warnings, queuetime expiry, NOTIFY,
# RET, ENVID, ORCPT, double bounces, backscatter settings.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
account alice; A=$H
account carol; C=$H
account admin; ADM=$H
aliases 'postmaster: admin'
echo 1 > "$R/etc/retryalpha"; echo 1 > "$R/etc/retrygamma"; echo 1 > "$R/etc/retrymaxdelta"
printf '| test -e flag || { touch flag; echo not yet; exit 111; }\n./Maildir/\n' > "$A/.courier-soft"
printf '| echo no such mailbox here; exit 100\n' > "$A/.courier-hard"
printf '| echo try later; exit 111\n' > "$A/.courier-slow"
chown "$(stat -c %u:%g "$A")" "$A"/.courier-*
start_queue

msg() { printf 'From: carol@example.test\nSubject: %s\nMessage-ID: <%s@example.test>\n\nbody of %s\n' "$1" "$1" "$1"; }

# report MAILDIR SUBJECT-PATTERN: prints the parsed report of the newest
# message whose Subject matches, one "Name: value" per line.
report() {
  /usr/bin/python3 - "$@" <<'PY'
import email, glob, os, re, sys
from email import policy
d, pat = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(os.path.join(d, "new", "*")), key=os.path.getmtime)
for f in reversed(files):
    m = email.message_from_binary_file(open(f, "rb"), policy=policy.compat32)
    if not re.search(pat, m.get("Subject", "")):
        continue
    print("Content-Type:", m.get_content_type(), m.get_param("report-type"))
    print("To:", m["To"])
    print("Return-Path:", m["Return-Path"])
    parts = m.get_payload()
    print("Parts:", " ".join(p.get_content_type() for p in parts))
    status = [p for p in parts if p.get_content_type() == "message/delivery-status"][0]
    blocks = status.get_payload()
    for k, v in blocks[0].items():
        print("Msg-" + k + ":", v)
    for b in blocks[1:]:
        for k, v in b.items():
            print(k + ":", v)
    last = parts[-1]
    if last.get_content_type() == "message/rfc822":
        inner = last.get_payload()[0]
        print("Returned-Subject:", inner["Subject"])
        print("Returned-Body:", inner.get_payload().strip())
    elif last.get_content_type() == "text/rfc822-headers":
        txt = last.get_payload()
        print("Returned-Headers:", "Subject: " in txt and "body of" not in txt)
    break
PY
}

msg soft | inject carol@example.test alice-soft@example.test
wait_until has_text "$A/Maildir" 'body of soft'; ok $? "exit 111 is retried and the retry delivers"
grep -q 'deferred .*alice-soft@example.test>: 4.3.0 program .* exited 111: not yet' "$R/var/qs.log"; ok $? "  the first attempt was logged as deferred with the program's words"

msg hard | inject carol@example.test alice-hard@example.test
wait_until has_text "$C/Maildir" 'Undelivered'; ok $? "exit 100 bounces to the sender"
r=$(report "$C/Maildir" Undelivered)
echo "$r" | sed 's/^/# /'
like "$r" 'Content-Type: multipart/report delivery-status' "the bounce is a multipart/report of type delivery-status"
like "$r" 'Return-Path: <>' "  sent with the null return path"
like "$r" 'Parts: text/plain message/delivery-status message/rfc822' "  with a human part, the status and the message"
like "$r" 'Msg-Reporting-MTA: dns; example.test' "  Reporting-MTA"
like "$r" 'Final-Recipient: rfc822; alice-hard@example.test' "  Final-Recipient"
like "$r" 'Action: failed' "  Action: failed"
like "$r" 'Status: 5\.[0-9]\.[0-9]' "  a 5.x.x Status"
like "$r" 'Diagnostic-Code: X-Postern; 5.3.0 program .* exited 100: no such mailbox here' "  the program's reason"
like "$r" 'Returned-Subject: hard' "  the original message's headers"
like "$r" 'Returned-Body: body of hard' "  and body (RET=FULL by default for failures)"

# ENVID, ORCPT, RET=HDRS.
msg hdrs | inject_env 'Fcarol@example.test\0VENV-42\0HHDRS\0Talice-hard@example.test\0Orfc822;Alice-Hard@Example.TEST\0\0'; ok $? "a message with ENVID, RET and ORCPT is queued"
wait_until has_text "$C/Maildir" "Original-Envelope-Id: ENV-42"; ok $? "ENVID comes back as Original-Envelope-Id"
f=$(grep -l 'Original-Envelope-Id: ENV-42' "$C"/Maildir/new/*)
grep -q '^Original-Recipient: rfc822;Alice-Hard@Example.TEST' "$f"; ok $? "ORCPT comes back as Original-Recipient"
grep -q '^Content-Type: text/rfc822-headers' "$f" && ! grep -q 'body of hdrs' "$f"; ok $? "RET=HDRS returns the header only"

# NOTIFY=NEVER: nothing comes back.
before=$(count_new "$C/Maildir")
msg never | inject_env 'Fcarol@example.test\0Talice-hard@example.test\0NNEVER\0\0'
wait_until grep -q 'failed .*alice-hard.*' "$R/var/qs.log"; wait_until queue_empty
is "$(count_new "$C/Maildir")" "$before" "NOTIFY=NEVER: no bounce"

# Success receipts.
msg receipt | inject_env 'Fcarol@example.test\0Talice@example.test\0NSUCCESS\0\0'
wait_until has_text "$C/Maildir" 'Delivery report'; ok $? "NOTIFY=SUCCESS brings a receipt"
r=$(report "$C/Maildir" 'Delivery report')
like "$r" 'Action: delivered' "  with Action: delivered"
like "$r" 'Status: 2\.0\.0' "  and Status 2.0.0"
like "$r" 'Parts: text/plain message/delivery-status text/rfc822-headers' "  and only the header of the message"

# Bounce of a bounce: to postmaster; a failing double bounce is dropped.
msg dbl | inject '' alice-hard@example.test
wait_until has_text "$ADM/Maildir" 'body of dbl'; ok $? "a bounce that fails goes to postmaster"
like "$(report "$ADM/Maildir" Undelivered)" 'To: <postmaster@example.test>' "  addressed to postmaster"
aliases 'postmaster: alice-hard'
msg dbl2 | inject '' alice-hard@example.test
wait_until grep -q 'discarding a failed double bounce' "$R/var/qs.log"; ok $? "a double bounce that fails is dropped"
wait_until queue_empty; ok $? "  and the queue empties: no loop"
aliases 'postmaster: admin'

# Delay warnings and queuetime expiry (short times).
stop_queue; [ -n "${KEEP:-}" ] && cp "$R/var/qs.log" /tmp/deliver-qs.log
echo 2 > "$R/etc/warntime"; echo 6 > "$R/etc/queuetime"
start_queue
msg slow | inject carol@example.test alice-slow@example.test
wait_until has_text "$C/Maildir" 'Delayed mail'; ok $? "a delay warning after warntime"
r=$(report "$C/Maildir" 'Delayed mail')
like "$r" 'Action: delayed' "  Action: delayed"
like "$r" 'Status: 4\.[0-9]\.[0-9]' "  a 4.x.x Status"
like "$r" 'Will-Retry-Until: ' "  and Will-Retry-Until"
sleep 1
is "$(grep -l 'Delayed mail' "$C"/Maildir/new/* | wc -l)" 1 "only one warning per recipient"
wait_until grep -q 'failed .*alice-slow.*4.4.7' "$R/var/qs.log"; ok $? "after queuetime the recipient fails with 4.4.7"
slow_failed() { grep -l 'alice-slow' "$C"/Maildir/new/* | xargs grep -lq 'Action: failed'; }
wait_until slow_failed; ok $? "  and the sender gets the failure"

# Remote recipients without a remote transport stay queued.
mv "$R/command/remote" "$R/command/remote.off" 2>/dev/null
stop_queue; echo 1w > "$R/etc/queuetime"; start_queue
msg far | inject carol@example.test someone@example.org
wait_until grep -q 'deferred .*someone@example.org.*no remote transport' "$R/var/qs.log"; ok $? "a remote recipient without a transport is deferred with a clear status"
test -n "$(ls "$R/queue/env")"; ok $? "  and stays queued"

stop_queue; [ -n "${KEEP:-}" ] && cp "$R/var/qs.log" /tmp/deliver-qs.log
done_testing
