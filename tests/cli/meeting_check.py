#!/usr/bin/env python3
"""Checks of hoso report's HTML on the meeting database (tests/cli/meeting.sql), for tests/cli/meeting.sh.

  meeting_check.py html FILE

Prints what is wrong, one line each, and exits 1; exits 0 when all is well.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report_check import Report  # noqa: E402

problems = []


def check_html(path):
    with open(path, encoding="utf-8") as f:
        doc = f.read()
    p = Report()
    p.feed(doc)
    p.close()
    for tag, pos in p.stack:
        problems.append("<%s> at line %d is never closed" % (tag, pos[0]))
    if "script" in p.tags:
        problems.append("a <script> is in the document")
    if "@page{size:A4" not in p.style:
        problems.append("no print style for A4")
    captions = [t["caption"] for t in p.tables]
    want = ["Theo trạng thái", "Theo loại", "Theo năm", "Theo đơn vị chủ trì",
            "Các mục quá hạn, trễ nhất trước", "Việc còn nợ của từng đơn vị"]
    if captions[:6] != want or not captions[6].startswith("Các địa bàn của mục 13: Áp dụng thí điểm") \
            or captions[7] != "Những thay đổi từ ngày 01/01/2024":
        problems.append("the tables' captions are %r" % captions)
        return
    rows = [(len(t["body"]), len(t["foot"])) for t in p.tables]
    if rows != [(6, 1), (7, 1), (2, 1), (5, 1), (6, 0), (3, 0), (12, 1), (6, 0)]:
        problems.append("the tables' row counts (body, foot) are %r" % rows)
    for t in p.tables:
        width = len(t["head"][0]) if t["head"] else 0
        for r in t["body"] + t["foot"]:
            if len(r) != width:
                problems.append("table %r: a row of %d cells under %d headers: %r" % (t["caption"], len(r), width, r))
    status = p.tables[0]
    if status["body"][3][:4] != ["Quá hạn", "6", "0", "6"]:
        problems.append("the overdue line is %r" % status["body"][3])
    if status["foot"][0][:4] != ["Tổng", "42", "26", "6"]:
        problems.append("the total line is %r" % status["foot"][0])
    overdue = p.tables[4]["body"]
    if overdue[0][0] != "30" or overdue[0][5] != "91" or overdue[5][0] != "41" or overdue[5][5] != "15":
        problems.append("the overdue items are %r" % overdue)
    debts = p.tables[5]["body"]
    if debts[0] != ["UBND TP Hải Phòng", "8", "3"]:
        problems.append("the first debt is %r" % debts[0])
    matrix = p.tables[6]
    if matrix["body"][10][1] != "Quá hạn" or matrix["foot"][0][1] != "8 hoàn thành, 2 quá hạn":
        problems.append("the locality matrix is %r" % matrix)
    changes = [r[3] for r in p.tables[7]["body"]]
    if changes != ["ban hành văn bản: Kết luận số 312", "tiến độ: 30% → 60%",
                   "trạng thái: Chưa triển khai → Đang triển khai", "tiến độ: 20% → 40%",
                   "trạng thái: Chưa triển khai → Đang triển khai", "thêm mới"]:
        problems.append("the changes are %r" % changes)


def main():
    if len(sys.argv) != 3 or sys.argv[1] != "html":
        print(__doc__, file=sys.stderr)
        return 2
    check_html(sys.argv[2])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
