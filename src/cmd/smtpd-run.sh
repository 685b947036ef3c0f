#!/bin/sh
# smtpd-run CONFIG PORTVAR: starts smtpd under tcpserver with the
# settings of etc/CONFIG (esmtpd, esmtpd-msa, or esmtpd-ssl for SMTP over
# TLS, read after esmtpd); the port in $PORTVAR, when set, overrides the
# file's. Used by the smtpd, smtpd-msa and smtpd-ssl services.
PROG=smtpd-run
CONF=${1:?usage: smtpd-run CONFIG [PORTVAR]}
PORTVAR=${2:-}
R=${POSTERN_HOME:-@POSTERN_HOME@}
C=${POSTERN_COMMAND_DIR:-$R/command}
fatal() { echo "$PROG: fatal: $*" >&2; exit 111; }

[ -r "$R/etc/$CONF" ] || fatal "unable to read $R/etc/$CONF"
set -a
[ -r "$R/etc/users" ] && . "$R/etc/users"
case $CONF in
  *-ssl) [ -r "$R/etc/esmtpd" ] && . "$R/etc/esmtpd"; . "$R/etc/$CONF" ;;
  *) . "$R/etc/$CONF" ;;
esac
set +a
case $CONF in
  *-ssl) start=${ESMTPDSSLSTART:-}; startvar=ESMTPDSSLSTART; PORT=${SSLPORT:-465}; ADDRESS=${SSLADDRESS:-${ADDRESS:-0}} ;;
  *) start=${ESMTPDSTART:-}; startvar=ESMTPDSTART ;;
esac
if [ "$start" != YES ]; then
  echo "$PROG: $CONF: $startvar is not YES: not starting"
  exec sleep 86400
fi

# Settings smtpd would otherwise read per connection, read once here.
export POSTERN_HOME="$R"
if [ -z "${ME:-}" ] && [ -s "$R/etc/me" ]; then ME=$(sed -n '1s/[[:space:]]//gp' "$R/etc/me"); export ME; fi
if [ -z "${SIZELIMIT:-}" ] && [ -s "$R/etc/sizelimit" ]; then SIZELIMIT=$(sed -n '1s/[[:space:]]//gp' "$R/etc/sizelimit"); export SIZELIMIT; fi
if [ -z "${MAXRCPTS:-}" ] && [ -f "$R/etc/bofh" ]; then
  # bofh: "maxrcpts N" or "maxrcpts N hard"; the last one counts.
  MAXRCPTS=$(sed -n 's/^[[:space:]]*maxrcpts[[:space:]][[:space:]]*\([0-9][0-9]*\)[[:space:]]*\(hard\)\{0,1\}[[:space:]]*$/\1 \2/p' "$R/etc/bofh" | tail -n 1)
  export MAXRCPTS
fi
if [ -z "${BOFHCHECKDNS:-}" ] && [ -f "$R/etc/bofh" ]; then
  # bofh: "opt BOFHCHECKDNS=1" checks that senders' domains exist.
  BOFHCHECKDNS=$(sed -n 's/^[[:space:]]*opt[[:space:]][[:space:]]*BOFHCHECKDNS=\([0-9]\).*/\1/p' "$R/etc/bofh" | tail -n 1)
  export BOFHCHECKDNS
fi
if [ -z "${BOFHSUPPRESSBACKSCATTER:-}" ] && [ -f "$R/etc/bofh" ]; then
  # bofh: "opt BOFHSUPPRESSBACKSCATTER=none" turns the suppression list off.
  BOFHSUPPRESSBACKSCATTER=$(sed -n 's/^[[:space:]]*opt[[:space:]][[:space:]]*BOFHSUPPRESSBACKSCATTER=\([^[:space:]]*\).*/\1/p' "$R/etc/bofh" | tail -n 1)
  export BOFHSUPPRESSBACKSCATTER
fi
if [ -f "$R/etc/bofh" ]; then
  # bofh's lists, one entry a line: "badfrom ADDRESS", "spamtrap ADDRESS",
  # "freemail DOMAIN [DOMAIN...]", "badmx IP" (see bofh(5)).
  for kw in badfrom spamtrap freemail badmx; do
    v=$(sed -n "s/^[[:space:]]*${kw}[[:space:]][[:space:]]*//p" "$R/etc/bofh")
    var=BOFH_$(echo "$kw" | tr '[:lower:]' '[:upper:]')
    export "$var=$v"
  done
fi

port=$PORT
if [ -n "$PORTVAR" ]; then eval "port=\${$PORTVAR:-\$PORT}"; fi
address=${ADDRESS:-0}
[ -n "${POSTERN_DEMO:-}" ] && address=127.0.0.1
opts=""
for o in ${TCPDOPTS:-}; do
  case $o in
    -nodnslookup) opts="$opts -H" ;;
    -noidentlookup) opts="$opts -R" ;;
    -*) ;;   # couriertcpd options tcpserver has no equivalent for
  esac
done
access=${ACCESSFILE:-$R/etc/smtpaccess}
[ -f "$access.cdb" ] && opts="$opts -x $access.cdb"
# smtpd's MAXPERIP slots (see smtpd(8)), shared by every SMTP service.
mkdir -p "$R/var/run/smtp-perip" || echo "$PROG: warning: unable to create $R/var/run/smtp-perip: MAXPERIP not enforced" >&2
ids=""
if [ "$(id -u)" -eq 0 ]; then
  [ -n "${DAEMONUSER:-}" ] || fatal "DAEMONUSER is not set in $R/etc/users"
  ids="-u $(id -u "$DAEMONUSER") -g $(id -g "$DAEMONUSER")" || fatal "no such user: $DAEMONUSER"
  chown "$DAEMONUSER" "$R/var/run/smtp-perip" && chmod 700 "$R/var/run/smtp-perip" || fatal "unable to give $R/var/run/smtp-perip to $DAEMONUSER"
fi
tls=""
case $CONF in
  *-ssl) tls="$C/tlsd" ;;   # implicit TLS: the handshake first
  *) if [ "${ESMTP_STARTTLS:-}" = YES ] && [ -x "$C/tlsd" ] && [ -r "${TLS_CERTFILE:-/nonexistent}" ]; then
       tls="$C/tlsd -s"
     fi ;;
esac
# As root, tlsd starts as root (to read authcheck's key, so that AUTH
# EXTERNAL works: doc/INTERFACES.md section 6) and becomes DAEMONUSER
# itself, from UID and GID, before it touches the network.
asroot=""
if [ -n "$tls" ] && [ -n "$ids" ]; then
  asroot="env UID=$(id -u "$DAEMONUSER") GID=$(id -g "$DAEMONUSER")"
  ids=""
fi
echo "$PROG: $CONF: listening on $address:$port"
# shellcheck disable=SC2086
exec $asroot tcpserver -v $opts $ids -c "${MAXDAEMONS:-40}" -l0 "$address" "$port" $tls "$C/smtpd"
