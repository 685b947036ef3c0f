#!/bin/sh
# local-spawn runs as root and takes requests from queue-send, which
# runs as the queue user. A hostile queue-send may only name a delivery
# the queue already holds: it never chooses a uid, a gid or local's
# arguments, never names a file outside the queue, and nothing the
# queue user can put in queue/ makes root write or read a file for it.
. "$(dirname "$0")/lib/harness.sh"
. "$(dirname "$0")/lib/deliver.sh"
if [ "$(id -u)" -ne 0 ]; then
  echo "1..0 # SKIP local-spawn is privileged only when started as root"
  exit 0
fi
droot
nob=$(id -u nobody); nog=$(id -g nobody)
account alice; A=$H; auid=$(stat -c %u "$A")
account bob; B=$H
mkdir -p "$R/victim"
printf 'Subject: x\n\nbody\n' | inject sender@example.test alice@example.test root@example.test
ok $? "a message is queued"
ID=$(ls "$R/queue/env")
: > "$R/queue/status/$ID"; chown "$nob:$nog" "$R/queue/status/$ID"

# A stand-in for queue-send: the requests of file $1 on fd 3, then
# every result from fd 4 (slot index code recorded text, one a line)
# into $2.
cat > "$R/qs" <<'X'
#!/bin/sh
cat "$1" >&3
exec 3>&-
timeout 60 cat <&4 | xargs -0 -n5 printf '%s %s %s %s %s\n' > "$2"
X
chmod 755 "$R/qs"
spawn() { timeout 60 local-spawn "$R/qs" "$R/req" "$R/result" 2>"$R/err"; }
result() { grep "^$1 " "$R/result"; }
code() { result "$1" | cut -d' ' -f3; }

# 1. Hostile requests: every one is refused.
{
  printf '1 %s 0 0 0\n' "$ID"                        # asks for uid 0 and gid 0
  printf '2 %s 0 %s %s\n' "$ID" "$(stat -c %u "$B")" "$(stat -c %g "$B")"   # another uid
  printf '3 ../../etc/passwd 0\n'                    # a path out of the queue
  printf '4 %s/../%s 0\n' "$ID" "$ID"
  printf '5 .. 0\n'
  printf '6 %s 7\n' "$ID"                            # no such recipient
  printf '7 %s -1\n' "$ID"
  printf '8 %s 0x1\n' "$ID"
  printf '9 %s 1\n' "$ID"                            # a recipient that is root
  printf '10 %s 0 user %s x alice@example.test alice %s x %s/victim/evil/ x\n' "$ID" "$ID" "$A" "$R"   # local's arguments
  printf '11 %s 99999999999999999999999\n' "$ID"
  printf '6\00012\000%s\000%s\000%s\0000\000x\n' "$ID" "$nob" "$nog"  # the NUL-separated form
  head -c 5000 /dev/zero | tr '\000' 'a'; printf '\n'   # a line too long
} > "$R/req"
spawn
ok $? "local-spawn serves the hostile requests"
for s in 1 2 3 4 5 6 7 8 9 10 11; do
  c=$(code $s)
  case $c in 111|100) ok 0 "request $s is refused ($(result $s | cut -d' ' -f5-))";; *) ok 1 "request $s is refused (got '$c')";; esac
done
is "$(grep -c '^- \* 111 0 4.3.0 malformed request' "$R/result")" 2 "the NUL-separated request and the long line are refused"
like "$(result 9)" "uid 0" "mail for root is not delivered as root"
is "$(find "$A/Maildir" "$B/Maildir" "$R/victim" -type f | wc -l)" 0 "nothing is delivered"
test ! -e "$R/victim/evil"; ok $? "no Maildir named by the request is made"

# 2. The one honest request delivers, as the recipient's own uid.
printf '1 %s 0\n' "$ID" > "$R/req"
spawn
is "$(code 1)" 0 "the request for recipient 0 is delivered"
f=$(ls "$A/Maildir/new")
is "$(stat -c %u "$A/Maildir/new/$f")" "$auid" "as alice's uid, which the spawner looked up"
grep -q '^Delivered-To: alice@example.test' "$A/Maildir/new/$f"; ok $? "to the address in the envelope"
grep -q "^0 D " "$R/queue/status/$ID"; ok $? "the outcome is recorded in queue/status/ID"
is "$(stat -c %u "$R/queue/status/$ID")" "$nob" "which stays the queue owner's"

# 3. queue/status replaced by a symlink to a directory root owns.
mv "$R/queue/status" "$R/queue/status.real"
ln -s "$R/victim" "$R/queue/status"
spawn
is "$(ls "$R/victim")" "" "no status file is created through a symlinked queue/status"
rm "$R/queue/status"; mv "$R/queue/status.real" "$R/queue/status"

# 4. queue/status/ID a hard link to a file root owns.
echo 'root:secret' > "$R/victim/shadow"; chmod 600 "$R/victim/shadow"
mv "$R/queue/status/$ID" "$R/status.saved"
ln "$R/victim/shadow" "$R/queue/status/$ID"
spawn
is "$(stat -c %u "$R/victim/shadow")" 0 "a hard-linked status file is not chowned to the queue's owner"
is "$(cat "$R/victim/shadow")" "root:secret" "nor appended to"
rm -f "$R/queue/status/$ID"

# 5. queue/mess and queue/env replaced by symlinks: nothing is opened through them.
for d in mess env; do
  mkdir -p "$R/victim/$d"; cp "$R/queue/$d/$ID" "$R/victim/$d/"; chmod 600 "$R/victim/$d/$ID"
  mv "$R/queue/$d" "$R/queue/$d.real"
  ln -s "$R/victim/$d" "$R/queue/$d"
  n=$(ls "$A/Maildir/new" | wc -l)
  spawn
  like "$(result 1)" "unable to open the queued" "a file behind a symlinked queue/$d is not opened"
  is "$(ls "$A/Maildir/new" | wc -l)" "$n" "and nothing is delivered"
  rm "$R/queue/$d"; mv "$R/queue/$d.real" "$R/queue/$d"
done

# 6. Without queue/status/ID root creates nothing.
spawn
test ! -e "$R/queue/status/$ID"; ok $? "no status file is created by root"

# 7. Several recipients in one request: one run of local per account,
# each recipient with its own result and record.
printf './Maildir/\n' > "$A/.courier-foo"; chown "$auid" "$A/.courier-foo"
rm -f "$A"/Maildir/new/* "$B"/Maildir/new/*
printf 'Subject: y\n\nbody\n' | inject sender@example.test alice@example.test bob@example.test alice-foo@example.test alice-bar@example.test
ID2=$(ls "$R/queue/env" | grep -v "^$ID\$")
: > "$R/queue/status/$ID2"; chown "$nob:$nog" "$R/queue/status/$ID2"
{
  printf '1 %s 1,1\n' "$ID2"; printf '2 %s 2,0\n' "$ID2"; printf '3 %s 0,9\n' "$ID2"
  printf '4 %s 0,\n' "$ID2"
} > "$R/req"
spawn
is "$(grep -c '^[124] \* 111 0 4.3.0 malformed request' "$R/result")" 3 "a recipient named twice, out of order, or an empty index is refused"
is "$(result 3 | grep -c '4.3.0 no such recipient')" 2 "an index past the envelope refuses the whole request"
is "$(find "$A/Maildir" "$B/Maildir" -type f | wc -l)" 0 "and nothing is delivered"
printf '5 %s 0,1,2,3\n' "$ID2" > "$R/req"
spawn
is "$(grep -c '^5 ' "$R/result")" 4 "one result per recipient"
is "$(result 5 | cut -d' ' -f2,3,4 | sort | tr '\n' ,)" "0 0 1,1 0 1,2 0 1,3 100 1," "each with its own outcome, recorded"
like "$(result 5 | grep '^5 3 ')" "5.1.1 no such address here: alice-bar" "alice-bar has no dot-courier file"
is "$(grep -c ' D ' "$R/queue/status/$ID2")" 3 "three deliveries in queue/status/ID"
is "$(ls "$A/Maildir/new" | wc -l) $(ls "$B/Maildir/new" | wc -l)" "2 1" "alice gets two copies, bob one"
is "$(ls "$A/Maildir/new" | sed 's/.*P\([0-9]*\)Q.*/\1/' | sort -u | wc -l)" 1 "alice's two made by one run of local"
is "$(stat -c %u "$B/Maildir/new/"*)" "$(stat -c %u "$B")" "bob's as bob"
is "$(cat "$A"/Maildir/new/* | grep '^Delivered-To:' | sort | tr '\n' ,)" "Delivered-To: alice-foo@example.test,Delivered-To: alice@example.test," "each copy with its own Delivered-To:"

# 8. What a recipient's program prints cannot pass for the result of
# another recipient of the same run.
printf '||echo ./Maildir/; echo "1 0 forged" >&2; echo "1 0 forged"\n' > "$A/.courier-dyn"; chown "$auid" "$A/.courier-dyn"
printf 'Subject: z\n\nbody\n' | inject sender@example.test alice-dyn@example.test alice-bar@example.test
ID3=$(ls "$R/queue/env" | grep -v "^$ID\$" | grep -v "^$ID2\$")
: > "$R/queue/status/$ID3"; chown "$nob:$nog" "$R/queue/status/$ID3"
printf '6 %s 0,1\n' "$ID3" > "$R/req"
spawn
is "$(result 6 | cut -d' ' -f2,3 | sort | tr '\n' ,)" "0 0,1 100," "alice-dyn is delivered, alice-bar still fails"
done_testing
