#!/bin/sh
# A bounce of a remote delivery names the host that refused it
# (Remote-MTA) and carries its SMTP reply as an smtp Diagnostic-Code and
# its enhanced status code.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
account alice; A=$H
sink=$R/var/sink
mkdir -p "$sink"
start_bg /usr/bin/python3 "$TOP/tests/lib/smtppeer.py" --port-file "$R/var/sink.port" --dump "$sink" \
  --reply 'bad=550 5.1.1 no such user here'
wait_until test -s "$R/var/sink.port"; ok $? "the receiving peer is up"
echo "example.net: [127.0.0.1],$(cat "$R/var/sink.port")" > "$R/etc/esmtproutes"
printf 'ESMTP_TIMEOUT_CONNECT=5\nESMTP_TIMEOUT_COMMAND=10\n' > "$R/etc/courierd"
start_queue
printf 'From: alice@example.test\nSubject: out\n\nbody\n' | inject alice@example.test bad@example.net
wait_until has_text "$A/Maildir" 'Final-Recipient'; ok $? "the refusal comes back as a DSN"
r=$(/usr/bin/python3 - "$A/Maildir" <<'PY'
import email, glob, os, sys
f = glob.glob(os.path.join(sys.argv[1], "new", "*"))[0]
m = email.message_from_binary_file(open(f, "rb"))
st = [p for p in m.get_payload() if p.get_content_type() == "message/delivery-status"][0].get_payload()
for k, v in st[1].items():
    print(k + ": " + v)
PY
)
echo "$r" | sed 's/^/# /'
like "$r" '^Remote-MTA: dns; 127\.0\.0\.1' "Remote-MTA names the host that answered"
like "$r" '^Diagnostic-Code: smtp; 550 5\.1\.1 no such user here' "Diagnostic-Code is its SMTP reply"
like "$r" '^Status: 5\.1\.1$' "Status is its enhanced status code"
like "$r" '^Action: failed' "Action: failed"
stop_queue
done_testing
