/* authcall against the real authcheck (POSTERN_COMMAND_DIR, else
 * ./command): the fd 3 records for PLAIN, CRAM-MD5, APOP and EXTERNAL, the
 * exit codes of check, exec and password change. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/hmac.h>
#include "tap.h"
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
  char path[512], text[1024], cwd[400];
  if (!mkdtemp(root)) exit(111);
  chmod(root, 0755);
  snprintf(path, sizeof path, "%s/etc", root);
  mkdir(path, 0755);
  setenv("POSTERN_HOME", root, 1);
  if (!getenv("POSTERN_COMMAND_DIR") && getcwd(cwd, sizeof cwd)) {
    snprintf(path, sizeof path, "%s/command", cwd);
    setenv("POSTERN_COMMAND_DIR", path, 1);
  }
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

  const char *challenge = "<1896.697170952@postoffice.reston.mci.net>";
  struct authreq cram = { "imap", "CRAM-MD5", "tim", "b913a602c7eda7a495b4e6e7334d3890", 32, challenge };
  is_int(authcall_check(&cram), 0, "CRAM-MD5: RFC 2195's example");
  cram.secret = "b913a602c7eda7a495b4e6e7334d3899";
  is_int(authcall_check(&cram), 1, "CRAM-MD5: wrong digest");

  struct authreq apop = { "pop3", "APOP", "tim", "c4c9334bac560ecc979e58001b3e22fb", 32,
                          "<1896.697170952@dbc.mtview.ca.us>" };
  is_int(authcall_check(&apop), 0, "APOP: RFC 1939's example, the timestamp passed on");
  apop.challenge = "<1896.697170953@dbc.mtview.ca.us>";
  is_int(authcall_check(&apop), 1, "APOP: another timestamp");

  struct authreq ext = { "imap", "EXTERNAL", "", 0, 0, 0 };
  setenv("SSL_PEER_LOGIN", "tim", 1);
  is_int(authcall_check(&ext), 0, "EXTERNAL with SSL_PEER_LOGIN");
  unsetenv("SSL_PEER_LOGIN");
  is_int(authcall_check(&ext), 1, "EXTERNAL without it");

  struct authreq chg = { "webmail", 0, "tim", "secret", 6, 0 };
  is_int(authcall_passwd(&chg, "fresh", 5), 0, "password change");
  is_int(authcall_check(&chg), 1, "the old password is gone");
  chg.secret = "fresh"; chg.secret_len = 5;
  is_int(authcall_check(&chg), 0, "the new one works");
  unsigned char digest[16];
  unsigned int dlen = 0;
  HMAC(EVP_md5(), "fresh", 5, (const unsigned char *)challenge, strlen(challenge), digest, &dlen);
  char hex[33];
  for (int i = 0; i < 16; ++i) snprintf(hex + 2 * i, 3, "%02x", digest[i]);
  cram.secret = hex;
  is_int(authcall_check(&cram), 0, "and CRAM-MD5 follows it");
  apop.challenge = "<1896.697170952@dbc.mtview.ca.us>";
  is_int(authcall_check(&apop), 0, "the APOP secret is not the password: unchanged");
  chg.secret = "bad"; chg.secret_len = 3;
  is_int(authcall_passwd(&chg, "other", 5), 1, "no change with a wrong password");

  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  if (system(cmd) != 0) ok(0, "cleanup");
  return done_testing();
}
