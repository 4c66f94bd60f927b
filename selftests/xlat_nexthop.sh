#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# xlat routes the way routing daemons install them (FRR's zebra): nexthop
# objects (RTM_NEWNEXTHOP with NHA_ENCAP), nexthop groups, and multipath
# routes with one encap per path, in both directions. Each form must
# translate real traffic, dump back the encap it was given (ip nexthop
# show, ip route show), and, with L4 hashing, spread flows over its paths:
# every path's own counters move and they add up to what was sent.
#
#   +--- ns nh-h4 ---+     +------------- ns nh-r ---------------+     +------- ns nh-h6 --------+
#   | h4             |-----| r4 192.0.0.2/29                     |     |                         |
#   | 192.0.0.1/29   |     |  0.0.0.0/0 -> xlat 4->6 (nhid/mpath) |     | 2001:db8:1::2/64        |
#   | default via    |     |  2001:db8:1:2::1234 -> xlat 6->4     |-----| h6                      |
#   |   192.0.0.2    |     | r6 2001:db8:1::1/64                  |     | 64:ff9b:1:c633:64:700:: |
#   +----------------+     | d1 dummy: the second path's device   |     |  (198.51.100.7)         |
#                          +-------------------------------------+     +-------------------------+
#
# The translated packet is routed in its new family (xlat.rst "The
# model"), so both paths leave through r6: what the paths differ in is the
# encap that translates the flow, which is what the counters show.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

H4=nh-h4-$$
R=nh-r-$$
H6=nh-h6-$$
SRV4=198.51.100.7
SRV6=64:ff9b:1:c633:64:700::
CLAT6=2001:db8:1:2::1234
CFG="remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 $CLAT6/128 count"
FLOWS=64

ns_new $H4
ns_new $R
ns_new $H6
veth $H4 h4 $R r4
veth $H6 h6 $R r6
ip -n $R link add d1 type dummy
ip -n $R link set d1 up
ip -n $R addr add 2001:db8:ff::1/64 dev d1 nodad
ip -n $H4 addr add 192.0.0.1/29 dev h4
ip -n $H4 route add default via 192.0.0.2
ip -n $R addr add 192.0.0.2/29 dev r4
ip -n $R addr add 2001:db8:1::1/64 dev r6 nodad
ip -n $H6 addr add 2001:db8:1::2/64 dev h6 nodad
ip -n $H6 addr add $SRV6/128 dev h6 nodad
ip -n $H6 route add $CLAT6/128 via 2001:db8:1::1
ip netns exec $R sysctl -qw net.ipv4.ip_forward=1
ip netns exec $R sysctl -qw net.ipv6.conf.all.forwarding=1
# Hash on the 5-tuple: the flows below differ in their ports only
ip netns exec $R sysctl -qw net.ipv4.fib_multipath_hash_policy=1
ip netns exec $R sysctl -qw net.ipv6.fib_multipath_hash_policy=1
ip -n $R -6 route add 64:ff9b:1::/48 via 2001:db8:1::2

# shellcheck disable=SC2317 # run by check
in4() { ip netns exec "$H4" "$@"; }
# shellcheck disable=SC2317 # run by check
in6() { ip netns exec "$H6" "$@"; }

# The encap words of each "encap xlat ... " in the input, one a line.
encaps() {
	grep -oE 'encap xlat .*' |
		sed -E 's/ (packets [0-9]+ .*)?(via [0-9a-f:.]+ )?dev [a-z0-9]+.*//'
}
# The packets counters in the input, one a line, in dump order.
packets() {
	grep -oE 'packets [0-9]+' | cut -d' ' -f2
}
sum() { awk '{ s += $1 } END { print s + 0 }'; }

# udp_flows NS SRC DST: FLOWS datagrams, each from a source port of its
# own.
# shellcheck disable=SC2317 # run by check
udp_flows() {
	ip netns exec "$1" python3 - "$2" "$3" "$FLOWS" <<'PY'
import socket, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
fam = socket.AF_INET6 if ":" in dst else socket.AF_INET
for i in range(n):
    s = socket.socket(fam, socket.SOCK_DGRAM)
    s.bind((src, 20000 + i))
    s.sendto(b"flow %d" % i, (dst, 9))
    s.close()
PY
}

# spread WHAT DIR SHOW-ARGS...: after udp_flows, the per-path counters of
# "ip -s SHOW-ARGS" (one a line) are all non-zero and add up to FLOWS more
# than BEFORE (a global set by the caller).
spread() {
	local what=$1 out n total
	shift
	ip -n $R -s "$@" | sed "s/^/# /"
	out=$(ip -n $R -s "$@" | packets)
	n=$(wc -l <<< "$out")
	total=$(sum <<< "$out")
	check_eq "$what: $n paths counted" 2 "$n"
	# shellcheck disable=SC2016,SC2086,SC2116 # echo joins $out's lines; bash -c expands its $0
	check "$what: every path translated flows ($(echo $out))" \
		bash -c '! grep -qx 0 <<< "$0"' "$out"
	check_eq "$what: the paths add up to the $FLOWS flows sent" \
		$((BEFORE + FLOWS)) "$total"
}

# --- nexthop objects ------------------------------------------------------

# shellcheck disable=SC2086 # $CFG: the encap's arguments, split on purpose
check "nexthop object: ip nexthop add id 10 encap xlat (IPv4)" \
	ip -n $R nexthop add id 10 encap xlat $CFG dev r6
# shellcheck disable=SC2086 # $CFG: the encap's arguments, split on purpose
check "nexthop object: ip -6 nexthop add id 20 encap xlat" \
	ip -n $R -6 nexthop add id 20 encap xlat $CFG dev r6
check_eq "ip nexthop show id 10: the encap given" "encap xlat $CFG" \
	"$(ip -n $R nexthop show id 10 | encaps)"
check_eq "ip nexthop show id 20: the encap given" "encap xlat $CFG" \
	"$(ip -n $R nexthop show id 20 | encaps)"
check "route through nexthop 10: 0.0.0.0/0 nhid 10" \
	ip -n $R route add default nhid 10
check "route through nexthop 20: $CLAT6/128 nhid 20" \
	ip -n $R -6 route add $CLAT6/128 nhid 20
check "nhid routes: ping 4->6->4" in4 ping -c 3 -i 0.2 -W 2 $SRV4
check "nhid routes: ping from the IPv6 side (6->4->6)" \
	in6 ping -c 2 -i 0.2 -W 2 -I $SRV6 $CLAT6
check_eq "ip route show: the IPv4 route names its nexthop" "default nhid 10" \
	"$(ip -n $R route show default | grep -oE '^default nhid [0-9]+')"

# Replacing the nexthop swaps the encap under the route
NEW="remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 $CLAT6/128 tclass zero"
# shellcheck disable=SC2086 # $NEW: the encap's arguments, split on purpose
check "ip nexthop replace id 10: a new encap" \
	ip -n $R nexthop replace id 10 encap xlat $NEW dev r6
check_eq "ip nexthop show id 10: the new encap" "encap xlat $NEW" \
	"$(ip -n $R nexthop show id 10 | encaps)"
check "after nexthop replace: ping 4->6->4" in4 ping -c 2 -i 0.2 -W 2 $SRV4

check_refused "nexthop object: a bad encap is refused with the reason" \
	"remote-prefix6: /80 is not 32, 40, 48, 56, 64 or 96 (RFC 6052)" \
	ip -n $R nexthop add id 19 encap xlat remote-prefix6 64:ff9b::/80 dev r6

# --- nexthop groups -------------------------------------------------------

ip -n $R route del default
ip -n $R -6 route del $CLAT6/128
check "nexthop group: two xlat nexthops (r6, d1) in group 13" bash -c "
	ip -n $R nexthop add id 11 encap xlat $CFG dev r6 &&
	ip -n $R nexthop add id 12 encap xlat $CFG dev d1 &&
	ip -n $R nexthop add id 13 group 11/12"
check "nexthop group: 0.0.0.0/0 nhid 13" ip -n $R route add default nhid 13
# A group has no family of its own (ip nexthop add without -6)
check "nexthop group: IPv6 group 23 of two xlat nexthops" bash -c "
	ip -n $R -6 nexthop add id 21 encap xlat $CFG dev r6 &&
	ip -n $R -6 nexthop add id 22 encap xlat $CFG dev d1 &&
	ip -n $R nexthop add id 23 group 21/22 &&
	ip -n $R -6 route add $CLAT6/128 nhid 23"
check "nexthop group: ping 4->6->4" in4 ping -c 3 -i 0.2 -W 2 $SRV4
# Counters of a nexthop object: its encap, dumped with ip -s nexthop
BEFORE=$( { ip -n $R -s nexthop show id 11; ip -n $R -s nexthop show id 12; } |
	packets | sum)
check "$FLOWS UDP flows sent ($H4 192.0.0.1 $SRV4)" udp_flows $H4 192.0.0.1 $SRV4
out=$( { ip -n $R -s nexthop show id 11; ip -n $R -s nexthop show id 12; } |
	packets)
# shellcheck disable=SC2016,SC2086,SC2116 # as in spread()
check "nexthop group 4->6: both nexthops translated flows ($(echo $out))" \
	bash -c '[ $(wc -l <<< "$0") = 2 ] && ! grep -qx 0 <<< "$0"' "$out"
check_eq "nexthop group 4->6: the nexthops add up to the $FLOWS flows" \
	$((BEFORE + FLOWS)) "$(sum <<< "$out")"
BEFORE=$( { ip -n $R -s -6 nexthop show id 21; ip -n $R -s -6 nexthop show id 22; } |
	packets | sum)
check "$FLOWS UDP flows sent ($H6 $SRV6 $CLAT6)" udp_flows $H6 $SRV6 $CLAT6
out=$( { ip -n $R -s -6 nexthop show id 21; ip -n $R -s -6 nexthop show id 22; } |
	packets)
# shellcheck disable=SC2016,SC2086,SC2116 # as in spread()
check "nexthop group 6->4: both nexthops translated flows ($(echo $out))" \
	bash -c '[ $(wc -l <<< "$0") = 2 ] && ! grep -qx 0 <<< "$0"' "$out"
check_eq "nexthop group 6->4: the nexthops add up to the $FLOWS flows" \
	$((BEFORE + FLOWS)) "$(sum <<< "$out")"

ip -n $R route del default
ip -n $R -6 route del $CLAT6/128
ip -n $R nexthop flush > /dev/null

# --- multipath routes, an encap per path -----------------------------------

# shellcheck disable=SC2086 # $CFG: the encap's arguments, split on purpose
check "multipath: 0.0.0.0/0 nexthop encap xlat dev r6 nexthop encap xlat dev d1" \
	ip -n $R route add default nexthop encap xlat $CFG dev r6 \
	nexthop encap xlat $CFG dev d1
# IPv6 multipath routes need a gateway per path (the kernel refuses
# device-only ones); the translated packet does not use it.
# shellcheck disable=SC2086 # $CFG: the encap's arguments, split on purpose
check_refused "IPv6 multipath without gateways: the kernel's refusal" \
	"Device only routes can not be added for IPv6 using the multipath API" \
	ip -n $R -6 route add $CLAT6/128 nexthop encap xlat $CFG dev r6 \
	nexthop encap xlat $CFG dev d1
# shellcheck disable=SC2086 # $CFG: the encap's arguments, split on purpose
check "multipath: $CLAT6/128 with two xlat paths (via a gateway each)" \
	ip -n $R -6 route add $CLAT6/128 \
	nexthop via 2001:db8:1::2 encap xlat $CFG dev r6 \
	nexthop via 2001:db8:ff::2 encap xlat $CFG dev d1
check_eq "ip route show: both paths' encaps as given" \
	"$(printf 'encap xlat %s\nencap xlat %s' "$CFG" "$CFG")" \
	"$(ip -n $R route show default | encaps)"
check_eq "ip -6 route show: both paths' encaps as given" \
	"$(printf 'encap xlat %s\nencap xlat %s' "$CFG" "$CFG")" \
	"$(ip -n $R -6 route show $CLAT6/128 | encaps)"
check "multipath: ping 4->6->4" in4 ping -c 3 -i 0.2 -W 2 $SRV4
BEFORE=$(ip -n $R -s route show default | packets | sum)
check "$FLOWS UDP flows sent ($H4 192.0.0.1 $SRV4)" udp_flows $H4 192.0.0.1 $SRV4
spread "multipath 4->6 (ECMP, L4 hash)" route show default
BEFORE=$(ip -n $R -s -6 route show $CLAT6/128 | packets | sum)
check "$FLOWS UDP flows sent ($H6 $SRV6 $CLAT6)" udp_flows $H6 $SRV6 $CLAT6
spread "multipath 6->4 (ECMP, L4 hash)" -6 route show $CLAT6/128

# shellcheck disable=SC2086 # $CFG: the encap's arguments, split on purpose
check "multipath: ip route replace with one path" \
	ip -n $R route replace default encap xlat $CFG dev r6
check "after replace: ping 4->6->4" in4 ping -c 2 -i 0.2 -W 2 $SRV4

# --- across families ------------------------------------------------------------

# An IPv6 route can not use an IPv4 nexthop object: the kernel refuses it
# for any nexthop (fib6_check_nexthop()), xlat or not.
ip -n $R route del default
ip -n $R -6 route del $CLAT6/128
ip -n $R nexthop flush > /dev/null
# shellcheck disable=SC2086 # $CFG: the encap's arguments, split on purpose
ip -n $R nexthop add id 30 encap xlat $CFG dev r6
check_refused "an IPv6 route over an IPv4 nexthop object: the kernel's refusal" \
	"IPv6 routes can not use an IPv4 nexthop" \
	ip -n $R -6 route add $CLAT6/128 nhid 30
# An IPv4 route may use an IPv6 nexthop (RFC 5549, with an IPv6 gateway):
# its encap, built for IPv6, then sees IPv4 packets and must translate
# them 4->6, by their family. One IPv6 nexthop object serves both routes.
# shellcheck disable=SC2086 # $CFG: the encap's arguments, split on purpose
check "one IPv6 nexthop object (id 31) with a gateway and encap xlat" \
	ip -n $R -6 nexthop add id 31 via 2001:db8:1::2 encap xlat $CFG dev r6
check "an IPv4 route over it: 0.0.0.0/0 nhid 31" \
	ip -n $R route add default nhid 31
check "and the IPv6 route: $CLAT6/128 nhid 31" \
	ip -n $R -6 route add $CLAT6/128 nhid 31
# ns_packets: the namespace's totals, 4->6 and 6->4 (nstat XlatExt*).
ns_packets() {
	echo "$(xlat_mib $R Packets4to6) $(xlat_mib $R Packets6to4)"
}
read -r n46 n64 <<< "$(ns_packets)"
check "IPv4 route over the IPv6 nexthop: ping 4->6->4" \
	in4 ping -c 3 -i 0.2 -W 2 $SRV4
read -r m46 m64 <<< "$(ns_packets)"
out=$(ip -n $R -s nexthop show id 31)
check_eq "the shared nexthop counted both directions (3 + 3), dropped nothing" \
	"6|" "$(packets <<< "$out")|$(grep -oE 'drop [a-z0-9-]+ [0-9]+' <<< "$out")"
check_eq "namespace MIB: 3 more packets each way, each in its own direction" \
	"3 3" "$((m46 - n46)) $((m64 - n64))"

xlat_done
