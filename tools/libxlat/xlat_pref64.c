// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libxlat: where the NAT64 prefix comes from. The PREF64 option of Router
 * Advertisements (RFC 8781) and DNS64 discovery with ipv4only.arpa
 * (RFC 7050), both onto the prefix lengths of RFC 6052 section 2.2.
 */
#define _GNU_SOURCE	/* EAI_NODATA: the name exists, without AAAA */
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "xlat_priv.h"

/* RFC 8781 section 4: Prefix Length Code n means this length */
static const uint8_t pref64_plc_len[] = { 96, 64, 56, 48, 40, 32 };

#define PREF64_PLC_COUNT	ARRAY_SIZE(pref64_plc_len)
#define PREF64_PLC_MASK		0x0007
#define PREF64_LEN_FIELD	2	/* in units of 8 octets */

/*
 * RFC 6052 section 2.2: the octets that hold the 32 IPv4 bits under a
 * prefix of each length. Octet 8 (bits 64-71, "u") never does.
 */
static const struct {
	uint8_t len;
	uint8_t at[4];
} rfc6052_v4_at[] = {
	{ 32, { 4, 5, 6, 7 } },
	{ 40, { 5, 6, 7, 9 } },
	{ 48, { 6, 7, 9, 10 } },
	{ 56, { 7, 9, 10, 11 } },
	{ 64, { 9, 10, 11, 12 } },
	{ 96, { 12, 13, 14, 15 } },
};

#define RFC6052_LENS	ARRAY_SIZE(rfc6052_v4_at)
#define RFC6052_U_OCTET	8

/* RFC 7050 section 2.2: ipv4only.arpa is 192.0.0.170 and 192.0.0.171 */
static const uint8_t wka_net[3] = { 192, 0, 0 };
#define WKA_170		170
#define WKA_171		171

void xlat_mask6(struct in6_addr *a, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < 16; i++) {
		if (len >= 8 * (i + 1))
			continue;
		if (len > 8 * i)
			a->s6_addr[i] &= (uint8_t)(0xff00 >> (len - 8 * i));
		else
			a->s6_addr[i] = 0;
	}
}

int xlat_pref64_opt_parse(const void *opt, size_t len, struct xlat_pref64 *out)
{
	const uint8_t *o = opt;
	uint16_t word;

	if (!o || !out || len < XLAT_PREF64_OPT_LEN)
		return -EINVAL;
	/* RFC 8781 section 4: the receiver ignores these options */
	if (o[0] != XLAT_PREF64_OPT_TYPE || o[1] != PREF64_LEN_FIELD)
		return -EINVAL;
	word = (uint16_t)(o[2] << 8 | o[3]);
	if ((word & PREF64_PLC_MASK) >= PREF64_PLC_COUNT)
		return -EINVAL;

	memset(out, 0, sizeof(*out));
	out->prefix.len = pref64_plc_len[word & PREF64_PLC_MASK];
	memcpy(out->prefix.addr.s6_addr, o + 4, 12);
	xlat_mask6(&out->prefix.addr, out->prefix.len);
	/* Section 4.1: the Scaled Lifetime is in units of 8 seconds */
	out->lifetime = (uint32_t)(word >> 3) * 8;
	return 0;
}

int xlat_pref64_opt_build(const struct xlat_pref64 *p, void *buf, size_t len)
{
	struct in6_addr prefix;
	uint8_t *o = buf;
	unsigned int plc;
	uint16_t word;

	if (!p || !o || len < XLAT_PREF64_OPT_LEN)
		return -EINVAL;
	for (plc = 0; plc < PREF64_PLC_COUNT; plc++)
		if (pref64_plc_len[plc] == p->prefix.len)
			break;
	if (plc == PREF64_PLC_COUNT)
		return -EINVAL;
	if (p->lifetime > XLAT_PREF64_LIFETIME_MAX)
		return -ERANGE;

	/* Section 4.1: round up to a multiple of 8; 1-7 s become 1 */
	word = (uint16_t)((p->lifetime + 7) / 8 << 3 | plc);
	prefix = p->prefix.addr;
	xlat_mask6(&prefix, p->prefix.len);
	o[0] = XLAT_PREF64_OPT_TYPE;
	o[1] = PREF64_LEN_FIELD;
	o[2] = (uint8_t)(word >> 8);
	o[3] = (uint8_t)word;
	memcpy(o + 4, prefix.s6_addr, 12);
	return XLAT_PREF64_OPT_LEN;
}

/*
 * The last octet of the well-known address that @a embeds under a prefix
 * of entry @i of rfc6052_v4_at (170 or 171), or 0. The u octet must be
 * zero (RFC 6052 section 2.2, for every length, /96 included).
 */
static unsigned int wka_at(const struct in6_addr *a, unsigned int i)
{
	const uint8_t *at = rfc6052_v4_at[i].at;
	const uint8_t *b = a->s6_addr;
	unsigned int k;

	if (b[RFC6052_U_OCTET])
		return 0;
	for (k = 0; k < 3; k++)
		if (b[at[k]] != wka_net[k])
			return 0;
	if (b[at[3]] != WKA_170 && b[at[3]] != WKA_171)
		return 0;
	return b[at[3]];
}

static void prefix_at(const struct in6_addr *a, unsigned int i,
		      struct xlat_prefix6 *p)
{
	p->addr = *a;
	p->len = rfc6052_v4_at[i].len;
	xlat_mask6(&p->addr, p->len);
}

/* Does an address of @addrs embed the other WKA than @wka under @p? */
static bool has_partner(const struct in6_addr *addrs, size_t n,
			unsigned int i, const struct xlat_prefix6 *p,
			unsigned int wka)
{
	struct xlat_prefix6 q;
	unsigned int other = wka == WKA_170 ? WKA_171 : WKA_170;
	size_t j;

	for (j = 0; j < n; j++) {
		if (wka_at(&addrs[j], i) != other)
			continue;
		prefix_at(&addrs[j], i, &q);
		if (!memcmp(&q.addr, &p->addr, sizeof(q.addr)))
			return true;
	}
	return false;
}

/*
 * The prefix of @addrs[k] (RFC 7050 section 3): the one place a WKA is,
 * or of several places the one its partner confirms.
 * Return: true if there is one.
 */
static bool answer_prefix(const struct in6_addr *addrs, size_t n, size_t k,
			  struct xlat_prefix6 *p)
{
	unsigned int i, wka, found = 0, confirmed = 0;
	struct xlat_prefix6 q, any = { 0 }, sure = { 0 };

	for (i = 0; i < RFC6052_LENS; i++) {
		wka = wka_at(&addrs[k], i);
		if (!wka)
			continue;
		prefix_at(&addrs[k], i, &q);
		if (!found++)
			any = q;
		if (has_partner(addrs, n, i, &q, wka) && !confirmed++)
			sure = q;
	}
	if (found == 1)
		*p = any;
	else if (found > 1 && confirmed == 1)
		*p = sure;
	else
		return false;
	return true;
}

static bool prefix_listed(const struct xlat_prefix6 *list, size_t n,
			  const struct xlat_prefix6 *p)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (list[i].len == p->len &&
		    !memcmp(&list[i].addr, &p->addr, sizeof(p->addr)))
			return true;
	return false;
}

int xlat_rfc7050_prefixes(const struct in6_addr *addrs, size_t n,
			  struct xlat_prefix6 *out, size_t max)
{
	struct xlat_prefix6 p;
	size_t k, found = 0;

	if ((!addrs && n) || (!out && max))
		return -EINVAL;
	for (k = 0; k < n; k++) {
		if (!answer_prefix(addrs, n, k, &p) ||
		    prefix_listed(out, found, &p))
			continue;
		if (found == max)
			return -E2BIG;
		out[found++] = p;
	}
	return found ? (int)found : -ENOENT;
}

/* A getaddrinfo() error as an errno */
static int gai_errno(int err)
{
	switch (err) {
	case EAI_NONAME:
	case EAI_NODATA:
		return -ENOENT;
	case EAI_AGAIN:
		return -EAGAIN;
	case EAI_MEMORY:
		return -ENOMEM;
	case EAI_SYSTEM:
		return errno ? -errno : -EIO;
	default:
		return -EIO;
	}
}

int xlat_rfc7050_discover(struct xlat_prefix6 *out, size_t max)
{
	struct addrinfo hints = {
		.ai_family = AF_INET6,
		.ai_socktype = SOCK_DGRAM,	/* each address once */
	};
	struct addrinfo *res, *ai;
	struct in6_addr *addrs;
	size_t n = 0;
	int err;

	err = getaddrinfo("ipv4only.arpa.", NULL, &hints, &res);
	if (err)
		return gai_errno(err);
	for (ai = res; ai; ai = ai->ai_next)
		n++;
	addrs = calloc(n ? n : 1, sizeof(*addrs));
	if (!addrs) {
		freeaddrinfo(res);
		return -ENOMEM;
	}
	n = 0;
	for (ai = res; ai; ai = ai->ai_next)
		if (ai->ai_family == AF_INET6)
			addrs[n++] = ((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;
	freeaddrinfo(res);
	err = xlat_rfc7050_prefixes(addrs, n, out, max);
	free(addrs);
	return err;
}
