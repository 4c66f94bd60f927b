// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * clat-example: the libxlat calls a connection manager such as
 * NetworkManager makes for the CLAT (464XLAT, RFC 6877) of one
 * connection. README.md walks through it.
 *
 *   clat-example nm DEV PREFIX/64 PREF64 [METRIC [MTU]]
 *        NetworkManager's sequence, for the lifetime of the connection:
 *        the CLAT address (RFC 7217, in the /64), DAD once, the anycast
 *        join, 192.0.0.5/32 on DEV, then the two routes: the IPv4 default
 *        route (src 192.0.0.5, METRIC, MTU) and CLAT6/128 from PREF64 in
 *        table local. Prints "up CLAT6", then reads lines on stdin:
 *        "pref64 P" (a new PREF64: the routes follow), "stats". End of
 *        input, SIGTERM or SIGINT: everything is removed again.
 *
 *   clat-example up DEV PLAT-PREFIX6 CLAT4 CLAT6 MTU    the two routes only,
 *   clat-example stats DEV                             their counters,
 *   clat-example down DEV PLAT-PREFIX6 CLAT4 CLAT6      and their removal,
 *        for a host whose CLAT address the network routes to it.
 *
 * The routes carry RTPROT_STATIC, so that "stats" (and a person running
 * ip route) can tell them from other routes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>

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
	/* count: counters of the routes' own, for "clat-example stats" */
	e->counters = true;
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

/* --- NetworkManager's sequence ------------------------------------------- */

/*
 * The CLAT's IPv4 address: the first of NetworkManager's 192.0.0.5-7,0-4
 * order (RFC 7335 reserves 192.0.0.0/29); a manager takes the next one
 * that no other connection holds.
 */
#define NM_CLAT4 "192.0.0.5"

/*
 * RFC 7217's secret_key. NetworkManager keeps one per host
 * (/var/lib/NetworkManager/secret_key); an example takes a fixed one, so
 * that its address is the same on every run.
 */
static const uint8_t nm_secret[XLAT_STABLE_SECRET_MIN] = {
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
};

static volatile sig_atomic_t nm_stop;

static void nm_on_signal(int sig)
{
	(void)sig;
	nm_stop = 1;
}

/* RTM_NEWADDR or RTM_DELADDR of @addr/@plen on @ifindex */
static int nm_addr(struct nl_sock *sk, bool add, int family, const void *addr,
		   int plen, int ifindex, unsigned int flags)
{
	struct rtnl_addr *a = rtnl_addr_alloc();
	struct nl_addr *local;
	int err;

	local = nl_addr_build(family, addr, family == AF_INET ? 4 : 16);
	if (!a || !local) {
		rtnl_addr_put(a);
		nl_addr_put(local);
		return -ENOMEM;
	}
	nl_addr_set_prefixlen(local, plen);
	rtnl_addr_set_ifindex(a, ifindex);
	rtnl_addr_set_local(a, local);
	rtnl_addr_set_prefixlen(a, plen);
	if (flags)
		rtnl_addr_set_flags(a, flags);
	err = add ? rtnl_addr_add(sk, a, NLM_F_CREATE | NLM_F_EXCL) :
		    rtnl_addr_delete(sk, a, 0);
	nl_addr_put(local);
	rtnl_addr_put(a);
	if (err >= 0)
		return 0;
	if (add)
		fprintf(stderr, "address: %s\n", nl_geterror(err));
	switch (-err) {
	case NLE_EXIST:
		return -EEXIST;
	case NLE_PERM:
		return -EPERM;
	case NLE_OBJ_NOTFOUND:
	case NLE_NOADDR:
		return -ENOENT;
	default:
		return -EIO;
	}
}

/* The flags of @addr on @ifindex, or -ENOENT */
static long nm_addr_flags(struct nl_sock *sk, const struct in6_addr *addr,
			  int ifindex)
{
	struct nl_cache *cache;
	struct rtnl_addr *a;
	struct nl_addr *want;
	long flags = -ENOENT;

	if (rtnl_addr_alloc_cache(sk, &cache) < 0)
		return -ENOMEM;
	want = nl_addr_build(AF_INET6, addr, 16);
	if (want) {
		nl_addr_set_prefixlen(want, 128);
		a = rtnl_addr_get(cache, ifindex, want);
		if (a) {
			flags = (long)rtnl_addr_get_flags(a);
			rtnl_addr_put(a);
		}
		nl_addr_put(want);
	}
	nl_cache_free(cache);
	return flags;
}

/*
 * Duplicate Address Detection, once: the address is added (without a
 * prefix route), watched until the kernel's DAD is over, and removed.
 * Return: 0 if unique, -EADDRINUSE if DAD failed, or another error.
 */
static int nm_dad(struct nl_sock *sk, const struct in6_addr *addr, int ifindex)
{
	struct timespec tick = { .tv_nsec = 100 * 1000 * 1000 };
	long flags = -ENOENT;
	int err, i;

	err = nm_addr(sk, true, AF_INET6, addr, 128, ifindex,
		      IFA_F_NOPREFIXROUTE);
	if (err)
		return err;
	for (i = 0; i < 100; i++) {
		flags = nm_addr_flags(sk, addr, ifindex);
		if (flags < 0 || (flags & IFA_F_DADFAILED) ||
		    !(flags & IFA_F_TENTATIVE))
			break;
		nanosleep(&tick, NULL);
	}
	nm_addr(sk, false, AF_INET6, addr, 128, ifindex, 0);
	if (flags < 0)
		return (int)flags;
	return flags & (IFA_F_DADFAILED | IFA_F_TENTATIVE) ? -EADDRINUSE : 0;
}

/*
 * The anycast join: the kernel then answers neighbour discovery for
 * @addr on @ifindex, for as long as the socket is open.
 */
static int nm_anycast_join(const struct in6_addr *addr, int ifindex)
{
	struct ipv6_mreq mreq = { .ipv6mr_multiaddr = *addr,
				  .ipv6mr_interface = (unsigned int)ifindex };
	int fd = socket(AF_INET6, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMPV6);

	if (fd < 0)
		return -errno;
	if (setsockopt(fd, IPPROTO_IPV6, IPV6_JOIN_ANYCAST, &mreq,
		       sizeof(mreq))) {
		int err = -errno;

		close(fd);
		return err;
	}
	return fd;
}

/*
 * The two routes for @pref: the IPv4 default route with src, metric and
 * MTU; the 6->4 route CLAT6/128 from @pref in table local, where it is
 * found ahead of the anycast route of CLAT6 (xlat.rst, "NetworkManager").
 */
static int nm_routes(struct xlat_route *r4, struct xlat_route *r6,
		     const char *dev, const struct xlat_prefix6 *pref,
		     const struct in6_addr *clat6, uint32_t metric, uint32_t mtu)
{
	struct xlat_prefix4 c4 = { .len = 32 };
	struct xlat_prefix6 c6 = { .addr = *clat6, .len = 128 };
	struct xlat_encap e;
	char text[XLAT_PREFIX_STRLEN];
	int err;

	xlat_route_init(r4, AF_INET);
	xlat_route_init(r6, AF_INET6);
	inet_pton(AF_INET, NM_CLAT4, &c4.addr);
	xlat_encap_init(&e);
	e.has_remote_prefix6 = true;
	e.remote_prefix6 = *pref;
	e.counters = true;
	err = xlat_encap_add_local_map(&e, &c4, &c6);
	if (!err)
		err = clat_routes(r4, r6, dev, &e);
	xlat_encap_clear(&e);
	if (err)
		return err;
	r4->metric = metric;
	r4->mtu = mtu;
	r6->table = RT_TABLE_LOCAL;
	xlat_prefix6_format(pref, text, sizeof(text));
	if (xlat_route_set_src(r4, NM_CLAT4) || xlat_route_set_from(r6, text))
		return -EINVAL;
	return 0;
}

/* A new PREF64: the IPv4 route replaced, the new 6->4 route added, the old one deleted */
static int nm_pref64(struct xlat_handle *h, struct xlat_route *r4,
		     struct xlat_route *r6, const char *dev,
		     const struct xlat_prefix6 *pref, const struct in6_addr *clat6,
		     uint32_t metric, uint32_t mtu)
{
	struct xlat_route n4, n6;
	int err;

	err = nm_routes(&n4, &n6, dev, pref, clat6, metric, mtu);
	if (!err)
		err = xlat_route_add(h, &n6);
	if (!err) {
		err = xlat_route_replace(h, &n4);
		if (err)
			xlat_route_del(h, &n6);
	}
	if (err) {
		xlat_route_clear(&n4);
		xlat_route_clear(&n6);
		return err;
	}
	xlat_route_del(h, r6);
	xlat_route_clear(r4);
	xlat_route_clear(r6);
	*r4 = n4;
	*r6 = n6;
	return 0;
}

/* Lines on stdin until its end or a signal */
static void nm_loop(struct xlat_handle *h, struct xlat_route *r4,
		    struct xlat_route *r6, const char *dev,
		    const struct in6_addr *clat6, uint32_t metric, uint32_t mtu)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	struct xlat_prefix6 pref;
	char line[256], arg[200];

	while (!nm_stop) {
		if (poll(&pfd, 1, 500) <= 0)
			continue;
		if (!fgets(line, sizeof(line), stdin))
			return;
		if (sscanf(line, "pref64 %199s", arg) == 1) {
			if (xlat_prefix6_parse(arg, &pref) ||
			    nm_pref64(h, r4, r6, dev, &pref, clat6, metric, mtu))
				printf("error pref64 %s: %s\n", arg,
				       xlat_errmsg(h));
			else
				printf("pref64 %s\n", arg);
		} else if (!strncmp(line, "stats", 5)) {
			xlat_route_dump(h, AF_UNSPEC, print_stats, (void *)dev);
		} else {
			printf("error: unknown command\n");
		}
		fflush(stdout);
	}
}

/* nm DEV PREFIX/64 PREF64 [METRIC [MTU]] */
static int nm_main(int argc, char **argv)
{
	struct xlat_stable_params p = { .ifname = argv[0], .secret = nm_secret,
					.secret_len = sizeof(nm_secret) };
	uint32_t metric = argc > 3 ? (uint32_t)strtoul(argv[3], NULL, 10) : 101;
	uint32_t mtu = argc > 4 ? (uint32_t)strtoul(argv[4], NULL, 10) : 1472;
	int ifindex = (int)if_nametoindex(argv[0]);
	struct xlat_prefix6 slaac, pref;
	struct xlat_route r4, r6;
	struct xlat_handle *h;
	struct in_addr clat4;
	struct in6_addr clat6;
	char text[INET6_ADDRSTRLEN];
	int err, fd = -1, tries;

	if (!ifindex || xlat_prefix6_parse(argv[1], &slaac) ||
	    slaac.len != 64 || xlat_prefix6_parse(argv[2], &pref)) {
		fprintf(stderr, "Error: nm DEV PREFIX/64 PREF64 [METRIC [MTU]]\n");
		return 2;
	}
	signal(SIGTERM, nm_on_signal);
	signal(SIGINT, nm_on_signal);
	signal(SIGPIPE, SIG_IGN);
	inet_pton(AF_INET, NM_CLAT4, &clat4);
	p.prefix = slaac.addr;
	err = xlat_open(&h);
	if (err)
		goto out;

	/* The address, and DAD; a duplicate takes the next DAD_Counter */
	for (tries = 0; tries < 3; tries++) {
		err = xlat_clat_address(&p, NULL, NULL, 0, &clat6, &p.dad_counter);
		if (!err)
			err = nm_dad(xlat_socket(h), &clat6, ifindex);
		if (err != -EADDRINUSE)
			break;
		p.dad_counter++;
	}
	if (!err) {
		fd = nm_anycast_join(&clat6, ifindex);
		err = fd < 0 ? fd : 0;
	}
	if (!err)
		err = nm_addr(xlat_socket(h), true, AF_INET, &clat4, 32, ifindex, 0);
	if (err)
		goto out_close;
	err = nm_routes(&r4, &r6, argv[0], &pref, &clat6, metric, mtu);
	if (!err)
		err = up(h, &r4, &r6);
	if (err) {
		fprintf(stderr, "Error: %s\n", xlat_errmsg(h));
		xlat_route_clear(&r4);
		xlat_route_clear(&r6);
		nm_addr(xlat_socket(h), false, AF_INET, &clat4, 32, ifindex, 0);
		goto out_close;
	}
	printf("up %s\n", inet_ntop(AF_INET6, &clat6, text, sizeof(text)));
	fflush(stdout);

	nm_loop(h, &r4, &r6, argv[0], &clat6, metric, mtu);

	/* Down: the IPv4 route first, so that no new packet leaves */
	err = down(h, &r4, &r6);
	if (err)
		fprintf(stderr, "Error: %s\n", xlat_errmsg(h));
	xlat_route_clear(&r4);
	xlat_route_clear(&r6);
	nm_addr(xlat_socket(h), false, AF_INET, &clat4, 32, ifindex, 0);
out_close:
	if (fd >= 0)
		close(fd);		/* leaves the anycast address */
	xlat_close(h);
out:
	if (err)
		fprintf(stderr, "Error: %s\n", strerror(-err));
	return err ? EXIT_FAILURE : EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
	struct xlat_route r4, r6;
	struct xlat_handle *h;
	struct xlat_encap e;
	int err;

	if (argc >= 5 && argc <= 7 && !strcmp(argv[1], "nm"))
		return nm_main(argc - 2, argv + 2);
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
			"Usage: %s nm DEV PREFIX/64 PREF64 [METRIC [MTU]]\n"
			"       %s up DEV PLAT-PREFIX6 CLAT4 CLAT6 MTU\n"
			"       %s stats DEV\n"
			"       %s down DEV PLAT-PREFIX6 CLAT4 CLAT6\n",
			argv[0], argv[0], argv[0], argv[0]);
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
