#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make lint: shellcheck -x over every shell script that git tracks (*.sh,
# or a first line that runs sh or bash; a new one once it is added), then
# the kernel's checkpatch.pl --strict --no-tree over the encap's sources
# (net/ipv6/ila_xlat/ with its tests/, and the uapi header), and on each
# patch of the series of make patches. checkpatch.pl comes from
# the kernel tree that `make kernel` extracts into $BUILD/linux; nothing is
# built here. Exits non-zero on any finding, or when a tool is missing.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
cd "$top" || exit 1
rc=0

scripts=()
while IFS= read -r -d '' f; do
	[ -f "$f" ] || continue		# deleted in the work tree
	case $f in
	*.sh) scripts+=("$f") ;;
	*)	head -n 1 "$f" | grep -qE '^#!.*[/ ](ba)?sh([[:space:]]|$)' &&
			scripts+=("$f") ;;
	esac
done < <(git ls-files -z)

echo "== shellcheck -x: ${#scripts[@]} shell scripts"
if [ ${#scripts[@]} -eq 0 ]; then
	echo "lint: git lists no shell script (not a git checkout?)" >&2
	rc=1
elif ! command -v shellcheck > /dev/null; then
	echo "lint: shellcheck is not installed (scripts/install-deps.sh installs it)" >&2
	rc=1
elif ! shellcheck -x "${scripts[@]}"; then
	rc=1
fi

checkpatch=$build/linux/scripts/checkpatch.pl
kfiles=(net/ipv6/ila_xlat/*.[ch] net/ipv6/ila_xlat/tests/*.[ch]
	include/uapi/linux/lwtunnel_xlat.h)
echo "== checkpatch.pl --strict: ${#kfiles[@]} kernel source files"
if [ ! -f "$checkpatch" ]; then
	echo "lint: no $checkpatch: 'make kernel' extracts the kernel tree that has it" >&2
	rc=1
else
	# checkpatch.pl writes its .checkpatch-camelcase.* cache into the
	# current directory: run it in a directory of its own, where net/ and
	# include/ lead to ours (its messages then name the files as here).
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	ln -s "$top/net" "$tmp/net"
	ln -s "$top/include" "$tmp/include"
	(cd "$tmp" && perl "$checkpatch" --strict --no-tree --quiet \
		--show-types -f "${kfiles[@]}") || rc=1
fi

# The patch series of make patches, each patch through checkpatch.pl too.
echo "== checkpatch.pl --strict: the patch series (scripts/patches-check.sh)"
out=$(PATCHES_CHECK_BUILD=0 "$top/scripts/patches-check.sh" "$build" 2>&1) ||
	rc=1
grep -v '^ok ' <<< "$out"

if [ $rc -eq 0 ]; then
	echo "lint: no findings"
else
	echo "lint: FAILED" >&2
fi
exit $rc
