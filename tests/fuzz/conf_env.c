/* libFuzzer harness for the NAME=value reader (esmtpd, authdaemonrc ...):
 * no crash, and every variable it keeps is NAME=value with a valid name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *s = malloc(size ? size : 1);
  if (!s) return 0;
  memcpy(s, data, size);
  struct conf_env env = {0};
  unsigned long bad = 0;
  int r = conf_env_parse(&env, s, size, &bad);
  if (r == -2 && !bad) abort();
  if (r == 1) {
    for (size_t i = 0; i < env.vars.len; i += strlen(env.vars.s + i) + 1) {
      const char *v = env.vars.s + i, *eq = strchr(v, '=');
      if (!eq || eq == v || (v[0] >= '0' && v[0] <= '9')) abort();
    }
  }
  conf_env_free(&env);
  free(s);
  return 0;
}
