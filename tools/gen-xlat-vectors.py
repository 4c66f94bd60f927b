#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Generate net/ipv6/ila_xlat/tests/xlat_vectors.h: packet translation vectors.

Every expected packet is built here with scapy by applying the rules of
RFC 7915 (sections 4 and 5) and RFC 6052 by hand; nothing comes from the
kernel code under test. Run from the repository root:

    /usr/bin/python3 tools/gen-xlat-vectors.py > net/ipv6/ila_xlat/tests/xlat_vectors.h
"""
from scapy.all import (IP, IPv6, TCP, UDP, ICMP, ICMPv6EchoRequest,
                       ICMPv6EchoReply, ICMPv6ND_RS, IPv6ExtHdrFragment,
                       IPv6ExtHdrHopByHop, IPv6ExtHdrDestOpt,
                       IPv6ExtHdrRouting, IPOption, IPOption_LSRR, Raw,
                       ICMPv6DestUnreach, ICMPv6PacketTooBig,
                       ICMPv6TimeExceeded, ICMPv6ParamProblem, ICMPv6Unknown,
                       in6_chksum)
import socket
import struct

H4, S4 = "192.0.0.1", "198.51.100.7"
H6 = "2001:db8:1:2::1234"
# RFC 6052 2.2, /48: octets 1-2 of 198.51.100.7 in bytes 6-7, u-octet 8
# zero, octets 3-4 in bytes 9-10: 64:ff9b:1:c633:0064:0700::
S6 = "64:ff9b:1:c633:64:700::"
# RFC 6052 2.2, /96 (well-known prefix) for the refusal cases
S6_WKP = "64:ff9b::c633:6407"

vectors = []


def add(name, direction, pkt, out=None, cfg=0, fwd=False, drop=None,
        icmp=None, any_id=False, raw_in=None, mtu=0, frag_size=0,
        refrag=False, frag_id=0, hairpin=False):
    """mtu: the route MTU the translation is told (0: no limit);
    frag_size: the fragment size it must ask for, frag_id the Fragment
    Header Identification; refrag: an IPv4 fragment to cut smaller before
    translation (nothing translated); hairpin: 6->4 and back to IPv6."""
    vectors.append(dict(name=name, dir=direction, cfg=cfg, fwd=fwd,
                        inp=raw_in if raw_in is not None else bytes(pkt),
                        out=bytes(out) if out is not None else None,
                        drop=drop, icmp=icmp, any_id=any_id, mtu=mtu,
                        frag_size=frag_size, refrag=refrag,
                        frag_id=frag_id, hairpin=hairpin))


def ones_add(a, b):
    s = a + b
    return (s & 0xffff) + (s >> 16)


def sum16(data):
    if len(data) % 2:
        data += b"\0"
    s = 0
    for i in range(0, len(data), 2):
        s = ones_add(s, (data[i] << 8) | data[i + 1])
    return s


def addr_sum(*addrs):
    b = b""
    for a in addrs:
        fam = socket.AF_INET6 if ":" in a else socket.AF_INET
        b += socket.inet_pton(fam, a)
    return sum16(b)


def adjust(field, old_sum, new_sum):
    """RFC 1624: field' = ~(~field - old + new), in one's complement."""
    s = ones_add(field ^ 0xffff, old_sum ^ 0xffff)
    s = ones_add(s, new_sum)
    return s ^ 0xffff


PAYLOAD = Raw(b"ipxlat test payload, 0123456789abcdef")

# ---------------------------------------------------------------- 4 -> 6

tcp = TCP(sport=40000, dport=80, flags="S", seq=1000, window=8192)
add("RFC 7915 4.1 TCP, TOS to Traffic Class, TTL to Hop Limit (local)",
    46, IP(src=H4, dst=S4, tos=0x10, ttl=64, id=7, flags="DF") / tcp / PAYLOAD,
    IPv6(src=H6, dst=S6, tc=0x10, fl=0, hlim=64) / tcp / PAYLOAD)
add("RFC 7915 4.1 forwarded: TTL copied, IPv6 forwarding decrements",
    46, IP(src=H4, dst=S4, ttl=30) / tcp, IPv6(src=H6, dst=S6, hlim=30) / tcp,
    fwd=True)
add("RFC 7915 4.1 forwarded TTL 1: Time Exceeded", 46,
    IP(src=H4, dst=S4, ttl=1) / tcp, drop="TTL_EXCEEDED", fwd=True,
    icmp=(11, 0, 0))
add("RFC 7915 4.1 locally generated TTL 1 is translated", 46,
    IP(src=H4, dst=S4, ttl=1) / tcp, IPv6(src=H6, dst=S6, hlim=1) / tcp)
add("RFC 7915 4.1 tclass zero option", 46,
    IP(src=H4, dst=S4, tos=0xb8) / tcp, IPv6(src=H6, dst=S6, tc=0) / tcp,
    cfg=1)
add("RFC 3168 9 tclass zero keeps the ECN field", 46,
    IP(src=H4, dst=S4, tos=0xbb) / tcp, IPv6(src=H6, dst=S6, tc=0x03) / tcp,
    cfg=1)
udp = UDP(sport=5353, dport=53)
add("RFC 7915 4.5 UDP checksum follows the pseudo-header", 46,
    IP(src=H4, dst=S4) / udp / PAYLOAD, IPv6(src=H6, dst=S6) / udp / PAYLOAD)
add("RFC 7915 4.5 zero UDP checksum computed", 46,
    IP(src=H4, dst=S4) / UDP(sport=5353, dport=53, chksum=0) / PAYLOAD,
    IPv6(src=H6, dst=S6) / udp / PAYLOAD)
# RFC 7915 4.5 and 4.4: refused with Destination Unreachable, code 13.
add("RFC 7915 4.5 zero UDP checksum dropped (udp-zero-checksum drop): 3/13",
    46, IP(src=H4, dst=S4) / UDP(sport=5353, dport=53, chksum=0) / PAYLOAD,
    cfg=1, drop="UDP_ZERO_CSUM", icmp=(3, 13, 0))
add("RFC 7915 4.5 fragmented zero-checksum UDP: 3/13", 46,
    IP(src=H4, dst=S4, flags="MF", id=9) /
    UDP(sport=5353, dport=53, chksum=0, len=1000) / PAYLOAD,
    drop="UDP_ZERO_CSUM_FRAG", icmp=(3, 13, 0))
echo4 = ICMP(type=8, id=0x4242, seq=1) / PAYLOAD
add("RFC 7915 4.2 Echo Request becomes type 128", 46,
    IP(src=H4, dst=S4) / echo4,
    IPv6(src=H6, dst=S6) / ICMPv6EchoRequest(id=0x4242, seq=1) / PAYLOAD)
add("RFC 7915 4.2 Echo Reply becomes type 129", 46,
    IP(src=H4, dst=S4) / ICMP(type=0, id=7, seq=9) / PAYLOAD,
    IPv6(src=H6, dst=S6) / ICMPv6EchoReply(id=7, seq=9) / PAYLOAD)
add("RFC 7915 4.2 other informational ICMP (timestamp) dropped", 46,
    IP(src=H4, dst=S4) / ICMP(type=13, ts_ori=1, ts_rx=2, ts_tx=3), drop="ICMP_TYPE")
add("RFC 7915 1.2 fragmented ICMP dropped", 46,
    IP(src=H4, dst=S4, flags="MF") / echo4, drop="ICMP_FRAGMENT")

# A corrupt TCP checksum stays exactly as corrupt (RFC 1624 update).
good4 = IP(bytes(IP(src=H4, dst=S4) / tcp / PAYLOAD))
bad = bytearray(bytes(good4))
f4 = struct.unpack("!H", bad[36:38])[0]
struct.pack_into("!H", bad, 36, ones_add(f4, 1))
good6 = IPv6(bytes(IPv6(src=H6, dst=S6) / tcp / PAYLOAD))
exp = bytearray(bytes(good6))
f6 = struct.unpack("!H", exp[56:58])[0]
struct.pack_into("!H", exp, 56, ones_add(f6, 1))
add("RFC 7915 4.5 corrupt TCP checksum stays exactly as corrupt", 46, None,
    exp, raw_in=bytes(bad))

add("RFC 7915 4.1 IPv4 options are not translated", 46,
    IP(src=H4, dst=S4, options=[IPOption(b"\x01\x01\x01\x01")]) / tcp,
    IPv6(src=H6, dst=S6) / tcp)
add("RFC 7915 4.1 unexpired LSRR: ICMPv4 3/5", 46,
    IP(src=H4, dst=S4,
       options=[IPOption_LSRR(routers=["203.0.113.1"], pointer=4)]) / tcp,
    drop="SOURCE_ROUTE", icmp=(3, 5, 0))
# scapy would take the pseudo-header destination from the source route;
# the route is used up, so S4 is the final destination (RFC 791 3.1).
tcp_s4 = TCP(bytes(IP(src=H4, dst=S4) / tcp)[20:])
add("RFC 7915 4.1 expired LSRR is ignored", 46,
    IP(src=H4, dst=S4,
       options=[IPOption_LSRR(routers=["203.0.113.1"], pointer=8)]) / tcp_s4,
    IPv6(src=H6, dst=S6) / tcp)

# Fragments: RFC 7915 4.1, Fragment Header only for fragments (RFC 8021).
first = IP(src=H4, dst=S4, id=0x1234, flags="MF", frag=0) / \
    UDP(sport=5353, dport=53, len=1000, chksum=0x1111) / PAYLOAD
c = adjust(0x1111, addr_sum(H4, S4), addr_sum(H6, S6))
add("RFC 7915 4.1 first fragment: Fragment Header, ID, M", 46, first,
    IPv6(src=H6, dst=S6) /
    IPv6ExtHdrFragment(nh=17, id=0x1234, m=1, offset=0) /
    UDP(sport=5353, dport=53, len=1000, chksum=c) / PAYLOAD)
mid = IP(src=H4, dst=S4, id=0xbeef, flags="MF", frag=185, proto=17) / PAYLOAD
add("RFC 7915 4.1 middle fragment: offset copied", 46, mid,
    IPv6(src=H6, dst=S6) /
    IPv6ExtHdrFragment(nh=17, id=0xbeef, m=1, offset=185) / PAYLOAD)
last = IP(src=H4, dst=S4, id=0xbeef, frag=370, proto=17) / PAYLOAD
add("RFC 7915 4.1 last fragment: M clear", 46, last,
    IPv6(src=H6, dst=S6) /
    IPv6ExtHdrFragment(nh=17, id=0xbeef, m=0, offset=370) / PAYLOAD)
gre = Raw(b"\x00\x00\x08\x00" + b"not parsed" * 3)
add("RFC 7915 4.5 other protocols (GRE) pass untouched", 46,
    IP(src=H4, dst=S4, proto=47) / gre, IPv6(src=H6, dst=S6, nh=47) / gre)
add("near-side rule: a source not in local-map is dropped", 46,
    IP(src="198.51.100.99", dst="203.0.113.5") / tcp, drop="NO_NEAR_SIDE")
add("RFC 6052 3.1 well-known prefix refuses a non-global destination", 46,
    IP(src=H4, dst=S4) / tcp, cfg=2, drop="UNTRANSLATABLE_DST",
    icmp=(3, 13, 0))

raw = bytearray(bytes(IP(src=H4, dst=S4) / tcp))
raw[0] = 0x44
add("malformed IPv4: IHL 4", 46, None, drop="MALFORMED_IPV4",
    raw_in=bytes(raw))
raw = bytearray(bytes(IP(src=H4, dst=S4) / tcp))
struct.pack_into("!H", raw, 2, len(raw) + 1)
add("malformed IPv4: total length beyond the packet", 46, None,
    drop="MALFORMED_IPV4", raw_in=bytes(raw))
raw = bytearray(bytes(IP(src=H4, dst=S4) / tcp))
struct.pack_into("!H", raw, 2, 19)
add("malformed IPv4: total length below the header", 46, None,
    drop="MALFORMED_IPV4", raw_in=bytes(raw))
add("truncated TCP header in a first fragment", 46,
    IP(src=H4, dst=S4, proto=6, flags="MF") / Raw(b"\0" * 10),
    drop="TRUNCATED_L4")

# ---------------------------------------------------------------- 6 -> 4

add("RFC 7915 5.1 TCP, Traffic Class to TOS, Hop Limit to TTL, DF clear",
    64, IPv6(src=S6, dst=H6, tc=0x28, hlim=50) / tcp / PAYLOAD,
    IP(src=S4, dst=H4, tos=0x28, ttl=50, flags=0, id=0) / tcp / PAYLOAD,
    any_id=True)
add("RFC 7915 5.1 forwarded Hop Limit 1: Time Exceeded", 64,
    IPv6(src=S6, dst=H6, hlim=1) / tcp, drop="TTL_EXCEEDED", fwd=True,
    icmp=(3, 0, 0))
big = Raw(b"x" * 1300)
add("RFC 7915 5.1 above 1260 bytes: DF set", 64,
    IPv6(src=S6, dst=H6) / udp / big,
    IP(src=S4, dst=H4, flags="DF", id=0) / udp / big)
add("RFC 7915 5.1 tos4 fixed value", 64,
    IPv6(src=S6, dst=H6, tc=0x28) / tcp,
    IP(src=S4, dst=H4, tos=0x88, id=0) / tcp, cfg=1, any_id=True)
c = adjust(0x2222, addr_sum(S6, H6), addr_sum(S4, H4))
add("RFC 7915 5.1.1 Fragment Header: ID low 16 bits, MF, DF clear", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(nh=17, id=0x12345678, m=1, offset=0) /
    UDP(sport=5353, dport=53, len=1000, chksum=0x2222) / PAYLOAD,
    IP(src=S4, dst=H4, id=0x5678, flags="MF", frag=0, proto=17) /
    UDP(sport=5353, dport=53, len=1000, chksum=c) / PAYLOAD)
add("RFC 7915 5.1.1 fragment offset copied", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(nh=17, id=0xabcd0001, m=0, offset=100) / PAYLOAD,
    IP(src=S4, dst=H4, id=0x0001, frag=100, proto=17) / PAYLOAD)
add("RFC 7915 5.1 Hop-by-Hop and Destination Options skipped", 64,
    IPv6(src=S6, dst=H6) / IPv6ExtHdrHopByHop() / IPv6ExtHdrDestOpt() / tcp,
    IP(src=S4, dst=H4, id=0) / tcp, any_id=True)
add("RFC 7915 5.1 Routing header with Segments Left 0 skipped", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrRouting(addresses=["2001:db8::1"], segleft=0) / tcp,
    IP(src=S4, dst=H4, id=0) / tcp, any_id=True)
add("RFC 7915 5.1 Segments Left 1: Parameter Problem at that field", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrRouting(addresses=["2001:db8::1"], segleft=1) / tcp,
    drop="ROUTING_HEADER", icmp=(4, 0, 43))
echo6 = ICMPv6EchoRequest(id=0x4242, seq=1) / PAYLOAD
add("RFC 7915 5.2 Echo Request becomes type 8", 64,
    IPv6(src=S6, dst=H6) / echo6,
    IP(src=S4, dst=H4, id=0) / ICMP(type=8, id=0x4242, seq=1) / PAYLOAD,
    any_id=True)
# RFC 7915 5.4 sends 1/1 "unless the discarded packet is itself an ICMPv6
# message". ICMPv6 errors are never answered (RFC 4443 2.4 (e.1)); an Echo
# Request is, as by the reference translator (Jool), so that ping reports
# the refusal: a deliberate deviation, in xlat-compliance.rst.
add("RFC 7915 5.4 Echo Request to an untranslatable destination: 1/1", 64,
    IPv6(src=S6, dst="2001:db8:9::1") / echo6, cfg=5,
    drop="UNTRANSLATABLE_DST", icmp=(1, 1, 0))
add("RFC 3168 9 tos4 keeps the ECN field", 64,
    IPv6(src=S6, dst=H6, tc=0x2b) / tcp,
    IP(src=S4, dst=H4, tos=0x8b, id=0) / tcp, cfg=1, any_id=True)
add("RFC 7915 5.2 other informational ICMPv6 (RS) dropped", 64,
    IPv6(src=S6, dst=H6) / ICMPv6ND_RS(), drop="ICMP_TYPE")
add("RFC 6052 3.1 well-known prefix refuses a non-global source", 64,
    IPv6(src=S6_WKP, dst=H6) / tcp, cfg=2, drop="UNTRANSLATABLE_SRC",
    icmp=(1, 1, 0))
add("near-side rule: a destination not in local-map is dropped", 64,
    IPv6(src=S6, dst="2001:db8:9::1") / tcp, drop="NO_NEAR_SIDE")
raw = bytes(IPv6(src=S6, dst=H6) / IPv6ExtHdrDestOpt(len=4) / tcp)[:60]
raw = bytearray(raw)
struct.pack_into("!H", raw, 4, len(raw) - 40)
add("malformed IPv6: extension header runs past the end", 64, None,
    drop="MALFORMED_IPV6", raw_in=bytes(raw))
raw = bytearray(bytes(IPv6(src=S6, dst=H6) / tcp))
struct.pack_into("!H", raw, 4, len(raw))
add("malformed IPv6: payload length beyond the packet", 64, None,
    drop="MALFORMED_IPV6", raw_in=bytes(raw))
raw = bytearray(bytes(IPv6(src=S6, dst=H6) / IPv6ExtHdrHopByHop() / tcp))
struct.pack_into("!H", raw, 4, 0)
add("malformed IPv6: payload length 0 behind Hop-by-Hop (jumbogram)", 64,
    None, drop="MALFORMED_IPV6", raw_in=bytes(raw))

# ------------------------------------------------- more 6 -> 4 (cfg 0)

add("RFC 7915 5.1 forwarded: Hop Limit copied, IPv4 forwarding decrements",
    64, IPv6(src=S6, dst=H6, hlim=30) / tcp,
    IP(src=S4, dst=H4, ttl=30, id=0) / tcp, fwd=True, any_id=True)
add("RFC 7915 5.5 UDP checksum follows the pseudo-header", 64,
    IPv6(src=S6, dst=H6) / udp / PAYLOAD,
    IP(src=S4, dst=H4, id=0) / udp / PAYLOAD, any_id=True)
add("RFC 7915 5.2 Echo Reply becomes type 0", 64,
    IPv6(src=S6, dst=H6) / ICMPv6EchoReply(id=7, seq=9) / PAYLOAD,
    IP(src=S4, dst=H4, id=0) / ICMP(type=0, id=7, seq=9) / PAYLOAD,
    any_id=True)
good6 = IPv6(bytes(IPv6(src=S6, dst=H6) / tcp / PAYLOAD))
bad = bytearray(bytes(good6))
f6 = struct.unpack("!H", bad[56:58])[0]
struct.pack_into("!H", bad, 56, ones_add(f6, 0x1234))
good4 = IP(bytes(IP(src=S4, dst=H4, id=0) / tcp / PAYLOAD))
exp = bytearray(bytes(good4))
f4 = struct.unpack("!H", exp[36:38])[0]
struct.pack_into("!H", exp, 36, ones_add(f4, 0x1234))
add("RFC 7915 5.5 corrupt TCP checksum stays exactly as corrupt", 64, None,
    exp, raw_in=bytes(bad), any_id=True)
add("RFC 7915 5.5 other protocols (GRE) pass untouched", 64,
    IPv6(src=S6, dst=H6, nh=47) / gre,
    IP(src=S4, dst=H4, proto=47, id=0) / gre, any_id=True)
add("malformed IPv6: shorter than the IPv6 header", 64, None,
    drop="MALFORMED_IPV6", raw_in=bytes(IPv6(src=S6, dst=H6) / tcp)[:39])
add("malformed IPv4: shorter than the IPv4 header", 46, None,
    drop="MALFORMED_IPV4", raw_in=bytes(IP(src=H4, dst=S4) / tcp)[:19])
add("truncated UDP header in a whole IPv6 packet", 64,
    IPv6(src=S6, dst=H6, nh=17) / Raw(b"\0" * 6), drop="TRUNCATED_L4")

# ------------------------------------ downstream CLAT (cfg 3), RFC 6052 /96
# local-map 192.0.2.0/24 2001:db8:100:64::/96: 192.0.2.2 is embedded the
# RFC 6052 2.2 way for a /96, in the last 32 bits.
D4, D6 = "192.0.2.2", "2001:db8:100:64::c000:202"
add("downstream local-map: RFC 6052 /96 embedding of the source", 46,
    IP(src=D4, dst=S4) / tcp, IPv6(src=D6, dst=S6) / tcp, cfg=3)
add("downstream local-map: RFC 6052 /96 extraction of the destination", 64,
    IPv6(src=S6, dst=D6) / udp / PAYLOAD,
    IP(src=S4, dst=D4, id=0) / udp / PAYLOAD, cfg=3, any_id=True)
add("downstream local-map: a source outside 192.0.2.0/24 is dropped", 46,
    IP(src=H4, dst=S4) / tcp, cfg=3, drop="NO_NEAR_SIDE")

# ---------------------------------------------- SIIT-DC with eam (cfg 4)
# eam 203.0.113.0/24 2001:db8:46::/120 (RFC 7757: equal suffixes, 8 bits),
# denylist4 192.0.2.128/25, remote-prefix6 64:ff9b:1::/48; no local-map.
E4, E6 = "203.0.113.10", "2001:db8:46::a"
add("RFC 7757 EAMT: maps the destination, remote-prefix6 the source", 46,
    IP(src=S4, dst=E4) / tcp, IPv6(src=S6, dst=E6) / tcp, cfg=4)
add("RFC 7757 EAMT: maps the source back", 64,
    IPv6(src=E6, dst=S6) / tcp, IP(src=E4, dst=S4, id=0) / tcp, cfg=4,
    any_id=True)
add("denylist4: a denied source is untranslatable (ICMPv4 3/13)", 46,
    IP(src="192.0.2.200", dst=E4) / tcp, cfg=4, drop="UNTRANSLATABLE_SRC",
    icmp=(3, 13, 0))
add("always refused: 169.254.0.0/16 is never translated", 46,
    IP(src=E4, dst="169.254.1.1") / tcp, cfg=4, drop="UNTRANSLATABLE_DST",
    icmp=(3, 13, 0))
# RFC 6052 2.2, /48: 192.0.2.200 as 64:ff9b:1:c000:2:c800::
add("denylist4: a denied IPv4 address embedded in IPv6 is untranslatable",
    64, IPv6(src="64:ff9b:1:c000:2:c800::", dst=E6) / tcp, cfg=4,
    drop="UNTRANSLATABLE_SRC", icmp=(1, 1, 0))

# --------------------------------------------------- symmetric mode (cfg 5)
# remote-prefix6 64:ff9b:1::/48 alone: both addresses through it.
# 203.0.113.5 under /48: 64:ff9b:1:cb00:71:500::
add("symmetric mode: both addresses through remote-prefix6, 4->6", 46,
    IP(src=S4, dst="203.0.113.5") / tcp,
    IPv6(src=S6, dst="64:ff9b:1:cb00:71:500::") / tcp, cfg=5)
add("symmetric mode: both addresses through remote-prefix6, 6->4", 64,
    IPv6(src="64:ff9b:1:cb00:71:500::", dst=S6) / tcp,
    IP(src="203.0.113.5", dst=S4, id=0) / tcp, cfg=5, any_id=True)

# ------------------------------------- ICMP errors (RFC 7915 4.3 and 5.3)
#
# The packet quoted by an error is translated like a normal packet except
# that its TTL/Hop Limit is left alone (RFC 7915 4.3, 5.3). Each case builds
# the whole quoted packet twice with scapy, once per IP version from the
# RFC 7915 4.1/5.1 rules, and cuts both to the length the error quotes: for
# a first fragment, a transport checksum that is valid before translation is
# valid after it, which is what the RFC 1624 update gives, and the ICMPv6
# pseudo-header of an inner echo then carries the declared (not the quoted)
# length. Outer ICMP checksums are computed by scapy over the result.

R4 = "198.51.100.1"             # an IPv4 router on the far side
R6 = "2001:db8:ffff::1"         # a native IPv6 router: no IPv4 mapping
POOL4 = "192.0.0.8"             # RFC 6791/7600 default icmp-source-pool4
POOL4_CFG6 = "198.51.100.250"   # config 6: icmp-source-pool4
POOL6_CFG6 = "2001:db8:ff::1"   # config 6: icmp-source-pool6
NOMAP4 = "192.0.2.200"          # denylist4 in cfg 6, non-global under cfg 2


def rfc6052_48(v4):
    """RFC 6052 2.2 for a /48: bits 48-63, the u-octet, bits 72-87."""
    b = socket.inet_pton(socket.AF_INET, v4)
    a = bytes.fromhex("0064ff9b0001") + b[:2] + b"\0" + b[2:] + b"\0" * 5
    return socket.inet_ntop(socket.AF_INET6, a)


assert rfc6052_48(S4) == socket.inet_ntop(
    socket.AF_INET6, socket.inet_pton(socket.AF_INET6, S6))
R4_6 = rfc6052_48(R4)           # 64:ff9b:1:c633:64:100::


def cut(pkt, n=None):
    """The first n bytes of pkt, as an opaque payload."""
    return Raw(bytes(pkt)[:n])


def ext4884(size=12):
    """RFC 4884 7/8: an Extension Structure of `size` bytes: the header
    (version 2, checksum over the structure) and one MPLS label stack
    object (class 1, C-Type 1, RFC 4950) padded with further entries."""
    obj = struct.pack("!I", (100 << 12) | (1 << 8) | 1) * ((size - 8) // 4)
    s = bytearray(b"\x20\x00\x00\x00" + struct.pack("!HBB", 4 + len(obj),
                                                     1, 1) + obj)
    struct.pack_into("!H", s, 2, sum16(bytes(s)) ^ 0xffff)
    assert len(s) == size
    return bytes(s)


def bad_csum(pkt, off):
    """pkt with the 16-bit checksum at offset off off by one."""
    raw = bytearray(bytes(pkt))
    c = struct.unpack("!H", raw[off:off + 2])[0]
    struct.pack_into("!H", raw, off, ones_add(c, 1))
    return bytes(raw)


# Packets the near host H4 sent, as quoted, and their expected translation
# (RFC 7915 4.1): UDP, TCP, and a UDP packet of 1400 bytes in IPv4.
udp_q = UDP(sport=40001, dport=33434)
q4_udp = IP(src=H4, dst=S4, ttl=63, id=0x4d2) / udp_q / PAYLOAD
q6_udp = IPv6(src=H6, dst=S6, hlim=63) / udp_q / PAYLOAD
tcp_q = TCP(sport=40002, dport=443, flags="PA", seq=7, ack=9) / PAYLOAD
q4_tcp = IP(src=H4, dst=S4, tos=0x28, ttl=62, flags="DF") / tcp_q
q6_tcp = IPv6(src=H6, dst=S6, tc=0x28, hlim=62) / tcp_q
fill = Raw((bytes(range(256)) * 6)[:1372])
q4_big = IP(src=H4, dst=S4, ttl=64) / udp_q / fill
q6_big = IPv6(src=H6, dst=S6, hlim=64) / udp_q / fill


def err4(typ, code, quoted, src=S4, ttl=64, tos=0, **icmp):
    return IP(src=src, dst=H4, ttl=ttl, tos=tos) / \
        ICMP(type=typ, code=code, **icmp) / quoted


def out6(icmp6, quoted, src=S6, hlim=64, tc=0):
    return IPv6(src=src, dst=H6, hlim=hlim, tc=tc) / icmp6 / quoted


# ------------------------------------------- 4 -> 6: RFC 7915 4.2 and 4.3

add("RFC 7915 4.3 Port Unreachable with inner UDP", 46,
    err4(3, 3, q4_udp, tos=0x20, ttl=57),
    out6(ICMPv6DestUnreach(code=4), q6_udp, tc=0x20, hlim=57))
add("RFC 7915 4.2 Host Unreachable with inner TCP", 46,
    err4(3, 1, q4_tcp, src=R4),
    out6(ICMPv6DestUnreach(code=0), q6_tcp, src=R4_6))
# RFC 792: the header and the first 64 bits of the datagram: the TCP
# checksum is not quoted, so nothing is updated.
add("RFC 7915 4.2 Net Unreachable quoting header + 64 bits of TCP", 46,
    err4(3, 0, cut(q4_tcp, 28), src=R4),
    out6(ICMPv6DestUnreach(code=0), cut(q6_tcp, 48), src=R4_6))
q4_sctp = IP(src=H4, dst=S4, proto=132) / Raw(b"\x9c\x41\x00\x50" + b"s" * 28)
q6_sctp = IPv6(src=H6, dst=S6, nh=132) / Raw(b"\x9c\x41\x00\x50" + b"s" * 28)
add("RFC 7915 4.2 Protocol Unreachable: Parameter Problem code 1 pointer 6",
    46, err4(3, 2, q4_sctp),
    out6(ICMPv6ParamProblem(code=1, ptr=6), q6_sctp))
add("RFC 7915 4.2 Fragmentation Needed: MTU + 20", 46,
    err4(3, 4, cut(q4_big, 548), src=R4, nexthopmtu=1400),
    out6(ICMPv6PacketTooBig(mtu=1420), cut(q6_big, 568), src=R4_6))
add("RFC 7915 4.2 and 5 Fragmentation Needed: never below 1280", 46,
    err4(3, 4, cut(q4_big, 548), src=R4, nexthopmtu=576),
    out6(ICMPv6PacketTooBig(mtu=1280), cut(q6_big, 568), src=R4_6))
# RFC 1191 7: the greatest plateau below the quoted Total Length 1500 is
# 1492; + 20 (RFC 7915 4.2).
q4_1500 = IP(src=H4, dst=S4, flags="DF") / udp_q / Raw(b"p" * 1472)
q6_1500 = IPv6(src=H6, dst=S6) / udp_q / Raw(b"p" * 1472)
add("RFC 7915 4.2 Fragmentation Needed MTU 0: RFC 1191 plateau 1492 + 20",
    46, err4(3, 4, cut(q4_1500, 28), src=R4, nexthopmtu=0),
    out6(ICMPv6PacketTooBig(mtu=1512), cut(q6_1500, 48), src=R4_6))
# Total Length 1200: plateau 1006, + 20 = 1026, raised to 1280.
q4_1200 = IP(src=H4, dst=S4, flags="DF") / udp_q / Raw(b"p" * 1172)
q6_1200 = IPv6(src=H6, dst=S6) / udp_q / Raw(b"p" * 1172)
add("RFC 7915 4.2 Fragmentation Needed MTU 0: plateau 1006 raised to 1280",
    46, err4(3, 4, cut(q4_1200, 28), src=R4, nexthopmtu=0),
    out6(ICMPv6PacketTooBig(mtu=1280), cut(q6_1200, 48), src=R4_6))
add("RFC 7915 4.2 Communication Administratively Prohibited (13): code 1",
    46, err4(3, 13, q4_udp, src=R4),
    out6(ICMPv6DestUnreach(code=1), q6_udp, src=R4_6))
# The rest of the Destination Unreachable codes of the 4.2 table.
for c4, c6, what in ((5, 0, "Source Route Failed"),
                     (6, 0, "Destination Network Unknown"),
                     (7, 0, "Destination Host Unknown"),
                     (8, 0, "Source Host Isolated"),
                     (9, 1, "Net Admin Prohibited"),
                     (10, 1, "Host Admin Prohibited"),
                     (11, 0, "Network Unreachable for ToS"),
                     (12, 0, "Host Unreachable for ToS"),
                     (15, 1, "Precedence cutoff in effect")):
    add("RFC 7915 4.2 Dest Unreach code %d (%s): code %d" %
        (c4, what, c6), 46, err4(3, c4, cut(q4_udp, 28), src=R4),
        out6(ICMPv6DestUnreach(code=c6), cut(q6_udp, 48), src=R4_6))
add("RFC 7915 4.2 Host Precedence Violation (code 14) dropped", 46,
    err4(3, 14, cut(q4_udp, 28), src=R4), drop="ICMP_TYPE")
add("RFC 7915 4.2 unknown Destination Unreachable code 16 dropped", 46,
    err4(3, 16, cut(q4_udp, 28), src=R4), drop="ICMP_TYPE")

# Time Exceeded about a ping from H4: the router quotes 64 bits of the echo,
# whose ICMPv6 checksum covers the pseudo-header with the declared length.
q4_echo = IP(src=H4, dst=S4, ttl=1, id=0x77) / \
    ICMP(type=8, id=0x4242, seq=3) / PAYLOAD
q6_echo = IPv6(src=H6, dst=S6, hlim=1) / \
    ICMPv6EchoRequest(id=0x4242, seq=3) / PAYLOAD
add("RFC 7915 4.2 Time Exceeded with inner ICMP Echo (64 bits quoted)", 46,
    err4(11, 0, cut(q4_echo, 28), src=R4, ttl=250),
    out6(ICMPv6TimeExceeded(code=0), cut(q6_echo, 48), src=R4_6, hlim=250))
add("RFC 7915 4.2 Time Exceeded code 1 (reassembly) with whole inner Echo",
    46, err4(11, 1, q4_echo),
    out6(ICMPv6TimeExceeded(code=1), q6_echo))
q4_reply = IP(src=H4, dst=S4) / ICMP(type=0, id=0x99, seq=5) / PAYLOAD
q6_reply = IPv6(src=H6, dst=S6) / ICMPv6EchoReply(id=0x99, seq=5) / PAYLOAD
add("RFC 7915 4.3 inner Echo Reply becomes type 129", 46,
    err4(3, 1, q4_reply, src=R4),
    out6(ICMPv6DestUnreach(code=0), q6_reply, src=R4_6))

# Parameter Problem, Figure 3.
add("RFC 7915 4.2 Parameter Problem code 0, pointer 12 (Source) becomes 8",
    46, err4(12, 0, q4_udp, ptr=12),
    out6(ICMPv6ParamProblem(code=0, ptr=8), q6_udp))
add("RFC 7915 4.2 Parameter Problem code 0, pointer 8 (TTL) becomes 7", 46,
    err4(12, 0, q4_udp, ptr=8),
    out6(ICMPv6ParamProblem(code=0, ptr=7), q6_udp))
add("RFC 7915 4.2 Parameter Problem code 2, pointer 2 (Total Length): 4",
    46, err4(12, 2, q4_udp, ptr=2),
    out6(ICMPv6ParamProblem(code=0, ptr=4), q6_udp))
add("RFC 7915 4.2 Parameter Problem code 2, pointer 17 (Destination): 24",
    46, err4(12, 2, q4_udp, ptr=17),
    out6(ICMPv6ParamProblem(code=0, ptr=24), q6_udp))
add("RFC 7915 4.2 Parameter Problem pointer 10 (Checksum, n/a) dropped", 46,
    err4(12, 0, q4_udp, ptr=10), drop="ICMP_TYPE")
add("RFC 7915 4.2 Parameter Problem pointer 20 (not listed) dropped", 46,
    err4(12, 0, q4_udp, ptr=20), drop="ICMP_TYPE")
add("RFC 7915 4.2 Parameter Problem code 1 (missing option) dropped", 46,
    err4(12, 1, q4_udp), drop="ICMP_TYPE")
add("RFC 7915 4.2 Source Quench (type 4) dropped", 46,
    err4(4, 0, cut(q4_udp, 28)), drop="ICMP_TYPE")
add("RFC 7915 4.2 Redirect (type 5) dropped", 46,
    err4(5, 1, cut(q4_udp, 28), src=R4, gw="198.51.100.254"),
    drop="ICMP_TYPE")

# The error of the near host itself, about a packet S4 sent it.
add("RFC 7915 4.3 error from the near host (Port Unreachable)", 46,
    IP(src=H4, dst=S4) / ICMP(type=3, code=3) / IP(src=S4, dst=H4) / udp,
    IPv6(src=H6, dst=S6) / ICMPv6DestUnreach(code=4) /
    IPv6(src=S6, dst=H6) / udp)
add("RFC 7915 4.1 forwarded ICMPv4 error: TTL copied", 46,
    err4(3, 3, q4_udp, ttl=50), out6(ICMPv6DestUnreach(code=4), q6_udp,
                                     hlim=50), fwd=True)

# Addresses: RFC 6791 mirror (icmp-source-pool6, xlat.rst "ICMP errors"); the quoted packet's
# addresses go through the same per-address mapping.
add("RFC 6791 untranslatable ICMPv4 source: icmp-source-pool6", 46,
    err4(3, 1, q4_udp, src=NOMAP4),
    out6(ICMPv6DestUnreach(code=0), q6_udp, src=POOL6_CFG6), cfg=6)
add("RFC 6791 untranslatable ICMPv4 source without pool6: dropped", 46,
    err4(3, 1, q4_udp, src=NOMAP4), drop="UNTRANSLATABLE_SRC", cfg=2)
add("RFC 7915 4.3 untranslatable address in the quoted packet: dropped", 46,
    err4(3, 1, IP(src=H4, dst="169.254.1.1") / udp_q / PAYLOAD, src=R4),
    drop="ICMP_INNER")

add("RFC 7915 4.2 bad ICMPv4 checksum: dropped", 46, None,
    raw_in=bad_csum(err4(3, 3, q4_udp), 22), drop="ICMP_CHECKSUM")
add("RFC 7915 4.3 quoted IPv4 header cut short: dropped", 46,
    err4(3, 3, cut(q4_udp, 16)), drop="ICMP_INNER")
q4_opt = IP(src=H4, dst=S4, options=[IPOption(b"\x01\x01\x01\x01")]) / \
    udp_q / PAYLOAD
add("RFC 7915 4.3 quoted IPv4 options not fully quoted: dropped", 46,
    err4(3, 3, cut(q4_opt, 22)), drop="ICMP_INNER")
add("RFC 7915 4.1 and 4.3 options of the quoted packet are not translated",
    46, err4(3, 3, q4_opt),
    out6(ICMPv6DestUnreach(code=4), IPv6(src=H6, dst=S6) / udp_q / PAYLOAD))
add("RFC 7915 4.3 an error inside an error: dropped", 46,
    err4(3, 1, IP(src=H4, dst=S4) / ICMP(type=3, code=3) /
         IP(src=S4, dst=H4) / udp, src=R4), drop="ICMP_INNER")
add("RFC 7915 4.3 quoted ICMP Timestamp: dropped", 46,
    err4(3, 1, IP(src=H4, dst=S4) /
         ICMP(type=13, ts_ori=1, ts_rx=2, ts_tx=3), src=R4),
    drop="ICMP_INNER")
add("RFC 7915 1.2 fragmented ICMPv4 error dropped", 46,
    IP(src=S4, dst=H4, flags="MF") / ICMP(type=3, code=3) / q4_udp,
    drop="ICMP_FRAGMENT")

# Quoted fragments: a Fragment Header as RFC 7915 4.1 builds it.
add("RFC 7915 4.1 and 4.3 quoted non-first fragment: Fragment Header", 46,
    err4(3, 1, IP(src=H4, dst=S4, id=0xbeef, flags="MF", frag=185,
                  proto=17) / PAYLOAD, src=R4),
    out6(ICMPv6DestUnreach(code=0), IPv6(src=H6, dst=S6) /
         IPv6ExtHdrFragment(nh=17, id=0xbeef, m=1, offset=185) / PAYLOAD,
         src=R4_6))
c = adjust(0x3333, addr_sum(H4, S4), addr_sum(H6, S6))
add("RFC 7915 4.3 quoted first fragment: UDP checksum updated", 46,
    err4(3, 3, IP(src=H4, dst=S4, id=0x1234, flags="MF") /
         UDP(sport=40001, dport=53, len=1000, chksum=0x3333) / PAYLOAD),
    out6(ICMPv6DestUnreach(code=4), IPv6(src=H6, dst=S6) /
         IPv6ExtHdrFragment(nh=17, id=0x1234, m=1, offset=0) /
         UDP(sport=40001, dport=53, len=1000, chksum=c) / PAYLOAD))
add("RFC 7915 4.5 quoted UDP checksum zero stays zero", 46,
    err4(3, 3, IP(src=H4, dst=S4) / UDP(sport=40001, dport=53, chksum=0) /
         PAYLOAD),
    out6(ICMPv6DestUnreach(code=4), IPv6(src=H6, dst=S6) /
         UDP(sport=40001, dport=53, chksum=0) / PAYLOAD))

# RFC 4443 2.4 (c): the IPv6 error stops at 1280 bytes. 1428-byte ICMPv4
# error, quoting all of a 1400-byte packet: 40 + 8 + 1232.
add("RFC 7915 4.3 result cut to the IPv6 minimum MTU (1280)", 46,
    err4(3, 3, q4_big), out6(ICMPv6DestUnreach(code=4), cut(q6_big, 1232)))

# RFC 4884: 32 words (128 bytes) of original datagram become 148, cut to
# 144, a whole number of 64-bit words (18), as the reference translator
# does; the extension follows unchanged.
ext = ext4884(12)
add("RFC 4884 and RFC 7915 4.2 Time Exceeded with an extension", 46,
    err4(11, 0, Raw(bytes(q4_big)[:128] + ext), src=R4, length=32),
    out6(ICMPv6TimeExceeded(code=0, length=18),
         Raw(bytes(q6_big)[:144] + ext), src=R4_6))
add("RFC 4884 and RFC 7915 4.2 Host Unreachable with an extension", 46,
    err4(3, 1, Raw(bytes(q4_big)[:132] + ext), src=R4, length=33),
    out6(ICMPv6DestUnreach(code=0, length=19),
         Raw(bytes(q6_big)[:152] + ext), src=R4_6))
# 255 words (1020 bytes) become 1040; with a 264-byte extension the result
# would be 1352 bytes: the datagram is cut to the 968 bytes (121 words)
# that leave room for the whole extension in 1280.
ext_big = ext4884(264)
add("RFC 4884 and RFC 7915 4.2 datagram cut to keep the extension in 1280",
    46, err4(3, 1, Raw(bytes(q4_big)[:1020] + ext_big), src=R4, length=255),
    out6(ICMPv6DestUnreach(code=0, length=121),
         Raw(bytes(q6_big)[:968] + ext_big), src=R4_6))
# A 1108-byte extension leaves 124 bytes, less than the 128 the datagram
# needs beside it: the extension goes, length 0, and the datagram is whole.
ext_huge = ext4884(1108)
add("RFC 4884 and RFC 7915 4.2 extension with no room in 1280: dropped", 46,
    err4(3, 1, Raw(bytes(q4_big)[:132] + ext_huge), src=R4, length=33),
    out6(ICMPv6DestUnreach(code=0), cut(q6_big, 152), src=R4_6))
add("RFC 4884 and RFC 7915 4.2 no length in Packet Too Big: extension "
    "dropped", 46,
    err4(3, 4, Raw(bytes(q4_big)[:128] + ext), src=R4, length=32,
         nexthopmtu=1400),
    out6(ICMPv6PacketTooBig(mtu=1420), cut(q6_big, 148), src=R4_6))
add("RFC 4884, RFC 7915 4.2 no length in Parameter Problem: extension "
    "dropped", 46,
    err4(12, 0, Raw(bytes(q4_big)[:128] + ext), length=32, ptr=8),
    out6(ICMPv6ParamProblem(code=0, ptr=7), cut(q6_big, 148)))
# A length below 128 bytes is taken as given (as the reference translator
# does): 80 bytes become 100, zero padded to 128 (16 words); the 60 bytes
# after them are the extension. A length past the end: no extension.
add("RFC 4884 4 length below 128 bytes: kept, padded to 128", 46,
    err4(11, 0, cut(q4_big, 140), src=R4, length=20),
    out6(ICMPv6TimeExceeded(code=0, length=16),
         Raw(bytes(q6_big)[:100] + b"\0" * 28 + bytes(q4_big)[80:140]),
         src=R4_6))
add("RFC 4884 4 length past the end of the message: no extension", 46,
    err4(11, 0, cut(q4_big, 140), src=R4, length=40),
    out6(ICMPv6TimeExceeded(code=0), cut(q6_big, 160), src=R4_6))


# ------------------------------------------- 6 -> 4: RFC 7915 5.2 and 5.3

# The quoted packet, as the near host H6 (H4 behind the CLAT) sent it.
# RFC 7915 5.1: no Fragment Header: DF only above 1260 bytes; the
# Identification of a quoted header is 0.
p6_udp = IPv6(src=H6, dst=S6, hlim=63, tc=0x28) / udp_q / PAYLOAD
p4_udp = IP(src=H4, dst=S4, ttl=63, tos=0x28, id=0) / udp_q / PAYLOAD
p6_tcp = IPv6(src=H6, dst=S6, hlim=61) / tcp_q
p4_tcp = IP(src=H4, dst=S4, ttl=61, id=0) / tcp_q
p4_big = IP(src=H4, dst=S4, ttl=64, id=0, flags="DF") / udp_q / fill
p6_big = IPv6(src=H6, dst=S6, hlim=64) / udp_q / fill


def err6(icmp6, quoted, src=S6, hlim=64, tc=0):
    return IPv6(src=src, dst=H6, hlim=hlim, tc=tc) / icmp6 / quoted


def out4(quoted, src=S4, ttl=64, tos=0, **icmp):
    return IP(src=src, dst=H4, ttl=ttl, tos=tos, id=0) / ICMP(**icmp) / quoted


def nodeid_obj(addr):
    """draft-ietf-intarea-extended-icmp-nodeid: Node Identification Object,
    Class-Num 5, C-Type with bit 5 (IP Address Sub-Object) set, AFI 2."""
    return struct.pack("!HBBHH", 24, 5, 0x04, 2, 0) + \
        socket.inet_pton(socket.AF_INET6, addr)


def ext_struct(objs):
    """RFC 4884 7: version 2, checksum over the whole structure."""
    e = bytearray(b"\x20\x00\x00\x00" + objs)
    struct.pack_into("!H", e, 2, sum16(bytes(e)) ^ 0xffff)
    return bytes(e)


def with_node(quote, node, ext=b"", room=576 - 28):
    """The body of an ICMPv4 error from an IPv6-only hop (draft-ietf-v6ops-
    icmpext-xlat-v6only-source): the translated datagram `quote`, then an
    extension structure with the hop's address in a Node Identification
    Object, after the objects of the error's own extension `ext`. RFC 4884
    4: the datagram is at least 128 octets (padded), whole 32-bit words,
    shortened to fit `room`; when not even 128 octets fit, the Node ID
    object goes, then the extension. Returns (body, length in words)."""
    for e in (ext_struct((ext[4:] if ext else b"") + nodeid_obj(node)), ext):
        avail = room - len(e)
        if not e or avail < 128:
            continue
        op = quote[:avail - avail % 4]
        if len(op) >= 128:
            op = op[:len(op) - len(op) % 4]
        else:
            op += b"\0" * (128 - len(op))
        return op + e, len(op) // 4
    return quote[:room], 0


def out4n(quoted, node=None, ext=b"", **kw):
    """out4() for an error whose source came from icmp-source-pool4."""
    body, words = with_node(bytes(quoted), node or R6, ext)
    return out4(Raw(body), length=words, **kw)


def add64(name, pkt, out=None, **kw):
    """6->4 ICMP errors: the kernel picks the outer Identification."""
    add(name, 64, pkt, out, any_id=out is not None, **kw)


add64("RFC 7915 5.2 No Route: Host Unreachable, source from pool4 192.0.0.8",
      err6(ICMPv6DestUnreach(code=0), p6_tcp, src=R6),
      out4n(p4_tcp, src=POOL4, type=3, code=1))
add64("RFC 6791 icmp-source-pool4 configured (cfg 6)",
      err6(ICMPv6DestUnreach(code=0), p6_tcp, src=R6),
      out4n(p4_tcp, src=POOL4_CFG6, type=3, code=1), cfg=6)
add64("RFC 7915 5.2 Administratively Prohibited: code 10",
      err6(ICMPv6DestUnreach(code=1), p6_udp, src=R6, tc=0xb8, hlim=200),
      out4n(p4_udp, src=POOL4, tos=0xb8, ttl=200, type=3, code=10))
add64("RFC 7915 5.2 Beyond Scope of Source Address: Host Unreachable",
      err6(ICMPv6DestUnreach(code=2), cut(p6_udp, 48), src=R6),
      out4n(cut(p4_udp, 28), src=POOL4, type=3, code=1))
add64("RFC 7915 5.2 Address Unreachable: Host Unreachable",
      err6(ICMPv6DestUnreach(code=3), p6_udp, src=R6),
      out4n(p4_udp, src=POOL4, type=3, code=1))
add64("RFC 7915 5.2 Port Unreachable with inner UDP: code 3",
      err6(ICMPv6DestUnreach(code=4), p6_udp),
      out4(p4_udp, type=3, code=3))
add64("RFC 7915 5.2 Destination Unreachable code 5 dropped",
      err6(ICMPv6DestUnreach(code=5), p6_udp, src=R6), drop="ICMP_TYPE")
add64("RFC 7915 5.2 Packet Too Big: Fragmentation Needed, MTU - 20",
      err6(ICMPv6PacketTooBig(mtu=1400), cut(p6_big, 100), src=R6),
      out4n(cut(p4_big, 80), src=POOL4, type=3, code=4, nexthopmtu=1380))
add64("RFC 7915 5.2 Time Exceeded with inner Echo Request",
      err6(ICMPv6TimeExceeded(code=0),
           IPv6(src=H6, dst=S6, hlim=1) /
           ICMPv6EchoRequest(id=0x4242, seq=3) / PAYLOAD, src=R6),
      out4n(IP(src=H4, dst=S4, ttl=1, id=0) /
            ICMP(type=8, id=0x4242, seq=3) / PAYLOAD, src=POOL4, type=11,
            code=0))
add64("RFC 7915 5.2 Time Exceeded code 1 with 64 bits of an Echo Reply",
      err6(ICMPv6TimeExceeded(code=1),
           cut(IPv6(src=H6, dst=S6) / ICMPv6EchoReply(id=7, seq=9) /
               PAYLOAD, 48)),
      out4(cut(IP(src=H4, dst=S4, id=0) / ICMP(type=0, id=7, seq=9) /
               PAYLOAD, 28), type=11, code=1))

# Parameter Problem, Figure 6.
add64("RFC 7915 5.2 Parameter Problem pointer 7 (Hop Limit) becomes 8",
      err6(ICMPv6ParamProblem(code=0, ptr=7), p6_udp, src=R6),
      out4n(p4_udp, src=POOL4, type=12, code=0, ptr=8))
add64("RFC 7915 5.2 Parameter Problem pointer 24 (Destination) becomes 16",
      err6(ICMPv6ParamProblem(code=0, ptr=24), p6_udp, src=R6),
      out4n(p4_udp, src=POOL4, type=12, code=0, ptr=16))
add64("RFC 7915 5.2 Parameter Problem pointer 31 (Destination) becomes 16",
      err6(ICMPv6ParamProblem(code=0, ptr=31), p6_udp, src=R6),
      out4n(p4_udp, src=POOL4, type=12, code=0, ptr=16))
add64("RFC 7915 5.2 Parameter Problem pointer 4 (Payload Length) becomes 2",
      err6(ICMPv6ParamProblem(code=0, ptr=4), p6_udp, src=R6),
      out4n(p4_udp, src=POOL4, type=12, code=0, ptr=2))
add64("RFC 7915 5.2 Parameter Problem pointer 2 (Flow Label, n/a) dropped",
      err6(ICMPv6ParamProblem(code=0, ptr=2), p6_udp, src=R6),
      drop="ICMP_TYPE")
add64("RFC 7915 5.2 Parameter Problem pointer 40 (not listed) dropped",
      err6(ICMPv6ParamProblem(code=0, ptr=40), p6_udp, src=R6),
      drop="ICMP_TYPE")
add64("RFC 7915 5.2 Parameter Problem code 1: Protocol Unreachable",
      err6(ICMPv6ParamProblem(code=1, ptr=6), p6_udp),
      out4(p4_udp, type=3, code=2))
add64("RFC 7915 5.2 Parameter Problem code 2 (option) dropped",
      err6(ICMPv6ParamProblem(code=2, ptr=42), p6_udp), drop="ICMP_TYPE")
add64("RFC 7915 5.2 unknown error type (100) dropped",
      IPv6(src=S6, dst=H6) /
      ICMPv6Unknown(type=100, code=0, msgbody=b"\0" * 4 + bytes(p6_udp)),
      drop="ICMP_TYPE")

add64("RFC 7915 5.1 forwarded ICMPv6 error: Hop Limit copied",
      err6(ICMPv6DestUnreach(code=4), p6_udp, hlim=40),
      out4(p4_udp, ttl=40, type=3, code=3), fwd=True)
add64("RFC 7915 5.2 bad ICMPv6 checksum: dropped", None,
      raw_in=bad_csum(err6(ICMPv6DestUnreach(code=4), p6_udp), 42),
      drop="ICMP_CHECKSUM")
add64("RFC 7915 5.3 quoted IPv6 header cut short: dropped",
      err6(ICMPv6DestUnreach(code=4), cut(p6_udp, 30)), drop="ICMP_INNER")
add64("RFC 7915 5.3 untranslatable address in the quoted packet: dropped",
      err6(ICMPv6DestUnreach(code=0),
           IPv6(src=H6, dst="2001:db8:9::1") / udp_q / PAYLOAD, src=R6),
      drop="ICMP_INNER")
add64("RFC 7915 5.3 an error inside an error: dropped",
      err6(ICMPv6DestUnreach(code=0),
           IPv6(src=H6, dst=S6) / ICMPv6DestUnreach(code=4) /
           IPv6(src=S6, dst=H6) / udp, src=R6), drop="ICMP_INNER")
add64("RFC 7915 5.3 quoted ICMPv6 informational (RS): dropped",
      err6(ICMPv6DestUnreach(code=0),
           IPv6(src=H6, dst=S6) / ICMPv6ND_RS(), src=R6),
      drop="ICMP_INNER")

# Extension headers of the quoted packet: RFC 7915 5.1 and 5.1.1.
add64("RFC 7915 5.1 and 5.3 quoted Hop-by-Hop header skipped",
      err6(ICMPv6DestUnreach(code=0),
           IPv6(src=H6, dst=S6, hlim=63, tc=0x28) / IPv6ExtHdrHopByHop() /
           udp_q / PAYLOAD, src=R6),
      out4n(p4_udp, src=POOL4, type=3, code=1))
c = adjust(0x4444, addr_sum(H6, S6), addr_sum(H4, S4))
add64("RFC 7915 5.1.1 and 5.3 quoted Fragment Header: ID, MF, DF clear",
      err6(ICMPv6TimeExceeded(code=1),
           IPv6(src=H6, dst=S6) /
           IPv6ExtHdrFragment(nh=17, id=0x9abc1234, m=1, offset=0) /
           UDP(sport=40001, dport=53, len=1000, chksum=0x4444) / PAYLOAD),
      out4(IP(src=H4, dst=S4, id=0x1234, flags="MF", proto=17) /
           UDP(sport=40001, dport=53, len=1000, chksum=c) / PAYLOAD,
           type=11, code=1))
add64("RFC 7915 5.1.1 and 5.3 quoted non-first fragment: offset copied",
      err6(ICMPv6DestUnreach(code=0),
           IPv6(src=H6, dst=S6) /
           IPv6ExtHdrFragment(nh=17, id=0x5678, m=0, offset=370) / PAYLOAD,
           src=R6),
      out4n(IP(src=H4, dst=S4, id=0x5678, frag=370, proto=17) / PAYLOAD,
            src=POOL4, type=3, code=1))
add64("RFC 7915 5.5 quoted UDP checksum zero stays zero",
      err6(ICMPv6DestUnreach(code=4), IPv6(src=H6, dst=S6) /
           UDP(sport=40001, dport=53, chksum=0) / PAYLOAD),
      out4(IP(src=H4, dst=S4, id=0) /
           UDP(sport=40001, dport=53, chksum=0) / PAYLOAD, type=3, code=3))

# RFC 1812 4.3.2.3: the IPv4 error stops at 576 bytes. A 1280-byte error
# quoting 1232 bytes of a 1420-byte packet becomes 20 + 8 + 548; the quoted
# header says 1400 bytes: DF (RFC 7915 5.1).
add64("RFC 7915 5.3 result cut to 576 bytes; quoted Total Length > 1260: DF",
      err6(ICMPv6DestUnreach(code=4), cut(p6_big, 1232)),
      out4(cut(p4_big, 548), type=3, code=3))

# RFC 4884: 19 64-bit words (152 bytes) become 132, a multiple of 4 (33
# words); the extension follows unchanged, the hop's Node ID object (the
# error comes from an IPv6-only router) after its own objects.
add64("RFC 4884 and RFC 7915 5.2 Time Exceeded with an extension",
      err6(ICMPv6TimeExceeded(code=0, length=19),
           Raw(bytes(p6_big)[:152] + ext), src=R6),
      out4n(bytes(p4_big)[:132], ext=ext, src=POOL4, type=11, code=0))
add64("RFC 4884 and RFC 7915 5.2 extension, icmp-node-id off: as it came",
      err6(ICMPv6TimeExceeded(code=0, length=19),
           Raw(bytes(p6_big)[:152] + ext), src=R6, tc=0x88),
      out4(Raw(bytes(IP(src=H4, dst=S4, ttl=64, id=0, flags="DF",
                        tos=0x88) / udp_q / fill)[:132] + ext),
           src=POOL4, tos=0x88, type=11, code=0, length=33), cfg=1)
# 60 words (480 bytes) become 460; with a 100-byte extension and the Node
# ID object the result would be 612 bytes: the datagram is cut to 424
# bytes (106 words).
ext100 = ext4884(100)
add64("RFC 4884 and RFC 7915 5.2 datagram cut to keep the extension in 576",
      err6(ICMPv6DestUnreach(code=0, length=60),
           Raw(bytes(p6_big)[:480] + ext100), src=R6),
      out4n(bytes(p4_big)[:460], ext=ext100, src=POOL4, type=3, code=1))
# A 424-byte extension leaves 124 bytes in 576, with the Node ID object
# 100: both go, length 0.
add64("RFC 4884 and RFC 7915 5.2 extension with no room in 576: dropped",
      err6(ICMPv6DestUnreach(code=0, length=60),
           Raw(bytes(p6_big)[:480] + ext4884(424)), src=R6),
      out4n(bytes(p4_big)[:460], ext=ext4884(424), src=POOL4, type=3,
            code=1))
# 400 bytes of extension leave 148 for the datagram, but not 124 more for
# the Node ID object: the error's own extension is kept, the object not.
add64("draft-ietf-v6ops-icmpext-xlat-v6only-source: no room, own ext kept",
      err6(ICMPv6DestUnreach(code=0, length=60),
           Raw(bytes(p6_big)[:480] + ext4884(400)), src=R6),
      out4(Raw(bytes(p4_big)[:148] + ext4884(400)), src=POOL4, type=3,
           code=1, length=37))
# A corrupt extension is passed on as it came, without the object.
bad_ext = bytearray(ext4884(12))
bad_ext[-1] ^= 1
add64("draft-ietf-v6ops-icmpext-xlat-v6only-source: corrupt ext, no Node ID",
      err6(ICMPv6DestUnreach(code=0, length=19),
           Raw(bytes(p6_big)[:152] + bytes(bad_ext)), src=R6),
      out4(Raw(bytes(p4_big)[:132] + bytes(bad_ext)), src=POOL4, type=3,
           code=1, length=33))
# 6 words (48 bytes: the IPv6 and UDP headers) become 28, zero padded to
# 128 (32 words) as RFC 4884 section 4 asks; the extension follows.
add64("RFC 4884 4 datagram below 128 bytes: padded to 128 in ICMPv4",
      err6(ICMPv6DestUnreach(code=4, length=6),
           Raw(bytes(p6_udp)[:48] + ext)),
      out4(Raw(bytes(p4_udp)[:28] + b"\0" * 100 + ext), type=3, code=3,
           length=32))


# RFC 7915 5.1: nothing but the upper layer may follow a Fragment Header;
# in a fragment other than the first, those bytes are payload anyway.
# Section 5.1 ("Total Length"): "SHOULD be dropped and logged"; section
# 5.4: Destination Unreachable, code 1 (administratively prohibited).
add("RFC 7915 5.1 extension header after the Fragment Header: ICMPv6 1/1",
    64, IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(id=9, m=1, offset=0, nh=60) /
    IPv6ExtHdrDestOpt(nh=6) / tcp, drop="FRAG_EXTHDR", icmp=(1, 1, 0))
add("RFC 7915 5.1 Authentication Header after the Fragment Header: 1/1", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(id=9, m=0, offset=0, nh=51) / Raw(b"\x06\x04" + b"a" * 22),
    drop="FRAG_EXTHDR", icmp=(1, 1, 0))
add("RFC 7915 5.1 non-first fragment: payload is not read as a header", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(id=9, m=0, offset=8, nh=6) / Raw(b"\x3c\x00" * 40),
    IP(src=S4, dst=H4, id=9, frag=8, proto=6) / Raw(b"\x3c\x00" * 40))


# ------------------------------------------------ MTU (xlat.rst "MTU and fragmentation")
# The translation is told the MTU of the other side's route (mtu=); only
# packets larger than the family's minimum MTU ask for it.

big4 = Raw(b"m" * 1360)                 # IPv4 1400 bytes with TCP
add("RFC 7915 4.1, RFC 1191: DF, too big for IPv6: Frag Needed, IPv4 size",
    46,
    IP(src=H4, dst=S4, flags="DF") / tcp / big4, drop="TOO_BIG",
    icmp=(3, 4, 1280 - 20), mtu=1280)
add("RFC 7915 4.1: DF clear and too big: IPv6 fragments with the IPv4 ID",
    46, IP(src=H4, dst=S4, id=0xbeef) / tcp / big4,
    IPv6(src=H6, dst=S6) / tcp / big4, mtu=1280, frag_size=1280,
    frag_id=0xbeef)
add("RFC 7915 4.1: IPv4 fragment too big once translated: cut smaller first",
    46,
    IP(src=H4, dst=S4, id=77, flags="MF", frag=10, proto=6) /
    Raw(b"f" * 1400),
    refrag=True, frag_size=1280 - 48 + 20, mtu=1280)
add("RFC 7915 4.1: 1400 bytes fit a 1500-byte IPv6 route", 46,
    IP(src=H4, dst=S4, flags="DF") / tcp / big4,
    IPv6(src=H6, dst=S6) / tcp / big4, mtu=1500)
add("RFC 7915 4.1: 1260 bytes never ask (IPv6 minimum MTU)", 46,
    IP(src=H4, dst=S4, flags="DF") / tcp / Raw(b"s" * 1220),
    IPv6(src=H6, dst=S6) / tcp / Raw(b"s" * 1220), mtu=1)

big6 = Raw(b"M" * 1440)                 # IPv6 1500 bytes with TCP
add("RFC 7915 5.1, RFC 8201: DF, too big for IPv4: Packet Too Big, MTU + 20",
    64,
    IPv6(src=S6, dst=H6) / tcp / big6, drop="TOO_BIG", icmp=(2, 0, 1420),
    mtu=1400)
add("RFC 7915 5.1: Packet Too Big never below 1280", 64,
    IPv6(src=S6, dst=H6) / tcp / big6, drop="TOO_BIG", icmp=(2, 0, 1280),
    mtu=1000)
add("RFC 7915 5.1: DF set and fits: translated", 64,
    IPv6(src=S6, dst=H6) / tcp / big6,
    IP(src=S4, dst=H4, flags="DF", id=0) / tcp / big6, mtu=1480)
add("RFC 7915 5.1.1: a fragment that fits keeps DF clear", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(id=0x12345678, m=1, offset=100, nh=6) /
    Raw(b"F" * 1400),
    IP(src=S4, dst=H4, id=0x5678, flags="MF", frag=100, proto=6) /
    Raw(b"F" * 1400),
    mtu=1420)
# RFC 7915 4 (the translator as a router: Packet Too Big or fragment): a
# fragment too big gets a Packet Too Big, as the reference translator
# sends; the MTU is the IPv4 one + 20, what fits the next packets with or
# without a Fragment Header.
add("RFC 7915 4, 5.1.1: a fragment too big for IPv4: Packet Too Big, MTU + 20",
    64, IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(id=0x12345678, m=1, offset=100, nh=6) /
    Raw(b"F" * 1400), drop="TOO_BIG", icmp=(2, 0, 1320), mtu=1300)
add("RFC 7915 5.1: Destination Options do not raise the Packet Too Big MTU",
    64, IPv6(src=S6, dst=H6) / IPv6ExtHdrDestOpt(nh=6, len=1) /
    tcp / big6, drop="TOO_BIG", icmp=(2, 0, 1420), mtu=1400)
# An ICMPv6 error in an atomic fragment: the error's Identification is the
# Fragment Header's (RFC 7915 5.1.1), not one the kernel picks.
add("RFC 7915 5.1.1 ICMPv6 error in an atomic fragment keeps the ID", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(id=0x4321, m=0, offset=0, nh=58) /
    ICMPv6DestUnreach(code=4) / p6_udp,
    IP(src=S4, dst=H4, id=0x4321) / ICMP(type=3, code=3) / p4_udp)

# ------------------------------------------- conformance (issue 13 groups)

# RFC 7757 3.2 (cfg 7: eam 198.51.100.0/24 2001:db8:1c6:3364::/72): the 8
# IPv4 suffix bits follow the /72 prefix, bits 72-79; the rest is zero.
F4 = "203.0.113.5"                      # an IPv4 host under the /48
F6 = rfc6052_48(F4)
add("RFC 7757 3.2 eam with a shorter IPv4 suffix: bits after the prefix", 46,
    IP(src=F4, dst="198.51.100.2", id=3) / udp / PAYLOAD,
    IPv6(src=F6, dst="2001:db8:1c6:3364:2::") / udp / PAYLOAD, cfg=7)
add("RFC 7757 3.2 eam: IPv6 bits past the IPv4 suffix are ignored", 64,
    IPv6(src="2001:db8:1c6:3364:2:0:0:abcd", dst=F6) / udp / PAYLOAD,
    IP(src="198.51.100.2", dst=F4, id=0) / udp / PAYLOAD, cfg=7,
    any_id=True)

# RFC 7915 4.1, lowest-ipv6-mtu (cfg 8: 1280) and DF. 1308-byte IPv4
# packets, 1328 bytes as IPv6; the route allows 1500.
mid = Raw(b"L" * 1268)
add("RFC 7915 4.1 lowest-ipv6-mtu does not apply to DF packets", 46,
    IP(src=S4, dst=R4, flags="DF", id=0x1234) / tcp / mid,
    IPv6(src=S6, dst=R4_6) / tcp / mid, cfg=8, mtu=1500)
add("RFC 7915 4.1 lowest-ipv6-mtu cuts DF-clear packets, IPv4 ID kept", 46,
    IP(src=S4, dst=R4, id=0x1234) / tcp / mid,
    IPv6(src=S6, dst=R4_6) / tcp / mid, cfg=8, mtu=1500, frag_size=1280,
    frag_id=0x1234)
add("RFC 7915 4.1 DF packets follow the route MTU: Frag Needed 1260", 46,
    IP(src=S4, dst=R4, flags="DF", id=0x1234) / tcp / mid, cfg=8,
    mtu=1280, drop="TOO_BIG", icmp=(3, 4, 1260))

# RFC 7915 5.1.1: a Fragment Header, an atomic fragment too (RFC 6946,
# RFC 8021), gives its low 16 bits and DF clear, whatever the size.
add("RFC 7915 5.1.1 atomic fragment: ID low 16 bits, DF clear", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(id=0x12345678, m=0, offset=0, nh=6) / tcp,
    IP(src=S4, dst=H4, id=0x5678, proto=6) / tcp)
add("RFC 7915 5.1.1 atomic fragment above 1260 bytes: DF still clear", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(id=0xabcd0102, m=0, offset=0, nh=6) / tcp / big6,
    IP(src=S4, dst=H4, id=0x0102, proto=6) / tcp / big6)
add("RFC 7915 5.1.1, RFC 6946 atomic fragment of an Echo Request", 64,
    IPv6(src=S6, dst=H6) /
    IPv6ExtHdrFragment(id=0x4321, m=0, offset=0, nh=58) /
    ICMPv6EchoRequest(id=0x4242, seq=5) / PAYLOAD,
    IP(src=S4, dst=H4, id=0x4321) / ICMP(type=8, id=0x4242, seq=5) /
    PAYLOAD)

# RFC 7915 4.1 and 5.1: protocols the translator does not know pass with
# the number unchanged; No Next Header (59) with an empty payload too.
add("RFC 7915 4.1 protocol 59 (No Next Header) passes as next header 59",
    46, IP(src=H4, dst=S4, proto=59), IPv6(src=H6, dst=S6, nh=59))
add("RFC 7915 4.1 unknown protocol 253 passes with its payload", 46,
    IP(src=H4, dst=S4, proto=253) / Raw(b"opaque"),
    IPv6(src=H6, dst=S6, nh=253) / Raw(b"opaque"))
add("RFC 7915 5.1 No Next Header, empty payload: protocol 59", 64,
    IPv6(src=S6, dst=H6, nh=59, plen=0),
    IP(src=S4, dst=H4, proto=59, id=0), any_id=True)
add("RFC 7915 5.1.1 Fragment Header then No Next Header: protocol 59", 64,
    IPv6(src=S6, dst=H6) / IPv6ExtHdrFragment(id=0x01020408, nh=59),
    IP(src=S4, dst=H4, proto=59, id=0x0408))

# IPv6's own headers as IPv4 protocols (0, 43, 44, 60, 58, ...) would
# become real extension headers or ICMPv6 messages: refused, RFC 7915 4.4
# (3/13); ICMPv4 (1) in IPv6 likewise, 5.4 (1/1).
srh = bytes([6, 2, 4, 1, 0, 0, 0, 0]) + bytes(16)   # SRv6, Segments Left 1
add("RFC 7915 4.4 IPv4 protocol 43 (an SRv6 Routing header) refused: 3/13",
    46, IP(src=H4, dst=S4, proto=43) / Raw(srh) / tcp,
    drop="PROTO_REFUSED", icmp=(3, 13, 0))
add("RFC 7915 4.4 IPv4 protocol 0 (Hop-by-Hop) refused: 3/13", 46,
    IP(src=H4, dst=S4, proto=0) / Raw(bytes(8)), drop="PROTO_REFUSED",
    icmp=(3, 13, 0))
add("RFC 7915 4.4 IPv4 protocol 58 (ICMPv6 Router Advertisement) refused",
    46, IP(src=H4, dst=S4, proto=58) / Raw(bytes([134, 0, 0, 0]) + bytes(12)),
    drop="PROTO_REFUSED", icmp=(3, 13, 0))
add("RFC 7915 5.4 IPv6 next header 1 (ICMPv4) refused: 1/1", 64,
    IPv6(src=S6, dst=H6, nh=1) / Raw(bytes(ICMP(type=5, code=1))),
    drop="PROTO_REFUSED", icmp=(1, 1, 0))

# RFC 7915 4.1 ("Source Address"): the "illegal" source of an ICMPv4
# error is translated, for trouble shooting (cfg 5: symmetric /48).
for bad4 in ("127.0.0.1", "0.0.0.0"):
    add("RFC 7915 4.1 illegal ICMPv4 error source %s translated" % bad4, 46,
        IP(src=bad4, dst=F4) / ICMP(type=3, code=3) /
        IP(src=F4, dst=S4, ttl=63, id=5) / udp_q / PAYLOAD,
        IPv6(src=rfc6052_48(bad4), dst=F6) / ICMPv6DestUnreach(code=4) /
        IPv6(src=F6, dst=S6, hlim=63) / udp_q / PAYLOAD, cfg=5)

# RFC 7757 4.2.2, intrinsic hairpinning (cfg 4: eam 203.0.113.0/24
# 2001:db8:46::/120 under 64:ff9b:1::/48). Server A (2001:db8:46::1,
# 203.0.113.1) sends to B's IPv4 address in the prefix; the packet goes
# back to IPv6 at once, B sees A's address in RFC 6052 form. Traffic
# class and hop limit as they came (one decrement by IPv6 forwarding
# later), flow label zero (RFC 7915 4.1).
A6, B6 = "2001:db8:46::1", "2001:db8:46::2"
A46, B46 = rfc6052_48("203.0.113.1"), rfc6052_48("203.0.113.2")
add("RFC 7757 4.2.2 hairpinning: UDP back to IPv6, source in RFC 6052 form",
    64, IPv6(src=A6, dst=B46, tc=0x28, fl=0x12345, hlim=17) / udp / PAYLOAD,
    IPv6(src=A46, dst=B6, tc=0x28, hlim=17) / udp / PAYLOAD, cfg=4, fwd=True,
    hairpin=True)
add("RFC 7757 4.2.2 hairpinning: Echo Request", 64,
    IPv6(src=A6, dst=B46) / ICMPv6EchoRequest(id=1, seq=2) / PAYLOAD,
    IPv6(src=A46, dst=B6) / ICMPv6EchoRequest(id=1, seq=2) / PAYLOAD, cfg=4,
    hairpin=True)
add("RFC 7757 4.2.2 hairpinning: TCP fragment keeps its Identification", 64,
    IPv6(src=A6, dst=B46) /
    IPv6ExtHdrFragment(id=0x77, m=1, offset=0, nh=6) / tcp / PAYLOAD,
    IPv6(src=A46, dst=B6) /
    IPv6ExtHdrFragment(id=0x77, m=1, offset=0, nh=6) /
    Raw(bytes(TCP(bytes(IPv6(src=A46, dst=B6) / tcp / PAYLOAD)[40:]))),
    cfg=4, hairpin=True)
# B answers A's hairpinned packet with Port Unreachable: the quoted packet
# came from A46, so the error goes back too; A sees it from B46 and quotes
# its own packet as it sent it.
add("RFC 7757 4.2.2 hairpinning of an ICMP error about a hairpinned packet",
    64, IPv6(src=B6, dst=A46) / ICMPv6DestUnreach(code=4) /
    IPv6(src=A46, dst=B6, hlim=63) / udp_q / PAYLOAD,
    IPv6(src=B46, dst=A6) / ICMPv6DestUnreach(code=4) /
    IPv6(src=A6, dst=B46, hlim=63) / udp_q / PAYLOAD, cfg=4, hairpin=True)
add("RFC 7757 4 not hairpinned: destination outside local-map and eam", 64,
    IPv6(src=A6, dst=S6) / udp / PAYLOAD,
    IP(src="203.0.113.1", dst=S4, id=0) / udp / PAYLOAD, cfg=4, any_id=True)

# ------------------------------------------ found by the mutation test (xlat_fuzz)
# RFC 1624 section 3: an incremental update gives 0x0000 where a message
# whose octets are all zero (its sum is +0) needs 0xffff; the receiver
# drops it with 0x0000.
add("RFC 7915 5.2, RFC 1624: all-zero Echo Reply gets checksum 0xffff", 64,
    IPv6(src=S6, dst=H6) / ICMPv6EchoReply(id=0, seq=0) / Raw(b"\0" * 8),
    IP(src=S4, dst=H4, id=0) / ICMP(type=0, id=0, seq=0) / Raw(b"\0" * 8),
    any_id=True)


# ---------------------------------------------------------------- output


def carray(name, data):
    out = "static const u8 %s[] = {\n" % name
    for i in range(0, len(data), 12):
        out += "\t" + " ".join("0x%02x," % b for b in data[i:i + 12]) + "\n"
    return out + "};\n\n"


print("/* SPDX-License-Identifier: GPL-2.0-only */")
print("/*")
print(" * Generated by tools/gen-xlat-vectors.py (scapy, from the RFC rules);")
print(" * do not edit; regenerate as its docstring says.")
print(" */\n")
for i, v in enumerate(vectors):
    print(carray("xv_in_%d" % i, v["inp"]), end="")
    if v["out"] is not None:
        print(carray("xv_out_%d" % i, v["out"]), end="")
print("static const struct xlat_vector xlat_vectors[] = {")
for i, v in enumerate(vectors):
    print("\t{")
    print('\t\t.name = "%s",' % v["name"])
    print("\t\t.dir = XLAT_%s, .cfg = %d, .fwd = %s," %
          (v["dir"], v["cfg"], "true" if v["fwd"] else "false"))
    print("\t\t.in = xv_in_%d, .in_len = sizeof(xv_in_%d)," % (i, i))
    if v["out"] is not None:
        print("\t\t.out = xv_out_%d, .out_len = sizeof(xv_out_%d)," % (i, i))
        if v["any_id"]:
            print("\t\t.any_id = true,")
    elif v["refrag"]:
        print("\t\t.refrag = true,")
    else:
        print("\t\t.reason = XLAT_DROP_%s," % v["drop"])
        if v["icmp"]:
            print("\t\t.icmp = true, .type = %d, .code = %d, .info = %d," %
                  v["icmp"])
    if v["mtu"]:
        print("\t\t.mtu = %d, .frag_size = %d," % (v["mtu"], v["frag_size"]))
    if v["frag_id"]:
        print("\t\t.frag_id = 0x%x," % v["frag_id"])
    if v["hairpin"]:
        print("\t\t.hairpin = true,")
    print("\t},")
print("};")
