#!/usr/bin/python3
"""SEARCH across the charsets mail uses, whichever C library's iconv
imapd is linked with: RFC 2047 subjects in KOI8-R, ISO-2022-JP and
GB2312, bodies in windows-1252 (quoted-printable) and Shift_JIS
(base64), searched in UTF-8, and a KOI8-R search string with CHARSET
KOI8-R."""
import base64
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from postern import Tap  # noqa: E402
from imaptest import ImapRoot, Raw, have  # noqa: E402

if not have("imapd", "userdb", "userdbpw", "makeuserdb"):
    print("1..0 # SKIP imapd or the userdb tools are not built")
    sys.exit(0)


def b_word(text, cs):
    return b"=?" + cs.encode() + b"?B?" + base64.b64encode(text.encode(cs)) + b"?="


t = Tap()
root = ImapRoot()
md = root.account("demo")
msgs = [
    b"Subject: " + b_word("Привет мир", "koi8-r") + b"\nFrom: a@example.test\n\nplain\n",
    b"Subject: " + b_word("日本語の件名", "iso-2022-jp") + b"\nFrom: b@example.test\n\nplain\n",
    b"Subject: " + b_word("中文主题", "gb2312") + b"\nFrom: c@example.test\n\nplain\n",
    b"Subject: w\nContent-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable\n\n"
    b"na=EFve =80uro =93quoted=94\n",
    b"Subject: s\nContent-Type: text/plain; charset=Shift_JIS\nContent-Transfer-Encoding: base64\n\n" +
    base64.b64encode("本文はシフトJIS".encode("shift_jis")) + b"\n",
]
for m in msgs:
    root.deliver(md, m)
port = root.start_imapd(md)
r = Raw(port)
r.line()
r.cmd("SELECT INBOX")


def search(key, text, cs="UTF-8"):
    data = text.encode(cs)
    r.n += 1
    tag = "c%d" % r.n
    r.send(("%s SEARCH CHARSET %s %s {%d+}\r\n" % (tag, cs, key, len(data))).encode() + data + b"\r\n")
    lines = r.until_tagged(tag)
    return lines[0] if len(lines) > 1 else lines[-1]


t.is_(search("SUBJECT", "мир"), "* SEARCH 1", "KOI8-R encoded word")
t.is_(search("SUBJECT", "件名"), "* SEARCH 2", "ISO-2022-JP encoded word")
t.is_(search("SUBJECT", "主题"), "* SEARCH 3", "GB2312 encoded word")
t.is_(search("BODY", "€uro"), "* SEARCH 4", "windows-1252 quoted-printable body (the euro sign)")
t.is_(search("BODY", "“quoted”"), "* SEARCH 4", "windows-1252 curly quotes")
t.is_(search("BODY", "シフト"), "* SEARCH 5", "Shift_JIS base64 body")
t.is_(search("SUBJECT", "Привет", "KOI8-R"), "* SEARCH 1", "CHARSET KOI8-R search string")
t.is_(search("TEXT", "naïve", "ISO-8859-1"), "* SEARCH 4", "CHARSET ISO-8859-1 against windows-1252")
u, tag = r.cmd("FETCH 1 (ENVELOPE)")
t.ok("=?koi8-r?B?" in u[0], "ENVELOPE keeps the encoded word as sent")
r.cmd("LOGOUT")
r.close()
root.cleanup()
