#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the selftests (selftests/xlat_*.sh, or the names given) inside the VM.
# Each check prints one TAP line; a script that dies without reporting a
# failure gets one "not ok" line of its own, and one that exits with
# kselftest's skip status (4) an "ok ... # SKIP" line.
cd "$(dirname "$0")" || exit 1
XLAT_TAP_COUNTER=$(mktemp "${TMPDIR:-/tmp}/xlat-tap.XXXXXX") || exit 1
export XLAT_TAP_COUNTER
echo 0 > "$XLAT_TAP_COUNTER"
trap 'rm -f "$XLAT_TAP_COUNTER"' EXIT
sysctl -qw net.ipv4.ping_group_range="0 2147483647" 2>/dev/null

tests=("$@")
if [ ${#tests[@]} -eq 0 ]; then
	# net.netfilter.nf_hooks_lwtunnel cannot be turned off once on: the
	# scripts that turn it on run last, so that the others run with the
	# kernel's default (0), and xlat_nfhooks (which tests 0, then 1)
	# first of them; xlat_examples (the examples set it) and xlat_clatd
	# (clatd sets it) follow.
	last=(xlat_nfhooks.sh xlat_examples.sh xlat_clatd.sh)
	for t in xlat_*.sh; do
		[[ " ${last[*]} " == *" $t "* ]] || tests+=("$t")
	done
	tests+=("${last[@]}")
fi
echo "TAP version 13"
hooks_before=$(sysctl -n net.netfilter.nf_hooks_lwtunnel 2>/dev/null)
echo "# net.netfilter.nf_hooks_lwtunnel at the start: ${hooks_before:-none}"
rc=0
for t in "${tests[@]}"; do
	t=${t%.sh}.sh
	echo "# ==== $t"
	out=$(mktemp)
	timeout "${SELFTEST_TIMEOUT:-600}" bash "./$t" 2>&1 | tee "$out"
	trc=${PIPESTATUS[0]}
	if [ "$trc" -eq 4 ] && ! grep -q '^not ok ' "$out"; then
		# kselftest's skip: the script cannot run here (lib.sh require).
		n=$(( $(cat "$XLAT_TAP_COUNTER" 2>/dev/null || echo 0) + 1 ))
		echo $n > "$XLAT_TAP_COUNTER"
		why=$(grep -m1 '^# SKIP' "$out" | sed 's/^# SKIP:* *//')
		echo "ok $n ${t%.sh} # SKIP ${why:-skipped}"
		rm -f "$out"
		continue
	fi
	if [ "$trc" -ne 0 ] && ! grep -q '^not ok ' "$out"; then
		n=$(( $(cat "$XLAT_TAP_COUNTER" 2>/dev/null || echo 0) + 1 ))
		echo $n > "$XLAT_TAP_COUNTER"
		echo "not ok $n ${t%.sh}: script exited with status $trc"
	fi
	[ "$trc" -eq 0 ] || rc=1
	rm -f "$out"
	hooks=$(sysctl -n net.netfilter.nf_hooks_lwtunnel 2>/dev/null)
	[ "${hooks:-0}" = 1 ] && [ "${hooks_before:-0}" = 0 ] &&
		echo "# $t turned net.netfilter.nf_hooks_lwtunnel on"
	hooks_before=$hooks
done
echo "1..$(cat "$XLAT_TAP_COUNTER" 2>/dev/null || echo 0)"
exit $rc
