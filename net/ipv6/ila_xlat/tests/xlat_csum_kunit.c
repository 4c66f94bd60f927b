// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: the transport checksums of translated packets against a slow
 * reference, on random packets.
 *
 * Each case builds a random TCP, UDP or ICMP echo packet between random
 * translatable addresses, gives it a correct checksum, or a correct one
 * plus a random error, and translates it. The reference below then sums
 * the output the plain way, one 16-bit word at a time over the pseudo-header
 * (RFC 768, RFC 793, RFC 8200 section 8.1; none for ICMPv4) and the
 * segment, and checks:
 *
 * - RFC 7915 sections 4.5 and 5.5: a correct checksum stays correct;
 * - RFC 1624 incremental update: a wrong one stays wrong by exactly the
 *   same error;
 * - RFC 7915 section 4.5: a zero UDPv4 checksum is computed;
 * - CHECKSUM_PARTIAL (offload) packets only get their pseudo-header seed
 *   moved: the checksum the device would fill in is correct.
 */

#include <kunit/test.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/inet.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/prandom.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "../xlat.h"

#define XC_CASES	4000
#define XC_MAX_PAYLOAD	301

/* The slow reference: RFC 1071 one's complement sum of 16-bit words. */
static u32 xc_sum(u32 sum, const u8 *p, unsigned int len)
{
	unsigned int i;

	for (i = 0; i + 1 < len; i += 2)
		sum += (p[i] << 8) | p[i + 1];
	if (len & 1)
		sum += p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

/* Add @b to @a in one's complement, 16 bits. */
static u16 xc_add(u16 a, u16 b)
{
	u32 s = a + b;

	return (s & 0xffff) + (s >> 16);
}

/* Sum of the pseudo-header of @pkt (an IPv4 or IPv6 packet without
 * options or extension headers) for the segment at @l4 of @len bytes.
 */
static u32 xc_pseudo(const u8 *pkt, u8 proto, unsigned int len)
{
	u32 sum;

	if ((pkt[0] >> 4) == 4) {
		if (proto == IPPROTO_ICMP)
			return 0;
		sum = xc_sum(0, pkt + 12, 8);
	} else {
		sum = xc_sum(0, pkt + 8, 32);
	}
	sum += proto + len;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

static unsigned int xc_csum_off(u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
		return offsetof(struct tcphdr, check);
	case IPPROTO_UDP:
		return offsetof(struct udphdr, check);
	default:
		return offsetof(struct icmphdr, checksum);
	}
}

/* The correct checksum of the segment at @l4, its checksum field aside. */
static u16 xc_correct(const u8 *pkt, u8 proto, const u8 *l4,
		      unsigned int len)
{
	unsigned int off = xc_csum_off(proto);
	u32 sum = xc_pseudo(pkt, proto, len);

	sum = xc_sum(sum, l4, off);
	sum = xc_sum(sum, l4 + off + 2, len - off - 2);
	return ~sum & 0xffff;
}

/* Equal as one's complement numbers: 0x0000 and 0xffff are both zero. */
static bool xc_same(u16 a, u16 b)
{
	return a == b || ((a == 0 || a == 0xffff) && (b == 0 || b == 0xffff));
}

/**
 * struct xc_ctx - one test's state
 * @test: the test
 * @rnd: its random numbers
 * @cfg: the configuration
 * @skb: the packet of the current case
 * @src4: when not 0, the IPv4 form of every packet's source, else random
 * @dst4: the same for the destination
 * @same: 1 if every TCP and UDP checksum must come out unchanged (a
 *	checksum-neutral mapping), -1 if every one must change, 0 either
 */
struct xc_ctx {
	struct kunit *test;
	struct rnd_state rnd;
	struct xlat_cfg *cfg;
	struct sk_buff *skb;
	__be32 src4;
	__be32 dst4;
	int same;
};

static void xc_free_cfg(void *cfg)
{
	xlat_cfg_free(cfg);
}

/* Symmetric mode under 64:ff9b:1::/48 (RFC 6052 section 2.2). */
static struct xlat_cfg *xc_cfg(struct kunit *test)
{
	struct xlat_cfg *cfg = kzalloc(sizeof(*cfg), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cfg);
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test, xc_free_cfg, cfg));
	KUNIT_ASSERT_TRUE(test, in6_pton("64:ff9b:1::", -1,
					 cfg->remote6.addr.s6_addr, -1, NULL));
	cfg->remote6.len = 48;
	cfg->present = XLAT_CFG_REMOTE6;
	KUNIT_ASSERT_EQ(test, 0, xlat_tables_build(cfg));
	return cfg;
}

static void xc_pton(struct kunit *test, const char *text, struct in6_addr *a)
{
	KUNIT_ASSERT_TRUE(test, in6_pton(text, -1, a->s6_addr, -1, NULL));
}

/*
 * A checksum-neutral configuration (RFC 6296 section 3.2 arithmetic):
 * 2001:db8:d246::/96 sums to 0x2001 + 0x0db8 + 0xd246 = 0xffff, and the
 * local-map 2001:db8:1:2::9245 sums to 0xc001, as 192.0.0.1 does.
 */
static struct xlat_cfg *xc_cfg_neutral(struct kunit *test)
{
	struct xlat_cfg *cfg = kzalloc(struct_size(cfg, maps, 1), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, cfg);
	cfg->n_maps = 1;
	cfg->n_local = 1;
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test, xc_free_cfg, cfg));
	xc_pton(test, "2001:db8:d246::", &cfg->remote6.addr);
	cfg->remote6.len = 96;
	cfg->present = XLAT_CFG_REMOTE6;
	cfg->maps[0].p4.addr = htonl(0xc0000001);
	cfg->maps[0].p4.len = 32;
	xc_pton(test, "2001:db8:1:2::9245", &cfg->maps[0].p6.addr);
	cfg->maps[0].p6.len = 128;
	KUNIT_ASSERT_EQ(test, 0, xlat_tables_build(cfg));
	return cfg;
}

/* A random IPv4 address the configuration translates. */
static __be32 xc_addr4(struct xc_ctx *c)
{
	struct in6_addr unused;
	__be32 a;

	do {
		a = (__force __be32)prandom_u32_state(&c->rnd);
	} while (xlat_map_4to6(c->cfg, a, &unused) == XLAT_VIA_NONE);
	return a;
}

/* Each case frees the packet of the one before; the last goes here. */
static void xc_free_skb(void *ctx)
{
	struct xc_ctx *c = ctx;

	kfree_skb(c->skb);
	c->skb = NULL;
}

/*
 * Build one packet of family @dir's source, L4 @proto (IPv4 numbering),
 * payload @plen. Returns the skb; *@l4 points at the segment.
 */
static struct sk_buff *xc_build(struct xc_ctx *c, enum xlat_dir dir, u8 proto,
				unsigned int plen, u8 **l4, unsigned int *l4len)
{
	unsigned int hlen, ulen, nh = dir == XLAT_46 ? sizeof(struct iphdr) :
						       sizeof(struct ipv6hdr);
	struct sk_buff *skb;
	u8 *pkt;

	switch (proto) {
	case IPPROTO_TCP:
		hlen = sizeof(struct tcphdr);
		break;
	case IPPROTO_UDP:
		hlen = sizeof(struct udphdr);
		break;
	default:
		hlen = sizeof(struct icmphdr);
		break;
	}
	ulen = hlen + plen;
	xc_free_skb(c);
	skb = alloc_skb(LL_MAX_HEADER + nh + ulen, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(c->test, skb);
	c->skb = skb;
	skb_reserve(skb, LL_MAX_HEADER);
	pkt = skb_put(skb, nh + ulen);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, nh);
	prandom_bytes_state(&c->rnd, pkt + nh, ulen);

	if (dir == XLAT_46) {
		struct iphdr *iph = (struct iphdr *)pkt;

		memset(iph, 0, sizeof(*iph));
		iph->version = 4;
		iph->ihl = 5;
		iph->tot_len = htons(nh + ulen);
		iph->ttl = 64;
		iph->protocol = proto;
		iph->saddr = c->src4 ?: xc_addr4(c);
		iph->daddr = c->dst4 ?: xc_addr4(c);
		ip_send_check(iph);
		skb->protocol = htons(ETH_P_IP);
	} else {
		struct ipv6hdr *ip6 = (struct ipv6hdr *)pkt;

		memset(ip6, 0, sizeof(*ip6));
		ip6->version = 6;
		ip6->payload_len = htons(ulen);
		ip6->hop_limit = 64;
		ip6->nexthdr = proto == IPPROTO_ICMP ? IPPROTO_ICMPV6 : proto;
		xlat_map_4to6(c->cfg, c->src4 ?: xc_addr4(c), &ip6->saddr);
		xlat_map_4to6(c->cfg, c->dst4 ?: xc_addr4(c), &ip6->daddr);
		skb->protocol = htons(ETH_P_IPV6);
	}
	if (proto == IPPROTO_UDP)
		((struct udphdr *)(pkt + nh))->len = htons(ulen);
	if (proto == IPPROTO_ICMP) {
		/* Echo Request or Reply, in the source's numbering. */
		bool req = prandom_u32_state(&c->rnd) & 1;

		if (dir == XLAT_46)
			pkt[nh] = req ? ICMP_ECHO : ICMP_ECHOREPLY;
		else
			pkt[nh] = req ? ICMPV6_ECHO_REQUEST :
					ICMPV6_ECHO_REPLY;
		pkt[nh + 1] = 0;
	}
	*l4 = pkt + nh;
	*l4len = ulen;
	return skb;
}

static void xc_put16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static u16 xc_get16(const u8 *p)
{
	return (p[0] << 8) | p[1];
}

static int xc_xlat(struct xc_ctx *c, enum xlat_dir dir, struct sk_buff *skb)
{
	struct xlat_err err = {};
	int ret;

	if (dir == XLAT_46)
		ret = xlat_46(&init_net, skb, c->cfg, false, NULL, &err);
	else
		ret = xlat_64(&init_net, skb, c->cfg, false, NULL, &err);
	KUNIT_EXPECT_EQ_MSG(c->test, ret, 0, "dropped: %s",
			    xlat_drop_symbols[err.reason + 1]);
	return ret;
}

/* Sections 4.5 and 5.5, RFC 1624: CHECKSUM_NONE packets, right or wrong. */
static void xc_one_none(struct xc_ctx *c, enum xlat_dir dir, u8 proto,
			unsigned int plen)
{
	unsigned int off = xc_csum_off(proto), l4len;
	u8 proto_out = proto, proto_in = proto;
	u16 err = 0, want, got, in;
	struct sk_buff *skb;
	u8 *l4;

	if (proto == IPPROTO_ICMP) {
		proto_in = dir == XLAT_46 ? IPPROTO_ICMP : IPPROTO_ICMPV6;
		proto_out = dir == XLAT_46 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
	}
	skb = xc_build(c, dir, proto, plen, &l4, &l4len);
	in = xc_correct(skb->data, proto_in, l4, l4len);
	/* Half the cases carry an error of 1 to 0xfffe. */
	if (prandom_u32_state(&c->rnd) & 1)
		err = 1 + prandom_u32_state(&c->rnd) % 0xfffe;
	in = xc_add(in, err);
	/* UDPv4 0 means no checksum: that case is tested on its own. */
	if (proto == IPPROTO_UDP && dir == XLAT_46 && in == 0)
		in = 0xffff;
	xc_put16(l4 + off, in);
	skb->ip_summed = CHECKSUM_NONE;

	if (xc_xlat(c, dir, skb))
		return;
	l4 = skb_transport_header(skb);
	KUNIT_ASSERT_EQ(c->test, skb->len - skb_transport_offset(skb), l4len);
	want = xc_add(xc_correct(skb->data, proto_out, l4, l4len), err);
	got = xc_get16(l4 + off);
	KUNIT_EXPECT_TRUE_MSG(c->test, xc_same(got, want),
			      "dir %d proto %u len %u error %#x: got %#x want %#x",
			      dir, proto, l4len, err, got, want);
	/* A UDP checksum that comes out zero is sent as all ones. */
	if (proto == IPPROTO_UDP)
		KUNIT_EXPECT_NE(c->test, got, 0);
	/* Through a checksum-neutral mapping, TCP and UDP keep theirs. */
	if (c->same > 0 && proto != IPPROTO_ICMP)
		KUNIT_EXPECT_EQ(c->test, got, in);
	if (c->same < 0 && proto != IPPROTO_ICMP)
		KUNIT_EXPECT_NE(c->test, got, in);
}

/* Section 4.5: a zero UDPv4 checksum is computed (udp-zero-checksum). */
static void xc_one_udp_zero(struct xc_ctx *c, unsigned int plen)
{
	unsigned int off = offsetof(struct udphdr, check), l4len;
	struct sk_buff *skb;
	u16 want, got;
	u8 *l4;

	skb = xc_build(c, XLAT_46, IPPROTO_UDP, plen, &l4, &l4len);
	xc_put16(l4 + off, 0);
	skb->ip_summed = CHECKSUM_NONE;
	if (xc_xlat(c, XLAT_46, skb))
		return;
	l4 = skb_transport_header(skb);
	want = xc_correct(skb->data, IPPROTO_UDP, l4, l4len);
	got = xc_get16(l4 + off);
	KUNIT_EXPECT_TRUE(c->test, xc_same(got, want));
	KUNIT_EXPECT_NE(c->test, got, 0);
}

/*
 * CHECKSUM_PARTIAL: the field holds the folded pseudo-header sum, which
 * translation must move to the new pseudo-header; the payload is summed
 * later (here by skb_checksum_help(), as a device without offload would).
 */
static void xc_one_partial(struct xc_ctx *c, enum xlat_dir dir, u8 proto,
			   unsigned int plen)
{
	unsigned int off = xc_csum_off(proto), l4len;
	u8 proto_in = proto, proto_out = proto;
	struct sk_buff *skb;
	u16 want, got;
	u8 *l4;

	if (proto == IPPROTO_ICMP) {
		/* ICMPv6 has a pseudo-header, ICMPv4 none: the seed differs
		 * in kind, and translation settles the sum first.
		 */
		proto_in = dir == XLAT_46 ? IPPROTO_ICMP : IPPROTO_ICMPV6;
		proto_out = dir == XLAT_46 ? IPPROTO_ICMPV6 : IPPROTO_ICMP;
	}
	skb = xc_build(c, dir, proto, plen, &l4, &l4len);
	xc_put16(l4 + off, xc_pseudo(skb->data, proto_in, l4len));
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb_transport_header(skb) - skb->head;
	skb->csum_offset = off;

	if (xc_xlat(c, dir, skb))
		return;
	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		KUNIT_EXPECT_PTR_EQ(c->test, skb->head + skb->csum_start,
				    skb_transport_header(skb));
		KUNIT_ASSERT_EQ(c->test, 0, skb_checksum_help(skb));
	}
	l4 = skb_transport_header(skb);
	want = xc_correct(skb->data, proto_out, l4, l4len);
	got = xc_get16(l4 + off);
	KUNIT_EXPECT_TRUE_MSG(c->test, xc_same(got, want),
			      "partial dir %d proto %u len %u: got %#x want %#x",
			      dir, proto, l4len, got, want);
}

/*
 * A tunnel without GSO (VXLAN, Geneve, FOU): CHECKSUM_PARTIAL describes the
 * inner TCP or UDP header, @inner bytes into the outer UDP payload; the
 * outer UDP field is 0 (@complete false) or the complete checksum of the
 * packet as it will be once the inner one is filled in (@complete, as
 * udp_set_csum() does with local checksum offload). Translation must treat
 * the outer field as a checksum, not a seed: after the device (here
 * skb_checksum_help()) has done its part, the inner checksum is what it
 * would have been and the outer one is right for the new pseudo-header;
 * a zero one stays zero into IPv4 and is computed into IPv6 (section 4.5).
 */
static void xc_one_inner_partial(struct xc_ctx *c, enum xlat_dir dir,
				 u8 inner_proto, unsigned int inner,
				 unsigned int plen, bool complete)
{
	unsigned int off = offsetof(struct udphdr, check), l4len, ioff, i;
	unsigned int ifield = xc_csum_off(inner_proto);
	struct sk_buff *skb;
	u8 *l4, *ref;
	u16 got, want;
	u32 sum;

	skb = xc_build(c, dir, IPPROTO_UDP, inner + 20 + plen, &l4, &l4len);
	ioff = sizeof(struct udphdr) + inner;
	/* The reference: the segment with the inner checksum filled in. */
	ref = kunit_kmalloc(c->test, l4len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(c->test, ref);
	memcpy(ref, l4, l4len);
	sum = xc_sum(0, ref + ioff, l4len - ioff);
	xc_put16(ref + ioff + ifield, ~sum & 0xffff);
	if (complete) {
		want = xc_correct(skb->data, IPPROTO_UDP, ref, l4len);
		xc_put16(l4 + off, want ? want : 0xffff);
	} else {
		xc_put16(l4 + off, 0);
	}
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = l4 + ioff - skb->head;
	skb->csum_offset = ifield;

	if (xc_xlat(c, dir, skb))
		return;
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		KUNIT_ASSERT_EQ(c->test, 0, skb_checksum_help(skb));
	l4 = skb->data + skb->len - l4len;
	for (i = ioff; i < l4len && l4[i] == ref[i]; i++)
		;
	KUNIT_EXPECT_EQ_MSG(c->test, i, l4len,
			    "inner dir %d proto %u at %u: payload differs at %u",
			    dir, inner_proto, inner, i);
	got = xc_get16(l4 + off);
	if (!complete && dir == XLAT_64) {
		KUNIT_EXPECT_EQ(c->test, got, 0);
		return;
	}
	want = xc_correct(skb->data, IPPROTO_UDP, l4, l4len);
	KUNIT_EXPECT_TRUE_MSG(c->test, got && xc_same(got, want),
			      "inner dir %d proto %u complete %d: got %#x want %#x",
			      dir, inner_proto, complete, got, want);
}

static const u8 xc_protos[] = { IPPROTO_TCP, IPPROTO_UDP, IPPROTO_ICMP };

/* Both shapes, both directions, inner TCP and UDP at VXLAN's offset. */
static void xlat_csum_test_inner_partial(struct kunit *test)
{
	struct xc_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->test = test;
	prandom_seed_state(&c->rnd, 7348);
	c->cfg = xc_cfg(test);
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test, xc_free_skb, c));
	/* VXLAN header, Ethernet header, inner IPv4 header. */
	for (i = 0; i < 64; i++)
		xc_one_inner_partial(c, i & 1 ? XLAT_64 : XLAT_46,
				     i & 2 ? IPPROTO_TCP : IPPROTO_UDP,
				     8 + 14 + 20,
				     prandom_u32_state(&c->rnd) % XC_MAX_PAYLOAD,
				     i & 4);
}

static void xc_random(struct kunit *test, struct xlat_cfg *cfg, u64 seed,
		      int same)
{
	struct xc_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	unsigned int i, plen;
	enum xlat_dir dir;
	u8 proto;

	/* On the heap: the free action runs after this function returns. */
	KUNIT_ASSERT_NOT_NULL(test, c);
	c->test = test;
	prandom_seed_state(&c->rnd, seed);
	c->cfg = cfg;
	c->same = same;
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test, xc_free_skb, c));
	for (i = 0; i < XC_CASES; i++) {
		dir = i & 1 ? XLAT_64 : XLAT_46;
		proto = xc_protos[prandom_u32_state(&c->rnd) %
				  ARRAY_SIZE(xc_protos)];
		plen = prandom_u32_state(&c->rnd) % XC_MAX_PAYLOAD;
		switch (prandom_u32_state(&c->rnd) % 8) {
		case 0:
			xc_one_partial(c, dir, proto, plen);
			break;
		case 1:
			xc_one_udp_zero(c, plen);
			break;
		default:
			xc_one_none(c, dir, proto, plen);
			break;
		}
	}
}

static void xlat_csum_test_random(struct kunit *test)
{
	struct xlat_cfg *cfg = xc_cfg(test);

	xc_random(test, cfg, 1624, 0);
}

/*
 * Through a checksum-neutral prefix, between any two addresses, every TCP
 * and UDP checksum stays as it is, and right (or as wrong). The local-map
 * is left out: with one, every packet must have it on one side.
 */
static void xlat_csum_test_neutral(struct kunit *test)
{
	struct xlat_cfg *cfg = xc_cfg_neutral(test);

	xlat_tables_free(cfg->tab);
	cfg->n_maps = 0;
	cfg->n_local = 0;
	KUNIT_ASSERT_EQ(test, 0, xlat_tables_build(cfg));
	xc_random(test, cfg, 6296, 1);
}

/*
 * Neutral as a pair, as Android's clatd and libxlat choose a CLAT address
 * for a prefix that is not neutral itself: 64:ff9b:1::/96 sums to 0x0001,
 * 2001:db8:1:2::9244 to 0xc000, one less than 192.0.0.1. Between the two,
 * both ways, checksums stay; with 2001:db8:1:2::9245, they all change.
 */
static void xlat_csum_test_pair(struct kunit *test)
{
	struct xlat_cfg *cfg = xc_cfg_neutral(test);
	struct xc_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	unsigned int i, round;

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->test = test;
	prandom_seed_state(&c->rnd, 7757);
	c->cfg = cfg;
	KUNIT_ASSERT_EQ(test, 0,
			kunit_add_action_or_reset(test, xc_free_skb, c));
	xc_pton(test, "64:ff9b:1::", &cfg->remote6.addr);
	c->src4 = htonl(0xc0000001);		/* 192.0.0.1 */
	c->dst4 = htonl(0xc6336407);		/* 198.51.100.7 */
	for (round = 0; round < 2; round++) {
		xc_pton(test, round ? "2001:db8:1:2::9245" :
			"2001:db8:1:2::9244", &cfg->maps[0].p6.addr);
		xlat_tables_free(cfg->tab);
		KUNIT_ASSERT_EQ(test, 0, xlat_tables_build(cfg));
		c->same = round ? -1 : 1;
		for (i = 0; i < 200; i++)
			xc_one_none(c, i & 1 ? XLAT_64 : XLAT_46,
				    i & 2 ? IPPROTO_TCP : IPPROTO_UDP,
				    prandom_u32_state(&c->rnd) % XC_MAX_PAYLOAD);
	}
}

static struct kunit_case xlat_csum_test_cases[] = {
	KUNIT_CASE(xlat_csum_test_random),
	KUNIT_CASE(xlat_csum_test_pair),
	KUNIT_CASE(xlat_csum_test_neutral),
	KUNIT_CASE(xlat_csum_test_inner_partial),
	{}
};

static struct kunit_suite xlat_csum_test_suite = {
	.name = "xlat_checksum",
	.test_cases = xlat_csum_test_cases,
};

kunit_test_suite(xlat_csum_test_suite);
