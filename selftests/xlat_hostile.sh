#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Hostile traffic: while iperf3 and ping run through a CLAT, scapy sends
# both directions of dedicated xlat routes every ICMP type and code,
# nested errors, quoted packets cut anywhere, extension header chains that
# run past the packet, bad transport lengths, zero-length and oversize
# payloads, and tiny and overlapping fragments. The real flows must keep
# working, and every hostile packet must be accounted for by the routes'
# counters: translated or dropped with a reason. (On the debug kernel,
# vm-run fails on any sanitizer report and check.sh scans for leaks.)
#
# The hostile 4->6 route and the IPv4 route back to h4 have an MTU of
# 1300, so that oversize packets meet Frag-Needed, Packet Too Big and
# fragmentation on the way.
#
#   SELFTESTS=xlat_hostile scripts/check.sh selftests
#
#   +-- ns ho-h4 --+      +------------ ns ho-r (CLAT) -------------+      +-- ns ho-h6 ---------+
#   | h4           |------| r4 192.0.0.2/29                           |------| h6 2001:db8:1::2    |
#   | 192.0.0.1/29 |      | 0.0.0.0/0          encap xlat (real flows)|      | 64:ff9b:1:c633:64:  |
#   | scapy        |      | 203.0.113.0/24     encap xlat (hostile)   |      |   700:: iperf3 -s   |
#   +--------------+      | 2001:db8:1:2::1234 encap xlat (real)      |      | scapy               |
#                         | 2001:db8:1:2::99   encap xlat (hostile)   |      +---------------------+
#                         +-------------------------------------------+
#
# The hostile packets carry valid outer headers (right IPv4 header
# checksum and lengths, no Hop-by-Hop options), so that the IP input path
# of the router hands every one of them to the encap.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require scapy iperf3

H4=ho-h4-$$
R=ho-r-$$
H6=ho-h6-$$
SRV4=198.51.100.7
SRV6=64:ff9b:1:c633:64:700::
CLAT6=2001:db8:1:2::1234
HOST6=2001:db8:1:2::99
CFG=(remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 "$CLAT6/128" count)
HCFG=(remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 "$HOST6/128" count)

in4() { ip netns exec $H4 "$@"; }
in6() { ip netns exec $H6 "$@"; }

ns_new $H4
ns_new $R
ns_new $H6
veth $H4 h4 $R r4
veth $R r6 $H6 h6
ip -n $H4 link set h4 mtu 1480
ip -n $R link set r4 mtu 1480
ip -n $H4 addr add 192.0.0.1/29 dev h4
ip -n $H4 route add default via 192.0.0.2
ip -n $R addr add 192.0.0.2/29 dev r4
ip -n $R addr add 2001:db8:1::1/64 dev r6 nodad
ip -n $H6 addr add 2001:db8:1::2/64 dev h6 nodad
ip -n $H6 addr add $SRV6/128 dev h6 nodad
ip -n $H6 route add $CLAT6/128 via 2001:db8:1::1
ip -n $H6 route add $HOST6/128 via 2001:db8:1::1
# What 4->6 translates for 203.0.113.0/24 (64:ff9b:1:cb00::/64) ends
# here silently. Without this, h6 answers each packet with an ICMPv6
# "no route" error to HOST6 (rate-limited), which the 6->4 hostile route
# then counts on top of what scapy sent.
ip -n $H6 route add blackhole 64:ff9b:1:cb00::/64
ip netns exec $R sysctl -qw net.ipv4.ip_forward=1
ip netns exec $R sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n $R -6 route add 64:ff9b:1::/48 via 2001:db8:1::2
ip -n $R route add default encap xlat "${CFG[@]}" dev r6
ip -n $R -6 route add $CLAT6/128 encap xlat "${CFG[@]}" dev r6
ip -n $R route add 203.0.113.0/24 encap xlat "${HCFG[@]}" dev r6 mtu 1300
ip -n $R -6 route add $HOST6/128 encap xlat "${HCFG[@]}" dev r6
# 6->4 takes its MTU from the IPv4 route of the translated packet.
ip -n $R route add 192.0.0.1/32 dev r4 mtu 1300

# total ROUTE-ARGS: translated packets plus every drop of a route.
total() {
	ip -n $R -s "$@" | python3 -c '
import re, sys
t = sys.stdin.read()
n = sum(int(v) for v in re.findall(r" drop [a-z0-9-]+ ([0-9]+)", t))
m = re.search(r" packets ([0-9]+)", t)
print(n + (int(m.group(1)) if m else 0))'
}

in6 iperf3 -s -1 -B $SRV6 > /dev/null 2>&1 &
wait_port $H6 tcp 5201
in4 timeout 300 iperf3 -c $SRV4 -t 40 > "$XLAT_TMP"/ho-iperf 2>&1 &
iperf=$!
in4 ping -c 150 -i 0.2 -W 2 $SRV4 > "$XLAT_TMP"/ho-ping 2>&1 &
ping=$!
sleep 2

# --- 4->6: hostile IPv4 from h4 to 203.0.113.0/24 -------------------------------
sent4=$(in4 python3 - <<'EOF'
import logging, random
logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
from scapy.all import (IP, ICMP, UDP, TCP, Raw, IPOption_NOP, send, conf,
                       L3RawSocket)
conf.L3socket = L3RawSocket          # the kernel routes; one hop to the CLAT
random.seed(7915)
src, dst = "192.0.0.1", "203.0.113.9"
inner = IP(src=dst, dst=src, ttl=5) / UDP(sport=53, dport=4000) / Raw(b"q" * 40)
pk = []
# Every ICMP type with a spread of codes, and every code that RFC 792,
# 1191, 1812 and 6918 define for the types that have codes, one past each
# range too (Destination Unreachable 0-15, Redirect 0-3, Time Exceeded
# 0-1, Parameter Problem 0-2); as is and quoting a packet cut at every
# length, and errors nested in errors.
codes = {3: range(0, 17), 5: range(0, 5), 11: range(0, 3), 12: range(0, 4)}
for t in range(0, 256):
    for c in sorted({0, 1, 2, 3, 4, 5, 9, 13, 15, 16, 255} | set(codes.get(t, ()))):
        pk.append(IP(src=src, dst=dst) / ICMP(type=t, code=c) / Raw(bytes(inner)[:(t * 7 + c) % 69]))
for cut in range(0, 69, 3):
    pk.append(IP(src=src, dst=dst) / ICMP(type=3, code=3) / Raw(bytes(inner)[:cut]))
    pk.append(IP(src=src, dst=dst) / ICMP(type=11) / Raw(bytes(IP(src=dst, dst=src) / ICMP(type=3, code=1) / bytes(inner)[:cut])))
# Quoted headers lying about their lengths; RFC 4884 lengths out of range.
for ln in (0, 5, 20, 21, 1500, 65535):
    q = bytearray(bytes(inner)); q[2:4] = ln.to_bytes(2, "big"); q[0] = 0x40 | (ln % 16)
    pk.append(IP(src=src, dst=dst) / ICMP(type=3, code=1, length=ln % 256) / Raw(bytes(q)))
# Transport headers cut short, lying UDP lengths, zero and oversize payloads.
for n in range(0, 21):
    pk.append(IP(src=src, dst=dst, proto=6) / Raw(bytes(TCP(sport=1, dport=2))[:n]))
    pk.append(IP(src=src, dst=dst, proto=17) / Raw(bytes(UDP(sport=1, dport=2))[:n % 9]))
for ln in (0, 7, 8, 9, 4000, 65535):
    pk.append(IP(src=src, dst=dst) / UDP(sport=1, dport=2, len=ln, chksum=0x1234) / Raw(b"u" * 10))
pk.append(IP(src=src, dst=dst) / UDP(sport=1, dport=2, chksum=0))
# Oversize for the 1300-byte route: fragmented without DF, Frag-Needed
# with it, and a fragment that must be cut again.
pk.append(IP(src=src, dst=dst) / TCP(sport=1, dport=2) / Raw(b"x" * 1420))
pk.append(IP(src=src, dst=dst, flags="DF") / TCP(sport=1, dport=2) / Raw(b"x" * 1420))
pk.append(IP(src=src, dst=dst, proto=6, id=78, flags="MF") / Raw(b"x" * 1432))
# Options, TTL edges, unknown protocols.
pk.append(IP(src=src, dst=dst, options=[IPOption_NOP()] * 40) / TCP())
for ttl in (0, 1, 2, 255):
    pk.append(IP(src=src, dst=dst, ttl=ttl) / TCP())
for p in (0, 4, 41, 43, 44, 50, 58, 132, 255):
    pk.append(IP(src=src, dst=dst, proto=p) / Raw(b"p" * 16))
# TCP fragments (translated one by one): tiny, overlapping, offsets at
# the end of the range, MF on the last.
for off, mf, n in ((0, 1, 8), (1, 1, 8), (0, 1, 16), (1, 0, 8), (8191, 0, 8), (8190, 1, 16), (3, 0, 0)):
    pk.append(IP(src=src, dst=dst, proto=6, id=77, frag=off, flags="MF" if mf else 0) / Raw(b"f" * n))
send(pk, verbose=False)
print(len(pk))
EOF
)

# --- 6->4: hostile IPv6 from h6 to the hostile route's address ---------------------
sent6=$(in6 python3 - "$HOST6" "$SRV6" <<'EOF'
import logging, sys
logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
from scapy.all import (IPv6, ICMPv6Unknown, ICMPv6DestUnreach, ICMPv6PacketTooBig,
                       ICMPv6TimeExceeded, ICMPv6ParamProblem, IPv6ExtHdrDestOpt,
                       IPv6ExtHdrRouting, IPv6ExtHdrFragment, UDP, TCP, Raw,
                       send, conf, L3RawSocket6)
conf.L3socket6 = L3RawSocket6
dst, src = sys.argv[1], sys.argv[2]
inner = IPv6(src=dst, dst=src, hlim=5) / UDP(sport=53, dport=4000) / Raw(b"q" * 40)
pk = []
# RFC 4443 and RFC 7915 codes: Destination Unreachable 0-8, Packet Too
# Big 0, Time Exceeded 0-1, Parameter Problem 0-3, and one past each.
codes = {1: range(0, 10), 2: range(0, 2), 3: range(0, 3), 4: range(0, 5)}
for t in range(0, 256):
    for c in sorted({0, 1, 2, 3, 4, 5, 255} | set(codes.get(t, ()))):
        pk.append(IPv6(src=src, dst=dst) / ICMPv6Unknown(type=t, code=c) / Raw(bytes(inner)[:(t * 5 + c) % 89]))
for cut in range(0, 89, 4):
    pk.append(IPv6(src=src, dst=dst) / ICMPv6DestUnreach(code=4) / Raw(bytes(inner)[:cut]))
    pk.append(IPv6(src=src, dst=dst) / ICMPv6TimeExceeded() / Raw(bytes(IPv6(src=dst, dst=src) / ICMPv6DestUnreach() / bytes(inner)[:cut])))
for m in (0, 1, 68, 1279, 1280, 65535, 2 ** 32 - 1):
    pk.append(IPv6(src=src, dst=dst) / ICMPv6PacketTooBig(mtu=m) / Raw(bytes(inner)))
for ptr in (0, 6, 7, 8, 24, 39, 40, 2 ** 31):
    pk.append(IPv6(src=src, dst=dst) / ICMPv6ParamProblem(ptr=ptr) / Raw(bytes(inner)))
# Extension chains: long, running past the packet, routing headers.
for k in (1, 4, 15, 16, 17):
    h = IPv6(src=src, dst=dst)
    for _ in range(k):
        h = h / IPv6ExtHdrDestOpt()
    pk.append(h / TCP())
pk.append(IPv6(src=src, dst=dst, nh=60) / Raw(b"\x06\xff" + b"\0" * 6))
pk.append(IPv6(src=src, dst=dst) / IPv6ExtHdrRouting(segleft=1, addresses=["2001:db8::1"]) / TCP())
pk.append(IPv6(src=src, dst=dst) / IPv6ExtHdrRouting(segleft=0, addresses=["2001:db8::1"]) / TCP())
for n in range(0, 21):
    pk.append(IPv6(src=src, dst=dst, nh=6) / Raw(bytes(TCP())[:n]))
for ln in (0, 7, 8, 9, 4000):
    pk.append(IPv6(src=src, dst=dst) / UDP(sport=1, dport=2, len=ln) / Raw(b"u" * 10))
pk.append(IPv6(src=src, dst=dst, nh=59))
pk.append(IPv6(src=src, dst=dst) / TCP() / Raw(b"x" * 1400))  # Packet Too Big
pk.append(IPv6(src=src, dst=dst) / IPv6ExtHdrFragment(id=8, m=1, nh=6) / Raw(b"x" * 1400))
for hl in (0, 1, 2):
    pk.append(IPv6(src=src, dst=dst, hlim=hl) / TCP())
# TCP fragments: tiny, overlapping, bad offsets; a fragment header
# followed by an extension header.
for off, m, n in ((0, 1, 8), (1, 1, 8), (8191, 0, 8), (0, 0, 0), (2, 1, 3)):
    pk.append(IPv6(src=src, dst=dst) / IPv6ExtHdrFragment(id=7, offset=off, m=m, nh=6) / Raw(b"f" * n))
pk.append(IPv6(src=src, dst=dst) / IPv6ExtHdrFragment(id=7, nh=60) / IPv6ExtHdrDestOpt(nh=6) / TCP())
send(pk, verbose=False)
print(len(pk))
EOF
)
sleep 2

wait $ping
tail -2 "$XLAT_TMP"/ho-ping | sed 's/^/# /'
check "ping kept working through the flood (no loss)" \
	grep -q " 0% packet loss" "$XLAT_TMP"/ho-ping
wait $iperf
rc=$?
tail -3 "$XLAT_TMP"/ho-iperf | sed 's/^/# /'
check_eq "iperf3 kept working through the flood" 0 "$rc"

got4=$(total route show 203.0.113.0/24)
got6=$(total -6 route show $HOST6/128)
echo "# 4->6: $sent4 sent, $got4 counted; 6->4: $sent6 sent, $got6 counted"
ip -n $R -s route show 203.0.113.0/24 | sed 's/^/# /'
ip -n $R -s -6 route show $HOST6/128 | sed 's/^/# /'
# The MF fragment of 1452 bytes is cut in two before translation, and
# each piece is counted as a translated packet.
check_eq "4->6: every hostile packet translated or dropped with a reason" \
	"$((sent4 + 1))" "$got4"
check_eq "6->4: every hostile packet translated or dropped with a reason" \
	"$sent6" "$got6"
# One oversize packet 4->6 has DF set; 6->4, the oversize packet without a
# Fragment Header (DF) and the oversize fragment get Packet Too Big.
# shellcheck disable=SC2317 # run by check
too_big() { local n=$1; shift; ip -n "$R" -s "$@" | grep -qE " drop packet-too-big $n( |$)"; }
check "4->6: the oversize DF packet got Frag-Needed" \
	too_big 1 route show 203.0.113.0/24
check "6->4: the oversize packet and the oversize fragment got Packet Too Big" \
	too_big 2 -6 route show $HOST6/128
check "the real routes dropped nothing unexpected" \
	test -z "$(ip -n $R -s route show default |
		grep -oE 'drop [a-z-]+ [1-9][0-9]*' | grep -v ttl-exceeded)"

xlat_done
