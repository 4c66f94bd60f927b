#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build a bzImage with the xlat encap built in.
#
#   scripts/build-kernel.sh [BUILD_DIR]
#
# Debian's linux-source-6.12 tarball is extracted once into BUILD_DIR/linux.
# kernel/patches/*.patch are applied (re-applied when they change), our
# files are overlaid with rsync --checksum so that unchanged files keep
# their mtime, and the tree is configured from allnoconfig plus
# kernel/xlat.config (plus KCONFIG_EXTRA, a further fragment, if set).
# Compilation goes through ccache; an unchanged tree rebuilds in seconds.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
src=$build/linux
tarball=${LINUX_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
jobs=${JOBS:-$(nproc)}

[ -f "$tarball" ] || { echo "missing $tarball: apt-get install linux-source-6.12" >&2; exit 1; }
mkdir -p "$build"

cat "$top"/kernel/patches/*.patch > "$build/kernel.patch.new"
if [ -f "$src/.ipxlat-extracted" ] && [ -f "$src/.ipxlat-applied.patch" ] &&
   ! cmp -s "$build/kernel.patch.new" "$src/.ipxlat-applied.patch"; then
	echo "== kernel patch changed: reverting the old one"
	patch -d "$src" -p1 -R -s < "$src/.ipxlat-applied.patch"
	rm -f "$src/.ipxlat-applied.patch"
fi
if [ ! -f "$src/.ipxlat-extracted" ]; then
	echo "== extracting $tarball"
	rm -rf "$src" "$build/linux.tmp"
	mkdir -p "$build/linux.tmp"
	tar -C "$build/linux.tmp" -xf "$tarball"
	mv "$build/linux.tmp/linux-source-6.12" "$src"
	rmdir "$build/linux.tmp"
	touch "$src/.ipxlat-extracted"
fi
if [ ! -f "$src/.ipxlat-applied.patch" ]; then
	echo "== applying kernel/patches"
	for p in "$top"/kernel/patches/*.patch; do
		patch -d "$src" -p1 -s --no-backup-if-mismatch < "$p"
	done
	cp "$build/kernel.patch.new" "$src/.ipxlat-applied.patch"
fi

echo "== overlaying our files"
rsync -rc --delete "$top/net/ipv6/ila_xlat/" "$src/net/ipv6/ila_xlat/"
rsync -c "$top/include/uapi/linux/lwtunnel_xlat.h" "$src/include/uapi/linux/"

echo "== configuring"
frag=$build/xlat.config
cat "$top/kernel/xlat.config" ${KCONFIG_EXTRA:+"$KCONFIG_EXTRA"} > "$frag"
# KERNEL_LLVM=1: clang and the LLVM tools (the KMSAN kernel needs them).
llvm=()
cc="ccache gcc"
if [ -n "${KERNEL_LLVM:-}" ]; then
	llvm=(LLVM=1)
	cc="ccache clang"
fi
make -C "$src" -s "${llvm[@]}" CC="${cc#ccache }" KCONFIG_ALLCONFIG="$frag" allnoconfig
missing=0
while IFS= read -r line; do
	case "$line" in CONFIG_*=*) ;; *) continue ;; esac
	if ! grep -qx -- "$line" "$src/.config"; then
		echo "config: $line did not stick" >&2
		missing=1
	fi
done < "$frag"
[ "$missing" = 0 ] || [ -n "${ALLOW_MISSING_CONFIG:-}" ] || exit 1

echo "== building bzImage ($jobs jobs)"
export CCACHE_BASEDIR=$build
export CCACHE_NOHASHDIR=1
export KBUILD_BUILD_TIMESTAMP='2026-01-01'
export KBUILD_BUILD_USER=ipxlat KBUILD_BUILD_HOST=ipxlat
# shellcheck disable=SC2086 # KBUILD_EXTRA_ARGS: a list of make arguments, or empty
make -C "$src" -s -j"$jobs" "${llvm[@]}" CC="$cc" ${KBUILD_EXTRA_ARGS:-} bzImage
cp "$src/arch/x86/boot/bzImage" "$build/bzImage"
echo "== $build/bzImage"
