// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: counters and drop reasons.
 *
 * Every network namespace has per-CPU counters of translated packets and of
 * drops by reason, per direction, in /proc/net/xlat; an encap given
 * XLAT_ATTR_STATS has the same counters of its own, in its route dumps.
 * Dropped packets are freed with their reason, for skb:kfree_skb tracing
 * and the drop monitor.
 */

#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/skbuff.h>
#include <net/dropreason.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "xlat.h"

/*
 * Each enum xlat_drop_reason with its stable name: ip-route(8) shows it,
 * and it is the key of /proc/net/xlat.
 * Documentation/networking/xlat.rst describes each, with the RFC clause
 * behind it.
 */
const char * const xlat_drop_names[XLAT_DROP_NUM] = {
	[XLAT_DROP_MALFORMED_IPV4] = "malformed-ipv4",
	[XLAT_DROP_MALFORMED_IPV6] = "malformed-ipv6",
	[XLAT_DROP_TRUNCATED_L4] = "truncated-transport",
	[XLAT_DROP_TTL_EXCEEDED] = "ttl-exceeded",
	[XLAT_DROP_SOURCE_ROUTE] = "source-route",
	[XLAT_DROP_ROUTING_HEADER] = "routing-header",
	[XLAT_DROP_FRAG_EXTHDR] = "extension-after-fragment",
	[XLAT_DROP_PROTO_REFUSED] = "protocol-refused",
	[XLAT_DROP_UNTRANSLATABLE_SRC] = "untranslatable-source",
	[XLAT_DROP_UNTRANSLATABLE_DST] = "untranslatable-destination",
	[XLAT_DROP_NO_NEAR_SIDE] = "no-near-side-mapping",
	[XLAT_DROP_UDP_ZERO_CSUM] = "udp-zero-checksum",
	[XLAT_DROP_UDP_ZERO_CSUM_FRAG] = "udp-zero-checksum-fragment",
	[XLAT_DROP_ICMP_TYPE] = "icmp-type-untranslated",
	[XLAT_DROP_ICMP_CHECKSUM] = "icmp-error-checksum",
	[XLAT_DROP_ICMP_INNER] = "icmp-error-inner",
	[XLAT_DROP_ICMP_FRAGMENT] = "icmp-fragment",
	[XLAT_DROP_TOO_BIG] = "packet-too-big",
	[XLAT_DROP_TOO_LONG] = "ipv4-length-overflow",
	[XLAT_DROP_FRAG_FAILED] = "fragmentation-failed",
	[XLAT_DROP_REASM] = "reassembly-failed",
	[XLAT_DROP_NO_ROUTE] = "no-route",
	[XLAT_DROP_NOMEM] = "no-memory",
};

/*
 * The drop-reason subsystem, for skb:kfree_skb tracing and the drop
 * monitor: reason r is (SKB_DROP_REASON_SUBSYS_XLAT <<
 * SKB_DROP_REASON_SUBSYS_SHIFT) + r + 1, so that the subsystem's value
 * alone is no reason, as in the openvswitch subsystem. Its name is the
 * enum's symbol. KUnit (xlat_nl_test_drop_names) checks that both tables
 * cover every reason.
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

static unsigned int xlat_net_id __read_mostly;

/**
 * struct xlat_net - per network namespace state
 * @stats: totals of all encaps in the namespace
 */
struct xlat_net {
	struct xlat_pcpu_stats __percpu *stats;
};

/**
 * xlat_stats_read() - sum per-CPU counters
 * @pcpu: per-CPU counters
 * @out: the sums
 */
void xlat_stats_read(struct xlat_pcpu_stats __percpu *pcpu,
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

static struct xlat_pcpu_stats __percpu *xlat_net_stats(struct net *net)
{
	struct xlat_net *xn = net_generic(net, xlat_net_id);

	return xn->stats;
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
	struct xlat_pcpu_stats __percpu *tabs[2] = {
		xlat_net_stats(net), xl->stats
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(tabs) && tabs[i]; i++) {
		struct xlat_pcpu_stats *s = get_cpu_ptr(tabs[i]);

		u64_stats_update_begin(&s->syncp);
		u64_stats_inc(&s->packets[dir]);
		u64_stats_add(&s->bytes[dir], len);
		u64_stats_update_end(&s->syncp);
		put_cpu_ptr(tabs[i]);
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
	struct xlat_pcpu_stats __percpu *tabs[2] = {
		xlat_net_stats(net), xl ? xl->stats : NULL
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(tabs) && tabs[i]; i++) {
		struct xlat_pcpu_stats *s = get_cpu_ptr(tabs[i]);

		u64_stats_update_begin(&s->syncp);
		u64_stats_inc(&s->drops[reason]);
		u64_stats_update_end(&s->syncp);
		put_cpu_ptr(tabs[i]);
	}
	kfree_skb_reason(skb, xlat_skb_reason(reason));
}

static int xlat_proc_show(struct seq_file *seq, void *v)
{
	struct net *net = seq->private;
	struct xlat_stats st;
	unsigned int i;

	xlat_stats_read(xlat_net_stats(net), &st);
	seq_printf(seq, "packets-4to6 %llu\n", st.packets[XLAT_46]);
	seq_printf(seq, "bytes-4to6 %llu\n", st.bytes[XLAT_46]);
	seq_printf(seq, "packets-6to4 %llu\n", st.packets[XLAT_64]);
	seq_printf(seq, "bytes-6to4 %llu\n", st.bytes[XLAT_64]);
	for (i = 0; i < XLAT_DROP_NUM; i++)
		seq_printf(seq, "drop-%s %llu\n", xlat_drop_names[i],
			   st.drops[i]);
	return 0;
}

static int __net_init xlat_net_init(struct net *net)
{
	struct xlat_net *xn = net_generic(net, xlat_net_id);

	xn->stats = netdev_alloc_pcpu_stats(struct xlat_pcpu_stats);
	if (!xn->stats)
		return -ENOMEM;
	if (!proc_create_net_single("xlat", 0444, net->proc_net,
				    xlat_proc_show, NULL)) {
		free_percpu(xn->stats);
		return -ENOMEM;
	}
	return 0;
}

static void __net_exit xlat_net_exit(struct net *net)
{
	struct xlat_net *xn = net_generic(net, xlat_net_id);

	remove_proc_entry("xlat", net->proc_net);
	free_percpu(xn->stats);
}

static struct pernet_operations xlat_net_ops = {
	.init = xlat_net_init,
	.exit = xlat_net_exit,
	.id = &xlat_net_id,
	.size = sizeof(struct xlat_net),
};

int xlat_stats_net_init(void)
{
	int err = register_pernet_subsys(&xlat_net_ops);

	if (!err)
		drop_reasons_register_subsys(SKB_DROP_REASON_SUBSYS_XLAT,
					     &xlat_drop_reason_list);
	return err;
}

void xlat_stats_net_exit(void)
{
	drop_reasons_unregister_subsys(SKB_DROP_REASON_SUBSYS_XLAT);
	unregister_pernet_subsys(&xlat_net_ops);
}
