#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build an `ip` that knows `encap xlat`.
#
#   scripts/build-iproute2.sh [BUILD_DIR]      (default: <repo>/build)
#
# Debian's iproute2 source (`apt-get source iproute2`, Debian's own patches
# applied) is fetched once into BUILD_DIR/iproute2. iproute2-patch/*.patch
# are applied on top; a copy of each applied patch is kept in the tree as a
# stamp, so that when the patches change the old ones are reverted (patch -R,
# in reverse order) and the new ones applied. Only lib/ and ip/ are built
# (through ccache when it is installed); the result is BUILD_DIR/ip, linked
# as BUILD_DIR/bin/ip for PATH. A run
# with nothing changed takes well under a second.
#
# Needs the packages in scripts/iproute2-deps.txt and deb-src entries.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
mkdir -p "$build"
build=$(cd "$build" && pwd)
src=$build/iproute2
stamp=$src/.ipxlat-patches
jobs=${JOBS:-$(nproc)}
log=$build/iproute2-build.log

: > "$log"
patches=("$top"/iproute2-patch/*.patch)
[ -f "${patches[0]}" ] || { echo "no iproute2-patch/*.patch" >&2; exit 1; }

# Run "$@" with its output in $log; on failure show it and stop.
quiet() {
	if ! "$@" >> "$log" 2>&1; then
		cat "$log" >&2
		echo "build-iproute2: failed: $*" >&2
		exit 1
	fi
}

# Revert the patches recorded in the stamp, newest first. False if they do
# not revert cleanly (the tree was changed by hand).
revert_stamp() {
	local p i
	local -a old=()

	# An older version of this script kept one concatenated stamp.
	if [ -f "$src/.ipxlat-applied.patch" ]; then
		patch -d "$src" -p1 -R -s -f --dry-run \
			< "$src/.ipxlat-applied.patch" > /dev/null 2>&1 || return 1
		patch -d "$src" -p1 -R -s -f --no-backup-if-mismatch \
			< "$src/.ipxlat-applied.patch"
		rm -f "$src/.ipxlat-applied.patch" "$src/.ipxlat-extracted"
	fi
	[ -d "$stamp" ] || return 0
	for p in "$stamp"/*.patch; do
		[ -f "$p" ] && old+=("$p")
	done
	for ((i = ${#old[@]} - 1; i >= 0; i--)); do
		p=${old[i]}
		patch -d "$src" -p1 -R -s -f --dry-run < "$p" > /dev/null 2>&1 ||
			return 1
		patch -d "$src" -p1 -R -s -f --no-backup-if-mismatch < "$p"
		rm -f "$p"
	done
	rmdir "$stamp"
}

# True if the stamp holds exactly the current patches.
stamp_current() {
	local p n=0

	[ -d "$stamp" ] || return 1
	for p in "${patches[@]}"; do
		cmp -s "$p" "$stamp/$(basename "$p")" || return 1
		n=$((n + 1))
	done
	[ "$(find "$stamp" -name '*.patch' | wc -l)" -eq "$n" ]
}

if [ -d "$src" ] && ! stamp_current &&
   { [ -d "$stamp" ] || [ -f "$src/.ipxlat-applied.patch" ]; }; then
	echo "== iproute2-patch changed: reverting the old patches"
	if ! revert_stamp; then
		echo "== the tree does not revert cleanly: fetching it again"
		rm -rf "$src"
	fi
fi

if [ ! -d "$src" ]; then
	echo "== apt-get source iproute2"
	tmp=$(mktemp -d "$build/iproute2-src.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	# _apt must be able to write the downloads
	chmod 755 "$tmp"
	# its output is kept in memory only, and shown if it fails
	if ! out=$(cd "$tmp" && apt-get source -q iproute2 2>&1); then
		printf '%s\n' "$out" >&2
		echo "build-iproute2: apt-get source iproute2 failed" >&2
		exit 1
	fi
	dirs=("$tmp"/iproute2-*/)
	if [ ${#dirs[@]} -ne 1 ] || [ ! -d "${dirs[0]}" ]; then
		echo "build-iproute2: no source tree in $tmp" >&2
		exit 1
	fi
	mv "${dirs[0]}" "$src"
	rm -rf "$tmp"
	trap - EXIT
fi

if ! stamp_current; then
	echo "== applying iproute2-patch"
	mkdir -p "$stamp"
	for p in "${patches[@]}"; do
		if ! patch -d "$src" -p1 -N -s -t --dry-run < "$p" >> "$log" 2>&1; then
			cat "$log" >&2
			echo "build-iproute2: $(basename "$p") does not apply" >&2
			exit 1
		fi
		patch -d "$src" -p1 -N -s -t --no-backup-if-mismatch < "$p"
		cp "$p" "$stamp/"
	done
	# The makefiles do not track headers: rebuild what the patches touch.
	if [ -f "$src/config.mk" ]; then
		quiet make -C "$src" SUBDIRS="lib ip" clean
	fi
fi

if [ ! -f "$src/config.mk" ] || [ "$src/configure" -nt "$src/config.mk" ]; then
	echo "== configure"
	(cd "$src" && quiet ./configure)
fi

cc=gcc
command -v ccache > /dev/null && cc="ccache gcc"
echo "== make lib ip"
# The top-level Makefile passes CFLAGS down: go through it.
quiet make -C "$src" -j"$jobs" SUBDIRS="lib ip" CC="$cc"
if grep -q 'warning:' "$log"; then
	grep -A3 'warning:' "$log" >&2
fi

if ! cmp -s "$src/ip/ip" "$build/ip"; then
	cp "$src/ip/ip" "$build/ip"
fi
# BUILD_DIR/bin goes first in PATH in the VM (make demo, make vm, the
# selftests): it holds the patched ip under its own name.
mkdir -p "$build/bin"
ln -sfn ../ip "$build/bin/ip"
echo "== $build/ip (in PATH as $build/bin/ip)"
