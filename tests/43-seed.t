#!/bin/sh
# The post-install checks of Courier's INSTALL guide, through sendmail:
# perftest1 (small), the user/group id check, mail to postmaster, and
# the return receipt of sendmail -Nsuccess.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
account user; U=$H
account admin; ADM=$H
account carol; C=$H
aliases 'postmaster: admin
root: postmaster'
mkdir -p "$U/test/tmp" "$U/test/new" "$U/test/cur" "$U/bounces/tmp" "$U/bounces/new" "$U/bounces/cur"
echo ./test > "$U/.courier-test-default"
echo ./bounces > "$U/.courier"
chown -R "$(stat -c %u:%g "$U")" "$U"
start_queue

# perftest1: N messages to user-test-1..user-test-5, one sendmail at a time.
N=20
i=0
while [ $i -lt $N ]; do
  printf 'Subject: perftest %d\n\nmessage %d\n' $i $i |
    sendmail -f user@example.test user-test-1 user-test-2 user-test-3 user-test-4 user-test-5 || break
  i=$((i + 1))
done
is "$i" "$N" "sendmail queued $N messages"
wait_until has_new "$U/test" $((N * 5)); ok $? "perftest1: $((N * 5)) files in test/new"
wait_until queue_empty; ok $? "  and the queue is empty"
is "$(count_new "$U/test")" "$((N * 5))" "  exactly $((N * 5)), no duplicates"
for k in 1 2 3 4 5; do
  c=$(cat "$U"/test/new/* | grep -c "^Delivered-To: user-test-$k@example.test\$")
  is "$c" "$N" "  $N Delivered-To: lines for user-test-$k"
done
is "$(count_new "$U/bounces")" 0 "  nothing bounced"
is "$(grep -c 'deferred' "$R/var/qs.log")" 0 "  nothing deferred"

# The user/group id check.
printf '| /usr/bin/id >ID\n| /usr/bin/env >ENV\n' > "$U/.courier"
chown "$(stat -c %u:%g "$U")" "$U/.courier"
echo "To: user" | sendmail
wait_until test -s "$U/ENV"; ok $? "the id check's message ran the .courier programs"
if [ "$(id -u)" -eq 0 ]; then
  u=$(stat -c %u "$U")
  is "$(cat "$U/ID")" "uid=$u gid=$u groups=$u" "id: the user's uid and gid, no groups leaked from root"
else
  like "$(cat "$U/ID")" "^uid=$(id -u)" "id: the user's uid"
fi
extra=$(grep '^[A-Z0-9_]*=' "$U/ENV" | sed 's/=.*//' | grep -vx 'HOME\|USER\|SENDER\|RECIPIENT\|HOST\|LOCAL\|EXT\|EXT[234]\|DEFAULT\|DTLINE\|RPLINE\|UFLINE\|PATH\|PWD\|POSTERN_HOME' | tr '\n' ' ')
is "$extra" "" "env: only the variables dot-courier(5) documents"

# Mail to postmaster reaches the aliased admin.
echo "To: postmaster" | sendmail
wait_until has_new "$ADM/Maildir" 1; ok $? "echo 'To: postmaster' | sendmail reaches admin"

# The return receipt.
echo "To: postmaster" | sendmail -Nsuccess -f carol@example.test
wait_until has_new "$ADM/Maildir" 2; ok $? "sendmail -Nsuccess: the message is delivered"
wait_until has_text "$C/Maildir" 'Action: delivered'; ok $? "  and the sender gets a return receipt"

stop_queue
done_testing
