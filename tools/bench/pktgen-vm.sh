#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What the router spends per packet, inside the VM (scripts/bench starts it):
# the kernel's packet generator (pktgen) in a sender namespace blasts UDP
# through a router namespace into a sink namespace that drops what it gets,
# and the figure is the packets per second that reach the sink, per mode:
#
#   fwd4    plain IPv4 forwarding
#   fwd6    plain IPv6 forwarding
#   xlat46  the xlat route, 4->6
#   xlat64  the xlat route, 6->4
#   xlat46n, xlat64n: the same through a checksum-neutral configuration
#           (2001:db8:d246::/96 and 2001:db8:1:2::9245, xlat.rst "Checksum-
#           neutral mappings"), where TCP and UDP checksums need no update
#   jool46  Jool (SIIT, netfilter mode) 4->6, if its modules load
#   jool64  Jool 6->4
#   tayga46 TAYGA on a TUN device, 4->6
#   tayga64 TAYGA 6->4
#   direct4 and direct6: the sender straight into the sink, no router
#
#   +-- ns pg-s ---------+      +------------ ns pg-r ------------+      +-- ns pg-k --+
#   | pktgen on s0       |------| r0                         r1   |------| k0          |
#   |   (and s1)         |      | 198.51.100.0/24: via, encap,    |      | drops all:  |
#   |                    |      |   nat64 or Jool per mode        |      | not its MAC |
#   |                    |------|-- direct: s1 <-> k1 ------------|------| k1          |
#   +--------------------+      +---------------------------------+      +-------------+
#
# The modes of one direction get the very same input packets and differ only
# in the router's route for them: the IPv4 packets go 192.0.0.1 ->
# 198.51.100.7 (fwd4 forwards them; xlat46, Jool and TAYGA translate them to
# 2001:db8:1:2::1234 -> 2001:db8:64::c633:6407), the IPv6 packets go
# 2001:db8:64::c633:6407 -> 2001:db8:1:2::1234 (fwd6 forwards them; the
# translators make 198.51.100.7 -> 192.0.0.1 of them). Every packet leaves
# the router through r1 to a neighbour whose static MAC is not the sink's:
# the sink counts it (k0's receive counter) and drops it at once in the IP
# layer (PACKET_OTHERHOST), so that the sink costs the same little in every
# mode.
#
# Sizes: SIZE is the IPv4 frame (Ethernet header included, FCS excluded):
# 64, 512 and 1400. The IPv6 frames of the same packets are SIZE + 20.
#
# Everything runs on the VM's one CPU (scripts/bench boots it with qemu's
# instruction counting, -icount shift=0: a guest nanosecond is a guest
# instruction, and host load drops out): a packet's path through sender,
# router and sink is what sets the rate. The direct modes measure sender
# and sink alone, so the router's own cost per packet is
#   router ns = 1e9 / pps(mode) - 1e9 / pps(direct of the input family).
#
#   pktgen-vm.sh [--smoke]   PG_COUNT=N packets per run (100000; smoke 5000),
#                            PG_RUNS=N runs per figure (3; smoke 1),
#                            PG_SIZES="64 512 1400", PG_MODES="...",
#                            PG_PERF="MODE...": perf record the runs of
#                            those modes and print their top functions,
#                            PG_PERF_CALLERS="SYM...": and who calls these.
# Prints "PG mode size run sent delivered usec" lines and then the table;
# the JSON between PKTGEN-JSON-BEGIN and PKTGEN-JSON-END.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=SCRIPTDIR/../../selftests/lib.sh
source "$top/selftests/lib.sh"

COUNT=${PG_COUNT:-100000}
PERF=${PG_PERF:-}
RUNS=${PG_RUNS:-3}
if [ "${1:-}" = --smoke ]; then
	COUNT=${PG_COUNT:-5000}
	RUNS=${PG_RUNS:-1}
fi
SIZES=${PG_SIZES:-64 512 1400}
MODES=${PG_MODES:-direct4 direct6 fwd4 fwd6 xlat46 xlat64 xlat46n xlat64n jool46 jool64 tayga46 tayga64}
JOOL_DIR=${JOOL_DIR:-${BUILD:-$top/build}/jool}
S=pg-s
R=pg-r
K=pg-k
SRC4=192.0.0.1
DST4=198.51.100.7
PFX6=2001:db8:64::
CLAT6=2001:db8:1:2::1234
SRV6=${PFX6}c633:6407
NH4=203.0.113.7
NH6=2001:db8:5::7
FAKE=02:00:00:00:00:99		# the next hop's MAC, not the sink's
CFG=(remote-prefix6 "$PFX6/96" local-map "$SRC4/32" "$CLAT6/128")
# Checksum-neutral: 0x2001 + 0x0db8 + 0xd246 = 0xffff, and the CLAT address
# sums to 0xc001 as 192.0.0.1 does.
PFX6N=2001:db8:d246::
CLAT6N=2001:db8:1:2::9245
SRV6N=${PFX6N}c633:6407
CFGN=(remote-prefix6 "$PFX6N/96" local-map "$SRC4/32" "$CLAT6N/128")
OUT=/tmp/pktgen
mkdir -p $OUT
TAYGA_PID=
JOOL_LOADED=
JOOL_ON=

finish() {
	[ -n "$TAYGA_PID" ] && kill "$TAYGA_PID" 2>/dev/null && wait "$TAYGA_PID"
	xlat_cleanup
	[ -n "$JOOL_LOADED" ] && rmmod jool_siit jool_common 2>/dev/null
}
trap finish EXIT

mac() { ip -n "$1" -j link show dev "$2" | python3 -c \
	'import json, sys; print(json.load(sys.stdin)[0]["address"])'; }

ns_new $S
ns_new $R
ns_new $K
veth $S s0 $R r0
veth $R r1 $K k0
veth $S s1 $K k1
for d in s0 s1; do
	# pktgen computes its UDP checksums in software, as a host whose
	# NIC does not would: the packets arrive as CHECKSUM_NONE.
	ip netns exec $S ethtool -K $d tx off > /dev/null 2>&1
done
ip netns exec $R sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 \
	net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
ip -n $R addr add 192.0.2.1/24 dev r0
ip -n $R addr add 2001:db8:2::1/64 dev r0 nodad
ip -n $R addr add 203.0.113.1/24 dev r1
ip -n $R addr add 2001:db8:5::1/64 dev r1 nodad
ip -n $R neigh add $NH4 lladdr $FAKE dev r1 nud permanent
ip -n $R neigh add $NH6 lladdr $FAKE dev r1 nud permanent
# What leaves the router, forwarded or translated, goes to the fake MAC.
ip -n $R route add 192.0.0.0/29 via $NH4 dev r1
ip -n $R -6 route add $PFX6/96 via $NH6 dev r1
ip -n $R -6 route add $PFX6N/96 via $NH6 dev r1
ip -n $R link set r1 mtu 1500
R0MAC=$(mac $R r0)

# route MODE: the router's routes for the two flows, for MODE.
route() {
	local r4=(via "$NH4" dev r1) r6=(via "$NH6" dev r1) clat6=$CLAT6
	case $1 in
	xlat*n)
		r4=(encap xlat "${CFGN[@]}" dev r1)
		r6=(encap xlat "${CFGN[@]}" dev r1)
		clat6=$CLAT6N
		;;
	xlat*)
		r4=(encap xlat "${CFG[@]}" dev r1)
		r6=(encap xlat "${CFG[@]}" dev r1)
		;;
	tayga*)
		r4=(dev nat64)
		r6=(dev nat64)
		;;
	esac
	ip -n $R route replace $DST4/32 "${r4[@]}" &&
		ip -n $R -6 route replace "$clat6/128" "${r6[@]}"
}

tayga_start() {
	cat > $OUT/tayga.conf <<-EOF
	tun-device nat64
	ipv4-addr 192.0.0.6
	prefix $PFX6/96
	map $SRC4 $CLAT6
	EOF
	ip netns exec $R tayga -c $OUT/tayga.conf --mktun > /dev/null &&
		ip -n $R link set nat64 up || return 1
	ip netns exec $R tayga -c $OUT/tayga.conf --nodetach \
		> $OUT/tayga.log 2>&1 &
	TAYGA_PID=$!
}

jool_start() {
	command -v jool_siit > /dev/null || return 1
	if ! grep -qw '^jool_siit' /proc/modules; then
		insmod "$JOOL_DIR/jool_common.ko" 2>/dev/null &&
			insmod "$JOOL_DIR/jool_siit.ko" 2>/dev/null || return 1
		JOOL_LOADED=1
	fi
	# lowest-ipv6-mtu 1500, as the xlat route has from its MTU: else
	# Jool splits the 1400-byte IPv4 packets (pktgen never sets DF) in
	# two IPv6 fragments.
	ip netns exec $R jool_siit instance add pg --netfilter --pool6 $PFX6/96 &&
		ip netns exec $R jool_siit -i pg eamt add $CLAT6/128 $SRC4/32 &&
		ip netns exec $R jool_siit -i pg global update lowest-ipv6-mtu 1500
}

jool_stop() {
	ip netns exec $R jool_siit instance remove pg 2>/dev/null
}

rx() {
	ip -n $K -j -s link show dev "$1" | python3 -c \
		'import json, sys; print(json.load(sys.stdin)[0]["stats64"]["rx"]["packets"])'
}

pg() { echo "$2" > "/proc/net/pktgen/$1"; }

# blast MODE SIZE: one pktgen run; prints "sent delivered usec".
blast() {
	local mode=$1 size=$2 dev=s0 sink=k0 fam=4 dmac=$R0MAC before after
	case $mode in
	direct*) dev=s1; sink=k1; dmac=$FAKE ;;
	esac
	case $mode in
	fwd6|direct6|*64|*64n) fam=6 ;;
	esac
	ip netns exec $S bash -c "
		echo rem_device_all > /proc/net/pktgen/kpktgend_0
		echo add_device $dev > /proc/net/pktgen/kpktgend_0"
	local cfg=(
		"count $COUNT" "clone_skb 0" "burst 1" "delay 0"
		"dst_mac $dmac" "udp_src_min 4000" "udp_src_max 4000"
		"udp_dst_min 9" "udp_dst_max 9" "flag UDPCSUM"
	)
	if [ $fam = 4 ]; then
		cfg+=("pkt_size $size" "src_min $SRC4" "src_max $SRC4" "dst $DST4")
	else
		if [ "$mode" = xlat64n ]; then
			cfg+=("src6 $SRV6N" "dst6 $CLAT6N")
		else
			cfg+=("src6 $SRV6" "dst6 $CLAT6")
		fi
		cfg+=("pkt_size $((size + 20))")
	fi
	local c
	for c in "${cfg[@]}"; do
		ip netns exec $S bash -c "echo '$c' > /proc/net/pktgen/$dev" ||
			{ echo "0 0 0"; return; }
	done
	before=$(rx $sink)
	if [[ " $PERF " = *" $mode "* ]]; then
		# The whole CPU while it runs: sender, router and sink.
		ip netns exec $S perf record -q -e cpu-clock -a -g \
			-o "$OUT/perf.$mode.$size" -- \
			bash -c 'echo start > /proc/net/pktgen/pgctrl' > /dev/null 2>&1
	else
		ip netns exec $S bash -c 'echo start > /proc/net/pktgen/pgctrl'
	fi
	after=$(rx $sink)
	ip netns exec $S cat "/proc/net/pktgen/$dev" > "$OUT/$mode-$size.txt"
	python3 - "$OUT/$mode-$size.txt" $((after - before)) <<-'EOF'
	import re, sys
	t = open(sys.argv[1]).read()
	m = re.search(r"Result: OK: (\d+)\(", t)
	s = re.search(r"pkts-sofar: (\d+)", t)
	print(s.group(1) if s else 0, sys.argv[2], m.group(1) if m else 0)
	EOF
}

# counted MODE: how many packets the translator says it translated.
counted() {
	case $1 in
	xlat46|xlat46n) ip -n $R -s route show $DST4/32 ;;
	xlat64) ip -n $R -6 -s route show $CLAT6/128 ;;
	xlat64n) ip -n $R -6 -s route show $CLAT6N/128 ;;
	*) return ;;
	esac | sed -nE 's/.* packets ([0-9]+).*/\1/p' | head -1
}

results=$OUT/results.txt
: > $results
for mode in $MODES; do
	case $mode in
	tayga46) tayga_start || { echo "# TAYGA does not start: skipped"; continue; } ;;
	jool46) jool_start || { echo "# Jool does not load: skipped"; continue; }
		JOOL_ON=1 ;;
	tayga64) [ -n "$TAYGA_PID" ] || continue ;;
	jool64) [ -n "$JOOL_ON" ] || continue ;;
	esac
	route "$mode" || { echo "# $mode: the routes failed"; continue; }
	for size in $SIZES; do
		for run in $(seq "$RUNS"); do
			c0=$(counted "$mode")
			r=$(blast "$mode" "$size")
			read -r sent got usec <<< "$r"
			c1=$(counted "$mode")
			echo "PG $mode $size $run $sent $got $usec" | tee -a $results
			if [ -n "$c0" ] && [ $((c1 - c0)) -lt "$got" ]; then
				echo "# $mode: the route counted $((c1 - c0)) of $got packets"
			fi
		done
	done
	case $mode in
	jool64) jool_stop; JOOL_ON= ;;
	tayga64) kill "$TAYGA_PID"; wait "$TAYGA_PID"; TAYGA_PID=
		ip -n $R link del nat64 ;;
	esac
done
route fwd

for f in "$OUT"/perf.*; do
	[ -f "$f" ] || continue
	echo "== ${f#"$OUT"/perf.}: top functions (self, whole CPU)"
	perf report -i "$f" --stdio --no-children --sort symbol 2>/dev/null |
		grep -E '^ +[0-9]' | head -"${PG_PERF_TOP:-30}"
	echo "== ${f#"$OUT"/perf.}: top functions (with what they call)"
	perf report -i "$f" --stdio --children --sort symbol -g none \
		2>/dev/null | grep -E '^ +[0-9]' | head -"${PG_PERF_TOP:-30}"
	for sym in ${PG_PERF_CALLERS:-}; do
		echo "== ${f#"$OUT"/perf.}: call chains of $sym"
		perf report -i "$f" --stdio --no-children -S "$sym" -G \
			2>/dev/null | grep -vE '^#|^$' | head -40
	done
done

python3 - "$results" "${BENCH_ACCEL:-unknown}" "$COUNT" <<'EOF'
import json, statistics, sys, datetime
res = {}
for line in open(sys.argv[1]):
    _, mode, size, run, sent, got, usec = line.split()
    # Input packets through: a translator that fragments delivers more.
    pps = min(int(got), int(sent)) * 1e6 / int(usec) if int(usec) else 0
    res.setdefault(int(size), {}).setdefault(mode, []).append(
        {"sent": int(sent), "delivered": int(got), "usec": int(usec),
         "pps": round(pps)})
print()
print("pktgen: %s, %s packets per run, %s" % (sys.argv[2], sys.argv[3],
      datetime.date.today().isoformat()))
print("pps: median of the runs [min-max]; /fwd4: pps ratio to IPv4 forwarding;")
print("router ns: per packet, beyond sender and sink (the direct mode of the")
print("input family); cost/fwd4: router ns over forwarding's (lower is better)")
summary = {}
for size in sorted(res):
    m = res[size]
    med = {k: statistics.median(r["pps"] for r in v) for k, v in m.items()}
    def cost(mode):
        d = med.get("direct6" if mode == "fwd6" or mode.rstrip("n").endswith("64")
                    else "direct4")
        if mode.startswith("direct") or not d or not med.get(mode):
            return None
        return 1e9 / med[mode] - 1e9 / d
    print()
    print("%-4s %-8s %10s %21s %7s %10s %10s" % ("size", "mode", "pps",
          "[min-max]", "/fwd4", "router ns", "cost/fwd4"))
    f4 = med.get("fwd4")
    for mode, runs in m.items():
        p = [r["pps"] for r in runs]
        c = cost(mode)
        cf = cost("fwd4")
        lost = sum(r["sent"] - r["delivered"] for r in runs)
        print("%-4d %-8s %10.0f %21s %7s %10s %10s%s" % (
            size, mode, med[mode], "[%d-%d]" % (min(p), max(p)),
            "%.2f" % (med[mode] / f4) if f4 else "-",
            "%.0f" % c if c is not None else "-",
            "%.2f" % (c / cf) if c is not None and cf else "-",
            "  (%d not delivered)" % lost if lost > 0 else
            "  (%d more delivered than sent)" % -lost if lost else ""))
        summary.setdefault(str(size), {})[mode] = {
            "pps": med[mode], "runs": runs,
            "router_ns": round(c) if c is not None else None}
doc = {"date": datetime.date.today().isoformat(), "accel": sys.argv[2],
       "count": int(sys.argv[3]), "results": summary}
print("PKTGEN-JSON-BEGIN")
print(json.dumps(doc, indent=1))
print("PKTGEN-JSON-END")
EOF
