// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit: the packet mutations of the mutation test (xlat_fuzz_kunit.c),
 * and the plain reader of headers and checksums they and its checks use.
 *
 * A mutation acts on the packet or, half the time when it is an ICMP
 * error, on the packet it quotes: cut short at a header boundary, give or
 * take one byte, or anywhere; bit flips and extreme bytes; a length field
 * rewritten (IPv4 Total Length and IHL, IPv6 Payload Length and Hdr Ext
 * Len, UDP Length, the RFC 4884 length); the packet wrapped in an ICMP
 * error about it; an extension header inserted, first or last in the
 * chain, possibly claiming more than is there; a next header or protocol
 * field changed; fragment offset and flags, or a Fragment Header added;
 * bytes appended; ICMP type, code, MTU or pointer. xlat_fuzz_fix() then
 * puts lengths and checksums right, or not.
 */

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/minmax.h>
#include <linux/prandom.h>
#include <linux/string.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/unaligned.h>
#include <net/checksum.h>
#include <net/ip.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#include <net/ndisc.h>

#include "xlat_fuzz_kunit.h"

static bool xf_is_ext(u8 nh)
{
	return nh == NEXTHDR_HOP || nh == NEXTHDR_DEST ||
	       nh == NEXTHDR_ROUTING || nh == NEXTHDR_FRAGMENT;
}

static void xf_add16(u8 *field, unsigned int n)
{
	put_unaligned_be16(get_unaligned_be16(field) + n, field);
}

/**
 * xlat_fuzz_parse() - find the transport header, as xlat_46.c and
 *	xlat_64.c do
 * @p: an IPv4 or IPv6 packet
 * @len: the bytes at @p
 * @v6: it is IPv6
 * @strict: the declared length must fit in @len and bounds the headers;
 *	without, a quoted packet cut short is read as far as it goes
 * @l: the result
 *
 * Return: true when the headers add up.
 */
bool xlat_fuzz_parse(const u8 *p, unsigned int len, bool v6, bool strict,
		     struct xf_l4 *l)
{
	unsigned int end, n;
	u16 fo;
	u8 nh;

	memset(l, 0, sizeof(*l));
	if (len < (v6 ? sizeof(struct ipv6hdr) : sizeof(struct iphdr)) ||
	    p[0] >> 4 != (v6 ? 6 : 4))
		return false;
	l->whole = true;
	if (!v6) {
		l->off = (p[0] & 0xf) * 4;
		end = strict ? get_unaligned_be16(p + 2) : len;
		if (l->off < sizeof(struct iphdr) || l->off > end || end > len)
			return false;
		fo = get_unaligned_be16(p + 6);
		l->whole = !(fo & (IP_MF | IP_OFFSET));
		l->proto = p[9];
		l->nh[l->nnh++] = 9;
		l->len = end - l->off;
		return true;
	}
	end = strict ? sizeof(struct ipv6hdr) + get_unaligned_be16(p + 4) : len;
	if (end > len)
		return false;
	l->off = sizeof(struct ipv6hdr);
	l->nh[l->nnh++] = offsetof(struct ipv6hdr, nexthdr);
	nh = p[l->nh[0]];
	for (n = 0; n < XF_MAX_EXT && xf_is_ext(nh); n++) {
		if (l->off + 8 > end)
			return false;
		l->nh[l->nnh++] = l->off;
		if (nh == NEXTHDR_FRAGMENT) {
			/* The last header walked, as in xlat_64_exthdrs(). */
			fo = get_unaligned_be16(p + l->off + 2);
			l->whole = !(fo & (IP6_OFFSET | IP6_MF));
			l->frag = l->off;
			nh = p[l->off];
			l->off += sizeof(struct frag_hdr);
			break;
		}
		nh = p[l->off];
		l->off += (p[l->off + 1] + 1) * 8;
		if (l->off > end)
			return false;
	}
	l->proto = nh;
	l->len = end - l->off;
	return true;
}

/* The offset of the packet that an ICMP error at @p quotes, 0 if none. */
static unsigned int xf_inner(const u8 *p, unsigned int len, bool v6)
{
	struct xf_l4 l;
	u8 type;

	if (!xlat_fuzz_parse(p, len, v6, false, &l) || l.off + XF_ICMP_HLEN > len ||
	    l.proto != (v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP))
		return 0;
	type = p[l.off];
	if (v6 ? !icmpv6_is_err(type) : !icmp_is_err(type))
		return 0;
	return l.off + XF_ICMP_HLEN;
}

/**
 * xlat_fuzz_csum_off() - where the checksum of a transport header is
 * @proto: TCP, UDP, ICMP or ICMPv6
 *
 * Return: its offset in the header.
 */
unsigned int xlat_fuzz_csum_off(u8 proto)
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

/**
 * xlat_fuzz_csum() - verify a transport checksum
 * @p: the packet
 * @v6: it is IPv6
 * @l: its transport header, whole
 *
 * Return: the checksum over the pseudo-header (none for ICMPv4) and the
 * segment as it stands: 0 when it is valid.
 */
__sum16 xlat_fuzz_csum(const u8 *p, bool v6, const struct xf_l4 *l)
{
	__wsum sum = csum_partial(p + l->off, l->len, 0);

	if (v6)
		return csum_ipv6_magic((const struct in6_addr *)(p + 8),
				       (const struct in6_addr *)(p + 24),
				       l->len, l->proto, sum);
	if (l->proto == IPPROTO_ICMP)
		return csum_fold(sum);
	return csum_tcpudp_magic(get_unaligned((const __be32 *)(p + 12)),
				 get_unaligned((const __be32 *)(p + 16)),
				 l->len, l->proto, sum);
}

/**
 * xlat_fuzz_set_csum() - put a transport checksum right
 * @p: the packet, whole (not a fragment)
 * @len: its length
 * @v6: it is IPv6
 * @seed: write the pseudo-header sum that CHECKSUM_PARTIAL leaves in the
 *	field instead (TCP and UDP only)
 *
 * Return: true for a TCP, UDP or ICMP packet whose checksum was written.
 */
bool xlat_fuzz_set_csum(u8 *p, unsigned int len, bool v6, bool seed)
{
	unsigned int co;
	struct xf_l4 l;
	__sum16 sum;

	if (!xlat_fuzz_parse(p, len, v6, true, &l) || !l.whole)
		return false;
	switch (l.proto) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
		break;
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		if (!seed)
			break;
		fallthrough;
	default:
		return false;
	}
	co = xlat_fuzz_csum_off(l.proto);
	if (l.len < co + sizeof(sum))
		return false;
	memset(p + l.off + co, 0, sizeof(sum));
	if (seed && v6)
		sum = ~csum_ipv6_magic((const struct in6_addr *)(p + 8),
				       (const struct in6_addr *)(p + 24),
				       l.len, l.proto, 0);
	else if (seed)
		sum = ~csum_tcpudp_magic(get_unaligned((const __be32 *)(p + 12)),
					 get_unaligned((const __be32 *)(p + 16)),
					 l.len, l.proto, 0);
	else
		sum = xlat_fuzz_csum(p, v6, &l);
	if (!seed && !sum && l.proto == IPPROTO_UDP)
		sum = CSUM_MANGLED_0;
	put_unaligned(sum, (__sum16 *)(p + l.off + co));
	return true;
}

/* ------------------------------------------------------------ mutations */

/* A header to mutate: the packet's, or the one its ICMP error quotes. */
static unsigned int xf_pick(struct xf_case *c)
{
	unsigned int in = xf_inner(c->pkt, c->len, c->v6);

	return in && xf_one_in(c, 2) ? in : 0;
}

/* Cut the packet short at a header boundary, give or take one, or
 * anywhere.
 */
static void xf_cut(struct xf_case *c)
{
	unsigned int mark[8], n = 0, at, in;
	struct xf_l4 l;

	mark[n++] = c->v6 ? sizeof(struct ipv6hdr) : sizeof(struct iphdr);
	if (xlat_fuzz_parse(c->pkt, c->len, c->v6, false, &l)) {
		mark[n++] = l.off;
		mark[n++] = l.off + 4;
		mark[n++] = l.off + XF_ICMP_HLEN;
	}
	in = xf_inner(c->pkt, c->len, c->v6);
	if (in) {
		mark[n++] = in + mark[0];
		if (xlat_fuzz_parse(c->pkt + in, c->len - in, c->v6, false, &l)) {
			mark[n++] = in + l.off;
			mark[n++] = in + l.off + XF_ICMP_HLEN;
		}
	}
	if (xf_one_in(c, 3))
		at = xf_rand(c, c->len + 1);
	else
		at = mark[xf_rand(c, n)] + xf_rand(c, 3) - 1;
	if (at < c->len)
		c->len = at;
}

/* Flip bits, mostly in the headers. */
static void xf_flip(struct xf_case *c)
{
	unsigned int n = 1 + xf_rand(c, 4), at;

	while (c->len && n--) {
		at = xf_rand(c, xf_one_in(c, 4) ? c->len : min(c->len, 96U));
		c->pkt[at] ^= BIT(xf_rand(c, 8));
	}
}

/* A header byte takes an extreme value or any. */
static void xf_byte(struct xf_case *c)
{
	static const u8 val[] = { 0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff };
	unsigned int at;

	if (!c->len)
		return;
	at = xf_rand(c, min(c->len, 96U));
	c->pkt[at] = xf_one_in(c, 2) ? val[xf_rand(c, ARRAY_SIZE(val))] :
		     prandom_u32_state(&c->rnd);
}

/* A 16-bit length near @cur, or at an extreme. */
static u16 xf_len16(struct xf_case *c, u16 cur)
{
	switch (xf_rand(c, 9)) {
	case 0:
		return 0;
	case 1:
		return cur + 1;
	case 2:
		return cur - 1;
	case 3:
		return cur + 8 * (1 + xf_rand(c, 8));
	case 4:
		return cur - 8 * (1 + xf_rand(c, 8));
	case 5:
		return U16_MAX;
	case 6:
		return xf_rand(c, 64);
	case 7:
		return cur / 2;
	default:
		return prandom_u32_state(&c->rnd);
	}
}

/* Rewrite a length field of the packet or of the one it quotes. */
static void xf_len(struct xf_case *c)
{
	unsigned int h = xf_pick(c), avail = c->len - h, unit, at;
	u8 *p = c->pkt + h;
	struct xf_l4 l;
	bool ok = xlat_fuzz_parse(p, avail, c->v6, false, &l);

	switch (xf_rand(c, 5)) {
	case 0:
		/* IPv4 Total Length, IPv6 Payload Length */
		at = c->v6 ? offsetof(struct ipv6hdr, payload_len) :
			     offsetof(struct iphdr, tot_len);
		if (avail >= at + 2)
			put_unaligned_be16(xf_len16(c, get_unaligned_be16(p + at)),
					   p + at);
		break;
	case 1:
		/* IHL, or Hdr Ext Len of an extension header */
		if (!c->v6 && avail) {
			p[0] = (p[0] & 0xf0) | xf_rand(c, 16);
		} else if (ok && l.nnh > 1) {
			at = l.nh[1 + xf_rand(c, l.nnh - 1)] + 1;
			p[at] = xf_one_in(c, 2) ? p[at] + xf_rand(c, 3) - 1 :
				prandom_u32_state(&c->rnd);
		}
		break;
	case 2:
		/* UDP Length */
		if (ok && l.proto == IPPROTO_UDP && l.off + 6 <= avail)
			put_unaligned_be16(xf_len16(c, l.len), p + l.off + 4);
		break;
	default:
		/* RFC 4884 section 4.1: the length of the original datagram,
		 * byte 5 of an ICMPv4 error (32-bit words), byte 4 of an
		 * ICMPv6 one (64-bit words).
		 */
		if (!ok || l.off + XF_ICMP_HLEN > avail ||
		    l.proto != (c->v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP))
			break;
		unit = c->v6 ? 8 : 4;
		at = l.off + (c->v6 ? 4 : 5);
		switch (xf_rand(c, 4)) {
		case 0:
			p[at] = 128 / unit + xf_rand(c, 3) - 1;
			break;
		case 1:
			p[at] = (l.len - XF_ICMP_HLEN) / unit + xf_rand(c, 3) - 1;
			break;
		case 2:
			p[at] = xf_rand(c, 3);
			break;
		default:
			p[at] = prandom_u32_state(&c->rnd);
		}
	}
}

/*
 * Wrap the packet in an ICMP error about it, from its destination to its
 * source: an error about an error when it is one already.
 */
static void xf_nest(struct xf_case *c)
{
	static const u8 err4[][2] = {
		{ ICMP_DEST_UNREACH, ICMP_HOST_UNREACH },
		{ ICMP_DEST_UNREACH, ICMP_PROT_UNREACH },
		{ ICMP_DEST_UNREACH, ICMP_PORT_UNREACH },
		{ ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED },
		{ ICMP_DEST_UNREACH, ICMP_PKT_FILTERED },
		{ ICMP_TIME_EXCEEDED, ICMP_EXC_TTL },
		{ ICMP_PARAMETERPROB, 0 },
		{ ICMP_PARAMETERPROB, 2 },
	};
	static const u8 err6[][2] = {
		{ ICMPV6_DEST_UNREACH, ICMPV6_NOROUTE },
		{ ICMPV6_DEST_UNREACH, ICMPV6_ADM_PROHIBITED },
		{ ICMPV6_DEST_UNREACH, ICMPV6_PORT_UNREACH },
		{ ICMPV6_PKT_TOOBIG, 0 },
		{ ICMPV6_TIME_EXCEED, ICMPV6_EXC_HOPLIMIT },
		{ ICMPV6_PARAMPROB, ICMPV6_HDR_FIELD },
		{ ICMPV6_PARAMPROB, ICMPV6_UNK_NEXTHDR },
	};
	unsigned int hlen = c->v6 ? sizeof(struct ipv6hdr) : sizeof(struct iphdr);
	unsigned int n = min(c->len, XF_MAX - hlen - XF_ICMP_HLEN);
	u8 *p = c->pkt, *h = p + hlen, *q = h + XF_ICMP_HLEN;
	const u8 *t;

	memmove(q, p, n);
	memset(p, 0, hlen + XF_ICMP_HLEN);
	if (c->v6) {
		p[0] = 0x60;
		put_unaligned_be16(XF_ICMP_HLEN + n, p + 4);
		p[6] = IPPROTO_ICMPV6;
		p[7] = 64;
		if (n >= hlen) {
			memcpy(p + 8, q + 24, sizeof(struct in6_addr));
			memcpy(p + 24, q + 8, sizeof(struct in6_addr));
		}
		t = err6[xf_rand(c, ARRAY_SIZE(err6))];
	} else {
		p[0] = 0x45;
		put_unaligned_be16(hlen + XF_ICMP_HLEN + n, p + 2);
		p[8] = 64;
		p[9] = IPPROTO_ICMP;
		if (n >= hlen) {
			memcpy(p + 12, q + 16, sizeof(__be32));
			memcpy(p + 16, q + 12, sizeof(__be32));
		}
		t = err4[xf_rand(c, ARRAY_SIZE(err4))];
	}
	h[0] = t[0];
	h[1] = t[1];
	switch (xf_rand(c, 4)) {
	case 0:
		break;
	case 1:
		put_unaligned_be32(prandom_u32_state(&c->rnd), h + 4);
		break;
	case 2:
		/* an MTU */
		put_unaligned_be32(c->v6 ? 1280 + xf_rand(c, 300) :
				   68 + xf_rand(c, 1500), h + 4);
		break;
	default:
		/* a pointer */
		h[c->v6 ? 7 : 4] = xf_rand(c, 48);
	}
	c->len = hlen + XF_ICMP_HLEN + n;
	if (!c->v6)
		ip_send_check((struct iphdr *)p);
	xlat_fuzz_set_csum(p, c->len, c->v6, false);
}

/* A Fragment Offset and M flag, or reserved bits. */
static u16 xf_frag6(struct xf_case *c)
{
	static const u16 off[] = { 0, 1, 2, 185, 0x1fff };
	u16 fo = xf_one_in(c, 3) ? xf_rand(c, 0x2000) :
		 off[xf_rand(c, ARRAY_SIZE(off))];

	return fo << 3 | (xf_one_in(c, 2) ? IP6_MF : 0) |
	       (xf_one_in(c, 8) ? 6 : 0);
}

/* IPv4 flags and Fragment Offset. */
static u16 xf_frag4(struct xf_case *c)
{
	static const u16 flags[] = { 0, IP_DF, IP_MF, IP_DF | IP_MF, IP_CE };
	static const u16 off[] = { 0, 1, 2, 185, IP_OFFSET };

	return flags[xf_rand(c, ARRAY_SIZE(flags))] |
	       (xf_one_in(c, 3) ? xf_rand(c, IP_OFFSET + 1) :
				  off[xf_rand(c, ARRAY_SIZE(off))]);
}

/*
 * Insert an extension header of @type in the IPv6 header at @h: first in
 * the chain or last, before the transport header. A Hdr Ext Len may claim
 * more than is inserted.
 */
static void xf_insert_ext(struct xf_case *c, unsigned int h, u8 type)
{
	unsigned int size, at, nh, hel;
	u8 *p = c->pkt + h, *e;
	struct xf_l4 l;

	if (!c->v6 || !xlat_fuzz_parse(p, c->len - h, true, false, &l))
		return;
	if (xf_one_in(c, 2)) {
		at = sizeof(struct ipv6hdr);
		nh = offsetof(struct ipv6hdr, nexthdr);
	} else {
		at = l.off;
		nh = l.nh[l.nnh - 1];
	}
	hel = xf_one_in(c, 8) ? xf_rand(c, 256) : xf_rand(c, 3);
	size = type == NEXTHDR_FRAGMENT ? sizeof(struct frag_hdr) :
	       min((hel + 1) * 8, 32U);
	if (c->len + size > XF_MAX)
		return;
	memmove(p + at + size, p + at, c->len - h - at);
	e = p + at;
	prandom_bytes_state(&c->rnd, e, size);
	e[0] = p[nh];
	if (type == NEXTHDR_FRAGMENT) {
		e[1] = 0;
		put_unaligned_be16(xf_frag6(c), e + 2);
	} else {
		e[1] = hel;
		/* Segments Left: mostly zero, which is translated */
		if (type == NEXTHDR_ROUTING && !xf_one_in(c, 4))
			e[3] = 0;
	}
	p[nh] = type;
	c->len += size;
	xf_add16(p + offsetof(struct ipv6hdr, payload_len), size);
	if (h)
		xf_add16(c->pkt + offsetof(struct ipv6hdr, payload_len), size);
}

static void xf_ext(struct xf_case *c)
{
	static const u8 type[] = {
		NEXTHDR_HOP, NEXTHDR_DEST, NEXTHDR_ROUTING, NEXTHDR_FRAGMENT,
	};

	xf_insert_ext(c, xf_pick(c), type[xf_rand(c, ARRAY_SIZE(type))]);
}

/* A next header (IPv4: protocol) field of the chain takes a new value. */
static void xf_proto(struct xf_case *c)
{
	static const u8 proto[] = {
		NEXTHDR_HOP, IPPROTO_ICMP, IPPROTO_IPIP, IPPROTO_TCP,
		IPPROTO_UDP, IPPROTO_IPV6, NEXTHDR_ROUTING, NEXTHDR_FRAGMENT,
		NEXTHDR_ESP, NEXTHDR_AUTH, IPPROTO_ICMPV6, NEXTHDR_NONE,
		NEXTHDR_DEST, NEXTHDR_MOBILITY, 255,
	};
	unsigned int h = xf_pick(c);
	struct xf_l4 l;

	if (!xlat_fuzz_parse(c->pkt + h, c->len - h, c->v6, false, &l))
		return;
	c->pkt[h + l.nh[xf_rand(c, l.nnh)]] =
		xf_one_in(c, 4) ? prandom_u32_state(&c->rnd) :
				  proto[xf_rand(c, ARRAY_SIZE(proto))];
}

/* Fragment fields: the IPv4 ones, or an IPv6 Fragment Header's. */
static void xf_frag(struct xf_case *c)
{
	unsigned int h = xf_pick(c), avail = c->len - h;
	u8 *p = c->pkt + h;
	struct xf_l4 l;

	if (!c->v6) {
		if (avail >= offsetofend(struct iphdr, frag_off))
			put_unaligned_be16(xf_frag4(c), p + 6);
		return;
	}
	if (xlat_fuzz_parse(p, avail, true, false, &l) && l.frag &&
	    !xf_one_in(c, 4)) {
		put_unaligned_be16(xf_frag6(c), p + l.frag + 2);
		return;
	}
	xf_insert_ext(c, h, NEXTHDR_FRAGMENT);
}

/* Bytes after the end: trailing garbage, or payload if lengths follow. */
static void xf_grow(struct xf_case *c)
{
	unsigned int n = xf_one_in(c, 4) ? xf_rand(c, XF_MAX - c->len + 1) :
					   1 + xf_rand(c, 64);

	n = min(n, XF_MAX - c->len);
	if (xf_one_in(c, 2))
		memset(c->pkt + c->len, 0, n);
	else
		prandom_bytes_state(&c->rnd, c->pkt + c->len, n);
	c->len += n;
}

/* ICMP type, code, or the MTU or pointer after them. */
static void xf_icmp(struct xf_case *c)
{
	static const u8 type4[] = {
		ICMP_ECHOREPLY, ICMP_DEST_UNREACH, ICMP_SOURCE_QUENCH,
		ICMP_REDIRECT, ICMP_ECHO, ICMP_TIME_EXCEEDED,
		ICMP_PARAMETERPROB, ICMP_TIMESTAMP, ICMP_TIMESTAMPREPLY,
	};
	static const u8 type6[] = {
		ICMPV6_DEST_UNREACH, ICMPV6_PKT_TOOBIG, ICMPV6_TIME_EXCEED,
		ICMPV6_PARAMPROB, ICMPV6_ECHO_REQUEST, ICMPV6_ECHO_REPLY,
		ICMPV6_MGM_QUERY, NDISC_ROUTER_SOLICITATION,
		NDISC_NEIGHBOUR_SOLICITATION,
	};
	static const u32 rest[] = {
		0, 1, 68, 576, 1279, 1280, 1500, 65535, 65536, U32_MAX,
	};
	unsigned int h = xf_pick(c);
	u8 *p = c->pkt + h;
	struct xf_l4 l;

	if (!xlat_fuzz_parse(p, c->len - h, c->v6, false, &l) ||
	    l.off + XF_ICMP_HLEN > c->len - h ||
	    l.proto != (c->v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP))
		return;
	p += l.off;
	switch (xf_rand(c, 3)) {
	case 0:
		p[0] = c->v6 ? type6[xf_rand(c, ARRAY_SIZE(type6))] :
			       type4[xf_rand(c, ARRAY_SIZE(type4))];
		fallthrough;
	case 1:
		p[1] = xf_one_in(c, 4) ? prandom_u32_state(&c->rnd) :
					 xf_rand(c, 16);
		break;
	default:
		put_unaligned_be32(xf_one_in(c, 4) ? prandom_u32_state(&c->rnd) :
				   rest[xf_rand(c, ARRAY_SIZE(rest))], p + 4);
	}
}

/**
 * xlat_fuzz_mutate() - apply one mutation, chosen at random
 * @c: the case; @c->done records which
 */
void xlat_fuzz_mutate(struct xf_case *c)
{
	unsigned int m = xf_rand(c, XF_ICMP + 1);

	switch (m) {
	case XF_CUT:
		xf_cut(c);
		break;
	case XF_FLIP:
		xf_flip(c);
		break;
	case XF_BYTE:
		xf_byte(c);
		break;
	case XF_LEN:
		xf_len(c);
		break;
	case XF_NEST:
		xf_nest(c);
		break;
	case XF_EXT:
		xf_ext(c);
		break;
	case XF_PROTO:
		xf_proto(c);
		break;
	case XF_FRAG:
		xf_frag(c);
		break;
	case XF_GROW:
		xf_grow(c);
		break;
	default:
		xf_icmp(c);
	}
	c->done |= BIT(m);
}

/**
 * xlat_fuzz_fix() - put lengths and checksums right, or not
 * @c: the case
 *
 * A packet that fails the first checks tests only them. The IPv4 header
 * checksum, which the translation does not read, is always put right.
 */
void xlat_fuzz_fix(struct xf_case *c)
{
	unsigned int ihl;
	u8 *p = c->pkt;

	if (xf_one_in(c, 2)) {
		if (c->v6 && c->len >= sizeof(struct ipv6hdr))
			put_unaligned_be16(c->len - sizeof(struct ipv6hdr),
					   p + offsetof(struct ipv6hdr,
							payload_len));
		else if (!c->v6 && c->len >= sizeof(struct iphdr))
			put_unaligned_be16(c->len,
					   p + offsetof(struct iphdr, tot_len));
		c->done |= BIT(XF_FIX_LEN);
	}
	if (!xf_one_in(c, 4) && xlat_fuzz_set_csum(p, c->len, c->v6, false))
		c->done |= BIT(XF_FIX_CSUM);
	if (!c->v6 && c->len >= sizeof(struct iphdr)) {
		ihl = p[0] & 0xf;
		if (ihl >= 5 && ihl * 4 <= c->len) {
			memset(p + offsetof(struct iphdr, check), 0, 2);
			put_unaligned(ip_fast_csum(p, ihl),
				      (__sum16 *)(p + offsetof(struct iphdr,
							       check)));
		}
	}
}
