// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: the ICMP mapping arithmetic of RFC 7915.
 *
 * Type and code of ICMPv4 -> ICMPv6 (section 4.2) and ICMPv6 -> ICMPv4
 * (section 5.2), the Parameter Problem pointer (Figures 3 and 6) and the
 * MTU of Fragmentation Needed <-> Packet Too Big, with the RFC 1191
 * section 7 plateaus for an ICMPv4 router that leaves the MTU at zero.
 *
 * Everything here is a pure function of host-order integers; the packet
 * code in xlat_46.c and xlat_64.c applies the results.
 */

#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/stddef.h>

#include "xlat.h"
#include "xlat_icmp.h"

/* RFC 7915 section 4.2: the Pointer of a Protocol Unreachable. */
static_assert(offsetof(struct ipv6hdr, nexthdr) == XLAT_ICMP_PROTO_PTR6);

/* ICMPv4 Parameter Problem codes (RFC 792, RFC 1108); no uapi names. */
#define XLAT_ICMP_PARAMPROB_PTR		0	/* Pointer indicates the error */
#define XLAT_ICMP_PARAMPROB_OPTION	1	/* Missing a required option */
#define XLAT_ICMP_PARAMPROB_LENGTH	2	/* Bad length */

/* ICMPv6 Packet Too Big code: RFC 4443 section 3.2 sets it to 0. */
#define XLAT_ICMPV6_PKT_TOOBIG_CODE	0

static enum xlat_icmp_kind xlat_icmp_set(u8 *type, u8 *code, u8 *rest,
					 u8 t, u8 c, u8 r,
					 enum xlat_icmp_kind kind)
{
	*type = t;
	*code = c;
	*rest = r;
	return kind;
}

/* RFC 7915 section 4.2, Destination Unreachable (Type 3). */
static enum xlat_icmp_kind xlat_icmp_unreach_46(u8 code, u8 *type6,
						u8 *code6, u8 *rest)
{
	u8 t = ICMPV6_DEST_UNREACH;

	switch (code) {
	/* "Code 0, 1 (Net Unreachable, Host Unreachable): Set the Code to 0
	 * (No route to destination)."
	 * "Code 5 (Source Route Failed): Set the Code to 0"
	 * "Code 6, 7, 8: Set the Code to 0"
	 * "Code 11, 12: Set the Code to 0"
	 */
	case ICMP_NET_UNREACH:
	case ICMP_HOST_UNREACH:
	case ICMP_SR_FAILED:
	case ICMP_NET_UNKNOWN:
	case ICMP_HOST_UNKNOWN:
	case ICMP_HOST_ISOLATED:
	case ICMP_NET_UNR_TOS:
	case ICMP_HOST_UNR_TOS:
		return xlat_icmp_set(type6, code6, rest, t, ICMPV6_NOROUTE,
				     XLAT_ICMP_REST_NONE, XLAT_ICMP_ERROR);
	/* "Code 2 (Protocol Unreachable): Translate to an ICMPv6 Parameter
	 * Problem (Type 4, Code 1) and make the Pointer point to the IPv6
	 * Next Header field." (XLAT_ICMP_PROTO_PTR6)
	 */
	case ICMP_PROT_UNREACH:
		return xlat_icmp_set(type6, code6, rest, ICMPV6_PARAMPROB,
				     ICMPV6_UNK_NEXTHDR, XLAT_ICMP_REST_PTR,
				     XLAT_ICMP_ERROR);
	/* "Code 3 (Port Unreachable): Set the Code to 4 (Port unreachable)." */
	case ICMP_PORT_UNREACH:
		return xlat_icmp_set(type6, code6, rest, t, ICMPV6_PORT_UNREACH,
				     XLAT_ICMP_REST_NONE, XLAT_ICMP_ERROR);
	/* "Code 4 (Fragmentation Needed and DF was Set): Translate to an
	 * ICMPv6 Packet Too Big message (Type 2) with Code set to 0." The
	 * MTU is xlat_icmp_mtu_46().
	 */
	case ICMP_FRAG_NEEDED:
		return xlat_icmp_set(type6, code6, rest, ICMPV6_PKT_TOOBIG,
				     XLAT_ICMPV6_PKT_TOOBIG_CODE,
				     XLAT_ICMP_REST_MTU, XLAT_ICMP_ERROR);
	/* "Code 9, 10 (Communication with Destination Host Administratively
	 * Prohibited): Set the Code to 1 (Communication with destination
	 * administratively prohibited)."
	 * "Code 13 (Communication Administratively Prohibited): Set the
	 * Code to 1"
	 * "Code 15 (Precedence cutoff in effect): Set the Code to 1"
	 */
	case ICMP_NET_ANO:
	case ICMP_HOST_ANO:
	case ICMP_PKT_FILTERED:
	case ICMP_PREC_CUTOFF:
		return xlat_icmp_set(type6, code6, rest, t,
				     ICMPV6_ADM_PROHIBITED,
				     XLAT_ICMP_REST_NONE, XLAT_ICMP_ERROR);
	/* "Code 14 (Host Precedence Violation): Silently drop."
	 * "Other Code values: Silently drop."
	 */
	case ICMP_PREC_VIOLATION:
	default:
		return XLAT_ICMP_DROP;
	}
}

/**
 * xlat_icmp_map_46() - ICMPv4 type and code to ICMPv6, RFC 7915 section 4.2
 * @type: ICMPv4 type
 * @code: ICMPv4 code
 * @type6: the ICMPv6 type
 * @code6: the ICMPv6 code
 * @rest: &enum xlat_icmp_rest: what the rest-of-header of an error holds.
 *	%XLAT_ICMP_REST_PTR with @type6 %ICMPV6_PARAMPROB and @code6
 *	%ICMPV6_UNK_NEXTHDR (from Protocol Unreachable) means the pointer is
 *	%XLAT_ICMP_PROTO_PTR6; with @code6 %ICMPV6_HDR_FIELD it is the ICMPv4
 *	pointer mapped by xlat_icmp_ptr_46().
 *
 * Echo types keep their code: section 4.2 only adjusts "the Type values".
 * Time Exceeded keeps its code ("The Code is unchanged").
 *
 * Return: %XLAT_ICMP_ECHO or %XLAT_ICMP_ERROR with @type6, @code6 and @rest
 * set; %XLAT_ICMP_DROP, with all three zero, for a message the RFC drops
 * and for an unknown type or code.
 */
enum xlat_icmp_kind xlat_icmp_map_46(u8 type, u8 code, u8 *type6, u8 *code6,
				     u8 *rest)
{
	enum xlat_icmp_kind kind;

	xlat_icmp_set(type6, code6, rest, 0, 0, XLAT_ICMP_REST_NONE,
		      XLAT_ICMP_DROP);

	/* "Echo and Echo Reply (Type 8 and Type 0): Adjust the Type values
	 * to 128 and 129, respectively"
	 */
	if (xlat_icmp_echo(type, true, type6)) {
		*code6 = code;
		return XLAT_ICMP_ECHO;
	}
	switch (type) {
	/* "Destination Unreachable (Type 3): Translate the Code as described
	 * below, set the Type to 1"
	 */
	case ICMP_DEST_UNREACH:
		kind = xlat_icmp_unreach_46(code, type6, code6, rest);
		break;
	/* "Time Exceeded (Type 11): Set the Type to 3 [...] The Code is
	 * unchanged."
	 */
	case ICMP_TIME_EXCEEDED:
		return xlat_icmp_set(type6, code6, rest, ICMPV6_TIME_EXCEED,
				     code, XLAT_ICMP_REST_NONE, XLAT_ICMP_ERROR);
	/* "Parameter Problem (Type 12): Set the Type to 4"
	 * "Code 0 (Pointer indicates the error): Set the Code to 0
	 * (Erroneous header field encountered) and update the pointer as
	 * defined in Figure 3."
	 * "Code 1 (Missing a required option): Silently drop."
	 * "Code 2 (Bad length): Set the Code to 0 [...] Figure 3."
	 * "Other Code values: Silently drop."
	 */
	case ICMP_PARAMETERPROB:
		if (code != XLAT_ICMP_PARAMPROB_PTR &&
		    code != XLAT_ICMP_PARAMPROB_LENGTH)
			return XLAT_ICMP_DROP;
		return xlat_icmp_set(type6, code6, rest, ICMPV6_PARAMPROB,
				     ICMPV6_HDR_FIELD, XLAT_ICMP_REST_PTR,
				     XLAT_ICMP_ERROR);
	/* Silently dropped:
	 * "Information Request/Reply (Type 15 and Type 16)",
	 * "Timestamp and Timestamp Reply (Type 13 and Type 14)",
	 * "Address Mask Request/Reply (Type 17 and Type 18)": obsoleted in
	 * ICMPv6; "ICMP Router Advertisement (Type 9)", "ICMP Router
	 * Solicitation (Type 10)", "Redirect (Type 5)": single-hop messages;
	 * "Alternative Host Address (Type 6)"; "Source Quench (Type 4)":
	 * obsoleted in ICMPv6; "Unknown ICMPv4 types" and "Unknown error
	 * messages".
	 */
	default:
		return XLAT_ICMP_DROP;
	}

	if (kind == XLAT_ICMP_DROP)
		xlat_icmp_set(type6, code6, rest, 0, 0, XLAT_ICMP_REST_NONE,
			      XLAT_ICMP_DROP);
	return kind;
}

/* RFC 7915 section 5.2, Destination Unreachable (Type 1). */
static enum xlat_icmp_kind xlat_icmp_unreach_64(u8 code, u8 *type4,
						u8 *code4, u8 *rest)
{
	u8 c;

	switch (code) {
	/* "Code 0 (No route to destination): Set the Code to 1 (Host
	 * unreachable)."
	 * "Code 2 (Beyond scope of source address): Set the Code to 1"
	 * "Code 3 (Address unreachable): Set the Code to 1"
	 */
	case ICMPV6_NOROUTE:
	case ICMPV6_NOT_NEIGHBOUR:
	case ICMPV6_ADDR_UNREACH:
		c = ICMP_HOST_UNREACH;
		break;
	/* "Code 1 (Communication with destination administratively
	 * prohibited): Set the Code to 10 (Communication with destination
	 * host administratively prohibited)."
	 */
	case ICMPV6_ADM_PROHIBITED:
		c = ICMP_HOST_ANO;
		break;
	/* "Code 4 (Port unreachable): Set the Code to 3 (Port unreachable)." */
	case ICMPV6_PORT_UNREACH:
		c = ICMP_PORT_UNREACH;
		break;
	/* "Other Code values: Silently drop." */
	default:
		return XLAT_ICMP_DROP;
	}
	return xlat_icmp_set(type4, code4, rest, ICMP_DEST_UNREACH, c,
			     XLAT_ICMP_REST_NONE, XLAT_ICMP_ERROR);
}

/**
 * xlat_icmp_map_64() - ICMPv6 type and code to ICMPv4, RFC 7915 section 5.2
 * @type: ICMPv6 type
 * @code: ICMPv6 code
 * @type4: the ICMPv4 type
 * @code4: the ICMPv4 code
 * @rest: &enum xlat_icmp_rest: %XLAT_ICMP_REST_MTU for Packet Too Big (see
 *	xlat_icmp_mtu_64()), %XLAT_ICMP_REST_PTR for an Erroneous header
 *	field Parameter Problem (see xlat_icmp_ptr_64())
 *
 * Echo types keep their code: section 5.2 only adjusts "the Type values".
 * Time Exceeded keeps its code ("The Code is unchanged"). Packet Too Big
 * is translated whatever its code (RFC 4443 section 3.2: the receiver
 * ignores it).
 *
 * Return: %XLAT_ICMP_ECHO or %XLAT_ICMP_ERROR with @type4, @code4 and @rest
 * set; %XLAT_ICMP_DROP, with all three zero, for a message the RFC drops
 * and for an unknown type or code.
 */
enum xlat_icmp_kind xlat_icmp_map_64(u8 type, u8 code, u8 *type4, u8 *code4,
				     u8 *rest)
{
	xlat_icmp_set(type4, code4, rest, 0, 0, XLAT_ICMP_REST_NONE,
		      XLAT_ICMP_DROP);

	/* "Echo Request and Echo Reply (Type 128 and 129): Adjust the Type
	 * values to 8 and 0, respectively"
	 */
	if (xlat_icmp_echo(type, false, type4)) {
		*code4 = code;
		return XLAT_ICMP_ECHO;
	}
	switch (type) {
	/* "Destination Unreachable (Type 1) Set the Type to 3" */
	case ICMPV6_DEST_UNREACH:
		return xlat_icmp_unreach_64(code, type4, code4, rest);
	/* "Packet Too Big (Type 2): Translate to an ICMPv4 Destination
	 * Unreachable (Type 3) with Code 4". The MTU is xlat_icmp_mtu_64().
	 */
	case ICMPV6_PKT_TOOBIG:
		return xlat_icmp_set(type4, code4, rest, ICMP_DEST_UNREACH,
				     ICMP_FRAG_NEEDED, XLAT_ICMP_REST_MTU,
				     XLAT_ICMP_ERROR);
	/* "Time Exceeded (Type 3): Set the Type to 11 [...] The Code is
	 * unchanged."
	 */
	case ICMPV6_TIME_EXCEED:
		return xlat_icmp_set(type4, code4, rest, ICMP_TIME_EXCEEDED,
				     code, XLAT_ICMP_REST_NONE, XLAT_ICMP_ERROR);
	/* "Parameter Problem (Type 4): Translate the Type and Code as
	 * follows"
	 */
	case ICMPV6_PARAMPROB:
		switch (code) {
		/* "Code 0 (Erroneous header field encountered): Set to Type
		 * 12, Code 0, and update the pointer as defined in Figure 6."
		 */
		case ICMPV6_HDR_FIELD:
			return xlat_icmp_set(type4, code4, rest,
					     ICMP_PARAMETERPROB,
					     XLAT_ICMP_PARAMPROB_PTR,
					     XLAT_ICMP_REST_PTR,
					     XLAT_ICMP_ERROR);
		/* "Code 1 (Unrecognized Next Header type encountered):
		 * Translate this to an ICMPv4 protocol unreachable (Type 3,
		 * Code 2)."
		 */
		case ICMPV6_UNK_NEXTHDR:
			return xlat_icmp_set(type4, code4, rest,
					     ICMP_DEST_UNREACH,
					     ICMP_PROT_UNREACH,
					     XLAT_ICMP_REST_NONE,
					     XLAT_ICMP_ERROR);
		/* "Code 2 (Unrecognized IPv6 option encountered): Silently
		 * drop." Codes 3 and up are not listed: dropped.
		 */
		default:
			return XLAT_ICMP_DROP;
		}
	/* Silently dropped: "MLD Multicast Listener Query/Report/Done (Type
	 * 130, 131, 132)" and "Neighbor Discover messages (Type 133 through
	 * 137)": single-hop messages; "Unknown informational messages";
	 * "Unknown error messages".
	 */
	default:
		return XLAT_ICMP_DROP;
	}
}

/**
 * xlat_icmp_ptr_46() - ICMPv4 Parameter Problem pointer to ICMPv6
 * @ptr4: pointer into the IPv4 header quoted by the error
 * @ptr6: the pointer into the translated IPv6 header
 *
 * RFC 7915 section 4.2, Figure 3. "If the Original IPv4 Pointer Value is
 * not listed or the Translated IPv6 Pointer Value is listed as "n/a",
 * silently drop the packet."
 *
 * Return: 0 with @ptr6 set, or -EINVAL to drop.
 */
int xlat_icmp_ptr_46(u8 ptr4, u32 *ptr6)
{
	switch (ptr4) {
	case 0:			/* |  0  | Version/IHL           |  0  | */
		*ptr6 = 0;
		return 0;
	case 1:			/* |  1  | Type Of Service       |  1  | */
		*ptr6 = 1;
		return 0;
	case 2 ... 3:		/* | 2,3 | Total Length          |  4  | */
		*ptr6 = 4;
		return 0;
	case 8:			/* |  8  | Time to Live          |  7  | */
		*ptr6 = 7;
		return 0;
	case 9:			/* |  9  | Protocol              |  6  | */
		*ptr6 = 6;
		return 0;
	case 12 ... 15:		/* |12-15| Source Address        |  8  | */
		*ptr6 = 8;
		return 0;
	case 16 ... 19:		/* |16-19| Destination Address   | 24  | */
		*ptr6 = 24;
		return 0;
	/* | 4,5 | Identification        | n/a |
	 * |  6  | Flags/Fragment Offset | n/a |
	 * |  7  | Fragment Offset       | n/a |
	 * |10,11| Header Checksum       | n/a |
	 * 20 and up (options) are not listed.
	 */
	default:
		return -EINVAL;
	}
}

/**
 * xlat_icmp_ptr_64() - ICMPv6 Parameter Problem pointer to ICMPv4
 * @ptr6: pointer into the IPv6 header quoted by the error
 * @ptr4: the pointer into the translated IPv4 header
 *
 * RFC 7915 section 5.2, Figure 6. "If the Original IPv6 Pointer Value is
 * not listed or the Translated IPv4 Pointer Value is listed as "n/a",
 * silently drop the packet."
 *
 * Return: 0 with @ptr4 set, or -EINVAL to drop.
 */
int xlat_icmp_ptr_64(u32 ptr6, u8 *ptr4)
{
	switch (ptr6) {
	case 0:		/* |  0  | Version/Traffic Class    |  0  | */
		*ptr4 = 0;
		return 0;
	case 1:		/* |  1  | Traffic Class/Flow Label |  1  | */
		*ptr4 = 1;
		return 0;
	case 4 ... 5:	/* | 4,5 | Payload Length           |  2  | */
		*ptr4 = 2;
		return 0;
	case 6:		/* |  6  | Next Header              |  9  | */
		*ptr4 = 9;
		return 0;
	case 7:		/* |  7  | Hop Limit                |  8  | */
		*ptr4 = 8;
		return 0;
	case 8 ... 23:	/* | 8-23| Source Address           | 12  | */
		*ptr4 = 12;
		return 0;
	case 24 ... 39:	/* |24-39| Destination Address      | 16  | */
		*ptr4 = 16;
		return 0;
	/* | 2,3 | Flow Label               | n/a |
	 * 40 and up (extension headers, payload) are not listed.
	 */
	default:
		return -EINVAL;
	}
}

/*
 * RFC 1191 section 7, Table 7-1: the plateaus, in decreasing order.
 */
static const u16 xlat_plateaus[] = {
	65535,	/* Official maximum MTU, Hyperchannel */
	32000,	/* Just in case */
	17914,	/* 16Mb IBM Token Ring */
	8166,	/* IEEE 802.4 */
	4352,	/* FDDI (Revised) */
	2002,	/* IEEE 802.5 (4Mb recommended) */
	1492,	/* IEEE 802.3 */
	1006,	/* SLIP, ARPANET */
	508,	/* IEEE 802/Source-Rt Bridge, ARCNET */
	296,	/* Point-to-Point (low delay) */
	68,	/* Official minimum MTU */
};

/* The greatest plateau less than @len, or 0 when there is none. */
static u32 xlat_plateau_below(u32 len)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(xlat_plateaus); i++)
		if (xlat_plateaus[i] < len)
			return xlat_plateaus[i];
	return 0;
}

/**
 * xlat_icmp_mtu_46() - the MTU of a Packet Too Big from a Frag Needed
 * @mtu4: Next-Hop MTU of the ICMPv4 Fragmentation Needed, 0 if not set
 * @inner_tot_len: Total Length of the IPv4 packet quoted in the error
 * @mtu6_nexthop: MTU of the IPv6 next hop, 0 if unknown
 * @mtu4_nexthop: MTU of the IPv4 next hop, 0 if unknown
 *
 * RFC 7915 section 4.2, Code 4: "maximum(1280, minimum((MTU value in the
 * Packet Too Big Message) + 20, MTU_of_IPv6_nexthop, (MTU_of_IPv4_nexthop)
 * + 20))". "If the IPv4 router set the MTU field to zero [...] the
 * translator MUST use the plateau values specified in [RFC1191] [...] (Use
 * the greatest plateau value that is less than the returned Total Length
 * field, but that is larger than or equal to 1280.)": such a plateau is
 * taken as @mtu4, then the formula applies. An unknown next hop is left
 * out of the minimum.
 *
 * Return: the ICMPv6 MTU, at least %IPV6_MIN_MTU.
 */
u32 xlat_icmp_mtu_46(u32 mtu4, u32 inner_tot_len, u32 mtu6_nexthop,
		     u32 mtu4_nexthop)
{
	u64 mtu;

	if (!mtu4)
		mtu4 = xlat_plateau_below(inner_tot_len);
	mtu = (u64)mtu4 + XLAT_46_GROWTH;
	if (mtu6_nexthop)
		mtu = min_t(u64, mtu, mtu6_nexthop);
	if (mtu4_nexthop)
		mtu = min_t(u64, mtu, (u64)mtu4_nexthop + XLAT_46_GROWTH);
	mtu = max_t(u64, mtu, IPV6_MIN_MTU);
	return min_t(u64, mtu, U32_MAX);
}

/*
 * The MTU fields "MUST be adjusted for the difference between the IPv4 and
 * IPv6 header sizes" (RFC 7915 sections 4.2 and 5.2): XLAT_46_GROWTH.
 * @a - XLAT_46_GROWTH, or 0 if @a is smaller.
 */
static u32 xlat_mtu_sub(u32 a)
{
	return a > XLAT_46_GROWTH ? a - XLAT_46_GROWTH : 0;
}

/**
 * xlat_icmp_mtu_64() - the MTU of a Frag Needed from a Packet Too Big
 * @mtu6: MTU of the ICMPv6 Packet Too Big
 * @mtu4_nexthop: MTU of the IPv4 next hop, 0 if unknown
 * @mtu6_nexthop: MTU of the IPv6 next hop, 0 if unknown
 *
 * RFC 7915 section 5.2, Packet Too Big: "minimum(advertised MTU-20,
 * MTU_of_IPv4_nexthop, (MTU_of_IPv6_nexthop)-20)". An unknown next hop is
 * left out of the minimum; a subtraction that would go below 0 gives 0.
 *
 * Return: the ICMPv4 Next-Hop MTU, at most %U16_MAX (the field is 16 bits).
 */
u32 xlat_icmp_mtu_64(u32 mtu6, u32 mtu4_nexthop, u32 mtu6_nexthop)
{
	u32 mtu = xlat_mtu_sub(mtu6);

	if (mtu4_nexthop)
		mtu = min(mtu, mtu4_nexthop);
	if (mtu6_nexthop)
		mtu = min(mtu, xlat_mtu_sub(mtu6_nexthop));
	return min_t(u32, mtu, U16_MAX);
}
