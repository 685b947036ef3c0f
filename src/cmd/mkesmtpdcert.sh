#!/bin/sh
# mkesmtpdcert [FILE]: a self-signed certificate for esmtpd's TLS (Courier's name).
d=${POSTERN_COMMAND_DIR:-${POSTERN_HOME:-@POSTERN_HOME@}/command}
exec "$d/mktlscert" esmtpd "$@"
