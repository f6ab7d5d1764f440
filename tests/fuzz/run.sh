#!/usr/bin/env bash
# run.sh SECONDS: build each libFuzzer harness into build/fuzz and fuzz it
# for SECONDS seconds on a copy of its seed corpus; one line per harness.
#
#   tests/fuzz/run.sh 8       (make fuzz-short)
#   tests/fuzz/run.sh 300     (make fuzz)
#
# A harness that fails leaves its crashing input in build/fuzz/<name>-crash-*
# and its log in build/fuzz/<name>.log.  CLANG overrides the compiler.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1

secs=${1:?usage: tests/fuzz/run.sh SECONDS}
case $secs in
''|*[!0-9]*) echo "run.sh: SECONDS must be a whole number" >&2; exit 2 ;;
esac
cc=${CLANG:-clang}
out=build/fuzz
mkdir -p "$out"

CFLAGS=(-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
	-Wall -Wextra -Icgi-bin)

# name, -max_len, sources linked besides the harness
harnesses=(
	"urlencoded 8192 cgi-bin/http/parse.c cgi-bin/http/arena.c"
	"cookies 8192 cgi-bin/http/parse.c cgi-bin/http/arena.c"
	"utf8 8192 cgi-bin/http/parse.c cgi-bin/http/arena.c"
	"po 65536 cgi-bin/view/i18n.c cgi-bin/util/file.c"
	"multipart 65536 cgi-bin/http/multipart.c cgi-bin/http/parse.c cgi-bin/http/arena.c"
	"router 4096 cgi-bin/http/router.c cgi-bin/http/arena.c"
	"csv 16384 cgi-bin/domain/csv.c"
)

# report LOG: the failure's first lines and where the input went, else the tail.
report() {
	if grep -qE 'check failed|ERROR: |runtime error' "$1"; then
		awk '/check failed|ERROR: |runtime error/ { on = 1 }
		    /^Shadow bytes/ { skip = 1 }
		    /ABORTING/ { skip = 0; next }
		    skip { next }
		    /in fuzzer::|in main |print_stack_trace|_start|^$/ { next }
		    /libc[.]so|libstdc[+][+]|pthread_kill|raise|abort[.]c/ { next }
		    /^NOTE: |Combine libFuzzer/ { next }
		    /^(artifact_prefix|Base64)/ { print; next }
		    on && n < 20 { print; n++ }' "$1"
	else
		tail -n 30 "$1"
	fi
}

failed=0
for h in "${harnesses[@]}"; do
	read -r name maxlen srcs <<<"$h"
	bin=$out/fuzz_$name
	log=$out/$name.log
	corpus=$out/corpus-$name

	# shellcheck disable=SC2086
	if ! "$cc" "${CFLAGS[@]}" -o "$bin" "tests/fuzz/fuzz_$name.c" $srcs \
	    >"$log" 2>&1; then
		echo "fuzz: $name FAILED to build"
		tail -n 20 "$log"
		failed=1
		continue
	fi

	rm -rf "$corpus"
	cp -R "tests/fuzz/corpus/$name" "$corpus"
	opts=(-max_total_time="$secs" -max_len="$maxlen" -timeout=10
		-print_final_stats=0 -artifact_prefix="$out/$name-")
	[ -f "tests/fuzz/$name.dict" ] && opts+=(-dict="tests/fuzz/$name.dict")

	if "$bin" "${opts[@]}" "$corpus" >>"$log" 2>&1; then
		runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -n 1)
		echo "fuzz: $name ok (${runs:-?} runs)"
	else
		echo "fuzz: $name FAILED (log: $log)"
		report "$log"
		failed=1
	fi
done
exit "$failed"
