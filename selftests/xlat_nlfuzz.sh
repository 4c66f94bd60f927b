#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The configuration fuzzer (tools/nlfuzz/xlat-nlfuzz.c): mutated
# RTM_NEWROUTE, RTM_DELROUTE and RTM_GETROUTE messages with xlat encaps,
# replaces over routes that carry traffic. Every refusal must carry an
# extack message and change nothing, every accepted route must dump back
# as documented and count a probe, and the kernel must report nothing.
#
#   XLAT_NLFUZZ_MESSAGES=N  messages (default 3000; make check-debug: 200000)
#   XLAT_NLFUZZ_SEED=S      seed (default 7915)
#
#   +---------------- ns nf-<pid> ----------------+
#   | dummy d0 192.0.2.1/24, 2001:db8:1::1/64      |
#   | default routes of both families via d0       |
#   | six xlat routes under test, through d0       |
#   +-----------------------------------------------+
#
# The unprivileged run of the same fuzzer is in xlat_userns.sh.
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "$0")/lib.sh"

FUZZ=$(cd "$(dirname "$0")/.." && pwd)/tools/nlfuzz/xlat-nlfuzz
N=${XLAT_NLFUZZ_MESSAGES:-3000}
SEED=${XLAT_NLFUZZ_SEED:-7915}
NS=nf-$$

if [ ! -x "$FUZZ" ]; then
	fail "fuzzer: $FUZZ is not built (make libxlat)"
	xlat_done
fi

ns_new $NS
ip -n $NS link add d0 type dummy
ip -n $NS link set d0 up
ip -n $NS addr add 192.0.2.1/24 dev d0
ip -n $NS addr add 2001:db8:1::1/64 dev d0 nodad
ip -n $NS route add default dev d0
ip -n $NS -6 route add default dev d0

mark=$(kmsg_mark)
out=$(ip netns exec $NS "$FUZZ" -d d0 -n "$N" -s "$SEED" -v 2>&1)
rc=$?
# shellcheck disable=SC2001 # prefixes every line of a multi-line string
echo "$out" | sed 's/^/# /'
summary=$(echo "$out" | sed -n 's/^seed \([0-9]*\): \([0-9]*\) messages.*/seed \1, \2 messages/p')
acc=$(echo "$out" | sed -n 's/^accepted \([0-9]*\), refused \([0-9]*\) .*/\1 accepted, \2 refused/p')
if [ $rc -eq 0 ]; then
	pass "fuzzer: $summary: $acc, every check held"
else
	fail "fuzzer: $summary: exit status $rc" "$(echo "$out" | grep -A12 '^# FAIL' | head -60)"
fi

# The fuzzer must reach both sides: accepted and refused configurations.
a=$(echo "$out" | sed -n 's/^accepted \([0-9]*\), refused \([0-9]*\) .*/\1 \2/p')
read -r n_acc n_ref <<< "${a:-0 0}"
if [ "$n_acc" -ge $((N / 10)) ] && [ "$n_ref" -ge $((N / 10)) ]; then
	pass "fuzzer: at least a tenth accepted and a tenth refused ($n_acc, $n_ref)"
else
	fail "fuzzer: too one-sided to test both paths ($n_acc accepted, $n_ref refused of $N)"
fi

reports=$(kmsg_reports "$mark")
check_eq "fuzzer: no kernel report (KASAN, UBSAN, lockdep, WARN)" "" "$reports"

# A formatted extack message too long for its buffer reaches the user cut
# short, and the kernel says so (rate-limited, so the first one shows).
cut=$(XLAT_KERNEL_BAD='truncated extack' kmsg_reports "$mark")
check_eq "fuzzer: no refusal message cut short (truncated extack)" "" "$cut"

ip netns del $NS
leaks=$(kmemleak_scan)
check_eq "fuzzer: no leak after the namespace is gone (where kmemleak exists)" "" "$leaks"
xlat_done
