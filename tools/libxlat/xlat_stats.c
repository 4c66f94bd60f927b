// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libxlat: counters. Per encap they come with the route dump
 * (XLAT_ATTR_STATS); per network namespace they are the kernel's MIB
 * counters "XlatExt" of /proc/net/netstat, as nstat(8) reads them.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlat_priv.h"

static const struct nla_policy xlat_stats_policy[XLAT_STATS_MAX + 1] = {
	[XLAT_STATS_PACKETS] = { .type = NLA_U64 },
	[XLAT_STATS_BYTES] = { .type = NLA_U64 },
};

static const struct nla_policy xlat_drop_policy[XLAT_DROP_ATTR_MAX + 1] = {
	[XLAT_DROP_ATTR_REASON] = { .type = NLA_U32 },
	[XLAT_DROP_ATTR_COUNT] = { .type = NLA_U64 },
};

/* The names of enum xlat_drop_reason, as Documentation/networking/xlat.rst */
static const char * const xlat_drop_names[] = {
	[XLAT_DROP_MALFORMED_IPV4] = "malformed-ipv4",
	[XLAT_DROP_MALFORMED_IPV6] = "malformed-ipv6",
	[XLAT_DROP_TRUNCATED_L4] = "truncated-transport",
	[XLAT_DROP_TTL_EXCEEDED] = "ttl-exceeded",
	[XLAT_DROP_SOURCE_ROUTE] = "source-route",
	[XLAT_DROP_ROUTING_HEADER] = "routing-header",
	[XLAT_DROP_FRAG_EXTHDR] = "extension-after-fragment",
	[XLAT_DROP_PROTO_REFUSED] = "protocol-refused",
	[XLAT_DROP_UNTRANSLATABLE_SRC] = "untranslatable-source",
	[XLAT_DROP_UNTRANSLATABLE_DST] = "untranslatable-destination",
	[XLAT_DROP_NO_NEAR_SIDE] = "no-near-side-mapping",
	[XLAT_DROP_UDP_ZERO_CSUM] = "udp-zero-checksum",
	[XLAT_DROP_UDP_ZERO_CSUM_FRAG] = "udp-zero-checksum-fragment",
	[XLAT_DROP_ICMP_TYPE] = "icmp-type-untranslated",
	[XLAT_DROP_ICMP_CHECKSUM] = "icmp-error-checksum",
	[XLAT_DROP_ICMP_INNER] = "icmp-error-inner",
	[XLAT_DROP_ICMP_FRAGMENT] = "icmp-fragment",
	[XLAT_DROP_TOO_BIG] = "packet-too-big",
	[XLAT_DROP_TOO_LONG] = "ipv4-length-overflow",
	[XLAT_DROP_FRAG_FAILED] = "fragmentation-failed",
	[XLAT_DROP_REASM] = "reassembly-failed",
	[XLAT_DROP_NO_ROUTE] = "no-route",
	[XLAT_DROP_NOMEM] = "no-memory",
};

/* The name of drop reason @reason, or "reason-N" for one newer than us */
static const char *xlat_drop_reason_name(uint32_t reason, char *buf,
					  size_t len)
{
	if (reason < sizeof(xlat_drop_names) / sizeof(xlat_drop_names[0]) &&
	    xlat_drop_names[reason])
		return xlat_drop_names[reason];
	snprintf(buf, len, "reason-%" PRIu32, reason);
	return buf;
}

/* Append a drop reason to *@drops of *@n entries */
static int xlat_add_drop(struct xlat_drop **drops, unsigned int *n,
			 const char *name, uint64_t count)
{
	struct xlat_drop *grown;

	grown = realloc(*drops, (*n + 1) * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	*drops = grown;
	snprintf(grown[*n].name, sizeof(grown[*n].name), "%s", name);
	grown[*n].count = count;
	(*n)++;
	return 0;
}

/**
 * xlat_stats_get() - decode XLAT_ATTR_STATS
 * @s: counters to fill; @s->dir is left alone
 * @nest: the attribute
 *
 * Return: 0, -EBADMSG or -ENOMEM.
 */
int xlat_stats_get(struct xlat_stats *s, struct nlattr *nest)
{
	struct nlattr *tb[XLAT_STATS_MAX + 1];
	struct nlattr *a;
	int rem, err;

	if (nla_parse_nested(tb, XLAT_STATS_MAX, nest, xlat_stats_policy) < 0)
		return -EBADMSG;
	s->valid = true;
	if (tb[XLAT_STATS_PACKETS])
		s->packets = nla_get_u64(tb[XLAT_STATS_PACKETS]);
	if (tb[XLAT_STATS_BYTES])
		s->bytes = nla_get_u64(tb[XLAT_STATS_BYTES]);

	nla_for_each_nested(a, nest, rem) {
		struct nlattr *dtb[XLAT_DROP_ATTR_MAX + 1];
		char buf[XLAT_DROP_NAME_LEN];
		const char *name;

		if (nla_type(a) != XLAT_STATS_DROP)
			continue;
		if (nla_parse_nested(dtb, XLAT_DROP_ATTR_MAX, a,
				     xlat_drop_policy) < 0 ||
		    !dtb[XLAT_DROP_ATTR_REASON] || !dtb[XLAT_DROP_ATTR_COUNT])
			return -EBADMSG;
		name = xlat_drop_reason_name(
			nla_get_u32(dtb[XLAT_DROP_ATTR_REASON]), buf,
			sizeof(buf));
		err = xlat_add_drop(&s->drops, &s->n_drops, name,
				    nla_get_u64(dtb[XLAT_DROP_ATTR_COUNT]));
		if (err)
			return err;
	}
	return 0;
}

void xlat_stats_clear(struct xlat_stats *s)
{
	free(s->drops);
	memset(s, 0, sizeof(*s));
}

uint64_t xlat_stats_drop_count(const struct xlat_stats *s, const char *name)
{
	unsigned int i;

	for (i = 0; i < s->n_drops; i++)
		if (!strcmp(s->drops[i].name, name))
			return s->drops[i].count;
	return 0;
}

const char *xlat_dir_name(enum xlat_dir dir)
{
	return dir == XLAT_DIR_4TO6 ? "4to6" : "6to4";
}

/*
 * One counter of "XlatExt": Packets4to6, Octets4to6, Packets6to4,
 * Octets6to4, then one DropNAME per reason, in the order of enum
 * xlat_drop_reason (Documentation/networking/xlat.rst): the @n-th of
 * them is reason @n, named as in route dumps, "reason-N" when it is
 * newer than this library.
 */
static int xlat_ns_stats_field(struct xlat_ns_stats *st, const char *name,
			       uint64_t val)
{
	char buf[XLAT_DROP_NAME_LEN];
	enum xlat_dir dir;

	for (dir = XLAT_DIR_4TO6; dir <= XLAT_DIR_6TO4; dir++) {
		const char *d = xlat_dir_name(dir);

		if (!strncmp(name, "Packets", 7) && !strcmp(name + 7, d))
			st->packets[dir] = val;
		else if (!strncmp(name, "Octets", 6) && !strcmp(name + 6, d))
			st->bytes[dir] = val;
	}
	if (strncmp(name, "Drop", 4))
		return 0;
	return xlat_add_drop(&st->drops, &st->n_drops,
			     xlat_drop_reason_name(st->n_drops, buf,
						   sizeof(buf)), val);
}

/* The "XlatExt:" lines of /proc/net/netstat: names, then their values */
static int xlat_ns_stats_parse_lines(struct xlat_ns_stats *st, char *names,
				     char *vals)
{
	char *ns, *vs, *name, *val;
	int err = 0;

	name = strtok_r(names + 8, " \n", &ns);
	val = strtok_r(vals + 8, " \n", &vs);
	for (; !err && name && val; name = strtok_r(NULL, " \n", &ns),
				   val = strtok_r(NULL, " \n", &vs))
		err = xlat_ns_stats_field(st, name, strtoull(val, NULL, 10));
	if (!err && (name || val))
		err = -EBADMSG;
	return err;
}

int xlat_ns_stats_parse(FILE *f, struct xlat_ns_stats *st)
{
	char *line = NULL, *names = NULL;
	size_t cap = 0;
	int err = -ENOENT;

	memset(st, 0, sizeof(*st));
	while (getline(&line, &cap, f) > 0) {
		if (strncmp(line, "XlatExt:", 8))
			continue;
		if (!names) {
			names = strdup(line);
			if (!names) {
				err = -ENOMEM;
				break;
			}
			continue;
		}
		err = xlat_ns_stats_parse_lines(st, names, line);
		break;
	}
	if (err == -ENOENT && ferror(f))
		err = -EIO;
	else if (err == -ENOENT && names)
		err = -EBADMSG;		/* names without values */
	free(names);
	free(line);
	if (err)
		xlat_ns_stats_clear(st);
	return err;
}

int xlat_ns_stats_read(struct xlat_ns_stats *st)
{
	FILE *f;
	int err;

	f = fopen("/proc/net/netstat", "re");
	if (!f) {
		memset(st, 0, sizeof(*st));
		return -errno;
	}
	err = xlat_ns_stats_parse(f, st);
	fclose(f);
	return err;
}

void xlat_ns_stats_clear(struct xlat_ns_stats *st)
{
	free(st->drops);
	memset(st, 0, sizeof(*st));
}
