// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libxlat: struct xlat_encap, and its netlink form: the attributes of
 * include/uapi/linux/lwtunnel_xlat.h nested in RTA_ENCAP.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xlat_priv.h"

void xlat_encap_init(struct xlat_encap *e)
{
	memset(e, 0, sizeof(*e));
}

void xlat_encap_clear(struct xlat_encap *e)
{
	free(e->local_map);
	free(e->eam);
	free(e->denylist4);
	xlat_encap_init(e);
}

static unsigned int xlat_encap_entries(const struct xlat_encap *e)
{
	return e->n_local_map + e->n_eam + e->n_denylist4;
}

/* Room for one more element after @n of @size bytes: the new array, or NULL */
static void *xlat_grow(void *arr, unsigned int n, size_t size)
{
	return realloc(arr, (n + 1) * size);
}

static int xlat_add_pair(struct xlat_encap *e, struct xlat_pair **arr,
			 unsigned int *n, const struct xlat_prefix4 *p4,
			 const struct xlat_prefix6 *p6)
{
	struct xlat_pair *grown;

	if (xlat_encap_entries(e) >= XLAT_ENCAP_MAX_ENTRIES)
		return -E2BIG;
	grown = xlat_grow(*arr, *n, sizeof(**arr));
	if (!grown)
		return -ENOMEM;
	*arr = grown;
	grown[*n].p4 = *p4;
	grown[*n].p6 = *p6;
	(*n)++;
	return 0;
}

int xlat_encap_add_local_map(struct xlat_encap *e,
			     const struct xlat_prefix4 *p4,
			     const struct xlat_prefix6 *p6)
{
	return xlat_add_pair(e, &e->local_map, &e->n_local_map, p4, p6);
}

int xlat_encap_add_eam(struct xlat_encap *e, const struct xlat_prefix4 *p4,
		       const struct xlat_prefix6 *p6)
{
	return xlat_add_pair(e, &e->eam, &e->n_eam, p4, p6);
}

int xlat_encap_add_denylist4(struct xlat_encap *e,
			     const struct xlat_prefix4 *p4)
{
	struct xlat_prefix4 *grown;

	if (xlat_encap_entries(e) >= XLAT_ENCAP_MAX_ENTRIES)
		return -E2BIG;
	grown = xlat_grow(e->denylist4, e->n_denylist4, sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	e->denylist4 = grown;
	grown[e->n_denylist4++] = *p4;
	return 0;
}

static void *xlat_dup(const void *src, size_t size)
{
	void *dst;

	if (!size)
		return NULL;
	dst = malloc(size);
	if (dst)
		memcpy(dst, src, size);
	return dst;
}

int xlat_encap_copy(struct xlat_encap *dst, const struct xlat_encap *src)
{
	struct xlat_encap tmp = *src;

	tmp.local_map = xlat_dup(src->local_map,
				 src->n_local_map * sizeof(*src->local_map));
	tmp.eam = xlat_dup(src->eam, src->n_eam * sizeof(*src->eam));
	tmp.denylist4 = xlat_dup(src->denylist4,
				 src->n_denylist4 * sizeof(*src->denylist4));
	xlat_encap_clear(dst);
	if ((src->n_local_map && !tmp.local_map) ||
	    (src->n_eam && !tmp.eam) ||
	    (src->n_denylist4 && !tmp.denylist4)) {
		xlat_encap_clear(&tmp);
		return -ENOMEM;
	}
	*dst = tmp;
	return 0;
}

static bool xlat_p4_equal(const struct xlat_prefix4 *a,
			  const struct xlat_prefix4 *b)
{
	return a->len == b->len && a->addr.s_addr == b->addr.s_addr;
}

static bool xlat_p6_equal(const struct xlat_prefix6 *a,
			  const struct xlat_prefix6 *b)
{
	return a->len == b->len &&
	       !memcmp(&a->addr, &b->addr, sizeof(a->addr));
}

static bool xlat_pairs_equal(const struct xlat_pair *a,
			     const struct xlat_pair *b, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!xlat_p4_equal(&a[i].p4, &b[i].p4) ||
		    !xlat_p6_equal(&a[i].p6, &b[i].p6))
			return false;
	return true;
}

bool xlat_encap_equal(const struct xlat_encap *a, const struct xlat_encap *b)
{
	unsigned int i;

	if (a->has_remote_prefix6 != b->has_remote_prefix6 ||
	    a->n_local_map != b->n_local_map || a->n_eam != b->n_eam ||
	    a->n_denylist4 != b->n_denylist4 ||
	    a->has_icmp_pool4 != b->has_icmp_pool4 ||
	    a->has_icmp_pool6 != b->has_icmp_pool6 ||
	    a->has_udp_zero_csum != b->has_udp_zero_csum ||
	    a->has_tclass != b->has_tclass || a->has_tos4 != b->has_tos4 ||
	    a->has_lowest_ipv6_mtu != b->has_lowest_ipv6_mtu ||
	    a->has_icmp_node_id != b->has_icmp_node_id ||
	    a->counters != b->counters)
		return false;
	if ((a->has_remote_prefix6 &&
	     !xlat_p6_equal(&a->remote_prefix6, &b->remote_prefix6)) ||
	    (a->has_icmp_pool4 &&
	     !xlat_p4_equal(&a->icmp_pool4, &b->icmp_pool4)) ||
	    (a->has_icmp_pool6 &&
	     !xlat_p6_equal(&a->icmp_pool6, &b->icmp_pool6)) ||
	    (a->has_udp_zero_csum && a->udp_zero_csum != b->udp_zero_csum) ||
	    (a->has_tclass && a->tclass != b->tclass) ||
	    (a->has_tos4 && a->tos4 != b->tos4) ||
	    (a->has_lowest_ipv6_mtu &&
	     a->lowest_ipv6_mtu != b->lowest_ipv6_mtu) ||
	    (a->has_icmp_node_id && a->icmp_node_id != b->icmp_node_id))
		return false;
	if (!xlat_pairs_equal(a->local_map, b->local_map, a->n_local_map) ||
	    !xlat_pairs_equal(a->eam, b->eam, a->n_eam))
		return false;
	for (i = 0; i < a->n_denylist4; i++)
		if (!xlat_p4_equal(&a->denylist4[i], &b->denylist4[i]))
			return false;
	return true;
}

bool xlat_encap_is_empty(const struct xlat_encap *e)
{
	struct xlat_encap empty;

	xlat_encap_init(&empty);
	return xlat_encap_equal(e, &empty);
}

/* --- to netlink ----------------------------------------------------------- */

/*
 * A nest of &enum xlat_pfx_attrs with the prefixes that are not NULL.
 * The kernel validates the nest strictly, which wants NLA_F_NESTED.
 */
static int xlat_put_pfx(struct nl_msg *msg, int type,
			const struct xlat_prefix4 *p4,
			const struct xlat_prefix6 *p6)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, type | NLA_F_NESTED);
	if (!nest)
		return -EMSGSIZE;
	if (p4 && (nla_put(msg, XLAT_PFX_ADDR4, sizeof(p4->addr), &p4->addr) ||
		   nla_put_u8(msg, XLAT_PFX_LEN4, p4->len)))
		return -EMSGSIZE;
	if (p6 && (nla_put(msg, XLAT_PFX_ADDR6, sizeof(p6->addr), &p6->addr) ||
		   nla_put_u8(msg, XLAT_PFX_LEN6, p6->len)))
		return -EMSGSIZE;
	return nla_nest_end(msg, nest) < 0 ? -EMSGSIZE : 0;
}

static int xlat_put_pairs(struct nl_msg *msg, int type,
			  const struct xlat_pair *pairs, unsigned int n)
{
	unsigned int i;
	int err;

	for (i = 0; i < n; i++) {
		err = xlat_put_pfx(msg, type, &pairs[i].p4, &pairs[i].p6);
		if (err)
			return err;
	}
	return 0;
}

/**
 * xlat_encap_put() - append the attributes of an encap
 * @msg: message, inside an open RTA_ENCAP nest
 * @e: the encap
 *
 * Only what is set is sent, in the order the kernel dumps it.
 *
 * Return: 0 or -EMSGSIZE.
 */
int xlat_encap_put(struct nl_msg *msg, const struct xlat_encap *e)
{
	unsigned int i;
	int err;

	if (e->has_remote_prefix6) {
		err = xlat_put_pfx(msg, XLAT_ATTR_REMOTE_PREFIX6, NULL,
				   &e->remote_prefix6);
		if (err)
			return err;
	}
	err = xlat_put_pairs(msg, XLAT_ATTR_LOCAL_MAP, e->local_map,
			     e->n_local_map);
	if (!err)
		err = xlat_put_pairs(msg, XLAT_ATTR_EAM, e->eam, e->n_eam);
	for (i = 0; !err && i < e->n_denylist4; i++)
		err = xlat_put_pfx(msg, XLAT_ATTR_DENYLIST4, &e->denylist4[i],
				   NULL);
	if (!err && e->has_icmp_pool4)
		err = xlat_put_pfx(msg, XLAT_ATTR_ICMP_SRC_POOL4,
				   &e->icmp_pool4, NULL);
	if (!err && e->has_icmp_pool6)
		err = xlat_put_pfx(msg, XLAT_ATTR_ICMP_SRC_POOL6, NULL,
				   &e->icmp_pool6);
	if (err)
		return err;
	if ((e->has_udp_zero_csum &&
	     nla_put_u8(msg, XLAT_ATTR_UDP_ZERO_CSUM, e->udp_zero_csum)) ||
	    (e->has_tclass && nla_put_u8(msg, XLAT_ATTR_TCLASS, e->tclass)) ||
	    (e->has_tos4 && nla_put_u8(msg, XLAT_ATTR_TOS4, e->tos4)) ||
	    (e->has_lowest_ipv6_mtu &&
	     nla_put_u32(msg, XLAT_ATTR_LOWEST_IPV6_MTU, e->lowest_ipv6_mtu)) ||
	    (e->has_icmp_node_id &&
	     nla_put_u8(msg, XLAT_ATTR_ICMP_NODE_ID, e->icmp_node_id)))
		return -EMSGSIZE;
	/*
	 * count: an empty nest gives the route counters of its own. Not
	 * through nla_nest_start()/nla_nest_end(): libnl drops a nest that
	 * ends empty.
	 */
	if (e->counters &&
	    nla_put(msg, XLAT_ATTR_STATS | NLA_F_NESTED, 0, NULL))
		return -EMSGSIZE;
	return 0;
}

/* --- from netlink --------------------------------------------------------- */

static const struct nla_policy xlat_pfx_policy[XLAT_PFX_MAX + 1] = {
	[XLAT_PFX_ADDR4] = { .type = NLA_U32 },
	[XLAT_PFX_LEN4] = { .type = NLA_U8 },
	[XLAT_PFX_ADDR6] = { .minlen = sizeof(struct in6_addr) },
	[XLAT_PFX_LEN6] = { .type = NLA_U8 },
};

static const struct nla_policy xlat_attr_policy[XLAT_ATTR_MAX + 1] = {
	[XLAT_ATTR_UDP_ZERO_CSUM] = { .type = NLA_U8 },
	[XLAT_ATTR_TCLASS] = { .type = NLA_U8 },
	[XLAT_ATTR_TOS4] = { .type = NLA_U8 },
	[XLAT_ATTR_LOWEST_IPV6_MTU] = { .type = NLA_U32 },
	[XLAT_ATTR_ICMP_NODE_ID] = { .type = NLA_U8 },
};

/* Read the IPv4 and/or IPv6 member of a prefix nest; -EBADMSG if missing */
static int xlat_get_pfx(struct nlattr *nest, struct xlat_prefix4 *p4,
			struct xlat_prefix6 *p6)
{
	struct nlattr *tb[XLAT_PFX_MAX + 1];

	if (nla_parse_nested(tb, XLAT_PFX_MAX, nest, xlat_pfx_policy) < 0)
		return -EBADMSG;
	if (p4) {
		if (!tb[XLAT_PFX_ADDR4] || !tb[XLAT_PFX_LEN4])
			return -EBADMSG;
		memcpy(&p4->addr, nla_data(tb[XLAT_PFX_ADDR4]),
		       sizeof(p4->addr));
		p4->len = nla_get_u8(tb[XLAT_PFX_LEN4]);
	}
	if (p6) {
		if (!tb[XLAT_PFX_ADDR6] || !tb[XLAT_PFX_LEN6])
			return -EBADMSG;
		memcpy(&p6->addr, nla_data(tb[XLAT_PFX_ADDR6]),
		       sizeof(p6->addr));
		p6->len = nla_get_u8(tb[XLAT_PFX_LEN6]);
	}
	return 0;
}

static int xlat_get_lists(struct xlat_encap *e, struct nlattr *encap)
{
	struct xlat_prefix4 p4;
	struct xlat_prefix6 p6;
	struct nlattr *a;
	int rem, err;

	nla_for_each_nested(a, encap, rem) {
		switch (nla_type(a)) {
		case XLAT_ATTR_LOCAL_MAP:
			err = xlat_get_pfx(a, &p4, &p6);
			if (!err)
				err = xlat_encap_add_local_map(e, &p4, &p6);
			break;
		case XLAT_ATTR_EAM:
			err = xlat_get_pfx(a, &p4, &p6);
			if (!err)
				err = xlat_encap_add_eam(e, &p4, &p6);
			break;
		case XLAT_ATTR_DENYLIST4:
			err = xlat_get_pfx(a, &p4, NULL);
			if (!err)
				err = xlat_encap_add_denylist4(e, &p4);
			break;
		default:
			err = 0;
		}
		if (err)
			return err;
	}
	return 0;
}

/**
 * xlat_encap_get() - decode the RTA_ENCAP of a dumped xlat route
 * @e: an empty encap to fill
 * @encap: the RTA_ENCAP attribute
 *
 * Counters (XLAT_ATTR_STATS) are left to xlat_stats_get(); their
 * presence sets @e->counters.
 *
 * Return: 0, -EBADMSG for a malformed encap, or -ENOMEM.
 */
int xlat_encap_get(struct xlat_encap *e, struct nlattr *encap)
{
	struct nlattr *tb[XLAT_ATTR_MAX + 1];
	int err;

	if (nla_parse_nested(tb, XLAT_ATTR_MAX, encap, xlat_attr_policy) < 0)
		return -EBADMSG;

	err = 0;
	if (tb[XLAT_ATTR_REMOTE_PREFIX6]) {
		err = xlat_get_pfx(tb[XLAT_ATTR_REMOTE_PREFIX6], NULL,
				   &e->remote_prefix6);
		e->has_remote_prefix6 = !err;
	}
	if (!err && tb[XLAT_ATTR_ICMP_SRC_POOL4]) {
		err = xlat_get_pfx(tb[XLAT_ATTR_ICMP_SRC_POOL4],
				   &e->icmp_pool4, NULL);
		e->has_icmp_pool4 = !err;
	}
	if (!err && tb[XLAT_ATTR_ICMP_SRC_POOL6]) {
		err = xlat_get_pfx(tb[XLAT_ATTR_ICMP_SRC_POOL6], NULL,
				   &e->icmp_pool6);
		e->has_icmp_pool6 = !err;
	}
	if (err)
		return err;
	if (tb[XLAT_ATTR_UDP_ZERO_CSUM]) {
		e->has_udp_zero_csum = true;
		e->udp_zero_csum = nla_get_u8(tb[XLAT_ATTR_UDP_ZERO_CSUM]);
	}
	if (tb[XLAT_ATTR_TCLASS]) {
		e->has_tclass = true;
		e->tclass = nla_get_u8(tb[XLAT_ATTR_TCLASS]);
	}
	if (tb[XLAT_ATTR_TOS4]) {
		e->has_tos4 = true;
		e->tos4 = nla_get_u8(tb[XLAT_ATTR_TOS4]);
	}
	if (tb[XLAT_ATTR_LOWEST_IPV6_MTU]) {
		e->has_lowest_ipv6_mtu = true;
		e->lowest_ipv6_mtu = nla_get_u32(tb[XLAT_ATTR_LOWEST_IPV6_MTU]);
	}
	if (tb[XLAT_ATTR_ICMP_NODE_ID]) {
		e->has_icmp_node_id = true;
		e->icmp_node_id = nla_get_u8(tb[XLAT_ATTR_ICMP_NODE_ID]);
	}
	e->counters = tb[XLAT_ATTR_STATS];
	return xlat_get_lists(e, encap);
}
