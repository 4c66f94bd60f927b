#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The defects of issue 14 (a review of the datapath), one named check per
# defect, each named after it; they failed on the kernel before the fix.
# A few checks passed there on purpose, and their section says why: the
# controls that show what does work (the same path without the defect),
# and the spoofed-Frag-Needed checks, which can only fail once IPv4 path
# MTU learning works (item 6).
#
#  +-- ns rv-h6 --------+   +------- ns rv-r (translator) -------+   +- ns rv-v4r -+   +- ns rv-h4 ---+
#  | h6 2001:db8:6::2   |---| r6 2001:db8:6::1/64                |   | IPv4 router |   | h4           |
#  | SRV6 64:ff9b:1:c633|   | r4 192.0.2.1/26                    |---| v1 .2/26    |   | 192.0.2.66/26|
#  |   :64:700::        |   | lo 64:ff9b:1:c633:64:900:: (RPFX6) |   | v2 .65/26   |---| (CLAT6)      |
#  |   (198.51.100.7)   |   | lo 2001:db8:46::1 (EAM6)           |   +-------------+   +--------------+
#  +--------------------+   | default              xlat 4->6     |
#                           | 2001:db8:100:64::/96 xlat 6->4     |
#                           +------------------------------------+
#
# Both routes carry CFG: the far side is 64:ff9b:1::/48 (RFC 6052, RFC
# 8215), the near side 192.0.2.0/24 as 2001:db8:100:64::/96 (a downstream
# CLAT: h4 is 2001:db8:100:64::c000:242, the router v4r and the
# translator's own 192.0.2.1 are near side too), and 203.0.113.0/24 is
# EAM'd (RFC 7757) to 2001:db8:46::/120, whose ::1 is the translator itself.
# The link MTUs (h6-r, r-v4r, v4r-h4) are set per check.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require socat

H6=rv-h6-$$
R=rv-r-$$
V=rv-v4r-$$
H4=rv-h4-$$
SRV4=198.51.100.7
SRV6=64:ff9b:1:c633:64:700::
RPFX6=64:ff9b:1:c633:64:900::
EAM4=203.0.113.1
EAM6=2001:db8:46::1
H4A=192.0.2.66
CLAT6=2001:db8:100:64::c000:242
RLOC4=192.0.2.1
RLOC6=2001:db8:100:64::c000:201
CFG=(remote-prefix6 64:ff9b:1::/48 local-map 192.0.2.0/24 2001:db8:100:64::/96)
CFG+=(eam 203.0.113.0/24 2001:db8:46::/120)
PKT=(/usr/bin/python3 "$(cd "$(dirname "$0")/../tools" && pwd)/xlat-review-pkt.py")
TMP=$(mktemp -d "$XLAT_TMP"/rv.XXXXXX)
# The VRF goes first: a namespace that dies with enslaved links fails to
# cycle them back ("route tables might be wrong").
teardown() {
	ip -n $R link del blue 2>/dev/null
	xlat_cleanup
}
trap 'teardown; rm -rf "$TMP"' EXIT

in6() { ip netns exec $H6 "$@"; }
inr() { ip netns exec $R "$@"; }
inv() { ip netns exec $V "$@"; }
in4() { ip netns exec $H4 "$@"; }

# setup MTU-H6R MTU-RV MTU-VH4 [ct] [vrf]: the topology, fresh. "ct" adds
# an inet table with a ct expression on the translator (conntrack, and
# with it defragmentation in PREROUTING); "vrf" puts the translator's
# links and routes in VRF blue (table 10).
setup() {
	local t=() a
	teardown
	XLAT_NS=()
	ns_new $H6
	ns_new $R
	ns_new $V
	ns_new $H4
	veth $H6 h6 $R r6
	veth $R r4 $V v1
	veth $V v2 $H4 h4
	ip -n $H6 link set h6 mtu "$1"
	ip -n $R link set r6 mtu "$1"
	ip -n $R link set r4 mtu "$2"
	ip -n $V link set v1 mtu "$2"
	ip -n $V link set v2 mtu "$3"
	ip -n $H4 link set h4 mtu "$3"
	shift 3
	for a in "$@"; do
		[ "$a" = vrf ] || continue
		# Enslave before the addresses: enslaving cycles the link.
		ip -n $R link add blue type vrf table 10
		ip -n $R link set blue up
		ip -n $R link set r4 master blue
		ip -n $R link set r6 master blue
		t=(table 10)
	done
	ip -n $H6 addr add 2001:db8:6::2/64 dev h6 nodad
	ip -n $H6 addr add $SRV6/128 dev h6 nodad
	ip -n $H6 route add default via 2001:db8:6::1
	ip -n $R addr add 2001:db8:6::1/64 dev r6 nodad
	ip -n $R addr add $RLOC4/26 dev r4
	[ ${#t[@]} -gt 0 ] || ip -n $R addr add $RPFX6/128 dev lo
	[ ${#t[@]} -gt 0 ] || ip -n $R addr add $EAM6/128 dev lo
	ip -n $V addr add 192.0.2.2/26 dev v1
	ip -n $V addr add 192.0.2.65/26 dev v2
	ip -n $V route add default via $RLOC4
	ip -n $H4 addr add $H4A/26 dev h4
	ip -n $H4 route add default via 192.0.2.65
	inr sysctl -qw net.ipv4.ip_forward=1
	inr sysctl -qw net.ipv6.conf.all.forwarding=1
	inv sysctl -qw net.ipv4.ip_forward=1
	for ns in $R $V; do
		ip netns exec "$ns" sysctl -qw net.ipv4.icmp_ratelimit=0
		ip netns exec "$ns" sysctl -qw net.ipv6.icmp.ratelimit=0
	done
	ip -n $R route add 192.0.2.64/26 via 192.0.2.2 "${t[@]}"
	ip -n $R -6 route add 64:ff9b:1::/48 via 2001:db8:6::2 "${t[@]}"
	ip -n $R route add default encap xlat "${CFG[@]}" dev r6 "${t[@]}"
	ip -n $R -6 route add 2001:db8:100:64::/96 encap xlat "${CFG[@]}" dev r6 "${t[@]}"
	for a in "$@"; do
		[ "$a" = ct ] || continue
		inr nft -f - <<-'EOF'
		table inet rvct {
			chain forward_ct {
				type filter hook forward priority 0;
				ct state new,established,related counter
			}
		}
		EOF
	done
}

# received OUT: the "N received" of ping's summary.
received() { sed -nE 's/.* ([0-9]+) received.*/\1/p' <<< "$1"; }

# ping_check NAME WANT NS PING-ARGS...: at least WANT replies.
ping_check() {
	local name=$1 want=$2 ns=$3 out got
	shift 3
	out=$(ip netns exec "$ns" ping "$@" 2>&1)
	got=$(received "$out")
	if [ "${got:-0}" -ge "$want" ]; then
		pass "$name: ${got} replies"
	else
		fail "$name" "ping $*: ${got:-0} replies, want $want" \
			"$(tail -n 4 <<< "$out" | tr '\n' '|')"
	fi
}

# fam ADDR, br ADDR: the socat address family (4 or 6), the address as
# socat writes it.
fam() { [[ $1 == *:* ]] && echo 6 || echo 4; }
br() { [[ $1 == *:* ]] && echo "[$1]" || echo "$1"; }

# udp_check NAME RXNS LISTEN TXNS SRC DST PORT SIZE: a datagram of SIZE
# bytes from TXNS (bound to SRC) to DST:PORT arrives intact at LISTEN:PORT in
# RXNS. Three copies, 0.5 s apart: the first may teach a path MTU on the way.
udp_check() {
	local name=$1 rxns=$2 rx=$3 txns=$4 src=$5 dst=$6 port=$7 size=$8
	local pid lsn snd
	lsn="UDP$(fam "$rx")-RECVFROM:$port,bind=$(br "$rx")"
	snd="UDP$(fam "$dst")-SENDTO:$(br "$dst"):$port,bind=$(br "$src")"
	head -c "$size" /dev/urandom > "$TMP/udp-data"
	rm -f "$TMP/udp-got"
	ip netns exec "$rxns" timeout 6 socat -u "$lsn" \
		OPEN:"$TMP/udp-got",creat,trunc &
	pid=$!
	wait_port "$rxns" udp "$port"
	for _ in 1 2 3; do
		ip netns exec "$txns" socat -u OPEN:"$TMP/udp-data" "$snd" \
			2>/dev/null
		sleep 0.5
		[ -s "$TMP/udp-got" ] && break
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if cmp -s "$TMP/udp-data" "$TMP/udp-got"; then
		pass "$name: $size-byte datagram arrived intact"
	else
		fail "$name" "no intact $size-byte datagram to $dst:$port" \
			"got $(stat -c %s "$TMP/udp-got" 2>/dev/null || echo 0) bytes"
	fi
}

# tcp_check NAME RXNS LISTEN TXNS SRC DST PORT SIZE SECS: SIZE bytes from
# TXNS (bound to SRC) to DST:PORT, received at LISTEN:PORT in RXNS, intact
# within SECS seconds.
tcp_check() {
	local name=$1 rxns=$2 rx=$3 txns=$4 src=$5 dst=$6 port=$7 size=$8
	local secs=$9 want lsn snd pid
	lsn="TCP$(fam "$rx")-LISTEN:$port,bind=$(br "$rx"),reuseaddr"
	snd="TCP$(fam "$dst"):$(br "$dst"):$port,bind=$(br "$src")"
	head -c "$size" /dev/urandom > "$TMP/tcp-data"
	want=$(sha256sum < "$TMP/tcp-data" | cut -d' ' -f1)
	rm -f "$TMP/tcp-got"
	ip netns exec "$rxns" timeout "$((secs + 2))" socat -u "$lsn" \
		SYSTEM:"sha256sum > $TMP/tcp-got" &
	pid=$!
	wait_port "$rxns" tcp "$port"
	ip netns exec "$txns" timeout "$secs" socat -u OPEN:"$TMP/tcp-data" \
		"$snd" 2>/dev/null
	wait "$pid"
	if [ "$(cut -d' ' -f1 "$TMP/tcp-got" 2>/dev/null)" = "$want" ]; then
		pass "$name: $size bytes intact"
	else
		fail "$name" "$size bytes to $dst:$port did not arrive intact within ${secs}s"
	fi
}

# cap_start NS IF FILE FILTER...: tcpdump in the background, once listening.
cap_start() {
	local ns=$1 ifc=$2 file=$3
	shift 3
	ip netns exec "$ns" timeout 30 tcpdump -U -s 0 -ni "$ifc" -w "$file" \
		"$@" 2> "$file.err" &
	CAP_PID=$!
	for _ in $(seq 100); do
		grep -q listening "$file.err" 2>/dev/null && return 0
		sleep 0.1
	done
}
cap_stop() {
	# Under TCG tcpdump may still have packets in its ring to write.
	sleep 1
	kill "$CAP_PID" 2>/dev/null
	wait "$CAP_PID" 2>/dev/null
}

# --- 1. IPv6 datagrams reassembled by conntrack ---------------------------------
#
# RFC 7915 section 5.1: only a packet without a Fragment Header gets DF
# (when over 1260 bytes); a datagram that arrived in fragments may be
# fragmented again, as ip6_forward() lets one that conntrack reassembled
# (frag_max_size). Issue 14 item 1: with conntrack on, nf_defrag_ipv6
# reassembles in PREROUTING, before the route; xlat took the datagram for
# a whole packet, set DF and answered Packet Too Big with an MTU the sender
# already met: a black hole. Any ct expression in the namespace does it.
# Both directions, ping and UDP, three MTU pairs (IPv6 link h6-r, IPv4
# links r-v4r-h4). The echo replies of the 4->6 ping come back 6->4 and
# fail with it; UDP 4->6 has no answer, and passes as a control.

for mtus in "1500 1400" "1280 1500" "1500 1300"; do
	# shellcheck disable=SC2086 # two MTUs, split on purpose
	set -- $mtus
	setup "$1" "$2" "$2" ct
	tag="[IPv6 $1, IPv4 $2, conntrack]"
	ping_check "conntrack-reassembled-6to4-ping-3000 $tag" 1 $H6 \
		-c 2 -i 0.3 -W 2 -s 3000 -I $SRV6 $CLAT6
	udp_check "conntrack-reassembled-6to4-udp-3000 $tag" \
		$H4 $H4A $H6 $SRV6 $CLAT6 5001 3000
	ping_check "conntrack-reassembled-4to6-ping-3000 $tag" 1 $H4 \
		-c 2 -i 0.3 -W 2 -s 3000 $SRV4
	udp_check "conntrack-reassembled-4to6-udp-3000 $tag" \
		$H6 $SRV6 $H4 $H4A $SRV4 5002 3000
done

# --- 2. The translator's own IPv6 traffic through a 6->4 route -----------------
#
# A host fragments its own datagrams (RFC 8200 section 5), so one bigger
# than the IPv4 path is fragmented, not refused; a packet that may not be
# (IPV6_DONTFRAG) comes back to the sender as EMSGSIZE or a learned path
# MTU (RFC 8201), not as a silent drop. Issue 14 item 2: local IPv6 meets
# the output redirect before ip6_fragment(), whole with a frag_list; xlat
# refused it with a Packet Too Big that icmpv6_send() drops (no skb->dev):
# the sender saw EINVAL, TCP stalled. The IPv6 device of the 6->4 route
# (r6) is 1500, the IPv4 link to v4r 1300. The echo replies of the ping
# come back in fragments: they also need item 4 below.

setup 1500 1300 1500
udp_check "local-6to4-udp-3000: the translator's own datagram, IPv4 link 1300" \
	$H4 $H4A $R $RPFX6 $CLAT6 5003 3000
tcp_check "local-6to4-tcp-upload: 200 kB from the translator, IPv6 device 1500, IPv4 link 1300" \
	$H4 $H4A $R $RPFX6 $CLAT6 5004 200000 8
ping_check "local-6to4-ping-2000: ping -6 -s 2000 from the translator" 2 $R \
	-c 3 -i 0.3 -W 2 -s 2000 -I $RPFX6 $CLAT6
echo "# h4 received $(in4 nstat -az IcmpInEchos | awk '/IcmpInEchos/ { print $2 }') echo requests"
out=$(inr "${PKT[@]}" dontfrag6 $RPFX6 $CLAT6 9 1400)
if [[ $out == *EMSGSIZE* ]] ||
   inr ip -6 route get $CLAT6 from $RPFX6 | grep -q "mtu 1320"; then
	pass "local-6to4-dontfrag-error: the sender learns the IPv4 limit ($out)"
else
	fail "local-6to4-dontfrag-error" \
		"IPV6_DONTFRAG, 1400 bytes: no EMSGSIZE, no mtu 1320 learned ($out)"
fi

# --- 4. 4->6 fragments delivered to the translator itself ------------------------
#
# RFC 7915 section 4.1 turns an IPv4 fragment into an IPv6 fragment; for
# this host, IPv6 reassembly (RFC 8200 section 4.5) must find it as if
# received: transport header at the Fragment Header. Issue 14 item 4: xlat
# set it after the Fragment Header, and ipv6_frag_rcv() read the upper
# layer as a Fragment Header. h4 sends to 203.0.113.1, EAM'd to
# 2001:db8:46::1 on the translator, and v4r fragments for the 1300-byte
# link. The same holds for the fragments xlat cuts itself: an echo that
# xlat reassembled (ICMP) and fragmented again for the IPv6 side.

udp_check "local-4to6-udp-fragments: 3000-byte UDPv4 to the translator's EAM address" \
	$R $EAM6 $H4 $H4A $EAM4 5005 3000
# Without DF (no PMTU discovery) v4r fragments the TCP segments.
in4 sysctl -qw net.ipv4.ip_no_pmtu_disc=1
tcp_check "local-4to6-tcp-fragments: TCP in IPv4 fragments to the translator's EAM address" \
	$R $EAM6 $H4 $H4A $EAM4 5006 200000 8
in4 sysctl -qw net.ipv4.ip_no_pmtu_disc=0
ping_check "local-4to6-icmp-refragmented: ping -s 2000 to the translator's EAM address" 1 \
	$H4 -c 2 -i 0.3 -W 2 -s 2000 $EAM4

# --- 9. Hop limit 1 for this host ----------------------------------------------
#
# RFC 8200 section 3, RFC 791: routers that forward decrement the hop limit
# (TTL); a packet for this host has made its last hop. Issue 14 item 9: xlat
# answered a hop limit or TTL of 1 with Time Exceeded although the
# translated packet was for the translator itself. Both shapes: IPv6 to
# 2001:db8:100:64::c000:201 (192.0.2.1, the translator's IPv4 address) and
# IPv4 to 203.0.113.1 (EAM'd to 2001:db8:46::1, its IPv6 address).

ping_check "local-6to4-hoplimit-1: hop limit 1 to the translator's own IPv4 address" 1 \
	$H6 -c 1 -W 2 -t 1 -I $SRV6 $RLOC6
ping_check "local-4to6-ttl-1: TTL 1 to the translator's own (EAM'd) IPv6 address" 1 \
	$V -c 1 -W 2 -t 1 $EAM4

# --- 3. VXLAN over the CLAT: partial checksums of an inner header -------------------
#
# RFC 7915 sections 4.5 and 5.5: the UDP checksum is updated for the new
# pseudo-header (a zero UDPv4 checksum computed, or zero kept for a tunnel,
# RFC 6935). A VXLAN sender with TX checksum offload leaves the inner TCP
# checksum to the device (CHECKSUM_PARTIAL, csum_start at the inner
# header), and its outer UDP field is 0 (IPv4, udpcsum off) or complete
# (IPv6, local checksum offload). Issue 14 item 3: xlat took that field for
# a pseudo-header seed. The translator's egress computes checksums in
# software (TX offload off), as a NIC would: receivers verify the outer
# checksum, and so can tcpdump on the captures of what the translator sent.
#
# The ping carries no partial checksum (ping computes its own): a control.
#
#   h4 vx0 192.0.0.1/29: VXLAN 42 over IPv4, 192.0.2.66 <-> 198.51.100.7
#   h6 vx0 192.0.0.2/29: VXLAN 42 over IPv6, $SRV6 <-> $CLAT6

setup 1500 1500 1500
inr "${PKT[@]}" txcsum off r6 r4
ip -n $H4 link add vx0 type vxlan id 42 local $H4A remote $SRV4 dstport 4789
ip -n $H6 link add vx0 type vxlan id 42 local $SRV6 remote $CLAT6 dstport 4789 \
	udp6zerocsumrx
for ns in $H4 $H6; do
	ip -n "$ns" link set vx0 mtu 1200 up
done
ip -n $H4 addr add 192.0.0.1/29 dev vx0
ip -n $H6 addr add 192.0.0.2/29 dev vx0
cap_start $R any "$TMP/vx.pcap" -Q out udp port 4789
ping_check "vxlan-partial-csum-ping: ping through VXLAN over the CLAT" 2 $H4 \
	-c 3 -i 0.3 -W 2 192.0.0.2
# Each side opens a connection: its SYN is the first partial-checksum
# packet of its direction.
tcp_check "vxlan-partial-csum-tcp-from-h4: TCP through VXLAN over the CLAT, h4 connects" \
	$H6 192.0.0.2 $H4 192.0.0.1 192.0.0.2 5007 100000 6
tcp_check "vxlan-partial-csum-tcp-from-h6: TCP through VXLAN over the CLAT, h6 connects" \
	$H4 192.0.0.1 $H6 192.0.0.2 192.0.0.1 5008 100000 6
cap_stop
# tcpdump -vv verifies each outer UDP checksum ("no cksum" is a zero one
# in IPv4): one "FAMILY VERDICT | PACKET" line per packet the translator
# sent.
tcpdump -nvv -r "$TMP/vx.pcap" 2>/dev/null > "$TMP/vx.txt"
awk '/^[0-9][0-9]:/ { fam = $4; hdr = $0 }
     match($0, /udp sum ok|bad udp cksum 0x[0-9a-f]+|no cksum/) {
	print fam, substr($0, RSTART, RLENGTH), "|",
	      hdr == $0 ? $0 : hdr " " $0
     }' "$TMP/vx.txt" > "$TMP/vx.sums"
for d in "IP6:4to6" "IP:6to4"; do
	sums=$(grep "^${d%:*} " "$TMP/vx.sums")
	all=$(grep -c . <<< "$sums")
	bad=$(grep '^[^|]* bad ' <<< "$sums" | grep -v 'cksum 0x0000 |')
	if [ -n "$sums" ] && [ -z "$bad" ]; then
		pass "vxlan-partial-csum-outer-udp-${d#*:}: $all outer UDP checksums right or zero"
	else
		fail "vxlan-partial-csum-outer-udp-${d#*:}" \
			"$(grep -c . <<< "$bad") of $all translated outer UDP checksums wrong" \
			"$(head -n 1 <<< "$bad" | cut -d'|' -f2- | tr -s ' ')"
	fi
done

# --- 6 and 7. Path MTU learned from translated errors, never from spoofs ------------
#
# Documentation/networking/xlat.rst, "ICMP errors": Fragmentation Needed and
# Packet Too Big "also teach this host the path MTU towards the quoted
# destination (route exceptions ...), so that the next translated packets
# already fit". Issue 14 item 6: for Fragmentation Needed,
# ipv4_update_pmtu() got the quoted, non-local source without
# FLOWI_FLAG_ANYSRC, and nothing was learned. Issue 14 item 7: the MTU was
# learned before the quote was checked, so a spoofed error could pin any
# destination at 1280. RFC 8201 section 6 and RFC 5927: a node believes an
# error only about a packet it could have sent; here, a quote whose
# addresses this encap maps, with the near-side rule (a local-map address
# on one side). The genuine Packet Too Big is the control; the spoofed
# Fragmentation Needed pass as long as nothing is learned at all.
#
# The same topology serves item 9's tos4 and reassembly timeout checks
# below: their lone fragments go first, so that their queues time out
# (after 2 s) while the rest runs; tcpdump on h4 and h6 sees both.

setup 1500 1500 1300
inr sysctl -qw net.ipv4.ipfrag_time=2
inr sysctl -qw net.netfilter.nf_conntrack_frag6_timeout=2
cap_start $H4 h4 "$TMP/h4.pcap" 'icmp and (icmp[0] == 11 or icmp[0] == 8)'
pid4=$CAP_PID
cap_start $H6 h6 "$TMP/h6.pcap" icmp6 and 'ip6[40] == 3'
pid6=$CAP_PID
in4 "${PKT[@]}" frag4-first $H4A $SRV4
in6 "${PKT[@]}" frag6-first $SRV6 $CLAT6
# Spoofed Packet Too Big from the IPv6 side to the CLAT address, spoofed
# Fragmentation Needed from the IPv4 side to the far side; then a genuine
# Packet Too Big, about another destination.
in6 "${PKT[@]}" batch <<-EOF
	ptb6 2001:db8:6::2 $CLAT6 2001:db8:6::99 $SRV6
	ptb6 2001:db8:6::2 $CLAT6 64:ff9b:1:c633:64:b00:: 64:ff9b:1:c633:64:c00::
	ptb6 2001:db8:6::2 $CLAT6 $CLAT6 2001:db8:6::2
	ptb6 2001:db8:6::2 $CLAT6 $CLAT6 64:ff9b:1:c633:64:800:: --garbage
	ptb6 2001:db8:6::2 $CLAT6 $CLAT6 64:ff9b:1:c633:64:a00::
EOF
in4 "${PKT[@]}" batch <<-EOF
	fragneeded4 $H4A $SRV4 $SRV4 198.51.100.8
	fragneeded4 $H4A $SRV4 $SRV4 192.0.2.70 --garbage
EOF
sleep 0.5
nomtu() {
	local name=$1 dst=$2 out
	out=$(inr ip route get "$dst" 2>&1)
	if grep -q " mtu " <<< "$out"; then
		fail "$name" "ip route get $dst: $(tr -s ' \n' ' ' <<< "$out")"
	else
		pass "$name: no mtu learned for $dst"
	fi
}
nomtu "pmtu-poison-ptb-foreign-quoted-source: PTB quoting 2001:db8:6::99 -> $SRV6" $SRV6
nomtu "pmtu-poison-ptb-off-near-side: PTB quoting far side -> far side (198.51.100.11 -> .12)" \
	64:ff9b:1:c633:64:c00::
nomtu "pmtu-poison-ptb-unmapped-quoted-destination: PTB quoting $CLAT6 -> 2001:db8:6::2" \
	2001:db8:6::2
nomtu "pmtu-poison-ptb-garbage-quote: PTB quoting an unparsable header" \
	64:ff9b:1:c633:64:800::
nomtu "pmtu-poison-frag-needed-off-near-side: Frag-Needed quoting $SRV4 -> 198.51.100.8" \
	198.51.100.8
nomtu "pmtu-poison-frag-needed-garbage-quote: Frag-Needed quoting an unparsable header" \
	192.0.2.70
out=$(inr ip -6 route get 64:ff9b:1:c633:64:a00::)
check "pmtu-genuine-ptb-teaches: PTB quoting $CLAT6 -> 198.51.100.10 sets mtu 1280" \
	grep -q "mtu 1280" <<< "$out"

# Item 6: a real Fragmentation Needed from v4r, whose next hop is 1300.
out=$(in6 ping -c 1 -W 2 -M "do" -s 1400 -I $SRV6 $CLAT6 2>&1)
echo "$out" | sed -n 2p | sed 's/^/# /'
out=$(inr ip route get $H4A)
check "pmtu4-learned-from-frag-needed: ip route get $H4A shows mtu 1300 ($(tr -s ' \n' ' ' <<< "$out"))" \
	grep -q "mtu 1300" <<< "$out"
in6 ip -6 route flush cache
out=$(in6 ping -c 1 -W 2 -M "do" -s 1400 -I $SRV6 $CLAT6 2>&1)
check "pmtu4-learned-next-packet-refused-by-translator: Packet Too Big mtu 1320 from 2001:db8:6::1 ($(sed -n 2p <<< "$out"))" \
	grep -qiE "From 2001:db8:6::1 .*too big.*mtu *= *1320" <<< "$out"

# --- 9. tos4 keeps ECN ---------------------------------------------------------------
#
# RFC 7915 section 5.1: TOS from the Traffic Class, or a configured value;
# RFC 3168 section 5 and RFC 6040: the ECN field is end to end, a DSCP
# policy does not overwrite it. Issue 14 item 9: tos4 overwrote the ECN
# bits. The echo request (77 bytes of data) carries ECN CE.

ip -n $R -6 route replace 2001:db8:100:64::/96 encap xlat "${CFG[@]}" tos4 0xb8 dev r6
in6 ping -c 1 -W 2 -Q 3 -s 77 -I $SRV6 $CLAT6 > /dev/null 2>&1

# --- 9. No reassembly timeout from a translator in the middle -----------------------
#
# RFC 792 and RFC 8200 section 4.5: Time Exceeded "fragment reassembly time
# exceeded" comes from the destination that reassembles. Issue 14 item 9:
# the IP_DEFRAG_XLAT and IP6_DEFRAG_XLAT queues, which hold fragmented ICMP
# for a translator in the middle, sent it when they timed out. The lone
# first fragments of an echo, each way, were sent above.

sleep 1
CAP_PID=$pid4 cap_stop
CAP_PID=$pid6 cap_stop
tos=$(tcpdump -nv -r "$TMP/h4.pcap" 2>/dev/null | grep 'length 105)' |
      grep -oE 'tos 0x[0-9a-f]+' | head -n 1)
check_eq "tos4-keeps-ecn: tos4 0xb8, traffic class ECN CE -> TOS 0xbb" "tos 0xbb" "$tos"
n=$(tcpdump -nr "$TMP/h4.pcap" 'icmp[0] == 11' 2>/dev/null | grep -c .)
check_eq "no-reasm-timeout-4to6: no ICMPv4 Time Exceeded for an expired xlat queue" 0 "$n"
n=$(tcpdump -nr "$TMP/h6.pcap" 2>/dev/null | grep -c .)
check_eq "no-reasm-timeout-6to4: no ICMPv6 Time Exceeded for an expired xlat queue" 0 "$n"

# --- 9. The pools refuse what cannot be a source -----------------------------------
#
# RFC 6791 section 4, RFC 7915 section 5.3: the pools hold addresses the
# translator may put as the source of translated errors; unspecified,
# loopback, multicast or a whole /0 can never be one (RFC 1122 section
# 3.2.1.3, RFC 4291 section 2.7). Issue 14 item 9: 0.0.0.0/0 silently
# became 192.0.0.8, and the pools were not checked. The refusal names the
# attribute.

for p in icmp-source-pool4\ {0.0.0.0/0,0.0.0.0/32,127.0.0.1/32,224.0.0.1/32} \
	 icmp-source-pool6\ {::/0,::/128,::1/128,ff02::1/128}; do
	# shellcheck disable=SC2086 # $p: an attribute and its value, two words
	check_refused "pool-refuses-${p#* }: $p refused, the message names it" \
		"${p% *}" ip -n $R route add 198.51.100.0/24 encap xlat \
		remote-prefix6 64:ff9b:1::/48 $p dev r6
	ip -n $R route del 198.51.100.0/24 2>/dev/null
done

# --- 9. xlat routes inside a VRF ------------------------------------------------------
#
# The route of a translated packet belongs to the VRF of the packet
# (Documentation/networking/vrf.rst): the one of the interface it came in
# on, or the one its socket is bound to (SO_BINDTODEVICE). Issue 14 item 9:
# the lookups of translated local packets had no oif and used the main
# table. The translator's links and both xlat routes are in VRF blue;
# forwarding through them (vrf-forwarded) is the control.

setup 1500 1500 1500 vrf
# The translator's own IPv6 source under remote-prefix6, in the VRF.
ip -n $R addr add $RPFX6/128 dev blue
ip -n $R -6 route replace 2001:db8:100:64::/96 encap xlat "${CFG[@]}" dev r6 \
	src $RPFX6 table 10
ping_check "vrf-forwarded: h4 through the xlat routes of VRF blue" 2 $H4 \
	-c 3 -i 0.3 -W 2 $SRV4
ping_check "vrf-local-4to6-bindtodevice: the translator's ping -I blue (SO_BINDTODEVICE)" 2 $R \
	-c 3 -i 0.3 -W 2 -I blue $SRV4
ping_check "vrf-local-6to4-bindtodevice: the translator's ping -6 -I blue" 2 $R \
	-c 3 -i 0.3 -W 2 -I blue $CLAT6

xlat_done
