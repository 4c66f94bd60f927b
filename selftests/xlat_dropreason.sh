#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Drop reasons: a packet the encap drops is freed with a reason of the
# drop-reason subsystem SKB_DROP_REASON_SUBSYS_XLAT, which skb:kfree_skb
# tracing shows. perf records the tracepoint while packets are dropped for
# two known reasons, one per direction, and must find each reason as often
# as the route's counter of that reason grew.
#
# The value of reason XLAT_DROP_<SYM> (<linux/lwtunnel_xlat.h>) is
# (SKB_DROP_REASON_SUBSYS_XLAT << 16) + XLAT_DROP_<SYM> + 1; the subsystem
# is number 4 of include/net/dropreason.h (after the core, two mac80211
# subsystems and openvswitch). The tracepoint prints a subsystem's reason
# as a number (its symbols are for the core reasons).
#
# Topology: clat_topology (lib.sh).
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require perf

TRACING=/sys/kernel/tracing
mountpoint -q $TRACING 2>/dev/null || mount -t tracefs nodev $TRACING 2>/dev/null
if [ ! -d $TRACING/events/skb/kfree_skb ]; then
	echo "# SKIP: no skb:kfree_skb trace event (a kernel without CONFIG_FTRACE)"
	exit "$KSFT_SKIP"
fi

SUBSYS_XLAT=4
# XLAT_DROP_TTL_EXCEEDED is 3, XLAT_DROP_UNTRANSLATABLE_SRC 8.
TTL_EXCEEDED=$(( (SUBSYS_XLAT << 16) + 3 + 1 ))
UNTRANSLATABLE_SRC=$(( (SUBSYS_XLAT << 16) + 8 + 1 ))

clat_topology dr || { fail "topology"; xlat_done; }

# drops NAME ROUTE-ARGS: the route's counter of drop reason NAME.
drops() {
	local name=$1
	shift
	ip -n "$R" -s "$@" | sed -nE "s/.* drop $name ([0-9]+).*/\\1/p"
}

# traced VALUE: how often perf saw drop reason VALUE (printed in hex or
# in decimal, depending on perf's version).
traced() {
	grep -cE "reason: (0x$(printf '%x' "$1")|$1)( |\$)" "$XLAT_TMP/perf.txt"
}

ttl0=$(drops ttl-exceeded route show default)
src0=$(drops untranslatable-source -6 route show "$CLAT6/128")
ip netns exec "$R" cat /proc/net/netstat | xlat_mibs > "$XLAT_TMP/mib0"

# What the encap drops while perf records:
# - 4->6: echo requests with TTL 1, which the CLAT would forward with TTL 0
#   (RFC 7915 section 4: ttl-exceeded, and a Time Exceeded back);
# - 6->4: echo requests from 2001:db8:1::2, which is outside remote-prefix6
#   and has no IPv4 form (untranslatable-source).
cat > "$XLAT_TMP/drop.sh" <<EOF
ip netns exec $H4 ping -c 3 -i 0.3 -t 1 -W 1 $SRV4
ip netns exec $H6 ping -6 -c 2 -i 0.3 -W 1 -I 2001:db8:1::2 $CLAT6
exit 0
EOF
check "perf records skb:kfree_skb" \
	perf record -q -e skb:kfree_skb -a -o "$XLAT_TMP/perf.data" -- \
	bash "$XLAT_TMP/drop.sh"
perf script -i "$XLAT_TMP/perf.data" > "$XLAT_TMP/perf.txt" 2>/dev/null

ttl=$(( $(drops ttl-exceeded route show default) - ttl0 ))
src=$(( $(drops untranslatable-source -6 route show "$CLAT6/128") - src0 ))
check_eq "4->6: the route counted 3 ttl-exceeded drops" 3 "$ttl"
check_eq "6->4: the route counted 2 untranslatable-source drops" 2 "$src"
check_eq "perf: reason XLAT_DROP_TTL_EXCEEDED ($TTL_EXCEEDED) as often" \
	"$ttl" "$(traced $TTL_EXCEEDED)"
check_eq "perf: reason XLAT_DROP_UNTRANSLATABLE_SRC ($UNTRANSLATABLE_SRC) as often" \
	"$src" "$(traced $UNTRANSLATABLE_SRC)"

# The namespace's MIB counters moved by as much, under the names the
# documentation gives, and no other drop counter moved.
ip netns exec "$R" cat /proc/net/netstat | xlat_mibs > "$XLAT_TMP/mib1"
check_eq "MIB: XlatExtDropTtlExceeded and XlatExtDropUntranslatableSrc moved as the routes' counters" \
	"DropTtlExceeded $ttl DropUntranslatableSrc $src" \
	"$(awk 'NR == FNR { was[$1] = $2; next }
		$1 ~ /^Drop/ && $2 != was[$1] { printf "%s %d ", $1, $2 - was[$1] }' \
		"$XLAT_TMP/mib0" "$XLAT_TMP/mib1" | xargs)"

# Nothing else of the subsystem: every xlat reason seen is one of the two.
others=$(grep -oE 'reason: (0x4[0-9a-f]{4}|2[0-9]{5})( |$)' "$XLAT_TMP/perf.txt" |
	grep -cvE "reason: (0x$(printf '%x' $TTL_EXCEEDED)|0x$(printf '%x' \
		$UNTRANSLATABLE_SRC)|$TTL_EXCEEDED|$UNTRANSLATABLE_SRC)( |\$)")
check_eq "perf: no other xlat drop reason" 0 "$others"

# The same through the trace event interface, for tools without perf.
echo 1 > $TRACING/events/skb/kfree_skb/enable
echo > $TRACING/trace
ip netns exec "$H4" ping -c 1 -t 1 -W 1 $SRV4 > /dev/null 2>&1
echo 0 > $TRACING/events/skb/kfree_skb/enable
check "tracefs: skb:kfree_skb shows reason $(printf '%#x' $TTL_EXCEEDED)" \
	grep -q "reason: $(printf '%#x' $TTL_EXCEEDED)" $TRACING/trace
echo > $TRACING/trace

xlat_done
