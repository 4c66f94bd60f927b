#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The deployment examples of examples/ (README.md there), each run as it is
# inside network namespaces and proven with real traffic. The namespaces
# that run an example use strict reverse-path filtering, and the IPv4
# uplinks of the BR and the NAT64 have IPv6 disabled: the examples must
# work there too.
#
# 1. clat-host.sh: a single-host CLAT, CLAT6 reached through a route on the
#    upstream router, then through proxy ND (no route upstream).
#
#   +----- ns ex1-h ------------+    +---- ns ex1-r -------------+    +---- ns ex1-s -------------+
#   | clat 192.0.0.1/32 (dummy) |    | d0 2001:db8:1:2::1/64     |    | eth0 2001:db8:ff::2/64    |
#   | eth0 2001:db8:1:2::10/64  |----| u0 2001:db8:ff::1/64      |----| 64:ff9b:1:c633:64:700::   |
#   | CLAT6 2001:db8:1:2::1234  |    | 64:ff9b:1::/48 via ex1-s  |    |  (198.51.100.7 under the  |
#   +---------------------------+    +---------------------------+    |   /48: stands in for the  |
#                                                                     |   PLAT and its server)    |
#                                                                     +---------------------------+
#
# 2. clat-router.sh: a downstream CLAT with a delegated prefix.
#
#   +---- ns ex2-l ----+    +------- ns ex2-r (CLAT) -------+    +------ ns ex2-u -------------+
#   | eth0 192.0.2.2/24|----| lan0 192.0.2.1/24             |    | d0 2001:db8:2::1/64         |
#   | default via .1   |    | wan0 2001:db8:2::2/64         |----| 2001:db8:100::/56 via ex2-r |
#   +------------------+    | 2001:db8:100:64::/96 xlat 6->4|    | lo 64:ff9b:1:c633:64:700::  |
#                           | 0.0.0.0/0            xlat 4->6|    +-----------------------------+
#                           +-------------------------------+
#
# 3. siit-dc-br.sh: a SIIT-DC border relay, with the example's own defaults.
#
#   +---- ns ex3-c ----+    +------- ns ex3-b (BR) ---------+    +------ ns ex3-s ---------------+
#   | eth0 192.0.2.7/24|----| eth0 192.0.2.1/24             |    | eth0 2001:db8:46::1/64 (.1)   |
#   | default via .1   |    | eth1 2001:db8:46::ff/64       |----|      2001:db8:46::2/64 (.2)   |
#   +------------------+    | EAM 203.0.113.0/24, .80/32    |    |      2001:db8:46::1:80/64     |
#                           | 2001:db8:46:64::/96 xlat 6->4 |    |  (198.51.100.80)              |
#                           +-------------------------------+    +-------------------------------+
#
# 4. nat64.sh: NAT64 from xlat and nftables masquerade; then 1 and 4
#    together: a CLAT host behind that NAT64 (464XLAT end to end).
#
#   +------ ns ex4-c -----------+    +------ ns ex4-n (NAT64) -------+    +---- ns ex4-s -----+
#   | eth0 2001:db8:6::110/64   |----| lan6 2001:db8:6::1/64         |    | eth0              |
#   |      2001:db8:6::111/64   |    | wan4 198.51.100.1/24          |----| 198.51.100.7/24   |
#   |      2001:db8:6::2/64     |    | 64:ff9b:1::/48 xlat 6->4      |    | (no route to      |
#   | + clat-host.sh, CLAT6     |    | 192.0.2.0/24   xlat 4->6      |    |  192.0.2.0/24)    |
#   |   2001:db8:6::1aa         |    | masquerade on wan4            |    +-------------------+
#   +---------------------------+    +-------------------------------+
#
# 5. networkmanager.sh: the per-connection sequence, with `ip` and, when
#    tools/libxlat/xlatctl is built, with xlatctl.
#
#   +----- ns ex5-h ------------+    +---- ns ex5-r -----------------------------+
#   | eth0 2001:db8:1:2::10/64  |----| d0 2001:db8:1:2::1/64                     |
#   | clat 192.0.0.1/32         |    | lo 64:ff9b:1:c633:64:700::, and after the |
#   | CLAT6 2001:db8:1:2::1234  |    |    PREF64 change 2001:db8:64::c633:6407   |
#   +---------------------------+    +-------------------------------------------+
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require socat

EX=$(cd "$(dirname "$0")/../examples" && pwd)
SRV4=198.51.100.7
SRV6=64:ff9b:1:c633:64:700::	# SRV4 under 64:ff9b:1::/48 (RFC 6052 2.2)
DATA=$XLAT_TMP/ex-data
head -c 1000000 /dev/urandom > "$DATA"
SUM=$(md5sum < "$DATA")

# example NS SCRIPT ACTION [VAR=value...]: run an example as documented.
example() {
	local ns=$1 script=$2 action=$3
	shift 3
	ip netns exec "$ns" env "$@" sh "$EX/$script" "$action"
}

# upload DESC SNS LISTEN CNS CONNECT: CNS sends $DATA over TCP to a socat
# listening in SNS; the md5 of what arrived must match. The server's view
# of its peer lands in $XLAT_TMP/ex-peer.
upload() {
	local desc=$1 sns=$2 listen=$3 cns=$4 connect=$5 port
	port=$(sed -nE 's/^[A-Z0-9]+-LISTEN:([0-9]+).*/\1/p' <<< "$listen")
	rm -f "$XLAT_TMP"/ex-recv "$XLAT_TMP"/ex-peer
	# shellcheck disable=SC2016 # socat's SYSTEM command expands it
	ip netns exec "$sns" timeout 30 socat -u "$listen" \
		SYSTEM:'echo "$SOCAT_PEERADDR" > $XLAT_TMP/ex-peer; cat > $XLAT_TMP/ex-recv' &
	wait_port "$sns" tcp "$port"
	ip netns exec "$cns" timeout 30 socat -u OPEN:"$DATA" "$connect"
	wait
	check_eq "$desc" "$SUM" "$(md5sum < "$XLAT_TMP"/ex-recv 2>/dev/null)"
}

# download DESC SNS LISTEN CNS CONNECT: the other way round.
download() {
	local desc=$1 sns=$2 listen=$3 cns=$4 connect=$5 port got
	port=$(sed -nE 's/^[A-Z0-9]+-LISTEN:([0-9]+).*/\1/p' <<< "$listen")
	ip netns exec "$sns" timeout 30 socat -u OPEN:"$DATA" "$listen" &
	wait_port "$sns" tcp "$port"
	got=$(ip netns exec "$cns" timeout 30 socat -u "$connect" - | md5sum)
	wait
	check_eq "$desc" "$SUM" "$got"
}

# counter NS NAME ROUTE-ARGS...: a counter of one route (ip -s).
counter() {
	local ns=$1 name=$2
	shift 2
	ip -n "$ns" -s "$@" | sed -nE "s/.* $name ([0-9]+).*/\\1/p"
}

# xlat_routes NS: the number of routes with an xlat encap, both families.
xlat_routes() {
	{ ip -n "$1" -4 route show table all; ip -n "$1" -6 route show table all; } |
		grep -c "encap xlat"
}

# ping_ok DESC NS ARGS...: a few echoes, all answered.
ping_ok() {
	local desc=$1 ns=$2
	shift 2
	check "$desc" ip netns exec "$ns" ping -c 3 -i 0.2 -W 2 "$@"
}

mac() { ip -n "$1" -br link show dev "$2" | awk '{ print $3 }'; }

# strict_rpf NS: strict reverse-path filtering on every interface (RFC
# 3704), stricter than the default, which the examples must survive.
strict_rpf() {
	ip netns exec "$1" sysctl -qw net.ipv4.conf.all.rp_filter=1 \
		net.ipv4.conf.default.rp_filter=1
}

# === 1. clat-host.sh ==========================================================

H=ex1-h-$$ R=ex1-r-$$ S=ex1-s-$$
CLAT6=2001:db8:1:2::1234
for n in $H $R $S; do ns_new "$n"; done
veth $H eth0 $R d0
veth $R u0 $S eth0
ip -n $H addr add 2001:db8:1:2::10/64 dev eth0 nodad
ip -n $H -6 route add default via 2001:db8:1:2::1
ip -n $R addr add 2001:db8:1:2::1/64 dev d0 nodad
ip -n $R addr add 2001:db8:ff::1/64 dev u0 nodad
ip -n $R -6 route add 64:ff9b:1::/48 via 2001:db8:ff::2
ip netns exec $R sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n $S addr add 2001:db8:ff::2/64 dev eth0 nodad
ip -n $S addr add $SRV6/128 dev eth0 nodad
ip -n $S -6 route add default via 2001:db8:ff::1
strict_rpf $H
# clat-host.sh, networkmanager.sh and nat64.sh set
# net.netfilter.nf_hooks_lwtunnel, which cannot be turned off again: run.sh
# runs this script after the others (and after xlat_nfhooks.sh).
EX1=(UPLINK=eth0 "CLAT6=$CLAT6" PREF64=64:ff9b:1::/48)

# --- CLAT6 routed by the upstream router; the host does not forward ---
check "clat-host: up (REACH=route)" \
	example $H clat-host.sh up "${EX1[@]}" REACH=route
ip -n $R -6 route add $CLAT6/128 via 2001:db8:1:2::10
ping_ok "clat-host (route): the host's own IPv4 ping to $SRV4" $H $SRV4
ping_ok "clat-host (route): ping from the IPv6 side to the CLAT" \
	$S -I $SRV6 $CLAT6
upload "clat-host (route): TCP 1 MB IPv4 host -> IPv6 server, md5" \
	$S "TCP6-LISTEN:5001,bind=[$SRV6],reuseaddr" \
	$H TCP4:$SRV4:5001
check_eq "clat-host (route): the server sees CLAT6" \
	"[2001:0db8:0001:0002:0000:0000:0000:1234]" "$(cat "$XLAT_TMP"/ex-peer)"
download "clat-host (route): TCP 1 MB IPv6 server -> IPv4 host, md5" \
	$S "TCP6-LISTEN:5002,bind=[$SRV6],reuseaddr" \
	$H TCP4:$SRV4:5002
# mtu 1280 on the route: 1260-byte IPv4 packets (1232 + 28), not one more.
check "clat-host: mtu 1280 lets 1260-byte IPv4 packets through with DF" \
	ip netns exec $H ping -c 1 -W 2 -M "do" -s 1232 $SRV4
out=$(ip netns exec $H ping -c 1 -W 2 -M "do" -s 1233 $SRV4 2>&1)
check "clat-host: and refuses 1261 bytes locally (route MTU 1260)" \
	grep -q "mtu=1260" <<< "$out"
out=$(example $H clat-host.sh show "${EX1[@]}" REACH=route)
check "clat-host: show prints the counters" \
	grep -q "encap xlat .* packets [1-9]" <<< "$out"
check "clat-host: show prints the namespace's totals (nstat XlatExt)" \
	grep -Eq "^XlatExtPackets4to6 +[1-9]" <<< "$out"
check "clat-host: down" example $H clat-host.sh down "${EX1[@]}" REACH=route
check_eq "clat-host: down leaves no xlat route" 0 "$(xlat_routes $H)"
check "clat-host: down removes the dummy device" \
	bash -c "! ip -n $H link show clat 2>/dev/null"
ip -n $R -6 route del $CLAT6/128

# --- proxy ND: no route upstream, the router finds CLAT6 by ND ---
ip -n $R -6 neigh flush dev d0
check "clat-host: up (REACH=proxy, with DAD)" \
	example $H clat-host.sh up "${EX1[@]}" REACH=proxy
check_eq "clat-host (proxy): the router has no route for CLAT6" "" \
	"$(ip -n $R -6 route show $CLAT6/128)"
ping_ok "clat-host (proxy): the host's own IPv4 ping to $SRV4" $H $SRV4
check "clat-host (proxy): the router learned CLAT6 at the host's MAC" \
	grep -q "lladdr $(mac $H eth0)" \
	<<< "$(ip -n $R -6 neigh show $CLAT6 dev d0)"
ping_ok "clat-host (proxy): ping from the IPv6 side to the CLAT" \
	$S -I $SRV6 $CLAT6
upload "clat-host (proxy): TCP 1 MB IPv4 host -> IPv6 server, md5" \
	$S "TCP6-LISTEN:5003,bind=[$SRV6],reuseaddr" \
	$H TCP4:$SRV4:5003
download "clat-host (proxy): TCP 1 MB IPv6 server -> IPv4 host, md5" \
	$S "TCP6-LISTEN:5004,bind=[$SRV6],reuseaddr" \
	$H TCP4:$SRV4:5004
check "clat-host: down (REACH=proxy)" \
	example $H clat-host.sh down "${EX1[@]}" REACH=proxy
check_eq "clat-host (proxy): down removes the proxy entry" "" \
	"$(ip -n $H -6 neigh show proxy)"

# --- DAD: CLAT6 already taken on the link ---
ip -n $R addr add $CLAT6/128 dev d0 nodad
check_refused "clat-host (proxy): DAD refuses an address in use" "in use" \
	example $H clat-host.sh up "${EX1[@]}" REACH=proxy
check_eq "clat-host (proxy): and installs no route" 0 "$(xlat_routes $H)"
example $H clat-host.sh down "${EX1[@]}" REACH=proxy
ip -n $R addr del $CLAT6/128 dev d0

# --- the script's default PREF64, 64:ff9b::/96, and documentation addresses ---
check "clat-host: up with the default PREF64 64:ff9b::/96" \
	example $H clat-host.sh up UPLINK=eth0 CLAT6=$CLAT6 REACH=route
check_refused "clat-host: 64:ff9b::/96 refuses $SRV4 (not global, RFC 6052 3.1)" \
	"" ip netns exec $H ping -c 1 -W 1 $SRV4
check_eq "clat-host: counted as untranslatable-destination" 1 \
	"$(counter $H "drop untranslatable-destination" route show default)"
example $H clat-host.sh down UPLINK=eth0 CLAT6=$CLAT6 REACH=route

# === 2. clat-router.sh ========================================================

L=ex2-l-$$ R=ex2-r-$$ U=ex2-u-$$
for n in $L $R $U; do ns_new "$n"; done
veth $L eth0 $R lan0
veth $R wan0 $U d0
ip -n $L addr add 192.0.2.2/24 dev eth0
ip -n $L route add default via 192.0.2.1
ip -n $R addr add 2001:db8:2::2/64 dev wan0 nodad
ip -n $R -6 route add default via 2001:db8:2::1
ip -n $U addr add 2001:db8:2::1/64 dev d0 nodad
ip -n $U addr add $SRV6/128 dev lo
# The delegated prefix (DHCPv6-PD would install this route).
ip -n $U -6 route add 2001:db8:100::/56 via 2001:db8:2::2
strict_rpf $R
EX2=(WAN=wan0 LAN=lan0 PREF64=64:ff9b:1::/48)
LANHOST6=2001:db8:100:64::c000:202	# 192.0.2.2 in 2001:db8:100:64::/96

check "clat-router: up" example $R clat-router.sh up "${EX2[@]}"
ping_ok "clat-router: LAN host 192.0.2.2 pings $SRV4" $L $SRV4
ping_ok "clat-router: the IPv6 side pings the LAN host at $LANHOST6" \
	$U -I $SRV6 $LANHOST6
upload "clat-router: TCP 1 MB LAN host -> IPv6 server (PMTUD to 1260), md5" \
	$U "TCP6-LISTEN:5011,bind=[$SRV6],reuseaddr" \
	$L TCP4:$SRV4:5011
check_eq "clat-router: the server sees the LAN host's own address (no NAT44)" \
	"[2001:0db8:0100:0064:0000:0000:c000:0202]" "$(cat "$XLAT_TMP"/ex-peer)"
download "clat-router: TCP 1 MB IPv6 server -> LAN host, md5" \
	$U "TCP6-LISTEN:5012,bind=[$SRV6],reuseaddr" \
	$L TCP4:$SRV4:5012
ping_ok "clat-router: the router's own ping (src 192.0.2.1)" $R $SRV4
# The TCP transfer taught the host the path MTU: forget it first.
ip -n $L route flush cache
out=$(ip netns exec $L ping -c 1 -W 2 -M "do" -s 1300 $SRV4 2>&1)
# shellcheck disable=SC2001 # prefixes every line of a multi-line string
echo "$out" | sed 's/^/# /'
check "clat-router: 1328-byte DF packet: Frag Needed mtu 1260 from the router" \
	grep -q "From 192.0.2.1 .*mtu = 1260" <<< "$out"
check "clat-router: down" example $R clat-router.sh down "${EX2[@]}"
check_eq "clat-router: down leaves no xlat route" 0 "$(xlat_routes $R)"

# === 3. siit-dc-br.sh =========================================================

C=ex3-c-$$ B=ex3-b-$$ S=ex3-s-$$
for n in $C $B $S; do ns_new "$n"; done
veth $C eth0 $B eth0
veth $B eth1 $S eth0
ip -n $C addr add 192.0.2.7/24 dev eth0
ip -n $C route add default via 192.0.2.1
ip -n $B addr add 192.0.2.1/24 dev eth0
ip -n $B addr add 2001:db8:46::ff/64 dev eth1 nodad
for a in 2001:db8:46::1 2001:db8:46::2 2001:db8:46::1:80; do
	ip -n $S addr add $a/64 dev eth0 nodad
done
# The DC's IGP would carry this route to PREF64.
ip -n $S -6 route add 2001:db8:46:64::/96 via 2001:db8:46::ff
strict_rpf $B
# The IPv4 Internet side is IPv4-only.
ip netns exec $B sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1
CLIENT6=2001:db8:46:64::c000:207	# 192.0.2.7 in the example's PREF64

check "siit-dc-br: up (the example's defaults)" \
	example $B siit-dc-br.sh up
ping_ok "siit-dc-br: IPv4 client pings server .1 at 203.0.113.1 (EAM /24-/120)" \
	$C 203.0.113.1
ping_ok "siit-dc-br: and server .2 at 203.0.113.2" $C 203.0.113.2
ping_ok "siit-dc-br: and the per-server EAM 198.51.100.80/32" $C 198.51.100.80
ping_ok "siit-dc-br: the server pings the IPv4 client at $CLIENT6" \
	$S -I 2001:db8:46::1 $CLIENT6
upload "siit-dc-br: TCP 1 MB IPv4 client -> 203.0.113.1, md5" \
	$S "TCP6-LISTEN:5021,bind=[2001:db8:46::1],reuseaddr" \
	$C TCP4:203.0.113.1:5021
check_eq "siit-dc-br: the server sees the client as PREF64 + 192.0.2.7" \
	"[2001:0db8:0046:0064:0000:0000:c000:0207]" "$(cat "$XLAT_TMP"/ex-peer)"
download "siit-dc-br: TCP 1 MB 198.51.100.80 -> IPv4 client, md5" \
	$S "TCP6-LISTEN:5022,bind=[2001:db8:46::1:80],reuseaddr" \
	$C TCP4:198.51.100.80:5022
check "siit-dc-br: down" example $B siit-dc-br.sh down
check_eq "siit-dc-br: down leaves no xlat route" 0 "$(xlat_routes $B)"

# === 4. nat64.sh ==============================================================

C=ex4-c-$$ N=ex4-n-$$ S=ex4-s-$$
for n in $C $N $S; do ns_new "$n"; done
veth $C eth0 $N lan6
veth $N wan4 $S eth0
for a in 2001:db8:6::110 2001:db8:6::111 2001:db8:6::2; do
	ip -n $C addr add $a/64 dev eth0 nodad
done
ip -n $C -6 route add default via 2001:db8:6::1
ip -n $N addr add 2001:db8:6::1/64 dev lan6 nodad
ip -n $N addr add 198.51.100.1/24 dev wan4
ip -n $S addr add $SRV4/24 dev eth0
strict_rpf $N
# An IPv4-only uplink.
ip netns exec $N sysctl -qw net.ipv6.conf.wan4.disable_ipv6=1
strict_rpf $C
EX4=(PREF64=64:ff9b:1::/48)

check "nat64: up" example $N nat64.sh up "${EX4[@]}"
check_refused "nat64: the IPv4 server has no route to the pool 192.0.2.0/24" \
	"unreachable" ip -n $S route get 192.0.2.16
ping_ok "nat64: client 2001:db8:6::110 pings $SRV6" $C -I 2001:db8:6::110 $SRV6
upload "nat64: TCP 1 MB IPv6 client -> IPv4 server, md5" \
	$S "TCP4-LISTEN:5031,reuseaddr" \
	$C "TCP6:[$SRV6]:5031,bind=[2001:db8:6::110]"
check_eq "nat64: the server sees the router's address (masquerade)" \
	198.51.100.1 "$(cat "$XLAT_TMP"/ex-peer)"
download "nat64: TCP 1 MB IPv4 server -> IPv6 client ::111, md5" \
	$S "TCP4-LISTEN:5032,reuseaddr" \
	$C "TCP6:[$SRV6]:5032,bind=[2001:db8:6::111]"
check "nat64: the masquerade rule counted the new connections" \
	grep -qE "counter packets [1-9]" \
	<<< "$(ip netns exec $N nft list table ip nat64)"
check_refused "nat64: a client outside CLIENTS6 (2001:db8:6::2) gets nothing" \
	"" ip netns exec $C ping -c 1 -W 1 -I 2001:db8:6::2 $SRV6
check "nat64: counted as no-near-side-mapping" \
	test "$(counter $N "drop no-near-side-mapping" -6 route show 64:ff9b:1::/48)" \
	-ge 1

# --- 464XLAT: clat-host.sh on a client behind this NAT64 ---
EX14=(UPLINK=eth0 CLAT6=2001:db8:6::1aa PREF64=64:ff9b:1::/48 REACH=proxy)
check "464xlat: clat-host.sh up on the client (CLAT6 in CLIENTS6)" \
	example $C clat-host.sh up "${EX14[@]}"
ping_ok "464xlat: IPv4 ping 192.0.0.1 -> $SRV4 through CLAT and NAT64" $C $SRV4
upload "464xlat: TCP 1 MB IPv4 app -> IPv4 server through both, md5" \
	$S "TCP4-LISTEN:5033,reuseaddr" $C TCP4:$SRV4:5033
check_eq "464xlat: the server sees the NAT64's address" \
	198.51.100.1 "$(cat "$XLAT_TMP"/ex-peer)"
download "464xlat: TCP 1 MB IPv4 server -> IPv4 app through both, md5" \
	$S "TCP4-LISTEN:5034,reuseaddr" $C TCP4:$SRV4:5034
example $C clat-host.sh down "${EX14[@]}"

check "nat64: down" example $N nat64.sh down "${EX4[@]}"
check_eq "nat64: down leaves no xlat route" 0 "$(xlat_routes $N)"
check_eq "nat64: down leaves no nft table" "" \
	"$(ip netns exec $N nft list tables)"

# === 5. networkmanager.sh =====================================================

H=ex5-h-$$ R=ex5-r-$$
for n in $H $R; do ns_new "$n"; done
veth $H eth0 $R d0
ip -n $H addr add 2001:db8:1:2::10/64 dev eth0 nodad
ip -n $H -6 route add default via 2001:db8:1:2::1
ip -n $R addr add 2001:db8:1:2::1/64 dev d0 nodad
ip -n $R addr add $SRV6/128 dev lo
ip -n $R addr add 2001:db8:64::c633:6407/128 dev lo	# SRV4 in 2001:db8:64::/96
strict_rpf $H

# nm_run VARIANT: the whole life cycle; VARIANT is "ip" or an xlatctl path.
nm_run() {
	local x=() tag
	if [ "$1" = ip ]; then
		tag="networkmanager (ip)"
	else
		tag="networkmanager (xlatctl)"
		x=(XLATCTL="$1")
	fi
	local nm=(DEV=eth0 "CLAT6=$CLAT6" "${x[@]}")

	ip -n $R addr replace $SRV6/128 dev lo
	check "$tag: up" example $H networkmanager.sh up "${nm[@]}" \
		PREF64=64:ff9b:1::/48
	check_eq "$tag: two xlat routes" 2 "$(xlat_routes $H)"
	check_eq "$tag: the router has no route for CLAT6 (proxy ND)" "" \
		"$(ip -n $R -6 route show $CLAT6/128)"
	ping_ok "$tag: IPv4 ping via 64:ff9b:1::/48" $H $SRV4
	upload "$tag: TCP 1 MB IPv4 -> IPv6 server, md5" \
		$R "TCP6-LISTEN:5041,bind=[$SRV6],reuseaddr" $H TCP4:$SRV4:5041

	# PREF64 changes; the old prefix disappears from the network.
	check "$tag: replace with PREF64 2001:db8:64::/96" \
		example $H networkmanager.sh replace "${nm[@]}" \
		PREF64=2001:db8:64::/96
	ip -n $R addr del $SRV6/128 dev lo
	ping_ok "$tag: IPv4 ping via the new PREF64" $H $SRV4
	check_eq "$tag: the replaced encap counts from zero" 3 \
		"$(counter $H packets route show default)"
	check_refused "$tag: a bad PREF64 is refused with the kernel's reason" \
		"is not 32, 40, 48, 56, 64 or 96" \
		example $H networkmanager.sh replace "${nm[@]}" \
		PREF64=2001:db8:64::/100
	ping_ok "$tag: the routes in place still work" $H $SRV4
	out=$(example $H networkmanager.sh show "${nm[@]}" \
		PREF64=2001:db8:64::/96)
	check "$tag: show prints both routes with counters" \
		test "$(grep -c "remote-prefix6 2001:db8:64::/96.*packets" \
			<<< "$out")" -eq 2

	check "$tag: down" example $H networkmanager.sh down "${nm[@]}" \
		PREF64=2001:db8:64::/96
	check_eq "$tag: down leaves nothing (routes, proxy, dummy, sysctls)" \
		"0||0 0" \
		"$(xlat_routes $H)|$(ip -n $H -6 neigh show proxy)|$(
		   ip -n $H link show clat 2>/dev/null)$(
		   ip netns exec $H sysctl -n net.ipv6.conf.eth0.proxy_ndp \
			net.ipv6.conf.eth0.forwarding | xargs)"
}

nm_run ip
XLATCTL=$(cd "$(dirname "$0")/.." && pwd)/tools/libxlat/xlatctl
if [ -x "$XLATCTL" ]; then
	nm_run "$XLATCTL"
else
	pass "networkmanager (xlatctl) # SKIP tools/libxlat/xlatctl is not built"
fi

rm -f "$DATA" "$XLAT_TMP"/ex-recv "$XLAT_TMP"/ex-peer
xlat_done
