// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests of the ICMP mapping arithmetic (xlat_icmp.c) against the text
 * of RFC 7915:
 *
 * - section 4.2: ICMPv4 type/code -> ICMPv6, Figure 3 (Parameter Problem
 *   pointer) and the Packet Too Big MTU, with the RFC 1191 section 7
 *   plateaus for a Fragmentation Needed whose MTU is zero;
 * - section 5.2: ICMPv6 type/code -> ICMPv4, Figure 6 and the
 *   Fragmentation Needed MTU.
 *
 * Every row of the RFC tables is a case, quoted above it. Types, codes and
 * pointers are written as the numbers the RFC text gives rather than with
 * the uapi names the code uses, so that the table is checked against the
 * RFC and not against those names. Outputs are poisoned before each call:
 * a field the function forgets to write shows up as 0xa5.
 */

#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/limits.h>

#include "../xlat_icmp.h"

#define XI_POISON	0xa5

/**
 * struct xi_map_case - one row of the section 4.2 or 5.2 type/code list
 * @name: the RFC clause and row it checks
 * @type: input type
 * @code: input code
 * @kind: expected &enum xlat_icmp_kind
 * @out_type: expected output type (0 for a drop)
 * @out_code: expected output code (0 for a drop)
 * @rest: expected &enum xlat_icmp_rest
 * @ptr: for ICMPv4 Protocol Unreachable, the IPv6 pointer the RFC gives;
 *	-1 elsewhere
 */
struct xi_map_case {
	const char *name;
	u8 type;
	u8 code;
	enum xlat_icmp_kind kind;
	u8 out_type;
	u8 out_code;
	u8 rest;
	int ptr;
};

#define XI_ROW(sec, t, c, what, k, ot, oc, r, p, to)			\
	{ .name = "RFC 7915 " sec " type " #t " code " #c " (" what	\
		  ") -> " to,						\
	  .type = t, .code = c, .kind = k, .out_type = ot,		\
	  .out_code = oc, .rest = r, .ptr = p }

#define XI_DROP(sec, t, c, what)					\
	XI_ROW(sec, t, c, what, XLAT_ICMP_DROP, 0, 0,			\
	       XLAT_ICMP_REST_NONE, -1, "drop")
#define XI_ECHO(sec, t, c, what, ot, oc)				\
	XI_ROW(sec, t, c, what, XLAT_ICMP_ECHO, ot, oc,			\
	       XLAT_ICMP_REST_NONE, -1, "type " #ot " code " #oc)
#define XI_ERR(sec, t, c, what, ot, oc)				\
	XI_ROW(sec, t, c, what, XLAT_ICMP_ERROR, ot, oc,		\
	       XLAT_ICMP_REST_NONE, -1, "type " #ot " code " #oc)
#define XI_MTU(sec, t, c, what, ot, oc)				\
	XI_ROW(sec, t, c, what, XLAT_ICMP_ERROR, ot, oc,		\
	       XLAT_ICMP_REST_MTU, -1, "type " #ot " code " #oc " MTU")
#define XI_PTR(sec, t, c, what, ot, oc)				\
	XI_ROW(sec, t, c, what, XLAT_ICMP_ERROR, ot, oc,		\
	       XLAT_ICMP_REST_PTR, -1, "type " #ot " code " #oc " ptr")

static const struct xi_map_case xi_map_46_cases[] = {
	/* "Echo and Echo Reply (Type 8 and Type 0): Adjust the Type values
	 * to 128 and 129, respectively" (only the Type: the Code is kept)
	 */
	XI_ECHO("4.2", 8, 0, "Echo", 128, 0),
	XI_ECHO("4.2", 0, 0, "Echo Reply", 129, 0),
	XI_ECHO("4.2", 8, 7, "Echo", 128, 7),
	/* "Information Request/Reply (Type 15 and Type 16): Obsoleted in
	 * ICMPv6. Silently drop."
	 */
	XI_DROP("4.2", 15, 0, "Information Request"),
	XI_DROP("4.2", 16, 0, "Information Reply"),
	/* "Timestamp and Timestamp Reply (Type 13 and Type 14): Obsoleted in
	 * ICMPv6. Silently drop."
	 */
	XI_DROP("4.2", 13, 0, "Timestamp"),
	XI_DROP("4.2", 14, 0, "Timestamp Reply"),
	/* "Address Mask Request/Reply (Type 17 and Type 18): Obsoleted in
	 * ICMPv6. Silently drop."
	 */
	XI_DROP("4.2", 17, 0, "Address Mask Request"),
	XI_DROP("4.2", 18, 0, "Address Mask Reply"),
	/* "ICMP Router Advertisement (Type 9): Single-hop message. Silently
	 * drop."
	 * "ICMP Router Solicitation (Type 10): Single-hop message. Silently
	 * drop."
	 */
	XI_DROP("4.2", 9, 0, "Router Advertisement"),
	XI_DROP("4.2", 10, 0, "Router Solicitation"),
	/* "Unknown ICMPv4 types: Silently drop." */
	XI_DROP("4.2", 1, 0, "unassigned"),
	XI_DROP("4.2", 2, 0, "unassigned"),
	XI_DROP("4.2", 7, 0, "unassigned"),
	XI_DROP("4.2", 19, 0, "unknown"),
	XI_DROP("4.2", 30, 0, "unknown"),
	XI_DROP("4.2", 255, 255, "unknown"),
	/* "Destination Unreachable (Type 3): Translate the Code as described
	 * below, set the Type to 1"
	 *
	 * "Code 0, 1 (Net Unreachable, Host Unreachable): Set the Code to 0
	 * (No route to destination)."
	 */
	XI_ERR("4.2", 3, 0, "Net Unreachable", 1, 0),
	XI_ERR("4.2", 3, 1, "Host Unreachable", 1, 0),
	/* "Code 2 (Protocol Unreachable): Translate to an ICMPv6 Parameter
	 * Problem (Type 4, Code 1) and make the Pointer point to the IPv6
	 * Next Header field." (offset 6 of the IPv6 header, RFC 8200 section 3)
	 */
	XI_ROW("4.2", 3, 2, "Protocol Unreachable", XLAT_ICMP_ERROR, 4, 1,
	       XLAT_ICMP_REST_PTR, 6, "type 4 code 1 ptr 6"),
	/* "Code 3 (Port Unreachable): Set the Code to 4 (Port unreachable)." */
	XI_ERR("4.2", 3, 3, "Port Unreachable", 1, 4),
	/* "Code 4 (Fragmentation Needed and DF was Set): Translate to an
	 * ICMPv6 Packet Too Big message (Type 2) with Code set to 0."
	 */
	XI_MTU("4.2", 3, 4, "Fragmentation Needed", 2, 0),
	/* "Code 5 (Source Route Failed): Set the Code to 0 (No route to
	 * destination)."
	 * "Code 6, 7, 8: Set the Code to 0 (No route to destination)."
	 */
	XI_ERR("4.2", 3, 5, "Source Route Failed", 1, 0),
	XI_ERR("4.2", 3, 6, "Dest Network Unknown", 1, 0),
	XI_ERR("4.2", 3, 7, "Dest Host Unknown", 1, 0),
	XI_ERR("4.2", 3, 8, "Source Host Isolated", 1, 0),
	/* "Code 9, 10 (Communication with Destination Host Administratively
	 * Prohibited): Set the Code to 1 (Communication with destination
	 * administratively prohibited)."
	 */
	XI_ERR("4.2", 3, 9, "Net Admin Prohibited", 1, 1),
	XI_ERR("4.2", 3, 10, "Host Admin Prohibited", 1, 1),
	/* "Code 11, 12: Set the Code to 0 (No route to destination)." */
	XI_ERR("4.2", 3, 11, "Net Unreachable for TOS", 1, 0),
	XI_ERR("4.2", 3, 12, "Host Unreachable for TOS", 1, 0),
	/* "Code 13 (Communication Administratively Prohibited): Set the Code
	 * to 1 (Communication with destination administratively prohibited)."
	 */
	XI_ERR("4.2", 3, 13, "Comm Admin Prohibited", 1, 1),
	/* "Code 14 (Host Precedence Violation): Silently drop." */
	XI_DROP("4.2", 3, 14, "Host Precedence Violation"),
	/* "Code 15 (Precedence cutoff in effect): Set the Code to 1
	 * (Communication with destination administratively prohibited)."
	 */
	XI_ERR("4.2", 3, 15, "Precedence cutoff", 1, 1),
	/* "Other Code values: Silently drop." */
	XI_DROP("4.2", 3, 16, "unknown code"),
	XI_DROP("4.2", 3, 255, "unknown code"),
	/* "Redirect (Type 5): Single-hop message. Silently drop."
	 * "Alternative Host Address (Type 6): Silently drop."
	 * "Source Quench (Type 4): Obsoleted in ICMPv6. Silently drop."
	 */
	XI_DROP("4.2", 5, 0, "Redirect"),
	XI_DROP("4.2", 5, 1, "Redirect"),
	XI_DROP("4.2", 6, 0, "Alternative Host Address"),
	XI_DROP("4.2", 4, 0, "Source Quench"),
	/* "Time Exceeded (Type 11): Set the Type to 3 [...] The Code is
	 * unchanged."
	 */
	XI_ERR("4.2", 11, 0, "TTL exceeded in transit", 3, 0),
	XI_ERR("4.2", 11, 1, "Reassembly time exceeded", 3, 1),
	/* "Parameter Problem (Type 12): Set the Type to 4"
	 * "Code 0 (Pointer indicates the error): Set the Code to 0 (Erroneous
	 * header field encountered) and update the pointer as defined in
	 * Figure 3."
	 */
	XI_PTR("4.2", 12, 0, "Pointer indicates the error", 4, 0),
	/* "Code 1 (Missing a required option): Silently drop." */
	XI_DROP("4.2", 12, 1, "Missing a required option"),
	/* "Code 2 (Bad length): Set the Code to 0 (Erroneous header field
	 * encountered) and update the pointer as defined in Figure 3."
	 */
	XI_PTR("4.2", 12, 2, "Bad length", 4, 0),
	/* "Other Code values: Silently drop." */
	XI_DROP("4.2", 12, 3, "unknown code"),
	XI_DROP("4.2", 12, 255, "unknown code"),
};

KUNIT_ARRAY_PARAM_DESC(xi_map_46, xi_map_46_cases, name);

static const struct xi_map_case xi_map_64_cases[] = {
	/* "Echo Request and Echo Reply (Type 128 and 129): Adjust the Type
	 * values to 8 and 0, respectively" (only the Type: the Code is kept)
	 */
	XI_ECHO("5.2", 128, 0, "Echo Request", 8, 0),
	XI_ECHO("5.2", 129, 0, "Echo Reply", 0, 0),
	XI_ECHO("5.2", 129, 3, "Echo Reply", 0, 3),
	/* "MLD Multicast Listener Query/Report/Done (Type 130, 131, 132):
	 * Single-hop message. Silently drop."
	 */
	XI_DROP("5.2", 130, 0, "MLD Query"),
	XI_DROP("5.2", 131, 0, "MLD Report"),
	XI_DROP("5.2", 132, 0, "MLD Done"),
	/* "Neighbor Discover messages (Type 133 through 137): Single-hop
	 * message. Silently drop."
	 */
	XI_DROP("5.2", 133, 0, "Router Solicitation"),
	XI_DROP("5.2", 134, 0, "Router Advertisement"),
	XI_DROP("5.2", 135, 0, "Neighbor Solicitation"),
	XI_DROP("5.2", 136, 0, "Neighbor Advertisement"),
	XI_DROP("5.2", 137, 0, "Redirect"),
	/* "Unknown informational messages: Silently drop." */
	XI_DROP("5.2", 138, 0, "unknown informational"),
	XI_DROP("5.2", 200, 0, "unknown informational"),
	XI_DROP("5.2", 255, 255, "unknown informational"),
	/* "Destination Unreachable (Type 1) Set the Type to 3"
	 *
	 * "Code 0 (No route to destination): Set the Code to 1 (Host
	 * unreachable)."
	 */
	XI_ERR("5.2", 1, 0, "No route to destination", 3, 1),
	/* "Code 1 (Communication with destination administratively
	 * prohibited): Set the Code to 10 (Communication with destination
	 * host administratively prohibited)."
	 */
	XI_ERR("5.2", 1, 1, "Admin prohibited", 3, 10),
	/* "Code 2 (Beyond scope of source address): Set the Code to 1 (Host
	 * unreachable)."
	 */
	XI_ERR("5.2", 1, 2, "Beyond scope of source address", 3, 1),
	/* "Code 3 (Address unreachable): Set the Code to 1 (Host
	 * unreachable)."
	 */
	XI_ERR("5.2", 1, 3, "Address unreachable", 3, 1),
	/* "Code 4 (Port unreachable): Set the Code to 3 (Port unreachable)." */
	XI_ERR("5.2", 1, 4, "Port unreachable", 3, 3),
	/* "Other Code values: Silently drop." (5 and 6 are RFC 4443's
	 * ingress/egress policy and reject route; 7 is RFC 8883's)
	 */
	XI_DROP("5.2", 1, 5, "Source address failed policy"),
	XI_DROP("5.2", 1, 6, "Reject route"),
	XI_DROP("5.2", 1, 7, "Error in Source Routing Header"),
	XI_DROP("5.2", 1, 255, "unknown code"),
	/* "Packet Too Big (Type 2): Translate to an ICMPv4 Destination
	 * Unreachable (Type 3) with Code 4". The ICMPv6 Code is "Set to 0
	 * (zero) by the sender and ignored by the receiver" (RFC 4443
	 * section 3.2).
	 */
	XI_MTU("5.2", 2, 0, "Packet Too Big", 3, 4),
	XI_MTU("5.2", 2, 1, "Packet Too Big", 3, 4),
	/* "Time Exceeded (Type 3): Set the Type to 11 [...] The Code is
	 * unchanged."
	 */
	XI_ERR("5.2", 3, 0, "Hop limit exceeded in transit", 11, 0),
	XI_ERR("5.2", 3, 1, "Reassembly time exceeded", 11, 1),
	/* "Parameter Problem (Type 4): Translate the Type and Code as
	 * follows"
	 * "Code 0 (Erroneous header field encountered): Set to Type 12, Code
	 * 0, and update the pointer as defined in Figure 6."
	 */
	XI_PTR("5.2", 4, 0, "Erroneous header field", 12, 0),
	/* "Code 1 (Unrecognized Next Header type encountered): Translate
	 * this to an ICMPv4 protocol unreachable (Type 3, Code 2)."
	 */
	XI_ERR("5.2", 4, 1, "Unrecognized Next Header", 3, 2),
	/* "Code 2 (Unrecognized IPv6 option encountered): Silently drop." */
	XI_DROP("5.2", 4, 2, "Unrecognized IPv6 option"),
	/* Not listed (RFC 7112's incomplete header chain), and "Unknown error
	 * messages: Silently drop."
	 */
	XI_DROP("5.2", 4, 3, "Incomplete header chain"),
	XI_DROP("5.2", 4, 255, "unknown code"),
	/* "Unknown error messages: Silently drop." */
	XI_DROP("5.2", 0, 0, "reserved"),
	XI_DROP("5.2", 5, 0, "unknown error"),
	XI_DROP("5.2", 100, 0, "unknown error"),
	XI_DROP("5.2", 127, 0, "unknown error"),
};

KUNIT_ARRAY_PARAM_DESC(xi_map_64, xi_map_64_cases, name);

static void xi_check_map(struct kunit *test, const struct xi_map_case *c,
			 enum xlat_icmp_kind kind, u8 type, u8 code, u8 rest)
{
	KUNIT_EXPECT_EQ(test, kind, c->kind);
	KUNIT_EXPECT_EQ(test, type, c->out_type);
	KUNIT_EXPECT_EQ(test, code, c->out_code);
	KUNIT_EXPECT_EQ(test, rest, c->rest);
}

static void xlat_icmp_test_rfc7915_4_2_type_code(struct kunit *test)
{
	const struct xi_map_case *c = test->param_value;
	u8 type = XI_POISON, code = XI_POISON, rest = XI_POISON;
	enum xlat_icmp_kind kind;

	kind = xlat_icmp_map_46(c->type, c->code, &type, &code, &rest);
	xi_check_map(test, c, kind, type, code, rest);
	if (c->ptr >= 0)
		KUNIT_EXPECT_EQ(test, XLAT_ICMP_PROTO_PTR6, c->ptr);
}

static void xlat_icmp_test_rfc7915_5_2_type_code(struct kunit *test)
{
	const struct xi_map_case *c = test->param_value;
	u8 type = XI_POISON, code = XI_POISON, rest = XI_POISON;
	enum xlat_icmp_kind kind;

	kind = xlat_icmp_map_64(c->type, c->code, &type, &code, &rest);
	xi_check_map(test, c, kind, type, code, rest);
}

/**
 * struct xi_ptr_case - one row of Figure 3 or Figure 6
 * @name: the RFC figure and row it checks
 * @in: original pointer
 * @ret: expected return: 0, or -EINVAL for "n/a" and unlisted values
 * @out: expected translated pointer when @ret is 0
 */
struct xi_ptr_case {
	const char *name;
	u32 in;
	int ret;
	u32 out;
};

#define XI_P(fig, p, field, o)						\
	{ .name = "RFC 7915 " fig " pointer " #p " (" field ") -> " #o,	\
	  .in = p, .ret = 0, .out = o }
#define XI_P_NA(fig, p, field)						\
	{ .name = "RFC 7915 " fig " pointer " #p " (" field ") -> drop",	\
	  .in = p, .ret = -EINVAL }

/*
 * RFC 7915 section 4.2, Figure 3. "If the Original IPv4 Pointer Value is
 * not listed or the Translated IPv6 Pointer Value is listed as "n/a",
 * silently drop the packet."
 *
 *  +--------------------------------+--------------------------------+
 *  |   Original IPv4 Pointer Value  | Translated IPv6 Pointer Value  |
 *  +--------------------------------+--------------------------------+
 *  |  0  | Version/IHL              |  0  | Version/Traffic Class    |
 *  |  1  | Type Of Service          |  1  | Traffic Class/Flow Label |
 *  | 2,3 | Total Length             |  4  | Payload Length           |
 *  | 4,5 | Identification           | n/a |                          |
 *  |  6  | Flags/Fragment Offset    | n/a |                          |
 *  |  7  | Fragment Offset          | n/a |                          |
 *  |  8  | Time to Live             |  7  | Hop Limit                |
 *  |  9  | Protocol                 |  6  | Next Header              |
 *  |10,11| Header Checksum          | n/a |                          |
 *  |12-15| Source Address           |  8  | Source Address           |
 *  |16-19| Destination Address      | 24  | Destination Address      |
 *  +--------------------------------+--------------------------------+
 */
static const struct xi_ptr_case xi_ptr_46_cases[] = {
	XI_P("4.2 Figure 3", 0, "Version/IHL", 0),
	XI_P("4.2 Figure 3", 1, "Type Of Service", 1),
	XI_P("4.2 Figure 3", 2, "Total Length", 4),
	XI_P("4.2 Figure 3", 3, "Total Length", 4),
	XI_P_NA("4.2 Figure 3", 4, "Identification"),
	XI_P_NA("4.2 Figure 3", 5, "Identification"),
	XI_P_NA("4.2 Figure 3", 6, "Flags/Fragment Offset"),
	XI_P_NA("4.2 Figure 3", 7, "Fragment Offset"),
	XI_P("4.2 Figure 3", 8, "Time to Live", 7),
	XI_P("4.2 Figure 3", 9, "Protocol", 6),
	XI_P_NA("4.2 Figure 3", 10, "Header Checksum"),
	XI_P_NA("4.2 Figure 3", 11, "Header Checksum"),
	XI_P("4.2 Figure 3", 12, "Source Address", 8),
	XI_P("4.2 Figure 3", 13, "Source Address", 8),
	XI_P("4.2 Figure 3", 14, "Source Address", 8),
	XI_P("4.2 Figure 3", 15, "Source Address", 8),
	XI_P("4.2 Figure 3", 16, "Destination Address", 24),
	XI_P("4.2 Figure 3", 17, "Destination Address", 24),
	XI_P("4.2 Figure 3", 18, "Destination Address", 24),
	XI_P("4.2 Figure 3", 19, "Destination Address", 24),
	XI_P_NA("4.2 Figure 3", 20, "options, not listed"),
	XI_P_NA("4.2 Figure 3", 21, "options, not listed"),
	XI_P_NA("4.2 Figure 3", 59, "options, not listed"),
	XI_P_NA("4.2 Figure 3", 60, "past the header, not listed"),
	XI_P_NA("4.2 Figure 3", 255, "past the header, not listed"),
};

KUNIT_ARRAY_PARAM_DESC(xi_ptr_46, xi_ptr_46_cases, name);

/*
 * RFC 7915 section 5.2, Figure 6. "If the Original IPv6 Pointer Value is
 * not listed or the Translated IPv4 Pointer Value is listed as "n/a",
 * silently drop the packet."
 *
 *  +--------------------------------+--------------------------------+
 *  |   Original IPv6 Pointer Value  | Translated IPv4 Pointer Value  |
 *  +--------------------------------+--------------------------------+
 *  |  0  | Version/Traffic Class    |  0  | Version/IHL, Type Of Ser |
 *  |  1  | Traffic Class/Flow Label |  1  | Type Of Service          |
 *  | 2,3 | Flow Label               | n/a |                          |
 *  | 4,5 | Payload Length           |  2  | Total Length             |
 *  |  6  | Next Header              |  9  | Protocol                 |
 *  |  7  | Hop Limit                |  8  | Time to Live             |
 *  | 8-23| Source Address           | 12  | Source Address           |
 *  |24-39| Destination Address      | 16  | Destination Address      |
 *  +--------------------------------+--------------------------------+
 */
static const struct xi_ptr_case xi_ptr_64_cases[] = {
	XI_P("5.2 Figure 6", 0, "Version/Traffic Class", 0),
	XI_P("5.2 Figure 6", 1, "Traffic Class/Flow Label", 1),
	XI_P_NA("5.2 Figure 6", 2, "Flow Label"),
	XI_P_NA("5.2 Figure 6", 3, "Flow Label"),
	XI_P("5.2 Figure 6", 4, "Payload Length", 2),
	XI_P("5.2 Figure 6", 5, "Payload Length", 2),
	XI_P("5.2 Figure 6", 6, "Next Header", 9),
	XI_P("5.2 Figure 6", 7, "Hop Limit", 8),
	XI_P("5.2 Figure 6", 8, "Source Address", 12),
	XI_P("5.2 Figure 6", 9, "Source Address", 12),
	XI_P("5.2 Figure 6", 10, "Source Address", 12),
	XI_P("5.2 Figure 6", 11, "Source Address", 12),
	XI_P("5.2 Figure 6", 12, "Source Address", 12),
	XI_P("5.2 Figure 6", 13, "Source Address", 12),
	XI_P("5.2 Figure 6", 14, "Source Address", 12),
	XI_P("5.2 Figure 6", 15, "Source Address", 12),
	XI_P("5.2 Figure 6", 16, "Source Address", 12),
	XI_P("5.2 Figure 6", 17, "Source Address", 12),
	XI_P("5.2 Figure 6", 18, "Source Address", 12),
	XI_P("5.2 Figure 6", 19, "Source Address", 12),
	XI_P("5.2 Figure 6", 20, "Source Address", 12),
	XI_P("5.2 Figure 6", 21, "Source Address", 12),
	XI_P("5.2 Figure 6", 22, "Source Address", 12),
	XI_P("5.2 Figure 6", 23, "Source Address", 12),
	XI_P("5.2 Figure 6", 24, "Destination Address", 16),
	XI_P("5.2 Figure 6", 25, "Destination Address", 16),
	XI_P("5.2 Figure 6", 26, "Destination Address", 16),
	XI_P("5.2 Figure 6", 27, "Destination Address", 16),
	XI_P("5.2 Figure 6", 28, "Destination Address", 16),
	XI_P("5.2 Figure 6", 29, "Destination Address", 16),
	XI_P("5.2 Figure 6", 30, "Destination Address", 16),
	XI_P("5.2 Figure 6", 31, "Destination Address", 16),
	XI_P("5.2 Figure 6", 32, "Destination Address", 16),
	XI_P("5.2 Figure 6", 33, "Destination Address", 16),
	XI_P("5.2 Figure 6", 34, "Destination Address", 16),
	XI_P("5.2 Figure 6", 35, "Destination Address", 16),
	XI_P("5.2 Figure 6", 36, "Destination Address", 16),
	XI_P("5.2 Figure 6", 37, "Destination Address", 16),
	XI_P("5.2 Figure 6", 38, "Destination Address", 16),
	XI_P("5.2 Figure 6", 39, "Destination Address", 16),
	XI_P_NA("5.2 Figure 6", 40, "past the header, not listed"),
	XI_P_NA("5.2 Figure 6", 41, "past the header, not listed"),
	XI_P_NA("5.2 Figure 6", 256, "not listed"),
	XI_P_NA("5.2 Figure 6", 65536, "not listed"),
	XI_P_NA("5.2 Figure 6", 0xffffffff, "not listed"),
};

KUNIT_ARRAY_PARAM_DESC(xi_ptr_64, xi_ptr_64_cases, name);

static void xlat_icmp_test_rfc7915_4_2_figure_3(struct kunit *test)
{
	const struct xi_ptr_case *c = test->param_value;
	u32 out = 0xa5a5a5a5;

	KUNIT_ASSERT_LE(test, c->in, U8_MAX);
	KUNIT_EXPECT_EQ(test, xlat_icmp_ptr_46(c->in, &out), c->ret);
	if (!c->ret)
		KUNIT_EXPECT_EQ(test, out, c->out);
}

static void xlat_icmp_test_rfc7915_5_2_figure_6(struct kunit *test)
{
	const struct xi_ptr_case *c = test->param_value;
	u8 out = XI_POISON;

	KUNIT_EXPECT_EQ(test, xlat_icmp_ptr_64(c->in, &out), c->ret);
	if (!c->ret)
		KUNIT_EXPECT_EQ(test, out, c->out);
}

/**
 * struct xi_mtu46_case - one Fragmentation Needed -> Packet Too Big MTU
 * @name: what it checks, with the arithmetic
 * @mtu4: Next-Hop MTU of the ICMPv4 error, 0 if the router left it unset
 * @tot_len: Total Length of the IPv4 packet the error quotes
 * @nh6: MTU of the IPv6 next hop, 0 if unknown
 * @nh4: MTU of the IPv4 next hop, 0 if unknown
 * @want: expected ICMPv6 MTU
 */
struct xi_mtu46_case {
	const char *name;
	u32 mtu4;
	u32 tot_len;
	u32 nh6;
	u32 nh4;
	u32 want;
};

/*
 * RFC 7915 section 4.2, Destination Unreachable Code 4: "The MTU field MUST
 * be adjusted for the difference between the IPv4 and IPv6 header sizes,
 * but MUST NOT be set to a value smaller than the minimum IPv6 MTU (1280
 * bytes). That is, it should be set to
 *
 *    maximum(1280, minimum((MTU value in the Packet Too Big Message) + 20,
 *    MTU_of_IPv6_nexthop, (MTU_of_IPv4_nexthop) + 20)).
 *
 * Note that if the IPv4 router set the MTU field to zero, i.e., the router
 * does not implement [RFC1191], then the translator MUST use the plateau
 * values specified in [RFC1191] to determine a likely path MTU and include
 * that path MTU in the ICMPv6 packet. (Use the greatest plateau value that
 * is less than the returned Total Length field, but that is larger than or
 * equal to 1280.)"
 *
 * The plateau is an IPv4 path MTU, so it goes through the formula like a
 * reported one. RFC 1191 section 7, Table 7-1, the plateaus:
 *
 *    65535  Official maximum MTU      2002  IEEE 802.5 (4Mb recommended)
 *    32000  Just in case              1492  IEEE 802.3
 *    17914  16Mb IBM Token Ring       1006  SLIP, ARPANET
 *     8166  IEEE 802.4                 508  IEEE 802/Source-Rt Bridge
 *     4352  FDDI (Revised)             296  Point-to-Point (low delay)
 *                                       68  Official minimum MTU
 */
static const struct xi_mtu46_case xi_mtu_46_cases[] = {
	{ "RFC 7915 4.2 MTU 1400: 1400 + 20 = 1420",
	  1400, 1500, 0, 0, 1420 },
	{ "RFC 7915 4.2 MTU 1400, next hops 0 (unknown) left out: 1420",
	  1400, 1400, 0, 0, 1420 },
	{ "RFC 7915 4.2 MTU 1500: 1520",
	  1500, 1600, 0, 0, 1520 },
	{ "RFC 7915 4.2 MTU 9000: 9020",
	  9000, 9000, 0, 0, 9020 },
	{ "RFC 7915 4.2 MTU 65535: 65555 (32-bit ICMPv6 MTU field)",
	  65535, 65535, 0, 0, 65555 },
	{ "RFC 7915 4.2 MTU 1500, IPv6 next hop 1480: min(1520, 1480)",
	  1500, 1600, 1480, 0, 1480 },
	{ "RFC 7915 4.2 MTU 1500, IPv6 next hop 1600: min(1520, 1600)",
	  1500, 1600, 1600, 0, 1520 },
	{ "RFC 7915 4.2 MTU 1500, IPv4 next hop 1400: min(1520, 1420)",
	  1500, 1600, 0, 1400, 1420 },
	{ "RFC 7915 4.2 MTU 1500, IPv4 next hop 1600: min(1520, 1620)",
	  1500, 1600, 0, 1600, 1520 },
	{ "RFC 7915 4.2 MTU 1500, next hops 6:1450 4:1400: 1420",
	  1500, 1600, 1450, 1400, 1420 },
	{ "RFC 7915 4.2 MTU 1500, next hops 6:1300 4:1400: 1300",
	  1500, 1600, 1300, 1400, 1300 },
	{ "RFC 7915 4.2 MTU 1500, next hops 6:9000 4:9000: 1520",
	  1500, 1600, 9000, 9000, 1520 },
	{ "RFC 7915 4.2 MTU 1260: 1280, the IPv6 minimum",
	  1260, 1300, 0, 0, 1280 },
	{ "RFC 7915 4.2 MTU 1261: 1281",
	  1261, 1300, 0, 0, 1281 },
	{ "RFC 7915 4.2 MTU 1200: 1220 -> max(1280, 1220) = 1280",
	  1200, 1300, 0, 0, 1280 },
	{ "RFC 7915 4.2 MTU 576: 596 -> 1280",
	  576, 1000, 0, 0, 1280 },
	{ "RFC 7915 4.2 MTU 68: 88 -> 1280",
	  68, 1000, 0, 0, 1280 },
	{ "RFC 7915 4.2 MTU 1500, IPv4 next hop 1000: 1020 -> 1280",
	  1500, 1600, 0, 1000, 1280 },
	{ "RFC 7915 4.2 MTU 1500, IPv6 next hop 1280: 1280",
	  1500, 1600, 1280, 0, 1280 },
	{ "RFC 7915 4.2 MTU 1400 set: Total Length 4400 not used: 1420",
	  1400, 4400, 0, 0, 1420 },
	{ "RFC 7915 4.2 MTU 0, Total Length 1500: plateau 1492 -> 1512",
	  0, 1500, 0, 0, 1512 },
	{ "RFC 7915 4.2 MTU 0, Total Length 2000: plateau 1492 -> 1512",
	  0, 2000, 0, 0, 1512 },
	{ "RFC 7915 4.2 MTU 0, Total Length 1493: plateau 1492 -> 1512",
	  0, 1493, 0, 0, 1512 },
	{ "RFC 7915 4.2 MTU 0, Total Length 2002: plateau 1492 -> 1512",
	  0, 2002, 0, 0, 1512 },
	{ "RFC 7915 4.2 MTU 0, Total Length 2003: plateau 2002 -> 2022",
	  0, 2003, 0, 0, 2022 },
	{ "RFC 7915 4.2 MTU 0, Total Length 4400: plateau 4352 -> 4372",
	  0, 4400, 0, 0, 4372 },
	{ "RFC 7915 4.2 MTU 0, Total Length 4400, IPv6 next hop 1500: 1500",
	  0, 4400, 1500, 0, 1500 },
	{ "RFC 7915 4.2 MTU 0, Total Length 4400, IPv4 next hop 1500: 1520",
	  0, 4400, 0, 1500, 1520 },
	{ "RFC 7915 4.2 MTU 0, Total Length 9000: plateau 8166 -> 8186",
	  0, 9000, 0, 0, 8186 },
	{ "RFC 7915 4.2 MTU 0, Total Length 20000: plateau 17914 -> 17934",
	  0, 20000, 0, 0, 17934 },
	{ "RFC 7915 4.2 MTU 0, Total Length 40000: plateau 32000 -> 32020",
	  0, 40000, 0, 0, 32020 },
	{ "RFC 7915 4.2 MTU 0, Total Length 65535: plateau 32000 -> 32020",
	  0, 65535, 0, 0, 32020 },
	{ "RFC 7915 4.2 MTU 0, Total Length 1492: plateau 1006 -> 1026 -> 1280",
	  0, 1492, 0, 0, 1280 },
	{ "RFC 7915 4.2 MTU 0, Total Length 1300: plateau 1006 -> 1026 -> 1280",
	  0, 1300, 0, 0, 1280 },
	{ "RFC 7915 4.2 MTU 0, Total Length 576: plateau 508 -> 1280",
	  0, 576, 0, 0, 1280 },
	{ "RFC 7915 4.2 MTU 0, Total Length 68: no plateau below -> 1280",
	  0, 68, 0, 0, 1280 },
	{ "RFC 7915 4.2 MTU 0, Total Length 0: no plateau below -> 1280",
	  0, 0, 0, 0, 1280 },
};

KUNIT_ARRAY_PARAM_DESC(xi_mtu_46, xi_mtu_46_cases, name);

static void xlat_icmp_test_rfc7915_4_2_mtu(struct kunit *test)
{
	const struct xi_mtu46_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, xlat_icmp_mtu_46(c->mtu4, c->tot_len, c->nh6,
					       c->nh4), c->want);
}

/**
 * struct xi_mtu64_case - one Packet Too Big -> Fragmentation Needed MTU
 * @name: what it checks, with the arithmetic
 * @mtu6: MTU of the ICMPv6 Packet Too Big
 * @nh4: MTU of the IPv4 next hop, 0 if unknown
 * @nh6: MTU of the IPv6 next hop, 0 if unknown
 * @want: expected ICMPv4 Next-Hop MTU
 */
struct xi_mtu64_case {
	const char *name;
	u32 mtu6;
	u32 nh4;
	u32 nh6;
	u32 want;
};

/*
 * RFC 7915 section 5.2, Packet Too Big: "The MTU field MUST be adjusted for
 * the difference between the IPv4 and IPv6 header sizes, taking into
 * account whether or not the packet in error includes a Fragment Header,
 * i.e., minimum(advertised MTU-20, MTU_of_IPv4_nexthop,
 * (MTU_of_IPv6_nexthop)-20)."
 *
 * The ICMPv4 Next-Hop MTU is "the low-order 16 bits of the ICMP header
 * field" (RFC 1191 section 4): a larger value is capped at 65535. A
 * subtraction that would go negative gives 0 (xlat_icmp_mtu_64() contract).
 */
static const struct xi_mtu64_case xi_mtu_64_cases[] = {
	{ "RFC 7915 5.2 MTU 1500: 1500 - 20 = 1480",
	  1500, 0, 0, 1480 },
	{ "RFC 7915 5.2 MTU 1280: 1260",
	  1280, 0, 0, 1260 },
	{ "RFC 7915 5.2 MTU 9000: 8980",
	  9000, 0, 0, 8980 },
	{ "RFC 7915 5.2 MTU 1500, IPv4 next hop 1400: min(1480, 1400)",
	  1500, 1400, 0, 1400 },
	{ "RFC 7915 5.2 MTU 1500, IPv4 next hop 1490: min(1480, 1490)",
	  1500, 1490, 0, 1480 },
	{ "RFC 7915 5.2 MTU 1500, IPv6 next hop 1400: min(1480, 1380)",
	  1500, 0, 1400, 1380 },
	{ "RFC 7915 5.2 MTU 1500, IPv6 next hop 1510: min(1480, 1490)",
	  1500, 0, 1510, 1480 },
	{ "RFC 7915 5.2 MTU 1500, next hops 4:1450 6:1400: 1380",
	  1500, 1450, 1400, 1380 },
	{ "RFC 7915 5.2 MTU 1500, next hops 4:1300 6:1400: 1300",
	  1500, 1300, 1400, 1300 },
	{ "RFC 7915 5.2 MTU 1500, IPv4 next hop 68: 68",
	  1500, 68, 0, 68 },
	{ "RFC 7915 5.2 MTU 65535: 65515",
	  65535, 0, 0, 65515 },
	{ "RFC 7915 5.2 MTU 65555: 65535",
	  65555, 0, 0, 65535 },
	{ "RFC 7915 5.2 MTU 65556: 65536 capped at 65535",
	  65556, 0, 0, 65535 },
	{ "RFC 7915 5.2 MTU 100000: 99980 capped at 65535",
	  100000, 0, 0, 65535 },
	{ "RFC 7915 5.2 MTU 4294967295: capped at 65535",
	  0xffffffff, 0, 0, 65535 },
	{ "RFC 7915 5.2 MTU 100000, IPv4 next hop 9000: 9000",
	  100000, 9000, 0, 9000 },
	{ "RFC 7915 5.2 MTU 100000, IPv6 next hop 70000: capped at 65535",
	  100000, 0, 70000, 65535 },
	{ "RFC 7915 5.2 MTU 88: 68, the IPv4 minimum",
	  88, 0, 0, 68 },
	{ "RFC 7915 5.2 MTU 21: 1",
	  21, 0, 0, 1 },
	{ "RFC 7915 5.2 MTU 20: 0",
	  20, 0, 0, 0 },
	{ "RFC 7915 5.2 MTU 10: 0, not negative",
	  10, 0, 0, 0 },
	{ "RFC 7915 5.2 MTU 0: 0",
	  0, 0, 0, 0 },
	{ "RFC 7915 5.2 MTU 1500, IPv6 next hop 10: 0, not negative",
	  1500, 0, 10, 0 },
};

KUNIT_ARRAY_PARAM_DESC(xi_mtu_64, xi_mtu_64_cases, name);

static void xlat_icmp_test_rfc7915_5_2_mtu(struct kunit *test)
{
	const struct xi_mtu64_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, xlat_icmp_mtu_64(c->mtu6, c->nh4, c->nh6),
			c->want);
}

/* Report the first (type, code) that is not a clean drop, and stop. */
static bool xi_dropped(struct kunit *test, const char *sec, bool v6,
		       unsigned int t, unsigned int c)
{
	u8 type = XI_POISON, code = XI_POISON, rest = XI_POISON;
	enum xlat_icmp_kind kind;

	if (v6)
		kind = xlat_icmp_map_64(t, c, &type, &code, &rest);
	else
		kind = xlat_icmp_map_46(t, c, &type, &code, &rest);
	if (kind == XLAT_ICMP_DROP && !type && !code && !rest)
		return true;
	KUNIT_FAIL(test,
		   "RFC 7915 %s: type %u code %u: kind %d type %u code %u rest %u, want a drop",
		   sec, t, c, kind, type, code, rest);
	return false;
}

/*
 * RFC 7915 section 4.2, every value outside the table: "Unknown ICMPv4
 * types: Silently drop.", Destination Unreachable and Parameter Problem
 * "Other Code values: Silently drop.", and Figure 3's unlisted pointers.
 */
static void xlat_icmp_test_rfc7915_4_2_unlisted(struct kunit *test)
{
	unsigned int t, c;
	u32 out;

	for (t = 0; t <= U8_MAX; t++) {
		if (t == 0 || t == 3 || t == 8 || t == 11 || t == 12)
			continue;
		for (c = 0; c <= U8_MAX; c++)
			if (!xi_dropped(test, "4.2", false, t, c))
				return;
	}
	for (c = 16; c <= U8_MAX; c++)
		if (!xi_dropped(test, "4.2", false, 3, c))
			return;
	if (!xi_dropped(test, "4.2", false, 3, 14))
		return;
	for (c = 1; c <= U8_MAX; c++)
		if (c != 2 && !xi_dropped(test, "4.2", false, 12, c))
			return;
	for (c = 20; c <= U8_MAX; c++)
		KUNIT_EXPECT_EQ_MSG(test, xlat_icmp_ptr_46(c, &out), -EINVAL,
				    "RFC 7915 4.2 Figure 3 pointer %u", c);
}

/*
 * RFC 7915 section 5.2, every value outside the table: "Unknown
 * informational messages: Silently drop.", "Unknown error messages:
 * Silently drop.", Destination Unreachable "Other Code values: Silently
 * drop.", Parameter Problem codes 2 and up, and Figure 6's unlisted
 * pointers.
 */
static void xlat_icmp_test_rfc7915_5_2_unlisted(struct kunit *test)
{
	unsigned int t, c;
	u32 p;
	u8 out;

	for (t = 0; t <= U8_MAX; t++) {
		if ((t >= 1 && t <= 4) || t == 128 || t == 129)
			continue;
		for (c = 0; c <= U8_MAX; c++)
			if (!xi_dropped(test, "5.2", true, t, c))
				return;
	}
	for (c = 5; c <= U8_MAX; c++)
		if (!xi_dropped(test, "5.2", true, 1, c))
			return;
	for (c = 2; c <= U8_MAX; c++)
		if (!xi_dropped(test, "5.2", true, 4, c))
			return;
	for (p = 40; p <= 2 * U16_MAX; p++)
		if (xlat_icmp_ptr_64(p, &out) != -EINVAL) {
			KUNIT_FAIL(test, "RFC 7915 5.2 Figure 6 pointer %u",
				   p);
			return;
		}
}

static struct kunit_case xlat_icmp_test_cases[] = {
	KUNIT_CASE_PARAM(xlat_icmp_test_rfc7915_4_2_type_code,
			 xi_map_46_gen_params),
	KUNIT_CASE_PARAM(xlat_icmp_test_rfc7915_4_2_figure_3,
			 xi_ptr_46_gen_params),
	KUNIT_CASE_PARAM(xlat_icmp_test_rfc7915_4_2_mtu, xi_mtu_46_gen_params),
	KUNIT_CASE(xlat_icmp_test_rfc7915_4_2_unlisted),
	KUNIT_CASE_PARAM(xlat_icmp_test_rfc7915_5_2_type_code,
			 xi_map_64_gen_params),
	KUNIT_CASE_PARAM(xlat_icmp_test_rfc7915_5_2_figure_6,
			 xi_ptr_64_gen_params),
	KUNIT_CASE_PARAM(xlat_icmp_test_rfc7915_5_2_mtu, xi_mtu_64_gen_params),
	KUNIT_CASE(xlat_icmp_test_rfc7915_5_2_unlisted),
	{}
};

static struct kunit_suite xlat_icmp_test_suite = {
	.name = "xlat_icmp_map",
	.test_cases = xlat_icmp_test_cases,
};

kunit_test_suite(xlat_icmp_test_suite);
