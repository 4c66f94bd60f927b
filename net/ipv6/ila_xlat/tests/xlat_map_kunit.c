// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the xlat address mapping: RFC 6052 embedding against the
 * examples of RFC 6052 section 2.4, RFC 7757 mappings against the examples
 * of RFC 7757 Figure 1, the rule order of xlat.rst, and the longest-prefix
 * match against a slow linear reference on random prefixes.
 */

#include <kunit/test.h>
#include <linux/inet.h>
#include <linux/inetdevice.h>
#include <linux/prandom.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <net/ipv6.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "../xlat.h"

static __be32 v4(struct kunit *test, const char *s)
{
	__be32 a;

	KUNIT_ASSERT_TRUE(test, in4_pton(s, -1, (u8 *)&a, -1, NULL));
	return a;
}

static struct in6_addr v6(struct kunit *test, const char *s)
{
	struct in6_addr a;

	KUNIT_ASSERT_TRUE(test, in6_pton(s, -1, a.s6_addr, -1, NULL));
	return a;
}

/* RFC 6052 section 2.4, Table 1 and the well-known prefix example. */
static const struct {
	const char *pfx;
	u8 len;
	const char *addr;
} rfc6052_examples[] = {
	{ "2001:db8::", 32, "2001:db8:c000:221::" },
	{ "2001:db8:100::", 40, "2001:db8:1c0:2:21::" },
	{ "2001:db8:122::", 48, "2001:db8:122:c000:2:2100::" },
	{ "2001:db8:122:300::", 56, "2001:db8:122:3c0:0:221::" },
	{ "2001:db8:122:344::", 64, "2001:db8:122:344:c0:2:2100::" },
	{ "2001:db8:122:344::", 96, "2001:db8:122:344::192.0.2.33" },
	{ "64:ff9b::", 96, "64:ff9b::192.0.2.33" },
};

static void xlat_map_test_rfc6052_2_4(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(rfc6052_examples); i++) {
		struct xlat_pfx6 p = {
			.addr = v6(test, rfc6052_examples[i].pfx),
			.len = rfc6052_examples[i].len,
		};
		struct in6_addr want = v6(test, rfc6052_examples[i].addr);
		struct in6_addr got, noisy;

		xlat_rfc6052_embed(&p, v4(test, "192.0.2.33"), &got);
		KUNIT_EXPECT_TRUE_MSG(test, ipv6_addr_equal(&got, &want),
				      "/%u: %pI6c", p.len, &got);
		KUNIT_EXPECT_EQ(test, xlat_rfc6052_extract(&p, &want),
				v4(test, "192.0.2.33"));
		/* Section 2.2: suffix and u-octet ignored on input. */
		noisy = want;
		if (p.len != 96) {	/* a /96 has neither */
			noisy.s6_addr[15] |= 0x5a;
			noisy.s6_addr[8] = 0xff;
		}
		KUNIT_EXPECT_EQ(test, xlat_rfc6052_extract(&p, &noisy),
				v4(test, "192.0.2.33"));
	}
}

/* Build a configuration by hand: @n maps, @n_local of them local-map. */
static struct xlat_cfg *cfg_new(struct kunit *test, unsigned int n,
				unsigned int n_local)
{
	struct xlat_cfg *cfg = kzalloc(struct_size(cfg, maps, n), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cfg);
	cfg->n_maps = n;
	cfg->n_local = n_local;
	return cfg;
}

static void cfg_map(struct kunit *test, struct xlat_cfg *cfg, unsigned int i,
		    const char *a4, u8 l4, const char *a6, u8 l6)
{
	cfg->maps[i].p4.addr = v4(test, a4);
	cfg->maps[i].p4.len = l4;
	cfg->maps[i].p6.addr = v6(test, a6);
	cfg->maps[i].p6.len = l6;
	/* Unequal suffixes: a local-map embeds, an eam (n_local..) does not. */
	cfg->maps[i].embed = i < cfg->n_local && 32 - l4 != 128 - l6;
}

static void cfg_done(struct kunit *test, struct xlat_cfg *cfg)
{
	KUNIT_ASSERT_EQ(test, 0, xlat_tables_build(cfg));
}

static void expect46(struct kunit *test, const struct xlat_cfg *cfg,
		     const char *a4, enum xlat_via via, const char *a6)
{
	struct in6_addr got, want;

	KUNIT_EXPECT_EQ_MSG(test, xlat_map_4to6(cfg, v4(test, a4), &got), via,
			    "%s", a4);
	if (via == XLAT_VIA_NONE)
		return;
	want = v6(test, a6);
	KUNIT_EXPECT_TRUE_MSG(test, ipv6_addr_equal(&got, &want),
			      "%s -> %pI6c, want %s", a4, &got, a6);
}

static void expect64(struct kunit *test, const struct xlat_cfg *cfg,
		     const char *a6, enum xlat_via via, const char *a4)
{
	struct in6_addr a = v6(test, a6);
	__be32 got;

	KUNIT_EXPECT_EQ_MSG(test, xlat_map_6to4(cfg, &a, &got), via, "%s", a6);
	if (via != XLAT_VIA_NONE)
		KUNIT_EXPECT_EQ_MSG(test, got, v4(test, a4), "%s -> %pI4",
				    a6, &got);
}

/* RFC 7757 Figure 1 (the entries with equal suffix lengths). */
static void xlat_map_test_rfc7757_fig1(struct kunit *test)
{
	struct xlat_cfg *cfg = cfg_new(test, 4, 0);

	cfg_map(test, cfg, 0, "192.0.2.1", 32, "2001:db8:aaaa::", 128);
	cfg_map(test, cfg, 1, "192.0.2.2", 32, "2001:db8:bbbb::b", 128);
	cfg_map(test, cfg, 2, "192.0.2.16", 28, "2001:db8:cccc::", 124);
	cfg_map(test, cfg, 3, "192.0.2.224", 31, "64:ff9b::", 127);
	cfg_done(test, cfg);

	expect46(test, cfg, "192.0.2.1", XLAT_VIA_EAM, "2001:db8:aaaa::");
	expect46(test, cfg, "192.0.2.2", XLAT_VIA_EAM, "2001:db8:bbbb::b");
	expect46(test, cfg, "192.0.2.20", XLAT_VIA_EAM, "2001:db8:cccc::4");
	expect46(test, cfg, "192.0.2.225", XLAT_VIA_EAM, "64:ff9b::1");
	expect64(test, cfg, "2001:db8:cccc::4", XLAT_VIA_EAM, "192.0.2.20");
	expect64(test, cfg, "64:ff9b::1", XLAT_VIA_EAM, "192.0.2.225");
	/* No remote-prefix6: everything else is untranslatable. */
	expect46(test, cfg, "192.0.2.3", XLAT_VIA_NONE, NULL);
	expect64(test, cfg, "2001:db8:cccc::10", XLAT_VIA_NONE, NULL);
	xlat_cfg_free(cfg);
}

/*
 * RFC 7757 section 3.2: an IPv4 suffix shorter than the IPv6 suffix is
 * placed bit for bit right after the IPv6 prefix; the low-order IPv6 bits
 * left over are zero towards IPv6 and ignored towards IPv4. The expected
 * addresses were worked out by hand (and with Python integers).
 */
static void xlat_map_test_rfc7757_3_2(struct kunit *test)
{
	struct xlat_cfg *cfg = cfg_new(test, 4, 0);

	cfg_map(test, cfg, 0, "198.51.100.0", 24, "2001:db8:1c6:3364::", 72);
	cfg_map(test, cfg, 1, "192.0.2.128", 26, "2001:db8:dddd::", 64);
	/* 4 bits at 61-64: across the two 64-bit halves */
	cfg_map(test, cfg, 2, "203.0.113.16", 28, "2001:db8:5::", 61);
	/* all of IPv4 after a /32, as RFC 6052 would put it (no u-octet) */
	cfg_map(test, cfg, 3, "0.0.0.0", 0, "2001:db8::", 32);
	cfg_done(test, cfg);

	expect46(test, cfg, "198.51.100.2", XLAT_VIA_EAM, "2001:db8:1c6:3364:2::");
	expect64(test, cfg, "2001:db8:1c6:3364:2::", XLAT_VIA_EAM, "198.51.100.2");
	expect64(test, cfg, "2001:db8:1c6:3364:2:ffff:ffff:ffff", XLAT_VIA_EAM,
		 "198.51.100.2");
	expect46(test, cfg, "192.0.2.130", XLAT_VIA_EAM, "2001:db8:dddd:0:800::");
	expect46(test, cfg, "192.0.2.191", XLAT_VIA_EAM, "2001:db8:dddd:0:fc00::");
	expect64(test, cfg, "2001:db8:dddd:0:fc03:ffff::", XLAT_VIA_EAM,
		 "192.0.2.191");
	expect46(test, cfg, "203.0.113.21", XLAT_VIA_EAM, "2001:db8:5:2:8000::");
	expect64(test, cfg, "2001:db8:5:2:8000::", XLAT_VIA_EAM, "203.0.113.21");
	expect64(test, cfg, "2001:db8:5:5:7fff::", XLAT_VIA_EAM, "203.0.113.26");
	expect46(test, cfg, "192.0.0.1", XLAT_VIA_EAM, "2001:db8:c000:1::");
	expect64(test, cfg, "2001:db8:c000:1:ffff::", XLAT_VIA_EAM, "192.0.0.1");
	xlat_cfg_free(cfg);
}

/* Bit @i (0: the most significant) of an IPv6 address. */
static bool bit6(const struct in6_addr *a, unsigned int i)
{
	return a->s6_addr[i / 8] & (0x80 >> (i % 8));
}

/*
 * Random eam entries of every valid pair of lengths, against a reference
 * that moves the suffix one bit at a time.
 */
static void xlat_map_test_eam_random(struct kunit *test)
{
	struct rnd_state rnd;
	struct xlat_cfg *cfg;
	struct in6_addr got, back6;
	unsigned int i, b, n;
	__be32 a4, back;

	prandom_seed_state(&rnd, 7757);
	for (i = 0; i < 2000; i++) {
		struct xlat_map *m;

		if (!(i % 64))
			cond_resched();

		cfg = cfg_new(test, 1, 0);
		m = &cfg->maps[0];
		m->p6.len = prandom_u32_state(&rnd) % 129;
		n = 128 - m->p6.len;		/* IPv6 suffix */
		m->p4.len = 32 - prandom_u32_state(&rnd) % (min(n, 32U) + 1);
		prandom_bytes_state(&rnd, &m->p6.addr, sizeof(m->p6.addr));
		ipv6_addr_prefix(&m->p6.addr, &m->p6.addr, m->p6.len);
		m->p4.addr = (__force __be32)prandom_u32_state(&rnd) &
			     inet_make_mask(m->p4.len);
		cfg_done(test, cfg);

		a4 = m->p4.addr | ((__force __be32)prandom_u32_state(&rnd) &
				   ~inet_make_mask(m->p4.len));
		KUNIT_ASSERT_EQ(test, XLAT_VIA_EAM, xlat_map_4to6(cfg, a4, &got));
		n = 32 - m->p4.len;
		for (b = 0; b < 128; b++) {
			bool want;

			if (b < m->p6.len)
				want = bit6(&m->p6.addr, b);
			else if (b < m->p6.len + n)
				want = ntohl(a4) &
				       BIT(31 - (m->p4.len + b - m->p6.len));
			else
				want = false;
			KUNIT_ASSERT_EQ_MSG(test, bit6(&got, b), want,
					    "%pI4/%u %pI6c/%u: %pI4 -> %pI6c, bit %u",
					    &m->p4.addr, m->p4.len, &m->p6.addr,
					    m->p6.len, &a4, &got, b);
		}
		/* Back, with noise in the bits past the IPv4 suffix. */
		back6 = got;
		for (b = m->p6.len + n; b < 128; b++)
			if (prandom_u32_state(&rnd) & 1)
				back6.s6_addr[b / 8] |= 0x80 >> (b % 8);
		KUNIT_ASSERT_EQ(test, XLAT_VIA_EAM,
				xlat_map_6to4(cfg, &back6, &back));
		KUNIT_ASSERT_EQ(test, back, a4);
		xlat_cfg_free(cfg);
	}
}

/* xlat.rst, "Address mapping": local-map, then eam, then remote-prefix6. */
static void xlat_map_test_order(struct kunit *test)
{
	struct xlat_cfg *cfg = cfg_new(test, 3, 1);
	struct xlat_pfx4 deny = { .len = 24 };

	cfg_map(test, cfg, 0, "192.0.2.0", 24, "2001:db8:100:64::", 96);
	cfg_map(test, cfg, 1, "192.0.2.128", 25, "2001:db8:2::", 121);
	cfg_map(test, cfg, 2, "198.51.100.0", 24, "2001:db8:3::", 120);
	cfg->remote6.addr = v6(test, "64:ff9b:1::");
	cfg->remote6.len = 48;
	cfg->present = XLAT_CFG_REMOTE6;
	deny.addr = v4(test, "203.0.113.0");
	cfg->deny = &deny;
	cfg->n_deny = 1;
	cfg_done(test, cfg);

	/* local-map wins over a longer eam */
	expect46(test, cfg, "192.0.2.200", XLAT_VIA_LOCAL,
		 "2001:db8:100:64::c000:2c8");
	expect46(test, cfg, "198.51.100.7", XLAT_VIA_EAM, "2001:db8:3::7");
	expect46(test, cfg, "8.8.8.8", XLAT_VIA_PREFIX, "64:ff9b:1:808:8:800::");
	expect46(test, cfg, "203.0.113.9", XLAT_VIA_NONE, NULL);	/* deny */
	expect46(test, cfg, "127.0.0.1", XLAT_VIA_NONE, NULL);
	expect46(test, cfg, "169.254.1.1", XLAT_VIA_NONE, NULL);
	expect46(test, cfg, "224.0.0.5", XLAT_VIA_NONE, NULL);
	expect46(test, cfg, "0.1.2.3", XLAT_VIA_NONE, NULL);
	expect46(test, cfg, "255.255.255.255", XLAT_VIA_NONE, NULL);
	expect64(test, cfg, "2001:db8:100:64::c000:2c8", XLAT_VIA_LOCAL,
		 "192.0.2.200");
	/* The embedded address is outside local-map's IPv4 domain. */
	expect64(test, cfg, "2001:db8:100:64::c633:6407", XLAT_VIA_NONE, NULL);
	expect64(test, cfg, "2001:db8:3::7", XLAT_VIA_EAM, "198.51.100.7");
	expect64(test, cfg, "64:ff9b:1:808:8:800::", XLAT_VIA_PREFIX,
		 "8.8.8.8");
	expect64(test, cfg, "64:ff9b:1:cb00:71:900::", XLAT_VIA_NONE, NULL);
	expect64(test, cfg, "2001:db8:9::1", XLAT_VIA_NONE, NULL);
	cfg->deny = NULL;
	xlat_cfg_free(cfg);
}

/* RFC 6052 section 3.1 under 64:ff9b::/96; RFC 8215 lifts it. */
static void xlat_map_test_wkp(struct kunit *test)
{
	struct xlat_cfg *cfg = cfg_new(test, 0, 0);

	cfg->remote6.addr = v6(test, "64:ff9b::");
	cfg->remote6.len = 96;
	cfg->present = XLAT_CFG_REMOTE6;
	cfg_done(test, cfg);
	expect46(test, cfg, "8.8.8.8", XLAT_VIA_PREFIX, "64:ff9b::808:808");
	expect46(test, cfg, "198.51.100.7", XLAT_VIA_NONE, NULL);
	expect46(test, cfg, "10.1.2.3", XLAT_VIA_NONE, NULL);
	expect46(test, cfg, "172.20.0.1", XLAT_VIA_NONE, NULL);
	expect46(test, cfg, "192.168.1.1", XLAT_VIA_NONE, NULL);
	expect46(test, cfg, "100.64.0.1", XLAT_VIA_NONE, NULL);
	/* RFC 7526: the deprecated 6to4 relay anycast prefix. */
	expect46(test, cfg, "192.88.99.1", XLAT_VIA_NONE, NULL);
	expect64(test, cfg, "64:ff9b::c058:6301", XLAT_VIA_NONE, NULL);
	expect46(test, cfg, "192.88.100.1", XLAT_VIA_PREFIX,
		 "64:ff9b::c058:6401");
	expect64(test, cfg, "64:ff9b::c633:6407", XLAT_VIA_NONE, NULL);
	expect64(test, cfg, "64:ff9b::808:808", XLAT_VIA_PREFIX, "8.8.8.8");
	xlat_cfg_free(cfg);

	cfg = cfg_new(test, 0, 0);
	cfg->remote6.addr = v6(test, "64:ff9b:1::");
	cfg->remote6.len = 48;
	cfg->present = XLAT_CFG_REMOTE6;
	cfg_done(test, cfg);
	expect46(test, cfg, "198.51.100.7", XLAT_VIA_PREFIX,
		 "64:ff9b:1:c633:64:700::");
	xlat_cfg_free(cfg);
}

/* Slow, obviously correct longest match over the same prefixes. */
static int ref_lookup4(const struct xlat_pfx4 *p, unsigned int n, __be32 a)
{
	int best = -1;
	unsigned int i;

	for (i = 0; i < n; i++)
		if ((a & inet_make_mask(p[i].len)) == p[i].addr &&
		    (best < 0 || p[i].len > p[best].len))
			best = i;
	return best;
}

static int ref_lookup6(const struct xlat_pfx6 *p, unsigned int n,
		       const struct in6_addr *a)
{
	int best = -1;
	unsigned int i;

	for (i = 0; i < n; i++)
		if (ipv6_prefix_equal(a, &p[i].addr, p[i].len) &&
		    (best < 0 || p[i].len > p[best].len))
			best = i;
	return best;
}

#define RANDOM_PREFIXES	3000
#define RANDOM_LOOKUPS	20000

/*
 * N random prefixes of each family, then LOOKUPS addresses, half inside a
 * random prefix: the tables agree with a linear reference. With @nest, the
 * prefixes of a family are one random address cut at random lengths, so
 * that they all nest and only the longest match is right.
 */
static void lpm_random(struct kunit *test, struct rnd_state *rnd,
		       unsigned int n, unsigned int lookups, bool nest)
{
	struct in6_addr base6;
	struct xlat_pfx4 *p4;
	struct xlat_pfx6 *p6;
	struct xlat_lpm *t4, *t6;
	unsigned int i;
	__be32 base4;

	p4 = kunit_kcalloc(test, n, sizeof(*p4), GFP_KERNEL);
	p6 = kunit_kcalloc(test, n, sizeof(*p6), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p4);
	KUNIT_ASSERT_NOT_NULL(test, p6);
	base4 = (__force __be32)prandom_u32_state(rnd);
	prandom_bytes_state(rnd, &base6, sizeof(base6));
	for (i = 0; i < n; i++) {
		struct in6_addr a = base6;
		__be32 a4 = base4;

		if (!nest) {
			a4 = (__force __be32)prandom_u32_state(rnd);
			prandom_bytes_state(rnd, &a, sizeof(a));
		}
		p4[i].len = 8 + prandom_u32_state(rnd) % 25;
		p4[i].addr = a4 & inet_make_mask(p4[i].len);
		/* Few distinct top bits, so that prefixes nest. */
		a.s6_addr32[0] = htonl(0x20010db8);
		p6[i].len = 32 + prandom_u32_state(rnd) % 97;
		ipv6_addr_prefix(&p6[i].addr, &a, p6[i].len);
	}
	t4 = xlat_lpm_build4(p4, sizeof(*p4), n);
	t6 = xlat_lpm_build6(p6, sizeof(*p6), n);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(t4));
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(t6));

	for (i = 0; i < lookups; i++) {
		unsigned int j = prandom_u32_state(rnd) % n;
		struct in6_addr a6;
		__be32 a4;
		int got, want;

		/* minutes under KMSAN: let the soft lockup watchdog run */
		if (!(i % 256))
			cond_resched();

		/* Half inside a random prefix, half anywhere. */
		a4 = (__force __be32)prandom_u32_state(rnd);
		prandom_bytes_state(rnd, &a6, sizeof(a6));
		a6.s6_addr32[0] = htonl(0x20010db8);
		if (i & 1) {
			a4 = p4[j].addr | (a4 & ~inet_make_mask(p4[j].len));
			ipv6_addr_prefix_copy(&a6, &p6[j].addr, p6[j].len);
		}
		got = xlat_lpm_lookup4(t4, a4);
		want = ref_lookup4(p4, n, a4);
		KUNIT_ASSERT_EQ(test, got < 0, want < 0);
		if (want >= 0)
			KUNIT_ASSERT_TRUE(test,
					  xlat_pfx4_equal(&p4[got], &p4[want]));
		got = xlat_lpm_lookup6(t6, &a6);
		want = ref_lookup6(p6, n, &a6);
		KUNIT_ASSERT_EQ(test, got < 0, want < 0);
		if (want >= 0)
			KUNIT_ASSERT_TRUE(test,
					  xlat_pfx6_equal(&p6[got], &p6[want]));
	}
	kfree(t4);
	kfree(t6);
}

static void xlat_map_test_lpm_random(struct kunit *test)
{
	struct rnd_state rnd;
	unsigned int n;

	prandom_seed_state(&rnd, 7915);
	lpm_random(test, &rnd, RANDOM_PREFIXES, RANDOM_LOOKUPS, false);
	/* The small tables that are scanned, and the first searched one. */
	for (n = 1; n <= 5; n++) {
		lpm_random(test, &rnd, n, 2000, false);
		lpm_random(test, &rnd, n, 2000, true);
	}
}

/* 10,000 eam /32 <-> /128 entries: built once, every one found. */
static void xlat_map_test_lpm_10000(struct kunit *test)
{
	const unsigned int n = 10000;
	struct xlat_cfg *cfg = cfg_new(test, n, 0);
	struct in6_addr got, want;
	unsigned int i;

	for (i = 0; i < n; i++) {
		cfg->maps[i].p4.addr = htonl(0xc6330000 + i);
		cfg->maps[i].p4.len = 32;
		cfg->maps[i].p6.addr = v6(test, "2001:db8:2::");
		cfg->maps[i].p6.addr.s6_addr32[3] = htonl(0x10000 + i);
		cfg->maps[i].p6.len = 128;
	}
	cfg_done(test, cfg);
	for (i = 0; i < n; i++) {
		KUNIT_ASSERT_EQ(test, XLAT_VIA_EAM,
				xlat_map_4to6(cfg, htonl(0xc6330000 + i), &got));
		want = cfg->maps[i].p6.addr;
		KUNIT_ASSERT_TRUE(test, ipv6_addr_equal(&got, &want));
	}
	KUNIT_EXPECT_EQ(test, XLAT_VIA_NONE,
			xlat_map_4to6(cfg, htonl(0xc6330000 + n), &got));
	xlat_cfg_free(cfg);
}

static struct kunit_case xlat_map_test_cases[] = {
	KUNIT_CASE(xlat_map_test_rfc6052_2_4),
	KUNIT_CASE(xlat_map_test_rfc7757_fig1),
	KUNIT_CASE(xlat_map_test_rfc7757_3_2),
	KUNIT_CASE(xlat_map_test_eam_random),
	KUNIT_CASE(xlat_map_test_order),
	KUNIT_CASE(xlat_map_test_wkp),
	KUNIT_CASE(xlat_map_test_lpm_random),
	KUNIT_CASE(xlat_map_test_lpm_10000),
	{}
};

static struct kunit_suite xlat_map_test_suite = {
	.name = "xlat_map",
	.test_cases = xlat_map_test_cases,
};

kunit_test_suite(xlat_map_test_suite);
