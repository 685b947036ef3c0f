/* AUTHCHECK_MECH=EXTERNAL: SSL_PEER_LOGIN alone is only what the caller
 * says. The account is granted when tlsd, which held authcheck's key,
 * vouched for that login, and that tlsd is the parent of the program
 * that runs authcheck: the proof is good for that session alone. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "authcheck.h"
#include "peerproof.h"

int external_proven(const char *login, const char **why)
{
  const char *proof = getenv("SSL_PEER_LOGIN_PROOF");
  *why = "reason=certificate-not-proven";
  if (!proof || !*proof) return 0;
  struct authkey k;
  int r = authkey_load(&k, 0);
  if (r < 0) { *why = "reason=temporary-failure"; return -1; }
  if (r == 0) return 0;
  pid_t tlsd = 0, parent_of_caller = 0, ignored = 0;
  unsigned long long start = 0, now_start = 0, caller_start = 0;
  int ok = peerproof_check(&k, login, proof, &tlsd, &start);
  explicit_bzero(&k, sizeof k);
  if (!ok) { *why = "reason=forged-certificate-proof"; return 0; }
  if (!proc_start(getppid(), &caller_start, &parent_of_caller) || parent_of_caller != tlsd
      || !proc_start(tlsd, &now_start, &ignored) || now_start != start) {
    *why = "reason=certificate-proof-of-another-session";
    return 0;
  }
  return 1;
}
