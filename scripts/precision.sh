#!/usr/bin/env bash
# The precision benchmark (docs/precision.md): fetches the pinned real applications of Fixtures/precision/apps.txt
# from PyPI (checked against their SHA-256), builds scan, scans each, and compares the findings with the hand labels
# of Fixtures/precision/labels.csv. Prints precision per pack and per rule; exits 1 when a labelled true positive
# disappears or a fixed false positive comes back. Needs network access to PyPI and about 1.5 GB of disk.
#
#   scripts/precision.sh                      fetch, build, scan, compare
#   scripts/precision.py sample --count 25    unlabelled findings to label, 25 per pack (seeded)
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)
python3 "$project/scripts/precision.py" fetch
make -C "$project" build >&2
python3 "$project/scripts/precision.py" scan
python3 "$project/scripts/precision.py" compare
