#!/bin/sh
# Kills `thads import` and the API with SIGKILL at N points and checks that nothing acknowledged
# is lost, nothing is stored twice, and the read models equal a rebuild (docs/idempotency.md).
# Usage: scripts/kill-run.sh [--points 5] [--cases 2000] [--requests 600] [--clients 8] [--minutes 10]
set -e
cd "$(dirname "$0")/.."
npm run build --silent
exec node -r ./scripts/paths.js scripts/kill-run.js "$@"
