#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Example 4: a stateful NAT64 (the function of RFC 6146) built from the
# stateless xlat encap and nftables masquerade: SIIT + NAT44.
#
#   IPv6-only clients            NAT64 router (this script)             IPv4 Internet
#   +------------------+      +--------------------------------+      +--------------+
#   | 2001:db8:6::110  |      | PREF64         xlat 6->4       |      | 198.51.100.7 |
#   | 2001:db8:6::111  |-LAN6-| POOL4          xlat 4->6       |-WAN4-|  (a server)  |
#   |  (DNS64 hands    |      | masquerade on WAN4             |      +--------------+
#   |   out PREF64+v4) |      | 198.51.100.1 on WAN4           |
#   +------------------+      +--------------------------------+
#
# The clients reach IPv4 destinations at PREF64 + IPv4 (RFC 6052), the
# addresses a DNS64 (RFC 6147) synthesises; the IPv4 Internet sees one IPv4
# address, the router's.
#
# Which addresses the 6->4 translation gives: the destination comes out of
# PREF64; the source, a client address, has no IPv4 form of its own. The
# encap's symmetric mode (remote-prefix6 only) cannot translate it: it would
# have to lie inside PREF64 too. So a local-map entry maps the clients 1:1
# (RFC 7757: same number of host bits on both sides) into POOL4, an IPv4
# pool that never leaves this box: 2001:db8:6::110 becomes 192.0.2.16.
# Masquerade then rewrites 192.0.2.16 to the router's address on WAN4, with
# ports to tell the clients apart. local-map also acts as the filter: an
# IPv6 source outside CLIENTS6 is dropped (no-near-side-mapping), so only
# the clients you list get NAT64.
#   CLIENTS6 is a /120 here, the clients numbered ::100 to ::1ff (a DHCPv6
#   range, or static). A larger pool takes a larger POOL4: a /112 of
#   clients needs a /16 (RFC 6598's 100.64.0.0/10 has room for it, as long as
#   it is not used elsewhere in your network). SLAAC addresses, spread over
#   a whole /64, cannot be mapped 1:1: for those use a CLAT on the client
#   (clat-host.sh) or a stateful NAT64 (Jool, TAYGA).
#
# Why the switch: netfilter's NAT needs a conntrack entry, and conntrack
# creates entries in PREROUTING (or OUTPUT for local packets). A packet
# translated by an xlat route passes PREROUTING of its new family only when
# net.netfilter.nf_hooks_lwtunnel is 1, a global switch of the kernel's, 0
# by default, which cannot be turned off again until reboot
# (Documentation/networking/xlat.rst, "Netfilter"). Without it the
# translated packets go through FORWARD and POSTROUTING untracked, and
# `masquerade` (like every NAT rule) ignores them: they would leave with
# their POOL4 source. So up() sets it (NF_HOOKS=0 leaves it alone, and
# then this NAT64 does not work).
#
# The packet walk, one pass each way:
#   out  IPv6 client -> PREF64: the IPv6 route of step 2 translates it on
#        arrival (LWT input redirect), after IPv6 PREROUTING and, with the
#        switch, IPv6 POSTROUTING; the IPv4 packet, 192.0.2.16 ->
#        198.51.100.7, then goes through IPv4 PREROUTING (conntrack
#        starts tracking it), routing, FORWARD and POSTROUTING, where the
#        masquerade rule of step 4 rewrites its source to WAN4's address.
#   back the reply comes in on WAN4; conntrack in PREROUTING turns its
#        destination back into 192.0.2.16; the route of step 3 translates
#        it to IPv6 (from PREF64 + 198.51.100.7 to 2001:db8:6::110), which
#        goes through IPv6 PREROUTING and forwarding to the client.
# Filter on the IPv4 side (FORWARD sees the translated packets, with
# LAN6 as input interface, tracked); IPv6 FORWARD sees only the replies.
#
# Usage, as root:
#   [VAR=value ...] sh nat64.sh up|down|show
# In a network namespace (this is how selftests/xlat_examples.sh runs it):
#   ip netns exec NS env LAN6=lan6 WAN4=wan4 sh nat64.sh up
#
# The values below are examples from the documentation ranges; put yours.
# $XLAT holds the words of the encap, split on purpose where it is used.
# shellcheck disable=SC2086
set -eu

: "${LAN6:=lan6}"			# towards the IPv6-only clients
: "${WAN4:=wan4}"			# towards the IPv4 Internet
: "${PREF64:=64:ff9b::/96}"		# the NAT64 prefix (DNS64's, RFC 6052)
: "${CLIENTS6:=2001:db8:6::100/120}"	# the clients allowed in ...
: "${POOL4:=192.0.2.0/24}"		# ... and their private IPv4 twins
# 1: set net.netfilter.nf_hooks_lwtunnel (see above); 0: leave it.
: "${NF_HOOKS:=1}"

# `count`: the routes keep counters of their own (`ip -s route show`);
# without it only the namespace's totals count (nstat 'XlatExt*').
XLAT="remote-prefix6 $PREF64 local-map $POOL4 $CLIENTS6 count"

up() {
	# 1. A router forwards both families.
	sysctl -qw net/ipv4/ip_forward=1
	sysctl -qw net/ipv6/conf/all/forwarding=1
	#    And netfilter around the translations, for conntrack and NAT
	#    (see "Why the switch" above); down() leaves it on.
	if [ "$NF_HOOKS" = 1 ]; then
		sysctl -qw net.netfilter.nf_hooks_lwtunnel=1 ||
			echo "nat64: no nf_hooks_lwtunnel switch" \
			     "(nf_conntrack not loaded?): masquerade will not" \
			     "see the translated packets" >&2
	fi

	# 2. 6->4: packets from the clients to PREF64 are translated on
	#    arrival (LWT input redirect) and routed as IPv4. The encap does
	#    not use the route's device, but an IPv6 route needs one with
	#    IPv6 on: LAN6 has it for sure (maybe not an IPv4-only WAN4).
	ip -6 route add "$PREF64" encap xlat $XLAT dev "$LAN6"

	# 3. 4->6: replies, once conntrack has turned their destination back
	#    into a POOL4 address, are translated to IPv6 and forwarded to
	#    the clients. The device says where POOL4 lives, the clients'
	#    side: the reverse-path check of the translated packets, which
	#    count as received on LAN6, relies on it.
	ip route add "$POOL4" encap xlat $XLAT dev "$LAN6"

	# 4. nftables: NAT44 of the translated packets, which leave through
	#    WAN4 with a POOL4 source: masquerade them to WAN4's address (snat
	#    to ADDR, or to a range of public addresses, works the same).
	#    Only the first packet of a connection meets the rule; conntrack
	#    applies it to the rest and reverses it on the replies.
	nft -f - <<-EOF
	table ip nat64 {
		chain postrouting {
			type nat hook postrouting priority srcnat; policy accept;
			oifname "$WAN4" ip saddr $POOL4 counter masquerade
		}
	}
	EOF
}

down() {
	nft delete table ip nat64 2>/dev/null || true
	ip route del "$POOL4" dev "$LAN6" 2>/dev/null || true
	ip -6 route del "$PREF64" dev "$LAN6" 2>/dev/null || true
}

show() {
	ip -s -6 route show "$PREF64"
	ip -s route show "$POOL4"
	nft list table ip nat64
	nstat -as 'XlatExt*'
}

case "${1:-up}" in
up) up ;;
down) down ;;
show) show ;;
*) echo "usage: $0 up|down|show" >&2; exit 2 ;;
esac
