#!/usr/bin/env python3
"""The precision benchmark: real applications from PyPI, scanned and compared with hand labels.

    precision.py fetch    download and unpack the pinned applications of Fixtures/precision/apps.txt
    precision.py scan     scan each with SCAN (the scan binary) into JSON reports
    precision.py compare  precision per pack and per rule over the labelled findings; exit 1 when a labelled true
                          positive disappears or a fixed false positive comes back
    precision.py sample   print a seeded random sample of unlabelled findings per pack, as label rows to fill in
    precision.py update   mark labelled false positives that no longer appear as fixed (after a deliberate fix)

Labels (Fixtures/precision/labels.csv): app, version, path, line, rule, label (TP or FP), state (open, or fixed
for a false positive that a fix removed), why. A finding is matched by app, path, line and rule id.
"""
import argparse
import collections
import csv
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import urllib.parse
import urllib.request
import zipfile

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APPS = os.path.join(PROJECT, "Fixtures", "precision", "apps.txt")
LABELS = os.path.join(PROJECT, "Fixtures", "precision", "labels.csv")
FIELDS = ["app", "version", "path", "line", "rule", "label", "state", "why"]
PACKS = ["auth", "rate-limit", "dev-keys", "mocks", "disabled", "pydantic", "security"]


def apps():
    """The pinned applications: (name, version, file, sha256)."""
    with open(APPS) as handle:
        return [tuple(line.split()) for line in handle if line.strip() and not line.startswith("#")]


def app_dir(work, name, version):
    return os.path.join(work, "apps", f"{name}-{version}")


def fetch(work):
    os.makedirs(os.path.join(work, "files"), exist_ok=True)
    for name, version, filename, digest in apps():
        archive = os.path.join(work, "files", filename)
        if not os.path.exists(archive):
            index = f"https://pypi.org/simple/{name}/"
            page = urllib.request.urlopen(index, timeout=60).read().decode()
            match = re.search(r'<a href="([^"#]+)[^"]*"[^>]*>' + re.escape(filename) + "<", page)
            if not match:
                sys.exit(f"{filename} is not in {index}")
            data = urllib.request.urlopen(urllib.parse.urljoin(index, match.group(1)), timeout=900).read()
            if hashlib.sha256(data).hexdigest() != digest:
                sys.exit(f"{filename}: SHA-256 differs from apps.txt")
            with open(archive, "wb") as handle:
                handle.write(data)
        target = app_dir(work, name, version)
        if os.path.isdir(target):
            continue
        os.makedirs(target)
        if filename.endswith(".whl"):
            with zipfile.ZipFile(archive) as wheel:
                wheel.extractall(target)
        else:
            with tarfile.open(archive) as sdist:
                for member in sdist.getmembers():
                    parts = member.name.split("/", 1)
                    if len(parts) < 2 or not parts[1] or member.issym() or member.islnk():
                        continue
                    member.name = parts[1]
                    # Only regular files and folders below the target (tarfile's data filter, where Python has it).
                    sdist.extract(member, target, **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
        print(f"{name} {version}: {target}", file=sys.stderr)


def scan(work, binary):
    os.makedirs(os.path.join(work, "reports"), exist_ok=True)
    for name, version, _, _ in apps():
        report = os.path.join(work, "reports", f"{name}.json")
        result = subprocess.run([binary, "--format", "json", "--output", report, "--quiet", "--no-ignore", app_dir(work, name, version)])
        if result.returncode not in (0, 1):
            sys.exit(f"scan of {name} exited {result.returncode}")


def findings(work):
    """Every finding of the benchmark's reports: {(app, path, line, rule): finding}."""
    found = {}
    for name, version, _, _ in apps():
        with open(os.path.join(work, "reports", f"{name}.json")) as handle:
            for finding in json.load(handle)["findings"]:
                found[(name, finding["path"], str(finding["line"]), finding["ruleId"])] = dict(finding, app=name, version=version)
    return found


def labels():
    if not os.path.exists(LABELS):
        return []
    with open(LABELS, newline="") as handle:
        return list(csv.DictReader(handle))


def key(label):
    return (label["app"], label["path"], label["line"], label["rule"])


def compare(work):
    found = findings(work)
    rows = labels()
    by_pack = collections.defaultdict(collections.Counter)
    by_rule = collections.defaultdict(collections.Counter)
    problems = []
    for row in rows:
        present = key(row) in found
        if row["label"] == "TP" and not present:
            problems.append(f"lost true positive: {row['app']} {row['path']}:{row['line']} {row['rule']} ({row['why']})")
        if row["label"] == "FP" and row["state"] == "fixed" and present:
            problems.append(f"false positive back: {row['app']} {row['path']}:{row['line']} {row['rule']} ({row['why']})")
        if not present:
            continue
        pack = found[key(row)]["pack"]
        by_pack[pack][row["label"]] += 1
        by_rule[row["rule"]][row["label"]] += 1
    labelled = {key(row) for row in rows}
    unlabelled = collections.Counter(finding["pack"] for k, finding in found.items() if k not in labelled)
    totals = collections.Counter(finding["pack"] for finding in found.values())

    def precision(counts):
        judged = counts["TP"] + counts["FP"]
        return f"{100 * counts['TP'] / judged:5.1f}%" if judged else "    –"

    print(f"{'pack':<14} {'findings':>8} {'labelled':>8} {'TP':>4} {'FP':>4} {'precision':>9}")
    for pack in sorted(totals):
        counts = by_pack[pack]
        print(f"{pack:<14} {totals[pack]:>8} {counts['TP'] + counts['FP']:>8} {counts['TP']:>4} {counts['FP']:>4} {precision(counts):>9}")
    print()
    print(f"{'rule':<52} {'TP':>4} {'FP':>4} {'precision':>9}")
    for rule in sorted(by_rule):
        counts = by_rule[rule]
        print(f"{rule:<52} {counts['TP']:>4} {counts['FP']:>4} {precision(counts):>9}")
    fixed = sum(1 for row in rows if row["label"] == "FP" and key(row) not in found and row["state"] != "fixed")
    print(f"\n{len(found)} findings, {sum(unlabelled.values())} unlabelled ({', '.join(f'{p} {n}' for p, n in sorted(unlabelled.items()))})")
    if fixed:
        print(f"{fixed} labelled false positives no longer appear: `precision.py update` marks them fixed")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def sample(work, count, seed):
    """A seeded random sample of up to `count` unlabelled findings per pack, as CSV rows to label."""
    found = findings(work)
    labelled = {key(row) for row in labels()}
    chooser = random.Random(seed)
    writer = csv.writer(sys.stdout)
    writer.writerow(FIELDS + ["message", "snippet"])
    for pack in PACKS:
        keys = sorted(k for k, finding in found.items() if finding["pack"] == pack and k not in labelled)
        for k in sorted(chooser.sample(keys, min(count, len(keys)))):
            finding = found[k]
            writer.writerow([finding["app"], finding["version"], finding["path"], finding["line"], finding["ruleId"], "", "open", "",
                             finding["message"], finding["snippet"]])


def update(work):
    found = findings(work)
    rows = labels()
    for row in rows:
        if row["label"] == "FP" and key(row) not in found:
            row["state"] = "fixed"
    with open(LABELS, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(sorted(rows, key=lambda row: (row["app"], row["path"], int(row["line"]), row["rule"])))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["fetch", "scan", "compare", "sample", "update"])
    parser.add_argument("--work", default=os.environ.get("PRECISION_DIR", os.path.join(PROJECT, ".build", "precision")))
    parser.add_argument("--scan", default=os.path.join(PROJECT, ".build", "release", "scan"))
    parser.add_argument("--count", type=int, default=25)
    parser.add_argument("--seed", type=int, default=18)
    arguments = parser.parse_args()
    if arguments.command == "fetch":
        fetch(arguments.work)
    elif arguments.command == "scan":
        scan(arguments.work, arguments.scan)
    elif arguments.command == "compare":
        sys.exit(compare(arguments.work))
    elif arguments.command == "sample":
        sample(arguments.work, arguments.count, arguments.seed)
    else:
        update(arguments.work)


if __name__ == "__main__":
    main()
