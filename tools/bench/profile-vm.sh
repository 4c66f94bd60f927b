#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Where the time goes: perf (cpu-clock, all CPUs, call graphs) in the VM
# while iperf3 runs through plain forwarding and through the xlat routes,
# in bench-vm.sh's topology. Run it in the VM:
#
#   scripts/vm-run -t 500 -- env PATH=$PWD/build/bin:/usr/sbin:/usr/bin:/sbin:/bin \
#       PERF_ARGS="-u -b 0 -l 1400" tools/bench/profile-vm.sh
#
# PERF_ARGS: extra iperf3 client arguments (default: TCP, one stream).
#
# With --pktgen, the router's cost instead: pktgen-vm.sh's forwarding and
# xlat modes, 64-byte packets, profiled (the whole CPU: sender, router and
# sink), best under deterministic time:
#
#   VM_ICOUNT=1 scripts/vm-run -t 900 -- env PATH=... tools/bench/profile-vm.sh --pktgen
cd "$(dirname "$0")/../.." || exit 1
if [ "${1:-}" = --pktgen ]; then
	PG_MODES=${PG_MODES:-"direct4 direct6 fwd4 fwd6 xlat46 xlat64"} \
	PG_PERF=${PG_PERF:-"fwd4 fwd6 xlat46 xlat64"} PG_SIZES=${PG_SIZES:-64} \
	PG_COUNT=${PG_COUNT:-300000} PG_RUNS=1 \
		exec tools/bench/pktgen-vm.sh
fi
# shellcheck disable=SC2016 # a sed address, literal text of bench-vm.sh
sed -n '1,/^results=\$OUT/p' tools/bench/bench-vm.sh | head -n -1 > /tmp/b.sh
# shellcheck disable=SC2016 # sed replaces the literal text of bench-vm.sh
sed -i 's#source "$(dirname "$0")/../../selftests/lib.sh"#source $PWD/selftests/lib.sh#' /tmp/b.sh
cat >> /tmp/b.sh <<'EOT'
for mode in fwd xlat; do
	topology $mode
	BIND=$SRV6; [ $mode = fwd ] && BIND=$SRV4
	ip netns exec $H6 iperf3 -s -1 -B $BIND > /dev/null 2>&1 &
	sleep 1
	ip netns exec $H4 iperf3 -c $SRV4 -t 8 $PERF_ARGS > /tmp/ip.txt 2>&1 &
	sleep 2
	perf record -e cpu-clock -a -g -o /tmp/perf.$mode -- sleep 4 > /dev/null 2>&1
	wait
	tail -4 /tmp/ip.txt
	echo "== $mode: top symbols (self)"
	perf report -i /tmp/perf.$mode --stdio --no-children --sort symbol 2>/dev/null | grep -E "^ +[0-9]" | head -30
done
EOT
bash /tmp/b.sh 2>&1 | grep -v "^\[" 
