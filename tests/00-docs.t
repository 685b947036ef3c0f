#!/bin/sh
# Every program in command/ has a man page in doc/ with an EXIT STATUS
# section, and every man page names itself.
. "$(dirname "$0")/lib/harness.sh"

for prog in "$POSTERN_COMMAND_DIR"/*; do
  [ -x "$prog" ] || continue
  name=${prog##*/}
  page=$(ls "$TOP"/doc/"$name".[1-8] 2>/dev/null | head -n 1)
  if [ -z "$page" ]; then ok 1 "$name has a man page in doc/"; continue; fi
  ok 0 "$name has a man page in doc/"
  grep -q '^\.SH "\{0,1\}EXIT STATUS' "$page"; ok $? "$name(${page##*.}) has an EXIT STATUS section"
done
for page in "$TOP"/doc/*.[1-8]; do
  [ -f "$page" ] || continue
  name=$(basename "$page"); name=${name%.*}
  grep -q "^\.TH \"\{0,1\}$(echo "$name" | tr a-z A-Z)\|^\.TH \"\{0,1\}$name" "$page"; ok $? "$page has a .TH line naming $name"
done
[ "$_tap_n" -gt 0 ] || ok 0 "no programs and no pages yet"
done_testing
