#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The netfilter hooks around a translation follow
# net.netfilter.nf_hooks_lwtunnel, as for the seg6, rpl and ioam6 encaps:
# with 1, the packet that comes to an encap passes POSTROUTING of its own
# family (conntrack confirms its entry there), and the translated packet
# PREROUTING (when forwarded) or LOCAL_OUT (when this host sent it) of its
# new family (conntrack creates its entry there); with 0 (the kernel's
# default) neither. FORWARD and POSTROUTING of the new family run with
# either setting. Traffic flows with either setting; without the switch,
# no family tracks the flow: a translated packet is "ct state invalid".
#
# Topology: clat_topology (lib.sh), and on the router a second CLAT for its
# own address 192.0.0.3 (table 100 for packets from it), mapped to
# 2001:db8:1:2::1235, for locally generated packets.
#
# The switch is global (a static key), although each namespace shows it,
# and the kernel refuses to turn it off again (EBUSY): the 0 half runs only
# when the switch is still 0, which run.sh arranges by running this script,
# then xlat_examples.sh and xlat_clatd.sh (which set it), after all others.
# The switch stays on.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require nft

SWITCH=net.netfilter.nf_hooks_lwtunnel
if ! sysctl -n "$SWITCH" > /dev/null 2>&1; then
	echo "# SKIP: no $SWITCH (a kernel without CONFIG_LWTUNNEL or netfilter)"
	exit "$KSFT_SKIP"
fi

clat_topology nh || { fail "topology"; xlat_done; }
LOCAL_MAP=(remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.3/32
	2001:db8:1:2::1235/128)
ip -n "$R" addr add 192.0.0.3/32 dev lo
ip -n "$R" rule add from 192.0.0.3 lookup 100
ip -n "$R" route add default table 100 encap xlat "${LOCAL_MAP[@]}" dev r6
ip -n "$R" -6 route add 2001:db8:1:2::1235/128 encap xlat "${LOCAL_MAP[@]}" \
	dev r6
ip -n "$H6" route add 2001:db8:1:2::1235/128 via 2001:db8:1::1

# Counters of the translated packets, in the hooks of their new family
# (their sources never occur on the router's links as they are), and of
# the packets that come to the encaps, in POSTROUTING of their own family
# (their destinations are reached through the encaps only).
ip netns exec "$R" nft -f - <<'EOF' || fail "nft: the table of counters"
table inet hooks {
	chain c_pre {
		type filter hook prerouting priority 0;
		ip6 saddr 2001:db8:1:2::1234 counter name pre6
		ip saddr 198.51.100.7 ip daddr 192.0.0.1 counter name pre4
		ip saddr 198.51.100.7 ip daddr 192.0.0.3 counter name pre4local
	}
	chain c_out {
		type filter hook output priority 0;
		ip6 saddr 2001:db8:1:2::1235 counter name out6
	}
	chain c_fwd {
		type filter hook forward priority 0;
		ip6 saddr 2001:db8:1:2::1234 ct state new,established counter name tracked6
		ip6 saddr 2001:db8:1:2::1234 ct state invalid counter name invalid6
		ip saddr 198.51.100.7 ct state established counter name tracked4
		ip saddr 198.51.100.7 ct state invalid counter name invalid4
	}
	chain c_in {
		type filter hook input priority 0;
		ip saddr 198.51.100.7 ct state established counter name tracked4local
		ip saddr 198.51.100.7 ct state invalid counter name invalid4local
	}
	chain c_post {
		type filter hook postrouting priority 0;
		ip6 saddr 2001:db8:1:2::1234 counter name post6
		ip saddr 198.51.100.7 counter name post4
		ip saddr 192.0.0.1 ip daddr 198.51.100.7 counter name orig4
		ip saddr 192.0.0.3 ip daddr 198.51.100.7 counter name orig4local
		ip6 daddr 2001:db8:1:2::1234 counter name orig6
	}
	counter pre6 { }
	counter pre4 { }
	counter pre4local { }
	counter out6 { }
	counter post6 { }
	counter post4 { }
	counter tracked6 { }
	counter invalid6 { }
	counter tracked4 { }
	counter invalid4 { }
	counter tracked4local { }
	counter invalid4local { }
	counter orig4 { }
	counter orig4local { }
	counter orig6 { }
}
EOF

# packets NAME: the packets of counter NAME.
packets() {
	ip netns exec "$R" nft list counter inet hooks "$1" |
		sed -nE 's/.*packets ([0-9]+).*/\1/p'
}

reset() {
	ip netns exec "$R" nft reset counters table inet hooks > /dev/null
}

for on in 0 1; do
	if [ $on = 0 ] && [ "$(sysctl -n "$SWITCH")" = 1 ]; then
		skip "$SWITCH=0: the switch is on already (it cannot be turned off)"
		continue
	fi
	sysctl -qw "$SWITCH"=$on
	reset
	# Forwarded: 4->6 requests, 6->4 replies, 3 each.
	check "$SWITCH=$on: ping through the CLAT" \
		ip netns exec "$H4" ping -c 3 -i 0.2 -W 2 $SRV4
	# Local: the router's own 192.0.0.3, 2 requests and replies.
	check "$SWITCH=$on: ping from the router's own mapped address" \
		ip netns exec "$R" ping -c 2 -i 0.2 -W 2 -I 192.0.0.3 $SRV4
	n=$((on * 3))
	check_eq "$SWITCH=$on: 4->6 forwarded: IPv6 PREROUTING saw $n" \
		$n "$(packets pre6)"
	check_eq "$SWITCH=$on: 6->4 forwarded: IPv4 PREROUTING saw $n" \
		$n "$(packets pre4)"
	check_eq "$SWITCH=$on: 4->6 local: IPv6 LOCAL_OUT saw $((on * 2))" \
		$((on * 2)) "$(packets out6)"
	check_eq "$SWITCH=$on: 6->4 to this host: IPv4 PREROUTING saw $((on * 2))" \
		$((on * 2)) "$(packets pre4local)"
	check_eq "$SWITCH=$on: 4->6: IPv6 POSTROUTING saw all 3" \
		3 "$(packets post6)"
	check_eq "$SWITCH=$on: 6->4: IPv4 POSTROUTING saw all 3" \
		3 "$(packets post4)"
	# Conntrack creates entries in PREROUTING (and LOCAL_OUT): without
	# it, the translated packet has none in its new family, and is "ct
	# state invalid" to the filters after it.
	check_eq "$SWITCH=$on: 4->6: IPv6 FORWARD saw $n tracked" \
		$n "$(packets tracked6)"
	check_eq "$SWITCH=$on: 4->6: IPv6 FORWARD saw $((3 - n)) ct state invalid" \
		$((3 - n)) "$(packets invalid6)"
	# The packet that comes to an encap passes POSTROUTING of its own
	# family with the switch, where conntrack confirms its entry: the
	# replies, translated back, then belong to that connection.
	check_eq "$SWITCH=$on: 4->6 forwarded: IPv4 POSTROUTING saw $n before translation" \
		$n "$(packets orig4)"
	check_eq "$SWITCH=$on: 4->6 local: IPv4 POSTROUTING saw $((on * 2)) before translation" \
		$((on * 2)) "$(packets orig4local)"
	check_eq "$SWITCH=$on: 6->4 forwarded: IPv6 POSTROUTING saw $n before translation" \
		$n "$(packets orig6)"
	check_eq "$SWITCH=$on: 6->4 forwarded: IPv4 FORWARD saw $n replies established" \
		$n "$(packets tracked4)"
	check_eq "$SWITCH=$on: 6->4 forwarded: IPv4 FORWARD saw $((3 - n)) ct state invalid" \
		$((3 - n)) "$(packets invalid4)"
	check_eq "$SWITCH=$on: 6->4 to this host: IPv4 INPUT saw $((on * 2)) replies established" \
		$((on * 2)) "$(packets tracked4local)"
	check_eq "$SWITCH=$on: 6->4 to this host: IPv4 INPUT saw $((2 - on * 2)) ct state invalid" \
		$((2 - on * 2)) "$(packets invalid4local)"
done

xlat_done
