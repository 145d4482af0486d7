#!/usr/bin/env python3
"""Checks of the report's HTML and of a PDF page rendered to PNG, for tests/cli/report.sh.

  report_check.py html FILE   the sample report's HTML (tests/unit/report_sample.h), in Vietnamese
  report_check.py png FILE    a PNG that is not blank (some pixels not white)

Prints what is wrong, one line each, and exits 1; exits 0 when all is well.
"""
import sys
import struct
import zlib
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
problems = []


def problem(msg):
    problems.append(msg)


class Report(HTMLParser):
    """Keeps the tag stack, the tables (caption, header cells, body and foot rows) and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.tags = []
        self.attrs = []
        self.tables = []
        self.cell = None
        self.row = None
        self.part = None
        self.caption = None
        self.style = ""
        self.in_style = False
        self.doctype = None
        self.texts = []

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))
        if tag == "table":
            self.tables.append({"caption": "", "head": [], "body": [], "foot": []})
        elif tag in ("thead", "tbody", "tfoot"):
            self.part = {"thead": "head", "tbody": "body", "tfoot": "foot"}[tag]
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.cell = ""
        elif tag == "caption":
            self.caption = ""
        elif tag == "style":
            self.in_style = True
        elif tag == "span" and self.cell is not None and "style" in dict(attrs):
            self.cell += "[bar %s]" % dict(attrs)["style"]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self.stack:
            problem("</%s> closes nothing" % tag)
            return
        open_tag, pos = self.stack.pop()
        if open_tag != tag:
            problem("<%s> at line %d closed by </%s>" % (open_tag, pos[0], tag))
        if tag in ("td", "th") and self.row is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.tables and self.part:
            self.tables[-1][self.part].append(self.row)
            self.row = None
        elif tag in ("thead", "tbody", "tfoot"):
            self.part = None
        elif tag == "caption":
            self.tables[-1]["caption"] = self.caption
            self.caption = None
        elif tag == "style":
            self.in_style = False

    def handle_data(self, data):
        self.texts.append(data)
        if self.in_style:
            self.style += data
        if self.cell is not None:
            self.cell += data
        if self.caption is not None:
            self.caption += data


def check_html(path):
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    p = Report()
    p.feed(doc)
    p.close()
    for tag, pos in p.stack:
        problem("<%s> at line %d is never closed" % (tag, pos[0]))
    if (p.doctype or "").lower() != "doctype html":
        problem("no <!DOCTYPE html> (%r)" % p.doctype)
    html = [a for t, a in p.attrs if t == "html"]
    if not html or html[0].get("lang") != "vi":
        problem("<html> has no lang=\"vi\": %r" % html)
    if not any(t == "meta" and a.get("charset", "").lower() == "utf-8" for t, a in p.attrs):
        problem("no <meta charset=\"utf-8\">")
    for bad in ("script", "link", "img", "iframe", "object", "embed", "i", "b"):
        if bad in p.tags:
            problem("a <%s> element is in the document" % bad)
    for t, a in p.attrs:
        for name in a:
            if name in ("src", "href") or name.startswith("on"):
                problem("<%s %s=...>: the document must need nothing else and run nothing" % (t, name))
    for needle in ("@page{size:A4", "thead{display:table-header-group}", "break-inside:avoid"):
        if needle not in p.style:
            problem("the style has no %s" % needle)
    for needle in ("@import", "url("):
        if needle in p.style:
            problem("the style loads something: %s" % needle)
    text = "".join(p.texts)
    for needle in ("Báo cáo tình hình", "Tính đến ngày 30/06/2024", "Đồ Sơn",
                   "Tiêu đề có <script>alert(\"x\")</script> & 'nháy'", "^[[31mmã thoát^[[0m", "<U+202E>"):
        if needle not in text:
            problem("the text lacks %r" % needle)
    for bad in ("\x1b", "\u202e"):
        if bad in doc:
            problem("the document holds %r" % bad)

    tables = p.tables
    captions = [t["caption"] for t in tables]
    want = ["Theo trạng thái", "Theo loại", "Theo năm", "Theo đơn vị chủ trì",
            "Các mục quá hạn, trễ nhất trước", "Việc còn nợ của từng đơn vị",
            "Các địa bàn của mục 13: Áp dụng thí điểm tiêu chuẩn TCVN ISO 18091:2020 tại 12 quận, huyện, phường, xã",
            "Những thay đổi từ ngày 01/01/2024"]
    if captions != want:
        problem("the tables' captions are %r, not %r" % (captions, want))
        return
    rows = [(len(t["body"]), len(t["foot"])) for t in tables]
    if rows != [(6, 1), (7, 1), (3, 1), (6, 1), (6, 0), (5, 0), (12, 1), (5, 0)]:
        problem("the tables' row counts (body, foot) are %r" % rows)
    for t in tables:
        if len(t["head"]) != 1:
            problem("table %r has %d header rows" % (t["caption"], len(t["head"])))
            continue
        width = len(t["head"][0])
        for r in t["body"] + t["foot"]:
            if len(r) != width:
                problem("table %r: a row of %d cells under %d headers: %r" % (t["caption"], len(r), width, r))
    status = tables[0]
    if status["head"][0] != ["Trạng thái", "Mục", "Hoàn thành", "Quá hạn", "Tiến độ"]:
        problem("the status table's header is %r" % status["head"][0])
    if status["body"][3][:4] != ["Quá hạn", "6", "0", "6"]:
        problem("the overdue line is %r" % status["body"][3])
    if status["foot"][0] != ["Tổng", "12", "3", "6", "[bar width:50%]50%"]:
        problem("the total line is %r" % status["foot"][0])
    overdue = tables[4]["body"]
    if overdue[0] != ["44", "", "Tiêu đề có ^[[31mmã thoát^[[0m và <U+202E> đảo chiều", "Sở KH&CN Hải Phòng",
                      "10/01/2024", "172"]:
        problem("the worst overdue item is %r" % overdue[0])
    if overdue[5][:4] != ["43", "<b>", "Tiêu đề có <script>alert(\"x\")</script> & 'nháy'", "Đơn vị <i>thử</i>"]:
        problem("the last overdue item is %r" % overdue[5])
    matrix = tables[6]
    if matrix["body"][0] != ["Đồ Sơn", "Hoàn thành", "[bar width:100%]100%", "31/12/2024", "Sở KH&CN Hải Phòng"]:
        problem("the first locality is %r" % matrix["body"][0])
    if matrix["body"][11][:3] != ["Vĩnh Bảo", "Quá hạn", "\u2013"]:
        problem("the last locality is %r" % matrix["body"][11])
    if matrix["foot"][0][:3] != ["Tổng: 12", "8 hoàn thành, 2 quá hạn", "[bar width:84%]84%"]:
        problem("the localities' total is %r" % matrix["foot"][0])
    changes = tables[7]["body"]
    if changes[1][3] != "trạng thái: Đang triển khai → Hoàn thành":
        problem("the second change is %r" % changes[1])


def check_png(path):
    """Decodes an 8-bit greyscale or RGB PNG (as pdftoppm writes it) and counts pixels that are not white."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        problem("%s: not a PNG" % path)
        return
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    if depth != 8 or colour not in (0, 2):
        problem("%s: a PNG of depth %d, colour type %d, not handled" % (path, depth, colour))
        return
    bpp = 1 if colour == 0 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    dark = 0
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        dark += sum(1 for v in line if v < 200)
        prev = line
    if dark < width * height * bpp // 100:
        problem("%s: %d of %d samples are dark: the page is blank" % (path, dark, width * height * bpp))


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("html", "png"):
        print(__doc__, file=sys.stderr)
        return 2
    (check_html if sys.argv[1] == "html" else check_png)(sys.argv[2])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
