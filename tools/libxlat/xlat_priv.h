/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libxlat internals shared by the source files; not installed.
 */
#ifndef LIBXLAT_XLAT_PRIV_H
#define LIBXLAT_XLAT_PRIV_H

#include <linux/lwtunnel.h>
#include <linux/lwtunnel_xlat.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include "xlat.h"

/*
 * LWTUNNEL_ENCAP_XLAT is the type right after LWTUNNEL_ENCAP_XFRM
 * (kernel/patches/0001), after NONE, MPLS, IP, ILA, IP6, SEG6, BPF,
 * SEG6_LOCAL, RPL, IOAM6 and XFRM (10): 11. Distribution headers that
 * predate the patch do not have the name, so the library names the value.
 */
#define XLAT_ENCAP_TYPE		(LWTUNNEL_ENCAP_XFRM + 1)
_Static_assert(XLAT_ENCAP_TYPE == 11, "LWTUNNEL_ENCAP_XLAT is 11");

_Static_assert((int)XLAT_UDP_MODE_COMPUTE == (int)XLAT_UDP_ZERO_CSUM_COMPUTE &&
	       (int)XLAT_UDP_MODE_DROP == (int)XLAT_UDP_ZERO_CSUM_DROP,
	       "enum xlat_udp_mode mirrors the uapi");
_Static_assert((int)XLAT_TCLASS_MODE_COPY == (int)XLAT_TCLASS_COPY &&
	       (int)XLAT_TCLASS_MODE_ZERO == (int)XLAT_TCLASS_ZERO,
	       "enum xlat_tclass_mode mirrors the uapi");

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#endif

/* Room for the kernel's extack message and for our own error texts */
#define XLAT_MSG_LEN		256

/**
 * struct xlat_handle - an rtnetlink connection
 * @sk: libnl socket, NETLINK_ROUTE, extended acks on
 * @err: errno of the last request, 0 after a success
 * @msg: text for xlat_errmsg()
 * @extack: the kernel's message about the last request, "" when none
 */
struct xlat_handle {
	struct nl_sock *sk;
	int err;
	char msg[XLAT_MSG_LEN];
	char extack[XLAT_MSG_LEN];
};

/* xlat_nl.c */
void xlat_reset_error(struct xlat_handle *h);
int xlat_set_error(struct xlat_handle *h, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int xlat_nl_error(struct xlat_handle *h, int nlerr);
int xlat_request(struct xlat_handle *h, struct nl_msg *msg,
		 int (*valid)(struct nl_msg *msg, void *arg), void *arg);

/* xlat_encap.c */
int xlat_encap_put(struct nl_msg *msg, const struct xlat_encap *e);
int xlat_encap_get(struct xlat_encap *e, struct nlattr *encap);
bool xlat_encap_is_empty(const struct xlat_encap *e);

/* xlat_pref64.c: clear the bits of @a past @len */
void xlat_mask6(struct in6_addr *a, unsigned int len);

/* xlat_stats.c */
int xlat_stats_get(struct xlat_stats *s, struct nlattr *nest);
void xlat_stats_clear(struct xlat_stats *s);

#endif /* LIBXLAT_XLAT_PRIV_H */
