// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: IPv4 to IPv6 (RFC 7915 section 4).
 *
 * xlat_46() first validates the IPv4 packet and works out the IPv6 header
 * without changing anything, so that a refusal can quote the packet as it
 * arrived in an ICMPv4 error; then it rewrites the packet in place.
 */

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <net/addrconf.h>
#include <net/checksum.h>
#include <net/inet_ecn.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "xlat.h"
#include "xlat_icmp.h"

/*
 * RFC 7915 section 4.1: "If an IPv4 packet contains an unexpired source
 * route option, the packet is dropped and an ICMPv4 error returned. An
 * option is unexpired while its pointer does not exceed its length (RFC 791
 * section 3.1). Malformed options end the scan; they are not ours to judge.
 */
static bool xlat_46_src_route(const u8 *opt, unsigned int len)
{
	unsigned int i = 0, olen;

	while (i < len) {
		switch (opt[i]) {
		case IPOPT_END:
			return false;
		case IPOPT_NOOP:
			i++;
			continue;
		}
		if (i + 2 > len)
			return false;
		olen = opt[i + 1];
		if (olen < 2 || i + olen > len)
			return false;
		if ((opt[i] == IPOPT_LSRR || opt[i] == IPOPT_SSRR) && olen >= 3 &&
		    opt[i + 2] <= olen)
			return true;
		i += olen;
	}
	return false;
}

/*
 * Upper-layer numbers that are IPv6's own headers: extension headers and
 * ICMPv6. Carried in IPv4 and passed on as "other protocols" (RFC 7915
 * sections 4.1 and 4.5), they would become real IPv6 headers or control
 * messages made up by an IPv4 sender: a Hop-by-Hop or Routing header (an
 * SRv6 header with Segments Left, which section 5.1 refuses from the IPv6
 * side), a Neighbor Discovery message whose checksum never covered an IPv6
 * pseudo-header. They are refused as any discarded packet is (section
 * 4.4). AH (51) means the same in both families and passes.
 */
static bool xlat_46_proto_refused(u8 proto)
{
	switch (proto) {
	case NEXTHDR_HOP:
	case NEXTHDR_ROUTING:
	case NEXTHDR_FRAGMENT:
	case NEXTHDR_ICMP:
	case NEXTHDR_DEST:
	case NEXTHDR_MOBILITY:
	case XLAT_NEXTHDR_HIP:
	case XLAT_NEXTHDR_SHIM6:
		return true;
	default:
		return false;
	}
}

/*
 * The second translation of a hairpinned packet (RFC 7757 section 4.2.2):
 * the address that stood for the far side of the IPv6 sender keeps its
 * RFC 6052 form, so that the receiver answers through the translator. For
 * a packet that is the source; for an ICMP error it is the outer source
 * when that is the destination of the packet quoted (the node the error
 * is about), and the quoted destination (xlat_46_icmp_err()).
 */
static bool xlat_46_hairpin_src(const struct sk_buff *skb,
				const struct iphdr *iph, bool icmp_err)
{
	__be32 qdst, *q;

	if (!icmp_err)
		return true;
	q = skb_header_pointer(skb, iph->ihl * 4 + sizeof(struct icmphdr) +
			       offsetof(struct iphdr, daddr), sizeof(qdst),
			       &qdst);
	return q && *q == iph->saddr;
}

/*
 * Addresses (RFC 7915 section 4.1; the mapping order of
 * Documentation/networking/xlat.rst), with the near-side rule first: a
 * packet none of whose addresses local-map knows is dropped without an
 * answer, since its source may be spoofed. The untranslatable source of an
 * ICMP error, such as a router with a private address under the well-known
 * prefix, takes icmp-source-pool6 if set; an error is never answered with
 * another.
 */
static enum xlat_verdict xlat_46_addrs(const struct sk_buff *skb,
				       const struct xlat_cfg *cfg,
				       const struct iphdr *iph, bool icmp_err,
				       bool hairpin, struct ipv6hdr *ip6,
				       struct xlat_err *err)
{
	enum xlat_via vs, vd;

	if (hairpin && xlat_46_hairpin_src(skb, iph, icmp_err))
		vs = xlat_map_4to6_prefix(cfg, iph->saddr, &ip6->saddr);
	else if (icmp_err)
		vs = xlat_map_4to6_err_src(cfg, iph->saddr, &ip6->saddr);
	else
		vs = xlat_map_4to6(cfg, iph->saddr, &ip6->saddr);
	vd = xlat_map_4to6(cfg, iph->daddr, &ip6->daddr);
	/* A hairpinned packet passed the rule on its way in. */
	if (cfg->n_local && !hairpin && vs != XLAT_VIA_LOCAL &&
	    vd != XLAT_VIA_LOCAL)
		return xlat_fail(err, XLAT_DROP_NO_NEAR_SIDE);
	if (icmp_err) {
		if (vs == XLAT_VIA_NONE &&
		    !xlat_icmp_pool6(cfg, iph->saddr, &ip6->saddr))
			return xlat_fail(err, XLAT_DROP_UNTRANSLATABLE_SRC);
		if (vd == XLAT_VIA_NONE)
			return xlat_fail(err, XLAT_DROP_UNTRANSLATABLE_DST);
		return XLAT_OK;
	}
	/* RFC 7915 section 4.4: administratively prohibited. */
	if (vs == XLAT_VIA_NONE)
		return xlat_fail_icmp(err, XLAT_DROP_UNTRANSLATABLE_SRC,
				      ICMP_DEST_UNREACH, ICMP_PKT_FILTERED, 0);
	if (vd == XLAT_VIA_NONE)
		return xlat_fail_icmp(err, XLAT_DROP_UNTRANSLATABLE_DST,
				      ICMP_DEST_UNREACH, ICMP_PKT_FILTERED, 0);
	return XLAT_OK;
}

/*
 * A packet whose TTL would expire on a forwarding hop may still be for
 * this host once translated: delivering it makes no hop.
 */
static bool xlat_46_for_us(struct net *net, const struct xlat_cfg *cfg,
			   const struct iphdr *iph)
{
	struct in6_addr daddr;

	return xlat_map_4to6(cfg, iph->daddr, &daddr) != XLAT_VIA_NONE &&
	       ipv6_chk_addr(net, &daddr, NULL, 0);
}

/* The transport header of a first fragment or whole packet (section 4.5). */
static enum xlat_verdict xlat_46_l4(const struct sk_buff *skb,
				    const struct xlat_cfg *cfg,
				    struct xlat_46_plan *p,
				    struct xlat_err *err)
{
	const struct icmphdr *ih;
	struct icmphdr ihbuf;
	const __sum16 *check;
	__sum16 checkbuf;

	switch (p->proto) {
	case IPPROTO_TCP:
		p->l4need = offsetofend(struct tcphdr, check);
		break;
	case IPPROTO_UDP:
		p->l4need = sizeof(struct udphdr);
		if (p->l4len < p->l4need)
			break;
		check = skb_header_pointer(skb, p->ihl +
					   offsetof(struct udphdr, check),
					   sizeof(checkbuf), &checkbuf);
		if (!check)
			return xlat_fail(err, XLAT_DROP_TRUNCATED_L4);
		/* A partial checksum holds the pseudo-header seed. */
		if (*check || skb->ip_summed == CHECKSUM_PARTIAL)
			break;
		/*
		 * A zero checksum cannot stay zero in IPv6. Section 4.5: a
		 * stateless translator cannot compute it for a fragment and
		 * drops it; so does udp-zero-checksum drop for any datagram.
		 * Section 4.4 names the ICMPv4 error. (With an explicit
		 * compute, xlat_defrag() has reassembled the fragments.)
		 */
		if (p->frag)
			return xlat_fail_icmp(err, XLAT_DROP_UDP_ZERO_CSUM_FRAG,
					      ICMP_DEST_UNREACH,
					      ICMP_PKT_FILTERED, 0);
		if (cfg->udp_zero_csum == XLAT_UDP_ZERO_CSUM_DROP)
			return xlat_fail_icmp(err, XLAT_DROP_UDP_ZERO_CSUM,
					      ICMP_DEST_UNREACH,
					      ICMP_PKT_FILTERED, 0);
		p->udp_zero = true;
		break;
	case IPPROTO_ICMP:
		p->l4need = sizeof(struct icmphdr);
		ih = skb_header_pointer(skb, p->ihl, sizeof(ihbuf), &ihbuf);
		if (!ih || p->l4len < p->l4need)
			return xlat_fail(err, XLAT_DROP_TRUNCATED_L4);
		/* Section 4.2: echo and echo reply translate; errors are
		 * section 4.3; every other type is silently dropped.
		 */
		if (xlat_icmp_echo(ih->type, true, &p->icmp6_type))
			break;
		switch (ih->type) {
		case ICMP_DEST_UNREACH:
		case ICMP_TIME_EXCEEDED:
		case ICMP_PARAMETERPROB:
			/* Section 4.3: xlat_46_icmp_err() does the rest. */
			return XLAT_OK;
		default:
			return xlat_fail(err, XLAT_DROP_ICMP_TYPE);
		}
		break;
	default:
		/* Section 4.5: other protocols pass untouched. */
		return XLAT_OK;
	}
	if (p->l4len < p->l4need)
		return xlat_fail(err, XLAT_DROP_TRUNCATED_L4);
	/*
	 * Section 4.5: the pseudo-header changes, the rest does not. ICMP
	 * gains the IPv6 pseudo-header whole (xlat_46_csum()), and a zero
	 * UDP checksum is computed whole.
	 */
	if (p->proto == IPPROTO_ICMP || p->udp_zero)
		return XLAT_OK;
	p->csum_diff = xlat_pseudo_diff(ip_hdr(skb), &p->ip6, true);
	p->csum_same = xlat_csum_diff_zero(p->csum_diff);
	return XLAT_OK;
}

/*
 * The size limit of the IPv6 side (RFC 7915 section 4.1;
 * Documentation/networking/xlat.rst, "MTU and fragmentation"). Only a
 * packet larger than the IPv6 minimum MTU can be too big. The limit is the
 * route and path MTU; for a packet that may be fragmented (DF clear) it is
 * also lowest-ipv6-mtu, the size section 4.1 says such packets are cut
 * to, while a DF packet follows path MTU discovery. Too big with DF set:
 * Fragmentation Needed for the IPv4 size that fits. Without DF: an IPv4
 * fragment is first cut into IPv4 fragments that each translate to a
 * fitting IPv6 fragment (%XLAT_REFRAGMENT); a whole packet is translated and then
 * cut into IPv6 fragments whose Fragment Header carries the IPv4
 * Identification (section 4.1, "Identification").
 */
static enum xlat_verdict xlat_46_fit(const struct sk_buff *skb,
				     const struct xlat_cfg *cfg,
				     const struct xlat_46_plan *p,
				     const struct iphdr *iph,
				     struct xlat_pmtu *pm, struct xlat_err *err)
{
	unsigned int hlen6 = sizeof(struct ipv6hdr) +
			     (p->frag ? sizeof(struct frag_hdr) : 0);
	unsigned int len6 = hlen6 + p->l4len, mtu, seg;
	bool df = iph->frag_off & htons(IP_DF);

	/* A GSO packet: what counts is the size of one segment. */
	seg = xlat_gso_l4seg(skb, p->ihl, p->proto);
	if (seg)
		len6 = hlen6 + seg;
	pm->frag_size = 0;
	if (len6 <= IPV6_MIN_MTU || !pm->mtu || p->icmp_err)
		return XLAT_OK;
	mtu = pm->mtu;
	if (!df && cfg->lowest_ipv6_mtu)
		mtu = min(mtu, cfg->lowest_ipv6_mtu);
	mtu = max_t(unsigned int, mtu, IPV6_MIN_MTU);
	if (len6 <= mtu)
		return XLAT_OK;
	/* Segments too big: translated one by one, each judged alone. */
	if (skb_is_gso(skb))
		return XLAT_SEGMENT;
	if (df)
		return xlat_fail_icmp(err, XLAT_DROP_TOO_BIG, ICMP_DEST_UNREACH,
				      ICMP_FRAG_NEEDED,
				      mtu - XLAT_46_GROWTH);
	if (p->frag) {
		pm->frag_size = mtu - hlen6 + sizeof(struct iphdr);
		return XLAT_REFRAGMENT;
	}
	pm->frag_size = mtu;
	pm->frag_id = htonl(ntohs(iph->id));
	return XLAT_OK;
}

/**
 * xlat_46_plan() - read an IPv4 packet and plan its IPv6 header
 * @net: namespace of the encap
 * @skb: the packet, network header at skb->data
 * @cfg: configuration of the encap
 * @fwd: the packet is being forwarded (not locally generated)
 * @pm: what the glue knows of the packet, or NULL
 * @p: the plan
 * @err: on failure, the drop reason and the ICMPv4 error to send, if any
 *
 * The packet's bytes are not changed, so that an ICMPv4 error can quote it.
 *
 * Return: %XLAT_OK with @p filled in, or another &enum xlat_verdict.
 */
enum xlat_verdict xlat_46_plan(struct net *net, struct sk_buff *skb,
			       const struct xlat_cfg *cfg, bool fwd,
			       const struct xlat_pmtu *pm,
			       struct xlat_46_plan *p, struct xlat_err *err)
{
	bool hairpin = pm && pm->hairpin;
	const struct iphdr *iph;
	enum xlat_verdict v;
	unsigned int tot;
	u16 frag_off;
	u8 proto6, type;

	memset(p, 0, sizeof(*p));
	if (!pskb_may_pull(skb, sizeof(struct iphdr)))
		return xlat_fail(err, XLAT_DROP_MALFORMED_IPV4);
	iph = ip_hdr(skb);
	p->ihl = iph->ihl * 4;
	if (iph->version != 4 || p->ihl < sizeof(struct iphdr))
		return xlat_fail(err, XLAT_DROP_MALFORMED_IPV4);
	if (!pskb_may_pull(skb, p->ihl))
		return xlat_fail(err, XLAT_DROP_MALFORMED_IPV4);
	iph = ip_hdr(skb);
	tot = ntohs(iph->tot_len);
	if (tot < p->ihl || tot > skb->len)
		return xlat_fail(err, XLAT_DROP_MALFORMED_IPV4);
	if (pskb_trim_rcsum(skb, tot))
		return xlat_fail(err, XLAT_DROP_NOMEM);
	iph = ip_hdr(skb);

	if (p->ihl > sizeof(struct iphdr) &&
	    xlat_46_src_route((const u8 *)(iph + 1),
			      p->ihl - sizeof(struct iphdr)))
		return xlat_fail_icmp(err, XLAT_DROP_SOURCE_ROUTE,
				      ICMP_DEST_UNREACH, ICMP_SR_FAILED, 0);

	/*
	 * Hop limit (section 4.1): copied from the TTL. A forwarded packet
	 * arrives here before the IPv4 forwarding path and is decremented
	 * once by IPv6 forwarding after translation, so the expiry check is
	 * ours; a locally generated packet has made no hop, and a hairpinned
	 * one was checked as IPv6.
	 */
	if (fwd && !hairpin && iph->ttl <= 1 && !xlat_46_for_us(net, cfg, iph))
		return xlat_fail_icmp(err, XLAT_DROP_TTL_EXCEEDED,
				      ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, 0);

	p->proto = iph->protocol;
	if (xlat_46_proto_refused(p->proto))
		return xlat_fail_icmp(err, XLAT_DROP_PROTO_REFUSED,
				      ICMP_DEST_UNREACH, ICMP_PKT_FILTERED, 0);
	p->l4len = tot - p->ihl;
	frag_off = ntohs(iph->frag_off);
	p->frag = frag_off & (IP_MF | IP_OFFSET);
	p->l4 = !(frag_off & IP_OFFSET);
	if (p->proto == IPPROTO_ICMP && p->frag)
		return xlat_fail(err, XLAT_DROP_ICMP_FRAGMENT);
	if (p->proto == IPPROTO_ICMP && p->l4len) {
		p->icmp_err = !skb_copy_bits(skb, p->ihl, &type, 1) &&
			      icmp_is_err(type);
	}

	v = xlat_46_addrs(skb, cfg, iph, p->icmp_err, hairpin, &p->ip6, err);
	if (v != XLAT_OK)
		return v;
	if (p->l4) {
		v = xlat_csum_resolve(skb, p->ihl, p->proto, err);
		if (v != XLAT_OK)
			return v;
		iph = ip_hdr(skb);
		v = xlat_46_l4(skb, cfg, p, err);
		if (v != XLAT_OK)
			return v;
	}

	proto6 = p->proto == IPPROTO_ICMP ? IPPROTO_ICMPV6 : p->proto;
	/* tclass zero clears the DSCP; ECN is end to end (RFC 3168
	 * section 9).
	 */
	ip6_flow_hdr(&p->ip6, cfg->tclass == XLAT_TCLASS_ZERO ?
		     iph->tos & INET_ECN_MASK : iph->tos, 0);
	p->ip6.hop_limit = iph->ttl;
	if (p->frag) {
		/* Section 4.1, fragments: RFC 8021, no atomic fragments. */
		p->ip6.nexthdr = NEXTHDR_FRAGMENT;
		p->ip6.payload_len = htons(p->l4len + sizeof(struct frag_hdr));
		p->fh.nexthdr = proto6;
		p->fh.frag_off = htons(((frag_off & IP_OFFSET) << 3) |
				       (frag_off & IP_MF ? IP6_MF : 0));
		p->fh.identification = htonl(ntohs(iph->id));
	} else {
		p->ip6.nexthdr = proto6;
		p->ip6.payload_len = htons(p->l4len);
	}
	return XLAT_OK;
}

/*
 * Section 4.5: the pseudo-header changes by @p->csum_diff; the rest of the
 * sum does not.
 */
static void xlat_46_csum(struct sk_buff *skb, const struct xlat_46_plan *p)
{
	const struct ipv6hdr *ip6 = &p->ip6;
	void *l4 = skb->data + p->ihl;
	__wsum diff = p->csum_diff;
	struct icmphdr *ih;
	struct udphdr *uh;
	struct tcphdr *th;

	switch (p->proto) {
	case IPPROTO_TCP:
		th = l4;
		inet_proto_csum_replace_by_diff(&th->check, skb, diff, true,
						true);
		break;
	case IPPROTO_UDP:
		uh = l4;
		if (p->udp_zero) {
			uh->check = csum_ipv6_magic(&ip6->saddr, &ip6->daddr,
						    p->l4len, IPPROTO_UDP,
						    skb_checksum(skb, p->ihl,
								 p->l4len, 0));
		} else {
			inet_proto_csum_replace_by_diff(&uh->check, skb, diff,
							true, true);
			if (skb->ip_summed == CHECKSUM_PARTIAL)
				break;
		}
		if (!uh->check)
			uh->check = CSUM_MANGLED_0;
		break;
	case IPPROTO_ICMP:
		/*
		 * Section 4.2: the type changes and ICMPv6 covers a
		 * pseudo-header. An incremental update (RFC 1624) leaves a
		 * corrupt checksum exactly as corrupt.
		 */
		ih = l4;
		csum_replace2(&ih->checksum, htons(ih->type << 8),
			      htons(p->icmp6_type << 8));
		ih->type = p->icmp6_type;
		xlat_icmp_pseudo(&ih->checksum, ip6, p->l4len, true);
		break;
	}
}

static int xlat_46_apply(struct sk_buff *skb, const struct xlat_46_plan *p)
{
	unsigned int hlen6 = sizeof(struct ipv6hdr) +
			     (p->frag ? sizeof(struct frag_hdr) : 0);

	if (p->proto == IPPROTO_ICMP && skb->ip_summed == CHECKSUM_PARTIAL &&
	    skb_checksum_help(skb))
		return -ENOMEM;
	if (skb_ensure_writable(skb, p->ihl +
				(p->l4 && !p->csum_same ? p->l4need : 0)))
		return -ENOMEM;
	if (hlen6 > p->ihl && skb_cow_head(skb, hlen6 - p->ihl))
		return -ENOMEM;

	if (p->l4 && !p->csum_same)
		xlat_46_csum(skb, p);

	__skb_pull(skb, p->ihl);
	skb_push(skb, hlen6);
	skb_reset_network_header(skb);
	memcpy(skb->data, &p->ip6, sizeof(p->ip6));
	if (p->frag)
		memcpy(skb->data + sizeof(p->ip6), &p->fh, sizeof(p->fh));
	/* Where ipv6_rcv() puts it: right after the fixed header, so that a
	 * fragment delivered to this host reaches ipv6_frag_rcv() at its
	 * Fragment Header.
	 */
	skb_set_transport_header(skb, sizeof(struct ipv6hdr));
	skb->protocol = htons(ETH_P_IPV6);
	xlat_gso_swap(skb, true);
	/* The sum over the packet changed with its header. */
	if (skb->ip_summed == CHECKSUM_COMPLETE)
		skb->ip_summed = CHECKSUM_NONE;
	return 0;
}

/**
 * xlat_46_build() - hold a planned packet to its size limit and write it
 * @net: namespace of the encap
 * @skb: the packet xlat_46_plan() planned
 * @cfg: configuration of the encap
 * @p: the plan
 * @pm: the size limit of the IPv6 side and what the glue knows of the
 *	packet, or NULL for no limit
 * @err: on failure, the drop reason and the ICMPv4 error to send, if any
 *
 * On failure before any change the packet is as it arrived, so the ICMPv4
 * error can quote it; a failure to allocate may leave it half-translated,
 * and never asks for an ICMP error.
 *
 * Return: %XLAT_OK when translated (then @pm->frag_size, if not 0, is the
 * size of the IPv6 fragments to cut, with @pm->frag_id in their Fragment
 * Headers), or another &enum xlat_verdict.
 */
enum xlat_verdict xlat_46_build(struct net *net, struct sk_buff *skb,
				const struct xlat_cfg *cfg,
				const struct xlat_46_plan *p,
				struct xlat_pmtu *pm, struct xlat_err *err)
{
	enum xlat_verdict v;

	if (pm) {
		v = xlat_46_fit(skb, cfg, p, ip_hdr(skb), pm, err);
		if (v != XLAT_OK)
			return v;
	}
	if (p->icmp_err)
		return xlat_46_icmp_err(net, skb, cfg, &p->ip6, p->ihl,
					pm && pm->hairpin, err);
	if (xlat_46_apply(skb, p))
		return xlat_fail(err, XLAT_DROP_NOMEM);
	return XLAT_OK;
}

/**
 * xlat_46() - translate an IPv4 packet to IPv6 in place
 * @net: namespace of the encap
 * @skb: the packet, network header at skb->data
 * @cfg: configuration of the encap
 * @fwd: the packet is being forwarded (not locally generated)
 * @pm: the size limit of the IPv6 side (@pm->mtu) and what the glue knows
 *	of the packet, or NULL for neither
 * @err: on failure, the drop reason and the ICMPv4 error to send, if any
 *
 * xlat_46_plan() and xlat_46_build() in one, for a caller that knows the
 * MTU beforehand (the second half of a hairpin, KUnit).
 *
 * Return: as xlat_46_build().
 */
enum xlat_verdict xlat_46(struct net *net, struct sk_buff *skb,
			  const struct xlat_cfg *cfg, bool fwd,
			  struct xlat_pmtu *pm, struct xlat_err *err)
{
	struct xlat_46_plan p;
	enum xlat_verdict v;

	v = xlat_46_plan(net, skb, cfg, fwd, pm, &p, err);
	if (v != XLAT_OK)
		return v;
	return xlat_46_build(net, skb, cfg, &p, pm, err);
}
