#!/bin/sh
# maildirmake: maildirs, Maildir++ folders and quotas, never clobbering.
. "$(dirname "$0")/lib/harness.sh"
mkroot
cd "$POSTERN_HOME" || exit 111

maildirmake Maildir; ok $? "maildirmake creates a maildir"
test -d Maildir/tmp && test -d Maildir/new && test -d Maildir/cur; ok $? "with tmp, new and cur"
is "$(stat -c %a Maildir Maildir/new)" "$(printf '700\n700')" "private to its owner"
echo keep > Maildir/new/1.M1P1.host
maildirmake Maildir 2> err; is "$? $(cat err)" "100 maildirmake: fatal: Maildir exists already" "an existing maildir is refused"
test -f Maildir/new/1.M1P1.host; ok $? "and left alone"

maildirmake -f Drafts Maildir; ok $? "-f creates a folder"
test -d Maildir/.Drafts/cur && test -f Maildir/.Drafts/maildirfolder; ok $? "named .Drafts, with maildirfolder"
maildirmake -f Lists.postern Maildir; ok $? "-f creates a subfolder"
test -d Maildir/.Lists.postern/new; ok $? "as .Lists.postern"
maildirmake -f Drafts Maildir 2> err; is "$? $(cat err)" "100 maildirmake: fatal: Maildir/.Drafts exists already" "an existing folder is refused"
for bad in ../x a/b .x x. 'a..b' ''; do
  maildirmake -f "$bad" Maildir 2> err; is "$? $(cat err)" "100 maildirmake: fatal: bad folder name: $bad" "folder name '$bad' is refused"
done
maildirmake -f Sent Nowhere 2> err; like "$? $(cat err)" "^100 maildirmake: fatal: unable to find maildir Nowhere" "-f needs an existing maildir"

printf 'x%.0s' $(seq 1 100) > Maildir/cur/2.M2P2.host,S=100:2,S
maildirmake -q 5000S,10C Maildir; ok $? "-q installs a quota on an existing maildir"
is "$(head -n 1 Maildir/maildirsize)" "5000S,10C" "maildirsize names the quota"
is "$(tail -n +2 Maildir/maildirsize | awk '{b+=$1; c+=$2} END {print b, c}')" "105 2" "and counts what is there"
maildirmake -q 1000S New; ok $? "-q on a new maildir creates it"
is "$(head -n 1 New/maildirsize)" "1000S" "with its quota"
maildirmake -q lots Maildir 2> err; is "$? $(cat err)" "100 maildirmake: fatal: bad quota: lots (e.g. 10000000S,1000C)" "a bad quota is refused"
maildirmake 2> err; is "$? $(cat err)" "100 maildirmake: usage: maildirmake [-f folder] [-q quota] maildir" "usage"
maildirmake -x M 2> /dev/null; is $? 100 "unknown options are refused"
mkdir ro && chmod 555 ro
if [ "$(id -u)" -ne 0 ]; then
  maildirmake ro/M 2> err; like "$? $(cat err)" "^111 maildirmake: fatal: unable to create ro/M" "an unwritable parent is a temporary error"
fi
done_testing
