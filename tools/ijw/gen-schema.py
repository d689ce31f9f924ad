#!/usr/bin/env python3
"""gen-schema: compiles the iJw 3.2 XSDs into the C tables of src/ijw/ijw_schema_tables.c.

Usage: python3 tools/ijw/gen-schema.py [XSD-DIR] [OUTPUT]
  XSD-DIR  default data/ijw-3.2/xsd of the repository
  OUTPUT   default src/ijw/ijw_schema_tables.c ("-" for standard output)

Only the structure is carried over (element names, order, cardinalities, types and facets), never
the documentation. The schemas use a small subset of XSD; the generator checks every element and
attribute it meets against that subset and stops with an error on anything else, so that a new
construct in a later release cannot be ignored silently. Python 3 standard library only.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

XS = "http://www.w3.org/2001/XMLSchema"
NS_BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema"
MESSAGES = ["JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316", "JW317",
            "JW318", "JW319", "JW320", "JW323", "JW325"]
BASES = {"string": "JR_IJW_BASE_STRING", "integer": "JR_IJW_BASE_INTEGER",
         "date": "JR_IJW_BASE_DATE", "time": "JR_IJW_BASE_TIME"}
# Every non-literal pattern the schemas may use, with the C check that implements it.
PATTERNS = {
    r".*[^\s].*": "JR_IJW_PAT_TEXT_LINE",
    r"([.\s]*\S+[.\s]*)+": "JR_IJW_PAT_TEXT",
    r"[0-9]*": "JR_IJW_PAT_DIGITS",
    r"[0-9]{4}": "JR_IJW_PAT_DIGITS_4",
    r"[0-9]{8}": "JR_IJW_PAT_DIGITS_8",
    r"[0-9]{9}": "JR_IJW_PAT_DIGITS_9",
    r"([a-zA-Z0-9])+": "JR_IJW_PAT_ALNUM",
    "([a-zA-Z\u00c0-\u1ef3])+": "JR_IJW_PAT_INITIALS",
    r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)": "JR_IJW_PAT_VERSION",
    r"[^:Z]*": "JR_IJW_PAT_NO_COLON_Z",
    r"[^Z+-]+": "JR_IJW_PAT_NO_Z_PLUS_MINUS",
}
LITERAL = re.compile(r"[0-9A-Za-z]+\Z")  # a pattern without metacharacters matches itself only
# The numbers a table field can hold (unsigned short indexes and counts in the C structs).
USHRT = 65535


class SchemaError(Exception):
    pass


def fail(where, what):
    raise SchemaError(f"{where}: {what}")


def xs(tag):
    return f"{{{XS}}}{tag}"


def local(tag):
    return tag.split("}", 1)[1] if tag.startswith("{") else tag


def check_attrs(el, allowed, where):
    for name in el.attrib:
        if name not in allowed:
            fail(where, f"unexpected attribute {name!r} on xs:{local(el.tag)}")


def parse_with_ns(path):
    """The tree of one XSD plus its prefix -> namespace map (ElementTree drops xmlns)."""
    prefixes = {}
    for event, item in ET.iterparse(path, events=("start-ns",)):
        prefix, uri = item
        if prefix in prefixes and prefixes[prefix] != uri:
            fail(path, f"prefix {prefix!r} bound twice")
        prefixes[prefix] = uri
    return ET.parse(path).getroot(), prefixes


class Schemas:
    def __init__(self):
        self.simple = []          # dicts, output order
        self.simple_index = {}    # (ns, name) or a structural key -> index
        self.complex = []         # dicts, output order
        self.complex_index = {}   # (ns, name) -> index
        self.particles = []
        self.enum_lists = []      # tuples of sorted values, shared
        self.messages = {}        # name -> (ns, root complex index)
        self.sources = {}         # (ns, name) -> (element, prefixes, path) still to compile
        self.compiling = set()

    # ---- reading -------------------------------------------------------------------------
    def read_schema(self, path, expect_ns):
        root, prefixes = parse_with_ns(path)
        where = os.path.basename(path)
        if root.tag != xs("schema"):
            fail(where, "root is not xs:schema")
        check_attrs(root, {"targetNamespace", "elementFormDefault"}, where)
        tns = root.get("targetNamespace")
        if tns != expect_ns:
            fail(where, f"targetNamespace {tns!r}, expected {expect_ns!r}")
        if root.get("elementFormDefault") != "qualified":
            fail(where, "elementFormDefault must be qualified")
        globals_ = []
        for child in root:
            tag = local(child.tag)
            if child.tag == xs("annotation"):
                continue
            if child.tag == xs("import"):
                check_attrs(child, {"namespace", "schemaLocation"}, where)
                if child.get("namespace") != NS_BASIS or \
                        child.get("schemaLocation") != "basisschema.xsd":
                    fail(where, "only the import of basisschema.xsd is expected")
                continue
            name = child.get("name")
            if not name:
                fail(where, f"top-level xs:{tag} without a name")
            if child.tag in (xs("complexType"), xs("simpleType")):
                key = (tns, name)
                if key in self.sources:
                    fail(where, f"type {name} defined twice")
                self.sources[key] = (child, prefixes, where)
            elif child.tag == xs("element"):
                globals_.append(child)
            else:
                fail(where, f"unexpected top-level xs:{tag}")
        return tns, prefixes, globals_, where

    def qname(self, value, prefixes, where):
        if ":" in value:
            prefix, name = value.split(":", 1)
        else:
            prefix, name = "", value
        if prefix not in prefixes:
            fail(where, f"unknown prefix in {value!r}")
        return prefixes[prefix], name

    # ---- simple types --------------------------------------------------------------------
    def simple_from_restriction(self, restr, prefixes, where, name):
        """A simple type as a dict of flattened facets."""
        check_attrs(restr, {"base"}, where)
        if not restr.get("base"):
            fail(where, f"{name}: xs:restriction without a base")
        base_ns, base_name = self.qname(restr.get("base"), prefixes, where)
        if base_ns == XS:
            if base_name not in BASES:
                fail(where, f"{name}: unsupported base type xs:{base_name}")
            st = {"base": BASES[base_name], "min_length": -1, "max_length": -1,
                  "range": None, "patterns": [], "literal": None, "enums": None}
            derived = False
        else:
            idx = self.simple_type(base_ns, base_name, where)
            st = dict(self.simple[idx])
            st["patterns"] = list(st["patterns"])
            derived = True
        step_patterns = []
        enums = []
        lo = hi = None
        for facet in restr:
            tag = local(facet.tag)
            if facet.tag == xs("annotation"):
                continue
            check_attrs(facet, {"value"}, where)
            value = facet.get("value")
            if value is None:
                fail(where, f"{name}: xs:{tag} without value")
            for sub in facet:
                if sub.tag != xs("annotation"):
                    fail(where, f"{name}: unexpected content in xs:{tag}")
            if derived and tag != "pattern":
                # Only a pattern is ever added on top of a basisschema type; anything else would
                # need the tightening rules of XSD and is refused rather than guessed.
                fail(where, f"{name}: facet xs:{tag} on a derived type is not supported")
            if tag == "enumeration":
                enums.append(value)
            elif tag == "pattern":
                step_patterns.append(value)
            elif tag in ("minLength", "maxLength"):
                if st["base"] != "JR_IJW_BASE_STRING":
                    fail(where, f"{name}: length facet on a non-string type")
                if not re.fullmatch(r"[0-9]+", value) or int(value) > 1000000:
                    fail(where, f"{name}: bad {tag} {value!r}")
                st["min_length" if tag == "minLength" else "max_length"] = int(value)
            elif tag in ("minInclusive", "maxInclusive"):
                if st["base"] != "JR_IJW_BASE_INTEGER":
                    fail(where, f"{name}: range facet on a non-integer type")
                if not re.fullmatch(r"-?[0-9]{1,18}", value):
                    fail(where, f"{name}: bad {tag} {value!r}")
                if tag == "minInclusive":
                    lo = int(value)
                else:
                    hi = int(value)
            else:
                fail(where, f"{name}: unsupported facet xs:{tag}")
        if lo is not None or hi is not None:
            if lo is None or hi is None:
                fail(where, f"{name}: an integer type needs both minInclusive and maxInclusive")
            st["range"] = (lo, hi)
        if st["base"] == "JR_IJW_BASE_INTEGER" and st["range"] is None:
            fail(where, f"{name}: an integer type without a range is not supported")
        if len(step_patterns) > 1:
            fail(where, f"{name}: several patterns in one step (alternatives) are not supported")
        for p in step_patterns:
            if LITERAL.match(p):
                if st["literal"] is not None:
                    fail(where, f"{name}: two literal patterns")
                st["literal"] = p
            elif p in PATTERNS:
                st["patterns"].append(PATTERNS[p])
            else:
                fail(where, f"{name}: unknown pattern {p!r}; add a check for it to ijw_schema.c")
        if enums:
            if st["enums"] is not None:
                fail(where, f"{name}: enumeration on an enumerated base")
            if len(set(enums)) != len(enums):
                fail(where, f"{name}: duplicate enumeration value")
            if st["base"] != "JR_IJW_BASE_STRING":
                fail(where, f"{name}: enumeration on a non-string type")
            st["enums"] = tuple(sorted(enums, key=lambda v: v.encode("utf-8")))
            if st["enums"] not in self.enum_lists:
                self.enum_lists.append(st["enums"])
        if st["min_length"] > st["max_length"] >= 0:
            fail(where, f"{name}: minLength above maxLength")
        return st

    def simple_node(self, node, prefixes, where, name):
        check_attrs(node, {"name"}, where)
        restr = [c for c in node if c.tag != xs("annotation")]
        if len(restr) != 1 or restr[0].tag != xs("restriction"):
            fail(where, f"{name}: a simple type must be one xs:restriction")
        return self.simple_from_restriction(restr[0], prefixes, where, name)

    def add_simple(self, st, key):
        if key in self.simple_index:
            return self.simple_index[key]
        self.simple.append(st)
        self.simple_index[key] = len(self.simple) - 1
        return len(self.simple) - 1

    def simple_type(self, ns, name, where):
        key = (ns, name)
        if key in self.simple_index:
            return self.simple_index[key]
        if key not in self.sources or self.sources[key][0].tag != xs("simpleType"):
            fail(where, f"unknown simple type {name}")
        node, prefixes, src = self.sources[key]
        st = self.simple_node(node, prefixes, src, name)
        if ns != NS_BASIS:
            fail(src, f"named simple type {name} outside basisschema is not supported")
        st["name"] = name
        return self.add_simple(st, key)

    def anonymous_simple(self, node, prefixes, where, name):
        st = self.simple_node(node, prefixes, where, name)
        st["name"] = None
        key = ("anon", st["base"], st["min_length"], st["max_length"], st["range"],
               tuple(st["patterns"]), st["literal"], st["enums"])
        return self.add_simple(st, key)

    # ---- complex types -------------------------------------------------------------------
    def complex_type(self, ns, name, where):
        key = (ns, name)
        if key in self.complex_index:
            return self.complex_index[key]
        if key not in self.sources or self.sources[key][0].tag != xs("complexType"):
            fail(where, f"unknown complex type {name}")
        if key in self.compiling:
            fail(where, f"complex type {name} contains itself; recursion is not supported")
        self.compiling.add(key)
        node, prefixes, src = self.sources[key]
        check_attrs(node, {"name"}, src)
        body = [c for c in node if c.tag != xs("annotation")]
        if len(body) != 1 or body[0].tag != xs("sequence"):
            fail(src, f"{name}: a complex type must be exactly one xs:sequence "
                      "(no attributes, choice, all, mixed or simple content)")
        seq = body[0]
        check_attrs(seq, set(), src)
        particles = []
        seen = set()
        for el in seq:
            if el.tag == xs("annotation"):
                continue
            if el.tag != xs("element"):
                fail(src, f"{name}: unexpected xs:{local(el.tag)} in a sequence")
            particles.append(self.particle(el, prefixes, src, ns, name, seen))
        if not particles:
            fail(src, f"{name}: empty sequence")
        self.compiling.discard(key)
        first = len(self.particles)
        self.particles.extend(particles)
        self.complex.append({"name": name, "basis": ns == NS_BASIS,
                             "first": first, "count": len(particles)})
        self.complex_index[key] = len(self.complex) - 1
        return len(self.complex) - 1

    def particle(self, el, prefixes, where, ns, owner, seen):
        check_attrs(el, {"name", "type", "minOccurs", "maxOccurs"}, where)
        pname = el.get("name")
        if not pname:
            fail(where, f"{owner}: element without a name (ref= is not supported)")
        if pname in seen:
            # Unique names keep the greedy sequence walk exact (XSD's unique particle rule).
            fail(where, f"{owner}: element {pname} twice in one sequence")
        seen.add(pname)
        lo = el.get("minOccurs", "1")
        hi = el.get("maxOccurs", "1")
        if lo not in ("0", "1") or hi not in ("1", "unbounded"):
            fail(where, f"{owner}/{pname}: occurrence {lo}..{hi} is not supported")
        inner = [c for c in el if c.tag != xs("annotation")]
        tref = el.get("type")
        if tref and inner:
            fail(where, f"{owner}/{pname}: both a type and an inline type")
        if tref:
            tns, tname = self.qname(tref, prefixes, where)
            if tns == XS:
                fail(where, f"{owner}/{pname}: built-in type {tref} used directly")
            src = self.sources.get((tns, tname))
            if src is None:
                fail(where, f"{owner}/{pname}: unknown type {tref}")
            if src[0].tag == xs("complexType"):
                return {"name": pname, "min": int(lo), "max": 0 if hi == "unbounded" else 1,
                        "complex": True, "type": self.complex_type(tns, tname, where)}
            return {"name": pname, "min": int(lo), "max": 0 if hi == "unbounded" else 1,
                    "complex": False, "type": self.simple_type(tns, tname, where)}
        if len(inner) != 1 or inner[0].tag != xs("simpleType"):
            fail(where, f"{owner}/{pname}: an element needs a type or one inline xs:simpleType")
        return {"name": pname, "min": int(lo), "max": 0 if hi == "unbounded" else 1,
                "complex": False,
                "type": self.anonymous_simple(inner[0], prefixes, where, f"{owner}/{pname}")}

    def depth(self, index, memo):
        if index in memo:
            return memo[index]
        ct = self.complex[index]
        deepest = 1
        for p in self.particles[ct["first"]:ct["first"] + ct["count"]]:
            deepest = max(deepest, 1 + (self.depth(p["type"], memo) if p["complex"] else 1))
        memo[index] = deepest
        return deepest


def load(xsd_dir):
    s = Schemas()
    _, _, basis_globals, where = s.read_schema(os.path.join(xsd_dir, "basisschema.xsd"), NS_BASIS)
    if basis_globals:
        fail(where, "global elements in basisschema are not expected")
    found = sorted(f[:-4] for f in os.listdir(xsd_dir) if f.endswith(".xsd") and f != "basisschema.xsd")
    if found != sorted(MESSAGES):
        fail(xsd_dir, f"expected the schemas of {', '.join(MESSAGES)}, found {', '.join(found)}")
    # Every named basisschema type first, in document order, so the tables read like the schema.
    pending = []
    for msg in MESSAGES:
        ns = f"http://www.istandaarden.nl/ijw/3_2/{msg.lower()}/schema"
        tns, prefixes, globals_, where = s.read_schema(os.path.join(xsd_dir, msg + ".xsd"), ns)
        if len(globals_) != 1 or globals_[0].get("name") != "Bericht":
            fail(where, "exactly one global element, Bericht, is expected")
        pending.append((msg, ns, prefixes, globals_[0], where))
    for (ns, name), (node, _, where) in list(s.sources.items()):
        if ns == NS_BASIS:
            if node.tag == xs("simpleType"):
                s.simple_type(ns, name, where)
            else:
                s.complex_type(ns, name, where)
    for msg, ns, prefixes, el, where in pending:
        check_attrs(el, {"name", "type"}, where)
        if [c for c in el if c.tag != xs("annotation")]:
            fail(where, "Bericht must name its type")
        tns, tname = s.qname(el.get("type"), prefixes, where)
        if tns != ns:
            fail(where, "the type of Bericht must be the message's own")
        s.messages[msg] = (ns, s.complex_type(tns, tname, where))
    for (ns, name), (node, _, where) in s.sources.items():
        if ns != NS_BASIS and (ns, name) not in s.complex_index and \
                (ns, name) not in s.simple_index:
            fail(where, f"type {name} is not used by Bericht")
    for table, what in ((s.simple, "simple types"), (s.complex, "complex types"),
                        (s.particles, "particles")):
        if len(table) > USHRT:
            fail(xsd_dir, f"too many {what} for the C tables")
    return s


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


def emit(s, out):
    w = out.write
    w("/* ijw_schema_tables: GENERATED by tools/ijw/gen-schema.py from the iJw 3.2 XSDs\n"
      " * (basisschema.xsd and JW301.xsd ... JW325.xsd in data/ijw-3.2/xsd). Do not edit:\n"
      " * change the generator and run `python3 tools/ijw/gen-schema.py`. The structure only (element\n"
      " * names, order, cardinalities, types, facets), see ijw_schema_internal.h. */\n")
    w('#include "ijw/ijw_schema_internal.h"\n\n')
    for i, values in enumerate(s.enum_lists):
        w(f"static const char *const enum_{i}[] = {{\n")
        line = "\t"
        for v in values:
            item = c_string(v) + ", "
            if len(line) + len(item) > 96:
                w(line.rstrip() + "\n")
                line = "\t"
            line += item
        w(line.rstrip() + "\n};\n")
    w("\nconst struct jr_ijw_simple_type jr_ijw_simple_types[] = {\n")
    for i, st in enumerate(s.simple):
        name = c_string(st["name"]) if st["name"] else "NULL"
        pats = " | ".join(st["patterns"]) if st["patterns"] else "0"
        lo, hi = st["range"] if st["range"] else (0, 0)
        if st["enums"] is not None:
            e = s.enum_lists.index(st["enums"])
            enums = f".enums = enum_{e}, .enum_count = {len(st['enums'])}"
        else:
            enums = ".enums = NULL, .enum_count = 0"
        lit = c_string(st["literal"]) if st["literal"] else "NULL"
        w(f"\t[{i}] = {{.name = {name}, .base = {st['base']},\n"
          f"\t\t.min_length = {st['min_length']}, .max_length = {st['max_length']},\n"
          f"\t\t.has_range = {'true' if st['range'] else 'false'}, "
          f".min_inclusive = {lo}LL, .max_inclusive = {hi}LL,\n"
          f"\t\t.patterns = {pats}, .literal = {lit}, {enums}}},\n")
    w("};\n\nconst struct jr_ijw_particle jr_ijw_particles[] = {\n")
    for i, p in enumerate(s.particles):
        w(f"\t[{i}] = {{{c_string(p['name'])}, {p['min']}, {p['max']}, "
          f"{'true' if p['complex'] else 'false'}, {p['type']}}},\n")
    w("};\n\nconst struct jr_ijw_complex_type jr_ijw_complex_types[] = {\n")
    for i, ct in enumerate(s.complex):
        w(f"\t[{i}] = {{{c_string(ct['name'])}, {'true' if ct['basis'] else 'false'}, "
          f"{ct['first']}, {ct['count']}}},\n")
    w("};\n\nconst struct jr_ijw_message_def jr_ijw_messages[] = {\n")
    w("\t[JR_IJW_UNKNOWN] = {NULL, NULL, 0},\n")
    for msg in MESSAGES:
        ns, root = s.messages[msg]
        w(f"\t[JR_IJW_{msg}] = {{{c_string(msg)}, {c_string(ns)}, {root}}},\n")
    memo = {}
    depth = max(s.depth(root, memo) for _, root in s.messages.values())
    w("};\n\n")
    w(f"const unsigned jr_ijw_simple_type_count = {len(s.simple)};\n")
    w(f"const unsigned jr_ijw_complex_type_count = {len(s.complex)};\n")
    w(f"const unsigned jr_ijw_schema_depth = {depth};\n")


def main(argv):
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    xsd_dir = argv[1] if len(argv) > 1 else os.path.join(root, "data", "ijw-3.2", "xsd")
    output = argv[2] if len(argv) > 2 else os.path.join(root, "src", "ijw", "ijw_schema_tables.c")
    try:
        s = load(xsd_dir)
    except (SchemaError, ET.ParseError, OSError) as e:
        print(f"gen-schema: {e}", file=sys.stderr)
        return 1
    if output == "-":
        emit(s, sys.stdout)
    else:
        tmp = output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            emit(s, f)
        os.replace(tmp, output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
