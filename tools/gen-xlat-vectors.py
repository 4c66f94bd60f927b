#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Generate net/ipv6/ila_xlat/xlat_vectors.h: packet translation vectors.

Every expected packet is built here with scapy by applying the rules of
RFC 7915 (sections 4 and 5) and RFC 6052 by hand; nothing comes from the
kernel code under test. Run from the repository root:

    /usr/bin/python3 tools/gen-xlat-vectors.py > net/ipv6/ila_xlat/xlat_vectors.h
"""
from scapy.all import (IP, IPv6, TCP, UDP, ICMP, ICMPv6EchoRequest,
                       ICMPv6EchoReply, ICMPv6ND_RS, IPv6ExtHdrFragment,
                       IPv6ExtHdrHopByHop, IPv6ExtHdrDestOpt,
                       IPv6ExtHdrRouting, IPOption, IPOption_LSRR, Raw,
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
        icmp=None, any_id=False, raw_in=None):
    vectors.append(dict(name=name, dir=direction, cfg=cfg, fwd=fwd,
                        inp=raw_in if raw_in is not None else bytes(pkt),
                        out=bytes(out) if out is not None else None,
                        drop=drop, icmp=icmp, any_id=any_id))


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
udp = UDP(sport=5353, dport=53)
add("RFC 7915 4.5 UDP checksum follows the pseudo-header", 46,
    IP(src=H4, dst=S4) / udp / PAYLOAD, IPv6(src=H6, dst=S6) / udp / PAYLOAD)
add("RFC 7915 4.5 zero UDP checksum computed", 46,
    IP(src=H4, dst=S4) / UDP(sport=5353, dport=53, chksum=0) / PAYLOAD,
    IPv6(src=H6, dst=S6) / udp / PAYLOAD)
add("RFC 7915 4.5 zero UDP checksum dropped (udp-zero-checksum drop)", 46,
    IP(src=H4, dst=S4) / UDP(sport=5353, dport=53, chksum=0) / PAYLOAD,
    cfg=1, drop="UDP_ZERO_CSUM")
add("RFC 7915 4.5 fragmented zero-checksum UDP", 46,
    IP(src=H4, dst=S4, flags="MF", id=9) /
    UDP(sport=5353, dport=53, chksum=0, len=1000) / PAYLOAD,
    drop="UDP_ZERO_CSUM_FRAG")
echo4 = ICMP(type=8, id=0x4242, seq=1) / PAYLOAD
add("RFC 7915 4.2 Echo Request becomes type 128", 46,
    IP(src=H4, dst=S4) / echo4,
    IPv6(src=H6, dst=S6) / ICMPv6EchoRequest(id=0x4242, seq=1) / PAYLOAD)
add("RFC 7915 4.2 Echo Reply becomes type 129", 46,
    IP(src=H4, dst=S4) / ICMP(type=0, id=7, seq=9) / PAYLOAD,
    IPv6(src=H6, dst=S6) / ICMPv6EchoReply(id=7, seq=9) / PAYLOAD)
add("RFC 7915 4.2 other informational ICMP (timestamp) dropped", 46,
    IP(src=H4, dst=S4) / ICMP(type=13), drop="ICMP_TYPE")
add("RFC 7915 4.3 ICMP error (not translated yet) dropped", 46,
    IP(src=H4, dst=S4) / ICMP(type=3, code=1) / IP(src=S4, dst=H4) / udp,
    drop="ICMP_ERROR")
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
raw = bytearray(bytes(IPv6(src=S6, dst=H6) / tcp))
struct.pack_into("!H", raw, 4, 0)
add("malformed IPv6: payload length 0 (jumbogram)", 64, None,
    drop="MALFORMED_IPV6", raw_in=bytes(raw))

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
    else:
        print("\t\t.reason = XLAT_DROP_%s," % v["drop"])
        if v["icmp"]:
            print("\t\t.icmp = true, .type = %d, .code = %d, .info = %d," %
                  v["icmp"])
    print("\t},")
print("};")
