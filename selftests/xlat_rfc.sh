#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# RFC 7915 / RFC 7757 conformance through real routes: packets built with
# scapy from the RFC rules (tools/xlat-rfc-cases.py) are sent as raw
# frames into the translator and what comes out on either side is compared
# byte for byte (tools/xlat-replay.py). What KUnit checks on xlat_46() and
# xlat_64() alone, this checks with the route glue, the kernel's ICMP
# errors, fragmentation and reassembly.
#
#   +--- ns rfc-n6 ---------+      +-------- ns rfc-x --------+      +-- ns rfc-n4 --+
#   | 2001:db8:1c0:2:21::   |------| 2001:db8:1c0:2:1::/64    |      |               |
#   |  (192.0.2.33 under    |  x6  |  2001:db8:100::/40 6->4  |  x4  | 198.51.100.2  |
#   |   the /40)            |      |  192.0.2.0/24      4->6  |------|  (2001:db8:   |
#   | IPv6 hosts 2001:db8:3:|      |  2001:db8:3::/120 via n6 |      |  1c6:3364:2::)|
#   |  (203.0.113.0/24)     |      | 198.51.100.1/24          |      |               |
#   +-----------------------+      +--------------------------+      +---------------+
#
# Both encap routes: remote-prefix6 2001:db8:100::/40,
#   eam 198.51.100.0/24 2001:db8:1c6:3364::/72, eam 203.0.113.0/24 2001:db8:3::/120
# The end namespaces drop whatever they receive (after the capture).
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

N6=rfc-n6-$$
X=rfc-x-$$
N4=rfc-n4-$$
CASES="python3 $(dirname "$0")/../tools/xlat-rfc-cases.py"
REPLAY="python3 $(dirname "$0")/../tools/xlat-replay.py"
CFG=(remote-prefix6 2001:db8:100::/40 eam 198.51.100.0/24 2001:db8:1c6:3364::/72 eam 203.0.113.0/24 2001:db8:3::/120)

require scapy

for n in $N6 $X $N4; do ns_new "$n"; done
veth $N6 n6 $X x6
veth $N4 n4 $X x4
ip -n $N6 addr add 2001:db8:1c0:2:21::/64 dev n6 nodad
ip -n $X addr add 2001:db8:1c0:2:1::/64 dev x6 nodad
ip -n $X addr add 198.51.100.1/24 dev x4
ip -n $N4 addr add 198.51.100.2/24 dev n4
ip -n $X -6 route add 2001:db8:3::/120 via 2001:db8:1c0:2:21::
ip netns exec $X sysctl -qw net.ipv4.ip_forward=1 \
	net.ipv6.conf.all.forwarding=1 net.ipv4.icmp_ratelimit=0 \
	net.ipv6.icmp.ratelimit=0 net.ipv6.auto_flowlabels=0
mac() { ip -n "$1" -j link show dev "$2" | python3 -c \
	'import json, sys; print(json.load(sys.stdin)[0]["address"])'; }
ip -n $X neigh add 2001:db8:1c0:2:21:: lladdr "$(mac $N6 n6)" dev x6 nud permanent
ip -n $X neigh add 198.51.100.2 lladdr "$(mac $N4 n4)" dev x4 nud permanent
# The sink: one statement a line, as nft 1.0.6 wants it (a one-line table
# is a syntax error there). Without it the end namespaces would answer the
# test packets, so a failure stops the test.
for n in $N6 $N4; do
	ip netns exec "$n" nft -f - <<'NFT' ||
table inet sink {
	chain pre {
		type filter hook prerouting priority -400; policy drop;
	}
}
NFT
		{ fail "nft: the sink table of $n"; xlat_done; }
done

tmp=$(mktemp -d)
trap 'xlat_exit; rm -rf "$tmp"' EXIT

# group NAME MTU6 ATTRS...: the routes of a group, then its cases.
group() {
	local name=$1 mtu=$2 line
	shift 2
	ip -n $X link set x6 mtu "$mtu"
	ip -n $N6 link set n6 mtu "$mtu"
	ip -n $X -6 route replace 2001:db8:100::/40 encap xlat "${CFG[@]}" "$@" dev x4
	ip -n $X route replace 192.0.2.0/24 encap xlat "${CFG[@]}" "$@" dev x6
	$CASES corpus "$name" > "$tmp/$name.corpus"
	$REPLAY --side6 $N6:n6 --side4 $N4:n4 --peer6 $X:x6 --peer4 $X:x4 \
		--marker6 2001:db8:1c0:2:21::,2001:db8:1c6:3364:2:: \
		--marker4 198.51.100.2,192.0.2.33 \
		"$tmp/$name.corpus" > "$tmp/$name.results"
	$CASES check "$name" "$tmp/$name.results" > "$tmp/$name.check"
	while IFS= read -r line; do
		case $line in
		ok\ *) pass "${line#ok }" ;;
		FAIL\ *) fail "${line#FAIL }" ;;
		*) echo "$line" ;;
		esac
	done < "$tmp/$name.check"
}

group base 1500 lowest-ipv6-mtu 1280
group lowest 1500 lowest-ipv6-mtu 1280
group mtu1280 1280
group udpdrop 1500 udp-zero-checksum drop
group udpcompute 1500 udp-zero-checksum compute

xlat_done
