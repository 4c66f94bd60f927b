// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: bounded reassembly of the fragments whose translation needs the
 * whole datagram (SPEC.md, "Transport").
 *
 * - ICMP and ICMPv6: the ICMPv6 checksum covers a pseudo-header and the
 *   whole message, so the checksum of a fragmented echo cannot be converted
 *   fragment by fragment (RFC 7915 sections 4.2 and 5.2 leave such packets
 *   to the implementation).
 * - UDPv4: a zero checksum must be computed over the whole datagram before
 *   it can enter IPv6 (RFC 7915 section 4.5). Only the first fragment
 *   shows the checksum, so every UDPv4 fragment is held until its datagram
 *   is complete.
 *
 * The kernel's own reassembly does the work, in queues of their own
 * (IP_DEFRAG_XLAT, IP6_DEFRAG_XLAT) with the memory and time limits of the
 * namespace: net.ipv4.ipfrag_high_thresh and ipfrag_time for IPv4,
 * net.netfilter.nf_conntrack_frag6_high_thresh and nf_conntrack_frag6_timeout
 * for IPv6. What those limits evict or time out is counted by the kernel
 * (ReasmFails, ReasmTimeout in /proc/net/snmp and /proc/net/snmp6); what
 * the reassembly refuses outright is counted here as reassembly-failed.
 * The datagram is then translated whole and fragmented again to fit.
 */

#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/ipv6_frag.h>
#include <net/netfilter/ipv6/nf_defrag_ipv6.h>

#include "xlat.h"

/* Bounded walk of the unfragmentable extension headers. */
#define XLAT_FRAG_MAX_EXTHDRS	8

static bool xlat_defrag4_wanted(struct sk_buff *skb)
{
	const struct iphdr *iph;

	if (!pskb_may_pull(skb, sizeof(*iph)))
		return false;
	iph = ip_hdr(skb);
	return ip_is_fragment(iph) &&
	       (iph->protocol == IPPROTO_ICMP || iph->protocol == IPPROTO_UDP);
}

/* An IPv6 fragment of an ICMPv6 message. */
static bool xlat_defrag6_wanted(const struct sk_buff *skb)
{
	unsigned int off = sizeof(struct ipv6hdr), i;
	u8 nexthdr, buf[2];
	const u8 *h;

	if (skb->len < off)
		return false;
	nexthdr = ipv6_hdr(skb)->nexthdr;
	for (i = 0; i < XLAT_FRAG_MAX_EXTHDRS; i++) {
		h = skb_header_pointer(skb, off, sizeof(buf), buf);
		if (!h)
			return false;
		switch (nexthdr) {
		case NEXTHDR_FRAGMENT:
			return h[0] == IPPROTO_ICMPV6;
		case NEXTHDR_HOP:
		case NEXTHDR_DEST:
		case NEXTHDR_ROUTING:
			nexthdr = h[0];
			off += (h[1] + 1) * 8;
			break;
		default:
			return false;
		}
	}
	return false;
}

/**
 * xlat_defrag() - hold the fragments that must be translated whole
 * @net: namespace
 * @xl: the encap
 * @skb: the packet; on 0 it may have become the reassembled datagram
 *
 * Return: 1 when @skb is now a reassembled datagram, 0 to translate it as
 * it is; -EINPROGRESS when it was queued until its datagram is complete;
 * another negative error when it was dropped (and counted).
 */
int xlat_defrag(struct net *net, struct xlat_lwt *xl, struct sk_buff *skb)
{
	int ret;

	if (xl->dir == XLAT_46) {
		if (!xlat_defrag4_wanted(skb))
			return 0;
		skb_orphan(skb);
		ret = ip_defrag(net, skb, IP_DEFRAG_XLAT);
		if (ret && ret != -EINPROGRESS) {
			/* ip_defrag() has freed it. */
			xlat_drop(net, xl, NULL, XLAT_DROP_REASM);
		}
		return ret ?: 1;
	}

#if IS_ENABLED(CONFIG_NF_DEFRAG_IPV6)
	if (!xlat_defrag6_wanted(skb))
		return 0;
	IP6CB(skb)->frag_max_size = 0;
	ret = nf_ct_frag6_gather(net, skb, IP6_DEFRAG_XLAT);
	if (ret && ret != -EINPROGRESS)
		xlat_drop(net, xl, skb, XLAT_DROP_REASM);
	/* 0 also when it let the packet through untouched. */
	return ret ?: !!IP6CB(skb)->frag_max_size;
#else
	return 0;
#endif
}
