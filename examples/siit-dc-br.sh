#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Example 3: a SIIT-DC Border Relay (RFC 7755): IPv6-only servers in a data
# centre, reachable from the IPv4 Internet at public IPv4 addresses.
#
#   IPv4 Internet                Border Relay (this script)        IPv6-only DC
#   +-------------+           +----------------------------+     +-------------------+
#   | 192.0.2.7   |-- INET ---| EAM IPv4 prefixes xlat 4->6|-DC--| 2001:db8:46::1    |
#   | (a client)  |           | PREF64           xlat 6->4 |     |  = 203.0.113.1    |
#   +-------------+           +----------------------------+     | 2001:db8:46::1:80 |
#                                                                |  = 198.51.100.80  |
#                                                                +-------------------+
#
#   192.0.2.7 -> 203.0.113.1            becomes
#   2001:db8:46:64::c000:207 -> 2001:db8:46::1, and back.
#
# The two kinds of addresses (RFC 7755, RFC 7757):
# - The servers' public IPv4 addresses map to their IPv6 addresses through
#   explicit address mappings (EAM, RFC 7757): a block (203.0.113.0/24 <->
#   2001:db8:46::/120, the last octet kept) or one server at a time
#   (198.51.100.80/32 <-> 2001:db8:46::1:80/128). The servers keep ordinary
#   IPv6 addresses and need no IPv4 at all.
# - IPv4 clients appear inside the data centre as PREF64 + IPv4 (RFC 6052),
#   PREF64 being a prefix of the operator's own space (a network-specific
#   prefix; the well-known 64:ff9b::/96 would work too for global clients).
#
# Being stateless, the BR can be replicated and anycast: every copy with the
# same configuration translates every packet the same way. It announces the EAM IPv4 prefixes to the IPv4 Internet (BGP)
# and PREF64 into the data centre (its IGP): both are ordinary routes here.
#
# An IPv4 packet of 1500 bytes becomes an IPv6 packet of 1520: give the DC
# side an MTU of at least 1520 where you can. Otherwise the BR answers too
# big IPv4 packets with DF by Fragmentation Needed (mtu 1480) and fragments
# the others (RFC 7915 section 4).
#
# Usage, as root:
#   [VAR=value ...] sh siit-dc-br.sh up|down|show
# In a network namespace (this is how selftests/xlat_examples.sh runs it):
#   ip netns exec NS env INET=eth0 DC=eth1 sh siit-dc-br.sh up
#
# The values below are examples from the documentation ranges; put yours.
# $XLAT holds the words of the encap, split on purpose where it is used.
# shellcheck disable=SC2086
set -eu

: "${INET:=eth0}"			# towards the IPv4 Internet
: "${DC:=eth1}"				# towards the IPv6-only data centre
: "${PREF64:=2001:db8:46:64::/96}"	# IPv4 clients, seen from the DC
# The EAM table: IPV4PREFIX,IPV6PREFIX pairs with the same number of host
# bits on both sides (RFC 7757 section 3). Up to 256 entries per route.
: "${EAMS:=203.0.113.0/24,2001:db8:46::/120 198.51.100.80/32,2001:db8:46::1:80/128}"
# Optional: the source of ICMPv4 errors that come from DC routers with no
# IPv4 form (RFC 6791). The default, 192.0.0.8 (RFC 7600), is filtered as a
# bogon by many IPv4 networks, which breaks path MTU discovery towards the
# DC; one of your public addresses is safer. Empty: the default.
: "${ICMP_POOL4:=}"

# `count`: the routes keep counters of their own (`ip -s route show`);
# without it only the namespace's totals count (nstat 'XlatExt*').
XLAT="remote-prefix6 $PREF64 count"
for pair in $EAMS; do
	XLAT="$XLAT eam ${pair%,*} ${pair#*,}"
done
[ -z "$ICMP_POOL4" ] || XLAT="$XLAT icmp-source-pool4 $ICMP_POOL4"

up() {
	# 1. A router forwards both families.
	sysctl -qw net/ipv4/ip_forward=1
	sysctl -qw net/ipv6/conf/all/forwarding=1

	# 2. 6->4: the servers' traffic to IPv4 clients, addressed to
	#    PREF64 + IPv4. The source is found in the EAM table, the
	#    destination is extracted from PREF64. The IPv4 result is
	#    forwarded by the IPv4 routes (INET). A server that talks to
	#    another server's public IPv4 address is hairpinned (RFC 7757
	#    section 4): translated to IPv4, then straight back to IPv6.
	#    The encap does not use the route's device, but an IPv6 route
	#    needs one with IPv6 on: DC (INET may well be IPv4-only).
	ip -6 route add "$PREF64" encap xlat $XLAT dev "$DC"

	# 3. 4->6: one IPv4 route per EAM IPv4 prefix, all with the same
	#    encap: the destination is found in the EAM table, the client's
	#    source is embedded in PREF64; the IPv6 result is forwarded by
	#    the IPv6 routes (DC). dev DC also serves the reverse-path
	#    filter: the servers' translated packets (step 2) count as
	#    received on DC, which has no IPv4 address, and with rp_filter on
	#    the kernel accepts their EAM sources only if these routes point
	#    at DC.
	for pair in $EAMS; do
		ip route add "${pair%,*}" encap xlat $XLAT dev "$DC"
	done
}

down() {
	for pair in $EAMS; do
		ip route del "${pair%,*}" dev "$DC" 2>/dev/null || true
	done
	ip -6 route del "$PREF64" dev "$DC" 2>/dev/null || true
}

show() {
	for pair in $EAMS; do
		ip -s route show "${pair%,*}"
	done
	ip -s -6 route show "$PREF64"
	nstat -as 'XlatExt*'
}

case "${1:-up}" in
up) up ;;
down) down ;;
show) show ;;
*) echo "usage: $0 up|down|show" >&2; exit 2 ;;
esac
