#!/bin/sh
# mkimapdcert [FILE]: a self-signed certificate for imapd's TLS (Courier's name).
d=${POSTERN_COMMAND_DIR:-${POSTERN_HOME:-@POSTERN_HOME@}/command}
exec "$d/mktlscert" imapd "$@"
