#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Conformance cases for selftests/xlat_rfc.sh: packets through real routes.

    xlat-rfc-cases.py corpus GROUP > CORPUS     (for tools/xlat-replay.py)
    xlat-rfc-cases.py check GROUP RESULTS       (one TAP line per case)

Every expected packet is built here with scapy from the RFC rules (RFC
7915, RFC 7757, RFC 4884), never taken from the translator's output. The
network is the one selftests/xlat_rfc.sh builds:

    n6 2001:db8:1c0:2:21::/64 --- x (the translator) --- n4 198.51.100.2/24
         (192.0.2.33 under                 2001:db8:1c0:2:1::, 198.51.100.1
          remote-prefix6 2001:db8:100::/40)

    remote-prefix6 2001:db8:100::/40
    eam 198.51.100.0/24 2001:db8:1c6:3364::/72   (RFC 7757 3.2: n4 is
                                                  2001:db8:1c6:3364:2::)
    eam 203.0.113.0/24 2001:db8:3::/120          (IPv6 hosts behind n6)

A GROUP is a set of cases that share route attributes and MTUs; the
script names them (xlat_rfc.sh sets them up). What the translator sends as
an ICMP error comes from the kernel: the IPv4 Identification (and the
header checksum) is left out of the comparison where the kernel picks it.
"""
import logging
import sys

logging.getLogger("scapy.runtime").setLevel(logging.ERROR)
from scapy.all import (IP, IPv6, TCP, UDP, ICMP, Raw, ICMPv6DestUnreach,  # noqa: E402
                       ICMPv6EchoRequest, ICMPv6TimeExceeded,
                       IPv6ExtHdrFragment, IPv6ExtHdrDestOpt, fragment)

N6 = "2001:db8:1c0:2:21::"      # n6, 192.0.2.33 through the /40
N6_4 = "192.0.2.33"
X6 = "2001:db8:1c0:2:1::"       # the translator, IPv6 side
N4 = "198.51.100.2"             # n4, 2001:db8:1c6:3364:2:: by the eam
N4_6 = "2001:db8:1c6:3364:2::"
X4 = "198.51.100.1"             # the translator, IPv4 side
A6, A4 = "2001:db8:3::8", "203.0.113.8"     # IPv6 hosts behind n6
B6, B4 = "2001:db8:3::9", "203.0.113.9"
A_40 = "2001:db8:1cb:71:8::"    # 203.0.113.8 under the /40 (RFC 6052)
B_40 = "2001:db8:1cb:71:9::"

ID4 = [4, 5, 10, 11]            # IPv4 Identification and header checksum
ICMP_TOS = 0xc0                 # what the kernel's icmp_send() writes

PL = Raw(bytes(range(32)))


class Case:
    def __init__(self, group, name, side, pkt, want_side, want,
                 ignore=None):
        self.group, self.name, self.side = group, name, side
        self.pkt = bytes(pkt)
        self.want_side = want_side
        self.want = [bytes(w) for w in want]
        self.ignore = ignore or []


cases = []


def case(group, name, side, pkt, want_side=None, want=(), ignore=None):
    cases.append(Case(group, name, side, pkt, want_side, want, ignore))


def icmp4_err(quoted, typ=3, code=13):
    """The kernel's ICMPv4 error from the translator to n4 (RFC 792: the
    header and 64 bits, Linux quotes up to 576 bytes in all)."""
    q = bytes(quoted)[:576 - 28]
    return IP(src=X4, dst=N4, tos=ICMP_TOS, id=0, ttl=64) / \
        ICMP(type=typ, code=code) / Raw(q)


def icmp6_err(quoted, typ=1, code=1):
    """The kernel's ICMPv6 error from the translator to n6."""
    q = bytes(quoted)[:1280 - 48]
    return IPv6(src=X6, dst=N6, hlim=64) / \
        ICMPv6DestUnreach(type=typ, code=code) / Raw(q)


# ---------------------------------------------------------------- base
# Route attributes: lowest-ipv6-mtu 1280, links 1500.

# RFC 7757 3.2: n4's address in the eam, both ways (one decrement).
u = UDP(sport=4000, dport=5000)
case("base", "RFC 7757 3.2 eam /24 to /72: 6->4 destination", 6,
     IPv6(src=N6, dst=N4_6, hlim=64) / u / PL,
     4, [IP(src=N6_4, dst=N4, ttl=63, id=0) / u / PL], ID4)
case("base", "RFC 7757 3.2 eam /24 to /72: 4->6 source", 4,
     IP(src=N4, dst=N6_4, ttl=64, id=7) / u / PL,
     6, [IPv6(src=N4_6, dst=N6, hlim=63) / u / PL])

# RFC 7915 5.1.1: Fragment Header, atomic fragment included.
t = TCP(sport=4001, dport=80, flags="S")
case("base", "RFC 7915 5.1.1 atomic fragment: ID low 16 bits, DF clear", 6,
     IPv6(src=N6, dst=N4_6) /
     IPv6ExtHdrFragment(id=0x01020408, m=0, offset=0, nh=6) / t / PL,
     4, [IP(src=N6_4, dst=N4, ttl=63, id=0x0408, proto=6) / t / PL])
case("base", "RFC 7915 5.1.1 atomic fragment of an Echo Request", 6,
     IPv6(src=N6, dst=N4_6) /
     IPv6ExtHdrFragment(id=0x4321, m=0, offset=0, nh=58) /
     ICMPv6EchoRequest(id=1, seq=2) / PL,
     4, [IP(src=N6_4, dst=N4, ttl=63, id=0x4321) /
         ICMP(type=8, id=1, seq=2) / PL])
case("base", "RFC 7915 5.1.1 fragment: ID, MF, offset, DF clear", 6,
     IPv6(src=N6, dst=N4_6) /
     IPv6ExtHdrFragment(id=0x01020408, m=1, offset=80, nh=6) /
     Raw(b"f" * 1200),
     4, [IP(src=N6_4, dst=N4, ttl=63, id=0x0408, flags="MF", frag=80,
            proto=6) / Raw(b"f" * 1200)])

# RFC 7915 5.1 and 5.4: an extension header after the Fragment Header.
p = IPv6(src=N6, dst=N4_6) / \
    IPv6ExtHdrFragment(id=9, m=1, offset=0, nh=60) / \
    IPv6ExtHdrDestOpt(nh=17) / u / PL
case("base", "RFC 7915 5.1 extension header after Fragment Header: 1/1",
     6, p, 6, [icmp6_err(p)])

# RFC 7915 4.1 and 5.1: unknown protocols, No Next Header.
case("base", "RFC 7915 5.1 No Next Header, empty payload: protocol 59", 6,
     IPv6(src=N6, dst=N4_6, nh=59, plen=0),
     4, [IP(src=N6_4, dst=N4, ttl=63, proto=59, id=0)], ID4)
case("base", "RFC 7915 4.1 unknown protocol 253 passes", 4,
     IP(src=N4, dst=N6_4, proto=253) / Raw(b"opaque"),
     6, [IPv6(src=N4_6, dst=N6, hlim=63, nh=253) / Raw(b"opaque")])

# RFC 7915 4.5 with the default udp-zero-checksum: computed for a whole
# datagram, refused (ICMPv4 3/13) for a first fragment.
z = IP(src=N4, dst=N6_4, id=0x77) / UDP(sport=4002, dport=5000, chksum=0) / PL
case("base", "RFC 7915 4.5 zero UDP checksum computed (whole datagram)", 4,
     z, 6, [IPv6(src=N4_6, dst=N6, hlim=63) /
            UDP(sport=4002, dport=5000) / PL])
zf = IP(src=N4, dst=N6_4, id=0x78, flags="MF") / \
    UDP(sport=4002, dport=5000, chksum=0, len=1000) / PL
case("base", "RFC 7915 4.5 zero-checksum first fragment refused: 3/13", 4,
     zf, 4, [icmp4_err(IP(bytes(zf)))], ID4)

# Fragments translated one by one (RFC 7915 4.1), UDP too: same
# boundaries, the IPv4 Identification in the Fragment Header.
big = IP(src=N4, dst=N6_4, id=0x1234) / UDP(sport=4003, dport=5000) / \
    Raw(bytes(range(256)) * 8)
whole6 = IPv6(bytes(IPv6(src=N4_6, dst=N6, hlim=63) /
                    UDP(sport=4003, dport=5000) / Raw(bytes(range(256)) * 8)))
l4 = bytes(whole6)[40:]
for i, f in enumerate(fragment(big, fragsize=1000)):
    off = f.frag * 8
    n = len(f) - 20
    case("base", "RFC 7915 4.1 UDP fragment %d translated on its own" % i, 4,
         f, 6, [IPv6(src=N4_6, dst=N6, hlim=63) /
                IPv6ExtHdrFragment(id=0x1234, m=int(f.flags.MF),
                                   offset=f.frag, nh=17) /
                Raw(l4[off:off + n])])

# RFC 7915 4.2, RFC 4884: 32 words of original datagram become 148 bytes,
# cut to 18 64-bit words; the extension follows.
ext = bytes.fromhex("20000000000c0101") + bytes(4)
q4 = IP(src=N6_4, dst=N4, ttl=63, id=0) / UDP(sport=4004, dport=33434) / \
    Raw(bytes(range(200)))
q6 = IPv6(src=N6, dst=N4_6, hlim=63) / UDP(sport=4004, dport=33434) / \
    Raw(bytes(range(200)))
case("base", "RFC 4884, RFC 7915 4.2 Time Exceeded extension 4->6", 4,
     IP(src=N4, dst=N6_4) / ICMP(type=11, code=0, length=32) /
     Raw(bytes(q4)[:128] + ext),
     6, [IPv6(src=N4_6, dst=N6, hlim=63) /
         ICMPv6TimeExceeded(code=0, length=18) / Raw(bytes(q6)[:144] + ext)])

# RFC 7757 4.2.2, intrinsic hairpinning: A sends to B's IPv4 address under
# the /40; B (behind n6 again) sees A in RFC 6052 form.
case("base", "RFC 7757 4.2.2 hairpinning: back to IPv6, source RFC 6052",
     6, IPv6(src=A6, dst=B_40, hlim=64) / u / PL,
     6, [IPv6(src=A_40, dst=B6, hlim=63) / u / PL])

# ------------------------------------------------------- lowest (1280)
# lowest-ipv6-mtu 1280, links 1500: RFC 7915 4.1. 1316-byte IPv4 (1336 as
# IPv6).
mid = Raw(bytes(range(256)) * 5 + bytes(range(8)))
ip_df = IP(src=N4, dst=N6_4, id=0x4242, flags="DF") / \
    UDP(sport=4005, dport=5000) / mid
ip_nodf = IP(src=N4, dst=N6_4, id=0x4243) / UDP(sport=4005, dport=5000) / mid
w6 = bytes(IPv6(src=N4_6, dst=N6, hlim=63) / UDP(sport=4005, dport=5000) /
           mid)
case("lowest", "RFC 7915 4.1 lowest-ipv6-mtu does not apply to DF packets",
     4, ip_df, 6, [IPv6(w6)])
# 1336 bytes as IPv6: fragments of 1280 (1232 bytes of data, a multiple of 8)
# and the rest, the IPv4 Identification in both.
case("lowest", "RFC 7915 4.1 DF clear: IPv6 fragments, IPv4 ID kept", 4,
     ip_nodf, 6,
     [IPv6(src=N4_6, dst=N6, hlim=63) /
      IPv6ExtHdrFragment(id=0x4243, m=1, offset=0, nh=17) /
      Raw(w6[40:40 + 1232]),
      IPv6(src=N4_6, dst=N6, hlim=63) /
      IPv6ExtHdrFragment(id=0x4243, m=0, offset=1232 // 8, nh=17) /
      Raw(w6[40 + 1232:])])

# ---------------------------------------------------- mtu1280 (6 side)
# IPv6 link 1280, no lowest-ipv6-mtu.
case("mtu1280", "RFC 7915 4.1 DF set, too big: Frag Needed, MTU 1260", 4,
     ip_df, 4, [IP(src=X4, dst=N4, tos=ICMP_TOS, id=0) /
                ICMP(type=3, code=4, nexthopmtu=1260) /
                Raw(bytes(ip_df)[:548])], ID4)
case("mtu1280", "RFC 7915 4.1 DF clear, too big for the route: fragments",
     4, ip_nodf, 6,
     [IPv6(src=N4_6, dst=N6, hlim=63) /
      IPv6ExtHdrFragment(id=0x4243, m=1, offset=0, nh=17) /
      Raw(w6[40:40 + 1232]),
      IPv6(src=N4_6, dst=N6, hlim=63) /
      IPv6ExtHdrFragment(id=0x4243, m=0, offset=1232 // 8, nh=17) /
      Raw(w6[40 + 1232:])])

# ------------------------------------------------------- udpdrop
# udp-zero-checksum drop: RFC 7915 4.5 and 4.4.
case("udpdrop", "RFC 7915 4.5 zero UDP checksum, drop mode: 3/13", 4,
     z, 4, [icmp4_err(IP(bytes(z)))], ID4)

# ------------------------------------------------------- udpcompute
# udp-zero-checksum compute: the fragments of a zero-checksum datagram
# are reassembled (bounded), the checksum computed; 1500-byte links.
zd = IP(src=N4, dst=N6_4, id=0x79) / UDP(sport=4006, dport=5000, chksum=0) / \
    Raw(bytes(range(256)) * 4)
zfr = fragment(zd, fragsize=512)
case("udpcompute", "RFC 7915 4.5 compute: fragments reassembled, checksum",
     4, zfr[0], 6, [])
case("udpcompute", "RFC 7915 4.5 compute: the last fragment completes it",
     4, zfr[1], 6, [])
case("udpcompute", "RFC 7915 4.5 compute: translated whole", 4, zfr[2],
     6, [IPv6(src=N4_6, dst=N6, hlim=63) / UDP(sport=4006, dport=5000) /
         Raw(bytes(range(256)) * 4)])


def corpus(group):
    for i, c in enumerate(x for x in cases if x.group == group):
        print("c%d %d %s" % (i, c.side, c.pkt.hex()))


def norm(b, ignore):
    b = bytearray(b)
    for i in ignore:
        if i < len(b):
            b[i] = 0
    return bytes(b)


def check(group, results):
    got = {}
    for line in open(results):
        f = line.split()
        got[f[0]] = f[1:]
    fails = 0
    for i, c in enumerate(x for x in cases if x.group == group):
        out = got.get("c%d" % i, ["MISSING"])
        side = [o.split(":", 1)[1] for o in out
                if o.startswith("%d:" % c.want_side)] if c.want_side else []
        bad = [o for o in out if o in ("TIMEOUT:", "MISSING")]
        want = sorted(norm(w, c.ignore) for w in c.want)
        have = sorted(norm(bytes.fromhex(h), c.ignore) for h in side)
        if want == have and not bad:
            print("ok %s" % c.name)
            continue
        fails += 1
        print("FAIL %s" % c.name)
        for w in c.want:
            print("#   want %d:%s" % (c.want_side, w.hex()[:160]))
        print("#   got  %s" % " ".join(out)[:400])
    return 1 if fails else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    if sys.argv[1] == "corpus":
        corpus(sys.argv[2])
    elif sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3]))
    elif sys.argv[1] == "groups":
        print(" ".join(sorted({c.group for c in cases})))
