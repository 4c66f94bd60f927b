#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmark, inside the VM (scripts/bench starts it): plain IPv4
# forwarding, the xlat routes and TAYGA, in the same three-namespace
# topology and the same run.
#
#   +-- ns bn-h4 --+      +------------- ns bn-r -------------+      +-- ns bn-h6 --------------+
#   | iperf3 client|------| r4 192.0.0.2/29                   |------| iperf3 server            |
#   | 192.0.0.1/29 |      | fwd:   198.51.100.0/24 on r6      |      | fwd:  198.51.100.7/24    |
#   +--------------+      | xlat:  0.0.0.0/0 encap xlat,      |      | xlat, tayga:             |
#                         |        2001:db8:1:2::1234 encap   |      |  64:ff9b:1::c633:6407    |
#                         | tayga: the same map on TUN nat64  |      |  2001:db8:1::2/64        |
#                         +-----------------------------------+      +--------------------------+
#
# Every mode runs iperf3 with TCP (1 and 4 streams), UDP 1400-byte and UDP
# 64-byte datagrams, client to server and back (-R). The result is a table
# of throughput, of ratios to forwarding and to TAYGA, and a JSON document
# between "BENCH-JSON-BEGIN" and "BENCH-JSON-END" lines. A fourth mode,
# fwd6 (IPv6 end to end, plain forwarding), shows how much of the gap
# to IPv4 forwarding is the IPv6 end host rather than the translation.
#
# The fair baseline of the targets is the slower of fwd and fwd6 (xlat/fair):
# a translated connection has an IPv4 end and an IPv6 end.
#
#   bench-vm.sh [--smoke]     --smoke: 1-second runs, to check it works
#   BENCH_SECS=N seconds per run (5), BENCH_RUNS=N runs of everything (1):
#   the table gives the median and, with more than one run, [min-max].
set -u
# shellcheck source=SCRIPTDIR/../../selftests/lib.sh
source "$(dirname "$0")/../../selftests/lib.sh"

SECS=${BENCH_SECS:-5}
RUNS=${BENCH_RUNS:-1}
[ "${1:-}" = --smoke ] && SECS=1 && RUNS=1
H4=bn-h4
R=bn-r
H6=bn-h6
SRV4=198.51.100.7
# TAYGA refuses prefixes under 64:ff9b::/16, so both translators use a
# documentation prefix.
PFX6=2001:db8:64::
SRV6=${PFX6}c633:6407
CLAT6=2001:db8:1:2::1234
CFG=(remote-prefix6 "$PFX6/96" local-map 192.0.0.1/32 "$CLAT6/128")
OUT=/tmp/bench
mkdir -p $OUT
TAYGA_PID=

# topology MODE: fwd, xlat or tayga.
topology() {
	[ -n "$TAYGA_PID" ] && kill "$TAYGA_PID" 2>/dev/null && wait "$TAYGA_PID"
	TAYGA_PID=
	xlat_cleanup
	XLAT_NS=()
	ns_new $H4
	ns_new $R
	ns_new $H6
	veth $H4 h4 $R r4
	veth $R r6 $H6 h6
	ip -n $H4 addr add 192.0.0.1/29 dev h4
	ip -n $H4 route add default via 192.0.0.2
	ip -n $R addr add 192.0.0.2/29 dev r4
	ip netns exec $R sysctl -qw net.ipv4.ip_forward=1
	ip netns exec $R sysctl -qw net.ipv6.conf.all.forwarding=1
	case $1 in
	fwd)
		ip -n $R addr add 198.51.100.1/24 dev r6
		ip -n $H6 addr add $SRV4/24 dev h6
		ip -n $H6 route add default via 198.51.100.1
		;;
	fwd6)
		# Plain IPv6 forwarding end to end: not a baseline of the
		# targets, but it separates what translation costs from what
		# an IPv6 end host costs.
		ip -n $H4 addr add 2001:db8:4::1/64 dev h4 nodad
		ip -n $H4 route add default via 2001:db8:4::2
		ip -n $R addr add 2001:db8:4::2/64 dev r4 nodad
		ip -n $R addr add 2001:db8:1::1/64 dev r6 nodad
		ip -n $H6 addr add 2001:db8:1::2/64 dev h6 nodad
		ip -n $H6 addr add $SRV6/128 dev h6 nodad
		ip -n $H6 route add default via 2001:db8:1::1
		ip -n $R -6 route add $SRV6/128 via 2001:db8:1::2
		;;
	xlat|tayga)
		# The IPv4 side leaves room for the 20 bytes of translation.
		ip -n $H4 link set h4 mtu 1480
		ip -n $R link set r4 mtu 1480
		ip -n $R addr add 2001:db8:1::1/64 dev r6 nodad
		ip -n $H6 addr add 2001:db8:1::2/64 dev h6 nodad
		ip -n $H6 addr add $SRV6/128 dev h6 nodad
		ip -n $H6 route add $CLAT6/128 via 2001:db8:1::1
		ip -n $R -6 route add $PFX6/96 via 2001:db8:1::2
		;;
	esac
	case $1 in
	xlat)
		ip -n $R route add default encap xlat "${CFG[@]}" dev r6
		ip -n $R -6 route add $CLAT6/128 encap xlat "${CFG[@]}" dev r6
		;;
	tayga)
		# The same stateless map: 192.0.0.1 <-> the CLAT address, the
		# rest through the /96.
		cat > $OUT/tayga.conf <<-EOF
		tun-device nat64
		ipv4-addr 192.0.0.6
		prefix $PFX6/96
		map 192.0.0.1 $CLAT6
		EOF
		ip netns exec $R tayga -c $OUT/tayga.conf --mktun > /dev/null
		ip -n $R link set nat64 up
		ip -n $R route add default dev nat64
		ip -n $R -6 route add $CLAT6/128 dev nat64
		ip netns exec $R tayga -c $OUT/tayga.conf --nodetach \
			> $OUT/tayga.log 2>&1 &
		TAYGA_PID=$!
		;;
	esac
}

finish() {
	[ -n "$TAYGA_PID" ] && kill "$TAYGA_PID" 2>/dev/null && wait "$TAYGA_PID"
	TAYGA_PID=
	xlat_cleanup
}

# run MODE TEST DIR: one iperf3 run; prints the figure (bits/s for TCP
# and UDP 1400, packets/s delivered for UDP 64).
run() {
	local mode=$1 test=$2 dir=$3 args=() f=$OUT/$1-$2-$3.json dst
	case $test in
	tcp1) args=() ;;
	tcp4) args=(-P 4) ;;
	udp1400) args=(-u -b 0 -l 1400) ;;
	udp64) args=(-u -b 0 -l 64) ;;
	esac
	[ "$dir" = rev ] && args+=(-R)
	dst=$SRV4
	[ "$mode" = fwd6 ] && dst=$SRV6
	# The server answers from the address the client used: a UDP
	# reply from another address of h6 would have no IPv4 form.
	ip netns exec $H6 timeout $((SECS + 20)) iperf3 -s -1 -B "$BIND" \
		> /dev/null 2>&1 &
	wait_port $H6 tcp 5201
	ip netns exec $H4 timeout $((SECS + 20)) \
		iperf3 -c $dst -t "$SECS" -J "${args[@]}" > "$f" 2>/dev/null
	wait
	python3 - "$f" "$test" <<-'EOF'
	import json, sys
	try:
	    r = json.load(open(sys.argv[1]))["end"]
	    r["sum_received" if sys.argv[2].startswith("tcp") else "sum"]
	except Exception:
	    print(0); sys.exit()
	if sys.argv[2].startswith("tcp"):
	    print(int(r["sum_received"]["bits_per_second"]))
	else:
	    s = r["sum"]
	    got = s["packets"] - s["lost_packets"]
	    if not s["seconds"]:
	        print(0)
	    elif sys.argv[2] == "udp64":
	        print(int(got / s["seconds"]))
	    else:
	        print(int(got * 1400 * 8 / s["seconds"]))
	EOF
}

results=$OUT/results.txt
: > $results
for run in $(seq "$RUNS"); do
	for mode in fwd xlat tayga fwd6; do
		topology $mode
		BIND=$SRV6
		[ $mode = fwd ] && BIND=$SRV4
		for test in tcp1 tcp4 udp1400 udp64; do
			for dir in fwd rev; do
				v=$(run $mode $test $dir)
				echo "$mode $test $dir ${v:-0} $run" | tee -a $results
			done
		done
	done
done
finish

python3 - "$results" "${BENCH_ACCEL:-unknown}" "$SECS" "$RUNS" <<'EOF'
import json, statistics, sys, datetime
res = {}
for line in open(sys.argv[1]):
    mode, test, d, v, run = line.split()
    res.setdefault(test + " " + d, {}).setdefault(mode, []).append(int(v))
unit = {"tcp1": "Mbit/s", "tcp4": "Mbit/s", "udp1400": "Mbit/s",
        "udp64": "kpps"}
runs = int(sys.argv[4])
print()
print("accel: %s, %s s per run, %d run%s (median%s), %s" % (
      sys.argv[2], sys.argv[3], runs, "s" if runs > 1 else "",
      " [min-max]" if runs > 1 else "", datetime.date.today().isoformat()))
print("%-8s %-4s %15s %15s %9s %9s %9s %9s %9s  %s" % ("test", "dir", "fwd",
      "xlat", "tayga", "fwd6", "xlat/fwd", "xlat/fair", "xlat/tay", "unit"))
def cell(v, div):
    if runs == 1:
        return "%.1f" % (v[0] / div)
    return "%.0f[%.0f-%.0f]" % (statistics.median(v) / div, min(v) / div,
                               max(v) / div)
for key, m in res.items():
    test, d = key.split()
    div = 1e3 if test == "udp64" else 1e6
    f, x, t, f6 = (statistics.median(m.get(k, [0])) / div
                   for k in ("fwd", "xlat", "tayga", "fwd6"))
    fair = min(f, f6)
    print("%-8s %-4s %15s %15s %9.1f %9.1f %8.0f%% %8.0f%% %8.1fx  %s" % (
          test, d, cell(m.get("fwd", [0]), div), cell(m.get("xlat", [0]), div),
          t, f6, 100 * x / f if f else 0, 100 * x / fair if fair else 0,
          x / t if t else 0, unit[test]))
doc = {"date": datetime.date.today().isoformat(), "accel": sys.argv[2],
       "seconds": int(sys.argv[3]), "runs": runs, "results": res}
print("BENCH-JSON-BEGIN")
print(json.dumps(doc, indent=1))
print("BENCH-JSON-END")
EOF
