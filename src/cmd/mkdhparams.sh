#!/bin/sh
# mkdhparams [-n] [FILE]: DH parameters for TLS_DHPARAMS. By default one
# of the RFC 7919 groups (well-known, safe, instant); -n generates new
# random parameters instead (minutes). Replaces FILE atomically, so it
# can be rerun from cron as Courier's is.
set -u
PROG=mkdhparams
fatal() { echo "$PROG: fatal: $*" >&2; exit 111; }
fresh=0
if [ "${1:-}" = "-n" ]; then fresh=1; shift; fi
[ $# -le 1 ] || { echo "$PROG: usage: mkdhparams [-n] [file]" >&2; exit 100; }
root=${POSTERN_HOME:-@POSTERN_HOME@}
out=${1:-$root/etc/dhparams.pem}
bits=${DH_BITS:-3072}
case $bits in 2048|3072|4096) ;; *) echo "$PROG: usage: DH_BITS must be 2048, 3072 or 4096" >&2; exit 100 ;; esac
command -v openssl >/dev/null 2>&1 || fatal "openssl is not installed"
tmp=$(dirname "$out")/.dhparams.$$
trap 'rm -f "$tmp" "$tmp.err"' EXIT
if [ $fresh -eq 1 ]; then
  openssl dhparam -out "$tmp" "$bits" 2>"$tmp.err"
else
  openssl genpkey -genparam -algorithm DH -pkeyopt "group:ffdhe$bits" -out "$tmp" 2>"$tmp.err"
fi || fatal "openssl failed: $(tr '\n' ' ' < "$tmp.err")"
chmod 644 "$tmp" && mv -f "$tmp" "$out" || fatal "unable to replace $out"
exit 0
