#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Route churn under load and namespace teardown with traffic in flight.
#
#   +-- ns ch-h4 --+      +------------ ns ch-r (CLAT) ------------+      +-- ns ch-h6 --------+
#   | h4           |------| r4 192.0.0.2/29                         |------| h6 2001:db8:1::2   |
#   | 192.0.0.1/29 |      | 0.0.0.0/0, 2001:db8:1:2::1234 encap xlat |      | 64:ff9b:1:c633:64: |
#   | iperf3 -c    |      |   replaced 1000 times, deleted and      |      |  700:: iperf3 -s   |
#   +--------------+      |   re-added 100 times                    |      +--------------------+
#                         +-----------------------------------------+
#
# Then, 50 times: the router namespace is built, traffic flows through it,
# and it is deleted in the middle. A stuck reference would keep the
# namespace (and the veth peers in the other namespaces) alive; on a
# kernel with kmemleak (make check-debug), a leak is reported.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require iperf3

H4=ch-h4-$$
R=ch-r-$$
H6=ch-h6-$$
SRV4=198.51.100.7
SRV6=64:ff9b:1:c633:64:700::
CLAT6=2001:db8:1:2::1234
CFG="remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 $CLAT6/128"
KMEMLEAK=/sys/kernel/debug/kmemleak

in4() { ip netns exec $H4 "$@"; }
in6() { ip netns exec $H6 "$@"; }

# router: (re)create the router namespace and its routes.
router() {
	ip netns del $R 2>/dev/null
	ns_new $R
	ip link add r4 netns $R type veth peer name h4 netns $H4
	ip link add r6 netns $R type veth peer name h6 netns $H6
	ip -n $H4 link set h4 mtu 1480
	ip -n $R link set r4 mtu 1480
	for x in "$H4 h4" "$R r4" "$R r6" "$H6 h6"; do
		ip -n "${x% *}" link set "${x#* }" up
	done
	ip -n $H4 addr add 192.0.0.1/29 dev h4
	ip -n $H4 route add default via 192.0.0.2
	ip -n $R addr add 192.0.0.2/29 dev r4
	ip -n $R addr add 2001:db8:1::1/64 dev r6 nodad
	ip -n $H6 addr add 2001:db8:1::2/64 dev h6 nodad
	ip -n $H6 addr add $SRV6/128 dev h6 nodad
	ip -n $H6 route add $CLAT6/128 via 2001:db8:1::1
	ip netns exec $R sysctl -qw net.ipv4.ip_forward=1
	ip netns exec $R sysctl -qw net.ipv6.conf.all.forwarding=1
	ip -n $R -6 route add 64:ff9b:1::/48 via 2001:db8:1::2
	# shellcheck disable=SC2086 # $CFG: the encap's arguments, split on purpose
	ip -n $R route add default encap xlat $CFG dev r6
	# shellcheck disable=SC2086 # $CFG: the encap's arguments, split on purpose
	ip -n $R -6 route add $CLAT6/128 encap xlat $CFG dev r6
}

# gone NS: wait (up to 20 s) until the router namespace is dismantled:
# its veth peers in NS then disappear.
gone() {
	local i
	for i in $(seq 200); do
		ip -n "$1" link show h4 > /dev/null 2>&1 ||
			ip -n "$1" link show h6 > /dev/null 2>&1 || return 0
		sleep 0.1
	done
	return 1
}

# shellcheck disable=SC2317 # run by check, below
kmemleak_scan() {
	[ -w "$KMEMLEAK" ] || return 0
	echo scan > "$KMEMLEAK"
	sleep 1
	echo scan > "$KMEMLEAK"
	if grep -q unreferenced "$KMEMLEAK"; then
		head -40 "$KMEMLEAK" | sed 's/^/# /'
		return 1
	fi
}

ns_new $H4
ns_new $H6
router
[ -w $KMEMLEAK ] && echo clear > $KMEMLEAK

# --- churn while iperf3 runs -------------------------------------------------

in6 iperf3 -s -1 -B $SRV6 > /dev/null 2>&1 &
wait_port $H6 tcp 5201
in4 timeout 300 iperf3 -c $SRV4 -t 30 > "$XLAT_TMP"/ch-iperf 2>&1 &
iperf=$!
sleep 2

# 1000 replacements, alternating between two configurations that both
# carry the traffic, fed to one ip process.
for i in $(seq 500); do
	echo "route replace default encap xlat $CFG udp-zero-checksum drop dev r6"
	echo "route replace default encap xlat $CFG lowest-ipv6-mtu 1400 dev r6"
done > "$XLAT_TMP"/ch-batch
check "1000 route replacements under load" ip -n $R -batch "$XLAT_TMP"/ch-batch
for i in $(seq 100); do
	echo "route del default"
	echo "route add default encap xlat $CFG dev r6"
done > "$XLAT_TMP"/ch-batch
for i in $(seq 100); do
	echo "route del $CLAT6/128"
	echo "route add $CLAT6/128 encap xlat $CFG dev r6"
done > "$XLAT_TMP"/ch-batch6
check "100 deletions and re-additions under load" \
	ip -n $R -batch "$XLAT_TMP"/ch-batch
check "100 deletions and re-additions of the reverse route under load" \
	ip -n $R -6 -batch "$XLAT_TMP"/ch-batch6
wait $iperf
rc=$?
sed 's/^/# /' "$XLAT_TMP"/ch-iperf | tail -4
check_eq "iperf3 through the churn completes" 0 "$rc"
check "traffic flows after the churn" in4 ping -c 2 -i 0.2 -W 2 $SRV4

check "the router namespace is deleted cleanly after the churn" \
	ip netns del $R
check "its memory and references are released (veth peers gone)" gone $H4

# --- teardown with traffic in flight, 50 times ---------------------------------

fail=0
for i in $(seq 50); do
	router
	in4 ping -f -c 400 -W 1 $SRV4 > /dev/null 2>&1 &
	in6 ping -f -c 400 -W 1 -I $SRV6 $CLAT6 > /dev/null 2>&1 &
	sleep 0.2
	ip netns del $R
	wait
	if ! gone $H4 || ! gone $H6; then
		echo "# iteration $i: the router namespace did not go away"
		fail=1
		break
	fi
done
check_eq "50 namespace teardowns with traffic in flight, all released" 0 $fail
check "kmemleak (when the kernel has it) reports nothing" kmemleak_scan

xlat_done
