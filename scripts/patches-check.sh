#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make patches-check: the series of `make patches` as a reviewer would take
# it. checkpatch.pl --strict on every patch, then the series applied one
# patch at a time to a pristine linux-source-6.12 tree, with a build of
# bzImage (kernel/xlat.config) after each: every patch must build
# (bisectability).
#
#   scripts/patches-check.sh [BUILD_DIR]       (default: build/)
#   PATCHES_CHECK_BUILD=0 ...                 checkpatch only
#
# The tree is BUILD_DIR/series-tree/linux. The first build is a full one
# (about 28 minutes on 2 cores); the next ones rebuild what each patch
# touches, and the patch that changes include/net/ip.h most of the kernel.
# Not part of make check.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
build=$(mkdir -p "$build" && cd "$build" && pwd)
tarball=${LINUX_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
jobs=${JOBS:-$(nproc)}
# checkpatch.pl from make kernel's tree (CHECKPATCH to name another).
checkpatch=${CHECKPATCH:-$top/build/linux/scripts/checkpatch.pl}
fail=0
pass=0

ok() { echo "ok $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok $*"; fail=$((fail + 1)); }

"$top/scripts/patches.sh" "$build" || exit 1
patches=()
for p in "$build"/patches/0*.patch; do
	[ "${p##*/}" = 0000-cover-letter.patch ] || patches+=("$p")
done

# checkpatch.pl, from the kernel tree of make kernel. The MAINTAINERS
# entry comes with the first patch; a later patch that adds files gets
# checkpatch's "does MAINTAINERS need updating?" unless the entry covers
# them, which is checked here instead.
if [ ! -f "$checkpatch" ]; then
	not_ok "checkpatch: no $checkpatch (make kernel extracts it)"
else
	mapfile -t covered < <(sed -n 's/^F:\t//p' "$top/kernel/series/MAINTAINERS")
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	for p in "${patches[@]}"; do
		ign=()
		# The files the patch adds (--- /dev/null) are the entry's.
		if [ "$p" != "${patches[0]}" ]; then
			ign=(--ignore FILE_PATH_CHANGES)
			while read -r f; do
				hit=0
				for c in "${covered[@]}"; do
					case $f in "$c"*) hit=1 ;; esac
				done
				[ $hit = 1 ] || not_ok "$(basename "$p"): $f is not in the MAINTAINERS entry"
			done < <(awk '/^--- \/dev\/null/ { n = 1; next }
				n && sub(/^\+\+\+ b\//, "") { print } { n = 0 }' "$p")
		fi
		if out=$(cd "$tmp" && perl "$checkpatch" --strict --no-tree --quiet \
			 --show-types "${ign[@]}" "$p" 2>&1) && [ -z "$out" ]; then
			ok "checkpatch --strict: $(basename "$p")"
		else
			not_ok "checkpatch --strict: $(basename "$p")"
			# shellcheck disable=SC2001 # every line of the report
			echo "$out" | sed 's/^/#   /'
		fi
	done
fi

if [ "${PATCHES_CHECK_BUILD:-1}" = 0 ]; then
	echo "$pass passed, $fail failed"
	[ $fail = 0 ]
	exit
fi

# A pristine tree, then one patch at a time, each followed by a build.
# The ccache base directory makes the paths the same as those of make
# kernel's tree, so that the states they share are cache hits.
src=$build/series-tree/linux
echo "== extracting $tarball into $src"
rm -rf "$build/series-tree"
mkdir -p "$build/series-tree"
tar -C "$build/series-tree" -xJf "$tarball"
mv "$build/series-tree/linux-source-6.12" "$src"
frag=$build/series-tree/xlat.config
cat "$top/kernel/xlat.config" > "$frag"
export CCACHE_BASEDIR=$build/series-tree CCACHE_NOHASHDIR=1
export KBUILD_BUILD_TIMESTAMP='2026-01-01'
export KBUILD_BUILD_USER=ipxlat KBUILD_BUILD_HOST=ipxlat
for p in "${patches[@]}"; do
	name=$(basename "$p")
	if ! patch -d "$src" -p1 -s --no-backup-if-mismatch < "$p"; then
		not_ok "$name: applies"
		break
	fi
	# The encap's options exist once its Kconfig is in: before, they
	# are dropped, as for any symbol a tree does not know.
	make -C "$src" -s KCONFIG_ALLCONFIG="$frag" allnoconfig > /dev/null 2>&1
	if make -C "$src" -s -j"$jobs" CC="ccache gcc" bzImage \
	   > "$build/series-tree/build.log" 2>&1; then
		xlat=$(grep -c '^CONFIG_IPV6_XLAT=y' "$src/.config")
		ok "$name: applies and builds (CONFIG_IPV6_XLAT: $xlat)"
	else
		not_ok "$name: build"
		tail -20 "$build/series-tree/build.log" | sed 's/^/#   /'
		break
	fi
done
if ! grep -q '^CONFIG_IPV6_XLAT=y' "$src/.config"; then
	not_ok "the whole series builds the encap (CONFIG_IPV6_XLAT=y)"
fi
echo "$pass passed, $fail failed"
[ $fail = 0 ]
