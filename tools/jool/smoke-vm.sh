#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Smoke test of Jool (SIIT, Netfilter mode) in the ipxlat VM:
#
#   scripts/vm-run -- tools/jool/smoke-vm.sh build/jool
#
# JOOL_OUT_DIR holds jool_common.ko and jool_siit.ko (tools/jool/build-jool.sh).
# Three namespaces joined by veth pairs:
#
#   jl-h6 (2001:db8:1:2::1234) -- jl-xl (Jool) -- jl-h4 (203.0.113.2)
#
# Jool's instance in jl-xl has pool6 64:ff9b:1::/96 and the EAM
# 2001:db8:1:2::1234 <-> 198.51.100.1, so jl-h6 reaches jl-h4 at
# 64:ff9b:1::203.0.113.2 and jl-h4 reaches jl-h6 at 198.51.100.1. Pings
# both ways must succeed; tcpdump in jl-xl shows the packets on each side.
# Prints "jool smoke: ok" last on success.
set -euo pipefail

dir=$(cd "${1:-${JOOL_DIR:-.}}" && pwd)
inst=jl-siit
tmp=$(mktemp -d)
fail() { echo "jool smoke: FAILED: $*" >&2; exit 1; }
x() { ip netns exec jl-xl "$@"; }
h6() { ip netns exec jl-h6 "$@"; }
h4() { ip netns exec jl-h4 "$@"; }

cleanup() {
	set +e
	for p in $(jobs -p); do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	for n in jl-h6 jl-xl jl-h4; do ip netns del "$n" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT

grep -qw jool_siit /proc/modules || {
	insmod "$dir/jool_common.ko"
	insmod "$dir/jool_siit.ko"
}
echo "== modules: $(grep -o '^jool[a-z_]*' /proc/modules | tr '\n' ' ')"
echo "== $(jool_siit --version)"

for n in jl-h6 jl-xl jl-h4; do
	ip netns add "$n"
	ip -n "$n" link set lo up
done
ip link add jl-h6a netns jl-h6 type veth peer name jl-x6 netns jl-xl
ip link add jl-h4a netns jl-h4 type veth peer name jl-x4 netns jl-xl
h6 ip link set jl-h6a up
h4 ip link set jl-h4a up
x ip link set jl-x6 up
x ip link set jl-x4 up
h6 ip addr add 2001:db8:1:2::1234/64 dev jl-h6a nodad
x ip addr add 2001:db8:1:2::1/64 dev jl-x6 nodad
x ip addr add 203.0.113.1/24 dev jl-x4
h4 ip addr add 203.0.113.2/24 dev jl-h4a
h6 ip route add 64:ff9b:1::/96 via 2001:db8:1:2::1
h4 ip route add 198.51.100.0/24 via 203.0.113.1
x sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

echo "== jool_siit instance add $inst --netfilter --pool6 64:ff9b:1::/96 (in jl-xl)"
x jool_siit instance add "$inst" --netfilter --pool6 64:ff9b:1::/96
x jool_siit -i "$inst" eamt add 2001:db8:1:2::1234 198.51.100.1
x jool_siit instance display
x jool_siit -i "$inst" eamt display
echo "== address query"
x jool_siit -i "$inst" address query 64:ff9b:1::203.0.113.2
x jool_siit -i "$inst" address query 198.51.100.1

# Echo requests and replies only (no neighbour discovery), on both sides.
x tcpdump -nvl -i jl-x6 'icmp6 and (ip6[40] == 128 or ip6[40] == 129)' \
	> "$tmp/v6.txt" 2> "$tmp/v6.err" &
x tcpdump -nvl -i jl-x4 icmp > "$tmp/v4.txt" 2> "$tmp/v4.err" &
for f in v6 v4; do
	for _ in $(seq 50); do
		grep -q listening "$tmp/$f.err" && break
		sleep 0.1
	done
	grep -q listening "$tmp/$f.err" || fail "tcpdump did not start: $(cat "$tmp/$f.err")"
done

echo "== 6->4: ping from jl-h6 to 64:ff9b:1::203.0.113.2"
h6 ping -c 3 -i 0.2 -W 2 64:ff9b:1::203.0.113.2 || fail "6->4 ping"
echo "== 4->6: ping from jl-h4 to 198.51.100.1"
h4 ping -c 3 -i 0.2 -W 2 198.51.100.1 || fail "4->6 ping"
sleep 0.5
for p in $(jobs -p); do kill "$p"; done
wait 2>/dev/null || true

echo "== tcpdump -i jl-x6 (IPv6 side)"
cat "$tmp/v6.txt"
echo "== tcpdump -i jl-x4 (IPv4 side)"
cat "$tmp/v4.txt"

# 6->4: the request leaves Jool as 198.51.100.1 > 203.0.113.2 with the hop
# limit decremented (64 -> TTL 63); 4->6 likewise with 64:ff9b:1::cb00:7102.
grep -A1 'ttl 63,.*proto ICMP' "$tmp/v4.txt" |
	grep -q '198.51.100.1 > 203.0.113.2: ICMP echo request' ||
	fail "no translated 6->4 echo request (TTL 63) on jl-x4"
grep -A1 'hlim 63,.*ICMPv6' "$tmp/v6.txt" |
	grep -q '64:ff9b:1::cb00:7102 > 2001:db8:1:2::1234: \[icmp6 sum ok\] ICMP6, echo request' ||
	fail "no translated 4->6 echo request (hop limit 63) on jl-x6"

echo "== jool_siit -i $inst stats display"
x jool_siit -i "$inst" stats display

# One Netfilter SIIT instance per namespace, any number of namespaces.
if x jool_siit instance add jl-second --netfilter --pool6 64:ff9b:1::/96 2>/dev/null; then
	fail "a second Netfilter instance was accepted in jl-xl"
fi
h4 jool_siit instance add jl-other --netfilter --pool6 64:ff9b:1::/96
echo "== instances in two namespaces at once"
jool_siit instance display
h4 jool_siit instance remove jl-other
x jool_siit instance remove "$inst"

cleanup
trap - EXIT
rmmod jool_siit jool_common
echo "jool smoke: ok"
