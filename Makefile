# SPDX-License-Identifier: GPL-2.0
#
# ipxlat: the xlat route encap (stateless IPv4/IPv6 translation, RFC 7915).
#
#   make demo       build everything, boot the VM, run the lab, show counters
#   make check      the whole test suite: libxlat's unit tests on the host,
#                   then KUnit and selftests in the VM
#                   (CHECK_DEBUG=1: then again on the sanitizer kernel)
#   make check-debug KUnit and selftests on a sanitizer kernel (build-debug/)
#   make check-kmsan KUnit and the parser-facing selftests on a KMSAN kernel
#                   built with clang (build-kmsan/)
#   make soak       30 minutes of traffic and churn on the debug kernel
#   make kernel     bzImage with the encap built in  (build/bzImage)
#   make iproute2   patched ip                       (build/ip)
#   make jool       the reference translator, Jool, as modules for the VM
#                   kernel                           (build/jool)
#   make libxlat    libnl helper library and xlatctl (tools/libxlat), and
#                   the configuration fuzzer (tools/nlfuzz)
#   make bench      router cost (pktgen) and iperf3: forwarding, xlat, Jool, TAYGA (scripts/bench)
#   make vm CMD=... run a command in the VM
#   make lint       shellcheck on the shell scripts, checkpatch.pl --strict
#                   on the kernel sources (needs the tree of make kernel)
#   make patches    the kernel side as a patch series with a cover letter
#                   (build/patches), which make kernel applies
#   make patches-check  checkpatch.pl on each patch, then a build after
#                   each (bisectability; about an hour on 2 cores)
#
# The first run installs the Debian packages it needs (as root).

BUILD ?= $(CURDIR)/build
export BUILD
# The sanitizer kernel (kernel/debug.config) and its ip: never in $(BUILD).
DEBUG_BUILD := $(CURDIR)/build-debug
# The KMSAN kernel (clang, kernel/kmsan.config) and its ip.
KMSAN_BUILD := $(CURDIR)/build-kmsan

.PHONY: all deps kernel iproute2 jool libxlat clatd check check-debug debug-build check-kmsan kmsan-build soak kunit selftests bench \
	demo vm lint patches patches-check clean distclean

all: kernel iproute2 libxlat

deps:
	@scripts/install-deps.sh

kernel: deps
	@scripts/build-kernel.sh $(BUILD)

iproute2: deps
	@scripts/build-iproute2.sh $(BUILD)

libxlat: deps
	@$(MAKE) -s -C tools/libxlat
	@$(MAKE) -s -C tools/nlfuzz

# Jool 4.1.9 from Debian, built against the VM kernel (tools/jool/): the
# reference that selftests/xlat_jool_diff.sh compares xlat with.
jool: kernel
	@tools/jool/build-jool.sh $(BUILD) $(BUILD)/jool

check: kernel iproute2 libxlat jool clatd $(if $(CHECK_DEBUG),debug-build)
	@scripts/check.sh unit kunit selftests bench $(if $(CHECK_DEBUG),debug)

# clatd, the stand-alone CLAT daemon, with clatd-patch/ (the xlat backend)
# applied, into $(BUILD)/clatd/clatd for selftests/xlat_clatd.sh. The
# unmodified snapshot lives outside the repository, in shared/upstream.
CLATD_SRC ?= $(CURDIR)/../shared/upstream/clatd
# Without the snapshot, make check goes on and xlat_clatd fails one check.
clatd: deps
	@rm -rf $(BUILD)/clatd && mkdir -p $(BUILD)
	@if [ ! -f $(CLATD_SRC)/clatd ]; then \
		echo "make clatd: no clatd snapshot in $(CLATD_SRC) (set CLATD_SRC)" >&2; \
	else \
		cp -r $(CLATD_SRC) $(BUILD)/clatd && chmod -R u+w $(BUILD)/clatd && \
		for p in $(CURDIR)/clatd-patch/*.patch; do \
			patch -s -d $(BUILD)/clatd -p1 < $$p || exit 1; done; \
	fi

# KASAN, UBSAN, kmemleak and lockdep slow the VM down: check.sh gives the
# debug part longer time limits (DEBUG_BOOT_TIMEOUT, DEBUG_SELFTEST_TIMEOUT,
# DEBUG_VM_TIMEOUT). A cold build of this kernel takes about 27 minutes on
# 2 cores, so plain `make check` (and CI) leave it out; CHECK_DEBUG=1 adds it.
# Jool and clatd are built for this kernel too: every selftest runs on it.
debug-build: deps libxlat
	@KCONFIG_EXTRA=$(CURDIR)/kernel/debug.config \
		scripts/build-kernel.sh $(DEBUG_BUILD)
	@scripts/build-iproute2.sh $(DEBUG_BUILD)
	@tools/jool/build-jool.sh $(DEBUG_BUILD) $(DEBUG_BUILD)/jool
	@$(MAKE) -s clatd BUILD=$(DEBUG_BUILD)

check-debug: debug-build
	@DEBUG_BUILD=$(DEBUG_BUILD) scripts/check.sh debug

# KMSAN needs clang (Debian's clang-14) and excludes KASAN: a kernel of its
# own, for KUnit and the selftests that feed the parsers (check.sh kmsan).
kmsan-build: deps libxlat
	@scripts/install-deps.sh kmsan
	@KERNEL_LLVM=1 KCONFIG_EXTRA=$(CURDIR)/kernel/kmsan.config \
		scripts/build-kernel.sh $(KMSAN_BUILD)
	@scripts/build-iproute2.sh $(KMSAN_BUILD)

check-kmsan: kmsan-build
	@KMSAN_BUILD=$(KMSAN_BUILD) scripts/check.sh kmsan

# SOAK_MINUTES (30) of mixed traffic, route churn and namespace churn on the
# debug kernel, slab sampled each minute (selftests/soak.sh). Not in CI.
SOAK_MINUTES ?= 30
soak: debug-build
	@BUILD=$(DEBUG_BUILD) BOOT_TIMEOUT=1800 scripts/vm-run \
		-t $$(( $(SOAK_MINUTES) * 60 + 1800 )) -- \
		env PATH=$(DEBUG_BUILD)/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		SOAK_MINUTES=$(SOAK_MINUTES) XLAT_TAP_COUNTER=/tmp/soak-tap \
		bash selftests/soak.sh

kunit: kernel
	@scripts/check.sh kunit

selftests: kernel iproute2 libxlat jool
	@scripts/check.sh selftests

bench: kernel iproute2 jool
	@scripts/bench

demo: kernel iproute2
	@scripts/vm-run -- env PATH=$(BUILD)/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		selftests/demo.sh

vm: kernel iproute2
	@scripts/vm-run -- env PATH=$(BUILD)/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		bash -c '$(CMD)'

# shellcheck -x on every shell script (git ls-files, *.sh or a sh/bash
# shebang) and checkpatch.pl --strict on net/ipv6/ila_xlat/ and the uapi
# header. Builds nothing: checkpatch.pl comes from $(BUILD)/linux, which
# make kernel extracts; without it, lint fails and says so.
lint:
	@scripts/lint.sh

# The series that make kernel applies, from kernel/series/steps: see
# scripts/patches.sh. PATCH_FROM="Name <address>" signs it.
patches: deps
	@scripts/patches.sh $(BUILD)

# Not in make check: it builds the kernel once per patch.
patches-check: deps kernel
	@scripts/patches-check.sh $(BUILD)

clean:
	$(MAKE) -s -C tools/libxlat clean
	$(MAKE) -s -C tools/nlfuzz clean
	rm -f $(BUILD)/bzImage $(BUILD)/ip
	rm -rf $(BUILD)/results

distclean:
	rm -rf $(BUILD)
