#!/usr/bin/env python3
"""Writes every ```cpp block of a Markdown file to OUTDIR/snippet_N.cpp, so the build compiles
(and the tests run) the documentation's examples. Usage: extract_snippets.py README.md OUTDIR"""
import pathlib
import re
import sys


def main():
    source, outdir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    outdir.mkdir(parents=True, exist_ok=True)
    blocks = re.findall(r'^```cpp\n(.*?)^```', source.read_text(), flags=re.S | re.M)
    wanted = set()
    for i, code in enumerate(blocks, 1):
        path = outdir / ('snippet_%02d.cpp' % i)
        text = '// Extracted from %s: edit it there.\n#line 1 "%s:snippet %d"\n%s' % (source.name, source.name, i, code)
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
        wanted.add(path.name)
    for old in outdir.glob('snippet_*.cpp'):
        if old.name not in wanted:
            old.unlink()
    print(len(blocks))


if __name__ == '__main__':
    main()
