#!/bin/sh
# An address extension with '/' in it never reaches a .courier file in a
# subdirectory of the home: '/' is read as ':', as '.' is.
. "$(dirname "$0")/lib/harness.sh"
. "$(dirname "$0")/lib/deliver.sh"
droot
account bob; B=$H
mkdir -p "$B/.courier-x" "$B/Other/tmp" "$B/Other/new" "$B/Other/cur"
echo "./Other/" > "$B/.courier-x/y"
echo "./Other/" > "$B/.courier-x:z"
chown -R "$(stat -c %u:%g "$B")" "$B"
start_queue
printf 'Subject: slash\n\nslash\n' | inject sender@example.test "bob-x/y@example.test"; ok $? "a message for bob-x/y is queued"
printf 'Subject: colon\n\ncolon\n' | inject sender@example.test "bob-x/z@example.test"; ok $? "a message for bob-x/z is queued"
wait_until has_new "$B/Other" 1; ok $? "bob-x/z is delivered by .courier-x:z ('/' read as ':')"
wait_until queue_empty; ok $? "both messages are finished"
stop_queue
has_text "$B/Other" slash; ok $([ $? -ne 0 ] && echo 0 || echo 1) "bob-x/y never used the file .courier-x/y in a subdirectory"
grep -q "x/y\|x:y" "$R/var/qs.log"; ok $? "its outcome is logged"
done_testing
