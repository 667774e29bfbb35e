#!/usr/bin/env bash
set -euo pipefail

# ruleid: dev-keys-env-fallback-shell
export API_KEY="${API_KEY:-local-dev-key}"
# ok: dev-keys-env-fallback-shell
export PORT="${PORT:-8080}"
# ok: dev-keys-env-fallback-shell
: "${DATABASE_PASSWORD:?DATABASE_PASSWORD must be set}"

curl -fsS -H "Authorization: Bearer ${API_KEY}" "https://deploy.acme.io/hooks/release"
