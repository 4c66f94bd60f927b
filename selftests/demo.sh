#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: 464XLAT (RFC 6877) built from xlat routes only.
#
#  IPv4-only client     CLAT                IPv6-only       PLAT (stateless)     IPv4-only server
#  +-----------+     +-----------+          network        +-----------+       +---------------+
#  | demo-cli  |-----| demo-clat |=========================| demo-plat |-------| demo-srv      |
#  | 192.0.0.1 |     | xlat 4->6 | 2001:db8:1::1  ::2      | xlat 6->4 |       | 203.0.113.10  |
#  +-----------+     | xlat 6->4 |                         | xlat 4->6 |       +---------------+
#                    +-----------+                         +-----------+
#
#  CLAT: local-map 192.0.0.1/32 <-> 2001:db8:1:2::1234/128, remote-prefix6 64:ff9b:1::/48
#  PLAT: eam 198.51.100.1/32 <-> 2001:db8:1:2::1234/128 (the client's public IPv4),
#        remote-prefix6 64:ff9b:1::/48
#
# The client reaches 203.0.113.10; the server sees 198.51.100.1.
source "$(dirname "$0")/lib.sh"

CLI=demo-cli
CLAT=demo-clat
PLAT=demo-plat
SRV=demo-srv
for n in $CLI $CLAT $PLAT $SRV; do ns_new $n; done
ip link add c0 netns $CLI type veth peer name c1 netns $CLAT
ip link add x0 netns $CLAT type veth peer name x1 netns $PLAT
ip link add s0 netns $SRV type veth peer name s1 netns $PLAT
# The IPv4 links leave room for the 20 bytes that translation adds, until
# the translator answers oversized packets itself.
for l in "$CLI c0" "$CLAT c1" "$PLAT s1" "$SRV s0"; do
	ip -n ${l% *} link set ${l#* } mtu 1480
done
for l in "$CLI c0" "$CLAT c1" "$CLAT x0" "$PLAT x1" "$PLAT s1" "$SRV s0"; do
	ip -n ${l% *} link set ${l#* } up
done
ip -n $CLI addr add 192.0.0.1/29 dev c0
ip -n $CLI route add default via 192.0.0.2
ip -n $CLAT addr add 192.0.0.2/29 dev c1
ip -n $CLAT addr add 2001:db8:1::1/64 dev x0 nodad
ip -n $PLAT addr add 2001:db8:1::2/64 dev x1 nodad
ip -n $PLAT addr add 203.0.113.1/24 dev s1
ip -n $SRV addr add 203.0.113.10/24 dev s0
ip -n $SRV route add default via 203.0.113.1
for n in $CLAT $PLAT; do
	ip netns exec $n sysctl -qw net.ipv4.ip_forward=1 \
		net.ipv6.conf.all.forwarding=1
done

CLATMAP="remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 2001:db8:1:2::1234/128"
PLATMAP="remote-prefix6 64:ff9b:1::/48 eam 198.51.100.1/32 2001:db8:1:2::1234/128"

echo "### CLAT routes"
set -x
ip -n $CLAT route add default encap xlat $CLATMAP dev x0
ip -n $CLAT -6 route add 2001:db8:1:2::1234/128 encap xlat $CLATMAP dev x0
ip -n $CLAT -6 route add 64:ff9b:1::/48 via 2001:db8:1::2
ip -n $PLAT -6 route add 64:ff9b:1::/48 encap xlat $PLATMAP dev x1
ip -n $PLAT route add 198.51.100.1/32 encap xlat $PLATMAP dev s1
ip -n $PLAT -6 route add 2001:db8:1:2::1234/128 via 2001:db8:1::1
ip -n $CLAT route show
ip -n $PLAT -6 route show 64:ff9b:1::/48
{ set +x; } 2>/dev/null

echo "### ping"
ip netns exec $CLI ping -c 3 -i 0.2 203.0.113.10

echo "### TCP transfer (1 MB, sha256 at both ends)"
head -c 1000000 /dev/urandom > /tmp/demo-data
ip netns exec $SRV timeout 20 socat -u TCP4-LISTEN:5001,reuseaddr \
	SYSTEM:'sha256sum > /tmp/demo-got' &
wait_port $SRV tcp 5001
ip netns exec $CLI timeout 20 socat -u OPEN:/tmp/demo-data TCP4:203.0.113.10:5001
wait
echo "sent $(sha256sum < /tmp/demo-data)"
echo "got  $(cat /tmp/demo-got)"

echo "### UDP"
ip netns exec $SRV timeout 10 socat -u UDP4-RECVFROM:5002 - &
wait_port $SRV udp 5002
echo "a UDP datagram through CLAT and PLAT" |
	ip netns exec $CLI socat -u - UDP4-SENDTO:203.0.113.10:5002
wait

echo "### HTTP GET"
mkdir -p /tmp/demo-www
echo "hello from the IPv4-only server; you are $(echo 198.51.100.1)" \
	> /tmp/demo-www/index.html
ip netns exec $SRV python3 -m http.server 8080 --bind 203.0.113.10 \
	--directory /tmp/demo-www > /dev/null 2>&1 &
web=$!
wait_port $SRV tcp 8080
ip netns exec $CLI python3 -c '
import urllib.request
print(urllib.request.urlopen("http://203.0.113.10:8080/", timeout=5).read().decode(), end="")'
kill $web

echo "### counters (ip -s route show)"
set -x
ip -n $CLAT -s route show default
ip -n $CLAT -s -6 route show 2001:db8:1:2::1234/128
ip -n $PLAT -s -6 route show 64:ff9b:1::/48
ip -n $PLAT -s route show 198.51.100.1/32
{ set +x; } 2>/dev/null
echo "### /proc/net/xlat of the CLAT namespace"
ip netns exec $CLAT cat /proc/net/xlat
rm -rf /tmp/demo-data /tmp/demo-got /tmp/demo-www
