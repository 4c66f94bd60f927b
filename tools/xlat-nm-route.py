#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The two CLAT routes of NetworkManager's sequence, as raw rtnetlink bytes.

NetworkManager builds its netlink messages itself (libnm-platform) and has
no code for RTA_ENCAP: this is the message it has to emit, written out
field by field from <linux/rtnetlink.h>, <linux/lwtunnel.h> and
<linux/lwtunnel_xlat.h>, with no library in between. xlat.rst
("NetworkManager") shows the same layout as a table; selftests/xlat_nm.sh
installs, replaces and deletes the routes with it.

  xlat-nm-route.py [--hex] add|replace|del 4|6 DEV CLAT4 CLAT6 PREF64/LEN
                   [--metric N] [--mtu N] [--proto N] [--count]

"4" is the IPv4 default route (4->6): no gateway, scope link, RTA_PREFSRC
CLAT4, RTA_PRIORITY, RTA_METRICS with RTAX_MTU. "6" is the 6->4 route
CLAT6/128 from PREF64 in table local (RTA_SRC, rtm_src_len): found ahead of
the anycast route of CLAT6 there. --hex prints the message instead of
sending it. --count adds an empty XLAT_ATTR_STATS: the route keeps counters
of its own. A refusal prints the kernel's extack message and exits 1.
"""
import argparse
import ipaddress
import os
import socket
import struct
import sys

# <linux/netlink.h>
NLM_F_REQUEST, NLM_F_ACK = 0x1, 0x4
NLM_F_REPLACE, NLM_F_EXCL, NLM_F_CREATE = 0x100, 0x200, 0x400
NLMSG_ERROR = 2
NLA_F_NESTED = 0x8000
SOL_NETLINK, NETLINK_CAP_ACK, NETLINK_EXT_ACK = 270, 10, 11
NLMSGERR_ATTR_MSG = 1
# <linux/rtnetlink.h>
RTM_NEWROUTE, RTM_DELROUTE = 24, 25
RT_TABLE_MAIN, RT_TABLE_LOCAL = 254, 255
RT_SCOPE_UNIVERSE, RT_SCOPE_LINK, RT_SCOPE_NOWHERE = 0, 253, 255
RTN_UNICAST = 1
RTA_DST, RTA_SRC, RTA_OIF, RTA_PRIORITY, RTA_PREFSRC = 1, 2, 4, 6, 7
RTA_METRICS, RTA_TABLE, RTA_ENCAP_TYPE, RTA_ENCAP = 8, 15, 21, 22
RTAX_MTU = 2
# <linux/lwtunnel.h>: the value after LWTUNNEL_ENCAP_XFRM (10)
LWTUNNEL_ENCAP_XLAT = 11
# <linux/lwtunnel_xlat.h>
XLAT_ATTR_REMOTE_PREFIX6, XLAT_ATTR_LOCAL_MAP, XLAT_ATTR_STATS = 2, 3, 12
XLAT_PFX_ADDR4, XLAT_PFX_LEN4, XLAT_PFX_ADDR6, XLAT_PFX_LEN6 = 1, 2, 3, 4


def attr(kind, payload):
    """One attribute: u16 length (header included), u16 type, payload,
    padding to 4 bytes (not counted in the length)."""
    n = 4 + len(payload)
    return struct.pack("=HH", n, kind) + payload + b"\0" * (-n % 4)


def nest(kind, *attrs):
    return attr(kind | NLA_F_NESTED, b"".join(attrs))


def u8(v):
    return struct.pack("=B", v)


def u16(v):
    return struct.pack("=H", v)


def u32(v):
    return struct.pack("=I", v)


def encap(clat4, clat6, pref64, count):
    """RTA_ENCAP_TYPE and RTA_ENCAP: remote-prefix6 PREF64, local-map
    CLAT4/32 CLAT6/128, and with count an empty XLAT_ATTR_STATS nest.
    Addresses in network byte order, lengths u8."""
    return attr(RTA_ENCAP_TYPE, u16(LWTUNNEL_ENCAP_XLAT)) + nest(
        RTA_ENCAP,
        nest(XLAT_ATTR_REMOTE_PREFIX6,
             attr(XLAT_PFX_ADDR6, pref64.network_address.packed),
             attr(XLAT_PFX_LEN6, u8(pref64.prefixlen))),
        nest(XLAT_ATTR_LOCAL_MAP,
             attr(XLAT_PFX_ADDR4, clat4.packed),
             attr(XLAT_PFX_LEN4, u8(32)),
             attr(XLAT_PFX_ADDR6, clat6.packed),
             attr(XLAT_PFX_LEN6, u8(128))),
        *([nest(XLAT_ATTR_STATS)] if count else []))


def message(a, oif):
    clat4 = ipaddress.IPv4Address(a.clat4)
    clat6 = ipaddress.IPv6Address(a.clat6)
    pref64 = ipaddress.IPv6Network(a.pref64)
    flags = NLM_F_REQUEST | NLM_F_ACK
    if a.cmd == "add":
        flags |= NLM_F_CREATE | NLM_F_EXCL
    elif a.cmd == "replace":
        flags |= NLM_F_CREATE | NLM_F_REPLACE
    delete = a.cmd == "del"
    if a.family == "4":
        # struct rtmsg: family, dst_len, src_len, tos, table, protocol,
        # scope, type; u32 flags
        rtm = struct.pack("=BBBBBBBBI", socket.AF_INET, 0, 0, 0,
                          RT_TABLE_MAIN, 0 if delete else a.proto,
                          RT_SCOPE_NOWHERE if delete else RT_SCOPE_LINK,
                          0 if delete else RTN_UNICAST, 0)
        body = attr(RTA_TABLE, u32(RT_TABLE_MAIN)) + attr(RTA_OIF, u32(oif))
        body += attr(RTA_PRIORITY, u32(a.metric))
        if not delete:
            body += attr(RTA_PREFSRC, clat4.packed)
            body += nest(RTA_METRICS, attr(RTAX_MTU, u32(a.mtu)))
            body += encap(clat4, clat6, pref64, a.count)
    else:
        rtm = struct.pack("=BBBBBBBBI", socket.AF_INET6, 128,
                          pref64.prefixlen, 0, RT_TABLE_LOCAL,
                          0 if delete else a.proto,
                          RT_SCOPE_NOWHERE if delete else RT_SCOPE_UNIVERSE,
                          0 if delete else RTN_UNICAST, 0)
        body = attr(RTA_DST, clat6.packed)
        body += attr(RTA_SRC, pref64.network_address.packed)
        body += attr(RTA_TABLE, u32(RT_TABLE_LOCAL)) + attr(RTA_OIF, u32(oif))
        if not delete:
            body += encap(clat4, clat6, pref64, a.count)
    kind = RTM_DELROUTE if delete else RTM_NEWROUTE
    payload = rtm + body
    return struct.pack("=IHHII", 16 + len(payload), kind, flags, 1, 0) + payload


def send(msg):
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)
    s.setsockopt(SOL_NETLINK, NETLINK_EXT_ACK, 1)
    s.setsockopt(SOL_NETLINK, NETLINK_CAP_ACK, 1)
    s.bind((0, 0))
    s.send(msg)
    reply = s.recv(65536)
    s.close()
    n, kind, flags = struct.unpack_from("=IHH", reply)
    if kind != NLMSG_ERROR:
        sys.exit("xlat-nm-route: unexpected reply type %d" % kind)
    err = struct.unpack_from("=i", reply, 16)[0]
    if not err:
        return
    text = os.strerror(-err)
    # Extended ACK: with NETLINK_CAP_ACK the request is not echoed back,
    # so its TLVs follow the error code and the request's nlmsghdr.
    off = 16 + 4 + 16
    while off + 4 <= n:
        alen, akind = struct.unpack_from("=HH", reply, off)
        if alen < 4:
            break
        if akind == NLMSGERR_ATTR_MSG:
            text = reply[off + 4:off + alen].split(b"\0")[0].decode()
        off += (alen + 3) & ~3
    sys.exit("Error: " + text)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--hex", action="store_true")
    p.add_argument("cmd", choices=["add", "replace", "del"])
    p.add_argument("family", choices=["4", "6"])
    p.add_argument("dev")
    p.add_argument("clat4")
    p.add_argument("clat6")
    p.add_argument("pref64")
    p.add_argument("--metric", type=int, default=0)
    p.add_argument("--mtu", type=int, default=1280)
    p.add_argument("--count", action="store_true")
    # RTPROT_STATIC (4): the protocol a manager puts on routes it owns
    p.add_argument("--proto", type=int, default=4)
    a = p.parse_args()
    oif = 2 if a.hex else socket.if_nametoindex(a.dev)
    msg = message(a, oif)
    if a.hex:
        for i in range(0, len(msg), 16):
            print("%04x  %s" % (i, " ".join("%02x" % b for b in msg[i:i + 16])))
        return
    send(msg)


if __name__ == "__main__":
    main()
