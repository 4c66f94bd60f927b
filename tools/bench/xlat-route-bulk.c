// SPDX-License-Identifier: GPL-2.0
/*
 * Install many xlat routes through libxlat, one RTM_NEWROUTE each, for the
 * route-scale benchmark (tools/bench/scale-vm.sh):
 *
 *   xlat-route-bulk DEV N ENCAP...
 *
 * adds the IPv6 routes 2001:db8:X:Y::/64 (X = 0x100 + i / 65536,
 * Y = i % 65536, i = 0 .. N-1) through DEV with the encap given in ip's
 * syntax ("remote-prefix6 P local-map P4 P6 ..."), and prints the time it
 * took: "N routes in S s, U us per route".
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xlat.h"

int main(int argc, char **argv)
{
	struct xlat_handle *h;
	struct timespec t0, t1;
	struct xlat_route r;
	unsigned long i, n;
	char err[256];
	double s;
	int ret;

	if (argc < 4) {
		fprintf(stderr, "usage: %s DEV N ENCAP...\n", argv[0]);
		return 2;
	}
	n = strtoul(argv[2], NULL, 0);
	ret = xlat_open(&h);
	if (ret) {
		fprintf(stderr, "xlat_open: %s\n", strerror(-ret));
		return 1;
	}
	xlat_route_init(&r, AF_INET6);
	r.ifindex = if_nametoindex(argv[1]);
	if (!r.ifindex) {
		fprintf(stderr, "no device %s\n", argv[1]);
		return 1;
	}
	if (xlat_encap_parse(&r.encap, argc - 3, argv + 3, err,
			     sizeof(err)) != argc - 3) {
		fprintf(stderr, "encap: %s\n", err);
		return 1;
	}
	inet_pton(AF_INET6, "2001:db8::", &r.dst.v6);
	r.dst_len = 64;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		r.dst.v6.s6_addr[4] = (0x100 + (i >> 16)) >> 8;
		r.dst.v6.s6_addr[5] = (0x100 + (i >> 16)) & 0xff;
		r.dst.v6.s6_addr[6] = (i >> 8) & 0xff;
		r.dst.v6.s6_addr[7] = i & 0xff;
		ret = xlat_route_add(h, &r);
		if (ret) {
			fprintf(stderr, "route %lu: %s (%s)\n", i,
				xlat_errmsg(h), xlat_extack(h));
			return 1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%lu routes in %.2f s, %.1f us per route\n", n, s,
	       n ? s * 1e6 / n : 0);
	xlat_route_clear(&r);
	xlat_close(h);
	return 0;
}
