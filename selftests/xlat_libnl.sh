#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# libxlat (tools/libxlat): a second netlink client, built on libnl-3, that
# must agree with `ip route` both ways. Routes xlatctl installs print the
# same with ip, routes ip installs decode the same with xlatctl; replace and
# delete; the kernel's refusals reach the user; 64-entry encaps; and the
# counters after pings through a CLAT are the ones `ip -s route show` and
# the namespace's XlatExt MIB counters (nstat) have, through xlatctl and through clat-example (the calls
# a connection manager makes, on libxlat.so).
#
#   +--- ns xn-h4 ---+     +-------------- ns xn-r ---------------+     +------- ns xn-h6 --------+
#   | h4             |-----| r4 192.0.0.2/29                      |     |                         |
#   | 192.0.0.1/29   |     |  0.0.0.0/0          encap xlat 4->6  |     | 2001:db8:1::2/64        |
#   | default via    |     |  2001:db8:1:2::1234 encap xlat 6->4  |-----| h6                      |
#   |   192.0.0.2    |     |  (by xlatctl, then by clat-example)  |     | 64:ff9b:1:c633:64:700:: |
#   +----------------+     | r6 2001:db8:1::1/64                  |     |  (198.51.100.7)         |
#                          | d0 dummy: configuration tests in     |     +-------------------------+
#                          |    tables 100-133                    |
#                          +--------------------------------------+
#
# xlatctl and clat-example run inside ns xn-r through `ip netns exec`.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

XLATCTL=$(cd "$(dirname "$0")/../tools/libxlat" && pwd)/xlatctl
CLAT_EXAMPLE=$(dirname "$XLATCTL")/clat-example
if [ ! -x "$XLATCTL" ] || [ ! -x "$CLAT_EXAMPLE" ]; then
	fail "xlatctl and clat-example are built (make -C tools/libxlat)" \
		"missing: $XLATCTL or $CLAT_EXAMPLE"
	xlat_done
fi

H4=xn-h4-$$
R=xn-r-$$
H6=xn-h6-$$
SRV4=198.51.100.7
SRV6=64:ff9b:1:c633:64:700::
CLAT6=2001:db8:1:2::1234

ns_new $H4
ns_new $R
ns_new $H6
veth $H4 h4 $R r4
veth $H6 h6 $R r6
ip -n $H4 link set h4 mtu 1480
ip -n $R link set r4 mtu 1480
ip -n $R link add d0 type dummy
ip -n $R link set d0 up
ip -n $H4 addr add 192.0.0.1/29 dev h4
ip -n $H4 route add default via 192.0.0.2
ip -n $R addr add 192.0.0.2/29 dev r4
ip -n $R addr add 2001:db8:1::1/64 dev r6 nodad
ip -n $R addr add 2001:db8:ff::1/64 dev d0 nodad
ip -n $H6 addr add 2001:db8:1::2/64 dev h6 nodad
ip -n $H6 addr add $SRV6/128 dev h6 nodad
ip -n $H6 route add $CLAT6/128 via 2001:db8:1::1
ip netns exec $R sysctl -qw net.ipv4.ip_forward=1
ip netns exec $R sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n $R -6 route add 64:ff9b:1::/48 via 2001:db8:1::2

xc() { ip netns exec $R "$XLATCTL" "$@"; }

# The encap part of a route as ip (or xlatctl) prints it: from "xlat" up
# to " dev".
encap_of() {
	sed -nE 's/.*encap (xlat .*) dev .*/\1/p'
}

n_xlat_routes() {
	{ ip -n $R route show table all; ip -n $R -6 route show table all; } |
		grep -c 'encap xlat'
}

CLAT1="remote-prefix6 64:ff9b::/96 local-map 192.0.0.1/32 $CLAT6/128"
CLAT2="remote-prefix6 64:ff9b::/96 local-map 192.0.2.0/24 2001:db8:100:64::/96"
FULL="remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 $CLAT6/128"
FULL+=" local-map 192.0.2.0/24 2001:db8:100:64::/96"
FULL+=" eam 198.51.100.0/24 2001:db8:2::/120 eam 203.0.113.7/32 2001:db8:3::7/128"
FULL+=" denylist4 192.0.2.128/25 denylist4 203.0.113.0/28"
FULL+=" icmp-source-pool4 192.0.0.8/30 icmp-source-pool6 2001:db8:ff::/64"
FULL+=" udp-zero-checksum drop tclass zero tos4 0x20 lowest-ipv6-mtu 1280"
FULL+=" icmp-node-id off count"

# --- xlatctl installs, ip prints the same ------------------------------------

lib_to_ip() {
	local name=$1 fam=$2 dst=$3 table=$4 enc=$5
	# shellcheck disable=SC2086 # $enc: the encap's arguments, split on purpose
	check "xlatctl add, $name" xc add "$dst" table "$table" dev d0 $enc
	check_eq "xlatctl add, $name: ip route show prints the same encap" \
		"xlat $enc" \
		"$(ip -n $R "$fam" route show "$dst" table "$table" | encap_of)"
}

lib_to_ip "single-host CLAT, IPv4" -4 0.0.0.0/0 100 "$CLAT1"
lib_to_ip "single-host CLAT, IPv6 (family from the prefix)" -6 $CLAT6/128 100 \
	"$CLAT1"
lib_to_ip "downstream CLAT, IPv4" -4 0.0.0.0/0 101 "$CLAT2"
lib_to_ip "every attribute" -4 198.51.100.0/24 102 "$FULL"
lib_to_ip "SIIT-DC eam only, IPv6" -6 2001:db8:2::/120 102 \
	"eam 198.51.100.0/24 2001:db8:2::/120"

# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
check "xlatctl add with metric and mtu, \"encap xlat\" words included" \
	xc add 203.0.113.0/24 table 103 encap xlat $CLAT1 dev d0 metric 50 \
	mtu 1280
line=$(ip -n $R route show 203.0.113.0/24 table 103)
check_eq "ip route show: metric and mtu" "metric 50 mtu 1280" \
	"$(grep -oE 'metric [0-9]+ mtu [0-9]+' <<< "$line")"
check_eq "ip route show: the encap" "xlat $CLAT1" "$(encap_of <<< "$line")"
# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
check "xlatctl -6 default is ::/0" xc -6 add default table 103 dev d0 $CLAT1
check_eq "ip -6 route show: ::/0 with the encap" "xlat $CLAT1" \
	"$(ip -n $R -6 route show default table 103 | encap_of)"

# NetworkManager's CLAT default route carries src (RTA_PREFSRC), its metric
# and MTU: the whole route through xlatctl.
ip -n $R addr add 192.0.0.5/32 dev d0
# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
check "xlatctl add with src, metric and mtu (NetworkManager's IPv4 route)" \
	xc add default table 104 dev d0 src 192.0.0.5 metric 101 mtu 1432 $CLAT1
line=$(ip -n $R route show default table 104)
check_eq "ip route show: src, metric and mtu" "src 192.0.0.5 metric 101 mtu 1432" \
	"$(grep -oE 'src [0-9.]+ metric [0-9]+ mtu [0-9]+' <<< "$line")"
check_eq "xlatctl -j show: prefsrc" 192.0.0.5 \
	"$(xc -j show table 104 | python3 -c '
import json, sys
print(json.load(sys.stdin)[0].get("prefsrc"))')"
line=$(xc show default table 104)
# shellcheck disable=SC2086 # $line: the shown route, pasted back word by word
check "xlatctl show line with src pastes back into xlatctl replace" \
	xc replace $line
check_eq "paste-back with src: xlatctl shows the same line" "$line" \
	"$(xc show default table 104)"
# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
check "xlatctl -6 add with src" \
	xc add $CLAT6/128 table 104 dev d0 src 2001:db8:ff::1 $CLAT1
check_eq "ip -6 route show: src" "src 2001:db8:ff::1" \
	"$(ip -n $R -6 route show $CLAT6/128 table 104 | grep -oE 'src [0-9a-f:]+')"
# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
check_refused "src that is not this host's address: the kernel's reason" \
	"Error: Invalid prefsrc address" \
	xc add default table 105 dev d0 src 192.0.0.6 $CLAT1
# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
check_refused "src of the other family: a syntax error" \
	'"src" 2001:db8:ff::1 is not an IPv4 address' \
	xc add default table 105 dev d0 src 2001:db8:ff::1 $CLAT1
check_eq "refused src: nothing in table 105" "" \
	"$(ip -n $R route show table 105)"

# --- ip installs, xlatctl decodes ---------------------------------------------

# shellcheck disable=SC2086 # $FULL: the encap's arguments, split on purpose
ip -n $R route add 198.51.100.0/24 table 110 encap xlat $FULL dev d0 \
	metric 7 mtu 1400
# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
ip -n $R -6 route add $CLAT6/128 table 110 encap xlat $CLAT1 dev d0
json=$(xc -j show table 110)
check "xlatctl -j show decodes every attribute ip gave" python3 -c '
import json, sys
routes = json.loads(sys.argv[1])
assert len(routes) == 2, routes
r = [r for r in routes if r["family"] == "inet"][0]
want = {"dst": "198.51.100.0/24", "table": 110, "dev": "d0", "metric": 7,
        "mtu": 1400, "protocol": "boot"}
for k, v in want.items():
    assert r[k] == v, (k, r[k], v)
e = r["encap"]
assert e == {
    "type": "xlat",
    "remote-prefix6": "64:ff9b:1::/48",
    "local-map": [{"prefix4": "192.0.0.1/32", "prefix6": "2001:db8:1:2::1234/128"},
                  {"prefix4": "192.0.2.0/24", "prefix6": "2001:db8:100:64::/96"}],
    "eam": [{"prefix4": "198.51.100.0/24", "prefix6": "2001:db8:2::/120"},
            {"prefix4": "203.0.113.7/32", "prefix6": "2001:db8:3::7/128"}],
    "denylist4": ["192.0.2.128/25", "203.0.113.0/28"],
    "icmp-source-pool4": "192.0.0.8/30",
    "icmp-source-pool6": "2001:db8:ff::/64",
    "udp-zero-checksum": "drop", "tclass": "zero", "tos4": 32,
    "lowest-ipv6-mtu": 1280, "icmp-node-id": "off", "count": True}, e
assert "stats" not in r
' "$json"
check "xlatctl -j show: the IPv6 route, kernel default metric 1024" \
	python3 -c '
import json, sys
r = [r for r in json.loads(sys.argv[1]) if r["family"] == "inet6"][0]
assert r["dst"] == "2001:db8:1:2::1234/128" and r["metric"] == 1024, r
assert r["encap"]["local-map"] == [{"prefix4": "192.0.0.1/32",
                                    "prefix6": "2001:db8:1:2::1234/128"}]
' "$json"
check_eq "xlatctl show: text encap is what ip was given" "xlat $FULL" \
	"$(xc show 198.51.100.0/24 table 110 | encap_of)"
check_eq "xlatctl -6 show table 110: the IPv6 route only" \
	"$CLAT6/128 table 110" \
	"$(xc -6 show table 110 | cut -d' ' -f1-3)"

line=$(xc show 198.51.100.0/24 table 110)
before=$(ip -n $R route show 198.51.100.0/24 table 110)
# shellcheck disable=SC2086 # $line: the shown route, pasted back word by word
check "xlatctl show line pastes back into xlatctl replace" xc replace $line
check_eq "unchanged after paste-back" "$before" \
	"$(ip -n $R route show 198.51.100.0/24 table 110)"
check_eq "paste-back: xlatctl shows the same line" "$line" \
	"$(xc show 198.51.100.0/24 table 110)"

# --- replace and delete with xlatctl ------------------------------------------

NEW="remote-prefix6 64:ff9b::/96 local-map 192.0.0.2/32 2001:db8:1:2::1235/128"
# shellcheck disable=SC2086 # $NEW: the encap's arguments, split on purpose
check_refused "xlatctl add of an existing route: File exists" "File exists" \
	xc add 0.0.0.0/0 table 100 dev d0 $NEW
# shellcheck disable=SC2086 # $NEW: the encap's arguments, split on purpose
check "xlatctl replace: new local-map" xc replace 0.0.0.0/0 table 100 dev d0 $NEW
check_eq "xlatctl replace: ip shows the new encap" "xlat $NEW" \
	"$(ip -n $R route show 0.0.0.0/0 table 100 | encap_of)"
check_eq "xlatctl replace: one route, not two" 1 \
	"$(ip -n $R route show table 100 | grep -c '^default')"
# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
check_refused "xlatctl del with a different encap finds nothing" \
	"No such process" xc del 0.0.0.0/0 table 100 dev d0 $CLAT1
# shellcheck disable=SC2086 # $NEW: the encap's arguments, split on purpose
check "xlatctl del with the same encap" xc del 0.0.0.0/0 table 100 dev d0 $NEW
check_eq "xlatctl del: gone" "" "$(ip -n $R route show table 100)"
check "xlatctl del of an IPv6 route without its encap" \
	xc del $CLAT6/128 table 100
check_eq "xlatctl del: IPv6 route gone" "" "$(ip -n $R -6 route show table 100)"

# --- the kernel's refusals reach the user --------------------------------------

refused() {
	local desc=$1 msg=$2 before
	shift 2
	before=$(n_xlat_routes)
	check_refused "refused through xlatctl: $desc" "Error: $msg" \
		xc add 192.0.2.0/25 table 200 dev d0 "$@"
	check_eq "refused through xlatctl: $desc: nothing installed" \
		"$before" "$(n_xlat_routes)"
}

refused "remote-prefix6 length not in RFC 6052" \
	"remote-prefix6: /80 is not 32, 40, 48, 56, 64 or 96 (RFC 6052)" \
	remote-prefix6 64:ff9b::/80
refused "host bits in a prefix" "local-map: 192.0.2.1/24: host bits set" \
	remote-prefix6 64:ff9b::/96 local-map 192.0.2.1/24 2001:db8:100:64::/96
refused "lowest-ipv6-mtu below 1280" \
	"lowest-ipv6-mtu (1280 to 65535): integer out of range" \
	remote-prefix6 64:ff9b::/96 lowest-ipv6-mtu 1000
refused "an empty encap (no plain route instead)" \
	"remote-prefix6 is required unless eam entries map the far side"
out=$(xc add 192.0.2.0/25 table 200 dev d0 remote-prefix6 64:ff9b::/80 2>&1)
check_eq "a refusal exits with status 1" 1 "$?"
out=$(xc add 192.0.2.0/25 dev d0 remote-prefix6 nonsense 2>&1)
check_eq "a command line that does not parse exits with status 2" \
	"2 Error: \"remote-prefix6\" expects an IPv6 prefix: \"nonsense\"" \
	"$? $out"

# --- JSON strings are escaped -------------------------------------------------

ip -n $R link add 'q"b\s' type dummy
ip -n $R link set 'q"b\s' up
# shellcheck disable=SC2086 # $CLAT1: the encap's arguments, split on purpose
check "xlatctl add through a device named q\"b\\s" \
	xc add 192.0.2.0/24 table 120 dev 'q"b\s' $CLAT1
check "xlatctl -j show: the name comes back intact" python3 -c '
import json, sys
r = json.loads(sys.argv[1])
assert len(r) == 1 and r[0]["dev"] == "q\"b\\s", r
' "$(xc -j show table 120)"

# --- a full encap: 64 entries, the kernel's limit --------------------------------

# The kernel refuses more than 64 entries in one encap: the first skb of
# a route dump is one page, and a route that does not fit an empty one
# ends the dump silently (rtnl_dumpit() with RTNL_FLAG_DUMP_SPLIT_NLM_DONE
# turns its -EMSGSIZE into a normal end), so `ip route show` would show
# neither that route nor any after it (75 eam entries still showed, 80
# did not, when the limit was 256).
eams() {
	local i
	for i in $(seq 1 "$1"); do
		echo -n " eam 198.51.100.$((i - 1))/32 2001:db8:4::$i/128"
	done
}
big_encap() {
	local fam=$1 dst=$2 table=$3 n=$4
	# shellcheck disable=SC2046 # eams prints a word list, split on purpose
	check "xlatctl add: $n eam entries, $fam" xc "$fam" add "$dst" table "$table" \
		dev d0 remote-prefix6 64:ff9b:1::/48 $(eams "$n")
	check_eq "xlatctl -j show: $n eam entries, $fam" "$n" \
		"$(xc -j show table "$table" | python3 -c '
import json, sys
print(len(json.load(sys.stdin)[0]["encap"]["eam"]))')"
}
big_encap -4 203.0.113.0/24 130 64
big_encap -6 2001:db8:5::/64 131 64
# shellcheck disable=SC2046 # eams prints a word list, split on purpose
out=$(xc add 203.0.113.0/24 table 134 dev d0 remote-prefix6 64:ff9b:1::/48 \
	$(eams 65) 2>&1)
check "xlatctl add: 65 entries refused (at most 64 per route)" \
	grep -q "at most 64" <<< "$out"
big_encap -4 203.0.113.0/24 132 64
check_eq "ip route show: 64 eam entries from xlatctl" \
	"xlat remote-prefix6 64:ff9b:1::/48$(eams 64)" \
	"$(ip -n $R route show table 132 | encap_of)"
# shellcheck disable=SC2046 # eams prints a word list, split on purpose
ip -n $R -6 route add 2001:db8:5::/64 table 133 encap xlat \
	remote-prefix6 64:ff9b:1::/48 $(eams 64) dev d0
check_eq "xlatctl show: 64 eam entries from ip" \
	"xlat remote-prefix6 64:ff9b:1::/48$(eams 64)" \
	"$(xc show table 133 | encap_of)"

# --- memory: valgrind over a dump of all the above, and a refusal -------------

if command -v valgrind > /dev/null; then
	vg() {
		ip netns exec $R valgrind -q --error-exitcode=99 --leak-check=full \
			--errors-for-leak-kinds=definite,indirect "$@"
	}
	check "valgrind: xlatctl -j -s show, every route above" \
		vg "$XLATCTL" -j -s show
	# Every attribute, but remote-prefix6 64:ff9b::/80
	# shellcheck disable=SC2086 # $FULL's encap arguments, split on purpose
	out=$(vg "$XLATCTL" add 192.0.2.0/24 table 140 dev d0 \
		${FULL/64:ff9b:1::\/48/64:ff9b::\/80} 2>&1)
	check_eq "valgrind: a refused xlatctl add, every attribute" \
		"1 Error: remote-prefix6: /80 is not 32, 40, 48, 56, 64 or 96 (RFC 6052)" \
		"$? $out"
fi

# Out of the way of ip's dumps below (ip route flush would not see them)
check "xlatctl del: the 64-entry IPv4 route" xc del 203.0.113.0/24 table 130
check "xlatctl del: the 64-entry IPv6 route" xc del 2001:db8:5::/64 table 131

# --- counters through a CLAT: xlatctl and ip -s agree ------------------------------

SINGLE="remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 $CLAT6/128 count"
# shellcheck disable=SC2086 # $SINGLE: the encap's arguments, split on purpose
check "CLAT: xlatctl add the IPv4 default route" xc add default dev r6 $SINGLE
# shellcheck disable=SC2086 # $SINGLE: the encap's arguments, split on purpose
check "CLAT: xlatctl add the IPv6 reverse route" xc add $CLAT6/128 dev r6 $SINGLE
check "CLAT: ping 4->6->4" ip netns exec $H4 ping -c 3 -i 0.2 -W 2 $SRV4
ip netns exec $H4 ping -c 1 -W 1 -t 1 $SRV4 > /dev/null 2>&1

# "packets N bytes N drop REASON N ..." as ip -s, xlatctl -s and xlatctl -j -s
# print it.
ip_stats() {
	ip -n $R -s "$@" | grep -oE 'packets [0-9]+ bytes [0-9]+( drop [a-z0-9-]+ [0-9]+)*'
}
xc_stats() {
	xc -s show "$@" | grep -oE 'packets [0-9]+ bytes [0-9]+( drop [a-z0-9-]+ [0-9]+)*'
}
xc_json_stats() {
	xc -j show -s "$@" | python3 -c '
import json, sys
s = json.load(sys.stdin)[0]["stats"]
print(" ".join(["packets %d bytes %d" % (s["packets"], s["bytes"])] +
               ["drop %s %d" % d for d in s["drops"].items()]))'
}
want=$(ip_stats route show default)
check_eq "CLAT 4->6: 3 packets and a ttl-exceeded drop" \
	"packets 3 drop ttl-exceeded 1" \
	"$(sed -E 's/ bytes [0-9]+//' <<< "$want")"
check_eq "CLAT 4->6: xlatctl -j show -s = ip -s route show" "$want" \
	"$(xc_json_stats 0.0.0.0/0 table main)"
check_eq "CLAT 4->6: xlatctl show -s = ip -s route show" "$want" \
	"$(xc_stats 0.0.0.0/0 table main)"
want=$(ip_stats -6 route show $CLAT6/128)
check_eq "CLAT 6->4: 3 packets" "packets 3" \
	"$(sed -E 's/ bytes [0-9]+//' <<< "$want")"
check_eq "CLAT 6->4: xlatctl -j show -s = ip -s route show" "$want" \
	"$(xc_json_stats $CLAT6/128 table main)"
check_eq "CLAT 6->4: direction" "6to4" \
	"$(xc -j show -s $CLAT6/128 table main | python3 -c '
import json, sys
print(json.load(sys.stdin)[0]["stats"]["direction"])')"
check "xlatctl -j stats = nstat -j XlatExt*" python3 -c '
import json, sys
got = json.loads(sys.argv[1])
mib = {k[7:]: v for k, v in json.loads(sys.argv[2])["kernel"].items()}
want = {"4to6": {"packets": mib["Packets4to6"], "bytes": mib["Octets4to6"]},
        "6to4": {"packets": mib["Packets6to4"], "bytes": mib["Octets6to4"]}}
assert {k: got[k] for k in want} == want, (got, want)
# The n-th Drop counter is reason n (xlat.rst), named as in route dumps.
assert list(got["drops"].values()) == \
    [v for k, v in mib.items() if k.startswith("Drop")], (got, mib)
assert got["4to6"]["packets"] == 3 and got["drops"]["ttl-exceeded"] == 1, got
' "$(xc -j stats)" "$(ip netns exec $R nstat -asjz 'XlatExt*')"

# shellcheck disable=SC2086 # $SINGLE: the encap's arguments, split on purpose
check "CLAT: xlatctl del the IPv4 route" xc del default dev r6 $SINGLE
# shellcheck disable=SC2086 # $SINGLE: the encap's arguments, split on purpose
check "CLAT: xlatctl del the IPv6 route" xc del $CLAT6/128 dev r6 $SINGLE
check_eq "CLAT: both gone" "" "$(xc show table main)"

# --- the connection manager sequence of README.md (clat-example) ----------------

ce() { ip netns exec $R "$CLAT_EXAMPLE" "$@"; }
CE_ARGS=(r6 64:ff9b:1::/48 192.0.0.1 "$CLAT6")
check "clat-example up (on libxlat.so)" ce up "${CE_ARGS[@]}" 1400
line=$(ip -n $R route show default proto static)
check_eq "clat-example up: the IPv4 default route, its encap and mtu" \
	"xlat $SINGLE|mtu 1400" \
	"$(encap_of <<< "$line")|$(grep -oE 'mtu [0-9]+' <<< "$line")"
check_eq "clat-example up: the IPv6 route back" "xlat $SINGLE" \
	"$(ip -n $R -6 route show $CLAT6/128 proto static | encap_of)"
check "clat-example: ping 4->6->4" ip netns exec $H4 ping -c 2 -i 0.2 -W 2 $SRV4
check_eq "clat-example stats = ip -s route show" \
	"4to6 $(ip_stats route show default)|6to4 $(ip_stats -6 route show $CLAT6/128)" \
	"$(ce stats r6 | paste -sd'|')"
check "clat-example down" ce down "${CE_ARGS[@]}"
check_eq "clat-example down: both gone" "" "$(xc show table main)"

xlat_done
