#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Example 2: a CLAT on a router (464XLAT, RFC 6877) for an IPv4 LAN behind
# it, with a delegated IPv6 prefix: no NAT44 anywhere.
#
#   IPv4 LAN 192.0.2.0/24           router (this script)            IPv6-only
#   +-----------+                +-----------------------+          network
#   | 192.0.2.2 |---- LAN -------| 192.0.2.1             |          and PLAT
#   +-----------+                | 0.0.0.0/0 xlat 4->6   |---- WAN ----> ...
#                                | CLAT_PREFIX6 xlat 6->4|
#                                +-----------------------+
#
#   192.0.2.2 -> 198.51.100.7 becomes
#   2001:db8:100:64::c000:202 -> PREF64 + 198.51.100.7, and back.
#
# Every LAN host keeps its own IPv4 address, embedded in its own IPv6
# address (RFC 6052, /96 format). RFC 6877 section 6.3: a CLAT "should
# acquire ... a dedicated /64 prefix for the purpose of sending and
# receiving statelessly translated packets", typically out of the prefix
# delegated to the router by DHCPv6-PD (RFC 8415); with one, the CLAT needs
# no NAT44 and no proxy ND. Here a /96 of that /64 is used, because the RFC
# 6052 embedding of a /24 needs a /96 (any of the RFC 6052 lengths works:
# /32, /40, /48, /56, /64, /96).
#
# The upstream routes the whole delegated prefix to this router, so
# nothing has to answer Neighbor Discovery for the translated addresses.
#
# Usage, as root:
#   [VAR=value ...] sh clat-router.sh up|down|show
# In a network namespace (this is how selftests/xlat_examples.sh runs it):
#   ip netns exec NS env WAN=wan0 LAN=lan0 sh clat-router.sh up
#
# The values below are examples from the documentation ranges; put yours.
# $XLAT holds the words of the encap, split on purpose where it is used.
# shellcheck disable=SC2086
set -eu

: "${WAN:=wan0}"			# the IPv6-only uplink
: "${LAN:=lan0}"			# the IPv4 LAN
: "${LAN_NET4:=192.0.2.0/24}"		# the LAN's IPv4 prefix
: "${LAN_ADDR4:=192.0.2.1}"		# this router on the LAN
: "${CLAT_PREFIX6:=2001:db8:100:64::/96}"	# out of the delegated prefix
: "${PREF64:=64:ff9b::/96}"		# the PLAT's prefix (RFC 6052, 8781)
: "${MTU:=1280}"			# IPv6 size of translated packets

# local-map with unequal suffix lengths (8 bits of IPv4, 32 of IPv6) is
# the RFC 6052 kind: 192.0.2.x is embedded in CLAT_PREFIX6, and
# LAN_NET4 is the domain of IPv4 sources allowed in. A packet from any
# other IPv4 source (a spoofed one, or a second LAN nobody mapped) is
# dropped and counted as no-near-side-mapping.
# `count`: the routes keep counters of their own (`ip -s route show`);
# without it only the namespace's totals count (nstat 'XlatExt*').
XLAT="remote-prefix6 $PREF64 local-map $LAN_NET4 $CLAT_PREFIX6 count"

up() {
	# 1. A router forwards both families. With IPv6 forwarding on,
	#    the uplink still needs accept_ra=2 to learn its default route
	#    from Router Advertisements (set first: turning forwarding on
	#    deletes RA-learned default routes where accept_ra is not 2).
	sysctl -qw "net/ipv6/conf/$WAN/accept_ra=2"
	sysctl -qw net/ipv6/conf/all/forwarding=1
	sysctl -qw net/ipv4/ip_forward=1

	# 2. The router's own LAN address (a DHCPv4 server on LAN hands out
	#    the rest of LAN_NET4, with this address as the gateway). It is
	#    inside LAN_NET4, so the router's own IPv4 traffic is translated
	#    too. "replace": no error if it is there already.
	ip addr replace "$LAN_ADDR4/${LAN_NET4#*/}" dev "$LAN"

	# 3. 6->4: packets to the LAN's translated addresses. They arrive on
	#    WAN and meet this route instead of being forwarded (the LWT
	#    input redirect); the IPv4 result is routed to LAN with exactly
	#    one TTL decrement for this hop.
	ip -6 route add "$CLAT_PREFIX6" encap xlat $XLAT dev "$WAN"

	# 4. 4->6: the IPv4 default route. LAN packets meet it instead of
	#    ip_forward(); the IPv6 result is forwarded by the router's IPv6
	#    routes (its default route via WAN).
	#    - mtu: the IPv4 route reports MTU - 20, so IPv4 packets of at
	#      most 1260 bytes become IPv6 packets of at most 1280, which cross
	#      any IPv6 path. Bigger IPv4 packets with DF get Fragmentation
	#      Needed (mtu 1260) from this router, those without DF are
	#      fragmented. Hand the LAN an MTU of 1260 (DHCPv4 option 26) to
	#      spare the hosts the path MTU discovery, or raise this when the
	#      path to the PLAT is known to be wider.
	#    - dev WAN: translated packets from the IPv6 side (step 3) count
	#      as received on WAN, which has no IPv4 address; with rp_filter
	#      on, the kernel accepts their sources only if the route back
	#      points at WAN.
	#    - src: the router's own IPv4 packets leave from LAN_ADDR4 (WAN
	#      has no IPv4 address), which local-map accepts.
	ip route add default encap xlat $XLAT \
		dev "$WAN" src "$LAN_ADDR4" mtu "$MTU"
}

down() {
	# The routes only: the LAN address and forwarding may serve more.
	ip route del default dev "$WAN" 2>/dev/null || true
	ip -6 route del "$CLAT_PREFIX6" dev "$WAN" 2>/dev/null || true
}

show() {
	ip -s route show default dev "$WAN"
	ip -s -6 route show "$CLAT_PREFIX6"
	nstat -as 'XlatExt*'
}

case "${1:-up}" in
up) up ;;
down) down ;;
show) show ;;
*) echo "usage: $0 up|down|show" >&2; exit 2 ;;
esac
