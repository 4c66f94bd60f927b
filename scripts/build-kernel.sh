#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build a bzImage with the xlat encap built in.
#
#   scripts/build-kernel.sh [BUILD_DIR]
#
# Debian's linux-source-6.12 tarball is extracted once into BUILD_DIR/linux.
# The patch series of `make patches` (scripts/patches.sh, made from
# kernel/series/, kernel/patches/ and our files) is applied to it: the
# series is the one source of the kernel side. When it changes, the old
# one is reverted and the new one applied, and every file whose content
# did not change gets its old mtime back, so that only what changed is
# rebuilt. The tree is configured from allnoconfig plus kernel/xlat.config
# (plus KCONFIG_EXTRA, a further fragment, if set). Compilation goes
# through ccache; an unchanged tree rebuilds in seconds.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
src=$build/linux
tarball=${LINUX_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
jobs=${JOBS:-$(nproc)}

[ -f "$tarball" ] || { echo "missing $tarball: apt-get install linux-source-6.12" >&2; exit 1; }
mkdir -p "$build"

# The files a series (on stdin) creates or changes.
series_files() {
	sed -nE 's|^\+\+\+ b/(.*)|\1|p'
}

# Keep a copy, with its mtime, of each file of the series on stdin that
# the tree has, so that those a new series leaves as they were get their
# mtime back.
save_prev() {
	rm -rf "$prev"
	series_files | sort -u | while read -r f; do
		[ -f "$src/$f" ] || continue
		mkdir -p "$prev/$(dirname "$f")"
		cp -p "$src/$f" "$prev/$f"
	done
}

"$top/scripts/patches.sh" "$build" > /dev/null
new=$build/kernel.series.new
for p in "$build"/patches/0*.patch; do
	[ "${p##*/}" = 0000-cover-letter.patch ] || cat "$p"
done > "$new"
# The series applied, one file per patch: reverted last patch first, since
# a later patch may change a file an earlier one created.
applied=$src/.ipxlat-series
prev=$build/series-prev
if [ -f "$src/.ipxlat-extracted" ] && [ -d "$applied" ] &&
   ! cat "$applied"/*.patch | cmp -s "$new" -; then
	echo "== the series changed: reverting the old one"
	cat "$applied"/*.patch | save_prev
	mapfile -t old < <(printf '%s\n' "$applied"/*.patch | sort -r)
	for p in "${old[@]}"; do
		patch -d "$src" -p1 -R -s -E < "$p"
	done
	rm -rf "$applied"
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
# A tree of the time before the series: kernel/patches applied, our files
# copied over them. Back to the tarball's files first.
if [ -f "$src/.ipxlat-applied.patch" ]; then
	echo "== a tree of kernel/patches and copied files: reverting them"
	save_prev < "$new"
	patch -d "$src" -p1 -R -s < "$src/.ipxlat-applied.patch"
	rm -rf "$src/net/ipv6/ila_xlat" "$src/include/uapi/linux/lwtunnel_xlat.h"
	rm -f "$src/.ipxlat-applied.patch"
fi
if [ ! -d "$applied" ]; then
	echo "== applying the series ($build/patches)"
	mkdir -p "$applied.tmp"
	for p in "$build"/patches/0*.patch; do
		[ "${p##*/}" = 0000-cover-letter.patch ] && continue
		patch -d "$src" -p1 -s --no-backup-if-mismatch < "$p"
		cp "$p" "$applied.tmp/"
	done
	if [ -d "$prev" ]; then
		series_files < "$new" | sort -u | while read -r f; do
			if [ -f "$prev/$f" ] && cmp -s "$prev/$f" "$src/$f"; then
				touch -r "$prev/$f" "$src/$f"
			fi
		done
		rm -rf "$prev"
	fi
	mv "$applied.tmp" "$applied"
fi

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
