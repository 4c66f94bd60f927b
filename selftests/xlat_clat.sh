#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Real traffic through a CLAT router with xlat routes, in both seed
# configurations: the single host and the downstream (delegated prefix).
#
#   +--- ns cl-h4 ---+     +-------------- ns cl-r ---------------+     +---- ns cl-h6 ----+
#   | h4             |-----| r4 192.0.0.2/29, 192.0.2.1/24         |     |                  |
#   | 192.0.0.1/29   |     |                                       |     |                  |
#   | 192.0.2.2/24   |     |  0.0.0.0/0            encap xlat 4->6  |     | 2001:db8:1::2/64 |
#   | default via    |     |  2001:db8:1:2::1234   encap xlat 6->4  |-----| h6               |
#   |   192.0.0.2    |     |  2001:db8:100:64::/96 encap xlat 6->4  |     | server addresses |
#   +----------------+     |  r6 2001:db8:1::1/64                  |     | 64:ff9b:1:...    |
#                          +---------------------------------------+     +------------------+
#
# The IPv6-only server answers at 64:ff9b:1:c633:64:700:: (198.51.100.7
# under 64:ff9b:1::/48, RFC 6052 section 2.2).
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require scapy socat iperf3

clat_topology cl || { fail "topology"; xlat_done; }
SINGLE=("${CLAT_MAP[@]}")
DOWN=(remote-prefix6 64:ff9b:1::/48 local-map 192.0.2.0/24 2001:db8:100:64::/96
	count)
ip -n "$H6" route add 2001:db8:100:64::/96 via 2001:db8:1::1
ip -n "$R" -6 route add 2001:db8:100:64::/96 encap xlat "${DOWN[@]}" dev r6

# counter ROUTE-ARGS NAME: a counter of a route from `ip -s route show`.
counter() {
	local name=$1
	shift
	ip -n "$R" -s "$@" | sed -nE "s/.* $name ([0-9]+).*/\\1/p"
}
drops() {
	local name=$1
	shift
	counter "drop $name" "$@"
}

in4() { ip netns exec "$H4" "$@"; }
in6() { ip netns exec "$H6" "$@"; }
# shellcheck disable=SC2317 # run by check
inr() { ip netns exec "$R" "$@"; }

# --- ping both ways ---------------------------------------------------------

check "single host: ping 4->6->4" in4 ping -c 3 -i 0.2 -W 2 $SRV4
check_eq "single host: 4->6 route counted 3 packets" 3 \
	"$(counter packets route show default)"
check_eq "single host: 6->4 route counted 3 packets" 3 \
	"$(counter packets -6 route show $CLAT6/128)"
check "single host: ping from the IPv6 side to the IPv4 host" \
	in6 ping -c 3 -i 0.2 -W 2 -I $SRV6 $CLAT6
# One decrement per forwarding hop: the reply leaves h6 with hop limit 64
# and reaches h4 with TTL 63; TTL 1 expires at the CLAT (RFC 7915 4.1).
check_eq "single host: exactly one TTL decrement through the CLAT" "ttl=63" \
	"$(in4 ping -c 1 -W 2 $SRV4 | grep -o 'ttl=[0-9]*')"
check_eq "single host: TTL 1 gets Time Exceeded from the CLAT" \
	"From 192.0.0.2 icmp_seq=1 Time to live exceeded" \
	"$(in4 ping -c 1 -W 2 -t 1 $SRV4 | grep -o 'From.*exceeded')"
check_eq "single host: counted as ttl-exceeded" 1 \
	"$(drops ttl-exceeded route show default)"
check "single host: 1400-byte ping (DF clear, no fragmentation needed)" \
	in4 ping -c 2 -s 1372 -W 2 $SRV4

# --- TCP: data intact, checked by checksum ----------------------------------

head -c 2000000 /dev/urandom > "$XLAT_TMP"/cl-data
want=$(sha256sum < "$XLAT_TMP"/cl-data | cut -d' ' -f1)
# shellcheck disable=SC2016 # socat's SYSTEM shell expands $XLAT_TMP (exported)
in6 timeout 20 socat -u TCP6-LISTEN:5001,bind=[$SRV6],reuseaddr \
	SYSTEM:'sha256sum > $XLAT_TMP/cl-got' &
wait_port "$H6" tcp 5001
check "single host: TCP 2 MB 4->6" in4 timeout 20 socat -u \
	OPEN:"$XLAT_TMP"/cl-data TCP4:$SRV4:5001
wait
check_eq "single host: TCP data arrived intact" "$want  -" "$(cat "$XLAT_TMP"/cl-got)"

in6 timeout 20 socat -u OPEN:"$XLAT_TMP"/cl-data \
	TCP6-LISTEN:5002,bind=[$SRV6],reuseaddr &
wait_port "$H6" tcp 5002
got=$(in4 timeout 20 socat -u TCP4:$SRV4:5002 - | sha256sum | cut -d' ' -f1)
wait
check_eq "single host: TCP 2 MB 6->4 intact" "$want" "$got"

in6 iperf3 -s -1 -B $SRV6 -D --logfile "$XLAT_TMP"/cl-iperf-s.log
wait_port "$H6" tcp 5201
check "single host: iperf3 TCP" in4 iperf3 -c $SRV4 -t 2 -Z
sleep 0.5
in6 iperf3 -s -1 -B $SRV6 -D --logfile "$XLAT_TMP"/cl-iperf-s.log
wait_port "$H6" tcp 5201
check "single host: iperf3 TCP reverse" in4 iperf3 -c $SRV4 -t 2 -R

# --- UDP both ways ----------------------------------------------------------

in6 timeout 10 socat -u UDP6-RECVFROM:5003,bind=[$SRV6] \
	OPEN:"$XLAT_TMP"/cl-udp,creat,trunc &
wait_port "$H6" udp 5003
echo "hello over udp" | in4 socat -u - UDP4-SENDTO:$SRV4:5003
wait
check_eq "single host: UDP 4->6 datagram" "hello over udp" "$(cat "$XLAT_TMP"/cl-udp)"

in4 timeout 10 socat -u UDP4-RECVFROM:5004,bind=192.0.0.1 \
	OPEN:"$XLAT_TMP"/cl-udp,creat,trunc &
wait_port "$H4" udp 5004
echo "and back" | in6 socat -u - UDP6-SENDTO:[$CLAT6]:5004,bind=[$SRV6]:5005
wait
check_eq "single host: UDP 6->4 datagram" "and back" "$(cat "$XLAT_TMP"/cl-udp)"

# --- zero-checksum UDPv4 (RFC 7915 section 4.5) --------------------------------

# A UDP socket only delivers datagrams whose checksum is right, so the
# datagram arriving proves the computed checksum.
zero_udp() {
	in4 python3 - "$SRV4" <<'EOF'
import sys
from scapy.all import IP, UDP, Raw, send
send(IP(src="192.0.0.1", dst=sys.argv[1]) /
     UDP(sport=4000, dport=5006, chksum=0) / Raw(b"zero checksum"),
     verbose=False)
EOF
}
in6 timeout 60 socat -u UDP6-RECVFROM:5006,bind=[$SRV6] \
	OPEN:"$XLAT_TMP"/cl-udp,creat,trunc &
wait_port "$H6" udp 5006
zero_udp
wait
check_eq "udp-zero-checksum compute: arrives with a valid checksum" \
	"zero checksum" "$(cat "$XLAT_TMP"/cl-udp)"

ip -n "$R" route replace default encap xlat "${SINGLE[@]}" udp-zero-checksum drop dev r6
: > "$XLAT_TMP"/cl-udp
in6 timeout 3 socat -u UDP6-RECVFROM:5006,bind=[$SRV6] \
	OPEN:"$XLAT_TMP"/cl-udp,creat,trunc &
wait_port "$H6" udp 5006
zero_udp
wait
check_eq "udp-zero-checksum drop: nothing arrives" "" "$(cat "$XLAT_TMP"/cl-udp)"
check_eq "udp-zero-checksum drop: counted" 1 \
	"$(drops udp-zero-checksum route show default)"
ip -n "$R" route replace default encap xlat "${SINGLE[@]}" dev r6

# --- the near-side rule: a spoofed source ---------------------------------------

in4 python3 - "$SRV4" <<'EOF'
import sys
from scapy.all import IP, ICMP, send
send(IP(src="192.0.0.3", dst=sys.argv[1]) / ICMP(), verbose=False)
send(IP(src="203.0.113.9", dst=sys.argv[1]) / ICMP(), verbose=False)
EOF
check_eq "spoofed sources dropped and counted" 2 \
	"$(drops no-near-side-mapping route show default)"

# --- the well-known prefix refuses non-global IPv4 (RFC 6052 section 3.1) ----------

ip -n "$R" route replace default encap xlat remote-prefix6 64:ff9b::/96 \
	local-map 192.0.0.1/32 $CLAT6/128 count dev r6
check_refused "well-known prefix: 198.51.100.7 is not translated" "" \
	in4 ping -c 1 -W 1 $SRV4
check_eq "well-known prefix: counted as untranslatable-destination" 1 \
	"$(drops untranslatable-destination route show default)"
ip -n "$R" route replace default encap xlat "${SINGLE[@]}" dev r6

# --- route replace under a running ping loses nothing ---------------------------

in4 ping -c 100 -i 0.02 -W 2 $SRV4 > "$XLAT_TMP"/cl-ping 2>&1 &
for i in 1 2 3 4 5 6 7 8 9 10; do
	ip -n "$R" route replace default encap xlat "${SINGLE[@]}" \
		local-map 192.0.0.$((i % 4 + 3))/32 2001:db8:1:2::$i/128 dev r6
	sleep 0.15
done
wait
check_eq "route replace during ping: no packet lost" "0%" \
	"$(sed -nE 's/.* ([0-9.]+%) packet loss.*/\1/p' "$XLAT_TMP"/cl-ping)"
ip -n "$R" route replace default encap xlat "${SINGLE[@]}" dev r6

# --- downstream CLAT and the router's own traffic (output path) -----------------

ip -n "$R" route replace default encap xlat "${DOWN[@]}" dev r6
ip -n "$H4" route replace default via 192.0.2.1 src 192.0.2.2
check "downstream: ping from 192.0.2.2" in4 ping -c 3 -i 0.2 -W 2 $SRV4
check "downstream: ping from the IPv6 side to 2001:db8:100:64::c000:202" \
	in6 ping -c 3 -i 0.2 -W 2 -I $SRV6 2001:db8:100:64::c000:202
check "local output path: the router's own ping (192.0.2.1)" \
	inr ping -c 3 -i 0.2 -W 2 -I 192.0.2.1 $SRV4
# shellcheck disable=SC2016 # socat's SYSTEM shell expands $XLAT_TMP (exported)
in6 timeout 30 socat -u TCP6-LISTEN:5007,bind=[$SRV6],reuseaddr \
	SYSTEM:'sha256sum > $XLAT_TMP/cl-got' &
wait_port "$H6" tcp 5007
check "local output path: TCP 2 MB from the router" inr timeout 20 socat -u \
	OPEN:"$XLAT_TMP"/cl-data TCP4:$SRV4:5007,bind=192.0.2.1
wait
check_eq "local output path: TCP data intact" "$want  -" "$(cat "$XLAT_TMP"/cl-got)"

rm -f "$XLAT_TMP"/cl-data "$XLAT_TMP"/cl-got "$XLAT_TMP"/cl-udp "$XLAT_TMP"/cl-ping
xlat_done
