#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Packets that selftests/xlat_review.sh cannot make with ping or socat.

Plain sockets and struct, no scapy: under TCG an import of scapy costs
10-20 s, and the selftest has a time budget. Run inside a namespace:

  xlat-review-pkt.py frag4-first SRC DST        lone first fragment, ICMP echo
  xlat-review-pkt.py frag6-first SRC DST        lone first fragment, ICMPv6 echo
  xlat-review-pkt.py ptb6 SRC DST QSRC QDST [--mtu N] [--garbage]
                                                ICMPv6 Packet Too Big quoting
                                                an echo request QSRC -> QDST
  xlat-review-pkt.py fragneeded4 SRC DST QSRC QDST [--mtu N] [--garbage]
                                                ICMPv4 Fragmentation Needed
  xlat-review-pkt.py dontfrag6 SRC DST PORT SIZE
                                                UDPv6 with IPV6_DONTFRAG: how
                                                the sender learns the limit
  xlat-review-pkt.py txcsum on|off IFNAME...    TX checksum offload (ethtool
                                                ioctl; ethtool is not installed)
  xlat-review-pkt.py batch                      one of the above per line of
                                                stdin, in one process

--garbage makes the quoted header unparsable (wrong version, nonsense
lengths) while its destination field still names QDST.
"""
import argparse
import array
import errno
import fcntl
import shlex
import socket
import struct
import sys
import time


def csum(data):
    """RFC 1071 Internet checksum."""
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def a6(addr):
    return socket.inet_pton(socket.AF_INET6, addr)


def a4(addr):
    return socket.inet_pton(socket.AF_INET, addr)


def ip4(src, dst, proto, payload, ttl=64, ident=0, flags_off=0):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident,
                      flags_off, ttl, proto, 0, a4(src), a4(dst))
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + payload


def ip6(src, dst, nexthdr, payload, hlim=64):
    return struct.pack("!IHBB16s16s", 6 << 28, len(payload), nexthdr, hlim,
                       a6(src), a6(dst)) + payload


def icmp6(src, dst, typ, code, rest, body):
    msg = struct.pack("!BBH", typ, code, 0) + rest + body
    pseudo = a6(src) + a6(dst) + struct.pack("!IxxxB", len(msg), 58)
    c = csum(pseudo + msg)
    return msg[:2] + struct.pack("!H", c) + msg[4:]


def icmp4(typ, code, rest, body):
    msg = struct.pack("!BBH", typ, code, 0) + rest + body
    return msg[:2] + struct.pack("!H", csum(msg)) + msg[4:]


def send4(dst, pkt):
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
    s.sendto(pkt, (dst, 0))


def send6(dst, pkt):
    # IPPROTO_RAW: the header is ours (IPV6_HDRINCL), spoofed source too.
    s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_RAW)
    s.sendto(pkt, (dst, 0, 0, 0))


def frag4_first(a):
    echo = icmp4(8, 0, struct.pack("!HH", 0x4242, 1), bytes(range(64)) * 3)
    # MF set, offset 0: the rest never comes.
    send4(a.dst, ip4(a.src, a.dst, 1, echo[:96], ident=0x5151,
                     flags_off=0x2000))


def frag6_first(a):
    echo = icmp6(a.src, a.dst, 128, 0, struct.pack("!HH", 0x4242, 1),
                 bytes(range(64)) * 3)
    fh = struct.pack("!BBHI", 58, 0, 0x0001, 0x51515151)   # offset 0, M
    send6(a.dst, ip6(a.src, a.dst, 44, fh + echo[:96]))


def quote6(a):
    echo = icmp6(a.qsrc, a.qdst, 128, 0, struct.pack("!HH", 0x4343, 7),
                 b"q" * 1232)
    q = ip6(a.qsrc, a.qdst, 58, echo)
    if a.garbage:
        # Version 0, payload length beyond anything, a next header that
        # no parser knows; the destination field stays QDST.
        q = struct.pack("!IHBB", 0, 0xfff0, 0xfd, 7) + q[8:48]
    return q[:1232]


def ptb6(a):
    body = quote6(a)
    msg = icmp6(a.src, a.dst, 2, 0, struct.pack("!I", a.mtu), body)
    send6(a.dst, ip6(a.src, a.dst, 58, msg))


def fragneeded4(a):
    echo = icmp4(8, 0, struct.pack("!HH", 0x4343, 7), b"q" * 1372)
    q = ip4(a.qsrc, a.qdst, 1, echo, ident=0x77, flags_off=0x4000)
    if a.garbage:
        # IHL 2 and version 6: no parser reads further than the addresses.
        q = bytes([0x62]) + q[1:]
    msg = icmp4(3, 4, struct.pack("!HH", 0, a.mtu), q[:28 + 8])
    send4(a.dst, ip4(a.src, a.dst, 1, msg))


def dontfrag6(a):
    """Send SIZE bytes with IPV6_DONTFRAG; print how the limit came back.

    Prints one line: the errno of each of two sends, then what the error
    queue (IPV6_RECVERR) holds, e.g. "send1=EINVAL send2=EINVAL queue=-".
    """
    IPV6_RECVERR = 25
    IPV6_DONTFRAG = 62
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_IPV6, IPV6_DONTFRAG, 1)
    s.setsockopt(socket.IPPROTO_IPV6, IPV6_RECVERR, 1)
    s.bind((a.src, 0))
    res = []
    for _ in range(2):
        try:
            s.sendto(b"d" * a.size, (a.dst, a.port))
            res.append("ok")
        except OSError as e:
            res.append(errno.errorcode.get(e.errno, str(e.errno)))
        time.sleep(0.3)
    queue = "-"
    try:
        _, anc, _, _ = s.recvmsg(2048, 512, socket.MSG_ERRQUEUE |
                                 socket.MSG_DONTWAIT)
        for _, _, data in anc:
            ee_errno, _, _, _, _, info = struct.unpack("=IBBBBI", data[:12])
            queue = "%s/mtu=%d" % (errno.errorcode.get(ee_errno, ee_errno),
                                   info)
    except OSError:
        pass
    print("send1=%s send2=%s queue=%s" % (res[0], res[1], queue))


def txcsum(a):
    SIOCETHTOOL = 0x8946
    ETHTOOL_STXCSUM = 0x17
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    for ifname in a.ifname:
        val = array.array("I", [ETHTOOL_STXCSUM, a.state == "on"])
        addr, _ = val.buffer_info()
        fcntl.ioctl(s, SIOCETHTOOL,
                    struct.pack("16sP16x", ifname.encode(), addr))


def batch(_):
    p = parser()
    for line in sys.stdin:
        if line.strip():
            run(p.parse_args(shlex.split(line)))


def run(a):
    {"frag4-first": frag4_first, "frag6-first": frag6_first, "ptb6": ptb6,
     "fragneeded4": fragneeded4, "dontfrag6": dontfrag6,
     "txcsum": txcsum, "batch": batch}[a.cmd](a)


def parser():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    for name in ("frag4-first", "frag6-first"):
        c = sub.add_parser(name)
        c.add_argument("src")
        c.add_argument("dst")
    for name, mtu in (("ptb6", 1280), ("fragneeded4", 1300)):
        c = sub.add_parser(name)
        for arg in ("src", "dst", "qsrc", "qdst"):
            c.add_argument(arg)
        c.add_argument("--mtu", type=int, default=mtu)
        c.add_argument("--garbage", action="store_true")
    c = sub.add_parser("dontfrag6")
    c.add_argument("src")
    c.add_argument("dst")
    c.add_argument("port", type=int)
    c.add_argument("size", type=int)
    c = sub.add_parser("txcsum")
    c.add_argument("state", choices=("on", "off"))
    c.add_argument("ifname", nargs="+")
    sub.add_parser("batch")
    return p


if __name__ == "__main__":
    run(parser().parse_args())
