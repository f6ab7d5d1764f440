#!/usr/bin/env bash
# run.sh: the browser journey against the stack started by scripts/with-stack.sh.
# Installs playwright-core from npm (no browser download: Debian's chromium).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules/playwright-core ]; then
	npm install --no-audit --no-fund --loglevel=error >/dev/null
fi
mkdir -p screenshots
node journey.mjs
