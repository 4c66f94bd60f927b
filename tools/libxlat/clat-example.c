// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * clat-example: the libxlat calls a connection manager such as
 * NetworkManager would make for the CLAT (464XLAT, RFC 6877) of one
 * connection. README.md walks through it.
 *
 *   clat-example up DEV PLAT-PREFIX6 CLAT4 CLAT6 MTU    on activation
 *   clat-example stats DEV                             while active
 *   clat-example down DEV PLAT-PREFIX6 CLAT4 CLAT6      on deactivation
 *
 * "up" adds the IPv4 default route that translates to IPv6, with the
 * route MTU, and the IPv6 /128 route back to the CLAT address; "down"
 * deletes both. They carry RTPROT_STATIC, so that "stats" (and a person
 * running ip route) can tell them from other routes.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/rtnetlink.h>

#include "xlat.h"

/* The encap both routes share: remote-prefix6 PLAT local-map CLAT4 CLAT6 */
static int clat_encap(struct xlat_encap *e, char **argv)
{
	struct xlat_prefix4 clat4;
	struct xlat_prefix6 clat6;

	xlat_encap_init(e);
	if (xlat_prefix6_parse(argv[0], &e->remote_prefix6) ||
	    xlat_prefix4_parse(argv[1], &clat4) ||
	    xlat_prefix6_parse(argv[2], &clat6))
		return -EINVAL;
	e->has_remote_prefix6 = true;
	/* Bare addresses: one host, the CLAT's IPv4 and IPv6 address */
	return xlat_encap_add_local_map(e, &clat4, &clat6);
}

/* The two routes of the CLAT on @dev, sharing @e */
static int clat_routes(struct xlat_route *r4, struct xlat_route *r6,
		       const char *dev, const struct xlat_encap *e)
{
	xlat_route_init(r4, AF_INET);		/* 0.0.0.0/0 */
	xlat_route_init(r6, AF_INET6);
	r6->dst.v6 = e->local_map[0].p6.addr;	/* CLAT6 */
	r6->dst_len = e->local_map[0].p6.len;
	snprintf(r4->dev, sizeof(r4->dev), "%s", dev);
	snprintf(r6->dev, sizeof(r6->dev), "%s", dev);
	r4->protocol = RTPROT_STATIC;
	r6->protocol = RTPROT_STATIC;
	if (xlat_encap_copy(&r4->encap, e) || xlat_encap_copy(&r6->encap, e))
		return -ENOMEM;
	return 0;
}

static int up(struct xlat_handle *h, struct xlat_route *r4,
	      struct xlat_route *r6)
{
	int err;

	/* Replace, not add: a manager re-applies its routes as they are */
	err = xlat_route_replace(h, r4);
	if (err)
		return err;
	err = xlat_route_replace(h, r6);
	if (err) {
		/* Keep the reason, then undo the first route */
		fprintf(stderr, "IPv6 route: %s\n", xlat_errmsg(h));
		xlat_route_del(h, r4);
		return err;
	}
	return 0;
}

static int down(struct xlat_handle *h, struct xlat_route *r4,
		struct xlat_route *r6)
{
	/* With the encap, so that only these routes match */
	int err4 = xlat_route_del(h, r4);
	int err6 = xlat_route_del(h, r6);

	return err4 ? err4 : err6;
}

/* xlat_route_dump() callback: the counters of our routes on one device */
static int print_stats(const struct xlat_route *r, void *arg)
{
	const char *dev = arg;
	unsigned int i;

	if (strcmp(r->dev, dev) || r->protocol != RTPROT_STATIC ||
	    !r->stats.valid)
		return 0;
	printf("%s packets %" PRIu64 " bytes %" PRIu64,
	       xlat_dir_name(r->stats.dir), r->stats.packets, r->stats.bytes);
	for (i = 0; i < r->stats.n_drops; i++)
		printf(" drop %s %" PRIu64, r->stats.drops[i].name,
		       r->stats.drops[i].count);
	printf("\n");
	return 0;
}

int main(int argc, char **argv)
{
	struct xlat_route r4, r6;
	struct xlat_handle *h;
	struct xlat_encap e;
	int err;

	if (argc == 3 && !strcmp(argv[1], "stats")) {
		err = xlat_open(&h);
		if (err)
			goto fail;
		err = xlat_route_dump(h, AF_UNSPEC, print_stats, argv[2]);
		if (err)
			fprintf(stderr, "Error: %s\n", xlat_errmsg(h));
		xlat_close(h);
		return err ? EXIT_FAILURE : EXIT_SUCCESS;
	}
	if (!((argc == 7 && !strcmp(argv[1], "up")) ||
	      (argc == 6 && !strcmp(argv[1], "down")))) {
		fprintf(stderr,
			"Usage: %s up DEV PLAT-PREFIX6 CLAT4 CLAT6 MTU\n"
			"       %s stats DEV\n"
			"       %s down DEV PLAT-PREFIX6 CLAT4 CLAT6\n",
			argv[0], argv[0], argv[0]);
		return 2;
	}

	err = clat_encap(&e, argv + 3);
	if (!err)
		err = clat_routes(&r4, &r6, argv[2], &e);
	xlat_encap_clear(&e);
	if (err)
		goto fail;
	if (argc == 7)
		r4.mtu = (uint32_t)strtoul(argv[6], NULL, 10);

	err = xlat_open(&h);
	if (!err) {
		err = argc == 7 ? up(h, &r4, &r6) : down(h, &r4, &r6);
		if (err)
			fprintf(stderr, "Error: %s\n", xlat_errmsg(h));
		xlat_close(h);
	}
	xlat_route_clear(&r4);
	xlat_route_clear(&r6);
	return err ? EXIT_FAILURE : EXIT_SUCCESS;
fail:
	fprintf(stderr, "Error: %s\n", strerror(-err));
	return EXIT_FAILURE;
}
