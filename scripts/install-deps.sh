#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install the Debian 12 packages that building and testing ipxlat needs,
# and enable source entries for `apt-get source iproute2`. Idempotent and
# quiet when everything is already there.
set -euo pipefail

pkgs=(
	# kernel build
	linux-source-6.12 build-essential bc bison flex libelf-dev libssl-dev
	ccache rsync xz-utils cpio kmod python3
	# VM and tests
	qemu-system-x86 iproute2 iputils-ping iputils-tracepath traceroute
	iperf3 python3-scapy tayga netcat-openbsd socat nftables tcpdump ethtool
	# the drop reasons in skb:kfree_skb tracing (selftests/xlat_dropreason.sh)
	linux-perf
	# userspace helpers (libxlat: libnl, and libcrypto for RFC 7217's SHA-256)
	pkg-config libnl-3-dev libnl-route-3-dev libssl-dev libmnl-dev valgrind
	# the reference translator's userspace (its modules: tools/jool/)
	jool-tools
	# clatd with the xlat backend (make clatd, selftests/xlat_clatd.sh): its Perl modules, DNS64 and RAs
	libnet-ip-perl libnet-dns-perl libjson-perl unbound radvd tayga patch
	# make lint (its checkpatch.pl comes with the kernel source)
	shellcheck
)
# make check-kmsan: the kernel is built with clang and the LLVM tools.
if [ "${1:-}" = kmsan ]; then
	pkgs+=(clang lld llvm)
fi
# iproute2 source and build (ip only)
top=$(cd "$(dirname "$0")/.." && pwd)
while read -r p; do
	[ -n "$p" ] && pkgs+=("$p")
done < <(grep -v '^#' "$top/scripts/iproute2-deps.txt")

missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		grep -q "install ok installed" || missing+=("$p")
done

# Source entries, needed by `apt-get source iproute2`.
need_src=0
# shellcheck disable=SC2016 # an apt format string, not a shell expansion
if ! apt-get indextargets --format '$(CREATED_BY)' 2>/dev/null |
     grep -q '^Sources$'; then
	need_src=1
fi

if [ ${#missing[@]} -eq 0 ] && [ $need_src = 0 ]; then
	exit 0
fi

if [ "$(id -u)" != 0 ]; then
	echo "install-deps: run as root (missing: ${missing[*]})" >&2
	exit 1
fi

if [ $need_src = 1 ]; then
	echo "== enabling deb-src entries"
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		grep -q '^Types: deb$' "$f" &&
			sed -i 's/^Types: deb$/Types: deb deb-src/' "$f"
	done
	if [ -f /etc/apt/sources.list ] &&
	   ! grep -q '^deb-src' /etc/apt/sources.list; then
		sed -n 's/^deb \(.*\)$/deb-src \1/p' /etc/apt/sources.list \
			> /etc/apt/sources.list.d/ipxlat-src.list
	fi
fi

echo "== apt-get install ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
if [ ${#missing[@]} -gt 0 ]; then
	apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
