#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: 464XLAT (RFC 6877) built from xlat routes only, with real
# traffic, judged step by step. Every step prints "ok ..." or "FAIL ...";
# the demo ends with a summary and exits non-zero when a step failed. A
# command that sets the lab up and fails stops the demo at once.
#
#  IPv4-only client     CLAT                IPv6-only       PLAT (stateless)     IPv4-only server
#  +-----------+     +-----------+          network        +-----------+       +---------------+
#  | demo-cli  |-----| demo-clat |=========================| demo-plat |-------| demo-srv      |
#  | 192.0.0.1 |     | xlat 4->6 | 2001:db8:1::1  ::2      | xlat 6->4 |       | 203.0.113.10  |
#  +-----------+     | xlat 6->4 |                         | xlat 4->6 |       +---------------+
#                    +-----------+                         +-----------+
#
# Every link has an MTU of 1500. A full-size IPv4 packet grows by 20 bytes
# when translated, so the translators answer the first ones with
# Fragmentation Needed (MTU 1480) and the end hosts adapt (RFC 7915
# section 4.1, path MTU discovery).
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

CLI=demo-cli
CLAT=demo-clat
PLAT=demo-plat
SRV=demo-srv
CLAT6=2001:db8:1:2::1234
SRV4=203.0.113.10
PUB4=198.51.100.1
# count: the routes keep counters of their own, which the demo prints.
CLATMAP=(remote-prefix6 64:ff9b:1::/48 local-map 192.0.0.1/32 "$CLAT6/128" count)
PLATMAP=(remote-prefix6 64:ff9b:1::/48 eam "$PUB4/32" "$CLAT6/128" count)

OK=0
FAILED=0
tmp=$(mktemp -d)
trap 'xlat_exit; rm -rf "$tmp"' EXIT

say() { printf '%s\n' "$*"; }
ok() { OK=$((OK + 1)); say "ok   $*"; }
bad() { FAILED=$((FAILED + 1)); say "FAIL $*"; }

summary() {
	say ""
	if [ $FAILED -eq 0 ]; then
		say "demo: all $OK steps passed"
	else
		say "demo: $FAILED of $((OK + FAILED)) steps FAILED"
	fi
}

# must CMD...: a set-up command; on failure, stop here with its error.
must() {
	local rc

	"$@" > "$tmp/must.out" 2>&1
	rc=$?
	if [ $rc -ne 0 ]; then
		bad "$* -> $(tr '\n' ' ' < "$tmp/must.out")(exit status $rc)"
		summary
		exit 1
	fi
	sed 's/^/  /' "$tmp/must.out"
}

# show CMD...: print a command that matters, then run it with must.
show() {
	say "  # $*"
	must "$@"
}

say "== 464XLAT from xlat routes: topology"
sed -n '/^#  IPv4-only client/,+5s/^#//p' "$0"
say ""

if ! ip route help 2>&1 | grep -q xlat; then
	bad "the ip in PATH ($(command -v ip)) does not know 'encap xlat': build it with 'make iproute2' (build/bin/ip)"
	summary
	exit 1
fi

for n in $CLI $CLAT $PLAT $SRV; do must ns_new "$n"; done
must veth $CLI c0 $CLAT c1
must veth $CLAT x0 $PLAT x1
must veth $SRV s0 $PLAT s1
must ip -n $CLI addr add 192.0.0.1/29 dev c0
must ip -n $CLI route add default via 192.0.0.2
must ip -n $CLAT addr add 192.0.0.2/29 dev c1
must ip -n $CLAT addr add 2001:db8:1::1/64 dev x0 nodad
must ip -n $PLAT addr add 2001:db8:1::2/64 dev x1 nodad
must ip -n $PLAT addr add 203.0.113.1/24 dev s1
must ip -n $SRV addr add $SRV4/24 dev s0
must ip -n $SRV route add default via 203.0.113.1
for n in $CLAT $PLAT; do
	must ip netns exec "$n" sysctl -qw net.ipv4.ip_forward=1 \
		net.ipv6.conf.all.forwarding=1
done

say "== CLAT: 192.0.0.1 <-> $CLAT6, the IPv4 Internet under 64:ff9b:1::/48"
show ip -n $CLAT route add default encap xlat "${CLATMAP[@]}" dev x0
show ip -n $CLAT -6 route add $CLAT6/128 encap xlat "${CLATMAP[@]}" dev x0
must ip -n $CLAT -6 route add 64:ff9b:1::/48 via 2001:db8:1::2
show ip -n $CLAT route show default
ok "CLAT routes installed: IPv4 default (4->6) and $CLAT6/128 (6->4)"

say "== PLAT: stateless, the client's public IPv4 is $PUB4 (eam)"
show ip -n $PLAT -6 route add 64:ff9b:1::/48 encap xlat "${PLATMAP[@]}" dev x1
show ip -n $PLAT route add $PUB4/32 encap xlat "${PLATMAP[@]}" dev s1
must ip -n $PLAT -6 route add $CLAT6/128 via 2001:db8:1::1
ok "PLAT routes installed: 64:ff9b:1::/48 (6->4) and $PUB4/32 (4->6)"

say "== traffic from the IPv4-only client to the IPv4-only server"
incli() { ip netns exec $CLI "$@"; }
insrv() { ip netns exec $SRV "$@"; }

out=$(incli ping -c 3 -i 0.2 -W 3 $SRV4 2>&1)
if grep -q ' 0% packet loss' <<< "$out"; then
	ok "ping $SRV4: 3 of 3 answered ($(grep -o 'rtt.*' <<< "$out"))"
else
	bad "ping $SRV4: $(grep -E 'packet loss|unreachable|Error' <<< "$out" | head -1)"
fi

head -c 1000000 /dev/urandom > "$tmp/data"
insrv timeout 30 socat -u TCP4-LISTEN:5001,reuseaddr \
	SYSTEM:"sha256sum > $tmp/got" 2> "$tmp/tcp.err" &
if wait_port $SRV tcp 5001 &&
   incli timeout 30 socat -u OPEN:"$tmp/data" TCP4:$SRV4:5001 2>> "$tmp/tcp.err"; then
	wait
	sent=$(sha256sum < "$tmp/data" | cut -c1-16)
	got=$(cut -c1-16 "$tmp/got" 2>/dev/null)
	if [ "$sent" = "$got" ]; then
		ok "TCP: 1 MB to $SRV4:5001, sha256 $sent... at both ends"
	else
		bad "TCP: sha256 sent $sent..., received '${got:-nothing}'"
	fi
else
	wait
	bad "TCP: transfer failed: $(head -1 "$tmp/tcp.err")"
fi

msg="a UDP datagram through CLAT and PLAT"
insrv timeout 15 socat -u UDP4-RECVFROM:5002 OPEN:"$tmp/udp",creat 2>/dev/null &
if wait_port $SRV udp 5002; then
	incli socat -u - UDP4-SENDTO:$SRV4:5002 <<< "$msg"
fi
wait
if [ "$(cat "$tmp/udp" 2>/dev/null)" = "$msg" ]; then
	ok "UDP: datagram to $SRV4:5002 received intact"
else
	bad "UDP: expected '$msg', received '$(cat "$tmp/udp" 2>/dev/null)'"
fi

# The server tells the client which address it sees: the PLAT's eam.
cat > "$tmp/httpd.py" << 'EOF'
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("hello from %s, you are %s\n" %
                (sys.argv[1], self.client_address[0])).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.HTTPServer((sys.argv[1], 8080), H).handle_request()
EOF
insrv timeout 30 python3 "$tmp/httpd.py" $SRV4 2> "$tmp/http.err" &
if wait_port $SRV tcp 8080; then
	body=$(incli python3 -c '
import sys, urllib.request
try:
    print(urllib.request.urlopen(sys.argv[1], timeout=10).read().decode(), end="")
except Exception as e:
    print("error:", e)' "http://$SRV4:8080/" 2>&1)
else
	body="the server did not start: $(head -1 "$tmp/http.err")"
fi
wait
if [ "$body" = "hello from $SRV4, you are $PUB4" ]; then
	ok "HTTP GET http://$SRV4:8080/: \"$body\""
else
	bad "HTTP GET http://$SRV4:8080/: $body"
fi

# --- counters ---------------------------------------------------------------

say "== per-route counters (ip -s route show)"
# route NS FAMILY PREFIX NAME: one row of the table, and its numbers.
declare -A PKTS
TABLE=""
table() {
	ip -n "$1" -j -s "$2" route show "$3" | python3 -c '
import json, sys
name, r = sys.argv[1], json.load(sys.stdin)
s = r[0].get("stats", {}) if r else {}
drops = ", ".join("%s %d" % kv for kv in sorted(s.get("drops", {}).items()))
print("%d %-36s %9d %10d  %s" % (s.get("packets", 0), name, s.get("packets", 0),
      s.get("bytes", 0), drops or "-"))' "$4"
}
printf '  %-36s %9s %10s  %s\n' route packets bytes drops
rows=(
	"clat4to6 $CLAT -4 default CLAT default (4->6)"
	"clat6to4 $CLAT -6 $CLAT6/128 CLAT $CLAT6/128 (6->4)"
	"plat6to4 $PLAT -6 64:ff9b:1::/48 PLAT 64:ff9b:1::/48 (6->4)"
	"plat4to6 $PLAT -4 $PUB4/32 PLAT $PUB4/32 (4->6)"
)
for r in "${rows[@]}"; do
	read -r key ns fam pfx name <<< "$r"
	line=$(table "$ns" "$fam" "$pfx" "$name")
	PKTS[$key]=${line%% *}
	say "  ${line#* }"
	TABLE+="$line"$'\n'
done

positive() { [[ "$1" =~ ^[0-9]+$ ]] && [ "$1" -gt 0 ]; }
if positive "${PKTS[clat4to6]}" && positive "${PKTS[clat6to4]}" &&
   positive "${PKTS[plat4to6]}" && positive "${PKTS[plat6to4]}"; then
	ok "counters: every route translated packets, both directions"
else
	bad "counters: a route translated nothing"
fi
# What the CLAT translates to IPv6 is what the PLAT translates back, and
# the other way round: nothing is lost between them.
if positive "${PKTS[clat4to6]}" && positive "${PKTS[plat4to6]}" &&
   [ "${PKTS[clat4to6]}" = "${PKTS[plat6to4]}" ] &&
   [ "${PKTS[plat4to6]}" = "${PKTS[clat6to4]}" ]; then
	ok "counters add up: CLAT 4->6 = PLAT 6->4 = ${PKTS[clat4to6]}, PLAT 4->6 = CLAT 6->4 = ${PKTS[plat4to6]}"
else
	bad "counters do not add up: CLAT 4->6 ${PKTS[clat4to6]}, PLAT 6->4 ${PKTS[plat6to4]}, PLAT 4->6 ${PKTS[plat4to6]}, CLAT 6->4 ${PKTS[clat6to4]}"
fi
if grep -q packet-too-big <<< "$TABLE"; then
	say "  (packet-too-big: full-size packets answered with Fragmentation"
	say "   Needed, MTU 1480, before the end hosts learned the path MTU)"
fi
if [ "${PKTS[clat4to6]}" -lt 100 ] 2>/dev/null; then
	say "  (a TCP super-packet of several segments (GRO/GSO) is translated"
	say "   whole and counts once)"
fi

# The namespace's totals, MIB counters that nstat shows: the CLAT's
# namespace has its two routes only, so they count what the routes count.
mib() {
	ip netns exec "$CLAT" nstat -asz "XlatExt$1" |
		awk -v n="XlatExt$1" '$1 == n { print $2 }'
}
say "== the CLAT namespace's totals (nstat -as 'XlatExt*')"
ip netns exec "$CLAT" nstat -as 'XlatExt*' | sed -e 1d -e 's/^/  /'
m46=$(mib Packets4to6) m64=$(mib Packets6to4)
if [ "$m46" = "${PKTS[clat4to6]}" ] && [ "$m64" = "${PKTS[clat6to4]}" ]; then
	ok "namespace totals: XlatExtPackets4to6 = $m46, XlatExtPackets6to4 = $m64, as the CLAT's routes"
else
	bad "namespace totals: XlatExtPackets4to6 ${m46:-none}, XlatExtPackets6to4 ${m64:-none}; the routes ${PKTS[clat4to6]}, ${PKTS[clat6to4]}"
fi

summary
[ $FAILED -eq 0 ]
