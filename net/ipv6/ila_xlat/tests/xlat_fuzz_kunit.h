/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xlat: the mutation test (xlat_fuzz_kunit.c) and its packet mutations
 * (xlat_fuzz_mut_kunit.c).
 */
#ifndef _NET_IPV6_XLAT_FUZZ_KUNIT_H
#define _NET_IPV6_XLAT_FUZZ_KUNIT_H

#include <linux/prandom.h>
#include <linux/types.h>

struct kunit;
struct xlat_vector;

/* Room for a mutated packet: the largest vector and what mutations add. */
#define XF_MAX		2048
/* Extension headers walked before giving up, as xlat_64.c does. */
#define XF_MAX_EXT	16
/* The ICMP header: type, code, checksum and the 32-bit rest. */
#define XF_ICMP_HLEN	8

/* What was done to a case, for the failure report: BIT()s of these. */
enum {
	XF_CUT, XF_FLIP, XF_BYTE, XF_LEN, XF_NEST, XF_EXT, XF_PROTO, XF_FRAG,
	XF_GROW, XF_ICMP, XF_FIX_LEN, XF_FIX_CSUM, XF_HEADROOM, XF_NONLINEAR,
	XF_CLONE, XF_PARTIAL, XF_GSO, XF_COMPLETE, XF_PMTU, XF_OTHER_CFG,
	XF_FWD_FLIP, XF_NUM
};

/**
 * struct xf_case - one mutated packet
 * @test: the test
 * @rnd: the random state of this case
 * @v: the vector it comes from
 * @index: its number in the run
 * @pkt: the packet given to the translation (%XF_MAX bytes of room)
 * @len: its length
 * @out: a copy of what the translation made of it
 * @v6: @pkt is IPv6 (%XLAT_64)
 * @out6: the translation is IPv6 (4->6, or 6->4 hairpinned back)
 * @done: BIT() of what was done to it
 * @fails: failures in this chunk
 */
struct xf_case {
	struct kunit *test;
	struct rnd_state rnd;
	const struct xlat_vector *v;
	unsigned int index;
	u8 *pkt;
	unsigned int len;
	u8 *out;
	bool v6;
	bool out6;
	u32 done;
	unsigned int fails;
};

/**
 * struct xf_l4 - the transport header of a packet, as read here
 * @off: its offset
 * @len: bytes from @off to the end the network header declares
 * @proto: its protocol
 * @whole: not a fragment, or the only one: the transport checksum covers
 *	@len bytes
 * @frag: offset of the IPv6 Fragment Header, 0 if none
 * @nnh: number of next header (IPv4: protocol) fields in @nh
 * @nh: their offsets, the one naming @proto last
 */
struct xf_l4 {
	unsigned int off;
	unsigned int len;
	u8 proto;
	bool whole;
	unsigned int frag;
	unsigned int nnh;
	unsigned int nh[XF_MAX_EXT + 1];
};

static inline u32 xf_rand(struct xf_case *c, u32 n)
{
	return prandom_u32_state(&c->rnd) % n;
}

static inline bool xf_one_in(struct xf_case *c, u32 n)
{
	return !xf_rand(c, n);
}

bool xlat_fuzz_parse(const u8 *p, unsigned int len, bool v6, bool strict,
		     struct xf_l4 *l);
unsigned int xlat_fuzz_csum_off(u8 proto);
__sum16 xlat_fuzz_csum(const u8 *p, bool v6, const struct xf_l4 *l);
bool xlat_fuzz_set_csum(u8 *p, unsigned int len, bool v6, bool seed);
void xlat_fuzz_mutate(struct xf_case *c);
void xlat_fuzz_fix(struct xf_case *c);

#endif /* _NET_IPV6_XLAT_FUZZ_KUNIT_H */
