// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: translation of ICMP error messages (RFC 7915 sections 4.3 and
 * 5.3), with the packet they quote, the size caps and the RFC 4884 length.
 *
 * An error is small and rare, so it is rebuilt in a bounce buffer rather
 * than edited in place: the outer header and the ICMP header are written
 * from the plan made by xlat_46.c or xlat_64.c, the quoted packet is
 * translated header by header, its tail is copied, and the result replaces
 * the contents of the skb. Every read of the original goes through
 * skb_copy_bits() or a bounds-checked copy, whatever the lengths claim.
 */

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/jhash.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/unaligned.h>
#include <net/checksum.h>
#include <net/dsfield.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ip6_route.h>
#include <net/route.h>
#include <net/ipv6.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "xlat.h"
#include "xlat_icmp.h"

/*
 * RFC 7915 sections 4.3 and 5.3 (and RFC 4443 section 2.4 (c), RFC 1812
 * section 4.3.2.3): the translated error is no longer than the minimum
 * MTU of its family.
 */
#define XLAT_ICMP6_MAX		IPV6_MIN_MTU
#define XLAT_ICMP4_MAX		576

/* RFC 4884 section 4: the original datagram of a message with extensions
 * is at least 128 octets, zero padded.
 */
#define XLAT_RFC4884_MIN	128

/* The ICMP header: type, code, checksum and the 32-bit rest. */
#define XLAT_ICMP_HLEN		8

/* RFC 4884 section 7: the extension structure header, version 2. */
#define XLAT_ICMP_EXT_HLEN	4
#define XLAT_ICMP_EXT_VERSION	0x20

/*
 * draft-ietf-intarea-extended-icmp-nodeid: the Node Identification Object
 * (Class-Num 5), with only its IP Address Sub-Object (C-Type bit 5): the
 * object header, AFI 2 (IPv6) and 16 reserved bits, the address.
 */
#define XLAT_NODEID_CLASS	5
#define XLAT_NODEID_CTYPE_ADDR	0x04
#define XLAT_NODEID_AFI_IPV6	2
#define XLAT_NODEID_LEN		(4 + 4 + sizeof(struct in6_addr))

/**
 * struct xlat_quote - the packet quoted by an error
 * @off: offset of the quoted packet in the skb
 * @len: bytes of it to translate (the RFC 4884 original datagram)
 * @ext_off: offset of the RFC 4884 extension structure, when @ext_len
 * @ext_len: its length, 0 if there is none
 */
struct xlat_quote {
	unsigned int off;
	unsigned int len;
	unsigned int ext_off;
	unsigned int ext_len;
};

/*
 * The transport checksum of a quoted first fragment, for the new addresses
 * (RFC 7915 sections 4.3 and 5.3: "the translator MUST translate the IP/ICMP
 * headers"). Only the fields present in the quote are touched; a quoted
 * packet is cut short more often than not, so its sums are adjusted
 * incrementally (RFC 1624), never recomputed. @l4 holds @n bytes; @ip4 and
 * @ip6 are the quoted packet's headers before and after (@to6) or after
 * and before, @l4len the transport length its header declares.
 *
 * Return: 0, or -EINVAL for a quoted ICMP message that is not an echo.
 */
static int xlat_quote_l4(u8 proto, u8 *l4, unsigned int n, bool to6,
			 const struct iphdr *ip4, const struct ipv6hdr *ip6,
			 unsigned int l4len)
{
	struct icmphdr *ih = (struct icmphdr *)l4;
	struct udphdr *uh = (struct udphdr *)l4;
	struct tcphdr *th = (struct tcphdr *)l4;
	u8 type;

	switch (proto) {
	case IPPROTO_TCP:
		if (n >= offsetofend(struct tcphdr, check))
			csum_replace_by_diff(&th->check,
					     xlat_pseudo_diff(ip4, ip6, to6));
		return 0;
	case IPPROTO_UDP:
		/* Zero is "no checksum" and stays so in a quote. */
		if (n >= sizeof(*uh) && uh->check) {
			csum_replace_by_diff(&uh->check,
					     xlat_pseudo_diff(ip4, ip6, to6));
			if (!uh->check)
				uh->check = CSUM_MANGLED_0;
		}
		return 0;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		break;
	default:
		return 0;
	}

	/* ICMP: only an echo or echo reply can be quoted by an error. */
	if (n < offsetofend(struct icmphdr, checksum))
		return -EINVAL;
	if (!xlat_icmp_echo(ih->type, to6, &type))
		return -EINVAL;

	/* As for a packet, with the length the quoted header declares. */
	xlat_icmp_pseudo(&ih->checksum, ip6, l4len, to6);
	csum_replace2(&ih->checksum, htons(ih->type << 8), htons(type << 8));
	ih->type = type;
	return 0;
}

/*
 * RFC 4884 sections 4 and 5: the length of the original datagram, in
 * @unit-byte words, at byte @pos of an ICMP header. A length that leaves
 * bytes after it marks the extension structure; one below the 128 octets
 * the RFC asks for is taken as it is, as the reference translator does,
 * so that the extension of a sender that got the padding wrong survives.
 * Otherwise everything after the header is the original datagram.
 */
static void xlat_quote_find(const u8 *hdr, unsigned int pos, unsigned int unit,
			    unsigned int off, unsigned int msglen,
			    struct xlat_quote *q)
{
	unsigned int dlen = hdr[pos] * unit;

	q->off = off + XLAT_ICMP_HLEN;
	q->len = msglen - XLAT_ICMP_HLEN;
	q->ext_off = 0;
	q->ext_len = 0;
	if (!pos || !dlen || dlen >= q->len)
		return;
	q->ext_off = q->off + dlen;
	q->ext_len = q->len - dlen;
	q->len = dlen;
}

/*
 * The room for the translated original datagram in @room bytes of message
 * body, RFC 4884 and the size caps together (RFC 7915 sections 4.2, 5.2).
 * The extension is kept whole or not at all (@keep): it is kept when the
 * output type has a length attribute and at least the 128 octets of
 * datagram that RFC 4884 section 4 asks for fit beside it; the datagram is
 * then what is shortened.
 */
static unsigned int xlat_quote_room(unsigned int ext_len, bool ext_ok,
				    unsigned int room, unsigned int unit,
				    bool *keep)
{
	*keep = ext_ok && ext_len && room >= ext_len + XLAT_RFC4884_MIN;
	if (!*keep)
		return room;
	return rounddown(room - ext_len, unit);
}

/* An extension structure of version 2 whose checksum holds (RFC 4884 7). */
static bool xlat_quote_ext_valid(const struct sk_buff *skb,
				 const struct xlat_quote *q)
{
	u8 ver;

	return q->ext_len >= XLAT_ICMP_EXT_HLEN &&
	       !skb_copy_bits(skb, q->ext_off, &ver, 1) &&
	       (ver & 0xf0) == XLAT_ICMP_EXT_VERSION &&
	       !csum_fold(skb_checksum(skb, q->ext_off, q->ext_len, 0));
}

/*
 * draft-ietf-v6ops-icmpext-xlat-v6only-source: an ICMPv4 error whose IPv6
 * source had no IPv4 form carries that source in a Node Identification
 * Object, appended to the extension structure that starts at @buf + @ext
 * and ends at @end (a new one when they are equal); the structure's
 * checksum is computed again. Returns the new end.
 */
static unsigned int xlat_node_id_add(u8 *buf, unsigned int ext,
				     unsigned int end,
				     const struct in6_addr *node)
{
	u8 *o;

	if (ext == end) {
		buf[end] = XLAT_ICMP_EXT_VERSION;
		buf[end + 1] = 0;
		end += XLAT_ICMP_EXT_HLEN;
	}
	o = buf + end;
	put_unaligned_be16(XLAT_NODEID_LEN, o);
	o[2] = XLAT_NODEID_CLASS;
	o[3] = XLAT_NODEID_CTYPE_ADDR;
	put_unaligned_be16(XLAT_NODEID_AFI_IPV6, o + 4);
	put_unaligned_be16(0, o + 6);
	memcpy(o + 8, node, sizeof(*node));
	end += XLAT_NODEID_LEN;
	put_unaligned((__force __sum16)0, (__sum16 *)(buf + ext + 2));
	put_unaligned(csum_fold(csum_partial(buf + ext, end - ext, 0)),
		      (__sum16 *)(buf + ext + 2));
	return end;
}

/*
 * RFC 4884 section 4 on output: the @dlen bytes of translated datagram at
 * @buf + @at become a whole number of @unit-byte words, at least 128
 * octets: a longer one is cut to the word below (as the reference
 * translator does: the result never exceeds the room xlat_quote_room()
 * gave), a shorter one zero padded to 128. The extension follows. Returns
 * the new message end and stores the length attribute in *@words.
 */
static unsigned int xlat_quote_ext(const struct sk_buff *skb, u8 *buf,
				   unsigned int at, unsigned int dlen,
				   unsigned int unit,
				   const struct xlat_quote *q, u8 *words)
{
	unsigned int len = dlen >= XLAT_RFC4884_MIN ?
			   rounddown(dlen, unit) : XLAT_RFC4884_MIN;

	if (len > dlen)
		memset(buf + at + dlen, 0, len - dlen);
	if (skb_copy_bits(skb, q->ext_off, buf + at + len, q->ext_len)) {
		*words = 0;
		return at + dlen;
	}
	*words = len / unit;
	return at + len + q->ext_len;
}

/* Replace the contents of @skb by the @len bytes at @buf. */
static int xlat_icmp_replace(struct sk_buff *skb, const u8 *buf,
			     unsigned int len, __be16 proto,
			     unsigned int nhlen)
{
	int tail;

	if (skb->len > len && pskb_trim(skb, len))
		return -ENOMEM;
	if (skb_linearize(skb) || skb_unclone(skb, GFP_ATOMIC))
		return -ENOMEM;
	tail = len - skb->len;
	if (tail > 0) {
		if (skb_tailroom(skb) < tail &&
		    pskb_expand_head(skb, 0, tail - skb_tailroom(skb),
				     GFP_ATOMIC))
			return -ENOMEM;
		__skb_put(skb, tail);
	}
	memcpy(skb->data, buf, len);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, nhlen);
	skb->protocol = proto;
	skb->ip_summed = CHECKSUM_NONE;
	return 0;
}

/*
 * A Packet Too Big or Fragmentation Needed about a packet this encap
 * translated also tells this host the path MTU towards the quoted
 * destination: record it in the routes (route exceptions, with their
 * usual expiry), so that the next translated packets are cut, or refused
 * with an error of our own, before they leave (Documentation/networking/
 * xlat.rst, "ICMP errors"). The callers only get here once the quote has
 * been translated, so that its addresses map through this encap as those
 * of a packet it translated would, and when the error is addressed to the
 * quoted source: a forged error about a packet that never went this way
 * must not pin a destination at a small MTU.
 *
 * The kernel's helpers read the quoted header at skb->data, as the error
 * handlers of tunnels do. For IPv4 the quoted source is the translated
 * one, not an address of this host, which the output route lookup of
 * ipv4_update_pmtu() would insist on: the exception belongs to the
 * destination alone, so the lookup is made without a source.
 */
static void xlat_learn_pmtu(struct net *net, struct sk_buff *skb,
			    unsigned int inner, u32 mtu, bool v6)
{
	unsigned int hlen = v6 ? sizeof(struct ipv6hdr) : sizeof(struct iphdr);
	struct iphdr *iph;
	__be32 saddr;

	if (v6) {
		if (!pskb_may_pull(skb, inner + hlen))
			return;
		__skb_pull(skb, inner);
		ip6_update_pmtu(skb, net, htonl(mtu), 0, skb->mark,
				sock_net_uid(net, NULL));
		__skb_push(skb, inner);
		return;
	}
	if (mtu < IPV4_MIN_MTU || skb_ensure_writable(skb, inner + hlen))
		return;
	iph = (struct iphdr *)(skb->data + inner);
	saddr = iph->saddr;
	iph->saddr = 0;
	__skb_pull(skb, inner);
	ipv4_update_pmtu(skb, net, mtu, 0, 0);
	__skb_push(skb, inner);
	iph = (struct iphdr *)(skb->data + inner);
	iph->saddr = saddr;
}

/*
 * With local-map, every packet this encap translates has a near-side
 * address (xlat_46_addrs(), xlat_64_addrs()); a quote without one is about
 * a packet that did not go this way, and teaches no path MTU.
 */
static bool xlat_quote_near4(const struct xlat_cfg *cfg,
			     const struct iphdr *iph)
{
	struct in6_addr a;

	return !cfg->n_local ||
	       xlat_map_4to6(cfg, iph->saddr, &a) == XLAT_VIA_LOCAL ||
	       xlat_map_4to6(cfg, iph->daddr, &a) == XLAT_VIA_LOCAL;
}

static bool xlat_quote_near6(const struct xlat_cfg *cfg,
			     const struct ipv6hdr *ip6)
{
	__be32 a;

	return !cfg->n_local ||
	       xlat_map_6to4(cfg, &ip6->saddr, &a) == XLAT_VIA_LOCAL ||
	       xlat_map_6to4(cfg, &ip6->daddr, &a) == XLAT_VIA_LOCAL;
}

/* ------------------------------------------------------------- 4 -> 6 */

/*
 * The quoted IPv4 packet as IPv6 at @buf (room: @max bytes, at least 128):
 * returns the bytes written, or a negative error. In the second translation
 * of a hairpinned error the quoted destination keeps its RFC 6052 form
 * (see xlat_46_hairpin_src()).
 */
static int xlat_quote_46(const struct sk_buff *skb, const struct xlat_cfg *cfg,
			 const struct xlat_quote *q, bool hairpin, u8 *buf,
			 unsigned int max)
{
	enum xlat_via vd;
	struct ipv6hdr *ip6 = (struct ipv6hdr *)buf;
	unsigned int ihl, tot, hlen6, n, l4len;
	struct frag_hdr *fh;
	struct iphdr iph;
	u16 frag_off;
	u8 proto6;

	if (q->len < sizeof(iph) || skb_copy_bits(skb, q->off, &iph, sizeof(iph)))
		return -EINVAL;
	ihl = iph.ihl * 4;
	tot = ntohs(iph.tot_len);
	if (iph.version != 4 || ihl < sizeof(iph) || ihl > q->len || tot < ihl)
		return -EINVAL;
	frag_off = ntohs(iph.frag_off);

	memset(ip6, 0, sizeof(*ip6));
	if (hairpin)
		vd = xlat_map_4to6_prefix(cfg, iph.daddr, &ip6->daddr);
	else
		vd = xlat_map_4to6(cfg, iph.daddr, &ip6->daddr);
	if (vd == XLAT_VIA_NONE ||
	    xlat_map_4to6(cfg, iph.saddr, &ip6->saddr) == XLAT_VIA_NONE)
		return -EINVAL;
	proto6 = iph.protocol == IPPROTO_ICMP ? IPPROTO_ICMPV6 : iph.protocol;
	ip6_flow_hdr(ip6, cfg->tclass == XLAT_TCLASS_ZERO ? 0 : iph.tos, 0);
	ip6->hop_limit = iph.ttl;
	l4len = tot - ihl;
	hlen6 = sizeof(*ip6);
	if (frag_off & (IP_MF | IP_OFFSET)) {
		/* Section 4.1, as for the packet itself. */
		fh = (struct frag_hdr *)(buf + hlen6);
		fh->nexthdr = proto6;
		fh->reserved = 0;
		fh->frag_off = htons(((frag_off & IP_OFFSET) << 3) |
				     (frag_off & IP_MF ? IP6_MF : 0));
		fh->identification = htonl(ntohs(iph.id));
		ip6->nexthdr = NEXTHDR_FRAGMENT;
		hlen6 += sizeof(*fh);
	} else {
		ip6->nexthdr = proto6;
	}
	ip6->payload_len = htons(min_t(unsigned int,
				       l4len + hlen6 - sizeof(*ip6), U16_MAX));

	n = min(q->len - ihl, max - hlen6);
	if (skb_copy_bits(skb, q->off + ihl, buf + hlen6, n))
		return -EINVAL;
	if (!(frag_off & IP_OFFSET) &&
	    xlat_quote_l4(iph.protocol, buf + hlen6, n, true, &iph, ip6,
			  l4len))
		return -EINVAL;
	return hlen6 + n;
}

/* The rest-of-header of the ICMPv6 error (section 4.2). */
static int xlat_rest_46(const u8 *h4, u8 type6, u8 code6, u8 rest,
			__be16 inner_tot, u8 *h6)
{
	u32 ptr6;

	memset(h6 + 4, 0, 4);
	switch (rest) {
	case XLAT_ICMP_REST_MTU:
		put_unaligned_be32(xlat_icmp_mtu_46(get_unaligned_be16(h4 + 6),
						    ntohs(inner_tot), 0, 0),
				   h6 + 4);
		break;
	case XLAT_ICMP_REST_PTR:
		if (code6 == ICMPV6_UNK_NEXTHDR)
			ptr6 = XLAT_ICMP_PROTO_PTR6;
		else if (xlat_icmp_ptr_46(h4[4], &ptr6))
			return -EINVAL;
		put_unaligned_be32(ptr6, h6 + 4);
		break;
	}
	return 0;
}

/**
 * xlat_46_icmp_err() - translate an ICMPv4 error to ICMPv6 (section 4.3)
 * @net: namespace, whose routes learn the MTU of a Fragmentation Needed
 * @skb: the packet, a whole (unfragmented) IPv4 ICMP error
 * @cfg: configuration of the encap
 * @outer: the IPv6 header planned for the packet: addresses (an
 *	untranslatable source already replaced by icmp-source-pool6), traffic
 *	class, hop limit; the lengths and next header are set here
 * @ihl: length of the IPv4 header
 * @hairpin: the second translation of a hairpinned error (RFC 7757
 *	section 4.2.2): the quoted destination keeps its RFC 6052 form
 * @err: on failure, the drop reason (an error never answers an error)
 *
 * Return: %XLAT_OK with @skb holding the ICMPv6 error, or %XLAT_DROP.
 */
enum xlat_verdict xlat_46_icmp_err(struct net *net, struct sk_buff *skb,
				   const struct xlat_cfg *cfg,
				   const struct ipv6hdr *outer,
				   unsigned int ihl, bool hairpin,
				   struct xlat_err *err)
{
	unsigned int msglen = skb->len - ihl, end;
	u8 h4[XLAT_ICMP_HLEN], type6, code6, rest, words;
	const unsigned int at = sizeof(*outer) + XLAT_ICMP_HLEN;
	struct xlat_quote q;
	struct ipv6hdr *ip6;
	unsigned int room;
	struct iphdr inner;
	u8 *buf, *h6;
	bool ext;
	enum xlat_verdict v = XLAT_DROP;
	int n;

	if (msglen < XLAT_ICMP_HLEN + sizeof(inner) ||
	    skb_copy_bits(skb, ihl, h4, sizeof(h4)) ||
	    skb_copy_bits(skb, ihl + XLAT_ICMP_HLEN, &inner, sizeof(inner)))
		return xlat_fail(err, XLAT_DROP_ICMP_INNER);
	/* The checksum is computed anew: a corrupt one must not be hidden. */
	if (csum_fold(skb_checksum(skb, ihl, msglen, 0)))
		return xlat_fail(err, XLAT_DROP_ICMP_CHECKSUM);
	if (xlat_icmp_map_46(h4[0], h4[1], &type6, &code6, &rest) !=
	    XLAT_ICMP_ERROR)
		return xlat_fail(err, XLAT_DROP_ICMP_TYPE);

	/* RFC 4884 section 4.1: the length is byte 5 of Destination
	 * Unreachable, Time Exceeded and Parameter Problem.
	 */
	xlat_quote_find(h4, 5, 4, ihl, msglen, &q);

	buf = kmalloc(XLAT_ICMP6_MAX, GFP_ATOMIC);
	if (!buf)
		return xlat_fail(err, XLAT_DROP_NOMEM);
	ip6 = (struct ipv6hdr *)buf;
	h6 = buf + sizeof(*ip6);
	memcpy(ip6, outer, sizeof(*ip6));
	ip6->nexthdr = IPPROTO_ICMPV6;
	h6[0] = type6;
	h6[1] = code6;
	h6[2] = 0;
	h6[3] = 0;
	if (xlat_rest_46(h4, type6, code6, rest, inner.tot_len, h6)) {
		xlat_fail(err, XLAT_DROP_ICMP_TYPE);
		goto out;
	}

	/* RFC 4884 section 4.1: ICMPv6 Destination Unreachable and Time
	 * Exceeded carry the length, in 64-bit words, in byte 4.
	 */
	room = xlat_quote_room(q.ext_len, type6 == ICMPV6_DEST_UNREACH ||
			       type6 == ICMPV6_TIME_EXCEED,
			       XLAT_ICMP6_MAX - at, 8, &ext);
	n = xlat_quote_46(skb, cfg, &q, hairpin, buf + at, room);
	if (n < 0) {
		xlat_fail(err, XLAT_DROP_ICMP_INNER);
		goto out;
	}
	if (rest == XLAT_ICMP_REST_MTU && get_unaligned_be16(h4 + 6) &&
	    ip_hdr(skb)->daddr == inner.saddr &&
	    xlat_quote_near4(cfg, &inner))
		xlat_learn_pmtu(net, skb, q.off, get_unaligned_be16(h4 + 6),
				false);
	end = at + n;
	if (ext) {
		end = xlat_quote_ext(skb, buf, at, n, 8, &q, &words);
		h6[4] = words;
	}

	ip6->payload_len = htons(end - sizeof(*ip6));
	put_unaligned((__force __sum16)0, (__sum16 *)(h6 + 2));
	put_unaligned(csum_ipv6_magic(&ip6->saddr, &ip6->daddr,
				      end - sizeof(*ip6), IPPROTO_ICMPV6,
				      csum_partial(h6, end - sizeof(*ip6), 0)),
		      (__sum16 *)(h6 + 2));

	if (xlat_icmp_replace(skb, buf, end, htons(ETH_P_IPV6), sizeof(*ip6)))
		xlat_fail(err, XLAT_DROP_NOMEM);
	else
		v = XLAT_OK;
out:
	kfree(buf);
	return v;
}

/* ------------------------------------------------------------- 6 -> 4 */

/*
 * The quoted IPv6 packet as IPv4 at @buf; see xlat_quote_46(). @in holds
 * the first @inlen bytes of the quote. *@hairpin is set when the quoted
 * source is an RFC 6052 address of a host that local-map or eam puts on
 * the IPv6 side: the error goes back to IPv6 at once (RFC 7757 section
 * 4.2.2; see xlat_64_addrs()).
 */
static int xlat_quote_64(const struct sk_buff *skb, const struct xlat_cfg *cfg,
			 const struct xlat_quote *q, const u8 *in,
			 unsigned int inlen, u8 *buf, unsigned int max,
			 bool *hairpin)
{
	const struct ipv6hdr *ip6 = (const struct ipv6hdr *)in;
	struct iphdr *iph = (struct iphdr *)buf;
	unsigned int off, n, plen, l4len, tot;
	struct xlat_chain c;
	enum xlat_via vs;
	u16 frag_off;
	u8 nexthdr;

	/* As for a packet (xlat_64_exthdrs()), within what was quoted. */
	if (inlen < sizeof(*ip6) || ip6->version != 6 ||
	    xlat_ipv6_chain(skb, q->off, inlen, false, &c) != XLAT_CHAIN_OK)
		return -EINVAL;
	off = c.l4off;
	nexthdr = c.proto;
	frag_off = c.frag_off;
	plen = ntohs(ip6->payload_len);
	if (plen + sizeof(*ip6) < off)
		return -EINVAL;
	l4len = plen + sizeof(*ip6) - off;
	tot = sizeof(*iph) + l4len;

	memset(iph, 0, sizeof(*iph));
	vs = xlat_map_6to4(cfg, &ip6->saddr, &iph->saddr);
	if (vs == XLAT_VIA_NONE ||
	    xlat_map_6to4(cfg, &ip6->daddr, &iph->daddr) == XLAT_VIA_NONE)
		return -EINVAL;
	*hairpin = vs == XLAT_VIA_PREFIX && xlat_map_4to6_near(cfg, iph->saddr);
	iph->version = 4;
	iph->ihl = sizeof(*iph) / 4;
	iph->tos = cfg->present & XLAT_CFG_TOS4 ? cfg->tos4 :
		   ipv6_get_dsfield(ip6);
	iph->tot_len = htons(min_t(unsigned int, tot, U16_MAX));
	iph->ttl = ip6->hop_limit;
	iph->protocol = nexthdr == IPPROTO_ICMPV6 ? IPPROTO_ICMP : nexthdr;
	if (c.frag) {
		/* Section 5.1.1, as for the packet itself. */
		iph->id = htons(ntohl(c.id) & 0xffff);
		iph->frag_off = htons((frag_off >> 3) |
				      (frag_off & IP6_MF ? IP_MF : 0));
	} else if (tot > XLAT_64_DF_THRESHOLD) {
		/* Section 5.1; the quote's own Identification is unknown. */
		iph->frag_off = htons(IP_DF);
	}
	ip_send_check(iph);

	n = min(q->len - off, max - (unsigned int)sizeof(*iph));
	if (skb_copy_bits(skb, q->off + off, buf + sizeof(*iph), n))
		return -EINVAL;
	if (!(frag_off & IP6_OFFSET) &&
	    xlat_quote_l4(nexthdr, buf + sizeof(*iph), n, false, iph, ip6,
			  l4len))
		return -EINVAL;
	return sizeof(*iph) + n;
}

/* The rest-of-header of the ICMPv4 error (section 5.2). */
static int xlat_rest_64(const u8 *h6, u8 rest, u8 *h4)
{
	u8 ptr4;

	memset(h4 + 4, 0, 4);
	switch (rest) {
	case XLAT_ICMP_REST_MTU:
		put_unaligned_be16(xlat_icmp_mtu_64(get_unaligned_be32(h6 + 4),
						    0, 0),
				   h4 + 6);
		break;
	case XLAT_ICMP_REST_PTR:
		if (xlat_icmp_ptr_64(get_unaligned_be32(h6 + 4), &ptr4))
			return -EINVAL;
		h4[4] = ptr4;
		break;
	}
	return 0;
}

/**
 * xlat_64_icmp_err() - translate an ICMPv6 error to ICMPv4 (section 5.3)
 * @net: namespace, for the Identification of the outer header and the
 *	path MTU that a Packet Too Big teaches
 * @skb: the packet, an unfragmented ICMPv6 error
 * @cfg: configuration of the encap
 * @outer: the IPv4 header planned for the packet: addresses (an
 *	untranslatable source already taken from icmp-source-pool4), TOS,
 *	TTL; lengths, flags and checksum are set here
 * @l4off: offset of the ICMPv6 header
 * @keep_id: @outer carries the Identification of a Fragment Header (an
 *	atomic fragment, RFC 7915 section 5.1.1); otherwise one is picked
 * @node: the IPv6 source, when the error's IPv4 source comes from
 *	icmp-source-pool4 and icmp-node-id is on; else NULL
 * @hairpin: set when the error is to be translated back to IPv6 at once
 *	(see xlat_quote_64())
 * @err: on failure, the drop reason
 *
 * Return: %XLAT_OK with @skb holding the ICMPv4 error, or %XLAT_DROP.
 */
enum xlat_verdict xlat_64_icmp_err(struct net *net, struct sk_buff *skb,
				   const struct xlat_cfg *cfg,
				   const struct iphdr *outer,
				   unsigned int l4off, bool keep_id,
				   const struct in6_addr *node, bool *hairpin,
				   struct xlat_err *err)
{
	unsigned int msglen = skb->len - l4off, inlen, end, pos;
	const unsigned int at = sizeof(*outer) + XLAT_ICMP_HLEN;
	u8 h6[XLAT_ICMP_HLEN], type4, code4, rest, words;
	const struct ipv6hdr *ip6 = ipv6_hdr(skb);
	struct xlat_quote q;
	struct iphdr *iph;
	unsigned int room, ext_len;
	u8 *buf, *in, *h4;
	bool ext;
	enum xlat_verdict v = XLAT_DROP;
	int n;

	if (msglen < XLAT_ICMP_HLEN + sizeof(struct ipv6hdr) ||
	    skb_copy_bits(skb, l4off, h6, sizeof(h6)))
		return xlat_fail(err, XLAT_DROP_ICMP_INNER);
	if (csum_ipv6_magic(&ip6->saddr, &ip6->daddr, msglen, IPPROTO_ICMPV6,
			    skb_checksum(skb, l4off, msglen, 0)))
		return xlat_fail(err, XLAT_DROP_ICMP_CHECKSUM);
	if (xlat_icmp_map_64(h6[0], h6[1], &type4, &code4, &rest) !=
	    XLAT_ICMP_ERROR)
		return xlat_fail(err, XLAT_DROP_ICMP_TYPE);

	/* RFC 4884 section 4.1: byte 4 of ICMPv6 Destination Unreachable
	 * and Time Exceeded, in 64-bit words.
	 */
	pos = h6[0] == ICMPV6_DEST_UNREACH || h6[0] == ICMPV6_TIME_EXCEED ?
	      4 : 0;
	xlat_quote_find(h6, pos, 8, l4off, msglen, &q);

	/* The bounce buffer, then a copy of the head of the quote: as much
	 * as can end up in the result, plus its extension headers.
	 */
	inlen = min(q.len, XLAT_ICMP6_MAX);
	buf = kmalloc(XLAT_ICMP4_MAX + inlen, GFP_ATOMIC);
	if (!buf)
		return xlat_fail(err, XLAT_DROP_NOMEM);
	in = buf + XLAT_ICMP4_MAX;
	if (skb_copy_bits(skb, q.off, in, inlen)) {
		xlat_fail(err, XLAT_DROP_ICMP_INNER);
		goto out;
	}

	iph = (struct iphdr *)buf;
	h4 = buf + sizeof(*iph);
	memcpy(iph, outer, sizeof(*iph));
	iph->protocol = IPPROTO_ICMP;
	iph->frag_off = 0;
	h4[0] = type4;
	h4[1] = code4;
	h4[2] = 0;
	h4[3] = 0;
	if (xlat_rest_64(h6, rest, h4)) {
		xlat_fail(err, XLAT_DROP_ICMP_TYPE);
		goto out;
	}

	/* RFC 4884 section 4.1: byte 5 of ICMPv4 Destination Unreachable,
	 * Time Exceeded and Parameter Problem, in 32-bit words: every type
	 * this translation makes. The Node Identification Object goes into
	 * the extension structure the error has, if it is sound, or a new
	 * one.
	 */
	if (node && q.ext_len && !xlat_quote_ext_valid(skb, &q))
		node = NULL;
	ext_len = q.ext_len;
	if (node)
		ext_len += XLAT_NODEID_LEN + (q.ext_len ? 0 : XLAT_ICMP_EXT_HLEN);
	room = xlat_quote_room(ext_len, true, XLAT_ICMP4_MAX - at, 4, &ext);
	if (node && !ext) {
		/* No room for the object: the error's own extension first. */
		node = NULL;
		room = xlat_quote_room(q.ext_len, true, XLAT_ICMP4_MAX - at, 4,
				       &ext);
	}
	n = xlat_quote_64(skb, cfg, &q, in, inlen, buf + at, room, hairpin);
	if (n < 0) {
		xlat_fail(err, XLAT_DROP_ICMP_INNER);
		goto out;
	}
	if (rest == XLAT_ICMP_REST_MTU &&
	    ipv6_addr_equal(&ip6->daddr, &((struct ipv6hdr *)in)->saddr) &&
	    xlat_quote_near6(cfg, (struct ipv6hdr *)in))
		xlat_learn_pmtu(net, skb, q.off, get_unaligned_be32(h6 + 4),
				true);
	end = at + n;
	if (ext) {
		end = xlat_quote_ext(skb, buf, at, n, 4, &q, &words);
		if (words && node)
			end = xlat_node_id_add(buf, end - q.ext_len, end, node);
		h4[5] = words;
	}

	iph->tot_len = htons(end);
	if (!keep_id)
		__ip_select_ident(net, iph, 1);
	ip_send_check(iph);
	put_unaligned(csum_fold(csum_partial(h4, end - sizeof(*iph), 0)),
		      (__sum16 *)(h4 + 2));

	if (xlat_icmp_replace(skb, buf, end, htons(ETH_P_IP), sizeof(*iph)))
		xlat_fail(err, XLAT_DROP_NOMEM);
	else
		v = XLAT_OK;
out:
	kfree(buf);
	return v;
}

/**
 * xlat_icmp_pool4() - the source of a translated ICMPv4 error whose IPv6
 *	source has no mapping (RFC 6791)
 * @cfg: configuration of the encap
 * @src: the untranslatable IPv6 source
 *
 * icmp-source-pool4 (default 192.0.0.8/32, RFC 7600). In a larger pool the
 * address is picked by a hash of @src, so one router keeps one address and
 * traceroute output stays readable.
 *
 * Return: the IPv4 source.
 */
__be32 xlat_icmp_pool4(const struct xlat_cfg *cfg, const struct in6_addr *src)
{
	const struct xlat_pfx4 *p = &cfg->pool4;
	u32 host;

	/* xlat_cfg_parse() refuses a /0, which holds non-unicast ones. */
	if (!(cfg->present & XLAT_CFG_POOL4))
		return XLAT_DEFAULT_POOL4;
	if (p->len >= 32)
		return p->addr;
	host = jhash(src, sizeof(*src), 0) & (U32_MAX >> p->len);
	return p->addr | htonl(host);
}

/**
 * xlat_icmp_pool6() - the source of a translated ICMPv6 error whose IPv4
 *	source has no mapping
 * @cfg: configuration of the encap
 * @src: the untranslatable IPv4 source
 * @out: the IPv6 source
 *
 * icmp-source-pool6, when set; the host bits come from a hash of @src, as
 * in xlat_icmp_pool4().
 *
 * Return: true with @out set, false when no pool is configured.
 */
bool xlat_icmp_pool6(const struct xlat_cfg *cfg, __be32 src,
		     struct in6_addr *out)
{
	const struct xlat_pfx6 *p = &cfg->pool6;
	u32 h = jhash_1word((__force u32)src, 0);
	unsigned int i;

	if (!(cfg->present & XLAT_CFG_POOL6))
		return false;
	*out = p->addr;
	/* Hash bits into the last 32 bits below the prefix length. */
	for (i = max_t(unsigned int, p->len, 96); i < 128; i++)
		if (h & BIT(127 - i))
			out->s6_addr[i / 8] |= 0x80 >> (i % 8);
	return true;
}
