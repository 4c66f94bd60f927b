// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: bounded reassembly of the fragments whose translation needs the
 * whole datagram (Documentation/networking/xlat.rst, "Reassembly").
 *
 * - ICMP and ICMPv6: the ICMPv6 checksum covers a pseudo-header and the
 *   whole message, so the checksum of a fragmented echo cannot be converted
 *   fragment by fragment (RFC 7915 sections 4.2 and 5.2 leave such packets
 *   to the implementation).
 * - UDPv4, on routes that say udp-zero-checksum compute: a zero checksum
 *   must be computed over the whole datagram before it can enter IPv6
 *   (RFC 7915 section 4.5). Only the first fragment shows the checksum, so
 *   every UDPv4 fragment is held until its datagram is complete. Without
 *   that attribute, UDPv4 fragments are translated one by one, as every
 *   other fragment is (RFC 7915 sections 4.1, 5.1.1), and a zero-checksum
 *   first fragment is refused (xlat_46.c).
 *
 * An IPv6 atomic fragment (RFC 6946) is a whole message and is translated
 * as it is. The Identification of a reassembled IPv6 datagram is kept for
 * its IPv4 header (RFC 7915 section 5.1.1).
 *
 * The kernel's own reassembly does the work, in queues of their own
 * (IP_DEFRAG_XLAT, IP6_DEFRAG_XLAT) with the memory and time limits of the
 * namespace: net.ipv4.ipfrag_high_thresh and ipfrag_time for IPv4,
 * net.netfilter.nf_conntrack_frag6_high_thresh and nf_conntrack_frag6_timeout
 * for IPv6. What those limits evict or time out is counted by the kernel
 * (ReasmFails, ReasmTimeout in /proc/net/snmp and /proc/net/snmp6); what
 * the reassembly refuses outright is counted here as reassembly-failed.
 * The datagram is then translated whole and fragmented again to fit, with
 * the Identification it came with.
 */

#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/ipv6_frag.h>
#include <net/netfilter/ipv6/nf_defrag_ipv6.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "xlat.h"

static bool xlat_defrag4_wanted(const struct xlat_cfg *cfg,
				struct sk_buff *skb)
{
	const struct iphdr *iph;

	if (!pskb_may_pull(skb, sizeof(*iph)))
		return false;
	iph = ip_hdr(skb);
	if (!ip_is_fragment(iph))
		return false;
	if (iph->protocol == IPPROTO_ICMP)
		return true;
	return iph->protocol == IPPROTO_UDP &&
	       cfg->present & XLAT_CFG_UDP_ZERO_CSUM &&
	       cfg->udp_zero_csum == XLAT_UDP_ZERO_CSUM_COMPUTE;
}

/* A fragment of an ICMPv6 message, but an atomic one; its Identification. */
static bool xlat_defrag6_wanted(const struct sk_buff *skb, __be32 *id)
{
	struct xlat_chain c;

	if (xlat_ipv6_chain(skb, 0, skb->len, false, &c) != XLAT_CHAIN_OK ||
	    !c.frag || c.proto != IPPROTO_ICMPV6 ||
	    !(c.frag_off & (IP6_OFFSET | IP6_MF)))
		return false;
	*id = c.id;
	return true;
}

/**
 * xlat_defrag() - hold the fragments that must be translated whole
 * @net: namespace
 * @xl: the encap
 * @skb: the packet; on 1 it has become the reassembled datagram
 * @id: 6->4, on 1: the Identification of the Fragment Headers
 *
 * Return: 1 when @skb is now a reassembled datagram, 0 to translate it as
 * it is; -EINPROGRESS when it was queued until its datagram is complete;
 * another negative error when it was dropped (and counted).
 */
int xlat_defrag(struct net *net, struct xlat_lwt *xl, struct sk_buff *skb,
		__be32 *id)
{
	int ret;

	if (xlat_pkt_dir(xl, skb) == XLAT_46) {
		if (!xlat_defrag4_wanted(xl->cfg, skb))
			return 0;
		skb_orphan(skb);
		ret = ip_defrag(net, skb, IP_DEFRAG_XLAT);
		if (ret && ret != -EINPROGRESS) {
			/* ip_defrag() has freed it. */
			xlat_drop(net, xl, NULL, XLAT_DROP_REASM);
		}
		return ret ?: 1;
	}

	if (!xlat_defrag6_wanted(skb, id))
		return 0;
	IP6CB(skb)->frag_max_size = 0;
	ret = nf_ct_frag6_gather(net, skb, IP6_DEFRAG_XLAT);
	if (ret && ret != -EINPROGRESS)
		xlat_drop(net, xl, skb, XLAT_DROP_REASM);
	/* 0 also when it let the packet through untouched. */
	return ret ?: !!IP6CB(skb)->frag_max_size;
}

/**
 * xlat_fragment6() - cut a translated IPv6 packet into fragments
 * @net: namespace
 * @sk: socket of a locally generated packet, or NULL
 * @skb: the packet: an IPv6 header and its upper layer, with its route
 * @mtu: the size of each fragment, IPv6 header included
 * @id: the Identification of their Fragment Headers
 * @output: what to do with each fragment
 *
 * RFC 7915 section 4.1: an IPv4 packet that may be fragmented (DF clear)
 * and does not fit the IPv6 side becomes IPv6 fragments whose Fragment
 * Header carries the IPv4 Identification, high-order 16 bits zero. The
 * kernel's own ip6_fragment() would pick a new one, so the fragments are
 * cut here with its helpers. @skb is consumed.
 *
 * Return: 0, or the first error of @output or of an allocation.
 */
int xlat_fragment6(struct net *net, struct sock *sk, struct sk_buff *skb,
		   unsigned int mtu, __be32 id,
		   int (*output)(struct net *, struct sock *, struct sk_buff *))
{
	const unsigned int hlen = sizeof(struct ipv6hdr);
	struct dst_entry *dst = skb_dst(skb);
	struct ip6_frag_state state;
	struct sk_buff *frag;
	int err = 0;

	if (skb->ip_summed == CHECKSUM_PARTIAL && skb_checksum_help(skb)) {
		kfree_skb(skb);
		return -ENOMEM;
	}
	ip6_frag_init(skb, hlen, mtu - hlen - sizeof(struct frag_hdr),
		      dst->dev->needed_tailroom, LL_RESERVED_SPACE(dst->dev),
		      &ipv6_hdr(skb)->nexthdr, ipv6_hdr(skb)->nexthdr, id,
		      &state);
	while (state.left > 0) {
		frag = ip6_frag_next(skb, &state);
		if (IS_ERR(frag)) {
			err = PTR_ERR(frag);
			break;
		}
		err = output(net, sk, frag);
		if (err)
			break;
	}
	if (err)
		kfree_skb(skb);
	else
		consume_skb(skb);
	return err;
}
