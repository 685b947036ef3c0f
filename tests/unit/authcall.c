/* authcall against the real authcheck (POSTERN_COMMAND_DIR, else
 * ./command): the fd 3 records for PLAIN, CRAM-MD5, APOP and EXTERNAL, the
 * exit codes of check, exec and password change. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/hmac.h>
#include <openssl/evp.h>
#include "tap.h"
#include "unitroot.h"
#include "authcall.h"
#include "pwhash.h"
#include "userdb_src.h"

static char root[] = "/tmp/postern-unit-authcall.XXXXXX";

static void put(const char *rel, const char *text, mode_t mode)
{
  char path[512];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
  chmod(path, mode);
}

static void setup(void)
{
  char text[1024];
  unit_root(root);
  unsigned id = geteuid() == 0 ? 65534 : (unsigned)geteuid();
  unsigned gid = geteuid() == 0 ? 65534 : (unsigned)getegid();
  stralloc secret = {0};
  hmacmd5pw_make(&secret, "tanstaaftanstaaf", 16);
  stralloc_0(&secret);
  snprintf(text, sizeof text, "tim\thome=/|uid=%u|gid=%u|systempw=$1$saltsalt$9xy1btjgzLYfb7hivXtC//|hmac-md5pw=%s|apoppw=tanstaaf\n",
           id, gid, secret.s);
  free(secret.s);
  put("etc/userdb", text, 0600);
  put("etc/authdaemonrc", "authmodulelist=authuserdb\nAUTHFAILDELAY=0\n", 0644);
  stralloc err = {0};
  char src[512], cdb[512], shadow[512];
  snprintf(src, sizeof src, "%s/etc/userdb", root);
  snprintf(cdb, sizeof cdb, "%s/etc/userdb.cdb", root);
  snprintf(shadow, sizeof shadow, "%s/etc/userdbshadow.cdb", root);
  if (userdb_compile(src, cdb, shadow, &err) != 1) exit(111);
}

static void hexof(const unsigned char *d, char *hex)
{
  for (int i = 0; i < 16; ++i) snprintf(hex + 2 * i, 3, "%02x", d[i]);
}

static void cram_hex(const char *pw, const char *challenge, char *hex)
{
  unsigned char d[16];
  unsigned int dlen = 0;
  HMAC(EVP_md5(), pw, (int)strlen(pw), (const unsigned char *)challenge, strlen(challenge), d, &dlen);
  hexof(d, hex);
}

static void apop_hex(const char *secret, const char *stamp, char *hex)
{
  unsigned char d[16];
  char text[400];
  snprintf(text, sizeof text, "%s%s", stamp, secret);
  unsigned int dlen = 0;
  EVP_Digest(text, strlen(text), d, &dlen, EVP_md5(), 0);
  hexof(d, hex);
}

int main(void)
{
  setup();
  struct authreq req = { "pop3", 0, "tim", "secret", 6, 0 };
  is_int(authcall_check(&req), 0, "check: right password");
  req.secret = "wrong"; req.secret_len = 5;
  is_int(authcall_check(&req), 1, "check: wrong password");
  req.service = "nonesuch";
  is_int(authcall_check(&req), 111, "check: authcheck's usage error is a temporary failure here");
  req.service = "imap"; req.secret = "secret"; req.secret_len = 6; req.mech = "PLAIN";
  char *ok7[] = { "/bin/sh", "-c", "[ \"$AUTHENTICATED\" = tim ] && [ \"$HOME\" = / ] && exit 7", 0 };
  is_int(authcall_exec(&req, ok7), 7, "exec: the program runs as the account with its environment");
  req.secret = "nope"; req.secret_len = 4;
  is_int(authcall_exec(&req, ok7), 1, "exec: bad credentials, nothing runs");

  stralloc challenge = {0}, stamp = {0};
  char hex[33], ahex[33];
  ok(authcall_challenge(&challenge, "postoffice.example.test"), "authcall_challenge: authcheck -C answers");
  ok(challenge.s[0] == '<' && strstr(challenge.s, "@postoffice.example.test>"), "a <...@host> challenge");
  cram_hex("tanstaaftanstaaf", challenge.s, hex);
  struct authreq cram = { "imap", "CRAM-MD5", "tim", "b913a602c7eda7a495b4e6e7334d3899", 32, challenge.s };
  is_int(authcall_check(&cram), 1, "CRAM-MD5: wrong digest");
  cram.secret = hex;
  is_int(authcall_check(&cram), 0, "CRAM-MD5: the right digest for the minted challenge");
  is_int(authcall_check(&cram), 1, "CRAM-MD5: not twice");
  cram.challenge = "<1896.697170952@postoffice.reston.mci.net>";
  cram.secret = "b913a602c7eda7a495b4e6e7334d3890";
  is_int(authcall_check(&cram), 1, "CRAM-MD5: RFC 2195's example, a challenge not minted by authcheck");

  ok(authcall_challenge(&stamp, "dbc.example.test"), "an APOP timestamp");
  apop_hex("tanstaaf", stamp.s, ahex);
  struct authreq apop = { "pop3", "APOP", "tim", ahex, 32, stamp.s };
  is_int(authcall_check(&apop), 0, "APOP: the timestamp passed on");
  apop.challenge = "<1896.697170952@dbc.mtview.ca.us>";
  apop.secret = "c4c9334bac560ecc979e58001b3e22fb";
  is_int(authcall_check(&apop), 1, "APOP: RFC 1939's example, not minted by authcheck");

  struct authreq ext = { "imap", "EXTERNAL", "", 0, 0, 0 };
  setenv("SSL_PEER_LOGIN", "tim", 1);
  is_int(authcall_check(&ext), 1, "EXTERNAL with only SSL_PEER_LOGIN, which any caller can set");
  unsetenv("SSL_PEER_LOGIN");
  is_int(authcall_check(&ext), 1, "EXTERNAL without it");

  struct authreq chg = { "webmail", 0, "tim", "secret", 6, 0 };
  is_int(authcall_passwd(&chg, "fresh", 5), 0, "password change");
  is_int(authcall_check(&chg), 1, "the old password is gone");
  chg.secret = "fresh"; chg.secret_len = 5;
  is_int(authcall_check(&chg), 0, "the new one works");
  ok(authcall_challenge(&challenge, "postoffice.example.test"), "another challenge");
  cram_hex("fresh", challenge.s, hex);
  cram.challenge = challenge.s;
  cram.secret = hex;
  is_int(authcall_check(&cram), 0, "and CRAM-MD5 follows it");
  ok(authcall_challenge(&stamp, "dbc.example.test"), "another timestamp");
  apop_hex("tanstaaf", stamp.s, ahex);
  apop.challenge = stamp.s;
  apop.secret = ahex;
  is_int(authcall_check(&apop), 0, "the APOP secret is not the password: unchanged");
  free(challenge.s);
  free(stamp.s);
  chg.secret = "bad"; chg.secret_len = 3;
  is_int(authcall_passwd(&chg, "other", 5), 1, "no change with a wrong password");

  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  if (system(cmd) != 0) ok(0, "cleanup");
  return done_testing();
}
