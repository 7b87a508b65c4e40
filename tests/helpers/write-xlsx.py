"""Write a workbook with openpyxl from a JSON spec (argv[1]): the way a Python script at a
coordinating office would. Spec: {"out": path, "sheet": name, "rows": [[cell, ...], ...],
"hiddenCols": ["F"], "format": "xlsx" | "xls"}. Strings starting with "=" are formulas (openpyxl
stores them with an empty cached value, <v></v>). "xls" writes BIFF8 with xlwt instead."""
import json
import sys

spec = json.load(open(sys.argv[1], encoding="utf-8"))
if spec.get("format") == "xls":
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(spec.get("sheet", "Sheet1"))
    for r, row in enumerate(spec["rows"]):
        for c, v in enumerate(row):
            if v is not None:
                ws.write(r, c, xlwt.Formula(v[1:]) if isinstance(v, str) and v.startswith("=") else v)
    for col in spec.get("hiddenCols", []):
        ws.col(ord(col) - ord("A")).hidden = True
    wb.save(spec["out"])
else:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = spec.get("sheet", "Sheet1")
    for r, row in enumerate(spec["rows"], start=1):
        for c, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(row=r, column=c, value=v)
    for col in spec.get("hiddenCols", []):
        ws.column_dimensions[col].hidden = True
    wb.save(spec["out"])
