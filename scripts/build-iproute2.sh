#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the patched `ip`.
#
#   scripts/build-iproute2.sh [BUILD_DIR]
#
# Debian's iproute2 source (`apt-get source iproute2`, with Debian's own
# patches applied) is unpacked once into BUILD_DIR/iproute2; our patches
# from iproute2-patch/ are applied (re-applied when they change); only the
# library and `ip` are built. The result is BUILD_DIR/ip.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
src=$build/iproute2
jobs=${JOBS:-$(nproc)}
mkdir -p "$build"

cat "$top"/iproute2-patch/*.patch > "$build/iproute2.patch.new"
if [ -f "$src/.ipxlat-applied.patch" ] &&
   ! cmp -s "$build/iproute2.patch.new" "$src/.ipxlat-applied.patch"; then
	echo "== iproute2 patch changed: reverting the old one"
	patch -d "$src" -p1 -R -s < "$src/.ipxlat-applied.patch"
	rm -f "$src/.ipxlat-applied.patch"
fi
if [ ! -f "$src/.ipxlat-extracted" ]; then
	echo "== apt-get source iproute2"
	rm -rf "$src" "$build/iproute2.tmp"
	mkdir -p "$build/iproute2.tmp"
	(cd "$build/iproute2.tmp" && apt-get source -q iproute2 > apt.log 2>&1) ||
		{ cat "$build/iproute2.tmp/apt.log"; exit 1; }
	mv "$build"/iproute2.tmp/iproute2-*/ "$src"
	rm -rf "$build/iproute2.tmp"
	touch "$src/.ipxlat-extracted"
fi
if [ ! -f "$src/.ipxlat-applied.patch" ]; then
	echo "== applying iproute2-patch"
	for p in "$top"/iproute2-patch/*.patch; do
		patch -d "$src" -p1 -s --no-backup-if-mismatch < "$p"
	done
	cp "$build/iproute2.patch.new" "$src/.ipxlat-applied.patch"
fi
if [ ! -f "$src/config.mk" ]; then
	echo "== configure"
	(cd "$src" && ./configure > configure.log 2>&1) ||
		{ cat "$src/configure.log"; exit 1; }
fi
echo "== building ip"
make -C "$src" -s -j"$jobs" CC="ccache gcc" SUBDIRS="lib ip" > "$build/iproute2-build.log" 2>&1 ||
	{ cat "$build/iproute2-build.log"; exit 1; }
cp "$src/ip/ip" "$build/ip"
echo "== $build/ip"
