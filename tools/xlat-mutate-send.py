#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Send mutated IPv4 and IPv6 packets as Ethernet frames on one interface.

    xlat-mutate-send.py --ifname IF --dst-mac MAC --src4 A --dst4 A \
        --src6 A --dst6 A [--count N] [--seed S] [--seeds-only]

A packet-level mutation test that needs no privilege beyond CAP_NET_RAW in
the interface's network namespace, so that it runs in a user namespace
(selftests/xlat_userns.sh), and no library beyond Python's own: the kernel
under test is the only packet parser involved.

The seeds are well-formed packets the translator takes (RFC 7915 sections
4 and 5): UDP, TCP, ICMP echo, ICMP errors quoting a packet, fragments,
IPv4 options, IPv6 extension headers. Each mutated packet is a seed with
one to four changes: bytes flipped, cut short, grown with junk, a length,
offset or next-header field set to a boundary value. The outer IPv4
header checksum is recomputed most of the time, so that most packets get
past IP input to the route.

Prints "sent N" (N counts the seeds sent first, unmutated, as well).
"""

import argparse
import random
import socket
import struct
import sys


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip4(src, dst, proto, payload, ident=1, frag=0, ttl=64, opts=b""):
    ihl = 5 + len(opts) // 4
    h = struct.pack("!BBHHHBBH4s4s", 0x40 | ihl, 0, 20 + len(opts) + len(payload),
                    ident, frag, ttl, proto, 0, socket.inet_aton(src),
                    socket.inet_aton(dst)) + opts
    h = h[:10] + struct.pack("!H", csum(h)) + h[12:]
    return h + payload


def l4_4(src, dst, proto, seg):
    pseudo = socket.inet_aton(src) + socket.inet_aton(dst) + struct.pack("!BBH", 0, proto, len(seg))
    return pseudo


def udp4(src, dst, sport, dport, data):
    u = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    c = csum(l4_4(src, dst, 17, u) + u) or 0xFFFF
    return u[:6] + struct.pack("!H", c) + u[8:]


def tcp4(src, dst, flags=0x02):
    t = struct.pack("!HHIIBBHHH", 40000, 80, 1, 0, 0x50, flags, 65535, 0, 0)
    c = csum(l4_4(src, dst, 6, t) + t)
    return t[:16] + struct.pack("!H", c) + t[18:]


def icmp4(typ, code, rest, data):
    m = struct.pack("!BBH", typ, code, 0) + rest + data
    return m[:2] + struct.pack("!H", csum(m)) + m[4:]


def ip6(src, dst, nh, payload, hlim=64):
    return struct.pack("!IHBB16s16s", 0x60000000, len(payload), nh, hlim,
                       socket.inet_pton(socket.AF_INET6, src),
                       socket.inet_pton(socket.AF_INET6, dst)) + payload


def pseudo6(src, dst, nh, length):
    return (socket.inet_pton(socket.AF_INET6, src) + socket.inet_pton(socket.AF_INET6, dst) +
            struct.pack("!IxxxB", length, nh))


def udp6(src, dst, data):
    u = struct.pack("!HHHH", 40001, 53, 8 + len(data), 0) + data
    c = csum(pseudo6(src, dst, 17, len(u)) + u) or 0xFFFF
    return u[:6] + struct.pack("!H", c) + u[8:]


def tcp6(src, dst):
    t = struct.pack("!HHIIBBHHH", 40002, 443, 1, 0, 0x50, 0x02, 65535, 0, 0)
    c = csum(pseudo6(src, dst, 6, len(t)) + t)
    return t[:16] + struct.pack("!H", c) + t[18:]


def icmp6(src, dst, typ, code, rest, data):
    m = struct.pack("!BBH", typ, code, 0) + rest + data
    c = csum(pseudo6(src, dst, 58, len(m)) + m)
    return m[:2] + struct.pack("!H", c) + m[4:]


def seeds(a):
    s4, d4, s6, d6 = a.src4, a.dst4, a.src6, a.dst6
    data = bytes(range(48))
    out = [
        ip4(s4, d4, 17, udp4(s4, d4, 40000, 53, data)),
        ip4(s4, d4, 6, tcp4(s4, d4)),
        ip4(s4, d4, 1, icmp4(8, 0, struct.pack("!HH", 7, 1), data)),
        # an error about a packet d4 -> s4 (RFC 7915 4.2, 4.4)
        ip4(s4, d4, 1, icmp4(3, 3, b"\0" * 4,
                             ip4(d4, s4, 17, udp4(d4, s4, 53, 40000, data[:8])))),
        ip4(s4, d4, 1, icmp4(3, 4, struct.pack("!HH", 0, 1400),
                             ip4(d4, s4, 6, tcp4(d4, s4))[:28])),
        ip4(s4, d4, 1, icmp4(11, 0, b"\0" * 4, ip4(d4, s4, 1, icmp4(8, 0, b"\0" * 4, data)))),
        # fragments: first, middle, last
        ip4(s4, d4, 17, udp4(s4, d4, 40000, 53, data * 4)[:64], ident=77, frag=0x2000),
        ip4(s4, d4, 17, data * 2, ident=77, frag=0x2000 | 8),
        ip4(s4, d4, 17, data, ident=77, frag=20),
        ip4(s4, d4, 17, udp4(s4, d4, 40000, 53, data), opts=b"\x01\x01\x01\x00"),
        ip6(s6, d6, 17, udp6(s6, d6, data)),
        ip6(s6, d6, 6, tcp6(s6, d6)),
        ip6(s6, d6, 58, icmp6(s6, d6, 128, 0, struct.pack("!HH", 9, 1), data)),
        # errors about a packet d6 -> s6 (RFC 7915 5.2)
        ip6(s6, d6, 58, icmp6(s6, d6, 1, 4, b"\0" * 4, ip6(d6, s6, 17, udp6(d6, s6, data[:8])))),
        ip6(s6, d6, 58, icmp6(s6, d6, 2, 0, struct.pack("!I", 1400), ip6(d6, s6, 6, tcp6(d6, s6)))),
        ip6(s6, d6, 58, icmp6(s6, d6, 4, 0, struct.pack("!I", 6), ip6(d6, s6, 17, udp6(d6, s6, data)))),
        # fragment header: first and last (RFC 7915 5.1.1)
        ip6(s6, d6, 44, struct.pack("!BBHI", 17, 0, 0x0001, 99) + udp6(s6, d6, data * 3)[:64]),
        ip6(s6, d6, 44, struct.pack("!BBHI", 17, 0, 64, 99) + data),
        # destination options, then a routing header with segments left 0
        ip6(s6, d6, 60, struct.pack("!BB", 17, 0) + b"\x01\x04\0\0\0\0" + udp6(s6, d6, data)),
        ip6(s6, d6, 43, struct.pack("!BBBB", 17, 2, 0, 0) + b"\0" * 4 +
            socket.inet_pton(socket.AF_INET6, d6) + udp6(s6, d6, data)),
    ]
    return out


BOUNDARY16 = [0, 1, 7, 8, 19, 20, 21, 39, 40, 0x7FFF, 0xFFFE, 0xFFFF]


def mutate(p, rnd):
    p = bytearray(p)
    for _ in range(rnd.choice([1, 1, 1, 2, 2, 3, 4])):
        k = rnd.randrange(7)
        if k == 0 and p:
            for _ in range(rnd.randint(1, 4)):
                p[rnd.randrange(len(p))] ^= rnd.randint(1, 255)
        elif k == 1 and len(p) > 1:
            del p[rnd.randrange(1, len(p)):]
        elif k == 2:
            p += bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 64)))
        elif k == 3 and len(p) >= 4:
            # a 16-bit field anywhere in the first 80 bytes: lengths, offsets
            off = rnd.randrange(0, min(len(p) - 1, 80)) & ~1
            p[off:off + 2] = struct.pack("!H", rnd.choice(BOUNDARY16))
        elif k == 4 and len(p) > 40:
            # a next header or protocol field to another value
            off = rnd.choice([6, 9, 40, 48, 28 + 9, 48 + 6])
            if off < len(p):
                p[off] = rnd.choice([0, 1, 6, 17, 43, 44, 50, 51, 58, 59, 60, 135, 253, 255])
        elif k == 5 and len(p) > 30:
            # cut inside the quoted packet of an error
            del p[rnd.randrange(28, len(p)):]
        elif k == 6 and len(p) >= 8:
            off = rnd.randrange(0, len(p) - 4)
            p[off:off + 4] = bytes(rnd.randrange(256) for _ in range(4))
    return bytes(p)


def fix4(p):
    if len(p) >= 20 and p[0] >> 4 == 4:
        ihl = (p[0] & 15) * 4
        if 20 <= ihl <= len(p):
            h = bytearray(p[:ihl])
            h[10:12] = b"\0\0"
            h[10:12] = struct.pack("!H", csum(bytes(h)))
            return bytes(h) + p[ihl:]
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ifname", required=True)
    ap.add_argument("--dst-mac", required=True)
    ap.add_argument("--src4", required=True)
    ap.add_argument("--dst4", required=True)
    ap.add_argument("--src6", required=True)
    ap.add_argument("--dst6", required=True)
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7915)
    ap.add_argument("--seeds-only", action="store_true")
    a = ap.parse_args()

    rnd = random.Random(a.seed)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((a.ifname, 0))
    src_mac = s.getsockname()[4]
    dst_mac = bytes.fromhex(a.dst_mac.replace(":", ""))
    base = seeds(a)
    sent = 0
    for p in base:
        eth = dst_mac + src_mac + struct.pack("!H", 0x0800 if p[0] >> 4 == 4 else 0x86DD)
        s.send(eth + p)
        sent += 1
    n = 0 if a.seeds_only else a.count
    for _ in range(n):
        p = rnd.choice(base)
        m = mutate(p, rnd)
        if p[0] >> 4 == 4 and rnd.random() < 0.8:
            m = fix4(m)
        eth = dst_mac + src_mac + struct.pack("!H", 0x0800 if p[0] >> 4 == 4 else 0x86DD)
        try:
            s.send(eth + m)
        except OSError:
            continue
        sent += 1
    print("sent %d" % sent)
    return 0


if __name__ == "__main__":
    sys.exit(main())
