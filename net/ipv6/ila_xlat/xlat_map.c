// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: address mapping (Documentation/networking/xlat.rst, "Address
 * mapping"; RFC 6052, RFC 7757).
 *
 * For each address, the first rule that applies wins: local-map (longest
 * match), eam (longest match), remote-prefix6 (RFC 6052), else the address
 * is untranslatable. The longest-prefix-match tables are built once with
 * the configuration and only read afterwards.
 */

#include <linux/inetdevice.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/unaligned.h>
#include <net/ipv6.h>

#include "xlat.h"

/**
 * struct xlat_lpm_ent - one prefix of a table
 * @key: the prefix, host bits zero (an IPv4 key is in the first word)
 * @len: prefix length
 * @idx: index of the configuration entry it came from
 */
struct xlat_lpm_ent {
	struct in6_addr key;
	u8 len;
	u16 idx;
};

/* Tables up to this size are scanned rather than searched. */
#define XLAT_LPM_SCAN	4

/**
 * struct xlat_lpm - longest-prefix match over a set of prefixes
 * @n: number of entries
 * @n_lens: number of distinct prefix lengths
 * @start: entries of @lens[i] are @ent[@start[i]] to @ent[@start[i + 1] - 1],
 *	sorted by key (@n + 1 slots, after @ent in the same allocation)
 * @lens: the distinct lengths, longest first (@n slots, after @start)
 * @ent: the entries
 *
 * A lookup masks the address to each length present, longest first, and
 * binary-searches that length's entries: O(lengths * log n), independent
 * of how many entries share a length. A table of at most %XLAT_LPM_SCAN
 * entries (a CLAT's one local-map, a few EAMs) is scanned instead, longest
 * prefix first, so that the first match is the longest.
 */
struct xlat_lpm {
	unsigned int n;
	unsigned int n_lens;
	unsigned int *start;
	u8 *lens;
	struct xlat_lpm_ent ent[] __counted_by(n);
};

/**
 * struct xlat_tables - the lookup tables of one configuration
 * @local4: local-map by IPv4 prefix
 * @local6: local-map by IPv6 prefix
 * @eam4: eam by IPv4 prefix
 * @eam6: eam by IPv6 prefix
 * @deny: denylist4
 */
struct xlat_tables {
	struct xlat_lpm *local4;
	struct xlat_lpm *local6;
	struct xlat_lpm *eam4;
	struct xlat_lpm *eam6;
	struct xlat_lpm *deny;
};

static int xlat_lpm_cmp(const void *a, const void *b)
{
	const struct xlat_lpm_ent *x = a, *y = b;

	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return memcmp(&x->key, &y->key, sizeof(x->key));
}

/*
 * One allocation per table, sized by its entries: an encap route of a CLAT
 * has two tables of one entry each, and a large FIB holds one encap per
 * route.
 */
static struct xlat_lpm *xlat_lpm_alloc(unsigned int n)
{
	size_t size = struct_size_t(struct xlat_lpm, ent, n);
	struct xlat_lpm *t;

	t = kzalloc(size + (n + 1) * sizeof(*t->start) + n, GFP_KERNEL);
	if (t) {
		t->n = n;
		t->start = (void *)t + size;
		t->lens = (u8 *)(t->start + n + 1);
	}
	return t;
}

/* Sort the entries and index the lengths. */
static void xlat_lpm_finish(struct xlat_lpm *t)
{
	unsigned int i;

	sort(t->ent, t->n, sizeof(t->ent[0]), xlat_lpm_cmp, NULL);
	t->n_lens = 0;
	for (i = 0; i < t->n; i++) {
		if (i && t->ent[i].len == t->ent[i - 1].len)
			continue;
		t->lens[t->n_lens] = t->ent[i].len;
		t->start[t->n_lens++] = i;
	}
	t->start[t->n_lens] = t->n;
}

/* memcmp() order of two keys, a word at a time. */
static int xlat_key_cmp(const struct in6_addr *a, const struct in6_addr *b)
{
	u64 x = get_unaligned_be64(a->s6_addr);
	u64 y = get_unaligned_be64(b->s6_addr);

	if (x == y) {
		x = get_unaligned_be64(a->s6_addr + 8);
		y = get_unaligned_be64(b->s6_addr + 8);
	}
	return x < y ? -1 : x > y;
}

static int xlat_lpm_search(const struct xlat_lpm *t, unsigned int li,
			   const struct in6_addr *key)
{
	unsigned int lo = t->start[li], hi = t->start[li + 1];

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;
		int c = xlat_key_cmp(key, &t->ent[mid].key);

		if (!c)
			return t->ent[mid].idx;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/**
 * xlat_lpm_lookup6() - longest match of an IPv6 address
 * @t: table, or NULL
 * @a: address
 *
 * Return: the index given to the matching entry, or -1.
 */
int xlat_lpm_lookup6(const struct xlat_lpm *t, const struct in6_addr *a)
{
	struct in6_addr key;
	unsigned int i;
	int idx;

	if (!t)
		return -1;
	if (t->n <= XLAT_LPM_SCAN) {
		for (i = 0; i < t->n; i++)
			if (ipv6_prefix_equal(a, &t->ent[i].key, t->ent[i].len))
				return t->ent[i].idx;
		return -1;
	}
	for (i = 0; i < t->n_lens; i++) {
		ipv6_addr_prefix(&key, a, t->lens[i]);
		idx = xlat_lpm_search(t, i, &key);
		if (idx >= 0)
			return idx;
	}
	return -1;
}

/**
 * xlat_lpm_lookup4() - longest match of an IPv4 address
 * @t: table, or NULL
 * @a: address
 *
 * Return: the index given to the matching entry, or -1.
 */
int xlat_lpm_lookup4(const struct xlat_lpm *t, __be32 a)
{
	struct in6_addr key = {};
	unsigned int i;
	int idx;

	if (!t)
		return -1;
	if (t->n <= XLAT_LPM_SCAN) {
		for (i = 0; i < t->n; i++)
			if ((a & inet_make_mask(t->ent[i].len)) ==
			    t->ent[i].key.s6_addr32[0])
				return t->ent[i].idx;
		return -1;
	}
	for (i = 0; i < t->n_lens; i++) {
		key.s6_addr32[0] = a & inet_make_mask(t->lens[i]);
		idx = xlat_lpm_search(t, i, &key);
		if (idx >= 0)
			return idx;
	}
	return -1;
}

/**
 * xlat_lpm_build4() - build an IPv4 table
 * @p: prefixes, host bits zero
 * @stride: bytes from one prefix to the next in @p
 * @n: number of prefixes; the index of each is its position
 *
 * Return: the table (NULL when @n is 0) or an ERR_PTR.
 */
struct xlat_lpm *xlat_lpm_build4(const struct xlat_pfx4 *p, size_t stride,
				 unsigned int n)
{
	struct xlat_lpm *t;
	unsigned int i;

	if (!n)
		return NULL;
	t = xlat_lpm_alloc(n);
	if (!t)
		return ERR_PTR(-ENOMEM);
	for (i = 0; i < n; i++) {
		const struct xlat_pfx4 *q = (const void *)p + i * stride;

		t->ent[i].key.s6_addr32[0] = q->addr;
		t->ent[i].len = q->len;
		t->ent[i].idx = i;
	}
	xlat_lpm_finish(t);
	return t;
}

/**
 * xlat_lpm_build6() - build an IPv6 table
 * @p: prefixes, host bits zero
 * @stride: bytes from one prefix to the next in @p
 * @n: number of prefixes; the index of each is its position
 *
 * Return: the table (NULL when @n is 0) or an ERR_PTR.
 */
struct xlat_lpm *xlat_lpm_build6(const struct xlat_pfx6 *p, size_t stride,
				 unsigned int n)
{
	struct xlat_lpm *t;
	unsigned int i;

	if (!n)
		return NULL;
	t = xlat_lpm_alloc(n);
	if (!t)
		return ERR_PTR(-ENOMEM);
	for (i = 0; i < n; i++) {
		const struct xlat_pfx6 *q = (const void *)p + i * stride;

		t->ent[i].key = q->addr;
		t->ent[i].len = q->len;
		t->ent[i].idx = i;
	}
	xlat_lpm_finish(t);
	return t;
}

/**
 * xlat_tables_free() - free the tables of a configuration
 * @tab: tables, or NULL
 */
void xlat_tables_free(struct xlat_tables *tab)
{
	if (!tab)
		return;
	kfree(tab->local4);
	kfree(tab->local6);
	kfree(tab->eam4);
	kfree(tab->eam6);
	kfree(tab->deny);
	kfree(tab);
}

/**
 * xlat_tables_build() - build the lookup tables of a parsed configuration
 * @cfg: the configuration; its @tab is set
 *
 * Return: 0 or -ENOMEM.
 */
int xlat_tables_build(struct xlat_cfg *cfg)
{
	unsigned int n_eam = cfg->n_maps - cfg->n_local;
	const struct xlat_map *eams = cfg->maps + cfg->n_local;
	struct xlat_lpm **slots[5];
	struct xlat_tables *tab;
	unsigned int i;

	tab = kzalloc(sizeof(*tab), GFP_KERNEL);
	if (!tab)
		return -ENOMEM;
	tab->local4 = xlat_lpm_build4(&cfg->maps[0].p4, sizeof(cfg->maps[0]),
				      cfg->n_local);
	tab->local6 = xlat_lpm_build6(&cfg->maps[0].p6, sizeof(cfg->maps[0]),
				      cfg->n_local);
	tab->eam4 = xlat_lpm_build4(&eams->p4, sizeof(*eams), n_eam);
	tab->eam6 = xlat_lpm_build6(&eams->p6, sizeof(*eams), n_eam);
	tab->deny = xlat_lpm_build4(cfg->deny, sizeof(*cfg->deny),
				    cfg->n_deny);
	slots[0] = &tab->local4;
	slots[1] = &tab->local6;
	slots[2] = &tab->eam4;
	slots[3] = &tab->eam6;
	slots[4] = &tab->deny;
	for (i = 0; i < ARRAY_SIZE(slots); i++) {
		if (IS_ERR(*slots[i])) {
			*slots[i] = NULL;
			xlat_tables_free(tab);
			return -ENOMEM;
		}
	}
	cfg->tab = tab;
	return 0;
}

/**
 * xlat_rfc6052_embed() - IPv4-embedded IPv6 address (RFC 6052 section 2.2)
 * @pfx: prefix of length 32, 40, 48, 56, 64 or 96
 * @v4: the IPv4 address
 * @out: the IPv6 address
 *
 * The 32 bits of @v4 follow the prefix, skipping bits 64-71 (the u-octet,
 * zero); the suffix is zero.
 */
void xlat_rfc6052_embed(const struct xlat_pfx6 *pfx, __be32 v4,
			struct in6_addr *out)
{
	const u8 *b = (const u8 *)&v4;
	unsigned int pos = pfx->len / 8, i;

	ipv6_addr_prefix(out, &pfx->addr, pfx->len);
	for (i = 0; i < 4; i++) {
		if (pos == 8)
			pos++;
		out->s6_addr[pos++] = b[i];
	}
}

/**
 * xlat_rfc6052_extract() - the IPv4 address in an IPv4-embedded address
 * @pfx: prefix of length 32, 40, 48, 56, 64 or 96 that @a matches
 * @a: the IPv6 address
 *
 * RFC 6052 section 2.2: the u-octet and the suffix are ignored.
 *
 * Return: the IPv4 address.
 */
__be32 xlat_rfc6052_extract(const struct xlat_pfx6 *pfx,
			    const struct in6_addr *a)
{
	unsigned int pos = pfx->len / 8, i;
	__be32 v4;
	u8 *b = (u8 *)&v4;

	for (i = 0; i < 4; i++) {
		if (pos == 8)
			pos++;
		b[i] = a->s6_addr[pos++];
	}
	return v4;
}

/*
 * The @n-bit field (@n <= 32) that starts @pos bits into an IPv6 address,
 * bit 0 being the most significant: read, and ORed in.
 */
static u32 xlat_bits_get(const struct in6_addr *a, unsigned int pos,
			 unsigned int n)
{
	u64 hi = get_unaligned_be64(&a->s6_addr[0]);
	u64 lo = get_unaligned_be64(&a->s6_addr[8]);
	unsigned int shift = 128 - pos - n;	/* of the field's last bit */
	u64 v;

	if (shift >= 64) {
		v = hi >> (shift - 64);
	} else {
		v = lo >> shift;
		if (shift + n > 64)		/* then shift > 32 */
			v |= hi << (64 - shift);
	}
	return v & GENMASK_ULL(n - 1, 0);
}

static void xlat_bits_or(struct in6_addr *a, unsigned int pos,
			 unsigned int n, u32 v)
{
	u64 hi = get_unaligned_be64(&a->s6_addr[0]);
	u64 lo = get_unaligned_be64(&a->s6_addr[8]);
	unsigned int shift = 128 - pos - n;

	if (shift >= 64) {
		hi |= (u64)v << (shift - 64);
	} else {
		lo |= (u64)v << shift;
		if (shift + n > 64)
			hi |= (u64)v >> (64 - shift);
	}
	put_unaligned_be64(hi, &a->s6_addr[0]);
	put_unaligned_be64(lo, &a->s6_addr[8]);
}

/*
 * RFC 7757 section 3.2: the IPv4 prefix is replaced by the IPv6 prefix and
 * the IPv4 suffix follows it bit for bit. When the IPv6 suffix is longer,
 * its remaining low-order bits are zero towards IPv6 and ignored towards
 * IPv4.
 */
static void xlat_eam_4to6(const struct xlat_map *m, __be32 v4,
			  struct in6_addr *out)
{
	unsigned int n = 32 - m->p4.len;

	*out = m->p6.addr;
	if (n)
		xlat_bits_or(out, m->p6.len, n, ntohl(v4) & GENMASK(n - 1, 0));
}

static __be32 xlat_eam_6to4(const struct xlat_map *m, const struct in6_addr *a)
{
	unsigned int n = 32 - m->p4.len;

	if (!n)
		return m->p4.addr;
	return m->p4.addr | htonl(xlat_bits_get(a, m->p6.len, n));
}

static bool xlat_in4(__be32 a, __be32 pfx, unsigned int len)
{
	return (a & inet_make_mask(len)) == htonl(pfx);
}

/* Never translated through remote-prefix6 (xlat.rst, "Address mapping"). */
static bool xlat_always_refused(__be32 a)
{
	return xlat_in4(a, 0x00000000, 8) ||	/* "this network" */
	       xlat_in4(a, 0x7f000000, 8) ||	/* loopback */
	       xlat_in4(a, 0xa9fe0000, 16) ||	/* link local */
	       xlat_in4(a, 0xe0000000, 4) ||	/* multicast */
	       a == htonl(0xffffffff);		/* limited broadcast */
}

/*
 * RFC 6052 section 3.1: the well-known prefix must not carry non-global
 * IPv4 addresses; translators must drop such packets. "Non-global" is the
 * RFC 6890 registry's "Global: False" (private, shared, documentation,
 * benchmarking, reserved, IETF protocol assignments), and the 6to4 relay
 * anycast prefix that RFC 7526 deprecated.
 */
static bool xlat_non_global(__be32 a)
{
	return xlat_in4(a, 0x0a000000, 8) ||	/* RFC 1918 */
	       xlat_in4(a, 0x64400000, 10) ||	/* RFC 6598 shared */
	       xlat_in4(a, 0xac100000, 12) ||	/* RFC 1918 */
	       xlat_in4(a, 0xc0000000, 24) ||	/* RFC 6890 IETF protocol */
	       xlat_in4(a, 0xc0000200, 24) ||	/* RFC 5737 TEST-NET-1 */
	       xlat_in4(a, 0xc0586300, 24) ||	/* RFC 7526 6to4 relays */
	       xlat_in4(a, 0xc0a80000, 16) ||	/* RFC 1918 */
	       xlat_in4(a, 0xc6120000, 15) ||	/* RFC 2544 benchmarking */
	       xlat_in4(a, 0xc6336400, 24) ||	/* RFC 5737 TEST-NET-2 */
	       xlat_in4(a, 0xcb007100, 24) ||	/* RFC 5737 TEST-NET-3 */
	       xlat_in4(a, 0xf0000000, 4);	/* reserved */
}

static bool xlat_wkp(const struct xlat_pfx6 *p)
{
	static const struct in6_addr wkp = {
		.s6_addr = { 0, 0x64, 0xff, 0x9b }
	};

	return p->len == 96 && ipv6_addr_equal(&p->addr, &wkp);
}

static bool xlat_prefix_refuses(const struct xlat_cfg *cfg, __be32 a)
{
	return xlat_always_refused(a) ||
	       xlat_lpm_lookup4(cfg->tab->deny, a) >= 0 ||
	       (xlat_wkp(&cfg->remote6) && xlat_non_global(a));
}

/**
 * xlat_map_4to6() - map an IPv4 address to IPv6
 * @cfg: configuration
 * @v4: the address
 * @out: the IPv6 address, when mapped
 *
 * Return: the rule that mapped it, or %XLAT_VIA_NONE.
 */
enum xlat_via xlat_map_4to6(const struct xlat_cfg *cfg, __be32 v4,
			    struct in6_addr *out)
{
	const struct xlat_map *m;
	int i;

	i = xlat_lpm_lookup4(cfg->tab->local4, v4);
	if (i >= 0) {
		m = &cfg->maps[i];
		if (m->embed)
			xlat_rfc6052_embed(&m->p6, v4, out);
		else
			xlat_eam_4to6(m, v4, out);
		return XLAT_VIA_LOCAL;
	}
	i = xlat_lpm_lookup4(cfg->tab->eam4, v4);
	if (i >= 0) {
		xlat_eam_4to6(&cfg->maps[cfg->n_local + i], v4, out);
		return XLAT_VIA_EAM;
	}
	return xlat_map_4to6_prefix(cfg, v4, out);
}

/**
 * xlat_map_4to6_prefix() - map an IPv4 address with remote-prefix6 only
 * @cfg: configuration
 * @v4: the address
 * @out: the IPv6 address, when mapped
 *
 * RFC 6052 alone, whatever local-map and eam say: the far side of a
 * hairpinned packet (RFC 7757 section 4.2.2).
 *
 * Return: %XLAT_VIA_PREFIX, or %XLAT_VIA_NONE.
 */
enum xlat_via xlat_map_4to6_prefix(const struct xlat_cfg *cfg, __be32 v4,
				   struct in6_addr *out)
{
	if (!(cfg->present & XLAT_CFG_REMOTE6) || xlat_prefix_refuses(cfg, v4))
		return XLAT_VIA_NONE;
	xlat_rfc6052_embed(&cfg->remote6, v4, out);
	return XLAT_VIA_PREFIX;
}

/**
 * xlat_map_4to6_err_src() - map the source of an ICMPv4 error to IPv6
 * @cfg: configuration
 * @v4: the address
 * @out: the IPv6 address, when mapped
 *
 * RFC 7915 section 4.1: "when translating ICMPv4 Error Messages into
 * ICMPv6, the 'illegal' source address will be translated for the purpose
 * of trouble shooting": an address that is never translated otherwise
 * (this network, loopback, link local, multicast, broadcast) gets its RFC
 * 6052 form here. denylist4 and RFC 6052 section 3.1 still apply: they
 * are the administrator's and the prefix's rules, not legality.
 *
 * Return: the rule that mapped it, or %XLAT_VIA_NONE.
 */
enum xlat_via xlat_map_4to6_err_src(const struct xlat_cfg *cfg, __be32 v4,
				    struct in6_addr *out)
{
	enum xlat_via via = xlat_map_4to6(cfg, v4, out);

	if (via != XLAT_VIA_NONE || !(cfg->present & XLAT_CFG_REMOTE6) ||
	    !xlat_always_refused(v4) ||
	    xlat_lpm_lookup4(cfg->tab->deny, v4) >= 0 ||
	    (xlat_wkp(&cfg->remote6) && xlat_non_global(v4)))
		return via;
	xlat_rfc6052_embed(&cfg->remote6, v4, out);
	return XLAT_VIA_PREFIX;
}

/**
 * xlat_map_4to6_near() - is an IPv4 address mapped by local-map or eam?
 * @cfg: configuration
 * @v4: the address
 *
 * Return: true if it is, i.e. it stands for a host on the IPv6 side.
 */
bool xlat_map_4to6_near(const struct xlat_cfg *cfg, __be32 v4)
{
	return xlat_lpm_lookup4(cfg->tab->local4, v4) >= 0 ||
	       xlat_lpm_lookup4(cfg->tab->eam4, v4) >= 0;
}

/**
 * xlat_map_6to4() - map an IPv6 address to IPv4
 * @cfg: configuration
 * @v6: the address
 * @out: the IPv4 address, when mapped
 *
 * A local-map in RFC 6052 form applies only when the embedded address is
 * inside its IPv4 prefix.
 *
 * Return: the rule that mapped it, or %XLAT_VIA_NONE.
 */
enum xlat_via xlat_map_6to4(const struct xlat_cfg *cfg,
			    const struct in6_addr *v6, __be32 *out)
{
	const struct xlat_map *m;
	__be32 v4;
	int i;

	i = xlat_lpm_lookup6(cfg->tab->local6, v6);
	if (i >= 0) {
		m = &cfg->maps[i];
		if (!m->embed) {
			*out = xlat_eam_6to4(m, v6);
			return XLAT_VIA_LOCAL;
		}
		v4 = xlat_rfc6052_extract(&m->p6, v6);
		if ((v4 & inet_make_mask(m->p4.len)) == m->p4.addr) {
			*out = v4;
			return XLAT_VIA_LOCAL;
		}
	}
	i = xlat_lpm_lookup6(cfg->tab->eam6, v6);
	if (i >= 0) {
		*out = xlat_eam_6to4(&cfg->maps[cfg->n_local + i], v6);
		return XLAT_VIA_EAM;
	}
	if (!(cfg->present & XLAT_CFG_REMOTE6) ||
	    !ipv6_prefix_equal(v6, &cfg->remote6.addr, cfg->remote6.len))
		return XLAT_VIA_NONE;
	v4 = xlat_rfc6052_extract(&cfg->remote6, v6);
	if (xlat_prefix_refuses(cfg, v4))
		return XLAT_VIA_NONE;
	*out = v4;
	return XLAT_VIA_PREFIX;
}
