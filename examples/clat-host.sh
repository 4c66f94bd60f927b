#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Example 1: a single-host CLAT (464XLAT, RFC 6877) made of two xlat routes.
#
# An IPv6-only host (a laptop on an IPv6-only Wi-Fi, a VM, a container
# host) whose IPv4-only applications still have to reach the IPv4
# Internet, through the network's NAT64 (the PLAT, RFC 6146). The host
# translates its own IPv4 packets to IPv6 without state (RFC 7915); the
# PLAT does the stateful part.
#
#   IPv4 app, 192.0.0.1 -> 198.51.100.7
#     | default route, encap xlat (4->6)
#     v
#   2001:db8:1:2::1234 -> PREF64 + 198.51.100.7 ==== UPLINK ====> PLAT
#
#   PLAT ==== UPLINK ====> PREF64 + 198.51.100.7 -> 2001:db8:1:2::1234
#     | 2001:db8:1:2::1234/128 route, encap xlat (6->4)
#     v
#   IPv4 app, 198.51.100.7 -> 192.0.0.1 (local delivery)
#
# The addresses:
#   CLAT4   192.0.0.1, from the IPv4 Service Continuity Prefix 192.0.0.0/29
#           (RFC 7335). It sits on a dummy interface, so that local IPv4
#           sockets have an address to send from.
#   CLAT6   one /128 out of the uplink's /64, used for nothing else. RFC 6877
#           section 6.3: without a dedicated /64 (DHCPv6-PD, see
#           clat-router.sh) the CLAT uses one address "claimed by the CLAT via
#           the Neighbor Discovery Protocol (NDP) and defended with Duplicate
#           Address Detection (DAD)". It must not be an address of the host
#           itself: the kernel looks up the local table first, so a local
#           address would be delivered to the host's IPv6 stack and never
#           reach the 6->4 route.
#   PREF64  the PLAT's prefix (RFC 6052): the network announces it in its
#           Router Advertisements (PREF64 option, RFC 8781), or DNS64 reveals
#           it (RFC 7050, ipv4only.arpa). 64:ff9b::/96 is the well-known
#           prefix; it refuses to translate non-global IPv4 addresses (RFC
#           6052 section 3.1), so testing with documentation addresses needs
#           a network-specific prefix such as 64:ff9b:1::/48 (RFC 8215).
#
# Usage, as root:
#   [VAR=value ...] sh clat-host.sh up|down|show
# In a network namespace (this is how selftests/xlat_examples.sh runs it):
#   ip netns exec NS env UPLINK=eth0 REACH=proxy sh clat-host.sh up
#
# The values below are examples from the documentation ranges; put yours.
# The commands are plain `ip` and `sysctl` lines: copy them by hand if you
# prefer (sh -x clat-host.sh up prints them with the values filled in).
# $XLAT holds the words of the encap, split on purpose where it is used.
# shellcheck disable=SC2086
set -eu

: "${UPLINK:=eth0}"			# the IPv6-only interface
: "${CLAT_DEV:=clat}"			# dummy interface that holds CLAT4
: "${CLAT4:=192.0.0.1}"			# RFC 7335
: "${CLAT6:=2001:db8:1:2::1234}"	# a spare address of UPLINK's /64
: "${PREF64:=64:ff9b::/96}"		# the PLAT's prefix (RFC 6052)
: "${MTU:=1280}"			# IPv6 size of translated packets
: "${METRIC:=2048}"			# lose to any native IPv4 default
# How the network reaches CLAT6:
#   proxy  this host answers Neighbor Solicitations for CLAT6 (proxy ND)
#          and defends it: nothing to configure anywhere else.
#   route  the upstream router routes CLAT6/128 to this host (static route,
#          or the router's own CLAT support); no ND for CLAT6 here.
: "${REACH:=proxy}"
# 1: set net.netfilter.nf_hooks_lwtunnel (see up(), step 0); 0: leave it.
: "${NF_HOOKS:=1}"

# One encap configuration, the same on both routes: the far side is
# PREF64 (RFC 6052 embedding), the near side is this host, an explicit
# 1:1 mapping (RFC 7757) of CLAT4 to CLAT6. With local-map set, only
# packets from (4->6) or to (6->4) CLAT4/CLAT6 are translated: anything
# else is dropped and counted as no-near-side-mapping.
# `count`: the routes keep counters of their own (`ip -s route show`);
# without it only the namespace's totals count (nstat 'XlatExt*').
XLAT="remote-prefix6 $PREF64 local-map $CLAT4/32 $CLAT6/128 count"

# DAD for CLAT6 (RFC 4862 section 5.4), as RFC 6877 section 6.3 asks: hold
# the address on the uplink for a moment, tentative, and give up if another
# node has it. Proxy ND then defends it: the kernel answers every later
# Neighbor Solicitation for it, including other nodes' DAD probes.
dad_check() {
	ip -6 addr add "$CLAT6/128" dev "$UPLINK" noprefixroute
	i=0
	while [ -n "$(ip -6 addr show dev "$UPLINK" to "$CLAT6/128" tentative)" ]; do
		if [ -n "$(ip -6 addr show dev "$UPLINK" to "$CLAT6/128" dadfailed)" ] ||
		   [ $i -ge 50 ]; then
			ip -6 addr del "$CLAT6/128" dev "$UPLINK"
			echo "clat-host: $CLAT6 is in use on $UPLINK (DAD)" >&2
			exit 1
		fi
		i=$((i + 1))
		sleep 0.1
	done
	ip -6 addr del "$CLAT6/128" dev "$UPLINK"
}

up() {
	# 0. A firewall on this host that keys on conntrack ("ct state
	#    invalid drop" on input, as most desktop firewalls have) lets the
	#    translated replies in only if conntrack tracks the flow in both
	#    families, which needs the netfilter hooks around the translation:
	#    the kernel runs them for lightweight tunnels only with this
	#    switch (Documentation/networking/xlat.rst, "Netfilter"). It is
	#    global and cannot be turned off again until reboot, so down()
	#    leaves it on.
	if [ "$NF_HOOKS" = 1 ]; then
		sysctl -qw net.netfilter.nf_hooks_lwtunnel=1 ||
			echo "clat-host: no nf_hooks_lwtunnel switch" \
			     "(nf_conntrack not loaded?): a stateful firewall" \
			     "will drop the CLAT's replies" >&2
	fi

	# 1. Claim CLAT6 first, before anything uses it.
	if [ "$REACH" = proxy ]; then
		# The kernel answers Neighbor Solicitations for a proxy entry
		# only on an interface that has IPv6 forwarding on and
		# proxy_ndp set (net/ipv6/ndisc.c, ndisc_recv_ns()). The
		# per-interface switch is enough: this does not make the host
		# forward packets (that is conf/all/forwarding).
		# Forwarding makes an interface ignore Router Advertisements
		# unless accept_ra is 2, and turning it on deletes the default
		# routes learned from RAs on interfaces whose accept_ra is not
		# 2: so accept_ra=2 comes first. (sysctl's slash syntax copes
		# with interface names that contain dots, such as VLANs.)
		sysctl -qw "net/ipv6/conf/$UPLINK/accept_ra=2"
		sysctl -qw "net/ipv6/conf/$UPLINK/forwarding=1"
		sysctl -qw "net/ipv6/conf/$UPLINK/proxy_ndp=1"
		dad_check
		# The proxy entry: answer NS for CLAT6 on UPLINK with our MAC
		# (this also joins CLAT6's solicited-node multicast group).
		ip -6 neigh add proxy "$CLAT6" dev "$UPLINK"
	else
		# Nothing to do on this host: the router sends CLAT6 to us. On
		# the upstream router (Linux syntax), NEXTHOP being one of this
		# host's addresses on the link (its link-local one is usual):
		echo "clat-host: on the upstream router:" \
		     "ip -6 route add $CLAT6/128 via NEXTHOP dev IFACE"
	fi

	# 2. The IPv4 address of the host. A dummy interface keeps it
	#    independent of the uplink going up and down; /32, because there
	#    is no IPv4 subnet, only this one host.
	ip link add "$CLAT_DEV" type dummy
	ip addr add "$CLAT4/32" dev "$CLAT_DEV"
	ip link set "$CLAT_DEV" up

	# 3. 6->4: IPv6 packets to CLAT6 leave the IPv6 stack here (the LWT
	#    input redirect of the route), become IPv4 packets from
	#    PREF64-embedded sources to CLAT4, and are routed again: CLAT4 is
	#    local, so they are delivered to the sockets. Installed before the
	#    4->6 route, so the first replies already have a way in.
	ip -6 route add "$CLAT6/128" encap xlat $XLAT dev "$UPLINK"

	# 4. 4->6: the IPv4 default route. Locally generated packets go
	#    through the LWT output redirect: translated to CLAT6 ->
	#    PREF64+IPv4, then routed as IPv6 (the normal IPv6 default route
	#    via the uplink's router).
	#    - dev UPLINK: the encap ignores it, the reverse-path filter does
	#      not. With rp_filter on (strict or loose; most distributions
	#      turn it on), the translated replies count as received on
	#      UPLINK, which has no IPv4 address, and the kernel then accepts
	#      a source only if its route points at that very interface: the
	#      default route must say dev UPLINK.
	#    - src CLAT4: the source address of local sockets.
	#    - mtu: the IPv4 route reports MTU - 20 (the LWT headroom), so
	#      IPv4 packets of at most 1260 bytes become IPv6 packets of at
	#      most 1280, the IPv6 minimum link MTU (RFC 8200 section 5): no
	#      fragmentation and no path MTU discovery is needed on the IPv6
	#      side. Raise it if the path to the PLAT is known to be wider.
	#    - metric: a native IPv4 default route, if there is one, wins; a
	#      CLAT is meant for nodes without native IPv4
	#      (draft-ietf-v6ops-claton, "Enabling CLAT").
	ip route add default encap xlat $XLAT \
		dev "$UPLINK" src "$CLAT4" mtu "$MTU" metric "$METRIC"
}

down() {
	# The reverse order; every step tolerates a missing object.
	ip route del default dev "$UPLINK" metric "$METRIC" 2>/dev/null || true
	ip -6 route del "$CLAT6/128" dev "$UPLINK" 2>/dev/null || true
	if [ "$REACH" = proxy ]; then
		ip -6 neigh del proxy "$CLAT6" dev "$UPLINK" 2>/dev/null || true
		sysctl -qw "net/ipv6/conf/$UPLINK/proxy_ndp=0" || true
		sysctl -qw "net/ipv6/conf/$UPLINK/forwarding=0" || true
	fi
	ip link del "$CLAT_DEV" 2>/dev/null || true
}

# The routes with their counters (packets, bytes, drops by reason) and the
# namespace totals.
show() {
	ip -s route show default dev "$UPLINK"
	ip -s -6 route show "$CLAT6/128"
	ip -6 neigh show proxy dev "$UPLINK"
	nstat -as 'XlatExt*'
}

case "${1:-up}" in
up) up ;;
down) down ;;
show) show ;;
*) echo "usage: $0 up|down|show" >&2; exit 2 ;;
esac
