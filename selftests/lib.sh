#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Helpers for the ipxlat selftests: namespaces that clean themselves up,
# and TAP result lines ("ok N name: what" / "not ok N name: what") that
# scripts/check.sh counts. The numbering continues across scripts through
# $XLAT_TAP_COUNTER.

XLAT_TEST=$(basename "$0" .sh)
XLAT_NS=()
XLAT_FAILED=0

# A directory of the script's own for its files, removed at exit;
# exported, for the commands (socat SYSTEM:, Python) that name files in it.
XLAT_TMP=$(mktemp -d "${TMPDIR:-/tmp}/$XLAT_TEST.XXXXXX")
export XLAT_TMP
# A script run alone numbers its checks from 1.
XLAT_TAP_COUNTER=${XLAT_TAP_COUNTER:-$XLAT_TMP/tap-counter}

# xlat_cleanup: delete the namespaces (scripts call it to start over).
xlat_cleanup() {
	local ns
	for ns in "${XLAT_NS[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
}

# xlat_exit: at exit, the namespaces and the files.
xlat_exit() {
	xlat_cleanup
	rm -rf "$XLAT_TMP"
}
trap xlat_exit EXIT

# The kselftest exit status of a script that cannot run here: run.sh
# reports it as skipped ("ok N name # SKIP reason"), not as passed.
KSFT_SKIP=4

# require TOOL...: skip the whole script unless every TOOL is there, a
# command or "scapy" (the Python module).
require() {
	local t
	for t in "$@"; do
		if [ "$t" = scapy ]; then
			python3 -c 'import scapy' 2>/dev/null && continue
		else
			command -v "$t" > /dev/null && continue
		fi
		echo "# SKIP: $t is not installed (scripts/install-deps.sh installs it)"
		exit "$KSFT_SKIP"
	done
}

# ns_new NAME: create network namespace NAME (deleted at exit), lo up.
ns_new() {
	ip netns del "$1" 2>/dev/null
	ip netns add "$1" || return 1
	XLAT_NS+=("$1")
	ip -n "$1" link set lo up
}

# veth NS1 IF1 NS2 IF2: a veth pair between two namespaces, both ends up.
veth() {
	ip link add "$2" netns "$1" type veth peer name "$4" netns "$3" &&
		ip -n "$1" link set "$2" up && ip -n "$3" link set "$4" up
}

# clat_topology NAME: the CLAT router that several selftests share, in
# three namespaces (NAME-h4, NAME-r and NAME-h6, each with the script's PID
# after it, so that two runs never share one), with the xlat routes of a
# single-host CLAT:
#
#   +-- NAME-h4 --+    +---------------- NAME-r -----------------+    +-- NAME-h6 --+
#   | h4          |----| r4 192.0.0.2/29, 192.0.2.1/24 (MTU 1480)|    |             |
#   | 192.0.0.1/29|    |  0.0.0.0/0           encap xlat 4->6     |    | h6          |
#   | 192.0.2.2/24|    |  2001:db8:1:2::1234  encap xlat 6->4     |----| 2001:db8:1::2/64
#   +-------------+    | r6 2001:db8:1::1/64                      |    | SRV6 on h6  |
#                      +------------------------------------------+    +-------------+
#
# The IPv6-only server answers at SRV6, 64:ff9b:1:c633:64:700::, the
# RFC 6052 form of SRV4, 198.51.100.7, under 64:ff9b:1::/48. Sets H4, R,
# H6, SRV4, SRV6, CLAT6 and CLAT_MAP (the encap's arguments, with `count`:
# the routes keep counters of their own, which `ip -s route` shows).
clat_topology() {
	# shellcheck disable=SC2034 # read by the scripts that source lib.sh
	H4=$1-h4-$$ R=$1-r-$$ H6=$1-h6-$$
	# shellcheck disable=SC2034
	SRV4=198.51.100.7 SRV6=64:ff9b:1:c633:64:700:: CLAT6=2001:db8:1:2::1234
	CLAT_MAP=(remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 "$CLAT6/128"
		count)
	ns_new "$H4" && ns_new "$R" && ns_new "$H6" &&
	veth "$H4" h4 "$R" r4 && veth "$H6" h6 "$R" r6 &&
	# The IPv4 side of a CLAT has room for the 20 bytes translation adds.
	ip -n "$H4" link set h4 mtu 1480 && ip -n "$R" link set r4 mtu 1480 &&
	ip -n "$H4" addr add 192.0.0.1/29 dev h4 &&
	ip -n "$H4" addr add 192.0.2.2/24 dev h4 &&
	ip -n "$H4" route add default via 192.0.0.2 &&
	ip -n "$R" addr add 192.0.0.2/29 dev r4 &&
	ip -n "$R" addr add 192.0.2.1/24 dev r4 &&
	ip -n "$R" addr add 2001:db8:1::1/64 dev r6 nodad &&
	ip -n "$H6" addr add 2001:db8:1::2/64 dev h6 nodad &&
	ip -n "$H6" addr add "$SRV6/128" dev h6 nodad &&
	ip -n "$H6" route add "$CLAT6/128" via 2001:db8:1::1 &&
	ip netns exec "$R" sysctl -qw net.ipv4.ip_forward=1 &&
	ip netns exec "$R" sysctl -qw net.ipv6.conf.all.forwarding=1 &&
	ip -n "$R" -6 route add 64:ff9b:1::/48 via 2001:db8:1::2 &&
	ip -n "$R" route add default encap xlat "${CLAT_MAP[@]}" dev r6 &&
	ip -n "$R" -6 route add "$CLAT6/128" encap xlat "${CLAT_MAP[@]}" dev r6
}

_tap() {
	local n=0
	[ -f "$XLAT_TAP_COUNTER" ] && n=$(cat "$XLAT_TAP_COUNTER")
	n=$((n + 1))
	echo $n > "$XLAT_TAP_COUNTER"
	echo "$1 $n $XLAT_TEST: $2"
}

pass() { _tap ok "$1"; }
# skip DESC: a check that cannot run here (TAP's "# SKIP" directive).
skip() { _tap ok "# SKIP $1"; }
fail() {
	_tap "not ok" "$1"
	XLAT_FAILED=1
	shift
	[ $# -gt 0 ] && printf '#   %s\n' "$@"
	return 0
}

# check DESC CMD...: CMD succeeds.
check() {
	local desc=$1 out
	shift
	if out=$("$@" 2>&1); then
		pass "$desc"
	else
		fail "$desc" "command: $*" "output: $out"
	fi
}

# check_eq DESC EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1" "expected: $2" "actual:   $3"
	fi
}

# check_refused DESC MESSAGE CMD...: CMD fails and prints MESSAGE.
check_refused() {
	local desc=$1 msg=$2 out
	shift 2
	if out=$("$@" 2>&1); then
		fail "$desc" "command succeeded: $*" "output: $out"
	elif [[ "$out" != *"$msg"* ]]; then
		fail "$desc" "expected message: $msg" "actual: $out"
	else
		pass "$desc"
	fi
}

# wait_port NS tcp|udp PORT: wait (up to 10 s) until a socket listens.
wait_port() {
	for _ in $(seq 100); do
		ip netns exec "$1" ss -Hln --"$2" "sport = :$3" | grep -q . &&
			return 0
		sleep 0.1
	done
	return 1
}

# xlat_mibs: the xlat encap's MIB counters of the /proc/net/netstat text
# on stdin (section XlatExt), "NAME VALUE" a line in the kernel's order:
# Packets4to6, Octets4to6, Packets6to4, Octets6to4, then DropREASON.
xlat_mibs() {
	awk '$1 == "XlatExt:" && !n++ { for (i = 2; i <= NF; i++) k[i] = $i; next }
	     $1 == "XlatExt:" { for (i = 2; i <= NF; i++) print k[i], $i }'
}

# xlat_mib NS NAME: the MIB counter XlatExtNAME of namespace NS, as nstat
# shows it (history neither read nor written).
xlat_mib() {
	ip netns exec "$1" nstat -asz "XlatExt$2" |
		awk -v n="XlatExt$2" '$1 == n { print $2 }'
}

# The kernel's own reports: KASAN, UBSAN, kmemleak, lockdep, WARN, BUG.
XLAT_KERNEL_BAD='BUG:|WARNING:|KASAN:|KMSAN:|UBSAN:|kmemleak:.*suspected|possible circular|possible recursive|suspicious RCU|Oops|general protection fault'

# kmsg_mark: the number of kernel log lines so far, for kmsg_reports.
kmsg_mark() {
	dmesg 2>/dev/null | wc -l
}

# kmsg_reports MARK: the reports logged since kmsg_mark printed MARK.
kmsg_reports() {
	dmesg 2>/dev/null | tail -n +"$(($1 + 1))" | grep -aE "$XLAT_KERNEL_BAD"
}

# kmemleak_scan: on a kernel with kmemleak, scan now and print what it
# suspects (nothing elsewhere).
kmemleak_scan() {
	local k=/sys/kernel/debug/kmemleak
	mountpoint -q /sys/kernel/debug 2>/dev/null ||
		mount -t debugfs none /sys/kernel/debug 2>/dev/null
	[ -w $k ] || return 0
	echo scan > $k
	sleep 1
	echo scan > $k
	grep -a 'unreferenced object' $k
}

# Exit status of a test script: 1 if any check failed.
xlat_done() {
	exit $XLAT_FAILED
}
