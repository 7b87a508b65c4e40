"""Write a plan table workbook with openpyxl from a JSON spec (argv[1]), the way someone types a
plan's 五年目标 table: {"out": path, "sheet": name, "cells": [[row, col, value, numFmt|null], ...],
"merges": ["A3:A6", ...]}. Rows and columns are 1-based."""
import json
import sys

import openpyxl

spec = json.load(open(sys.argv[1], encoding="utf-8"))
wb = openpyxl.Workbook()
ws = wb.active
ws.title = spec.get("sheet", "Sheet1")
for row, col, value, fmt in spec["cells"]:
    cell = ws.cell(row=row, column=col, value=value)
    if fmt:
        cell.number_format = fmt
for ref in spec.get("merges", []):
    ws.merge_cells(ref)
wb.save(spec["out"])
