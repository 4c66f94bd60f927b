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

/* xlatctl_print.c */
void xlatctl_print_routes(FILE *f, const struct xlatctl_opts *o,
			  const struct xlat_route *routes, size_t n);
void xlatctl_print_ns_stats(FILE *f, const struct xlatctl_opts *o,
			    const struct xlat_ns_stats *st);

#endif /* XLATCTL_H */
