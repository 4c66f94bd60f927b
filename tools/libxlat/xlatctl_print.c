// SPDX-License-Identifier: GPL-2.0
/*
 * xlatctl: output. Text in the syntax of the commands, so that a route
 * line pastes back into "xlatctl replace"; or JSON, written by hand with
 * every string escaped (RFC 8259 section 7).
 */
#include <arpa/inet.h>
#include <inttypes.h>
#include <linux/rtnetlink.h>
#include <netlink/route/route.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlatctl.h"

#define JSON_MAX_DEPTH	8

/**
 * struct json - a JSON writer
 * @f: where to write
 * @depth: open objects and arrays
 * @count: members written so far at each depth, for the commas
 */
struct json {
	FILE *f;
	unsigned int depth;
	unsigned int count[JSON_MAX_DEPTH];
};

static void json_escape(FILE *f, const char *s)
{
	const unsigned char *p;

	fputc('"', f);
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

/* The comma and key before a member; @key is NULL inside an array */
static void json_key(struct json *j, const char *key)
{
	if (j->count[j->depth]++)
		fputc(',', j->f);
	if (key) {
		json_escape(j->f, key);
		fputc(':', j->f);
	}
}

static void json_open(struct json *j, const char *key, char c)
{
	json_key(j, key);
	fputc(c, j->f);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->count[++j->depth] = 0;
}

static void json_close(struct json *j, char c)
{
	if (j->depth)
		j->depth--;
	fputc(c, j->f);
}

static void json_str(struct json *j, const char *key, const char *val)
{
	json_key(j, key);
	json_escape(j->f, val);
}

static void json_u64(struct json *j, const char *key, uint64_t val)
{
	json_key(j, key);
	fprintf(j->f, "%" PRIu64, val);
}

static void json_true(struct json *j, const char *key)
{
	json_key(j, key);
	fputs("true", j->f);
}

/* --- a route -------------------------------------------------------------- */

static const char *dst_text(const struct xlat_route *r, char *buf, size_t len)
{
	struct xlat_prefix4 p4 = { .addr = r->dst.v4, .len = r->dst_len };
	struct xlat_prefix6 p6 = { .addr = r->dst.v6, .len = r->dst_len };

	if (r->family == AF_INET)
		return xlat_prefix4_format(&p4, buf, len);
	return xlat_prefix6_format(&p6, buf, len);
}

static const char *proto_text(const struct xlat_route *r, char *buf,
			      size_t len)
{
	return rtnl_route_proto2str(r->protocol, buf, len);
}

static void json_p4(struct json *j, const char *key,
		    const struct xlat_prefix4 *p)
{
	char b[XLAT_PREFIX_STRLEN];

	json_str(j, key, xlat_prefix4_format(p, b, sizeof(b)));
}

static void json_p6(struct json *j, const char *key,
		    const struct xlat_prefix6 *p)
{
	char b[XLAT_PREFIX_STRLEN];

	json_str(j, key, xlat_prefix6_format(p, b, sizeof(b)));
}

static void json_pairs(struct json *j, const char *key,
		       const struct xlat_pair *pairs, unsigned int n)
{
	unsigned int i;

	if (!n)
		return;
	json_open(j, key, '[');
	for (i = 0; i < n; i++) {
		json_open(j, NULL, '{');
		json_p4(j, "prefix4", &pairs[i].p4);
		json_p6(j, "prefix6", &pairs[i].p6);
		json_close(j, '}');
	}
	json_close(j, ']');
}

static void json_mode(struct json *j, const char *key, int val,
		      const char *w0, const char *w1)
{
	if (val == 0 || val == 1)
		json_str(j, key, val ? w1 : w0);
	else
		json_u64(j, key, (uint64_t)val);
}

/* The members that are set, under the names of the ip route keywords */
static void json_encap(struct json *j, const struct xlat_encap *e)
{
	unsigned int i;

	json_open(j, "encap", '{');
	json_str(j, "type", "xlat");
	if (e->has_remote_prefix6)
		json_p6(j, "remote-prefix6", &e->remote_prefix6);
	json_pairs(j, "local-map", e->local_map, e->n_local_map);
	json_pairs(j, "eam", e->eam, e->n_eam);
	if (e->n_denylist4) {
		json_open(j, "denylist4", '[');
		for (i = 0; i < e->n_denylist4; i++)
			json_p4(j, NULL, &e->denylist4[i]);
		json_close(j, ']');
	}
	if (e->has_icmp_pool4)
		json_p4(j, "icmp-source-pool4", &e->icmp_pool4);
	if (e->has_icmp_pool6)
		json_p6(j, "icmp-source-pool6", &e->icmp_pool6);
	if (e->has_udp_zero_csum)
		json_mode(j, "udp-zero-checksum", e->udp_zero_csum, "compute",
			  "drop");
	if (e->has_tclass)
		json_mode(j, "tclass", e->tclass, "copy", "zero");
	if (e->has_tos4)
		json_u64(j, "tos4", e->tos4);
	if (e->has_lowest_ipv6_mtu)
		json_u64(j, "lowest-ipv6-mtu", e->lowest_ipv6_mtu);
	if (e->has_icmp_node_id)
		json_mode(j, "icmp-node-id", e->icmp_node_id, "off", "on");
	if (e->counters)
		json_true(j, "count");
	json_close(j, '}');
}

static void json_drops(struct json *j, const struct xlat_drop *drops,
		       unsigned int n)
{
	unsigned int i;

	json_open(j, "drops", '{');
	for (i = 0; i < n; i++)
		json_u64(j, drops[i].name, drops[i].count);
	json_close(j, '}');
}

static void json_route(struct json *j, const struct xlatctl_opts *o,
		       const struct xlat_route *r)
{
	char b[XLAT_PREFIX_STRLEN];

	json_open(j, NULL, '{');
	json_str(j, "dst", dst_text(r, b, sizeof(b)));
	json_str(j, "family", r->family == AF_INET ? "inet" : "inet6");
	if (r->from_len) {
		inet_ntop(AF_INET6, &r->from, b, sizeof(b));
		snprintf(b + strlen(b), sizeof(b) - strlen(b), "/%u",
			 r->from_len);
		json_str(j, "from", b);
	}
	json_u64(j, "table", r->table);
	if (r->dev[0])
		json_str(j, "dev", r->dev);
	json_u64(j, "ifindex", (uint64_t)r->ifindex);
	json_str(j, "protocol", proto_text(r, b, sizeof(b)));
	if (r->has_prefsrc)
		json_str(j, "prefsrc", inet_ntop(r->family, &r->prefsrc, b,
						 sizeof(b)));
	if (r->metric)
		json_u64(j, "metric", r->metric);
	if (r->mtu)
		json_u64(j, "mtu", r->mtu);
	json_encap(j, &r->encap);
	if (o->stats && r->stats.valid) {
		json_open(j, "stats", '{');
		json_str(j, "direction", xlat_dir_name(r->stats.dir));
		json_u64(j, "packets", r->stats.packets);
		json_u64(j, "bytes", r->stats.bytes);
		json_drops(j, r->stats.drops, r->stats.n_drops);
		json_close(j, '}');
	}
	json_close(j, '}');
}

/*
 * PREFIX [from P6] [table N] encap xlat ENCAP dev IF [proto P] [src A] [metric N]
 * [mtu N],
 * then with -s: packets N bytes N [drop REASON N]...
 */
static void text_route(FILE *f, const struct xlatctl_opts *o,
		       const struct xlat_route *r)
{
	char b[XLAT_PREFIX_STRLEN];
	char *encap;
	unsigned int i;
	int len;

	fputs(dst_text(r, b, sizeof(b)), f);
	if (r->from_len)
		fprintf(f, " from %s/%u", inet_ntop(AF_INET6, &r->from, b,
						    sizeof(b)), r->from_len);
	if (r->table != RT_TABLE_MAIN)
		fprintf(f, " table %u", r->table);
	len = xlat_encap_format(&r->encap, NULL, 0);
	encap = malloc((size_t)len + 1);
	if (encap) {
		xlat_encap_format(&r->encap, encap, (size_t)len + 1);
		fprintf(f, " encap xlat %s", encap);
		free(encap);
	}
	if (r->dev[0])
		fprintf(f, " dev %s", r->dev);
	else
		fprintf(f, " ifindex %d", r->ifindex);
	if (r->protocol != RTPROT_BOOT)
		fprintf(f, " proto %s", proto_text(r, b, sizeof(b)));
	if (r->has_prefsrc)
		fprintf(f, " src %s", inet_ntop(r->family, &r->prefsrc, b,
						sizeof(b)));
	if (r->metric)
		fprintf(f, " metric %u", r->metric);
	if (r->mtu)
		fprintf(f, " mtu %u", r->mtu);
	if (o->stats && r->stats.valid) {
		fprintf(f, " packets %" PRIu64 " bytes %" PRIu64,
			r->stats.packets, r->stats.bytes);
		for (i = 0; i < r->stats.n_drops; i++)
			fprintf(f, " drop %s %" PRIu64, r->stats.drops[i].name,
				r->stats.drops[i].count);
	}
	fputc('\n', f);
}

void xlatctl_print_routes(FILE *f, const struct xlatctl_opts *o,
			  const struct xlat_route *routes, size_t n)
{
	struct json j = { .f = f };
	size_t i;

	if (!o->json) {
		for (i = 0; i < n; i++)
			text_route(f, o, &routes[i]);
		return;
	}
	json_open(&j, NULL, '[');
	for (i = 0; i < n; i++)
		json_route(&j, o, &routes[i]);
	json_close(&j, ']');
	fputc('\n', f);
}

/* --- namespace totals ----------------------------------------------------- */

void xlatctl_print_ns_stats(FILE *f, const struct xlatctl_opts *o,
			    const struct xlat_ns_stats *st)
{
	struct json j = { .f = f };
	enum xlat_dir d;
	unsigned int i;

	if (!o->json) {
		for (d = XLAT_DIR_4TO6; d <= XLAT_DIR_6TO4; d++)
			fprintf(f, "%s packets %" PRIu64 " bytes %" PRIu64 "\n",
				xlat_dir_name(d), st->packets[d], st->bytes[d]);
		for (i = 0; i < st->n_drops; i++)
			if (st->drops[i].count)
				fprintf(f, "drop %s %" PRIu64 "\n",
					st->drops[i].name, st->drops[i].count);
		return;
	}
	json_open(&j, NULL, '{');
	for (d = XLAT_DIR_4TO6; d <= XLAT_DIR_6TO4; d++) {
		json_open(&j, xlat_dir_name(d), '{');
		json_u64(&j, "packets", st->packets[d]);
		json_u64(&j, "bytes", st->bytes[d]);
		json_close(&j, '}');
	}
	json_drops(&j, st->drops, st->n_drops);
	json_close(&j, '}');
	fputc('\n', f);
}

/* --- discovery and CLAT addresses ----------------------------------------- */

/* "P/L lifetime N", or {"prefix":"P/L","lifetime":N} */
void xlatctl_print_pref64(FILE *f, const struct xlatctl_opts *o,
			  const struct xlat_pref64 *p)
{
	struct json j = { .f = f };
	char b[XLAT_PREFIX_STRLEN];

	if (!o->json) {
		fprintf(f, "%s lifetime %u\n",
			xlat_prefix6_format(&p->prefix, b, sizeof(b)),
			p->lifetime);
		return;
	}
	json_open(&j, NULL, '{');
	json_p6(&j, "prefix", &p->prefix);
	json_u64(&j, "lifetime", p->lifetime);
	json_close(&j, '}');
	fputc('\n', f);
}

/* One prefix a line, or {"prefixes":["P/L",...]} */
void xlatctl_print_prefixes(FILE *f, const struct xlatctl_opts *o,
			    const struct xlat_prefix6 *p, size_t n)
{
	struct json j = { .f = f };
	char b[XLAT_PREFIX_STRLEN];
	size_t i;

	if (!o->json) {
		for (i = 0; i < n; i++)
			fprintf(f, "%s\n", xlat_prefix6_format(&p[i], b, sizeof(b)));
		return;
	}
	json_open(&j, NULL, '{');
	json_open(&j, "prefixes", '[');
	for (i = 0; i < n; i++)
		json_p6(&j, NULL, &p[i]);
	json_close(&j, ']');
	json_close(&j, '}');
	fputc('\n', f);
}

/*
 * The address alone, for $(...); or {"address":..., "dad-counter":N,
 * "checksum-neutral":bool[, "local4":..., "pref64":...]}
 */
void xlatctl_print_clat(FILE *f, const struct xlatctl_opts *o,
			const struct xlatctl_clat *c)
{
	struct json j = { .f = f };
	char b[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, &c->addr, b, sizeof(b));
	if (!o->json) {
		fprintf(f, "%s\n", b);
		return;
	}
	json_open(&j, NULL, '{');
	json_str(&j, "address", b);
	json_u64(&j, "dad-counter", c->dad_counter);
	json_key(&j, "checksum-neutral");
	fputs(c->neutral ? "true" : "false", f);
	if (c->neutral) {
		inet_ntop(AF_INET, &c->local4.addr, b, sizeof(b));
		json_str(&j, "local4", b);
		json_p6(&j, "pref64", &c->pref);
	}
	json_close(&j, '}');
	fputc('\n', f);
}
