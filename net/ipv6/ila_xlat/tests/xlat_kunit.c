// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the xlat encap: netlink configuration.
 *
 * Each case builds the attributes a client would send, parses them and
 * checks the verdict, the extack message and the parsed values; valid
 * configurations are dumped and parsed back.
 */

#include <kunit/test.h>
#include <linux/inet.h>
#include <linux/skbuff.h>
#include <net/netlink.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "../xlat.h"

/* One attribute of a test configuration; type 0 ends a list. */
struct xt_attr {
	int type;
	const char *a4;
	u8 l4;
	const char *a6;
	u8 l6;
	u32 val;
};

#define REMOTE6(a, l)	{ XLAT_ATTR_REMOTE_PREFIX6, NULL, 0, a, l }
#define LOCAL(a4, l4, a6, l6)	{ XLAT_ATTR_LOCAL_MAP, a4, l4, a6, l6 }
#define EAM(a4, l4, a6, l6)	{ XLAT_ATTR_EAM, a4, l4, a6, l6 }
#define DENY4(a, l)	{ XLAT_ATTR_DENYLIST4, a, l }
#define POOL4(a, l)	{ XLAT_ATTR_ICMP_SRC_POOL4, a, l }
#define POOL6(a, l)	{ XLAT_ATTR_ICMP_SRC_POOL6, NULL, 0, a, l }
#define SCALAR(t, v)	{ .type = t, .val = v }
/* XLAT_ATTR_STATS, an empty nest: the route's own counters. */
#define STATS()		{ .type = XLAT_ATTR_STATS }
/* A prefix nest carrying both families where only one is allowed. */
#define BOTH(t, a4, l4, a6, l6)	{ -(t), a4, l4, a6, l6 }

static void xt_free_skb(void *skb)
{
	kfree_skb(skb);
}

static struct sk_buff *xt_alloc_skb(struct kunit *test, unsigned int size)
{
	struct sk_buff *skb = alloc_skb(size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test, xt_free_skb, skb));
	return skb;
}

static void xt_put_pfx(struct kunit *test, struct sk_buff *skb,
		       const struct xt_attr *at, int type)
{
	struct nlattr *nest = nla_nest_start(skb, type);
	struct in6_addr a6;
	__be32 a4;

	KUNIT_ASSERT_NOT_NULL(test, nest);
	if (at->a4) {
		KUNIT_ASSERT_TRUE(test, in4_pton(at->a4, -1, (u8 *)&a4, -1,
						 NULL));
		KUNIT_ASSERT_EQ(test, 0, nla_put_in_addr(skb, XLAT_PFX_ADDR4,
							 a4));
		KUNIT_ASSERT_EQ(test, 0, nla_put_u8(skb, XLAT_PFX_LEN4,
						    at->l4));
	}
	if (at->a6) {
		KUNIT_ASSERT_TRUE(test, in6_pton(at->a6, -1, a6.s6_addr, -1,
						 NULL));
		KUNIT_ASSERT_EQ(test, 0, nla_put_in6_addr(skb, XLAT_PFX_ADDR6,
							  &a6));
		KUNIT_ASSERT_EQ(test, 0, nla_put_u8(skb, XLAT_PFX_LEN6,
						    at->l6));
	}
	nla_nest_end(skb, nest);
}

/* Build an RTA_ENCAP-like nest holding @attrs. */
static struct nlattr *xt_build(struct kunit *test, const struct xt_attr *attrs)
{
	struct sk_buff *skb = xt_alloc_skb(test, 32768);
	const struct xt_attr *at;
	struct nlattr *encap;

	encap = nla_nest_start_noflag(skb, 1);
	KUNIT_ASSERT_NOT_NULL(test, encap);
	for (at = attrs; at->type; at++) {
		switch (at->type) {
		case XLAT_ATTR_UDP_ZERO_CSUM:
		case XLAT_ATTR_TCLASS:
		case XLAT_ATTR_TOS4:
		case XLAT_ATTR_ICMP_NODE_ID:
			KUNIT_ASSERT_EQ(test, 0,
					nla_put_u8(skb, at->type, at->val));
			break;
		case XLAT_ATTR_LOWEST_IPV6_MTU:
			KUNIT_ASSERT_EQ(test, 0,
					nla_put_u32(skb, at->type, at->val));
			break;
		case XLAT_ATTR_STATS:
			KUNIT_ASSERT_NOT_NULL(test,
					      nla_nest_start(skb, at->type));
			break;
		default:
			xt_put_pfx(test, skb, at, abs(at->type));
		}
	}
	nla_nest_end(skb, encap);
	return encap;
}

struct xt_case {
	const char *name;
	struct xt_attr attrs[10];
	int err;		/* expected error, 0 for success */
	const char *msg;	/* substring of the extack message */
};

static const struct xt_case xt_cases[] = {
	{ "single-host CLAT (xlat.rst)",
	  { REMOTE6("64:ff9b::", 96),
	    LOCAL("192.0.0.1", 32, "2001:db8:1:2::1234", 128) } },
	{ "downstream CLAT, RFC 6052 embedding in a /96",
	  { REMOTE6("64:ff9b:1::", 48),
	    LOCAL("192.0.2.0", 24, "2001:db8:100:64::", 96) } },
	{ "RFC 6052 2.2 every prefix length",
	  { REMOTE6("2001:db8::", 32),
	    LOCAL("192.0.2.0", 24, "2001:db8:100::", 40),
	    LOCAL("198.51.100.0", 24, "2001:db8:101::", 48),
	    LOCAL("203.0.113.0", 24, "2001:db8:102::", 56),
	    LOCAL("192.0.0.0", 29, "2001:db8:103::", 64) } },
	{ "RFC 7757 eam only, no remote-prefix6 (SIIT-DC)",
	  { EAM("198.51.100.0", 24, "2001:db8:2::", 120),
	    EAM("203.0.113.7", 32, "2001:db8:3::7", 128) } },
	{ "every optional attribute",
	  { REMOTE6("64:ff9b:1::", 48), DENY4("192.0.2.128", 25),
	    POOL4("192.0.0.8", 30), POOL6("2001:db8:ff::", 64),
	    SCALAR(XLAT_ATTR_UDP_ZERO_CSUM, XLAT_UDP_ZERO_CSUM_DROP),
	    SCALAR(XLAT_ATTR_TCLASS, XLAT_TCLASS_ZERO),
	    SCALAR(XLAT_ATTR_TOS4, 0x20),
	    SCALAR(XLAT_ATTR_LOWEST_IPV6_MTU, 1280),
	    SCALAR(XLAT_ATTR_ICMP_NODE_ID, XLAT_ICMP_NODE_ID_OFF) } },
	{ "RFC 6052 2.2 remote-prefix6 /80 refused",
	  { REMOTE6("2001:db8::", 80) },
	  -EINVAL, "is not 32, 40, 48, 56, 64 or 96" },
	{ "RFC 6052 2.2 remote-prefix6 u-octet set refused",
	  { REMOTE6("2001:db8:0:0:100::", 96) }, -EINVAL, "u-octet" },
	{ "RFC 6052 2.2 local-map /96 u-octet set refused",
	  { REMOTE6("64:ff9b::", 96),
	    LOCAL("192.0.2.0", 24, "2001:db8:0:0:ff00::", 96) },
	  -EINVAL, "u-octet" },
	{ "local-map neither RFC 7757 nor RFC 6052 refused",
	  { REMOTE6("64:ff9b::", 96),
	    LOCAL("192.0.2.0", 24, "2001:db8:100::", 80) },
	  -EINVAL, "no RFC 6052 length" },
	{ "RFC 7757 3.2 eam IPv4 suffix shorter than IPv6 suffix accepted",
	  { EAM("198.51.100.0", 24, "2001:db8:1c6:3364::", 72),
	    EAM("203.0.113.0", 28, "2001:db8:5::", 64) } },
	{ "RFC 7757 3.2 eam IPv4 suffix longer than IPv6 suffix refused",
	  { EAM("192.0.2.0", 24, "2001:db8::", 124) },
	  -EINVAL, "eam: IPv4 suffix of /24 is longer than IPv6 suffix of /124" },
	{ "local-map without remote-prefix6 refused",
	  { LOCAL("192.0.0.1", 32, "2001:db8:1:2::1234", 128) },
	  -EINVAL, "remote-prefix6 is required" },
	{ "empty encap refused",
	  { }, -EINVAL, "remote-prefix6 is required" },
	{ "denylist4 without remote-prefix6 refused",
	  { EAM("192.0.2.1", 32, "2001:db8::1", 128),
	    DENY4("192.0.2.0", 24) }, -EINVAL, "denylist4 only" },
	{ "IPv4 host bits refused",
	  { REMOTE6("64:ff9b::", 96),
	    LOCAL("192.0.2.1", 24, "2001:db8:100:64::", 96) },
	  -EINVAL, "local-map: 192.0.2.1/24: host bits set" },
	{ "IPv6 host bits refused",
	  { REMOTE6("64:ff9b::1", 96) }, -EINVAL, "host bits set" },
	{ "IPv6 host bits refused, the longest address in full",
	  { REMOTE6("64:ff9b::", 96),
	    POOL6("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 120) },
	  -EINVAL,
	  "icmp-source-pool6: ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/120: host bits set" },
	{ "duplicate local-map refused",
	  { REMOTE6("64:ff9b::", 96),
	    LOCAL("192.0.0.1", 32, "2001:db8:1:2::1234", 128),
	    LOCAL("192.0.0.1", 32, "2001:db8:1:2::1235", 128) },
	  -EINVAL, "mapped twice" },
	{ "local-map without its IPv6 side refused",
	  { REMOTE6("64:ff9b::", 96), LOCAL("192.0.0.1", 32, NULL, 0) },
	  -EINVAL, "IPv6 prefix missing" },
	{ "IPv6 prefix in icmp-source-pool4 refused",
	  { REMOTE6("64:ff9b::", 96),
	    BOTH(XLAT_ATTR_ICMP_SRC_POOL4, "192.0.0.8", 32, "2001:db8::", 64) },
	  -EINVAL, "icmp-source-pool4: IPv6 address: an IPv4 prefix is expected here" },
	{ "IPv4 prefix in remote-prefix6 refused",
	  { BOTH(XLAT_ATTR_REMOTE_PREFIX6, "192.0.0.8", 32,
		 "64:ff9b::", 96) },
	  -EINVAL, "an IPv6 prefix is expected here" },
	{ "IPv4 prefix length 33 refused",
	  { REMOTE6("64:ff9b::", 96),
	    LOCAL("192.0.0.1", 33, "2001:db8:1:2::1234", 128) },
	  -ERANGE,
	  "local-map: IPv4 length (0 to 32): integer out of range" },
	{ "IPv6 prefix length 129 refused",
	  { REMOTE6("64:ff9b::", 129) },
	  -ERANGE,
	  "remote-prefix6: IPv6 length (0 to 128): integer out of range" },
	{ "icmp-node-id 2 refused",
	  { REMOTE6("64:ff9b::", 96), SCALAR(XLAT_ATTR_ICMP_NODE_ID, 2) },
	  -ERANGE, "icmp-node-id (0 or 1): integer out of range" },
	{ "lowest-ipv6-mtu below 1280 refused",
	  { REMOTE6("64:ff9b::", 96),
	    SCALAR(XLAT_ATTR_LOWEST_IPV6_MTU, 1279) },
	  -ERANGE,
	  "lowest-ipv6-mtu (1280 to 65535): integer out of range" },
	{ "lowest-ipv6-mtu above 65535 refused",
	  { REMOTE6("64:ff9b::", 96),
	    SCALAR(XLAT_ATTR_LOWEST_IPV6_MTU, 65536) },
	  -ERANGE, "lowest-ipv6-mtu (1280 to 65535): integer" },
	{ "lowest-ipv6-mtu 65535 accepted",
	  { REMOTE6("64:ff9b::", 96),
	    SCALAR(XLAT_ATTR_LOWEST_IPV6_MTU, 65535) } },
	{ "unknown udp-zero-checksum mode refused",
	  { REMOTE6("64:ff9b::", 96), SCALAR(XLAT_ATTR_UDP_ZERO_CSUM, 2) },
	  -ERANGE, "udp-zero-checksum (0 or 1): integer out of range" },
	{ "tos4 with an ECN bit refused",
	  { REMOTE6("64:ff9b::", 96), SCALAR(XLAT_ATTR_TOS4, 0x89) },
	  -EINVAL, "tos4 (a DSCP, a multiple of 4): reserved bit set" },
	{ "icmp-source-pool4 0.0.0.0/0 refused",
	  { REMOTE6("64:ff9b::", 96), POOL4("0.0.0.0", 0) },
	  -EINVAL, "icmp-source-pool4: 0.0.0.0/0 holds" },
	{ "icmp-source-pool4 unspecified refused",
	  { REMOTE6("64:ff9b::", 96), POOL4("0.0.0.0", 32) },
	  -EINVAL, "\"this network\" 0.0.0.0/8" },
	{ "icmp-source-pool4 loopback refused",
	  { REMOTE6("64:ff9b::", 96), POOL4("127.0.0.1", 32) },
	  -EINVAL, "loopback 127.0.0.0/8" },
	{ "icmp-source-pool4 multicast refused",
	  { REMOTE6("64:ff9b::", 96), POOL4("232.1.0.0", 16) },
	  -EINVAL, "multicast 224.0.0.0/4" },
	{ "icmp-source-pool4 covering loopback refused",
	  { REMOTE6("64:ff9b::", 96), POOL4("0.0.0.0", 1) },
	  -EINVAL, "holds" },
	{ "icmp-source-pool4 broadcast refused",
	  { REMOTE6("64:ff9b::", 96), POOL4("255.255.255.255", 32) },
	  -EINVAL, "broadcast" },
	{ "icmp-source-pool4 a unicast /24 accepted",
	  { REMOTE6("64:ff9b::", 96), POOL4("198.51.100.0", 24) } },
	{ "icmp-source-pool6 ::/0 refused",
	  { REMOTE6("64:ff9b::", 96), POOL6("::", 0) },
	  -EINVAL, "icmp-source-pool6: holds" },
	{ "icmp-source-pool6 unspecified refused",
	  { REMOTE6("64:ff9b::", 96), POOL6("::", 128) },
	  -EINVAL, "unspecified or loopback" },
	{ "icmp-source-pool6 loopback refused",
	  { REMOTE6("64:ff9b::", 96), POOL6("::1", 128) },
	  -EINVAL, "unspecified or loopback" },
	{ "icmp-source-pool6 multicast refused",
	  { REMOTE6("64:ff9b::", 96), POOL6("ff02::1", 128) },
	  -EINVAL, "multicast ff00::/8" },
	{ "unknown tclass mode refused",
	  { REMOTE6("64:ff9b::", 96), SCALAR(XLAT_ATTR_TCLASS, 7) },
	  -ERANGE, "tclass (0 or 1): integer out of range" },
};

static void xt_case_desc(const struct xt_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(xt_cfg, xt_cases, xt_case_desc);

static void xt_free_cfg(void *cfg)
{
	xlat_cfg_free(cfg);
}

static struct xlat_cfg *xt_parse(struct kunit *test, const struct nlattr *nla,
				 struct netlink_ext_ack *extack)
{
	struct xlat_cfg *cfg = xlat_cfg_parse(nla, extack);

	if (!IS_ERR(cfg))
		KUNIT_ASSERT_EQ(test, 0,
				kunit_add_action_or_reset(test, xt_free_cfg,
							  cfg));
	return cfg;
}

/* Parse, check the verdict; dump valid ones and parse the dump back. */
static void xlat_nl_test_cfg(struct kunit *test)
{
	const struct xt_case *c = test->param_value;
	struct netlink_ext_ack extack = {};
	struct xlat_cfg *cfg, *again;
	struct sk_buff *skb;
	struct nlattr *nest;

	cfg = xt_parse(test, xt_build(test, c->attrs), &extack);
	if (c->err) {
		KUNIT_ASSERT_TRUE(test, IS_ERR(cfg));
		KUNIT_EXPECT_EQ(test, c->err, PTR_ERR(cfg));
		KUNIT_ASSERT_NOT_NULL(test, extack._msg);
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(extack._msg, c->msg),
					  "message: %s", extack._msg);
		/* A formatted message that filled the buffer was cut. */
		KUNIT_EXPECT_LT_MSG(test, strlen(extack._msg),
				    NETLINK_MAX_FMTMSG_LEN - 1,
				    "message: %s", extack._msg);
		return;
	}
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(cfg), "error %ld: %s",
			       PTR_ERR(cfg), extack._msg ?: "");

	skb = xt_alloc_skb(test, 32768);
	nest = nla_nest_start_noflag(skb, 1);
	KUNIT_ASSERT_EQ(test, 0, xlat_cfg_fill(skb, cfg));
	nla_nest_end(skb, nest);
	KUNIT_EXPECT_LE(test, (size_t)nla_len(nest), xlat_cfg_nlsize(cfg));

	again = xt_parse(test, nest, &extack);
	KUNIT_ASSERT_FALSE(test, IS_ERR(again));
	KUNIT_EXPECT_TRUE(test, xlat_cfg_equal(cfg, again));
}

static void xlat_nl_test_values(struct kunit *test)
{
	static const struct xt_attr attrs[] = {
		REMOTE6("64:ff9b:1::", 48),
		LOCAL("192.0.0.1", 32, "2001:db8:1:2::1234", 128),
		LOCAL("192.0.2.0", 24, "2001:db8:100:64::", 96),
		EAM("198.51.100.0", 24, "2001:db8:2::", 120),
		{}
	};
	struct netlink_ext_ack extack = {};
	struct xlat_cfg *cfg;

	cfg = xt_parse(test, xt_build(test, attrs), &extack);
	KUNIT_ASSERT_FALSE(test, IS_ERR(cfg));
	KUNIT_EXPECT_EQ(test, cfg->present, XLAT_CFG_REMOTE6);
	KUNIT_EXPECT_EQ(test, cfg->remote6.len, 48);
	KUNIT_EXPECT_EQ(test, cfg->n_local, 2);
	KUNIT_EXPECT_EQ(test, cfg->n_maps, 3);
	KUNIT_EXPECT_FALSE(test, cfg->maps[0].embed);
	KUNIT_EXPECT_TRUE(test, cfg->maps[1].embed);
	KUNIT_EXPECT_EQ(test, cfg->maps[1].p4.addr, htonl(0xc0000200));
	KUNIT_EXPECT_EQ(test, cfg->maps[1].p4.len, 24);
	KUNIT_EXPECT_EQ(test, cfg->maps[1].p6.len, 96);
	KUNIT_EXPECT_FALSE(test, cfg->maps[2].embed);
	KUNIT_EXPECT_EQ(test, cfg->maps[2].p6.addr.s6_addr[5], 0x02);
	/* Defaults (RFC 7600 dummy address, copy, compute). */
	KUNIT_EXPECT_EQ(test, cfg->pool4.addr, htonl(0xc0000008));
	KUNIT_EXPECT_EQ(test, cfg->pool4.len, 32);
	KUNIT_EXPECT_EQ(test, cfg->udp_zero_csum, XLAT_UDP_ZERO_CSUM_COMPUTE);
	KUNIT_EXPECT_EQ(test, cfg->tclass, XLAT_TCLASS_COPY);
	KUNIT_EXPECT_EQ(test, cfg->lowest_ipv6_mtu, 0);
}

/* Configurations that differ in one detail must not compare equal. */
static void xlat_nl_test_not_equal(struct kunit *test)
{
	static const struct xt_attr base[] = {
		REMOTE6("64:ff9b::", 96),
		LOCAL("192.0.0.1", 32, "2001:db8:1:2::1234", 128), {}
	};
	static const struct xt_attr variants[][4] = {
		{ REMOTE6("64:ff9b:1::", 96),
		  LOCAL("192.0.0.1", 32, "2001:db8:1:2::1234", 128) },
		{ REMOTE6("64:ff9b::", 96),
		  LOCAL("192.0.0.2", 32, "2001:db8:1:2::1234", 128) },
		{ REMOTE6("64:ff9b::", 96),
		  EAM("192.0.0.1", 32, "2001:db8:1:2::1234", 128) },
		{ REMOTE6("64:ff9b::", 96),
		  LOCAL("192.0.0.1", 32, "2001:db8:1:2::1234", 128),
		  SCALAR(XLAT_ATTR_TOS4, 0) },
		{ REMOTE6("64:ff9b::", 96),
		  LOCAL("192.0.0.1", 32, "2001:db8:1:2::1234", 128),
		  STATS() },
	};
	struct netlink_ext_ack extack = {};
	struct xlat_cfg *a, *b;
	int i;

	a = xt_parse(test, xt_build(test, base), &extack);
	KUNIT_ASSERT_FALSE(test, IS_ERR(a));
	for (i = 0; i < ARRAY_SIZE(variants); i++) {
		b = xt_parse(test, xt_build(test, variants[i]), &extack);
		KUNIT_ASSERT_FALSE(test, IS_ERR(b));
		KUNIT_EXPECT_FALSE_MSG(test, xlat_cfg_equal(a, b),
				       "variant %d", i);
	}
}

static void xlat_nl_test_too_many(struct kunit *test)
{
	struct xt_attr *attrs;
	struct netlink_ext_ack extack = {};
	struct xlat_cfg *cfg;
	int i;

	attrs = kunit_kcalloc(test, XLAT_MAX_ENTRIES + 3, sizeof(*attrs),
			      GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, attrs);
	attrs[0] = (struct xt_attr)REMOTE6("64:ff9b:1::", 48);
	for (i = 1; i <= XLAT_MAX_ENTRIES; i++)
		attrs[i] = (struct xt_attr)DENY4("192.0.2.0", 24);
	/* At the limit (duplicates are harmless in a denylist). */
	cfg = xt_parse(test, xt_build(test, attrs), &extack);
	KUNIT_EXPECT_FALSE(test, IS_ERR(cfg));

	attrs[XLAT_MAX_ENTRIES + 1] = (struct xt_attr)DENY4("192.0.2.0", 24);
	cfg = xt_parse(test, xt_build(test, attrs), &extack);
	KUNIT_ASSERT_TRUE(test, IS_ERR(cfg));
	KUNIT_EXPECT_EQ(test, PTR_ERR(cfg), -E2BIG);
	KUNIT_EXPECT_NOT_NULL(test, strstr(extack._msg, "at most 64"));
}

static void xlat_nl_test_drop_names(struct kunit *test)
{
	int i;

	/* The drop reason's name, one slot up (xlat_stats.c). */
	for (i = 0; i < XLAT_DROP_NUM; i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, xlat_drop_symbols[i + 1],
					  "reason %d has no symbol", i);
	KUNIT_EXPECT_NULL(test, xlat_drop_symbols[0]);
}

static struct kunit_case xlat_nl_test_cases[] = {
	KUNIT_CASE_PARAM(xlat_nl_test_cfg, xt_cfg_gen_params),
	KUNIT_CASE(xlat_nl_test_values),
	KUNIT_CASE(xlat_nl_test_not_equal),
	KUNIT_CASE(xlat_nl_test_too_many),
	KUNIT_CASE(xlat_nl_test_drop_names),
	{}
};

static struct kunit_suite xlat_nl_test_suite = {
	.name = "xlat_netlink",
	.test_cases = xlat_nl_test_cases,
};

kunit_test_suite(xlat_nl_test_suite);
