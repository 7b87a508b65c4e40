# Writes a hand-made return with openpyxl, as a clerk's own spreadsheet would look: a title, one
# 填报单位 line per department named (and a 填报人 line), a single-row header, one row per indicator.
# Usage: python3 make-return.py SPEC.json  (spec: {"path", "year", "departments": [...], "rows": [{"code","name","target","actual"}]})
import json
import sys

from openpyxl import Workbook

spec = json.load(open(sys.argv[1], encoding="utf-8"))
wb = Workbook()
ws = wb.active
ws.title = "Sheet1"
year = spec["year"]
ws.append([f"{year}年度住有宜居指标填报表"])
for dept in spec["departments"]:
    ws.append([f"填报单位：{dept}", None, None, "填报人：" + spec.get("clerk", "张三")])
ws.append(["序号", "指标", f"{year}年 目标值", f"{year}年 实际值"])
for row in spec["rows"]:
    ws.append([row["code"], row["name"], row.get("target"), row.get("actual")])
wb.save(spec["path"])
