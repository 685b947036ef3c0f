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
# every result from fd 4 (NULs made spaces, one result a line) into $2.
cat > "$R/qs" <<'X'
#!/bin/sh
cat "$1" >&3
exec 3>&-
timeout 60 cat <&4 | tr '\000' ' ' | sed 's/\([0-9-]* [0-9]* [01] [^ ]*\)/\n\1/g' > "$2"
X
chmod 755 "$R/qs"
spawn() { timeout 60 local-spawn "$R/qs" "$R/req" "$R/result" 2>"$R/err"; }
result() { grep "^$1 " "$R/result"; }
code() { result "$1" | cut -d' ' -f2; }

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
for s in 1 2 3 4 5 6 7 8 9 11; do
  c=$(code $s)
  case $c in 111|100) ok 0 "request $s is refused ($(result $s | cut -d' ' -f4-))";; *) ok 1 "request $s is refused (got '$c')";; esac
done
is "$(grep -c '^- 111 0 4.3.0 malformed request' "$R/result")" 3 "local's arguments, the NUL-separated request and the long line are refused"
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
done_testing
