# Writes a return with problems, as a clerk's own workbook looks: a merged title, a 填报单位 line, a
# one-row header with a 说明 column, a second sheet (填写说明) with its own merge and a filled cell.
# Usage: python3 make-problem-return.py OUT.xlsx ROWS.json   (rows: [[code, name, target, actual, note], ...])
import json
import sys

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

out, rows_path = sys.argv[1], sys.argv[2]
rows = json.load(open(rows_path, encoding="utf-8"))
wb = Workbook()
ws = wb.active
ws.title = "填报表"
ws.append(["2025年度住有宜居指标填报表"])
ws.merge_cells("A1:E1")
ws["A1"].font = Font(bold=True, size=14)
ws.append(["填报单位：区住建局", None, None, "填报人：张三"])
ws.append(["序号", "指标", "2025年 目标值", "2025年 实际值", "说明"])
for r in rows:
    ws.append(r)
ws.column_dimensions["B"].width = 40
notes = wb.create_sheet("填写说明")
notes.append(["填写说明"])
notes.append([None, "请按规划口径填写，数值不带单位", None, None])
notes.merge_cells("B2:D2")
notes["A1"].fill = PatternFill("solid", fgColor="FFCCE5FF")
wb.save(out)
