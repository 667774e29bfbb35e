#!/usr/bin/env python3
"""Prepares the rules' patterns for ripgrep (scripts/bench.sh): WORK/patterns-all.txt (PCRE2 syntax, one per line)
packed into the fewest batches rg -P can compile as one regex (WORK/patterns-pcre-N.txt: ripgrep joins -f lines,
and the rules joined exceed PCRE2's compiled-size limit), and the subset of WORK/patterns-rust-all.txt that
ripgrep's default engine accepts (WORK/patterns-portable.txt). Prints the number of batches and of portable
patterns."""
import subprocess
import sys

work = sys.argv[1]


def compiles(patterns, *flags):
    # ripgrep exits 1 when a valid pattern finds nothing (here in /dev/null) and 2 when it rejects it.
    result = subprocess.run(["rg", *flags, "-q", "-e", "|".join(patterns), "/dev/null"], capture_output=True)
    return result.returncode == 1


pcre = [line.rstrip("\n") for line in open(f"{work}/patterns-all.txt", encoding="utf-8") if line.strip()]
for pattern in pcre:
    if not compiles([pattern], "-P"):
        sys.exit(f"error: a rule's pattern does not compile with rg -P: {pattern[:120]}")
batches, current = [], []
for pattern in pcre:
    if current and not compiles(current + [pattern], "-P"):
        batches.append(current)
        current = []
    current.append(pattern)
batches.append(current)
for index, batch in enumerate(batches):
    with open(f"{work}/patterns-pcre-{index + 1}.txt", "w", encoding="utf-8") as out:
        out.write("\n".join(batch) + "\n")
rust = [line.rstrip("\n") for line in open(f"{work}/patterns-rust-all.txt", encoding="utf-8") if line.strip()]
portable = [pattern for pattern in rust if compiles([pattern])]
with open(f"{work}/patterns-portable.txt", "w", encoding="utf-8") as out:
    out.write("\n".join(portable) + "\n")
print(len(batches), len(portable))
