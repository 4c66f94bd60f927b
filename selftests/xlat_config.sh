#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Configuration of the xlat encap through `ip route`: round trips, refusals
# with their messages, replace and delete, JSON, counters, and packets
# meeting both hooks without a crash.
#
#   +------------- ns xc-h ------------+      +---------- ns xc-r ----------+
#   | veth h0 192.0.2.2/24             |------| veth r0 192.0.2.1/24        |
#   | default via 192.0.2.1            |      | dummy d0 2001:db8:1::1/64   |
#   +----------------------------------+      | xlat routes under test      |
#                                             +-----------------------------+
#
# ns xc-r holds the routes. A ping from xc-r itself meets the output hook
# of its xlat route; a ping from xc-h is forwarded by xc-r and meets the
# input hook.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

R=xc-r-$$
H=xc-h-$$
ns_new $R
ns_new $H
ip link add h0 netns $H type veth peer name r0 netns $R
ip -n $R link add d0 type dummy
ip -n $R link set r0 up
ip -n $R link set d0 up
ip -n $H link set h0 up
ip -n $R addr add 192.0.2.1/24 dev r0
ip -n $R addr add 2001:db8:1::1/64 dev d0 nodad
ip -n $H addr add 192.0.2.2/24 dev h0
ip -n $H route add default via 192.0.2.1
ip netns exec $R sysctl -qw net.ipv4.ip_forward=1
ip netns exec $R sysctl -qw net.ipv6.conf.all.forwarding=1

n_xlat_routes() {
	{ ip -n $R route show table all; ip -n $R -6 route show table all; } |
		grep -c 'encap xlat'
}

# The encap part of a route as `ip route show` prints it: from "xlat" up to
# the first word that is not ours.
encap_of() {
	sed -nE 's/.*encap (xlat .*) dev .*/\1/p'
}

# --- round trips ----------------------------------------------------------

CLAT1="remote-prefix6 64:ff9b::/96 local-map 192.0.0.1/32 2001:db8:1:2::1234/128"
CLAT2="remote-prefix6 64:ff9b::/96 local-map 192.0.2.0/24 2001:db8:100:64::/96"
FULL="remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 2001:db8:1:2::1234/128"
FULL+=" local-map 192.0.2.0/24 2001:db8:100:64::/96"
FULL+=" eam 198.51.100.0/24 2001:db8:2::/120 eam 203.0.113.7/32 2001:db8:3::7/128"
FULL+=" denylist4 192.0.2.128/25 denylist4 203.0.113.0/28"
FULL+=" icmp-source-pool4 192.0.0.8/30 icmp-source-pool6 2001:db8:ff::/64"
FULL+=" udp-zero-checksum drop tclass zero tos4 0x20 lowest-ipv6-mtu 1280"
FULL+=" icmp-node-id off count"

roundtrip() {
	local name=$1 fam=$2 dst=$3 table=$4 enc=$5 line
	# shellcheck disable=SC2086 # $enc: the encap's arguments, split on purpose
	check "$name: add" ip -n $R "$fam" route add "$dst" table "$table" \
		encap xlat $enc dev d0
	line=$(ip -n $R "$fam" route show "$dst" table "$table")
	check_eq "$name: show prints the same encap" "xlat $enc" \
		"$(encap_of <<< "$line")"
	# Paste the whole line back: it must parse and change nothing.
	# shellcheck disable=SC2086 # $line: the shown route, pasted back word by word
	check "$name: the shown line pastes back" \
		ip -n $R "$fam" route replace $line table "$table"
	check_eq "$name: unchanged after paste-back" "$line" \
		"$(ip -n $R "$fam" route show "$dst" table "$table")"
}

roundtrip "single-host CLAT, IPv4 route" -4 0.0.0.0/0 100 "$CLAT1"
roundtrip "single-host CLAT, IPv6 route" -6 2001:db8:1:2::1234/128 100 "$CLAT1"
roundtrip "downstream CLAT, IPv4 route" -4 0.0.0.0/0 101 "$CLAT2"
roundtrip "downstream CLAT, IPv6 route" -6 2001:db8:100:64::/96 101 "$CLAT2"
roundtrip "every attribute" -4 198.51.100.0/24 102 "$FULL"
roundtrip "SIIT-DC eam only" -6 2001:db8:2::/120 102 \
	"eam 198.51.100.0/24 2001:db8:2::/120"

# --- refusals: a clear message, and nothing installed ---------------------

refused() {
	local desc=$1 msg=$2 before
	shift 2
	before=$(n_xlat_routes)
	check_refused "refused: $desc" "$msg" \
		ip -n $R route add 192.0.2.0/25 table 200 encap xlat "$@" dev d0
	check_eq "refused: $desc: nothing installed" "$before" "$(n_xlat_routes)"
}

refused "remote-prefix6 length not in RFC 6052" \
	"remote-prefix6: /80 is not 32, 40, 48, 56, 64 or 96 (RFC 6052)" \
	remote-prefix6 64:ff9b::/80
refused "local-map neither equal suffixes nor an RFC 6052 embedding" \
	"local-map: suffixes of /24, /80 differ; /80 is no RFC 6052 length" \
	remote-prefix6 64:ff9b::/96 local-map 192.0.2.0/24 2001:db8:100::/80
refused "non-zero u-octet in remote-prefix6" \
	"remote-prefix6: bits 64-71 (u-octet) must be zero (RFC 6052)" \
	remote-prefix6 2001:db8:0:0:100::/96
refused "non-zero u-octet in a local-map embedding prefix" \
	"local-map: bits 64-71 (u-octet) must be zero (RFC 6052)" \
	remote-prefix6 64:ff9b::/96 local-map 192.0.2.0/24 2001:db8:0:0:ff00::/96
refused "missing remote-prefix6 with local-map only" \
	"remote-prefix6 is required unless eam entries map the far side" \
	local-map 192.0.0.1/32 2001:db8:1:2::1234/128
refused "eam whose IPv4 suffix is longer than its IPv6 suffix" \
	"eam: IPv4 suffix of /24 is longer than IPv6 suffix of /124 (RFC 7757 3.2)" \
	eam 192.0.2.0/24 2001:db8::/124
refused "host bits in a prefix" "local-map: 192.0.2.1/24: host bits set" \
	remote-prefix6 64:ff9b::/96 local-map 192.0.2.1/24 2001:db8:100:64::/96
refused "the same IPv4 prefix mapped twice" "is mapped twice" \
	remote-prefix6 64:ff9b::/96 local-map 192.0.0.1/32 2001:db8::1/128 \
	local-map 192.0.0.1/32 2001:db8::2/128
refused "lowest-ipv6-mtu below 1280" \
	"lowest-ipv6-mtu (1280 to 65535): integer out of range" \
	remote-prefix6 64:ff9b::/96 lowest-ipv6-mtu 1000
refused "denylist4 without remote-prefix6" "denylist4 only restricts" \
	eam 192.0.2.1/32 2001:db8::1/128 denylist4 192.0.2.0/24

# --- replace and delete ---------------------------------------------------

check "replace: new local-map" ip -n $R route replace 0.0.0.0/0 table 100 \
	encap xlat remote-prefix6 64:ff9b::/96 \
	local-map 192.0.0.2/32 2001:db8:1:2::1235/128 dev d0
check_eq "replace: show has the new encap" \
	"xlat remote-prefix6 64:ff9b::/96 local-map 192.0.0.2/32 2001:db8:1:2::1235/128" \
	"$(ip -n $R route show 0.0.0.0/0 table 100 | encap_of)"
check_eq "replace: one route, not two" 1 \
	"$(ip -n $R route show table 100 | grep -c '^default')"
check_refused "delete with a different encap finds nothing" "No such process" \
	ip -n $R route del 0.0.0.0/0 table 100 encap xlat \
	remote-prefix6 64:ff9b::/96 local-map 192.0.0.1/32 2001:db8:1:2::1234/128 \
	dev d0
check "delete with the same encap" ip -n $R route del 0.0.0.0/0 table 100 \
	encap xlat remote-prefix6 64:ff9b::/96 \
	local-map 192.0.0.2/32 2001:db8:1:2::1235/128 dev d0
check_eq "delete: gone" "" "$(ip -n $R route show table 100)"
check "ip -6 route del" ip -n $R -6 route del 2001:db8:1:2::1234/128 table 100
check_eq "ip -6 route del: gone" "" "$(ip -n $R -6 route show table 100)"

# --- JSON -----------------------------------------------------------------

json=$(ip -n $R -j route show 198.51.100.0/24 table 102)
check "ip -j route show: the encap as JSON" python3 -c '
import json, sys
text = json.dumps(json.loads(sys.argv[1])[0])
for want in ("64:ff9b:1::/48", "192.0.0.1/32", "2001:db8:1:2::1234/128",
             "198.51.100.0/24", "192.0.2.128/25", "2001:db8:ff::/64"):
    assert want in text, want
' "$json"

# --- packets meet both hooks; counters see them ---------------------------

# Without `count` the route keeps no counters of its own (its dump has no
# XLAT_ATTR_STATS); the namespace's totals count all the same.
# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
ip -n $R route add 198.51.100.0/24 encap xlat $CLAT1 dev d0
ip netns exec $R ping -c 1 -W 1 198.51.100.7 > /dev/null 2>&1
check_eq "without count: ip -s route show has no counters" "" \
	"$(ip -n $R -s route show 198.51.100.0/24 | grep -oE ' (count|packets|drop) ')"
check_eq "without count: the netns total (nstat) counts the drop" 1 \
	"$(xlat_mib $R DropNoNearSideMapping)"
# With it, from the replace on.
# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
ip -n $R route replace 198.51.100.0/24 encap xlat $CLAT1 count dev d0
ip netns exec $R ping -c 2 -W 1 198.51.100.7 > /dev/null 2>&1
ip netns exec $H ping -c 3 -W 1 198.51.100.7 > /dev/null 2>&1
stats=$(ip -n $R -s route show 198.51.100.0/24)
check "count: ip route show says count" \
	grep -q " count " <<< "$(ip -n $R route show 198.51.100.0/24)"
check_eq "ip -s route show: packets translated" "0" \
	"$(sed -nE 's/.* packets ([0-9]+) bytes .*/\1/p' <<< "$stats")"
# Neither 192.0.2.1 (local) nor 192.0.2.2 (forwarded) is in local-map.
check_eq "per-route drop counter: 2 local + 3 forwarded" "5" \
	"$(sed -nE 's/.*drop no-near-side-mapping ([0-9]+).*/\1/p' <<< "$stats")"
check_eq "netns total (nstat XlatExtDropNoNearSideMapping): 1 + 5" 6 \
	"$(xlat_mib $R DropNoNearSideMapping)"
check_eq "netns totals: no packet translated either way" "0 0" \
	"$(xlat_mib $R Packets4to6) $(xlat_mib $R Packets6to4)"
check "namespace with xlat routes deletes cleanly" ip netns del $R

# --- the documented drop reasons are the kernel's -------------------------

doc=$(dirname "$0")/../Documentation/networking/xlat.rst
# The table gives each reason its name (ip route) and its MIB counter,
# which the kernel lists in the order of enum xlat_drop_reason.
# shellcheck disable=SC2016 # the backquotes are reStructuredText, for sed
table=$(sed -n '/^Drop reasons/,/^Limits/p' "$doc" | sed -nE \
	-e 's/^   \* - ``([a-z0-9-]+)``$/name \1/p' \
	-e 's/^     - ``(Drop[A-Za-z0-9]+)``$/mib \1/p')
check_eq "Documentation lists every drop reason's MIB counter, in the kernel's order" \
	"$(xlat_mibs < /proc/net/netstat | awk '$1 ~ /^Drop/ { print $1 }' | xargs)" \
	"$(awk '$1 == "mib" { print $2 }' <<< "$table" | xargs)"
check_eq "Documentation: a name for every reason, as many as counters" \
	"$(awk '$1 == "mib"' <<< "$table" | wc -l)" \
	"$(awk '$1 == "name"' <<< "$table" | wc -l)"
check_eq "every XlatExt counter fits the 31 columns of nstat" "" \
	"$(xlat_mibs < /proc/net/netstat | awk 'length("XlatExt" $1) > 31 { print $1 }')"
check_eq "nstat shows them all, name and value apart" \
	"$(xlat_mibs < /proc/net/netstat | wc -l)" \
	"$(nstat -asz 'XlatExt*' | grep -cE '^XlatExt[A-Za-z0-9]+ +[0-9]+ ')"

xlat_done
