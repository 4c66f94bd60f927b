#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Replay raw IP packets through a translator and record what comes out.

    xlat-replay.py --side6 NS:IF --side4 NS:IF --peer6 NS:IF --peer4 NS:IF \
        --marker6 SRC6,DST6 --marker4 SRC4,DST4 CORPUS > RESULTS

Run as root inside the test VM. The translator lives in its own network
namespace with two veth interfaces (--peer6 faces the IPv6 host, --peer4
the IPv4 host); the end namespaces (--side6, --side4) hold the other ends.

CORPUS has one packet a line: "NAME SIDE HEX", where SIDE (4 or 6) is the
end that sends it and HEX is the IP packet from its first header byte.
Each packet is sent as an Ethernet frame on the sending end's veth, so
the end host's own stack never touches it; what arrives on either end's
veth is captured with packet sockets. After each packet a marker (a UDP
datagram from the same end, addressed as --marker6 or --marker4 give,
that the translator carries to the other side) is sent; when it arrives,
everything the test packet caused has arrived before it, since the
namespaces share one backlog per CPU and the harness stays on one CPU.

RESULTS has one line per packet: "NAME" followed by "SIDE:HEX" for each
packet captured (in arrival order), or "-" when nothing came out; a
marker that never arrives is reported as "TIMEOUT". The end namespaces
should drop everything they receive (the harness does not need them to
answer), so that no reply pollutes the next case.
"""

import argparse
import ctypes
import fcntl
import os
import select
import socket
import struct
import sys
import time

CLONE_NEWNET = 0x40000000
ETH_P_ALL = 0x0003
ETH_P_IP = 0x0800
ETH_P_IPV6 = 0x86DD
PACKET_OUTGOING = 4
SIOCGIFHWADDR = 0x8927
MARKER_PORT = 9
MARKER_TAG = b"xlat-replay marker "

libc = ctypes.CDLL("libc.so.6", use_errno=True)


def in_netns(name, fn):
    """Run fn() inside network namespace NAME and come back."""
    own = os.open("/proc/self/ns/net", os.O_RDONLY)
    target = os.open("/run/netns/" + name, os.O_RDONLY)
    try:
        if libc.setns(target, CLONE_NEWNET):
            raise OSError(ctypes.get_errno(), "setns " + name)
        return fn()
    finally:
        libc.setns(own, CLONE_NEWNET)
        os.close(own)
        os.close(target)


def mac_of(ns, ifname):
    def read():
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            req = struct.pack("16s16x", ifname.encode())
            res = fcntl.ioctl(s.fileno(), SIOCGIFHWADDR, req)
            return res[18:24]
    return in_netns(ns, read)


def packet_socket(ns, ifname):
    def make():
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                          socket.htons(ETH_P_ALL))
        s.bind((ifname, ETH_P_ALL))
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        return s
    return in_netns(ns, make)


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def marker(version, src, dst, seq):
    """A UDP datagram with a valid checksum and a numbered payload."""
    payload = MARKER_TAG + b"%08d" % seq
    ulen = 8 + len(payload)
    if version == 6:
        s, d = socket.inet_pton(socket.AF_INET6, src), \
            socket.inet_pton(socket.AF_INET6, dst)
        pseudo = s + d + struct.pack("!IxxxB", ulen, socket.IPPROTO_UDP)
    else:
        s, d = socket.inet_aton(src), socket.inet_aton(dst)
        pseudo = s + d + struct.pack("!xBH", socket.IPPROTO_UDP, ulen)
    udp = struct.pack("!HHHH", 40000, MARKER_PORT, ulen, 0) + payload
    c = csum(pseudo + udp) or 0xffff
    udp = udp[:6] + struct.pack("!H", c) + udp[8:]
    if version == 6:
        return struct.pack("!IHBB", 6 << 28, ulen, socket.IPPROTO_UDP,
                           64) + s + d + udp
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + ulen, seq & 0xffff,
                      0, 64, socket.IPPROTO_UDP, 0, s, d)
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + udp


def is_marker(ip, seq):
    return ip.endswith(MARKER_TAG + b"%08d" % seq)


class End:
    """One end host: its veth, its MAC and the translator's MAC."""

    def __init__(self, side, spec, peer):
        ns, ifname = spec.split(":")
        pns, pif = peer.split(":")
        self.side = side
        self.sock = packet_socket(ns, ifname)
        self.mac = mac_of(ns, ifname)
        self.peer_mac = mac_of(pns, pif)

    def send(self, ip):
        proto = ETH_P_IPV6 if ip[0] >> 4 == 6 else ETH_P_IP
        self.sock.send(self.peer_mac + self.mac + struct.pack("!H", proto)
                       + ip)

    def drain(self):
        """Frames received since the last call, as IP packets."""
        out = []
        while True:
            try:
                frame, addr = self.sock.recvfrom(70000, socket.MSG_DONTWAIT)
            except BlockingIOError:
                return out
            if addr[2] == PACKET_OUTGOING:
                continue
            if addr[1] in (ETH_P_IP, ETH_P_IPV6):
                out.append(frame[14:])


def replay(ends, markers, name, side, ip, seq, timeout):
    sender, other = ends[side], ends[10 - side]
    for e in ends.values():
        e.drain()
    sender.send(ip)
    sender.send(marker(side, markers[side][0], markers[side][1], seq))
    got = []
    deadline = time.monotonic() + timeout
    while True:
        for e in (sender, other):
            for p in e.drain():
                if e is other and is_marker(p, seq):
                    return got
                got.append((e.side, p))
        left = deadline - time.monotonic()
        if left <= 0:
            return got + [("TIMEOUT", b"")]
        select.select([sender.sock, other.sock], [], [], min(left, 0.05))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--side6", required=True)
    ap.add_argument("--side4", required=True)
    ap.add_argument("--peer6", required=True)
    ap.add_argument("--peer4", required=True)
    ap.add_argument("--marker6", required=True)
    ap.add_argument("--marker4", required=True)
    ap.add_argument("--timeout", type=float, default=3.0)
    ap.add_argument("corpus")
    args = ap.parse_args()

    os.sched_setaffinity(0, {0})
    ends = {6: End(6, args.side6, args.peer6),
            4: End(4, args.side4, args.peer4)}
    markers = {6: args.marker6.split(","), 4: args.marker4.split(",")}
    seq = 0
    with open(args.corpus) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            name, side, hexpkt = line.split()
            seq += 1
            got = replay(ends, markers, name, int(side),
                         bytes.fromhex(hexpkt), seq, args.timeout)
            cols = ["%s:%s" % (s, p.hex()) for s, p in got] or ["-"]
            print(name, " ".join(cols), flush=True)


if __name__ == "__main__":
    sys.exit(main())
