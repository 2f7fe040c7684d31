#!/usr/bin/env python3
"""Compare every <dataset>.parquet in an output directory with its <dataset>.csv.gz.

Usage: scripts/check_parquet.py OUTPUT_DIR

Each Parquet file is read twice, with pyarrow and with DuckDB, and compared row for row
and column for column with the CSV (read with pandas, dtype=str, keep_default_na=False):

  * an empty CSV field is null (in a non-nullable string column it is the empty string);
  * decimals are compared as decimal.Decimal rendered without exponent, so the scale
    must match too ("1239844.00", not "1239844");
  * booleans as true/false, integers as decimal digits, strings exactly.

Money columns (*_yuan) must be DECIMAL(18,2) in DuckDB and decimal128(18, 2) in pyarrow;
target_value DECIMAL(18,4) / decimal128(18, 4).

Prints one summary line per dataset; exits 1 on any mismatch (after listing the first
ones), 2 when the directory has nothing to check or a file is missing.
Needs: pip install pyarrow duckdb pandas
"""

import decimal
import itertools
import os
import sys

try:
    import duckdb
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as error:  # pragma: no cover
    sys.exit(f"check_parquet: {error}; run: pip install pyarrow duckdb pandas")

BATCH_ROWS = 50_000
MAX_REPORTED = 10

# Column name -> (DuckDB type, pyarrow type) for columns whose type is part of the contract.
MONEY = ("DECIMAL(18,2)", pa.decimal128(18, 2))
TARGET = ("DECIMAL(18,4)", pa.decimal128(18, 4))


def expected_types(column):
    if column.endswith("_yuan"):
        return MONEY
    if column == "target_value":
        return TARGET
    return None


def render(value):
    """A reader's value as the CSV text that stands for it (None for null)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"unexpected value type {type(value).__name__}: {value!r}")


def csv_rows(path, columns, keep_empty):
    """Rows of the CSV as tuples of str/None, checking the header against `columns`."""
    reader = pd.read_csv(
        path, dtype=str, keep_default_na=False, na_filter=False, compression="gzip",
        encoding="utf-8", chunksize=BATCH_ROWS)
    for chunk in reader:
        if list(chunk.columns) != columns:
            raise Mismatch(f"CSV header {list(chunk.columns)} differs from Parquet columns {columns}")
        for row in chunk.itertuples(index=False, name=None):
            yield tuple(v if v != "" or keep else None for v, keep in zip(row, keep_empty))
    # An empty CSV (header only) yields no chunk: check the header on its own.
    header = pd.read_csv(path, dtype=str, keep_default_na=False, compression="gzip", nrows=0)
    if list(header.columns) != columns:
        raise Mismatch(f"CSV header {list(header.columns)} differs from Parquet columns {columns}")


def pyarrow_rows(parquet_file, keep_empty):
    for batch in parquet_file.iter_batches(batch_size=BATCH_ROWS):
        columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
        for row in zip(*columns):
            yield normalize(row, keep_empty)


def duckdb_rows(connection, path, keep_empty):
    cursor = connection.execute(
        "select * exclude (file_row_number) from read_parquet(?, file_row_number = true) "
        "order by file_row_number", [path])
    while True:
        batch = cursor.fetchmany(BATCH_ROWS)
        if not batch:
            return
        for row in batch:
            yield normalize(row, keep_empty)


def normalize(row, keep_empty):
    out = []
    for value, keep in zip(row, keep_empty):
        text = render(value)
        # CSV cannot tell "" from null; a nullable column's "" reads back as null.
        out.append(None if text == "" and not keep else text)
    return tuple(out)


class Mismatch(Exception):
    pass


def compare(dataset, reader_name, columns, expected, actual, problems):
    """Compares two row iterators; returns the row count, appends problems."""
    count = 0
    missing = object()
    for number, (want, got) in enumerate(itertools.zip_longest(expected, actual, fillvalue=missing), start=1):
        if want is missing:
            problems.append(f"{dataset}: {reader_name} has more rows than the CSV (extra row {number}: {got})")
            break
        if got is missing:
            problems.append(f"{dataset}: {reader_name} has fewer rows than the CSV (CSV row {number} missing)")
            break
        count = number
        if want != got:
            for name, w, g in zip(columns, want, got):
                if w != g:
                    problems.append(
                        f"{dataset} row {number}, column {name}: CSV {w!r} but {reader_name} {g!r}")
                    if len(problems) >= MAX_REPORTED:
                        raise Mismatch("too many mismatches")
    return count


def check_dataset(directory, dataset, connection):
    """Checks one dataset; returns (summary line, problems)."""
    parquet_path = os.path.join(directory, dataset + ".parquet")
    csv_path = os.path.join(directory, dataset + ".csv.gz")
    problems = []
    if not os.path.exists(csv_path):
        return None, [f"{dataset}: {csv_path} is missing"]

    parquet_file = pq.ParquetFile(parquet_path)
    schema = parquet_file.schema_arrow
    columns = schema.names
    keep_empty = [not field.nullable and pa.types.is_string(field.type) for field in schema]

    # Types the contract fixes.
    duck_types = dict(connection.execute(
        "select column_name, column_type from (describe select * from read_parquet(?))",
        [parquet_path]).fetchall())
    for field in schema:
        wanted = expected_types(field.name)
        if wanted is None:
            continue
        if duck_types.get(field.name) != wanted[0]:
            problems.append(f"{dataset}.{field.name}: DuckDB type {duck_types.get(field.name)}, expected {wanted[0]}")
        if field.type != wanted[1]:
            problems.append(f"{dataset}.{field.name}: pyarrow type {field.type}, expected {wanted[1]}")

    counts = {}
    try:
        counts["pyarrow"] = compare(
            dataset, "pyarrow", columns, csv_rows(csv_path, columns, keep_empty),
            pyarrow_rows(parquet_file, keep_empty), problems)
        counts["duckdb"] = compare(
            dataset, "duckdb", columns, csv_rows(csv_path, columns, keep_empty),
            duckdb_rows(connection, parquet_path, keep_empty), problems)
    except Mismatch as error:
        if str(error) != "too many mismatches":
            problems.append(f"{dataset}: {error}")

    metadata = parquet_file.metadata
    if metadata.num_rows != counts.get("pyarrow", metadata.num_rows):
        problems.append(f"{dataset}: footer says {metadata.num_rows} rows, pyarrow read {counts['pyarrow']}")
    typed = ", ".join(f"{name} {duck_types[name]}" for name in columns if expected_types(name))
    status = "OK" if not problems else f"{len(problems)} problem(s)"
    summary = (
        f"{dataset}: {metadata.num_rows} rows, {len(columns)} columns, {metadata.num_row_groups} row group(s); "
        f"pyarrow {counts.get('pyarrow', '?')} rows, duckdb {counts.get('duckdb', '?')} rows"
        + (f"; {typed}" if typed else "") + f" — {status}")
    return summary, problems


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    directory = argv[1]
    if not os.path.isdir(directory):
        print(f"check_parquet: {directory} is not a directory", file=sys.stderr)
        return 2
    datasets = sorted(name[: -len(".parquet")] for name in os.listdir(directory) if name.endswith(".parquet"))
    if not datasets:
        print(f"check_parquet: no .parquet files in {directory}", file=sys.stderr)
        return 2
    for name in sorted(os.listdir(directory)):
        if name.endswith(".csv.gz") and name[: -len(".csv.gz")] not in datasets:
            print(f"note: {name} has no matching .parquet", file=sys.stderr)

    connection = duckdb.connect()
    failed = False
    missing = False
    for dataset in datasets:
        try:
            summary, problems = check_dataset(directory, dataset, connection)
        except Exception as error:  # a reader refusing the file is a finding, not a crash
            summary, problems = None, [f"{dataset}: could not be read: {type(error).__name__}: {error}"]
        if summary is None:
            missing = missing or any("is missing" in p for p in problems)
            print(f"{dataset}: NOT CHECKED")
        else:
            print(summary)
        for problem in problems:
            print(f"  MISMATCH {problem}", file=sys.stderr)
        failed = failed or bool(problems)
    if failed:
        print("check_parquet: FAILED", file=sys.stderr)
        return 2 if missing else 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
