#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Differential test of the xlat encap against Jool, the reference SIIT.

    xlat-jool-diff.py corpus CONFIG [--packets N] [--seed S] > CORPUS
    xlat-jool-diff.py replay --cpu C REPLAY-ARGS... CORPUS > RESULTS
    xlat-jool-diff.py compare CONFIG CORPUS JOOL-RESULTS XLAT-RESULTS \
        [--json SUMMARY]
    xlat-jool-diff.py table SUMMARY...

selftests/xlat_jool_diff.sh builds two copies of one network, one with
Jool and one with xlat routes in equivalent configurations (CONFIGS below
has the addresses both use), sends the same packets through both with
tools/xlat-replay.py and hands the results to "compare".

corpus: the input packets of the KUnit vectors (tools/gen-xlat-vectors.py)
and of the RFC cases (tools/xlat-rfc-cases.py) whose addresses fit the
configuration, then N mutants of them (fixed seed): lengths, flags,
fragment fields, protocols, ICMP types and codes, RFC 4884 lengths, MTUs,
extension header chains, IPv4 options, truncation, the packet an ICMP
error quotes; checksums are recomputed most of the time, so that the
packet gets translated. One line per packet, as xlat-replay.py reads it.

replay: xlat-replay.py's own loop (its code is imported), pinned to CPU C,
so that the two networks can be replayed at the same time; with --drops
NS, each result line also names the xlat drop counters of namespace NS
that the packet moved ("drop:REASON,...").

compare: both results packet by packet. What a translator or the kernel
picks at random is normalized first: the IPv4 Identification (and the
header checksum) of IPv4 packets that did not come from a packet with a
Fragment Header, the flow label of the kernel's own ICMPv6 errors. Every
remaining difference falls into a group; KNOWN names the expected ones,
with the reason, SUSPECT the likely xlat defects (counted as unknown).
The summary lists, per direction, the packets compared, identical and
different, and each group with its count, the xlat drop reasons of its
members and one example. The exit status is 1 when a group that is not
KNOWN has members. --json writes the counts for "table", which prints
them for several configurations as one table.
"""
import argparse
import array
import collections
import contextlib
import importlib.util
import io
import ipaddress
import json
import os
import random
import runpy
import socket
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# The translator's own addresses (selftests/xlat_jool_diff.sh): errors the
# kernel sends come from them.
X4 = "192.0.0.6"
X6 = "2001:db8:ffff:ff::1"

# Equivalent configurations; selftests/xlat_jool_diff.sh sets up the same.
# eam: (IPv4 prefix, IPv6 prefix, the side its hosts are on): the IPv6
# prefixes of IPv4-side hosts get 6->4 encap routes, like the RFC 6052
# prefix; marker: the addresses of the markers xlat-replay.py sends after
# each packet (translated both ways).
CONFIGS = {
    "A": dict(prefix6="64:ff9b:1::/48",
              eam=[("192.0.0.1/32", "2001:db8:1:2::1234/128", 4),
                   ("203.0.113.0/24", "2001:db8:46::/120", 6)],
              marker6=("2001:db8:46::fe", "64:ff9b:1:c633:64:fe00::"),
              marker4=("198.51.100.254", "203.0.113.254")),
    "B": dict(prefix6="2001:db8:100::/40",
              eam=[("198.51.100.0/24", "2001:db8:1c6:3364::/72", 4),
                   ("203.0.113.0/24", "2001:db8:3::/120", 6)],
              marker6=("2001:db8:3::fe", "2001:db8:1c6:3364:fe::"),
              marker4=("198.51.100.254", "203.0.113.254")),
}

# ------------------------------------------------------------ addresses

# Never translated through the RFC 6052 prefix (xlat.rst, "Address
# mapping"; Jool refuses the same "subnet-scoped" ranges).
REFUSED4 = [ipaddress.ip_network(n) for n in
            ("0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/4",
             "255.255.255.255/32", X4 + "/32")]


class Mapper:
    """RFC 6052 and RFC 7757 address mapping of one configuration."""

    def __init__(self, cfg):
        self.prefix = ipaddress.ip_network(cfg["prefix6"])
        self.eam = [(ipaddress.ip_network(a), ipaddress.ip_network(b))
                    for a, b, _ in cfg["eam"]]
        # the IPv6 destinations the 6->4 encap routes cover
        self.routes6 = [self.prefix] + [ipaddress.ip_network(b)
                                        for a, b, side in cfg["eam"]
                                        if side == 4]

    def to6(self, a4):
        a = ipaddress.ip_address(a4)
        for p4, p6 in self.eam:
            if a in p4:
                host = int(a) - int(p4.network_address)
                return ipaddress.ip_address(int(p6.network_address) + host)
        if any(a in n for n in REFUSED4):
            return None
        b = a.packed
        p = bytearray(self.prefix.network_address.packed)
        n = self.prefix.prefixlen // 8
        # RFC 6052 2.2: the IPv4 bits skip bits 64-71 (the u-octet).
        pos = [i for i in range(n, 16) if i != 8][:4]
        for i, byte in zip(pos, b):
            p[i] = byte
        return ipaddress.ip_address(bytes(p))

    def to4(self, a6):
        a = ipaddress.ip_address(a6)
        for p4, p6 in self.eam:
            if a in p6:
                host = (int(a) - int(p6.network_address)) >> \
                    (128 - p6.prefixlen - (32 - p4.prefixlen))
                return ipaddress.ip_address(int(p4.network_address) + host)
        if a not in self.prefix:
            return None
        n = self.prefix.prefixlen // 8
        pos = [i for i in range(n, 16) if i != 8][:4]
        v4 = ipaddress.ip_address(bytes(a.packed[i] for i in pos))
        if any(v4 in r for r in REFUSED4):
            return None
        return v4


def addrs(p):
    """Source and destination of an IP packet, as strings."""
    if p[0] >> 4 == 4:
        return socket.inet_ntop(socket.AF_INET, bytes(p[12:16])), \
            socket.inet_ntop(socket.AF_INET, bytes(p[16:20]))
    return socket.inet_ntop(socket.AF_INET6, bytes(p[8:24])), \
        socket.inet_ntop(socket.AF_INET6, bytes(p[24:40]))


def fits(mapper, p):
    """The outer addresses of p translate under the configuration (the
    source of an ICMP error may come from the RFC 6791 pool instead), and
    an IPv6 destination is on the IPv4 side."""
    if len(p) < 40 or p[0] >> 4 not in (4, 6):
        return False
    src, dst = addrs(p)
    if p[0] >> 4 == 4:
        return bool(mapper.to6(dst) and mapper.to6(src))
    h = parse(p)
    icmp_err = h["proto"] == 58 and h["l4"] < len(p) and p[h["l4"]] < 128
    if not any(ipaddress.ip_address(dst) in r for r in mapper.routes6):
        return False
    return bool(mapper.to4(dst) and (mapper.to4(src) or icmp_err))


# ------------------------------------------------------- packet parsing

EXT6 = (0, 43, 60, 44, 51)      # Hop-by-Hop, Routing, Dest. Options, Frag, AH
# every IPv6 extension header number (IANA, RFC 7045): also Mobility,
# HIP, Shim6 and the two experimental numbers
EXTHDRS = EXT6 + (135, 139, 140, 253, 254)


def parse(p):
    """The headers of an IP packet, as far as the bytes go:
    v, l4 (offset of the upper layer), proto, frag (a fragment: MF or an
    offset), first (offset 0), fh (offset of the IPv6 Fragment Header),
    exts (IPv6 extension header types in order), end (where the IP length
    field says the packet ends, cut to the bytes there are)."""
    v = p[0] >> 4 if p else 0
    if len(p) < (20 if v == 4 else 40):
        v = 0                   # not even a whole IP header
    h = dict(v=v, l4=len(p), proto=-1, frag=False,
             first=True, fh=None, exts=[], end=len(p), mf=False, fo=0)
    if h["v"] == 4 and len(p) >= 20:
        ihl = (p[0] & 15) * 4
        fo = struct.unpack_from("!H", p, 6)[0]
        h.update(l4=min(ihl, len(p)), proto=p[9], mf=bool(fo & 0x2000),
                 fo=fo & 0x1fff,
                 end=min(len(p), struct.unpack_from("!H", p, 2)[0]))
        h["frag"] = h["mf"] or h["fo"] != 0
        h["first"] = h["fo"] == 0
    elif h["v"] == 6 and len(p) >= 40:
        nh, off = p[6], 40
        h["end"] = min(len(p), 40 + struct.unpack_from("!H", p, 4)[0])
        while nh in EXT6 and off + 8 <= len(p) and len(h["exts"]) < 20:
            h["exts"].append(nh)
            if nh == 44:
                fo = struct.unpack_from("!H", p, off + 2)[0]
                h.update(fh=off, mf=bool(fo & 1), fo=fo >> 3)
                h["frag"] = h["mf"] or h["fo"] != 0
                h["first"] = h["fo"] == 0
                size = 8
            elif nh == 51:
                size = (p[off + 1] + 2) * 4
            else:
                size = (p[off + 1] + 1) * 8
            nh = p[off]
            off += size
            if not h["first"]:
                break
        h.update(l4=min(off, len(p)), proto=nh)
    return h


def ones(data):
    """The 16-bit one's complement sum of data, in network order."""
    if len(data) % 2:
        data = bytes(data) + b"\0"
    s = sum(array.array("H", bytes(data)))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    if sys.byteorder == "little":
        s = ((s & 0xff) << 8) | (s >> 8)
    return s


def csum(data):
    return ~ones(data) & 0xffff


CSUM_AT = {6: 16, 17: 6, 1: 2, 58: 2}


def fix_checksums(p, inner=True):
    """Recompute the IPv4 header checksum and the transport checksum of
    a whole packet (a fragment's covers bytes we do not have), the
    quoted packet's IPv4 header checksum in an ICMP error first."""
    h = parse(p)
    if h["v"] == 4 and len(p) >= 20:
        ihl = (p[0] & 15) * 4
        if 20 <= ihl <= len(p):
            p[10:12] = b"\0\0"
            struct.pack_into("!H", p, 10, csum(p[:ihl]))
    elif h["v"] != 6 or len(p) < 40:
        return
    if h["frag"] or h["proto"] not in CSUM_AT:
        return
    l4, end = h["l4"], h["end"]
    at = l4 + CSUM_AT[h["proto"]]
    if at + 2 > end:
        return
    if h["proto"] in (1, 58) and inner and end - l4 >= 8 + 20 and \
            p[l4] in ((3, 4, 5, 11, 12) if h["proto"] == 1 else (1, 2, 3, 4)):
        q = bytearray(p[l4 + 8:end])
        if q and q[0] >> 4 == 4 and len(q) >= (q[0] & 15) * 4 >= 20:
            ihl = (q[0] & 15) * 4
            q[10:12] = b"\0\0"
            struct.pack_into("!H", q, 10, csum(q[:ihl]))
            p[l4 + 8:end] = q
    if h["proto"] == 17 and h["v"] == 4 and p[at:at + 2] == b"\0\0":
        return                  # a zero UDPv4 checksum means none
    p[at:at + 2] = b"\0\0"
    seg = p[l4:end]
    if h["proto"] == 1:
        c = csum(seg)
    elif h["v"] == 4:
        c = csum(p[12:20] + struct.pack("!BBH", 0, h["proto"], len(seg)) +
                 seg)
    else:
        c = csum(p[8:40] + struct.pack("!IxxxB", len(seg), h["proto"]) + seg)
    if c == 0 and h["proto"] == 17:
        c = 0xffff
    struct.pack_into("!H", p, at, c)


def sync_len(p):
    """Make the IP length field agree with the bytes there are."""
    if p[0] >> 4 == 4 and len(p) >= 4:
        struct.pack_into("!H", p, 2, min(len(p), 0xffff))
    elif p[0] >> 4 == 6 and len(p) >= 6:
        struct.pack_into("!H", p, 4, min(max(len(p) - 40, 0), 0xffff))


def set_proto(p, h, proto):
    """Change the upper-layer protocol number where the chain ends."""
    if h["v"] == 4:
        p[9] = proto
        return
    nh_at, off = 6, 40
    for t in h["exts"]:
        if off + 2 > len(p):
            return
        size = 8 if t == 44 else (p[off + 1] + 2) * 4 if t == 51 else \
            (p[off + 1] + 1) * 8
        nh_at, off = off, off + size
    if nh_at < len(p):
        p[nh_at] = proto


def is_icmp_error(p, h):
    if h["l4"] >= len(p):
        return False
    t = p[h["l4"]]
    return (h["proto"] == 1 and t in (3, 4, 5, 11, 12)) or \
        (h["proto"] == 58 and t < 128)


# ------------------------------------------------------------- mutation
#
# Each operator changes a bytearray in place (or returns a new one). They
# work on raw bytes: no scapy, so that 100,000 mutants take seconds.

SIZES = (60, 68, 128, 576, 577, 1000, 1232, 1259, 1260, 1261, 1279, 1280,
         1281, 1300, 1400, 1420, 1479, 1480, 1481, 1499, 1500)
PROTOS = (0, 1, 2, 4, 6, 17, 41, 43, 44, 47, 50, 51, 58, 59, 60, 103, 132,
          135, 136, 253, 255)
ICMP4_TYPES = [(0, 0), (8, 0), (13, 0), (3, 0), (3, 1), (3, 2), (3, 3),
               (3, 4), (3, 5), (3, 9), (3, 10), (3, 13), (3, 14), (3, 15),
               (3, 16), (4, 0), (5, 1), (11, 0), (11, 1), (12, 0), (12, 1),
               (12, 2), (12, 3), (9, 0), (40, 0)]
ICMP6_TYPES = [(128, 0), (129, 0), (133, 0), (1, 0), (1, 1), (1, 2), (1, 3),
               (1, 4), (1, 5), (1, 6), (1, 7), (2, 0), (2, 1), (3, 0), (3, 1),
               (4, 0), (4, 1), (4, 2), (4, 3), (100, 0), (127, 0), (130, 0)]


def m_truncate(p, h, r):
    cuts = [x for x in (20, 24, 28, 40, 44, 48, 56, 60, 68, 88, h["l4"] + 1,
                        h["l4"] + 4, h["l4"] + 7, h["l4"] + 8, h["l4"] + 12,
                        h["l4"] + 20, h["l4"] + 28, h["l4"] + 47)
            if 1 <= x < len(p)]
    n = r.choice(cuts) if cuts and r.random() < 0.7 else \
        r.randrange(1, max(len(p), 2))
    del p[n:]
    if r.random() < 0.7:
        sync_len(p)
    return "cut%d" % n


def m_length(p, h, r):
    at = 2 if h["v"] == 4 else 4
    if len(p) < at + 2:
        return None
    old = struct.unpack_from("!H", p, at)[0]
    new = r.choice((old - 1, old + 1, old - 8, old + 8, 0, 1, 19, 20, 21,
                    40, 0xffff, r.randrange(0x10000)))
    struct.pack_into("!H", p, at, new & 0xffff)
    return "len%d" % (new & 0xffff)


def m_size(p, h, r):
    """Grow or shrink the payload to a size around an MTU limit."""
    n = r.choice(SIZES)
    if n < h["l4"] + 8:
        return None
    if n > len(p):
        p.extend(bytes((i * 7) & 0xff for i in range(n - len(p))))
    else:
        del p[n:]
    sync_len(p)
    if h["proto"] == 17 and h["l4"] + 6 <= len(p) and not h["frag"]:
        struct.pack_into("!H", p, h["l4"] + 4, len(p) - h["l4"])
    return "size%d" % n


def m_flags4(p, h, r):
    if h["v"] != 4 or len(p) < 20:
        return None
    bit = r.choice((0x4000, 0x2000, 0x8000, 0x6000))
    fo = struct.unpack_from("!H", p, 6)[0] ^ bit
    struct.pack_into("!H", p, 6, fo)
    return "flags%04x" % (fo & 0xe000)


def m_fragment(p, h, r):
    """Fragment fields: IPv4 offset and MF; an IPv6 Fragment Header
    added, changed or removed."""
    off = r.choice((0, 0, 1, 2, 8, 100, 185, 0x1fff, r.randrange(0x2000)))
    mf = r.random() < 0.5
    if h["v"] == 4 and len(p) >= 20:
        fo = struct.unpack_from("!H", p, 6)[0] & 0xc000
        struct.pack_into("!H", p, 6, fo | off | (0x2000 if mf else 0))
        return "frag4:%d%s" % (off, "+" if mf else "")
    if h["v"] != 6 or len(p) < 40:
        return None
    if h["fh"] is not None:
        if r.random() < 0.3:
            at = h["fh"]
            nh = p[at]
            # the header that points at it takes its next header
            ptr = 6
            o = 40
            for t in h["exts"]:
                if o == at:
                    break
                ptr = o
                o += (p[o + 1] + 1) * 8 if t != 51 else (p[o + 1] + 2) * 4
            p[ptr] = nh
            del p[at:at + 8]
            sync_len(p)
            return "nofh"
        struct.pack_into("!H", p, h["fh"] + 2,
                         (off << 3) | (1 if mf else 0) |
                         (r.choice((0, 0, 0, 6)) if r.random() < 0.2 else 0))
        return "fh:%d%s" % (off, "+" if mf else "")
    fh = bytearray(struct.pack("!BBHI", p[6], 0, (off << 3) | int(mf),
                               r.randrange(1 << 32)))
    p[6] = 44
    p[40:40] = fh
    sync_len(p)
    return "addfh:%d%s" % (off, "+" if mf else "")


def m_proto(p, h, r):
    n = r.choice(PROTOS)
    set_proto(p, h, n)
    return "proto%d" % n


def m_icmp(p, h, r):
    if h["proto"] not in (1, 58) or h["l4"] + 2 > len(p):
        return None
    t, c = r.choice(ICMP4_TYPES if h["proto"] == 1 else ICMP6_TYPES)
    if r.random() < 0.1:
        c = r.randrange(256)
    p[h["l4"]], p[h["l4"] + 1] = t, c
    return "icmp%d/%d" % (t, c)


def m_icmp_field(p, h, r):
    """The second word of an ICMP header: RFC 4884 length, MTU, pointer."""
    l4 = h["l4"]
    if h["proto"] not in (1, 58) or l4 + 8 > len(p):
        return None
    what = r.randrange(3)
    if what == 0:               # RFC 4884 length
        n = r.choice((0, 1, 6, 16, 17, 18, 19, 20, 27, 28, 30, 31, 32, 33,
                      40, 60, 255, r.randrange(256)))
        p[l4 + (5 if h["proto"] == 1 else 4)] = n
        return "4884len%d" % n
    if what == 1:               # Frag Needed MTU / Packet Too Big MTU
        n = r.choice((0, 68, 576, 1000, 1259, 1260, 1261, 1279, 1280, 1281,
                      1400, 1480, 1500, 65535, r.randrange(0x10000)))
        if h["proto"] == 1:
            struct.pack_into("!H", p, l4 + 6, n)
        else:
            struct.pack_into("!I", p, l4 + 4,
                             n if r.random() < 0.8 else r.randrange(1 << 32))
        return "mtu%d" % n
    n = r.choice((0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 12, 16, 19, 20, 24, 31, 39,
                  40, 41, 255, r.randrange(256)))
    if h["proto"] == 1:
        p[l4 + 4] = n
    else:
        struct.pack_into("!I", p, l4 + 4, n)
    return "ptr%d" % n


def m_ttl(p, h, r):
    n = r.choice((0, 1, 2, 63, 255))
    if h["v"] == 4 and len(p) > 8:
        p[8] = n
    elif h["v"] == 6 and len(p) > 7:
        p[7] = n
    else:
        return None
    return "ttl%d" % n


def m_tos(p, h, r):
    n = r.randrange(256)
    if h["v"] == 4 and len(p) > 1:
        p[1] = n
    elif h["v"] == 6 and len(p) >= 4:
        fl = r.choice((0, 0, 1, 0xfffff, r.randrange(1 << 20)))
        struct.pack_into("!I", p, 0, (6 << 28) | (n << 20) | fl)
    else:
        return None
    return "tos%02x" % n


def m_options4(p, h, r):
    """IPv4 options: padding, Record Route, Timestamp, source routes
    (used up or not), Router Alert, garbage."""
    if h["v"] != 4 or len(p) < 20 or (p[0] & 15) != 5:
        return None
    kind = r.randrange(7)
    if kind == 0:
        opt = b"\x01\x01\x01\x00"
    elif kind == 1:
        opt = b"\x07\x07\x04" + bytes(4) + b"\x00"
    elif kind == 2:
        opt = b"\x44\x0c\x05\x00" + bytes(8)
    elif kind in (3, 4):        # LSRR / SSRR, pointer past or at the route
        ptr = r.choice((4, 8, 12))
        opt = bytes((0x83 if kind == 3 else 0x89, 11, ptr)) + \
            socket.inet_aton("198.51.100.9") + socket.inet_aton(X4) + b"\x00"
    elif kind == 5:
        opt = b"\x94\x04\x00\x00"
    else:
        opt = bytes(r.randrange(256) for _ in range(r.choice((4, 8, 40))))
    opt += bytes(-len(opt) % 4)
    p[20:20] = opt
    p[0] = 0x40 | (5 + len(opt) // 4)
    sync_len(p)
    return "opt%d" % kind


EXT_BODY = {0: b"\x01\x04\x00\x00\x00\x00", 60: b"\x01\x04\x00\x00\x00\x00",
            43: None}


def m_ext6(p, h, r):
    """Insert a Hop-by-Hop (first only), Destination Options or Routing
    header somewhere in the chain, or an AH."""
    if h["v"] != 6 or len(p) < 40:
        return None
    pos = r.randrange(len(h["exts"]) + 1)
    t = r.choice((0, 60, 60, 43, 43, 51)) if pos == 0 else \
        r.choice((60, 43, 51, 0))
    ptr, off = 6, 40
    for i, e in enumerate(h["exts"][:pos]):
        if off + 2 > len(p):
            return None
        ptr = off
        off += 8 if e == 44 else (p[off + 1] + 2) * 4 if e == 51 else \
            (p[off + 1] + 1) * 8
    if off > len(p):
        return None
    extra = r.choice((0, 0, 1, 2))
    if t == 43:
        rtype = r.choice((0, 2, 3, 4))
        segs = r.choice((0, 0, 1, 2))
        hdr = bytes((p[ptr], 2 + extra, rtype, segs)) + bytes(4 + 16 +
                                                              8 * extra)
    elif t == 51:
        hdr = bytes((p[ptr], 4)) + bytes(22)
    else:
        hdr = bytes((p[ptr], extra)) + b"\x01\x04" + bytes(4 + 8 * extra)
    p[ptr] = t
    p[off:off] = hdr
    sync_len(p)
    return "ext%d@%d" % (t, pos)


def m_byte(p, h, r):
    if not p:
        return None
    i = r.randrange(min(len(p), h["l4"] + 48))
    p[i] = r.randrange(256)
    return "byte%d" % i


def m_udp(p, h, r):
    l4 = h["l4"]
    if h["proto"] != 17 or l4 + 8 > len(p) or not h["first"]:
        return None
    if r.random() < 0.5:
        p[l4 + 6:l4 + 8] = b"\0\0"
        return "udp0"
    n = r.choice((0, 7, 8, 9, len(p) - l4 - 1, len(p) - l4 + 1, 1000, 0xffff))
    struct.pack_into("!H", p, l4 + 4, n & 0xffff)
    return "udplen%d" % n


def m_inner(p, h, r):
    """Mutate the packet an ICMP error quotes, then put it back."""
    l4 = h["l4"]
    if not is_icmp_error(p, h) or l4 + 8 + 20 > len(p):
        return None
    q = bytearray(p[l4 + 8:])
    qh = parse(q)
    if qh["v"] not in (4, 6):
        return None
    op = r.choice(INNER_OPS)
    name = op(q, qh, r)
    if name is None:
        return None
    p[l4 + 8:] = q
    sync_len(p)
    return "in:" + name


def m_swap_icmp_error(p, h, r):
    """An error quoting an error (nested), or an echo quoted."""
    l4 = h["l4"]
    if not is_icmp_error(p, h) or l4 + 8 + 48 > len(p):
        return None
    q = bytearray(p[l4 + 8:])
    qh = parse(q)
    if qh["proto"] not in (1, 58) or qh["l4"] + 2 > len(q):
        return None
    q[qh["l4"]] = r.choice((3, 11, 0, 8) if qh["proto"] == 1 else
                           (1, 3, 128, 129, 135))
    p[l4 + 8:] = q
    return "innertype%d" % q[qh["l4"]]


OPS = [(m_truncate, 8), (m_length, 6), (m_size, 6), (m_flags4, 5),
       (m_fragment, 10), (m_proto, 5), (m_icmp, 10), (m_icmp_field, 8),
       (m_ttl, 4), (m_tos, 3), (m_options4, 4), (m_ext6, 6), (m_byte, 5),
       (m_udp, 4), (m_inner, 12), (m_swap_icmp_error, 2)]
INNER_OPS = [m_truncate, m_length, m_flags4, m_fragment, m_proto, m_ttl,
             m_tos, m_options4, m_ext6, m_byte, m_udp]


def safe_options4(p):
    """An IPv4 option whose length byte is below 2 is replaced by No
    Operation options, up to the end of the header."""
    ihl = (p[0] & 15) * 4
    i = 20
    while i < min(ihl, len(p)):
        if p[i] in (0, 1):
            i += 1
            continue
        if i + 1 >= min(ihl, len(p)) or p[i + 1] < 2:
            p[i:min(ihl, len(p))] = b"\1" * (min(ihl, len(p)) - i)
            return
        i += p[i + 1]


def jool_safe(p, h):
    """Keep away from two Jool 4.1.9 defects that take the kernel down:
    an IPv4 option with a length below 2 makes ttp46_ipv6_external() loop
    forever (soft lockup), and an ICMPv6 error whose RFC 4884 length does
    not fit the message makes handle_icmp_extension() pass a negative
    length to skb_copy_bits() (oops; seen with a quoted packet whose
    Next Header is 43). Such options become No Operation, such a length
    (or any length when the quote has extension headers) 0; the options
    of the packet an ICMPv4 error quotes are treated the same."""
    if h["v"] == 4:
        safe_options4(p)
        l4 = h["l4"]
        if is_icmp_error(p, h) and l4 + 28 <= len(p) and p[l4 + 8] >> 4 == 4:
            q = bytearray(p[l4 + 8:])
            safe_options4(q)
            p[l4 + 8:] = q
        return
    l4 = h["l4"]
    if h["v"] != 6 or h["proto"] != 58 or l4 + 8 > len(p) or \
            p[l4] not in (1, 3) or not p[l4 + 4]:
        return
    n = p[l4 + 4] * 8
    q = parse(bytearray(p[l4 + 8:h["end"]]))
    if n < 128 or l4 + 8 + n > h["end"] or q["v"] != 6 or q["exts"]:
        p[l4 + 4] = 0


def unique_ids(p, h, n):
    """Give a fragment an Identification of its own, so that fragments of
    different mutants never meet in a reassembly queue."""
    if not h["frag"]:
        return
    if h["v"] == 4:
        struct.pack_into("!H", p, 4, (n * 7 + 1) & 0xffff)
    elif h["fh"] is not None and h["fh"] + 8 <= len(p):
        struct.pack_into("!I", p, h["fh"] + 4, 0x5a000000 | n)


MAX_SIZE = 1500                 # the links' MTU


def mutants(bases, count, seed):
    """count mutants of the (name, side, bytes) in bases, deterministic."""
    r = random.Random(seed)
    ops, weights = zip(*OPS)
    by_side = [[b for b in bases if b[1] == side] for side in (4, 6)]
    by_side = [b for b in by_side if b]
    out = []
    n = 0
    while len(out) < count:
        n += 1
        pool = by_side[r.randrange(len(by_side))]
        bname, side, base = pool[r.randrange(len(pool))]
        p = bytearray(base)
        names = []
        for _ in range(r.choice((1, 1, 1, 2, 2, 3))):
            h = parse(p)
            if h["v"] not in (4, 6):
                break
            op = r.choices(ops, weights)[0]
            name = op(p, h, r)
            if name:
                names.append(name)
        # a mutated version nibble makes a packet of the other family:
        # the kernel routes it as such, no translator sees it
        if not names or not p or len(p) > MAX_SIZE or p[0] >> 4 != side:
            continue
        h = parse(p)
        unique_ids(p, h, n)
        jool_safe(p, h)
        if r.random() < 0.9:
            fix_checksums(p)
        out.append(("m%d:%s:%s" % (n, bname, "+".join(names)), side,
                    bytes(p)))
    return out


# --------------------------------------------------------------- corpus

def base_packets(cfgname):
    """The input packets of the KUnit vectors and the RFC cases that fit
    the configuration, without duplicates: (name, side, bytes)."""
    mapper = Mapper(CONFIGS[cfgname])
    with contextlib.redirect_stdout(io.StringIO()):
        vec = runpy.run_path(os.path.join(HERE, "gen-xlat-vectors.py"),
                             run_name="xlat_vectors")["vectors"]
        rfc = runpy.run_path(os.path.join(HERE, "xlat-rfc-cases.py"),
                             run_name="xlat_rfc_cases")["cases"]
    seen = set()
    out = []
    for i, v in enumerate(vec):
        side = 4 if v["dir"] == 46 else 6
        out.append(("v%d" % i, side, v["inp"]))
    for i, c in enumerate(rfc):
        out.append(("r%d" % i, c.side, c.pkt))
    keep = []
    for name, side, p in out:
        if p in seen or not p or p[0] >> 4 != side or len(p) > MAX_SIZE \
                or not fits(mapper, p):
            continue
        seen.add(p)
        keep.append((name, side, p))
    return keep


def cmd_corpus(args):
    bases = base_packets(args.config)
    print("# config %s: %d base packets, %d mutants, seed %d" %
          (args.config, len(bases), args.packets, args.seed))
    for name, side, p in bases + mutants(bases, args.packets, args.seed):
        print(name, side, p.hex())


# --------------------------------------------------------------- replay

class DropCounters:
    """The xlat drop counters of network namespace NS (the MIB counters
    "XlatExt" of /proc/net/netstat, opened once inside it): what() returns
    the reasons counted since the last call, as "reason" or "reason*N",
    each by its counter's name without "Drop" (DropTtlExceeded is
    TtlExceeded; Documentation/networking/xlat.rst lists them)."""

    def __init__(self, rp, ns):
        self.fd = rp.in_netns(ns, lambda: os.open("/proc/self/net/netstat",
                                                  os.O_RDONLY))
        self.last = self.read()

    def read(self):
        os.lseek(self.fd, 0, os.SEEK_SET)
        data = b""
        while True:
            chunk = os.read(self.fd, 65536)
            if not chunk:
                break
            data += chunk
        rows = [line.split()[1:] for line in data.decode().splitlines()
                if line.startswith("XlatExt:")]
        if len(rows) < 2:
            return {}
        return {key[4:]: int(val) for key, val in zip(*rows[:2])
                if key.startswith("Drop")}

    def what(self):
        now = self.read()
        new = ["%s%s" % (k, "" if now[k] - self.last.get(k, 0) == 1 else
                         "*%d" % (now[k] - self.last.get(k, 0)))
               for k in sorted(now) if now[k] != self.last.get(k, 0)]
        self.last = now
        return new


def cmd_replay(args):
    """xlat-replay.py's main loop, on the CPU given. With --drops NS, each
    line also gets a "drop:REASON,..." column: the xlat drop counters of
    NS that the packet moved."""
    spec = importlib.util.spec_from_file_location(
        "xlat_replay", os.path.join(HERE, "xlat-replay.py"))
    rp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rp)
    # The CPU given, or the one at that index of those we may use: the
    # debug kernel's VM has a single CPU.
    cpus = sorted(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {args.cpu if args.cpu in cpus
                             else cpus[args.cpu % len(cpus)]})
    ends = {6: rp.End(6, args.side6, args.peer6),
            4: rp.End(4, args.side4, args.peer4)}
    markers = {6: args.marker6.split(","), 4: args.marker4.split(",")}
    drops = DropCounters(rp, args.drops) if args.drops else None
    seq = 0
    with open(args.corpus) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, side, hexpkt = line.split()
            seq += 1
            got = rp.replay(ends, markers, name, int(side),
                            bytes.fromhex(hexpkt), seq, args.timeout)
            cols = ["%s:%s" % (s, p.hex()) for s, p in got] or ["-"]
            if drops:
                why = drops.what()
                if why:
                    cols.append("drop:" + ",".join(why))
            print(name, " ".join(cols), flush=True)


# -------------------------------------------------------------- compare

def is_noise(p):
    """Link-local chatter of the namespaces (MLD, ND, router solicitation):
    nothing a test packet causes."""
    if p[0] >> 4 == 6 and len(p) >= 40:
        return p[8] == 0xfe and p[9] & 0xc0 == 0x80 or p[24] == 0xff or \
            p[8:24] == bytes(16)
    return len(p) >= 20 and p[16] >= 224


def hcsum_ok(p):
    ihl = (p[0] & 15) * 4
    return 20 <= ihl <= len(p) and csum(p[:ihl]) == 0


def normalize(inp, p):
    """Zero what the translator or the kernel picks freely: the IPv4
    Identification (and the header checksum) unless the input had an IPv6
    Fragment Header to take it from, in the packet and in the packet an
    ICMPv4 error quotes (then the checksums that cover it are computed
    again, if they were right); the flow label of the kernel's own ICMPv6
    errors."""
    p = bytearray(p)
    if p[0] >> 4 == 4 and len(p) >= 20:
        ih = parse(inp)
        # a Fragment Header the translator reads: not behind an AH
        fh = ih["fh"] is not None and 51 not in \
            ih["exts"][:ih["exts"].index(44)]
        if ih["v"] == 4 or not fh:
            p[4:6] = p[10:12] = b"\0\0"
        h = parse(p)
        l4 = h["l4"]
        if ih["v"] == 6 and is_icmp_error(p, h) and l4 + 28 <= h["end"] \
                and p[l4 + 8] >> 4 == 4 and not h["frag"]:
            q = bytearray(p[l4 + 8:h["end"]])
            qi = parse(bytearray(inp[ih["l4"] + 8:]))
            if qi["v"] == 6 and qi["fh"] is None:
                icmp_ok = csum(p[l4:h["end"]]) == 0
                q_ok = hcsum_ok(q)
                q[4:6] = b"\0\0"
                if q_ok:
                    q[10:12] = b"\0\0"
                    struct.pack_into("!H", q, 10, csum(q[:(q[0] & 15) * 4]))
                p[l4 + 8:h["end"]] = q
                if icmp_ok:
                    p[l4 + 2:l4 + 4] = b"\0\0"
                    struct.pack_into("!H", p, l4 + 2, csum(p[l4:h["end"]]))
    elif p[0] >> 4 == 6 and len(p) >= 40 and addrs(p)[0] == X6:
        p[1] &= 0xf0
        p[2:4] = b"\0\0"
    return bytes(p)


def icmp_of(p):
    h = parse(p)
    if h["proto"] in (1, 58) and h["l4"] + 2 <= len(p) and h["first"]:
        return h["proto"], p[h["l4"]], p[h["l4"] + 1]
    return None


def outcome(inp, inp_side, outs):
    """What one translator did with a packet, in words."""
    if not outs:
        return "drops"
    kinds = []
    for side, p in outs:
        if side == "TIMEOUT":
            kinds.append("no marker")
        elif side != inp_side:
            kinds.append("translates")
        elif p[0] >> 4 != inp[0] >> 4:
            kinds.append("sends back translated")
        else:
            ic = icmp_of(p)
            if ic and addrs(p)[0] in (X4, X6):
                kinds.append("ICMP%s %d/%d" % ("" if ic[0] == 1 else "v6",
                                               ic[1], ic[2]))
            elif addrs(p) == addrs(inp):
                kinds.append("forwards untranslated")
            else:
                kinds.append("hairpins")
    return " + ".join(sorted(set(kinds)))


def features(p):
    """A short description of an input packet, for group names."""
    h = parse(p)
    if not h["v"]:
        return "truncated IP header"
    names = {1: "ICMP", 58: "ICMPv6", 6: "TCP", 17: "UDP"}
    what = names.get(h["proto"], "protocol %d" % h["proto"])
    if h["proto"] in (1, 58) and h["first"] and h["l4"] < len(p):
        what = ("ICMP error" if is_icmp_error(p, h) else "ICMP informational")
    if h["frag"]:
        what += ", first fragment" if h["first"] else ", fragment"
    return what


def layout(p):
    """The fields of an IP packet as (name, bytes) pairs, the quoted
    packet of an ICMP error included ("quoted ..."), the rest as
    payload."""
    h = parse(p)
    f = []
    if h["v"] == 4 and len(p) >= 20:
        ihl = (p[0] & 15) * 4
        f += [("IHL", p[0:1]), ("TOS", p[1:2]), ("Total Length", p[2:4]),
              ("Identification", p[4:6]), ("DF", p[6] & 0x40),
              ("MF/offset", (p[6] & 0xbf, p[7])), ("TTL", p[8:9]),
              ("Protocol", p[9:10]), ("header checksum", p[10:12]),
              ("source", p[12:16]), ("destination", p[16:20]),
              ("options", p[20:ihl])]
    elif h["v"] == 6 and len(p) >= 40:
        f += [("Traffic Class", (p[0] & 15, p[1] >> 4)),
              ("Flow Label", (p[1] & 15, p[2:4])),
              ("Payload Length", p[4:6]), ("Next Header", p[6:7]),
              ("Hop Limit", p[7:8]), ("source", p[8:24]),
              ("destination", p[24:40])]
        if h["fh"] is not None:
            fh = h["fh"]
            f += [("extension headers", p[40:fh] + p[fh + 8:h["l4"]]),
                  ("Fragment Header", p[fh:fh + 8])]
        else:
            f.append(("extension headers", p[40:h["l4"]]))
    else:
        return [("bytes", p)]
    l4 = h["l4"]
    if not h["first"]:
        return f + [("payload", p[l4:])]
    if h["proto"] in (1, 58):
        f += [("ICMP type/code", p[l4:l4 + 2]), ("ICMP checksum",
                                                 p[l4 + 2:l4 + 4]),
              ("ICMP word 2", p[l4 + 4:l4 + 8])]
        if is_icmp_error(p, h) and l4 + 8 < len(p):
            inner = p[l4 + 8:]
            return f + [("quoted " + n, x) for n, x in layout(inner)]
    elif h["proto"] == 6:
        f += [("TCP ports/seq/ack/flags", p[l4:l4 + 16]),
              ("TCP checksum", p[l4 + 16:l4 + 18])]
        l4 += 18
    elif h["proto"] == 17:
        f += [("UDP ports", p[l4:l4 + 4]), ("UDP length", p[l4 + 4:l4 + 6]),
              ("UDP checksum", p[l4 + 6:l4 + 8])]
        l4 += 8
    else:
        l4 -= 8
    return f + [("payload", p[l4 + 8:])]


def field_diff(a, b):
    """The names of the fields where packets a and b differ."""
    if a[0] >> 4 != b[0] >> 4:
        return ["IP version"]
    fa, fb = layout(a), layout(b)
    out = [na for (na, xa), (nb, xb) in zip(fa, fb) if na != nb or xa != xb]
    if len(fa) != len(fb):
        out.append("header chain")
    return out


class Case:
    """One packet and what both translators did with it."""

    def __init__(self, cfg, name, side, inp, jool, xlat, xdrop=()):
        self.cfg, self.name, self.side, self.inp = cfg, name, side, inp
        self.xdrop = [w.split("*")[0] for w in xdrop]
        self.jool, self.xlat = jool, xlat
        self.jo = outcome(inp, side, jool)
        self.xo = outcome(inp, side, xlat)
        self.h = parse(inp)
        self.what = features(inp)
        self.err = bool(self.h["v"]) and is_icmp_error(inp, self.h)
        self.quote = bytearray(inp[self.h["l4"] + 8:self.h["end"]]) \
            if self.err else bytearray()
        self.qh = parse(self.quote)
        self.fields = []
        self.ecn = False
        if self.jo == self.xo:
            if len(jool) != len(xlat):
                self.fields = ["number of packets"]
            else:
                for (sj, pj), (sx, px) in zip(jool, xlat):
                    pj = self.ecn_fixed(pj, px)
                    if pj != px:
                        self.fields = field_diff(pj, px)
                        break

    def ecn_fixed(self, pj, px):
        """Jool's IPv4 packet with the ECN bits xlat copied from the
        Traffic Class, where that is all that differs in the TOS of the
        packet or of the packet an ICMP error quotes ("Jool clears the
        ECN bits"); self.ecn records that it happened."""
        if self.side != 6 or pj[0] >> 4 != 4 or px[0] >> 4 != 4 or \
                len(pj) != len(px):
            return pj
        q = bytearray(pj)
        tc = ((self.inp[0] & 15) << 4) | (self.inp[1] >> 4)
        if q[1] != px[1] and q[1] == px[1] & 0xfc and px[1] == tc:
            q[1] = px[1]
            if hcsum_ok(pj):
                q[10:12] = b"\0\0"
                struct.pack_into("!H", q, 10, csum(q[:(q[0] & 15) * 4]))
        h = parse(q)
        at = h["l4"] + 8
        if self.err and at + 20 <= len(q) and q[at] >> 4 == 4 and \
                q[at + 1] != px[at + 1] and q[at + 1] == px[at + 1] & 0xfc:
            icmp_ok = csum(q[h["l4"]:h["end"]]) == 0
            inner_ok = hcsum_ok(q[at:])
            q[at + 1] = px[at + 1]
            if inner_ok:
                q[at + 10:at + 12] = b"\0\0"
                struct.pack_into("!H", q, at + 10,
                                 csum(q[at:at + (q[at] & 15) * 4]))
            if icmp_ok:
                q[h["l4"] + 2:h["l4"] + 4] = b"\0\0"
                struct.pack_into("!H", q, h["l4"] + 2,
                                 csum(q[h["l4"]:h["end"]]))
        if q != pj:
            self.ecn = True
        return bytes(q)

    def auto_group(self):
        if self.jo != self.xo:
            return "xlat %s, Jool %s: %s" % (self.xo, self.jo, self.what)
        return "both %s, different %s: %s" % (
            self.xo, ", ".join(self.fields[:4]), self.what)


# ------------------------------------------------ the known differences

SRR = (0x83, 0x89)                      # LSRR, SSRR


def options4(p):
    """The IPv4 options of p: (list of types, whether Linux accepts them
    as ip_options_compile() does for a received packet, roughly)."""
    ihl = (p[0] & 15) * 4
    opts, i, ok = [], 20, True
    while i < min(ihl, len(p)):
        t = p[i]
        if t == 0:
            break
        if t == 1:
            i += 1
            continue
        opts.append(t)
        if i + 1 >= ihl or p[i + 1] < 2 or i + p[i + 1] > ihl:
            return opts, False
        ln = p[i + 1]
        ptr = p[i + 2] if ln > 2 else 0
        if t in (7, 0x83, 0x89) and (ln < 3 or ptr < 4 or
                                     (ptr <= ln and ln - ptr < 3 and
                                      t != 7)):
            ok = False
        if t == 0x44 and (ln < 4 or ptr < 5):
            ok = False
        i += ln
    return opts, ok


def kernel_options(c):
    if c.side != 4 or not c.h["v"] or (c.inp[0] & 15) == 5:
        return False
    opts, ok = options4(c.inp)
    return (not ok or any(t in SRR for t in opts)) and \
        (c.xo == "drops" or c.xo.startswith("ICMP 12/"))


def untranslatable(c):
    """Jool leaves the packet to the kernel (an address it cannot
    translate, outer or quoted), or drops it where an outer address has
    no mapping (the source of an ICMPv6 error excepted: icmp-source-pool4
    stands in), or translates it into a range that xlat never translates
    (0.0.0.0/8, 224.0.0.0/4, ...: Mapper refuses them); xlat refuses
    it."""
    if c.xo not in ("drops", "ICMP 3/13", "ICMPv6 1/1"):
        return False
    if "forwards untranslated" in c.jo:
        return True
    if c.jo not in ("drops", "translates") or not c.h["v"]:
        return False
    m = Mapper(CONFIGS[c.cfg])
    src, dst = addrs(c.inp)
    if c.side == 4:
        return m.to6(dst) is None or m.to6(src) is None
    return m.to4(dst) is None or (m.to4(src) is None and not c.err)


def held_fragment(c, protos):
    """A fragment that xlat's reassembly keeps (no drop counted) or
    refuses (reassembly-failed, counted as DropReassemblyFailed: an offset
    or length it cannot take)."""
    return c.h["frag"] and c.xo == "drops" and c.h["proto"] in protos and \
        not (c.side == 6 and c.h["proto"] != 58) and \
        set(c.xdrop) <= {"ReassemblyFailed"}


REFUSED46 = (0, 43, 44, 58, 60, 135, 139, 140)


def refused_proto(c):
    if c.side == 4:
        bad = c.h["proto"] in REFUSED46
    else:
        # ICMPv4 in IPv6; or, hairpinned, a number that the way back
        # to IPv6 refuses (half translated: silently)
        bad = c.h["proto"] == 1 or (c.h["proto"] in REFUSED46 and
                                    c.jo == "hairpins" and c.xo == "drops")
    return bad and c.xo in ("ICMP 3/13", "ICMPv6 1/1", "drops")


def short_quote(c):
    """The quoted packet ends before its transport header does."""
    need = {6: 20, 17: 8, 1: 8, 58: 8}.get(c.qh["proto"], 0)
    return c.qh["v"] and c.qh["first"] and \
        len(c.quote) < c.qh["l4"] + need


def nested_error(c):
    q, qh = c.quote, c.qh
    return qh["v"] and qh["first"] and qh["l4"] < len(q) and \
        is_icmp_error(q, qh)


def quoted_udp_zero(c):
    q, qh = c.quote, c.qh
    return "quoted UDP checksum" in c.fields and qh["proto"] == 17 and \
        qh["l4"] + 8 <= len(q) and q[qh["l4"] + 6:qh["l4"] + 8] == b"\0\0"


def ext_after_fh(c):
    """An IPv6 extension header (AH included) follows the Fragment
    Header."""
    e = c.h["exts"]
    if 44 not in e:
        return False
    rest = e[e.index(44) + 1:]
    return bool(rest) or c.h["proto"] in EXTHDRS


def quoted_ext_after_fh(c):
    """The IPv6 packet an ICMPv6 error quotes has an extension header
    (AH included) after its Fragment Header."""
    qh = c.qh
    if not qh or qh["v"] != 6 or 44 not in qh["exts"]:
        return False
    rest = qh["exts"][qh["exts"].index(44) + 1:]
    return bool(rest) or qh["proto"] in EXTHDRS


def rfc4884_len(c):
    """The error has a non-zero RFC 4884 length field."""
    t = c.inp[c.h["l4"]]
    at = c.h["l4"] + (5 if c.side == 4 else 4)
    has = t in ((3, 11, 12) if c.side == 4 else (1, 3))
    return has and at < len(c.inp) and c.inp[at] != 0


def jool_refuses_error(c):
    return c.err and c.xo in ("translates", "hairpins") and c.jo == "drops"


def only(c, *names):
    return c.fields and all(f in names for f in c.fields)


def l4_ok(p):
    """The transport checksum of a whole packet is right (None: no
    checksum to check)."""
    h = parse(p)
    if not h["v"] or h["frag"] or h["proto"] not in CSUM_AT or \
            h["l4"] + CSUM_AT[h["proto"]] + 2 > h["end"]:
        return None
    seg = p[h["l4"]:h["end"]]
    if h["proto"] == 17 and h["v"] == 4 and seg[6:8] == b"\0\0":
        return True
    if h["proto"] == 1:
        return csum(seg) == 0
    if h["v"] == 4:
        return csum(p[12:20] + struct.pack("!BBH", 0, h["proto"], len(seg)) +
                    seg) == 0
    return csum(p[8:40] + struct.pack("!IxxxB", len(seg), h["proto"]) +
                seg) == 0


def datagram_ok(outs):
    """l4_ok() of a packet, or of the datagram its IPv6 fragments make."""
    if len(outs) == 1:
        return l4_ok(outs[0][1])
    parts = sorted((parse(p)["fo"], p) for _, p in outs)
    first = parts[0][1]
    h = parse(first)
    if h["fh"] is None or h["fo"]:
        return None
    data = b"".join(p[parse(p)["l4"]:] for _, p in parts)
    whole = bytearray(first[:40]) + data
    whole[6] = h["proto"]
    struct.pack_into("!H", whole, 4, len(data))
    return l4_ok(bytes(whole))


def jool_bad_csum(c):
    if c.jo != "translates" or not only(c, "UDP checksum", "TCP checksum",
                                        "ICMP checksum", "header checksum"):
        return False
    return datagram_ok(c.xlat) is not False and \
        datagram_ok(c.jool) is False


def jool_ecn(c):
    return c.ecn and not c.fields


def icmp_type_is(c, v4types, v6types):
    if not c.h["v"] or c.h["l4"] >= len(c.inp):
        return False
    t = c.inp[c.h["l4"]]
    return t in (v4types if c.side == 4 else v6types) and \
        c.h["proto"] in (1, 58)


def rh_sl_ptr(p):
    """The offset of the Segments Left field of the first Routing header
    with Segments Left > 0 in front of any Fragment Header, or None."""
    nh, off = p[6], 40
    while nh in (0, 43, 60) and off + 8 <= len(p):
        if nh == 43 and p[off + 3]:
            return off + 3
        nh, off = p[off], off + (p[off + 1] + 1) * 8
    return None


def routing_header(c):
    """xlat answers Parameter Problem pointing at Segments Left (drops
    an ICMPv6 error, which icmpv6_send() never answers)."""
    if c.side != 6 or not c.h["v"] or not (
            c.xo == "ICMPv6 4/0" or (c.xo == "drops" and c.err)):
        return False
    ptr = rh_sl_ptr(c.inp)
    if ptr is None:
        return False
    for _, q in c.xlat:
        if len(q) >= 48 and struct.unpack_from("!I", q, 44)[0] != ptr:
            return False
    return True


def jool_second_rh(c):
    """A Routing header with Segments Left 0 comes first, a later one has
    Segments Left > 0: Jool translates."""
    if not routing_header(c) or c.jo != "translates":
        return False
    nh, off = c.inp[6], 40
    while nh in (0, 60) and off + 8 <= len(c.inp):
        nh, off = c.inp[off], off + (c.inp[off + 1] + 1) * 8
    return nh == 43 and off + 8 <= len(c.inp) and c.inp[off + 3] == 0


def expires(c):
    """The packet expires here (TTL or Hop Limit 1 or 0)."""
    if not c.h["v"]:
        return False
    return (c.inp[8] if c.side == 4 else c.inp[7]) <= 1


def quoted_refused(c):
    """An address of the quoted packet is in a range xlat never
    translates (its RFC 6052 form, for a quoted IPv6 packet)."""
    q = c.quote
    if c.side == 4:
        return c.qh["v"] == 4 and len(q) >= 20 and any(
            ipaddress.ip_address(bytes(q[a:a + 4])) in n
            for a in (12, 16) for n in REFUSED4[:-1])
    if c.qh["v"] != 6 or len(q) < 40:
        return False
    m = Mapper(CONFIGS[c.cfg])
    for a in (8, 24):
        a6 = ipaddress.ip_address(bytes(q[a:a + 16]))
        if a6 in m.prefix and m.to4(a6) is None and \
                not any(a6 in p6 for _, p6 in m.eam):
            return True
    return False


def rfc4884_too_short(c):
    """An ICMPv4 error whose RFC 4884 length leaves less than an IPv4
    header of original datagram."""
    return c.side == 4 and c.err and rfc4884_len(c) and \
        c.inp[c.h["l4"] + 5] * 4 < 20


def hairpin_rerouted(c):
    """Jool hairpins to an IPv6 destination that the xlat network routes
    into a 6->4 encap route; xlat's packet is that route's translation."""
    if c.side != 6 or c.jo != "hairpins" or c.xo != "translates" or \
            len(c.jool) != len(c.xlat):
        return False
    m = Mapper(CONFIGS[c.cfg])
    for (_, pj), (_, px) in zip(c.jool, c.xlat):
        if pj[0] >> 4 != 6 or px[0] >> 4 != 4:
            return False
        sj, dj = addrs(pj)
        if not any(ipaddress.ip_address(dj) in r for r in m.routes6):
            return False
        if str(m.to4(dj)) != addrs(px)[1]:
            return False
    return True


def reassembled(outs):
    """The bytes the fragments (or packet) in outs carry, by offset."""
    data = bytearray()
    for _, p in outs:
        h = parse(p)
        at = h["fo"] * 8
        part = p[h["l4"]:h["end"]]
        if len(data) < at + len(part):
            data.extend(bytes(at + len(part) - len(data)))
        data[at:at + len(part)] = part
    return bytes(data)


def hairpin_lowest_mtu(c):
    """Jool cuts a hairpinned packet to lowest-ipv6-mtu, xlat does not."""
    return c.side == 6 and c.jo == c.xo == "hairpins" and \
        c.cfg == "A" and len(c.jool) > len(c.xlat) and \
        all(len(p) <= 1280 for _, p in c.jool) and \
        any(len(p) > 1280 for _, p in c.xlat)


def options_refrag(c):
    """An IPv4 packet with options cut into IPv6 fragments at other
    boundaries; the fragments carry the same bytes."""
    return c.side == 4 and c.h["v"] and (c.inp[0] & 15) > 5 and \
        c.jo == c.xo == "translates" and \
        set(c.fields) <= {"Payload Length", "Fragment Header", "payload"} \
        and reassembled(c.jool) == reassembled(c.xlat)


def frag_beyond(c):
    """An IPv4 fragment whose data ends past octet 65535."""
    return c.side == 4 and c.h["frag"] and c.jo == c.xo == "translates" \
        and c.h["fo"] * 8 + c.h["end"] - c.h["l4"] > 65535


def options_echo(c):
    """Both send the same kernel ICMPv4 error, xlat's with the options
    of the packet echoed."""
    return c.side == 4 and c.h["v"] and (c.inp[0] & 15) > 5 and \
        c.jo == c.xo and c.xo.startswith("ICMP ") and \
        all(p[0] & 15 >= q[0] & 15 for (_, p), (_, q) in
            zip(c.xlat, c.jool)) and \
        any(p[0] & 15 > 5 for _, p in c.xlat) and \
        set(c.fields) <= {"IHL", "Total Length", "options", "ICMP checksum",
                          "header checksum", "quoted options",
                          "quoted payload", "quoted header checksum",
                          "quoted IHL", "quoted Total Length"}


def icmp_csum_of(p):
    h = parse(p)
    return struct.unpack_from("!H", p, h["l4"] + 2)[0] \
        if h["proto"] in (1, 58) and h["l4"] + 4 <= len(p) else None


def zero_sum_echo(c):
    """An echo whose ICMP sum is zero: 0xffff from xlat, 0 from Jool."""
    return not c.err and c.jo == c.xo == "translates" and \
        only(c, "ICMP checksum") and \
        all(icmp_csum_of(p) == 0xffff for _, p in c.xlat) and \
        all(icmp_csum_of(p) == 0 for _, p in c.jool)


def quoted_len_overflow(c):
    """The quoted IPv6 Payload Length is too big for an IPv4 Total
    Length once the IPv4 header is counted."""
    q = c.quote
    return c.side == 6 and c.err and c.qh["v"] == 6 and len(q) >= 40 and \
        struct.unpack_from("!H", q, 4)[0] + 20 > 0xffff and \
        set(c.fields) <= {"quoted Total Length", "quoted DF",
                          "quoted header checksum", "ICMP checksum",
                          "quoted Payload Length"}


def tcp_doff(c):
    """A TCP header whose Data Offset is below 5 or past the packet."""
    h = c.h
    if h["proto"] != 6 or not h["first"] or h["l4"] + 13 > h["end"]:
        return False
    doff = c.inp[h["l4"] + 12] >> 4
    return (doff < 5 or h["l4"] + doff * 4 > h["end"]) and \
        c.xo == "translates" and c.jo == "drops"


def pool_for_refused(c):
    """An ICMPv6 error from an RFC 6052 address of a refused IPv4 range:
    xlat takes its source from icmp-source-pool4."""
    if c.side != 6 or not c.err or c.xo != "translates" or \
            "forwards untranslated" not in c.jo:
        return False
    m = Mapper(CONFIGS[c.cfg])
    src = ipaddress.ip_address(addrs(c.inp)[0])
    return src in m.prefix and m.to4(src) is None and \
        all(addrs(p)[0] == "192.0.0.8" for _, p in c.xlat)


def hairpin_ptb(c):
    """A hairpinned Packet Too Big whose MTU differs."""
    return c.side == 6 and c.jo == c.xo == "hairpins" and \
        icmp_type_is(c, (), (2,)) and only(c, "ICMP checksum", "ICMP word 2")


def quoted_chain_bad(c):
    """The extension headers of a quoted IPv6 packet run past the quote
    or past the quoted Payload Length."""
    q = c.quote
    if c.side != 6 or not c.err or c.qh["v"] != 6 or len(q) < 40 or \
            c.xo != "drops":
        return False
    nh, off = q[6], 40
    while nh in (0, 43, 60, 44):
        size = 8 if nh == 44 else (q[off + 1] + 1) * 8 \
            if off + 2 <= len(q) else 8
        if off + size > len(q):
            return True
        last = nh == 44         # what follows a Fragment Header is data
        nh, off = q[off], off + size
        if last:
            break
    return struct.unpack_from("!H", q, 4)[0] + 40 < off


def icmp_mtu(p):
    """The MTU field of an ICMPv4 Fragmentation Needed or ICMPv6 Packet
    Too Big, or None."""
    h = parse(p)
    if h["l4"] + 8 > len(p) or h["proto"] not in (1, 58):
        return None
    if h["proto"] == 1:
        return struct.unpack_from("!H", p, h["l4"] + 6)[0] \
            if p[h["l4"]] == 3 and p[h["l4"] + 1] == 4 else None
    return struct.unpack_from("!I", p, h["l4"] + 4)[0] \
        if p[h["l4"]] == 2 else None


def ptb_nexthop(c):
    """Packet Too Big to Fragmentation Needed: xlat's MTU is above
    Jool's, which the next-hop MTUs cap."""
    if c.side != 6 or not icmp_type_is(c, (), (2,)) or \
            c.jo != "translates" or c.xo != "translates" or \
            "ICMP word 2" not in c.fields or not set(c.fields) <= {
                "ICMP checksum", "ICMP word 2", "quoted Total Length",
                "quoted DF", "quoted header checksum"}:
        return False
    return all((icmp_mtu(px) or 0) > (icmp_mtu(pj) or 0)
               for (_, pj), (_, px) in zip(c.jool, c.xlat))


def udp0_too_big(c):
    """A zero-checksum UDPv4 datagram with DF, too big for the IPv6
    side."""
    h, p = c.h, c.inp
    return c.side == 4 and h["proto"] == 17 and h["first"] and \
        h["l4"] + 8 <= len(p) and p[h["l4"] + 6:h["l4"] + 8] == b"\0\0" \
        and c.xo == "ICMP 3/13" and c.jo == "ICMP 3/4"


def hairpin_udp0_frag(c):
    """A hairpinned UDP datagram or first fragment with a zero
    checksum."""
    h, p = c.h, c.inp
    return c.side == 6 and h["proto"] == 17 and h["first"] \
        and h["l4"] + 8 <= len(p) and p[h["l4"] + 6:h["l4"] + 8] == b"\0\0" \
        and c.xo == "drops" and c.jo == "hairpins"


# Likely xlat defects, as (name, matcher, reason) like KNOWN below, the
# name starting "xlat-suspect: ": classify() looks here after KNOWN, and
# their members count as unknown, so that the test fails until the kernel
# is fixed. None is open.
SUSPECT = []

# The expected differences: (short name, matcher, reason). The first
# matching entry names the group of a differing packet.

KNOWN = [
    ("kernel: IPv4 source route or invalid options before the route",
     kernel_options,
     "Linux validates IPv4 options and refuses source-routed packets "
     "(accept_source_route=0) in ip_rcv_finish(), before dst_input() "
     "reaches the encap, sending Parameter Problem for bad options; Jool "
     "runs in PREROUTING, before those checks, so it translates them or "
     "answers an unexpired LSRR with 3/5 itself (xlat.rst, The model)."),
    ("untranslatable address: Jool leaves the packet to the kernel",
     untranslatable,
     "Jool returns an untranslatable packet to the kernel (NF_ACCEPT), "
     "which forwards it unchanged (or drops it silently when it is also "
     "malformed to Jool); the xlat route that the destination "
     "matched must decide, and drops it (an ICMP error quoting an "
     "untranslatable address: icmp-error-inner) or answers with 3/13 or "
     "1/1 as RFC 7915 sections 4.4 and 5.4 suggest. Where Jool translates "
     "instead, the address is in a range xlat never translates (RFC 6052 "
     "3.1: 0.0.0.0/8, 224.0.0.0/4, ... under any prefix, a documented "
     "choice), and an ICMPv4 error from such a source has no "
     "icmp-source-pool6 here to take its source from (a multicast source "
     "is a martian to the kernel's IPv4 routing, which drops it before "
     "any route is chosen: no xlat counter moves)."),
    ("xlat holds UDPv4 fragments for reassembly",
     lambda c: c.cfg == "B" and (held_fragment(c, (17,)) or (
         c.h["frag"] and c.h["proto"] == 17 and
         c.fields == ["number of packets"])),
     "With udp-zero-checksum compute, xlat reassembles UDPv4 fragments "
     "(only the first shows whether the checksum is zero); each mutant "
     "has an Identification of its own, so none completes. Jool "
     "translates fragments one by one and refuses a zero-checksum first "
     "fragment, as RFC 7915 sections 1.2 and 4.5 expect of a stateless "
     "translator; when the fragments of one datagram do complete (the "
     "RFC cases), xlat sends the datagram whole; a fragment the "
     "kernel's reassembly cannot take (reassembly-failed) is dropped. A "
     "documented choice of xlat (xlat.rst, Reassembly)."),
    ("xlat holds ICMP fragments for reassembly",
     lambda c: held_fragment(c, (1, 58)),
     "xlat reassembles fragmented ICMP and ICMPv6 (the ICMPv6 checksum "
     "covers the whole message); a lone mutant fragment never completes. "
     "RFC 7915 section 1.2 lets a stateless translator drop them; Jool "
     "translates the ones it can. A documented choice of xlat."),
    ("protocol refused by xlat (IPv6 extension header numbers, ICMP)",
     refused_proto,
     "RFC 7915 4.1 copies any other protocol number, so Jool turns IPv4 "
     "protocol 0, 43, 44, 58, 60, 135, 139, 140 into an IPv6 Next Header "
     "that the receiver parses as an extension header or ICMPv6 (and "
     "5.1 likewise for ICMPv4 in IPv6); xlat refuses them with 3/13 or "
     "1/1 (section 4.4/5.4; silently for non-first fragments, which "
     "icmp_send() never answers). A deliberate deviation of xlat."),
    ("extension header after the Fragment Header",
     lambda c: c.side == 6 and c.xo in ("ICMPv6 1/1", "drops") and
     ext_after_fh(c),
     "RFC 7915 5.1: such packets SHOULD be dropped and logged; xlat "
     "answers 1/1 (section 5.4); Jool translates AH or skips the header. "
     "xlat follows the RFC."),
    ("ICMPv6 error quoting a packet with an extension header after its "
     "Fragment Header",
     lambda c: c.side == 6 and c.err and c.xo == "drops" and
     quoted_ext_after_fh(c),
     "RFC 7915 5.3 translates the quoted headers as 5.1 does a packet's; "
     "xlat walks a quote with the packet's walker and drops the error "
     "(icmp-error-inner) where it would drop the packet; Jool translates "
     "AH in a quote. A documented choice of xlat."),
    ("ICMP error quoting an ICMP error",
     lambda c: c.err and nested_error(c) and c.xo == "drops",
     "RFC 7915 4.3 and 5.3: the translation of the quoted packet MUST "
     "stop at the first embedded header and drop a packet with more; "
     "xlat drops it (icmp-error-inner), Jool translates both levels. xlat "
     "follows the RFC."),
    ("ICMP error quoting a non-first fragment: Jool drops it",
     lambda c: jool_refuses_error(c) and c.qh["v"] and not c.qh["first"],
     "RFC 7915 4.3/5.3 translate the quoted packet as 4.1/5.1.1 do, a "
     "fragment with its Fragment Header (4->6) or fragment fields (6->4); "
     "xlat does, Jool drops the error. xlat follows the RFC."),
    ("ICMP error quoting a zero-checksum UDP datagram: Jool drops it",
     lambda c: jool_refuses_error(c) and c.side == 4 and
     c.qh["proto"] == 17 and c.qh["l4"] + 8 <= len(c.quote) and
     c.quote[c.qh["l4"] + 6:c.qh["l4"] + 8] == b"\0\0",
     "Jool applies its zero-checksum rule (RFC 7915 4.5) to the quoted "
     "datagram and drops the error; xlat leaves the quoted checksum "
     "zero: the quote is not a datagram to deliver, and 4.5 speaks of "
     "packets, not of quotes. xlat's choice is the more useful."),
    ("ICMP error with an RFC 4884 length Jool refuses",
     lambda c: jool_refuses_error(c) and rfc4884_len(c),
     "The (mutated) RFC 4884 length field is invalid or leaves no room "
     "for the extension; Jool drops the error, xlat translates it as an "
     "error without extension (length 0), which RFC 4884 section 5 "
     "allows for a length it cannot use. Both are reasonable."),
    ("ICMP error whose quote ends inside its transport header",
     lambda c: c.err and short_quote(c) and
     c.xo in ("translates", "hairpins") and c.jo == "drops",
     "RFC 792 asks for 64 bits of the datagram, RFC 7915 4.3/5.3 sets no "
     "minimum for the quote; xlat translates what there is (no transport "
     "checksum to update), Jool drops it. Both are reasonable."),
    ("Jool computes a wrong transport checksum",
     jool_bad_csum,
     "Only checksums differ, xlat's are right and Jool's are not (seen "
     "for a computed zero UDPv4 checksum of a large datagram, "
     "amend-udp-checksum-zero): a Jool defect."),
    ("Jool clears the ECN bits of the Traffic Class",
     jool_ecn,
     "RFC 7915 5.1: the TOS is copied from the Traffic Class, all 8 "
     "bits. Jool 4.1.9 writes the route lookup's flowi4_tos, which Linux "
     "6.12 masks to the DSCP, so ECN is lost: a Jool defect on this "
     "kernel; xlat copies the octet."),
    ("quoted zero UDP checksum",
     quoted_udp_zero,
     "The UDP checksum of the quoted packet is zero: xlat leaves it zero, "
     "Jool computes one over the quote. RFC 7915 4.5/5.5 do not say; a "
     "quote is usually cut short, so a computed checksum cannot be the "
     "original one. Both are defensible."),
    ("quoted Fragment Header (6->4)",
     lambda c: c.side == 6 and c.err and
     (c.qh["fh"] is not None or c.h["fh"] is not None) and
     any(f.startswith("quoted ") for f in c.fields),
     "RFC 7915 5.3 translates the quoted packet as 5.1 and 5.1.1 do, so "
     "its Fragment Header gives the IPv4 Identification, MF and offset; "
     "xlat does that; Jool ignores the quoted Fragment Header (random "
     "ID, no MF), and when the error itself is an atomic fragment it "
     "gives the quote bogus fragment fields. xlat follows the RFC."),
    ("quoted ICMP echo checksum: declared or quoted length",
     lambda c: c.err and c.qh["proto"] in (1, 58) and
     "quoted ICMP checksum" in c.fields,
     "The quoted echo is cut short: its ICMPv6 pseudo-header length can "
     "be the declared one (xlat: the checksum the original packet had) "
     "or the quoted one (Jool). RFC 7915 does not say; xlat's keeps the "
     "quote consistent with the original packet."),
    ("Fragmentation Needed MTU: the IPv6 next-hop MTU",
     lambda c: c.side == 4 and icmp_type_is(c, (3,), ()) and
     c.inp[c.h["l4"] + 1] == 4 and "ICMP word 2" in c.fields,
     "RFC 7915 4.2: MTU = min(MTU + 20, IPv6 next-hop MTU, IPv4 next-hop "
     "MTU + 20), plateaus for 0; Jool applies the next-hop MTUs (1500 "
     "here), xlat does not (documented: Partly). Jool follows the RFC "
     "more closely; harmless, the path MTU is learned again."),
    ("RFC 4884 length and padding",
     lambda c: c.err and c.jo == c.xo == "translates" and
     (rfc4884_len(c) or
      set(c.fields) <= {"Total Length", "ICMP checksum", "ICMP word 2",
                        "quoted payload", "Payload Length",
                        "header checksum"}),
     "The ICMP error carries (or the mutation made it look as if it "
     "carried) an RFC 4884 length: xlat converts it, pads the datagram "
     "to 128 octets and keeps the extension, Jool handles the length "
     "differently (or not at all for a length below 128 octets). RFC "
     "4884 section 4 asks for the padding; xlat follows it."),
    ("quoted address xlat never translates (0.0.0.0/8, loopback, ...)",
     lambda c: c.err and c.xo == "drops" and c.jo == "translates" and
     quoted_refused(c),
     "The quoted packet has an address in a range xlat always refuses "
     "(RFC 6052 3.1, xlat.rst Address mapping; for a quoted IPv6 packet "
     "the IPv4 address its RFC 6052 form holds, such as the 0.7.21.28 "
     "that a quote cut inside its destination and padded gets): xlat "
     "drops the error (icmp-error-inner), Jool does not apply its address "
     "checks to the quote and translates it. Both are reasonable; a real "
     "quote never has such an address."),
    ("RFC 4884 length shorter than an IPv4 header",
     lambda c: rfc4884_too_short(c) and c.xo == "drops" and
     c.jo == "translates",
     "The ICMPv4 error's length attribute gives the original datagram "
     "fewer octets than an IPv4 header; RFC 4884 section 4 requires at "
     "least 128 (zero padded) whenever the length is set, so the message "
     "is malformed. xlat takes the length at its word, finds no IPv4 "
     "header to translate and drops the error (icmp-error-inner); Jool "
     "translates the header anyway and sends a quote padded with the "
     "bytes after it. Both are reasonable; no sender sets such a "
     "length."),
    ("TCP header of 18 or 19 bytes",
     lambda c: c.h["proto"] == 6 and c.h["first"] and
     18 <= c.h["end"] - c.h["l4"] < 20 and
     c.xo in ("translates", "hairpins") and c.jo == "drops",
     "xlat needs the TCP header up to its checksum (18 bytes) to update "
     "it, Jool wants the whole 20-byte header; the packet is broken "
     "either way. Both are reasonable."),
    ("Jool ignores Segments Left of a second Routing header",
     jool_second_rh,
     "RFC 7915 5.1: a packet with a Routing header whose Segments Left is "
     "not 0 MUST NOT be translated (Parameter Problem 4/0 pointing at the "
     "field); xlat checks every Routing header, Jool only the first one "
     "and translates the packet: a Jool defect."),
    ("Routing header with Segments Left > 0: 4/0 before other checks",
     routing_header,
     "RFC 7915 5.1: such a packet MUST NOT be translated and SHOULD get "
     "ICMPv6 Parameter Problem 4/0 pointing at Segments Left. xlat sends "
     "it as soon as its walk of the extension headers meets the header, "
     "before the hop limit, the addresses, extension headers after a "
     "Fragment Header and the transport header; Jool makes some of those "
     "checks first (Time Exceeded, 1/1, a silent drop of what it finds "
     "malformed, an untranslatable address left to the kernel). The RFC "
     "orders none of them; xlat's pointer is the RFC's."),
    ("hop limit or TTL expiry checked first",
     lambda c: c.xo in ("ICMP 11/0", "ICMPv6 3/0") and expires(c) and
     (c.jo == "drops" or (c.jo.startswith("ICMP") and c.jo != c.xo)),
     "The packet expires here (TTL or Hop Limit 1) and is also malformed "
     "or an ICMP error: xlat checks the expiry first and sends Time "
     "Exceeded, as a router's forwarding would (the kernel's icmp_send() "
     "does not answer ICMP errors, so this is about other packets), "
     "Jool's validation drops it or answers another error first. Both "
     "are reasonable."),
    ("destination without an xlat route: the kernel forwards it",
     lambda c: "forwards untranslated" in c.xo,
     "The mutation moved the destination out of the translated prefixes: "
     "no xlat route matches and the kernel forwards the packet as it is; "
     "Jool sees every packet in PREROUTING and drops what it cannot "
     "translate when it is malformed. A difference of the test set-up."),
    ("harness: a hairpinned packet that the xlat routes translate again",
     hairpin_rerouted,
     "Jool sends a hairpinned packet (RFC 7757 4.2.2) out of its IPv6 "
     "side whatever its destination; xlat's goes through the kernel's "
     "IPv6 routing, and where its new destination is an RFC 6052 address "
     "(an ICMP error whose outer destination is not the quoted source) "
     "or an EAM of IPv4-side hosts (config B), a 6->4 encap route of the "
     "test network covers it and translates it once more, to the IPv4 "
     "host it names. Checked: xlat's IPv4 destination is that of Jool's "
     "IPv6 one. Both follow their model; an artifact of the test set-up."),
    ("lowest-ipv6-mtu not applied to a hairpinned packet",
     hairpin_lowest_mtu,
     "RFC 7915 4.1's fragmentation to lowest-ipv6-mtu is there for IPv4 "
     "senders, which cannot learn the IPv6 path MTU; a hairpinned packet "
     "(RFC 7757 4.2.2) comes from an IPv6 sender and goes back to IPv6 "
     "with the size it arrived with (IPv6 forwarding sends Packet Too "
     "Big if it does not fit). xlat keeps it whole, Jool cuts it to 1280. "
     "Both are reasonable."),
    ("IPv4 options: fragments cut at other boundaries",
     options_refrag,
     "An IPv4 packet with options (which RFC 7915 4.1 drops) too big for "
     "lowest-ipv6-mtu is fragmented: xlat cuts IPv4 fragments that leave "
     "room for the options, 8 bytes smaller than needed, Jool cuts after "
     "removing them. The fragments carry the same bytes (checked) and fit "
     "the MTU, which is all 4.1 asks. Both are correct."),
    ("IPv4 fragment ending past octet 65535",
     frag_beyond,
     "The fragment's offset and length put its end past the largest "
     "IPv4 datagram (RFC 791); no receiver can reassemble it. Cut to fit "
     "the IPv6 side, the offset of the second piece wraps around: the "
     "kernel's ip_do_fragment() carries it into the MF bit for xlat, Jool "
     "wraps it alone. Both outputs are as unusable as the input."),
    ("kernel ICMPv4 errors echo the IPv4 options",
     options_echo,
     "The same error is sent for the same packet, through the kernel's "
     "icmp_send() in both cases, but xlat refuses the packet after "
     "ip_rcv_finish() parsed its options, so icmp_send() echoes them "
     "(ip_options_echo() puts them, reversed where they record a route, "
     "into the error's own header); Jool refuses it in PREROUTING, "
     "before the options are parsed. A kernel detail; both are valid."),
    ("all-zero Echo: checksum 0xffff or 0",
     zero_sum_echo,
     "An Echo whose one's complement sum is zero: xlat's checksum is "
     "0xffff, what computing it from scratch gives (RFC 1071, RFC 1624 "
     "section 3), Jool's 0, its incremental update. Both verify."),
    ("quoted Payload Length too big for an IPv4 Total Length",
     quoted_len_overflow,
     "The quoted IPv6 packet claims a Payload Length above 65515, so its "
     "IPv4 Total Length (RFC 7915 5.1) would exceed 65535: xlat writes "
     "65535 (and DF, as for any packet above 1260 octets), Jool the sum "
     "modulo 65536 (hairpinned, the quote comes back with 65515 from "
     "xlat, 65535 from Jool). Neither can be the original; xlat's is the "
     "saner."),
    ("TCP Data Offset below 5 or past the packet",
     tcp_doff,
     "The TCP header claims a length that the packet does not have (or "
     "less than 20 octets): Jool drops it, xlat translates it (it needs "
     "the header only up to the checksum, RFC 7915 4.5/5.5 ask for no "
     "check) and leaves the broken segment to the receiver. Both are "
     "reasonable."),
    ("ICMPv6 error from an RFC 6052 address of a refused IPv4 range",
     pool_for_refused,
     "The error's source is in the prefix but stands for an IPv4 "
     "address that is never translated (RFC 6052 3.1): xlat treats it as "
     "any untranslatable source of an ICMPv6 error, 192.0.0.8 from "
     "icmp-source-pool4 (RFC 7915 5.3, RFC 6791); Jool leaves the error "
     "to the kernel, which forwards it as it is. xlat follows the RFC."),
    ("Packet Too Big MTU: the next-hop MTUs",
     ptb_nexthop,
     "RFC 7915 5.2: MTU = min(MTU - 20, IPv4 next-hop MTU, IPv6 next-hop "
     "MTU - 20); Jool applies the next-hop MTUs (1480 here), xlat only "
     "MTU - 20, capped at 65535 (xlat-compliance.rst 5.2: Partly, "
     "documented). Seen with a (mutated) MTU above the links'. Harmless: "
     "the sender learns the smaller MTU from the next hop."),
    ("zero-checksum UDPv4 with DF, too big: which error first",
     udp0_too_big,
     "The datagram has a zero checksum, which udp-zero-checksum drop "
     "refuses with 3/13 (RFC 7915 4.5), and DF with a size the IPv6 side "
     "cannot take (3/4, RFC 7915 4.1): xlat checks the checksum first, "
     "Jool the size. The RFC orders neither; both are right."),
    ("hairpinned Packet Too Big: MTU",
     hairpin_ptb,
     "A Packet Too Big (here with an invalid MTU) hairpinned: its MTU "
     "goes through RFC 7915 5.2 and then 4.2 (plateaus for a zero MTU, "
     "at least 1280 on the IPv6 side in xlat), Jool applies its next-hop "
     "MTU of 1500. Both give a usable IPv6 MTU."),
    ("hairpinned UDP with a zero checksum",
     hairpin_udp0_frag,
     "A zero UDP checksum is invalid in IPv6 (RFC 8200 8.1); going back "
     "to IPv6 it is a zero-checksum UDPv4 datagram to RFC 7915 4.5: "
     "dropped with udp-zero-checksum drop (config A), and with compute "
     "(config B) a fragment does not have the whole datagram to compute "
     "it over; xlat drops it (silently: half translated), Jool sends it "
     "on with a zero or wrong checksum. xlat's choice is the consistent "
     "one."),
    ("quoted extension headers that do not fit the quote",
     quoted_chain_bad,
     "The packet an ICMPv6 error quotes has an extension header whose "
     "length runs past the quote or past its own Payload Length: xlat "
     "cannot find its upper layer and drops the error "
     "(icmp-error-inner); Jool translates what it finds. The quote is "
     "malformed; both are reasonable."),
    ("ICMP error quoting ICMPv4 in IPv6",
     lambda c: c.side == 6 and c.err and c.qh["proto"] == 1 and
     c.xo == "drops" and c.jo == "translates",
     "The quoted IPv6 packet carries ICMPv4 (protocol 1), which xlat "
     "refuses to translate in a packet (1/1, RFC 7915 5.4, see 'protocol "
     "refused by xlat'), so it does not translate a quote of one either "
     "and drops the error (icmp-error-inner); Jool translates it as "
     "ICMP. A deliberate choice of xlat, consistent with the packet "
     "case."),
    ("zero UDP checksum in IPv6",
     lambda c: c.side == 6 and c.h["proto"] == 17 and
     only(c, "UDP checksum", "header checksum") and
     c.inp[c.h["l4"] + 6:c.h["l4"] + 8] == b"\0\0",
     "A zero UDP checksum is invalid in IPv6 (RFC 8200 8.1); xlat leaves "
     "it zero (IPv4's 'no checksum', documented), Jool computes one, for "
     "a fragment over the fragment alone, which cannot be right. RFC "
     "7915 5.5 does not cover it; xlat's choice does no harm."),
    ("Echo code",
     lambda c: not c.err and only(c, "ICMP type/code", "ICMP checksum"),
     "RFC 7915 4.2/5.2 change the Echo type only; xlat copies the code, "
     "Jool sets it to 0. Both are defensible (RFC 792 code is 0)."),
]

def malformed(inp, p):
    """What is wrong with a packet xlat sent, if anything: lengths that do
    not match, a wrong IPv4 header checksum, a wrong transport checksum
    where the input's was right."""
    if len(p) < 20 or p[0] >> 4 not in (4, 6):
        return "not an IP packet"
    if p[0] >> 4 == 4:
        if struct.unpack_from("!H", p, 2)[0] != len(p):
            return "IPv4 Total Length"
        if not hcsum_ok(p):
            return "IPv4 header checksum"
    elif len(p) < 40 or struct.unpack_from("!H", p, 4)[0] + 40 != len(p):
        return "IPv6 Payload Length"
    ok = l4_ok(p)
    if ok is False:
        h = parse(p)
        if is_icmp_error(p, h) or l4_ok(inp):
            return "transport checksum"
    return None


def load_results(path):
    """{name: [(side, packet)...]} and {name: xlat drop reasons}."""
    res, why = {}, {}
    with open(path) as f:
        for line in f:
            cols = line.split()
            if not cols:
                continue
            outs = []
            for c in cols[1:]:
                if c == "-":
                    continue
                side, hexp = c.split(":", 1)
                if side == "drop":
                    why[cols[0]] = hexp.split(",")
                    continue
                outs.append((int(side) if side != "TIMEOUT" else side,
                             bytes.fromhex(hexp)))
            res[cols[0]] = outs
    return res, why


def short(p, n=96):
    h = p.hex()
    return h if len(h) <= n * 2 else h[:n * 2] + "..(%d bytes)" % len(p)


def classify(c):
    """The group of a differing case: (name, kind, reason), kind "known",
    "suspect" (a likely xlat defect, counted as unknown) or "unknown"."""
    for kind, table in (("known", KNOWN), ("suspect", SUSPECT)):
        for kname, match, reason in table:
            if match(c):
                return kname, kind, reason
    return c.auto_group(), "unknown", None


def cmd_compare(args):
    jres, _ = load_results(args.jool)
    xres, xwhy = load_results(args.xlat)
    stats = {}
    groups = collections.OrderedDict()
    noise = 0
    with open(args.corpus) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, side, hexp = line.split()
            side, inp = int(side), bytes.fromhex(hexp)
            d = "4->6" if side == 4 else "6->4"
            st = stats.setdefault(d, collections.Counter())
            if name not in jres or name not in xres:
                st["missing"] += 1
                continue
            outs = []
            for res in (jres[name], xres[name]):
                keep = [(s, normalize(inp, p)) for s, p in res
                        if s == "TIMEOUT" or not is_noise(p)]
                noise += len(res) - len(keep)
                outs.append(sorted(keep, key=lambda x: (str(x[0]), x[1])))
            st["compared"] += 1
            why = xwhy.get(name, [])
            for s_, p in xres[name]:
                # what xlat translated (not what the kernel forwarded)
                what = s_ != "TIMEOUT" and p[0] >> 4 != side and \
                    not is_noise(p) and malformed(inp, p)
                if what:
                    key = ("xlat sends a malformed packet: " + what,
                           "unknown", None)
                    g = groups.setdefault(key, Group())
                    g.add(d, Case(args.config, name, side, inp, outs[0],
                                  outs[1], why))
                    st["malformed"] += 1
            if outs[0] == outs[1]:
                st["identical"] += 1
                continue
            c = Case(args.config, name, side, inp, outs[0], outs[1], why)
            key = classify(c)
            st["known" if key[1] == "known" else "unknown"] += 1
            groups.setdefault(key, Group()).add(d, c)
    bad = 0
    for d, st in sorted(stats.items()):
        tag = "ok" if not (st["unknown"] or st["missing"] or
                           st["malformed"]) else "FAIL"
        bad += tag == "FAIL"
        print("%s config %s %s: %d compared, %d identical, %d known "
              "differences, %d unknown%s" % (
                  tag, args.config, d, st["compared"], st["identical"],
                  st["known"], st["unknown"],
                  ", %d without results" % st["missing"]
                  if st["missing"] else "") +
              (", %d malformed xlat outputs" % st["malformed"]
               if st["malformed"] else ""))
    print("# config %s: %d link-local packets (MLD, ND) left out" %
          (args.config, noise))
    order = {"unknown": 0, "suspect": 1, "known": 2}
    for (gname, kind, reason), g in sorted(
            groups.items(), key=lambda kv: (order[kv[0][1]], -g_total(kv[1]))):
        c = g.example
        print("# %-7s %6d  %s  (%s)" % (
            "known" if kind == "known" else "SUSPECT" if kind == "suspect"
            else "UNKNOWN", g_total(g), gname,
            ", ".join("%s %d" % kv for kv in sorted(g.dirs.items()))))
        if reason:
            print("#          why: %s" % reason)
        if g.drops:
            print("#          xlat drop reasons: %s" % ", ".join(
                "%s %d" % kv for kv in g.drops.most_common()))
        print("#          e.g. %s" % c.name)
        print("#            in   %d:%s" % (c.side, short(c.inp)))
        for who, outs in (("Jool", c.jool), ("xlat", c.xlat)):
            print("#            %s %s" % (who, " ".join(
                "%s:%s" % (s, short(p)) for s, p in outs) or "-"))
        if c.fields:
            print("#            fields: %s" % ", ".join(c.fields))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"config": args.config,
                       "stats": {d: dict(st) for d, st in stats.items()},
                       "groups": [dict(name=k[0], kind=k[1],
                                       dirs=dict(g.dirs),
                                       drops=dict(g.drops))
                                  for k, g in groups.items()]}, f)
    return 1 if bad else 0


class Group:
    """The members of a group: a count per direction, the xlat drop
    reasons, the first case as example."""

    def __init__(self):
        self.dirs = collections.Counter()
        self.drops = collections.Counter()
        self.example = None

    def add(self, d, c):
        self.dirs[d] += 1
        self.drops.update(c.xdrop)
        if self.example is None:
            self.example = c


def g_total(g):
    return sum(g.dirs.values())


def cmd_table(args):
    """The summary of the compare --json files: per configuration and
    direction the packets compared, identical, known and unknown; then
    every group with its count per configuration and direction."""
    runs = []
    for path in args.json:
        with open(path) as f:
            runs.append(json.load(f))
    cols = [(r["config"], d) for r in runs for d in sorted(r["stats"])]
    print("# %-6s %-5s %9s %9s %7s %7s" % ("config", "dir", "compared",
                                          "identical", "known", "unknown"))
    tot = collections.Counter()
    for r in runs:
        for d in sorted(r["stats"]):
            st = r["stats"][d]
            un = st.get("unknown", 0) + st.get("missing", 0) + \
                st.get("malformed", 0)
            row = (st.get("compared", 0), st.get("identical", 0),
                   st.get("known", 0), un)
            tot.update(dict(zip("cikn", row)))
            print("# %-6s %-5s %9d %9d %7d %7d" % ((r["config"], d) + row))
    print("# %-6s %-5s %9d %9d %7d %7d" % ("all", "", tot["c"], tot["i"],
                                          tot["k"], tot["n"]))
    merged = collections.OrderedDict()
    for r in runs:
        for g in r["groups"]:
            m = merged.setdefault((g["kind"], g["name"]),
                                  collections.Counter())
            for d, n in g["dirs"].items():
                m[(r["config"], d)] += n
    head = " ".join("%6s" % ("%s%s" % (c, d.replace("->", ""))) for c, d in
                    cols)
    print("# %-7s %s %6s  group" % ("kind", head, "total"))
    order = {"unknown": 0, "suspect": 1, "known": 2}
    for (kind, name), m in sorted(merged.items(), key=lambda kv: (
            order[kv[0][0]], -sum(kv[1].values()), kv[0][1])):
        print("# %-7s %s %6d  %s" % (
            kind, " ".join("%6s" % (m[c] or "-") for c in cols),
            sum(m.values()), name))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("corpus")
    p.add_argument("config", choices=sorted(CONFIGS))
    p.add_argument("--packets", type=int, default=3000)
    p.add_argument("--seed", type=int, default=7915)
    p = sub.add_parser("replay")
    for a in ("side6", "side4", "peer6", "peer4", "marker6", "marker4"):
        p.add_argument("--" + a, required=True)
    p.add_argument("--cpu", type=int, default=0)
    p.add_argument("--timeout", type=float, default=3.0)
    p.add_argument("--drops", metavar="NS",
                   help="record the xlat drop reasons of namespace NS")
    p.add_argument("corpus")
    p = sub.add_parser("compare")
    p.add_argument("config", choices=sorted(CONFIGS))
    p.add_argument("corpus")
    p.add_argument("jool")
    p.add_argument("xlat")
    p.add_argument("--json", help="also write the counts there")
    p = sub.add_parser("table")
    p.add_argument("json", nargs="+")
    p = sub.add_parser("markers")
    p.add_argument("config", choices=sorted(CONFIGS))
    args = ap.parse_args()
    if args.cmd == "corpus":
        return cmd_corpus(args)
    if args.cmd == "replay":
        return cmd_replay(args)
    if args.cmd == "table":
        return cmd_table(args)
    if args.cmd == "markers":
        cfg = CONFIGS[args.config]
        print(",".join(cfg["marker6"]), ",".join(cfg["marker4"]))
        return 0
    return cmd_compare(args)


if __name__ == "__main__":
    sys.exit(main())
