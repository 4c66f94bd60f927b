// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: mutation testing of xlat_46() and xlat_64().
 *
 * Every input packet of the vectors (xlat_vectors.h: both directions, ICMP
 * errors and fragments included) is mutated at random, up to four times
 * (xlat_fuzz_mut_kunit.c: truncation, bit flips, length fields, ICMP
 * errors nested in ICMP errors, extension header chains, fragment fields),
 * then has its lengths and checksums put right, or not, so that mutations
 * also reach what lies behind the first checks.
 *
 * The packet goes into an skb that is, at random, short of headroom,
 * nonlinear (page fragments), cloned (the translation must unclone before
 * it writes), CHECKSUM_PARTIAL (possibly GSO) or CHECKSUM_COMPLETE, and is
 * translated with the vector's configuration (sometimes another one), with
 * or without an MTU of the other side drawn at random. Then:
 *
 * - a translated packet is well-formed: one header of the other family at
 *   skb->data, in the linear area, lengths that match skb->len, a valid
 *   IPv4 header checksum, a valid ICMP checksum on an error and on an echo
 *   that had one, transport checksums that stay valid, a sane
 *   CHECKSUM_PARTIAL, and a size within the MTU it was given;
 * - a refused packet is left as it came (see xlat_46()), except after a
 *   failure to allocate;
 * - a clone never sees the translation.
 *
 * The sanitizers of the debug kernel (kernel/debug.config) watch every
 * access on the way. The number of cases is xlat.fuzz_cases=N on the
 * kernel command line, the seed xlat.fuzz_seed=S; case i depends on S and
 * i only, and a failure names both. The test is marked slow: a boot runs
 * XF_CASES of it, and the KUnit boot of make check a million.
 */

#include <kunit/test.h>
#include <linux/hash.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/moduleparam.h>
#include <linux/prandom.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/unaligned.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>

#include "../xlat.h"
#include "xlat_pkt_kunit.h"
#include "xlat_fuzz_kunit.h"

/*
 * Cases by default, about a second under TCG. A million (scripts/check.sh
 * asks for them) take about 15 s under TCG, about 13 minutes on the debug
 * kernel (make check-debug).
 */
#define XF_CASES	50000
/*
 * Cases per KUnit parameter: about 20 s on the debug kernel under TCG,
 * well within the KUnit and hung task timeouts.
 */
#define XF_CHUNK	25000
/* Room for the translated packet: 4->6 adds up to 28 bytes. */
#define XF_OUT		(XF_MAX + 64)
/* Failures reported by one chunk before it gives up. */
#define XF_MAX_FAILS	4
/* RFC 1812 section 4.3.2.3: the ICMPv4 error size cap of xlat_icmp_err.c. */
#define XF_ICMP4_MAX	576

static unsigned int fuzz_cases = XF_CASES;
module_param(fuzz_cases, uint, 0444);
MODULE_PARM_DESC(fuzz_cases, "KUnit xlat_fuzz: number of mutated packets");

static unsigned int fuzz_seed = 7915;
module_param(fuzz_seed, uint, 0444);
MODULE_PARM_DESC(fuzz_seed, "KUnit xlat_fuzz: seed of the mutations");

static const char * const xf_names[XF_NUM] = {
	"cut", "flip", "byte", "len", "nest", "ext", "proto", "frag", "grow",
	"icmp", "fix-len", "fix-csum", "headroom", "nonlinear", "clone",
	"partial", "gso", "complete", "pmtu", "other-cfg", "fwd-flip",
};

/* Totals over the chunks of one run, printed by the last. */
static struct {
	unsigned int cases;
	unsigned int out;
	unsigned int out_icmp_err;
	unsigned int out_foreign_icmp;
	unsigned int resize;
	unsigned int drops[XLAT_DROP_NUM];
} xf_stats;

/**
 * struct xf_in - the input, as the checks need it
 * @l: its transport header
 * @parsed: @l is valid
 * @csum_ok: its transport checksum is valid
 * @udp_zero: it is UDP with a zero checksum
 * @partial: it was given as CHECKSUM_PARTIAL, with a correct seed
 * @gso: it was given as a GSO packet
 */
struct xf_in {
	struct xf_l4 l;
	bool parsed;
	bool csum_ok;
	bool udp_zero;
	bool partial;
	bool gso;
};

/**
 * struct xf_pmtu - what the glue would give the translation, at random
 * @pm: the MTU and the rest
 * @lowest: lowest-ipv6-mtu, when it applies (4->6, DF clear), or 0
 */
struct xf_pmtu {
	struct xlat_pmtu pm;
	unsigned int lowest;
};

/* ------------------------------------------------------------ the skb */

static void xf_input(struct xf_case *c, struct xf_in *in)
{
	unsigned int co;

	memset(in, 0, sizeof(*in));
	in->parsed = xlat_fuzz_parse(c->pkt, c->len, c->v6, true, &in->l);
	if (!in->parsed || !in->l.whole)
		return;
	co = xlat_fuzz_csum_off(in->l.proto);
	in->csum_ok = in->l.len >= co + 2 && !xlat_fuzz_csum(c->pkt, c->v6, &in->l);
	in->udp_zero = in->l.proto == IPPROTO_UDP && in->l.len >= co + 2 &&
		       !get_unaligned((u16 *)(c->pkt + in->l.off + co));
}

/*
 * CHECKSUM_PARTIAL, as a local TCP or UDP socket leaves it: the seed in
 * the checksum field, which must be in the linear area. Sometimes GSO.
 * Return: the bytes that must be linear.
 */
static unsigned int xf_partial(struct xf_case *c, struct xf_in *in)
{
	const struct xf_l4 *l = &in->l;
	unsigned int hdr;

	if (!in->parsed || !l->whole || !xf_one_in(c, 4))
		return 0;
	if (l->proto == IPPROTO_TCP)
		hdr = sizeof(struct tcphdr);
	else if (l->proto == IPPROTO_UDP)
		hdr = sizeof(struct udphdr);
	else
		return 0;
	if (l->len < hdr || !xlat_fuzz_set_csum(c->pkt, c->len, c->v6, true))
		return 0;
	in->partial = true;
	in->gso = xf_one_in(c, 4);
	return l->off + xlat_fuzz_csum_off(l->proto) + sizeof(__sum16);
}

static struct sk_buff *xf_skb(struct xf_case *c, struct xf_in *in)
{
	static const unsigned int rooms[] = { 0, 4, 20, 28, 64 };
	unsigned int room = LL_MAX_HEADER, head = c->len, pos, n, off, i;
	unsigned int linear = xf_partial(c, in);
	struct skb_shared_info *si;
	struct sk_buff *skb;
	struct page *page;

	/* Short of headroom: 4->6 must make room for the bigger header. */
	if (xf_one_in(c, 4)) {
		room = rooms[xf_rand(c, ARRAY_SIZE(rooms))];
		c->done |= BIT(XF_HEADROOM);
	}
	/* Nonlinear: the rest in one or two page fragments. */
	if (xf_one_in(c, 3)) {
		head = linear + xf_rand(c, xf_one_in(c, 2) ? 64 :
					c->len - linear + 1);
		head = min(head, c->len);
		if (head < c->len)
			c->done |= BIT(XF_NONLINEAR);
	}
	skb = alloc_skb(room + head + xf_rand(c, 64), GFP_KERNEL);
	if (!skb)
		return NULL;
	skb_reserve(skb, room);
	skb_put_data(skb, c->pkt, head);
	for (pos = head, i = 0; pos < c->len; pos += n, i++) {
		n = c->len - pos;
		if (!i && xf_one_in(c, 2))
			n = 1 + xf_rand(c, n);
		page = alloc_page(GFP_KERNEL);
		if (!page) {
			kfree_skb(skb);
			return NULL;
		}
		off = xf_rand(c, PAGE_SIZE - n + 1);
		memcpy(page_address(page) + off, c->pkt + pos, n);
		skb_add_rx_frag(skb, i, page, off, n, PAGE_SIZE);
	}
	skb_reset_network_header(skb);
	skb->protocol = htons(c->v6 ? ETH_P_IPV6 : ETH_P_IP);

	if (in->partial) {
		c->done |= BIT(XF_PARTIAL);
		if (!skb_partial_csum_set(skb, in->l.off,
					  xlat_fuzz_csum_off(in->l.proto))) {
			kfree_skb(skb);
			return NULL;
		}
		if (in->gso) {
			c->done |= BIT(XF_GSO);
			si = skb_shinfo(skb);
			si->gso_size = 1 + xf_rand(c, 1500);
			si->gso_type = in->l.proto == IPPROTO_UDP ?
				       SKB_GSO_UDP_L4 :
				       c->v6 ? SKB_GSO_TCPV6 : SKB_GSO_TCPV4;
			si->gso_segs = DIV_ROUND_UP(in->l.len, si->gso_size);
		}
	} else if (xf_one_in(c, 8)) {
		/* As a device gives it: the sum from the network header. */
		c->done |= BIT(XF_COMPLETE);
		skb->ip_summed = CHECKSUM_COMPLETE;
		skb->csum = skb_checksum(skb, 0, skb->len, 0);
	}
	return skb;
}

/*
 * The MTU of the other side: common values, the minimum, below it, or
 * any; never 0, which is no limit.
 */
static unsigned int xf_mtu(struct xf_case *c, bool v6)
{
	static const unsigned int mtu6[] = {
		1, 1280, 1281, 1300, 1400, 1480, 1500, 9000, 65535,
	};
	static const unsigned int mtu4[] = {
		1, 68, 576, 1000, 1260, 1280, 1480, 1500, 65535,
	};

	if (xf_one_in(c, 4))
		return 1 + xf_rand(c, 70000);
	if (v6)
		return mtu6[xf_rand(c, ARRAY_SIZE(mtu6))];
	return mtu4[xf_rand(c, ARRAY_SIZE(mtu4))];
}

/* ------------------------------------------------------------ checks */

static void xf_dump(struct xf_case *c)
{
	char what[192];
	unsigned int i, n = 0;

	for (i = 0; i < XF_NUM; i++)
		if (c->done & BIT(i))
			n += scnprintf(what + n, sizeof(what) - n, " %s",
				       xf_names[i]);
	kunit_info(c->test, "case %u of xlat.fuzz_seed=%u: \"%s\", %u bytes,%s\n",
		   c->index, fuzz_seed, c->v->name, c->len,
		   n ? what : " as is");
	for (i = 0; i < min(c->len, 256U); i += 32)
		kunit_info(c->test, "%04x: %*ph\n", i, (int)min(c->len - i, 32U),
			   c->pkt + i);
}

static bool xf_expect(struct xf_case *c, bool ok, const char *what)
{
	if (ok)
		return true;
	KUNIT_FAIL(c->test, "case %u (%s): %s", c->index, c->v->name, what);
	if (!c->fails++)
		xf_dump(c);
	return false;
}

/* The skb holds the first skb->len bytes of the input, unchanged. */
static bool xf_unchanged(struct xf_case *c, const struct sk_buff *skb)
{
	return skb->len <= c->len && !skb_copy_bits(skb, 0, c->out, skb->len) &&
	       !memcmp(c->out, c->pkt, skb->len);
}

/*
 * The headers the translation writes: one IPv4 header, or one IPv6
 * header with a Fragment Header when the IPv4 packet was a fragment.
 */
static bool xf_out_hdrs(struct xf_case *c, const u8 *p, unsigned int len,
			bool fh, struct xf_l4 *l)
{
	memset(l, 0, sizeof(*l));
	if (!c->out6) {
		l->off = sizeof(struct iphdr);
		l->proto = p[9];
		l->whole = !(get_unaligned_be16(p + 6) & (IP_MF | IP_OFFSET));
	} else if (fh) {
		if (!xf_expect(c, len >= sizeof(struct ipv6hdr) +
				  sizeof(struct frag_hdr) &&
			       p[6] == NEXTHDR_FRAGMENT,
			       "no Fragment Header for an IPv4 fragment"))
			return false;
		l->off = sizeof(struct ipv6hdr) + sizeof(struct frag_hdr);
		l->proto = p[sizeof(struct ipv6hdr)];
		l->whole = !(get_unaligned_be16(p + 42) & (IP6_OFFSET | IP6_MF));
	} else {
		l->off = sizeof(struct ipv6hdr);
		l->proto = p[6];
		l->whole = true;
	}
	l->len = len - l->off;
	return true;
}

/* A translated ICMP error: checksum, size, quoted header, RFC 4884. */
static void xf_check_icmp_err(struct xf_case *c, const u8 *p,
			      unsigned int len, const struct xf_l4 *l)
{
	bool v6 = c->out6;
	unsigned int q = l->off + XF_ICMP_HLEN, words, unit = v6 ? 8 : 4;
	u8 type = p[l->off];

	xf_stats.out_icmp_err++;
	xf_expect(c, !xlat_fuzz_csum(p, v6, l), "ICMP error checksum");
	xf_expect(c, len <= (v6 ? IPV6_MIN_MTU : XF_ICMP4_MAX),
		  "ICMP error longer than the minimum MTU");
	if (v6 && len >= q + sizeof(struct ipv6hdr))
		xf_expect(c, p[q] >> 4 == 6, "quoted packet is not IPv6");
	if (!v6 && len >= q + sizeof(struct iphdr))
		xf_expect(c, p[q] == 0x45 && !ip_fast_csum(p + q, 5),
			  "quoted IPv4 header");
	/* RFC 4884 section 4.1: a length leaves room for the extension. */
	if (v6 && type != ICMPV6_DEST_UNREACH && type != ICMPV6_TIME_EXCEED)
		return;
	words = p[l->off + (v6 ? 4 : 5)];
	xf_expect(c, !words || (words * unit >= 128 &&
				XF_ICMP_HLEN + words * unit < l->len),
		  "RFC 4884 length outside the message");
}

/* A translated TCP or UDP segment: the checksum and its state. */
static void xf_check_l4(struct xf_case *c, const struct sk_buff *skb,
			u8 *p, const struct xf_l4 *l, const struct xf_in *in)
{
	bool v6 = c->out6, zero;
	unsigned int co = xlat_fuzz_csum_off(l->proto), start;
	__sum16 sum;

	if (!xf_expect(c, l->len >= co + sizeof(sum),
		       "transport header cut short"))
		return;
	if (skb->ip_summed == CHECKSUM_PARTIAL) {
		start = skb_checksum_start_offset(skb);
		if (!xf_expect(c, in->partial,
			       "CHECKSUM_PARTIAL out of nowhere") ||
		    !xf_expect(c, start == l->off && skb->csum_offset == co &&
				  start + co + sizeof(sum) <= skb_headlen(skb),
			       "CHECKSUM_PARTIAL outside the transport header") ||
		    in->gso)
			return;
		/* What the device does (skb_checksum_help()). */
		sum = csum_fold(csum_partial(p + start, skb->len - start, 0));
		put_unaligned(sum ?: CSUM_MANGLED_0, (__sum16 *)(p + start + co));
	}
	zero = l->proto == IPPROTO_UDP &&
	       !get_unaligned((u16 *)(p + l->off + co));
	if (v6)
		xf_expect(c, !zero, "zero UDP checksum in IPv6");
	/* RFC 7915 sections 4.5 and 5.5: valid stays valid; a zero UDPv4
	 * checksum is computed, a zero UDPv6 one (invalid) stays zero.
	 */
	if (in->csum_ok || in->partial || (v6 && in->udp_zero))
		xf_expect(c, !xlat_fuzz_csum(p, v6, l), "transport checksum broken");
	else if (zero)
		xf_expect(c, in->udp_zero, "UDP checksum became zero");
}

static void xf_check_out(struct xf_case *c, struct sk_buff *skb,
			 const struct xf_in *in, const struct xf_pmtu *x)
{
	bool v6 = c->out6, icmp, err = false, echo;
	unsigned int hlen = v6 ? sizeof(struct ipv6hdr) : sizeof(struct iphdr);
	unsigned int len = skb->len, fs, mtu;
	u8 *p = c->out, type;
	struct xf_l4 l;

	xf_stats.out++;
	if (!xf_expect(c, in->parsed, "translated what does not parse") ||
	    !xf_expect(c, skb_network_offset(skb) == 0,
		       "network header not at skb->data") ||
	    !xf_expect(c, len >= hlen && skb_headlen(skb) >= hlen,
		       "header not in the linear area") ||
	    !xf_expect(c, len <= XF_OUT, "packet grew too much") ||
	    !xf_expect(c, !skb_copy_bits(skb, 0, p, len), "skb_copy_bits"))
		return;
	xf_expect(c, skb->protocol == htons(v6 ? ETH_P_IPV6 : ETH_P_IP),
		  "skb->protocol");
	xf_expect(c, skb->ip_summed != CHECKSUM_COMPLETE ||
		  csum_fold(skb->csum) == csum_fold(skb_checksum(skb, 0, len, 0)),
		  "stale CHECKSUM_COMPLETE");
	if (v6) {
		xf_expect(c, p[0] >> 4 == 6, "not IPv6");
		xf_expect(c, hlen + get_unaligned_be16(p + 4) == len,
			  "40 + Payload Length != skb->len");
	} else {
		xf_expect(c, p[0] == 0x45, "not IPv4 with IHL 5");
		xf_expect(c, get_unaligned_be16(p + 2) == len,
			  "Total Length != skb->len");
		xf_expect(c, !ip_fast_csum(p, 5), "IPv4 header checksum");
	}
	if (!xf_out_hdrs(c, p, len, v6 && !in->l.whole, &l))
		return;
	/* IPv6: where ipv6_rcv() puts it, before a Fragment Header. */
	xf_expect(c, skb_transport_offset(skb) ==
		  (v6 ? sizeof(struct ipv6hdr) : l.off) &&
		  skb_headlen(skb) >= l.off, "transport header offset");

	/* ICMP translated, not the other family's carried as it is. */
	icmp = l.proto == (v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
	if (icmp && in->l.proto == l.proto)
		xf_stats.out_foreign_icmp++;
	icmp &= in->l.proto != l.proto;
	if (l.whole && icmp &&
	    xf_expect(c, l.len >= XF_ICMP_HLEN, "ICMP header cut short")) {
		type = p[l.off];
		err = v6 ? type >= ICMPV6_DEST_UNREACH &&
			   type <= ICMPV6_PARAMPROB :
			   type == ICMP_DEST_UNREACH ||
			   type == ICMP_TIME_EXCEEDED ||
			   type == ICMP_PARAMETERPROB;
		echo = type == (v6 ? ICMPV6_ECHO_REQUEST : ICMP_ECHO) ||
		       type == (v6 ? ICMPV6_ECHO_REPLY : ICMP_ECHOREPLY);
		xf_expect(c, err || echo,
			  "ICMP type that is neither echo nor error");
		xf_expect(c, skb->ip_summed != CHECKSUM_PARTIAL,
			  "ICMP with CHECKSUM_PARTIAL");
		if (err)
			xf_check_icmp_err(c, p, len, &l);
		else if (in->csum_ok)
			xf_expect(c, !xlat_fuzz_csum(p, v6, &l), "echo checksum broken");
	} else if (l.whole && (l.proto == IPPROTO_TCP ||
			       l.proto == IPPROTO_UDP)) {
		xf_check_l4(c, skb, p, &l, in);
	}

	/*
	 * The size limit it was given, GSO aside (judged by segment). An
	 * ICMP error is cut to its own size, and the second half of a
	 * hairpin has none.
	 */
	if (!x || in->gso || err || (c->v6 && v6))
		return;
	if (v6) {
		fs = x->pm.frag_size;
		xf_expect(c, !fs || (fs >= IPV6_MIN_MTU && fs < len),
			  "IPv6 fragment size out of range");
		mtu = x->lowest ? min(x->pm.mtu, x->lowest) : x->pm.mtu;
		mtu = max(mtu, IPV6_MIN_MTU);
		xf_expect(c, fs ? fs == mtu : len <= mtu,
			  "IPv6 packet too big for its MTU");
	} else if (get_unaligned_be16(p + 6) & IP_DF) {
		xf_expect(c, len <= x->pm.mtu, "IPv4 packet with DF too big");
	}
}

static void xf_check_refused(struct xf_case *c, struct sk_buff *skb,
			     enum xlat_verdict v, const struct xlat_err *err,
			     const struct xf_in *in, const struct xf_pmtu *x)
{
	if (v == XLAT_REFRAGMENT || v == XLAT_SEGMENT) {
		xf_stats.resize++;
		if (v == XLAT_SEGMENT)
			xf_expect(c, in->gso, "segmenting a packet without GSO");
		else if (xf_expect(c, !c->v6 && x, "refragmenting out of place"))
			xf_expect(c, x->pm.frag_size >= IPV4_MIN_MTU &&
				  x->pm.frag_size < skb->len,
				  "IPv4 fragment size out of range");
	} else {
		if (!xf_expect(c, v == XLAT_DROP, "unknown verdict") ||
		    !xf_expect(c, err->reason < XLAT_DROP_NUM, "drop reason"))
			return;
		xf_stats.drops[err->reason]++;
		/* A failure to allocate may leave it half-translated. */
		if (err->reason == XLAT_DROP_NOMEM)
			return;
		if (err->icmp && c->v6)
			xf_expect(c, err->type >= ICMPV6_DEST_UNREACH &&
				  err->type <= ICMPV6_PARAMPROB,
				  "ICMPv6 error to send");
		else if (err->icmp)
			xf_expect(c, err->type == ICMP_DEST_UNREACH ||
				  err->type == ICMP_TIME_EXCEEDED ||
				  err->type == ICMP_PARAMETERPROB,
				  "ICMPv4 error to send");
	}
	if (!err->changed)
		xf_expect(c, skb_network_offset(skb) == 0 &&
			  xf_unchanged(c, skb), "refused packet changed");
}

/* ------------------------------------------------------------ the test */

static void xf_run(struct xf_case *c, unsigned int index,
		   const struct xlat_vector *v, struct xlat_cfg **cfg)
{
	struct xf_pmtu x = {};
	struct sk_buff *skb, *other = NULL;
	struct xlat_err err = {};
	struct xlat_pmtu *pm;
	struct xf_in in;
	enum xlat_verdict verdict;
	unsigned int n;
	bool fwd;
	int id;

	/* A well-mixed seed per case: prandom_seed_state() does not mix. */
	prandom_seed_state(&c->rnd, hash_64((u64)fuzz_seed << 32 | index, 64));
	c->index = index;
	c->v = v;
	c->v6 = v->dir == XLAT_64;
	c->done = 0;
	memcpy(c->pkt, v->in, v->in_len);
	c->len = v->in_len;

	for (n = xf_one_in(c, 8) ? 0 : 1 + xf_rand(c, 4); n; n--)
		xlat_fuzz_mutate(c);
	xlat_fuzz_fix(c);
	xf_input(c, &in);

	id = v->cfg;
	if (xf_one_in(c, 8)) {
		id = xf_rand(c, XLAT_KUNIT_NCFG);
		c->done |= BIT(XF_OTHER_CFG);
	}
	fwd = v->fwd;
	if (xf_one_in(c, 8)) {
		fwd = !fwd;
		c->done |= BIT(XF_FWD_FLIP);
	}
	pm = NULL;
	if (xf_one_in(c, 2)) {
		pm = &x.pm;
		pm->mtu = xf_mtu(c, !c->v6);
		pm->reassembled = xf_one_in(c, 4);
		pm->frag_size = U32_MAX;
		c->done |= BIT(XF_PMTU);
	}

	/* RFC 7915 section 4.1: lowest-ipv6-mtu limits DF-clear packets. */
	if (!c->v6 && c->len >= sizeof(struct iphdr) &&
	    !(get_unaligned_be16(c->pkt + 6) & IP_DF))
		x.lowest = cfg[id]->lowest_ipv6_mtu;

	skb = xf_skb(c, &in);
	if (!xf_expect(c, skb, "no memory for the skb"))
		return;
	/* Cloned: the translation must not write into shared data. */
	if (xf_one_in(c, 4)) {
		other = skb_clone(skb, GFP_KERNEL);
		if (other && xf_one_in(c, 2))
			swap(skb, other);
		c->done |= BIT(XF_CLONE);
	}

	xf_stats.cases++;
	if (c->v6)
		verdict = xlat_64(&init_net, skb, cfg[id], fwd, pm, &err);
	else
		verdict = xlat_46(&init_net, skb, cfg[id], fwd, pm, &err);
	/* RFC 7757 section 4.2.2: a hairpinned packet comes out IPv6. */
	c->out6 = !c->v6 || (pm && pm->hairpin);
	if (verdict == XLAT_OK)
		xf_check_out(c, skb, &in, pm ? &x : NULL);
	else
		xf_check_refused(c, skb, verdict, &err, &in, pm ? &x : NULL);
	if (other)
		xf_expect(c, other->len == c->len && xf_unchanged(c, other),
			  "the clone saw the translation");
	kfree_skb(skb);
	kfree_skb(other);
}

static void xf_summary(struct kunit *test)
{
	unsigned int i;

	kunit_info(test,
		   "%u cases (xlat.fuzz_seed=%u): %u translated (%u ICMP errors, %u ICMP of the other family as is), %u refused, %u to fragment or segment first\n",
		   xf_stats.cases, fuzz_seed, xf_stats.out,
		   xf_stats.out_icmp_err, xf_stats.out_foreign_icmp,
		   xf_stats.cases - xf_stats.out - xf_stats.resize,
		   xf_stats.resize);
	for (i = 0; i < XLAT_DROP_NUM; i++)
		if (xf_stats.drops[i])
			kunit_info(test, "refused: %s %u\n",
				   xlat_drop_symbols[i + 1], xf_stats.drops[i]);
}

static void xlat_fuzz_test(struct kunit *test)
{
	unsigned long chunk = (unsigned long)test->param_value - 1;
	unsigned int first = chunk * XF_CHUNK;
	unsigned int last = min(first + XF_CHUNK, fuzz_cases);
	struct xlat_cfg *cfg[XLAT_KUNIT_NCFG];
	struct xf_case c = { .test = test };
	const struct xlat_vector *vec;
	unsigned int nvec, i;

	vec = xlat_kunit_vectors(&nvec);
	for (i = 0; i < XLAT_KUNIT_NCFG; i++)
		cfg[i] = xlat_kunit_cfg(test, i);
	c.pkt = kunit_kmalloc(test, XF_MAX, GFP_KERNEL);
	c.out = kunit_kmalloc(test, XF_OUT, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c.pkt);
	KUNIT_ASSERT_NOT_NULL(test, c.out);
	if (!chunk)
		memset(&xf_stats, 0, sizeof(xf_stats));

	for (i = first; i < last && c.fails < XF_MAX_FAILS; i++) {
		xf_run(&c, i, &vec[i % nvec], cfg);
		cond_resched();
	}
	if (last == fuzz_cases)
		xf_summary(test);
}

/*
 * One parameter per XF_CHUNK cases, so that no test case runs for long:
 * chunk k is passed as the number k + 1 in a pointer, since NULL ends the
 * list.
 */
static const void *xf_gen_params(const void *prev, char *desc)
{
	unsigned long k = (unsigned long)prev;

	if ((u64)k * XF_CHUNK >= fuzz_cases)
		return NULL;
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "cases %lu-%u", k * XF_CHUNK,
		 min_t(unsigned int, (k + 1) * XF_CHUNK, fuzz_cases) - 1);
	return (const void *)(k + 1);
}

static struct kunit_case xlat_fuzz_test_cases[] = {
	KUNIT_CASE_PARAM_ATTR(xlat_fuzz_test, xf_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	{}
};

static struct kunit_suite xlat_fuzz_test_suite = {
	.name = "xlat_fuzz",
	.test_cases = xlat_fuzz_test_cases,
};

kunit_test_suite(xlat_fuzz_test_suite);
