// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: the route glue. Registers the LWTUNNEL_ENCAP_XLAT encap and its
 * hooks: an IPv4 route with the encap translates IPv4 to IPv6, an IPv6
 * route IPv6 to IPv4. Forwarded packets arrive through the input redirect,
 * locally generated ones through the output redirect.
 */

#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>
#include <net/dst.h>
#include <net/lwtunnel.h>
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

	lwt = lwtunnel_state_alloc(sizeof(*xl));
	if (!lwt)
		goto nomem;
	xl = xlat_lwt(lwt);
	xl->stats = netdev_alloc_pcpu_stats(struct xlat_pcpu_stats);
	if (!xl->stats)
		goto nomem;
	xl->cfg = cfg;
	xl->dir = family == AF_INET ? XLAT_46 : XLAT_64;

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

/* Locally generated packets (dst_output). */
static int xlat_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct xlat_lwt *xl = xlat_lwt(skb_dst(skb)->lwtstate);

	xlat_drop(net, xl, skb, XLAT_DROP_UNIMPLEMENTED);
	return -EOPNOTSUPP;
}

/* Forwarded packets (dst_input), before any TTL or hop limit decrement. */
static int xlat_input(struct sk_buff *skb)
{
	struct xlat_lwt *xl = xlat_lwt(skb_dst(skb)->lwtstate);

	xlat_drop(dev_net(skb->dev), xl, skb, XLAT_DROP_UNIMPLEMENTED);
	return NET_RX_DROP;
}

static int xlat_fill_encap(struct sk_buff *skb, struct lwtunnel_state *lwt)
{
	struct xlat_lwt *xl = xlat_lwt(lwt);

	if (xlat_cfg_fill(skb, xl->cfg))
		return -EMSGSIZE;
	return xlat_stats_fill(skb, xl->stats);
}

static int xlat_get_encap_size(struct lwtunnel_state *lwt)
{
	return xlat_cfg_nlsize(xlat_lwt(lwt)->cfg) + xlat_stats_nlsize();
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

	err = xlat_stats_net_init();
	if (err)
		return err;
	err = lwtunnel_encap_add_ops(&xlat_encap_ops, LWTUNNEL_ENCAP_XLAT);
	if (err)
		xlat_stats_net_exit();
	return err;
}

static void __exit xlat_exit(void)
{
	lwtunnel_encap_del_ops(&xlat_encap_ops, LWTUNNEL_ENCAP_XLAT);
	xlat_stats_net_exit();
}

module_init(xlat_init);
module_exit(xlat_exit);

MODULE_ALIAS_RTNL_LWT(XLAT);
MODULE_DESCRIPTION("Stateless IP/ICMP translation (SIIT) route encap");
MODULE_LICENSE("GPL");
