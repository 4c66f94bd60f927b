#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What a user without privilege reaches. `unshare -Urn` gives any user
# CAP_NET_ADMIN in a network namespace of their own, so the encap's
# configuration parser and its datapath are both reachable without
# privilege (Documentation/networking/xlat.rst, "Security"). As user
# nobody (65534), in user and network namespaces it creates itself, this
# test shows that such a user
#   - configures xlat routes and sends traffic through them;
#   - sees counters and XlatExt MIB counters of their own namespace only, and
#     nobody else sees theirs;
#   - runs the configuration fuzzer and a packet mutation test there;
#   - destroys namespaces under load, and everything is freed (kmemleak on
#     the debug kernel, and the namespaces' memory here).
#
#   +------------ user + net ns of nobody (one per step) -------------+
#   |  veth va (no address) -- veth vb 192.0.2.1/24, 2001:db8:1::1/64 |
#   |  dummy d0: default routes of both families                       |
#   |  203.0.113.0/24       encap xlat (4->6)                          |
#   |  2001:db8:1:2::1234   encap xlat (6->4)                          |
#   +------------------------------------------------------------------+
#
# Frames sent on va arrive on vb and are forwarded into the xlat routes;
# local sockets meet the routes' output hook.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

TOP=$(cd "$(dirname "$0")/.." && pwd)
FUZZ=$TOP/tools/nlfuzz/xlat-nlfuzz
MUT=$TOP/tools/xlat-mutate-send.py
CLAT6=2001:db8:1:2::1234
CFG="remote-prefix6 64:ff9b:1::/96 local-map 192.0.2.2/32 $CLAT6/128 local-map 192.0.2.1/32 2001:db8:1:2::1/128 count"
WORK=$(mktemp -d)
chmod 1777 "$WORK"	# nobody writes its marks here
HOLDERS=()

# shellcheck disable=SC2317 # called from the EXIT trap
cleanup_userns() {
	local p
	for p in "${HOLDERS[@]}"; do
		kill -9 "$p" 2>/dev/null
	done
	rm -rf "$WORK"
}
trap 'cleanup_userns; xlat_exit' EXIT

# as_nobody CMD...: run CMD as user nobody, without any capability.
as_nobody() {
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
		--bounding-set=-all -- "$@"
}

# The namespace's setup, as root of the new user namespace.
SETUP="
set -e
ip link set lo up
ip link add va type veth peer name vb
ip link add d0 type dummy
ip link set va up; ip link set vb up; ip link set d0 up
ip addr add 192.0.2.1/24 dev vb
ip addr add 2001:db8:1::1/64 dev vb nodad
ip route add default dev d0
ip -6 route add default dev d0
sysctl -qw net.ipv4.ip_forward=1
sysctl -qw net.ipv6.conf.all.forwarding=1
ip route add 203.0.113.0/24 encap xlat $CFG dev d0
ip -6 route add $CLAT6/128 encap xlat $CFG dev d0
ip addr add 64:ff9b:1::c633:6401/128 dev d0 nodad
"

# holder NAME: a user and network namespace of nobody, set up, held by a
# sleeping process whose pid is written to $WORK/NAME.pid once it is set up.
holder() {
	# the pid is the namespaces' own process, which sleep replaces
	as_nobody unshare -Urn bash -c "$SETUP
		echo \$\$ > $WORK/$1.pid
		exec sleep 600" > "$WORK/$1.log" 2>&1 &
	HOLDERS+=($!)
	disown $!	# killed at the end: no job notice
	for _ in $(seq 100); do
		if [ -s "$WORK/$1.pid" ]; then
			HOLDERS+=("$(cat "$WORK/$1.pid")")
			return 0
		fi
		kill -0 $! 2>/dev/null || break
		sleep 0.1
	done
	return 1
}

# in_ns NAME CMD...: run CMD as nobody, entering NAME's user and network
# namespaces (where nobody is root, as the namespaces' owner).
in_ns() {
	local pid
	pid=$(cat "$WORK/$1.pid")
	shift
	as_nobody nsenter -t "$pid" -U -n --preserve-credentials -- "$@"
}

# counted NAME ROUTE-ARGS: packets plus drops of one route, from inside.
counted() {
	local ns=$1
	shift
	in_ns "$ns" ip -s "$@" | python3 -c '
import re, sys
t = sys.stdin.read()
n = sum(int(v) for v in re.findall(r" drop [a-z0-9-]+ ([0-9]+)", t))
m = re.search(r" packets ([0-9]+)", t)
print(n + (int(m.group(1)) if m else 0))'
}

# mibs [NS]: the packet counters of namespace NS's MIB (XlatExt of
# /proc/net/netstat, what nstat shows), of the initial namespace without.
mibs() {
	if [ $# -gt 0 ]; then
		in_ns "$1" cat /proc/net/netstat
	else
		cat /proc/net/netstat
	fi | xlat_mibs | awk '$1 ~ /^Packets/ { print $1 "=" $2 }' | tr '\n' ' '
}

# --- 1. creating and configuring -------------------------------------------

uid=$(as_nobody unshare -Urn id -u 2>&1)
check_eq "nobody creates a user and network namespace and is uid 0 in it" 0 "$uid"

if holder A; then
	pass "nobody adds xlat routes in it: 4->6 and 6->4 with remote-prefix6 and local-map"
else
	fail "nobody adds xlat routes in it" "$(cat "$WORK/A.log")"
	xlat_done
fi
holder B || fail "second namespace B" "$(cat "$WORK/B.log")"

out=$(in_ns A ip route add 198.51.100.0/24 encap xlat remote-prefix6 64:ff9b::/95 dev d0 2>&1)
if [[ "$out" == *"remote-prefix6"* ]]; then
	pass "the parser answers nobody with an extack message naming the attribute"
else
	fail "the parser answers nobody with an extack message naming the attribute" "$out"
fi

# --- 2. traffic, and counters per namespace ------------------------------------

init_before=$(mibs)
in_ns A python3 - "$CLAT6" <<'EOF'
import socket, sys
s4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s4.bind(("192.0.2.1", 0))
s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s6.bind(("64:ff9b:1::c633:6401", 0))
for i in range(100):
    # the output hook of both routes: local datagrams
    s4.sendto(b"x" * 32, ("203.0.113.5", 9))
    s6.sendto(b"y" * 32, (sys.argv[1], 9))
EOF
# Forwarded traffic: the seeds of the mutation test, unmutated, from a.
bmac=$(in_ns A ip -br link show vb | awk '{ print $3 }')
seed_args=(--ifname va --dst-mac "$bmac" --src4 192.0.2.2 --dst4 203.0.113.7
	   --src6 64:ff9b:1::cb00:7107 --dst6 "$CLAT6")
in_ns A python3 "$MUT" "${seed_args[@]}" --seeds-only > /dev/null
sleep 0.5
c46=$(counted A route show 203.0.113.0/24)
c64=$(counted A -6 route show $CLAT6/128)
if [ "$c46" -ge 110 ] && [ "$c64" -ge 110 ]; then
	pass "nobody's traffic is counted by nobody's routes (4->6 $c46, 6->4 $c64)"
else
	fail "nobody's traffic is counted by nobody's routes" "4->6 $c46 (>= 110), 6->4 $c64 (>= 110)"
fi
a_mib=$(mibs A)
if [[ "$a_mib" =~ Packets4to6=([0-9]+) ]] && [ "${BASH_REMATCH[1]}" -gt 0 ]; then
	pass "the XlatExt MIB counters in A count A's traffic ($a_mib)"
else
	fail "the XlatExt MIB counters in A count A's traffic" "$a_mib"
fi
check_eq "the XlatExt MIB counters in B, same routes and no traffic, stay at zero" \
	"Packets4to6=0 Packets6to4=0 " "$(mibs B)"
check_eq "B's routes count nothing of A's traffic" "0 0" \
	"$(counted B route show 203.0.113.0/24) $(counted B -6 route show $CLAT6/128)"
check_eq "the initial namespace's XlatExt MIB counters did not move" \
	"$init_before" "$(mibs)"
out=$(ip -s route show table all 2>/dev/null | grep -c 'encap xlat')
check_eq "the initial namespace does not see nobody's routes" 0 "$out"

# --- 3. the packet mutation test, inside --------------------------------------

mark=$(kmsg_mark)
before=$((c46 + c64))
sent=$(in_ns A python3 "$MUT" "${seed_args[@]}" --count 3000 --seed 7915 2>&1)
sleep 1
after=$(( $(counted A route show 203.0.113.0/24) + $(counted A -6 route show $CLAT6/128) ))
if [[ "$sent" == "sent "* ]] && [ $after -gt $before ]; then
	pass "mutation test as nobody: $sent, $((after - before)) reached the routes (translated or dropped with a reason)"
else
	fail "mutation test as nobody" "$sent" "counted before $before, after $after"
fi
check_eq "mutation test as nobody: no kernel report" "" "$(kmsg_reports "$mark")"
# still translating afterwards
b4=$(counted A route show 203.0.113.0/24)
in_ns A python3 "$MUT" "${seed_args[@]}" --seeds-only > /dev/null
sleep 0.5
a4=$(counted A route show 203.0.113.0/24)
check "the routes still translate after the mutation test" test "$a4" -gt "$b4"

# --- 4. the configuration fuzzer, inside ----------------------------------------

mark=$(kmsg_mark)
N=${XLAT_NLFUZZ_USERNS_MESSAGES:-1500}
out=$(as_nobody unshare -Urn bash -c "
	ip link set lo up
	ip link add d0 type dummy
	ip link set d0 up
	ip addr add 192.0.2.1/24 dev d0
	ip addr add 2001:db8:1::1/64 dev d0 nodad
	ip route add default dev d0
	ip -6 route add default dev d0
	exec $FUZZ -d d0 -n $N -s 7916" 2>&1)
rc=$?
echo "$out" | sed 's/^/# /' | head -8
if [ $rc -eq 0 ]; then
	pass "configuration fuzzer as nobody: $(echo "$out" | head -1)"
else
	fail "configuration fuzzer as nobody: exit status $rc" "$(echo "$out" | grep -A12 '^# FAIL' | head -40)"
fi
check_eq "configuration fuzzer as nobody: no kernel report" "" "$(kmsg_reports "$mark")"

# --- 5. namespaces destroyed under load -------------------------------------------

# SUnreclaim of /proc/meminfo, in kB, after the deferred frees have run.
settled_slab() {
	for _ in 1 2 3; do
		echo 3 > /proc/sys/vm/drop_caches 2>/dev/null
		sleep 1
	done
	# SLUB keeps empty slabs on per-CPU and partial lists: release them
	for f in /sys/kernel/slab/*/shrink; do
		echo 1 > "$f" 2>/dev/null
	done
	awk '/^SUnreclaim:/ { print $2 }' /proc/meminfo
}

# run_under_load N: N times, a namespace of nobody with the xlat routes and
# traffic through them both ways is killed in the middle of the traffic.
# Root links each one by a veth to namespace $OBS: when the namespace is
# dismantled (its last reference gone), the veth pair goes with it. Prints
# how many were dismantled within 20 s.
OBS=un-obs-$$
ns_new $OBS
run_under_load() {
	local k pid gone=0
	for k in $(seq "$1"); do
		rm -f "$WORK/load.pid"
		# its own session, so that kill 0 kills the namespace's
		# processes at once, and nothing else
		as_nobody setsid --wait unshare -Urn bash -c "$SETUP
			echo \$\$ > $WORK/load.pid
			python3 - <<'EOF' &
import socket
s4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s4.bind(('192.0.2.1', 0))
s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s6.bind(('64:ff9b:1::c633:6401', 0))
while True:
    for n in (40, 1400, 3000):
        try:
            s4.sendto(b'x' * n, ('203.0.113.5', 9))
            s6.sendto(b'y' * n, ('$CLAT6', 9))
        except OSError:
            pass
EOF
			sleep 2
			kill -9 0" > /dev/null 2>&1 &
		for _ in $(seq 50); do
			[ -s "$WORK/load.pid" ] && break
			sleep 0.1
		done
		pid=$(cat "$WORK/load.pid" 2>/dev/null)
		[ -n "$pid" ] &&
			ip -n $OBS link add "o$k" type veth peer name obs netns "$pid"
		wait $!
		for _ in $(seq 200); do
			if ! ip -n $OBS link show "o$k" > /dev/null 2>&1; then
				gone=$((gone + 1))
				break
			fi
			sleep 0.1
		done
	done
	echo $gone
}

mark=$(kmsg_mark)
# warm-up: the first namespaces allocate caches that stay
run_under_load 3 > /dev/null
base=$(settled_slab)
gone=$(run_under_load 15)
check_eq "15 namespaces killed under load are all dismantled (their veth to root's namespace vanished)" \
	15 "$gone"
end=$(settled_slab)
echo "# SUnreclaim ${base} kB before 15 namespaces destroyed under load, ${end} kB after"
# The check that counts is the one above (and kmemleak on the debug
# kernel); this one catches a leak of a few tens of kB per namespace.
if [ $((end - base)) -lt 512 ]; then
	pass "namespaces destroyed under load: unreclaimable slab ${base} -> ${end} kB"
else
	fail "namespaces destroyed under load leave memory behind" "SUnreclaim ${base} -> ${end} kB"
fi
check_eq "namespaces destroyed under load: no kernel report" "" "$(kmsg_reports "$mark")"
check_eq "namespaces destroyed under load: kmemleak finds nothing (debug kernel)" "" "$(kmemleak_scan)"
xlat_done
