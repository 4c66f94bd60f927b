/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * xlat: what the packet KUnit tests share: the vectors of xlat_vectors.h
 * (xlat_pkt_kunit.c) and the configurations they name.
 */
#ifndef _NET_IPV6_XLAT_PKT_KUNIT_H
#define _NET_IPV6_XLAT_PKT_KUNIT_H

#include <linux/types.h>

#include "../xlat.h"

struct kunit;

/* The configurations of xlat_kunit_cfg(): 0 to XLAT_KUNIT_NCFG - 1. */
#define XLAT_KUNIT_NCFG	9

/**
 * struct xlat_vector - one translation case
 * @name: the RFC clause it checks
 * @dir: direction
 * @cfg: index of the configuration (see xlat_kunit_cfg())
 * @fwd: forwarded rather than locally generated
 * @in: input packet
 * @in_len: its length
 * @out: expected packet, or NULL for a drop
 * @out_len: its length
 * @any_id: IPv4 output whose Identification the kernel chooses
 * @reason: expected drop reason
 * @icmp: an ICMP error is expected
 * @type: its type
 * @code: its code
 * @info: its pointer or MTU
 * @mtu: the MTU of the other side's route, 0 for no limit
 * @frag_size: the fragment size the translation must ask for
 * @refrag: an IPv4 fragment to cut smaller first (%XLAT_REFRAGMENT, untouched)
 * @frag_id: with @frag_size, the Fragment Header Identification asked for
 * @hairpin: 6->4 whose result is IPv6 again (RFC 7757 section 4.2.2)
 */
struct xlat_vector {
	const char *name;
	enum xlat_dir dir;
	int cfg;
	bool fwd;
	const u8 *in;
	unsigned int in_len;
	const u8 *out;
	unsigned int out_len;
	bool any_id;
	enum xlat_drop_reason reason;
	bool icmp;
	u8 type;
	u8 code;
	u32 info;
	u32 mtu;
	u32 frag_size;
	bool refrag;
	u32 frag_id;
	bool hairpin;
};

struct xlat_cfg *xlat_kunit_cfg(struct kunit *test, int id);
const struct xlat_vector *xlat_kunit_vectors(unsigned int *n);

#endif /* _NET_IPV6_XLAT_PKT_KUNIT_H */
