#!/bin/sh
# local-spawn runs as root inside a queue the queue user owns: nothing
# the queue user can put in queue/ may make it write or chown a file
# outside the queue, or read one for a recipient.
. "$(dirname "$0")/lib/harness.sh"
mkroot
R=$POSTERN_HOME
if [ "$(id -u)" -ne 0 ]; then
  echo "1..0 # SKIP local-spawn is privileged only when started as root"
  exit 0
fi
nob=$(id -u nobody); nog=$(id -g nobody)
mkdir -p "$R/queue/mess" "$R/queue/status" "$R/queue/lock" "$R/victim"
chown -R "$nob:$nog" "$R/queue"
ID=6920a1b201e24.1a2b
printf 'Subject: x\n\nbody\n' > "$R/queue/mess/$ID"
chown "$nob:$nog" "$R/queue/mess/$ID"

# A stand-in for queue-send: one request on fd 3, then wait for its result on fd 4.
cat > "$R/qs" <<'X'
#!/bin/sh
printf '6\000s1\000%s\000%s\000%s\0000\000x@example.test\000' "$1" "$2" "$3" >&3
timeout 30 dd bs=2000 count=1 <&4 2>/dev/null | tr "\\000" " " > "$4"
X
chmod 755 "$R/qs"
spawn() { timeout 60 local-spawn "$R/qs" "$ID" "$nob" "$nog" "$R/result" 2>"$R/err"; }

# 1. queue/status replaced by a symlink to a directory root owns.
mv "$R/queue/status" "$R/queue/status.real"
ln -s "$R/victim" "$R/queue/status"
spawn
ok $? "local-spawn runs the request"
is "$(ls "$R/victim")" "" "no status file is created through a symlinked queue/status"
rm "$R/queue/status"; mv "$R/queue/status.real" "$R/queue/status"

# 2. queue/status/ID a hard link to a file root owns.
echo 'root:secret' > "$R/victim/shadow"; chmod 600 "$R/victim/shadow"
ln "$R/victim/shadow" "$R/queue/status/$ID"
spawn
is "$(stat -c %u "$R/victim/shadow")" 0 "a hard-linked status file is not chowned to the queue's owner"
is "$(cat "$R/victim/shadow")" "root:secret" "nor appended to"
rm -f "$R/queue/status/$ID"

# 3. queue/mess replaced by a symlink: the message is not opened through it.
mkdir "$R/victim/m"; printf 'Subject: secret\n\nroot only\n' > "$R/victim/m/$ID"; chmod 600 "$R/victim/m/$ID"
mv "$R/queue/mess" "$R/queue/mess.real"
ln -s "$R/victim/m" "$R/queue/mess"
spawn
grep -q "unable to open the queued message" "$R/result"; ok $? "a message behind a symlinked queue/mess is not opened"
rm "$R/queue/mess"; mv "$R/queue/mess.real" "$R/queue/mess"

# 4. queue-send makes queue/status/ID when it takes a message; without
# it root creates nothing, with it the outcome is appended.
rm -f "$R/queue/status/$ID"
spawn
test ! -e "$R/queue/status/$ID"; ok $? "no status file is created by root"
: > "$R/queue/status/$ID"; chown "$nob:$nog" "$R/queue/status/$ID"
spawn
test -s "$R/queue/status/$ID"; ok $? "the outcome is recorded in queue/status/ID"
is "$(stat -c %u "$R/queue/status/$ID")" "$nob" "which stays the queue owner's"
done_testing
