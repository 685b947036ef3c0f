#!/bin/sh
# Certificates and settings: mk*cert (self-signed, never overwriting),
# mkdhparams, the setup hook, the -ssl defaults, a tlsd service built from
# them; and the pre-auth servers link no OpenSSL (only tlsd does).
. "$(dirname "$0")/lib/harness.sh"
mkroot
R=$POSTERN_HOME
echo mail.example.test > "$R/etc/me"

out=$(TLS_CERT_BITS=2048 mkimapdcert 2>&1); ok $? "mkimapdcert makes a certificate"
like "$out" "subject=CN ?= ?mail\.example\.test" "it names the host in etc/me"
f=$R/etc/imapd.pem
is "$(stat -c %a "$f")" 600 "the key file is private (600)"
openssl pkey -in "$f" -noout 2>/dev/null; ok $? "the PEM holds the private key"
san=$(openssl x509 -in "$f" -noout -ext subjectAltName 2>/dev/null | tr -d ' \n')
like "$san" "DNS:mail\.example\.test,DNS:localhost,IPAddress:127\.0\.0\.1" "alternative names include localhost"
sum=$(cksum < "$f")
err=$(mkimapdcert 2>&1); rc=$?
is "$rc" 100 "mkimapdcert again: exit 100"
like "$err" "already exists: left alone" "mkimapdcert again: said"
is "$(cksum < "$f")" "$sum" "the existing certificate is untouched"
TLS_CERT_BITS=2048 mkpop3dcert >/dev/null 2>&1 && TLS_CERT_BITS=2048 mkesmtpdcert "$R/etc/other.pem" >/dev/null 2>&1
ok $? "mkpop3dcert and mkesmtpdcert FILE"
[ -s "$R/etc/pop3d.pem" ] && [ -s "$R/etc/other.pem" ]; ok $? "both written where asked"
mktlscert ftpd >/dev/null 2>&1; is $? 100 "mktlscert: unknown service is a usage error"

DH_BITS=2048 mkdhparams; ok $? "mkdhparams"
openssl pkeyparam -in "$R/etc/dhparams.pem" -check -noout >/dev/null 2>&1; ok $? "the DH parameters check out"
DH_BITS=1000 mkdhparams 2>/dev/null; is $? 100 "mkdhparams: bad DH_BITS refused"

# The hook, twice: idempotent, and it keeps what exists.
cp "$TOP"/package/etc/*-ssl "$R/etc/"
(cd "$TOP" && POSTERN_HOME=$R "$TOP/package/setup.d/40-tls"); ok $? "setup hook runs"
(cd "$TOP" && POSTERN_HOME=$R "$TOP/package/setup.d/40-tls"); ok $? "setup hook runs again"
is "$(cksum < "$f")" "$sum" "the hook keeps an existing certificate"
[ -s "$R/etc/esmtpd.pem" ]; ok $? "the hook made the missing esmtpd.pem"

# The default -ssl settings, sourced as the run scripts do, make a working tlsd.
for cfg in esmtpd-ssl pop3d-ssl imapd-ssl; do
  vals=$(set -a; . "$R/etc/$cfg"; echo "$TLS_CERTFILE $TLS_DHPARAMS $TLS_PROTOCOL $TLS_VERIFYPEER")
  set -- $vals
  [ -r "$1" ] && [ -r "$2" ] && [ "$3" = "TLSv1.2+" ] && [ "$4" = NONE ]; ok $? "$cfg: defaults point at the made files"
done
ids=""
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$R"/etc/*.pem
  ids="-u $(id -u nobody) -g $(id -g nobody)"
fi
port=$(free_port)
(set -a; . "$R/etc/imapd-ssl"; exec tcpserver -HR $ids 127.0.0.1 "$port" tlsd /bin/echo hello) 2>"$R/var/log" &
_cleanup_pids="$_cleanup_pids $!"
wait_port "$port"
got=$(openssl s_client -quiet -connect 127.0.0.1:"$port" </dev/null 2>/dev/null | tr -d '\r')
is "$got" hello "tlsd with the default imapd-ssl settings and mkimapdcert's certificate"

# Only tlsd links OpenSSL: the pre-auth servers must not.
for p in smtpd pop3-login imap-login; do
  bin=$POSTERN_COMMAND_DIR/$p
  if [ ! -x "$bin" ]; then echo "ok $((_tap_n += 1)) # SKIP $p is not built yet"; continue; fi
  syms=$(nm -D "$bin" 2>/dev/null | grep -E ' U (SSL_|TLS_|OPENSSL_|EVP_|ERR_)' | head -3)
  is "$syms" "" "$p has no OpenSSL symbols (nm)"
  libs=$(ldd "$bin" 2>/dev/null | grep -E 'libssl|libcrypto\.' | head -1)
  is "$libs" "" "$p is not linked with libssl/libcrypto"
done
syms=$(nm -D "$POSTERN_COMMAND_DIR/tlsd" | grep -c ' U SSL_')
[ "$syms" -gt 0 ]; ok $? "tlsd itself is linked with OpenSSL (the check can see it)"
done_testing
