#include "imapd.h"

CMD(examine) { return select_command(s, args, 1); }
