// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libxlat: routes with the xlat encap: add, replace, delete, dump.
 *
 * The RTM_NEWROUTE, RTM_DELROUTE and RTM_GETROUTE messages are built here
 * from a struct rtmsg and libnl attributes rather than with libnl-route's
 * struct rtnl_route. That object has no room for an encap it does not know
 * (its nexthop encaps are the kinds libnl implements, such as MPLS), so a
 * request built by rtnl_route_build_add_request() would need RTA_ENCAP
 * appended behind libnl's back, and on the way in rtnl_route_parse()
 * drops the xlat encap and its counters: the dump has to read the raw
 * attributes anyway. Building the rtmsg is a few lines, and the request
 * then says exactly what "ip route add ... encap xlat ..." says. libnl-route
 * still serves for what it models: interface names and indexes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/route/link.h>

#include "xlat_priv.h"

void xlat_route_init(struct xlat_route *r, int family)
{
	memset(r, 0, sizeof(*r));
	r->family = family;
	xlat_encap_init(&r->encap);
}

void xlat_route_clear(struct xlat_route *r)
{
	int family = r->family;

	xlat_encap_clear(&r->encap);
	xlat_stats_clear(&r->stats);
	xlat_route_init(r, family);
}

int xlat_route_set_dst(struct xlat_route *r, const char *text)
{
	struct xlat_prefix4 p4;
	struct xlat_prefix6 p6;

	if (!strcmp(text, "default")) {
		memset(&r->dst, 0, sizeof(r->dst));
		r->dst_len = 0;
		return 0;
	}
	if (r->family == AF_INET && !xlat_prefix4_parse(text, &p4)) {
		r->dst.v4 = p4.addr;
		r->dst_len = p4.len;
		return 0;
	}
	if (r->family == AF_INET6 && !xlat_prefix6_parse(text, &p6)) {
		r->dst.v6 = p6.addr;
		r->dst_len = p6.len;
		return 0;
	}
	return -EINVAL;
}

int xlat_route_set_src(struct xlat_route *r, const char *text)
{
	if ((r->family != AF_INET && r->family != AF_INET6) ||
	    inet_pton(r->family, text, &r->prefsrc) != 1)
		return -EINVAL;
	r->has_prefsrc = true;
	return 0;
}

int xlat_route_set_from(struct xlat_route *r, const char *text)
{
	struct xlat_prefix6 p6;
	unsigned int i;

	if (r->family != AF_INET6 || xlat_prefix6_parse(text, &p6) ||
	    !p6.len)
		return -EINVAL;
	r->from = p6.addr;
	r->from_len = p6.len;
	/* The kernel keeps the prefix with its host bits cleared */
	for (i = p6.len; i < 128; i++)
		r->from.s6_addr[i / 8] &= (uint8_t)~(0x80u >> (i % 8));
	return 0;
}

/* Deep copy of a dumped route, for xlat_route_list() */
static int xlat_route_copy(struct xlat_route *dst, const struct xlat_route *src)
{
	size_t drops = src->stats.n_drops * sizeof(*src->stats.drops);

	*dst = *src;
	xlat_encap_init(&dst->encap);
	dst->stats.drops = NULL;
	if (drops) {
		dst->stats.drops = malloc(drops);
		if (!dst->stats.drops)
			return -ENOMEM;
		memcpy(dst->stats.drops, src->stats.drops, drops);
	}
	if (xlat_encap_copy(&dst->encap, &src->encap)) {
		xlat_route_clear(dst);
		return -ENOMEM;
	}
	return 0;
}

/* --- requests ------------------------------------------------------------- */

static size_t xlat_addr_len(int family)
{
	return family == AF_INET ? sizeof(struct in_addr) :
				   sizeof(struct in6_addr);
}

/* The output interface: @r->ifindex, else @r->dev looked up, else 0 */
static int xlat_route_oif(struct xlat_handle *h, const struct xlat_route *r,
			  int *oif)
{
	struct rtnl_link *link;
	int err;

	*oif = r->ifindex;
	if (*oif || !r->dev[0])
		return 0;
	err = rtnl_link_get_kernel(h->sk, 0, r->dev, &link);
	if (err == -NLE_OBJ_NOTFOUND || err == -NLE_NODEV)
		return xlat_set_error(h, -ENODEV, "Cannot find device \"%s\"",
				      r->dev);
	if (err < 0)
		return xlat_nl_error(h, err);
	*oif = rtnl_link_get_ifindex(link);
	rtnl_link_put(link);
	return 0;
}

/*
 * Room for the request: the route attributes, and the encap at 48 bytes
 * per prefix pair, 20 per IPv4 prefix. libnl does not grow a message.
 */
static size_t xlat_route_msg_size(const struct xlat_route *r)
{
	const struct xlat_encap *e = &r->encap;

	return 1024 + 48 * (e->n_local_map + e->n_eam) + 20 * e->n_denylist4;
}

static int xlat_route_put(struct nl_msg *msg, const struct xlat_route *r,
			  int oif, bool del)
{
	struct nlattr *nest;

	if (nla_put(msg, RTA_DST, (int)xlat_addr_len(r->family), &r->dst) ||
	    (r->from_len && nla_put(msg, RTA_SRC, sizeof(r->from), &r->from)) ||
	    nla_put_u32(msg, RTA_TABLE, r->table ? r->table : RT_TABLE_MAIN) ||
	    (oif && nla_put_u32(msg, RTA_OIF, (uint32_t)oif)) ||
	    (r->metric && nla_put_u32(msg, RTA_PRIORITY, r->metric)) ||
	    (r->has_prefsrc && nla_put(msg, RTA_PREFSRC,
				       (int)xlat_addr_len(r->family),
				       &r->prefsrc)))
		return -EMSGSIZE;
	if (r->mtu) {
		nest = nla_nest_start(msg, RTA_METRICS | NLA_F_NESTED);
		if (!nest || nla_put_u32(msg, RTAX_MTU, r->mtu) ||
		    nla_nest_end(msg, nest) < 0)
			return -EMSGSIZE;
	}
	/* A delete matches the encap only when one is given */
	if (del && xlat_encap_is_empty(&r->encap))
		return 0;
	if (nla_put_u16(msg, RTA_ENCAP_TYPE, XLAT_ENCAP_TYPE))
		return -EMSGSIZE;
	nest = nla_nest_start(msg, RTA_ENCAP | NLA_F_NESTED);
	if (!nest || xlat_encap_put(msg, &r->encap))
		return -EMSGSIZE;
	/*
	 * Keep the nest even when empty: without RTA_ENCAP the kernel would
	 * add a plain route, where an empty encap is refused with a reason.
	 */
	return nla_nest_end_keep_empty(msg, nest) < 0 ? -EMSGSIZE : 0;
}

/* RTM_NEWROUTE (with @flags) or RTM_DELROUTE of @r */
static int xlat_route_modify(struct xlat_handle *h, const struct xlat_route *r,
			     int cmd, int flags)
{
	bool del = cmd == RTM_DELROUTE;
	uint32_t table = r->table ? r->table : RT_TABLE_MAIN;
	struct rtmsg rtm = {
		.rtm_family = (unsigned char)r->family,
		.rtm_dst_len = r->dst_len,
		.rtm_src_len = r->from_len,
		/* RTA_TABLE has the whole number */
		.rtm_table = table < 256 ? (unsigned char)table : RT_TABLE_UNSPEC,
		.rtm_protocol = r->protocol,
	};
	struct nl_msg *msg;
	struct nlmsghdr *nlh;
	int err, oif;

	xlat_reset_error(h);
	if ((r->family != AF_INET && r->family != AF_INET6) ||
	    r->dst_len > 8 * xlat_addr_len(r->family))
		return xlat_set_error(h, -EINVAL, "not an IPv4 or IPv6 prefix");
	if (r->from_len && (r->family != AF_INET6 || r->from_len > 128))
		return xlat_set_error(h, -EINVAL,
				      "a source prefix needs an IPv6 route");
	if (!del && !r->ifindex && !r->dev[0])
		return xlat_set_error(h, -EINVAL,
				      "an xlat route needs an output device");
	err = xlat_route_oif(h, r, &oif);
	if (err)
		return err;

	/* As ip route: a delete matches any scope, type and protocol */
	if (del) {
		rtm.rtm_scope = RT_SCOPE_NOWHERE;
	} else {
		if (!rtm.rtm_protocol)
			rtm.rtm_protocol = RTPROT_BOOT;
		/* No gateway: an IPv4 route reaches a link */
		rtm.rtm_scope = r->family == AF_INET ? RT_SCOPE_LINK :
						       RT_SCOPE_UNIVERSE;
		rtm.rtm_type = RTN_UNICAST;
	}

	msg = nlmsg_alloc_size(xlat_route_msg_size(r));
	if (!msg)
		return xlat_set_error(h, -ENOMEM, NULL);
	nlh = nlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, cmd, sizeof(rtm), flags);
	if (!nlh) {
		nlmsg_free(msg);
		return xlat_set_error(h, -EMSGSIZE, NULL);
	}
	memcpy(nlmsg_data(nlh), &rtm, sizeof(rtm));
	err = xlat_route_put(msg, r, oif, del);
	if (err)
		err = xlat_set_error(h, err, "the route does not fit a message");
	else
		err = xlat_request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	return err;
}

int xlat_route_add(struct xlat_handle *h, const struct xlat_route *r)
{
	return xlat_route_modify(h, r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
}

int xlat_route_replace(struct xlat_handle *h, const struct xlat_route *r)
{
	return xlat_route_modify(h, r, RTM_NEWROUTE,
				 NLM_F_CREATE | NLM_F_REPLACE);
}

int xlat_route_del(struct xlat_handle *h, const struct xlat_route *r)
{
	return xlat_route_modify(h, r, RTM_DELROUTE, 0);
}

/* --- dump ----------------------------------------------------------------- */

/**
 * struct xlat_dump - state of a route dump
 * @links: interface names, read before the dump
 * @family: the family asked for, or AF_UNSPEC
 * @cb: the caller's callback
 * @arg: its argument
 * @ret: 0 while going on; the callback's value or an error to stop
 */
struct xlat_dump {
	struct nl_cache *links;
	int family;
	xlat_route_cb cb;
	void *arg;
	int ret;
};

static const struct nla_policy xlat_rta_policy[RTA_MAX + 1] = {
	[RTA_TABLE] = { .type = NLA_U32 },
	[RTA_OIF] = { .type = NLA_U32 },
	[RTA_PRIORITY] = { .type = NLA_U32 },
	[RTA_METRICS] = { .type = NLA_NESTED },
	[RTA_ENCAP_TYPE] = { .type = NLA_U16 },
	[RTA_ENCAP] = { .type = NLA_NESTED },
};

/* Decode one RTM_NEWROUTE with an xlat encap into @r */
static int xlat_route_get(struct xlat_dump *d, struct xlat_route *r,
			  const struct rtmsg *rtm, struct nlattr **tb)
{
	struct nlattr *a;
	int err;

	xlat_route_init(r, rtm->rtm_family);
	r->dst_len = rtm->rtm_dst_len;
	if (tb[RTA_DST]) {
		if ((size_t)nla_len(tb[RTA_DST]) != xlat_addr_len(r->family))
			return -EBADMSG;
		memcpy(&r->dst, nla_data(tb[RTA_DST]),
		       xlat_addr_len(r->family));
	}
	if (rtm->rtm_family == AF_INET6 && rtm->rtm_src_len && tb[RTA_SRC]) {
		if (nla_len(tb[RTA_SRC]) != (int)sizeof(r->from) ||
		    rtm->rtm_src_len > 128)
			return -EBADMSG;
		memcpy(&r->from, nla_data(tb[RTA_SRC]), sizeof(r->from));
		r->from_len = rtm->rtm_src_len;
	}
	r->table = tb[RTA_TABLE] ? nla_get_u32(tb[RTA_TABLE]) : rtm->rtm_table;
	r->protocol = rtm->rtm_protocol;
	if (tb[RTA_OIF]) {
		r->ifindex = (int)nla_get_u32(tb[RTA_OIF]);
		if (d->links)
			rtnl_link_i2name(d->links, r->ifindex, r->dev,
					 sizeof(r->dev));
	}
	if (tb[RTA_PRIORITY])
		r->metric = nla_get_u32(tb[RTA_PRIORITY]);
	if (tb[RTA_PREFSRC]) {
		if ((size_t)nla_len(tb[RTA_PREFSRC]) != xlat_addr_len(r->family))
			return -EBADMSG;
		memcpy(&r->prefsrc, nla_data(tb[RTA_PREFSRC]),
		       xlat_addr_len(r->family));
		r->has_prefsrc = true;
	}
	if (tb[RTA_METRICS]) {
		a = nla_find(nla_data(tb[RTA_METRICS]),
			     nla_len(tb[RTA_METRICS]), RTAX_MTU);
		if (a && nla_len(a) >= (int)sizeof(uint32_t))
			r->mtu = nla_get_u32(a);
	}

	err = xlat_encap_get(&r->encap, tb[RTA_ENCAP]);
	if (err)
		return err;
	r->stats.dir = r->family == AF_INET ? XLAT_DIR_4TO6 : XLAT_DIR_6TO4;
	a = nla_find(nla_data(tb[RTA_ENCAP]), nla_len(tb[RTA_ENCAP]),
		     XLAT_ATTR_STATS);
	return a ? xlat_stats_get(&r->stats, a) : 0;
}

static int xlat_dump_valid(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *tb[RTA_MAX + 1];
	struct xlat_dump *d = arg;
	const struct rtmsg *rtm;
	struct xlat_route r;

	/* After the callback said stop, read the rest of the dump only */
	if (d->ret || nlh->nlmsg_type != RTM_NEWROUTE)
		return NL_OK;
	if (nlmsg_parse(nlh, sizeof(*rtm), tb, RTA_MAX, xlat_rta_policy) < 0)
		return NL_OK;
	rtm = nlmsg_data(nlh);
	if (rtm->rtm_family != AF_INET && rtm->rtm_family != AF_INET6)
		return NL_OK;
	if ((d->family != AF_UNSPEC && rtm->rtm_family != d->family) ||
	    (rtm->rtm_flags & RTM_F_CLONED) || !tb[RTA_ENCAP_TYPE] ||
	    !tb[RTA_ENCAP] ||
	    nla_get_u16(tb[RTA_ENCAP_TYPE]) != XLAT_ENCAP_TYPE)
		return NL_OK;

	d->ret = xlat_route_get(d, &r, rtm, tb);
	if (!d->ret)
		d->ret = d->cb(&r, d->arg);
	xlat_route_clear(&r);
	return NL_OK;
}

int xlat_route_dump(struct xlat_handle *h, int family, xlat_route_cb cb,
		    void *arg)
{
	struct xlat_dump d = { .family = family, .cb = cb, .arg = arg };
	struct rtmsg rtm = { .rtm_family = (unsigned char)family };
	struct nl_msg *msg;
	int err;

	xlat_reset_error(h);
	if (family != AF_UNSPEC && family != AF_INET && family != AF_INET6)
		return xlat_set_error(h, -EAFNOSUPPORT, NULL);

	/* Names are a convenience: a dump without them is still a dump */
	if (rtnl_link_alloc_cache(h->sk, AF_UNSPEC, &d.links) < 0)
		d.links = NULL;

	msg = nlmsg_alloc_simple(RTM_GETROUTE, NLM_F_DUMP);
	if (!msg) {
		err = xlat_set_error(h, -ENOMEM, NULL);
		goto out;
	}
	if (nlmsg_append(msg, &rtm, sizeof(rtm), NLMSG_ALIGNTO) < 0)
		err = xlat_set_error(h, -EMSGSIZE, NULL);
	else
		err = xlat_request(h, msg, xlat_dump_valid, &d);
	nlmsg_free(msg);
	if (!err && d.ret < 0)
		err = xlat_set_error(h, d.ret, NULL);
	else if (!err)
		err = d.ret;
out:
	nl_cache_free(d.links);
	return err;
}

/**
 * struct xlat_list - what xlat_route_list() collects
 * @routes: the array
 * @n: its length
 */
struct xlat_list {
	struct xlat_route *routes;
	size_t n;
};

static int xlat_list_add(const struct xlat_route *r, void *arg)
{
	struct xlat_list *l = arg;
	struct xlat_route *grown;

	grown = realloc(l->routes, (l->n + 1) * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	l->routes = grown;
	if (xlat_route_copy(&grown[l->n], r))
		return -ENOMEM;
	l->n++;
	return 0;
}

int xlat_route_list(struct xlat_handle *h, int family,
		    struct xlat_route **routes, size_t *n)
{
	struct xlat_list l = { 0 };
	int err;

	err = xlat_route_dump(h, family, xlat_list_add, &l);
	if (err) {
		xlat_route_list_free(l.routes, l.n);
		l.routes = NULL;
		l.n = 0;
	}
	*routes = l.routes;
	*n = l.n;
	return err;
}

void xlat_route_list_free(struct xlat_route *routes, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		xlat_route_clear(&routes[i]);
	free(routes);
}
