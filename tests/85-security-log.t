#!/bin/sh
# Log lines carry what clients send (login names, HELO, addresses): no
# control character from them reaches the log, so nothing can forge a
# line or drive the terminal of whoever reads it.
. "$(dirname "$0")/lib/harness.sh"
mkroot
printf 'authmodulelist="authuserdb"\nAUTHFAILDELAY=0\n' > "$POSTERN_HOME/etc/authdaemonrc"
printf 'a\033[2Jb\rc\001d\000pw\000' | authcheck -c 3<&0 2> "$POSTERN_HOME/err"
is "$?" 1 "an unknown login with control characters is refused"
like "$(cat "$POSTERN_HOME/err")" "login failed" "  and logged"
is "$(tr -d '\t\n' < "$POSTERN_HOME/err" | tr -d '\040-\176' | wc -c)" 0 "  with no control character in the line"
is "$(wc -l < "$POSTERN_HOME/err")" 1 "  on one line"
done_testing
