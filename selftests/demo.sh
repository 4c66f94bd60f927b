#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: a CLAT router namespace with xlat routes in both directions.
#
#   +---- ns demo-h ----+        +------------ ns demo-clat ------------+
#   | h0 192.0.0.1/29   |--------| c0 192.0.0.2/29                      |
#   | default via .2    |        | 0.0.0.0/0        encap xlat (4->6)   |
#   +-------------------+        | 2001:db8:1:2::1234 encap xlat (6->4) |
#                                | d0 2001:db8:1::1/64                  |
#                                +--------------------------------------+
#
# Until the translation engine lands, packets that meet the routes are
# dropped and counted as not-translated; the demo shows the routes, the
# counters and /proc/net/xlat.
source "$(dirname "$0")/lib.sh"

C=demo-clat
H=demo-h
ns_new $C
ns_new $H
ip link add h0 netns $H type veth peer name c0 netns $C
ip -n $C link add d0 type dummy
for l in "$C c0" "$C d0" "$H h0"; do ip -n ${l% *} link set ${l#* } up; done
ip -n $H addr add 192.0.0.1/29 dev h0
ip -n $C addr add 192.0.0.2/29 dev c0
ip -n $C addr add 2001:db8:1::1/64 dev d0 nodad
ip -n $H route add default via 192.0.0.2
ip netns exec $C sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

MAP="remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 2001:db8:1:2::1234/128"
set -x
ip -n $C route add 198.51.100.0/24 encap xlat $MAP dev d0 mtu 1260
ip -n $C -6 route add 2001:db8:1:2::1234/128 encap xlat $MAP dev d0
ip -n $C route show
ip -n $C -6 route show 2001:db8:1:2::1234/128
ip -n $C -j route show 198.51.100.0/24
ip netns exec $H ping -c 3 -W 1 198.51.100.10
ip -n $C -s route show 198.51.100.0/24
ip netns exec $C cat /proc/net/xlat
