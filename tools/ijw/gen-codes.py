#!/usr/bin/env python3
"""gen-codes: compiles the iJw 3.2 code lists into src/ijw/ijw_codes_tables.c.

Usage: python3 tools/ijw/gen-codes.py [IJW-DIR] [OUTPUT]
  IJW-DIR  default data/ijw-3.2 of the repository (reads codelijsten/*.tsv
           and xsd/basisschema.xsd)
  OUTPUT   default src/ijw/ijw_codes_tables.c ("-" for standard output)

Carries the facts of each list: its codes, the short Dutch text of each code and its
ingangsdatum/expiratiedatum (empty = open). The codes of every list are checked against the
enumeration of the basisschema type that uses the list (the XSD keeps leading zeros that the
official CSV export lost), and the generator stops on any difference, on an unknown list or
column layout, and on a malformed date. Python 3 standard library only.
"""
import datetime
import os
import re
import sys
import xml.etree.ElementTree as ET

XS = "{http://www.w3.org/2001/XMLSchema}"
# Every list, in the order of enum jr_ijw_codelist (src/ijw/ijw_codes.h), with the basisschema
# type whose enumeration it is (None: the list has no enumerated type).
LISTS = [
    ("COD002", None),  # berichtcode: each message schema fixes its own with a pattern
    ("COD032", "LDT_LandCode"),
    ("COD043", "LDT_DebetCredit"),
    ("COD046", "LDT_Geslacht"),
    ("COD170", "LDT_DatumGebruik"),
    ("COD260", "LDT_JaNee"),
    ("COD327", "LDT_TypeVerwijzer"),
    ("COD467", "LDT_StatusAanlevering"),
    ("COD472", "LDT_SoortRelatie"),
    ("COD700", "LDT_NaamGebruik"),
    ("COD747", "LDT_Communicatievorm"),
    ("COD757", "LDT_AdresSoort"),
    ("JZ002", "LDT_RedenWijziging"),
    ("JZ020", "LDT_ProductCategorie"),
    ("JZ588", "LDT_RedenBeeindiging"),
    ("NUM061", "LDT_AanduidingWoonadres"),
    ("WJ001", "LDT_RetourCode"),
    ("WJ003", "LDT_WettelijkeVertegenwoordiging"),
    ("WJ232", "LDT_JuridischeStatus"),
    ("WJ756", "LDT_Eenheid"),
    ("WJ758", "LDT_RedenVerzoek"),
    ("WJ759", "LDT_RedenAfwijzingVerzoek"),
    ("WJ760", "LDT_VerzoekAntwoord"),
    ("WMO757", "LDT_Frequentie"),
]
COLUMNS = ["code", "omschrijving", "mutatiedatum", "mutatie", "ingangsdatum", "expiratiedatum"]
COD002_COLUMNS = ["code", "bericht"]
EPOCH = datetime.date(1970, 1, 1)


class CodeError(Exception):
    pass


def day_number(text, where):
    """dd-mm-yyyy -> days since 1970-01-01 (jr_day), or None for an empty (open) date."""
    if text == "":
        return None
    m = re.fullmatch(r"([0-9]{2})-([0-9]{2})-([0-9]{4})", text)
    if not m:
        raise CodeError(f"{where}: date {text!r} is not dd-mm-yyyy")
    try:
        d = datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        raise CodeError(f"{where}: date {text!r} does not exist")
    return (d - EPOCH).days, d.isoformat()


def enumerations(xsd):
    out = {}
    for st in ET.parse(xsd).getroot().findall(XS + "simpleType"):
        restr = st.find(XS + "restriction")
        values = [e.get("value") for e in restr.findall(XS + "enumeration")] if restr is not None else []
        if values:
            out[st.get("name")] = values
    return out


def read_list(path, name):
    where = os.path.basename(path)
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise CodeError(f"{where}: empty")
    header = lines[0].split("\t")
    expect = COD002_COLUMNS if name == "COD002" else COLUMNS
    if header[:len(expect)] != expect:
        raise CodeError(f"{where}: columns {header[:len(expect)]}, expected {expect}")
    codes = []
    seen = set()
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise CodeError(f"{where}:{n}: {len(cells)} cells, expected {len(header)}")
        code = cells[0]
        if not re.fullmatch(r"[0-9A-Z]{1,8}", code):
            raise CodeError(f"{where}:{n}: odd code {code!r}")
        if code in seen:
            raise CodeError(f"{where}:{n}: code {code} twice")
        seen.add(code)
        if name == "COD002":
            text, start, end = cells[1], None, None
        else:
            text = cells[1]
            start = day_number(cells[4], f"{where}:{n}")
            end = day_number(cells[5], f"{where}:{n}")
            if start and end and start[0] > end[0]:
                raise CodeError(f"{where}:{n}: ingangsdatum after expiratiedatum")
        if not text or "\\n" in text or len(text) > 300:
            raise CodeError(f"{where}:{n}: text of code {code} is empty, multi-line or long")
        codes.append((code, text, start, end))
    return codes


def c_string(value):
    out = []
    for b in value.encode("utf-8"):
        if b in (0x22, 0x5C):
            out.append("\\" + chr(b))
        elif 0x20 <= b < 0x7F and chr(b) != "?":
            out.append(chr(b))
        else:
            out.append(f"\\{b:03o}")
    return '"' + "".join(out) + '"'


def load(ijw_dir):
    tsv_dir = os.path.join(ijw_dir, "codelijsten")
    files = {}
    for f in os.listdir(tsv_dir):
        if f.endswith(".tsv"):
            files[f.split("_", 1)[0]] = os.path.join(tsv_dir, f)
    names = [n for n, _ in LISTS]
    if sorted(files) != sorted(names):
        raise CodeError(f"{tsv_dir}: lists {sorted(files)}, expected {sorted(names)}")
    enums = enumerations(os.path.join(ijw_dir, "xsd", "basisschema.xsd"))
    lists = []
    for name, type_name in LISTS:
        codes = read_list(files[name], name)
        if type_name is not None:
            if type_name not in enums:
                raise CodeError(f"{name}: basisschema has no enumerated type {type_name}")
            if sorted(enums[type_name]) != sorted(c for c, _, _, _ in codes):
                raise CodeError(f"{name}: codes differ from the enumeration of {type_name}")
        codes.sort(key=lambda c: c[0].encode("utf-8"))
        lists.append((name, type_name, codes))
    return lists


def emit(lists, out):
    w = out.write
    w("/* ijw_codes_tables: GENERATED by tools/ijw/gen-codes.py from the iJw 3.2 code lists\n"
      " * (the .tsv files in data/ijw-3.2/codelijsten, checked against the enumerations of\n"
      " * xsd/basisschema.xsd). Do not edit: change the generator and run\n"
      " * `python3 tools/ijw/gen-codes.py`. Per code: the code, its short text and its validity\n"
      " * as day numbers (ingangsdatum, expiratiedatum; JR_IJW_OPEN when empty); codes sorted by\n"
      " * strcmp. */\n")
    w('#include "ijw/ijw_codes_internal.h"\n\n')
    w(f"_Static_assert(JR_IJW_CODELIST__COUNT == {len(lists)}, "
      '"enum jr_ijw_codelist and the generated lists differ");\n')
    for name, _, codes in lists:
        w(f"\nstatic const struct jr_ijw_code codes_{name}[] = {{\n")
        for code, text, start, end in codes:
            s = f"{start[0]} /* {start[1]} */" if start else "JR_IJW_OPEN"
            e = f"{end[0]} /* {end[1]} */" if end else "JR_IJW_OPEN"
            one = f"\t{{{c_string(code)}, {c_string(text)}, {s}, {e}}},\n"
            if len(one.expandtabs(8)) <= 101:
                w(one)
            else:
                w(f"\t{{{c_string(code)}, {c_string(text)},\n\t {s}, {e}}},\n")
        w("};\n")
    w("\nconst struct jr_ijw_codelist_def jr_ijw_codelists[] = {\n")
    for name, type_name, codes in lists:
        t = c_string(type_name) if type_name else "NULL"
        w(f"\t[JR_IJW_{name}] = {{{c_string(name)}, {t}, codes_{name}, {len(codes)}}},\n")
    w("};\n")


def main(argv):
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ijw_dir = argv[1] if len(argv) > 1 else os.path.join(root, "data", "ijw-3.2")
    output = argv[2] if len(argv) > 2 else os.path.join(root, "src", "ijw", "ijw_codes_tables.c")
    try:
        lists = load(ijw_dir)
    except (CodeError, ET.ParseError, OSError) as e:
        print(f"gen-codes: {e}", file=sys.stderr)
        return 1
    if output == "-":
        emit(lists, sys.stdout)
    else:
        tmp = output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            emit(lists, f)
        os.replace(tmp, output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
