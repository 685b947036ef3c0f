#!/bin/sh
# Dynamic delivery instructions (||program in a dot-courier file): the
# program's output, when it exits 0, is more instructions; nesting is
# limited to three levels; exit codes as for |program; DYNAMICDELIVERIES=0
# in courierd turns the feature off.
. "$(dirname "$0")/lib/harness.sh"
. "$TOP/tests/lib/deliver.sh"
droot
account carol; C=$H
start_queue
own() { chown "$(stat -c %u:%g "$C")" "$@"; }
msg() { printf 'From: sender@example.org\nSubject: %s\n\nbody of %s\n' "$1" "$1"; }

mkdir -p "$C/dyn/tmp" "$C/dyn/new" "$C/dyn/cur" "$C/deep/tmp" "$C/deep/new" "$C/deep/cur"
cat > "$C/gen" <<'X'
#!/bin/sh
# Prints instructions that depend on the extension, as a real generator would.
echo "# made for $EXT"
echo "./dyn/"
echo "| echo \$RECIPIENT > RAN-$EXT"
X
chmod 755 "$C/gen"
echo '||./gen' > "$C/.courier-gen"
own -R "$C"
msg dyn | inject s@example.org carol-gen@example.test; ok $? "a message for carol-gen is injected"
wait_until has_new "$C/dyn" 1; ok $? "the Maildir line a ||program printed is delivered to"
wait_until test -s "$C/RAN-gen"; ok $? "the |program line it printed runs too"
is "$(cat "$C/RAN-gen")" "carol-gen@example.test" "  with the delivery's environment"
is "$(count_new "$C/Maildir")" 0 "nothing went to the default Maildir"

# Three levels of ||program are followed; a fourth is refused.
cat > "$C/nest" <<'X'
#!/bin/sh
# Level N prints ||nest N+1 until 3, then a Maildir line.
n=${1:-1}
if [ "$n" -lt 3 ]; then echo "||./nest $((n + 1))"; else echo ./deep/; fi
X
cat > "$C/forever" <<'X'
#!/bin/sh
echo '||./forever'
X
chmod 755 "$C/nest" "$C/forever"
echo '||./nest' > "$C/.courier-nest"
echo '||./forever' > "$C/.courier-loop"
own -R "$C"
msg nest | inject s@example.org carol-nest@example.test
wait_until has_new "$C/deep" 1; ok $? "three nested ||programs reach their Maildir line"
msg loop | inject s@example.org carol-loop@example.test
wait_until grep -q 'failed .*carol-loop@example.test.*5.4.6 dynamic delivery instructions nested more than 3 deep' "$R/var/qs.log"
ok $? "a ||program that always prints another one fails permanently at the fourth level"

# Exit codes: 111 retries later, 100 bounces, 99 skips the rest.
printf '#!/bin/sh\necho ./dyn/\necho busy >&2\nexit 111\n' > "$C/tempfail"
printf '#!/bin/sh\necho nope\nexit 100\n' > "$C/permfail"
printf '#!/bin/sh\necho ./dyn/\nexit 99\n' > "$C/stop"
chmod 755 "$C/tempfail" "$C/permfail" "$C/stop"
echo '||./tempfail' > "$C/.courier-temp"
echo '||./permfail' > "$C/.courier-perm"
printf '||./stop\n./deep/\n' > "$C/.courier-stop"
own -R "$C"
before=$(count_new "$C/dyn")
msg temp | inject s@example.org carol-temp@example.test
wait_until grep -q 'deferred .*carol-temp@example.test.*4.3.0 program ./tempfail exited 111' "$R/var/qs.log"
ok $? "exit 111 is a temporary failure"
is "$(count_new "$C/dyn")" "$before" "  and the instructions it printed are not carried out"
msg perm | inject s@example.org carol-perm@example.test
wait_until grep -q 'failed .*carol-perm@example.test.*5.3.0 program ./permfail exited 100: nope' "$R/var/qs.log"
ok $? "exit 100 is a permanent failure, reported with the program's first line"
deep=$(count_new "$C/deep")
msg stop | inject s@example.org carol-stop@example.test
wait_until grep -q 'delivered .*carol-stop@example.test' "$R/var/qs.log"; ok $? "exit 99 counts as done"
is "$(count_new "$C/deep")" "$deep" "  and the instructions after it are skipped"

# Off when courierd says DYNAMICDELIVERIES=0 (read at each delivery).
echo 'DYNAMICDELIVERIES=0' > "$R/etc/courierd"
msg off | inject s@example.org carol-gen@example.test
wait_until grep -q 'failed .*carol-gen@example.test.*5.7.1 dynamic delivery instructions are disabled' "$R/var/qs.log"
ok $? "DYNAMICDELIVERIES=0 refuses ||program permanently"

stop_queue
done_testing
