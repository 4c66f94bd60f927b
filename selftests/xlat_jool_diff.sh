#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Differential test against Jool 4.1.9, the reference SIIT translator: the
# same packets (the inputs of the KUnit vectors and of the RFC cases, and
# mutants of them) go through Jool and through xlat routes set up the same
# way, and what comes out is compared byte for byte
# (tools/xlat-jool-diff.py). Every difference must fall into a group the
# tool knows and explains; anything else fails.
#
#   +- ns jd-j6 -+      +---------- ns jd-jx ----------+      +- ns jd-j4 -+
#   |            |  t6  | Jool (netfilter instance)    |  t4  |            |
#   |   e6  -----|------| 2001:db8:ffff:ff::1/64       |------|-----  e4   |
#   |            |      | 192.0.0.6/30                 |      |            |
#   +------------+      | default via e6 / e4          |      +------------+
#                       +------------------------------+
#   +- ns jd-x6 -+      +---------- ns jd-xx ----------+      +- ns jd-x4 -+
#   |            |  t6  | xlat routes, policy routing: |  t4  |            |
#   |   e6  -----|------|  iif t4: 0.0.0.0/0 encap xlat|------|-----  e4   |
#   |            |      |          ::/0 via e6         |      |            |
#   |            |      |  iif t6: PREFIX6, EAMs of the|      |            |
#   |            |      |   IPv4 side: encap xlat,     |      |            |
#   |            |      |          0.0.0.0/0 via e4    |      |            |
#   +------------+      +------------------------------+      +------------+
#
# Jool translates whatever reaches its hook; the xlat copy gets the same
# through policy routing: every IPv4 packet from e4 takes the 4->6 encap,
# every IPv6 packet from e6 to the prefix or an EAM of IPv4-side hosts
# takes the 6->4 encap, and the translated packet (seen as received on the
# same interface) is routed out of the other side. xlat's icmp-node-id is
# off: Jool 4.1.9 has no such extension. Both translators: ICMP rate limits
# off, permanent neighbours (e6 as 2001:db8:ffff:ff::2, e4 as 192.0.0.5);
# the end namespaces drop everything they receive (after the capture).
# A packet that is routed rather than translated (a hairpinned packet
# whose new destination a 6->4 route covers, say) shows the difference
# between the models; the comparison names such groups "harness: ...".
#
# Configurations (the addresses are also in tools/xlat-jool-diff.py):
#   A, CLAT-like: prefix 64:ff9b:1::/48, EAMs 192.0.0.1/32 and
#      2001:db8:1:2::1234/128, 203.0.113.0/24 and 2001:db8:46::/120,
#      ICMP source pool 192.0.0.8/32, lowest-ipv6-mtu 1280, zero UDP
#      checksums dropped (udp-zero-checksum drop, amend-udp-checksum-zero
#      false)
#   B, as tools/xlat-rfc-cases.py: prefix 2001:db8:100::/40, EAMs
#      198.51.100.0/24 and 2001:db8:1c6:3364::/72, 203.0.113.0/24 and
#      2001:db8:3::/120, zero UDP checksums computed, no lowest-ipv6-mtu
#      (Jool: lowest-ipv6-mtu 1500, the links' MTU)
#
# The xlat replay also records which xlat drop counters (the XlatExt MIB
# counters of jd-xx) each packet moved; the comparison shows them per
# group. At the end, a table: per configuration and direction the packets
# compared, identical, with a known difference and with an unknown one,
# then every group with its count (SUSPECT groups are likely xlat defects; they count
# as unknown).
#
# XLAT_DIFF_PACKETS mutants per configuration (default 8000: one to three
# minutes under TCG; 100000 for the full run, ten to twenty), XLAT_DIFF_SEED
# the seed, XLAT_DIFF_KEEP a directory the VM can write (under vm-run, one
# in /tmp/xlatout, its results share) that the corpora, results and
# comparisons are written to as they come, so that "xlat-jool-diff.py
# compare" can run on them again outside the VM, even after a crash.
# JOOL_DIR holds jool_common.ko and jool_siit.ko (default: build/jool).
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

top=$(cd "$(dirname "$0")/.." && pwd)
JOOL_DIR=${JOOL_DIR:-${BUILD:-$top/build}/jool}
PACKETS=${XLAT_DIFF_PACKETS:-8000}
SEED=${XLAT_DIFF_SEED:-7915}
DIFF="python3 $top/tools/xlat-jool-diff.py"
X6=2001:db8:ffff:ff::1
GW6=2001:db8:ffff:ff::2
X4=192.0.0.6
GW4=192.0.0.5
INST=jd
# The namespaces of the drawing above are jd-j6 and so on with this
# script's PID after "jd", so that they are this run's alone.
JD=jd$$-

require scapy jool_siit
for m in jool_common jool_siit; do
	[ -f "$JOOL_DIR/$m.ko" ] || grep -qw "^$m" /proc/modules ||
		{ echo "# SKIP: no $JOOL_DIR/$m.ko"; exit "$KSFT_SKIP"; }
done
loaded=
if ! grep -qw '^jool_siit' /proc/modules; then
	# shellcheck disable=SC2015 # the skip is for either insmod failing
	insmod "$JOOL_DIR/jool_common.ko" && insmod "$JOOL_DIR/jool_siit.ko" ||
		{ echo "# SKIP: the Jool modules do not load"; exit "$KSFT_SKIP"; }
	loaded=1
fi

tmp=$(mktemp -d)
# shellcheck disable=SC2317 # called from the EXIT trap
done_all() {
	xlat_exit
	[ -n "$loaded" ] && rmmod jool_siit jool_common
	rm -rf "$tmp"
}
trap done_all EXIT

mac() { ip -n "$1" -j link show dev "$2" | python3 -c \
	'import json, sys; print(json.load(sys.stdin)[0]["address"])'; }

# topo P: the namespaces jd-P6, jd-Px (the translator) and jd-P4.
topo() {
	local x=${JD}${1}x n
	for n in "${JD}${1}6" "$x" "${JD}${1}4"; do ns_new "$n" || return 1; done
	veth "${JD}${1}6" e6 "$x" t6 && veth "${JD}${1}4" e4 "$x" t4 || return 1
	ip -n "$x" addr add $X6/64 dev t6 nodad
	ip -n "$x" addr add $X4/30 dev t4
	ip -n "$x" neigh add $GW6 lladdr "$(mac "${JD}${1}6" e6)" dev t6 nud permanent
	ip -n "$x" neigh add $GW4 lladdr "$(mac "${JD}${1}4" e4)" dev t4 nud permanent
	ip -n "$x" route add default via $GW4 dev t4
	ip -n "$x" -6 route add default via $GW6 dev t6
	# No rate limits, no redirects; fragments held by xlat's reassembly
	# never time out during the run (a timeout sends an ICMP error at
	# a random later moment), and a path MTU learned from a translated
	# Packet Too Big expires at once, so that no packet changes what
	# happens to the next ones.
	ip netns exec "$x" sysctl -qw net.ipv4.ip_forward=1 \
		net.ipv6.conf.all.forwarding=1 net.ipv4.icmp_ratelimit=0 \
		net.ipv4.icmp_msgs_per_sec=1000000 \
		net.ipv4.icmp_msgs_burst=1000000 \
		net.ipv6.icmp.ratelimit=0 net.ipv6.auto_flowlabels=0 \
		net.ipv4.conf.all.send_redirects=0 \
		net.ipv4.conf.t4.send_redirects=0 \
		net.ipv4.ipfrag_time=3600 net.ipv4.ipfrag_high_thresh=268435456 \
		net.ipv4.route.mtu_expires=0 net.ipv6.route.mtu_expires=0 ||
		return 1
	ip netns exec "$x" sysctl -qw \
		net.netfilter.nf_conntrack_frag6_timeout=3600 \
		net.netfilter.nf_conntrack_frag6_high_thresh=268435456 2>/dev/null
	for n in "${JD}${1}6" "${JD}${1}4"; do
		ip netns exec "$n" nft -f - <<'NFT' || return 1
table inet sink {
	chain pre { type filter hook prerouting priority -400; policy drop; }
}
NFT
	done
}

# The xlat copy's policy routing: what arrives on t4 is translated (table
# 46), and so is what arrives on t6 for the prefix or an EAM (table 64).
topo j || { fail "set up the Jool network"; xlat_done; }
topo x || { fail "set up the xlat network"; xlat_done; }
for fam in -4 -6; do
	ip -n "${JD}xx" $fam rule add iif t4 table 46 pref 100
	ip -n "${JD}xx" $fam rule add iif t6 table 64 pref 100
done
ip -n "${JD}xx" -6 route add default via $GW6 dev t6 table 46
ip -n "${JD}xx" route add default via $GW4 dev t4 table 64

jool() { ip netns exec "${JD}jx" jool_siit "$@"; }

# config_A / config_B: both translators set up for the configuration.
# shellcheck disable=SC2317 # run by run(), as config_$name
config_A() {
	local cfg="remote-prefix6 64:ff9b:1::/48 eam 192.0.0.1/32 2001:db8:1:2::1234/128 eam 203.0.113.0/24 2001:db8:46::/120 icmp-source-pool4 192.0.0.8/32 lowest-ipv6-mtu 1280 udp-zero-checksum drop icmp-node-id off"
	xlat_routes "$cfg" 64:ff9b:1::/48 2001:db8:1:2::1234/128 &&
	jool instance add "$INST" --netfilter --pool6 64:ff9b:1::/48 &&
	jool -i "$INST" eamt add 2001:db8:1:2::1234/128 192.0.0.1/32 &&
	jool -i "$INST" eamt add 2001:db8:46::/120 203.0.113.0/24 &&
	jool -i "$INST" global update rfc6791v4-prefix 192.0.0.8/32 &&
	jool -i "$INST" global update lowest-ipv6-mtu 1280 &&
	jool -i "$INST" global update amend-udp-checksum-zero false &&
	jool -i "$INST" global update eam-hairpin-mode intrinsic
}

# shellcheck disable=SC2317 # run by run(), as config_$name
config_B() {
	local cfg="remote-prefix6 2001:db8:100::/40 eam 198.51.100.0/24 2001:db8:1c6:3364::/72 eam 203.0.113.0/24 2001:db8:3::/120 icmp-source-pool4 192.0.0.8/32 udp-zero-checksum compute icmp-node-id off"
	xlat_routes "$cfg" 2001:db8:100::/40 2001:db8:1c6:3364::/72 &&
	jool instance add "$INST" --netfilter --pool6 2001:db8:100::/40 &&
	jool -i "$INST" eamt add 2001:db8:1c6:3364::/72 198.51.100.0/24 &&
	jool -i "$INST" eamt add 2001:db8:3::/120 203.0.113.0/24 &&
	jool -i "$INST" global update rfc6791v4-prefix 192.0.0.8/32 &&
	jool -i "$INST" global update lowest-ipv6-mtu 1500 &&
	jool -i "$INST" global update amend-udp-checksum-zero true &&
	jool -i "$INST" global update eam-hairpin-mode intrinsic
}

# xlat_routes CFG PREFIX6...: the encap routes of tables 46 and 64.
# shellcheck disable=SC2317 # called by config_A and config_B
xlat_routes() {
	local cfg=$1 p
	shift
	ip -n "${JD}xx" route flush table 46 2>/dev/null
	ip -n "${JD}xx" -6 route flush table 64 2>/dev/null
	# shellcheck disable=SC2086 # $cfg: the encap's arguments, split on purpose
	ip -n "${JD}xx" route add 0.0.0.0/0 table 46 encap xlat $cfg dev t6 ||
		return 1
	for p in "$@"; do
		# shellcheck disable=SC2086 # $cfg: as above
		ip -n "${JD}xx" -6 route add "$p" table 64 encap xlat $cfg dev t4 ||
			return 1
	done
}

out=$tmp
if [ -n "$XLAT_DIFF_KEEP" ]; then
	if mkdir -p "$XLAT_DIFF_KEEP" && touch "$XLAT_DIFF_KEEP/.w" 2> /dev/null
	then
		out=$XLAT_DIFF_KEEP
	else
		echo "# XLAT_DIFF_KEEP=$XLAT_DIFF_KEEP is not writable here," \
			"results stay in $tmp"
	fi
fi

# run NAME: corpus, both replays at once (one CPU each), the comparison.
run() {
	local name=$1 markers m6 m4 line start=$SECONDS
	if ! "config_$name" > "$tmp/config.log" 2>&1; then
		fail "config $name: set up both translators" \
			"$(cat "$tmp/config.log")"
		return
	fi
	markers=$($DIFF markers "$name")
	m6=${markers% *}
	m4=${markers#* }
	$DIFF corpus "$name" --packets "$PACKETS" --seed "$SEED" \
		> "$out/$name.corpus"
	echo "# config $name: corpus of $(grep -vc '^#' "$out/$name.corpus")" \
		"packets built in $((SECONDS - start)) s"
	start=$SECONDS
	for p in j x; do
		# shellcheck disable=SC2046 # "--drops NS" or nothing, split on purpose
		$DIFF replay --cpu "$([ $p = j ] && echo 0 || echo 1)" \
			--side6 ${JD}${p}6:e6 --side4 ${JD}${p}4:e4 \
			--peer6 ${JD}${p}x:t6 --peer4 ${JD}${p}x:t4 \
			--marker6 "$m6" --marker4 "$m4" \
			$([ $p = x ] && echo --drops "${JD}xx") \
			"$out/$name.corpus" > "$out/$name.$p.results" &
	done
	wait
	echo "# config $name: replayed through both in $((SECONDS - start)) s"
	$DIFF compare "$name" "$out/$name.corpus" "$out/$name.j.results" \
		"$out/$name.x.results" --json "$out/$name.json" \
		> "$out/$name.check"
	while IFS= read -r line; do
		case $line in
		ok\ *) pass "${line#ok }" ;;
		FAIL\ *) fail "${line#FAIL }" ;;
		*) echo "$line" ;;
		esac
	done < "$out/$name.check"
	jool instance remove "$INST"
}

start_all=$SECONDS
run A
run B

echo "# ==== summary: $PACKETS mutants per configuration, seed $SEED," \
	"$((SECONDS - start_all)) s"
jsons=()
for name in A B; do
	[ -f "$out/$name.json" ] && jsons+=("$out/$name.json")
done
[ ${#jsons[@]} -gt 0 ] && $DIFF table "${jsons[@]}"

xlat_done
