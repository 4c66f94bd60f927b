// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: IPv6 to IPv4 (RFC 7915 section 5).
 *
 * As in xlat_46.c, the packet is validated and the IPv4 header worked out
 * before anything changes; then the IPv6 header and the extension headers
 * in front of the transport header are replaced by a 20-byte IPv4 header.
 */

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/dsfield.h>
#include <net/inet_ecn.h>
#include <net/ipv6.h>
#include <net/route.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "xlat.h"
#include "xlat_icmp.h"

/*
 * RFC 7915 section 5.1, "Total Length": "If the Next Header field of the
 * Fragment Header is an extension header (except ESP, but including the
 * Authentication Header (AH)), then the packet SHOULD be dropped and
 * logged"; section 5.4 answers it with Destination Unreachable, code 1.
 * The extension headers are those of the IANA registry. No Next Header is
 * an upper layer here, passed on as protocol 59.
 */
static bool xlat_64_exthdr(u8 nexthdr)
{
	switch (nexthdr) {
	case NEXTHDR_HOP:
	case NEXTHDR_ROUTING:
	case NEXTHDR_FRAGMENT:
	case NEXTHDR_AUTH:
	case NEXTHDR_DEST:
	case NEXTHDR_MOBILITY:
	case XLAT_NEXTHDR_HIP:
	case XLAT_NEXTHDR_SHIM6:
	case XLAT_NEXTHDR_EXP1:
	case XLAT_NEXTHDR_EXP2:
		return true;
	default:
		return false;
	}
}

/**
 * xlat_ipv6_chain() - walk an IPv6 header chain to the upper layer
 * @skb: the packet
 * @start: offset of the IPv6 header in @skb
 * @len: bytes from @start that the chain must lie in (the payload of a
 *	packet, what was captured of a quoted one)
 * @stop_at_sl: end the walk at a Routing header with Segments Left
 * @c: what the walk found, offsets from @start
 *
 * Hop-by-Hop, Destination Options and Routing headers are skipped; a
 * Fragment Header is the last header read, since what follows it is the
 * fragmentable part, payload bytes in every fragment but the first
 * (RFC 7915 section 5.1, "Protocol"). Packets, quoted packets and the
 * choice of fragments to reassemble all come here.
 *
 * Return: &enum xlat_chain_status.
 */
enum xlat_chain_status xlat_ipv6_chain(const struct sk_buff *skb,
				       unsigned int start, unsigned int len,
				       bool stop_at_sl, struct xlat_chain *c)
{
	unsigned int off = sizeof(struct ipv6hdr), n;
	struct frag_hdr fhbuf;
	const struct frag_hdr *fh;
	u8 nexthdr, buf[4];
	const u8 *h;

	memset(c, 0, sizeof(*c));
	h = skb_header_pointer(skb, start + offsetof(struct ipv6hdr, nexthdr),
			       1, buf);
	if (!h || len < off)
		return XLAT_CHAIN_BAD;
	nexthdr = *h;
	for (n = 0; n < XLAT_MAX_EXTHDRS; n++) {
		switch (nexthdr) {
		case NEXTHDR_HOP:
		case NEXTHDR_DEST:
		case NEXTHDR_ROUTING:
			h = skb_header_pointer(skb, start + off, sizeof(buf),
					       buf);
			if (!h || off + (h[1] + 1) * 8 > len)
				return XLAT_CHAIN_BAD;
			if (nexthdr == NEXTHDR_ROUTING && h[3] && stop_at_sl) {
				c->sl_off = off + 3;
				return XLAT_CHAIN_SEGMENTS_LEFT;
			}
			nexthdr = h[0];
			off += (h[1] + 1) * 8;
			break;
		case NEXTHDR_FRAGMENT:
			fh = skb_header_pointer(skb, start + off, sizeof(fhbuf),
						&fhbuf);
			if (!fh || off + sizeof(*fh) > len)
				return XLAT_CHAIN_BAD;
			if (xlat_64_exthdr(fh->nexthdr))
				return XLAT_CHAIN_FRAG_EXT;
			c->frag = true;
			c->frag_off = ntohs(fh->frag_off);
			c->id = fh->identification;
			c->l4off = off + sizeof(*fh);
			c->proto = fh->nexthdr;
			return XLAT_CHAIN_OK;
		default:
			c->l4off = off;
			c->proto = nexthdr;
			return XLAT_CHAIN_OK;
		}
	}
	return XLAT_CHAIN_BAD;
}

/*
 * The extension headers of a packet (section 5.1): every header must lie
 * inside the payload. A Routing header with Segments Left other than zero
 * is not translated: Parameter Problem pointing at that field. An extension
 * header after the Fragment Header: Destination Unreachable, code 1
 * (section 5.4).
 */
static enum xlat_verdict xlat_64_exthdrs(const struct sk_buff *skb,
					 unsigned int end,
					 struct xlat_64_plan *p, u16 *frag_off,
					 __be32 *id, struct xlat_err *err)
{
	struct xlat_chain c;

	switch (xlat_ipv6_chain(skb, 0, end, true, &c)) {
	case XLAT_CHAIN_OK:
		break;
	case XLAT_CHAIN_SEGMENTS_LEFT:
		return xlat_fail_icmp(err, XLAT_DROP_ROUTING_HEADER,
				      ICMPV6_PARAMPROB, ICMPV6_HDR_FIELD,
				      c.sl_off);
	case XLAT_CHAIN_FRAG_EXT:
		return xlat_fail_icmp(err, XLAT_DROP_FRAG_EXTHDR,
				      ICMPV6_DEST_UNREACH,
				      ICMPV6_ADM_PROHIBITED, 0);
	default:
		return xlat_fail(err, XLAT_DROP_MALFORMED_IPV6);
	}
	p->frag = c.frag;
	*frag_off = c.frag_off;
	*id = c.id;
	p->l4off = c.l4off;
	p->proto6 = c.proto;
	return XLAT_OK;
}

/*
 * Addresses, near-side rule first (see xlat_46_addrs()). The untranslatable
 * source of an ICMPv6 error, typically a native IPv6 router on the path,
 * takes an address of icmp-source-pool4 (RFC 6791, RFC 7915 section 5.3).
 *
 * Hairpinning (RFC 7757 section 4): a destination in RFC 6052 form whose
 * IPv4 address local-map or eam gives back to an IPv6 host means the
 * packet must go straight back to IPv6 (*@hairpin; for an ICMP error the
 * quoted packet decides, in xlat_quote_64()).
 */
static enum xlat_verdict xlat_64_addrs(const struct xlat_cfg *cfg,
				       const struct ipv6hdr *ip6,
				       struct xlat_64_plan *p,
				       struct xlat_err *err)
{
	struct iphdr *ip4 = &p->ip4;
	bool icmp_err = p->icmp_err;
	bool *hairpin = &p->hairpin;
	struct in6_addr dummy;
	enum xlat_via vs, vd;

	vs = xlat_map_6to4(cfg, &ip6->saddr, &ip4->saddr);
	vd = xlat_map_6to4(cfg, &ip6->daddr, &ip4->daddr);
	if (icmp_err && vs == XLAT_VIA_NONE) {
		ip4->saddr = xlat_icmp_pool4(cfg, &ip6->saddr);
		vs = XLAT_VIA_PREFIX;
		p->pool_src = true;
	}
	if (cfg->n_local && vs != XLAT_VIA_LOCAL && vd != XLAT_VIA_LOCAL)
		return xlat_fail(err, XLAT_DROP_NO_NEAR_SIDE);
	if (icmp_err && vd == XLAT_VIA_NONE)
		return xlat_fail(err, XLAT_DROP_UNTRANSLATABLE_DST);
	/* RFC 7915 section 5.4: administratively prohibited. */
	if (vs == XLAT_VIA_NONE)
		return xlat_fail_icmp(err, XLAT_DROP_UNTRANSLATABLE_SRC,
				      ICMPV6_DEST_UNREACH, ICMPV6_ADM_PROHIBITED,
				      0);
	if (vd == XLAT_VIA_NONE)
		return xlat_fail_icmp(err, XLAT_DROP_UNTRANSLATABLE_DST,
				      ICMPV6_DEST_UNREACH, ICMPV6_ADM_PROHIBITED,
				      0);
	*hairpin = !icmp_err && vd == XLAT_VIA_PREFIX &&
		   xlat_map_4to6_near(cfg, ip4->daddr);
	/* On the way back the source needs its RFC 6052 form. */
	if (*hairpin &&
	    xlat_map_4to6_prefix(cfg, ip4->saddr, &dummy) == XLAT_VIA_NONE)
		return xlat_fail_icmp(err, XLAT_DROP_UNTRANSLATABLE_SRC,
				      ICMPV6_DEST_UNREACH, ICMPV6_ADM_PROHIBITED,
				      0);
	return XLAT_OK;
}

/*
 * A packet whose hop limit would expire on a forwarding hop may still be
 * for this host once translated: delivering it makes no hop (RFC 8200
 * section 3, RFC 791 "Time to Live").
 */
static bool xlat_64_for_us(struct net *net, const struct sk_buff *skb,
			   const struct xlat_cfg *cfg,
			   const struct ipv6hdr *ip6)
{
	__be32 daddr;

	return xlat_map_6to4(cfg, &ip6->daddr, &daddr) != XLAT_VIA_NONE &&
	       inet_addr_type_dev_table(net, skb->dev, daddr) == RTN_LOCAL;
}

/* The transport header of a first fragment or whole packet (section 5.5). */
static enum xlat_verdict xlat_64_l4(const struct sk_buff *skb,
				    struct xlat_64_plan *p,
				    struct xlat_err *err)
{
	const struct icmp6hdr *ih;
	struct icmp6hdr ihbuf;

	switch (p->proto6) {
	case IPPROTO_TCP:
		p->l4need = offsetofend(struct tcphdr, check);
		break;
	case IPPROTO_UDP:
		p->l4need = sizeof(struct udphdr);
		break;
	case IPPROTO_ICMPV6:
		p->l4need = sizeof(struct icmp6hdr);
		ih = skb_header_pointer(skb, p->l4off, sizeof(ihbuf), &ihbuf);
		if (!ih || p->l4len < p->l4need)
			return xlat_fail(err, XLAT_DROP_TRUNCATED_L4);
		/* Section 5.2: echo translates, errors are section 5.3,
		 * every other type is silently dropped.
		 */
		if (xlat_icmp_echo(ih->icmp6_type, false, &p->icmp4_type))
			break;
		switch (ih->icmp6_type) {
		case ICMPV6_DEST_UNREACH:
		case ICMPV6_PKT_TOOBIG:
		case ICMPV6_TIME_EXCEED:
		case ICMPV6_PARAMPROB:
			/* Section 5.3: xlat_64_icmp_err() does the rest. */
			return XLAT_OK;
		default:
			return xlat_fail(err, XLAT_DROP_ICMP_TYPE);
		}
		break;
	default:
		return XLAT_OK;
	}
	if (p->l4len < p->l4need)
		return xlat_fail(err, XLAT_DROP_TRUNCATED_L4);
	/* Section 5.5: the pseudo-header of TCP and UDP changes. */
	if (p->proto6 == IPPROTO_TCP || p->proto6 == IPPROTO_UDP) {
		p->csum_diff = xlat_pseudo_diff(&p->ip4, ipv6_hdr(skb), false);
		p->csum_same = xlat_csum_diff_zero(p->csum_diff);
	}
	return XLAT_OK;
}

/*
 * Section 5.1: the IPv4 header, but for the addresses. Flags and
 * Identification: with a Fragment Header (an atomic fragment too), or
 * reassembled from fragments, the low-order 16 bits of its Identification,
 * DF clear (section 5.1.1); otherwise DF set above 1260 bytes, and an
 * Identification picked by the kernel below (@gen_id).
 */
static void xlat_64_hdr(const struct sk_buff *skb, const struct xlat_cfg *cfg,
			const struct ipv6hdr *ip6, u16 frag_off, __be32 id,
			const struct xlat_pmtu *pm, struct xlat_64_plan *p)
{
	unsigned int seg = xlat_gso_l4seg(skb, p->l4off, p->proto6);

	/* A GSO packet: DF and the size limit go by one segment. */
	p->seg = sizeof(struct iphdr) + (seg ?: p->l4len);
	p->ip4.version = 4;
	p->ip4.ihl = sizeof(struct iphdr) / 4;
	/* tos4 replaces the DSCP; ECN is end to end (RFC 3168 section 9). */
	p->ip4.tos = ipv6_get_dsfield(ip6);
	if (cfg->present & XLAT_CFG_TOS4)
		p->ip4.tos = (cfg->tos4 & ~INET_ECN_MASK) |
			     (p->ip4.tos & INET_ECN_MASK);
	p->ip4.tot_len = htons(sizeof(struct iphdr) + p->l4len);
	p->ip4.ttl = ip6->hop_limit;
	p->ip4.protocol = p->proto6 == IPPROTO_ICMPV6 ? IPPROTO_ICMP :
			  p->proto6;
	if (p->frag) {
		p->ip4.id = htons(ntohl(id) & 0xffff);
		p->ip4.frag_off = htons((frag_off >> 3) |
					(frag_off & IP6_MF ? IP_MF : 0));
	} else if (pm && pm->reassembled && !pm->new_id) {
		p->ip4.id = htons(ntohl(pm->frag_id) & 0xffff);
	} else if (pm && pm->reassembled) {
		p->gen_id = !p->hairpin;
	} else if (p->seg > XLAT_64_DF_THRESHOLD) {
		p->ip4.frag_off = htons(IP_DF);
	} else {
		p->gen_id = !p->hairpin;
	}
}

/*
 * Too big for the IPv4 side: a packet with DF set, or a fragment (whose
 * sender chose the sizes), gets a Packet Too Big for the IPv6 size that
 * fits whatever extension headers the next packets carry, the IPv4 MTU +
 * 20, never below the IPv6 minimum MTU (RFC 7915 section 4: the translator
 * sends Packet Too Big or fragments, as a router; the reference translator
 * answers fragments too). A sender that goes down to 1280 gets DF clear
 * (xlat_64_hdr()); a reassembled datagram without DF is fragmented by IPv4
 * output, and so is a datagram of this host that IPv6 would have
 * fragmented (@pm->may_frag): it loses DF here.
 */
static enum xlat_verdict xlat_64_fit(const struct sk_buff *skb,
				     struct xlat_64_plan *p,
				     struct xlat_pmtu *pm, struct xlat_err *err)
{
	unsigned int mtu;

	if (!pm || !pm->mtu || !xlat_64_limited(p))
		return XLAT_OK;
	mtu = pm->mtu;
	if (p->seg <= mtu)
		return XLAT_OK;
	/* Segmented first, each segment judged alone. */
	if (skb_is_gso(skb))
		return XLAT_SEGMENT;
	if (pm->may_frag && !p->frag) {
		p->ip4.frag_off = 0;
		p->gen_id = true;
		return XLAT_OK;
	}
	return xlat_fail_icmp(err, XLAT_DROP_TOO_BIG, ICMPV6_PKT_TOOBIG, 0,
			      max_t(u32, mtu + XLAT_46_GROWTH, IPV6_MIN_MTU));
}

/**
 * xlat_64_limited() - is a planned packet held to the IPv4 MTU?
 * @p: the plan
 *
 * Packets with DF set and fragments are; the rest are fragmented by IPv4
 * as they need. An ICMP error is cut to fit anyway, and the IPv4 packet
 * between the two halves of a hairpin is never sent.
 *
 * Return: true when the glue is to give the MTU of the IPv4 route.
 */
bool xlat_64_limited(const struct xlat_64_plan *p)
{
	return !p->hairpin && !p->icmp_err &&
	       (p->frag || p->ip4.frag_off & htons(IP_DF));
}

/*
 * The fixed header and the extension headers (section 5.1): the payload
 * length must lie inside the packet, which is trimmed to it. @end is where
 * the payload ends.
 */
static enum xlat_verdict xlat_64_parse(struct sk_buff *skb,
				       struct xlat_64_plan *p,
				       unsigned int *end, u16 *frag_off,
				       __be32 *id, struct xlat_err *err)
{
	const struct ipv6hdr *ip6;

	if (!pskb_may_pull(skb, sizeof(struct ipv6hdr)))
		return xlat_fail(err, XLAT_DROP_MALFORMED_IPV6);
	ip6 = ipv6_hdr(skb);
	*end = sizeof(*ip6) + ntohs(ip6->payload_len);
	/* A zero payload length behind a Hop-by-Hop header may be a
	 * jumbogram (RFC 2675): never here. Without one it is an empty
	 * payload, such as No Next Header alone.
	 */
	if (ip6->version != 6 || *end > skb->len ||
	    (!ip6->payload_len && ip6->nexthdr == NEXTHDR_HOP))
		return xlat_fail(err, XLAT_DROP_MALFORMED_IPV6);
	if (pskb_trim_rcsum(skb, *end))
		return xlat_fail(err, XLAT_DROP_NOMEM);
	return xlat_64_exthdrs(skb, *end, p, frag_off, id, err);
}

/**
 * xlat_64_plan() - read an IPv6 packet and plan its IPv4 header
 * @net: namespace of the encap
 * @skb: the packet, network header at skb->data
 * @cfg: configuration of the encap
 * @fwd: the packet is being forwarded (not locally generated)
 * @pm: what the glue knows of the packet, or NULL (then no hairpinning)
 * @p: the plan
 * @err: on failure, the drop reason and the ICMPv6 error to send, if any
 *
 * The packet's bytes are not changed, so that an ICMPv6 error can quote it.
 *
 * Return: %XLAT_OK with @p filled in, or another &enum xlat_verdict.
 */
enum xlat_verdict xlat_64_plan(struct net *net, struct sk_buff *skb,
			       const struct xlat_cfg *cfg, bool fwd,
			       const struct xlat_pmtu *pm,
			       struct xlat_64_plan *p, struct xlat_err *err)
{
	const struct ipv6hdr *ip6;
	enum xlat_verdict v;
	unsigned int end;
	u16 frag_off = 0;
	__be32 id = 0;
	u8 type;

	memset(p, 0, sizeof(*p));
	v = xlat_64_parse(skb, p, &end, &frag_off, &id, err);
	if (v != XLAT_OK)
		return v;
	ip6 = ipv6_hdr(skb);

	/* Hop limit: as for the TTL in xlat_46_plan(). */
	if (fwd && ip6->hop_limit <= 1 && !xlat_64_for_us(net, skb, cfg, ip6))
		return xlat_fail_icmp(err, XLAT_DROP_TTL_EXCEEDED,
				      ICMPV6_TIME_EXCEED,
				      ICMPV6_EXC_HOPLIMIT, 0);

	/* ICMPv4 in IPv6 would become a real ICMPv4 message: refused, as
	 * xlat_46_proto_refused() refuses ICMPv6 in IPv4 (section 5.4).
	 */
	if (p->proto6 == IPPROTO_ICMP)
		return xlat_fail_icmp(err, XLAT_DROP_PROTO_REFUSED,
				      ICMPV6_DEST_UNREACH,
				      ICMPV6_ADM_PROHIBITED, 0);
	p->l4len = end - p->l4off;
	/* A reassembled ICMPv6 message may hold up to 65535 octets after
	 * its IPv6 header; an IPv4 Total Length counts its own header too.
	 */
	if (sizeof(struct iphdr) + p->l4len > IP_MAX_MTU)
		return xlat_fail(err, XLAT_DROP_TOO_LONG);
	p->l4 = !(frag_off & IP6_OFFSET);
	/* An atomic fragment (RFC 6946) holds the whole message. */
	if (p->proto6 == IPPROTO_ICMPV6 &&
	    (frag_off & (IP6_OFFSET | IP6_MF)))
		return xlat_fail(err, XLAT_DROP_ICMP_FRAGMENT);
	if (p->proto6 == IPPROTO_ICMPV6 && p->l4len) {
		p->icmp_err = !skb_copy_bits(skb, p->l4off, &type, 1) &&
			      icmpv6_is_err(type);
	}

	v = xlat_64_addrs(cfg, ip6, p, err);
	if (v != XLAT_OK)
		return v;
	p->hairpin &= !!pm;
	if (p->l4) {
		v = xlat_csum_resolve(skb, p->l4off, p->proto6, err);
		if (v != XLAT_OK)
			return v;
		v = xlat_64_l4(skb, p, err);
		if (v != XLAT_OK)
			return v;
	}
	xlat_64_hdr(skb, cfg, ipv6_hdr(skb), frag_off, id, pm, p);
	return XLAT_OK;
}

/*
 * Section 5.5: the pseudo-header changes by @p->csum_diff; ICMP loses it
 * altogether.
 */
static void xlat_64_csum(struct sk_buff *skb, const struct xlat_64_plan *p,
			 const struct ipv6hdr *ip6)
{
	void *l4 = skb->data + p->l4off;
	__wsum diff = p->csum_diff;
	struct icmp6hdr *ih;
	struct udphdr *uh;
	struct tcphdr *th;

	switch (p->proto6) {
	case IPPROTO_TCP:
		th = l4;
		inet_proto_csum_replace_by_diff(&th->check, skb, diff, true,
						true);
		break;
	case IPPROTO_UDP:
		uh = l4;
		/* Zero means "no checksum" to IPv4: it may stay zero. */
		if (!uh->check && skb->ip_summed != CHECKSUM_PARTIAL)
			break;
		inet_proto_csum_replace_by_diff(&uh->check, skb, diff, true,
						true);
		if (!uh->check && skb->ip_summed != CHECKSUM_PARTIAL)
			uh->check = CSUM_MANGLED_0;
		break;
	case IPPROTO_ICMPV6:
		/* Section 5.2, incrementally (RFC 1624). */
		ih = l4;
		xlat_icmp_pseudo(&ih->icmp6_cksum, ip6, p->l4len, false);
		csum_replace2(&ih->icmp6_cksum, htons(ih->icmp6_type << 8),
			      htons(p->icmp4_type << 8));
		ih->icmp6_type = p->icmp4_type;
		/* RFC 1624 section 3: the update leaves 0 where a message of
		 * zero octets only (an Echo Reply with identifier, sequence
		 * number and data zero) sums to +0 and needs 0xffff; for any
		 * other message, 0 and 0xffff verify alike.
		 */
		if (!ih->icmp6_cksum)
			ih->icmp6_cksum = CSUM_MANGLED_0;
		break;
	}
}

static int xlat_64_apply(struct net *net, struct sk_buff *skb,
			 struct xlat_64_plan *p)
{
	struct iphdr *iph;

	if (p->proto6 == IPPROTO_ICMPV6 &&
	    skb->ip_summed == CHECKSUM_PARTIAL && skb_checksum_help(skb))
		return -ENOMEM;
	if (skb_ensure_writable(skb, p->l4off +
				(p->l4 && !p->csum_same ? p->l4need : 0)))
		return -ENOMEM;

	if (p->l4 && !p->csum_same)
		xlat_64_csum(skb, p, ipv6_hdr(skb));

	__skb_pull(skb, p->l4off);
	skb_push(skb, sizeof(struct iphdr));
	skb_reset_network_header(skb);
	iph = ip_hdr(skb);
	memcpy(iph, &p->ip4, sizeof(*iph));
	/* Section 5.1: an identification for packets that may be
	 * fragmented further on the IPv4 side.
	 */
	if (p->gen_id)
		__ip_select_ident(net, iph, skb_is_gso(skb) ?
				  skb_shinfo(skb)->gso_segs : 1);
	ip_send_check(iph);
	skb_set_transport_header(skb, sizeof(struct iphdr));
	skb->protocol = htons(ETH_P_IP);
	xlat_gso_swap(skb, false);
	if (skb->ip_summed == CHECKSUM_COMPLETE)
		skb->ip_summed = CHECKSUM_NONE;
	return 0;
}

/*
 * RFC 7757 section 4.2.2, intrinsic hairpinning: an IPv6 packet for an
 * IPv4 address that stands for an IPv6 host is translated to IPv4 and,
 * without leaving, back to IPv6, its far-side address in RFC 6052 form so
 * that the answer comes through the translator again. The IPv4 packet
 * between the two is never routed; the hop limit is the one the packet
 * came with, which IPv6 forwarding decrements once.
 */
static enum xlat_verdict xlat_64_hairpin(struct net *net, struct sk_buff *skb,
					 const struct xlat_cfg *cfg,
					 struct xlat_pmtu *pm,
					 struct xlat_err *err)
{
	struct xlat_pmtu back = { .hairpin = true };
	enum xlat_verdict v;

	v = xlat_46(net, skb, cfg, false, &back, err);
	if (v == XLAT_OK) {
		pm->hairpin = true;
		pm->frag_size = 0;
		return XLAT_OK;
	}
	/* Half translated: no ICMP error can quote it, and it cannot go
	 * back to be cut up (no size limit applies to this pass anyway).
	 */
	if (v != XLAT_DROP)
		xlat_fail(err, XLAT_DROP_FRAG_FAILED);
	err->icmp = false;
	err->changed = true;
	return XLAT_DROP;
}

/**
 * xlat_64_build() - hold a planned packet to its size limit and write it
 * @net: namespace of the encap
 * @skb: the packet xlat_64_plan() planned
 * @cfg: configuration of the encap
 * @p: the plan
 * @pm: the size limit of the IPv4 side and what the glue knows of the
 *	packet, or NULL (then no size limit and no hairpinning)
 * @err: on failure, the drop reason and the ICMPv6 error to send, if any
 *
 * Failures before any change leave the packet as it arrived (see
 * xlat_46_build()).
 *
 * Return: %XLAT_OK when translated: @skb is IPv4, or IPv6 again when
 * @pm->hairpin is set (RFC 7757 section 4.2.2); otherwise another
 * &enum xlat_verdict (never %XLAT_REFRAGMENT).
 */
enum xlat_verdict xlat_64_build(struct net *net, struct sk_buff *skb,
				const struct xlat_cfg *cfg,
				struct xlat_64_plan *p, struct xlat_pmtu *pm,
				struct xlat_err *err)
{
	bool hairpin = false;
	struct in6_addr node;
	enum xlat_verdict v;

	v = xlat_64_fit(skb, p, pm, err);
	if (v != XLAT_OK)
		return v;
	if (p->icmp_err) {
		/* draft-ietf-v6ops-icmpext-xlat-v6only-source */
		node = ipv6_hdr(skb)->saddr;
		v = xlat_64_icmp_err(net, skb, cfg, &p->ip4, p->l4off,
				     p->frag || (pm && pm->reassembled &&
						 !pm->new_id),
				     p->pool_src && cfg->node_id ? &node : NULL,
				     &hairpin, err);
	} else if (xlat_64_apply(net, skb, p)) {
		v = xlat_fail(err, XLAT_DROP_NOMEM);
	}
	if (v != XLAT_OK)
		return v;
	if (pm && (p->hairpin || hairpin))
		return xlat_64_hairpin(net, skb, cfg, pm, err);
	return XLAT_OK;
}

/**
 * xlat_64() - translate an IPv6 packet to IPv4 in place
 * @net: namespace of the encap
 * @skb: the packet, network header at skb->data
 * @cfg: configuration of the encap
 * @fwd: the packet is being forwarded (not locally generated)
 * @pm: the size limit of the IPv4 side (@pm->mtu) and what the glue knows
 *	of the packet, or NULL (then neither, and no hairpinning)
 * @err: on failure, the drop reason and the ICMPv6 error to send, if any
 *
 * xlat_64_plan() and xlat_64_build() in one, for a caller that knows the
 * MTU beforehand (KUnit).
 *
 * Return: as xlat_64_build().
 */
enum xlat_verdict xlat_64(struct net *net, struct sk_buff *skb,
			  const struct xlat_cfg *cfg, bool fwd,
			  struct xlat_pmtu *pm, struct xlat_err *err)
{
	struct xlat_64_plan p;
	enum xlat_verdict v;

	v = xlat_64_plan(net, skb, cfg, fwd, pm, &p, err);
	if (v != XLAT_OK)
		return v;
	return xlat_64_build(net, skb, cfg, &p, pm, err);
}
