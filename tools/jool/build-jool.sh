#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build Jool 4.1.9, the reference SIIT translator, as out-of-tree modules
# (jool_common.ko, jool_siit.ko) for an ipxlat test kernel, and install its
# userspace (jool_siit, from Debian's jool-tools) if missing.
#
#   tools/jool/build-jool.sh KERNEL_BUILD_DIR OUT_DIR
#
# KERNEL_BUILD_DIR is a kernel built by scripts/build-kernel.sh (make
# kernel: build/), whose kernel/xlat.config has what Jool needs
# (CONFIG_MODULES, CONFIG_NETFILTER_XTABLES, CONFIG_CRYPTO_MD5).
# The source comes from `apt-get source jool` (extracted once into
# OUT_DIR/jool-4.1.9). When the mirror lacks the upstream tarball, Debian's
# jool-dkms .deb, which ships the same src/ tree, is unpacked instead (with
# dpkg-deb -x: it is not installed, so no dkms build for the host kernel).
# 0001-*.patch is applied (re-applied when it changes), the modules are
# built in that tree and copied to OUT_DIR/jool_common.ko and
# OUT_DIR/jool_siit.ko. Quiet on success; on failure the log is shown.
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 KERNEL_BUILD_DIR OUT_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
kbuild=$(cd "$1" && pwd)
mkdir -p "$2"
out=$(cd "$2" && pwd)
ksrc=$kbuild/linux
version=4.1.9
tree=$out/jool-$version
patchfile=$here/0001-jool-4.1.9-build-on-linux-6.12.patch
jobs=${JOBS:-$(nproc)}
log=$out/build.log

[ -f "$ksrc/.config" ] || { echo "no configured kernel in $ksrc" >&2; exit 1; }
for opt in CONFIG_MODULES CONFIG_MODULE_UNLOAD CONFIG_NETFILTER_XTABLES \
	   CONFIG_CRYPTO_MD5; do
	grep -qx "$opt=y" "$ksrc/.config" || {
		echo "$ksrc/.config lacks $opt=y (kernel/xlat.config)" >&2
		exit 1
	}
done

: > "$log"
show_log() {
	local rc=$?
	if [ "$rc" != 0 ]; then
		cat "$log" >&2
		echo "build-jool.sh: failed (log: $log)" >&2
	fi
}
trap show_log EXIT

# 1. Source, once.
if [ ! -f "$tree/.ipxlat-extracted" ]; then
	rm -rf "$tree" "$out/src.tmp"
	mkdir -p "$out/src.tmp"
	if (cd "$out/src.tmp" && apt-get source "jool=$version-1") >> "$log" 2>&1; then
		mv "$out/src.tmp/jool-$version" "$tree"
	else
		echo "== apt-get source failed: unpacking jool-dkms instead" >> "$log"
		(cd "$out/src.tmp" && apt-get download "jool-dkms=$version-1") >> "$log" 2>&1
		dpkg-deb -x "$out/src.tmp/jool-dkms_$version-1_all.deb" "$out/src.tmp/deb"
		mv "$out/src.tmp/deb/usr/src/jool-dkms-$version" "$tree"
	fi
	rm -rf "$out/src.tmp"
	touch "$tree/.ipxlat-extracted"
fi

# 2. The compatibility patch, re-applied when it changes.
if [ -f "$tree/.ipxlat-applied.patch" ] &&
   ! cmp -s "$patchfile" "$tree/.ipxlat-applied.patch"; then
	patch -d "$tree" -p1 -R -s < "$tree/.ipxlat-applied.patch" >> "$log" 2>&1
	rm -f "$tree/.ipxlat-applied.patch"
fi
if [ ! -f "$tree/.ipxlat-applied.patch" ]; then
	patch -d "$tree" -p1 -s --no-backup-if-mismatch < "$patchfile" >> "$log" 2>&1
	cp "$patchfile" "$tree/.ipxlat-applied.patch"
fi

# 3. vmlinux's Module.symvers (bzImage alone does not run modpost), with
# the same compiler and environment as scripts/build-kernel.sh.
export CCACHE_BASEDIR=$kbuild CCACHE_NOHASHDIR=1
export KBUILD_BUILD_TIMESTAMP='2026-01-01'
export KBUILD_BUILD_USER=ipxlat KBUILD_BUILD_HOST=ipxlat
kmake=(make -C "$ksrc" -j"$jobs" CC="ccache gcc")
if [ ! -f "$ksrc/Module.symvers" ] || [ "$ksrc/vmlinux" -nt "$ksrc/Module.symvers" ]; then
	"${kmake[@]}" modules >> "$log" 2>&1
fi

# 4. The modules: jool_common first (jool_siit uses its Module.symvers).
# Jool is the reference here, not under test: on the debug kernel its
# modules are built without KASAN and UBSAN instrumentation. Jool 4.1.9
# reads one byte past a slab object in hdr_iterator_last() while it
# translates some 6->4 ICMP errors of xlat-jool-diff.py's corpus, and the
# debug kernel's report panics the VM (panic_on_warn), ending every test
# after it. Our translator stays instrumented (xlat-compliance.rst,
# "Differences from the reference translator").
for m in common siit; do
	"${kmake[@]}" M="$tree/src/mod/$m" KASAN_SANITIZE=n UBSAN_SANITIZE=n \
		modules >> "$log" 2>&1
done
for m in common/jool_common siit/jool_siit; do
	cp -p "$tree/src/mod/$m.ko" "$out/"
done

# 5. Userspace, from Debian (never jool-dkms: it would build for the host).
if ! dpkg-query -W -f='${Status}' jool-tools 2>/dev/null | grep -q 'install ok installed'; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "jool-tools=$version-1" >> "$log" 2>&1
fi
