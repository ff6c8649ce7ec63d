#!/usr/bin/env python3
"""Writes cli/text_width.hpp: the code points the AWS CLI counts as two columns in --output table
(awscli/table.py's get_text_length: East Asian width W, F or A), as sorted ranges, from Python's
unicodedata (the AWS CLI's own source of the property).
Usage: python3 tools/gen_text_width.py > cli/text_width.hpp
"""
import sys
import unicodedata

ranges = []
for cp in range(0x110000):
    if 0xD800 <= cp <= 0xDFFF:
        continue
    if unicodedata.east_asian_width(chr(cp)) in "WFA":
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])

out = sys.stdout
out.write("// Written by tools/gen_text_width.py from Python's unicodedata (Unicode %s): do not edit.\n"
          % unicodedata.unidata_version)
out.write("// The code points awscli/table.py counts as two columns (East Asian width W, F or A).\n")
out.write("#pragma once\n\n#include <cstdint>\n\nnamespace cli::detail {\n\n")
out.write("struct code_point_range {\n  std::uint32_t first, last;\n};\n\n")
out.write("// clang-format off\n")
out.write("inline constexpr code_point_range two_columns[] = {\n")
line = "   "
for a, b in ranges:
    item = " {0x%X, 0x%X}," % (a, b)
    if len(line) + len(item) > 110:
        out.write(line + "\n")
        line = "   "
    line += item
out.write(line + "\n};\n// clang-format on\n\n}  // namespace cli::detail\n")
