/* Generated from Dovecot 2.3 answers for the same messages. */
static const struct dcase { const char *name; const char *msg; size_t len; const char *env, *bs, *body; } dcases[] = {
  { "01-alt-attach.eml",
    "From: \"Jane Doe\" <jane@example.com>\n"
    "To: bob@example.org, \"Carl, Jr.\" <carl@example.net>\n"
    "Cc: Team: ann@x.org, bo@y.org;\n"
    "Subject: Quarterly report\n"
    "Date: Tue, 01 Oct 2024 10:11:12 +0200\n"
    "Message-ID: <abc123@example.com>\n"
    "In-Reply-To: <prev@example.com>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"===============7108817126212746441==\"\n"
    "\n"
    "--===============7108817126212746441==\n"
    "Content-Type: multipart/alternative;\n"
    " boundary=\"===============9171678609326579002==\"\n"
    "\n"
    "--===============9171678609326579002==\n"
    "Content-Type: text/plain; charset=\"utf-8\"\n"
    "Content-Transfer-Encoding: 7bit\n"
    "\n"
    "Hello Bob,\n"
    "\n"
    "See attached.\n"
    "\n"
    "--===============9171678609326579002==\n"
    "Content-Type: text/html; charset=\"utf-8\"\n"
    "Content-Transfer-Encoding: 7bit\n"
    "MIME-Version: 1.0\n"
    "\n"
    "<p>Hello Bob,</p><p>See attached.</p>\n"
    "\n"
    "--===============9171678609326579002==--\n"
    "\n"
    "--===============7108817126212746441==\n"
    "Content-Type: application/pdf\n"
    "Content-Transfer-Encoding: base64\n"
    "Content-Disposition: attachment; filename=\"report.pdf\"\n"
    "MIME-Version: 1.0\n"
    "\n"
    "JVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYt\n"
    "MS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBm\n"
    "YWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQ\n"
    "REYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEu\n"
    "NCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFr\n"
    "ZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERG\n"
    "LTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQg\n"
    "ZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2Ul\n"
    "UERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0x\n"
    "LjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZh\n"
    "a2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBE\n"
    "Ri0xLjQgZmFrZSVQREYtMS40IGZha2U=\n"
    "\n"
    "--===============7108817126212746441==\n"
    "Content-Type: text/csv; charset=\"utf-8\"\n"
    "Content-Transfer-Encoding: 7bit\n"
    "Content-Disposition: attachment; filename=\"data.csv\"\n"
    "MIME-Version: 1.0\n"
    "\n"
    "col1,col2\n"
    "1,2\n"
    "\n"
    "--===============7108817126212746441==--\n"
    "", 2122,
    "(\"Tue, 01 Oct 2024 10:11:12 +0200\" \"Quarterly report\" ((\"Jane Doe\" NIL \"jane\" \"example.com\")) ((\"Jane Doe\" NIL \"jane\" \"example.com\")) ((\"Jane Doe\" NIL \"jane\" \"example.com\")) ((NIL NIL \"bob\" \"example.org\")(\"Carl, Jr.\" NIL \"carl\" \"example.net\")) ((NIL NIL \"Team\" NIL)(NIL NIL \"ann\" \"x.org\")(NIL NIL \"bo\" \"y.org\")(NIL NIL NIL NIL)) NIL \"<prev@example.com>\" \"<abc123@example.com>\")",
    "(((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 29 3 NIL NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 39 1 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"===============9171678609326579002==\") NIL NIL NIL)(\"application\" \"pdf\" NIL NIL NIL \"base64\" 892 NIL (\"attachment\" (\"filename\" \"report.pdf\")) NIL NIL)(\"text\" \"csv\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 16 2 NIL (\"attachment\" (\"filename\" \"data.csv\")) NIL NIL) \"mixed\" (\"boundary\" \"===============7108817126212746441==\") NIL NIL NIL)",
    "(((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 29 3)(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 39 1) \"alternative\")(\"application\" \"pdf\" NIL NIL NIL \"base64\" 892)(\"text\" \"csv\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 16 2) \"mixed\")" },
  { "02-nested.eml",
    "Content-Type: multipart/mixed; boundary=\"===============3765424074599713485==\"\n"
    "MIME-Version: 1.0\n"
    "From: fwd@example.com\n"
    "To: you@example.com\n"
    "Subject: Fwd: inner\n"
    "\n"
    "--===============3765424074599713485==\n"
    "Content-Type: text/plain; charset=\"us-ascii\"\n"
    "MIME-Version: 1.0\n"
    "Content-Transfer-Encoding: 7bit\n"
    "\n"
    "forwarding\n"
    "\n"
    "--===============3765424074599713485==\n"
    "Content-Type: message/rfc822\n"
    "MIME-Version: 1.0\n"
    "\n"
    "From: x@y.z\n"
    "To: q@r.s\n"
    "Subject: =?utf-8?b?w6l0w6kgaW5uZXI=?=\n"
    "Date: Mon, 30 Sep 2024 08:00:00 -0000\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"===============5940742394465754898==\"\n"
    "\n"
    "--===============5940742394465754898==\n"
    "Content-Type: text/plain; charset=\"utf-8\"\n"
    "Content-Transfer-Encoding: 7bit\n"
    "\n"
    "inner body\n"
    "line2\n"
    "\n"
    "--===============5940742394465754898==\n"
    "Content-Type: application/octet-stream\n"
    "Content-Transfer-Encoding: base64\n"
    "Content-Disposition: attachment; filename=\"bin.dat\"\n"
    "MIME-Version: 1.0\n"
    "\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\n"
    "AAECAAECAAECAAECAAEC\n"
    "\n"
    "--===============5940742394465754898==--\n"
    "\n"
    "--===============3765424074599713485==--\n"
    "", 1395,
    "(NIL \"Fwd: inner\" ((NIL NIL \"fwd\" \"example.com\")) ((NIL NIL \"fwd\" \"example.com\")) ((NIL NIL \"fwd\" \"example.com\")) ((NIL NIL \"you\" \"example.com\")) NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 12 1 NIL NIL NIL NIL)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 987 (\"Mon, 30 Sep 2024 08:00:00 -0000\" \"=?utf-8?b?w6l0w6kgaW5uZXI=?=\" ((NIL NIL \"x\" \"y.z\")) ((NIL NIL \"x\" \"y.z\")) ((NIL NIL \"x\" \"y.z\")) ((NIL NIL \"q\" \"r.s\")) NIL NIL NIL NIL) ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 19 2 NIL NIL NIL NIL)(\"application\" \"octet-stream\" NIL NIL NIL \"base64\" 412 NIL (\"attachment\" (\"filename\" \"bin.dat\")) NIL NIL) \"mixed\" (\"boundary\" \"===============5940742394465754898==\") NIL NIL NIL) 28 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"===============3765424074599713485==\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 12 1)(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 987 (\"Mon, 30 Sep 2024 08:00:00 -0000\" \"=?utf-8?b?w6l0w6kgaW5uZXI=?=\" ((NIL NIL \"x\" \"y.z\")) ((NIL NIL \"x\" \"y.z\")) ((NIL NIL \"x\" \"y.z\")) ((NIL NIL \"q\" \"r.s\")) NIL NIL NIL NIL) ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 19 2)(\"application\" \"octet-stream\" NIL NIL NIL \"base64\" 412) \"mixed\") 28) \"mixed\")" },
  { "03-words.eml",
    "From: =?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>\n"
    "To: =?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>\n"
    "CC: =?ISO-8859-1?Q?Olle_J=E4rnefors?= <ojarnef@admin.kth.se>\n"
    "Subject: =?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\n"
    " =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=\n"
    "X-Koi: =?koi8-r?b?8NLJ18XU?=\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=ISO-8859-1\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "J=E4rnefors caf=E9=\n"
    " soft\n"
    "", 449,
    "(NIL {103}\r\n"
    "=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?= =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?= ((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\")) ((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\")) ((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\")) ((\"=?US-ASCII?Q?Keith_Moore?=\" NIL \"moore\" \"cs.utk.edu\")) ((\"=?ISO-8859-1?Q?Olle_J=E4rnefors?=\" NIL \"ojarnef\" \"admin.kth.se\")) NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"ISO-8859-1\") NIL NIL \"quoted-printable\" 28 2 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"ISO-8859-1\") NIL NIL \"quoted-printable\" 28 2)" },
  { "04-broken.eml",
    "From: a@b\n"
    "Subject: broken\n"
    "Content-Type: multipart/mixed; boundary=\"outer\"\n"
    "\n"
    "--outer\n"
    "Content-Type: multipart/alternative; boundary=\"inner\"\n"
    "\n"
    "--inner\n"
    "Content-Type: text/plain\n"
    "\n"
    "text\n"
    "--outer\n"
    "Content-Type: text/html\n"
    "\n"
    "<b>x</b>\n"
    "", 219,
    "(NIL \"broken\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"inner\") NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 1 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"outer\") NIL NIL NIL)",
    "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 0) \"alternative\")(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 1) \"mixed\")" },
  { "05-mixed-eol.eml",
    "From: a@b\r\n"
    "To: c@d\n"
    "Subject: eol\r\n"
    "\r\n"
    "line1\n"
    "line2\r\n"
    "line3", 53,
    "(NIL \"eol\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"c\" \"d\")) NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 19 2 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 19 2)" },
  { "06-crlf.eml",
    "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\r\n"
    "From: Terry Gray <gray@cac.washington.edu>\r\n"
    "Subject: IMAP4rev1 WG mtg summary and minutes\r\n"
    "To: imap@cac.washington.edu\r\n"
    "cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\r\n"
    "Message-Id: <B27397-0100000@cac.washington.edu>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r\n"
    "\r\n"
    "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n"
    "", 397,
    "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) ((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL \"<B27397-0100000@cac.washington.edu>\")",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 55 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 55 1)" },
  { "07-nobody.eml",
    "From: a@b\n"
    "Subject: only header\n"
    "", 31,
    "(NIL \"only header\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)" },
  { "08-empty.eml",
    "", 0,
    "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)" },
  { "09-addr.eml",
    "From: foo\n"
    "To: undisclosed-recipients:;\n"
    "Cc: \"Q \\\"x\\\"\" <@route1,@route2:u@h>, <>, a@b (Comment), Joe Q. Public <jqp@x.y>\n"
    "Bcc: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>\n"
    "Reply-To: \n"
    "Sender: s@t\n"
    "Subject:\n"
    "Message-ID: <m@x>\n"
    "\n"
    "body\n"
    "", 242,
    "(NIL \"\" ((NIL NIL \"foo\" \"MISSING_DOMAIN\")) ((NIL NIL \"s\" \"t\")) ((NIL NIL \"foo\" \"MISSING_DOMAIN\")) ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) (({5}\r\n"
    "Q \"x\" \"@route1,@route2\" \"u\" \"h\")(NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")(\"Comment\" NIL \"a\" \"b\")(\"Joe Q. Public\" NIL \"jqp\" \"x.y\")) ((\"Mary Smith\" NIL \"mary\" \"x.test\")(NIL NIL \"jdoe\" \"example.org\")(\"Who?\" NIL \"one\" \"y.test\")) NIL \"<m@x>\")",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)" },
  { "10-digest.eml",
    "From: list@x\n"
    "Subject: digest\n"
    "Content-Type: multipart/digest; boundary=d\n"
    "\n"
    "--d\n"
    "\n"
    "From: a@b\n"
    "Subject: one\n"
    "\n"
    "first\n"
    "--d\n"
    "Content-Type: text/plain\n"
    "\n"
    "not a message\n"
    "--d--\n"
    "", 158,
    "(NIL \"digest\" ((NIL NIL \"list\" \"x\")) ((NIL NIL \"list\" \"x\")) ((NIL NIL \"list\" \"x\")) NIL NIL NIL NIL NIL)",
    "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 32 (NIL \"one\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0 NIL NIL NIL NIL) 3 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 0 NIL NIL NIL NIL) \"digest\" (\"boundary\" \"d\") NIL NIL NIL)",
    "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 32 (NIL \"one\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0) 3)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 0) \"digest\")" },
  { "11-ext.eml",
    "From: a@b\n"
    "Content-Type: text/plain; charset=\"utf-8\"; format=flowed (comment)\n"
    "Content-Disposition: inline; filename=\"a b.txt\"\n"
    "Content-Language: en, de\n"
    "Content-Location: http://x/y\n"
    "Content-MD5: Q2hlY2sgSW50ZWdyaXR5IQ==\n"
    "Content-ID: <id1@x>\n"
    "Content-Description: a description\n"
    "Content-Transfer-Encoding: 8bit\n"
    "\n"
    "h\303\203\302\251llo\n"
    "", 314,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"utf-8\" \"format\" \"flowed\") \"<id1@x>\" \"a description\" \"8bit\" 10 1 \"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"inline\" (\"filename\" \"a b.txt\")) (\"en\" \"de\") \"http://x/y\")",
    "(\"text\" \"plain\" (\"charset\" \"utf-8\" \"format\" \"flowed\") \"<id1@x>\" \"a description\" \"8bit\" 10 1)" },
  { "12-nob.eml",
    "From: a@b\n"
    "Content-Type: multipart/mixed\n"
    "\n"
    "no boundary\n"
    "", 53,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")" },
  { "13-zero.eml",
    "From: a@b\n"
    "Content-Type: multipart/mixed; boundary=zz\n"
    "\n"
    "no parts at all\n"
    "", 70,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"zz\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")" },
  { "14-related.eml",
    "Content-Type: multipart/related;\n"
    " boundary=\"===============8346614067585580551==\"\n"
    "MIME-Version: 1.0\n"
    "From: a@b\n"
    "Subject: rel\n"
    "\n"
    "--===============8346614067585580551==\n"
    "Content-Type: text/html; charset=\"utf-8\"\n"
    "MIME-Version: 1.0\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "PGltZyBzcmM9ImNpZDppMSI+\n"
    "\n"
    "--===============8346614067585580551==\n"
    "Content-Type: image/png\n"
    "MIME-Version: 1.0\n"
    "Content-Transfer-Encoding: base64\n"
    "Content-ID: <i1>\n"
    "\n"
    "iVBORw0KGgp4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\n"
    "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\n"
    "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\n"
    "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\n"
    "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\n"
    "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHg=\n"
    "\n"
    "--===============8346614067585580551==--\n"
    "", 876,
    "(NIL \"rel\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"base64\" 26 1 NIL NIL NIL NIL)(\"image\" \"png\" NIL \"<i1>\" NIL \"base64\" 424 NIL NIL NIL NIL) \"related\" (\"boundary\" \"===============8346614067585580551==\") NIL NIL NIL)",
    "((\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"base64\" 26 1)(\"image\" \"png\" NIL \"<i1>\" NIL \"base64\" 424) \"related\")" },
  { "15-8bit.eml",
    "From: J\303\274rgen <j@x.de>\n"
    "Subject: Gr\303\274\303\237e\n"
    "Date: 1 Jan 2020 00:00 GMT\n"
    "\n"
    "x\n"
    "", 70,
    "(\"1 Jan 2020 00:00 GMT\" {7}\r\n"
    "Gr\303\274\303\237e (({7}\r\n"
    "J\303\274rgen NIL \"j\" \"x.de\")) (({7}\r\n"
    "J\303\274rgen NIL \"j\" \"x.de\")) (({7}\r\n"
    "J\303\274rgen NIL \"j\" \"x.de\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "16-fold.eml",
    "From: a@b\n"
    "Subject: this is\n"
    " a folded\n"
    "\011subject\n"
    "To: one@x,\n"
    " two@y\n"
    "\n"
    "body", 69,
    "(NIL {24}\r\n"
    "this is a folded subject ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"one\" \"x\")(NIL NIL \"two\" \"y\")) NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 0 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 0)" },
  { "17-disp.eml",
    "From: a@b\n"
    "Content-Type: application/octet-stream\n"
    "Content-Disposition: attachment\n"
    "Content-Language: fr\n"
    "Content-Transfer-Encoding: BASE64\n"
    "\n"
    "AAAA\n"
    "", 142,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"application\" \"octet-stream\" NIL NIL NIL \"BASE64\" 6 NIL (\"attachment\" NIL) (\"fr\") NIL)",
    "(\"application\" \"octet-stream\" NIL NIL NIL \"BASE64\" 6)" },
  { "18-toprfc.eml",
    "From: a@b\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: c@d\n"
    "Subject: in\n"
    "\n"
    "hi\n"
    "", 66,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 30 (NIL \"in\" ((NIL NIL \"c\" \"d\")) ((NIL NIL \"c\" \"d\")) ((NIL NIL \"c\" \"d\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 1 NIL NIL NIL NIL) 4 NIL NIL NIL NIL)",
    "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 30 (NIL \"in\" ((NIL NIL \"c\" \"d\")) ((NIL NIL \"c\" \"d\")) ((NIL NIL \"c\" \"d\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 1) 4)" },
  { "19-2231.eml",
    "From: a@b\n"
    "Content-Type: multipart/mixed; boundary=q\n"
    "\n"
    "--q\n"
    "Content-Type: application/x-stuff;\n"
    " title*0*=us-ascii'en'This%20is%20even%20more%20;\n"
    " title*1*=%2A%2A%2Afun%2A%2A%2A%20;\n"
    " title*2=\"isn't it!\"\n"
    "Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC.txt\n"
    "\n"
    "data\n"
    "--q--\n"
    "", 275,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"application\" \"x-stuff\" (\"title*\" \"us-ascii'en'This%20is%20even%20more%20%2A%2A%2Afun%2A%2A%2A%20isn't it!\") NIL NIL \"7bit\" 4 NIL (\"attachment\" (\"filename*\" \"UTF-8''%E2%82%AC.txt\")) NIL NIL) \"mixed\" (\"boundary\" \"q\") NIL NIL NIL)",
    "((\"application\" \"x-stuff\" (\"title*\" \"us-ascii'en'This%20is%20even%20more%20%2A%2A%2Afun%2A%2A%2A%20isn't it!\") NIL NIL \"7bit\" 4) \"mixed\")" },
  { "20-params.eml",
    "From: a@b\n"
    "Content-Type: Text/HTML; Charset=ISO-8859-1; name=\"x;y.html\"\n"
    "\n"
    "<p>\n"
    "", 76,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"Text\" \"HTML\" (\"Charset\" \"ISO-8859-1\" \"name\" \"x;y.html\") NIL NIL \"7bit\" 5 1 NIL NIL NIL NIL)",
    "(\"Text\" \"HTML\" (\"Charset\" \"ISO-8859-1\" \"name\" \"x;y.html\") NIL NIL \"7bit\" 5 1)" },
  { "2a1.eml",
    "From: a@b\n"
    "Content-Type: multipart/mixed; boundary=\"with space\"\n"
    "\n"
    "--with space\n"
    "\n"
    "no headers part\n"
    "--with space  \n"
    "Content-Type: text/plain\n"
    "\n"
    "trailing ws on boundary\n"
    "--with space--  \n"
    "", 176,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 15 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 23 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"with space\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 15 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 23 0) \"mixed\")" },
  { "2a2.eml",
    "From: a@b\n"
    "Content-Type: multipart/mixed; boundary=ab\n"
    "\n"
    "--ab\n"
    "Content-Type: multipart/alternative; boundary=abc\n"
    "\n"
    "--abc\n"
    "\n"
    "inner\n"
    "--abc--\n"
    "--ab--\n"
    "", 138,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"abc\") NIL NIL NIL) \"mixed\" (\"boundary\" \"ab\") NIL NIL NIL)",
    "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0) \"alternative\") \"mixed\")" },
  { "2a3.eml",
    "From: a@b\n"
    "Content-Type: multipart/mixed; boundary=abc\n"
    "\n"
    "--abc\n"
    "Content-Type: multipart/alternative; boundary=ab\n"
    "\n"
    "--ab\n"
    "\n"
    "inner\n"
    "--ab--\n"
    "--abc--\n"
    "", 138,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"ab\") NIL NIL NIL) \"mixed\" (\"boundary\" \"abc\") NIL NIL NIL)",
    "(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0) \"alternative\") \"mixed\")" },
  { "2a4.eml",
    "From: a@b\n"
    "Content-Type: message/rfc822\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "RnJvbTogYUBiCgpoaQo=\n"
    "", 95,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"message\" \"rfc822\" NIL NIL NIL \"base64\" 22 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) 1 NIL NIL NIL NIL)",
    "(\"message\" \"rfc822\" NIL NIL NIL \"base64\" 22 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) 1)" },
  { "2a5.eml",
    "From: a@b\r\n"
    "Content-Type: multipart/mixed; boundary=x\r\n"
    "\r\n"
    "--x\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "A\r\n"
    "--x\n"
    "Content-Type: text/plain\n"
    "\n"
    "B\n"
    "--x--\r\n"
    "", 131,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"x\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0) \"mixed\")" },
  { "2a6.eml",
    "From: a@b\n"
    "Content-Type: text/plain (plain text); charset = \"utf-8\" (comment)\n"
    "\n"
    "x\n"
    "", 80,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 3 1)" },
  { "2a7.eml",
    "From: a@b\n"
    "Content-Type: application/octet-stream; name=\"=?UTF-8?B?w6l0w6kucGRm?=\"\n"
    "Content-Disposition: attachment; filename=\"=?UTF-8?B?w6l0w6kucGRm?=\"\n"
    "\n"
    "xx\n"
    "", 155,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"application\" \"octet-stream\" (\"name\" \"=?UTF-8?B?w6l0w6kucGRm?=\") NIL NIL \"7bit\" 4 NIL (\"attachment\" (\"filename\" \"=?UTF-8?B?w6l0w6kucGRm?=\")) NIL NIL)",
    "(\"application\" \"octet-stream\" (\"name\" \"=?UTF-8?B?w6l0w6kucGRm?=\") NIL NIL \"7bit\" 4)" },
  { "2a8.eml",
    "Subject: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
    "From: a@b\n"
    "\n"
    "body\n"
    "", 5026,
    "(NIL \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 1)" },
  { "2b1.eml",
    "From: a@b\n"
    "Content-Type: multipart/mixed; boundary=q\n"
    "\n"
    "--q\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "--q--\n"
    "", 93,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"q\") NIL NIL NIL)",
    "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) 0) \"mixed\")" },
  { "2b2.eml",
    "From: a@b\n"
    "Content-type: TEXT/plain; CHARSET=us-ascii\n"
    "Content-Transfer-Encoding: 7BIT\n"
    "\n"
    "x\n"
    "", 88,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "2b3.eml",
    "From: a@b\n"
    "Content-Type: text/plain; charset=us-ascii; format=flowed\n"
    "\n"
    "x\n"
    "", 71,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\" \"format\" \"flowed\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\" \"format\" \"flowed\") NIL NIL \"7bit\" 3 1)" },
  { "2b4.eml",
    "From: a@b\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; micalg=pgp-sha256; boundary=\"sig\"\n"
    "\n"
    "--sig\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "signed text\n"
    "--sig\n"
    "Content-Type: application/pgp-signature; name=\"signature.asc\"\n"
    "Content-Description: OpenPGP digital signature\n"
    "Content-Disposition: attachment; filename=\"signature.asc\"\n"
    "\n"
    "-----BEGIN PGP SIGNATURE-----\n"
    "xyz\n"
    "-----END PGP SIGNATURE-----\n"
    "--sig--\n"
    "", 480,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 11 0 NIL NIL NIL NIL)(\"application\" \"pgp-signature\" (\"name\" \"signature.asc\") NIL \"OpenPGP digital signature\" \"7bit\" 63 NIL (\"attachment\" (\"filename\" \"signature.asc\")) NIL NIL) \"signed\" (\"protocol\" \"application/pgp-signature\" \"micalg\" \"pgp-sha256\" \"boundary\" \"sig\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 11 0)(\"application\" \"pgp-signature\" (\"name\" \"signature.asc\") NIL \"OpenPGP digital signature\" \"7bit\" 63) \"signed\")" },
  { "2b5.eml",
    "From: a@b\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=r\n"
    "\n"
    "--r\n"
    "Content-Type: text/plain\n"
    "\n"
    "bounce\n"
    "--r\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; x\n"
    "\n"
    "Final-Recipient: rfc822; a@b\n"
    "Action: failed\n"
    "--r\n"
    "Content-Type: text/rfc822-headers\n"
    "\n"
    "From: a@b\n"
    "Subject: orig\n"
    "--r--\n"
    "", 299,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 0 NIL NIL NIL NIL)(\"message\" \"delivery-status\" NIL NIL NIL \"7bit\" 69 NIL NIL NIL NIL)(\"text\" \"rfc822-headers\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 24 1 NIL NIL NIL NIL) \"report\" (\"report-type\" \"delivery-status\" \"boundary\" \"r\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 6 0)(\"message\" \"delivery-status\" NIL NIL NIL \"7bit\" 69)(\"text\" \"rfc822-headers\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 24 1) \"report\")" },
  { "2b6.eml",
    "From: a@b\n"
    "Content-Type: multipart/mixed; boundary=z\n"
    "\n"
    "--z\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: in@x\n"
    "Content-Type: multipart/alternative; boundary=y\n"
    "\n"
    "--y\n"
    "Content-Type: text/plain\n"
    "\n"
    "t\n"
    "--y\n"
    "Content-Type: text/html\n"
    "\n"
    "<p>t</p>\n"
    "--y--\n"
    "--z\n"
    "Content-Type: image/jpeg; name=a.jpg\n"
    "Content-Transfer-Encoding: base64\n"
    "Content-ID: <img1@x>\n"
    "\n"
    "/9j/4AAQ\n"
    "--z--\n"
    "", 335,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 148 (NIL NIL ((NIL NIL \"in\" \"x\")) ((NIL NIL \"in\" \"x\")) ((NIL NIL \"in\" \"x\")) NIL NIL NIL NIL NIL) ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 8 0 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"y\") NIL NIL NIL) 12 NIL NIL NIL NIL)(\"image\" \"jpeg\" (\"name\" \"a.jpg\") \"<img1@x>\" NIL \"base64\" 8 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"z\") NIL NIL NIL)",
    "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 148 (NIL NIL ((NIL NIL \"in\" \"x\")) ((NIL NIL \"in\" \"x\")) ((NIL NIL \"in\" \"x\")) NIL NIL NIL NIL NIL) ((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0)(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 8 0) \"alternative\") 12)(\"image\" \"jpeg\" (\"name\" \"a.jpg\") \"<img1@x>\" NIL \"base64\" 8) \"mixed\")" },
  { "2b7.eml",
    "\n"
    "body only, empty header\n"
    "", 25,
    "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 25 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 25 1)" },
  { "2b8.eml",
    "From:a@b\n"
    "To:c@d,e@f\n"
    "Subject:no space\n"
    "Date:Mon, 2 Jan 2006 15:04:05 -0700\n"
    "Message-ID:<x@y>\n"
    "In-Reply-To: <a@b> (comment) <c@d>\n"
    "\n"
    "x", 127,
    "(\"Mon, 2 Jan 2006 15:04:05 -0700\" \"no space\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"c\" \"d\")(NIL NIL \"e\" \"f\")) NIL NIL \"<a@b> (comment) <c@d>\" \"<x@y>\")",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0)" },
  { "2b9.eml",
    "From: \"Last, First\" <f@x>, 'quoted' <q@x>\n"
    "Reply-To: (only comment)\n"
    "Sender: <>\n"
    "To: a@[127.0.0.1], \"x\"@y\n"
    "\n"
    "x\n"
    "", 106,
    "(NIL NIL ((\"Last, First\" NIL \"f\" \"x\")(\"'quoted'\" NIL \"q\" \"x\")) ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) ((\"Last, First\" NIL \"f\" \"x\")(\"'quoted'\" NIL \"q\" \"x\")) ((NIL NIL \"a\" \"[127.0.0.1]\")(NIL NIL \"x\" \"y\")) NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "2c1.eml",
    "From: a@b\n"
    "Content-Type: multipart/alternative; boundary=\"=_a\"\n"
    "\n"
    "This is a multi-part message in MIME format.\n"
    "\n"
    "--=_a\n"
    "Content-Type: text/plain; charset=\"UTF-8\"\n"
    "Content-Transfer-Encoding: 8bit\n"
    "\n"
    "Hall\303\203\302\266 Welt\n"
    "\n"
    "--=_a\n"
    "Content-Type: text/html; charset=\"UTF-8\"\n"
    "\n"
    "<html><body>Hall\303\203\302\266</body></html>\n"
    "\n"
    "--=_a--\n"
    "\n"
    "", 298,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"UTF-8\") NIL NIL \"8bit\" 15 1 NIL NIL NIL NIL)(\"text\" \"html\" (\"charset\" \"UTF-8\") NIL NIL \"7bit\" 36 1 NIL NIL NIL NIL) \"alternative\" (\"boundary\" \"=_a\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"UTF-8\") NIL NIL \"8bit\" 15 1)(\"text\" \"html\" (\"charset\" \"UTF-8\") NIL NIL \"7bit\" 36 1) \"alternative\")" },
  { "2c2.eml",
    "From: a@b\n"
    "Content-Type: text/plain\n"
    "Content-Language:\n"
    "Content-Disposition: ;filename=x\n"
    "Content-Location: a\n"
    " b\n"
    "\n"
    "x\n"
    "", 112,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL (\"\" (\"filename\" \"x\")) NIL \"a b\")",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "r00.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: \"N\" <n@x>\r\n"
    "Subject: s47\n"
    "Content-Type: text/plain\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\n"
    "line 0 xxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"
    "line 1 xxxxxxx\r\n"
    "line 2 xxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
    "line 3 xxxxxxxxxxxxxxxxxxxxxxx\n"
    "line 4 xxxxxxxxxxxxxxxxxxxxx", 284,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s47\" ((\"N\" NIL \"n\" \"x\")) ((\"N\" NIL \"n\" \"x\")) ((\"N\" NIL \"n\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"quoted-printable\" 148 4 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"quoted-printable\" 148 4)" },
  { "r01.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: =?UTF-8?Q?=C3=A9?= <e@x>\n"
    "Subject: s34\n"
    "\r\n"
    "line 0 xxxxxxxxxxxxxxxxxxxxxxxxxxxx", 118,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s34\" ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 35 0 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 35 0)" },
  { "r02.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: =?UTF-8?Q?=C3=A9?= <e@x>\n"
    "Subject: s99\n"
    "\r\n"
    "", 83,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s99\" ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)" },
  { "r03.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: =?UTF-8?Q?=C3=A9?= <e@x>\n"
    "Subject: s91\r\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "", 117,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s91\" ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)" },
  { "r04.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: grp: a@b;\n"
    "Subject: s15\n"
    "Content-Type: image/png\n"
    "Content-Language: en\n"
    "\r\n"
    "", 113,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s15\" ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) NIL NIL NIL NIL NIL)",
    "(\"image\" \"png\" NIL NIL NIL \"7bit\" 0 NIL NIL (\"en\") NIL)",
    "(\"image\" \"png\" NIL NIL NIL \"7bit\" 0)" },
  { "r05.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: grp: a@b;\n"
    "Subject: s78\n"
    "Content-Type: multipart/related; boundary=\"b0_43\"\n"
    "\n"
    "preamble\n"
    "--b0_43 \n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: grp: a@b;\n"
    "Subject: s79\n"
    "Content-Type: text/html\n"
    "\n"
    "line 0 xxxxxxxxxx\n"
    "line 1 xxxxxxxxxxxx\r\n"
    "line 2 x\n"
    "line 3 xxxxxxxxxxxxxx\n"
    "\n"
    "--b0_43--\n"
    "", 300,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s78\" ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) NIL NIL NIL NIL NIL)",
    "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 131 (NIL \"s79\" ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) NIL NIL NIL NIL NIL) (\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 73 4 NIL NIL NIL NIL) 8 NIL NIL NIL NIL) \"related\" (\"boundary\" \"b0_43\") NIL NIL NIL)",
    "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 131 (NIL \"s79\" ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) NIL NIL NIL NIL NIL) (\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 73 4) 8) \"related\")" },
  { "r06.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: =?UTF-8?Q?=C3=A9?= <e@x>\n"
    "Subject: s48\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "\r\n"
    "line 0 xxxxxxxxxxxxxxxxxxxx\n"
    "line 1 xxx\n"
    "line 2 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
    "", 201,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s48\" ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 80 3 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 80 3)" },
  { "r07.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: a@b\n"
    "Subject: s94\r\n"
    "Content-Type: text/html\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "line 0 xx\n"
    "line 1 xxxxxxxxxxxxxxxxxx\r\n"
    "line 2 xxxxxxxxxxxxx\n"
    "line 3 xxxxxxxxxxxxxxxx\n"
    "line 4 xxxxxxxxxxxxxx\n"
    "", 234,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s94\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"quoted-printable\" 108 5 NIL NIL NIL NIL)",
    "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"quoted-printable\" 108 5)" },
  { "r08.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: a@b\n"
    "Subject: s19\r\n"
    "Content-Type: multipart/signed; boundary=\"b0_965\"\r\n"
    "\n"
    "\n"
    "--b0_965--\r\n"
    "", 126,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s19\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"signed\" (\"boundary\" \"b0_965\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"signed\")" },
  { "r09.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: a@b\r\n"
    "Subject: s55\n"
    "Content-Type: multipart/mixed; boundary=b0_763\n"
    "\n"
    "\n"
    "--b0_763 \n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\r\n"
    "line 0 xxxxxxx\r\n"
    "line 1 xxx\n"
    "--b0_763--\n"
    "epilogue\n"
    "", 209,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s55\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 26 1 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b0_763\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 26 1) \"mixed\")" },
  { "r10.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: a@b\r\n"
    "Subject: s5\n"
    "Content-Type: multipart/mixed; boundary=b0_494\n"
    "\n"
    "\n"
    "--b0_494\n"
    "From: a@b\n"
    "Subject: s49\n"
    "Content-Type: text/html\n"
    "Content-Disposition: inline\n"
    "Content-Language: en\n"
    "\n"
    "line 0 xxxxxxxxxxxxxxxxxxxx\n"
    "line 1 xxxxxxxxxxxxxxxxxxxx\n"
    "line 2 xxxxxxxxxxxxxxxxxxx\n"
    "line 3 x\n"
    "\n"
    "--b0_494\r\n"
    "Content-Type: text/html\r\n"
    "Content-ID: <id6@x>\r\n"
    "\n"
    "line 0 xxxxxxxxxxx\n"
    "line 1 xxx\n"
    "\n"
    "--b0_494--\n"
    "", 407,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s5\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 96 4 NIL (\"inline\" NIL) (\"en\") NIL)(\"text\" \"html\" (\"charset\" \"us-ascii\") \"<id6@x>\" NIL \"7bit\" 32 2 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b0_494\") NIL NIL NIL)",
    "((\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 96 4)(\"text\" \"html\" (\"charset\" \"us-ascii\") \"<id6@x>\" NIL \"7bit\" 32 2) \"mixed\")" },
  { "r11.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: a@b\n"
    "Subject: s14\n"
    "Content-ID: <id9@x>\r\n"
    "\n"
    "line 0 x\n"
    "line 1 xxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"
    "line 2 xxxxxxxxxxxxxxxxxxxxxxxxxx\n"
    "line 3 xxxxxxx\r\n"
    "", 177,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s14\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 97 4 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 97 4)" },
  { "r12.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: =?UTF-8?Q?=C3=A9?= <e@x>\n"
    "Subject: s76\n"
    "Content-Type: text/plain\n"
    "\n"
    "line 0 xxxxxxxxxxxxxxxxxx\n"
    "line 1 xxxx\n"
    "line 2 xxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"
    "line 3 xxxxx\n"
    "line 4 xxxxxxxxxxxxxxx\n"
    "", 218,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s76\" ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 115 5 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 115 5)" },
  { "r13.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: \"N\" <n@x>\r\n"
    "Subject: s34\r\n"
    "Content-Type: multipart/related; boundary=b0_527\n"
    "\n"
    "--b0_527\n"
    "\n"
    "line 0 xxxxxxxxxxx\r\n"
    "line 1 xxxxxxxxxx\n"
    "line 2 xxxxxxxxxxxxxxxxxxxxxxxx\r\n"
    "line 3 xxxxxxxxxxxxx\n"
    "\n"
    "--b0_527\n"
    "\r\n"
    "line 0 xxxxxxxxxxxxxxxxxxxx\n"
    "\n"
    "--b0_527 \n"
    "Content-Type: text/plain; charset=utf-8\n"
    "\n"
    "line 0 xxxxxxxxxxxxxxxxxxxxxxxxx\n"
    "line 1 xxx\n"
    "line 2 xxxxxxxx\n"
    "line 3 x\n"
    "line 4 xxxxxxxxxxxxxx\n"
    "--b0_527--\n"
    "\n"
    "", 415,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s34\" ((\"N\" NIL \"n\" \"x\")) ((\"N\" NIL \"n\" \"x\")) ((\"N\" NIL \"n\" \"x\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 94 4 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 29 1 NIL NIL NIL NIL)(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 94 4 NIL NIL NIL NIL) \"related\" (\"boundary\" \"b0_527\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 94 4)(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 29 1)(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 94 4) \"related\")" },
  { "r14.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: =?UTF-8?Q?=C3=A9?= <e@x>\n"
    "Subject: s13\n"
    "Content-Type: text/plain\n"
    "Content-Disposition: attachment; filename=\"x.txt\"\r\n"
    "\n"
    "line 0 xxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
    "line 1 xxx\n"
    "", 205,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s13\" ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 49 2 NIL (\"attachment\" (\"filename\" \"x.txt\")) NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 49 2)" },
  { "r15.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: grp: a@b;\n"
    "Subject: s82\r\n"
    "Content-Type: text/html\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "", 136,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s82\" ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) NIL NIL NIL NIL NIL)",
    "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"quoted-printable\" 0 0 NIL NIL NIL NIL)",
    "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"quoted-printable\" 0 0)" },
  { "r16.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: =?UTF-8?Q?=C3=A9?= <e@x>\n"
    "Subject: s57\n"
    "Content-Type: message/rfc822\n"
    "", 110,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s57\" ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) 0 NIL NIL NIL NIL)",
    "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) 0)" },
  { "r17.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: grp: a@b;\n"
    "Subject: s49\n"
    "Content-Type: TEXT/Plain; charset=\"ISO-8859-1\"; format=flowed\n"
    "\r\n"
    "line 0 xxxxxx\n"
    "line 1 xxx\r\n"
    "line 2 xxxxxxxxxxxxxxx\r\n"
    "line 3 xxxxxxxxxxxxxxxx", 203,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s49\" ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) NIL NIL NIL NIL NIL)",
    "(\"TEXT\" \"Plain\" (\"charset\" \"ISO-8859-1\" \"format\" \"flowed\") NIL NIL \"7bit\" 74 3 NIL NIL NIL NIL)",
    "(\"TEXT\" \"Plain\" (\"charset\" \"ISO-8859-1\" \"format\" \"flowed\") NIL NIL \"7bit\" 74 3)" },
  { "r18.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: a@b\n"
    "Subject: s14\n"
    "Content-Transfer-Encoding: base64\n"
    "Content-Disposition: attachment;\n"
    " filename*0=\"a\";\n"
    " filename*1=\"b\"\r\n"
    "Content-Language: en\n"
    "\n"
    "line 0 xxxxxxxxxx\n"
    "line 1 xxxxxxxxxxxxxxxxxxxxxx", 230,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s14\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 48 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 48 1)" },
  { "r19.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: a@b\n"
    "Subject: s26\n"
    "Content-Type: application/pdf; name=\"a b.pdf\"\r\n"
    "Content-Disposition: inline\n"
    "Content-ID: <id3@x>\r\n"
    "\n"
    "", 157,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s26\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"application\" \"pdf\" (\"name\" \"a b.pdf\") \"<id3@x>\" NIL \"7bit\" 0 NIL (\"inline\" NIL) NIL NIL)",
    "(\"application\" \"pdf\" (\"name\" \"a b.pdf\") \"<id3@x>\" NIL \"7bit\" 0)" },
  { "r20.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: =?UTF-8?Q?=C3=A9?= <e@x>\n"
    "Subject: s59\n"
    "Content-Type: text/html\n"
    "\n"
    "line 0 xxxxxxxxxxxx\r\n"
    "line 1 \r\n"
    "line 2 xxxxxxxx\n"
    "line 3 xxxx\n"
    "", 164,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s59\" ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 60 4 NIL NIL NIL NIL)",
    "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 60 4)" },
  { "r21.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: \"N\" <n@x>\n"
    "Subject: s64\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Disposition: inline\n"
    "", 136,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s64\" ((\"N\" NIL \"n\" \"x\")) ((\"N\" NIL \"n\" \"x\")) ((\"N\" NIL \"n\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 0 0 NIL (\"inline\" NIL) NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 0 0)" },
  { "r22.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: grp: a@b;\n"
    "Subject: s28\r\n"
    "Content-Type: multipart/alternative; boundary=b0_485\n"
    "\n"
    "preamble\n"
    "--b0_485\n"
    "From: a@b\n"
    "Subject: s93\n"
    "Content-Type: multipart/digest; boundary=\"b1_806\"\n"
    "\n"
    "\n"
    "--b1_806\n"
    "\n"
    "From: d@x\n"
    "Subject: dig\n"
    "\n"
    "digest body\n"
    "\n"
    "--b1_806--\n"
    "epilogue\r\n"
    "\n"
    "--b0_485\n"
    "From: grp: a@b;\n"
    "Subject: s61\n"
    "Content-Type: application/octet-stream\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\n"
    "line 0 xxxxxxxxxxxxxxxxxxxxxxxx\n"
    "line 1 xxxxx\n"
    "line 2 xxxxxxxxxxxxxxxxxxxxxxxxxx\n"
    "line 3 xxxxxxxxxxxxxxxxxxxxxxxxxxxxx\r\n"
    "line 4 xxxxxxxxxxx\n"
    "\r\n"
    "--b0_485 \r\n"
    "Content-Type: application/pdf; name=\"a b.pdf\"\n"
    "Content-Disposition: inline\n"
    "Content-Description: some desc\n"
    "\r\n"
    "--b0_485\n"
    "From: a@b\n"
    "Subject: s72\n"
    "Content-Type: multipart/alternative; boundary=b1_82\n"
    "\r\n"
    "preamble\n"
    "--b1_82 \r\n"
    "Content-Type: multipart/mixed; boundary=b2_11\n"
    "\n"
    "preamble\n"
    "--b2_11 \n"
    "From: grp: a@b;\n"
    "Subject: s68\r\n"
    "Content-Type: text/plain\n"
    "\n"
    "\n"
    "--b2_11--\n"
    "\n"
    "--b1_82--\n"
    "\n"
    "\n"
    "--b0_485--\r\n"
    "epilogue\n"
    "", 921,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s28\" ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) ((NIL NIL \"grp\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)) NIL NIL NIL NIL NIL)",
    "(((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 40 (NIL \"dig\" ((NIL NIL \"d\" \"x\")) ((NIL NIL \"d\" \"x\")) ((NIL NIL \"d\" \"x\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 1 NIL NIL NIL NIL) 4 NIL NIL NIL NIL) \"digest\" (\"boundary\" \"b1_806\") NIL NIL NIL)(\"application\" \"octet-stream\" NIL NIL NIL \"7bit\" 140 NIL NIL NIL NIL)(\"application\" \"pdf\" (\"name\" \"a b.pdf\") NIL \"some desc\" \"7bit\" 0 NIL (\"inline\" NIL) NIL NIL)(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"b2_11\") NIL NIL NIL) \"alternative\" (\"boundary\" \"b1_82\") NIL NIL NIL) \"alternative\" (\"boundary\" \"b0_485\") NIL NIL NIL)",
    "(((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 40 (NIL \"dig\" ((NIL NIL \"d\" \"x\")) ((NIL NIL \"d\" \"x\")) ((NIL NIL \"d\" \"x\")) NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 13 1) 4) \"digest\")(\"application\" \"octet-stream\" NIL NIL NIL \"7bit\" 140)(\"application\" \"pdf\" (\"name\" \"a b.pdf\") NIL \"some desc\" \"7bit\" 0)(((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\") \"alternative\") \"alternative\")" },
  { "r23.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: =?UTF-8?Q?=C3=A9?= <e@x>\n"
    "Subject: s23\n"
    "Content-Type: multipart/related; boundary=b0_154\n"
    "\n"
    "preamble\r\n"
    "--b0_154--\n"
    "\n"
    "", 153,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s23\" ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) ((\"=?UTF-8?Q?=C3=A9?=\" NIL \"e\" \"x\")) NIL NIL NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"related\" (\"boundary\" \"b0_154\") NIL NIL NIL)",
    "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"related\")" },
  { "r24.eml",
    "Date: Mon, 1 Jan 2024 10:00:00 +0000\n"
    "From: \"N\" <n@x>\n"
    "Subject: s56\n"
    "Content-Type: text/html\r\n"
    "\n"
    "line 0 xxxxxxxxxxx\r\n"
    "line 1 xxxxxxxxxxxxx\n"
    "line 2 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"
    "line 3 xxxxxxxxxxxxxxx\r\n"
    "line 4 xxxxxxxxxxx", 213,
    "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"s56\" ((\"N\" NIL \"n\" \"x\")) ((\"N\" NIL \"n\" \"x\")) ((\"N\" NIL \"n\" \"x\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 123 4 NIL NIL NIL NIL)",
    "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 123 4)" },
  { "x3-001.eml",
    "From: \"unterminated <x@y>\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 40,
    "(NIL \"t\" ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-002.eml",
    "From: <unclosed@x\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 32,
    "(NIL \"t\" ((NIL NIL \"unclosed\" \"SYNTAX_ERROR\")) ((NIL NIL \"unclosed\" \"SYNTAX_ERROR\")) ((NIL NIL \"unclosed\" \"SYNTAX_ERROR\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-003.eml",
    "From: Name <unclosed@x\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 37,
    "(NIL \"t\" ((\"Name\" NIL \"unclosed\" \"SYNTAX_ERROR\")) ((\"Name\" NIL \"unclosed\" \"SYNTAX_ERROR\")) ((\"Name\" NIL \"unclosed\" \"SYNTAX_ERROR\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-004.eml",
    "From: a@b, <c@d\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 30,
    "(NIL \"t\" ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"SYNTAX_ERROR\")) ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"SYNTAX_ERROR\")) ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"SYNTAX_ERROR\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-005.eml",
    "From: <>\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 23,
    "(NIL \"t\" ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-006.eml",
    "From: a@\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 23,
    "(NIL \"t\" ((NIL NIL \"a\" \"MISSING_DOMAIN\")) ((NIL NIL \"a\" \"MISSING_DOMAIN\")) ((NIL NIL \"a\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-007.eml",
    "From: @b\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 23,
    "(NIL \"t\" ((NIL NIL \"MISSING_MAILBOX\" \"b\")) ((NIL NIL \"MISSING_MAILBOX\" \"b\")) ((NIL NIL \"MISSING_MAILBOX\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-008.eml",
    "From: \"a b\"@c\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 28,
    "(NIL \"t\" ((NIL NIL \"a b\" \"c\")) ((NIL NIL \"a b\" \"c\")) ((NIL NIL \"a b\" \"c\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-009.eml",
    "From: a@b@c\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 26,
    "(NIL \"t\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-010.eml",
    "From: Joe <a@b> trailing\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 39,
    "(NIL \"t\" ((\"Joe\" NIL \"a\" \"b\")) ((\"Joe\" NIL \"a\" \"b\")) ((\"Joe\" NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-011.eml",
    "From: <a@b> Joe\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 30,
    "(NIL \"t\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-012.eml",
    "From: a.b.@c\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 27,
    "(NIL \"t\" ((NIL NIL \"a.b.\" \"c\")) ((NIL NIL \"a.b.\" \"c\")) ((NIL NIL \"a.b.\" \"c\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-013.eml",
    "From: (comment only)\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 35,
    "(NIL \"t\" NIL NIL NIL NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-015.eml",
    "From: :\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 22,
    "(NIL \"t\" ((NIL NIL \"\" NIL)(NIL NIL NIL NIL)) ((NIL NIL \"\" NIL)(NIL NIL NIL NIL)) ((NIL NIL \"\" NIL)(NIL NIL NIL NIL)) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-016.eml",
    "From: a@b;\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 25,
    "(NIL \"t\" ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-017.eml",
    "From: a@[1.2.3.4\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 31,
    "(NIL \"t\" ((NIL NIL \"a\" \"MISSING_DOMAIN\")) ((NIL NIL \"a\" \"MISSING_DOMAIN\")) ((NIL NIL \"a\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x3-018.eml",
    "From: \"Q\" (c) <x@y> (d)\n"
    "Subject: t\n"
    "\n"
    "x\n"
    "", 38,
    "(NIL \"t\" ((\"Q\" NIL \"x\" \"y\")) ((\"Q\" NIL \"x\" \"y\")) ((\"Q\" NIL \"x\" \"y\")) NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x4-1.eml",
    "From: a@b\n"
    "Reply-To: (c)\n"
    "To: (c)\n"
    "Cc: ,\n"
    "Bcc:\n"
    "Sender: x\n"
    "\n"
    "x\n"
    "", 56,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"x\" \"MISSING_DOMAIN\")) ((NIL NIL \"a\" \"b\")) NIL ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x4-2.eml",
    "From: (c)\n"
    "Reply-To: \n"
    "Sender: <>\n"
    "\n"
    "x\n"
    "", 35,
    "(NIL NIL NIL ((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")) NIL NIL NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x4-3.eml",
    "From:\n"
    "To: a@b\n"
    "\n"
    "x\n"
    "", 17,
    "(NIL NIL NIL NIL NIL ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
  { "x5-1.eml",
    "From: a@b\n"
    "To: undisclosed-recipients:;, a@b\n"
    "Cc: g:;,\n"
    "\n"
    "x\n"
    "", 56,
    "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)(NIL NIL \"a\" \"b\")) ((NIL NIL \"g\" NIL)(NIL NIL NIL NIL)) NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL)",
    "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1)" },
};
static const struct scase { int msg; const char *sec; long origin, count; const char *want; size_t wlen; } scases[] = {
  { 0, "", -1, -1, "From: \"Jane Doe\" <jane@example.com>\r\n"
    "To: bob@example.org, \"Carl, Jr.\" <carl@example.net>\r\n"
    "Cc: Team: ann@x.org, bo@y.org;\r\n"
    "Subject: Quarterly report\r\n"
    "Date: Tue, 01 Oct 2024 10:11:12 +0200\r\n"
    "Message-ID: <abc123@example.com>\r\n"
    "In-Reply-To: <prev@example.com>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"===============7108817126212746441==\"\r\n"
    "\r\n"
    "--===============7108817126212746441==\r\n"
    "Content-Type: multipart/alternative;\r\n"
    " boundary=\"===============9171678609326579002==\"\r\n"
    "\r\n"
    "--===============9171678609326579002==\r\n"
    "Content-Type: text/plain; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "Hello Bob,\r\n"
    "\r\n"
    "See attached.\r\n"
    "\r\n"
    "--===============9171678609326579002==\r\n"
    "Content-Type: text/html; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "<p>Hello Bob,</p><p>See attached.</p>\r\n"
    "\r\n"
    "--===============9171678609326579002==--\r\n"
    "\r\n"
    "--===============7108817126212746441==\r\n"
    "Content-Type: application/pdf\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Disposition: attachment; filename=\"report.pdf\"\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "JVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYt\r\n"
    "MS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBm\r\n"
    "YWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQ\r\n"
    "REYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEu\r\n"
    "NCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFr\r\n"
    "ZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERG\r\n"
    "LTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQg\r\n"
    "ZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2Ul\r\n"
    "UERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0x\r\n"
    "LjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZh\r\n"
    "a2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBE\r\n"
    "Ri0xLjQgZmFrZSVQREYtMS40IGZha2U=\r\n"
    "\r\n"
    "--===============7108817126212746441==\r\n"
    "Content-Type: text/csv; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "Content-Disposition: attachment; filename=\"data.csv\"\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "col1,col2\r\n"
    "1,2\r\n"
    "\r\n"
    "--===============7108817126212746441==--\r\n"
    "", 2182 },
  { 1, "", -1, -1, "Content-Type: multipart/mixed; boundary=\"===============3765424074599713485==\"\r\n"
    "MIME-Version: 1.0\r\n"
    "From: fwd@example.com\r\n"
    "To: you@example.com\r\n"
    "Subject: Fwd: inner\r\n"
    "\r\n"
    "--===============3765424074599713485==\r\n"
    "Content-Type: text/plain; charset=\"us-ascii\"\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "forwarding\r\n"
    "\r\n"
    "--===============3765424074599713485==\r\n"
    "Content-Type: message/rfc822\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "From: x@y.z\r\n"
    "To: q@r.s\r\n"
    "Subject: =?utf-8?b?w6l0w6kgaW5uZXI=?=\r\n"
    "Date: Mon, 30 Sep 2024 08:00:00 -0000\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"===============5940742394465754898==\"\r\n"
    "\r\n"
    "--===============5940742394465754898==\r\n"
    "Content-Type: text/plain; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "inner body\r\n"
    "line2\r\n"
    "\r\n"
    "--===============5940742394465754898==\r\n"
    "Content-Type: application/octet-stream\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Disposition: attachment; filename=\"bin.dat\"\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAEC\r\n"
    "\r\n"
    "--===============5940742394465754898==--\r\n"
    "\r\n"
    "--===============3765424074599713485==--\r\n"
    "", 1442 },
  { 3, "", -1, -1, "From: a@b\r\n"
    "Subject: broken\r\n"
    "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
    "\r\n"
    "--outer\r\n"
    "Content-Type: multipart/alternative; boundary=\"inner\"\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "text\r\n"
    "--outer\r\n"
    "Content-Type: text/html\r\n"
    "\r\n"
    "<b>x</b>\r\n"
    "", 234 },
  { 4, "", -1, -1, "From: a@b\r\n"
    "To: c@d\r\n"
    "Subject: eol\r\n"
    "\r\n"
    "line1\r\n"
    "line2\r\n"
    "line3", 55 },
  { 8, "", -1, -1, "From: foo\r\n"
    "To: undisclosed-recipients:;\r\n"
    "Cc: \"Q \\\"x\\\"\" <@route1,@route2:u@h>, <>, a@b (Comment), Joe Q. Public <jqp@x.y>\r\n"
    "Bcc: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>\r\n"
    "Reply-To: \r\n"
    "Sender: s@t\r\n"
    "Subject:\r\n"
    "Message-ID: <m@x>\r\n"
    "\r\n"
    "body\r\n"
    "", 252 },
  { 9, "", -1, -1, "From: list@x\r\n"
    "Subject: digest\r\n"
    "Content-Type: multipart/digest; boundary=d\r\n"
    "\r\n"
    "--d\r\n"
    "\r\n"
    "From: a@b\r\n"
    "Subject: one\r\n"
    "\r\n"
    "first\r\n"
    "--d\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "not a message\r\n"
    "--d--\r\n"
    "", 173 },
  { 15, "", -1, -1, "From: a@b\r\n"
    "Subject: this is\r\n"
    " a folded\r\n"
    "\011subject\r\n"
    "To: one@x,\r\n"
    " two@y\r\n"
    "\r\n"
    "body", 76 },
  { 17, "", -1, -1, "From: a@b\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "From: c@d\r\n"
    "Subject: in\r\n"
    "\r\n"
    "hi\r\n"
    "", 73 },
  { 0, "HEADER", -1, -1, "From: \"Jane Doe\" <jane@example.com>\r\n"
    "To: bob@example.org, \"Carl, Jr.\" <carl@example.net>\r\n"
    "Cc: Team: ann@x.org, bo@y.org;\r\n"
    "Subject: Quarterly report\r\n"
    "Date: Tue, 01 Oct 2024 10:11:12 +0200\r\n"
    "Message-ID: <abc123@example.com>\r\n"
    "In-Reply-To: <prev@example.com>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"===============7108817126212746441==\"\r\n"
    "\r\n"
    "", 356 },
  { 1, "HEADER", -1, -1, "Content-Type: multipart/mixed; boundary=\"===============3765424074599713485==\"\r\n"
    "MIME-Version: 1.0\r\n"
    "From: fwd@example.com\r\n"
    "To: you@example.com\r\n"
    "Subject: Fwd: inner\r\n"
    "\r\n"
    "", 166 },
  { 3, "HEADER", -1, -1, "From: a@b\r\n"
    "Subject: broken\r\n"
    "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
    "\r\n"
    "", 79 },
  { 4, "HEADER", -1, -1, "From: a@b\r\n"
    "To: c@d\r\n"
    "Subject: eol\r\n"
    "\r\n"
    "", 36 },
  { 8, "HEADER", -1, -1, "From: foo\r\n"
    "To: undisclosed-recipients:;\r\n"
    "Cc: \"Q \\\"x\\\"\" <@route1,@route2:u@h>, <>, a@b (Comment), Joe Q. Public <jqp@x.y>\r\n"
    "Bcc: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>\r\n"
    "Reply-To: \r\n"
    "Sender: s@t\r\n"
    "Subject:\r\n"
    "Message-ID: <m@x>\r\n"
    "\r\n"
    "", 246 },
  { 9, "HEADER", -1, -1, "From: list@x\r\n"
    "Subject: digest\r\n"
    "Content-Type: multipart/digest; boundary=d\r\n"
    "\r\n"
    "", 77 },
  { 15, "HEADER", -1, -1, "From: a@b\r\n"
    "Subject: this is\r\n"
    " a folded\r\n"
    "\011subject\r\n"
    "To: one@x,\r\n"
    " two@y\r\n"
    "\r\n"
    "", 72 },
  { 17, "HEADER", -1, -1, "From: a@b\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "", 43 },
  { 0, "TEXT", -1, -1, "--===============7108817126212746441==\r\n"
    "Content-Type: multipart/alternative;\r\n"
    " boundary=\"===============9171678609326579002==\"\r\n"
    "\r\n"
    "--===============9171678609326579002==\r\n"
    "Content-Type: text/plain; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "Hello Bob,\r\n"
    "\r\n"
    "See attached.\r\n"
    "\r\n"
    "--===============9171678609326579002==\r\n"
    "Content-Type: text/html; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "<p>Hello Bob,</p><p>See attached.</p>\r\n"
    "\r\n"
    "--===============9171678609326579002==--\r\n"
    "\r\n"
    "--===============7108817126212746441==\r\n"
    "Content-Type: application/pdf\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Disposition: attachment; filename=\"report.pdf\"\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "JVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYt\r\n"
    "MS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBm\r\n"
    "YWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQ\r\n"
    "REYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEu\r\n"
    "NCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFr\r\n"
    "ZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERG\r\n"
    "LTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQg\r\n"
    "ZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2Ul\r\n"
    "UERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0x\r\n"
    "LjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZh\r\n"
    "a2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBE\r\n"
    "Ri0xLjQgZmFrZSVQREYtMS40IGZha2U=\r\n"
    "\r\n"
    "--===============7108817126212746441==\r\n"
    "Content-Type: text/csv; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "Content-Disposition: attachment; filename=\"data.csv\"\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "col1,col2\r\n"
    "1,2\r\n"
    "\r\n"
    "--===============7108817126212746441==--\r\n"
    "", 1826 },
  { 1, "TEXT", -1, -1, "--===============3765424074599713485==\r\n"
    "Content-Type: text/plain; charset=\"us-ascii\"\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "forwarding\r\n"
    "\r\n"
    "--===============3765424074599713485==\r\n"
    "Content-Type: message/rfc822\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "From: x@y.z\r\n"
    "To: q@r.s\r\n"
    "Subject: =?utf-8?b?w6l0w6kgaW5uZXI=?=\r\n"
    "Date: Mon, 30 Sep 2024 08:00:00 -0000\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"===============5940742394465754898==\"\r\n"
    "\r\n"
    "--===============5940742394465754898==\r\n"
    "Content-Type: text/plain; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "inner body\r\n"
    "line2\r\n"
    "\r\n"
    "--===============5940742394465754898==\r\n"
    "Content-Type: application/octet-stream\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Disposition: attachment; filename=\"bin.dat\"\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAEC\r\n"
    "\r\n"
    "--===============5940742394465754898==--\r\n"
    "\r\n"
    "--===============3765424074599713485==--\r\n"
    "", 1276 },
  { 3, "TEXT", -1, -1, "--outer\r\n"
    "Content-Type: multipart/alternative; boundary=\"inner\"\r\n"
    "\r\n"
    "--inner\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "text\r\n"
    "--outer\r\n"
    "Content-Type: text/html\r\n"
    "\r\n"
    "<b>x</b>\r\n"
    "", 155 },
  { 4, "TEXT", -1, -1, "line1\r\n"
    "line2\r\n"
    "line3", 19 },
  { 8, "TEXT", -1, -1, "body\r\n"
    "", 6 },
  { 9, "TEXT", -1, -1, "--d\r\n"
    "\r\n"
    "From: a@b\r\n"
    "Subject: one\r\n"
    "\r\n"
    "first\r\n"
    "--d\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "not a message\r\n"
    "--d--\r\n"
    "", 96 },
  { 15, "TEXT", -1, -1, "body", 4 },
  { 17, "TEXT", -1, -1, "From: c@d\r\n"
    "Subject: in\r\n"
    "\r\n"
    "hi\r\n"
    "", 30 },
  { 0, "1", -1, -1, "--===============9171678609326579002==\r\n"
    "Content-Type: text/plain; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "Hello Bob,\r\n"
    "\r\n"
    "See attached.\r\n"
    "\r\n"
    "--===============9171678609326579002==\r\n"
    "Content-Type: text/html; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "<p>Hello Bob,</p><p>See attached.</p>\r\n"
    "\r\n"
    "--===============9171678609326579002==--\r\n"
    "", 368 },
  { 1, "1", -1, -1, "forwarding\r\n"
    "", 12 },
  { 3, "1", -1, -1, "--inner\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "text", 41 },
  { 4, "1", -1, -1, "line1\r\n"
    "line2\r\n"
    "line3", 19 },
  { 8, "1", -1, -1, "body\r\n"
    "", 6 },
  { 9, "1", -1, -1, "From: a@b\r\n"
    "Subject: one\r\n"
    "\r\n"
    "first", 32 },
  { 15, "1", -1, -1, "body", 4 },
  { 17, "1", -1, -1, "From: c@d\r\n"
    "Subject: in\r\n"
    "\r\n"
    "hi\r\n"
    "", 30 },
  { 0, "1.MIME", -1, -1, "Content-Type: multipart/alternative;\r\n"
    " boundary=\"===============9171678609326579002==\"\r\n"
    "\r\n"
    "", 90 },
  { 1, "1.MIME", -1, -1, "Content-Type: text/plain; charset=\"us-ascii\"\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "", 100 },
  { 3, "1.MIME", -1, -1, "Content-Type: multipart/alternative; boundary=\"inner\"\r\n"
    "\r\n"
    "", 57 },
  { 4, "1.MIME", -1, -1, "From: a@b\r\n"
    "To: c@d\r\n"
    "Subject: eol\r\n"
    "\r\n"
    "", 36 },
  { 8, "1.MIME", -1, -1, "From: foo\r\n"
    "To: undisclosed-recipients:;\r\n"
    "Cc: \"Q \\\"x\\\"\" <@route1,@route2:u@h>, <>, a@b (Comment), Joe Q. Public <jqp@x.y>\r\n"
    "Bcc: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>\r\n"
    "Reply-To: \r\n"
    "Sender: s@t\r\n"
    "Subject:\r\n"
    "Message-ID: <m@x>\r\n"
    "\r\n"
    "", 246 },
  { 9, "1.MIME", -1, -1, "\r\n"
    "", 2 },
  { 15, "1.MIME", -1, -1, "From: a@b\r\n"
    "Subject: this is\r\n"
    " a folded\r\n"
    "\011subject\r\n"
    "To: one@x,\r\n"
    " two@y\r\n"
    "\r\n"
    "", 72 },
  { 17, "1.MIME", -1, -1, "From: a@b\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "", 43 },
  { 0, "2", -1, -1, "JVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYt\r\n"
    "MS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBm\r\n"
    "YWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQ\r\n"
    "REYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEu\r\n"
    "NCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFr\r\n"
    "ZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERG\r\n"
    "LTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQg\r\n"
    "ZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2Ul\r\n"
    "UERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0x\r\n"
    "LjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZh\r\n"
    "a2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBE\r\n"
    "Ri0xLjQgZmFrZSVQREYtMS40IGZha2U=\r\n"
    "", 892 },
  { 1, "2", -1, -1, "From: x@y.z\r\n"
    "To: q@r.s\r\n"
    "Subject: =?utf-8?b?w6l0w6kgaW5uZXI=?=\r\n"
    "Date: Mon, 30 Sep 2024 08:00:00 -0000\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"===============5940742394465754898==\"\r\n"
    "\r\n"
    "--===============5940742394465754898==\r\n"
    "Content-Type: text/plain; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "inner body\r\n"
    "line2\r\n"
    "\r\n"
    "--===============5940742394465754898==\r\n"
    "Content-Type: application/octet-stream\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Disposition: attachment; filename=\"bin.dat\"\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAEC\r\n"
    "\r\n"
    "--===============5940742394465754898==--\r\n"
    "", 987 },
  { 3, "2", -1, -1, "<b>x</b>\r\n"
    "", 10 },
  { 4, "2", -1, -1, "", 0 },
  { 8, "2", -1, -1, "", 0 },
  { 9, "2", -1, -1, "not a message", 13 },
  { 15, "2", -1, -1, "", 0 },
  { 17, "2", -1, -1, "", 0 },
  { 0, "2.MIME", -1, -1, "Content-Type: application/pdf\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Disposition: attachment; filename=\"report.pdf\"\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "", 143 },
  { 1, "2.MIME", -1, -1, "Content-Type: message/rfc822\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "", 51 },
  { 3, "2.MIME", -1, -1, "Content-Type: text/html\r\n"
    "\r\n"
    "", 27 },
  { 4, "2.MIME", -1, -1, "", 0 },
  { 8, "2.MIME", -1, -1, "", 0 },
  { 9, "2.MIME", -1, -1, "Content-Type: text/plain\r\n"
    "\r\n"
    "", 28 },
  { 15, "2.MIME", -1, -1, "", 0 },
  { 17, "2.MIME", -1, -1, "", 0 },
  { 0, "2.HEADER", -1, -1, "", 0 },
  { 1, "2.HEADER", -1, -1, "From: x@y.z\r\n"
    "To: q@r.s\r\n"
    "Subject: =?utf-8?b?w6l0w6kgaW5uZXI=?=\r\n"
    "Date: Mon, 30 Sep 2024 08:00:00 -0000\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"===============5940742394465754898==\"\r\n"
    "\r\n"
    "", 203 },
  { 3, "2.HEADER", -1, -1, "", 0 },
  { 4, "2.HEADER", -1, -1, "", 0 },
  { 8, "2.HEADER", -1, -1, "", 0 },
  { 9, "2.HEADER", -1, -1, "", 0 },
  { 15, "2.HEADER", -1, -1, "", 0 },
  { 17, "2.HEADER", -1, -1, "", 0 },
  { 0, "2.TEXT", -1, -1, "", 0 },
  { 1, "2.TEXT", -1, -1, "--===============5940742394465754898==\r\n"
    "Content-Type: text/plain; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "inner body\r\n"
    "line2\r\n"
    "\r\n"
    "--===============5940742394465754898==\r\n"
    "Content-Type: application/octet-stream\r\n"
    "Content-Transfer-Encoding: base64\r\n"
    "Content-Disposition: attachment; filename=\"bin.dat\"\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAEC\r\n"
    "\r\n"
    "--===============5940742394465754898==--\r\n"
    "", 784 },
  { 3, "2.TEXT", -1, -1, "", 0 },
  { 4, "2.TEXT", -1, -1, "", 0 },
  { 8, "2.TEXT", -1, -1, "", 0 },
  { 9, "2.TEXT", -1, -1, "", 0 },
  { 15, "2.TEXT", -1, -1, "", 0 },
  { 17, "2.TEXT", -1, -1, "", 0 },
  { 0, "2.1", -1, -1, "JVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYt\r\n"
    "MS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBm\r\n"
    "YWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQ\r\n"
    "REYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEu\r\n"
    "NCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFr\r\n"
    "ZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERG\r\n"
    "LTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQg\r\n"
    "ZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2Ul\r\n"
    "UERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0x\r\n"
    "LjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZh\r\n"
    "a2UlUERGLTEuNCBmYWtlJVBERi0xLjQgZmFrZSVQREYtMS40IGZha2UlUERGLTEuNCBmYWtlJVBE\r\n"
    "Ri0xLjQgZmFrZSVQREYtMS40IGZha2U=\r\n"
    "", 892 },
  { 1, "2.1", -1, -1, "inner body\r\n"
    "line2\r\n"
    "", 19 },
  { 3, "2.1", -1, -1, "<b>x</b>\r\n"
    "", 10 },
  { 4, "2.1", -1, -1, "", 0 },
  { 8, "2.1", -1, -1, "", 0 },
  { 9, "2.1", -1, -1, "not a message", 13 },
  { 15, "2.1", -1, -1, "", 0 },
  { 17, "2.1", -1, -1, "", 0 },
  { 0, "2.2", -1, -1, "", 0 },
  { 1, "2.2", -1, -1, "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAECAAEC\r\n"
    "AAECAAECAAECAAECAAEC\r\n"
    "", 412 },
  { 3, "2.2", -1, -1, "", 0 },
  { 4, "2.2", -1, -1, "", 0 },
  { 8, "2.2", -1, -1, "", 0 },
  { 9, "2.2", -1, -1, "", 0 },
  { 15, "2.2", -1, -1, "", 0 },
  { 17, "2.2", -1, -1, "", 0 },
  { 0, "1.1", -1, -1, "Hello Bob,\r\n"
    "\r\n"
    "See attached.\r\n"
    "", 29 },
  { 1, "1.1", -1, -1, "forwarding\r\n"
    "", 12 },
  { 3, "1.1", -1, -1, "text", 4 },
  { 4, "1.1", -1, -1, "", 0 },
  { 8, "1.1", -1, -1, "", 0 },
  { 9, "1.1", -1, -1, "first", 5 },
  { 15, "1.1", -1, -1, "", 0 },
  { 17, "1.1", -1, -1, "hi\r\n"
    "", 4 },
  { 0, "1.2", -1, -1, "<p>Hello Bob,</p><p>See attached.</p>\r\n"
    "", 39 },
  { 1, "1.2", -1, -1, "", 0 },
  { 3, "1.2", -1, -1, "", 0 },
  { 4, "1.2", -1, -1, "", 0 },
  { 8, "1.2", -1, -1, "", 0 },
  { 9, "1.2", -1, -1, "", 0 },
  { 15, "1.2", -1, -1, "", 0 },
  { 17, "1.2", -1, -1, "", 0 },
  { 0, "3", -1, -1, "col1,col2\r\n"
    "1,2\r\n"
    "", 16 },
  { 1, "3", -1, -1, "", 0 },
  { 3, "3", -1, -1, "", 0 },
  { 4, "3", -1, -1, "", 0 },
  { 8, "3", -1, -1, "", 0 },
  { 9, "3", -1, -1, "", 0 },
  { 15, "3", -1, -1, "", 0 },
  { 17, "3", -1, -1, "", 0 },
  { 0, "HEADER.FIELDS (From Subject)", -1, -1, "From: \"Jane Doe\" <jane@example.com>\r\n"
    "Subject: Quarterly report\r\n"
    "\r\n"
    "", 66 },
  { 1, "HEADER.FIELDS (From Subject)", -1, -1, "From: fwd@example.com\r\n"
    "Subject: Fwd: inner\r\n"
    "\r\n"
    "", 46 },
  { 3, "HEADER.FIELDS (From Subject)", -1, -1, "From: a@b\r\n"
    "Subject: broken\r\n"
    "\r\n"
    "", 30 },
  { 4, "HEADER.FIELDS (From Subject)", -1, -1, "From: a@b\r\n"
    "Subject: eol\r\n"
    "\r\n"
    "", 27 },
  { 8, "HEADER.FIELDS (From Subject)", -1, -1, "From: foo\r\n"
    "Subject:\r\n"
    "\r\n"
    "", 23 },
  { 9, "HEADER.FIELDS (From Subject)", -1, -1, "From: list@x\r\n"
    "Subject: digest\r\n"
    "\r\n"
    "", 33 },
  { 15, "HEADER.FIELDS (From Subject)", -1, -1, "From: a@b\r\n"
    "Subject: this is\r\n"
    " a folded\r\n"
    "\011subject\r\n"
    "\r\n"
    "", 52 },
  { 17, "HEADER.FIELDS (From Subject)", -1, -1, "From: a@b\r\n"
    "\r\n"
    "", 13 },
  { 0, "HEADER.FIELDS.NOT (From Subject To)", -1, -1, "Cc: Team: ann@x.org, bo@y.org;\r\n"
    "Date: Tue, 01 Oct 2024 10:11:12 +0200\r\n"
    "Message-ID: <abc123@example.com>\r\n"
    "In-Reply-To: <prev@example.com>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"===============7108817126212746441==\"\r\n"
    "\r\n"
    "", 239 },
  { 1, "HEADER.FIELDS.NOT (From Subject To)", -1, -1, "Content-Type: multipart/mixed; boundary=\"===============3765424074599713485==\"\r\n"
    "MIME-Version: 1.0\r\n"
    "\r\n"
    "", 101 },
  { 3, "HEADER.FIELDS.NOT (From Subject To)", -1, -1, "Content-Type: multipart/mixed; boundary=\"outer\"\r\n"
    "\r\n"
    "", 51 },
  { 4, "HEADER.FIELDS.NOT (From Subject To)", -1, -1, "\r\n"
    "", 2 },
  { 8, "HEADER.FIELDS.NOT (From Subject To)", -1, -1, "Cc: \"Q \\\"x\\\"\" <@route1,@route2:u@h>, <>, a@b (Comment), Joe Q. Public <jqp@x.y>\r\n"
    "Bcc: Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>\r\n"
    "Reply-To: \r\n"
    "Sender: s@t\r\n"
    "Message-ID: <m@x>\r\n"
    "\r\n"
    "", 195 },
  { 9, "HEADER.FIELDS.NOT (From Subject To)", -1, -1, "Content-Type: multipart/digest; boundary=d\r\n"
    "\r\n"
    "", 46 },
  { 15, "HEADER.FIELDS.NOT (From Subject To)", -1, -1, "\r\n"
    "", 2 },
  { 17, "HEADER.FIELDS.NOT (From Subject To)", -1, -1, "Content-Type: message/rfc822\r\n"
    "\r\n"
    "", 32 },
  { 0, "2.HEADER.FIELDS (subject)", -1, -1, "", 0 },
  { 1, "2.HEADER.FIELDS (subject)", -1, -1, "Subject: =?utf-8?b?w6l0w6kgaW5uZXI=?=\r\n"
    "\r\n"
    "", 41 },
  { 3, "2.HEADER.FIELDS (subject)", -1, -1, "", 0 },
  { 4, "2.HEADER.FIELDS (subject)", -1, -1, "", 0 },
  { 8, "2.HEADER.FIELDS (subject)", -1, -1, "", 0 },
  { 9, "2.HEADER.FIELDS (subject)", -1, -1, "", 0 },
  { 15, "2.HEADER.FIELDS (subject)", -1, -1, "", 0 },
  { 17, "2.HEADER.FIELDS (subject)", -1, -1, "", 0 },
  { 0, "2.1.1", -1, -1, "", 0 },
  { 1, "2.1.1", -1, -1, "inner body\r\n"
    "line2\r\n"
    "", 19 },
  { 3, "2.1.1", -1, -1, "", 0 },
  { 4, "2.1.1", -1, -1, "", 0 },
  { 8, "2.1.1", -1, -1, "", 0 },
  { 9, "2.1.1", -1, -1, "", 0 },
  { 15, "2.1.1", -1, -1, "", 0 },
  { 17, "2.1.1", -1, -1, "", 0 },
  { 0, "1.1.MIME", -1, -1, "Content-Type: text/plain; charset=\"utf-8\"\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "", 78 },
  { 1, "1.1.MIME", -1, -1, "Content-Type: text/plain; charset=\"us-ascii\"\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Transfer-Encoding: 7bit\r\n"
    "\r\n"
    "", 100 },
  { 3, "1.1.MIME", -1, -1, "Content-Type: text/plain\r\n"
    "\r\n"
    "", 28 },
  { 4, "1.1.MIME", -1, -1, "", 0 },
  { 8, "1.1.MIME", -1, -1, "", 0 },
  { 9, "1.1.MIME", -1, -1, "From: a@b\r\n"
    "Subject: one\r\n"
    "\r\n"
    "", 27 },
  { 15, "1.1.MIME", -1, -1, "", 0 },
  { 17, "1.1.MIME", -1, -1, "From: c@d\r\n"
    "Subject: in\r\n"
    "\r\n"
    "", 26 },
  { 0, "", 5, 10, " \"Jane Doe", 10 },
  { 1, "", 5, 10, "nt-Type: m", 10 },
  { 3, "", 5, 10, " a@b\r\n"
    "Subj", 10 },
  { 4, "", 5, 10, " a@b\r\n"
    "To: ", 10 },
  { 8, "", 5, 10, " foo\r\n"
    "To: ", 10 },
  { 9, "", 5, 10, " list@x\r\n"
    "S", 10 },
  { 15, "", 5, 10, " a@b\r\n"
    "Subj", 10 },
  { 17, "", 5, 10, " a@b\r\n"
    "Cont", 10 },
  { 0, "1", 2, 7, "=======", 7 },
  { 1, "1", 2, 7, "rwardin", 7 },
  { 3, "1", 2, 7, "inner\r\n"
    "", 7 },
  { 4, "1", 2, 7, "ne1\r\n"
    "li", 7 },
  { 8, "1", 2, 7, "dy\r\n"
    "", 4 },
  { 9, "1", 2, 7, "om: a@b", 7 },
  { 15, "1", 2, 7, "dy", 2 },
  { 17, "1", 2, 7, "om: c@d", 7 },
  { 0, "TEXT", 0, 4, "--==", 4 },
  { 1, "TEXT", 0, 4, "--==", 4 },
  { 3, "TEXT", 0, 4, "--ou", 4 },
  { 4, "TEXT", 0, 4, "line", 4 },
  { 8, "TEXT", 0, 4, "body", 4 },
  { 9, "TEXT", 0, 4, "--d\r", 4 },
  { 15, "TEXT", 0, 4, "body", 4 },
  { 17, "TEXT", 0, 4, "From", 4 },
};
