#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# NetworkManager's CLAT sequence, as NetworkManager 1.58 runs it, with xlat
# routes in place of its BPF program:
#
#   +------------ ns nm-h (the NetworkManager host) ------------+    +---- ns nm-p (PLAT) ----+    +-- ns nm-s --+
#   | eth0 2001:db8:1:2::2/64, default via 2001:db8:1:2::1      |----| p0 2001:db8:1:2::1/64  |    |             |
#   |      192.0.0.5/32 (the CLAT's IPv4 address, on the uplink) |    | PREF64 -> xlat 6->4    |----| s0          |
#   | CLAT6: stable-privacy address of the /64, DAD once, then   |    | 203.0.113.5 -> xlat 4->6    | 198.51. |
#   |        joined as anycast on a raw ICMPv6 socket            |    | (eam 203.0.113.5 CLAT6)|    |   100.7/24  |
#   | default (IPv4) encap xlat src 192.0.0.5 metric 101 mtu 1472|    | p1 198.51.100.1/24     |    +-------------+
#   | CLAT6/128 from PREF64 table local encap xlat (6->4)        |    +------------------------+
#   +------------------------------------------------------------+
#
# The anycast join puts "anycast CLAT6 dev eth0 table local" in the
# routing table that is looked up first: a 6->4 route for CLAT6 in main
# never sees a reply (checked below). The route that works without a
# policy rule is source-specific and lives in table local: for a packet
# from PREF64 the kernel finds it ahead of the anycast route
# (CONFIG_IPV6_SUBTREES). The routes are installed with the raw bytes of
# tools/xlat-nm-route.py, as NetworkManager's own netlink code would send
# them (the layout is in xlat.rst, "NetworkManager"), then again with
# xlatctl, which must express the same routes. The policy-rule recipe for
# kernels without CONFIG_IPV6_SUBTREES is checked at the end.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require socat

TOOLS=$(cd "$(dirname "$0")/../tools" && pwd)
XLATCTL=$TOOLS/libxlat/xlatctl
# --count: the routes keep counters of their own, which the checks read.
NMROUTE=(python3 "$TOOLS/xlat-nm-route.py" --count)
if [ ! -x "$XLATCTL" ]; then
	fail "xlatctl is built (make -C tools/libxlat)" "missing: $XLATCTL"
	xlat_done
fi

H=nm-h-$$
P=nm-p-$$
S=nm-s-$$
CLAT4=192.0.0.5
PUB4=203.0.113.5
SRV4=198.51.100.7
# A network-specific prefix each: the well-known 64:ff9b::/96 must not
# stand for 198.51.100.7, which is not global (RFC 6052 section 3.1).
PREF64=64:ff9b:1::/48
PREF64B=2001:db8:64::/96
# NetworkManager's IPv4 route: metric of the device's native IPv4 default
# route (100 for Ethernet) + 1; MTU min(link 1500, no RA MTU), floor 1280,
# minus 28.
METRIC=101
MTU=1472
SECRET=000102030405060708090a0b0c0d0e0f

inh() { ip netns exec $H "$@"; }
inp() { ip netns exec $P "$@"; }
ins() { ip netns exec $S "$@"; }

ns_new $H
ns_new $P
ns_new $S
veth $H eth0 $P p0
veth $S s0 $P p1
ip -n $H addr add 2001:db8:1:2::2/64 dev eth0 nodad
ip -n $H -6 route add default via 2001:db8:1:2::1 dev eth0 metric 100
ip -n $P addr add 2001:db8:1:2::1/64 dev p0 nodad
ip -n $P addr add 198.51.100.1/24 dev p1
ip -n $S addr add $SRV4/24 dev s0
ip -n $S route add default via 198.51.100.1
inp sysctl -qw net.ipv4.ip_forward=1
inp sysctl -qw net.ipv6.conf.all.forwarding=1

# The CLAT address: an RFC 7217 stable identifier in the /64 (libxlat).
CLAT6=$("$XLATCTL" clat-address 2001:db8:1:2::/64 --secret $SECRET \
	--ifname eth0)
check "the CLAT address is a stable-privacy address of the /64 ($CLAT6)" \
	test "${CLAT6#2001:db8:1:2:}" != "$CLAT6"

# plat PREF64: the stateless PLAT; the CLAT's address is 203.0.113.5.
plat() {
	local map=(remote-prefix6 "$1" eam "$PUB4/32" "$CLAT6/128" count) op=add
	ip -n $P -6 route show | grep -q "encap xlat" && op=replace
	[ $op = replace ] && ip -n $P -6 route del "$PLAT_PFX" 2>/dev/null
	ip -n $P -6 route add "$1" encap xlat "${map[@]}" dev p1
	ip -n $P route $op $PUB4/32 encap xlat "${map[@]}" dev p0
	PLAT_PFX=$1
}
plat $PREF64

rules_before=$(ip -n $H -6 rule show)
CLAT6_HEX=$(python3 -c "import ipaddress, sys
print(ipaddress.IPv6Address(sys.argv[1]).packed.hex())" "$CLAT6")

# check_clean TAG: nothing of the CLAT is left on the host.
check_clean() {
	for _ in $(seq 20); do
		ip -n $H -6 route show table all | grep -q "$CLAT6" || break
		sleep 0.1
	done
	check_eq "$1: no route for $CLAT6 left in any table (the anycast route went with the socket)" \
		"" "$(ip -n $H -6 route show table all | grep "$CLAT6")"
	check_eq "$1: no IPv4 route or address of $CLAT4 left" "" \
		"$(ip -n $H route show table all | grep -F "$CLAT4"
		   ip -n $H addr show | grep -F "$CLAT4")"
	check_eq "$1: no xlat route left" "" "$(inh "$XLATCTL" show)"
	check_eq "$1: the policy rules are as before" "$rules_before" \
		"$(ip -n $H -6 rule show)"
	check_eq "$1: no anycast address left" "" \
		"$(inh grep -i "$CLAT6_HEX" /proc/net/anycast6)"
}

# anycast_join: CLAT6 joined as anycast on eth0 by a raw ICMPv6 socket held
# by a background process (ANYCAST_PID), as NetworkManager holds it.
anycast_join() {
	ip netns exec $H python3 - "$CLAT6" > /dev/null 2>&1 <<'EOF' &
import socket, struct, sys, time
s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
mreq = socket.inet_pton(socket.AF_INET6, sys.argv[1]) + \
    struct.pack("=I", socket.if_nametoindex("eth0"))
s.setsockopt(socket.IPPROTO_IPV6, 27, mreq)     # IPV6_JOIN_ANYCAST
while True:
    time.sleep(60)
EOF
	ANYCAST_PID=$!
}

# --- up ------------------------------------------------------------------

# DAD once: the address is added, found unique, and removed again.
ip -n $H -6 addr add "$CLAT6/128" dev eth0
for _ in $(seq 100); do
	ip -n $H -6 addr show dev eth0 to "$CLAT6/128" tentative | grep -q . ||
		break
	sleep 0.1
done
check_eq "DAD: $CLAT6 is unique (not tentative, not dadfailed)" "" \
	"$(ip -n $H -6 addr show dev eth0 to "$CLAT6/128" tentative dadfailed)"
ip -n $H -6 addr del "$CLAT6/128" dev eth0

# The anycast join, on a raw ICMPv6 socket held for the connection.
anycast_join
for _ in $(seq 50); do
	ip -n $H -6 route show table local | grep -q "^anycast $CLAT6 " && break
	sleep 0.1
done
check "anycast join: the kernel put 'anycast $CLAT6' in table local" \
	bash -c "ip -n $H -6 route show table local | grep -q '^anycast $CLAT6 dev eth0'"

ip -n $H addr add $CLAT4/32 dev eth0

# The trap: a 6->4 route in main, and the IPv4 route.
ip -n $H -6 route add "$CLAT6/128" encap xlat remote-prefix6 $PREF64 \
	local-map $CLAT4/32 "$CLAT6/128" count dev eth0
check "the IPv4 route, as NetworkManager's netlink message (raw bytes)" \
	inh "${NMROUTE[@]}" add 4 eth0 $CLAT4 "$CLAT6" $PREF64 --metric $METRIC --mtu $MTU
inh ping -c 2 -i 0.3 -w 4 $SRV4 > /dev/null 2>&1
n=$(ip -n $H -s -6 route show "$CLAT6/128" | sed -nE 's/.* packets ([0-9]+).*/\1/p')
n4=$(ip -n $P -s -6 route show $PREF64 | sed -nE 's/.* packets ([0-9]+).*/\1/p')
check "the trap: a 6->4 route in main sees none of the replies (0 packets, $n4 requests went out)" \
	test "${n:-x}" = 0 -a "${n4:-0}" -ge 1
ip -n $H -6 route del "$CLAT6/128"

# The 6->4 route that works: from PREF64, in table local.
check "the 6->4 route: $CLAT6/128 from $PREF64 table local (raw bytes)" \
	inh "${NMROUTE[@]}" add 6 eth0 $CLAT4 "$CLAT6" $PREF64
check "it sits beside the anycast route in table local" \
	bash -c "ip -n $H -6 route show table local | grep -q '^$CLAT6 from $PREF64 .*encap xlat'"

show4=$(ip -n $H route show default)
check "IPv4 route: no gateway, src $CLAT4, metric $METRIC, mtu $MTU" \
	bash -c "grep -qE '^default +encap xlat .* dev eth0 proto static scope link src $CLAT4 metric $METRIC mtu $MTU' <<< '$show4'"

# --- traffic ----------------------------------------------------------------

# traffic TAG: ping, TCP (hash compared) and UDP from the IPv4-only host.
traffic() {
	local tag=$1 got
	check "$tag: ping $SRV4" inh ping -c 3 -i 0.3 -w 15 $SRV4
	head -c 1000000 /dev/urandom > "$XLAT_TMP"/nm-data
	ins timeout 60 socat -u TCP4-LISTEN:5001,reuseaddr \
		OPEN:"$XLAT_TMP"/nm-recv,creat,trunc &
	wait_port $S tcp 5001
	inh timeout 60 socat -u OPEN:"$XLAT_TMP"/nm-data TCP4:$SRV4:5001
	wait $!
	check_eq "$tag: TCP, 1 MB arrive intact" "$(md5sum < "$XLAT_TMP"/nm-data)" \
		"$(md5sum < "$XLAT_TMP"/nm-recv 2>/dev/null)"
	ins timeout 20 python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("0.0.0.0", 5002))
d, a = s.recvfrom(2000)
s.sendto(d + (" seen from %s" % a[0]).encode(), a)' &
	wait_port $S udp 5002
	got=$(inh timeout 10 python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(8)
s.sendto(b"hello", ("'$SRV4'", 5002))
print(s.recv(2000).decode())' 2>&1)
	wait $!
	check_eq "$tag: UDP there and back (the server sees the PLAT's $PUB4)" \
		"hello seen from $PUB4" "$got"
}

traffic "$PREF64"
n=$(ip -n $H -s -6 route show table local "$CLAT6/128" from $PREF64 |
	sed -nE 's/.* packets ([0-9]+).*/\1/p')
check "the 6->4 route in table local translated the replies ($n packets)" \
	test "${n:-0}" -ge 10

# The route MTU: 1472 on the IPv4 route means IPv4 packets up to 1452.
check "local IPv4 packets of 1452 bytes (route mtu 1472 - 20) leave with DF" \
	inh ping -c 1 -w 10 -M "do" -s 1424 $SRV4
check_refused "one byte more is refused locally (message too long)" \
	"message too long" inh ping -c 1 -w 3 -M "do" -s 1425 $SRV4

# --- PREF64 changes -----------------------------------------------------------

# The IPv4 route is replaced in place; the 6->4 route's key holds the
# prefix (rtm_src_len, RTA_SRC), so the new one is added and the old one
# deleted: for a moment both are there, each matching its own sources.
plat $PREF64B
check "PREF64 change: the IPv4 route replaced (NLM_F_REPLACE)" \
	inh "${NMROUTE[@]}" replace 4 eth0 $CLAT4 "$CLAT6" $PREF64B --metric $METRIC --mtu $MTU
check "PREF64 change: the new 6->4 route added" \
	inh "${NMROUTE[@]}" add 6 eth0 $CLAT4 "$CLAT6" $PREF64B
check "PREF64 change: the old 6->4 route deleted" \
	inh "${NMROUTE[@]}" del 6 eth0 $CLAT4 "$CLAT6" $PREF64
check_eq "one IPv4 route, with the new prefix" 1 \
	"$(ip -n $H route show default | grep -c "remote-prefix6 $PREF64B")"
check_eq "one 6->4 route, from the new prefix" \
	"$CLAT6 from $PREF64B" \
	"$(ip -n $H -6 route show table local | grep 'encap xlat' | cut -d' ' -f1-3)"
traffic "$PREF64B"

# --- libxlat expresses the same routes -----------------------------------------

raw4=$(ip -n $H route show default)
raw6=$(ip -n $H -6 route show table local "$CLAT6/128" from $PREF64B)
mapfile -t lines <<< "$(inh "$XLATCTL" show)"
check_eq "xlatctl show: both routes" 2 "${#lines[@]}"
check "xlatctl show: the 6->4 route with from, table local and proto static" \
	bash -c "grep -qF '$CLAT6/128 from $PREF64B table 255 encap xlat' <<< '${lines[*]}'"
check "xlatctl -j show: \"from\" in the JSON" \
	bash -c "ip netns exec $H $XLATCTL -j show | grep -qF '\"from\":\"$PREF64B\"'"
inh "${NMROUTE[@]}" del 4 eth0 $CLAT4 "$CLAT6" $PREF64B --metric $METRIC
inh "${NMROUTE[@]}" del 6 eth0 $CLAT4 "$CLAT6" $PREF64B
# What xlatctl show printed pastes back into xlatctl add.
ok=1
for l in "${lines[@]}"; do
	# shellcheck disable=SC2086
	inh "$XLATCTL" add $l || ok=0
done
check "the lines of xlatctl show, given back to xlatctl add, are accepted" \
	test $ok = 1
check_eq "xlatctl installed the same IPv4 route as the raw message" "$raw4" \
	"$(ip -n $H route show default)"
check_eq "xlatctl installed the same 6->4 route as the raw message" "$raw6" \
	"$(ip -n $H -6 route show table local "$CLAT6/128" from $PREF64B)"
check "and it translates: ping $SRV4" inh ping -c 2 -i 0.3 -w 10 $SRV4

# --- down -------------------------------------------------------------------------

inh "${NMROUTE[@]}" del 4 eth0 $CLAT4 "$CLAT6" $PREF64B --metric $METRIC
inh "${NMROUTE[@]}" del 6 eth0 $CLAT4 "$CLAT6" $PREF64B
kill $ANYCAST_PID
wait $ANYCAST_PID 2>/dev/null
ip -n $H addr del $CLAT4/32 dev eth0
check_clean "down"

# --- clat-example: the same sequence through libxlat --------------------------

# The same secret and interface name: the same CLAT address.
rm -f "$XLAT_TMP"/nm-ctl "$XLAT_TMP"/nm-out
mkfifo "$XLAT_TMP"/nm-ctl
inh "$TOOLS/libxlat/clat-example" nm eth0 2001:db8:1:2::/64 $PREF64B \
	$METRIC $MTU < "$XLAT_TMP"/nm-ctl > "$XLAT_TMP"/nm-out 2>&1 &
CE_PID=$!
exec 7> "$XLAT_TMP"/nm-ctl
# ce_wait TEXT: wait (up to 20 s) for a line of clat-example's output
# that starts with TEXT.
# shellcheck disable=SC2317 # run by check
ce_wait() {
	local l
	for _ in $(seq 200); do
		while read -r l; do
			[[ $l == "$1"* ]] && return 0
		done < "$XLAT_TMP"/nm-out
		sleep 0.1
	done
	cat "$XLAT_TMP"/nm-out
	return 1
}
check "clat-example nm: DAD, anycast join, address and routes, then up" \
	ce_wait "up $CLAT6"
check "clat-example nm: the IPv4 route as NetworkManager's" \
	bash -c "ip -n $H route show default | grep -qE 'proto static scope link src $CLAT4 metric $METRIC mtu $MTU'"
check "clat-example nm: $CLAT6/128 from $PREF64B in table local" \
	bash -c "ip -n $H -6 route show table local | grep -q '^$CLAT6 from $PREF64B .*encap xlat'"
check "clat-example nm: ping $SRV4" inh ping -c 3 -i 0.3 -w 15 $SRV4
plat $PREF64
echo "pref64 $PREF64" >&7
check "clat-example nm: a new PREF64 taken" ce_wait "pref64 $PREF64"
check_eq "clat-example nm: the routes followed it" "1 1" \
	"$(ip -n $H route show default | grep -c "remote-prefix6 $PREF64 ") $(ip -n $H -6 route show table local | grep -c "encap xlat")"
check "clat-example nm: ping $SRV4 after the change" \
	inh ping -c 3 -i 0.3 -w 15 $SRV4
echo stats >&7
check "clat-example nm: counters of both routes" ce_wait "$(
	ip -n $H -s -6 route show table local "$CLAT6/128" from $PREF64 |
	sed -nE 's/.* packets ([0-9]+) bytes ([0-9]+).*/6to4 packets \1 bytes \2/p')"
exec 7>&-
wait $CE_PID
check_eq "clat-example nm: end of input, clean exit" 0 $?
check_clean "clat-example nm down"

# --- the policy-rule recipe (a kernel without CONFIG_IPV6_SUBTREES) ---------------

# clatd's way: the local rule moves from priority 0 to 1, and a rule at 0
# sends packets from PREF64 to CLAT6 to a table of their own.
anycast_join
ip -n $H addr add $CLAT4/32 dev eth0
ip -n $H -6 rule add pref 1 lookup local
ip -n $H -6 rule del pref 0 lookup local
ip -n $H -6 rule add pref 0 from $PREF64 to "$CLAT6/128" lookup 100
XL=(remote-prefix6 "$PREF64" local-map "$CLAT4/32" "$CLAT6/128")
ip -n $H -6 route add "$CLAT6/128" table 100 encap xlat "${XL[@]}" dev eth0
ip -n $H route add default encap xlat "${XL[@]}" dev eth0 src $CLAT4 \
	metric $METRIC mtu $MTU
check "policy-rule recipe: ping $SRV4" inh ping -c 3 -i 0.3 -w 15 $SRV4
ip -n $H route del default metric $METRIC
ip -n $H -6 route del "$CLAT6/128" table 100
ip -n $H -6 rule del pref 0 from $PREF64 to "$CLAT6/128" lookup 100
ip -n $H -6 rule add pref 0 lookup local
ip -n $H -6 rule del pref 1 lookup local
kill $ANYCAST_PID
wait $ANYCAST_PID 2>/dev/null
check_eq "policy-rule recipe: the rules are as before afterwards" \
	"$rules_before" "$(ip -n $H -6 rule show)"

xlat_done
