// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libxlat: the CLAT's own IPv6 address. A stable identifier in the
 * connection's /64 (RFC 7217), optionally with one word adjusted so that
 * translation through it leaves transport checksums as they are (the
 * arithmetic of RFC 6296 section 3.2).
 */
#include <errno.h>
#include <string.h>

#include <openssl/evp.h>

#include "xlat_priv.h"

#define IID_OFF		8	/* the identifier: octets 8-15 of a /64 */
#define ADJ_WORD_OFF	14	/* the word xlat_csum_neutralize() rewrites */
#define DAD_COUNTER_MAX	255	/* it is one octet of F()'s input */

/*
 * RFC 5453 section 3: the Subnet-Router anycast identifier (all zero,
 * RFC 4291) and the subnet anycast range fdff:ffff:ffff:ff80-ffff
 * (RFC 2526).
 */
static bool iid_reserved(const struct in6_addr *a)
{
	static const uint8_t anycast[7] = {
		0xfd, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
	};
	static const uint8_t zero[8];
	const uint8_t *iid = a->s6_addr + IID_OFF;

	if (!memcmp(iid, zero, sizeof(zero)))
		return true;
	return !memcmp(iid, anycast, sizeof(anycast)) && iid[7] >= 0x80;
}

/* RFC 7217 section 5: the first 64 bits of SHA-256 over F()'s inputs */
static int stable_rid(const struct xlat_stable_params *p, uint8_t counter,
		      uint8_t rid[8])
{
	const char *netid = p->network_id ? p->network_id : "";
	const char *ifname = p->ifname ? p->ifname : "";
	unsigned char md[EVP_MAX_MD_SIZE];
	static const uint8_t sep;
	unsigned int mdlen = 0;
	EVP_MD_CTX *ctx;
	int ok;

	ctx = EVP_MD_CTX_new();
	if (!ctx)
		return -ENOMEM;
	ok = EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) &&
	     EVP_DigestUpdate(ctx, p->prefix.s6_addr, 8) &&
	     EVP_DigestUpdate(ctx, ifname, strlen(ifname)) &&
	     EVP_DigestUpdate(ctx, &sep, 1) &&
	     EVP_DigestUpdate(ctx, netid, strlen(netid)) &&
	     EVP_DigestUpdate(ctx, &sep, 1) &&
	     EVP_DigestUpdate(ctx, &counter, 1) &&
	     EVP_DigestUpdate(ctx, p->secret, p->secret_len) &&
	     EVP_DigestFinal_ex(ctx, md, &mdlen);
	EVP_MD_CTX_free(ctx);
	if (!ok || mdlen < 8)
		return -EIO;
	memcpy(rid, md, 8);
	return 0;
}

int xlat_stable_address(const struct xlat_stable_params *p,
			struct in6_addr *out, unsigned int *dad_counter)
{
	struct in6_addr a;
	unsigned int c;
	int err;

	if (!p || !out || !p->secret ||
	    p->secret_len < XLAT_STABLE_SECRET_MIN ||
	    p->dad_counter > DAD_COUNTER_MAX)
		return -EINVAL;
	a = p->prefix;
	for (c = p->dad_counter; c <= DAD_COUNTER_MAX; c++) {
		err = stable_rid(p, (uint8_t)c, a.s6_addr + IID_OFF);
		if (err)
			return err;
		/* Section 5: a reserved identifier takes the next counter */
		if (iid_reserved(&a))
			continue;
		*out = a;
		if (dad_counter)
			*dad_counter = c;
		return 0;
	}
	return -EOVERFLOW;
}

static uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

/* One's complement sum of the 16-bit words of @b, added to @sum */
static uint16_t csum_add(uint32_t sum, const uint8_t *b, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(b[i] << 8 | b[i + 1]);
	return csum_fold(sum);
}

/* One's complement has two zeros: 0xffff and 0x0000 compare equal */
static uint16_t csum_norm(uint16_t s)
{
	return s == 0xffff ? 0 : s;
}

/* Only where the IPv4 address fills whole words: see xlat.h */
static bool neutral_plen(int plen)
{
	return plen == 32 || plen == 96;
}

/* The sum of the prefix (host bits cleared) and the first @len octets of @clat6 */
static uint16_t clat_pref_sum(const struct in6_addr *clat6,
			      const struct in6_addr *pref, int plen,
			      size_t len)
{
	struct in6_addr p = *pref;

	xlat_mask6(&p, (unsigned int)plen);
	return csum_add(csum_add(0, p.s6_addr, 16), clat6->s6_addr, len);
}

int xlat_csum_neutralize(struct in6_addr *clat6, const struct in_addr *local4,
			 const struct in6_addr *pref, int plen)
{
	uint16_t target, other, adj;
	struct in6_addr a;

	if (!clat6 || !local4 || !pref || !neutral_plen(plen))
		return -EINVAL;
	target = csum_add(0, (const uint8_t *)&local4->s_addr, 4);
	other = clat_pref_sum(clat6, pref, plen, ADJ_WORD_OFF);
	/* RFC 6296 section 3.2: adj = target - other, one's complement */
	adj = csum_norm(csum_fold((uint32_t)target + (uint16_t)~other));
	a = *clat6;
	a.s6_addr[ADJ_WORD_OFF] = (uint8_t)(adj >> 8);
	a.s6_addr[ADJ_WORD_OFF + 1] = (uint8_t)adj;
	if (iid_reserved(&a))
		return -EADDRNOTAVAIL;
	*clat6 = a;
	return 0;
}

bool xlat_csum_neutral(const struct in_addr *local4,
		       const struct in6_addr *clat6,
		       const struct in6_addr *pref, int plen)
{
	uint16_t s4, s6;

	if (!local4 || !clat6 || !pref || !neutral_plen(plen))
		return false;
	s4 = csum_add(0, (const uint8_t *)&local4->s_addr, 4);
	s6 = clat_pref_sum(clat6, pref, plen, 16);
	return csum_norm(s4) == csum_norm(s6);
}

int xlat_clat_address(const struct xlat_stable_params *p,
		      const struct in_addr *local4, const struct in6_addr *pref,
		      int plen, struct in6_addr *out,
		      unsigned int *dad_counter)
{
	struct xlat_stable_params q;
	struct in6_addr a;
	unsigned int used;
	int err;

	if (!p || !out || (local4 && (!pref || !neutral_plen(plen))))
		return -EINVAL;
	q = *p;
	for (;;) {
		err = xlat_stable_address(&q, &a, &used);
		if (err)
			return err;
		if (local4)
			err = xlat_csum_neutralize(&a, local4, pref, plen);
		if (err != -EADDRNOTAVAIL)
			break;
		if (used == DAD_COUNTER_MAX)
			return -EOVERFLOW;
		q.dad_counter = used + 1;
	}
	if (err)
		return err;
	*out = a;
	if (dad_counter)
		*dad_counter = used;
	return 0;
}
