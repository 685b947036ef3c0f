/* Unit tests for the SASL decoders: PLAIN, CRAM-MD5 (RFC 2195's
 * example), base64 edge cases and challenges. */
#include <stdlib.h>
#include "tap.h"
#include "sasl.h"

static const char *s0(stralloc *sa)
{
  stralloc_0(sa);
  --sa->len;
  return sa->s;
}

int main(void)
{
  stralloc out = {0}, login = {0}, pw = {0};

  ok(sasl_b64_encode(&out, "tim", 3), "encode");
  is_str(s0(&out), "dGlt", "base64 of tim");
  out.len = 0;
  ok(sasl_b64_encode(&out, "", 0) && out.len == 0, "encoding nothing gives nothing");
  ok(sasl_b64_decode(&out, "dGlt", 4) && out.len == 3, "decode dGlt");
  ok(sasl_b64_decode(&out, "=", 1) && out.len == 0, "'=' alone is the empty response");
  ok(sasl_b64_decode(&out, "", 0) && out.len == 0, "an empty line is empty too");
  ok(!sasl_b64_decode(&out, "dGl", 3), "a partial quantum is refused");
  ok(!sasl_b64_decode(&out, "dG l", 4), "a space is refused");
  ok(!sasl_b64_decode(&out, "d=lt", 4), "padding in the middle is refused");
  ok(sasl_b64_decode(&out, "YQ==", 4) && out.len == 1 && out.s[0] == 'a', "two pad characters");
  ok(sasl_b64_decode(&out, "YWI=", 4) && out.len == 2, "one pad character");

  /* "\0tim\0tanstaaftanstaaf" */
  ok(sasl_plain("AHRpbQB0YW5zdGFhZnRhbnN0YWFm", 28, &login, &pw), "PLAIN without authzid");
  is_str(login.s, "tim", "PLAIN login");
  is_str(pw.s, "tanstaaftanstaaf", "PLAIN password");
  /* "tim\0tim\0secret" */
  ok(sasl_plain("dGltAHRpbQBzZWNyZXQ=", 20, &login, &pw), "PLAIN with authzid equal to login");
  /* "bob\0tim\0secret" */
  ok(!sasl_plain("Ym9iAHRpbQBzZWNyZXQ=", 20, &login, &pw), "PLAIN with another authzid is refused");
  /* "tim\0secret" */
  ok(!sasl_plain("dGltAHNlY3JldA==", 16, &login, &pw), "PLAIN with one NUL is refused");
  /* "\0\0pw" */
  ok(!sasl_plain("AABwdw==", 8, &login, &pw), "PLAIN with an empty login is refused");
  /* "\0tim\0" */
  ok(sasl_plain("AHRpbQA=", 8, &login, &pw) && pw.len == 0, "PLAIN with an empty password decodes (authcheck refuses it)");
  /* "\0tim\0a\0b" */
  ok(!sasl_plain("AHRpbQBhAGI=", 12, &login, &pw), "PLAIN with a third NUL is refused");

  const char *rfc2195 = "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw";
  ok(sasl_cram_answer(rfc2195, strlen(rfc2195), &login, &pw), "RFC 2195 answer decodes");
  is_str(login.s, "tim", "CRAM-MD5 login");
  is_str(pw.s, "b913a602c7eda7a495b4e6e7334d3890", "CRAM-MD5 digest");
  /* "tim b913" */
  ok(!sasl_cram_answer("dGltIGI5MTM=", 12, &login, &pw), "short digest is refused");
  /* "b913a602c7eda7a495b4e6e7334d3890" without a login */
  ok(!sasl_cram_answer("YjkxM2E2MDJjN2VkYTdhNDk1YjRlNmU3MzM0ZDM4OTA=", 44, &login, &pw), "missing login is refused");

  free(out.s); free(login.s); free(pw.s);
  return done_testing();
}
