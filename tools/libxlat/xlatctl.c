// SPDX-License-Identifier: GPL-2.0
/*
 * xlatctl: manage routes with the xlat encap through libxlat, for scripts.
 *
 *   xlatctl [-j] [-s] [-4|-6] add|replace|del ROUTE [ENCAP]
 *   xlatctl [-j] [-s] [-4|-6] show [-s] [table N|all] [dev IF] [PREFIX]
 *   xlatctl [-j] stats
 *   xlatctl [-j] pref64 parse HEX
 *   xlatctl [-j] discover
 *   xlatctl [-j] clat-address PREFIX/64 SECRET [OPTIONS]
 *
 * ROUTE and ENCAP take the words of "ip route ... encap xlat ...", in any
 * order. Exit status: 0 on success, 1 when the kernel or the system
 * refused, 2 for a command line that does not parse.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/rtnetlink.h>
#include <netlink/route/route.h>

#include "xlatctl.h"

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: xlatctl [-j] [-s] [-4|-6] COMMAND\n"
		"  add|replace ROUTE ENCAP    install a route with the xlat encap\n"
		"  del ROUTE [ENCAP]          delete it (the encap narrows the match)\n"
		"  show [-s] [table N|all] [dev IF] [PREFIX]\n"
		"                             the xlat routes (all tables), -s with counters\n"
		"  stats                      the totals of this network namespace\n"
		"  pref64 parse HEX           an RFC 8781 PREF64 option, in hex\n"
		"  discover                   the NAT64 prefixes of ipv4only.arpa (RFC 7050)\n"
		"  clat-address PREFIX/64 --secret-file F|--secret HEX [--ifname N]\n"
		"         [--network-id S] [--dad-counter N] [--neutral LOCAL4 PREF64/LEN]\n"
		"                             a stable CLAT address (RFC 7217), checksum-\n"
		"                             neutral to LOCAL4 with --neutral (RFC 6296)\n"
		"ROUTE := PREFIX|default [from PREFIX6] [table N] dev IF [src ADDR]\n"
		"         [metric N] [mtu N] [proto P]\n"
		"ENCAP := [encap xlat] [remote-prefix6 PREFIX6]\n"
		"         [local-map PREFIX4 PREFIX6]... [eam PREFIX4 PREFIX6]...\n"
		"         [denylist4 PREFIX4]... [icmp-source-pool4 PREFIX4]\n"
		"         [icmp-source-pool6 PREFIX6] [udp-zero-checksum compute|drop]\n"
		"         [tclass copy|zero] [tos4 copy|TOS] [lowest-ipv6-mtu MTU]\n"
		"         [icmp-node-id on|off] [count]\n"
		"Options: -j JSON output, -s counters, -4/-6 family (else from PREFIX)\n");
}

/* A command line that does not parse: say why, return EXIT_SYNTAX */
int xlatctl_syntax(const char *fmt, ...)
{
	va_list ap;

	fputs("Error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_SYNTAX;
}

/* Report a failed library call and return the exit status */
static int failed(struct xlat_handle *h, int err)
{
	fprintf(stderr, "Error: %s\n", h ? xlat_errmsg(h) : strerror(-err));
	return EXIT_FAILURE;
}

static int parse_u32(const char *text, uint32_t *val)
{
	unsigned long n;
	char *end;

	if (!*text || *text == '-')
		return -EINVAL;
	errno = 0;
	n = strtoul(text, &end, 0);
	if (errno || *end || n > UINT32_MAX)
		return -EINVAL;
	*val = (uint32_t)n;
	return 0;
}

/* "main", "local", "default", a name from rt_tables, or a number */
static int parse_table(const char *text, uint32_t *table)
{
	int t;

	if (!parse_u32(text, table))
		return 0;
	t = rtnl_route_str2table(text);
	if (t < 0)
		return -EINVAL;
	*table = (uint32_t)t;
	return 0;
}

static int parse_proto(const char *text, uint8_t *proto)
{
	uint32_t n;
	int p;

	if (!parse_u32(text, &n)) {
		if (n > 255)
			return -EINVAL;
		*proto = (uint8_t)n;
		return 0;
	}
	p = rtnl_route_str2proto(text);
	if (p < 0 || p > 255)
		return -EINVAL;
	*proto = (uint8_t)p;
	return 0;
}

/* Family from -4/-6, else from the prefix: IPv6 if it has a colon */
static int route_family(const struct xlatctl_opts *o, const char *dst)
{
	if (o->family != AF_UNSPEC)
		return o->family;
	return dst && strchr(dst, ':') ? AF_INET6 : AF_INET;
}

/*
 * A route keyword and its value at argv[0..1].
 * Return: 2, 0 if argv[0] is not a route keyword, or EXIT_SYNTAX negated
 * after a message.
 */
static int parse_route_word(struct xlat_route *r, int argc, char **argv)
{
	const char *key = argv[0];
	const char *val = argv[1];
	int bad = 0;

	if (strcmp(key, "table") && strcmp(key, "dev") &&
	    strcmp(key, "metric") && strcmp(key, "priority") &&
	    strcmp(key, "preference") && strcmp(key, "mtu") &&
	    strcmp(key, "proto"))
		return 0;
	if (argc < 2)
		return -xlatctl_syntax("\"%s\" needs a value", key);

	if (!strcmp(key, "table")) {
		bad = parse_table(val, &r->table);
	} else if (!strcmp(key, "dev")) {
		if (strlen(val) >= sizeof(r->dev))
			return -xlatctl_syntax("\"%s\": interface name too long", val);
		snprintf(r->dev, sizeof(r->dev), "%s", val);
	} else if (!strcmp(key, "mtu")) {
		bad = parse_u32(val, &r->mtu);
	} else if (!strcmp(key, "proto")) {
		bad = parse_proto(val, &r->protocol);
	} else {
		bad = parse_u32(val, &r->metric);
	}
	if (bad)
		return -xlatctl_syntax("\"%s\" has a bad value \"%s\"", key, val);
	return 2;
}

/*
 * ROUTE and ENCAP words in any order, "encap xlat" optional.
 * Return: 0, or EXIT_SYNTAX after a message.
 */
static int parse_route(const struct xlatctl_opts *o, struct xlat_route *r,
		       int argc, char **argv)
{
	const char *dst = NULL, *src = NULL, *from = NULL;
	char err[256];
	int n;

	xlat_route_init(r, AF_UNSPEC);
	while (argc > 0) {
		n = parse_route_word(r, argc, argv);
		if (n < 0)
			return -n;
		/* the family of "src" is known once the destination is */
		if (!n && !strcmp(argv[0], "src")) {
			if (argc < 2)
				return xlatctl_syntax("\"src\" needs a value");
			src = argv[1];
			n = 2;
		}
		if (!n && !strcmp(argv[0], "from")) {
			if (argc < 2)
				return xlatctl_syntax("\"from\" needs a value");
			from = argv[1];
			n = 2;
		}
		if (!n && !strcmp(argv[0], "encap")) {
			if (argc < 2 || strcmp(argv[1], "xlat"))
				return xlatctl_syntax("only \"encap xlat\" is known here");
			n = 2;
		}
		if (!n) {
			n = xlat_encap_parse(&r->encap, argc, argv, err,
					     sizeof(err));
			if (n < 0)
				return xlatctl_syntax("%s", err);
		}
		if (!n) {
			if (dst)
				return xlatctl_syntax("unknown word \"%s\"", argv[0]);
			dst = argv[0];
			n = 1;
		}
		argc -= n;
		argv += n;
	}
	if (!dst)
		return xlatctl_syntax("a destination PREFIX is needed");
	r->family = route_family(o, dst);
	if (xlat_route_set_dst(r, dst))
		return xlatctl_syntax("\"%s\" is not an %s prefix", dst,
			      r->family == AF_INET ? "IPv4" : "IPv6");
	if (src && xlat_route_set_src(r, src))
		return xlatctl_syntax("\"src\" %s is not an %s address", src,
			      r->family == AF_INET ? "IPv4" : "IPv6");
	if (from && xlat_route_set_from(r, from))
		return xlatctl_syntax("\"from\" %s is not an IPv6 source prefix of an IPv6 route",
			      from);
	return 0;
}

static int cmd_modify(struct xlat_handle *h, const struct xlatctl_opts *o,
		      const char *cmd, int argc, char **argv)
{
	struct xlat_route r;
	int err;

	err = parse_route(o, &r, argc, argv);
	if (err) {
		xlat_route_clear(&r);
		return err;
	}
	if (!strcmp(cmd, "add"))
		err = xlat_route_add(h, &r);
	else if (!strcmp(cmd, "replace"))
		err = xlat_route_replace(h, &r);
	else
		err = xlat_route_del(h, &r);
	xlat_route_clear(&r);
	if (err)
		return failed(h, err);
	if (xlat_extack(h))
		fprintf(stderr, "Warning: %s\n", xlat_extack(h));
	return EXIT_SUCCESS;
}

/**
 * struct show_filter - which routes "show" prints
 * @any_table: table all (the default)
 * @table: the table otherwise
 * @dev: only routes through this device, or ""
 * @dst: only this destination, when @has_dst
 * @has_dst: @dst is set
 */
struct show_filter {
	bool any_table;
	uint32_t table;
	const char *dev;
	struct xlat_route dst;
	bool has_dst;
};

static bool show_match(const struct show_filter *sf, const struct xlat_route *r)
{
	size_t alen = r->family == AF_INET ? 4 : 16;

	if (!sf->any_table && r->table != sf->table)
		return false;
	if (sf->dev[0] && strcmp(sf->dev, r->dev))
		return false;
	if (sf->has_dst && (sf->dst.family != r->family ||
			    sf->dst.dst_len != r->dst_len ||
			    memcmp(&sf->dst.dst, &r->dst, alen)))
		return false;
	return true;
}

static int parse_show(struct xlatctl_opts *o, struct show_filter *sf,
		      int argc, char **argv)
{
	for (; argc > 0; argc--, argv++) {
		if (!strcmp(*argv, "-s")) {
			o->stats = true;
		} else if (!strcmp(*argv, "table") || !strcmp(*argv, "dev")) {
			if (argc < 2)
				return xlatctl_syntax("\"%s\" needs a value", *argv);
			if (argv[0][0] == 'd') {
				sf->dev = argv[1];
			} else if (!strcmp(argv[1], "all")) {
				sf->any_table = true;
			} else {
				sf->any_table = false;
				if (parse_table(argv[1], &sf->table))
					return xlatctl_syntax("\"table\" has a bad value \"%s\"",
						      argv[1]);
			}
			argc--;
			argv++;
		} else if (!sf->has_dst) {
			xlat_route_init(&sf->dst, route_family(o, *argv));
			if (xlat_route_set_dst(&sf->dst, *argv))
				return xlatctl_syntax("\"%s\" is not a prefix", *argv);
			sf->has_dst = true;
		} else {
			return xlatctl_syntax("unknown word \"%s\"", *argv);
		}
	}
	return 0;
}

static int cmd_show(struct xlat_handle *h, struct xlatctl_opts *o,
		    int argc, char **argv)
{
	struct show_filter sf = { .any_table = true, .dev = "" };
	struct xlat_route *routes;
	size_t n, i, kept;
	int err;

	err = parse_show(o, &sf, argc, argv);
	if (err)
		return err;
	err = xlat_route_list(h, sf.has_dst ? sf.dst.family : o->family,
			      &routes, &n);
	if (err)
		return failed(h, err);
	/* Move the routes that match to the front, and print those */
	for (i = 0, kept = 0; i < n; i++) {
		struct xlat_route tmp;

		if (!show_match(&sf, &routes[i]))
			continue;
		tmp = routes[kept];
		routes[kept++] = routes[i];
		routes[i] = tmp;
	}
	xlatctl_print_routes(stdout, o, routes, kept);
	xlat_route_list_free(routes, n);
	return EXIT_SUCCESS;
}

static int cmd_stats(const struct xlatctl_opts *o, int argc)
{
	struct xlat_ns_stats st;
	int err;

	if (argc > 0)
		return xlatctl_syntax("\"stats\" takes no arguments");
	err = xlat_ns_stats_read(&st);
	if (err) {
		fprintf(stderr, "Error: the XlatExt counters of /proc/net/netstat: %s\n",
			strerror(-err));
		return EXIT_FAILURE;
	}
	xlatctl_print_ns_stats(stdout, o, &st);
	xlat_ns_stats_clear(&st);
	return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
	struct xlatctl_opts o = { .family = AF_UNSPEC };
	struct xlat_handle *h;
	const char *cmd;
	int c, err, ret;

	while ((c = getopt(argc, argv, "+js46h")) != -1) {
		switch (c) {
		case 'j':
			o.json = true;
			break;
		case 's':
			o.stats = true;
			break;
		case '4':
			o.family = AF_INET;
			break;
		case '6':
			o.family = AF_INET6;
			break;
		case 'h':
			usage(stdout);
			return EXIT_SUCCESS;
		default:
			usage(stderr);
			return EXIT_SYNTAX;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_SYNTAX;
	}
	cmd = argv[optind];
	argc -= optind + 1;
	argv += optind + 1;

	if (!strcmp(cmd, "help")) {
		usage(stdout);
		return EXIT_SUCCESS;
	}
	if (!strcmp(cmd, "stats"))
		return cmd_stats(&o, argc);
	if (!strcmp(cmd, "pref64"))
		return xlatctl_cmd_pref64(&o, argc, argv);
	if (!strcmp(cmd, "discover"))
		return xlatctl_cmd_discover(&o, argc);
	if (!strcmp(cmd, "clat-address"))
		return xlatctl_cmd_clat_address(&o, argc, argv);
	if (strcmp(cmd, "add") && strcmp(cmd, "replace") &&
	    strcmp(cmd, "del") && strcmp(cmd, "delete") &&
	    strcmp(cmd, "show") && strcmp(cmd, "list")) {
		xlatctl_syntax("unknown command \"%s\"", cmd);
		usage(stderr);
		return EXIT_SYNTAX;
	}

	err = xlat_open(&h);
	if (err)
		return failed(NULL, err);
	if (!strcmp(cmd, "show") || !strcmp(cmd, "list"))
		ret = cmd_show(h, &o, argc, argv);
	else
		ret = cmd_modify(h, &o, cmd, argc, argv);
	xlat_close(h);
	return ret;
}
