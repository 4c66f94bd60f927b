# SPDX-License-Identifier: GPL-2.0
#
# ipxlat: the xlat route encap (stateless IPv4/IPv6 translation, RFC 7915).
#
#   make demo       build everything, boot the VM, run the lab, show counters
#   make check      the whole test suite: KUnit and selftests in the VM
#   make kernel     bzImage with the encap built in  (build/bzImage)
#   make iproute2   patched ip                       (build/ip)
#   make bench      forwarding vs xlat vs TAYGA in the VM (scripts/bench)
#   make vm CMD=... run a command in the VM
#
# The first run installs the Debian packages it needs (as root).

BUILD ?= $(CURDIR)/build
export BUILD

.PHONY: all deps kernel iproute2 check kunit selftests bench demo vm clean distclean

all: kernel iproute2

deps:
	@scripts/install-deps.sh

kernel: deps
	@scripts/build-kernel.sh $(BUILD)

iproute2: deps
	@scripts/build-iproute2.sh $(BUILD)

check: kernel iproute2
	@scripts/check.sh

kunit: kernel
	@scripts/check.sh kunit

selftests: kernel iproute2
	@scripts/check.sh selftests

bench: kernel iproute2
	@scripts/bench

demo: kernel iproute2
	@scripts/vm-run -- env PATH=$(BUILD)/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		selftests/demo.sh

vm: kernel iproute2
	@scripts/vm-run -- env PATH=$(BUILD)/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		bash -c '$(CMD)'

clean:
	rm -f $(BUILD)/bzImage $(BUILD)/ip
	rm -rf $(BUILD)/results

distclean:
	rm -rf $(BUILD)
