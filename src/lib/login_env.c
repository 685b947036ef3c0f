#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "login_env.h"

unsigned login_env_num(const char *name, unsigned dflt)
{
  const char *v = getenv(name);
  if (!v || !*v) return dflt;
  char *end;
  unsigned long n = strtoul(v, &end, 10);
  return (*end || n == 0 || n > 86400) ? dflt : (unsigned)n;
}

int login_env_yes(const char *name)
{
  const char *v = getenv(name);
  return v && *v && *v != '0' && strcasecmp(v, "NO");
}

void login_env_peer(const char **ip, char *hostname, size_t size)
{
  *ip = getenv("TCPREMOTEIP");
  if (!*ip || !**ip) *ip = "unknown";
  if (gethostname(hostname, size) < 0) strcpy(hostname, "localhost");
  hostname[size - 1] = 0;
}
