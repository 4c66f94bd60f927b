// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: the netlink configuration of an encap (include/uapi/linux/
 * lwtunnel_xlat.h): parse and validate, dump, size and compare.
 *
 * A configuration is parsed once into a struct xlat_cfg and never changed
 * afterwards; a route replace builds a new one.
 */

#include <linux/inetdevice.h>
#include <linux/ipv6.h>
#include <linux/slab.h>
#include <net/inet_ecn.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/netlink.h>
#include <uapi/linux/lwtunnel_xlat.h>

#include "xlat.h"

/*
 * The policies check types, lengths and value ranges; xlat_policy_msg()
 * names the attribute in the message of a refusal. What needs more than
 * one attribute (host bits, RFC 6052 lengths, overlaps) is checked by the
 * parser.
 */
static const struct netlink_range_validation xlat_mtu_range = {
	.min = IPV6_MIN_MTU,
	.max = IP_MAX_MTU,
};

static const struct nla_policy xlat_pfx4_policy[XLAT_PFX_MAX + 1] = {
	[XLAT_PFX_ADDR4] = { .type = NLA_BE32 },
	[XLAT_PFX_LEN4] = NLA_POLICY_MAX(NLA_U8, 32),
	[XLAT_PFX_ADDR6] = { .type = NLA_REJECT,
			     .reject_message = "an IPv4 prefix is expected here" },
	[XLAT_PFX_LEN6] = { .type = NLA_REJECT,
			    .reject_message = "an IPv4 prefix is expected here" },
};

static const struct nla_policy xlat_pfx6_policy[XLAT_PFX_MAX + 1] = {
	[XLAT_PFX_ADDR4] = { .type = NLA_REJECT,
			     .reject_message = "an IPv6 prefix is expected here" },
	[XLAT_PFX_LEN4] = { .type = NLA_REJECT,
			    .reject_message = "an IPv6 prefix is expected here" },
	[XLAT_PFX_ADDR6] = NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[XLAT_PFX_LEN6] = NLA_POLICY_MAX(NLA_U8, 128),
};

static const struct nla_policy xlat_map_policy[XLAT_PFX_MAX + 1] = {
	[XLAT_PFX_ADDR4] = { .type = NLA_BE32 },
	[XLAT_PFX_LEN4] = NLA_POLICY_MAX(NLA_U8, 32),
	[XLAT_PFX_ADDR6] = NLA_POLICY_EXACT_LEN(sizeof(struct in6_addr)),
	[XLAT_PFX_LEN6] = NLA_POLICY_MAX(NLA_U8, 128),
};

static const struct nla_policy xlat_policy[XLAT_ATTR_MAX + 1] = {
	[XLAT_ATTR_REMOTE_PREFIX6] = NLA_POLICY_NESTED(xlat_pfx6_policy),
	[XLAT_ATTR_LOCAL_MAP] = NLA_POLICY_NESTED(xlat_map_policy),
	[XLAT_ATTR_EAM] = NLA_POLICY_NESTED(xlat_map_policy),
	[XLAT_ATTR_DENYLIST4] = NLA_POLICY_NESTED(xlat_pfx4_policy),
	[XLAT_ATTR_ICMP_SRC_POOL4] = NLA_POLICY_NESTED(xlat_pfx4_policy),
	[XLAT_ATTR_ICMP_SRC_POOL6] = NLA_POLICY_NESTED(xlat_pfx6_policy),
	[XLAT_ATTR_UDP_ZERO_CSUM] = NLA_POLICY_MAX(NLA_U8,
						   XLAT_UDP_ZERO_CSUM_DROP),
	[XLAT_ATTR_TCLASS] = NLA_POLICY_MAX(NLA_U8, XLAT_TCLASS_ZERO),
	/* A DSCP: the ECN field is end to end (RFC 3168 section 9). */
	[XLAT_ATTR_TOS4] = NLA_POLICY_MASK(NLA_U8, (u8)~INET_ECN_MASK),
	[XLAT_ATTR_LOWEST_IPV6_MTU] = NLA_POLICY_FULL_RANGE(NLA_U32,
							    &xlat_mtu_range),
	/*
	 * Present: the route gets counters of its own. A request may carry
	 * back the counters of a dump: their values are ignored.
	 */
	[XLAT_ATTR_STATS] = { .type = NLA_NESTED },
	[XLAT_ATTR_ICMP_NODE_ID] = NLA_POLICY_MAX(NLA_U8, XLAT_ICMP_NODE_ID_ON),
};

/*
 * The names of xlat.rst and ip-route(8), for the messages of refusals.
 * A formatted extack message longer than NETLINK_MAX_FMTMSG_LEN - 1 is
 * cut and warned about: the longest, a nest's name (17), a part of its
 * prefix (22) and the longest policy message (34, "Attribute failed policy
 * validation") with their separators, is 77. KUnit checks every message
 * of its refusals for room.
 */
static const char * const xlat_attr_names[XLAT_ATTR_MAX + 1] = {
	[XLAT_ATTR_REMOTE_PREFIX6] = "remote-prefix6",
	[XLAT_ATTR_LOCAL_MAP] = "local-map",
	[XLAT_ATTR_EAM] = "eam",
	[XLAT_ATTR_DENYLIST4] = "denylist4",
	[XLAT_ATTR_ICMP_SRC_POOL4] = "icmp-source-pool4",
	[XLAT_ATTR_ICMP_SRC_POOL6] = "icmp-source-pool6",
	[XLAT_ATTR_UDP_ZERO_CSUM] = "udp-zero-checksum (0 or 1)",
	[XLAT_ATTR_TCLASS] = "tclass (0 or 1)",
	[XLAT_ATTR_TOS4] = "tos4 (a DSCP, a multiple of 4)",
	[XLAT_ATTR_LOWEST_IPV6_MTU] = "lowest-ipv6-mtu (1280 to 65535)",
	[XLAT_ATTR_ICMP_NODE_ID] = "icmp-node-id (0 or 1)",
};

static const char * const xlat_pfx_names[XLAT_PFX_MAX + 1] = {
	[XLAT_PFX_ADDR4] = "IPv4 address",
	[XLAT_PFX_LEN4] = "IPv4 length (0 to 32)",
	[XLAT_PFX_ADDR6] = "IPv6 address",
	[XLAT_PFX_LEN6] = "IPv6 length (0 to 128)",
};

/*
 * A policy refused an attribute of @encap: say which, as "attribute:
 * [part of its prefix: ]what the policy found". The offending attribute
 * and the policy stay in the extack, for programs.
 */
static void xlat_policy_msg(const struct nlattr *encap,
			    struct netlink_ext_ack *extack)
{
	char found[NETLINK_MAX_FMTMSG_LEN];
	const struct nlattr *a, *bad;
	const char *name;
	int rem;

	if (!extack || !extack->bad_attr)
		return;
	bad = extack->bad_attr;
	strscpy(found, extack->_msg ?: "invalid", sizeof(found));
	nla_for_each_nested(a, encap, rem) {
		if (bad < a || (const void *)bad >= (const void *)a + a->nla_len)
			continue;
		if (nla_type(a) > XLAT_ATTR_MAX || !xlat_attr_names[nla_type(a)])
			return;
		name = xlat_attr_names[nla_type(a)];
		if (bad != a && nla_type(bad) <= XLAT_PFX_MAX &&
		    xlat_pfx_names[nla_type(bad)])
			NL_SET_ERR_MSG_ATTR_POL_FMT(extack, bad, extack->policy,
						    "%s: %s: %s", name,
						    xlat_pfx_names[nla_type(bad)],
						    found);
		else
			NL_SET_ERR_MSG_ATTR_POL_FMT(extack, bad, extack->policy,
						    "%s: %s", name, found);
		return;
	}
}

/*
 * Read the IPv4 and/or IPv6 prefix of a nest that the policy has already
 * validated. @what names the attribute in error messages.
 */
static int xlat_get_pfx(const struct nlattr *nest, struct xlat_pfx4 *p4,
			struct xlat_pfx6 *p6, const char *what,
			struct netlink_ext_ack *extack)
{
	struct nlattr *tb[XLAT_PFX_MAX + 1];
	int err;

	err = nla_parse_nested(tb, XLAT_PFX_MAX, nest, xlat_map_policy, extack);
	if (err)
		return err;

	if (p4) {
		if (!tb[XLAT_PFX_ADDR4] || !tb[XLAT_PFX_LEN4]) {
			NL_SET_ERR_MSG_ATTR_FMT(extack, nest,
						"%s: IPv4 prefix missing", what);
			return -EINVAL;
		}
		p4->addr = nla_get_in_addr(tb[XLAT_PFX_ADDR4]);
		p4->len = nla_get_u8(tb[XLAT_PFX_LEN4]);
		if (!xlat_pfx4_host_bits_zero(p4)) {
			NL_SET_ERR_MSG_ATTR_FMT(extack, nest,
						"%s: %pI4/%u: host bits set",
						what, &p4->addr, p4->len);
			return -EINVAL;
		}
	}
	if (p6) {
		if (!tb[XLAT_PFX_ADDR6] || !tb[XLAT_PFX_LEN6]) {
			NL_SET_ERR_MSG_ATTR_FMT(extack, nest,
						"%s: IPv6 prefix missing", what);
			return -EINVAL;
		}
		p6->addr = nla_get_in6_addr(tb[XLAT_PFX_ADDR6]);
		p6->len = nla_get_u8(tb[XLAT_PFX_LEN6]);
		if (!xlat_pfx6_host_bits_zero(p6)) {
			NL_SET_ERR_MSG_ATTR_FMT(extack, nest,
						"%s: %pI6c/%u: host bits set",
						what, &p6->addr, p6->len);
			return -EINVAL;
		}
	}
	return 0;
}

/* RFC 6052 section 2.2: a valid length, and bits 64-71 (the u-octet) zero. */
static int xlat_check_rfc6052(const struct nlattr *nest,
			      const struct xlat_pfx6 *p, const char *what,
			      struct netlink_ext_ack *extack)
{
	if (!xlat_rfc6052_len_ok(p->len)) {
		NL_SET_ERR_MSG_ATTR_FMT(extack, nest,
					"%s: /%u is not 32, 40, 48, 56, 64 or 96 (RFC 6052)",
					what, p->len);
		return -EINVAL;
	}
	if (p->addr.s6_addr[8]) {
		NL_SET_ERR_MSG_ATTR_FMT(extack, nest,
					"%s: bits 64-71 (u-octet) must be zero (RFC 6052)",
					what);
		return -EINVAL;
	}
	return 0;
}

/*
 * An eam is an RFC 7757 mapping: section 3.2 lets the IPv4 suffix be
 * shorter than the IPv6 suffix, not longer. A local-map with equal suffix
 * lengths is an RFC 7757 mapping too; otherwise its IPv6 side must be an
 * RFC 6052 prefix in which the IPv4 addresses are embedded (the keyword
 * decides, see Documentation/networking/xlat.rst).
 */
static int xlat_get_map(const struct nlattr *nest, struct xlat_map *m,
			bool local, struct netlink_ext_ack *extack)
{
	const char *what = local ? "local-map" : "eam";
	int err;

	err = xlat_get_pfx(nest, &m->p4, &m->p6, what, extack);
	if (err)
		return err;

	m->embed = false;
	if (32 - m->p4.len == 128 - m->p6.len)
		return 0;
	if (!local) {
		if (32 - m->p4.len < 128 - m->p6.len)
			return 0;
		NL_SET_ERR_MSG_ATTR_FMT(extack, nest,
					"eam: IPv4 suffix of /%u is longer than IPv6 suffix of /%u (RFC 7757 3.2)",
					m->p4.len, m->p6.len);
		return -EINVAL;
	}
	if (!xlat_rfc6052_len_ok(m->p6.len)) {
		NL_SET_ERR_MSG_ATTR_FMT(extack, nest,
					"local-map: suffixes of /%u, /%u differ; /%u is no RFC 6052 length",
					m->p4.len, m->p6.len, m->p6.len);
		return -EINVAL;
	}
	err = xlat_check_rfc6052(nest, &m->p6, what, extack);
	if (err)
		return err;
	m->embed = true;
	return 0;
}

/* Two entries of one list with the same prefix on either side are ambiguous. */
static int xlat_check_dups(const struct xlat_map *maps, unsigned int n,
			   const char *what, struct netlink_ext_ack *extack)
{
	unsigned int i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++) {
			if (xlat_pfx4_equal(&maps[i].p4, &maps[j].p4)) {
				NL_SET_ERR_MSG_FMT(extack,
						   "%s: %pI4/%u is mapped twice",
						   what, &maps[i].p4.addr,
						   maps[i].p4.len);
				return -EINVAL;
			}
			if (xlat_pfx6_equal(&maps[i].p6, &maps[j].p6)) {
				NL_SET_ERR_MSG_FMT(extack,
						   "%s: %pI6c/%u is mapped twice",
						   what, &maps[i].p6.addr,
						   maps[i].p6.len);
				return -EINVAL;
			}
		}
	}
	return 0;
}

/**
 * xlat_cfg_free() - free a configuration
 * @cfg: configuration from xlat_cfg_parse(), or NULL
 */
void xlat_cfg_free(struct xlat_cfg *cfg)
{
	if (!cfg)
		return;
	xlat_tables_free(cfg->tab);
	kfree(cfg->deny);
	kfree(cfg);
}

static int xlat_cfg_parse_lists(const struct nlattr *encap,
				struct xlat_cfg *cfg,
				struct netlink_ext_ack *extack)
{
	unsigned int n_local = 0, n_eam = 0, n_deny = 0;
	const struct nlattr *a;
	int rem, err;

	nla_for_each_nested(a, encap, rem) {
		switch (nla_type(a)) {
		case XLAT_ATTR_LOCAL_MAP:
			err = xlat_get_map(a, &cfg->maps[n_local++], true,
					   extack);
			break;
		case XLAT_ATTR_EAM:
			err = xlat_get_map(a, &cfg->maps[cfg->n_local + n_eam++],
					   false, extack);
			break;
		case XLAT_ATTR_DENYLIST4:
			err = xlat_get_pfx(a, &cfg->deny[n_deny++], NULL,
					   "denylist4", extack);
			break;
		default:
			err = 0;
		}
		if (err)
			return err;
	}

	err = xlat_check_dups(cfg->maps, cfg->n_local, "local-map", extack);
	if (!err)
		err = xlat_check_dups(cfg->maps + cfg->n_local,
				      cfg->n_maps - cfg->n_local, "eam", extack);
	return err;
}

/*
 * An ICMP error source pool holds unicast addresses only: no address of
 * the prefix may be unspecified, loopback, multicast or broadcast (RFC
 * 1122 3.2.1.3 and RFC 4291 2.5.2, 2.5.3, 2.7 on what a source may be).
 * A /0 holds them all.
 */
static const struct {
	__be32 addr;
	u8 len;
	const char *what;
} xlat_pool4_bad[] = {
	{ htonl(0x00000000), 8, "\"this network\" 0.0.0.0/8" },
	{ htonl(0x7f000000), 8, "loopback 127.0.0.0/8" },
	{ htonl(0xe0000000), 4, "multicast 224.0.0.0/4" },
	{ htonl(0xffffffff), 32, "broadcast 255.255.255.255" },
};

static int xlat_check_pool4(const struct nlattr *nest,
			    const struct xlat_pfx4 *p,
			    struct netlink_ext_ack *extack)
{
	unsigned int i, len;

	for (i = 0; i < ARRAY_SIZE(xlat_pool4_bad); i++) {
		len = min(p->len, xlat_pool4_bad[i].len);
		if ((p->addr ^ xlat_pool4_bad[i].addr) & inet_make_mask(len))
			continue;
		NL_SET_ERR_MSG_ATTR_FMT(extack, nest,
					"icmp-source-pool4: %pI4/%u holds %s",
					&p->addr, p->len, xlat_pool4_bad[i].what);
		return -EINVAL;
	}
	return 0;
}

static int xlat_check_pool6(const struct nlattr *nest,
			    const struct xlat_pfx6 *p,
			    struct netlink_ext_ack *extack)
{
	static const struct in6_addr zero, mc = { .s6_addr = { 0xff } };
	const char *what = NULL;

	/* ::/127 holds the unspecified address and loopback. */
	if (ipv6_prefix_equal(&p->addr, &zero, min_t(u8, p->len, 127)))
		what = "the unspecified or loopback address (::/127)";
	else if (ipv6_prefix_equal(&p->addr, &mc, min_t(u8, p->len, 8)))
		what = "multicast ff00::/8";
	if (!what)
		return 0;
	NL_SET_ERR_MSG_ATTR_FMT(extack, nest, "icmp-source-pool6: holds %s",
				what);
	return -EINVAL;
}

static int xlat_cfg_parse_scalars(struct nlattr **tb, struct xlat_cfg *cfg,
				  struct netlink_ext_ack *extack)
{
	const struct nlattr *a;
	int err;

	if (tb[XLAT_ATTR_REMOTE_PREFIX6]) {
		err = xlat_get_pfx(tb[XLAT_ATTR_REMOTE_PREFIX6], NULL,
				   &cfg->remote6, "remote-prefix6", extack);
		if (!err)
			err = xlat_check_rfc6052(tb[XLAT_ATTR_REMOTE_PREFIX6],
						 &cfg->remote6,
						 "remote-prefix6", extack);
		if (err)
			return err;
		cfg->present |= XLAT_CFG_REMOTE6;
	}

	cfg->pool4.addr = XLAT_DEFAULT_POOL4;
	cfg->pool4.len = 32;
	if (tb[XLAT_ATTR_ICMP_SRC_POOL4]) {
		err = xlat_get_pfx(tb[XLAT_ATTR_ICMP_SRC_POOL4], &cfg->pool4,
				   NULL, "icmp-source-pool4", extack);
		if (!err)
			err = xlat_check_pool4(tb[XLAT_ATTR_ICMP_SRC_POOL4],
					       &cfg->pool4, extack);
		if (err)
			return err;
		cfg->present |= XLAT_CFG_POOL4;
	}
	if (tb[XLAT_ATTR_ICMP_SRC_POOL6]) {
		err = xlat_get_pfx(tb[XLAT_ATTR_ICMP_SRC_POOL6], NULL,
				   &cfg->pool6, "icmp-source-pool6", extack);
		if (!err)
			err = xlat_check_pool6(tb[XLAT_ATTR_ICMP_SRC_POOL6],
					       &cfg->pool6, extack);
		if (err)
			return err;
		cfg->present |= XLAT_CFG_POOL6;
	}
	a = tb[XLAT_ATTR_UDP_ZERO_CSUM];
	if (a) {
		cfg->udp_zero_csum = nla_get_u8(a);
		cfg->present |= XLAT_CFG_UDP_ZERO_CSUM;
	}
	a = tb[XLAT_ATTR_TCLASS];
	if (a) {
		cfg->tclass = nla_get_u8(a);
		cfg->present |= XLAT_CFG_TCLASS;
	}
	a = tb[XLAT_ATTR_TOS4];
	if (a) {
		cfg->tos4 = nla_get_u8(a);
		cfg->present |= XLAT_CFG_TOS4;
	}
	cfg->node_id = XLAT_ICMP_NODE_ID_ON;
	a = tb[XLAT_ATTR_ICMP_NODE_ID];
	if (a) {
		cfg->node_id = nla_get_u8(a);
		cfg->present |= XLAT_CFG_NODE_ID;
	}
	a = tb[XLAT_ATTR_LOWEST_IPV6_MTU];
	if (a) {
		cfg->lowest_ipv6_mtu = nla_get_u32(a);
		cfg->present |= XLAT_CFG_LOWEST_MTU;
	}
	if (tb[XLAT_ATTR_STATS])
		cfg->present |= XLAT_CFG_STATS;
	return 0;
}

/**
 * xlat_cfg_parse() - build a configuration from an RTA_ENCAP nest
 * @encap: the nest, containing &enum xlat_attrs
 * @extack: where to say what is wrong
 *
 * Return: a new configuration, to be freed with xlat_cfg_free(), or an
 * ERR_PTR: -EINVAL with an extack message for a bad attribute, -E2BIG for
 * too many entries, -ENOMEM.
 */
struct xlat_cfg *xlat_cfg_parse(const struct nlattr *encap,
				struct netlink_ext_ack *extack)
{
	unsigned int n_local = 0, n_eam = 0, n_deny = 0;
	struct nlattr *tb[XLAT_ATTR_MAX + 1];
	const struct nlattr *a;
	struct xlat_cfg *cfg;
	int rem, err;

	/*
	 * Strict validation of everything inside the encap. The encap nest
	 * itself is parsed without the NLA_F_NESTED check, as every LWT
	 * encap is, because clients build RTA_ENCAP without the flag.
	 */
	err = nla_parse(tb, XLAT_ATTR_MAX, nla_data(encap), nla_len(encap),
			xlat_policy, extack);
	if (err) {
		xlat_policy_msg(encap, extack);
		return ERR_PTR(err);
	}

	nla_for_each_nested(a, encap, rem) {
		n_local += nla_type(a) == XLAT_ATTR_LOCAL_MAP;
		n_eam += nla_type(a) == XLAT_ATTR_EAM;
		n_deny += nla_type(a) == XLAT_ATTR_DENYLIST4;
	}
	if (n_local + n_eam + n_deny > XLAT_MAX_ENTRIES) {
		NL_SET_ERR_MSG_FMT(extack,
				   "%u local-map, eam and denylist4 entries; at most %u per route",
				   n_local + n_eam + n_deny, XLAT_MAX_ENTRIES);
		return ERR_PTR(-E2BIG);
	}

	if (!tb[XLAT_ATTR_REMOTE_PREFIX6] && !n_eam) {
		NL_SET_ERR_MSG(extack,
			       "remote-prefix6 is required unless eam entries map the far side");
		NL_SET_ERR_ATTR_MISS(extack, (struct nlattr *)encap,
				     XLAT_ATTR_REMOTE_PREFIX6);
		return ERR_PTR(-EINVAL);
	}
	if (!tb[XLAT_ATTR_REMOTE_PREFIX6] && n_deny) {
		NL_SET_ERR_MSG(extack,
			       "denylist4 only restricts remote-prefix6, which is missing");
		return ERR_PTR(-EINVAL);
	}

	cfg = kzalloc(struct_size(cfg, maps, n_local + n_eam), GFP_KERNEL);
	if (!cfg)
		return ERR_PTR(-ENOMEM);
	cfg->n_maps = n_local + n_eam;
	cfg->n_local = n_local;
	if (n_deny) {
		cfg->deny = kcalloc(n_deny, sizeof(*cfg->deny), GFP_KERNEL);
		if (!cfg->deny) {
			err = -ENOMEM;
			goto err;
		}
		cfg->n_deny = n_deny;
	}

	err = xlat_cfg_parse_scalars(tb, cfg, extack);
	if (!err)
		err = xlat_cfg_parse_lists(encap, cfg, extack);
	if (!err)
		err = xlat_tables_build(cfg);
	if (err)
		goto err;
	return cfg;

err:
	xlat_cfg_free(cfg);
	return ERR_PTR(err);
}

static int xlat_put_pfx(struct sk_buff *skb, int type,
			const struct xlat_pfx4 *p4, const struct xlat_pfx6 *p6)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, type);
	if (!nest)
		return -EMSGSIZE;
	if (p4 && (nla_put_in_addr(skb, XLAT_PFX_ADDR4, p4->addr) ||
		   nla_put_u8(skb, XLAT_PFX_LEN4, p4->len)))
		goto cancel;
	if (p6 && (nla_put_in6_addr(skb, XLAT_PFX_ADDR6, &p6->addr) ||
		   nla_put_u8(skb, XLAT_PFX_LEN6, p6->len)))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/**
 * xlat_cfg_fill() - dump a configuration
 * @skb: message being built, positioned inside RTA_ENCAP
 * @cfg: the configuration
 *
 * Only the attributes given at configuration time are dumped, so that the
 * dump reads back as the command that made it.
 *
 * Return: 0 or -EMSGSIZE.
 */
int xlat_cfg_fill(struct sk_buff *skb, const struct xlat_cfg *cfg)
{
	unsigned int i;

	if ((cfg->present & XLAT_CFG_REMOTE6) &&
	    xlat_put_pfx(skb, XLAT_ATTR_REMOTE_PREFIX6, NULL, &cfg->remote6))
		return -EMSGSIZE;
	for (i = 0; i < cfg->n_maps; i++)
		if (xlat_put_pfx(skb, i < cfg->n_local ? XLAT_ATTR_LOCAL_MAP :
				 XLAT_ATTR_EAM, &cfg->maps[i].p4,
				 &cfg->maps[i].p6))
			return -EMSGSIZE;
	for (i = 0; i < cfg->n_deny; i++)
		if (xlat_put_pfx(skb, XLAT_ATTR_DENYLIST4, &cfg->deny[i], NULL))
			return -EMSGSIZE;
	if ((cfg->present & XLAT_CFG_POOL4) &&
	    xlat_put_pfx(skb, XLAT_ATTR_ICMP_SRC_POOL4, &cfg->pool4, NULL))
		return -EMSGSIZE;
	if ((cfg->present & XLAT_CFG_POOL6) &&
	    xlat_put_pfx(skb, XLAT_ATTR_ICMP_SRC_POOL6, NULL, &cfg->pool6))
		return -EMSGSIZE;
	if ((cfg->present & XLAT_CFG_UDP_ZERO_CSUM) &&
	    nla_put_u8(skb, XLAT_ATTR_UDP_ZERO_CSUM, cfg->udp_zero_csum))
		return -EMSGSIZE;
	if ((cfg->present & XLAT_CFG_TCLASS) &&
	    nla_put_u8(skb, XLAT_ATTR_TCLASS, cfg->tclass))
		return -EMSGSIZE;
	if ((cfg->present & XLAT_CFG_TOS4) &&
	    nla_put_u8(skb, XLAT_ATTR_TOS4, cfg->tos4))
		return -EMSGSIZE;
	if ((cfg->present & XLAT_CFG_LOWEST_MTU) &&
	    nla_put_u32(skb, XLAT_ATTR_LOWEST_IPV6_MTU, cfg->lowest_ipv6_mtu))
		return -EMSGSIZE;
	if ((cfg->present & XLAT_CFG_NODE_ID) &&
	    nla_put_u8(skb, XLAT_ATTR_ICMP_NODE_ID, cfg->node_id))
		return -EMSGSIZE;
	return 0;
}

/**
 * xlat_cfg_nlsize() - room needed by xlat_cfg_fill()
 * @cfg: the configuration
 *
 * Return: size in bytes.
 */
size_t xlat_cfg_nlsize(const struct xlat_cfg *cfg)
{
	size_t p4 = nla_total_size(sizeof(__be32)) + nla_total_size(1);
	size_t p6 = nla_total_size(sizeof(struct in6_addr)) +
		    nla_total_size(1);
	size_t size = 0;

	if (cfg->present & XLAT_CFG_REMOTE6)
		size += nla_total_size(p6);
	size += cfg->n_maps * nla_total_size(p4 + p6);
	size += cfg->n_deny * nla_total_size(p4);
	if (cfg->present & XLAT_CFG_POOL4)
		size += nla_total_size(p4);
	if (cfg->present & XLAT_CFG_POOL6)
		size += nla_total_size(p6);
	size += 4 * nla_total_size(1);	/* UDP_ZERO_CSUM, TCLASS, TOS4, NODE_ID */
	size += nla_total_size(sizeof(u32));	/* LOWEST_IPV6_MTU */
	return size;
}

static bool xlat_map_equal(const struct xlat_map *a, const struct xlat_map *b)
{
	return xlat_pfx4_equal(&a->p4, &b->p4) &&
	       xlat_pfx6_equal(&a->p6, &b->p6);
}

/**
 * xlat_cfg_equal() - do two configurations say the same thing?
 * @a: a configuration
 * @b: another
 *
 * Lists are compared in order.
 *
 * Return: true if they are equal.
 */
bool xlat_cfg_equal(const struct xlat_cfg *a, const struct xlat_cfg *b)
{
	unsigned int i;

	if (a->present != b->present || a->n_local != b->n_local ||
	    a->n_maps != b->n_maps || a->n_deny != b->n_deny ||
	    !xlat_pfx6_equal(&a->remote6, &b->remote6) ||
	    !xlat_pfx4_equal(&a->pool4, &b->pool4) ||
	    !xlat_pfx6_equal(&a->pool6, &b->pool6) ||
	    a->udp_zero_csum != b->udp_zero_csum || a->tclass != b->tclass ||
	    a->tos4 != b->tos4 || a->lowest_ipv6_mtu != b->lowest_ipv6_mtu ||
	    a->node_id != b->node_id)
		return false;
	for (i = 0; i < a->n_maps; i++)
		if (!xlat_map_equal(&a->maps[i], &b->maps[i]))
			return false;
	for (i = 0; i < a->n_deny; i++)
		if (!xlat_pfx4_equal(&a->deny[i], &b->deny[i]))
			return false;
	return true;
}
