#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Soak: SOAK_MINUTES (default 30) of mixed traffic through a CLAT and a
# SIIT route pair, the routes replaced every second, and a namespace with
# xlat routes and traffic created and destroyed every minute. Slab memory
# is sampled each minute; after the final cleanup it must be back within
# 1% of where it started, kmemleak must find nothing and the kernel must
# report nothing. Not part of make check: `make soak` runs it on the debug
# kernel (build-debug/), `SOAK_MINUTES=N` shortens it.
#
#   +-- ns sk-h4 --+      +---------------- ns sk-r ----------------+      +-- ns sk-h6 -------------+
#   | 192.0.0.1/29 |------| r4 192.0.0.2/29   r6 2001:db8:1::1/64     |------| 2001:db8:1::2/64        |
#   | iperf3 -c,   |      | CLAT: 0.0.0.0/0 and 2001:db8:1:2::1234   |      | 64:ff9b:1:c633:64:700:: |
#   | ping, UDP    |      | SIIT: 203.0.113.0/24 <-> eam 2001:db8:   |      | 2001:db8:64::7 (SIIT)   |
#   +--------------+      |   64::/120, replaced every second         |      +-------------------------+
#                         +-----------------------------------------+
#
# Prints one line per minute: minute, Slab and SUnreclaim in kB.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

MINUTES=${SOAK_MINUTES:-30}
H4=sk-h4-$$
R=sk-r-$$
H6=sk-h6-$$
SRV4=198.51.100.7
SRV6=64:ff9b:1:c633:64:700::
CLAT6=2001:db8:1:2::1234
CFG=(remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 "$CLAT6/128")
SIIT=(eam 203.0.113.0/24 2001:db8:64::/120 local-map 192.0.0.1/32 "$CLAT6/128")
WORK=$(mktemp -d)
PIDS=()

# Stop the loops, then every process left in the namespaces (an iperf3 or
# ping mid-run would keep its namespace alive after ip netns del).
stop_all() {
	local p ns
	for p in "${PIDS[@]}"; do
		kill "$p" 2>/dev/null
	done
	for ns in "${XLAT_NS[@]}"; do
		ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null
	done
	wait 2>/dev/null
}
trap 'stop_all; rm -rf "$WORK"; xlat_exit' EXIT

in4() { ip netns exec $H4 "$@"; }
in6() { ip netns exec $H6 "$@"; }

slab() {
	awk '/^Slab:/ { s = $2 } /^SUnreclaim:/ { u = $2 } END { print s, u }' /proc/meminfo
}

# Slab after the deferred frees (RCU, workqueues) have run.
settled() {
	local i
	for i in 1 2 3 4 5; do
		echo 3 > /proc/sys/vm/drop_caches
		sleep 2
	done
	# SLUB keeps empty slabs on per-CPU and partial lists: release them
	for f in /sys/kernel/slab/*/shrink; do
		echo 1 > "$f" 2>/dev/null
	done
	slab
}

build() {
	ns_new $H4
	ns_new $R
	ns_new $H6
	veth $H4 h4 $R r4
	veth $R r6 $H6 h6
	ip -n $H4 addr add 192.0.0.1/29 dev h4
	ip -n $H4 route add default via 192.0.0.2
	ip -n $R addr add 192.0.0.2/29 dev r4
	ip -n $R addr add 2001:db8:1::1/64 dev r6 nodad
	ip -n $H6 addr add 2001:db8:1::2/64 dev h6 nodad
	ip -n $H6 addr add $SRV6/128 dev h6 nodad
	ip -n $H6 addr add 2001:db8:64::7/128 dev h6 nodad
	ip -n $H6 route add $CLAT6/128 via 2001:db8:1::1
	ip netns exec $R sysctl -qw net.ipv4.ip_forward=1
	ip netns exec $R sysctl -qw net.ipv6.conf.all.forwarding=1
	ip -n $R -6 route add 64:ff9b:1::/48 via 2001:db8:1::2
	ip -n $R -6 route add 2001:db8:64::/120 via 2001:db8:1::2
	ip -n $R route add default encap xlat "${CFG[@]}" dev r6 mtu 1400
	ip -n $R route add 203.0.113.0/24 encap xlat "${SIIT[@]}" dev r6
	ip -n $R -6 route add $CLAT6/128 encap xlat "${CFG[@]}" dev r6
}

# A namespace of its own with xlat routes and traffic, alive ~50 s.
side_ns() {
	local ns=sk-side-$1-$$
	ns_new "$ns"
	ip -n "$ns" link add d0 type dummy
	ip -n "$ns" link set d0 up
	ip -n "$ns" addr add 192.0.0.1/29 dev d0
	ip -n "$ns" route add 203.0.113.0/24 encap xlat "${CFG[@]}" dev d0
	ip -n "$ns" -6 route add default dev d0
	timeout 50 ip netns exec "$ns" ping -q -i 0.05 -s 2000 203.0.113.9 > /dev/null 2>&1 &
	sleep 50
	ip netns del "$ns"
}

# slabinfo: name and bytes in use, one cache a line.
slabs() {
	awk 'NR > 2 { print $1, $2 * $4 }' /proc/slabinfo | sort
}

# workload MINUTES: everything above for MINUTES, sampled each minute,
# then every namespace deleted.
workload() {
	local minutes=$1 minute=0 end s u
	build
	end=$((SECONDS + minutes * 60))
	# TCP: iperf3 in rounds of 50 s, one direction or the other
	( while [ $SECONDS -lt $end ]; do
		in6 timeout 70 iperf3 -s -1 -B $SRV6 > /dev/null 2>&1 &
		wait_port $H6 tcp 5201
		# shellcheck disable=SC2046 # -R or nothing: splitting intended
		in4 timeout 60 iperf3 -c $SRV4 -t 50 -P 2 \
			$([ $((RANDOM % 2)) = 0 ] && echo -R) > /dev/null 2>&1
		wait
	  done ) &
	PIDS+=($!)
	# ICMP, and fragments: 3000-byte pings through the CLAT and SIIT
	( in4 ping -q -i 0.2 -w $((minutes * 60)) $SRV4 > "$WORK/ping" 2>&1 ) &
	PIDS+=($!)
	( in4 ping -q -i 0.5 -s 3000 -w $((minutes * 60)) 203.0.113.7 \
		> /dev/null 2>&1 ) &
	PIDS+=($!)
	# UDP, with 3000-byte datagrams (fragments both ways)
	( in4 python3 - "$((minutes * 60))" "$SRV4" <<'EOF'
import socket, sys, time
end = time.monotonic() + int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
while time.monotonic() < end:
    for n in (64, 1200, 3000):
        try:
            s.sendto(b"u" * n, (sys.argv[2], 9))
        except OSError:
            pass
    time.sleep(0.01)
EOF
	) > /dev/null 2>&1 &
	PIDS+=($!)
	# route churn: every second, the encaps of all three routes replaced
	( i=0
	  while [ $SECONDS -lt $end ]; do
		t=()
		[ $((i % 2)) = 0 ] && t=(tclass zero)
		ip -n $R route replace default encap xlat "${CFG[@]}" "${t[@]}" dev r6 mtu 1400
		ip -n $R -6 route replace $CLAT6/128 encap xlat "${CFG[@]}" "${t[@]}" dev r6
		ip -n $R route replace 203.0.113.0/24 encap xlat "${SIIT[@]}" "${t[@]}" dev r6
		i=$((i + 1))
		sleep 1
	  done ) &
	PIDS+=($!)
	while [ $SECONDS -lt $end ]; do
		side_ns $minute &
		sleep 60
		minute=$((minute + 1))
		read -r s u <<< "$(slab)"
		echo "# minute $minute: Slab $s kB, SUnreclaim $u kB"
	done
	stop_all
	PIDS=()
	wait
	xlat_cleanup
	XLAT_NS=()
	sleep 5
}

mark=$(kmsg_mark)
# Warm-up: one minute of the same, so that the caches the workload needs
# have grown to its size before the baseline is taken.
echo "# warm-up"
workload 1
read -r base_slab base_unr <<< "$(settled)"
slabs > "$WORK/slab.0"
echo "# baseline after warm-up: Slab $base_slab kB, SUnreclaim $base_unr kB"
workload "$MINUTES"
read -r fin_slab fin_unr <<< "$(settled)"
slabs > "$WORK/slab.1"
echo "# final, after cleanup: Slab $fin_slab kB, SUnreclaim $fin_unr kB"
echo "# caches that grew most (bytes in use):"
join "$WORK/slab.0" "$WORK/slab.1" 2>/dev/null |
	awk '{ d = $3 - $2; if (d > 0) print d, $1 }' | sort -rn | head -8 |
	sed 's/^/#   /'

check "ping kept answering ($(grep -o '[0-9]* received' "$WORK/ping"))" \
	grep -q ' [1-9][0-9]* received' "$WORK/ping"
pct=$(awk -v a="$base_slab" -v b="$fin_slab" 'BEGIN { printf "%.2f", (b - a) * 100 / a }')
if awk -v p="$pct" 'BEGIN { exit !(p <= 1.0) }'; then
	pass "$MINUTES min, Slab $base_slab -> $fin_slab kB ($pct%), within 1%"
else
	fail "$MINUTES min, Slab $base_slab -> $fin_slab kB ($pct%), over 1%"
fi
check_eq "no kernel report" "" "$(kmsg_reports "$mark")"
check_eq "kmemleak finds nothing (debug kernel)" "" "$(kmemleak_scan)"
xlat_done
