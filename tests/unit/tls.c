/* Unit tests of the TLS settings parsers and the UCSPI-TLS variable
 * block (the NAME=value\0 pairs tlsd sends on SSLCTLFD). */
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>
#include "tap.h"
#include "tls.h"
#include "ucspitls.h"

static void protocols(void)
{
  int min, max;
  is_int(tls_parse_protocol(0, &min, &max), 1, "unset: ok");
  ok(min == TLS1_2_VERSION && max == 0, "unset: TLS 1.2 or newer");
  is_int(tls_parse_protocol("TLSv1.2+", &min, &max), 1, "TLSv1.2+");
  ok(min == TLS1_2_VERSION && max == 0, "TLSv1.2+: no upper bound");
  is_int(tls_parse_protocol("TLSv1.3", &min, &max), 1, "TLSv1.3");
  ok(min == TLS1_3_VERSION && max == TLS1_3_VERSION, "TLSv1.3: exactly");
  is_int(tls_parse_protocol("tls1_3+", &min, &max), 1, "Courier's TLS1_3+ in any case");
  ok(min == TLS1_3_VERSION && max == 0, "tls1_3+: 1.3 or newer");
  is_int(tls_parse_protocol("TLSv1+", &min, &max), -1, "TLSv1+: below the floor");
  ok(min == TLS1_2_VERSION && max == 0, "TLSv1+: raised to TLS 1.2");
  is_int(tls_parse_protocol("SSL3", &min, &max), -1, "SSL3: below the floor");
  ok(min == TLS1_2_VERSION, "SSL3: raised to TLS 1.2");
  is_int(tls_parse_protocol("TLS1_2:TLS1_1:TLS1", &min, &max), -1, "a Courier list reaching below the floor");
  ok(min == TLS1_2_VERSION && max == TLS1_2_VERSION, "TLS1_2:TLS1_1:TLS1: TLS 1.2 only");
  is_int(tls_parse_protocol("TLSv1.3:TLSv1.2", &min, &max), 1, "a list of good versions");
  ok(min == TLS1_2_VERSION && max == TLS1_3_VERSION, "TLSv1.3:TLSv1.2: 1.2 to 1.3");
  is_int(tls_parse_protocol("SSLv23", &min, &max), -1, "SSLv23: any, raised to the floor");
  ok(min == TLS1_2_VERSION && max == 0, "SSLv23: TLS 1.2 or newer");
  is_int(tls_parse_protocol("TLSv1.4", &min, &max), 0, "unknown version refused");
  is_int(tls_parse_protocol("TLSv1.2:bogus", &min, &max), 0, "an unknown name in a list refused");
  is_int(tls_parse_protocol("+", &min, &max), 0, "a lone + refused");
}

static void verify(void)
{
  enum tls_verify v;
  ok(tls_parse_verify("NONE", &v) && v == TLS_VERIFY_NONE, "NONE");
  ok(tls_parse_verify("peer", &v) && v == TLS_VERIFY_PEER, "peer (any case)");
  ok(tls_parse_verify("REQUIREPEER", &v) && v == TLS_VERIFY_REQUIRE, "REQUIREPEER");
  ok(tls_parse_verify("", &v) && v == TLS_VERIFY_NONE, "empty: NONE");
  ok(!tls_parse_verify("MAYBE", &v), "unknown refused");
}

static void conf(void)
{
  struct tls_conf c;
  const char *why = 0;
  setenv("TLS_TIMEOUT", "0", 1);
  ok(!tls_conf_env(&c, &why), "TLS_TIMEOUT=0 refused");
  setenv("TLS_TIMEOUT", "12", 1);
  setenv("TLS_PROTOCOL", "TLSv1.1", 1);
  setenv("TLS_EXTERNAL", "", 1);
  ok(tls_conf_env(&c, &why) && c.timeout == 12 && c.floor_raised && !c.external, "timeout, floor raised, empty TLS_EXTERNAL unset");
  setenv("TLS_PROTOCOL", "TLSv9", 1);
  ok(!tls_conf_env(&c, &why), "bad TLS_PROTOCOL refused");
  is_str(why, "unknown TLS_PROTOCOL", "and said");
  unsetenv("TLS_PROTOCOL");
  unsetenv("TLS_TIMEOUT");
}

static void vars(void)
{
  static const char block[] = "SSL_PROTOCOL=TLSv1.3\0SSL_CIPHER=X\0SSL_PEER_LOGIN=a@b\0SSL_PEER_CERT_SUBJECT=CN=A B\0";
  stralloc v = { 0 }, line = { 0 }, got = { 0 };
  int sp[2];
  char buf[256];
  ssize_t n;
  stralloc_copyb(&v, block, sizeof block - 1);
  is_str(tls_vars_get(&v, "SSL_CIPHER"), "X", "lookup");
  ok(!tls_vars_get(&v, "SSL_CIPH"), "a prefix is not a name");
  ok(!tls_vars_get(&v, "SSL_PEER_EMAIL"), "absent name");
  ok(tls_vars_summary(&line, &v), "summary");
  is_str(line.s, "proto=TLSv1.3 cipher=X login=a@b peer=CN=A B", "summary: the log line's fields");
  socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
  ok(write(sp[1], "Y", 1) == 1 && ucspitls_wait_command(sp[0]) == 'Y', "the Y command");
  ok(ucspitls_send_vars(sp[0], &v), "variables sent (and SSLCTLFD closed)");
  while ((n = read(sp[1], buf, sizeof buf)) > 0) stralloc_catb(&got, buf, (size_t)n);
  ok(got.len == v.len + 1 && !memcmp(got.s, block, v.len) && got.s[v.len] == 0, "pairs, then the empty one, then EOF");
  close(sp[1]);
  socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
  close(sp[1]);
  is_int(ucspitls_wait_command(sp[0]), 0, "EOF: the server never asked for TLS");
  close(sp[0]);
  stralloc_free(&v);
  stralloc_free(&line);
  stralloc_free(&got);
}

int main(void)
{
  protocols();
  verify();
  conf();
  vars();
  return done_testing();
}
