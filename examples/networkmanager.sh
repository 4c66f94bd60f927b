#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Example 5: what a network manager (systemd-networkd, a phone's
# connectivity service, NetworkManager) could do per connection to run a
# CLAT with xlat routes: the netlink messages, one by one, each with the
# `ip` command that sends the same message.
#
# This is the single-host CLAT of clat-host.sh, with proxy ND: the simplest
# sequence for a manager of its own. It is not what NetworkManager 1.58
# does: NetworkManager joins the CLAT address as anycast, and its 6->4
# route then goes in table local with the PLAT prefix as source prefix.
# That sequence, and the bytes of its messages, are in
# Documentation/networking/xlat.rst ("NetworkManager"), tested by
# selftests/xlat_nm.sh and run by tools/libxlat's `clat-example nm`.
#
# The life cycle of one connection on DEV:
#   up       the connection is IPv6-only (no DHCPv4 lease, or DHCPv4 said
#            "IPv6-only preferred", RFC 8925) and a PREF64 is known (RA
#            option, RFC 8781; or RFC 7050 discovery): steps 0 to 7.
#   replace  a new PREF64 arrives: both routes are replaced, in one
#            message each (step 8).
#   down     the connection goes away, or PREF64 expires: step 9.
#   show     the counters, as a dump (step 10).
#
# Conventions for every request below: the netlink header carries
# NLM_F_REQUEST | NLM_F_ACK plus the flags given; the socket has
# NETLINK_EXT_ACK set, so that a refusal comes back as NLMSG_ERROR with a
# text (NLMSGERR_ATTR_MSG, e.g. "remote-prefix6: /100 is not 32, 40, 48,
# 56, 64 or 96 (RFC 6052)") and the offset of the attribute at fault
# (NLMSGERR_ATTR_OFFS). A refused message changes nothing. Addresses in attributes are in network
# byte order; DEV and CLAT_DEV stand for their interface indexes.
#
# Usage, as root:
#   [VAR=value ...] sh networkmanager.sh up|replace|down|show
# In a network namespace (this is how selftests/xlat_examples.sh runs it):
#   ip netns exec NS env DEV=eth0 PREF64=64:ff9b:1::/48 sh networkmanager.sh up
#
# The values below are examples from the documentation ranges; put yours.
# $XLAT holds the words of the encap, split on purpose where it is used.
# shellcheck disable=SC2086
set -eu

: "${DEV:=eth0}"			# the connection's interface
: "${CLAT_DEV:=clat}"			# dummy interface that holds CLAT4
: "${CLAT4:=192.0.0.1}"			# RFC 7335
: "${CLAT6:=2001:db8:1:2::1234}"	# a spare address of DEV's /64
: "${PREF64:=64:ff9b::/96}"		# from the RA (RFC 8781)
: "${MTU:=1280}"
: "${METRIC:=2048}"
# ---- xlatctl variant (tools/libxlat) ---------------------------------------
# tools/libxlat is a libnl-3 library with a CLI, xlatctl, that builds the
# route messages of steps 6, 7, 8 and 9 itself: the code a network manager
# would link. XLATCTL=path/to/xlatctl makes this script use it for the
# routes instead of `ip`; everything else stays `ip`.
: "${XLATCTL:=}"
# 1: set net.netfilter.nf_hooks_lwtunnel in step 0; 0: leave it.
: "${NF_HOOKS:=1}"
# ----------------------------------------------------------------------------

# `count`: the routes keep counters of their own (`ip -s route show`);
# without it only the namespace's totals count (nstat 'XlatExt*').
XLAT="remote-prefix6 $PREF64 local-map $CLAT4/32 $CLAT6/128 count"

up() {
	# Step 0. No netlink: the IPv6 per-interface settings have no
	# rtnetlink setter (IFLA_INET6_CONF is read-only), so they are
	# written to /proc/sys/net/ipv6/conf/DEV/. The kernel answers
	# Neighbor Solicitations for a proxy entry only where forwarding
	# and proxy_ndp are on; accept_ra=2 keeps Router Advertisements
	# (and the default route learned from them) with forwarding on, and
	# must come first. A manager restores the old values in step 9.
	sysctl -qw "net/ipv6/conf/$DEV/accept_ra=2"
	sysctl -qw "net/ipv6/conf/$DEV/forwarding=1"
	sysctl -qw "net/ipv6/conf/$DEV/proxy_ndp=1"
	# The translated replies are tracked by conntrack, as a stateful
	# firewall (firewalld's "ct state invalid drop") needs, only with the
	# netfilter hooks around the translation: the kernel runs them for
	# lightweight tunnels only with this global switch, which cannot
	# be turned off again until reboot (Documentation/networking/xlat.rst,
	# "Netfilter"). A manager sets it once and leaves it.
	if [ "$NF_HOOKS" = 1 ]; then
		sysctl -qw net.netfilter.nf_hooks_lwtunnel=1 ||
			echo "networkmanager: no nf_hooks_lwtunnel switch" \
			     "(nf_conntrack not loaded?)" >&2
	fi

	# Step 1. DAD for CLAT6 (RFC 6877 section 6.3, RFC 4862 5.4), before
	# anything uses it.
	#   RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL:
	#     struct ifaddrmsg { ifa_family = AF_INET6, ifa_prefixlen = 128,
	#         ifa_index = DEV }
	#     IFA_ADDRESS  CLAT6
	#     IFA_FLAGS    IFA_F_NOPREFIXROUTE (u32)
	#   then listen on RTNLGRP_IPV6_IFADDR: an RTM_NEWADDR for CLAT6
	#   without IFA_F_TENTATIVE means unique, with IFA_F_DADFAILED taken
	#   (`ip monitor address` shows those notifications; here `ip addr
	#   show` polls for them); then RTM_DELADDR with the same keys.
	ip -6 addr add "$CLAT6/128" dev "$DEV" noprefixroute
	i=0
	while [ -n "$(ip -6 addr show dev "$DEV" to "$CLAT6/128" tentative)" ]; do
		if [ -n "$(ip -6 addr show dev "$DEV" to "$CLAT6/128" dadfailed)" ] ||
		   [ $i -ge 50 ]; then
			ip -6 addr del "$CLAT6/128" dev "$DEV"
			echo "networkmanager: $CLAT6 is in use on $DEV (DAD)" >&2
			exit 1
		fi
		i=$((i + 1))
		sleep 0.1
	done
	ip -6 addr del "$CLAT6/128" dev "$DEV"

	# Step 2. RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL: the proxy entry,
	# so that the router on DEV finds CLAT6 (and DAD probes of other nodes
	# for it are answered).
	#   struct ndmsg { ndm_family = AF_INET6, ndm_ifindex = DEV,
	#       ndm_flags = NTF_PROXY, ndm_state = NUD_PERMANENT }
	#   NDA_DST         CLAT6
	ip -6 neigh add proxy "$CLAT6" dev "$DEV"

	# Step 3. RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL: the dummy device.
	#   struct ifinfomsg { ifi_family = AF_UNSPEC, ifi_index = 0 }
	#   IFLA_IFNAME     CLAT_DEV ("clat")
	#   IFLA_LINKINFO   nested: IFLA_INFO_KIND = "dummy"
	ip link add "$CLAT_DEV" type dummy

	# Step 4. RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL: the IPv4 address.
	#   struct ifaddrmsg { ifa_family = AF_INET, ifa_prefixlen = 32,
	#       ifa_scope = RT_SCOPE_UNIVERSE, ifa_index = CLAT_DEV }
	#   IFA_LOCAL       CLAT4
	#   IFA_ADDRESS     CLAT4
	ip addr add "$CLAT4/32" dev "$CLAT_DEV"

	# Step 5. RTM_NEWLINK (no create flags): up.
	#   struct ifinfomsg { ifi_index = CLAT_DEV, ifi_flags = IFF_UP,
	#       ifi_change = IFF_UP }
	ip link set "$CLAT_DEV" up

	# Steps 6 and 7.
	routes add
}

# Steps 6 and 7 (and 8 with "replace"): the two routes.
routes() {
	if [ -n "$XLATCTL" ]; then
		# ---- xlatctl variant: the same two messages via libxlat ----
		"$XLATCTL" -6 "$1" "$CLAT6/128" dev "$DEV" $XLAT
		"$XLATCTL" -4 "$1" default dev "$DEV" src "$CLAT4" \
			mtu "$MTU" metric "$METRIC" $XLAT
		return
	fi

	# Step 6. RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL (add) or
	# NLM_F_CREATE | NLM_F_REPLACE (replace): the 6->4 route.
	#   struct rtmsg { rtm_family = AF_INET6, rtm_dst_len = 128,
	#       rtm_table = RT_TABLE_MAIN, rtm_protocol = RTPROT_BOOT (ip's
	#       default; a daemon puts its own, e.g. RTPROT_STATIC, to find
	#       its routes again), rtm_scope = RT_SCOPE_UNIVERSE,
	#       rtm_type = RTN_UNICAST }
	#   RTA_DST         CLAT6 (16 bytes)
	#   RTA_OIF         DEV (u32)
	#   RTA_ENCAP_TYPE  LWTUNNEL_ENCAP_XLAT (u16, <linux/lwtunnel.h>)
	#   RTA_ENCAP       nested (NLA_F_NESTED), <linux/lwtunnel_xlat.h>:
	#     XLAT_ATTR_REMOTE_PREFIX6  nested:
	#       XLAT_PFX_ADDR6  PREF64 (16 bytes, host bits zero)
	#       XLAT_PFX_LEN6   its length (u8: 32, 40, 48, 56, 64 or 96)
	#     XLAT_ATTR_LOCAL_MAP  nested:
	#       XLAT_PFX_ADDR4  CLAT4 (be32)     XLAT_PFX_LEN4  32 (u8)
	#       XLAT_PFX_ADDR6  CLAT6 (16 bytes) XLAT_PFX_LEN6  128 (u8)
	#     XLAT_ATTR_STATS  an empty nest ("count"): the route's own counters
	# Installed before the IPv4 route, so the first replies have a way in.
	ip -6 route "$1" "$CLAT6/128" encap xlat $XLAT dev "$DEV"

	# Step 7. RTM_NEWROUTE, same flags: the 4->6 default route.
	#   struct rtmsg { rtm_family = AF_INET, rtm_dst_len = 0 (no RTA_DST),
	#       rtm_table = RT_TABLE_MAIN, rtm_protocol = RTPROT_BOOT,
	#       rtm_scope = RT_SCOPE_LINK (no gateway: the encap re-routes
	#       the packet as IPv6), rtm_type = RTN_UNICAST }
	#   RTA_OIF         DEV (the encap ignores it; the reverse-path
	#                   filter needs it, see clat-host.sh)
	#   RTA_PREFSRC     CLAT4 (the source of local sockets)
	#   RTA_PRIORITY    METRIC (u32; a native IPv4 default route wins)
	#   RTA_METRICS     nested: RTAX_MTU = MTU (u32). The route then
	#                   reports MTU - 20 to IPv4 (the encap's headroom):
	#                   1260-byte IPv4 packets, 1280-byte IPv6 ones.
	#   RTA_ENCAP_TYPE  LWTUNNEL_ENCAP_XLAT
	#   RTA_ENCAP       the same nest as in step 6
	ip route "$1" default encap xlat $XLAT \
		dev "$DEV" src "$CLAT4" mtu "$MTU" metric "$METRIC"
}

# Step 8. PREF64 changed (a new RA): the same two RTM_NEWROUTE messages
# with NLM_F_CREATE | NLM_F_REPLACE and the new PREF64 in RTA_ENCAP. The
# kernel matches the existing route by its keys (family, table,
# destination, TOS, priority), builds the new encap state and swaps it in
# whole: no packet sees half of each configuration. The counters of the
# encap start again from zero.
replace() {
	routes replace
}

down() {
	# Step 9, in the reverse order; each step tolerates a missing object.
	# RTM_DELROUTE { AF_INET, rtm_dst_len = 0, RT_TABLE_MAIN,
	#     rtm_scope = RT_SCOPE_NOWHERE (any) } RTA_OIF = DEV,
	#     RTA_PRIORITY = METRIC: first, so that no new IPv4 packet leaves.
	# RTM_DELROUTE { AF_INET6, rtm_dst_len = 128 } RTA_DST = CLAT6,
	#     RTA_OIF = DEV.
	if [ -n "$XLATCTL" ]; then
		# ---- xlatctl variant ----
		"$XLATCTL" -4 del default dev "$DEV" metric "$METRIC" \
			2>/dev/null || true
		"$XLATCTL" -6 del "$CLAT6/128" dev "$DEV" 2>/dev/null || true
	else
		ip route del default dev "$DEV" metric "$METRIC" \
			2>/dev/null || true
		ip -6 route del "$CLAT6/128" dev "$DEV" 2>/dev/null || true
	fi
	# RTM_DELNEIGH { AF_INET6, ndm_ifindex = DEV, ndm_flags = NTF_PROXY }
	#     NDA_DST = CLAT6.
	ip -6 neigh del proxy "$CLAT6" dev "$DEV" 2>/dev/null || true
	# RTM_DELLINK { ifi_index = CLAT_DEV }: its address goes with it.
	ip link del "$CLAT_DEV" 2>/dev/null || true
	# /proc/sys: the values from before step 0 (here: the defaults).
	sysctl -qw "net/ipv6/conf/$DEV/proxy_ndp=0" || true
	sysctl -qw "net/ipv6/conf/$DEV/forwarding=0" || true
}

# Step 10. RTM_GETROUTE, NLM_F_DUMP, for AF_INET and AF_INET6. In the
# answer, the RTA_ENCAP of each xlat route carries its configuration (the
# attributes that were given, nothing else) and, for a route added with
# XLAT_ATTR_STATS, its counters in it: XLAT_STATS_PACKETS,
# XLAT_STATS_BYTES and one XLAT_STATS_DROP nest (XLAT_DROP_ATTR_REASON, a
# u32 of enum xlat_drop_reason; XLAT_DROP_ATTR_COUNT) per drop reason
# that occurred. The totals of the namespace are the MIB counters
# XlatExt of /proc/net/netstat (nstat 'XlatExt*').
show() {
	if [ -n "$XLATCTL" ]; then
		"$XLATCTL" show -s
	else
		ip -s route show default dev "$DEV"
		ip -s -6 route show "$CLAT6/128"
	fi
	nstat -as 'XlatExt*'
}

case "${1:-up}" in
up) up ;;
replace) replace ;;
down) down ;;
show) show ;;
*) echo "usage: $0 up|replace|down|show" >&2; exit 2 ;;
esac
