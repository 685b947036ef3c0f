#!/bin/sh
# Local delivery through queue-send, local-spawn and local: Maildir,
# extensions and -default files, qmail mode, mbox, programs with their
# environment and ids, forwards and loops, aliases, quotas.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
account alice; A=$H
account bob; B=$H
aliases 'postmaster: alice
team: alice, bob
root: postmaster'
start_queue

msg() { printf 'From: sender@example.org\nSubject: %s\n\nbody of %s\nFrom the start\n' "$1" "$1"; }

msg plain | inject sender@example.org alice@example.test; ok $? "a message is injected"
wait_until has_new "$A/Maildir" 1; ok $? "it reaches alice's Maildir/new"
f=$(ls "$A/Maildir/new" | head -n 1)
like "$f" ',S=[0-9]+' "the file name carries ,S=size"
is "$(stat -c %s "$A/Maildir/new/$f")" "$(echo "$f" | sed 's/.*,S=\([0-9]*\).*/\1/')" "S= is the size on disk"
is "$(head -n 2 "$A/Maildir/new/$f")" "$(printf 'Return-Path: <sender@example.org>\nDelivered-To: alice@example.test')" "Return-Path and Delivered-To come first"
[ "$(id -u)" -ne 0 ] || { is "$(stat -c %u "$A/Maildir/new/$f")" "$(stat -c %u "$A")" "the file belongs to alice"; }
wait_until queue_empty; ok $? "the queue is empty afterwards"

# Extensions.
mkdir -p "$A/test" "$A/test/tmp" "$A/test/new" "$A/test/cur" "$A/exact/tmp" "$A/exact/new" "$A/exact/cur"
echo ./test > "$A/.courier-test-default"
echo ./exact/ > "$A/.courier-foo"
chown -R "$(stat -c %u:%g "$A")" "$A"
msg ext | inject s@example.org alice-test-1@example.test alice-test-2@example.test alice-foo@example.test
wait_until has_new "$A/test" 2; ok $? ".courier-test-default takes alice-test-1 and alice-test-2"
wait_until has_new "$A/exact" 1; ok $? ".courier-foo takes alice-foo"
grep -h '^Delivered-To:' "$A"/test/new/* | sort > "$R/dt"
is "$(cat "$R/dt")" "$(printf 'Delivered-To: alice-test-1@example.test\nDelivered-To: alice-test-2@example.test')" "each copy has its own Delivered-To"
msg noext | inject s@example.org bob-nothing@example.test
wait_until grep -q 'failed .*bob-nothing@example.test.*5.1.1' "$R/var/qs.log"; ok $? "an extension without a file fails with 5.1.1"

# Programs: uid, groups, environment.
cat > "$B/.courier" <<'X'
# the seed's user/group id check
| /usr/bin/id >ID
| /usr/bin/env >ENV
./Maildir/
X
chown "$(stat -c %u:%g "$B")" "$B/.courier"
msg idcheck | inject s@example.org bob@example.test
wait_until has_new "$B/Maildir" 1; ok $? "bob's .courier runs to its Maildir line"
if [ "$(id -u)" -eq 0 ]; then
  u=$(stat -c %u "$B")
  like "$(cat "$B/ID")" "^uid=$u gid=$u groups=$u\$" "the program ran as bob with no supplementary groups"
else
  like "$(cat "$B/ID")" "^uid=$(id -u) " "the program ran as the account"
fi
vars=$(grep '^[A-Z0-9_]*=' "$B/ENV" | sed 's/=.*//' | grep -v '^PWD$' | sort | tr '\n' ' ')
is "$vars" "DEFAULT DTLINE EXT EXT2 EXT3 EXT4 HOME HOST LOCAL PATH POSTERN_HOME RECIPIENT RPLINE SENDER UFLINE USER " "only the documented variables reach the program"
grep -qx 'RECIPIENT=bob@example.test' "$B/ENV"; ok $? "RECIPIENT is the recipient"
grep -qx 'SENDER=s@example.org' "$B/ENV"; ok $? "SENDER is the return address"
grep -qx "HOME=$B" "$B/ENV"; ok $? "HOME is the account's home"

# courierd variables are passed on; DEFAULT and EXT for -default files.
printf 'DEFAULTDELIVERY=./Maildir\nSITEVAR=hello\n' > "$R/etc/courierd"
printf '| /usr/bin/env > ENV2\n' > "$B/.courier-list-default"
chown "$(stat -c %u:%g "$B")" "$B/.courier-list-default"
msg list | inject s@example.org bob-list-x-y@example.test
wait_until test -s "$B/ENV2"; ok $? "bob-list-x-y runs .courier-list-default"
grep -qx 'SITEVAR=hello' "$B/ENV2"; ok $? "courierd variables reach the program"
grep -qx 'DEFAULT=x-y' "$B/ENV2"; ok $? "DEFAULT is the part -default matched"
grep -qx 'EXT=list-x-y' "$B/ENV2" && grep -qx 'EXT2=x-y' "$B/ENV2" && grep -qx 'EXT3=y' "$B/ENV2"; ok $? "EXT, EXT2, EXT3"

# Exit 99 stops, 100 bounces (checked in the DSN test), mbox with locking.
printf '| exit 99\n./never/\n' > "$B/.courier-stop"
printf './mbox\n' > "$B/.courier-mb"
chown "$(stat -c %u:%g "$B")" "$B/.courier-stop" "$B/.courier-mb"
msg stop | inject s@example.org bob-stop@example.test
wait_until grep -q 'delivered .*bob-stop@' "$R/var/qs.log"; ok $? "exit 99 counts as delivered"
test ! -e "$B/never"; ok $? "  and skips the lines after it"
touch "$B/mbox"; chown "$(stat -c %u:%g "$B")" "$B/mbox"
python3 -c '
import fcntl, sys, time
f = open(sys.argv[1], "a"); fcntl.flock(f, fcntl.LOCK_EX); open(sys.argv[2], "w").close(); time.sleep(2)
f.write("held\n"); f.flush()' "$B/mbox" "$R/locked" &
lockpid=$!
wait_until test -e "$R/locked"
msg mbox1 | inject 'odd sender@example.org' bob-mb@example.test
sleep 1
is "$(cat "$B/mbox")" "" "while another process holds the flock, nothing is written"
wait "$lockpid"
wait_until grep -q 'body of mbox1' "$B/mbox"; ok $? "the delivery goes through once the lock is released"
is "$(head -n 1 "$B/mbox")" "held" "it was appended after the holder's write"
grep -q '^>From the start' "$B/mbox"; ok $? "From_ lines in the body are quoted"
like "$(sed -n 2p "$B/mbox")" '^From odd-sender@example.org ' "the From_ line names the sender"

# qmail mode.
echo qmail > "$R/etc/dotextension"
mkdir -p "$B/q/tmp" "$B/q/new" "$B/q/cur"; echo ./q/ > "$B/.qmail-qm"
chown -R "$(stat -c %u:%g "$B")" "$B"
msg qmail | inject s@example.org bob-qm@example.test
wait_until has_new "$B/q" 1; ok $? "dotextension qmail reads .qmail files"
rm "$R/etc/dotextension"

# Aliases.
msg pm | inject s@example.org postmaster
wait_until has_text "$A/Maildir" 'body of pm'; ok $? "postmaster reaches the aliased account"
msg rootmail | inject s@example.org root@example.test
wait_until has_text "$A/Maildir" 'body of rootmail'; ok $? "root goes through aliases to the admin"
msg team | inject s@example.org team@example.test
wait_until has_text "$B/Maildir" 'body of team'; ok $? "a list alias reaches bob"
wait_until has_text "$A/Maildir" 'body of team'; ok $? "  and alice"

# Hosted domains: accounts named by the full address; qmail-style
# "@domain: user" aliases; UUCP paths wait for their transport.
echo hosted.test > "$R/etc/hosteddomains"
"$R/command/makehosteddomains" >/dev/null; ok $? "makehosteddomains"
account vuser@hosted.test; V=$H
mkdir -p "$V/lists/tmp" "$V/lists/new" "$V/lists/cur"; echo ./lists/ > "$V/.courier-lists"
chown -R "$(stat -c %u:%g "$V")" "$V"
msg hosted | inject s@example.org vuser@hosted.test VUser-Lists@Hosted.TEST
wait_until has_text "$V/Maildir" 'body of hosted'; ok $? "a hosted account gets its mail"
wait_until has_text "$V/lists" 'body of hosted'; ok $? "  and its extension address, in any case"
aliases 'postmaster: alice
team: alice, bob
root: postmaster
@virt.test: alice'
msg virt | inject s@example.org Foo@virt.test
wait_until has_text "$A/exact" 'body of virt'; ok $? "@virt.test: alice delivers foo@virt.test by alice's .courier-foo"
msg uucp | inject s@example.org 'otherhost!bob@example.test'
wait_until grep -q 'deferred .*otherhost!bob@example.test.*no uucp transport' "$R/var/qs.log"; ok $? "a UUCP path waits for the uucp transport"

# Forwarding and loops.
printf '&bob-fwd2@example.test\n' > "$A/.courier-fwd1"
printf '&alice-fwd1@example.test\n' > "$B/.courier-fwd2"
chown "$(stat -c %u:%g "$A")" "$A/.courier-fwd1"; chown "$(stat -c %u:%g "$B")" "$B/.courier-fwd2"
printf 'bob@example.test\n' > "$A/.courier-fwd3"; chown "$(stat -c %u:%g "$A")" "$A/.courier-fwd3"
msg fwdok | inject s@example.org alice-fwd3@example.test
wait_until has_text "$B/Maildir" 'body of fwdok'; ok $? "a bare address forwards"
f=$(grep -l 'body of fwdok' "$B"/Maildir/new/*)
grep -q '^Delivered-To: alice-fwd3@example.test' "$f"; ok $? "  with the forwarder's Delivered-To"
msg loop | inject '' alice-fwd1@example.test
wait_until grep -q 'failed .*5.4.6 mail loop' "$R/var/qs.log"; ok $? "a forwarding loop ends as a 5.4.6 mail loop"

# No delivery as root: an account with uid 0 waits for an alias.
printf 'toor\tuid=0|gid=0|home=%s\n' "$R/home" >> "$R/etc/userdb"
"$R/command/makeuserdb"
msg toor | inject s@example.org toor@example.test
wait_until grep -q 'deferred .*toor@example.test.*4.7.0 mail for uid 0 is not delivered' "$R/var/qs.log"; ok $? "mail for a uid 0 account is deferred, never delivered as root"

# Quota: over quota is a temporary failure.
printf '100S\n0 0\n' > "$A/Maildir/maildirsize"; chown "$(stat -c %u:%g "$A")" "$A/Maildir/maildirsize"
msg quota | inject s@example.org alice@example.test
wait_until grep -q 'deferred .*alice@example.test.*4.2.2' "$R/var/qs.log"; ok $? "over quota defers with 4.2.2"
test -n "$(ls "$R/queue/env")"; ok $? "  and the message stays queued"
grep -q "^T alice@example.test" "$R"/var/backscatter/* 2>/dev/null; ok $? "  and alice is on the suppression list"

stop_queue; [ -n "${KEEP:-}" ] && cp "$R/var/qs.log" /tmp/deliver-qs.log
done_testing
