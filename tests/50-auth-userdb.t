#!/bin/sh
# The userdb tools as the Courier walkthrough uses them: userdb, userdbpw,
# makeuserdb, authtest, authenumerate, pw2userdb, and a password change.
. "$(dirname "$0")/lib/harness.sh"
mkroot
R=$POSTERN_HOME
E=$R/etc
printf 'authmodulelist="authuserdb"\nAUTHFAILDELAY=0\n' > "$E/authdaemonrc"
if [ "$(id -u)" -eq 0 ]; then uid=$(id -u nobody); gid=$(id -g nobody); else uid=$(id -u); gid=$(id -g); fi

# Seed walkthrough: userdb/ with one file per domain.
mkdir "$E/userdb"
userdb -f "$E/userdb/domain1" user1@domain1 set home="$R/vmail/domain1/user1" uid="$uid" gid="$gid"
ok $? "userdb -f file addr set home uid gid"
userdbpw -md5 </dev/null >/dev/null 2>&1; is $? 100 "userdbpw with no input refuses"
echo pwuser1 | userdbpw -md5 | userdb -f "$E/userdb/domain1" user1@domain1 set systempw
ok $? "userdbpw -md5 | userdb set systempw"
echo pwuser1 | userdbpw -hmac-md5 | userdb -f "$E/userdb/domain1" user1@domain1 set hmac-md5pw
ok $? "echo pw | userdbpw -hmac-md5 | userdb set hmac-md5pw"
userdb domain2/user2@domain2 set home="$R/vmail/domain2/user2" uid="$uid" gid="$gid"
ok $? "userdb dir/addr set, without -f"
echo pwuser2 | userdbpw -sha512 | userdb domain2/user2@domain2 set systempw
like "$(cat "$E/userdb/domain1")" "^user1@domain1	home=$R/vmail/domain1/user1\|uid=$uid\|gid=$gid\|systempw=\\\$1\\\$[^|]+\|hmac-md5pw=[0-9a-f]{64}$" "the text format"
like "$(userdb -show domain2/user2@domain2)" '^home=.*
uid=.*
gid=.*
systempw=\$6\$' "userdb -show addr lists the fields"
is "$(userdb -show)" "user1@domain1
user2@domain2" "userdb -show lists the addresses"

chmod 755 "$E/userdb"
out=$(makeuserdb 2>&1); is $? 100 "makeuserdb refuses a group/other-readable source"
like "$out" "accessible by group or other" "and says why"
chmod 700 "$E/userdb"; chmod 644 "$E/userdb/domain2"
makeuserdb 2>/dev/null; is $? 100 "makeuserdb refuses a readable file in the directory"
chmod 600 "$E/userdb"/*
makeuserdb; ok $? "makeuserdb"
is "$(stat -c %a "$E/userdb.cdb")" 644 "userdb.cdb is world-readable"
is "$(stat -c %a "$E/userdbshadow.cdb")" 600 "userdbshadow.cdb is mode 600"
if cdb -d "$E/userdb.cdb" | grep -q 'pw='; then ok 1 "userdb.cdb holds no passwords"; else ok 0 "userdb.cdb holds no passwords"; fi
cdb -q "$E/userdbshadow.cdb" user1@domain1 | grep -q '^systempw=\$1\$.*|hmac-md5pw='; ok $? "userdbshadow.cdb holds them"

mkdir -p "$R/vmail/domain1/user1" "$R/vmail/domain2/user2"
out=$(authtest user1@domain1); ok $? "authtest user1@domain1"
like "$out" "Authenticated: user1@domain1  \(uid $uid, gid $gid\)" "authtest shows the account"
like "$out" "Maildir: $R/vmail/domain1/user1/Maildir" "MAILDIR defaults to HOME/Maildir"
out=$(authtest user1@domain1 pwuser1); ok $? "authtest user1@domain1 pwuser1"
like "$out" "^Authentication succeeded" "and says so"
out=$(authtest user1@domain1 wrong 2>/dev/null); is $? 1 "a wrong password fails"
like "$out" "FAILED" "and says so"
authtest user2@domain2 pwuser2 >/dev/null 2>&1; ok $? "a SHA-512 password from another file of the directory"
authtest User1@DOMAIN1 pwuser1 >/dev/null 2>&1; is $? 1 "the local part is case-sensitive"
authtest user1@DOMAIN1 pwuser1 >/dev/null 2>&1; ok $? "the domain is not"
authtest nosuch@domain1 >/dev/null 2>&1; is $? 1 "authtest of an unknown account fails"

# Options and the mail field.
printf 'DEFAULTOPTIONS="wbnodsn=1,disableshared=1"\n' >> "$E/authdaemonrc"
userdb domain2/user2@domain2 set options=disableshared=0,disableimap=1 mail="$R/mail2" quota=1000S
makeuserdb
out=$(authcheck -l user2@domain2); ok $? "authcheck -l"
like "$out" "OPTIONS=wbnodsn=1,disableshared=0,disableimap=1" "account options override DEFAULTOPTIONS"
like "$out" "MAILDIR=$R/mail2" "the mail field is MAILDIR"
like "$out" "QUOTA=1000S" "the quota field"
out=$(authenumerate -o); ok $? "authenumerate -o"
like "$out" "user1@domain1	$uid	$gid	$R/vmail/domain1/user1	$R/vmail/domain1/user1/Maildir	wbnodsn=1,disableshared=1" "authenumerate lists user1 with options"
like "$out" "user2@domain2	$uid	$gid	$R/vmail/domain2/user2	$R/mail2	" "and user2"
is "$(authenumerate | head -1 | awk -F'\t' '{print NF}')" 5 "without -o, five columns"

# unset, del, and the checker's errors.
userdb domain2/user2@domain2 unset quota; ok $? "userdb unset"
userdb -show domain2/user2@domain2 | grep -q '^quota='; is $? 1 "the field is gone"
userdb domain2/user2@domain2 unset nosuchfield; ok $? "unsetting an absent field is fine"
userdb domain2/nobody@domain2 unset quota 2>/dev/null; is $? 100 "unset on an unknown address fails"
userdb user1@domain1 set uid=1 2>/dev/null; is $? 100 "a directory source needs file/address"
printf 'broken@domain2\thome=/x|gid=1\n' >> "$E/userdb/domain2"
out=$(makeuserdb 2>&1); is $? 100 "makeuserdb refuses a record without uid"
like "$out" "domain2:2: missing or non-numeric uid" "naming file and line"
authtest user2@domain2 pwuser2 >/dev/null 2>&1; ok $? "the old tables are kept"
userdb domain2/broken@domain2 del; ok $? "userdb del"
printf 'user1@domain1\thome=/x|uid=1|gid=1\n' >> "$E/userdb/domain2"
out=$(makeuserdb 2>&1); is $? 100 "an address twice is refused"
like "$out" "listed twice: user1@domain1" "and named"
userdb domain2/user1@domain1 del
makeuserdb; ok $? "makeuserdb again"

# A password change rewrites the source and the tables.
out=$(authtest user1@domain1 pwuser1 newpass); ok $? "authtest user pw newpw changes the password"
authtest user1@domain1 pwuser1 >/dev/null 2>&1; is $? 1 "the old password is refused"
authtest user1@domain1 newpass >/dev/null; ok $? "the new one works"
grep -q '^user1@domain1	home=[^|]*|uid=[0-9]*|gid=[0-9]*|systempw=\$y\$' "$E/userdb/domain1"; ok $? "the source keeps its field order"
is "$(stat -c %a "$E/userdb/domain1")" 600 "and its mode"
authtest user1@domain1 wrong newer >/dev/null 2>&1; is $? 1 "no change with a wrong old password"

# pw2userdb.
printf 'alice:x:1001:1002:Alice A:/home/alice:/bin/sh\nbob:$1$saltsalt$9xy1btjgzLYfb7hivXtC//:1003:1003::/home/bob:/bin/false\n' > "$R/passwd"
printf 'alice:$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1:19000:0:99999:7:::\n' > "$R/shadow"
out=$(pw2userdb --passwd="$R/passwd" --shadow="$R/shadow"); ok $? "pw2userdb"
is "$out" 'alice	uid=1001|gid=1002|home=/home/alice|shell=/bin/sh|systempw=$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1|gecos=Alice A
bob	uid=1003|gid=1003|home=/home/bob|shell=/bin/false|systempw=$1$saltsalt$9xy1btjgzLYfb7hivXtC//' "pw2userdb output"
pw2userdb --passwd="$R/passwd" --shadow="$R/shadow" > "$E/userdb/system"; chmod 600 "$E/userdb/system"
makeuserdb; ok $? "pw2userdb output compiles"
authtest bob secret >/dev/null; ok $? "and its accounts log in"

# A single etc/userdb file, as in Courier's worksheet.
rm -rf "$E/userdb" "$E/userdb.cdb" "$E/userdbshadow.cdb"
userdb solo@example.test set home="$R/vmail/solo" uid="$uid" gid="$gid"; ok $? "userdb creates a single etc/userdb file"
is "$(stat -c %a "$E/userdb")" 600 "mode 600"
echo solopw | userdbpw | userdb solo@example.test set systempw
makeuserdb; ok $? "makeuserdb on a single file"
authtest solo@example.test solopw >/dev/null; ok $? "its account logs in (default hash: yescrypt)"
grep -q 'systempw=\$y\$' "$E/userdb"; ok $? "userdbpw without options makes a yescrypt hash"

# The system's own account database, through getpwnam.
printf 'authmodulelist="authuserdb authpwd"\n' > "$E/authdaemonrc"
like "$(authcheck -l root)" "^ADDRESS=root
USER=root
UID=0
GID=0" "authpwd without a file asks the system"
is "$(authenumerate | grep -c '^root	0	0	')" 1 "authenumerate lists system accounts after userdb's"
done_testing
