#!/usr/bin/env python3
"""Reads every dataset the pipeline wrote with the clients data teams use.

For each dataset: pandas reads the CSV and the JSON Lines (gzip, several members), DuckDB
reads both, and the two files agree row for row. `frictionless validate` checks
datapackage.json (schemas, types, primary and foreign keys). Exits non-zero on any problem.

Usage: scripts/check_outputs.py [OUT_DIR]
"""
import decimal
import gzip
import json
import os
import subprocess
import sys

import duckdb
import pandas as pd

DATASETS = ["sources", "documents", "tables", "line_items", "text_blocks", "text_amounts", "indicators", "checks"]


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def normalize(value, numeric):
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if numeric and value != "":
        return str(decimal.Decimal(str(value)).normalize())
    return str(value)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "out"
    package = json.load(open(os.path.join(out, "datapackage.json"), encoding="utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    con = duckdb.connect()
    for name in DATASETS:
        csv_path = os.path.join(out, f"{name}.csv.gz")
        jsonl_path = os.path.join(out, f"{name}.jsonl.gz")
        fields = resources[name]["schema"]["fields"]
        columns = [f["name"] for f in fields]
        numeric = {f["name"] for f in fields if f["type"] in ("number", "integer")}
        frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False, compression="gzip")
        if list(frame.columns) != columns:
            fail(f"{name}: CSV columns {list(frame.columns)} != schema {columns}")
        with gzip.open(jsonl_path, "rt", encoding="utf-8") as f:
            lines = [json.loads(line, parse_float=decimal.Decimal) for line in f if line.strip()]
        if len(lines) != len(frame):
            fail(f"{name}: {len(frame)} CSV rows but {len(lines)} JSON Lines rows")
        for i, (record, obj) in enumerate(zip(frame.itertuples(index=False), lines)):
            if list(obj.keys()) != columns:
                fail(f"{name} row {i + 1}: JSON keys out of order")
            for column, csv_value in zip(columns, record):
                a = normalize(csv_value, column in numeric)
                b = normalize(obj[column], column in numeric)
                if a != b:
                    fail(f"{name} row {i + 1} {column}: CSV {csv_value!r} != JSON {obj[column]!r}")
        if len(frame) > 0:
            pd.read_json(jsonl_path, lines=True, compression="gzip", dtype=False)
        duck_csv = con.execute(
            f"select count(*) from read_csv('{csv_path}', header=true, all_varchar=true)"
        ).fetchone()[0]
        duck_json = con.execute(
            f"select count(*) from read_json('{jsonl_path}', format='newline_delimited')"
        ).fetchone()[0] if len(frame) > 0 else 0
        if duck_csv != len(frame) or duck_json != len(frame):
            fail(f"{name}: DuckDB reads {duck_csv} CSV / {duck_json} JSON rows, pandas {len(frame)}")
        print(f"ok {name}: {len(frame)} rows (pandas, DuckDB; CSV == JSON Lines)")
    if any(r.get("format") == "parquet" for r in package["resources"]) and os.path.exists(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_parquet.py")
    ):
        subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_parquet.py"), out], check=True)
    result = subprocess.run(
        ["frictionless", "validate", "--json", os.path.join(out, "datapackage.json")],
        capture_output=True, text=True,
    )
    report = json.loads(result.stdout) if result.stdout.strip().startswith("{") else None
    if report is None or not report.get("valid"):
        errors = []
        if report:
            for task in report.get("tasks", []):
                for e in task.get("errors", [])[:5]:
                    errors.append(f"{task.get('name')}: {e.get('message')}")
            for e in report.get("errors", [])[:5]:
                errors.append(e.get("message"))
        fail("frictionless validate: " + ("; ".join(errors) or result.stdout[-2000:] + result.stderr[-2000:]))
    print("ok frictionless validate datapackage.json")


if __name__ == "__main__":
    main()
