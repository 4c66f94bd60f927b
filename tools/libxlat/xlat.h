/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libxlat: install, replace, delete and dump routes with the xlat encap
 * (stateless IPv4/IPv6 translation, RFC 7915) over rtnetlink, with libnl-3.
 *
 * An IPv4 route with the encap translates the packets that use it to IPv6,
 * an IPv6 route translates them to IPv4. See README.md in this directory
 * and Documentation/networking/xlat.rst for the model and the attributes.
 *
 * Conventions:
 *  - Functions that can fail return 0 (or a count) on success and a
 *    negative errno on failure. For the calls that talk to the kernel,
 *    xlat_errmsg() then says why, in the kernel's own words when it gave
 *    some (netlink extended ack).
 *  - A struct that owns memory (struct xlat_encap, struct xlat_route,
 *    struct xlat_ns_stats) is set up by its _init() function and released
 *    by its _clear() function.
 *  - Prefixes are in network byte order, host bits past the length zero.
 *  - The library is not thread-safe per handle; use one handle per thread.
 */
#ifndef LIBXLAT_XLAT_H
#define LIBXLAT_XLAT_H

#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The kernel accepts at most this many local-map, eam and denylist4
 * entries together in one encap (XLAT_MAX_ENTRIES in
 * net/ipv6/ila_xlat/xlat.h): a route and its counters must fit one page
 * of a route dump.
 */
#define XLAT_ENCAP_MAX_ENTRIES	64

/* Room for the text of any prefix, "ffff:...:ffff/128" included */
#define XLAT_PREFIX_STRLEN	(INET6_ADDRSTRLEN + 4)

/* Room for a drop reason name, terminating NUL included */
#define XLAT_DROP_NAME_LEN	64

struct nl_sock;

/**
 * struct xlat_handle - an rtnetlink connection (opaque)
 *
 * Wraps a libnl socket with extended acks enabled, and the error of the
 * last request. Created by xlat_open(), freed by xlat_close().
 */
struct xlat_handle;

/**
 * struct xlat_prefix4 - an IPv4 prefix
 * @addr: the prefix, network byte order
 * @len: its length, 0-32
 */
struct xlat_prefix4 {
	struct in_addr addr;
	uint8_t len;
};

/**
 * struct xlat_prefix6 - an IPv6 prefix
 * @addr: the prefix
 * @len: its length, 0-128
 */
struct xlat_prefix6 {
	struct in6_addr addr;
	uint8_t len;
};

/**
 * struct xlat_pair - an IPv4 prefix and the IPv6 prefix it maps to
 * @p4: the IPv4 side
 * @p6: the IPv6 side
 *
 * A local-map or eam entry (RFC 7757, or RFC 6052 embedding for a
 * local-map whose suffix lengths differ).
 */
struct xlat_pair {
	struct xlat_prefix4 p4;
	struct xlat_prefix6 p6;
};

/**
 * enum xlat_udp_mode - udp-zero-checksum: IPv4 UDP with a zero checksum
 * @XLAT_UDP_MODE_COMPUTE: compute the checksum (the kernel's default)
 * @XLAT_UDP_MODE_DROP: drop the datagram and count it
 *
 * Same values as &enum xlat_udp_zero_csum of the uapi.
 */
enum xlat_udp_mode {
	XLAT_UDP_MODE_COMPUTE = 0,
	XLAT_UDP_MODE_DROP = 1,
};

/**
 * enum xlat_tclass_mode - tclass: IPv6 traffic class of translated IPv4
 * @XLAT_TCLASS_MODE_COPY: copy the IPv4 TOS octet (the kernel's default)
 * @XLAT_TCLASS_MODE_ZERO: always zero
 *
 * Same values as &enum xlat_tclass of the uapi.
 */
enum xlat_tclass_mode {
	XLAT_TCLASS_MODE_COPY = 0,
	XLAT_TCLASS_MODE_ZERO = 1,
};

/**
 * enum xlat_node_id_mode - icmp-node-id: the ICMP Node Identification
 *	extension of ICMPv4 errors from IPv6-only hops
 * @XLAT_NODE_ID_MODE_OFF: never
 * @XLAT_NODE_ID_MODE_ON: when it fits (the kernel's default)
 *
 * Same values as &enum xlat_icmp_node_id of the uapi.
 */
enum xlat_node_id_mode {
	XLAT_NODE_ID_MODE_OFF = 0,
	XLAT_NODE_ID_MODE_ON = 1,
};

/**
 * struct xlat_encap - the configuration of one xlat encap
 * @has_remote_prefix6: @remote_prefix6 is set
 * @remote_prefix6: remote-prefix6, the RFC 6052 prefix of the far side
 * @local_map: local-map entries, the near side (%NULL when none)
 * @n_local_map: number of @local_map entries
 * @eam: eam entries, RFC 7757 explicit address mappings
 * @n_eam: number of @eam entries
 * @denylist4: denylist4 entries, never translated via remote-prefix6
 * @n_denylist4: number of @denylist4 entries
 * @has_icmp_pool4: @icmp_pool4 is set
 * @icmp_pool4: icmp-source-pool4 (RFC 6791; kernel default 192.0.0.8/32)
 * @has_icmp_pool6: @icmp_pool6 is set
 * @icmp_pool6: icmp-source-pool6 (kernel default: unset)
 * @has_udp_zero_csum: @udp_zero_csum is set
 * @udp_zero_csum: udp-zero-checksum
 * @has_tclass: @tclass is set
 * @tclass: tclass
 * @has_tos4: @tos4 is set; unset means "tos4 copy"
 * @tos4: tos4, the fixed IPv4 TOS of translated IPv6 packets
 * @has_lowest_ipv6_mtu: @lowest_ipv6_mtu is set
 * @lowest_ipv6_mtu: lowest-ipv6-mtu, 1280-65535
 * @has_icmp_node_id: @icmp_node_id is set
 * @icmp_node_id: icmp-node-id
 * @counters: count: the route keeps counters of its own (an empty
 *	XLAT_ATTR_STATS on input); without it only the network namespace's
 *	totals count (xlat_ns_stats_read())
 *
 * Mirrors the attributes of include/uapi/linux/lwtunnel_xlat.h. Only the
 * members that are set are sent, and the kernel dumps back exactly the
 * attributes it was given, so a dumped encap compares equal to the one
 * that was installed (xlat_encap_equal()).
 *
 * The arrays are owned by the struct: fill them with xlat_encap_add_*()
 * and release them with xlat_encap_clear(). The library does not check
 * the values beyond their syntax: the kernel does, and says what is wrong
 * (see xlat_errmsg()).
 */
struct xlat_encap {
	bool has_remote_prefix6;
	struct xlat_prefix6 remote_prefix6;
	struct xlat_pair *local_map;
	unsigned int n_local_map;
	struct xlat_pair *eam;
	unsigned int n_eam;
	struct xlat_prefix4 *denylist4;
	unsigned int n_denylist4;
	bool has_icmp_pool4;
	struct xlat_prefix4 icmp_pool4;
	bool has_icmp_pool6;
	struct xlat_prefix6 icmp_pool6;
	bool has_udp_zero_csum;
	enum xlat_udp_mode udp_zero_csum;
	bool has_tclass;
	enum xlat_tclass_mode tclass;
	bool has_tos4;
	uint8_t tos4;
	bool has_lowest_ipv6_mtu;
	uint32_t lowest_ipv6_mtu;
	bool has_icmp_node_id;
	enum xlat_node_id_mode icmp_node_id;
	bool counters;
};

/**
 * enum xlat_dir - direction of translation
 * @XLAT_DIR_4TO6: IPv4 to IPv6 (an encap on an IPv4 route)
 * @XLAT_DIR_6TO4: IPv6 to IPv4 (an encap on an IPv6 route)
 */
enum xlat_dir {
	XLAT_DIR_4TO6,
	XLAT_DIR_6TO4,
};

/**
 * struct xlat_drop - the count of one drop reason
 * @name: the reason, a stable lower-case name such as
 *	"no-near-side-mapping" (Documentation/networking/xlat.rst)
 * @count: packets dropped for this reason
 */
struct xlat_drop {
	char name[XLAT_DROP_NAME_LEN];
	uint64_t count;
};

/**
 * struct xlat_stats - the counters of one encap, as dumped
 * @valid: the dump carried counters (XLAT_ATTR_STATS): the route was
 *	installed with &xlat_encap.counters
 * @dir: direction of the route: 4to6 for an IPv4 route, 6to4 for IPv6
 * @packets: packets translated
 * @bytes: bytes of those packets, before translation
 * @drops: drop reasons with a non-zero count, in the kernel's order
 * @n_drops: number of @drops
 *
 * The kernel counts per encap. A route's encap translates in the
 * direction of its family, so @dir says which way @packets went (an
 * IPv6->IPv4 packet hairpinned back to IPv6 counts once more on the same
 * encap). The per-direction totals of a namespace are in struct
 * xlat_ns_stats.
 */
struct xlat_stats {
	bool valid;
	enum xlat_dir dir;
	uint64_t packets;
	uint64_t bytes;
	struct xlat_drop *drops;
	unsigned int n_drops;
};

/**
 * struct xlat_route - a route with an xlat encap
 * @family: AF_INET (translates 4->6) or AF_INET6 (6->4)
 * @dst: destination prefix, in @dst.v4 or @dst.v6 by @family
 * @dst.v4: IPv4 destination
 * @dst.v6: IPv6 destination
 * @dst_len: destination prefix length
 * @table: routing table; 0 means main (254)
 * @ifindex: output interface index; 0 means look up @dev
 * @dev: output interface name, used when @ifindex is 0; filled by dumps
 * @metric: route priority (ip's "metric"); 0 means the kernel's default
 *	(0 for IPv4, 1024 for IPv6)
 * @mtu: route MTU metric (RTAX_MTU); 0 means none. On an IPv4 xlat route
 *	it is the size of the translated IPv6 packets: "mtu 1280" lets IPv4
 *	packets of up to 1260 bytes through
 * @protocol: routing protocol (RTPROT_*); 0 means RTPROT_BOOT on add
 *	(as ip route does) and any on delete
 * @encap: the xlat configuration
 * @stats: counters; only filled by dumps
 * @has_prefsrc: @prefsrc is set (ip's "src")
 * @prefsrc: preferred source address (RTA_PREFSRC), of the route's
 *	family, in @prefsrc.v4 or @prefsrc.v6: the address the host's own
 *	packets take when they use this route. The kernel requires it to be
 *	an address of the host; NetworkManager's CLAT default route carries
 *	the CLAT's IPv4 address (192.0.0.5) here
 * @prefsrc.v4: IPv4 preferred source
 * @prefsrc.v6: IPv6 preferred source
 * @from: source prefix of a source-specific IPv6 route (ip's "from",
 *	RTA_SRC and rtm_src_len), valid when @from_len is not 0. The kernel
 *	looks such a route up only for packets from that prefix, and before
 *	a route for the same destination without one in the same table: a
 *	6->4 route "CLAT6/128 from PREF64 table local" is found ahead of the
 *	anycast route that NetworkManager's anycast join puts there
 *	(CONFIG_IPV6_SUBTREES). IPv4 routes have none
 * @from_len: length of @from; 0 means no source prefix
 *
 * Set up with xlat_route_init(), released with xlat_route_clear(). On
 * add, the route is a unicast route through @dev without gateway, of
 * scope link for IPv4 and global for IPv6, like "ip route add PREFIX
 * encap xlat ... dev IF".
 */
struct xlat_route {
	int family;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} dst;
	uint8_t dst_len;
	uint32_t table;
	int ifindex;
	char dev[IF_NAMESIZE];
	uint32_t metric;
	uint32_t mtu;
	uint8_t protocol;
	struct xlat_encap encap;
	struct xlat_stats stats;
	bool has_prefsrc;
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} prefsrc;
	struct in6_addr from;
	uint8_t from_len;
};

/**
 * struct xlat_ns_stats - the totals of a network namespace
 * @packets: packets translated, by &enum xlat_dir
 * @bytes: their bytes before translation, by &enum xlat_dir
 * @drops: every drop reason the kernel knows, zero counts included
 * @n_drops: number of @drops
 *
 * Summed over every encap of the namespace, including the ones already
 * deleted. Read with xlat_ns_stats_read(), released with
 * xlat_ns_stats_clear().
 */
struct xlat_ns_stats {
	uint64_t packets[2];
	uint64_t bytes[2];
	struct xlat_drop *drops;
	unsigned int n_drops;
};

/**
 * typedef xlat_route_cb - called by xlat_route_dump() for each xlat route
 * @route: the route, valid during the call only
 * @arg: the argument given to xlat_route_dump()
 *
 * Return: 0 to continue, any other value to stop calling back; the dump
 * returns that value.
 */
typedef int (*xlat_route_cb)(const struct xlat_route *route, void *arg);

/* --- handle and errors -------------------------------------------------- */

/**
 * xlat_open() - open an rtnetlink connection
 * @hp: where to store the new handle
 *
 * Connects a libnl socket to NETLINK_ROUTE in the network namespace of
 * the caller, with NETLINK_EXT_ACK and NETLINK_CAP_ACK enabled so that the
 * kernel's error messages can be read back.
 *
 * Return: 0, or a negative errno (*@hp is then %NULL).
 */
int xlat_open(struct xlat_handle **hp);

/**
 * xlat_close() - close a connection and free its handle
 * @h: handle from xlat_open(), or %NULL
 */
void xlat_close(struct xlat_handle *h);

/**
 * xlat_socket() - the libnl socket of a handle
 * @h: the handle
 *
 * For callers that want to poll its file descriptor or tune it. Requests
 * of the library must not be mixed with other traffic on it.
 *
 * Return: the socket, owned by @h.
 */
struct nl_sock *xlat_socket(struct xlat_handle *h);

/**
 * xlat_errmsg() - why the last request on a handle failed
 * @h: the handle
 *
 * Return: the kernel's extended ack message when it sent one, such as
 * "remote-prefix6: /80 is not 32, 40, 48, 56, 64 or 96 (RFC 6052)";
 * otherwise the text of the error ("File exists", "No such process");
 * "" after a success. Valid until the next request on @h.
 */
const char *xlat_errmsg(const struct xlat_handle *h);

/**
 * xlat_extack() - the kernel's message about the last request
 * @h: the handle
 *
 * Return: the extended ack message of the last request, an error or a
 * warning that came with a success, or %NULL when the kernel sent none.
 * Valid until the next request on @h.
 */
const char *xlat_extack(const struct xlat_handle *h);

/* --- routes -------------------------------------------------------------- */

/**
 * xlat_route_init() - set up an empty route
 * @r: the route
 * @family: AF_INET or AF_INET6
 *
 * Everything is zero: destination 0.0.0.0/0 or ::/0, main table, kernel
 * defaults, an empty encap.
 */
void xlat_route_init(struct xlat_route *r, int family);

/**
 * xlat_route_clear() - release what a route owns
 * @r: the route; it is left as xlat_route_init() left it
 */
void xlat_route_clear(struct xlat_route *r);

/**
 * xlat_route_set_dst() - set the destination from text
 * @r: the route, of the family given to xlat_route_init()
 * @text: "ADDR/LEN", "ADDR" (a host route) or "default"
 *
 * Return: 0, or -EINVAL if @text is not a prefix of the route's family.
 */
int xlat_route_set_dst(struct xlat_route *r, const char *text);

/**
 * xlat_route_set_src() - set the route's preferred source address
 * @r: the route, whose @family is already set
 * @text: an address of @r's family, without a length
 *
 * As "ip route ... src ADDR": sets @r->prefsrc and @r->has_prefsrc.
 *
 * Return: 0, or -EINVAL if @text is not an address of the route's family.
 */
int xlat_route_set_src(struct xlat_route *r, const char *text);

/**
 * xlat_route_set_from() - set the source prefix of an IPv6 route
 * @r: the route, whose @family is already set
 * @text: "ADDR/LEN" or "ADDR" (a /128), IPv6
 *
 * As "ip -6 route ... from PREFIX": sets @r->from and @r->from_len, host
 * bits cleared. An IPv4 route has no source prefix.
 *
 * Return: 0, or -EINVAL if @r is not IPv6 or @text not an IPv6 prefix of
 * length 1 to 128 (a /0 is no source prefix at all).
 */
int xlat_route_set_from(struct xlat_route *r, const char *text);

/**
 * xlat_route_add() - add a route with an xlat encap
 * @h: the handle
 * @r: the route; @r->dev or @r->ifindex is required
 *
 * RTM_NEWROUTE with NLM_F_CREATE | NLM_F_EXCL, as "ip route add".
 *
 * Return: 0, or a negative errno: -EEXIST if the route exists, -EINVAL
 * when the kernel refuses the encap (see xlat_errmsg()), -ENODEV for an
 * unknown device.
 */
int xlat_route_add(struct xlat_handle *h, const struct xlat_route *r);

/**
 * xlat_route_replace() - add a route or replace the one that exists
 * @h: the handle
 * @r: the route
 *
 * RTM_NEWROUTE with NLM_F_CREATE | NLM_F_REPLACE, as "ip route replace".
 * The kernel builds the new encap and swaps it in whole; its counters
 * start from zero.
 *
 * Return: 0 or a negative errno.
 */
int xlat_route_replace(struct xlat_handle *h, const struct xlat_route *r);

/**
 * xlat_route_del() - delete a route
 * @h: the handle
 * @r: the route to delete
 *
 * RTM_DELROUTE, as "ip route del". The destination and table select the
 * route; the device, metric and protocol narrow the match when set, and
 * so does the encap when it has any member set: an IPv4 route is then
 * only deleted if its encap is the same.
 *
 * Return: 0, or a negative errno: -ESRCH when no route matches.
 */
int xlat_route_del(struct xlat_handle *h, const struct xlat_route *r);

/**
 * xlat_route_dump() - call back for every xlat route
 * @h: the handle
 * @family: AF_INET, AF_INET6, or AF_UNSPEC for both
 * @cb: called for each route whose encap is xlat, in every table
 * @arg: passed to @cb
 *
 * Dumps the routes (RTM_GETROUTE with NLM_F_DUMP) and decodes the encap
 * and its counters. Routes with other encaps, cached routes and
 * multipath routes are skipped.
 *
 * Return: 0, the first non-zero value @cb returned, or a negative errno.
 */
int xlat_route_dump(struct xlat_handle *h, int family, xlat_route_cb cb,
		    void *arg);

/**
 * xlat_route_list() - every xlat route, as an array
 * @h: the handle
 * @family: AF_INET, AF_INET6, or AF_UNSPEC for both
 * @routes: where to store the array, to be freed with
 *	xlat_route_list_free()
 * @n: where to store the number of routes
 *
 * Return: 0 or a negative errno (*@routes is then %NULL, *@n 0).
 */
int xlat_route_list(struct xlat_handle *h, int family,
		    struct xlat_route **routes, size_t *n);

/**
 * xlat_route_list_free() - free an array from xlat_route_list()
 * @routes: the array, or %NULL
 * @n: its length
 */
void xlat_route_list_free(struct xlat_route *routes, size_t n);

/* --- encap ---------------------------------------------------------------- */

/**
 * xlat_encap_init() - set up an empty encap
 * @e: the encap; nothing set
 */
void xlat_encap_init(struct xlat_encap *e);

/**
 * xlat_encap_clear() - release what an encap owns
 * @e: the encap; it is left empty
 */
void xlat_encap_clear(struct xlat_encap *e);

/**
 * xlat_encap_add_local_map() - append a local-map entry
 * @e: the encap
 * @p4: the IPv4 prefix of the near-side hosts
 * @p6: the IPv6 prefix they map to
 *
 * Return: 0, -ENOMEM, or -E2BIG past %XLAT_ENCAP_MAX_ENTRIES entries.
 */
int xlat_encap_add_local_map(struct xlat_encap *e,
			     const struct xlat_prefix4 *p4,
			     const struct xlat_prefix6 *p6);

/**
 * xlat_encap_add_eam() - append an eam entry
 * @e: the encap
 * @p4: the IPv4 prefix
 * @p6: the IPv6 prefix; its suffix at least as long as the IPv4 one
 *	(RFC 7757 section 3.2: the kernel refuses a longer IPv4 suffix)
 *
 * Return: 0, -ENOMEM, or -E2BIG past %XLAT_ENCAP_MAX_ENTRIES entries.
 */
int xlat_encap_add_eam(struct xlat_encap *e, const struct xlat_prefix4 *p4,
		       const struct xlat_prefix6 *p6);

/**
 * xlat_encap_add_denylist4() - append a denylist4 entry
 * @e: the encap
 * @p4: the IPv4 prefix never translated via remote-prefix6
 *
 * Return: 0, -ENOMEM, or -E2BIG past %XLAT_ENCAP_MAX_ENTRIES entries.
 */
int xlat_encap_add_denylist4(struct xlat_encap *e,
			     const struct xlat_prefix4 *p4);

/**
 * xlat_encap_copy() - deep copy of an encap
 * @dst: an encap set up with xlat_encap_init(); its entries are replaced
 * @src: the encap to copy
 *
 * Return: 0 or -ENOMEM (@dst is then empty).
 */
int xlat_encap_copy(struct xlat_encap *dst, const struct xlat_encap *src);

/**
 * xlat_encap_equal() - do two encaps say the same thing?
 * @a: an encap
 * @b: another
 *
 * Compares what is set, and the entries in order, as the kernel does
 * when it matches a route to delete.
 *
 * Return: true if they are equal.
 */
bool xlat_encap_equal(const struct xlat_encap *a, const struct xlat_encap *b);

/**
 * xlat_encap_parse() - read encap options in the syntax of ip route
 * @e: the encap to add to
 * @argc: number of words in @argv
 * @argv: words such as "remote-prefix6" "64:ff9b::/96" "local-map" ...
 * @err: buffer for a message when the words are wrong, or %NULL
 * @errlen: size of @err
 *
 * Accepts remote-prefix6 P6, local-map P4 P6, eam P4 P6, denylist4 P4,
 * icmp-source-pool4 P4, icmp-source-pool6 P6, udp-zero-checksum
 * compute|drop, tclass copy|zero, tos4 copy|TOS, lowest-ipv6-mtu MTU,
 * icmp-node-id on|off and count,
 * where a prefix without "/LEN" is a host prefix. Stops at the first word
 * that is not one of these keywords, so that a caller can mix the encap
 * with its own words; a keyword given twice is an error.
 *
 * Return: the number of words consumed, possibly 0, or -EINVAL with a
 * message in @err; @e then holds what came before the bad word, and
 * should be cleared.
 */
int xlat_encap_parse(struct xlat_encap *e, int argc, char *const argv[],
		     char *err, size_t errlen);

/**
 * xlat_encap_format() - write an encap in the syntax of ip route
 * @e: the encap
 * @buf: where to write, or %NULL with @len 0 to measure
 * @len: size of @buf
 *
 * Writes what "ip route show" prints after "encap xlat", in its order,
 * words separated by single spaces, so that xlat_encap_parse() reads it
 * back unchanged.
 *
 * Return: the length of the whole text, without the NUL, as snprintf();
 * the text is cut short if that is @len or more.
 */
int xlat_encap_format(const struct xlat_encap *e, char *buf, size_t len);

/* --- prefixes ------------------------------------------------------------- */

/**
 * xlat_prefix4_parse() - read "A.B.C.D[/LEN]"
 * @text: the text; without "/LEN", the length is 32
 * @p: where to store the prefix
 *
 * Return: 0 or -EINVAL. Host bits are kept (the kernel refuses them).
 */
int xlat_prefix4_parse(const char *text, struct xlat_prefix4 *p);

/**
 * xlat_prefix6_parse() - read "X:X::X[/LEN]"
 * @text: the text; without "/LEN", the length is 128
 * @p: where to store the prefix
 *
 * Return: 0 or -EINVAL. Host bits are kept (the kernel refuses them).
 */
int xlat_prefix6_parse(const char *text, struct xlat_prefix6 *p);

/**
 * xlat_prefix4_format() - write "A.B.C.D/LEN"
 * @p: the prefix
 * @buf: where to write, at least %XLAT_PREFIX_STRLEN bytes
 * @len: size of @buf
 *
 * Return: @buf.
 */
char *xlat_prefix4_format(const struct xlat_prefix4 *p, char *buf,
			  size_t len);

/**
 * xlat_prefix6_format() - write "X:X::X/LEN"
 * @p: the prefix
 * @buf: where to write, at least %XLAT_PREFIX_STRLEN bytes
 * @len: size of @buf
 *
 * Return: @buf.
 */
char *xlat_prefix6_format(const struct xlat_prefix6 *p, char *buf,
			  size_t len);

/* --- counters ------------------------------------------------------------- */

/**
 * xlat_stats_drop_count() - the count of one drop reason
 * @s: counters of an encap
 * @name: the reason, such as "ttl-exceeded"
 *
 * Return: its count; 0 when the dump did not list it.
 */
uint64_t xlat_stats_drop_count(const struct xlat_stats *s, const char *name);

/**
 * xlat_dir_name() - the name of a direction
 * @dir: the direction
 *
 * Return: "4to6" or "6to4", as in the names of the namespace's counters
 * (Packets4to6, ...).
 */
const char *xlat_dir_name(enum xlat_dir dir);

/**
 * xlat_ns_stats_read() - read the totals of the caller's namespace
 * @st: where to store them; release with xlat_ns_stats_clear()
 *
 * Reads the MIB counters "XlatExt" of /proc/net/netstat (those nstat(8)
 * shows as XlatExtPackets4to6, ...), which the kernel keeps per network
 * namespace (procfs shows the namespace of the reading process). The drop
 * reasons get the names ip-route(8) shows.
 *
 * Return: 0, or a negative errno (-ENOENT from a kernel built without the
 * xlat encap; with it, a namespace that never had an xlat route reads
 * zeros).
 */
int xlat_ns_stats_read(struct xlat_ns_stats *st);

/**
 * xlat_ns_stats_parse() - read namespace totals from netstat-format text
 * @f: the text of a /proc/net/netstat, such as /proc/PID/net/netstat for
 *	the namespace of another process
 * @st: where to store them; release with xlat_ns_stats_clear()
 *
 * Return: 0, -ENOENT when @f has no "XlatExt" counters, -EBADMSG when
 * their names and values do not pair up, -ENOMEM or -EIO.
 */
int xlat_ns_stats_parse(FILE *f, struct xlat_ns_stats *st);

/**
 * xlat_ns_stats_clear() - release what xlat_ns_stats_read() allocated
 * @st: the totals; left zeroed
 */
void xlat_ns_stats_clear(struct xlat_ns_stats *st);

/* --- NAT64 prefix discovery and CLAT addresses ------------------------------ */

/* RFC 8781 section 4: the PREF64 option is Type 38, 16 octets long */
#define XLAT_PREF64_OPT_TYPE	38
#define XLAT_PREF64_OPT_LEN	16

/* RFC 8781 section 4.1: the longest lifetime the option can carry, 8191 x 8 */
#define XLAT_PREF64_LIFETIME_MAX	65528

/* RFC 7217 section 5: a secret key of at least 128 bits */
#define XLAT_STABLE_SECRET_MIN	16

/**
 * struct xlat_pref64 - a NAT64 prefix as the PREF64 option carries it
 * @prefix: the prefix, of length 32, 40, 48, 56, 64 or 96 (RFC 6052);
 *	bits past the length zero
 * @lifetime: seconds over which it may be used (RFC 8781 section 4.1);
 *	0 means "no longer"
 */
struct xlat_pref64 {
	struct xlat_prefix6 prefix;
	uint32_t lifetime;
};

/**
 * struct xlat_stable_params - the inputs of an RFC 7217 identifier
 * @prefix: the /64 the address is in; bits past 64 are ignored
 * @ifname: Net_Iface, a stable name of the interface ("" for none)
 * @network_id: Network_ID, e.g. the SSID or a connection's stable id
 *	(%NULL or "" for none)
 * @secret: secret_key, at least %XLAT_STABLE_SECRET_MIN bytes
 * @secret_len: its length
 * @dad_counter: DAD_Counter to start from: 0, then one more after each
 *	Duplicate Address Detection failure (RFC 7217 section 6)
 */
struct xlat_stable_params {
	struct in6_addr prefix;
	const char *ifname;
	const char *network_id;
	const void *secret;
	size_t secret_len;
	unsigned int dad_counter;
};

/**
 * xlat_pref64_opt_parse() - read an RFC 8781 PREF64 option
 * @opt: the option, from its Type octet on
 * @len: the bytes readable at @opt; only the first 16 are read
 * @out: where to store the prefix, its length and the lifetime
 *
 * Refuses what RFC 8781 section 4 tells the receiver to ignore: a Length
 * field other than 2 and a Prefix Length Code other than 0-5; and a Type
 * other than 38, or fewer than 16 bytes (nothing is then read). The
 * lifetime is the Scaled Lifetime times 8 (section 4.1). The option
 * carries the highest 96 bits of the prefix; the bits past the prefix
 * length are not part of the prefix and are cleared.
 *
 * Return: 0, or -EINVAL (*@out is then untouched).
 */
int xlat_pref64_opt_parse(const void *opt, size_t len, struct xlat_pref64 *out);

/**
 * xlat_pref64_opt_build() - write an RFC 8781 PREF64 option
 * @p: the prefix and lifetime; bits past the prefix length are sent as 0
 * @buf: where to write the 16 octets
 * @len: the size of @buf
 *
 * A lifetime that is not a multiple of 8 is rounded up to one, as RFC 8781
 * section 4.1 tells routers to do, so that 1 to 7 seconds are sent as a
 * Scaled Lifetime of 1, not 0.
 *
 * Return: 16, or -EINVAL for @len below 16 or a prefix length without a
 * Prefix Length Code (not 32, 40, 48, 56, 64 or 96), -ERANGE for a
 * lifetime over %XLAT_PREF64_LIFETIME_MAX.
 */
int xlat_pref64_opt_build(const struct xlat_pref64 *p, void *buf, size_t len);

/**
 * xlat_rfc7050_prefixes() - the NAT64 prefixes an ipv4only.arpa answer shows
 * @addrs: the IPv6 addresses of the AAAA answer for "ipv4only.arpa."
 * @n: their number
 * @out: where to store the prefixes, distinct, in the order of @addrs
 * @max: room in @out
 *
 * RFC 7050 section 3: each address is searched for the well-known IPv4
 * addresses 192.0.0.170 and 192.0.0.171 at the places RFC 6052 section 2.2
 * gives them for a /32, /40, /48, /56, /64 and /96 prefix, skipping the
 * u octet (bits 64-71), which must be zero. An address that holds neither
 * is not synthesized and is ignored. An address that holds one at several
 * places keeps the place at which another address of the answer holds the
 * other one under the same prefix (the reason the name has two addresses);
 * if that does not single out one place, the address is ignored. An
 * address whose partner is missing (only 170, or only 171, came back)
 * counts when its place is unique.
 *
 * Return: the number of prefixes (1 or more), -ENOENT when the answer
 * shows none, -E2BIG when more than @max, -EINVAL for a %NULL array.
 */
int xlat_rfc7050_prefixes(const struct in6_addr *addrs, size_t n,
			  struct xlat_prefix6 *out, size_t max);

/**
 * xlat_rfc7050_discover() - RFC 7050 discovery through the system resolver
 * @out: where to store the prefixes
 * @max: room in @out
 *
 * Resolves the AAAA records of "ipv4only.arpa." with getaddrinfo(),
 * AF_INET6 only and without AI_V4MAPPED or AI_ADDRCONFIG: an IPv4-mapped
 * answer from the name's A records would look like the prefix
 * ::ffff:0:0/96. Then xlat_rfc7050_prefixes(). The answer is not
 * validated (RFC 7050 section 3.1 needs DNSSEC, which getaddrinfo() does
 * not report), and getaddrinfo() sorts it (RFC 6724), so "the order of
 * the answer" is the resolver's. Blocks for as long as the resolver does.
 *
 * Return: the number of prefixes, -ENOENT when there is no DNS64 (no AAAA
 * record, or none synthesized), -EAGAIN when the resolver failed for now,
 * -E2BIG, -ENOMEM, -EIO for other resolver errors.
 */
int xlat_rfc7050_discover(struct xlat_prefix6 *out, size_t max);

/**
 * xlat_stable_address() - an RFC 7217 stable address inside a /64
 * @p: the inputs of F()
 * @out: the address: the /64 of @p->prefix and the identifier
 * @dad_counter: the DAD_Counter used, or %NULL
 *
 * RFC 7217 section 5: RID = F(Prefix, Net_Iface, Network_ID, DAD_Counter,
 * secret_key), F the first 64 bits of SHA-256 over
 *
 *	Prefix (8 octets) | Net_Iface | 0x00 | Network_ID | 0x00 |
 *	DAD_Counter (1 octet) | secret_key
 *
 * (the NULs keep the two names apart). An identifier that RFC 5453
 * reserves (the Subnet-Router anycast, all zero; the subnet anycast
 * fdff:ffff:ffff:ff80-ffff) makes the function count DAD_Counter up and
 * start again, as section 5 says. The encoding is part of the API: a
 * change would move every address.
 *
 * Return: 0, -EINVAL (a secret under 16 bytes, a counter over 255),
 * -EOVERFLOW when the counter would pass 255, -EIO when libcrypto fails.
 */
int xlat_stable_address(const struct xlat_stable_params *p,
			struct in6_addr *out, unsigned int *dad_counter);

/**
 * xlat_csum_neutralize() - make a CLAT address checksum-neutral
 * @clat6: the CLAT's IPv6 address, in a /64; its last 16 bits are rewritten
 * @local4: the IPv4 address it stands for (e.g. 192.0.0.1, RFC 7335)
 * @pref: the NAT64 prefix; bits past @plen are ignored
 * @plen: its length: 32 or 96
 *
 * RFC 6296 section 3.2 arithmetic: the 16-bit one's complement sum of the
 * words of @clat6 and of @pref is made equal to that of @local4, by
 * rewriting word 7 (bits 112-127). A packet between @local4 and a remote
 * R is translated to one between @clat6 and pref+R; the pseudo-header
 * sums are local4 + R and clat6 + (pref + R), where pref + R is the
 * synthesized address, whose words are the prefix words plus the words
 * R's bits fall in. When R fills whole words, as at /96 (words 6-7) and
 * /32 (words 2-3), its part of the sum is R's own, for every R, and the
 * two sums agree: the transport checksum needs no update at all.
 *
 * At /40, /48, /56 and /64, R straddles words and the u octet: at /64 its
 * octets sit at bytes 9-12, so its first octet counts as a low byte
 * instead of a high one, and the sums differ by 255 x (a - b + c - d) for
 * R = a.b.c.d, which no single word can cancel for every R. These lengths
 * are refused.
 *
 * One's complement has two zeros; a zero word is written 0x0000, never
 * 0xffff.
 *
 * Return: 0; -EINVAL for another @plen; -EADDRNOTAVAIL when the result is
 * an identifier RFC 5453 reserves (*@clat6 is then unchanged; take the
 * next DAD_Counter).
 */
int xlat_csum_neutralize(struct in6_addr *clat6, const struct in_addr *local4,
			 const struct in6_addr *pref, int plen);

/**
 * xlat_csum_neutral() - is a CLAT address checksum-neutral?
 * @local4: the IPv4 address the CLAT address stands for
 * @clat6: the CLAT's IPv6 address
 * @pref: the NAT64 prefix; bits past @plen are ignored
 * @plen: its length
 *
 * Return: true when @plen is 32 or 96 and the one's complement sums of
 * @clat6 plus @pref and of @local4 are equal (see xlat_csum_neutralize()),
 * so that translation between @local4 and @clat6 keeps every transport
 * checksum; false otherwise.
 */
bool xlat_csum_neutral(const struct in_addr *local4,
		       const struct in6_addr *clat6,
		       const struct in6_addr *pref, int plen);

/**
 * xlat_clat_address() - a stable, optionally checksum-neutral, CLAT address
 * @p: the inputs of the RFC 7217 identifier
 * @local4: the CLAT's IPv4 address, or %NULL for no neutral adjustment
 * @pref: the NAT64 prefix (when @local4 is set)
 * @plen: its length, 32 or 96 (when @local4 is set)
 * @out: the address
 * @dad_counter: the DAD_Counter used, or %NULL
 *
 * xlat_stable_address(), then xlat_csum_neutralize(); when the adjusted
 * identifier is reserved, the next DAD_Counter.
 *
 * Return: 0 or a negative errno of either.
 */
int xlat_clat_address(const struct xlat_stable_params *p,
		      const struct in_addr *local4, const struct in6_addr *pref,
		      int plen, struct in6_addr *out,
		      unsigned int *dad_counter);

#ifdef __cplusplus
}
#endif

#endif /* LIBXLAT_XLAT_H */
