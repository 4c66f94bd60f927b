#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run the test suite and print "N passed, N failed" last.
#
#   scripts/check.sh [unit|kunit|selftests|bench|debug|kmsan]...
#                                   (default: unit kunit selftests bench)
#
# "unit" runs libxlat's unit tests on the host (make -C tools/libxlat
# check, TAP); a build that fails, or a run that dies, counts as one
# failure. The other parts boot the VM.
# KUnit runs at boot of a VM (kunit.enable=1) and its KTAP is parsed with
# the kernel's kunit.py; the selftests run in a second VM, one TAP line
# each. A kernel warning, oops, panic or sanitizer report in either boot
# counts as one more failure. The mutation test runs XLAT_FUZZ_CASES cases
# (1,000,000); KUNIT_ARGS adds kernel arguments to the KUnit boot, such as
# xlat.fuzz_seed=S;
# SELFTEST_TIMEOUT is the time limit of one selftest script (600 s).
# "debug" runs KUnit and the selftests again on the sanitizer kernel in
# DEBUG_BUILD (build-debug/, make check-debug builds it), with the longer
# time limits that KASAN, kmemleak and lockdep need under TCG. "kmsan" runs
# KUnit (the mutation test included) and the selftests that feed the
# parsers hostile input (KMSAN_SELFTESTS) on the clang KMSAN kernel in
# KMSAN_BUILD (build-kmsan/, make check-kmsan builds it).
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
export BUILD=$build
results=$build/results

# The result directory of $build (its bin/ip comes from build-iproute2.sh).
prepare_build() {
	mkdir -p "$results"
}
prepare_build
# shellcheck disable=SC2164 # $top was just resolved by cd; no set -e here, keep going as before
cd "$top"

# On a kernel with kmemleak (kernel/debug.config), each VM run ends with a
# scan; a leak is reported on the console, where vm-run fails on it. An
# object is reported once it is 5 s old and unchanged since the scan before.
# shellcheck disable=SC2016 # a script for bash -c in the VM: expands there
leak_scan='k=/sys/kernel/debug/kmemleak
[ -w $k ] || exit 0
sleep 6; echo scan > $k; echo scan > $k; cat $k'

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(unit kunit selftests bench)
pass=0
fail=0

# libxlat's helpers (PREF64, RFC 7050, CLAT addresses), on the host.
run_unit() {
	local log=$results/unit.log rc p f

	echo "== unit tests of libxlat (on the host)"
	make -s -C tools/libxlat check > "$log" 2>&1
	rc=$?
	grep -aE '^(not )?ok' "$log"
	p=$(grep -acE '^ok ' "$log")
	f=$(grep -acE '^not ok' "$log")
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		tail -20 "$log"
		echo "not ok unit: make -C tools/libxlat check failed ($rc)"
		fail=$((fail + 1))
	fi
}

run_kunit() {
	local log=$results/kunit.log rc summary n p s

	echo "== KUnit (in the VM)"
	scripts/vm-run -l "$log" -a "kunit.enable=1 xlat.fuzz_cases=${XLAT_FUZZ_CASES:-1000000} ${KUNIT_ARGS:-}" -- \
		bash -c "$leak_scan" > /dev/null
	rc=$?
	python3 "$build/linux/tools/testing/kunit/kunit.py" parse "$log" \
		> "$results/kunit.txt" 2>&1
	cat "$results/kunit.txt"
	summary=$(grep -aoE 'Ran [0-9]+ tests: .*' "$results/kunit.txt" | tail -1)
	if [ -z "$summary" ]; then
		echo "KUnit: no results"
		fail=$((fail + 1))
	else
		# Everything that ran and neither passed nor was skipped
		# (failed, crashed, errors) is a failure.
		n=$(sed -E 's/Ran ([0-9]+) tests.*/\1/' <<< "$summary")
		p=$(grep -oE 'passed: [0-9]+' <<< "$summary" | grep -oE '[0-9]+')
		s=$(grep -oE 'skipped: [0-9]+' <<< "$summary" | grep -oE '[0-9]+')
		pass=$((pass + ${p:-0}))
		fail=$((fail + n - ${p:-0} - ${s:-0}))
	fi
	if [ $rc -ne 0 ]; then
		echo "KUnit boot: vm-run failed ($rc), log $log"
		grep -aE -A20 'WARNING:|BUG:|Oops|Kernel panic|KASAN|UBSAN' "$log" | head -60
		fail=$((fail + 1))
	fi
}

run_selftests() {
	local log=$results/selftests.log rc p f s

	echo "== selftests (in the VM)"
	# SC2016: the bash -c script expands in the VM. SC2086: $SELFTESTS is
	# a list of test names (or empty, for all of them).
	# shellcheck disable=SC2016,SC2086
	scripts/vm-run -l "$log" -- \
		env PATH="$build/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
		SELFTEST_TIMEOUT="${SELFTEST_TIMEOUT:-600}" BUILD="$build" \
		XLAT_NLFUZZ_MESSAGES="${XLAT_NLFUZZ_MESSAGES:-3000}" bash -c \
		'selftests/run.sh "$@"; rc=$?; bash -c "$0"; exit $rc' \
		"$leak_scan" ${SELFTESTS:-} | grep -av '^\[ *[0-9.]*\]'
	rc=${PIPESTATUS[0]}
	# A skipped script (kselftest's status 4, "ok N name # SKIP why") is
	# neither passed nor failed: it is named.
	s=$(grep -acE '^ok [0-9]+ .*# SKIP' "$log")
	p=$(( $(grep -acE '^ok [0-9]+ ' "$log") - s ))
	f=$(grep -acE '^not ok [0-9]+ ' "$log")
	[ "$s" -eq 0 ] || grep -aE '^ok [0-9]+ .*# SKIP' "$log"
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$rc" -eq 125 ] || { [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; }; then
		echo "selftests: the VM run failed ($rc), log $log"
		fail=$((fail + 1))
	fi
}

# The benchmark in its smoke mode: it must complete and print its table.
# Its figures are never judged here.
run_bench() {
	echo "== benchmark smoke run (in the VM)"
	if scripts/bench --smoke > "$results/bench-smoke.txt" 2>&1 &&
	   grep -q '^64 *xlat46 ' "$results/bench-smoke.txt" &&
	   grep -q '^tcp1 ' "$results/bench-smoke.txt"; then
		sed -n '/^pktgen:/,/^1400 *tayga64/p' "$results/bench-smoke.txt"
		sed -n '/^accel:/,/^udp64 *rev/p' "$results/bench-smoke.txt"
		echo "ok bench: smoke run completed and printed its tables"
		pass=$((pass + 1))
	else
		tail -20 "$results/bench-smoke.txt"
		echo "not ok bench: smoke run failed"
		fail=$((fail + 1))
	fi
}

# KUnit and the selftests again on another kernel: $1 is its build
# directory (with ip), $2 the part's name (make check-$2 builds it), $3 what
# the run is. Under KASAN, kmemleak, lockdep or KMSAN and TCG the VM is
# slow: longer time limits. The caller's exported locals (the fuzzer's
# size, the selftests, the VM's memory) reach the VM runs.
run_on_kernel() {
	local build=$1
	local results=$build/results
	local -x BUILD=$build
	local -x BOOT_TIMEOUT=${DEBUG_BOOT_TIMEOUT:-1800}
	local -x SELFTEST_TIMEOUT=${DEBUG_SELFTEST_TIMEOUT:-${SELFTEST_TIMEOUT:-1800}}
	local -x VM_TIMEOUT=${DEBUG_VM_TIMEOUT:-${VM_TIMEOUT:-7200}}

	echo "== $3 ($build)"
	if [ ! -f "$build/bzImage" ] || [ ! -x "$build/ip" ]; then
		echo "not ok $2: no kernel or ip in $build (make check-$2)"
		fail=$((fail + 1))
		return
	fi
	prepare_build
	run_kunit
	run_selftests
}

run_debug() {
	# The configuration fuzzer in full (selftests/xlat_nlfuzz.sh). Under
	# TCG on the debug kernel, 200,000 messages took 19 minutes on an idle
	# machine (2026-12-07) and longer than 30 on a busy one (2026-12-06):
	# the scripts get 2 hours each, the VM 5.
	local -x XLAT_NLFUZZ_MESSAGES=${DEBUG_NLFUZZ_MESSAGES:-200000}
	local -x SELFTEST_TIMEOUT=7200 VM_TIMEOUT=18000

	run_on_kernel "${DEBUG_BUILD:-$top/build-debug}" debug \
		"the same on the debug kernel"
}

run_kmsan() {
	local -x VM_MEM=${KMSAN_VM_MEM:-4096}
	local -x XLAT_NLFUZZ_MESSAGES=${KMSAN_NLFUZZ_MESSAGES:-20000}
	# About 3 minutes of mutations under KMSAN and TCG.
	local -x XLAT_FUZZ_CASES=${KMSAN_FUZZ_CASES:-200000}
	local -x SELFTESTS=${KMSAN_SELFTESTS:-xlat_nlfuzz xlat_userns xlat_config xlat_hostile}

	run_on_kernel "${KMSAN_BUILD:-$top/build-kmsan}" kmsan \
		"KUnit and the parser-facing selftests on the KMSAN kernel"
}

for part in "${parts[@]}"; do
	case $part in
	unit) run_unit ;;
	kunit) run_kunit ;;
	selftests) run_selftests ;;
	bench) run_bench ;;
	debug) run_debug ;;
	kmsan) run_kmsan ;;
	*) echo "unknown part $part" >&2; exit 2 ;;
	esac
done

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
