#!/bin/sh
# mktlscert SERVICE [FILE]: a self-signed certificate and its key, in one
# PEM file, for a postern TLS service (esmtpd, pop3d or imapd). Never
# replaces an existing file.
set -u
PROG=mk${1:-}cert
usage() { echo "mktlscert: usage: mktlscert esmtpd|pop3d|imapd [file]" >&2; exit 100; }
fatal() { echo "$PROG: fatal: $*" >&2; exit 111; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
case $1 in esmtpd|pop3d|imapd) ;; *) usage ;; esac
svc=$1
root=${POSTERN_HOME:-@POSTERN_HOME@}
out=${2:-$root/etc/$svc.pem}

if [ -e "$out" ]; then
  echo "$PROG: $out already exists: left alone" >&2
  exit 100
fi
command -v openssl >/dev/null 2>&1 || fatal "openssl is not installed"

# The certificate names this host: etc/me (Courier's), else the system's
# name; a Courier-style etc/SERVICE.cnf, when present, says everything.
cn=$(sed -n '1{s/[[:space:]]//g;p;q;}' "$root/etc/me" 2>/dev/null)
[ -n "$cn" ] || cn=$(hostname -f 2>/dev/null || hostname)
bits=${TLS_CERT_BITS:-3072}
days=${TLS_CERT_DAYS:-365}

dir=$(dirname "$out")
tmp=$dir/.$svc.pem.$$
trap 'rm -f "$tmp" "$tmp.key" "$tmp.crt"' EXIT
umask 077
if [ -f "$root/etc/$svc.cnf" ]; then
  set -- -config "$root/etc/$svc.cnf"
else
  set -- -subj "/CN=$cn/emailAddress=postmaster@$cn" \
    -addext "subjectAltName=DNS:$cn,DNS:localhost,IP:127.0.0.1,IP:::1" \
    -addext "keyUsage=digitalSignature,keyEncipherment" \
    -addext "extendedKeyUsage=serverAuth"
fi
openssl req -x509 -new -newkey "rsa:$bits" -nodes -days "$days" -sha256 \
  -keyout "$tmp.key" -out "$tmp.crt" "$@" 2>"$tmp" ||
  fatal "openssl req failed: $(tr '\n' ' ' < "$tmp")"
cat "$tmp.key" "$tmp.crt" > "$tmp" || fatal "unable to write $tmp"

# The TLS program runs as DAEMONUSER and must read its key.
if [ "$(id -u)" -eq 0 ] && [ -f "$root/etc/users" ]; then
  daemonuser=$(sed -n 's/^DAEMONUSER=//p' "$root/etc/users")
  [ -n "$daemonuser" ] && { chown "$daemonuser" "$tmp" || fatal "unable to chown $tmp to $daemonuser"; }
fi
# link(2) refuses to replace: a file made meanwhile is never clobbered.
ln "$tmp" "$out" 2>/dev/null || { echo "$PROG: $out already exists: left alone" >&2; exit 100; }
openssl x509 -noout -subject -enddate -fingerprint -sha256 -in "$out"
exit 0
