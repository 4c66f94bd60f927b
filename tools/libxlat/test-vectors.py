#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# The expected values of test-xlat.c, computed independently of the C code
# with the Python standard library only. Run it and compare its output
# with the constants in test-xlat.c (it prints them in C syntax).
#
#   python3 tools/libxlat/test-vectors.py
import hashlib
import ipaddress

# RFC 6052 section 2.2: the octets of the IPv4 address under each length
V4_AT = {32: (4, 5, 6, 7), 40: (5, 6, 7, 9), 48: (6, 7, 9, 10),
         56: (7, 9, 10, 11), 64: (9, 10, 11, 12), 96: (12, 13, 14, 15)}


def embed(prefix, v4):
    net = ipaddress.IPv6Network(prefix)
    b = bytearray(net.network_address.packed)
    for at, octet in zip(V4_AT[net.prefixlen], ipaddress.IPv4Address(v4).packed):
        b[at] = octet
    return ipaddress.IPv6Address(bytes(b))


# RFC 6052 section 2.4, the table of examples: checks embed() itself
RFC6052_TABLE = [
    ("2001:db8::/32", "2001:db8:c000:221::"),
    ("2001:db8:100::/40", "2001:db8:1c0:2:21::"),
    ("2001:db8:122::/48", "2001:db8:122:c000:2:2100::"),
    ("2001:db8:122:300::/56", "2001:db8:122:3c0:0:221::"),
    ("2001:db8:122:344::/64", "2001:db8:122:344:c0:2:2100:0"),
    ("2001:db8:122:344::/96", "2001:db8:122:344::c000:221"),
]


def c_addr(a):
    return '"%s"' % ipaddress.IPv6Address(a).compressed


def rfc6052():
    print("/* RFC 6052 section 2.4 prefixes with 192.0.0.170 and .171 */")
    for prefix, expect in RFC6052_TABLE:
        assert embed(prefix, "192.0.2.33") == ipaddress.IPv6Address(expect)
        print("\t{ %s, %s, %s }," % (c_addr(embed(prefix, "192.0.0.170")),
                                     c_addr(embed(prefix, "192.0.0.171")),
                                     prefix.split("/")[1]))


# RFC 7217 section 5 as libxlat encodes F()'s input (xlat.h)
def stable(prefix, ifname, netid, counter, secret):
    net = ipaddress.IPv6Network(prefix)
    data = (net.network_address.packed[:8] + ifname.encode() + b"\0" +
            netid.encode() + b"\0" + bytes([counter]) + secret)
    rid = hashlib.sha256(data).digest()[:8]
    return ipaddress.IPv6Address(net.network_address.packed[:8] + rid)


SECRET = bytes(range(16))
STABLE = [
    ("2001:db8:1:2::/64", "wlan0", "", 0),
    ("2001:db8:1:2::/64", "wlan0", "", 1),
    ("2001:db8:1:2::/64", "eth0", "", 0),
    ("2001:db8:1:2::/64", "wlan0", "home-ssid", 0),
    ("2001:db8:1:3::/64", "wlan0", "", 0),
]


def csum(data):
    s = 0
    for i in range(0, len(data), 2):
        s += data[i] << 8 | data[i + 1]
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return s


# RFC 6296 section 3.2 arithmetic, for the last word of the address
def neutral(clat6, local4, prefix):
    net = ipaddress.IPv6Network(prefix)
    b = bytearray(ipaddress.IPv6Address(clat6).packed)
    target = csum(ipaddress.IPv4Address(local4).packed)
    other = csum(bytes(b[:14]) + net.network_address.packed)
    adj = (target - other) % 0xffff     # 0..0xfffe: zero is 0x0000
    b[14:16] = adj.to_bytes(2, "big")
    assert csum(bytes(b) + net.network_address.packed) % 0xffff == target % 0xffff
    return ipaddress.IPv6Address(bytes(b))


def rfc7217():
    print("/* RFC 7217 F(): prefix, ifname, network id, counter, address */")
    for prefix, ifname, netid, counter in STABLE:
        a = stable(prefix, ifname, netid, counter, SECRET)
        print('\t{ "%s", "%s", "%s", %d, %s },' %
              (prefix, ifname, netid, counter, c_addr(a)))
    a = stable(*STABLE[0], SECRET)
    print("/* neutral to 192.0.0.1: via 64:ff9b::/96, via 2001:db8::/32 */")
    print("\t%s" % c_addr(neutral(a, "192.0.0.1", "64:ff9b::/96")))
    print("\t%s" % c_addr(neutral(a, "192.0.0.1", "2001:db8::/32")))


# Candidates whose neutral word lands on a reserved or a zero identifier
def edge_cases():
    print("/* neutral edge cases (local4 192.0.0.1, 64:ff9b::/96) */")
    # sum(64:ff9b::) = 0xffff == 0, sum(192.0.0.1) = 0xc001: a /64
    # c001::/64 with an all-zero identifier needs word 7 = 0: all zero
    a = neutral("c001::", "192.0.0.1", "64:ff9b::/96")
    assert a.packed[8:] == bytes(8)
    print("\tall-zero: %s" % c_addr(a))
    # fdff:ffff:ffff in words 4-6 (sum 0xfdff + 0xffff + 0xffff):
    # choose word 0 so that word 7 becomes 0xff80
    for w0 in range(0x10000):
        c = ipaddress.IPv6Address("%x::fdff:ffff:ffff:0" % w0)
        a = neutral(c, "192.0.0.1", "64:ff9b::/96")
        if a.packed[14:] == b"\xff\x80":
            print("\tanycast: %s" % c_addr(a))
            break
    # a non-reserved identifier whose word 7 must be zero: 0, not 0xffff
    for w0 in range(0x10000):
        c = ipaddress.IPv6Address("%x::1:2:3:0" % w0)
        a = neutral(c, "192.0.0.1", "64:ff9b::/96")
        if a.packed[14:] == b"\0\0":
            print("\tzero word: %s" % c_addr(a))
            break


def pref64():
    print("/* PREF64 options (RFC 8781 section 4) */")
    for prefix, lifetime in [("64:ff9b::/96", 600), ("2001:db8::/32", 65528),
                             ("2001:db8:100::/40", 8)]:
        net = ipaddress.IPv6Network(prefix)
        plc = [96, 64, 56, 48, 40, 32].index(net.prefixlen)
        word = (lifetime + 7) // 8 << 3 | plc
        opt = bytes([38, 2]) + word.to_bytes(2, "big") + net.network_address.packed[:12]
        print("\t%s lifetime %d: %s" % (prefix, lifetime, opt.hex()))


if __name__ == "__main__":
    rfc6052()
    rfc7217()
    edge_cases()
    pref64()
