#!/usr/bin/env python3
"""Writes the generated seeds of the fuzz corpora (fuzz/corpus/<target>/*-fuzzseed*).

Hand-written inputs that a mutator does not reach by itself: deep nesting (JSON, XML, query
parentheses), huge numbers (1e999, 100,000 digits) and forged lengths (snapshot and index
files, whose checksums a mutator cannot keep right, so each forged field is written here with
its checksum recomputed). Every file is smaller than 100 KB. Run from anywhere:

    python3 fuzz/make_seeds.py

The output is committed; running the script again rewrites the same bytes.
"""

import pathlib
import re
import struct

CORPUS = pathlib.Path(__file__).resolve().parent / "corpus"
LIMIT = 100 * 1024


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < LIMIT, (target, name, len(data))
    path = CORPUS / target / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# ---- JSON Lines ---------------------------------------------------------------------------


def jsonl_seeds():
    doc = '{"type":"document","id":"doc-%s","title":"%s"'
    # Deep nesting: arrays and objects in a field the reader does not expect, and in one it
    # does (languages).
    depth = 20000
    write("jsonl", "deep-nesting-arrays-fuzzseed.jsonl",
          doc % ("deep", "Deep") + ',"summary":' + "[" * depth + "]" * depth + "}\n")
    depth = 8000
    write("jsonl", "deep-nesting-objects-fuzzseed.jsonl",
          doc % ("deep", "Deep") + ',"languages":' + '{"a":' * depth + "1" + "}" * depth + "}\n")
    # Huge numbers: out of double range, out of integer range, negative, tiny.
    lines = [
        doc % ("e999", "Big") + ',"views":1e999}',
        doc % ("neg-e999", "Big") + ',"views":-1e999}',
        doc % ("tiny", "Tiny") + ',"views":1e-999}',
        doc % ("u64", "Big") + ',"views":18446744073709551616}',
        doc % ("i64", "Big") + ',"views":-9223372036854775809}',
        doc % ("frac", "Big") + ',"views":1.5}',
        doc % ("date-num", "Big") + ',"date":1e999}',
        '{"type":"person","id":"p-big","name":"Big","born":1e999,"views":1E+999}',
    ]
    write("jsonl", "huge-number-exponent-fuzzseed.jsonl", "\n".join(lines) + "\n")
    write("jsonl", "huge-number-digits-fuzzseed.jsonl",
          doc % ("digits", "Digits") + ',"views":' + "9" * 100000 + "}\n")


# ---- oai_dc XML ---------------------------------------------------------------------------

OAI_DC_OPEN = ('<oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" '
               'xmlns:dc="http://purl.org/dc/elements/1.1/">')


def oai_dc_seeds():
    # Deep nesting above the record (the reader looks for oai_dc:dc at every depth) and
    # inside one of its elements.
    depth = 13000
    write("oai_dc", "deep-nesting-fuzzseed.xml",
          "<a>" * depth + OAI_DC_OPEN + "<dc:identifier>deep</dc:identifier>"
          "<dc:title>Deep</dc:title></oai_dc:dc>" + "</a>" * depth + "\n")
    depth = 12000
    write("oai_dc", "deep-nesting-in-title-fuzzseed.xml",
          OAI_DC_OPEN + "<dc:identifier>deep-title</dc:identifier><dc:title>" + "<a>" * depth +
          "Deep" + "</a>" * depth + "</dc:title></oai_dc:dc>\n")
    # Character references: NUL (in a field the reader keeps), then surrogates, beyond
    # Unicode and huge numbers (each its own record: one bad field rejects its record).
    write("oai_dc", "char-ref-nul-fuzzseed.xml",
          OAI_DC_OPEN + "<dc:identifier>nul</dc:identifier><dc:title>ab&#0;cd</dc:title>"
          "<dc:subject>&#x0;</dc:subject></oai_dc:dc>\n")
    bad = ["&#xD800;", "&#xDFFF;", "&#x110000;", "&#99999999999999999999;", "&#x;", "&#;",
           "&#00000000065;"]
    write("oai_dc", "char-refs-fuzzseed.xml",
          "<r>" + "".join(OAI_DC_OPEN + "<dc:identifier>ref-%d</dc:identifier><dc:title>a%sb"
                          "</dc:title></oai_dc:dc>" % (i, ref) for i, ref in enumerate(bad)) +
          "</r>\n")
    # Huge numbers where the reader reads numbers or dates.
    write("oai_dc", "huge-number-fuzzseed.xml",
          OAI_DC_OPEN + "<dc:identifier>big</dc:identifier><dc:title>Big</dc:title>"
          "<dc:date>" + "9" * 5000 + "</dc:date><dc:date>1e999</dc:date>"
          "<dc:date>Y99999999999999999999</dc:date></oai_dc:dc>\n")


# ---- query --------------------------------------------------------------------------------


def query_seeds():
    write("query", "deep-nesting-at-limit-fuzzseed.txt", "(" * 64 + "stalin" + ")" * 64)
    write("query", "deep-nesting-over-limit-fuzzseed.txt", "(" * 65 + "stalin" + ")" * 65)
    write("query", "deep-nesting-unclosed-fuzzseed.txt", "(" * 8000)
    write("query", "deep-nesting-exclusions-fuzzseed.txt", "-(" * 100 + "a" + ")" * 100)
    write("query", "deep-nesting-or-fuzzseed.txt",
          " OR ".join("(a" for _ in range(200)) + ")" * 200)
    write("query", "huge-number-dates-fuzzseed.txt",
          "date:99999999999999999999..1e999 date:-99999999999999999999 date:Y1E99999999 "
          "date:" + "9" * 4000 + "..")


# ---- EDTF, natural dates and CSV: huge numbers -----------------------------------------------


def date_seeds():
    write("edtf", "huge-number-year-fuzzseed", "Y" + "9" * 5000)
    write("edtf", "huge-number-exponent-fuzzseed", "Y17E99999999999999999999")
    write("edtf", "huge-number-negative-fuzzseed", "Y-99999999999999999999")
    write("edtf", "huge-number-significant-fuzzseed", "1950S99999999999999999999")
    write("edtf", "long-set-fuzzseed", "{" + ",".join(["[1945..1946]"] * 300) + "}")
    write("parse_date", "huge-number-year-fuzzseed", "\x00in the year " + "9" * 5000)
    write("parse_date", "huge-number-century-fuzzseed", "\x00the 99999999999999999999th century")
    write("parse_date", "huge-number-range-fuzzseed",
          "\x00between 99999999999999999999 and 1e999")
    write("csv", "huge-number-fuzzseed.csv",
          "Identifier,Title,Date,Creator,Subject\n"
          "doc-big,Big," + "9" * 5000 + ",,\n"
          "doc-e999,Big,1e999,,\n")


# ---- storage: forged lengths --------------------------------------------------------------


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def snapshot_file(payload, length=None):
    body = (b"archive-snapshot\nformat 1\ngeneration 1\ninstance a3b4b42014f75b5dbbab59e8c0d33742\n"
            b"payload %d\n" % (len(payload) if length is None else length)) + payload
    return body + b"\nchecksum fnv1a64 %016x\n" % fnv1a64(body)


# One document, as the snapshot writer lays it out (Boost text archive).
SNAPSHOT_PAYLOAD = (b"22 serialization::archive 18 1 0 1 5 doc-1 19 Telegram to Bagirov 0 1 10 "
                    b"1945-07-06 12 July 6, 1945 0 0  0  0  0  0 0 0 0 0 0 0 0 0 1 0 0 0 0 0 0 0 "
                    b"0 0 1 0  0  0  0  0 0 0 0 0 0 0 0 0 0\n")


def storage_seeds():
    # Selector byte 0: a snapshot file. Each number of the payload in turn becomes 2^64 - 1,
    # with the checksum recomputed, so a length or count is forged wherever one is read.
    numbers = [m for m in re.finditer(rb"(?<= )\d+(?=[ \n])", SNAPSHOT_PAYLOAD)
               if SNAPSHOT_PAYLOAD[m.start() - 2:m.start()] != b", "]
    for i, m in enumerate(numbers):
        payload = SNAPSHOT_PAYLOAD[:m.start()] + b"18446744073709551615" + SNAPSHOT_PAYLOAD[m.end():]
        write("storage", "forged-length-snapshot-%02d-fuzzseed" % i, b"\x00" + snapshot_file(payload))
    # The string and count lengths just past the payload's end, and 2^32 (a 32-bit wrap).
    for name, old, new in [("id-past-end", b"5 doc-1", b"500 doc-1"),
                           ("id-2pow32", b"5 doc-1", b"4294967301 doc-1"),
                           ("count-2pow32", b"18 1 0 1", b"18 4294967297 0 1")]:
        payload = SNAPSHOT_PAYLOAD.replace(old, new, 1)
        write("storage", "forged-length-snapshot-%s-fuzzseed" % name, b"\x00" + snapshot_file(payload))
    # The frame's own length field: larger than the file, and near 2^64.
    for name, length in [("frame-past-end", 100000), ("frame-2pow64", 18446744073709551615)]:
        write("storage", "forged-length-snapshot-%s-fuzzseed" % name,
              b"\x00" + snapshot_file(SNAPSHOT_PAYLOAD, length))

    # Selector byte 1: an index file. Each length and count field in turn becomes 2^32 - 1.
    for field in INDEX_FIELDS:
        write("storage", "forged-length-index-%s-fuzzseed" % field, b"\x01" + index_file(field))
    head = b"ARCHIVE-INDEX\n" + struct.pack("<IQ", 1, 0xFFFFFFFFFFFFFFF0) + b"\0" * 8
    write("storage", "forged-length-index-frame-fuzzseed", b"\x01" + head)


INDEX_FIELDS = ["instance", "docs", "doc-id", "doc-title", "languages", "collections", "agents",
                "sets", "set-elements", "terms", "term-text", "term-count", "term-last",
                "postings", "keys", "key-text", "key-terms", "types", "type-text", "type-docs",
                "titles", "title-text", "agent-rows", "agent-names"]


def index_checksum(p):
    mask = 0xFFFFFFFFFFFFFFFF
    n = len(p)
    h = 0x9E3779B97F4A7C15 ^ n
    i = 0
    while i + 8 <= n:
        (w,) = struct.unpack_from("<Q", p, i)
        h ^= (w * 0xBF58476D1CE4E5B9) & mask
        h = ((((h << 31) | (h >> 33)) & mask) * 0x94D049BB133111EB) & mask
        i += 8
    while i < n:
        h = ((h ^ p[i]) * 0x100000001B3) & mask
        i += 1
    h ^= h >> 29
    return (h * 0xBF58476D1CE4E5B9) & mask


def index_file(forge=None):
    """A small index (one document, one set, one term...) as SearchIndex::save lays it out;
    the field named `forge` holds 0xFFFFFFFF instead of its length or count."""
    out = bytearray()

    def u8(v):
        out.extend(struct.pack("<B", v))

    def u32(v, field=None):
        out.extend(struct.pack("<I", 0xFFFFFFFF if field == forge and field else v))

    def u64(v):
        out.extend(struct.pack("<Q", v))

    def text(s, field=None):
        b = s.encode()
        u32(len(b), field)
        out.extend(b)

    def u32s(values, field=None):
        u32(len(values), field)
        for v in values:
            u32(v)

    u64(1)
    text("6addffeaa6d129a040dff4dc57aae696", "instance")
    u32(1, "docs")
    text("doc-1", "doc-id")
    text("Telegram to Bagirov", "doc-title")
    u64(0xFFFFFFFFFFFFDD0F)  # earliest
    u64(0xFFFFFFFFFFFFDD0F)  # latest
    u8(0), u8(0), u8(0), u8(1), u8(3)  # bound kinds, qualifiers, precision, flags
    u64(0)  # views
    u32(12)  # length
    u32(0)  # type
    u32s([0], "languages")
    u32s([0], "collections")
    u32s([0], "agents")
    u32(1, "sets")
    u32(0)  # document
    u32(1, "set-elements")
    u8(0), u64(0), u8(0), u64(1)
    u32(1, "terms")
    text("telegram", "term-text")
    u32(1, "term-count")
    u32(0, "term-last")
    u32(4, "postings")
    out.extend(b"\x00\x04\x01\x00")
    u32(1, "keys")
    text("sk:tlgrm", "key-text")
    u32s([0], "key-terms")
    for dict_name, value in [("types", "telegram"), ("languages-dict", "ru"),
                             ("collections-dict", "coll-1"), ("agents-dict", "person:p-1")]:
        u32(1, dict_name)
        text(value, "type-text" if dict_name == "types" else None)
        u32s([0], "type-docs" if dict_name == "types" else None)
    u32(1, "titles")
    text("coll-1", None)
    text("Collection", "title-text")
    u32(1, "agent-rows")
    text("person:p-1")
    u8(0)
    u32(1, "agent-names")
    text("Bagirov")
    payload = bytes(out)
    head = b"ARCHIVE-INDEX\n" + struct.pack("<IQ", 1, len(payload))
    return head + payload + struct.pack("<Q", index_checksum(payload))


if __name__ == "__main__":
    jsonl_seeds()
    oai_dc_seeds()
    query_seeds()
    date_seeds()
    storage_seeds()
