#!/usr/bin/env bash
# deps.sh: install the Debian packages Starcert needs, only those missing.
# As root it runs apt-get; otherwise through sudo when it can, else it stops
# and names the packages.
#
#   scripts/deps.sh        what make run needs (build, libraries, services)
#   scripts/deps.sh test   that, and what the tests and benchmarks need
set -euo pipefail
profile=${1:-run}

packages=(
	# build
	gcc g++ make pkg-config
	# libraries
	libfcgi-dev libctemplate-dev libpq-dev libsodium-dev libmagic-dev check
	# certificates: PDF, QR code, a Chinese font
	libhpdf-dev libqrencode-dev fonts-wqy-zenhei
	# notification e-mail (SMTP)
	libcurl4-openssl-dev
	# exports: Excel workbooks
	libxlsxwriter-dev
	# services
	nginx postgresql
	# the scripts
	curl procps
)
if [ "$profile" = test ]; then
	# fuzzing, benchmarks, the browser journey (a CJK font so that pages render)
	packages+=(clang libclang-rt-14-dev wrk chromium)
	# checking certificates: PDF to text and image, QR decoding
	packages+=(poppler-utils zbar-tools)
	# the fault drills' clients
	packages+=(python3)
fi

missing=()
status=$(dpkg-query -W -f='${Package} ${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null || true)
for p in "${packages[@]}"; do
	grep -q "^$p ii" <<<"$status" || missing+=("$p")
done
# Node.js for Playwright: any node with npm will do (this machine may carry
# one that is not Debian's, and Debian's npm would conflict with it).
if [ "$profile" = test ] && { ! command -v node >/dev/null || ! command -v npm >/dev/null; }; then
	missing+=(nodejs npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
	sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
	sudo=(sudo -n)
else
	echo "deps: these packages are missing and I cannot install them without root:" >&2
	echo "  ${missing[*]}" >&2
	echo "deps: run as root, or: sudo apt-get install ${missing[*]}" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian starts a system nginx on install where it can; ours runs on its own.
if pgrep -f 'nginx: master process /usr/sbin/nginx -g' >/dev/null 2>&1; then
	"${sudo[@]}" /usr/sbin/nginx -s stop 2>/dev/null || true
fi
echo "deps: done"
