/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xlat: stateless IP/ICMP translation (SIIT, RFC 7915) as an LWT encap.
 *
 * Internal interfaces shared by the files of net/ipv6/ila_xlat/.
 */
#ifndef _NET_IPV6_XLAT_H
#define _NET_IPV6_XLAT_H

#include <linux/in6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/types.h>
#include <linux/u64_stats_sync.h>
#include <net/checksum.h>
#include <net/ip6_checksum.h>
#include <net/ipv6.h>
#include <net/lwtunnel.h>
#include <net/netlink.h>
#include <uapi/linux/lwtunnel_xlat.h>

/*
 * Per-encap limit on local-map, eam and denylist4 entries together. A route
 * with its encap and counters must fit in the first skb of a route dump,
 * one page: a route that does not fit an empty one ends the dump silently
 * (rtnl_dumpit()), hiding it and every route after it from `ip route
 * show`. 64 entries take about 3 KiB with the counters.
 */
#define XLAT_MAX_ENTRIES	64

/* RFC 7915 section 5.1: above this IPv4 length, a packet without a
 * Fragment Header gets DF set.
 */
#define XLAT_64_DF_THRESHOLD	1260

/*
 * What an IPv4 header grows by when it becomes an IPv6 header: 20 bytes.
 * Every MTU that crosses the families adds or takes it off.
 */
#define XLAT_46_GROWTH	(sizeof(struct ipv6hdr) - sizeof(struct iphdr))

/* IPv6 extension header types without a name in the kernel (IANA). */
#define XLAT_NEXTHDR_HIP	139	/* RFC 7401 */
#define XLAT_NEXTHDR_SHIM6	140	/* RFC 5533 */
#define XLAT_NEXTHDR_EXP1	253	/* RFC 3692, RFC 4727 */
#define XLAT_NEXTHDR_EXP2	254

/* The IPv4 dummy address, RFC 7600: default RFC 6791 ICMP source. */
#define XLAT_DEFAULT_POOL4	htonl(0xc0000008)	/* 192.0.0.8 */

/**
 * struct xlat_pfx4 - an IPv4 prefix
 * @addr: prefix, host bits zero
 * @len: prefix length, 0-32
 */
struct xlat_pfx4 {
	__be32 addr;
	u8 len;
};

/**
 * struct xlat_pfx6 - an IPv6 prefix
 * @addr: prefix, host bits zero
 * @len: prefix length, 0-128
 */
struct xlat_pfx6 {
	struct in6_addr addr;
	u8 len;
};

/**
 * struct xlat_map - a local-map or eam entry
 * @p4: the IPv4 side
 * @p6: the IPv6 side
 * @embed: false for an RFC 7757 mapping (equal suffix lengths, the prefix
 *	is replaced bit for bit); true for a local-map whose IPv6 side is an
 *	RFC 6052 prefix in which addresses of @p4 are embedded
 */
struct xlat_map {
	struct xlat_pfx4 p4;
	struct xlat_pfx6 p6;
	bool embed;
};

/**
 * xlat_pseudo_diff() - what a TCP or UDP checksum changes by
 * @ip4: the IPv4 header, old or new
 * @ip6: the IPv6 header, new or old
 * @to6: IPv4 is translated to IPv6 (else IPv6 to IPv4)
 *
 * RFC 7915 sections 4.5 and 5.5: the pseudo-header changes. Of its fields
 * only the addresses differ in their sum: the length and the protocol are
 * the same numbers in both. Packets and quoted packets both come here.
 *
 * Return: the new sum minus the old, for csum_replace_by_diff().
 */
static inline __wsum xlat_pseudo_diff(const struct iphdr *ip4,
				      const struct ipv6hdr *ip6, bool to6)
{
	__wsum s4 = csum_partial(&ip4->saddr, 2 * sizeof(ip4->saddr), 0);
	__wsum s6 = csum_partial(&ip6->saddr, 2 * sizeof(ip6->saddr), 0);

	return to6 ? csum_sub(s6, s4) : csum_sub(s4, s6);
}

/**
 * xlat_icmp_pseudo() - put in or take out the ICMPv6 pseudo-header
 * @sum: an ICMP checksum
 * @ip6: the IPv6 header the ICMPv6 message has, or had
 * @len: the ICMPv6 length of its pseudo-header
 * @to6: ICMPv4 becomes ICMPv6 (the pseudo-header is added), else ICMPv6
 *	becomes ICMPv4 (it is taken out)
 *
 * RFC 7915 sections 4.2 and 5.2: ICMPv6 covers a pseudo-header (RFC 4443
 * section 2.3), ICMPv4 does not. The update is incremental (RFC 1624), so
 * a corrupt checksum stays exactly as corrupt.
 */
static inline void xlat_icmp_pseudo(__sum16 *sum, const struct ipv6hdr *ip6,
				    u32 len, bool to6)
{
	__wsum ps = csum_unfold(csum_ipv6_magic(&ip6->saddr, &ip6->daddr, len,
						IPPROTO_ICMPV6, 0));

	csum_replace_by_diff(sum, to6 ? ~ps : ps);
}

/*
 * A pseudo-header difference that is +0 or -0 in one's complement: the
 * translation keeps the TCP or UDP checksum as it is. It is, for every
 * packet, through a checksum-neutral mapping (the arithmetic of RFC 6296
 * section 3.2): a CLAT address chosen so (libxlat's
 * xlat_csum_neutralize(), Android's clatd), 64:ff9b::/96, whose words sum
 * to 0xffff.
 */
static inline bool xlat_csum_diff_zero(__wsum diff)
{
	u16 f = (__force u16)csum_fold(diff);

	return f == 0 || f == 0xffff;
}

/* Which optional attributes were given (struct xlat_cfg.present). */
enum {
	XLAT_CFG_REMOTE6	= BIT(0),
	XLAT_CFG_POOL4		= BIT(1),
	XLAT_CFG_POOL6		= BIT(2),
	XLAT_CFG_UDP_ZERO_CSUM	= BIT(3),
	XLAT_CFG_TCLASS		= BIT(4),
	XLAT_CFG_TOS4		= BIT(5),
	XLAT_CFG_LOWEST_MTU	= BIT(6),
	XLAT_CFG_NODE_ID	= BIT(7),
	XLAT_CFG_STATS		= BIT(8),
};

/**
 * struct xlat_cfg - the configuration of one encap, immutable once built
 * @present: XLAT_CFG_* bits of the optional attributes given
 * @remote6: RFC 6052 prefix of the far side
 * @pool4: RFC 6791 source of ICMPv4 errors (default 192.0.0.8/32)
 * @pool6: source of ICMPv6 errors whose IPv4 source is untranslatable
 * @udp_zero_csum: &enum xlat_udp_zero_csum
 * @tclass: &enum xlat_tclass
 * @tos4: fixed IPv4 TOS when %XLAT_CFG_TOS4 is present
 * @lowest_ipv6_mtu: the IPv6 size DF-clear packets are cut to, 0 if unset
 * @node_id: &enum xlat_icmp_node_id
 * @n_deny: number of denylist4 entries, in @deny
 * @deny: denylist4 entries
 * @tab: longest-prefix-match tables over the entries (xlat_map.c)
 * @n_local: number of local-map entries, at @maps[0]
 * @n_maps: number of local-map and eam entries
 * @maps: local-map then eam entries, each in configuration order
 */
struct xlat_cfg {
	u32 present;
	struct xlat_pfx6 remote6;
	struct xlat_pfx4 pool4;
	struct xlat_pfx6 pool6;
	u8 udp_zero_csum;
	u8 tclass;
	u8 tos4;
	u32 lowest_ipv6_mtu;
	u8 node_id;
	u16 n_deny;
	struct xlat_pfx4 *deny;
	struct xlat_tables *tab;
	u16 n_local;
	u16 n_maps;
	struct xlat_map maps[] __counted_by(n_maps);
};

/* xlat_addr.c: prefix arithmetic (RFC 6052, RFC 7757) */
bool xlat_rfc6052_len_ok(unsigned int len);
bool xlat_pfx4_host_bits_zero(const struct xlat_pfx4 *p);
bool xlat_pfx6_host_bits_zero(const struct xlat_pfx6 *p);
bool xlat_pfx4_equal(const struct xlat_pfx4 *a, const struct xlat_pfx4 *b);
bool xlat_pfx6_equal(const struct xlat_pfx6 *a, const struct xlat_pfx6 *b);

/* xlat_map.c: address mapping (RFC 6052, RFC 7757, the order of xlat.rst) */
struct xlat_lpm;
struct xlat_tables;

/**
 * enum xlat_via - which rule mapped an address
 * @XLAT_VIA_NONE: none: the address is untranslatable
 * @XLAT_VIA_LOCAL: a local-map entry (the near side)
 * @XLAT_VIA_EAM: an eam entry
 * @XLAT_VIA_PREFIX: remote-prefix6 (RFC 6052)
 */
enum xlat_via {
	XLAT_VIA_NONE,
	XLAT_VIA_LOCAL,
	XLAT_VIA_EAM,
	XLAT_VIA_PREFIX,
};

void xlat_rfc6052_embed(const struct xlat_pfx6 *pfx, __be32 v4,
			struct in6_addr *out);
__be32 xlat_rfc6052_extract(const struct xlat_pfx6 *pfx,
			    const struct in6_addr *a);
struct xlat_lpm *xlat_lpm_build4(const struct xlat_pfx4 *p, size_t stride,
				 unsigned int n);
struct xlat_lpm *xlat_lpm_build6(const struct xlat_pfx6 *p, size_t stride,
				 unsigned int n);
int xlat_lpm_lookup4(const struct xlat_lpm *t, __be32 a);
int xlat_lpm_lookup6(const struct xlat_lpm *t, const struct in6_addr *a);
int xlat_tables_build(struct xlat_cfg *cfg);
void xlat_tables_free(struct xlat_tables *tab);
enum xlat_via xlat_map_4to6(const struct xlat_cfg *cfg, __be32 v4,
			    struct in6_addr *out);
enum xlat_via xlat_map_6to4(const struct xlat_cfg *cfg,
			    const struct in6_addr *v6, __be32 *out);
enum xlat_via xlat_map_4to6_prefix(const struct xlat_cfg *cfg, __be32 v4,
				   struct in6_addr *out);
enum xlat_via xlat_map_4to6_err_src(const struct xlat_cfg *cfg, __be32 v4,
				    struct in6_addr *out);
bool xlat_map_4to6_near(const struct xlat_cfg *cfg, __be32 v4);

/* xlat_nl.c: netlink configuration */
struct xlat_cfg *xlat_cfg_parse(const struct nlattr *encap,
				struct netlink_ext_ack *extack);
void xlat_cfg_free(struct xlat_cfg *cfg);
int xlat_cfg_fill(struct sk_buff *skb, const struct xlat_cfg *cfg);
size_t xlat_cfg_nlsize(const struct xlat_cfg *cfg);
bool xlat_cfg_equal(const struct xlat_cfg *a, const struct xlat_cfg *b);

/* xlat_stats.c: counters and drop reasons */

/*
 * enum xlat_drop_reason (the uapi, <linux/lwtunnel_xlat.h>) says why a
 * packet was dropped. xlat_stats.c gives each reason its drop reason of
 * subsystem SKB_DROP_REASON_SUBSYS_XLAT, named in xlat_drop_symbols[],
 * and its MIB counter (<uapi/linux/snmp.h>, named in net/ipv4/proc.c).
 * Documentation/networking/xlat.rst lists them with the name ip-route(8)
 * shows and the RFC clause behind each, and a selftest checks that the
 * documentation and the MIB names agree.
 */
#define XLAT_DROP_NUM __XLAT_DROP_MAX

extern const char * const xlat_drop_symbols[XLAT_DROP_NUM + 1];

/**
 * enum xlat_dir - direction of a translation
 * @XLAT_46: IPv4 to IPv6 (an encap on an IPv4 route)
 * @XLAT_64: IPv6 to IPv4 (an encap on an IPv6 route)
 * @XLAT_DIR_NUM: number of directions
 */
enum xlat_dir {
	XLAT_46,
	XLAT_64,
	XLAT_DIR_NUM
};

/**
 * struct xlat_pcpu_stats - per-CPU counters of one encap
 * @syncp: protects the 64-bit counters on 32-bit hosts
 * @packets: packets translated, by &enum xlat_dir
 * @bytes: bytes of those packets before translation, by &enum xlat_dir
 * @drops: drops by &enum xlat_drop_reason
 */
struct xlat_pcpu_stats {
	struct u64_stats_sync syncp;
	u64_stats_t packets[XLAT_DIR_NUM];
	u64_stats_t bytes[XLAT_DIR_NUM];
	u64_stats_t drops[XLAT_DROP_NUM];
};

/**
 * struct xlat_stats - a snapshot summed over CPUs
 * @packets: packets translated, by &enum xlat_dir
 * @bytes: bytes of those packets before translation, by &enum xlat_dir
 * @drops: drops by &enum xlat_drop_reason
 */
struct xlat_stats {
	u64 packets[XLAT_DIR_NUM];
	u64 bytes[XLAT_DIR_NUM];
	u64 drops[XLAT_DROP_NUM];
};

/**
 * struct xlat_lwt - the state of one encap, in lwtunnel_state.data
 * @cfg: immutable configuration
 * @stats: per-CPU counters, or NULL: only with %XLAT_ATTR_STATS
 * @dir: %XLAT_46 on an IPv4 route, %XLAT_64 on an IPv6 route
 */
struct xlat_lwt {
	struct xlat_cfg *cfg;
	struct xlat_pcpu_stats __percpu *stats;
	enum xlat_dir dir;
};

static inline struct xlat_lwt *xlat_lwt(struct lwtunnel_state *lwt)
{
	return (struct xlat_lwt *)lwt->data;
}

/*
 * The direction a packet is translated in: from its own family. An encap
 * on a nexthop object was built for the nexthop's family, but an IPv4
 * route may use an IPv6 nexthop (RFC 5549), whose encap then sees IPv4
 * packets: they go 4->6 as on any IPv4 route. The family the encap was
 * built for only decides where the stack says nothing.
 */
static inline enum xlat_dir xlat_pkt_dir(const struct xlat_lwt *xl,
					 const struct sk_buff *skb)
{
	if (skb->protocol == htons(ETH_P_IP))
		return XLAT_46;
	if (skb->protocol == htons(ETH_P_IPV6))
		return XLAT_64;
	return xl->dir;
}

int xlat_stats_fill(struct sk_buff *skb, struct xlat_pcpu_stats __percpu *pcpu);
size_t xlat_stats_nlsize(void);
void xlat_count_ok(struct net *net, struct xlat_lwt *xl, enum xlat_dir dir,
		   unsigned int len);
void xlat_drop(struct net *net, struct xlat_lwt *xl, struct sk_buff *skb,
	       enum xlat_drop_reason reason);
int xlat_mib_alloc(struct net *net);
void xlat_stats_init(void);
void xlat_stats_exit(void);

/* xlat_46.c, xlat_64.c: the translation of one packet */

/**
 * struct xlat_err - why a packet was not translated, and what to answer
 * @reason: the drop reason to count
 * @icmp: an ICMP error (ICMPv4 in 4->6, ICMPv6 in 6->4) is to be sent
 *	about the original packet
 * @type: its type
 * @code: its code
 * @info: its pointer or MTU, host order
 * @changed: the packet was changed before the failure (the second half of
 *	a hairpin, see xlat_64()); a failure to allocate may change it too
 */
struct xlat_err {
	enum xlat_drop_reason reason;
	bool icmp;
	u8 type;
	u8 code;
	u32 info;
	bool changed;
};

/**
 * enum xlat_verdict - what becomes of a packet xlat_46() or xlat_64() saw
 * @XLAT_OK: translated in place: route it and send it
 * @XLAT_DROP: refused: &struct xlat_err says why, and which ICMP error
 *	to send about it
 * @XLAT_REFRAGMENT: 4->6, an IPv4 fragment too big for the IPv6 side once
 *	it has a Fragment Header, untouched: cut it into IPv4 fragments of
 *	&xlat_pmtu.frag_size bytes first, then translate each
 * @XLAT_SEGMENT: a GSO packet that cannot be translated whole, or whose
 *	segments do not fit, untouched: segment it in software first, then
 *	translate each segment
 */
enum xlat_verdict {
	XLAT_OK,
	XLAT_DROP,
	XLAT_REFRAGMENT,
	XLAT_SEGMENT,
};

static inline enum xlat_verdict xlat_fail(struct xlat_err *err,
					  enum xlat_drop_reason r)
{
	err->reason = r;
	err->icmp = false;
	err->changed = false;
	return XLAT_DROP;
}

static inline enum xlat_verdict xlat_fail_icmp(struct xlat_err *err,
					       enum xlat_drop_reason r,
					       u8 type, u8 code, u32 info)
{
	err->reason = r;
	err->icmp = true;
	err->changed = false;
	err->type = type;
	err->code = code;
	err->info = info;
	return XLAT_DROP;
}

/**
 * struct xlat_pmtu - what the glue tells the translation of one packet, and
 *	what it hears back
 * @mtu: in: the MTU of the other side for this packet, from the routes
 *	(4->6: the encap route's and the IPv6 route's, 6->4: the IPv4
 *	route's), or 0 for no limit. Only packets larger than the minimum MTU
 *	of the family are held to it (RFC 7915 sections 4.1 and 5.1).
 * @reassembled: in: the packet was reassembled from fragments, so its
 *	sender allows fragmentation (6->4: DF stays clear)
 * @frag_id: in, 6->4 with @reassembled: the Identification of the
 *	Fragment Headers the datagram came in (RFC 7915 section 5.1.1)
 * @new_id: in, 6->4 with @reassembled: that Identification is not known
 *	(conntrack reassembled the datagram before the route): pick one
 * @may_frag: in, 6->4: a datagram of this host whose socket lets IPv6
 *	fragment it (skb->ignore_df): too big for the IPv4 side, it leaves
 *	with DF clear for IPv4 to fragment, as IPv6 output would have
 * @hairpin: 6->4, out: the packet was translated to IPv4 and straight back
 *	to IPv6 (RFC 7757 section 4.2.2); it is IPv6 and is routed as such.
 *	4->6, in: this is that second translation.
 * @frag_size: out: 4->6, a packet to fragment to this size. When the
 *	translation returns %XLAT_REFRAGMENT it is an IPv4 fragment size and
 *	nothing has been translated; when it returns %XLAT_OK it is the IPv6
 *	fragment size of the translated packet, whose Fragment Headers carry
 *	@frag_id.
 */
struct xlat_pmtu {
	unsigned int mtu;
	bool reassembled;
	__be32 frag_id;
	bool new_id;
	bool may_frag;
	bool hairpin;
	unsigned int frag_size;
};

/**
 * struct xlat_46_plan - what the translation of an IPv4 packet will write
 * @ip6: the IPv6 header
 * @fh: the Fragment Header, when @frag
 * @ihl: length of the IPv4 header being replaced
 * @l4len: bytes after the IPv4 header
 * @l4need: bytes of transport header to make writable
 * @proto: the IPv4 protocol
 * @frag: the IPv4 packet is a fragment, so a Fragment Header is added
 * @l4: the transport header is in this packet (first fragment or whole)
 * @udp_zero: the UDP checksum is zero and is to be computed
 * @csum_diff: TCP and UDP (nonzero checksum): what the new addresses add
 *	to the pseudo-header sum
 * @csum_same: a TCP or UDP checksum that @csum_diff leaves as it is
 * @icmp_err: an ICMPv4 error, translated by xlat_46_icmp_err()
 * @icmp6_type: the ICMPv6 type of a translated echo
 */
struct xlat_46_plan {
	struct ipv6hdr ip6;
	struct frag_hdr fh;
	unsigned int ihl;
	unsigned int l4len;
	unsigned int l4need;
	u8 proto;
	bool frag;
	bool l4;
	bool udp_zero;
	__wsum csum_diff;
	bool csum_same;
	bool icmp_err;
	u8 icmp6_type;
};

/**
 * struct xlat_64_plan - what the translation of an IPv6 packet will write
 * @ip4: the IPv4 header
 * @l4off: offset of the upper-layer header, i.e. bytes being replaced
 * @l4len: bytes from @l4off to the end of the packet
 * @l4need: bytes of transport header to make writable
 * @proto6: the upper-layer protocol as IPv6 names it
 * @frag: the packet has a Fragment Header
 * @l4: the transport header is in this packet (first fragment or whole)
 * @csum_diff: TCP and UDP: what the new addresses add to the pseudo-header
 *	sum
 * @csum_same: a TCP or UDP checksum that @csum_diff leaves as it is
 * @icmp4_type: the ICMPv4 type of a translated echo
 * @icmp_err: an ICMPv6 error, translated by xlat_64_icmp_err()
 * @gen_id: no Fragment Header and DF clear: an identification is needed
 * @hairpin: back to IPv6 at once (RFC 7757 section 4.2.2)
 * @pool_src: the source of an ICMP error from icmp-source-pool4
 * @seg: the IPv4 size held to the MTU: the packet's, or one GSO segment's
 */
struct xlat_64_plan {
	struct iphdr ip4;
	unsigned int l4off;
	unsigned int l4len;
	unsigned int l4need;
	u8 proto6;
	bool frag;
	bool l4;
	__wsum csum_diff;
	bool csum_same;
	u8 icmp4_type;
	bool icmp_err;
	bool gen_id;
	bool hairpin;
	bool pool_src;
	unsigned int seg;
};

/**
 * enum xlat_chain_status - how a walk of an IPv6 header chain ended
 * @XLAT_CHAIN_OK: at the upper layer
 * @XLAT_CHAIN_BAD: a header runs past the end, or the chain is longer
 *	than XLAT_MAX_EXTHDRS
 * @XLAT_CHAIN_FRAG_EXT: an extension header follows the Fragment Header
 *	(RFC 7915 section 5.1: "SHOULD be dropped")
 * @XLAT_CHAIN_SEGMENTS_LEFT: a Routing header with Segments Left other
 *	than zero, which the walk was asked to stop at
 */
enum xlat_chain_status {
	XLAT_CHAIN_OK,
	XLAT_CHAIN_BAD,
	XLAT_CHAIN_FRAG_EXT,
	XLAT_CHAIN_SEGMENTS_LEFT,
};

/**
 * struct xlat_chain - what a walk of an IPv6 header chain found
 * @l4off: offset of the upper-layer header, from the IPv6 header
 * @proto: the upper-layer protocol
 * @frag: there is a Fragment Header (the last header walked)
 * @frag_off: its offset and M flag, host order
 * @id: its Identification
 * @sl_off: %XLAT_CHAIN_SEGMENTS_LEFT: offset of the Segments Left field
 */
struct xlat_chain {
	unsigned int l4off;
	u8 proto;
	bool frag;
	u16 frag_off;
	__be32 id;
	unsigned int sl_off;
};

/* Extension headers walked before the upper layer, at most. */
#define XLAT_MAX_EXTHDRS	16

enum xlat_chain_status xlat_ipv6_chain(const struct sk_buff *skb,
				       unsigned int start, unsigned int len,
				       bool stop_at_sl, struct xlat_chain *c);

/*
 * The translation of one packet, in two steps around the route lookup
 * that gives the MTU of the other side (xlat_lwt.c): the plan reads the
 * packet and decides its new header, changing nothing but the packet's
 * layout (pulls, a resolved partial checksum); the build holds it to
 * @pm->mtu and writes it. xlat_46() and xlat_64() do both, with the MTU
 * given up front.
 */
enum xlat_verdict xlat_46_plan(struct net *net, struct sk_buff *skb,
			       const struct xlat_cfg *cfg, bool fwd,
			       const struct xlat_pmtu *pm,
			       struct xlat_46_plan *p, struct xlat_err *err);
enum xlat_verdict xlat_46_build(struct net *net, struct sk_buff *skb,
				const struct xlat_cfg *cfg,
				const struct xlat_46_plan *p,
				struct xlat_pmtu *pm, struct xlat_err *err);
enum xlat_verdict xlat_46(struct net *net, struct sk_buff *skb,
			  const struct xlat_cfg *cfg, bool fwd,
			  struct xlat_pmtu *pm, struct xlat_err *err);
enum xlat_verdict xlat_64_plan(struct net *net, struct sk_buff *skb,
			       const struct xlat_cfg *cfg, bool fwd,
			       const struct xlat_pmtu *pm,
			       struct xlat_64_plan *p, struct xlat_err *err);
bool xlat_64_limited(const struct xlat_64_plan *p);
enum xlat_verdict xlat_64_build(struct net *net, struct sk_buff *skb,
				const struct xlat_cfg *cfg,
				struct xlat_64_plan *p, struct xlat_pmtu *pm,
				struct xlat_err *err);
enum xlat_verdict xlat_64(struct net *net, struct sk_buff *skb,
			  const struct xlat_cfg *cfg, bool fwd,
			  struct xlat_pmtu *pm, struct xlat_err *err);

/* xlat_icmp_err.c: ICMP error messages (RFC 7915 sections 4.3, 5.3) */
enum xlat_verdict xlat_46_icmp_err(struct net *net, struct sk_buff *skb,
				   const struct xlat_cfg *cfg,
				   const struct ipv6hdr *outer,
				   unsigned int ihl, bool hairpin,
				   struct xlat_err *err);
enum xlat_verdict xlat_64_icmp_err(struct net *net, struct sk_buff *skb,
				   const struct xlat_cfg *cfg,
				   const struct iphdr *outer,
				   unsigned int l4off, bool keep_id,
				   const struct in6_addr *node, bool *hairpin,
				   struct xlat_err *err);
__be32 xlat_icmp_pool4(const struct xlat_cfg *cfg, const struct in6_addr *src);
bool xlat_icmp_pool6(const struct xlat_cfg *cfg, __be32 src,
		     struct in6_addr *out);

/* xlat_gso.c: GSO packets translated whole; partial checksums */
bool xlat_gso_supported(const struct sk_buff *skb);
unsigned int xlat_gso_l4seg(const struct sk_buff *skb, unsigned int l4off,
			    u8 proto);
void xlat_gso_swap(struct sk_buff *skb, bool to6);
enum xlat_verdict xlat_csum_resolve(struct sk_buff *skb, unsigned int l4off,
				    u8 proto, struct xlat_err *err);

/* xlat_frag.c: reassembly of ICMP and UDPv4 fragments, IPv6 fragmentation */
int xlat_defrag(struct net *net, struct xlat_lwt *xl, struct sk_buff *skb,
		__be32 *id);
int xlat_fragment6(struct net *net, struct sock *sk, struct sk_buff *skb,
		   unsigned int mtu, __be32 id,
		   int (*output)(struct net *, struct sock *, struct sk_buff *));

#endif /* _NET_IPV6_XLAT_H */
