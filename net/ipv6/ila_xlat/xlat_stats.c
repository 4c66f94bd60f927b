// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: counters and drop reasons.
 *
 * Every network namespace counts the packets its encaps translate and
 * their drops by reason, per direction, as SNMP MIB counters
 * (net->mib.xlat_statistics, "XlatExt" in /proc/net/netstat, which
 * nstat(8) shows); an encap given XLAT_ATTR_STATS has per-CPU counters of
 * its own, in its route dumps. Dropped packets are freed with their
 * reason, for skb:kfree_skb tracing and the drop monitor.
 */

#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/skbuff.h>
#include <net/dropreason.h>
#include <net/net_namespace.h>
#include <net/snmp.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "xlat.h"

/*
 * The drop-reason subsystem, for skb:kfree_skb tracing and the drop
 * monitor: reason r is (SKB_DROP_REASON_SUBSYS_XLAT <<
 * SKB_DROP_REASON_SUBSYS_SHIFT) + r + 1, so that the subsystem's value
 * alone is no reason, as in the openvswitch subsystem. Its name is the
 * enum's symbol. KUnit (xlat_nl_test_drop_names) checks that the table
 * covers every reason. The names that ip-route(8) and nstat(8) show are
 * in Documentation/networking/xlat.rst.
 */
const char * const xlat_drop_symbols[XLAT_DROP_NUM + 1] = {
	[XLAT_DROP_MALFORMED_IPV4 + 1] = "XLAT_DROP_MALFORMED_IPV4",
	[XLAT_DROP_MALFORMED_IPV6 + 1] = "XLAT_DROP_MALFORMED_IPV6",
	[XLAT_DROP_TRUNCATED_L4 + 1] = "XLAT_DROP_TRUNCATED_L4",
	[XLAT_DROP_TTL_EXCEEDED + 1] = "XLAT_DROP_TTL_EXCEEDED",
	[XLAT_DROP_SOURCE_ROUTE + 1] = "XLAT_DROP_SOURCE_ROUTE",
	[XLAT_DROP_ROUTING_HEADER + 1] = "XLAT_DROP_ROUTING_HEADER",
	[XLAT_DROP_FRAG_EXTHDR + 1] = "XLAT_DROP_FRAG_EXTHDR",
	[XLAT_DROP_PROTO_REFUSED + 1] = "XLAT_DROP_PROTO_REFUSED",
	[XLAT_DROP_UNTRANSLATABLE_SRC + 1] = "XLAT_DROP_UNTRANSLATABLE_SRC",
	[XLAT_DROP_UNTRANSLATABLE_DST + 1] = "XLAT_DROP_UNTRANSLATABLE_DST",
	[XLAT_DROP_NO_NEAR_SIDE + 1] = "XLAT_DROP_NO_NEAR_SIDE",
	[XLAT_DROP_UDP_ZERO_CSUM + 1] = "XLAT_DROP_UDP_ZERO_CSUM",
	[XLAT_DROP_UDP_ZERO_CSUM_FRAG + 1] = "XLAT_DROP_UDP_ZERO_CSUM_FRAG",
	[XLAT_DROP_ICMP_TYPE + 1] = "XLAT_DROP_ICMP_TYPE",
	[XLAT_DROP_ICMP_CHECKSUM + 1] = "XLAT_DROP_ICMP_CHECKSUM",
	[XLAT_DROP_ICMP_INNER + 1] = "XLAT_DROP_ICMP_INNER",
	[XLAT_DROP_ICMP_FRAGMENT + 1] = "XLAT_DROP_ICMP_FRAGMENT",
	[XLAT_DROP_TOO_BIG + 1] = "XLAT_DROP_TOO_BIG",
	[XLAT_DROP_TOO_LONG + 1] = "XLAT_DROP_TOO_LONG",
	[XLAT_DROP_FRAG_FAILED + 1] = "XLAT_DROP_FRAG_FAILED",
	[XLAT_DROP_REASM + 1] = "XLAT_DROP_REASM",
	[XLAT_DROP_NO_ROUTE + 1] = "XLAT_DROP_NO_ROUTE",
	[XLAT_DROP_NOMEM + 1] = "XLAT_DROP_NOMEM",
};

static const struct drop_reason_list xlat_drop_reason_list = {
	.reasons = xlat_drop_symbols,
	.n_reasons = ARRAY_SIZE(xlat_drop_symbols),
};

static enum skb_drop_reason xlat_skb_reason(enum xlat_drop_reason reason)
{
	return (SKB_DROP_REASON_SUBSYS_XLAT << SKB_DROP_REASON_SUBSYS_SHIFT) +
	       reason + 1;
}

/*
 * The namespace's MIB counter of drop reason r is
 * LINUX_MIB_XLATDROPMALFORMEDIPV4 + r: <uapi/linux/snmp.h> lists them in
 * the order of enum xlat_drop_reason, which only grows at its end. A
 * reason added without its counter, or out of order, fails the build.
 */
#define XLAT_MIB_DROP(reason, mib)					\
	static_assert(LINUX_MIB_XLATDROPMALFORMEDIPV4 + XLAT_DROP_##reason ==	\
		      LINUX_MIB_XLATDROP##mib)
XLAT_MIB_DROP(MALFORMED_IPV4, MALFORMEDIPV4);
XLAT_MIB_DROP(MALFORMED_IPV6, MALFORMEDIPV6);
XLAT_MIB_DROP(TRUNCATED_L4, TRUNCATEDL4);
XLAT_MIB_DROP(TTL_EXCEEDED, TTLEXCEEDED);
XLAT_MIB_DROP(SOURCE_ROUTE, SOURCEROUTE);
XLAT_MIB_DROP(ROUTING_HEADER, ROUTINGHEADER);
XLAT_MIB_DROP(FRAG_EXTHDR, FRAGEXTHDR);
XLAT_MIB_DROP(PROTO_REFUSED, PROTOREFUSED);
XLAT_MIB_DROP(UNTRANSLATABLE_SRC, UNTRANSLATABLESRC);
XLAT_MIB_DROP(UNTRANSLATABLE_DST, UNTRANSLATABLEDST);
XLAT_MIB_DROP(NO_NEAR_SIDE, NONEARSIDE);
XLAT_MIB_DROP(UDP_ZERO_CSUM, UDPZEROCSUM);
XLAT_MIB_DROP(UDP_ZERO_CSUM_FRAG, UDPZEROCSUMFRAG);
XLAT_MIB_DROP(ICMP_TYPE, ICMPTYPE);
XLAT_MIB_DROP(ICMP_CHECKSUM, ICMPCHECKSUM);
XLAT_MIB_DROP(ICMP_INNER, ICMPINNER);
XLAT_MIB_DROP(ICMP_FRAGMENT, ICMPFRAGMENT);
XLAT_MIB_DROP(TOO_BIG, TOOBIG);
XLAT_MIB_DROP(TOO_LONG, TOOLONG);
XLAT_MIB_DROP(FRAG_FAILED, FRAGFAILED);
XLAT_MIB_DROP(REASM, REASM);
XLAT_MIB_DROP(NO_ROUTE, NOROUTE);
XLAT_MIB_DROP(NOMEM, NOMEM);
static_assert(__LINUX_MIB_XLATMAX - LINUX_MIB_XLATDROPMALFORMEDIPV4 ==
	      XLAT_DROP_NUM);

/*
 * Every encap of @net made sure of its MIB (xlat_mib_alloc()) before it
 * could see a packet; the test costs nothing and keeps a packet that
 * would reach an encap of another namespace from a NULL pointer.
 */
static struct linux_xlat_mib __percpu *xlat_mib(struct net *net)
{
	return READ_ONCE(net->mib.xlat_statistics);
}

/**
 * xlat_mib_alloc() - give a namespace its MIB counters
 * @net: the namespace of a new encap
 *
 * The first encap of a namespace allocates them, so that namespaces
 * without one pay nothing; the namespace frees them with its other MIBs
 * (ipv4_mib_exit_net()).
 *
 * Return: 0 or -ENOMEM.
 */
int xlat_mib_alloc(struct net *net)
{
	struct linux_xlat_mib __percpu *mib;

	if (likely(xlat_mib(net)))
		return 0;
	mib = netdev_alloc_pcpu_stats(struct linux_xlat_mib);
	if (!mib)
		return -ENOMEM;
	if (cmpxchg(&net->mib.xlat_statistics, NULL, mib))
		free_percpu(mib);
	return 0;
}

/**
 * xlat_stats_read() - sum per-CPU counters
 * @pcpu: per-CPU counters
 * @out: the sums
 */
static void xlat_stats_read(struct xlat_pcpu_stats __percpu *pcpu,
			    struct xlat_stats *out)
{
	int cpu, i, d;

	memset(out, 0, sizeof(*out));
	for_each_possible_cpu(cpu) {
		const struct xlat_pcpu_stats *s = per_cpu_ptr(pcpu, cpu);
		struct xlat_stats snap;
		unsigned int start;

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (d = 0; d < XLAT_DIR_NUM; d++) {
				snap.packets[d] = u64_stats_read(&s->packets[d]);
				snap.bytes[d] = u64_stats_read(&s->bytes[d]);
			}
			for (i = 0; i < XLAT_DROP_NUM; i++)
				snap.drops[i] = u64_stats_read(&s->drops[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));

		for (d = 0; d < XLAT_DIR_NUM; d++) {
			out->packets[d] += snap.packets[d];
			out->bytes[d] += snap.bytes[d];
		}
		for (i = 0; i < XLAT_DROP_NUM; i++)
			out->drops[i] += snap.drops[i];
	}
}

/**
 * xlat_stats_nlsize() - room needed by xlat_stats_fill()
 *
 * Return: an upper bound of the attribute size. Counters only grow, so a
 * reason that is zero now may be non-zero at fill time: every reason is
 * accounted for.
 */
size_t xlat_stats_nlsize(void)
{
	size_t size = nla_total_size(0);	/* XLAT_ATTR_STATS */

	size += 2 * nla_total_size_64bit(sizeof(u64));
	return size + XLAT_DROP_NUM * (nla_total_size(0) +
				       nla_total_size(sizeof(u32)) +
				       nla_total_size_64bit(sizeof(u64)));
}

/**
 * xlat_stats_fill() - dump the counters of an encap as %XLAT_ATTR_STATS
 * @skb: message being built
 * @pcpu: per-CPU counters of the encap
 *
 * Return: 0 or -EMSGSIZE.
 */
int xlat_stats_fill(struct sk_buff *skb, struct xlat_pcpu_stats __percpu *pcpu)
{
	struct nlattr *nest, *drop;
	struct xlat_stats st;
	unsigned int i;

	xlat_stats_read(pcpu, &st);

	nest = nla_nest_start(skb, XLAT_ATTR_STATS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, XLAT_STATS_PACKETS,
			      st.packets[XLAT_46] + st.packets[XLAT_64],
			      XLAT_STATS_PAD) ||
	    nla_put_u64_64bit(skb, XLAT_STATS_BYTES,
			      st.bytes[XLAT_46] + st.bytes[XLAT_64],
			      XLAT_STATS_PAD))
		goto cancel;

	for (i = 0; i < XLAT_DROP_NUM; i++) {
		if (!st.drops[i])
			continue;
		drop = nla_nest_start(skb, XLAT_STATS_DROP);
		if (!drop)
			goto cancel;
		if (nla_put_u32(skb, XLAT_DROP_ATTR_REASON, i) ||
		    nla_put_u64_64bit(skb, XLAT_DROP_ATTR_COUNT, st.drops[i],
				      XLAT_DROP_ATTR_PAD))
			goto cancel;
		nla_nest_end(skb, drop);
	}
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/**
 * xlat_count_ok() - count a translated packet
 * @net: namespace of the encap
 * @xl: the encap
 * @dir: direction of the translation
 * @len: length of the packet before translation
 */
void xlat_count_ok(struct net *net, struct xlat_lwt *xl, enum xlat_dir dir,
		   unsigned int len)
{
	struct linux_xlat_mib __percpu *mib = xlat_mib(net);

	if (likely(mib)) {
		if (dir == XLAT_46)
			SNMP_UPD_PO_STATS64(mib, LINUX_MIB_XLAT46, len);
		else
			SNMP_UPD_PO_STATS64(mib, LINUX_MIB_XLAT64, len);
	}
	if (xl->stats) {
		struct xlat_pcpu_stats *s = get_cpu_ptr(xl->stats);

		u64_stats_update_begin(&s->syncp);
		u64_stats_inc(&s->packets[dir]);
		u64_stats_add(&s->bytes[dir], len);
		u64_stats_update_end(&s->syncp);
		put_cpu_ptr(xl->stats);
	}
}

/**
 * xlat_drop() - drop a packet and count the reason
 * @net: namespace of the encap
 * @xl: the encap, or NULL when the drop happens before one is known
 * @skb: the packet, freed here
 * @reason: why
 */
void xlat_drop(struct net *net, struct xlat_lwt *xl, struct sk_buff *skb,
	       enum xlat_drop_reason reason)
{
	struct linux_xlat_mib __percpu *mib = xlat_mib(net);

	if (likely(mib))
		SNMP_INC_STATS64(mib, LINUX_MIB_XLATDROPMALFORMEDIPV4 + reason);
	if (xl && xl->stats) {
		struct xlat_pcpu_stats *s = get_cpu_ptr(xl->stats);

		u64_stats_update_begin(&s->syncp);
		u64_stats_inc(&s->drops[reason]);
		u64_stats_update_end(&s->syncp);
		put_cpu_ptr(xl->stats);
	}
	kfree_skb_reason(skb, xlat_skb_reason(reason));
}

/* The drop reasons of the encap, for tracing and the drop monitor */
void xlat_stats_init(void)
{
	drop_reasons_register_subsys(SKB_DROP_REASON_SUBSYS_XLAT,
				     &xlat_drop_reason_list);
}

void xlat_stats_exit(void)
{
	drop_reasons_unregister_subsys(SKB_DROP_REASON_SUBSYS_XLAT);
}
