/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * xlat: stateless IP/ICMP translation (SIIT, RFC 7915) as a lightweight
 * tunnel encap (LWTUNNEL_ENCAP_XLAT).
 *
 * The attributes below are nested in RTA_ENCAP of an IPv4 route (which
 * translates IPv4 to IPv6) or of an IPv6 route (IPv6 to IPv4). See
 * Documentation/networking/xlat.rst.
 */
#ifndef _UAPI_LINUX_LWTUNNEL_XLAT_H
#define _UAPI_LINUX_LWTUNNEL_XLAT_H

#include <linux/types.h>

/**
 * enum xlat_attrs - attributes of an xlat encap
 * @XLAT_ATTR_UNSPEC: unused
 * @XLAT_ATTR_PAD: padding for 64-bit attributes
 * @XLAT_ATTR_REMOTE_PREFIX6: nested &enum xlat_pfx_attrs with
 *	%XLAT_PFX_ADDR6 and %XLAT_PFX_LEN6: the RFC 6052 prefix of the far
 *	side. The length is one of 32, 40, 48, 56, 64 or 96 and bits 64-71
 *	of the address (the u-octet) are zero.
 * @XLAT_ATTR_LOCAL_MAP: nested &enum xlat_pfx_attrs with all four
 *	members: one mapping of the near side (the IPv4 hosts behind a
 *	CLAT). Equal suffix lengths make it an RFC 7757 explicit address
 *	mapping; otherwise %XLAT_PFX_LEN6 must be an RFC 6052 length and
 *	the IPv4 prefix is the domain of addresses embedded in it.
 *	May be given several times.
 * @XLAT_ATTR_EAM: nested &enum xlat_pfx_attrs with all four members:
 *	an RFC 7757 explicit address mapping. The IPv4 suffix may be shorter
 *	than the IPv6 suffix: its bits then follow the IPv6 prefix and the
 *	low-order IPv6 bits left are zero (RFC 7757 section 3.2); a longer
 *	one is refused. May be given several times.
 * @XLAT_ATTR_DENYLIST4: nested &enum xlat_pfx_attrs with %XLAT_PFX_ADDR4
 *	and %XLAT_PFX_LEN4: IPv4 addresses never translated through
 *	@XLAT_ATTR_REMOTE_PREFIX6. May be given several times.
 * @XLAT_ATTR_ICMP_SRC_POOL4: nested &enum xlat_pfx_attrs (IPv4): the
 *	RFC 6791 pool for the source of ICMPv4 errors whose IPv6 source
 *	cannot be translated. Default 192.0.0.8/32 (RFC 7600).
 * @XLAT_ATTR_ICMP_SRC_POOL6: nested &enum xlat_pfx_attrs (IPv6): the
 *	source of ICMPv6 errors whose IPv4 source cannot be translated.
 *	Default unset: such errors are dropped.
 * @XLAT_ATTR_UDP_ZERO_CSUM: u8, &enum xlat_udp_zero_csum: what to do with
 *	an IPv4 UDP datagram whose checksum is zero (RFC 7915 section 4.5).
 *	When absent: computed for a whole datagram, refused (ICMPv4 3/13) for
 *	a fragmented one, whose fragments are translated one by one.
 * @XLAT_ATTR_TCLASS: u8, &enum xlat_tclass: the IPv6 traffic class of
 *	translated IPv4 packets (RFC 7915 section 4.1). Default
 *	%XLAT_TCLASS_COPY.
 * @XLAT_ATTR_TOS4: u8: when present, the fixed IPv4 TOS of translated
 *	IPv6 packets; when absent, the traffic class is copied (RFC 7915
 *	section 5.1).
 * @XLAT_ATTR_LOWEST_IPV6_MTU: u32, 1280-65535: the size to which IPv4
 *	packets with DF clear are cut on the IPv6 side (RFC 7915 section
 *	4.1); DF packets follow the route and path MTU only. Default unset.
 * @XLAT_ATTR_STATS: nested &enum xlat_stats_attrs. On input, its presence
 *	(an empty nest will do; what it holds is ignored) gives the route
 *	counters of its own, as %SEG6_LOCAL_COUNTERS does for seg6local;
 *	without it the route keeps none, and only the totals of the network
 *	namespace count. In a dump, the counters of a route that has them.
 * @XLAT_ATTR_ICMP_NODE_ID: u8, &enum xlat_icmp_node_id: whether an ICMPv4
 *	error translated from an ICMPv6 error whose source has no IPv4 form
 *	carries that source in an ICMP Node Identification Object (RFC 4884
 *	extension; draft-ietf-v6ops-icmpext-xlat-v6only-source). Default
 *	%XLAT_ICMP_NODE_ID_ON.
 * @__XLAT_ATTR_MAX: number of attributes
 * @XLAT_ATTR_MAX: highest attribute number
 */
enum xlat_attrs {
	XLAT_ATTR_UNSPEC,
	XLAT_ATTR_PAD,
	XLAT_ATTR_REMOTE_PREFIX6,
	XLAT_ATTR_LOCAL_MAP,
	XLAT_ATTR_EAM,
	XLAT_ATTR_DENYLIST4,
	XLAT_ATTR_ICMP_SRC_POOL4,
	XLAT_ATTR_ICMP_SRC_POOL6,
	XLAT_ATTR_UDP_ZERO_CSUM,
	XLAT_ATTR_TCLASS,
	XLAT_ATTR_TOS4,
	XLAT_ATTR_LOWEST_IPV6_MTU,
	XLAT_ATTR_STATS,
	XLAT_ATTR_ICMP_NODE_ID,

	__XLAT_ATTR_MAX,
};

#define XLAT_ATTR_MAX (__XLAT_ATTR_MAX - 1)

/**
 * enum xlat_pfx_attrs - a prefix, or a pair of prefixes
 * @XLAT_PFX_UNSPEC: unused
 * @XLAT_PFX_ADDR4: be32 (network byte order): IPv4 prefix
 * @XLAT_PFX_LEN4: u8, 0-32: IPv4 prefix length
 * @XLAT_PFX_ADDR6: 16 bytes (struct in6_addr): IPv6 prefix
 * @XLAT_PFX_LEN6: u8, 0-128: IPv6 prefix length
 * @__XLAT_PFX_MAX: number of attributes
 * @XLAT_PFX_MAX: highest attribute number
 *
 * Which members are required depends on the enclosing attribute. Host
 * bits past the prefix length must be zero.
 */
enum xlat_pfx_attrs {
	XLAT_PFX_UNSPEC,
	XLAT_PFX_ADDR4,
	XLAT_PFX_LEN4,
	XLAT_PFX_ADDR6,
	XLAT_PFX_LEN6,

	__XLAT_PFX_MAX,
};

#define XLAT_PFX_MAX (__XLAT_PFX_MAX - 1)

/**
 * enum xlat_udp_zero_csum - handling of zero-checksum IPv4 UDP
 * @XLAT_UDP_ZERO_CSUM_COMPUTE: compute the checksum (RFC 7915 section 4.5),
 *	fragmented datagrams included: UDPv4 fragments are reassembled first
 * @XLAT_UDP_ZERO_CSUM_DROP: refuse the datagram (ICMPv4 3/13), count it
 */
enum xlat_udp_zero_csum {
	XLAT_UDP_ZERO_CSUM_COMPUTE,
	XLAT_UDP_ZERO_CSUM_DROP,
};

/**
 * enum xlat_tclass - IPv6 traffic class of translated IPv4 packets
 * @XLAT_TCLASS_COPY: copy the IPv4 TOS octet
 * @XLAT_TCLASS_ZERO: always zero
 */
enum xlat_tclass {
	XLAT_TCLASS_COPY,
	XLAT_TCLASS_ZERO,
};

/**
 * enum xlat_icmp_node_id - the Node Identification extension of ICMPv4
 *	errors from IPv6-only hops
 * @XLAT_ICMP_NODE_ID_OFF: never added
 * @XLAT_ICMP_NODE_ID_ON: added when the error takes its source from
 *	icmp-source-pool4 and the extension fits
 */
enum xlat_icmp_node_id {
	XLAT_ICMP_NODE_ID_OFF,
	XLAT_ICMP_NODE_ID_ON,
};

/**
 * enum xlat_stats_attrs - counters of one encap (dump only)
 * @XLAT_STATS_UNSPEC: unused
 * @XLAT_STATS_PAD: padding for 64-bit attributes
 * @XLAT_STATS_PACKETS: u64, packets translated
 * @XLAT_STATS_BYTES: u64, bytes of those packets before translation
 * @XLAT_STATS_DROP: nested &enum xlat_drop_attrs: one drop reason with
 *	a non-zero count. Repeated, one per reason.
 * @__XLAT_STATS_MAX: number of attributes
 * @XLAT_STATS_MAX: highest attribute number
 *
 * An encap attached to an IPv4 route counts IPv4-to-IPv6 translation,
 * one attached to an IPv6 route IPv6-to-IPv4.
 */
enum xlat_stats_attrs {
	XLAT_STATS_UNSPEC,
	XLAT_STATS_PAD,
	XLAT_STATS_PACKETS,
	XLAT_STATS_BYTES,
	XLAT_STATS_DROP,

	__XLAT_STATS_MAX,
};

#define XLAT_STATS_MAX (__XLAT_STATS_MAX - 1)

/**
 * enum xlat_drop_attrs - the count of one drop reason
 * @XLAT_DROP_ATTR_UNSPEC: unused
 * @XLAT_DROP_ATTR_PAD: padding for 64-bit attributes
 * @XLAT_DROP_ATTR_REASON: u32, &enum xlat_drop_reason
 * @XLAT_DROP_ATTR_COUNT: u64: packets dropped for this reason
 * @__XLAT_DROP_ATTR_MAX: number of attributes
 * @XLAT_DROP_ATTR_MAX: highest attribute number
 */
enum xlat_drop_attrs {
	XLAT_DROP_ATTR_UNSPEC,
	XLAT_DROP_ATTR_PAD,
	XLAT_DROP_ATTR_REASON,
	XLAT_DROP_ATTR_COUNT,

	__XLAT_DROP_ATTR_MAX,
};

#define XLAT_DROP_ATTR_MAX (__XLAT_DROP_ATTR_MAX - 1)

/**
 * enum xlat_drop_reason - why the encap dropped a packet
 * @XLAT_DROP_MALFORMED_IPV4: IPv4 header truncated or inconsistent
 * @XLAT_DROP_MALFORMED_IPV6: IPv6 header or extension chain truncated or
 *	inconsistent
 * @XLAT_DROP_TRUNCATED_L4: transport header cut short in a first fragment
 * @XLAT_DROP_TTL_EXCEEDED: TTL or hop limit expired on a forwarding hop
 * @XLAT_DROP_SOURCE_ROUTE: unexpired IPv4 LSRR/SSRR option
 * @XLAT_DROP_ROUTING_HEADER: IPv6 Routing header with Segments Left > 0
 * @XLAT_DROP_FRAG_EXTHDR: IPv6 extension header after a Fragment Header
 * @XLAT_DROP_PROTO_REFUSED: an upper-layer number that is the other
 *	family's own header: IPv6 extension headers or ICMPv6 in IPv4, ICMPv4
 *	in IPv6
 * @XLAT_DROP_UNTRANSLATABLE_SRC: no mapping for the source address
 * @XLAT_DROP_UNTRANSLATABLE_DST: no mapping for the destination address
 * @XLAT_DROP_NO_NEAR_SIDE: neither address is mapped by local-map
 * @XLAT_DROP_UDP_ZERO_CSUM: zero-checksum UDPv4 with udp-zero-checksum drop
 * @XLAT_DROP_UDP_ZERO_CSUM_FRAG: zero-checksum UDPv4 that is fragmented
 * @XLAT_DROP_ICMP_TYPE: ICMP type or code without a translation
 * @XLAT_DROP_ICMP_CHECKSUM: ICMP error with a bad checksum (the translation
 *	computes a new one, which would hide the corruption)
 * @XLAT_DROP_ICMP_INNER: the packet quoted by an ICMP error is truncated
 *	before its transport header, untranslatable, or itself an ICMP error
 * @XLAT_DROP_ICMP_FRAGMENT: fragmented ICMP message
 * @XLAT_DROP_TOO_BIG: a packet that may not be fragmented is too big for
 *	the other side (Fragmentation Needed or Packet Too Big sent)
 * @XLAT_DROP_TOO_LONG: a reassembled IPv6 datagram longer than an IPv4
 *	Total Length can state
 * @XLAT_DROP_FRAG_FAILED: fragmenting a packet that is too big failed
 * @XLAT_DROP_REASM: reassembly of ICMP or UDPv4 fragments refused the
 *	fragment (evictions and timeouts are the kernel's ReasmFails and
 *	ReasmTimeout)
 * @XLAT_DROP_NO_ROUTE: no route for the translated packet
 * @XLAT_DROP_NOMEM: no memory to grow or copy the packet
 * @__XLAT_DROP_MAX: number of reasons
 * @XLAT_DROP_MAX: highest reason number
 *
 * Documentation/networking/xlat.rst gives each its stable name (as
 * ip-route(8) shows it) and the RFC clause behind it. New reasons are
 * added at the end, each with its namespace MIB counter in <linux/snmp.h>
 * (LINUX_MIB_XLATDROP*, in this order).
 */
enum xlat_drop_reason {
	XLAT_DROP_MALFORMED_IPV4,
	XLAT_DROP_MALFORMED_IPV6,
	XLAT_DROP_TRUNCATED_L4,
	XLAT_DROP_TTL_EXCEEDED,
	XLAT_DROP_SOURCE_ROUTE,
	XLAT_DROP_ROUTING_HEADER,
	XLAT_DROP_FRAG_EXTHDR,
	XLAT_DROP_PROTO_REFUSED,
	XLAT_DROP_UNTRANSLATABLE_SRC,
	XLAT_DROP_UNTRANSLATABLE_DST,
	XLAT_DROP_NO_NEAR_SIDE,
	XLAT_DROP_UDP_ZERO_CSUM,
	XLAT_DROP_UDP_ZERO_CSUM_FRAG,
	XLAT_DROP_ICMP_TYPE,
	XLAT_DROP_ICMP_CHECKSUM,
	XLAT_DROP_ICMP_INNER,
	XLAT_DROP_ICMP_FRAGMENT,
	XLAT_DROP_TOO_BIG,
	XLAT_DROP_TOO_LONG,
	XLAT_DROP_FRAG_FAILED,
	XLAT_DROP_REASM,
	XLAT_DROP_NO_ROUTE,
	XLAT_DROP_NOMEM,

	__XLAT_DROP_MAX,
};

#define XLAT_DROP_MAX (__XLAT_DROP_MAX - 1)

#endif /* _UAPI_LINUX_LWTUNNEL_XLAT_H */
