#!/usr/bin/env python3
"""Writes tests/data/cli_vectors.json: what the AWS CLI's own code gives for the awsjson command's
inputs and outputs, for tests/cli/test_cli.cpp to compare against.

- shorthand: awscli.shorthand.ShorthandParser on each input (the parsed value, or that it fails);
- text: awscli.text.format_text on each JSON value (the text --output text writes);
- table: awscli.formatter.TableFormatter (colour off) on each, for terminals of 80 and 200 columns,
  and with --color on for the tables' values at 80;
- iso8601: botocore.utils.parse_timestamp(epoch).isoformat() in UTC and in UTC+05:30, as the AWS
  CLI's cli_timestamp_format = iso8601 prints a timestamp.

Needs the awscli package (pip's awscli 1.x; its shorthand and text modules are those of 2.x).
Usage: python3 tools/gen_cli_vectors.py > tests/data/cli_vectors.json
"""
import io
import json
import os
import sys
import time

from awscli.shorthand import ShorthandParser, ShorthandParseError
from awscli.formatter import TableFormatter
from awscli.text import format_text
from botocore.utils import parse_timestamp

SHORTHAND = [
    "Key=env,Value=prod",
    "Values=a,b,c",
    "Key=Name,Option=BeginsWith,Values=/app/a,/app/b",
    "a=b,c,d=e",
    "a = b , c = d",
    "a=",
    "a=[]",
    "a=[b,c]",
    "a=[b, c ,d]",
    "a={b=c,d=e}",
    "a={b=[c,d],e={f=g}}",
    "a=[{b=c},{b=d}]",
    "a='quoted, with comma'",
    'a="double \\" quote"',
    "a='it\\'s'",
    "a=x\\,y",
    "a=x\\,y,z",
    "a=b=c",
    "a=b[c]",
    "a=b}",
    "a=  trailing   ",
    "a=b,'c',d",
    "a=é,ü",
    "a=1,b=true,c=1.5",
    "Name=x,Name=y",
    "a",
    "a=b,",
    "a=[b",
    "a={b=c",
    "a='open",
    "=b",
    "a=b c",
    "a=b,c d=e",
]

TEXT = [
    {},
    {"A": "x"},
    {"B": "2", "A": 1, "C": True, "D": None, "E": 1.5},
    {"Parameters": [{"Name": "a", "Version": 1}, {"Name": "b", "Type": "String"}]},
    {"Parameters": [{"Name": "a", "Tags": [{"Key": "k", "Value": "v"}]}], "NextToken": "t"},
    {"Names": ["a", "b", "c"]},
    ["a", "b"],
    [["a", "b"], "c", ["d"]],
    [],
    [[]],
    "scalar",
    42,
    False,
    None,
    {"Outer": {"Inner": {"Leaf": "x", "List": [1, 2]}, "Scalar": "y"}},
    {"Table": {"AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
               "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1},
               "TableName": "t", "ItemCount": 0}},
    [{"a": 1}, {"b": [1, 2]}, {"a": 3, "c": {"d": "e"}}],
    {"Map": {"z": "1", "a": "2"}},
    {"k": "tab\tand\nnewline", "u": "é"},
]

TABLE = [
    {"Parameter": {"Name": "/app/db", "Type": "SecureString", "Value": "***", "Version": 3,
                   "LastModifiedDate": "2026-12-07T15:56:37.116000+05:30", "DataType": "text",
                   "ARN": "arn:aws:ssm:us-east-1:123456789012:parameter/app/db"}},
    {"Wide": {"A": "x" * 70, "B": "y" * 30}},
    {"Items": [{"A": "1", "B": {"C": "2"}}, {"A": "3", "B": {"C": "4"}}]},
    {"Title": "東京 タワー", "Mixed": "é±×"},
    [[1, 2], [3, 4]],
    [[1, 2], [3]],
    ["only", "scalars"],
    {"Single": "value"},
    {"Nested": {"Deeper": {"Deepest": {"K": "v", "L": "w"}}}},
    {"Zero": 0, "Empty": "", "False": False},
    "",
    0,
]

EPOCHS = [0, 1700000000.123, 1796639197.116, -1, -0.5, 1700000000, 253402214399.5, 951782400, 1000000000.001]


def shorthand(text):
    try:
        return {"input": text, "parsed": ShorthandParser().parse(text)}
    except ShorthandParseError:
        return {"input": text, "error": True}


def text(value):
    out = io.StringIO()
    format_text(value, out)
    return {"json": json.dumps(value, ensure_ascii=False), "text": out.getvalue()}


class _Args:
    color = "off"
    query = None


class _ColourArgs(_Args):
    color = "on"


def table(value, width, colour=False):
    formatter = TableFormatter(_ColourArgs() if colour else _Args())
    formatter.table._terminal_width = width  # what determine_terminal_width() found
    out = io.StringIO()
    try:
        formatter._format_response("GetThing", value, out)
    except ValueError as e:  # rows of different lengths
        return {"json": json.dumps(value, ensure_ascii=False), "width": width, "error": str(e)}
    case = {"json": json.dumps(value, ensure_ascii=False), "width": width, "table": out.getvalue()}
    if colour:
        case["color"] = True
    return case


def iso(epoch, zone):
    os.environ["TZ"] = zone
    time.tzset()
    return parse_timestamp(epoch).isoformat()


def main():
    out = {
        "shorthand": [shorthand(s) for s in SHORTHAND],
        "text": [text(v) for v in TEXT],
        "table": [table(v, w) for v in TEXT + TABLE for w in (80, 200)] + [table(v, 80, True) for v in TABLE],
        "iso8601": [{"epoch": e, "UTC": iso(e, "UTC"), "Asia/Kolkata": iso(e, "Asia/Kolkata")} for e in EPOCHS],
    }
    # The real stdout: the ColorizedStyler's colorama.init wrapped sys.stdout to reset colours after each write.
    json.dump(out, sys.__stdout__, indent=1, ensure_ascii=False)
    sys.__stdout__.write("\n")


if __name__ == "__main__":
    main()
