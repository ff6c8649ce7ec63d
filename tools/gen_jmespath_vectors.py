#!/usr/bin/env python3
"""Writes tests/data/jmespath_vectors.json: every JMESPath expression of the committed models'
paginators and waiters (models/*.paginators-1.json, models/*.waiters-2.json) and the forms AWS CLI
users write in --query (QUERY_FORMS), each evaluated by the jmespath package botocore uses over
documents made from the expression's own names and literals. The C++ evaluator
(awsjson/client/jmespath.hpp) must give the same results.

    python3 tools/gen_jmespath_vectors.py [--check]
"""
import argparse
import json
import pathlib
import random
import re
import sys

import jmespath

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "jmespath_vectors.json"
DOCUMENTS_PER_EXPRESSION = 8

# --query as the AWS CLI's documentation and its users write it: multiselect lists and hashes,
# pipes, object projections, inside and after projections and filters.
QUERY_FORMS = [
    "Parameters[*].[Name, Type]",
    "Parameters[].{Name: Name, Type: Type}",
    "Reservations[].Instances[].[InstanceId, State.Name]",
    "Table.{Name: TableName, Count: ItemCount}",
    "[Name, Value]",
    "{n: Name, v: Value.x, n2: Name}",
    "{\"quoted key\": Name}",
    "Items | [0]",
    "Items[].Name | [0]",
    "Items[*] | [-1].Name",
    "Items[?Size > `1`].[Name, Size]",
    "Users[?UserName == 'x'].{Name: UserName, Id: UserId}",
    "a.[b, c]",
    "a[*].[b, [c, d]]",
    "a[*].{x: b, y: {z: c}}",
    "a || b | c",
    "(a | b).c",
    "a.{x: b}[0]",
    "*.Name",
    "Tags.*",
    "*[0]",
    "a.*.b",
    "length(Items[*].[a, b])",
    "Items[].[Name, length(Tags)]",
    "a[].b | length(@)",
    "[a, b][]",
    "[a, b][*].c",
    "Items[1:3]",
    "Items[::-1].Name",
    "Items[-2:] | [0]",
    "Items[:-1][0]",
    "Items[5:1:-2]",
    "[:2]",
    "Items[:]",
]

# JMESPath's functions, as --query users write them: evaluated over documents of the shape they
# expect (typed()), with a wrong type here and there, and over random ones.
FUNCTION_FORMS = [
    "sort_by(Items, &Size)[].Name",
    "sort_by(Items, &Name)[-1]",
    "reverse(sort_by(Items, &Size))[0].Name",
    "max_by(Items, &Size).Name",
    "min_by(Items, &Name)",
    "Items[?contains(Name, 'x')].Name",
    "Items[?contains(Tags, 'x')]",
    "Items[?starts_with(Name, 'x')].Size",
    "length(Items[?ends_with(Name, 'x')])",
    "join(', ', Items[].Name)",
    "keys(Tags)",
    "values(Tags)",
    "sort(Items[].Name)",
    "sort(Items[].Size)",
    "reverse(Items)",
    "reverse(Name)",
    "max(Items[].Size)",
    "min(Items[].Name)",
    "sum(Items[].Size)",
    "avg(Items[].Size)",
    "to_string(Size)",
    "to_number(Name)",
    "to_array(a)",
    "type(a)",
    "not_null(a, b, 'x')",
    "merge(a, b)",
    "map(&Name, Items)",
    "abs(Size)",
    "ceil(Size)",
    "floor(Size)",
    "Items[].{N: Name, T: join(',', Tags)}",
    "Items[?Size > `1`] | sort_by(@, &Size) | [0]",
    "length(keys(@))",
    "Items[?contains(Name, 'x')] | length(@)",
    "max_by(Items, &Name).Size",
    "sort_by(Items, &to_number(Size))[0]",
]
FUNCTIONS = {"abs", "avg", "ceil", "contains", "ends_with", "floor", "join", "keys", "length", "map", "max", "max_by",
             "merge", "min", "min_by", "not_null", "reverse", "sort", "sort_by", "starts_with", "sum", "to_array",
             "to_number", "to_string", "type", "values"}


def expressions():
    found = {}
    for path in sorted((ROOT / "models").glob("*.paginators-1.json")):
        for config in json.loads(path.read_text()).get("pagination", {}).values():
            for key in ("output_token", "more_results", "result_key", "non_aggregate_keys"):
                v = config.get(key, [])
                for e in v if isinstance(v, list) else [v]:
                    found.setdefault(e, set())
    for path in sorted((ROOT / "models").glob("*.waiters-2.json")):
        for w in json.loads(path.read_text()).get("waiters", {}).values():
            for a in w["acceptors"]:
                if "argument" in a:
                    found.setdefault(a["argument"], set()).add(json.dumps(a["expected"]))
    return found


def document(rng, names, strings, depth=0):
    """A random JSON value whose object keys are the expression's names."""
    choice = rng.random()
    if depth >= 4 or choice < 0.3:
        scalar = rng.choice(["string", "number", "bool", "null"])
        if scalar == "string":
            return rng.choice(strings + ["", "x"])
        if scalar == "number":
            return rng.choice([0, 1, 2, 1.5])
        if scalar == "bool":
            return rng.random() < 0.5
        return None
    if choice < 0.6:
        return [document(rng, names, strings, depth + 1) for _ in range(rng.randint(0, 3))]
    keys = rng.sample(names, k=min(len(names), rng.randint(1, len(names))))
    return {k: document(rng, names, strings, depth + 1) for k in keys + ["Other"]}


def typed(rng):
    """A document with what the function forms read: Items (objects with a Name, a Size, Tags),
    Name, Size, Tags, a and b; now and then a member of another type (a type error)."""
    def scalar():
        return rng.choice([None, True, "3", 7, [], {}])
    def item():
        it = {"Name": rng.choice(["x", "ax", "xb", "b", "", "Zed", "é"]), "Size": rng.choice([0, 1, 2, 1.5, 3, -2.5]),
              "Tags": rng.choice([["x", "y"], [], ["a"], {"x": "1", "y": "2"}, ["b", "x"]])}
        if rng.random() < 0.08:
            it[rng.choice(["Name", "Size", "Tags"])] = scalar()
        return it
    doc = {"Items": [item() for _ in range(rng.randint(0, 5))], "Name": rng.choice(["x", "12", " 7 ", "1.5", "ab"]),
           "Size": rng.choice([0, 2, -1.5, 2.5]), "Tags": rng.choice([{"k": "v", "x": "1"}, {}, {"a": 1}]),
           "a": rng.choice([{"p": 1}, {"q": 2, "p": 3}, None, 1, "s", [1, 2]]), "b": rng.choice([{"p": 9}, None, {}])}
    if rng.random() < 0.15:
        doc[rng.choice(["Items", "Name", "Size", "Tags"])] = scalar()
    return doc


def shaped(rng, expression, names, strings):
    """A document that follows the expression's path: a.b[].c gives {"a": {"b": [{"c": ...}]}}."""
    path = re.split(r"\.|\[", re.sub(r"\[\?.*?\]", "[]", expression.split("(")[-1].split(")")[0]))
    def build(parts):
        if not parts:
            return document(rng, names, strings, 2)
        head = parts[0].rstrip("]").strip()
        if head in ("", "*", "-1", "0") or head.lstrip("-").isdigit():
            return [build(parts[1:]) for _ in range(rng.randint(0, 3))]
        name = re.sub(r"[^A-Za-z0-9_].*", "", head)
        obj = {name: build(parts[1:])} if name else build(parts[1:])
        return obj
    return build([p for p in path if p != ""])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; fail if the file differs")
    args = parser.parse_args()
    cases = []
    every = expressions()
    for form in QUERY_FORMS + FUNCTION_FORMS:
        every.setdefault(form, set())
    for expression, expected in sorted(every.items()):
        names = sorted(set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", re.sub(r"'[^']*'|`[^`]*`", "", expression))) - FUNCTIONS)
        strings = sorted(set(re.findall(r"'([^']*)'", expression)) | {json.loads(e) for e in expected if e.startswith('"')})
        rng = random.Random(expression)
        if expression in FUNCTION_FORMS:
            docs = [typed(rng) for _ in range(DOCUMENTS_PER_EXPRESSION - 2)]
            docs += [document(rng, names or ["a"], strings) for _ in range(2)]
        else:
            docs = [shaped(rng, expression, names or ["a"], strings) for _ in range(DOCUMENTS_PER_EXPRESSION // 2)]
            docs += [document(rng, names or ["a"], strings) for _ in range(DOCUMENTS_PER_EXPRESSION // 2)]
        for doc in docs:
            doc = json.loads(json.dumps(doc, sort_keys=True))  # as the file holds it: keys() in that order
            try:
                result = jmespath.search(expression, doc)
            except (jmespath.exceptions.JMESPathError, TypeError):
                # An invalid type (length of a number), or Python's comparison failing (max of a
                # number and a string): an error, so nothing matches.
                result = None
            cases.append({"expression": expression, "document": doc, "result": result})
    lines = [json.dumps(c, sort_keys=True, separators=(",", ":")) for c in cases]  # a case a line
    text = '{"jmespath":%s,"cases":[\n%s\n]}\n' % (json.dumps(jmespath.__version__), ",\n".join(lines))
    if args.check:
        if not OUT.exists() or OUT.read_text() != text:
            print(f"{OUT} is not as {sys.argv[0]} writes it", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text)
    print(f"{OUT}: {len(cases)} cases of {len(every)} expressions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
