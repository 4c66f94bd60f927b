/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xlat: the ICMP type/code, pointer and MTU mapping of RFC 7915 sections
 * 4.2 and 5.2 (xlat_icmp.c). Pure functions on host-order integers.
 */
#ifndef _NET_IPV6_XLAT_ICMP_H
#define _NET_IPV6_XLAT_ICMP_H

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/types.h>

/**
 * enum xlat_icmp_kind - what to do with an ICMP message of a type/code
 * @XLAT_ICMP_DROP: silently dropped (the RFC says so, or it is unknown)
 * @XLAT_ICMP_ECHO: echo request/reply: informational, translated
 * @XLAT_ICMP_ERROR: error: translated, with the packet it quotes
 */
enum xlat_icmp_kind {
	XLAT_ICMP_DROP,
	XLAT_ICMP_ECHO,
	XLAT_ICMP_ERROR,
};

/**
 * enum xlat_icmp_rest - meaning of the 32-bit rest-of-header of an error
 * @XLAT_ICMP_REST_NONE: nothing to translate (unused, or copied as is)
 * @XLAT_ICMP_REST_MTU: an MTU: Fragmentation Needed <-> Packet Too Big,
 *	see xlat_icmp_mtu_46() and xlat_icmp_mtu_64()
 * @XLAT_ICMP_REST_PTR: a Parameter Problem pointer, see xlat_icmp_ptr_46()
 *	and xlat_icmp_ptr_64(); for an ICMPv4 Protocol Unreachable the
 *	ICMPv6 pointer is %XLAT_ICMP_PROTO_PTR6 instead
 */
enum xlat_icmp_rest {
	XLAT_ICMP_REST_NONE	= 0,
	XLAT_ICMP_REST_MTU	= 1,
	XLAT_ICMP_REST_PTR	= 2,
};

/*
 * RFC 7915 section 4.2: an ICMPv4 Protocol Unreachable (type 3, code 2)
 * becomes an ICMPv6 Parameter Problem (type 4, code 1) whose Pointer
 * "point[s] to the IPv6 Next Header field": offset 6 of the IPv6 header.
 * xlat_icmp_map_46() reports it with *rest = XLAT_ICMP_REST_PTR; the
 * caller then uses this pointer, not xlat_icmp_ptr_46().
 */
#define XLAT_ICMP_PROTO_PTR6	6

/**
 * xlat_icmp_echo() - the echo type of the other family
 * @type: an ICMPv4 type (@to6) or an ICMPv6 type
 * @to6: translating to ICMPv6
 * @out: the type in the other family
 *
 * RFC 7915 sections 4.2 and 5.2: "Adjust the Type values" of Echo Request
 * and Echo Reply, the only informational messages that translate. The one
 * place the echo types are mapped: packets, quoted packets and the
 * type/code tables all come here.
 *
 * Return: true for an echo type, with @out set; false otherwise.
 */
static inline bool xlat_icmp_echo(u8 type, bool to6, u8 *out)
{
	if (to6 && (type == ICMP_ECHO || type == ICMP_ECHOREPLY))
		*out = type == ICMP_ECHO ? ICMPV6_ECHO_REQUEST :
					   ICMPV6_ECHO_REPLY;
	else if (!to6 && (type == ICMPV6_ECHO_REQUEST ||
			  type == ICMPV6_ECHO_REPLY))
		*out = type == ICMPV6_ECHO_REQUEST ? ICMP_ECHO : ICMP_ECHOREPLY;
	else
		return false;
	return true;
}

enum xlat_icmp_kind xlat_icmp_map_46(u8 type, u8 code, u8 *type6, u8 *code6,
				     u8 *rest);
enum xlat_icmp_kind xlat_icmp_map_64(u8 type, u8 code, u8 *type4, u8 *code4,
				     u8 *rest);
int xlat_icmp_ptr_46(u8 ptr4, u32 *ptr6);
int xlat_icmp_ptr_64(u32 ptr6, u8 *ptr4);
u32 xlat_icmp_mtu_46(u32 mtu4, u32 inner_tot_len, u32 mtu6_nexthop,
		     u32 mtu4_nexthop);
u32 xlat_icmp_mtu_64(u32 mtu6, u32 mtu4_nexthop, u32 mtu6_nexthop);

#endif /* _NET_IPV6_XLAT_ICMP_H */
