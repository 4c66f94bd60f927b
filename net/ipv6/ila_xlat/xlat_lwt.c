// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: the route glue. Registers the LWTUNNEL_ENCAP_XLAT encap and its
 * hooks: an IPv4 route with the encap translates IPv4 to IPv6, an IPv6
 * route IPv6 to IPv4. Forwarded packets arrive through the input redirect,
 * locally generated ones through the output redirect.
 */

#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <linux/skbuff.h>
#include <net/addrconf.h>
#include <net/dst.h>
#include <net/dst_metadata.h>
#include <net/gso.h>
#include <net/icmp.h>
#include <net/inet_dscp.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/l3mdev.h>
#include <net/lwtunnel.h>
#include <net/route.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "xlat.h"

static int xlat_build_state(struct net *net, struct nlattr *nla,
			    unsigned int family, const void *route_cfg,
			    struct lwtunnel_state **ts,
			    struct netlink_ext_ack *extack)
{
	struct lwtunnel_state *lwt;
	struct xlat_cfg *cfg;
	struct xlat_lwt *xl;

	if (family != AF_INET && family != AF_INET6) {
		NL_SET_ERR_MSG(extack, "xlat is for IPv4 and IPv6 routes only");
		return -EAFNOSUPPORT;
	}

	cfg = xlat_cfg_parse(nla, extack);
	if (IS_ERR(cfg))
		return PTR_ERR(cfg);
	if (xlat_mib_alloc(net)) {
		xlat_cfg_free(cfg);
		return -ENOMEM;
	}

	lwt = lwtunnel_state_alloc(sizeof(*xl));
	if (!lwt)
		goto nomem;
	xl = xlat_lwt(lwt);
	/* Counters of the route's own, on request (XLAT_ATTR_STATS). */
	if (cfg->present & XLAT_CFG_STATS) {
		xl->stats = netdev_alloc_pcpu_stats(struct xlat_pcpu_stats);
		if (!xl->stats)
			goto nomem;
	}
	xl->cfg = cfg;
	xl->dir = family == AF_INET ? XLAT_46 : XLAT_64;

	/*
	 * Translation to IPv6 grows the header by 20 bytes: the IPv4 MTU
	 * of the route (ipv4_mtu()) accounts for it, so that local sockets
	 * size their packets for the IPv6 link.
	 */
	if (xl->dir == XLAT_46)
		lwt->headroom = XLAT_46_GROWTH;
	lwt->type = LWTUNNEL_ENCAP_XLAT;
	lwt->flags = LWTUNNEL_STATE_OUTPUT_REDIRECT |
		     LWTUNNEL_STATE_INPUT_REDIRECT;
	*ts = lwt;
	return 0;

nomem:
	kfree(lwt);
	xlat_cfg_free(cfg);
	return -ENOMEM;
}

static void xlat_destroy_state(struct lwtunnel_state *lwt)
{
	struct xlat_lwt *xl = xlat_lwt(lwt);

	free_percpu(xl->stats);
	xlat_cfg_free(xl->cfg);
}

static void xlat_send_icmp(struct sk_buff *skb, enum xlat_dir dir,
			   const struct xlat_err *err)
{
	if (!err->icmp)
		return;
	/*
	 * A packet of this host has no device yet on its way out, which
	 * icmpv6_send() needs: that of its route, as ip6_fragment() does.
	 * The error then reaches the socket, as a Packet Too Big from a
	 * router would.
	 */
	if (!skb->dev)
		skb->dev = skb_dst(skb)->dev;
	/* The kernel's senders rate-limit and never answer an ICMP error. */
	if (dir == XLAT_46)
		icmp_send(skb, err->type, err->code, htonl(err->info));
	else
		icmpv6_send(skb, err->type, err->code, err->info);
}

/*
 * The VRF of a packet: that of the device it came in on, or, for one of
 * this host, that of its route (the encap route lives in the VRF's table).
 * The translated packet is routed in the same VRF; the lookups of locally
 * generated packets otherwise have no device to tell them.
 */
static int xlat_l3mdev(const struct sk_buff *skb, bool fwd)
{
	return l3mdev_master_ifindex_rcu(fwd ? skb->dev : skb_dst(skb)->dev);
}

/* The route of a translated IPv6 packet, as its header will be. */
static struct dst_entry *xlat_lookup6(struct net *net, struct sock *sk,
				      const struct sk_buff *skb,
				      const struct ipv6hdr *ip6, bool fwd,
				      int l3mdev)
{
	struct flowi6 fl6 = {
		.daddr = ip6->daddr,
		.saddr = ip6->saddr,
		.flowlabel = ip6_flowinfo(ip6),
		.flowi6_mark = skb->mark,
		.flowi6_proto = ip6->nexthdr,
		.flowi6_uid = sock_net_uid(net, sk),
		.flowi6_l3mdev = l3mdev,
	};

	if (!fwd)
		return ip6_route_output(net, NULL, &fl6);
	/* As ip6_route_input() would, without reading the packet, which
	 * may still be IPv4.
	 */
	fl6.flowi6_iif = skb->dev->ifindex;
	return ip6_route_input_lookup(net, skb->dev, &fl6, NULL,
				      RT6_LOOKUP_F_HAS_SADDR);
}

/*
 * 4->6: plan the IPv6 header, look up the route it will take, and hold
 * the packet to the MTU (Documentation/networking/xlat.rst, "MTU and
 * fragmentation"): the smaller of the encap route's MTU, which counts the
 * translated packet (ipv4_mtu() takes the 20-byte headroom off it for
 * IPv4), and the path MTU of the IPv6 route, with what Packet Too Big
 * messages taught it. xlat_46_build() adds lowest-ipv6-mtu for packets
 * without DF. The route, in *@dst6, is then the one the packet is sent on.
 */
static enum xlat_verdict xlat_46_path(struct net *net, struct sock *sk,
				      struct sk_buff *skb,
				      const struct xlat_cfg *cfg, bool fwd,
				      int l3mdev, struct xlat_pmtu *pm,
				      struct dst_entry **dst6,
				      struct xlat_err *err)
{
	struct xlat_46_plan p;
	struct dst_entry *dst;
	enum xlat_verdict v;

	v = xlat_46_plan(net, skb, cfg, fwd, pm, &p, err);
	if (v != XLAT_OK)
		return v;
	pm->mtu = dst_mtu(skb_dst(skb)) + XLAT_46_GROWTH;
	dst = xlat_lookup6(net, sk, skb, &p.ip6, fwd, l3mdev);
	if (dst->error) {
		/* Routing the result fails again, and is counted there. */
		dst_release(dst);
	} else {
		pm->mtu = min(pm->mtu, dst_mtu(dst));
		*dst6 = dst;
	}
	return xlat_46_build(net, skb, cfg, &p, pm, err);
}

/* 6->4: the MTU of the IPv4 route towards @daddr. */
static unsigned int xlat_mtu4(struct net *net, const struct sk_buff *skb,
			      __be32 daddr, int l3mdev)
{
	struct flowi4 fl4 = {
		.daddr = daddr,
		.flowi4_mark = skb->mark,
		.flowi4_flags = FLOWI_FLAG_ANYSRC,
		.flowi4_l3mdev = l3mdev,
	};
	unsigned int mtu;
	struct rtable *rt;

	rt = ip_route_output_key(net, &fl4);
	if (IS_ERR(rt))
		return IP_MAX_MTU;	/* routing the result will fail */
	mtu = dst_mtu(&rt->dst);
	ip_rt_put(rt);
	return mtu;
}

/*
 * 6->4: plan the IPv4 header and, for a packet that may not be fragmented
 * on the way (DF, or a fragment already), hold it to the MTU of its IPv4
 * route. The route of a forwarded packet is looked up once it is IPv4; by
 * then a Packet Too Big could no longer quote the original.
 */
static enum xlat_verdict xlat_64_path(struct net *net, struct sk_buff *skb,
				      const struct xlat_cfg *cfg, bool fwd,
				      int l3mdev, struct xlat_pmtu *pm,
				      struct xlat_err *err)
{
	struct xlat_64_plan p;
	enum xlat_verdict v;

	v = xlat_64_plan(net, skb, cfg, fwd, pm, &p, err);
	if (v != XLAT_OK)
		return v;
	if (xlat_64_limited(&p))
		pm->mtu = xlat_mtu4(net, skb, p.ip4.daddr, l3mdev);
	return xlat_64_build(net, skb, cfg, &p, pm, err);
}

/*
 * After PREROUTING of the new family: a NAT rule that changed the
 * destination dropped the route looked up before, so look again.
 */
static int xlat_rcv6_finish(struct net *net, struct sock *sk,
			    struct sk_buff *skb)
{
	struct dst_entry *dst;

	if (!skb_valid_dst(skb)) {
		dst = xlat_lookup6(net, NULL, skb, ipv6_hdr(skb), true,
				   l3mdev_master_ifindex_rcu(skb->dev));
		if (dst->error) {
			dst_release(dst);
			xlat_drop(net, NULL, skb, XLAT_DROP_NO_ROUTE);
			return -ENETUNREACH;
		}
		skb_dst_set(skb, dst);
	}
	return dst_input(skb);
}

/*
 * The netfilter hooks around the translation, as for the seg6, rpl and ioam6
 * encaps, run only when net.netfilter.nf_hooks_lwtunnel is set: POSTROUTING
 * of the old family for the packet as it comes to the encap (xlat_input(),
 * xlat_output()), where conntrack confirms its entry; then PREROUTING of the
 * new family for a forwarded translated packet, LOCAL_OUT for one of this
 * host, where conntrack creates one. Without them neither family tracks the
 * flow (see Documentation/networking/xlat.rst, "Netfilter"). FORWARD,
 * POSTROUTING and LOCAL_IN of the new family run in any case, in the
 * kernel's own forwarding and delivery.
 */
static bool xlat_nf_hooks(void)
{
	return static_branch_unlikely(&nf_hooks_lwtunnel_enabled);
}

/*
 * A forwarded IPv6 packet with its route: in through IPv6 PREROUTING when
 * the nf_hooks_lwtunnel switch is set (xlat_nf_hooks()). As ipv6_rcv()
 * leaves it, the transport header follows the fixed header: a fragment for
 * this host is parsed from its Fragment Header (ip6_frag_next() puts the
 * transport header after it).
 */
static int xlat_rcv6(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	skb_set_transport_header(skb, sizeof(struct ipv6hdr));
	IP6CB(skb)->iif = skb->dev->ifindex;
	IP6CB(skb)->nhoff = offsetof(struct ipv6hdr, nexthdr);
	if (xlat_nf_hooks())
		return NF_HOOK(NFPROTO_IPV6, NF_INET_PRE_ROUTING, net, NULL,
			       skb, skb->dev, NULL, xlat_rcv6_finish);
	return dst_input(skb);
}

/* A translated IPv6 packet of this host: LOCAL_OUT only with the switch. */
static int xlat_local_out6(struct net *net, struct sock *sk,
			   struct sk_buff *skb)
{
	if (xlat_nf_hooks())
		return ip6_local_out(net, sk, skb);
	IP6CB(skb)->nhoff = offsetof(struct ipv6hdr, nexthdr);
	return dst_output(net, sk, skb);
}

/*
 * Route a translated IPv6 packet. A forwarded one goes through IPv6
 * PREROUTING, as if it had been received, so that conntrack, NAT and
 * filters see it, and then IPv6 forwarding, which decrements the hop limit
 * once. A local one goes through IPv6 LOCAL_OUT and output. @dst, when not
 * NULL, is its route, already looked up (a reference we take over). A
 * @frag_size cuts the packet into fragments of that size whose Fragment
 * Headers carry @frag_id (xlat_fragment6()).
 */
static int xlat_route6(struct net *net, struct sock *sk, struct sk_buff *skb,
		       struct xlat_lwt *xl, bool fwd, int l3mdev,
		       unsigned int frag_size, __be32 frag_id,
		       struct dst_entry *dst)
{
	skb_dst_drop(skb);
	memset(IP6CB(skb), 0, sizeof(*IP6CB(skb)));
	if (!dst)
		dst = xlat_lookup6(net, sk, skb, ipv6_hdr(skb), fwd, l3mdev);
	if (dst->error) {
		dst_release(dst);
		xlat_drop(net, xl, skb, XLAT_DROP_NO_ROUTE);
		return -ENETUNREACH;
	}
	skb_dst_set(skb, dst);
	if (frag_size)
		return xlat_fragment6(net, sk, skb, frag_size, frag_id,
				      fwd ? xlat_rcv6 : xlat_local_out6);
	if (!fwd)
		return xlat_local_out6(net, sk, skb);
	return xlat_rcv6(net, sk, skb);
}

static int xlat_rcv4_finish(struct net *net, struct sock *sk,
			    struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);

	if (!skb_valid_dst(skb) &&
	    ip_route_input_noref(skb, iph->daddr, iph->saddr,
				 iph->tos & INET_DSCP_MASK, skb->dev)) {
		xlat_drop(net, NULL, skb, XLAT_DROP_NO_ROUTE);
		return -ENETUNREACH;
	}
	return dst_input(skb);
}

/* Route a translated IPv4 packet; see xlat_route6(). */
static int xlat_route4(struct net *net, struct sock *sk, struct sk_buff *skb,
		       struct xlat_lwt *xl, bool fwd, int l3mdev)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct flowi4 fl4;
	struct rtable *rt;

	skb_dst_drop(skb);
	memset(IPCB(skb), 0, sizeof(*IPCB(skb)));
	if (fwd) {
		if (ip_route_input_noref(skb, iph->daddr, iph->saddr,
					 iph->tos & INET_DSCP_MASK, skb->dev))
			goto drop;
		if (xlat_nf_hooks())
			return NF_HOOK(NFPROTO_IPV4, NF_INET_PRE_ROUTING, net,
				       NULL, skb, skb->dev, NULL,
				       xlat_rcv4_finish);
		return dst_input(skb);
	}

	memset(&fl4, 0, sizeof(fl4));
	/* The translated source is not one of our addresses. */
	fl4.flowi4_flags = FLOWI_FLAG_ANYSRC;
	fl4.flowi4_mark = skb->mark;
	fl4.flowi4_proto = iph->protocol;
	fl4.flowi4_tos = iph->tos & INET_DSCP_MASK;
	fl4.flowi4_uid = sock_net_uid(net, sk);
	fl4.flowi4_l3mdev = l3mdev;
	fl4.daddr = iph->daddr;
	fl4.saddr = iph->saddr;
	rt = ip_route_output_key(net, &fl4);
	if (IS_ERR(rt))
		goto drop;
	skb_dst_set(skb, &rt->dst);
	if (xlat_nf_hooks())
		return ip_local_out(net, sk, skb);
	return dst_output(net, sk, skb);

drop:
	xlat_drop(net, xl, skb, XLAT_DROP_NO_ROUTE);
	return -ENETUNREACH;
}

/*
 * Translate one packet and route the result. Runs under rcu_read_lock()
 * with BHs disabled (lwtunnel_input() and lwtunnel_output()), which keeps
 * the encap alive after the packet lets go of its route. The skb is always
 * consumed.
 */
static int xlat_one(struct net *net, struct sock *sk, struct sk_buff *skb,
		    struct xlat_lwt *xl, bool fwd, bool reasm, __be32 frag_id);
static int xlat_segment(struct net *net, struct sock *sk, struct sk_buff *skb,
			struct xlat_lwt *xl, bool fwd);

/* ip_do_fragment() output: each IPv4 fragment is translated on its own. */
static int xlat_frag_fwd(struct net *net, struct sock *sk,
			 struct sk_buff *skb)
{
	return xlat_one(net, sk, skb, xlat_lwt(skb_dst(skb)->lwtstate), true,
			false, 0);
}

static int xlat_frag_local(struct net *net, struct sock *sk,
			   struct sk_buff *skb)
{
	return xlat_one(net, sk, skb, xlat_lwt(skb_dst(skb)->lwtstate), false,
			false, 0);
}

/*
 * An IPv4 fragment too big for the IPv6 side once it has a Fragment
 * Header: cut into smaller IPv4 fragments first (same Identification,
 * offsets in 8-byte units), which then translate one by one.
 */
static int xlat_refragment(struct net *net, struct sock *sk,
			   struct sk_buff *skb, struct xlat_lwt *xl, bool fwd,
			   unsigned int size)
{
	int ret;

	IPCB(skb)->frag_max_size = size;
	ret = ip_do_fragment(net, sk, skb,
			     fwd ? xlat_frag_fwd : xlat_frag_local);
	if (ret)
		xlat_drop(net, xl, NULL, XLAT_DROP_FRAG_FAILED);
	return ret;
}

static int xlat_one(struct net *net, struct sock *sk, struct sk_buff *skb,
		    struct xlat_lwt *xl, bool fwd, bool reasm, __be32 frag_id)
{
	struct xlat_pmtu pm = { .reassembled = reasm, .frag_id = frag_id };
	enum xlat_dir dir = xlat_pkt_dir(xl, skb);
	int l3mdev = xlat_l3mdev(skb, fwd);
	struct dst_entry *dst6 = NULL;
	unsigned int len = skb->len;
	enum xlat_verdict v;
	struct xlat_err err;
	int iif;

	/*
	 * 6->4, what the sender allows. A datagram that conntrack reassembled
	 * before the route (ip6_forward() honours the same marks) may be
	 * fragmented, as one xlat_defrag() reassembled may; the
	 * Identification its fragments carried is gone. A datagram of this
	 * host comes here before IPv6 output would fragment it: if its
	 * socket lets IPv6 do so (ignore_df), IPv4 may.
	 */
	if (dir == XLAT_64 && fwd && !reasm &&
	    IP6CB(skb)->flags & IP6SKB_FRAGMENTED) {
		pm.reassembled = true;
		pm.new_id = true;
	}
	pm.may_frag = !fwd && skb->ignore_df;

	if (dir == XLAT_46)
		v = xlat_46_path(net, sk, skb, xl->cfg, fwd, l3mdev, &pm,
				 &dst6, &err);
	else
		v = xlat_64_path(net, skb, xl->cfg, fwd, l3mdev, &pm, &err);
	if (v != XLAT_OK)
		dst_release(dst6);
	switch (v) {
	case XLAT_OK:
		break;
	case XLAT_REFRAGMENT:
		return xlat_refragment(net, sk, skb, xl, fwd, pm.frag_size);
	case XLAT_SEGMENT:
		return xlat_segment(net, sk, skb, xl, fwd);
	case XLAT_DROP:
		xlat_send_icmp(skb, dir, &err);
		xlat_drop(net, xl, skb, err.reason);
		/* A local sender learns why, as from ip6_fragment(). */
		return err.reason == XLAT_DROP_TOO_BIG ? -EMSGSIZE : -EINVAL;
	}
	xlat_count_ok(net, xl, dir, len);
	/*
	 * A packet of the other family now: no conntrack entry, IPsec
	 * secpath or other per-packet state of the old one goes with it,
	 * as in-tree tunnels do on decapsulation. The route goes too and is
	 * looked up again below. The interface it came in on stays: sockets
	 * bound to it or to its VRF find a packet for this host by it
	 * (inet_iif()).
	 */
	iif = skb->skb_iif;
	skb_scrub_packet(skb, false);
	skb->skb_iif = iif;

	if (dir == XLAT_46)
		return xlat_route6(net, sk, skb, xl, fwd, l3mdev, pm.frag_size,
				   pm.frag_id, dst6);
	if (pm.hairpin)
		return xlat_route6(net, sk, skb, xl, fwd, l3mdev, 0, 0, NULL);
	return xlat_route4(net, sk, skb, xl, fwd, l3mdev);
}

/*
 * A GSO packet that xlat_gso.c cannot translate whole, or whose segments
 * would not fit the other side, is segmented in software; every segment
 * is then translated (and judged against the MTU) on its own.
 */
static int xlat_segment(struct net *net, struct sock *sk, struct sk_buff *skb,
			struct xlat_lwt *xl, bool fwd)
{
	struct sk_buff *segs, *next;
	int ret = 0;

	segs = skb_gso_segment(skb, 0);
	if (IS_ERR_OR_NULL(segs)) {
		xlat_drop(net, xl, skb, XLAT_DROP_NOMEM);
		return -ENOMEM;
	}
	consume_skb(skb);
	skb_list_walk_safe(segs, skb, next) {
		skb_mark_not_on_list(skb);
		ret = xlat_one(net, sk, skb, xl, fwd, false, 0) ?: ret;
	}
	return ret;
}

static int xlat_rcv(struct net *net, struct sock *sk, struct sk_buff *skb,
		    bool fwd)
{
	struct xlat_lwt *xl = xlat_lwt(skb_dst(skb)->lwtstate);
	__be32 id = 0;
	int ret;

	ret = xlat_defrag(net, xl, skb, &id);
	if (ret < 0)
		return ret == -EINPROGRESS ? 0 : ret;
	if (skb_is_gso(skb) && !xlat_gso_supported(skb))
		ret = xlat_segment(net, sk, skb, xl, fwd);
	else
		ret = xlat_one(net, sk, skb, xl, fwd, ret, id);
	/*
	 * -EOPNOTSUPP (which reassembly never returns) would make
	 * lwtunnel_output() free the skb again.
	 */
	return ret == -EOPNOTSUPP ? -EINVAL : ret;
}

static int xlat_output_finish(struct net *net, struct sock *sk,
			      struct sk_buff *skb)
{
	return xlat_rcv(net, sk, skb, false);
}

static int xlat_input_finish(struct net *net, struct sock *sk,
			     struct sk_buff *skb)
{
	return xlat_rcv(net, NULL, skb, true);
}

/* POSTROUTING of the packet's own family, with the switch (xlat_nf_hooks()) */
static int xlat_post_routing(struct net *net, struct sock *sk,
			     struct sk_buff *skb,
			     int (*okfn)(struct net *, struct sock *,
					 struct sk_buff *))
{
	struct xlat_lwt *xl = xlat_lwt(skb_dst(skb)->lwtstate);

	return NF_HOOK(xl->dir == XLAT_46 ? NFPROTO_IPV4 : NFPROTO_IPV6,
		       NF_INET_POST_ROUTING, net, sk, skb, NULL,
		       skb_dst(skb)->dev, okfn);
}

/* Locally generated packets (dst_output): no hop made yet. */
static int xlat_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	if (xlat_nf_hooks())
		return xlat_post_routing(net, sk, skb, xlat_output_finish);
	return xlat_output_finish(net, sk, skb);
}

/* Forwarded packets (dst_input), before any TTL or hop limit decrement. */
static int xlat_input(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);

	if (xlat_nf_hooks())
		return xlat_post_routing(net, NULL, skb, xlat_input_finish);
	return xlat_input_finish(net, NULL, skb);
}

static int xlat_fill_encap(struct sk_buff *skb, struct lwtunnel_state *lwt)
{
	struct xlat_lwt *xl = xlat_lwt(lwt);

	if (xlat_cfg_fill(skb, xl->cfg))
		return -EMSGSIZE;
	return xl->stats ? xlat_stats_fill(skb, xl->stats) : 0;
}

static int xlat_get_encap_size(struct lwtunnel_state *lwt)
{
	struct xlat_lwt *xl = xlat_lwt(lwt);

	return xlat_cfg_nlsize(xl->cfg) +
	       (xl->stats ? xlat_stats_nlsize() : 0);
}

static int xlat_cmp_encap(struct lwtunnel_state *a, struct lwtunnel_state *b)
{
	return !xlat_cfg_equal(xlat_lwt(a)->cfg, xlat_lwt(b)->cfg);
}

static const struct lwtunnel_encap_ops xlat_encap_ops = {
	.build_state	= xlat_build_state,
	.destroy_state	= xlat_destroy_state,
	.output		= xlat_output,
	.input		= xlat_input,
	.fill_encap	= xlat_fill_encap,
	.get_encap_size	= xlat_get_encap_size,
	.cmp_encap	= xlat_cmp_encap,
	.owner		= THIS_MODULE,
};

static int __init xlat_init(void)
{
	int err;

	xlat_stats_init();
	err = lwtunnel_encap_add_ops(&xlat_encap_ops, LWTUNNEL_ENCAP_XLAT);
	if (err)
		xlat_stats_exit();
	return err;
}

static void __exit xlat_exit(void)
{
	lwtunnel_encap_del_ops(&xlat_encap_ops, LWTUNNEL_ENCAP_XLAT);
	xlat_stats_exit();
}

module_init(xlat_init);
module_exit(xlat_exit);

MODULE_ALIAS_RTNL_LWT(XLAT);
MODULE_DESCRIPTION("Stateless IP/ICMP translation (SIIT) route encap");
MODULE_LICENSE("GPL");
