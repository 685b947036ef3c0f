#!/bin/sh
# mkpop3dcert [FILE]: a self-signed certificate for pop3d's TLS (Courier's name).
d=${POSTERN_COMMAND_DIR:-${POSTERN_HOME:-@POSTERN_HOME@}/command}
exec "$d/mktlscert" pop3d "$@"
