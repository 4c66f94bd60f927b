#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A SIIT-DC border relay (RFC 7755) with explicit address mappings
# (RFC 7757): IPv6-only servers reachable from IPv4, and intrinsic
# hairpinning (RFC 7757 section 4.2.2) between two of them.
#
#   +--- ns si-c4 ---+     +------------ ns si-br ------------+     +--- ns si-s6 ----------+
#   | c4             |-----| b4 198.51.100.1/24               |     | s6 2001:db8:46::1/64  |
#   | 198.51.100.7/24|     |  203.0.113.0/24  encap xlat 4->6 |-----|    2001:db8:46::2/64  |
#   | default via .1 |     |  64:ff9b:1::/48  encap xlat 6->4 |     |  (servers A and B,    |
#   +----------------+     | b6 2001:db8:46::ff/64            |     |   203.0.113.1 and .2) |
#                          +----------------------------------+     +-----------------------+
#
# Both routes carry: remote-prefix6 64:ff9b:1::/48
#                    eam 203.0.113.0/24 2001:db8:46::/120
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require socat

C4=si-c4-$$
BR=si-br-$$
S6=si-s6-$$
CFG=(remote-prefix6 64:ff9b:1::/48 eam 203.0.113.0/24 2001:db8:46::/120 count)

ns_new $C4
ns_new $BR
ns_new $S6
veth $C4 c4 $BR b4
veth $S6 s6 $BR b6
ip -n $C4 addr add 198.51.100.7/24 dev c4
ip -n $C4 route add default via 198.51.100.1
ip -n $BR addr add 198.51.100.1/24 dev b4
ip -n $BR addr add 2001:db8:46::ff/64 dev b6 nodad
ip -n $S6 addr add 2001:db8:46::1/64 dev s6 nodad
ip -n $S6 addr add 2001:db8:46::2/64 dev s6 nodad
ip -n $S6 route add 64:ff9b:1::/48 via 2001:db8:46::ff
ip netns exec $BR sysctl -qw net.ipv4.ip_forward=1
ip netns exec $BR sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n $BR route add 203.0.113.0/24 encap xlat "${CFG[@]}" dev b6
ip -n $BR -6 route add 64:ff9b:1::/48 encap xlat "${CFG[@]}" dev b4

counter() {
	local name=$1
	shift
	ip -n $BR -s "$@" | sed -nE "s/.* $name ([0-9]+).*/\\1/p"
}

check "IPv4 client reaches IPv6 server A at 203.0.113.1" \
	ip netns exec $C4 ping -c 2 -i 0.2 -W 2 203.0.113.1
check "and server B at 203.0.113.2" \
	ip netns exec $C4 ping -c 2 -i 0.2 -W 2 203.0.113.2

# Hairpinning (RFC 7757 section 4.2.2, intrinsic): A connects to B's IPv4
# address in the IPv6 prefix (64:ff9b:1:cb00:71:200:: is 203.0.113.2
# under the /48). The 6->4 route translates the packet to IPv4 and
# straight back: B sees A as 64:ff9b:1:cb00:71:100:: (203.0.113.1 in RFC
# 6052 form), so B's answers come through the translator again. TCP needs
# both directions; the IPv4 route is never used.
tmp=$(mktemp -d)
before4=$(counter packets route show 203.0.113.0/24)
before6=$(counter packets -6 route show 64:ff9b:1::/48)
ip netns exec $S6 timeout 30 socat "TCP6-LISTEN:6000,bind=[2001:db8:46::2]" \
	SYSTEM:"echo \$SOCAT_PEERADDR > $tmp/peer; cat" &
wait_port $S6 tcp 6000
ip netns exec $S6 timeout 10 tcpdump -ni s6 -Q in -c 1 -v \
	"tcp and dst port 6000" > "$tmp/dump" 2>/dev/null &
sleep 1
reply=$(echo hairpin | ip netns exec $S6 timeout 10 socat - \
	"TCP6:[64:ff9b:1:cb00:71:200::]:6000,bind=[2001:db8:46::1]")
wait
check_eq "hairpin: A's TCP connection to B's IPv4 address echoes" \
	hairpin "$reply"
# socat writes the peer address in full.
check_eq "hairpin: B sees A in RFC 6052 form (RFC 7757 4.2.2)" \
	"[0064:ff9b:0001:cb00:0071:0100:0000:0000]" "$(cat "$tmp/peer")"
check "hairpin: hop limit decremented once (64 -> 63)" \
	grep -q "hlim 63" "$tmp/dump"
check "hairpin: translated by the IPv6 route only, both ways" \
	test "$(counter packets -6 route show 64:ff9b:1::/48)" -ge \
	     $((before6 + 4)) -a \
	     "$(counter packets route show 203.0.113.0/24)" -eq "$before4"
rm -rf "$tmp"

xlat_done
