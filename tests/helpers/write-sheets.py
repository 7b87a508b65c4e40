"""Write a workbook of one or more sheets from a JSON spec (argv[1]), the way a Python script at a
coordinating office would: openpyxl for .xlsx, xlwt (BIFF8) for .xls. Spec: {"out": path,
"sheets": [{"name": str, "rows": [[cell, ...], ...], "state": "visible" | "hidden",
"hiddenRows": [4], "hiddenCols": ["F"]}]}. Row numbers are 1-based, as in Excel. Strings starting
with "=" are formulas: openpyxl stores them with an empty cached value (<v></v>), xlwt with none."""
import json
import sys

spec = json.load(open(sys.argv[1], encoding="utf-8"))
if spec["out"].endswith(".xls"):
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    for sh in spec["sheets"]:
        ws = wb.add_sheet(sh["name"])
        for r, row in enumerate(sh["rows"]):
            for c, v in enumerate(row):
                if v is not None:
                    ws.write(r, c, xlwt.Formula(v[1:]) if isinstance(v, str) and v.startswith("=") else v)
        for col in sh.get("hiddenCols", []):
            ws.col(ord(col) - ord("A")).hidden = True
        for r in sh.get("hiddenRows", []):
            ws.row(r - 1).hidden = True
        if sh.get("state") == "hidden":
            ws.visibility = 1
    wb.save(spec["out"])
else:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sh in spec["sheets"]:
        ws = wb.create_sheet(sh["name"])
        for r, row in enumerate(sh["rows"], start=1):
            for c, v in enumerate(row, start=1):
                if v is not None:
                    ws.cell(row=r, column=c, value=v)
        for col in sh.get("hiddenCols", []):
            ws.column_dimensions[col].hidden = True
        for r in sh.get("hiddenRows", []):
            ws.row_dimensions[r].hidden = True
        ws.sheet_state = sh.get("state", "visible")
    # A workbook's active tab must be a visible one.
    wb.active = next(i for i, sh in enumerate(spec["sheets"]) if sh.get("state", "visible") == "visible")
    wb.save(spec["out"])
