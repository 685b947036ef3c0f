#!/bin/sh
# tlsd started as root keeps no root identity: neither uid 0 nor gid 0.
. "$(dirname "$0")/lib/harness.sh"
mkroot
if [ "$(id -u)" -ne 0 ]; then
  echo "1..0 # SKIP tlsd changes identity only when started as root"
  exit 0
fi
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$POSTERN_HOME/key" -out "$POSTERN_HOME/crt" \
  -subj /CN=localhost -days 1 >/dev/null 2>&1
cat "$POSTERN_HOME/key" "$POSTERN_HOME/crt" > "$POSTERN_HOME/tls.pem"
TLS_CERTFILE=$POSTERN_HOME/tls.pem; export TLS_CERTFILE
out=$(UID=$(id -u nobody) GID=0 tlsd -s /usr/bin/id 2>&1 </dev/null)
rc=$?
is "$rc" 100 "tlsd refuses GID=0"
like "$out" "refusing to run as root" "  saying why"
out=$(UID=0 GID=$(id -g nobody) tlsd -s /usr/bin/id 2>&1 </dev/null)
is "$?" 100 "tlsd refuses UID=0"
done_testing
