#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# clatd, the stand-alone CLAT daemon, with the xlat backend (clatd-patch/,
# built by `make clatd` into build/clatd), end to end with real components:
# unbound as the DNS64 server from which clatd discovers the PLAT prefix
# (RFC 7050, ipv4only.arpa), radvd for the client's SLAAC address (from which
# clatd derives its CLAT address), a stateless xlat PLAT, an IPv4 server.
#
#   +------ ns cd-c ------+        +-------- ns cd-p (PLAT) --------+     +-- ns cd-s --+
#   | clatd               |  c6    | p6 2001:db8:1::1/64     s4     |     |             |
#   | IPv4-only apps      |--------| radvd, unbound (DNS64)         |-----| 203.0.113.10|
#   | SLAAC 2001:db8:1::  |  IPv6  | 64:ff9b:1::/48, 64:ff9b:1::/96 |     |             |
#   |   ff:fe00:1         |  only  |   encap xlat (eam per CLAT6)   |     |             |
#   +---------------------+        +--------------------------------+     +-------------+
#
# PREF64: radvd 2.19 (Debian 12) has no nat64prefix option (it came in 2.20),
# and clatd's own PREF64 source is systemd-networkd, which is not running
# here: clatd discovers the prefix with DNS64, pointed at unbound by
# dns64-servers. radvd sends the RAs that give the client its address.
#
# The stateless PLAT maps each CLAT IPv6 address to a public IPv4 address of
# its own per prefix, so the server sees which path a connection took:
#   derived CLAT6 2001:db8:1::c1:a700:1  198.51.100.1 (/48), .2 (/96)
#   shared CLAT6  2001:db8:1::ff:fe00:1  198.51.100.3 (/48), .4 (/96)
#   derived CLAT6 under 2001:db8:64::/96 198.51.100.5 (for TAYGA, which
#   refuses 64:ff9b:1::/48 and /96 as "reserved")
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"
require socat

top=$(cd "$(dirname "$0")/.." && pwd)
CLATD=${CLATD:-${BUILD:-$top/build}/clatd/clatd}
C=cd-c-$$
P=cd-p-$$
S=cd-s-$$
SRV4=203.0.113.10
PFX1=64:ff9b:1::/48
PFX2=64:ff9b:1::/96
PFX3=2001:db8:64::/96			# TAYGA 0.9.2 refuses 64:ff9b:1::/48 as reserved
SRV6_1=64:ff9b:1:cb00:71:a00::		# 203.0.113.10 under PFX1
SRV6_2=64:ff9b:1::cb00:710a		# 203.0.113.10 under PFX2
DNS=2001:db8:1::1
CLAT6D=2001:db8:1::c1:a700:1		# derived: ff:fe -> c1:a7
CLAT6S=2001:db8:1::ff:fe00:1		# SLAAC (EUI-64 of 02:00:00:00:00:01)
TABLE=49575				# clatd's route-table, 0xc1a7
tmp=$(mktemp -d)
trap 'stop_all; xlat_exit; rm -rf "$tmp"' EXIT

inc() { ip netns exec $C "$@"; }
inp() { ip netns exec $P "$@"; }
ins() { ip netns exec $S "$@"; }

CLATD_PID=
UNBOUND_PID=
RADVD_PID=
# shellcheck disable=SC2317 # called from the EXIT trap
stop_all() {
	local p
	for p in $CLATD_PID $UNBOUND_PID $RADVD_PID; do
		kill "$p" 2>/dev/null
	done
	wait 2>/dev/null
}

if [ ! -f "$CLATD" ]; then
	fail "clatd with the xlat backend is built ($CLATD)" "run: make clatd"
	xlat_done
fi
for t in unbound radvd perl tayga; do
	command -v $t > /dev/null || fail "$t is installed" "scripts/install-deps.sh"
done
[ $XLAT_FAILED = 0 ] || xlat_done

# --- the network ---------------------------------------------------------------

ns_new $C
ns_new $P
ns_new $S
ip link add c6 netns $C address 02:00:00:00:00:01 type veth peer name p6 netns $P
veth $S s0 $P s4
inc sysctl -qw net.ipv6.conf.c6.accept_dad=0 net.ipv4.conf.all.rp_filter=1 \
	net.ipv4.conf.default.rp_filter=1
ip -n $P link set p6 up
ip -n $P addr add $DNS/64 dev p6 nodad
ip -n $P addr add 203.0.113.1/24 dev s4
ip -n $S addr add $SRV4/24 dev s0
ip -n $S route add default via 203.0.113.1
inp sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

# The stateless PLAT: one 6->4 route per prefix, and the 4->6 routes back.
M1=(remote-prefix6 "$PFX1" eam 198.51.100.1/32 "$CLAT6D/128" eam 198.51.100.3/32 "$CLAT6S/128")
M2=(remote-prefix6 "$PFX2" eam 198.51.100.2/32 "$CLAT6D/128" eam 198.51.100.4/32 "$CLAT6S/128")
ip -n $P -6 route add $PFX1 encap xlat "${M1[@]}" dev s4
ip -n $P -6 route add $PFX2 encap xlat "${M2[@]}" dev s4
M3=(remote-prefix6 "$PFX3" eam 198.51.100.5/32 "$CLAT6D/128")
ip -n $P -6 route add $PFX3 encap xlat "${M3[@]}" dev s4
ip -n $P route add 198.51.100.5/32 encap xlat "${M3[@]}" dev p6
ip -n $P route add 198.51.100.1/32 encap xlat "${M1[@]}" dev p6
ip -n $P route add 198.51.100.3/32 encap xlat "${M1[@]}" dev p6
ip -n $P route add 198.51.100.2/32 encap xlat "${M2[@]}" dev p6
ip -n $P route add 198.51.100.4/32 encap xlat "${M2[@]}" dev p6

# radvd: the client's prefix (SLAAC) and default route.
cat > "$tmp/radvd.conf" <<EOF
interface p6 {
	AdvSendAdvert on;
	MinRtrAdvInterval 3;
	MaxRtrAdvInterval 10;
	prefix 2001:db8:1::/64 { AdvOnLink on; AdvAutonomous on; };
	RDNSS $DNS { };
};
EOF
ip netns exec $P radvd -n -m stderr -C "$tmp/radvd.conf" -p "$tmp/radvd.pid" \
	> "$tmp/radvd.log" 2>&1 &
RADVD_PID=$!

# unbound as DNS64 for ipv4only.arpa (192.0.0.170 and .171, RFC 7050)
# under PREFIX: the A records come from a local authoritative zone that the
# iterator uses, so that the dns64 module synthesizes the AAAA records.
cat > "$tmp/ipv4only.zone" <<'EOF'
$ORIGIN ipv4only.arpa.
$TTL 60
@ SOA ns.ipv4only.arpa. hostmaster.ipv4only.arpa. 1 3600 600 86400 60
@ NS ns.ipv4only.arpa.
@ A 192.0.0.170
@ A 192.0.0.171
EOF
unbound_start() {
	cat > "$tmp/unbound.conf" <<EOF
server:
	interface: $DNS
	do-daemonize: no
	use-syslog: no
	logfile: ""
	username: ""
	chroot: ""
	directory: "$tmp"
	pidfile: ""
	access-control: ::/0 allow
	module-config: "dns64 iterator"
	dns64-prefix: $1
auth-zone:
	name: "ipv4only.arpa."
	zonefile: "$tmp/ipv4only.zone"
	for-upstream: yes
	for-downstream: no
	fallback-enabled: no
EOF
	[ -n "$UNBOUND_PID" ] && kill $UNBOUND_PID 2>/dev/null && wait $UNBOUND_PID 2>/dev/null
	ip netns exec $P unbound -c "$tmp/unbound.conf" >> "$tmp/unbound.log" 2>&1 &
	UNBOUND_PID=$!
	wait_port $P udp 53
}
unbound_start $PFX1

ip -n $C link set c6 up
for _ in $(seq 100); do
	ip -n $C -6 addr show dev c6 scope global | grep -q "$CLAT6S/64" &&
		ip -n $C -6 route show default | grep -q . && break
	sleep 0.1
done
check "radvd: the client has its SLAAC address $CLAT6S and a default route" \
	bash -c "ip -n $C -6 addr show dev c6 | grep -q $CLAT6S/64 &&
		 ip -n $C -6 route show default | grep -q 'proto ra'"

# state: what clatd may change in its namespace, without lifetimes.
state() {
	{
		ip -n $C -4 route show table all
		ip -n $C -6 route show table all | sed -E 's/ expires [0-9]+sec//'
		ip -n $C -6 rule
		ip -n $C -4 rule
		ip -n $C -6 neigh show proxy
		ip -n $C addr | grep -vE 'valid_lft'
		ip -n $C -br link
		inc nft list tables
		inc sysctl net.ipv6.conf.all.forwarding net.ipv6.conf.c6.forwarding \
			net.ipv6.conf.c6.accept_ra net.ipv6.conf.c6.proxy_ndp
	} 2>&1
}
# A stateful firewall on the client, as most desktops have one: packets
# that conntrack does not know are dropped on input. The CLAT's replies
# pass it only as tracked packets: clatd sets net.netfilter.nf_hooks_lwtunnel
# (lwtunnel-nf-hooks-enable), or the translated replies have no conntrack
# entry. The kernel cannot turn the switch off again, so this script does
# not look at its value before clatd starts.
ip netns exec $C nft -f - <<'EOF'
table inet fw {
	chain input {
		type filter hook input priority 0;
		ct state invalid counter drop
	}
}
EOF
state > "$tmp/before"

# clatd_start NAME KEY=VALUE...: start clatd in cd-c, wait until it is up
# (or has exited); its output in $tmp/NAME.log.
clatd_start() {
	local name=$1
	shift
	LOG=$tmp/$name.log
	# Not through inc: $! must be clatd's own pid (ip netns exec execs it).
	ip netns exec $C perl "$CLATD" -d -c /dev/null dns64-servers=$DNS \
		v4-conncheck-enable=0 "$@" > "$LOG" 2>&1 &
	CLATD_PID=$!
	for _ in $(seq 200); do
		grep -qE 'The CLAT is up|Starting up TAYGA|<error>' "$LOG" && break
		kill -0 $CLATD_PID 2>/dev/null || break
		sleep 0.1
	done
	sleep 0.2
}

# clatd_stop: SIGTERM, and wait for clatd to clean up and exit; one that
# is still there after 10 s is a failure, and is killed with its children.
clatd_stop() {
	kill -TERM $CLATD_PID 2>/dev/null
	for _ in $(seq 100); do
		kill -0 $CLATD_PID 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 $CLATD_PID 2>/dev/null; then
		fail "clatd exits within 10 s of SIGTERM ($LOG)"
		pkill -KILL -P $CLATD_PID
		kill -KILL $CLATD_PID
	fi
	wait $CLATD_PID 2>/dev/null
	CLATD_PID=
}

# left_behind NAME: nothing of clatd's is left after it stopped.
left_behind() {
	state > "$tmp/after"
	check_eq "$1: SIGTERM leaves no route, rule, proxy-ND entry, address, device, nftable or sysctl behind" \
		"" "$(diff "$tmp/before" "$tmp/after")"
}

# tcp_to_server: 1 MB from the client's IPv4 socket; prints the peer address
# the server saw and whether the sha256 matched.
head -c 1000000 /dev/urandom > "$tmp/data"
want=$(sha256sum < "$tmp/data" | cut -d' ' -f1)
tcp_to_server() {
	rm -f "$tmp/got" "$tmp/peer"
	ins timeout 20 socat -u TCP4-LISTEN:5001,reuseaddr \
		SYSTEM:"echo \$SOCAT_PEERADDR > $tmp/peer; sha256sum > $tmp/got" &
	wait_port $S tcp 5001
	inc timeout 20 socat -u OPEN:"$tmp/data" TCP4:$SRV4:5001
	wait $!
	local got
	got=$(cut -d' ' -f1 "$tmp/got" 2>/dev/null)
	echo "$(cat "$tmp/peer" 2>/dev/null) $([ "$got" = "$want" ] && echo intact || echo "corrupt:$got")"
}

counter() {
	ip -n $C -s "$@" | sed -nE 's/.* packets ([0-9]+).*/\1/p' | head -1
}

# --- 1. derived CLAT address, Proxy-ND, the prefix re-checked on SIGHUP ------------

clatd_start derived clat-v6-addr=derived
check "derived: the kernel probe chose xlat" \
	grep -q 'The kernel accepts xlat routes: using the xlat route encap' "$LOG"
check_eq "derived: clatd set net.netfilter.nf_hooks_lwtunnel" \
	1 "$(sysctl -n net.netfilter.nf_hooks_lwtunnel)"
check "derived: no TAYGA and no tun device: clat is a dummy device" \
	bash -c "! pgrep -x tayga > /dev/null &&
		 ip -n $C -d link show clat | grep -qw dummy"
ENC1="encap xlat remote-prefix6 $PFX1 local-map 192.0.0.1/32 $CLAT6D/128"
check "derived: IPv4 default route: $ENC1 dev c6 src 192.0.0.1 mtu 1280" \
	bash -c "ip -n $C route show default | grep -F '$ENC1' |
		 grep -F 'dev c6' | grep -F 'src 192.0.0.1' | grep -qF 'mtu 1280'"
check "derived: 6->4 route $CLAT6D/128 in table $TABLE" \
	bash -c "ip -n $C -6 route show table $TABLE | grep -F '$CLAT6D' | grep -qF '$ENC1'"
check "derived: ip rule from $PFX1 to $CLAT6D lookup $TABLE, and a Proxy-ND entry" \
	bash -c "ip -n $C -6 rule | grep -qF 'from $PFX1 to $CLAT6D lookup $TABLE' &&
		 ip -n $C -6 neigh show proxy | grep -qF '$CLAT6D dev c6'"
check "derived: ping $SRV4 from the IPv4-only side" \
	inc ping -c 3 -i 0.2 -W 3 $SRV4
check_eq "derived: TCP 1 MB, sha256 intact, the server sees 198.51.100.1 ($PFX1)" \
	"198.51.100.1 intact" "$(tcp_to_server)"
rm -f "$tmp/udp"
ins timeout 10 socat -u UDP4-RECVFROM:5002 OPEN:"$tmp/udp",creat &
wait_port $S udp 5002
echo "udp through clatd" | inc socat -u - UDP4-SENDTO:$SRV4:5002
wait $!
check_eq "derived: UDP datagram" "udp through clatd" "$(cat "$tmp/udp" 2>/dev/null)"
check "derived: DF ping of 1260 bytes passes (v4-defaultroute-mtu)" \
	inc ping -c 1 -W 3 -M "do" -s 1232 $SRV4
check_refused "derived: DF ping of 1261 bytes is refused locally (mtu 1260)" \
	"mtu=1260" inc ping -c 1 -W 3 -M "do" -s 1233 $SRV4
check "derived: the client's firewall dropped no reply as invalid" \
	bash -c "ip netns exec $C nft list chain inet fw input |
		 grep -q 'counter packets 0 '"
n4=$(counter route show default)
n6=$(counter -6 route show table $TABLE $CLAT6D/128)
check "derived: xlat route counters moved (4->6 ${n4:-none}, 6->4 ${n6:-none})" \
	test "${n4:-0}" -gt 10 -a "${n6:-0}" -gt 10

unbound_start $PFX2
kill -HUP $CLATD_PID
for _ in $(seq 100); do
	grep -q "now use the PLAT prefix $PFX2" "$LOG" && break
	sleep 0.1
done
ENC2="encap xlat remote-prefix6 $PFX2 local-map 192.0.0.1/32 $CLAT6D/128"
check "SIGHUP, DNS64 prefix now $PFX2: both routes replaced in place" \
	bash -c "ip -n $C route show default | grep -qF '$ENC2' &&
		 ip -n $C -6 route show table $TABLE | grep -qF '$ENC2'"
check_eq "SIGHUP: one ip rule, from the new prefix" \
	"0:	from $PFX2 to $CLAT6D lookup $TABLE" \
	"$(ip -n $C -6 rule | grep "lookup $TABLE")"
check "SIGHUP: same clatd process, no restart" kill -0 $CLATD_PID
check "SIGHUP: ping $SRV4 through the new prefix" inc ping -c 3 -i 0.2 -W 3 $SRV4
check_eq "SIGHUP: TCP intact, the server sees 198.51.100.2 ($PFX2)" \
	"198.51.100.2 intact" "$(tcp_to_server)"
clatd_stop
left_behind derived

# --- 2. shared address (ctmark), the prefix re-checked by the timer --------------

clatd_start shared plat-recheck-interval=1
check "shared: xlat, the host's address $CLAT6S, nftable inet clatd" \
	bash -c "grep -q 'using the xlat route encap' '$LOG' &&
		 ip -n $C route show default | grep -qF 'local-map 192.0.0.1/32 $CLAT6S/128' &&
		 ip -n $C -6 rule | grep -qF 'from $PFX2 to $CLAT6S fwmark 0xc1a7 lookup $TABLE' &&
		 ip netns exec $C nft list table inet clatd > /dev/null"
check "shared: ping $SRV4 from the IPv4-only side" inc ping -c 3 -i 0.2 -W 3 $SRV4
check_eq "shared: TCP intact, the server sees 198.51.100.4" \
	"198.51.100.4 intact" "$(tcp_to_server)"
check "shared: the host's own IPv6 ping to $SRV6_2 (same source address) is not taken by the CLAT" \
	inc ping -6 -c 2 -i 0.2 -W 3 $SRV6_2
unbound_start $PFX1
for _ in $(seq 60); do
	grep -q "now use the PLAT prefix $PFX1" "$LOG" && break
	sleep 0.1
done
check "shared: the timer found $PFX1: routes and rule follow" \
	bash -c "ip -n $C route show default | grep -qF 'remote-prefix6 $PFX1 ' &&
		 ip -n $C -6 route show table $TABLE | grep -qF 'remote-prefix6 $PFX1 ' &&
		 ip -n $C -6 rule | grep -qF 'from $PFX1 to $CLAT6S fwmark'"
check_eq "shared: after the change, TCP intact, the server sees 198.51.100.3" \
	"198.51.100.3 intact" "$(tcp_to_server)"
check "shared: native IPv6 ping to $SRV6_1 still works" \
	inc ping -6 -c 2 -i 0.2 -W 3 $SRV6_1
clatd_stop
left_behind shared

# --- 3. the other backends and the probe's fallback --------------------------------

unbound_start $PFX3
clatd_start tayga clat-v6-addr=derived clat-backend=tayga
check "clat-backend=tayga: clatd runs TAYGA on the tun device clat" \
	bash -c "pgrep -P $CLATD_PID -x tayga > /dev/null &&
		 ip -n $C -d link show clat | grep -qw tun"
check "clat-backend=tayga: ping $SRV4 through TAYGA" \
	inc ping -c 3 -i 0.2 -W 3 $SRV4
# clatd ignores SIGTERM while TAYGA runs and cleans up when TAYGA exits (as
# under systemd, which signals the whole service).
t=$(pgrep -P $CLATD_PID -x tayga)
# shellcheck disable=SC2086 # pgrep may print several PIDs
[ -n "$t" ] && kill -TERM $t
clatd_stop
left_behind tayga

clatd_start noxlat clat-v6-addr=derived cmd-ip=/usr/bin/ip
check "auto with an ip that knows no xlat encap: the probe fails, TAYGA is used" \
	bash -c "grep -q 'does not accept xlat routes: using tayga' '$LOG' &&
		 pgrep -P $CLATD_PID -x tayga > /dev/null"
t=$(pgrep -P $CLATD_PID -x tayga)
# shellcheck disable=SC2086 # pgrep may print several PIDs
[ -n "$t" ] && kill -TERM $t
clatd_stop
left_behind noxlat

clatd_start nounshare clat-v6-addr=derived cmd-unshare=false
check "auto without unshare: the probe in table $TABLE chose xlat" \
	bash -c "grep -q 'using the xlat route encap' '$LOG' &&
		 ip -n $C route show default | grep -qF 'encap xlat'"
check_eq "auto without unshare: the probe's route is gone from table $TABLE" \
	"" "$(ip -n $C -4 route show table $TABLE)"
check "auto without unshare: ping $SRV4" inc ping -c 2 -i 0.2 -W 3 $SRV4
clatd_stop
left_behind nounshare

if [ $XLAT_FAILED != 0 ]; then
	for f in "$tmp"/*.log; do
		echo "# ---- $(basename "$f")"
		grep -vE 'sysctl|accept_ra' "$f" | sed 's/^/#   /' | tail -60
	done
fi
xlat_done
