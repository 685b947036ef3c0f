# Shell helpers for tests/*.t: TAP output, a temporary POSTERN_HOME,
# free loopback ports, and services started and stopped by PID.
# Source it:  . "$(dirname "$0")/lib/harness.sh"

set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
: "${POSTERN_COMMAND_DIR:=$TOP/command}"
export POSTERN_COMMAND_DIR
PATH=$POSTERN_COMMAND_DIR:$PATH
export PATH

_tap_n=0
_tap_failed=0
_cleanup_pids=""
_cleanup_dirs=""

ok() {   # ok CONDITION-EXIT-STATUS NAME  e.g.  cmd; ok $? "cmd works"
  _tap_n=$((_tap_n + 1))
  if [ "$1" -eq 0 ]; then echo "ok $_tap_n - $2"
  else echo "not ok $_tap_n - $2"; _tap_failed=$((_tap_failed + 1)); fi
}
is() {   # is GOT EXPECTED NAME
  _tap_n=$((_tap_n + 1))
  if [ "$1" = "$2" ]; then echo "ok $_tap_n - $3"
  else
    echo "not ok $_tap_n - $3"; _tap_failed=$((_tap_failed + 1))
    printf '%s\n' "#   got: $1" "#   expected: $2" | sed '3,$s/^/#   /'
  fi
}
like() { # like GOT EXTENDED-REGEX NAME
  if printf '%s' "$1" | grep -Eq -- "$2"; then ok 0 "$3"; else ok 1 "$3"; echo "#   got: $1" | head -20; echo "#   expected to match: $2"; fi
}
diag() { echo "# $*"; }
done_testing() { echo "1..$_tap_n"; [ "$_tap_failed" -eq 0 ]; }

# mkroot: a fresh POSTERN_HOME with etc/ queue/ var/ and command/ linked
# to the programs under test. Sets and exports POSTERN_HOME.
mkroot() {
  POSTERN_HOME=$(mktemp -d "${TMPDIR:-/tmp}/postern-test.XXXXXX")
  _cleanup_dirs="$_cleanup_dirs $POSTERN_HOME"
  mkdir -p "$POSTERN_HOME/etc" "$POSTERN_HOME/var" "$POSTERN_HOME/queue"
  ln -s "$POSTERN_COMMAND_DIR" "$POSTERN_HOME/command"
  export POSTERN_HOME
  if [ "$(id -u)" -eq 0 ]; then
    # As root (CI), servers run as nobody: the root must be reachable
    # by it, and so must the programs (a checkout under /root is not).
    chmod 755 "$POSTERN_HOME"
    if ! setuidgid nobody test -x "$POSTERN_COMMAND_DIR/." 2>/dev/null; then
      rm "$POSTERN_HOME/command"
      cp -a "$POSTERN_COMMAND_DIR" "$POSTERN_HOME/command"
    fi
  fi
}

# free_port: prints a TCP port on 127.0.0.1 that nothing listens on.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_bg CMD...: runs CMD in the background, remembered for cleanup.
start_bg() {
  "$@" &
  _cleanup_pids="$_cleanup_pids $!"
  LAST_PID=$!
}

# wait_port PORT: waits up to 10 s until something listens on 127.0.0.1:PORT.
wait_port() {
  python3 - "$1" <<'PY'
import socket, sys, time
port = int(sys.argv[1]); end = time.time() + 10
while time.time() < end:
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close(); sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
PY
}

_harness_cleanup() {
  for p in $_cleanup_pids; do kill "$p" 2>/dev/null; done
  for p in $_cleanup_pids; do wait "$p" 2>/dev/null; done
  for d in $_cleanup_dirs; do rm -rf "$d"; done
}
trap _harness_cleanup EXIT
