// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libxlat: the rtnetlink connection, requests, and their errors.
 *
 * Every request waits for its answer: an ack (NLMSG_ERROR), or NLMSG_DONE
 * at the end of a dump. With NETLINK_EXT_ACK the kernel appends the
 * reason for a refusal to the NLMSG_ERROR as NLMSGERR_ATTR_MSG; libnl-3
 * has no API for extended acks, so the callbacks here read the attributes
 * out of the message themselves.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/netlink.h>
#include <netlink/errno.h>
#include <netlink/handlers.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>

#include "xlat_priv.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK	270
#endif

/*
 * Receive buffer: a route with a full encap (64 mappings and the
 * counters) takes about 3 KiB; a dump message holds several routes. See xlat_open() for the kernel's side.
 */
#define XLAT_RCVBUF_LEN	32768

/**
 * xlat_errno() - the errno closest to a libnl error code
 * @nlerr: a libnl error, negative or positive
 *
 * Return: a positive errno.
 */
static int xlat_errno(int nlerr)
{
	switch (nlerr < 0 ? -nlerr : nlerr) {
	case NLE_NOMEM:
		return ENOMEM;
	case NLE_AGAIN:
		return EAGAIN;
	case NLE_INTR:
		return EINTR;
	case NLE_INVAL:
		return EINVAL;
	case NLE_RANGE:
		return ERANGE;
	case NLE_MSGSIZE:
		return EMSGSIZE;
	case NLE_PERM:
		return EPERM;
	case NLE_NOACCESS:
		return EACCES;
	case NLE_NODEV:
		return ENODEV;
	case NLE_OBJ_NOTFOUND:
		return ENOENT;
	case NLE_EXIST:
		return EEXIST;
	case NLE_BUSY:
		return EBUSY;
	case NLE_OPNOTSUPP:
		return EOPNOTSUPP;
	case NLE_AF_NOSUPPORT:
		return EAFNOSUPPORT;
	case NLE_PROTO_MISMATCH:
		return EPROTONOSUPPORT;
	case NLE_MSG_TRUNC:
	case NLE_MSG_OVERFLOW:
	case NLE_SEQ_MISMATCH:
	case NLE_PARSE_ERR:
		return EBADMSG;
	default:
		return EIO;
	}
}

void xlat_reset_error(struct xlat_handle *h)
{
	h->err = 0;
	h->msg[0] = '\0';
	h->extack[0] = '\0';
}

/**
 * xlat_set_error() - record an error of the library itself
 * @h: the handle
 * @err: a negative errno
 * @fmt: printf format of the message, or %NULL for strerror(-@err)
 *
 * Return: @err.
 */
int xlat_set_error(struct xlat_handle *h, int err, const char *fmt, ...)
{
	va_list ap;

	h->err = -err;
	if (!fmt) {
		snprintf(h->msg, sizeof(h->msg), "%s", strerror(-err));
		return err;
	}
	va_start(ap, fmt);
	vsnprintf(h->msg, sizeof(h->msg), fmt, ap);
	va_end(ap);
	return err;
}

/**
 * xlat_nl_error() - record a libnl error
 * @h: the handle
 * @nlerr: negative libnl error code
 *
 * Return: the matching negative errno.
 */
int xlat_nl_error(struct xlat_handle *h, int nlerr)
{
	return xlat_set_error(h, -xlat_errno(nlerr), "%s", nl_geterror(nlerr));
}

/*
 * Copy NLMSGERR_ATTR_MSG from the TLVs that follow @off bytes of payload
 * of @nlh, when the kernel flagged them (NLM_F_ACK_TLVS).
 */
static void xlat_read_extack(struct xlat_handle *h,
			     const struct nlmsghdr *nlh, size_t off)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	size_t total = nlh->nlmsg_len;
	struct nlattr *attrs;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	off = NLMSG_HDRLEN + NLMSG_ALIGN(off);
	if (total <= off)
		return;
	attrs = (struct nlattr *)((char *)nlh + off);
	if (nla_parse(tb, NLMSGERR_ATTR_MAX, attrs, (int)(total - off),
		      NULL) < 0)
		return;
	if (tb[NLMSGERR_ATTR_MSG])
		nla_strlcpy(h->extack, tb[NLMSGERR_ATTR_MSG],
			    sizeof(h->extack));
}

/*
 * The payload of an NLMSG_ERROR before its TLVs: struct nlmsgerr, and
 * the request it answers unless the kernel capped it (NETLINK_CAP_ACK).
 */
static size_t xlat_nlmsgerr_len(const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *e = NLMSG_DATA(nlh);

	if (nlh->nlmsg_flags & NLM_F_CAPPED)
		return sizeof(*e);
	return sizeof(*e) + e->msg.nlmsg_len - NLMSG_HDRLEN;
}

/*
 * A refusal. libnl hands over the struct nlmsgerr inside the message it
 * received; the netlink header is right before it.
 */
static int xlat_err_cb(struct sockaddr_nl *nla, struct nlmsgerr *e,
		       void *arg)
{
	const struct nlmsghdr *nlh =
		(const struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct xlat_handle *h = arg;

	(void)nla;
	h->err = e->error < 0 ? -e->error : EIO;
	xlat_read_extack(h, nlh, xlat_nlmsgerr_len(nlh));
	return NL_STOP;
}

/* A success; its ack may carry a warning. */
static int xlat_ack_cb(struct nl_msg *msg, void *arg)
{
	const struct nlmsghdr *nlh = nlmsg_hdr(msg);

	xlat_read_extack(arg, nlh, xlat_nlmsgerr_len(nlh));
	return NL_STOP;
}

/*
 * The end of a dump. Its payload is the status of the dump, which libnl
 * does not look at: a dump the kernel could not finish (-EMSGSIZE, say)
 * would otherwise pass for a complete one.
 */
static int xlat_finish_cb(struct nl_msg *msg, void *arg)
{
	const struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct xlat_handle *h = arg;
	int status;

	if (nlmsg_datalen(nlh) < (int)sizeof(status))
		return NL_STOP;
	memcpy(&status, nlmsg_data(nlh), sizeof(status));
	if (status < 0) {
		h->err = -status;
		xlat_read_extack(h, nlh, sizeof(status));
	}
	return NL_STOP;
}

/**
 * xlat_request() - send a request and wait for its answer
 * @h: the handle; its error is reset first
 * @msg: the request; NLM_F_REQUEST and NLM_F_ACK are added
 * @valid: called for each message of a dump, or %NULL. It must return
 *	NL_OK: stopping early would leave the rest of the dump queued.
 * @arg: passed to @valid
 *
 * Return: 0 or a negative errno, with the reason for xlat_errmsg().
 */
int xlat_request(struct xlat_handle *h, struct nl_msg *msg,
		 int (*valid)(struct nl_msg *msg, void *arg), void *arg)
{
	struct nl_cb *cb, *sk_cb;
	int err;

	xlat_reset_error(h);
	/* nl_socket_get_cb() takes a reference */
	sk_cb = nl_socket_get_cb(h->sk);
	cb = nl_cb_clone(sk_cb);
	nl_cb_put(sk_cb);
	if (!cb)
		return xlat_set_error(h, -ENOMEM, NULL);
	nl_cb_err(cb, NL_CB_CUSTOM, xlat_err_cb, h);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, xlat_ack_cb, h);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, xlat_finish_cb, h);
	if (valid)
		nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, valid, arg);

	err = nl_send_auto(h->sk, msg);
	if (err >= 0)
		err = nl_recvmsgs(h->sk, cb);
	nl_cb_put(cb);

	if (h->err) {
		/* The kernel's own words, else the errno's */
		snprintf(h->msg, sizeof(h->msg), "%s",
			 h->extack[0] ? h->extack : strerror(h->err));
		return -h->err;
	}
	if (err < 0)
		return xlat_nl_error(h, err);
	return 0;
}

/* See xlat_open() */
static void xlat_prime(struct xlat_handle *h)
{
	struct nl_msg *msg;

	msg = nlmsg_alloc_simple(NLMSG_NOOP, 0);
	if (!msg)
		return;
	xlat_request(h, msg, NULL, NULL);
	nlmsg_free(msg);
	xlat_reset_error(h);
}

int xlat_open(struct xlat_handle **hp)
{
	static const int one = 1;
	struct xlat_handle *h;
	int err, fd;

	*hp = NULL;
	h = calloc(1, sizeof(*h));
	if (!h)
		return -ENOMEM;
	h->sk = nl_socket_alloc();
	if (!h->sk) {
		free(h);
		return -ENOMEM;
	}
	err = nl_connect(h->sk, NETLINK_ROUTE);
	if (err < 0) {
		nl_socket_free(h->sk);
		free(h);
		return -xlat_errno(err);
	}

	/*
	 * Kernels before 4.12 lack extended acks: errors then come without
	 * a message, which is no reason to fail.
	 */
	fd = nl_socket_get_fd(h->sk);
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));

	/* Peek at each message's size, so none is cut short */
	nl_socket_enable_msg_peek(h->sk);
	nl_socket_set_msg_buf_size(h->sk, XLAT_RCVBUF_LEN);

	/*
	 * The kernel fills each skb of a dump before the reader asks for
	 * it, and sizes it after the largest read the socket has made
	 * (netlink_dump(), up to 32 KiB); a socket that has read nothing
	 * yet gets one page, which a route with a large encap does not fit:
	 * its dump would end with -EMSGSIZE. One acked NLMSG_NOOP, read
	 * with the 32 KiB buffer, sets the size for the life of the socket.
	 * Without it dumps still work, up to the page, so errors are moot.
	 */
	xlat_prime(h);

	*hp = h;
	return 0;
}

void xlat_close(struct xlat_handle *h)
{
	if (!h)
		return;
	nl_socket_free(h->sk);
	free(h);
}

struct nl_sock *xlat_socket(struct xlat_handle *h)
{
	return h->sk;
}

const char *xlat_errmsg(const struct xlat_handle *h)
{
	return h->msg;
}

const char *xlat_extack(const struct xlat_handle *h)
{
	return h->extack[0] ? h->extack : NULL;
}
