#!/usr/bin/env bash
# Checks .pre-commit-hooks.yaml for real with the pre-commit framework from PyPI: two throwaway repositories use
# this repository's `preflight` hook at its HEAD commit, as a user's .pre-commit-config.yaml would, so that
# pre-commit builds `scan` once (its store is shared) and runs the hook in both. One stages a dev key (and removes
# it from the work tree): the hook must fail. One stages clean code: the hook must pass. Uncommitted changes to
# this repository are not part of the check. Needs python3-venv, git and network access to PyPI.
set -euo pipefail
project=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
export GIT_AUTHOR_NAME=Test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=Test GIT_COMMITTER_EMAIL=test@example.invalid

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit
pre_commit="$work/venv/bin/pre-commit"
"$pre_commit" --version

rev=$(git -C "$project" rev-parse HEAD)
# A throwaway repository in $1 with one staged file $2 holding $3, and a staged configuration that uses the hook.
staged_repository() {
  mkdir -p "$1"
  git -C "$1" init -q -b main
  printf '%s\n' "$3" > "$1/$2"
  printf 'repos:\n- repo: %s\n  rev: %s\n  hooks:\n  - id: preflight\n' "$project" "$rev" > "$1/.pre-commit-config.yaml"
  git -C "$1" add "$2" .pre-commit-config.yaml
}

# The key is assembled here so that this script holds no dev key itself.
key="local-d""ev-key"
staged_repository "$work/dirty" app.py "import os
API_KEY = os.getenv(\"API_KEY\", \"$key\")"
# The work tree no longer holds the key; the index still does.
printf 'import os\nAPI_KEY = os.environ["API_KEY"]\n' > "$work/dirty/app.py"
staged_repository "$work/clean" app.py "import os
API_KEY = os.environ[\"API_KEY\"]"

started=$(date +%s)
if (cd "$work/dirty" && "$pre_commit" run preflight --verbose); then
  echo "FAIL: the preflight hook passed a commit that stages a dev key" >&2
  exit 1
fi
echo "ok: a staged dev key blocks the commit ($(( $(date +%s) - started ))s, including the hook's build)"
if ! (cd "$work/clean" && "$pre_commit" run preflight --verbose); then
  echo "FAIL: the preflight hook blocked a clean commit" >&2
  exit 1
fi
echo "ok: a clean commit passes"
