// SPDX-License-Identifier: GPL-2.0-only
/*
 * xlat: prefix arithmetic for RFC 6052 prefixes and RFC 7757 explicit
 * address mappings. Pure functions on addresses; no skb, no route.
 */

#include <linux/in6.h>
#include <linux/ipv6.h>
#include <linux/inetdevice.h>
#include <net/ipv6.h>

#include "xlat.h"

/**
 * xlat_rfc6052_len_ok() - is @len a valid IPv4-embedded prefix length?
 * @len: IPv6 prefix length
 *
 * RFC 6052 section 2.2: the prefix length is 32, 40, 48, 56, 64 or 96.
 *
 * Return: true if it is.
 */
bool xlat_rfc6052_len_ok(unsigned int len)
{
	switch (len) {
	case 32:
	case 40:
	case 48:
	case 56:
	case 64:
	case 96:
		return true;
	default:
		return false;
	}
}

/**
 * xlat_pfx4_host_bits_zero() - are the bits past the prefix length zero?
 * @p: IPv4 prefix
 *
 * Return: true if they are.
 */
bool xlat_pfx4_host_bits_zero(const struct xlat_pfx4 *p)
{
	return !(p->addr & ~inet_make_mask(p->len));
}

/**
 * xlat_pfx6_host_bits_zero() - are the bits past the prefix length zero?
 * @p: IPv6 prefix
 *
 * Return: true if they are.
 */
bool xlat_pfx6_host_bits_zero(const struct xlat_pfx6 *p)
{
	struct in6_addr masked;

	ipv6_addr_prefix(&masked, &p->addr, p->len);
	return ipv6_addr_equal(&masked, &p->addr);
}

/**
 * xlat_pfx4_equal() - same IPv4 prefix?
 * @a: a prefix
 * @b: another
 *
 * Return: true if address and length are equal.
 */
bool xlat_pfx4_equal(const struct xlat_pfx4 *a, const struct xlat_pfx4 *b)
{
	return a->len == b->len && a->addr == b->addr;
}

/**
 * xlat_pfx6_equal() - same IPv6 prefix?
 * @a: a prefix
 * @b: another
 *
 * Return: true if address and length are equal.
 */
bool xlat_pfx6_equal(const struct xlat_pfx6 *a, const struct xlat_pfx6 *b)
{
	return a->len == b->len && ipv6_addr_equal(&a->addr, &b->addr);
}
