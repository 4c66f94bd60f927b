#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The hard paths of a CLAT: ICMP errors both ways, an IPv6-only router hop,
# path MTU discovery across the translator, fragmentation, and the bounded
# reassembly of fragmented ICMP and (udp-zero-checksum compute) zero-checksum UDPv4.
#
#   +-- ns mt-h4 --+    +------ ns mt-r (CLAT) ------+    +--- ns mt-v6r ---+    +--- ns mt-h6 ----+
#   | h4           |----| r4 192.0.0.2/29            |    | IPv6-only router |    | h6 2001:db8:3::2|
#   | 192.0.0.1/29 |    | 0.0.0.0/0 encap xlat 4->6  |----| 2001:db8:2::2    |----| + 64:ff9b:1:c633|
#   | mtu 1500     |    | CLAT6/128 encap xlat 6->4  |    | 2001:db8:3::1    |    |   :64:700::     |
#   +--------------+    | r6 2001:db8:2::1/64        |    |  (link MTU under |    | (198.51.100.7)  |
#                       +----------------------------+    |   test: 1280,    |    +-----------------+
#                                                         |   1400)          |
#                                                         +------------------+
#
# The IPv6-only router's errors have no IPv4 form: they must arrive as
# 192.0.0.8 (RFC 6791, RFC 7600). The narrow link beyond it teaches the
# CLAT the path MTU through translated Packet Too Big messages.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require scapy socat

H4=mt-h4-$$
R=mt-r-$$
V=mt-v6r-$$
H6=mt-h6-$$
SRV4=198.51.100.7
SRV6=64:ff9b:1:c633:64:700::
CLAT6=2001:db8:1:2::1234
CFG=(remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 "$CLAT6/128" count)

in4() { ip netns exec $H4 "$@"; }
in6() { ip netns exec $H6 "$@"; }
inr() { ip netns exec $R "$@"; }

# counter NAME [ROUTE-ARGS]: a counter of the 4->6 route (default) or
# the route given.
counter() {
	local name=$1
	shift
	[ $# -gt 0 ] || set -- route show default
	ip -n $R -s "$@" | sed -nE "s/.* $name ([0-9]+).*/\\1/p"
}

# setup NARROW-MTU [ATTRS]: the whole topology, fresh, with that MTU beyond the
# IPv6-only router.
setup() {
	xlat_cleanup
	XLAT_NS=()
	ns_new $H4
	ns_new $R
	ns_new $V
	ns_new $H6
	veth $H4 h4 $R r4
	veth $R r6 $V v1
	veth $V v2 $H6 h6
	ip -n $V link set v2 mtu "$1"
	ip -n $H6 link set h6 mtu "$1"
	ip -n $H4 addr add 192.0.0.1/29 dev h4
	ip -n $H4 route add default via 192.0.0.2
	ip -n $R addr add 192.0.0.2/29 dev r4
	ip -n $R addr add 2001:db8:2::1/64 dev r6 nodad
	ip -n $V addr add 2001:db8:2::2/64 dev v1 nodad
	ip -n $V addr add 2001:db8:3::1/64 dev v2 nodad
	ip -n $H6 addr add 2001:db8:3::2/64 dev h6 nodad
	ip -n $H6 addr add $SRV6/128 dev h6 nodad
	ip -n $H6 route add default via 2001:db8:3::1
	ip -n $V route add $CLAT6/128 via 2001:db8:2::1
	ip -n $V route add 64:ff9b:1::/48 via 2001:db8:3::2
	ip -n $R route add 64:ff9b:1::/48 via 2001:db8:2::2
	for ns in $R $V; do
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.forwarding=1
	done
	inr sysctl -qw net.ipv4.ip_forward=1
	# Every probe of traceroute deserves its answer.
	for ns in $R $V $H6; do
		ip netns exec "$ns" sysctl -qw net.ipv6.icmp.ratelimit=0
		ip netns exec "$ns" sysctl -qw net.ipv4.icmp_ratelimit=0
	done
	# shellcheck disable=SC2086 # ATTRS: more encap arguments, or none
	ip -n $R route add default encap xlat "${CFG[@]}" ${2:-} dev r6
	# shellcheck disable=SC2086 # as above
	ip -n $R -6 route add $CLAT6/128 encap xlat "${CFG[@]}" ${2:-} dev r6
}

# --- traceroute: every hop, the IPv6-only one as 192.0.0.8 ---------------------

setup 1280
out=$(in4 traceroute -n -q 1 -w 2 -m 5 $SRV4 2>&1)
# shellcheck disable=SC2001 # prefixes every line of a multi-line string
echo "$out" | sed 's/^/# /'
hops=$(echo "$out" | awk 'NR > 1 { print $2 }' | xargs)
check_eq "traceroute shows the CLAT, the IPv6-only router as 192.0.0.8, the server" \
	"192.0.0.2 192.0.0.8 $SRV4" "$hops"
out=$(in4 traceroute -n -I -q 1 -w 2 -m 5 $SRV4 2>&1)
hops=$(echo "$out" | awk 'NR > 1 { print $2 }' | xargs)
check_eq "traceroute -I (ICMP echo probes) shows the same hops" \
	"192.0.0.2 192.0.0.8 $SRV4" "$hops"
check "translated ICMPv6 errors counted on the 6->4 route" \
	test "$(counter packets -6 route show $CLAT6/128)" -ge 4

# draft-ietf-v6ops-icmpext-xlat-v6only-source: the Time Exceeded from
# 192.0.0.8 names the IPv6-only router in a Node Identification Object
# (draft-ietf-intarea-extended-icmp-nodeid) of its RFC 4884 extension.
node_id() {
	in4 python3 - "$SRV4" <<'EOF'
import logging, socket, struct, sys
logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
from scapy.all import IP, UDP, ICMP, sr1, conf
conf.verb = 0
r = sr1(IP(dst=sys.argv[1], ttl=2) / UDP(sport=33000, dport=33434), timeout=5)
if r is None or ICMP not in r or r[ICMP].type != 11:
    sys.exit("no Time Exceeded")
icmp = bytes(r[ICMP])
dlen = icmp[5] * 4
ext = icmp[8 + dlen:] if dlen else b""
if r.src != "192.0.0.8" or dlen < 128 or len(ext) < 4 or ext[0] >> 4 != 2:
    sys.exit("no RFC 4884 extension: src %s, length %d" % (r.src, dlen))
s = sum(struct.unpack("!%dH" % (len(ext) // 2), ext))
while s >> 16:
    s = (s & 0xffff) + (s >> 16)
if s != 0xffff:
    sys.exit("bad extension checksum")
off = 4
while off + 4 <= len(ext):
    olen, cls, ctype = struct.unpack("!HBB", ext[off:off + 4])
    if cls == 5 and ctype & 0x04 and olen >= 24 and ext[off + 5] == 2:
        print(socket.inet_ntop(socket.AF_INET6, ext[off + 8:off + 24]))
        sys.exit(0)
    if olen < 4:
        break
    off += olen
sys.exit("no Node Identification Object")
EOF
}
check_eq "Time Exceeded from 192.0.0.8 names the IPv6-only router (Node ID)" \
	"2001:db8:2::2" "$(node_id 2>&1)"
ip -n $R -6 route change $CLAT6/128 encap xlat "${CFG[@]}" icmp-node-id off dev r6
check_eq "icmp-node-id off: no Node Identification Object" \
	"no RFC 4884 extension: src 192.0.0.8, length 0" "$(node_id 2>&1)"

# --- tracepath and Frag-Needed, link MTU 1280 and 1400 ------------------------

for mtu in 1280 1400; do
	setup $mtu
	want=$((mtu - 20))
	out=$(in4 tracepath -n -m 5 $SRV4 2>&1)
	# shellcheck disable=SC2001 # prefixes every line of a multi-line string
	echo "$out" | sed 's/^/# /'
	check_eq "tracepath finds pmtu $want behind a $mtu-byte IPv6 link" \
		"$want" "$(echo "$out" | sed -nE 's/.*Resume: pmtu ([0-9]+).*/\1/p')"

	setup $mtu
	out=$(in4 ping -c 1 -W 2 -M "do" -s 1400 $SRV4 2>&1)
	# shellcheck disable=SC2001 # prefixes every line of a multi-line string
	echo "$out" | sed 's/^/# /'
	check "ping -M do -s 1400: Frag Needed from 192.0.0.8 with mtu $want" \
		grep -q "From 192.0.0.8 .*mtu = $want" <<< "$out"
	# The host learned it too: make it try again, so that the CLAT,
	# which learned it from the Packet Too Big, answers this time.
	ip -n $H4 route flush cache
	out=$(in4 ping -c 1 -W 2 -M "do" -s 1400 $SRV4 2>&1)
	check "then the CLAT itself refuses with mtu $want (learned path MTU)" \
		grep -q "From 192.0.0.2 .*mtu = $want" <<< "$out"
	check "and counts it as packet-too-big" \
		test "$(counter drop\ packet-too-big)" -ge 1
done

# The CLAT's own limit: the IPv4 route carries 1480 + 20 into a 1500 link.
setup 1400
out=$(in4 ping -c 1 -W 2 -M "do" -s 1472 $SRV4 2>&1)
check "ping -M do -s 1472 over a 1500 link: Frag Needed from the CLAT, mtu 1480" \
	grep -q "From 192.0.0.2 .*mtu = 1480" <<< "$out"

# 6->4: a packet over 1260 bytes gets DF (RFC 7915 5.1); when the IPv4
# route is narrower, the IPv6 sender gets Packet Too Big with MTU + 20.
setup 1400
ip -n $R link set r4 mtu 1300
ip -n $H4 link set h4 mtu 1300
out=$(in6 ping -c 1 -W 2 -M "do" -s 1300 -I $SRV6 $CLAT6 2>&1)
# shellcheck disable=SC2001 # prefixes every line of a multi-line string
echo "$out" | sed 's/^/# /'
check "6->4 over a 1300-byte IPv4 link: Packet Too Big from the CLAT, mtu 1320" \
	grep -q "From 2001:db8:2::1 .*[Pp]acket too big.*mtu *= *1320" <<< "$out"
out=$(in6 ping -c 2 -i 0.5 -W 2 -s 1300 -I $SRV6 $CLAT6 2>&1)
check "then the sender fragments: reassembled, DF clear, IPv4 fragments it" \
	grep -q " 2 received" <<< "$out"

# --- DF clear: fragmentation both ways -------------------------------------------

for mtu in 1280 1400; do
	setup $mtu
	# The first big echo may teach the sender the path MTU; its error
	# can take a second under emulation (neighbour resolution on the
	# way back), so it goes alone. The next three must all be answered.
	in4 ping -c 1 -W 3 -s 3000 $SRV4 > /dev/null 2>&1
	out=$(in4 ping -c 3 -i 0.5 -W 2 -s 3000 $SRV4 2>&1)
	# shellcheck disable=SC2001 # prefixes every line of a multi-line string
	echo "$out" | sed 's/^/# /'
	got=$(sed -nE 's/.* ([0-9]+) received.*/\1/p' <<< "$out")
	check "ping -s 3000 4->6 across a $mtu-byte link: fragmented echo answered" \
		test "${got:-0}" -eq 3
	in6 ping -c 1 -W 3 -s 3000 -I $SRV6 $CLAT6 > /dev/null 2>&1
	out=$(in6 ping -c 3 -i 0.5 -W 2 -s 3000 -I $SRV6 $CLAT6 2>&1)
	# shellcheck disable=SC2001 # prefixes every line of a multi-line string
	echo "$out" | sed 's/^/# /'
	got=$(sed -nE 's/.* ([0-9]+) received.*/\1/p' <<< "$out")
	check "ping -s 3000 6->4 across a $mtu-byte link: fragmented echo answered" \
		test "${got:-0}" -eq 3
done

# --- TCP across a 1280-byte IPv6 link ---------------------------------------------

setup 1280
head -c 3000000 /dev/urandom > "$XLAT_TMP"/mt-data
in6 timeout 60 socat -u TCP6-LISTEN:5001,bind=[$SRV6],reuseaddr \
	OPEN:"$XLAT_TMP"/mt-recv,creat,trunc &
wait_port $H6 tcp 5001
in4 timeout 60 socat -u OPEN:"$XLAT_TMP"/mt-data TCP4:$SRV4:5001
wait
check_eq "TCP 3 MB across a 1280-byte link arrives intact" \
	"$(md5sum < "$XLAT_TMP"/mt-data)" "$(md5sum < "$XLAT_TMP"/mt-recv 2>/dev/null)"

# --- fragmented zero-checksum UDPv4 (scapy) ---------------------------------------
# Only a route that says udp-zero-checksum compute reassembles UDPv4
# fragments; without it they are translated one by one and a first
# fragment with a zero checksum is refused (xlat_rfc.sh).

setup 1280 "udp-zero-checksum compute"
in6 timeout 60 socat -u UDP6-RECVFROM:5006,bind=[$SRV6] \
	OPEN:"$XLAT_TMP"/mt-udp,creat,trunc &
wait_port $H6 udp 5006
# The first copy may be lost to the 1280-byte link while the CLAT learns
# its MTU (UDP does not retransmit): send three.
in4 python3 - "$SRV4" <<'EOF'
import os, sys, time
from scapy.all import IP, UDP, Raw, fragment, send
data = bytes(range(256)) * 12          # 3072 bytes
open(os.environ["XLAT_TMP"] + "/mt-udp-sent", "wb").write(data)
for ident in (4242, 4243, 4244):
    pkt = IP(src="192.0.0.1", dst=sys.argv[1], id=ident) / \
          UDP(sport=4000, dport=5006, chksum=0) / Raw(data)
    send(fragment(pkt, fragsize=1200), verbose=False)
    time.sleep(0.5)
EOF
wait
check_eq "udp-zero-checksum compute: fragmented zero-checksum UDPv4 arrives whole, valid checksum" \
	"$(md5sum < "$XLAT_TMP"/mt-udp-sent)" "$(md5sum < "$XLAT_TMP"/mt-udp 2>/dev/null)"

# --- a flood of fragments that never complete --------------------------------------

setup 1400 "udp-zero-checksum compute"
# low_thresh first: high_thresh may not go below it.
inr sysctl -qw net.ipv4.ipfrag_low_thresh=196608
inr sysctl -qw net.ipv4.ipfrag_high_thresh=262144
inr sysctl -qw net.ipv4.ipfrag_time=3
before_fail=$(inr nstat -az IpReasmFails | awk '/IpReasmFails/ { print $2 }')
in4 python3 - "$SRV4" <<'EOF'
import sys
from scapy.all import IP, UDP, Raw, send, conf
# First fragments only: 600 datagrams of which no second half ever comes.
pkts = [IP(src="192.0.0.1", dst=sys.argv[1], id=i, flags="MF") /
        UDP(sport=4000, dport=9, chksum=0) / Raw(b"x" * 1000)
        for i in range(1, 601)]
send(pkts, verbose=False)
EOF
# shellcheck disable=SC2016 # an awk program
mem=$(inr awk '/^FRAG:/ { print $5 }' /proc/net/sockstat)
echo "# reassembly memory after the flood: $mem bytes"
# The limit refuses new queues once it is exceeded: one fragment over.
check "reassembly memory stays within ipfrag_high_thresh (+ one fragment)" \
	test "${mem:-0}" -le $((262144 + 16384))
check "fragments over the limit are counted as reassembly-failed" \
	test "$(counter drop\ reassembly-failed)" -gt 0
sleep 4
# shellcheck disable=SC2016 # an awk program
mem=$(inr awk '/^FRAG:/ { print $5 }' /proc/net/sockstat)
check_eq "the incomplete datagrams time out and their memory is freed" 0 "$mem"
check "the kernel counts the timeouts (IpReasmFails/IpReasmTimeout)" \
	test "$(inr nstat -az IpReasmFails | awk '/IpReasmFails/ { print $2 }')" \
	-gt "${before_fail:-0}"
check "real traffic still flows" in4 ping -c 2 -i 0.2 -W 2 $SRV4

xlat_done
