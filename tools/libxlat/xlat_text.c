// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libxlat: the text form of prefixes and of an encap, in the syntax of
 * "ip route ... encap xlat ..." (iproute2-patch/).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlat_priv.h"

/* "ADDR[/LEN]" of @family into @addr and @len; a bare address is a host */
static int xlat_prefix_parse(const char *text, int family, void *addr,
			     uint8_t *len)
{
	unsigned int max = family == AF_INET ? 32 : 128;
	char buf[INET6_ADDRSTRLEN];
	const char *slash, *p;
	unsigned int n = 0;
	size_t alen;

	slash = strchr(text, '/');
	alen = slash ? (size_t)(slash - text) : strlen(text);
	if (!alen || alen >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, text, alen);
	buf[alen] = '\0';
	if (inet_pton(family, buf, addr) != 1)
		return -EINVAL;
	if (!slash) {
		*len = (uint8_t)max;
		return 0;
	}
	p = slash + 1;
	if (!*p || strlen(p) > 3)
		return -EINVAL;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return -EINVAL;
		n = n * 10 + (unsigned int)(*p - '0');
	}
	if (n > max)
		return -EINVAL;
	*len = (uint8_t)n;
	return 0;
}

int xlat_prefix4_parse(const char *text, struct xlat_prefix4 *p)
{
	return xlat_prefix_parse(text, AF_INET, &p->addr, &p->len);
}

int xlat_prefix6_parse(const char *text, struct xlat_prefix6 *p)
{
	return xlat_prefix_parse(text, AF_INET6, &p->addr, &p->len);
}

char *xlat_prefix4_format(const struct xlat_prefix4 *p, char *buf,
			  size_t len)
{
	char a[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &p->addr, a, sizeof(a));
	snprintf(buf, len, "%s/%u", a, p->len);
	return buf;
}

char *xlat_prefix6_format(const struct xlat_prefix6 *p, char *buf,
			  size_t len)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, &p->addr, a, sizeof(a));
	snprintf(buf, len, "%s/%u", a, p->len);
	return buf;
}

/* --- encap options -------------------------------------------------------- */

/* Record a message in @err (if any) and return -EINVAL */
static int xlat_parse_error(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int xlat_parse_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

/* Unsigned number in C syntax (0x.., 0..), as iproute2's get_u8/get_u32 */
static int xlat_parse_uint(const char *text, unsigned long max,
			   unsigned long *val)
{
	char *end;

	if (!*text || *text == '-' || *text == '+')
		return -EINVAL;
	errno = 0;
	*val = strtoul(text, &end, 0);
	if (errno || *end || *val > max)
		return -EINVAL;
	return 0;
}

/**
 * struct xlat_parser - the state of xlat_encap_parse()
 * @e: the encap being filled
 * @argc: words left, including the current keyword
 * @argv: the current keyword
 * @err: message buffer
 * @errlen: its size
 */
struct xlat_parser {
	struct xlat_encap *e;
	int argc;
	char *const *argv;
	char *err;
	size_t errlen;
};

/* The @i-th word after the keyword, or NULL with a message */
static const char *xlat_arg(struct xlat_parser *ps, int i)
{
	if (i < ps->argc)
		return ps->argv[i];
	xlat_parse_error(ps->err, ps->errlen, "\"%s\" needs a value",
			 ps->argv[0]);
	return NULL;
}

static int xlat_arg_p4(struct xlat_parser *ps, int i, struct xlat_prefix4 *p)
{
	const char *arg = xlat_arg(ps, i);

	if (!arg)
		return -EINVAL;
	if (xlat_prefix4_parse(arg, p))
		return xlat_parse_error(ps->err, ps->errlen,
					"\"%s\" expects an IPv4 prefix: \"%s\"",
					ps->argv[0], arg);
	return 0;
}

static int xlat_arg_p6(struct xlat_parser *ps, int i, struct xlat_prefix6 *p)
{
	const char *arg = xlat_arg(ps, i);

	if (!arg)
		return -EINVAL;
	if (xlat_prefix6_parse(arg, p))
		return xlat_parse_error(ps->err, ps->errlen,
					"\"%s\" expects an IPv6 prefix: \"%s\"",
					ps->argv[0], arg);
	return 0;
}

/* A keyword that may be given once; *@has is its flag */
static int xlat_once(struct xlat_parser *ps, bool *has)
{
	if (*has)
		return xlat_parse_error(ps->err, ps->errlen,
					"\"%s\" is given twice", ps->argv[0]);
	*has = true;
	return 0;
}

/* One of two words, @w0 for 0 and @w1 for 1, into *@val */
static int xlat_arg_mode(struct xlat_parser *ps, const char *w0,
			 const char *w1, int *val)
{
	const char *arg = xlat_arg(ps, 1);

	if (!arg)
		return -EINVAL;
	if (!strcmp(arg, w0))
		*val = 0;
	else if (!strcmp(arg, w1))
		*val = 1;
	else
		return xlat_parse_error(ps->err, ps->errlen,
					"\"%s\" is \"%s\" or \"%s\", not \"%s\"",
					ps->argv[0], w0, w1, arg);
	return 0;
}

/* The numbers, for the keywords with values */
static int xlat_arg_number(struct xlat_parser *ps, unsigned long max,
			   const char *what, unsigned long *val)
{
	const char *arg = xlat_arg(ps, 1);

	if (!arg)
		return -EINVAL;
	if (xlat_parse_uint(arg, max, val))
		return xlat_parse_error(ps->err, ps->errlen,
					"\"%s\" is %s, not \"%s\"",
					ps->argv[0], what, arg);
	return 0;
}

static int xlat_entry_error(struct xlat_parser *ps, int err)
{
	if (err == -E2BIG)
		return xlat_parse_error(ps->err, ps->errlen,
					"too many local-map, eam and denylist4 entries: at most %d per route",
					XLAT_ENCAP_MAX_ENTRIES);
	return err;
}

/* remote-prefix6, icmp-source-pool6: once, one IPv6 prefix */
static int xlat_parse_p6_once(struct xlat_parser *ps, bool *has,
			      struct xlat_prefix6 *p)
{
	int err = xlat_once(ps, has);

	if (!err)
		err = xlat_arg_p6(ps, 1, p);
	return err ? err : 2;
}

/* icmp-source-pool4: once, one IPv4 prefix */
static int xlat_parse_p4_once(struct xlat_parser *ps, bool *has,
			      struct xlat_prefix4 *p)
{
	int err = xlat_once(ps, has);

	if (!err)
		err = xlat_arg_p4(ps, 1, p);
	return err ? err : 2;
}

/* local-map, eam: repeatable, an IPv4 and an IPv6 prefix */
static int xlat_parse_pair(struct xlat_parser *ps, bool local)
{
	struct xlat_prefix4 p4;
	struct xlat_prefix6 p6;
	int err;

	if (ps->argc < 3)
		return xlat_parse_error(ps->err, ps->errlen,
					"\"%s\" needs an IPv4 and an IPv6 prefix",
					ps->argv[0]);
	err = xlat_arg_p4(ps, 1, &p4);
	if (!err)
		err = xlat_arg_p6(ps, 2, &p6);
	if (err)
		return err;
	if (local)
		err = xlat_encap_add_local_map(ps->e, &p4, &p6);
	else
		err = xlat_encap_add_eam(ps->e, &p4, &p6);
	err = xlat_entry_error(ps, err);
	return err ? err : 3;
}

/* denylist4: repeatable, an IPv4 prefix */
static int xlat_parse_deny(struct xlat_parser *ps)
{
	struct xlat_prefix4 p4;
	int err;

	err = xlat_arg_p4(ps, 1, &p4);
	if (!err)
		err = xlat_entry_error(ps, xlat_encap_add_denylist4(ps->e, &p4));
	return err ? err : 2;
}

/* udp-zero-checksum, tclass, icmp-node-id: once, one of two words */
static int xlat_parse_mode(struct xlat_parser *ps, bool *has, const char *w0,
			   const char *w1, int *mode)
{
	int err = xlat_once(ps, has);

	if (!err)
		err = xlat_arg_mode(ps, w0, w1, mode);
	return err ? err : 2;
}

/* tos4, lowest-ipv6-mtu: once, a number */
static int xlat_parse_number(struct xlat_parser *ps, bool *has,
			     unsigned long max, const char *what,
			     unsigned long *val)
{
	int err = xlat_once(ps, has);

	if (!err)
		err = xlat_arg_number(ps, max, what, val);
	return err ? err : 2;
}

/*
 * Parse the keyword at ps->argv[0] and its values.
 * Return: words consumed, 0 for an unknown keyword, or a negative errno.
 */
static int xlat_parse_one(struct xlat_parser *ps)
{
	struct xlat_encap *e = ps->e;
	const char *key = ps->argv[0];
	unsigned long n = 0;
	int ret, mode = 0;

	if (!strcmp(key, "remote-prefix6"))
		return xlat_parse_p6_once(ps, &e->has_remote_prefix6,
					  &e->remote_prefix6);
	if (!strcmp(key, "local-map"))
		return xlat_parse_pair(ps, true);
	if (!strcmp(key, "eam"))
		return xlat_parse_pair(ps, false);
	if (!strcmp(key, "denylist4"))
		return xlat_parse_deny(ps);
	if (!strcmp(key, "icmp-source-pool4"))
		return xlat_parse_p4_once(ps, &e->has_icmp_pool4,
					  &e->icmp_pool4);
	if (!strcmp(key, "icmp-source-pool6"))
		return xlat_parse_p6_once(ps, &e->has_icmp_pool6,
					  &e->icmp_pool6);
	if (!strcmp(key, "udp-zero-checksum")) {
		ret = xlat_parse_mode(ps, &e->has_udp_zero_csum, "compute",
				      "drop", &mode);
		e->udp_zero_csum = (enum xlat_udp_mode)mode;
		return ret;
	}
	if (!strcmp(key, "tclass")) {
		ret = xlat_parse_mode(ps, &e->has_tclass, "copy", "zero",
				      &mode);
		e->tclass = (enum xlat_tclass_mode)mode;
		return ret;
	}
	if (!strcmp(key, "tos4")) {
		/* "copy" is the default: no attribute */
		if (ps->argc > 1 && !strcmp(ps->argv[1], "copy"))
			return e->has_tos4 ? xlat_once(ps, &e->has_tos4) : 2;
		ret = xlat_parse_number(ps, &e->has_tos4, 255,
					"\"copy\" or a DSCP as a TOS value, a multiple of 4 up to 252",
					&n);
		/* The two ECN bits are copied from the packet (RFC 3168). */
		if (ret > 0 && n & 3)
			return xlat_parse_error(ps->err, ps->errlen,
						"\"tos4\" is \"copy\" or a DSCP as a TOS value, a multiple of 4 up to 252, not \"%s\"",
						ps->argv[1]);
		e->tos4 = (uint8_t)n;
		return ret;
	}
	if (!strcmp(key, "icmp-node-id")) {
		ret = xlat_parse_mode(ps, &e->has_icmp_node_id, "off", "on",
				      &mode);
		e->icmp_node_id = (enum xlat_node_id_mode)mode;
		return ret;
	}
	if (!strcmp(key, "count")) {
		ret = xlat_once(ps, &e->counters);
		return ret ? ret : 1;
	}
	if (!strcmp(key, "lowest-ipv6-mtu")) {
		/* The kernel checks the range, and says so */
		ret = xlat_parse_number(ps, &e->has_lowest_ipv6_mtu,
					UINT32_MAX, "a number", &n);
		e->lowest_ipv6_mtu = (uint32_t)n;
		return ret;
	}
	return 0;
}

int xlat_encap_parse(struct xlat_encap *e, int argc, char *const argv[],
		     char *err, size_t errlen)
{
	struct xlat_parser ps = {
		.e = e, .argc = argc, .argv = argv,
		.err = err, .errlen = errlen,
	};
	int used = 0, n;

	while (ps.argc > 0) {
		n = xlat_parse_one(&ps);
		if (n < 0)
			return n;
		if (!n)
			break;
		ps.argc -= n;
		ps.argv += n;
		used += n;
	}
	return used;
}

/**
 * struct xlat_out - snprintf() into a buffer, piece by piece
 * @buf: the buffer, or %NULL
 * @len: its size
 * @pos: length of the whole text so far, even past @len
 */
struct xlat_out {
	char *buf;
	size_t len;
	size_t pos;
};

static void xlat_out(struct xlat_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void xlat_out(struct xlat_out *o, const char *fmt, ...)
{
	size_t room = o->pos < o->len ? o->len - o->pos : 0;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room ? o->buf + o->pos : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->pos += (size_t)n;
}

/* " " before every word but the first */
static const char *xlat_sep(const struct xlat_out *o)
{
	return o->pos ? " " : "";
}

static void xlat_out_p4(struct xlat_out *o, const char *key,
			const struct xlat_prefix4 *p)
{
	char b[XLAT_PREFIX_STRLEN];

	xlat_out(o, "%s%s %s", xlat_sep(o), key,
		 xlat_prefix4_format(p, b, sizeof(b)));
}

static void xlat_out_p6(struct xlat_out *o, const char *key,
			const struct xlat_prefix6 *p)
{
	char b[XLAT_PREFIX_STRLEN];

	xlat_out(o, "%s%s %s", xlat_sep(o), key,
		 xlat_prefix6_format(p, b, sizeof(b)));
}

static void xlat_out_pairs(struct xlat_out *o, const char *key,
			   const struct xlat_pair *pairs, unsigned int n)
{
	char b[XLAT_PREFIX_STRLEN];
	unsigned int i;

	for (i = 0; i < n; i++) {
		xlat_out_p4(o, key, &pairs[i].p4);
		xlat_out(o, " %s",
			 xlat_prefix6_format(&pairs[i].p6, b, sizeof(b)));
	}
}

/* A mode by name, or its number when it has none */
static void xlat_out_mode(struct xlat_out *o, const char *key, int val,
			  const char *w0, const char *w1)
{
	if (val == 0 || val == 1)
		xlat_out(o, "%s%s %s", xlat_sep(o), key, val ? w1 : w0);
	else
		xlat_out(o, "%s%s %d", xlat_sep(o), key, val);
}

int xlat_encap_format(const struct xlat_encap *e, char *buf, size_t len)
{
	struct xlat_out o = { .buf = buf, .len = len };
	unsigned int i;

	if (buf && len)
		buf[0] = '\0';
	if (e->has_remote_prefix6)
		xlat_out_p6(&o, "remote-prefix6", &e->remote_prefix6);
	xlat_out_pairs(&o, "local-map", e->local_map, e->n_local_map);
	xlat_out_pairs(&o, "eam", e->eam, e->n_eam);
	for (i = 0; i < e->n_denylist4; i++)
		xlat_out_p4(&o, "denylist4", &e->denylist4[i]);
	if (e->has_icmp_pool4)
		xlat_out_p4(&o, "icmp-source-pool4", &e->icmp_pool4);
	if (e->has_icmp_pool6)
		xlat_out_p6(&o, "icmp-source-pool6", &e->icmp_pool6);
	if (e->has_udp_zero_csum)
		xlat_out_mode(&o, "udp-zero-checksum", e->udp_zero_csum,
			      "compute", "drop");
	if (e->has_tclass)
		xlat_out_mode(&o, "tclass", e->tclass, "copy", "zero");
	if (e->has_tos4)
		xlat_out(&o, "%stos4 0x%x", xlat_sep(&o), e->tos4);
	if (e->has_lowest_ipv6_mtu)
		xlat_out(&o, "%slowest-ipv6-mtu %u", xlat_sep(&o),
			 e->lowest_ipv6_mtu);
	if (e->has_icmp_node_id)
		xlat_out_mode(&o, "icmp-node-id", e->icmp_node_id, "off", "on");
	if (e->counters)
		xlat_out(&o, "%scount", xlat_sep(&o));
	return (int)o.pos;
}
