// SPDX-License-Identifier: GPL-2.0
/*
 * xlat-nlfuzz: a configuration fuzzer for the xlat route encap.
 *
 * Sends RTM_NEWROUTE (create and replace), RTM_DELROUTE and RTM_GETROUTE
 * messages whose RTA_ENCAP nest is generated from the attributes of
 * include/uapi/linux/lwtunnel_xlat.h and then mutated: random and boundary
 * types, lengths and nesting depths, duplicates, truncation, attributes
 * past the end, list sizes of 0, 1, the maximum and one more, every prefix
 * length, overlapping and conflicting maps. A child process keeps traffic
 * flowing through two of the routes while they are replaced.
 *
 * After every message it checks:
 *  - a refused message carries an extended-ack message and the routes are
 *    what they were (the whole table is dumped and compared);
 *  - an accepted route dumps back byte for byte as the kernel is documented
 *    to dump it: the attributes given, last one of a kind winning, lists in
 *    order, local-map before eam before denylist4, then the scalars
 *    (Documentation/networking/xlat.rst, "Configuration");
 *  - a probe sent through an accepted route with counters of its own
 *    (XLAT_ATTR_STATS given) is counted by that route, as a translated
 *    packet or as a drop with a reason.
 * The kernel's own reports (KASAN, UBSAN, kmemleak, lockdep) are read by
 * the caller, selftests/xlat_nlfuzz.sh.
 *
 * It works in the network namespace it is started in, on the routes of six
 * fixed destinations (the test address plan) through one device, and
 * needs CAP_NET_ADMIN there only: it runs as well in a user namespace.
 *
 *   xlat-nlfuzz -d DEV [-n MESSAGES] [-s SEED] [-v]
 *
 * Exit status: 0 when every check passed, 1 when one failed, 2 on a usage
 * or setup error.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <net/if.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <libmnl/libmnl.h>
#include <linux/lwtunnel.h>
#include <linux/rtnetlink.h>
#include <linux/lwtunnel_xlat.h>

/* Added by kernel/patches/0001; the build host's headers predate it. */
#define ENCAP_XLAT 11

#define MAX_ENTRIES 64		/* XLAT_MAX_ENTRIES in the kernel */
#define MAX_LIST (MAX_ENTRIES + 2)
#define ENC_MAX 16384
#define MSG_MAX (ENC_MAX * 2 + 1024)
#define RECV_MAX 65536

/* ------------------------------------------------------------------ */
/* random numbers: xorshift64*, reproducible from the seed            */

static uint64_t rng_state;

static uint64_t rnd64(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static unsigned int rnd(unsigned int n)
{
	return n ? (unsigned int)(rnd64() % n) : 0;
}

static bool chance(unsigned int percent)
{
	return rnd(100) < percent;
}

/* ------------------------------------------------------------------ */
/* the six routes under test                                          */

struct slot {
	int family;
	const char *dst;
	unsigned int len;
	const char *probe;	/* an address inside the route, and no other */
	bool live;		/* the traffic child sends through it */
	uint8_t dst_bin[16];
	uint8_t probe_bin[16];
	/* model: what the kernel should hold */
	bool present;
	uint16_t encap_type;	/* 0: a route without encap */
	uint8_t enc[ENC_MAX];	/* canonical dump of the encap, no counters */
	size_t enc_len;
};

static struct slot slots[] = {
	{ .family = AF_INET, .dst = "198.51.100.0", .len = 24, .probe = "198.51.100.7", .live = true },
	{ .family = AF_INET, .dst = "203.0.113.0", .len = 24, .probe = "203.0.113.9", .live = false },
	{ .family = AF_INET, .dst = "192.0.0.0", .len = 29, .probe = "192.0.0.6", .live = false },
	{ .family = AF_INET6, .dst = "64:ff9b:1::", .len = 96, .probe = "64:ff9b:1::c633:6407", .live = true },
	{ .family = AF_INET6, .dst = "2001:db8:64::", .len = 96, .probe = "2001:db8:64::cb00:7109", .live = false },
	{ .family = AF_INET6, .dst = "2001:db8:1:2::1234", .len = 128, .probe = "2001:db8:1:2::1234", .live = false },
};

#define N_SLOTS (sizeof(slots) / sizeof(slots[0]))

/* ------------------------------------------------------------------ */
/* the meaning of an encap nest                                       */

struct pfx {
	uint32_t a4;		/* network order */
	uint8_t l4;
	uint8_t a6[16];
	uint8_t l6;
};

struct cfg {
	bool has_remote, has_pool4, has_pool6;
	bool has_udp, has_tclass, has_tos4, has_mtu, has_node;
	struct pfx remote, pool4, pool6;
	uint8_t udp, tclass, tos4, node;
	uint32_t mtu;
	unsigned int n_local, n_eam, n_deny;
	struct pfx local[MAX_LIST], eam[MAX_LIST], deny[MAX_LIST];
	bool stats;		/* a counters nest: the route's own counters */
};

/* ------------------------------------------------------------------ */
/* raw attribute writing, so that anything can be written             */

struct wbuf {
	uint8_t *b;
	size_t len, cap;
	bool overflow;
};

static void *w_reserve(struct wbuf *w, size_t n)
{
	void *p;

	if (w->len + n > w->cap) {
		w->overflow = true;
		return NULL;
	}
	p = w->b + w->len;
	memset(p, 0, n);
	w->len += n;
	return p;
}

static void w_attr(struct wbuf *w, uint16_t type, const void *data,
		   size_t len)
{
	struct nlattr *a = w_reserve(w, NLA_HDRLEN + NLA_ALIGN(len));

	if (!a)
		return;
	a->nla_type = type;
	a->nla_len = NLA_HDRLEN + len;
	if (len)
		memcpy((uint8_t *)a + NLA_HDRLEN, data, len);
}

static size_t w_nest_start(struct wbuf *w, uint16_t type)
{
	size_t off = w->len;
	struct nlattr *a = w_reserve(w, NLA_HDRLEN);

	if (a)
		a->nla_type = type;
	return off;
}

static void w_nest_end(struct wbuf *w, size_t off)
{
	struct nlattr *a;

	if (w->overflow)
		return;
	a = (struct nlattr *)(w->b + off);
	a->nla_len = w->len - off;
}

static void w_u8(struct wbuf *w, uint16_t type, uint8_t v)
{
	w_attr(w, type, &v, 1);
}

static void w_u32(struct wbuf *w, uint16_t type, uint32_t v)
{
	w_attr(w, type, &v, 4);
}

static bool client_order;	/* members in a random order, as a client may */
static bool chance(unsigned int percent);

/*
 * A prefix nest, in the order and form the kernel dumps unless
 * client_order is set.
 */
static void w_pfx(struct wbuf *w, uint16_t type, const struct pfx *p,
		  bool v4, bool v6)
{
	size_t n = w_nest_start(w, type | NLA_F_NESTED);
	bool six_first = client_order && chance(30);
	bool len_first = client_order && chance(30);
	unsigned int k;

	for (k = 0; k < 2; k++) {
		if ((k == 0) == six_first) {
			if (!v6)
				continue;
			if (len_first)
				w_u8(w, XLAT_PFX_LEN6, p->l6);
			w_attr(w, XLAT_PFX_ADDR6, p->a6, 16);
			if (!len_first)
				w_u8(w, XLAT_PFX_LEN6, p->l6);
		} else {
			if (!v4)
				continue;
			if (len_first)
				w_u8(w, XLAT_PFX_LEN4, p->l4);
			w_attr(w, XLAT_PFX_ADDR4, &p->a4, 4);
			if (!len_first)
				w_u8(w, XLAT_PFX_LEN4, p->l4);
		}
	}
	w_nest_end(w, n);
}

/*
 * The canonical dump of a configuration: what xlat_cfg_fill() is
 * documented to write, before the counters.
 */
static void encode_canonical(struct wbuf *w, const struct cfg *c)
{
	unsigned int i;

	if (c->has_remote)
		w_pfx(w, XLAT_ATTR_REMOTE_PREFIX6, &c->remote, false, true);
	for (i = 0; i < c->n_local; i++)
		w_pfx(w, XLAT_ATTR_LOCAL_MAP, &c->local[i], true, true);
	for (i = 0; i < c->n_eam; i++)
		w_pfx(w, XLAT_ATTR_EAM, &c->eam[i], true, true);
	for (i = 0; i < c->n_deny; i++)
		w_pfx(w, XLAT_ATTR_DENYLIST4, &c->deny[i], true, false);
	if (c->has_pool4)
		w_pfx(w, XLAT_ATTR_ICMP_SRC_POOL4, &c->pool4, true, false);
	if (c->has_pool6)
		w_pfx(w, XLAT_ATTR_ICMP_SRC_POOL6, &c->pool6, false, true);
	if (c->has_udp)
		w_u8(w, XLAT_ATTR_UDP_ZERO_CSUM, c->udp);
	if (c->has_tclass)
		w_u8(w, XLAT_ATTR_TCLASS, c->tclass);
	if (c->has_tos4)
		w_u8(w, XLAT_ATTR_TOS4, c->tos4);
	if (c->has_mtu)
		w_u32(w, XLAT_ATTR_LOWEST_IPV6_MTU, c->mtu);
	if (c->has_node)
		w_u8(w, XLAT_ATTR_ICMP_NODE_ID, c->node);
	/* The counters come last; read_route() keeps an empty nest of them. */
	if (c->stats)
		w_nest_end(w, w_nest_start(w, XLAT_ATTR_STATS | NLA_F_NESTED));
}

/* ------------------------------------------------------------------ */
/* generation                                                         */

static const char *const pool4_addrs[] = {
	"192.0.0.1", "192.0.0.0", "192.0.2.0", "192.0.2.1", "198.51.100.0",
	"203.0.113.0", "203.0.113.8", "0.0.0.0", "255.255.255.255",
	"127.0.0.1", "224.0.0.0", "192.88.99.1", "10.0.0.0", "8.8.8.8",
};

static const char *const pool6_addrs[] = {
	"64:ff9b::", "64:ff9b:1::", "2001:db8:1:2::1234", "2001:db8:100:64::",
	"2001:db8:46::", "2001:db8::", "::", "::1", "ff02::1", "fe80::",
	"2001:db8:64::", "2001:db8:1:2::",
};

static void mask4(uint32_t *a, unsigned int len)
{
	uint32_t m = len >= 32 ? 0xffffffff : len ? ~(0xffffffffU >> len) : 0;

	*a = htonl(ntohl(*a) & m);
}

static void mask6(uint8_t *a, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < 16; i++) {
		if (len >= 8 * (i + 1))
			continue;
		if (len <= 8 * i)
			a[i] = 0;
		else
			a[i] &= (uint8_t)(0xff << (8 - (len - 8 * i)));
	}
}

static unsigned int gen_len(unsigned int max, const unsigned int *common,
			    unsigned int n_common)
{
	unsigned int r = rnd(100);

	if (r < 55)
		return common[rnd(n_common)];
	if (r < 95)
		return rnd(max + 1);		/* every length, 0 included */
	return max + 1 + rnd(256 - max - 1);	/* out of range */
}

static void gen_pfx(struct pfx *p, bool rfc6052)
{
	static const unsigned int l4[] = { 32, 24, 29, 30, 16, 0 };
	static const unsigned int l6[] = { 128, 96, 120, 64, 48, 32 };
	static const unsigned int l6052[] = { 32, 40, 48, 56, 64, 96 };

	if (chance(80))
		inet_pton(AF_INET, pool4_addrs[rnd(sizeof(pool4_addrs) /
						   sizeof(pool4_addrs[0]))],
			  &p->a4);
	else
		p->a4 = (uint32_t)rnd64();
	if (chance(80)) {
		inet_pton(AF_INET6, pool6_addrs[rnd(sizeof(pool6_addrs) /
						    sizeof(pool6_addrs[0]))],
			  p->a6);
		if (chance(30))
			p->a6[15] ^= (uint8_t)rnd(256);
	} else {
		uint64_t x = rnd64(), y = rnd64();

		memcpy(p->a6, &x, 8);
		memcpy(p->a6 + 8, &y, 8);
	}
	p->l4 = gen_len(32, l4, 6);
	p->l6 = rfc6052 && chance(70) ? l6052[rnd(6)] : gen_len(128, l6, 6);
	if (chance(92)) {
		mask4(&p->a4, p->l4);
		mask6(p->a6, p->l6);
	}
	if (rfc6052 && chance(90))
		p->a6[8] = 0;		/* the u-octet */
}

/* A map whose suffix lengths agree, most of the time. */
static void gen_map(struct pfx *p, bool local)
{
	gen_pfx(p, false);
	if (chance(60)) {
		unsigned int suffix = rnd(33);

		p->l4 = 32 - suffix;
		p->l6 = 128 - suffix;
		if (!local && chance(30) && p->l6 >= 8)
			p->l6 -= rnd(8);	/* RFC 7757 3.2: shorter IPv4 */
		mask4(&p->a4, p->l4);
		mask6(p->a6, p->l6);
	}
}

static unsigned int gen_count(void)
{
	unsigned int r = rnd(100);

	if (r < 35)
		return 0;
	if (r < 70)
		return 1;
	if (r < 88)
		return 2 + rnd(3);
	if (r < 93)
		return MAX_ENTRIES;
	if (r < 97)
		return MAX_ENTRIES + 1;
	return rnd(MAX_ENTRIES);
}

static uint8_t gen_small(unsigned int valid_max)
{
	if (chance(85))
		return (uint8_t)rnd(valid_max + 1);
	return (uint8_t)rnd(256);
}

static void gen_cfg(struct cfg *c)
{
	static const uint32_t mtus[] = { 1279, 1280, 1281, 1500, 9000,
					 65535, 65536, 0, 0xffffffff };
	unsigned int i, total;

	memset(c, 0, sizeof(*c));
	c->has_remote = chance(85);
	if (c->has_remote)
		gen_pfx(&c->remote, true);
	c->n_local = gen_count();
	c->n_eam = chance(50) ? 0 : gen_count();
	c->n_deny = chance(70) ? 0 : gen_count();
	/* keep the three within one entry past the limit mostly */
	total = c->n_local + c->n_eam + c->n_deny;
	if (total > MAX_ENTRIES + 1 && chance(80)) {
		c->n_eam = 0;
		c->n_deny = c->n_local > MAX_ENTRIES ? 0 :
			    rnd(MAX_ENTRIES + 2 - c->n_local);
	}
	for (i = 0; i < c->n_local; i++)
		gen_map(&c->local[i], true);
	for (i = 0; i < c->n_eam; i++)
		gen_map(&c->eam[i], false);
	for (i = 0; i < c->n_deny; i++)
		gen_pfx(&c->deny[i], false);
	/* distinct entries, most of the time, so that big lists pass */
	if (chance(70)) {
		for (i = 0; i < c->n_local; i++) {
			c->local[i].a4 = htonl(0xc0000200 + i);
			c->local[i].l4 = 32;
			c->local[i].a6[15] = (uint8_t)i;
			c->local[i].a6[14] = 0x12;
			c->local[i].l6 = 128;
		}
		for (i = 0; i < c->n_eam; i++) {
			c->eam[i].a4 = htonl(0xcb007100 + i);
			c->eam[i].l4 = 32;
			c->eam[i].a6[15] = (uint8_t)i;
			c->eam[i].a6[14] = 0x46;
			c->eam[i].l6 = 128;
		}
	}
	c->has_pool4 = chance(25);
	if (c->has_pool4)
		gen_pfx(&c->pool4, false);
	c->has_pool6 = chance(25);
	if (c->has_pool6)
		gen_pfx(&c->pool6, false);
	if ((c->has_udp = chance(30)))
		c->udp = gen_small(1);
	if ((c->has_tclass = chance(30)))
		c->tclass = gen_small(1);
	if ((c->has_tos4 = chance(20)))
		c->tos4 = chance(70) ? (uint8_t)(rnd(64) << 2) : (uint8_t)rnd(256);
	if ((c->has_mtu = chance(25)))
		c->mtu = chance(70) ? mtus[rnd(9)] : (uint32_t)rnd64();
	if ((c->has_node = chance(25)))
		c->node = gen_small(1);
	c->stats = chance(50);
}

/*
 * Write a configuration as a client might: attributes in a random order
 * (lists interleaved), prefix members in a random order, sometimes a
 * scalar given twice (the last counts).
 */
static void encode_client(struct wbuf *w, const struct cfg *c)
{
	struct item { int kind; unsigned int i; } items[3 * MAX_LIST + 16];
	unsigned int n = 0, i, j;

	client_order = true;

	for (i = 0; i < c->n_local; i++)
		items[n++] = (struct item){ 1, i };
	for (i = 0; i < c->n_eam; i++)
		items[n++] = (struct item){ 2, i };
	for (i = 0; i < c->n_deny; i++)
		items[n++] = (struct item){ 3, i };
	for (i = 4; i <= 13; i++)
		items[n++] = (struct item){ (int)i, 0 };
	if (chance(50)) {
		/* shuffle the attributes, lists interleaved ... */
		for (i = n - 1; i > 0; i--) {
			struct item t = items[i];

			j = rnd(i + 1);
			items[i] = items[j];
			items[j] = t;
		}
		/* ... then put each list's entries back in their order */
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				if (items[i].kind == items[j].kind &&
				    items[i].kind <= 3 && items[i].i > items[j].i) {
					unsigned int t = items[i].i;

					items[i].i = items[j].i;
					items[j].i = t;
				}
	}
	for (i = 0; i < n; i++) {
		const struct item *it = &items[i];
		unsigned int k, times = chance(3) && it->kind != 12 ? 2 : 1;

		for (k = 0; k < times; k++) {
			switch (it->kind) {
			case 1:
				w_pfx(w, XLAT_ATTR_LOCAL_MAP, &c->local[it->i],
				      true, true);
				break;
			case 2:
				w_pfx(w, XLAT_ATTR_EAM, &c->eam[it->i], true,
				      true);
				break;
			case 3:
				w_pfx(w, XLAT_ATTR_DENYLIST4, &c->deny[it->i],
				      true, false);
				break;
			case 4:
				if (c->has_remote)
					w_pfx(w, XLAT_ATTR_REMOTE_PREFIX6,
					      &c->remote, false, true);
				break;
			case 5:
				if (c->has_pool4)
					w_pfx(w, XLAT_ATTR_ICMP_SRC_POOL4,
					      &c->pool4, true, false);
				break;
			case 6:
				if (c->has_pool6)
					w_pfx(w, XLAT_ATTR_ICMP_SRC_POOL6,
					      &c->pool6, false, true);
				break;
			case 7:
				if (c->has_udp)
					w_u8(w, XLAT_ATTR_UDP_ZERO_CSUM, c->udp);
				break;
			case 8:
				if (c->has_tclass)
					w_u8(w, XLAT_ATTR_TCLASS, c->tclass);
				break;
			case 9:
				if (c->has_tos4)
					w_u8(w, XLAT_ATTR_TOS4, c->tos4);
				break;
			case 10:
				if (c->has_mtu)
					w_u32(w, XLAT_ATTR_LOWEST_IPV6_MTU,
					      c->mtu);
				break;
			case 11:
				if (c->has_node)
					w_u8(w, XLAT_ATTR_ICMP_NODE_ID, c->node);
				break;
			case 12:
				if (c->stats) {
					size_t s = w_nest_start(w,
						XLAT_ATTR_STATS | NLA_F_NESTED);
					w_u32(w, XLAT_STATS_PACKETS, rnd64());
					w_nest_end(w, s);
				}
				break;
			}
		}
	}
	client_order = false;
}

/* ------------------------------------------------------------------ */
/* mutation of the raw nest                                           */

struct attr_ref {
	size_t off;		/* of the header, in the buffer */
	unsigned int depth;
};

/* Every attribute header inside [off, off + len), walked while it is sane. */
static unsigned int collect_attrs(const uint8_t *b, size_t off, size_t len,
				  unsigned int depth, struct attr_ref *out,
				  unsigned int n, unsigned int max)
{
	size_t end = off + len;

	while (off + NLA_HDRLEN <= end && n < max) {
		const struct nlattr *a = (const void *)(b + off);

		if (a->nla_len < NLA_HDRLEN || off + a->nla_len > end)
			break;
		out[n++] = (struct attr_ref){ off, depth };
		if (depth < 3 && a->nla_len > NLA_HDRLEN + NLA_HDRLEN)
			n = collect_attrs(b, off + NLA_HDRLEN,
					  a->nla_len - NLA_HDRLEN, depth + 1,
					  out, n, max);
		off += NLA_ALIGN(a->nla_len);
	}
	return n;
}

static const uint16_t boundary_types[] = {
	0, 1, XLAT_ATTR_MAX, XLAT_ATTR_MAX + 1, XLAT_PFX_MAX + 1, 0x3fff,
	0x3fff, XLAT_ATTR_STATS, XLAT_ATTR_LOCAL_MAP | NLA_F_NESTED,
	XLAT_ATTR_TOS4 | NLA_F_NESTED, XLAT_PFX_ADDR4 | NLA_F_NET_BYTEORDER,
};

static const uint16_t boundary_lens[] = {
	0, 1, 2, 3, 4, 5, 7, 8, 16, 17, 20, 0xffff,
};

static unsigned int mut_counts[11];

/* Apply one mutation to the nest content in w; returns its kind. */
static void mutate(struct wbuf *w)
{
	struct attr_ref refs[512];
	unsigned int n = collect_attrs(w->b, 0, w->len, 0, refs, 0, 512);
	unsigned int kind = rnd(11);
	struct nlattr *a;
	size_t off;

	if (!n && kind < 6)
		kind = 6;
	mut_counts[kind]++;
	off = n ? refs[rnd(n)].off : 0;
	a = (struct nlattr *)(w->b + off);
	switch (kind) {
	case 0:		/* random type, boundary or not */
		a->nla_type = chance(50) ?
			boundary_types[rnd(sizeof(boundary_types) / 2)] :
			(uint16_t)rnd64();
		break;
	case 1:		/* random length, past its end or short */
		a->nla_len = chance(60) ?
			boundary_lens[rnd(sizeof(boundary_lens) /
					  sizeof(boundary_lens[0]))] :
			(uint16_t)(a->nla_len + rnd(9) - 4);
		break;
	case 2: {	/* duplicate an attribute at the end */
		size_t l = NLA_ALIGN(a->nla_len);

		if (w->len + l <= w->cap) {
			memmove(w->b + w->len, w->b + off, l);
			w->len += l;
		}
		break;
	}
	case 3:		/* flip a byte inside an attribute */
		w->b[off + rnd(a->nla_len)] ^= (uint8_t)(1 + rnd(255));
		break;
	case 4: {	/* wrap an attribute in nests, 1 to 40 deep */
		unsigned int depth = 1 + rnd(chance(80) ? 4 : 40), i;
		size_t l = NLA_ALIGN(a->nla_len), add = depth * NLA_HDRLEN;

		if (w->len + add > w->cap)
			break;
		memmove(w->b + off + add, w->b + off, w->len - off);
		w->len += add;
		for (i = 0; i < depth; i++) {
			struct nlattr *h = (void *)(w->b + off + i * NLA_HDRLEN);

			h->nla_type = (chance(70) ? (uint16_t)(1 + rnd(13)) :
				       (uint16_t)rnd(0x4000)) |
				      (chance(80) ? NLA_F_NESTED : 0);
			h->nla_len = (uint16_t)(add - i * NLA_HDRLEN + l);
		}
		break;
	}
	case 5:		/* cut the attribute short, keeping its header */
		if (a->nla_len > NLA_HDRLEN)
			a->nla_len = NLA_HDRLEN + rnd(a->nla_len - NLA_HDRLEN);
		break;
	case 6:		/* truncate the nest anywhere */
		w->len = rnd(w->len + 1);
		break;
	case 7: {	/* a stray attribute: boundary type, odd payload */
		uint8_t junk[24];
		unsigned int l = rnd(sizeof(junk) + 1), i;

		for (i = 0; i < l; i++)
			junk[i] = (uint8_t)rnd(256);
		w_attr(w, boundary_types[rnd(sizeof(boundary_types) / 2)],
		       junk, l);
		break;
	}
	case 8:		/* trailing bytes shorter than a header */
		w_reserve(w, 1 + rnd(3));
		break;
	case 9:		/* an empty nest where a prefix belongs */
		w_attr(w, (uint16_t)(XLAT_ATTR_REMOTE_PREFIX6 + rnd(5)) |
		       NLA_F_NESTED, NULL, 0);
		break;
	default: {	/* a prefix member of the wrong size */
		uint8_t junk[20] = { 0 };
		size_t s = w_nest_start(w, (uint16_t)(XLAT_ATTR_REMOTE_PREFIX6 +
						      rnd(5)) | NLA_F_NESTED);

		w_attr(w, (uint16_t)(1 + rnd(4)), junk, rnd(21));
		w_attr(w, (uint16_t)(1 + rnd(4)), junk, rnd(21));
		w_nest_end(w, s);
		break;
	}
	}
}

/* ------------------------------------------------------------------ */
/* reading a nest back into a configuration                           */

static bool parse_pfx(const struct nlattr *nest, struct pfx *p)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, nest) {
		switch (mnl_attr_get_type(a)) {
		case XLAT_PFX_ADDR4:
			if (mnl_attr_get_payload_len(a) != 4)
				return false;
			memcpy(&p->a4, mnl_attr_get_payload(a), 4);
			break;
		case XLAT_PFX_LEN4:
			if (mnl_attr_get_payload_len(a) != 1)
				return false;
			p->l4 = mnl_attr_get_u8(a);
			break;
		case XLAT_PFX_ADDR6:
			if (mnl_attr_get_payload_len(a) != 16)
				return false;
			memcpy(p->a6, mnl_attr_get_payload(a), 16);
			break;
		case XLAT_PFX_LEN6:
			if (mnl_attr_get_payload_len(a) != 1)
				return false;
			p->l6 = mnl_attr_get_u8(a);
			break;
		default:
			return false;
		}
	}
	return true;
}

/*
 * What an accepted nest says, read as the kernel reads it (last scalar
 * wins, lists in order). False when the nest holds something that strict
 * validation should have refused: an accepted message must not.
 */
static bool parse_cfg(const uint8_t *b, size_t len, struct cfg *c)
{
	const struct nlattr *a;
	size_t off = 0;

	memset(c, 0, sizeof(*c));
	while (off + NLA_HDRLEN <= len) {
		a = (const void *)(b + off);
		if (a->nla_len < NLA_HDRLEN || off + a->nla_len > len)
			return false;
		switch (mnl_attr_get_type(a)) {
		case XLAT_ATTR_REMOTE_PREFIX6:
			memset(&c->remote, 0, sizeof(c->remote));
			c->has_remote = parse_pfx(a, &c->remote);
			if (!c->has_remote)
				return false;
			break;
		case XLAT_ATTR_LOCAL_MAP:
			if (c->n_local >= MAX_LIST ||
			    !parse_pfx(a, &c->local[c->n_local++]))
				return false;
			break;
		case XLAT_ATTR_EAM:
			if (c->n_eam >= MAX_LIST ||
			    !parse_pfx(a, &c->eam[c->n_eam++]))
				return false;
			break;
		case XLAT_ATTR_DENYLIST4:
			if (c->n_deny >= MAX_LIST ||
			    !parse_pfx(a, &c->deny[c->n_deny++]))
				return false;
			break;
		case XLAT_ATTR_ICMP_SRC_POOL4:
			memset(&c->pool4, 0, sizeof(c->pool4));
			c->has_pool4 = parse_pfx(a, &c->pool4);
			if (!c->has_pool4)
				return false;
			break;
		case XLAT_ATTR_ICMP_SRC_POOL6:
			memset(&c->pool6, 0, sizeof(c->pool6));
			c->has_pool6 = parse_pfx(a, &c->pool6);
			if (!c->has_pool6)
				return false;
			break;
		case XLAT_ATTR_UDP_ZERO_CSUM:
		case XLAT_ATTR_TCLASS:
		case XLAT_ATTR_TOS4:
		case XLAT_ATTR_ICMP_NODE_ID: {
			uint8_t v;

			if (mnl_attr_get_payload_len(a) != 1)
				return false;
			v = mnl_attr_get_u8(a);
			switch (mnl_attr_get_type(a)) {
			case XLAT_ATTR_UDP_ZERO_CSUM:
				c->has_udp = true;
				c->udp = v;
				break;
			case XLAT_ATTR_TCLASS:
				c->has_tclass = true;
				c->tclass = v;
				break;
			case XLAT_ATTR_TOS4:
				c->has_tos4 = true;
				c->tos4 = v;
				break;
			default:
				c->has_node = true;
				c->node = v;
			}
			break;
		}
		case XLAT_ATTR_LOWEST_IPV6_MTU:
			if (mnl_attr_get_payload_len(a) != 4)
				return false;
			c->has_mtu = true;
			c->mtu = mnl_attr_get_u32(a);
			break;
		case XLAT_ATTR_STATS:
			c->stats = true;
			break;
		default:
			return false;
		}
		off += NLA_ALIGN(a->nla_len);
	}
	return off == len || (off > len && off - len < NLA_ALIGNTO);
}

/* ------------------------------------------------------------------ */
/* netlink                                                            */

static struct mnl_socket *nl;
static unsigned int seq;
static int ifindex;

struct ack {
	int err;		/* 0 or a positive errno */
	char msg[256];
	bool has_offs;
};

static int nl_send(const struct nlmsghdr *nlh)
{
	return mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0 ? -errno : 0;
}

/* Read messages until the ack of seq s. */
static int nl_ack(unsigned int s, struct ack *ack)
{
	static uint8_t rb[RECV_MAX];
	ssize_t n;

	memset(ack, 0, sizeof(*ack));
	for (;;) {
		struct nlmsghdr *h;
		int len;

		n = mnl_socket_recvfrom(nl, rb, sizeof(rb));
		if (n < 0)
			return -errno;
		len = (int)n;
		for (h = (void *)rb; mnl_nlmsg_ok(h, len);
		     h = mnl_nlmsg_next(h, &len)) {
			const struct nlmsgerr *e;
			const struct nlattr *a;
			size_t hdr;

			if (h->nlmsg_seq != s || h->nlmsg_type != NLMSG_ERROR)
				continue;
			e = mnl_nlmsg_get_payload(h);
			ack->err = -e->error;
			if (!(h->nlmsg_flags & NLM_F_ACK_TLVS))
				return 0;
			hdr = sizeof(*e);
			if (!(h->nlmsg_flags & NLM_F_CAPPED))
				hdr += e->msg.nlmsg_len - sizeof(e->msg);
			mnl_attr_for_each(a, h, hdr) {
				if (mnl_attr_get_type(a) == NLMSGERR_ATTR_MSG)
					snprintf(ack->msg, sizeof(ack->msg),
						 "%s", mnl_attr_get_str(a));
				if (mnl_attr_get_type(a) == NLMSGERR_ATTR_OFFS)
					ack->has_offs = true;
			}
			return 0;
		}
	}
}

struct route_seen {
	bool present;
	uint16_t encap_type;
	uint8_t enc[ENC_MAX];	/* the encap, counters as an empty nest */
	size_t enc_len;
	bool counters;		/* it dumped XLAT_ATTR_STATS */
	uint64_t counted;	/* packets + drops */
	bool multipath;
};

static struct route_seen seen[N_SLOTS];

static int slot_of(int family, const void *dst, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < N_SLOTS; i++)
		if (slots[i].family == family && slots[i].len == len &&
		    !memcmp(slots[i].dst_bin, dst,
			    family == AF_INET ? 4 : 16))
			return (int)i;
	return -1;
}

static uint64_t stats_counted(const struct nlattr *st)
{
	const struct nlattr *a, *d;
	uint64_t sum = 0;

	mnl_attr_for_each_nested(a, st) {
		if (mnl_attr_get_type(a) == XLAT_STATS_PACKETS)
			sum += mnl_attr_get_u64(a);
		if (mnl_attr_get_type(a) != XLAT_STATS_DROP)
			continue;
		mnl_attr_for_each_nested(d, a)
			if (mnl_attr_get_type(d) == XLAT_DROP_ATTR_COUNT)
				sum += mnl_attr_get_u64(d);
	}
	return sum;
}

static void read_route(const struct nlmsghdr *h)
{
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(h);
	const struct nlattr *a, *dst = NULL, *enc = NULL;
	uint32_t table = rtm->rtm_table;
	uint16_t etype = 0;
	bool mp = false;
	uint8_t zero[16] = { 0 };
	struct route_seen *r;
	int i;

	mnl_attr_for_each(a, h, sizeof(*rtm)) {
		switch (mnl_attr_get_type(a)) {
		case RTA_DST:
			dst = a;
			break;
		case RTA_TABLE:
			table = mnl_attr_get_u32(a);
			break;
		case RTA_ENCAP_TYPE:
			etype = mnl_attr_get_u16(a);
			break;
		case RTA_ENCAP:
			enc = a;
			break;
		case RTA_MULTIPATH:
			mp = true;
			break;
		}
	}
	if (table != RT_TABLE_MAIN)
		return;
	i = slot_of(rtm->rtm_family, dst ? mnl_attr_get_payload(dst) : zero,
		    rtm->rtm_dst_len);
	if (i < 0)
		return;
	r = &seen[i];
	if (r->present) {
		r->multipath = true;	/* two routes where one belongs */
		return;
	}
	r->present = true;
	r->multipath = mp;
	r->encap_type = etype;
	r->enc_len = 0;
	r->counted = 0;
	r->counters = false;
	if (!enc)
		return;
	mnl_attr_for_each_nested(a, enc) {
		size_t l = NLA_ALIGN(a->nla_len);

		if (mnl_attr_get_type(a) == XLAT_ATTR_STATS &&
		    r->enc_len + NLA_HDRLEN <= sizeof(r->enc)) {
			struct nlattr empty = {
				.nla_len = NLA_HDRLEN, .nla_type = a->nla_type
			};

			r->counters = true;
			r->counted = stats_counted(a);
			memcpy(r->enc + r->enc_len, &empty, NLA_HDRLEN);
			r->enc_len += NLA_HDRLEN;
			continue;
		}
		if (r->enc_len + l <= sizeof(r->enc)) {
			memcpy(r->enc + r->enc_len, a, l);
			r->enc_len += l;
		}
	}
}

/* Dump the main table of both families into seen[]. */
static int dump_routes(void)
{
	static const int fams[] = { AF_INET, AF_INET6 };
	static uint8_t rb[RECV_MAX];
	uint8_t buf[256];
	unsigned int f;

	memset(seen, 0, sizeof(seen));
	for (f = 0; f < 2; f++) {
		struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
		struct rtmsg *rtm;
		unsigned int s = ++seq;
		bool done = false;

		nlh->nlmsg_type = RTM_GETROUTE;
		nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
		nlh->nlmsg_seq = s;
		rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
		rtm->rtm_family = (uint8_t)fams[f];
		if (nl_send(nlh))
			return -1;
		while (!done) {
			ssize_t n = mnl_socket_recvfrom(nl, rb, sizeof(rb));
			struct nlmsghdr *h;
			int len;

			if (n < 0)
				return -1;
			len = (int)n;
			for (h = (void *)rb; mnl_nlmsg_ok(h, len);
			     h = mnl_nlmsg_next(h, &len)) {
				if (h->nlmsg_seq != s)
					continue;
				if (h->nlmsg_type == NLMSG_DONE ||
				    h->nlmsg_type == NLMSG_ERROR) {
					done = true;
					break;
				}
				if (h->nlmsg_type == RTM_NEWROUTE)
					read_route(h);
			}
		}
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* checks and their report                                            */

static unsigned long n_fail;
static bool verbose;

static void hexdump(const char *what, const uint8_t *b, size_t len)
{
	size_t i;

	fprintf(stderr, "#   %s (%zu bytes):", what, len);
	for (i = 0; i < len && i < 512; i++)
		fprintf(stderr, "%s%02x", i % 32 ? "" : "\n#     ", b[i]);
	fprintf(stderr, "%s\n", len > 512 ? " ..." : "");
}

static const struct nlmsghdr *cur_msg;
static unsigned long cur_index;

static void failure(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static void failure(const char *fmt, ...)
{
	va_list ap;

	n_fail++;
	if (n_fail > 20 && !verbose)
		return;
	fprintf(stderr, "# FAIL message %lu (seed state %016llx): ", cur_index,
		(unsigned long long)rng_state);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cur_msg)
		hexdump("message", (const void *)cur_msg, cur_msg->nlmsg_len);
}

/* The table must be what the model says. */
static void check_model(const char *after)
{
	unsigned int i;

	if (dump_routes()) {
		failure("after %s: route dump failed: %s", after,
			strerror(errno));
		return;
	}
	for (i = 0; i < N_SLOTS; i++) {
		const struct slot *s = &slots[i];
		const struct route_seen *r = &seen[i];

		if (s->present != r->present) {
			failure("after %s: route %s/%u %s", after, s->dst,
				s->len, s->present ? "is gone" :
				"appeared");
			continue;
		}
		if (!r->present)
			continue;
		if (r->multipath) {
			failure("after %s: route %s/%u has several nexthops",
				after, s->dst, s->len);
			continue;
		}
		if (r->encap_type != s->encap_type || r->enc_len != s->enc_len ||
		    memcmp(r->enc, s->enc, s->enc_len)) {
			failure("after %s: route %s/%u dumps encap %u, expected %u",
				after, s->dst, s->len, r->encap_type,
				s->encap_type);
			hexdump("expected encap", s->enc, s->enc_len);
			hexdump("dumped encap", r->enc, r->enc_len);
		}
	}
}

/* ------------------------------------------------------------------ */
/* probes and live traffic                                            */

static int probe_fd4 = -1, probe_fd6 = -1;

static void send_probe(const struct slot *s, size_t size)
{
	static uint8_t payload[4000];
	struct sockaddr_in a4 = { .sin_family = AF_INET,
				  .sin_port = htons(9) };
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6,
				   .sin6_port = htons(9) };

	if (s->family == AF_INET) {
		memcpy(&a4.sin_addr, s->probe_bin, 4);
		sendto(probe_fd4, payload, size, MSG_DONTWAIT,
		       (struct sockaddr *)&a4, sizeof(a4));
	} else {
		memcpy(&a6.sin6_addr, s->probe_bin, 16);
		sendto(probe_fd6, payload, size, MSG_DONTWAIT,
		       (struct sockaddr *)&a6, sizeof(a6));
	}
}

static pid_t traffic_pid;

/* Small, large and fragmented UDP through the live routes, until killed. */
static void start_traffic(void)
{
	static const size_t sizes[] = { 40, 1400, 3000 };
	struct timespec ts = { 0, 200000 };
	unsigned int i, k = 0;

	traffic_pid = fork();
	if (traffic_pid)
		return;
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	for (;;) {
		for (i = 0; i < N_SLOTS; i++)
			if (slots[i].live)
				send_probe(&slots[i], sizes[k % 3]);
		k++;
		nanosleep(&ts, NULL);
	}
}

/* ------------------------------------------------------------------ */
/* one message                                                        */

struct counts {
	unsigned long msgs, newr, repl, del, get;
	unsigned long accepted, refused, refused_msg, refused_offs;
	unsigned long refused_outer;
	unsigned long probes, probes_counted, dumps, mutated;
	unsigned long by_errno[140];
};

static struct counts cnt;

/* Messages seen in refusals, to show what the fuzzer reached. */
#define N_REASONS 96
static struct { char msg[96]; unsigned long n; } reasons[N_REASONS];

static void note_reason(const char *msg)
{
	char key[96];
	unsigned int i;
	char *colon;

	snprintf(key, sizeof(key), "%.95s", msg);
	/* group by the text before the first value: "eam: ..." */
	colon = strpbrk(key, "0123456789%");
	if (colon)
		*colon = '\0';
	for (i = 0; i < N_REASONS && reasons[i].n; i++)
		if (!strcmp(reasons[i].msg, key))
			break;
	if (i == N_REASONS)
		return;
	if (!reasons[i].n)
		snprintf(reasons[i].msg, sizeof(reasons[i].msg), "%s", key);
	reasons[i].n++;
}

/* Refusals that the routing core makes without a message of its own. */
static bool core_refusal(int type, int err)
{
	return (type == RTM_DELROUTE && err == ESRCH) ||
	       (type == RTM_NEWROUTE && err == EEXIST);
}

/*
 * The semantic expectation for an accepted NEWROUTE: read back from the
 * bytes sent, the last RTA_ENCAP and RTA_ENCAP_TYPE winning.
 */
static bool expected_of(const struct nlmsghdr *nlh, uint16_t *etype,
			uint8_t *enc, size_t *enc_len)
{
	const struct nlattr *a, *e = NULL;
	uint16_t t = 0;
	struct cfg c;
	struct wbuf w = { .b = enc, .cap = ENC_MAX };

	mnl_attr_for_each(a, nlh, sizeof(struct rtmsg)) {
		if (mnl_attr_get_type(a) == RTA_ENCAP)
			e = a;
		if (mnl_attr_get_type(a) == RTA_ENCAP_TYPE &&
		    mnl_attr_get_payload_len(a) >= 2)
			t = mnl_attr_get_u16(a);
	}
	*enc_len = 0;
	*etype = e ? t : 0;
	if (!e)
		return true;
	if (t != ENCAP_XLAT)
		return false;
	if (!parse_cfg(mnl_attr_get_payload(e), mnl_attr_get_payload_len(e),
		       &c))
		return false;
	encode_canonical(&w, &c);
	*enc_len = w.len;
	return !w.overflow;
}

static void one_message(void)
{
	static uint8_t mbuf[MSG_MAX], ebuf[ENC_MAX];
	struct wbuf enc = { .b = ebuf, .cap = ENC_MAX };
	unsigned int si = rnd(N_SLOTS), r = rnd(100), nmut = 0;
	struct slot *s = &slots[si];
	struct nlmsghdr *nlh;
	struct rtmsg *rtm;
	struct nlattr *ea;
	bool with_encap = true, outer_broken = false;
	struct ack ack;
	struct cfg c;
	int type;

	nlh = mnl_nlmsg_put_header(mbuf);
	if (r < 45) {
		type = RTM_NEWROUTE;
		nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE |
				   NLM_F_EXCL;
		cnt.newr++;
	} else if (r < 80) {
		type = RTM_NEWROUTE;
		nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE |
				   NLM_F_REPLACE;
		cnt.repl++;
	} else if (r < 93) {
		type = RTM_DELROUTE;
		nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
		with_encap = chance(40);
		cnt.del++;
	} else {
		type = RTM_GETROUTE;
		nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
		cnt.get++;
	}
	nlh->nlmsg_type = (uint16_t)type;
	nlh->nlmsg_seq = ++seq;
	rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
	rtm->rtm_family = (uint8_t)s->family;
	rtm->rtm_table = RT_TABLE_MAIN;
	if (type != RTM_GETROUTE) {
		rtm->rtm_dst_len = (uint8_t)s->len;
		rtm->rtm_protocol = RTPROT_STATIC;
		rtm->rtm_scope = s->family == AF_INET ? RT_SCOPE_LINK :
			RT_SCOPE_UNIVERSE;
		rtm->rtm_type = RTN_UNICAST;
		mnl_attr_put(nlh, RTA_DST, s->family == AF_INET ? 4 : 16,
			     s->dst_bin);
		mnl_attr_put_u32(nlh, RTA_OIF, (uint32_t)ifindex);
	} else {
		rtm->rtm_dst_len = s->family == AF_INET ? 32 : 128;
		mnl_attr_put(nlh, RTA_DST, s->family == AF_INET ? 4 : 16,
			     s->probe_bin);
	}

	if (with_encap) {
		gen_cfg(&c);
		encode_client(&enc, &c);
		if (chance(45)) {
			nmut = 1 + (chance(30) ? rnd(4) : 0);
			cnt.mutated++;
		}
		while (nmut--)
			mutate(&enc);
		if (enc.overflow)
			enc.len = 0;

		r = rnd(100);
		if (r < 94)
			mnl_attr_put_u16(nlh, RTA_ENCAP_TYPE, ENCAP_XLAT);
		else if (r < 96)
			mnl_attr_put_u16(nlh, RTA_ENCAP_TYPE,
					 chance(50) ? 0 : 0xffff);
		else if (r < 98)
			mnl_attr_put_u8(nlh, RTA_ENCAP_TYPE, ENCAP_XLAT);
		/* else: no type at all */
		ea = mnl_nlmsg_get_payload_tail(nlh);
		mnl_attr_put(nlh, RTA_ENCAP | (chance(50) ? NLA_F_NESTED : 0),
			     enc.len, ebuf);
		/*
		 * The encap's length past its end: past the message, or,
		 * with a second encap after it, into that one, whose rest
		 * the routing core then reads as route attributes.
		 */
		if (chance(1)) {
			ea->nla_len += (uint16_t)(1 + rnd(64));
			outer_broken = true;
		}
		if (chance(2)) {	/* a second encap: the last counts */
			struct wbuf e2 = { .b = ebuf, .cap = ENC_MAX };

			gen_cfg(&c);
			encode_client(&e2, &c);
			mnl_attr_put(nlh, RTA_ENCAP, e2.len, ebuf);
		}
	}

	cur_msg = nlh;
	if (nl_send(nlh)) {
		failure("send: %s", strerror(errno));
		return;
	}
	if (nl_ack(nlh->nlmsg_seq, &ack)) {
		failure("no ack: %s", strerror(errno));
		return;
	}
	if (ack.err > 0 && ack.err < 140)
		cnt.by_errno[ack.err]++;

	if (type == RTM_GETROUTE) {
		check_model("RTM_GETROUTE");
		cnt.dumps++;
		return;
	}
	if (ack.err) {
		cnt.refused++;
		if (ack.msg[0]) {
			cnt.refused_msg++;
			note_reason(ack.msg);
		} else if (outer_broken) {
			/* the routing core's own checks, outside the encap */
			cnt.refused_outer++;
		} else if (!core_refusal(type, ack.err)) {
			failure("refused with %s and no extack message",
				strerror(ack.err));
		}
		cnt.refused_offs += ack.has_offs;
		check_model("a refusal");
		cnt.dumps++;
		return;
	}

	cnt.accepted++;
	if (type == RTM_DELROUTE) {
		s->present = false;
		check_model("RTM_DELROUTE");
		cnt.dumps++;
		return;
	}
	if (!expected_of(nlh, &s->encap_type, s->enc, &s->enc_len)) {
		failure("accepted, but the encap is not what strict validation lets through");
		s->present = true;
		dump_routes();
		s->encap_type = seen[si].encap_type;
		s->enc_len = seen[si].enc_len;
		memcpy(s->enc, seen[si].enc, s->enc_len);
		return;
	}
	s->present = true;
	check_model("RTM_NEWROUTE");
	cnt.dumps++;

	/*
	 * The probe: counted by this route, as translated or as a drop, if
	 * it has counters of its own; the others are probed all the same.
	 */
	if (!seen[si].present || s->encap_type != ENCAP_XLAT)
		return;
	{
		uint64_t before = seen[si].counted;

		send_probe(s, chance(80) ? 60 : 2000);
		cnt.probes++;
		if (dump_routes())
			return;
		if (seen[si].counted > before)
			cnt.probes_counted++;
		else if (!s->live && seen[si].counters)
			failure("probe to %s: not counted by its route (%llu before, %llu after)",
				s->probe, (unsigned long long)before,
				(unsigned long long)seen[si].counted);
	}
}

/* ------------------------------------------------------------------ */
/* setup, the run, the summary                                        */

/* Remove every route of the six destinations, whatever it is. */
static void flush_slots(void)
{
	uint8_t buf[256];
	unsigned int i, k;
	struct ack ack;

	for (i = 0; i < N_SLOTS; i++) {
		for (k = 0; k < 8; k++) {
			struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
			struct rtmsg *rtm;

			nlh->nlmsg_type = RTM_DELROUTE;
			nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
			nlh->nlmsg_seq = ++seq;
			rtm = mnl_nlmsg_put_extra_header(nlh, sizeof(*rtm));
			rtm->rtm_family = (uint8_t)slots[i].family;
			rtm->rtm_dst_len = (uint8_t)slots[i].len;
			rtm->rtm_table = RT_TABLE_MAIN;
			rtm->rtm_scope = RT_SCOPE_NOWHERE;
			mnl_attr_put(nlh, RTA_DST,
				     slots[i].family == AF_INET ? 4 : 16,
				     slots[i].dst_bin);
			if (nl_send(nlh) || nl_ack(nlh->nlmsg_seq, &ack) ||
			    ack.err)
				break;
		}
		slots[i].present = false;
	}
}

static void usage(void)
{
	fprintf(stderr,
		"usage: xlat-nlfuzz -d DEV [-n MESSAGES] [-s SEED] [-v]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct timeval tv = { .tv_sec = 10 };
	unsigned long n = 2000, i;
	uint64_t seed = 7915;
	const char *dev = NULL;
	struct timespec t0, t1;
	int opt, one = 1;

	while ((opt = getopt(argc, argv, "d:n:s:v")) != -1) {
		switch (opt) {
		case 'd':
			dev = optarg;
			break;
		case 'n':
			n = strtoul(optarg, NULL, 0);
			break;
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 'v':
			verbose = true;
			break;
		default:
			usage();
		}
	}
	if (!dev)
		usage();
	ifindex = (int)if_nametoindex(dev);
	if (!ifindex) {
		fprintf(stderr, "xlat-nlfuzz: no device %s\n", dev);
		return 2;
	}
	rng_state = seed * 0x9e3779b97f4a7c15ULL + 1;

	for (i = 0; i < N_SLOTS; i++) {
		inet_pton(slots[i].family, slots[i].dst, slots[i].dst_bin);
		inet_pton(slots[i].family, slots[i].probe, slots[i].probe_bin);
	}

	nl = mnl_socket_open(NETLINK_ROUTE);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("xlat-nlfuzz: netlink");
		return 2;
	}
	mnl_socket_setsockopt(nl, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl, NETLINK_CAP_ACK, &one, sizeof(one));
	setsockopt(mnl_socket_get_fd(nl), SOL_SOCKET, SO_RCVTIMEO, &tv,
		   sizeof(tv));
	probe_fd4 = socket(AF_INET, SOCK_DGRAM, 0);
	probe_fd6 = socket(AF_INET6, SOCK_DGRAM, 0);
	if (probe_fd4 < 0 || probe_fd6 < 0) {
		perror("xlat-nlfuzz: socket");
		return 2;
	}

	flush_slots();
	check_model("the initial flush");
	if (n_fail)
		return 2;
	start_traffic();
	if (traffic_pid < 0) {
		perror("xlat-nlfuzz: fork");
		return 2;
	}

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		cur_index = i;
		one_message();
		cnt.msgs++;
		if (verbose && i && i % 10000 == 0)
			fprintf(stderr, "# %lu messages, %lu failures\n", i,
				n_fail);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	kill(traffic_pid, SIGKILL);
	waitpid(traffic_pid, NULL, 0);

	cur_msg = NULL;
	flush_slots();
	check_model("the final flush");

	printf("seed %llu: %lu messages in %.1f s (%lu create, %lu replace, %lu delete, %lu get; %lu mutated)\n",
	       (unsigned long long)seed, cnt.msgs,
	       (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	       cnt.newr, cnt.repl, cnt.del, cnt.get, cnt.mutated);
	printf("accepted %lu, refused %lu (%lu with an extack message, %lu naming the attribute's offset)\n",
	       cnt.accepted, cnt.refused, cnt.refused_msg, cnt.refused_offs);
	printf("refused without a message: %lu by the routing core (route exists, no such route), %lu with the route attributes broken by the encap's length\n",
	       cnt.refused - cnt.refused_msg - cnt.refused_outer,
	       cnt.refused_outer);
	printf("tables compared %lu, probes %lu (%lu counted by their route)\n",
	       cnt.dumps, cnt.probes, cnt.probes_counted);
	printf("errnos:");
	for (i = 1; i < 140; i++)
		if (cnt.by_errno[i])
			printf(" %s %lu", strerrorname_np((int)i) ?
			       strerrorname_np((int)i) : "?", cnt.by_errno[i]);
	printf("\nmutations by kind:");
	for (i = 0; i < 11; i++)
		printf(" %u", mut_counts[i]);
	printf("\n");
	if (verbose)
		for (i = 0; i < N_REASONS && reasons[i].n; i++)
			printf("  %6lu  %s\n", reasons[i].n, reasons[i].msg);
	printf("distinct refusal messages %lu\n", (unsigned long)({
		unsigned long k = 0;
		while (k < N_REASONS && reasons[k].n)
			k++;
		k; }));
	printf("failures %lu\n", n_fail);
	return n_fail ? 1 : 0;
}
