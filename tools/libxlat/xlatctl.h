/* SPDX-License-Identifier: GPL-2.0 */
/*
 * xlatctl: shared between the command parser and the printers.
 */
#ifndef XLATCTL_H
#define XLATCTL_H

#include <stdbool.h>
#include <stdio.h>

#include "xlat.h"

/**
 * struct xlatctl_opts - the global options
 * @json: -j, print JSON
 * @stats: -s, print counters with the routes
 * @family: -4, -6, or AF_UNSPEC
 */
struct xlatctl_opts {
	bool json;
	bool stats;
	int family;
};

/* The exit status of a command line that does not parse */
#define EXIT_SYNTAX	2

/**
 * struct xlatctl_clat - what "clat-address" computed
 * @addr: the CLAT address
 * @dad_counter: the DAD_Counter of RFC 7217 it took
 * @neutral: --neutral was given; @local4 and @pref are set
 * @local4: the IPv4 address it stands for
 * @pref: the NAT64 prefix
 */
struct xlatctl_clat {
	struct in6_addr addr;
	unsigned int dad_counter;
	bool neutral;
	struct xlat_prefix4 local4;
	struct xlat_prefix6 pref;
};

/* xlatctl.c */
int xlatctl_syntax(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* xlatctl_clat.c: the commands that need no netlink socket */
int xlatctl_cmd_pref64(const struct xlatctl_opts *o, int argc, char **argv);
int xlatctl_cmd_discover(const struct xlatctl_opts *o, int argc);
int xlatctl_cmd_clat_address(const struct xlatctl_opts *o, int argc,
			     char **argv);

/* xlatctl_print.c */
void xlatctl_print_routes(FILE *f, const struct xlatctl_opts *o,
			  const struct xlat_route *routes, size_t n);
void xlatctl_print_ns_stats(FILE *f, const struct xlatctl_opts *o,
			    const struct xlat_ns_stats *st);
void xlatctl_print_pref64(FILE *f, const struct xlatctl_opts *o,
			  const struct xlat_pref64 *p);
void xlatctl_print_prefixes(FILE *f, const struct xlatctl_opts *o,
			    const struct xlat_prefix6 *p, size_t n);
void xlatctl_print_clat(FILE *f, const struct xlatctl_opts *o,
			const struct xlatctl_clat *c);

#endif /* XLATCTL_H */
