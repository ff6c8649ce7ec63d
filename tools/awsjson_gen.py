#!/usr/bin/env python3
"""awsjson_gen: C++ headers for awsjson from a botocore-style service model (service-2.json).

    python3 tools/awsjson_gen.py --model models/ssm.json --namespace awsjson::ssm --out services/include/awsjson/ssm
    python3 tools/awsjson_gen.py --model PATH --namespace mysdk::kms --out DIR --operations Encrypt,Decrypt

The output uses nothing but awsjson's public vocabulary: described structs and enums, open_enum,
timestamp, blob, document, tagged_union, std::optional / std::vector / std::map, the metadata of
awsjson_shape, and operation descriptors. It includes awsjson only as <awsjson/...> and its own
files relative to each other, so it works wherever it is written. Layout (see docs/generators.md):

    DIR/shapes/<Shape>.hpp     one structure, union or enum (a recursive group shares one file)
    DIR/<operation>.hpp        an operation: its descriptor, including what its shapes need
    DIR/enums.hpp, errors.hpp  every enum, every error shape
    DIR/waiters.hpp            the waiters, when --waiters names the service's waiters-2.json
    DIR/endpoint_rules.hpp     the endpoint rule set, when --endpoint-rules names it
    DIR/all.hpp                every operation

Python 3 standard library only. Deterministic: the same model gives the same bytes.
"""
import argparse
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent

# ---- C++ names ------------------------------------------------------------------------------------

CPP_KEYWORDS = set("""
alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t char32_t class
compl concept const consteval constexpr constinit const_cast continue co_await co_return co_yield decltype
default delete do double dynamic_cast else enum explicit export extern false float for friend goto if inline
int long mutable namespace new noexcept not not_eq nullptr operator or or_eq private protected public
register reinterpret_cast requires return short signed sizeof static static_assert static_cast struct switch
template this thread_local throw true try typedef typeid typename union unsigned using virtual void volatile
wchar_t while xor xor_eq final override import module
""".split())


def load_macros():
    path = HERE / "cpp_macros.txt"
    if not path.exists():
        return set()
    return {line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")}


MACROS = load_macros()
# The most members BOOST_DESCRIBE_STRUCT takes (its preprocessor loop, Boost 1.81); a structure
# with more is described by awsjson/describe.hpp's macros, one member per line.
DESCRIBE_STRUCT_LIMIT = 52
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def reserved(name):
    """Names a generated identifier must not take: keywords, macros, reserved identifiers."""
    return (
        name in CPP_KEYWORDS
        or name in MACROS
        or name.startswith("_")
        or "__" in name
        or name.startswith("AWSJSON_")
        or name.startswith("BOOST_")
    )


def identifier(text):
    """An identifier for arbitrary text: runs of other characters become one '_', a leading digit
    gets a 'v' in front, a reserved result gets a '_' behind (never in front)."""
    s = re.sub(r"[^A-Za-z0-9_]+", "_", text)
    s = re.sub(r"_+", "_", s).strip("_")
    if not s:
        s = "empty"
    if s[0].isdigit():
        s = "v" + s
    while reserved(s):
        s += "_"
    return s


def snake(name):
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    return s.lower()


def cpp_string(s):
    """A C++ string literal for s (UTF-8 kept; quotes, backslashes and control characters escaped)."""
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x\"\"" % o)  # a hex escape ends the literal, so no digit can follow it
        elif ch == "?":
            out.append("\\?")  # no trigraphs
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def wrap(head, items, tail, width=100):
    """head + items joined by ', ' + tail, continued on lines indented under the first item."""
    one = head + ", ".join(items) + tail
    if len(one) <= width:
        return [one]
    lead = len(head) - len(head.lstrip())
    indent = " " * len(head) if len(head) <= 48 else " " * (lead + 4)
    lines, line = [], head
    for i, item in enumerate(items):
        piece = item + (", " if i + 1 < len(items) else tail)
        if len(line) + len(piece.rstrip()) > width and line.strip():
            lines.append(line.rstrip())
            line = indent
        line += piece
    lines.append(line.rstrip())
    return lines


# ---- the model ------------------------------------------------------------------------------------


class Model:
    def __init__(self, data, namespace, operations=None):
        self.data = data
        self.meta = data["metadata"]
        self.shapes = data["shapes"]
        self.ns = namespace
        self.qualifier = "::" + namespace
        all_ops = data["operations"]
        if operations:
            missing = [o for o in operations if o not in all_ops]
            if missing:
                raise SystemExit("unknown operations: " + ", ".join(missing))
            self.ops = {o: all_ops[o] for o in all_ops if o in set(operations)}
        else:
            self.ops = dict(all_ops)
        # awsJson: botocore's protocol 'json', or a `protocols` list that offers it (botocore prefers
        # json to smithy-rpc-v2-cbor, so such a service speaks awsJson to botocore too).
        if self.meta.get("protocol") != "json" and "json" not in self.meta.get("protocols", []):
            raise SystemExit(
                "only awsJson models (botocore protocol 'json', or 'json' in protocols) are supported, not %r"
                % self.meta.get("protocols", self.meta.get("protocol")))
        self.json_version = self.meta.get("jsonVersion", "1.0")
        self.target_prefix = self.meta["targetPrefix"]
        self.query_compatible = "awsQueryCompatible" in self.meta
        # Where a client sends and signs: https://ENDPOINT_PREFIX.REGION.amazonaws.com, SigV4 scope SIGNING_NAME.
        self.endpoint_prefix = self.meta.get("endpointPrefix", "")
        self.signing_name = self.meta.get("signingName", self.endpoint_prefix)
        # The service's name in configured endpoints (AWS_ENDPOINT_URL_<ID>, a profile's services section).
        self.service_id = self.meta.get("serviceId", self.endpoint_prefix)
        # Event-stream operations (Kinesis's SubscribeToShard): their framing (application/
        # vnd.amazon.eventstream messages, not one JSON body) is not part of this codec. They are
        # left out, and all.hpp says which.
        self.left_out = {}
        for op_name, op in list(self.ops.items()):
            if any(self.shapes[n].get("eventstream") for n in self._closure(op, with_errors=False)):
                self.left_out[op_name] = "an event stream (not supported: not one JSON body)"
                del self.ops[op_name]
        if operations and self.left_out:
            raise SystemExit("event-stream operations are not supported: " + ", ".join(sorted(self.left_out)))
        self._name_types()
        self._reach()
        self._group()

    # -- kinds
    def kind(self, name):
        s = self.shapes[name]
        t = s["type"]
        if t == "structure":
            if s.get("document"):
                return "document"
            if s.get("union"):
                return "union"
            return "structure"
        if t == "string" and s.get("enum"):
            return "enum"
        if t == "character":  # botocore's legacy type (no Smithy model has it): a one-character string
            return "string"
        return t

    def declared(self, name):
        """Shapes that become a C++ declaration of their own (the rest are spelled inline)."""
        return self.kind(name) in ("structure", "union", "enum") and not self.enum_as_string(name)

    def enum_as_string(self, name):
        # Boost.Describe describes at most 52 enumerators: a larger enum stays a string.
        return self.kind(name) == "enum" and len(self.shapes[name]["enum"]) > 52

    def targets(self, name):
        s = self.shapes[name]
        t = s["type"]
        if t == "structure":
            return [m["shape"] for m in s.get("members", {}).values()]
        if t == "list":
            return [s["member"]["shape"]]
        if t == "map":
            return [s["key"]["shape"], s["value"]["shape"]]
        return []

    # -- names
    def _name_types(self):
        """C++ type names: the model's shape names, with each operation's input and output named
        OpRequest and OpResponse. A shape that another shape's new name would take is renamed."""
        self.type_names = {}
        io = {}
        for op_name, op in self.data["operations"].items():  # all operations: names do not depend on --operations
            for part, suffix in (("input", "Request"), ("output", "Response")):
                if part in op:
                    io.setdefault(op[part]["shape"], op_name + suffix)
        taken = set(io.values())
        for name in self.shapes:
            if name in io:
                self.type_names[name] = io[name]
            else:
                new = name if IDENTIFIER.match(name) and not reserved(name) else identifier(name)
                while new in taken:
                    new += "Shape"
                self.type_names[name] = new
            taken.add(self.type_names[name])
        seen = {}
        for name, t in self.type_names.items():
            if t in seen and seen[t] != name:
                raise SystemExit("two shapes named %s in C++: %s and %s" % (t, seen[t], name))
            seen[t] = name
        # Operations without an input or output get an empty structure of that name.
        self.empty_io = {}
        for op_name, op in self.data["operations"].items():
            for part, suffix in (("input", "Request"), ("output", "Response")):
                if part not in op:
                    t = op_name + suffix
                    if t in seen:
                        raise SystemExit("%s's missing %s would be named %s, which a shape has" % (op_name, part, t))
                    self.empty_io[(op_name, part)] = t

    def type_name(self, name):
        return self.type_names[name]

    def member_names(self, name):
        """C++ member names of a structure: the wire names, renamed where they cannot be."""
        s = self.shapes[name]
        out = {}
        used = set()
        for wire in s.get("members", {}):
            cpp = wire if IDENTIFIER.match(wire) and not reserved(wire) else identifier(wire)
            if cpp == self.type_name(name) or cpp == "unknown_member":
                cpp += "_"  # a member may not be named like its class; tagged_union's slot is taken
            while cpp in used or reserved(cpp):
                cpp += "_"
            used.add(cpp)
            out[wire] = cpp
        return out

    def enumerators(self, name):
        """(identifier, wire value) of an enum, identifiers unique."""
        out = []
        used = set()
        for wire in self.shapes[name]["enum"]:
            ident = wire if IDENTIFIER.match(wire) and not reserved(wire) else identifier(wire)
            base, n = ident, 2
            while ident in used:
                ident = "%s_%d" % (base, n)
                n += 1
            used.add(ident)
            out.append((ident, wire))
        return out

    # -- what each operation needs
    def _closure(self, op, with_errors=True):
        """Every shape an operation reaches from its input and output (and errors)."""
        roots = [op[p]["shape"] for p in ("input", "output") if p in op]
        if with_errors:
            roots += [e["shape"] for e in op.get("errors", [])]
        seen = set()
        stack = list(roots)
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            stack.extend(self.targets(n))
        return seen

    def _reach(self):
        self.reachable = set()
        self.op_shapes = {}
        for op_name, op in self.ops.items():
            seen = self._closure(op)
            self.op_shapes[op_name] = seen
            self.reachable |= seen

    def _group(self):
        """Recursive shapes (strongly connected components of the shape graph) share one header."""
        index, low, on, stack, comps = {}, {}, set(), [], []
        counter = [0]
        sys.setrecursionlimit(max(10000, len(self.shapes) * 4))

        def visit(v):
            index[v] = low[v] = counter[0]
            counter[0] += 1
            stack.append(v)
            on.add(v)
            for w in self.targets(v):
                if w not in index:
                    visit(w)
                    low[v] = min(low[v], low[w])
                elif w in on:
                    low[v] = min(low[v], index[w])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                comps.append(comp)

        for v in sorted(self.reachable):
            if v not in index:
                visit(v)
        self.header_of = {}
        self.group_members = {}
        for comp in comps:
            decl = sorted(n for n in comp if self.declared(n))
            if not decl:
                continue
            header = "shapes/%s.hpp" % self.type_name(decl[0])
            self.group_members[header] = decl
            for n in decl:
                self.header_of[n] = header
        self.recursive = {n for comp in comps if len(comp) > 1 for n in comp} | {
            v for v in self.reachable if v in self.targets(v)
        }
        # Recursion by value: a structure or union member that holds, by value, a shape of its own
        # cycle (its group) is boxed, awsjson::indirect<T> (docs/generators.md: every such edge,
        # a rule that needs no choice and does not change when the model grows elsewhere).
        self.boxed = set()
        for header, names in self.group_members.items():
            group = set(names)
            for n in names:
                if self.kind(n) in ("structure", "union"):
                    for wire, m in self.shapes[n]["members"].items():
                        if m["shape"] in group and self.kind(m["shape"]) in ("structure", "union"):
                            self.boxed.add((n, wire))

    # -- C++ spelling of a shape used as a value
    def cpp_type(self, name):
        k = self.kind(name)
        s = self.shapes[name]
        if k == "string":
            return "std::string"
        if k == "enum":
            if self.enum_as_string(name):
                return "std::string"
            return "awsjson::open_enum<%s::%s>" % (self.qualifier, self.type_name(name))
        if k == "boolean":
            return "bool"
        if k in ("integer",):
            return "std::int32_t"
        if k == "long":
            return "std::int64_t"
        if k == "byte":
            return "std::int8_t"
        if k == "short":
            return "std::int16_t"
        if k == "float":
            return "float"
        if k == "double":
            return "double"
        if k == "timestamp":
            return "awsjson::timestamp"
        if k == "blob":
            return "awsjson::blob"
        if k == "document":
            return "awsjson::document"
        if k == "list":
            inner = self.cpp_type(s["member"]["shape"])
            if s.get("sparse"):
                inner = "std::optional<%s>" % inner
            return "std::vector<%s>" % inner
        if k == "map":
            inner = self.cpp_type(s["value"]["shape"])
            if s.get("sparse"):
                inner = "std::optional<%s>" % inner
            return "std::map<std::string, %s>" % inner
        if k in ("structure", "union"):
            return "%s::%s" % (self.qualifier, self.type_name(name))
        raise SystemExit("shape %s: type %s is not supported" % (name, s["type"]))

    def std_headers(self, name, out):
        """Standard headers a value of this shape needs."""
        k = self.kind(name)
        s = self.shapes[name]
        if k in ("string", "enum"):
            out.add("<string>")
        elif k in ("integer", "long", "byte", "short"):
            out.add("<cstdint>")
        elif k == "list":
            out.add("<vector>")
            self.std_headers(s["member"]["shape"], out)
        elif k == "map":
            out.add("<map>")
            out.add("<string>")
            self.std_headers(s["value"]["shape"], out)

    def declared_deps(self, name):
        """Declared shapes a value of this shape names (through lists and maps)."""
        k = self.kind(name)
        s = self.shapes[name]
        if self.declared(name):
            return {name}
        if k == "list":
            return self.declared_deps(s["member"]["shape"])
        if k == "map":
            return self.declared_deps(s["value"]["shape"])
        return set()

    def sensitive_below(self, name, seen=None):
        """Whether a member of this shape is sensitive: the shape is, or (through lists and maps) the
        shapes of its elements are. A structure's own sensitivity travels with the structure."""
        s = self.shapes[name]
        if s.get("sensitive"):
            return True
        k = self.kind(name)
        if k == "list":
            return self.sensitive_below(s["member"]["shape"])
        if k == "map":
            return self.sensitive_below(s["value"]["shape"]) or self.sensitive_below(s["key"]["shape"])
        return False


# ---- emitting -------------------------------------------------------------------------------------


class Emitter:
    def __init__(self, model, out, model_label, docs, paginators=None, waiters=None, endpoint_rules=None):
        self.m = model
        self.out = pathlib.Path(out)
        self.label = model_label
        self.docs = docs or {}
        self.paginators = (paginators or {}).get("pagination", {})
        self.waiters = (waiters or {}).get("waiters", {})
        self.endpoint_rules = endpoint_rules
        self.files = {}

    def banner(self, what):
        return [
            "// %s" % what,
            "// Generated by tools/awsjson_gen.py from %s. Do not edit: regenerate." % self.label,
            "#pragma once",
            "",
        ]

    def doc_lines(self, text, indent=""):
        if not text:
            return []
        lines = []
        for para in text.strip().split("\n"):
            words = para.split()
            line = ""
            for w in words:
                if line and len(indent) + 4 + len(line) + 1 + len(w) > 100:
                    lines.append(indent + "/// " + line)
                    line = w
                else:
                    line = (line + " " + w) if line else w
            lines.append(indent + "/// " + line if line else indent + "///")
        return lines

    def shape_doc(self, name):
        return self.docs.get("shapes", {}).get(name, {}).get("doc")

    def member_doc(self, name, member):
        return self.docs.get("shapes", {}).get(name, {}).get("members", {}).get(member)

    def rel(self, from_file, to_file):
        a = pathlib.PurePosixPath(from_file).parent
        b = pathlib.PurePosixPath(to_file)
        parts_a = a.parts
        parts_b = b.parts
        i = 0
        while i < len(parts_a) and i < len(parts_b) - 1 and parts_a[i] == parts_b[i]:
            i += 1
        return "/".join([".."] * (len(parts_a) - i) + list(parts_b[i:]))

    def namespace_open(self):
        return ["namespace %s {" % self.m.ns, "", "using awsjson::operator<<;  // printing (with redaction) by argument-dependent lookup", ""]

    def namespace_close(self):
        return ["}  // namespace %s" % self.m.ns, ""]

    # -- one enum
    def enum_decl(self, name):
        t = self.m.type_name(name)
        enumerators = self.m.enumerators(name)
        lines = self.doc_lines(self.shape_doc(name))
        lines += wrap("enum class %s { " % t, [i for i, _ in enumerators], " };")
        lines += wrap("BOOST_DESCRIBE_ENUM(%s, " % t, [i for i, _ in enumerators], ")")
        renamed = [(i, w) for i, w in enumerators if i != w]
        if renamed:
            lines.append("constexpr auto awsjson_enum_wire_names(%s const*) {" % t)
            items = ", ".join("awsjson::enum_wire{%s::%s, %s}" % (t, i, cpp_string(w)) for i, w in renamed)
            lines.append("  return std::array{%s};" % items)
            lines.append("}")
        lines.append("")
        return lines

    # -- one structure or union
    def member_info(self, name, wire, cpp, member):
        target = member["shape"]
        ts = self.m.shapes[target]
        k = self.m.kind(target)
        fields = ['.name = %s' % cpp_string(cpp)]
        if cpp != wire:
            fields.append(".wire_name = %s" % cpp_string(wire))
        if wire in self.m.shapes[name].get("required", []) and self.m.kind(name) != "union":
            fields.append(".required = true")
        if self.m.sensitive_below(target):
            fields.append(".sensitive = true")
        if k in ("string", "enum", "list", "map", "blob"):
            if "min" in ts:
                fields.append(".min_length = %d" % int(ts["min"]))
            if "max" in ts:
                fields.append(".max_length = %d" % int(ts["max"]))
        elif k in ("integer", "long", "byte", "short", "float", "double"):
            if "min" in ts:
                fields.append(".min_value = %d" % int(ts["min"]))
            if "max" in ts:
                fields.append(".max_value = %d" % int(ts["max"]))
        if k in ("string", "enum") and "pattern" in ts:
            fields.append(".pattern = %s" % cpp_string(ts["pattern"]))
        fmt = member.get("timestampFormat") or (ts.get("timestampFormat") if k == "timestamp" else None)
        if k == "timestamp" and not fmt:
            fmt = "unixTimestamp"  # awsJson's default, written out: what the member is on the wire
        if fmt:
            fields.append(".timestamp = awsjson::timestamp_format::%s" % {
                "unixTimestamp": "epoch_seconds", "iso8601": "date_time", "rfc822": "http_date"}[fmt])
        if member.get("idempotencyToken"):
            fields.append(".idempotency_token = true")
        if member.get("hostLabel"):
            fields.append(".host_label = true")
        if len(fields) == 1:
            return None
        return "{" + ", ".join(fields) + "}"

    def struct_decl(self, name):
        m = self.m
        t = m.type_name(name)
        s = m.shapes[name]
        kind = m.kind(name)
        members = s.get("members", {})
        cpp_names = m.member_names(name)
        required = set(s.get("required", [])) if kind != "union" else set()
        lines = self.doc_lines(self.shape_doc(name))
        base = " : awsjson::tagged_union" if kind == "union" else ""
        lines.append("struct %s%s {" % (t, base))
        # `{}`: a designated initializer may name only some members ({.Name = "x"}) without g++'s
        # -Wmissing-field-initializers. Not in a recursive group: there clang 14, checking the
        # defaulted operator== before the initializers are parsed, finds the type not constructible.
        init = "" if name in m.recursive else "{}"
        for wire, member in members.items():
            lines += self.doc_lines(self.member_doc(name, wire), "  ")
            ctype = m.cpp_type(member["shape"])
            boxed = (name, wire) in m.boxed
            if boxed:  # optional even when required: a default value must not build its own recursion
                ctype = "awsjson::indirect<%s>" % ctype
            if wire not in required or boxed:
                ctype = "std::optional<%s>" % ctype
            lines.append("  %s %s%s;" % (ctype, cpp_names[wire], init))
        lines.append("")
        lines += wrap("  friend bool operator==(", ["%s const&" % t, "%s const&" % t], ") = default;")
        lines.append("};")
        if len(members) <= DESCRIBE_STRUCT_LIMIT:
            lines += wrap("BOOST_DESCRIBE_STRUCT(%s, (), (" % t, [cpp_names[w] for w in members], "))")
        else:  # past BOOST_DESCRIBE_STRUCT's preprocessor loop: the same description, member by member
            lines.append("AWSJSON_DESCRIBE_STRUCT_BEGIN(%s)" % t)
            lines += ["AWSJSON_DESCRIBE_MEMBER(%s, %s)" % (t, cpp_names[w]) for w in members]
            lines.append("AWSJSON_DESCRIBE_STRUCT_END(%s)" % t)
        infos = [self.member_info(name, w, cpp_names[w], mm) for w, mm in members.items()]
        infos = [i for i in infos if i]
        shape_kind = None
        if s.get("exception"):
            shape_kind = "awsjson::shape_kind::server_error" if s.get("fault") else "awsjson::shape_kind::client_error"
        sensitive = bool(s.get("sensitive"))
        # The printed name: the C++ type's; an error shape's is the model's (it is the error code).
        args = [cpp_string(name if s.get("exception") else t)]
        if infos:
            args.append("{\n" + "".join("          %s,\n" % i for i in infos) + "      }")
        if shape_kind or sensitive:
            args.append(shape_kind or "awsjson::shape_kind::structure")
        if sensitive:
            args.append("/*sensitive=*/true")
        lines.append("constexpr auto awsjson_shape(%s const*) {" % t)
        if infos:
            lines.append("  return awsjson::shape(\n      %s);" % ",\n      ".join(args))
        else:
            lines.append("  return awsjson::shape(%s);" % ", ".join(args))
        lines.append("}")
        if s.get("exception") and "retryable" in s:  # Smithy @retryable: the value says throttling
            lines.append("/// @retryable: a client retries this error (returns whether it is throttling).")
            lines.append("constexpr bool awsjson_retryable(%s const*) { return %s; }" % (
                t, "true" if s["retryable"].get("throttling") else "false"))
        lines.append("")
        return lines

    # -- files
    def shape_file(self, header, names):
        m = self.m
        std = set()
        deps = set()
        needs = {"<awsjson/model.hpp>"}
        for n in names:
            k = m.kind(n)
            if k == "enum":
                std.add("<array>")
                continue
            for member in m.shapes[n].get("members", {}).values():
                m.std_headers(member["shape"], std)
                deps |= m.declared_deps(member["shape"])
            std.add("<optional>")
        local = sorted({m.header_of[d] for d in deps if m.header_of[d] != header})
        lines = self.banner("%s, shape%s of %s." % (
            ", ".join(m.type_name(n) for n in names), "s" if len(names) > 1 else "", self.label))
        lines += ["#include %s" % i for i in sorted(std)]
        lines += [""] + ["#include %s" % i for i in sorted(needs)]
        if local:
            lines.append("")
            lines += ['#include "%s"' % self.rel(header, d) for d in local]
        lines.append("")
        lines += self.namespace_open()
        decls = [n for n in names if m.kind(n) in ("structure", "union")]
        if len(decls) > 1 or any(n in m.recursive for n in decls):
            for n in decls:
                lines.append("struct %s;" % m.type_name(n))
            lines.append("")
        for n in names:
            if m.kind(n) == "enum":
                lines += self.enum_decl(n)
        for n in decls:
            lines += self.struct_decl(n)
        lines += self.namespace_close()
        self.files[header] = lines

    def op_file(self, op_name):
        m = self.m
        op = m.data["operations"][op_name]
        header = "%s.hpp" % snake(op_name)
        parts = {}
        incs = set()
        extra_decls = []
        for part in ("input", "output"):
            if part in op:
                shape = op[part]["shape"]
                parts[part] = m.type_name(shape)
                incs.add(m.header_of[shape])
            else:
                t = m.empty_io[(op_name, part)]
                parts[part] = t
                extra_decls += [
                    "struct %s {" % t,
                    "  friend bool operator==(%s const&, %s const&) = default;" % (t, t),
                    "};",
                    "BOOST_DESCRIBE_STRUCT(%s, (), ())" % t,
                    "",
                ]
        aliases = []
        for part, suffix in (("input", "Request"), ("output", "Response")):
            want = op_name + suffix
            if parts[part] != want:
                aliases.append("using %s = %s;" % (want, parts[part]))
        errors = list(dict.fromkeys(e["shape"] for e in op.get("errors", [])))  # some models list one twice
        for e in errors:
            incs.add(m.header_of[e])
        if self.endpoint_rules is not None:
            incs.add("endpoint_rules.hpp")
        lines = self.banner("The %s operation of %s." % (op_name, self.label))
        lines += ["#include <boost/mp11/list.hpp>", "", "#include <string_view>", "", "#include <awsjson/model.hpp>", ""]
        lines += ['#include "%s"' % self.rel(header, h) for h in sorted(incs)]
        lines.append("")
        lines += self.namespace_open()
        extra = self.docs.get("operations", {}).get(op_name, {})
        if extra.get("extra"):
            lines += extra["extra"].rstrip("\n").split("\n") + [""]
        lines += extra_decls
        if aliases:
            lines += aliases + [""]
        doc = extra.get("doc") or "The operation: its input, output and error types and its wire facts."
        lines += self.doc_lines(doc)
        lines.append("struct %s {" % op_name)
        lines.append("  using input = %s;" % parts["input"])
        lines.append("  using output = %s;" % parts["output"])
        lines += wrap("  using errors = boost::mp11::mp_list<", [m.type_name(e) for e in errors], ">;")
        lines.append("  static constexpr std::string_view name = %s;" % cpp_string(op_name))
        lines.append("  static constexpr std::string_view target_prefix = %s;" % cpp_string(m.target_prefix))
        lines.append("  static constexpr std::string_view json_version = %s;" % cpp_string(m.json_version))
        lines.append("  static constexpr std::string_view signing_name = %s;" % cpp_string(m.signing_name))
        lines.append("  static constexpr std::string_view endpoint_prefix = %s;" % cpp_string(m.endpoint_prefix))
        lines.append("  static constexpr std::string_view service_id = %s;" % cpp_string(m.service_id))
        if m.query_compatible:
            lines.append("  static constexpr bool query_compatible = true;  // awsQueryCompatible")
        if self.endpoint_rules is not None:  # evaluated by awsjson::client (client/endpoint_rules.hpp)
            lines.append("  static constexpr std::string_view endpoint_rules = endpoint_rule_set;")
        host_prefix = op.get("endpoint", {}).get("hostPrefix")
        if host_prefix:  # Smithy @endpoint: the request goes to HOST_PREFIX + the service's host
            lines.append("  static constexpr std::string_view host_prefix = %s;  // @endpoint" % cpp_string(host_prefix))
        encodings = op.get("requestcompression", {}).get("encodings", [])
        if "gzip" in encodings:  # Smithy @requestCompression: the client may gzip large bodies
            lines.append('  static constexpr std::string_view request_compression = "gzip";  // @requestCompression')
        if op_name in self.paginators:
            lines += self.pagination_lines(op_name, self.paginators[op_name])
        lines.append("};")
        lines.append("")
        lines += self.namespace_close()
        self.files[header] = lines
        return header

    # Pagination (botocore's paginators-1.json): members and JMESPath paths, read by the client's
    # paginator over the input's and output's JSON (awsjson/pagination.hpp).
    PAGINATION_RESULT_KEYS = 3
    PAGINATION_NON_AGGREGATE_KEYS = 16

    def pagination_lines(self, op_name, config):
        def listed(key):
            v = config.get(key, [])
            return v if isinstance(v, list) else [v]

        for key in ("input_token", "output_token"):
            if len(listed(key)) != 1:
                raise SystemExit("%s: a paginator with %d %ss is not supported" % (op_name, len(listed(key)), key))
        results, kept = listed("result_key"), listed("non_aggregate_keys")
        if len(results) > self.PAGINATION_RESULT_KEYS or len(kept) > self.PAGINATION_NON_AGGREGATE_KEYS:
            raise SystemExit("%s: a paginator with more keys than awsjson::pagination holds" % op_name)
        fields = [".input_token = %s" % cpp_string(listed("input_token")[0]),
                  ".output_token = %s" % cpp_string(listed("output_token")[0])]
        if config.get("limit_key"):
            fields.append(".limit_key = %s" % cpp_string(config["limit_key"]))
        if config.get("more_results"):
            fields.append(".more_results = %s" % cpp_string(config["more_results"]))
        fields.append(".result_keys = {%s}" % ", ".join(cpp_string(k) for k in results))
        if kept:
            fields.append(".non_aggregate_keys = {%s}" % ", ".join(cpp_string(k) for k in kept))
        return ["  /// How the operation pages (botocore's paginators-1.json)."] + \
            wrap("  static constexpr awsjson::pagination paginator{", fields, "};")

    def waiters_file(self):
        """waiters.hpp: namespace waiters, a struct per waiter of botocore's waiters-2.json, and `all`."""
        m = self.m
        lines = self.banner("The waiters of %s (botocore's waiters-2.json): an operation polled until an acceptor "
                            "matches." % self.label)
        lines += ["#include <boost/mp11/list.hpp>", "", "#include <string_view>", "", "#include <awsjson/waiter.hpp>", ""]
        names = [n for n in self.waiters if self.waiters[n]["operation"] in m.ops]
        lines += ['#include "%s.hpp"' % snake(op) for op in sorted({self.waiters[n]["operation"] for n in names})]
        if names:
            lines.append("")
        lines += ["namespace %s::waiters {" % m.ns, ""]
        states = {"success": "success", "failure": "failure", "retry": "retry"}
        matchers = {"path": "path", "pathAll": "path_all", "pathAny": "path_any", "status": "status", "error": "error"}
        for name in names:
            w = self.waiters[name]
            lines.append("/// %s: %s every %d s, at most %d times." % (name, w["operation"], w["delay"], w["maxAttempts"]))
            lines.append("struct %s {" % name)
            lines.append("  using operation = %s::%s;" % (m.qualifier, w["operation"]))
            lines.append("  static constexpr std::string_view name = %s;" % cpp_string(name))
            lines.append("  static constexpr int delay = %d;  // seconds" % w["delay"])
            lines.append("  static constexpr int max_attempts = %d;" % w["maxAttempts"])
            lines.append("  static constexpr awsjson::waiter_acceptor acceptors[] = {")
            for a in w["acceptors"]:
                lines.append("      {awsjson::waiter_state::%s, awsjson::waiter_matcher::%s, %s, %s}," % (
                    states[a["state"]], matchers[a["matcher"]], cpp_string(a.get("argument", "")),
                    cpp_string(json.dumps(a["expected"]))))
            lines.append("  };")
            lines.append("};")
            lines.append("")
        lines.append("/// Every waiter of the service.")
        lines += wrap("using all = boost::mp11::mp_list<", names, ">;")
        lines += ["", "}  // namespace %s::waiters" % m.ns, ""]
        self.files["waiters.hpp"] = lines

    def endpoint_rules_file(self):
        """endpoint_rules.hpp: the service's Smithy endpoint rule set, as the JSON text the client's
        rules engine reads (one token a line: JSON's white space)."""
        if self.endpoint_rules is None:
            return
        text = json.dumps(self.endpoint_rules, indent=0, separators=(",", ":"), ensure_ascii=False)
        assert ")awsjson" not in text
        lines = self.banner("The endpoint rule set of %s." % self.label)
        lines += ["#include <string_view>", ""] + self.namespace_open()[:2]
        lines += self.doc_lines("The service's Smithy endpoint rule set (botocore's endpoint-rule-set-1.json): where each "
                                "call goes, for its region, FIPS, dual-stack and configured endpoint. awsjson::client "
                                "evaluates it (awsjson/client/endpoint_rules.hpp).")
        lines += ["// clang-format off", 'inline constexpr std::string_view endpoint_rule_set = R"awsjson(%s)awsjson";' % text,
                  "// clang-format on", ""]
        lines += self.namespace_close()
        self.files["endpoint_rules.hpp"] = lines

    def index_file(self, header, what, includes):
        lines = self.banner(what)
        lines += ['#include "%s"' % self.rel(header, i) for i in sorted(includes)]
        lines.append("")
        self.files[header] = lines

    def emit(self):
        m = self.m
        for header, names in sorted(m.group_members.items()):
            self.shape_file(header, names)
        op_headers = [self.op_file(op) for op in m.ops]
        enums = {m.header_of[n] for n in m.reachable if m.kind(n) == "enum" and m.declared(n)}
        errors = {m.header_of[n] for n in m.reachable if m.shapes[n].get("exception")}
        self.index_file("enums.hpp", "Every enum of %s." % self.label, enums)
        self.index_file("errors.hpp", "Every error shape of %s." % self.label, errors)
        self.waiters_file()
        self.endpoint_rules_file()
        self.index_file("all.hpp", "Every operation of %s (a large include: prefer the operations you use)." % self.label,
                        op_headers + ["waiters.hpp"])
        # The list of them all, for code that handles every operation (a registry, a CLI, tests).
        lines = self.files["all.hpp"]
        lines[4:4] = ["#include <boost/mp11/list.hpp>", ""]
        lines += self.namespace_open()[:2]
        if m.left_out:
            lines.append("// Operations of the model left out (docs/generators.md):")
            lines += ["//   %s: %s" % (op, why) for op, why in sorted(m.left_out.items())]
            lines.append("")
        lines.append("/// Every operation of the service, in the model's order.")
        if m.ops:
            lines += ["// clang-format off", "using operations = boost::mp11::mp_list<"]
            lines += ["    %s%s" % (op, "," if i + 1 < len(m.ops) else ">;") for i, op in enumerate(m.ops)]
            lines.append("// clang-format on")
        else:  # every operation left out (an event stream's alone)
            lines.append("using operations = boost::mp11::mp_list<>;")
        lines += [""] + self.namespace_close()
        return self.files

    def write(self, check=False):
        files = self.emit()
        differ = []
        for rel_path, lines in sorted(files.items()):
            path = self.out / rel_path
            text = "\n".join(lines).rstrip("\n") + "\n"
            if check:
                if not path.exists() or path.read_text() != text:
                    differ.append(str(path))
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists() or path.read_text() != text:
                path.write_text(text)
        # Files this generator wrote before that it would not write now.
        generated = {str(self.out / p) for p in files}
        stale = []
        for path in sorted(self.out.rglob("*.hpp")):
            if str(path) not in generated and "Generated by tools/awsjson_gen.py" in path.read_text()[:400]:
                stale.append(str(path))
        if check:
            return differ + stale
        for path in stale:
            pathlib.Path(path).unlink()
        return []


def main():
    p = argparse.ArgumentParser(description="C++ headers for awsjson from a botocore-style service model")
    p.add_argument("--model", required=True, help="a botocore-style service-2.json")
    p.add_argument("--namespace", required=True, help="C++ namespace of the output, e.g. awsjson::ssm")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--operations", help="comma-separated operation names: only these and the shapes they reach")
    p.add_argument("--docs", help="doc comments (and extra declarations) to add: JSON, see docs/generators.md")
    p.add_argument("--paginators", help="botocore's paginators-1.json for the service")
    p.add_argument("--waiters", help="botocore's waiters-2.json for the service")
    p.add_argument("--endpoint-rules", help="botocore's endpoint-rule-set-1.json for the service")
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file differs from what it would write")
    a = p.parse_args()
    data = json.loads(pathlib.Path(a.model).read_text())
    ops = [o for o in a.operations.split(",") if o] if a.operations else None
    model = Model(data, a.namespace, ops)
    source = data["metadata"].get("awsjsonImportedFrom")
    label = "%s %s" % (data["metadata"].get("serviceId", pathlib.Path(a.model).stem), data["metadata"].get("apiVersion", ""))
    label = label.strip() + (" (%s)" % source if source else "")
    docs = json.loads(pathlib.Path(a.docs).read_text()) if a.docs else None
    paginators = json.loads(pathlib.Path(a.paginators).read_text()) if a.paginators else None
    waiters = json.loads(pathlib.Path(a.waiters).read_text()) if a.waiters else None
    rules = json.loads(pathlib.Path(a.endpoint_rules).read_text()) if a.endpoint_rules else None
    differ = Emitter(model, a.out, label, docs, paginators, waiters, rules).write(check=a.check)
    if differ:
        print("not as generated:\n  " + "\n  ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
