#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The FIB is the table: how xlat routes scale, inside the VM (scripts/bench
# --scale starts it with enough memory).
#
# For each count N (SCALE_COUNTS, default "100000 1000000") and each kind of
# route, in a namespace of its own with one dummy device:
#   plain   2001:db8:X:Y::/64 dev d0
#   xlat    ... encap xlat remote-prefix6 64:ff9b:1::/48
#               local-map 192.0.0.1/32 2001:db8:1:2::1234/128 dev d0
#   seg6    ... encap seg6 mode encap segs 2001:db8:5::2 dev d0 (if built)
#   libxlat the xlat routes again, one RTM_NEWROUTE each through libxlat
#           (tools/bench/xlat-route-bulk.c), instead of ip -batch
# it prints the time to install them and the kernel memory they take (the
# growth of Slab in /proc/meminfo, plus the page tables of nothing: routes
# live in slab), per route. The routes are IPv6 /64s: the test address
# plan holds fewer than a thousand IPv4 addresses, and an IPv6 route
# carries the same encap state as an IPv4 one.
#
# Then the router's packet rate with 1 route and with SCALE_PPS_ROUTES
# (2^20) routes installed: pktgen sends IPv6 packets to destinations spread
# at random over the /64s, through xlat 6->4 routes (as pktgen-vm.sh does
# for one route), and then through plain IPv6 routes to the same
# destinations, for what the FIB lookup alone adds. SCALE_COUNTS="" skips
# the install part.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=SCRIPTDIR/../../selftests/lib.sh
source "$top/selftests/lib.sh"

COUNTS=${SCALE_COUNTS-100000 1000000}
# 2^20 routes for the packet rates: every random destination has one.
PPS_ROUTES=${SCALE_PPS_ROUTES:-1048576}
ENC="remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 2001:db8:1:2::1234/128"
OUT=/tmp/scale
mkdir -p $OUT
# shellcheck disable=SC2046 # pkg-config prints a list of linker flags
gcc -O2 -I"$top/tools/libxlat" -o $OUT/xlat-route-bulk \
	"$top/tools/bench/xlat-route-bulk.c" "$top/tools/libxlat/libxlat.a" \
	$(pkg-config --libs libnl-3.0 libnl-route-3.0) || exit 1

# slab: kB of slab once the deferred frees have run.
slab() {
	sleep 1
	echo 3 > /proc/sys/vm/drop_caches
	awk '/^Slab:/ { print $2 }' /proc/meminfo
}

now() { date +%s.%N; }

# settle: wait until a deleted namespace's routes are freed (Slab back
# within 2% of where it started), at most two minutes.
BASE=
settle() {
	local cur
	for _ in $(seq 60); do
		cur=$(slab)
		[ $((cur * 100)) -le $((BASE * 102)) ] && return
		sleep 1
	done
}

# batch N KIND: the ip -batch file of N routes of KIND.
batch() {
	awk -v n="$1" -v enc="$2" 'BEGIN {
		for (i = 0; i < n; i++)
			printf "route add 2001:db8:%x:%x::/64 %s dev d0\n",
				256 + int(i / 65536), i % 65536, enc
	}' > $OUT/batch
}

seg6=1
ns_new sc-probe
ip -n sc-probe link add d0 type dummy
ip -n sc-probe link set d0 up
ip -n sc-probe -6 route add 2001:db8:9::/64 encap seg6 mode encap \
	segs 2001:db8:5::2 dev d0 2>/dev/null || seg6=
ip netns del sc-probe

BASE=$(slab)
echo "kind     routes     install s   us/route   slab kB   bytes/route"
for n in $COUNTS; do
	for kind in plain xlat ${seg6:+seg6} libxlat; do
		case $kind in
		plain) batch "$n" "" ;;
		xlat) batch "$n" "encap xlat $ENC" ;;
		seg6) batch "$n" "encap seg6 mode encap segs 2001:db8:5::2" ;;
		esac
		ip netns add sc-r
		ip -n sc-r link add d0 type dummy
		ip -n sc-r link set d0 up
		ip -n sc-r addr add 2001:db8:5::1/64 dev d0 nodad
		before=$(slab)
		t0=$(now)
		if [ "$kind" = libxlat ]; then
			# shellcheck disable=SC2086 # $ENC: the encap's arguments, split on purpose
			ip netns exec sc-r $OUT/xlat-route-bulk d0 "$n" $ENC > /dev/null
		else
			ip -n sc-r -6 -batch $OUT/batch
		fi
		rc=$?
		t1=$(now)
		after=$(slab)
		got=$(ip -n sc-r -6 route show | grep -c '^2001:db8:1')
		awk -v k="$kind" -v n="$n" -v t0="$t0" -v t1="$t1" -v b="$before" \
		    -v a="$after" -v got="$got" -v rc="$rc" 'BEGIN {
			printf "%-8s %7d %12.1f %10.1f %9d %12.0f%s\n", k, n,
				t1 - t0, (t1 - t0) * 1e6 / n, a - b,
				(a - b) * 1024 / n,
				got != n || rc ? sprintf("  (%d of %d installed, rc %d)", got, n, rc) : ""
		}'
		ip netns del sc-r
		settle
	done
done

# --- packet rate with 1 route and with many --------------------------------

S=sc-s
R=sc-r
K=sc-k
FAKE=02:00:00:00:00:99
max=$PPS_ROUTES
ns_new $S
ns_new $R
ns_new $K
veth $S s0 $R r0
veth $R r1 $K k0
ip netns exec $S ethtool -K s0 tx off > /dev/null 2>&1
ip netns exec $R sysctl -qw net.ipv6.conf.all.forwarding=1 net.ipv4.ip_forward=1
ip -n $R addr add 2001:db8:2::1/64 dev r0 nodad
ip -n $R addr add 203.0.113.1/24 dev r1
ip -n $R addr add 2001:db8:5::1/64 dev r1 nodad
ip -n $R neigh add 203.0.113.7 lladdr $FAKE dev r1 nud permanent
ip -n $R neigh add 2001:db8:5::7 lladdr $FAKE dev r1 nud permanent
ip -n $R route add 198.51.100.0/24 via 203.0.113.7 dev r1
R0MAC=$(ip -n $R -j link show dev r0 | python3 -c \
	'import json, sys; print(json.load(sys.stdin)[0]["address"])')

# routes N: N xlat /64s, each with the EAM of its host ::7 to 198.51.100.7.
routes() {
	awk -v n="$1" 'BEGIN {
		for (i = 0; i < n; i++) {
			p = sprintf("2001:db8:%x:%x::", 256 + int(i / 65536), i % 65536)
			printf "route replace %s/64 encap xlat remote-prefix6 64:ff9b:1::/48 eam 198.51.100.7/32 %s7/128 dev r1\n", p, p
		}
	}' > $OUT/batch
	ip -n $R -6 -batch $OUT/batch
}

# plain N: the same N /64s as plain routes to the fake neighbour.
plain() {
	awk -v n="$1" 'BEGIN {
		for (i = 0; i < n; i++)
			printf "route replace 2001:db8:%x:%x::/64 via 2001:db8:5::7 dev r1\n",
				256 + int(i / 65536), i % 65536
	}' > $OUT/batch
	ip -n $R -6 -batch $OUT/batch
}

# blast: 100,000 64-byte IPv4 (84-byte IPv6) packets from 192.0.2.1 under
# 64:ff9b:1::/48 (RFC 6052 section 2.2: c0 00, the u-octet, 02 01); to
# 2001:db8:100::7, or at random over the /64s when RANDOM_DST is set.
blast() {
	ip netns exec $S bash -c "
		echo rem_device_all > /proc/net/pktgen/kpktgend_0
		echo add_device s0 > /proc/net/pktgen/kpktgend_0"
	local c cfg=("count 100000" "clone_skb 0" "pkt_size 84" "delay 0"
		"dst_mac $R0MAC" "udp_dst_min 9" "udp_dst_max 9" "flag UDPCSUM"
		"src6 64:ff9b:1:c000:2:100::")
	if [ -n "${RANDOM_DST:-}" ]; then
		cfg+=("dst6_min 2001:db8:100::7" "dst6_max 2001:db8:10f:ffff::7")
	else
		cfg+=("dst6 2001:db8:100::7")
	fi
	for c in "${cfg[@]}"; do
		ip netns exec $S bash -c "echo '$c' > /proc/net/pktgen/s0"
	done
	local before after
	before=$(ip -n $K -j -s link show dev k0 | python3 -c \
		'import json, sys; print(json.load(sys.stdin)[0]["stats64"]["rx"]["packets"])')
	ip netns exec $S bash -c 'echo start > /proc/net/pktgen/pgctrl'
	after=$(ip -n $K -j -s link show dev k0 | python3 -c \
		'import json, sys; print(json.load(sys.stdin)[0]["stats64"]["rx"]["packets"])')
	ip netns exec $S cat /proc/net/pktgen/s0 | python3 -c '
import re, sys
t = sys.stdin.read()
us = int(re.search(r"Result: OK: (\d+)\(", t).group(1))
print("%d delivered in %d us: %.0f pps" % ('"$((after - before))"', us,
      '"$((after - before))"' * 1e6 / us))'
}

echo
echo "pktgen, xlat 6->4, 64-byte IPv4 (84-byte IPv6) packets:"
routes 1
echo "  1 route:                 $(blast)"
routes "$max" 2>/dev/null
echo "  $max routes, one dst:  $(blast)"
echo "  $max routes, random:   $(RANDOM_DST=1 blast)"
ip -n $R -6 route flush root 2001:db8:100::/44
echo "pktgen, plain IPv6 forwarding of the same packets:"
plain 1
echo "  1 route:                 $(blast)"
plain "$max"
echo "  $max routes, one dst:  $(blast)"
echo "  $max routes, random:   $(RANDOM_DST=1 blast)"
ip netns exec $R nstat -as 'XlatExt*' | sed -e 1d -e 's/^/  nstat: /'
