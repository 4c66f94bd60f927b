// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: translation of GSO packets without segmenting them.
 *
 * A TCP or UDP (UDP_L4) super-packet, from GRO on a forwarding path or
 * from TSO/USO of a local socket, is translated once: its headers are
 * those of the first segment, so the address and header rules apply as
 * they are, the CHECKSUM_PARTIAL seed is moved to the new pseudo-header
 * (xlat_46.c, xlat_64.c), and the GSO type changes family here. The
 * payload is neither copied nor linearized. Segmentation happens later,
 * in the device or in software at the egress, as for any packet of the
 * new family.
 *
 * What this cannot carry over, such as tunnels inside, fragment lists or
 * segments that would no longer fit the other side, is segmented in
 * software before translation instead (xlat_lwt.c).
 */

#include <linux/skbuff.h>
#include <linux/tcp.h>
#include <linux/udp.h>

#include "xlat.h"

/* The GSO types translated as they are; any other bit means software. */
#define XLAT_GSO_TYPES	(SKB_GSO_TCPV4 | SKB_GSO_TCPV6 | SKB_GSO_TCP_ECN | \
			 SKB_GSO_TCP_FIXEDID | SKB_GSO_UDP_L4 | SKB_GSO_DODGY)

/**
 * xlat_gso_supported() - can this GSO packet be translated whole
 * @skb: a GSO packet
 *
 * Return: true for TCP and UDP_L4 super-packets with a partial checksum
 * and no fragment list.
 */
bool xlat_gso_supported(const struct sk_buff *skb)
{
	const struct skb_shared_info *si = skb_shinfo(skb);

	return !(si->gso_type & ~XLAT_GSO_TYPES) &&
	       si->gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6 | SKB_GSO_UDP_L4) &&
	       skb->ip_summed == CHECKSUM_PARTIAL && !skb_has_frag_list(skb);
}

/**
 * xlat_gso_l4seg() - transport bytes of one segment of a GSO packet
 * @skb: the packet
 * @l4off: offset of its transport header
 * @proto: its transport protocol
 *
 * Return: the transport header length plus gso_size, or 0 when @skb is not
 * a GSO packet (or its header cannot be read: then it is not translated
 * whole either way).
 */
unsigned int xlat_gso_l4seg(const struct sk_buff *skb, unsigned int l4off,
			    u8 proto)
{
	struct tcphdr thbuf;
	const struct tcphdr *th;

	if (!skb_is_gso(skb))
		return 0;
	if (proto == IPPROTO_UDP)
		return sizeof(struct udphdr) + skb_shinfo(skb)->gso_size;
	th = skb_header_pointer(skb, l4off, sizeof(thbuf), &thbuf);
	if (!th)
		return 0;
	return th->doff * 4 + skb_shinfo(skb)->gso_size;
}

/**
 * xlat_gso_swap() - the GSO type of a translated packet
 * @skb: the packet, now of the other family
 * @to6: it is now IPv6
 *
 * TCPV4 <-> TCPV6, keeping TCP_ECN; FIXEDID only has a meaning for IPv4.
 * UDP_L4 is the same in both families.
 */
void xlat_gso_swap(struct sk_buff *skb, bool to6)
{
	struct skb_shared_info *si = skb_shinfo(skb);

	if (!skb_is_gso(skb))
		return;
	if (to6 && si->gso_type & SKB_GSO_TCPV4) {
		si->gso_type &= ~(SKB_GSO_TCPV4 | SKB_GSO_TCP_FIXEDID);
		si->gso_type |= SKB_GSO_TCPV6;
	} else if (!to6 && si->gso_type & SKB_GSO_TCPV6) {
		si->gso_type &= ~SKB_GSO_TCPV6;
		si->gso_type |= SKB_GSO_TCPV4;
	}
}

/**
 * xlat_csum_resolve() - make a partial checksum this packet's own
 * @skb: the packet, network header at skb->data
 * @l4off: offset of its transport header
 * @proto: its transport protocol
 * @err: on failure, the drop reason
 *
 * CHECKSUM_PARTIAL stands for a pseudo-header seed in the TCP or UDP
 * header being translated only when csum_start is that header and
 * csum_offset its check field. A tunnel without GSO (VXLAN, Geneve, FOU)
 * leaves them on the inner header, and the outer UDP field holds 0 or a
 * complete checksum. The inner checksum is then completed here, so that
 * the outer one can be treated like that of any other packet: changing it
 * by the pseudo-header difference, or computing a zero one, sums bytes
 * that no longer change. Other protocols have no pseudo-header and leave
 * a partial checksum inside them alone.
 *
 * Return: %XLAT_OK; %XLAT_SEGMENT for a GSO packet, to be segmented in
 * software first (its segments have complete checksums); %XLAT_DROP when
 * the checksum could not be completed.
 */
enum xlat_verdict xlat_csum_resolve(struct sk_buff *skb, unsigned int l4off,
				    u8 proto, struct xlat_err *err)
{
	unsigned int field;

	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return XLAT_OK;
	switch (proto) {
	case IPPROTO_TCP:
		field = offsetof(struct tcphdr, check);
		break;
	case IPPROTO_UDP:
		field = offsetof(struct udphdr, check);
		break;
	default:
		return XLAT_OK;
	}
	if (skb_checksum_start_offset(skb) == l4off &&
	    skb->csum_offset == field)
		return XLAT_OK;
	if (skb_is_gso(skb))
		return XLAT_SEGMENT;
	if (skb_checksum_help(skb))
		return xlat_fail(err, XLAT_DROP_NOMEM);
	return XLAT_OK;
}
