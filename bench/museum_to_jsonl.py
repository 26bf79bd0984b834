#!/usr/bin/env python3
"""Writes museum collection records as archive JSON Lines documents, ids exactly as given.

Input: JSON Lines files of museum records, one object per line with the fields
id, title, description, date (as the cataloger wrote it), names (a list of people) and
language. Output (standard output, or -o FILE): one archive document per record —

    {"type": "document", "id": <id as given>, "title": ..., "summary": <description>,
     "date": <date as written>, "agents": [{"name": <name>, "role": "author"}, ...],
     "languages": [<language>]}

Empty fields are left out. The corpus benchmarks and the import check use it:

    python3 bench/museum_to_jsonl.py DATA_DIR/corpus/*.jsonl -o /tmp/museum.jsonl
    archive import --into sqlite:/tmp/museum.db /tmp/museum.jsonl
"""

import argparse
import json
import sys


def convert(record):
    doc = {"type": "document", "id": record["id"], "title": record.get("title") or ""}
    if record.get("description"):
        doc["summary"] = record["description"]
    if record.get("date"):
        doc["date"] = record["date"]
    names = [n for n in (record.get("names") or []) if n]
    if names:
        doc["agents"] = [{"name": n, "role": "author"} for n in names]
    if record.get("language"):
        doc["languages"] = [record["language"]]
    return doc


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="museum JSON Lines files")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    args = parser.parse_args()
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    count = 0
    for path in args.inputs:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as e:
                    sys.exit(f"{path}:{number}: not JSON: {e}")
                out.write(json.dumps(convert(record), ensure_ascii=False) + "\n")
                count += 1
    if args.output:
        out.close()
    print(f"{count} documents written", file=sys.stderr)


if __name__ == "__main__":
    main()
