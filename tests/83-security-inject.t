#!/bin/sh
# queue-inject runs setuid for any local user: what the caller's process
# state decides (its umask) must not make a queued message unreadable
# to the scheduler.
. "$(dirname "$0")/lib/harness.sh"
mkroot
Q=$POSTERN_HOME/queue
queue-init
printf 'Fa@example.com\0Tb@example.org\0\0' > "$POSTERN_HOME/envelope"
printf 'Subject: x\n\nbody\n' | (umask 777; queue-inject 1< "$POSTERN_HOME/envelope")
ok $? "a message is accepted from a caller with umask 777"
id=$(ls "$Q/env")
is "$(stat -c %a "$Q/mess/$id")" 600 "mess/ID is readable by the queue's owner"
is "$(stat -c %a "$Q/env/$id")" 644 "env/ID too"
done_testing
