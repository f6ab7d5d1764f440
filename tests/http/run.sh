#!/usr/bin/env bash
# run.sh: run every tests/http/t_*.sh test function against the isolated stack
# started by scripts/with-stack.sh, and print "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
. ./lib.sh

passed=0
failed=0
for file in t_*.sh; do
	. "./$file"
done
# TESTS=pattern runs only the matching tests (a grep -E pattern).
for t in $(declare -F | awk '{print $3}' | grep '^test_' | grep -E "${TESTS:-.}" | sort); do
	before=$failures
	printf '  %s\n' "$t"
	"$t"
	if [ "$failures" -eq "$before" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
