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
# Why the veth loop: netfilter's NAT needs a conntrack entry, and conntrack
# creates entries in PREROUTING (or OUTPUT for local packets). A packet
# translated by an xlat route passes PREROUTING of its new family only when
# net.netfilter.nf_hooks_lwtunnel is 1 (a global switch of the kernel's, 0
# by default; Documentation/networking/xlat.rst, "Netfilter"). Without it
# the 6->4 route hands the IPv4 packet straight to IPv4 routing and
# forwarding. The translated packet then goes through FORWARD and
# POSTROUTING without a conntrack entry, and `masquerade` (like every NAT
# rule) ignores it: it would leave with its POOL4 source. So the translated
# packets take one turn through a veth pair inside this machine: out of
# LOOP_A, in again on LOOP_B, through PREROUTING where conntrack sees them.
# The cost: the NAT64 router counts as two IPv4 hops for them (the TTL
# drops by 2 on the way out, by 1 on the way back). This script needs no
# setting of the switch and leaves it alone; with the switch at 1 the loop
# is not needed (the masquerade rule alone does it), but it still works.
#
# The packet walk, client -> server:
#   1. 2001:db8:6::110 -> PREF64+198.51.100.7 arrives on LAN6. IPv6
#      PREROUTING (table ip6 nat64): packets from LAN6 to PREF64 get the
#      mark MARK.
#   2. IPv6 routing matches the PREF64 route: its encap (LWT input
#      redirect) translates it instead of forwarding it:
#      192.0.2.16 -> 198.51.100.7, TTL = hop limit (not yet decremented),
#      mark kept.
#   3. The encap routes the IPv4 packet as received on LAN6: the rule
#      "fwmark MARK iif LAN6" sends it to table TABLE: out of LOOP_A
#      towards a made-up next hop whose neighbour entry is LOOP_B's MAC
#      address. (IPv4 FORWARD and POSTROUTING see it here, untracked;
#      TTL - 1.)
#   4. It comes in on LOOP_B: IPv4 PREROUTING, conntrack creates
#      192.0.2.16:port -> 198.51.100.7:port. The rule does not match on
#      LOOP_B: the main table forwards it to WAN4 (TTL - 1).
#   5. IPv4 POSTROUTING (table ip nat64): `masquerade` rewrites the source
#      to WAN4's address, 198.51.100.1, and the port if needed; conntrack
#      remembers it.
# And back, server -> client:
#   6. 198.51.100.7 -> 198.51.100.1 arrives on WAN4. PREROUTING: conntrack
#      finds the entry and undoes the NAT: destination 192.0.2.16.
#   7. IPv4 routing matches the POOL4 route: its encap translates it:
#      PREF64+198.51.100.7 -> 2001:db8:6::110 (local-map backwards).
#   8. The IPv6 packet is forwarded to LAN6 (hop limit - 1).
#
# Why the mark, and not just "iif LAN6": the reverse-path filter
# (rp_filter, on in most distributions) checks the source of the reply in
# step 7 with a lookup as if it came in on the reply's outgoing interface,
# LAN6, from 192.0.2.16 to 198.51.100.7: a rule "from POOL4 iif LAN6" would
# match that lookup too and answer LOOP_A, and a strict filter would drop
# the reply. That lookup carries no mark, so "fwmark MARK iif LAN6" matches
# only the packets of step 3.
#
# Firewalling: the IPv4 FORWARD hook sees the translated packets twice,
# first untracked (step 3: `ct state invalid drop` would drop them; accept
# iifname LAN6 oifname LOOP_A before such rules), then tracked (step 4).
# The packet walk, one pass each way:
#   out  IPv6 client -> PREF64: the IPv6 route of step 2 translates it on
#        arrival (LWT input redirect); the IPv4 packet, 192.0.2.16 ->
#        198.51.100.7, then goes through IPv4 PREROUTING (conntrack
#        starts tracking it), routing, FORWARD and POSTROUTING, where the
#        masquerade rule of step 4 rewrites its source to WAN4's address.
#   back the reply comes in on WAN4; conntrack in PREROUTING turns its
#        destination back into 192.0.2.16; the route of step 3 translates
#        it to IPv6 (from PREF64 + 198.51.100.7 to 2001:db8:6::110), which
#        goes through IPv6 PREROUTING and forwarding to the client.
# Filter on the IPv4 side (FORWARD sees the translated packets, with
# LAN6 as input interface); IPv6 FORWARD sees only the replies.
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

XLAT="remote-prefix6 $PREF64 local-map $POOL4 $CLIENTS6"

up() {
	# 1. A router forwards both families.
	sysctl -qw net/ipv4/ip_forward=1
	sysctl -qw net/ipv6/conf/all/forwarding=1

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
	cat /proc/net/xlat
}

case "${1:-up}" in
up) up ;;
down) down ;;
show) show ;;
*) echo "usage: $0 up|down|show" >&2; exit 2 ;;
esac
