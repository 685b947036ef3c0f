/* Unit tests for the queue's envelope and status readers and the
 * backscatter suppression list. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tap.h"
#include "backscatter.h"
#include "qenv.h"

static void envelopes(void)
{
  static const char env[] = "Q1700000000\0I33\0Fa@example.org\0VID1\0HHDRS\0Aalice\0"
                            "Tb@example.test\0NSUCCESS,DELAY\0Orfc822;B@Example.TEST\0Tc@example.test\0\0";
  struct qenv e;
  ok(qenv_parse(&e, env, sizeof env - 1) == 1, "a full envelope parses");
  is_int(e.arrival, 1700000000, "Q: arrival");
  is_int(e.uid, 33, "I: injector uid");
  is_str(e.sender, "a@example.org", "F: sender");
  is_str(e.envid, "ID1", "V: envid");
  is_str(e.ret, "HDRS", "H: ret");
  is_str(e.auth, "alice", "A: submitter");
  is_int(e.nrcpt, 2, "two recipients");
  is_str(e.rcpt[0].orcpt, "rfc822;B@Example.TEST", "O belongs to the recipient before it");
  ok(qenv_wants(&e.rcpt[0], QNOTIFY_SUCCESS) && qenv_wants(&e.rcpt[0], QNOTIFY_DELAY) &&
     !qenv_wants(&e.rcpt[0], QNOTIFY_FAILURE), "NOTIFY=SUCCESS,DELAY is honoured");
  ok(qenv_wants(&e.rcpt[1], QNOTIFY_FAILURE) && qenv_wants(&e.rcpt[1], QNOTIFY_DELAY) &&
     !qenv_wants(&e.rcpt[1], QNOTIFY_SUCCESS), "no NOTIFY: failures and delays");
  qenv_free(&e);
  static const char never[] = "F\0Tx@y\0NNEVER\0\0";
  ok(qenv_parse(&e, never, sizeof never - 1) == 1 && !qenv_wants(&e.rcpt[0], QNOTIFY_FAILURE),
     "NOTIFY=NEVER asks for nothing");
  is_str(e.sender, "", "the null sender");
  qenv_free(&e);
  static const char *bad[] = { "Tx@y\0\0", "Fa\0\0", "Fa\0Zq\0Tb\0\0", "NNEVER\0Fa\0Tb\0\0" };
  static const size_t badlen[] = { 6, 4, 11, 16 };
  for (int i = 0; i < 4; ++i) {
    ok(qenv_parse(&e, bad[i], badlen[i]) == 0, "a malformed envelope is refused");
    qenv_free(&e);
  }
  static const char sized[] = "Q1700000000\0I33\0M2048\0Fa@x\0Tb@y\0\0";
  ok(qenv_parse(&e, sized, sizeof sized - 1) == 1 && e.has_size && e.msgsize == 2048, "M: the message's size");
  qenv_free(&e);
  ok(qenv_parse(&e, sized, sizeof sized - 2) == 0, "an envelope cut before its end record is refused");
  qenv_free(&e);
  ok(qenv_parse(&e, never, sizeof never - 1) == 1 && !e.has_size, "an envelope without M has no size");
  qenv_free(&e);
  ok(qid_valid("6920a1b201e24.1a2b"), "a queue id is valid");
  ok(!qid_valid("../etc") && !qid_valid("") && !qid_valid(".x") && !qid_valid("ABC"), "anything else is not");
}

static void statuses(void)
{
  static const char st[] = "0 T 100 4.2.2 over quota\n1 D 101 delivered\n0 T 102 again\n"
                           "0 W 103 delay warning sent\n5 D 104 beyond\n1 F 105 torn";
  struct qstat s[2] = {{0}};
  qstatus_parse(st, sizeof st - 1, s, 2);
  ok(s[0].state == 'T' && s[0].tries == 2 && s[0].warned && s[0].last == 103, "T records count attempts, W marks the warning");
  is_str(s[0].text.s, "again", "the last text is kept");
  ok(s[1].state == 'D', "a torn last line is ignored");
  qstat_free(s, 2);
  stralloc line = {0};
  ok(qstatus_line(&line, 3, 'F', 7, "two\nlines") && line.len == 16 && !memcmp(line.s, "3 F 7 two lines\n", 16),
     "a record is one line");
  stralloc_free(&line);
}

static void suppression(void)
{
  char dir[] = "/tmp/postern-unit-qenv.XXXXXX";
  if (!mkdtemp(dir)) { ok(0, "temporary root"); return; }
  setenv("POSTERN_HOME", dir, 1);
  char var[64];
  snprintf(var, sizeof var, "%s/var", dir);
  mkdir(var, 0755);
  is_int(backscatter_check("x@example.test"), BACKSCATTER_NONE, "an unknown address is not listed");
  ok(backscatter_add("X@Example.test", 0) == 0, "a temporary failure is added");
  is_int(backscatter_check("x@example.TEST"), BACKSCATTER_TEMP, "  and found case-insensitively");
  ok(backscatter_add("y@example.test", 1) == 0, "a permanent failure is added");
  is_int(backscatter_check("y@example.test"), BACKSCATTER_PERM, "  and found as permanent");
  is_int(backscatter_clear("x@example.test"), 1, "clear removes an address");
  is_int(backscatter_check("x@example.test"), BACKSCATTER_NONE, "  which is then not listed");
  is_int(backscatter_sweep(0), 0, "a sweep keeps fresh entries");
  is_int(backscatter_sweep(1), 1, "clear all removes the rest");
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd) != 0) ok(0, "cleanup");
}

int main(void)
{
  envelopes();
  statuses();
  suppression();
  return done_testing();
}
