// SPDX-License-Identifier: GPL-2.0
/*
 * xlatctl: the helpers a CLAT daemon needs before it installs its routes.
 *
 *   xlatctl [-j] pref64 parse HEX       an RFC 8781 option, e.g. from radvd
 *   xlatctl [-j] discover               RFC 7050 through the system resolver
 *   xlatctl [-j] clat-address PREFIX/64 --secret-file F|--secret HEX
 *           [--ifname N] [--network-id S] [--dad-counter N]
 *           [--neutral LOCAL4 PREF64/LEN]
 *
 * None of them opens a netlink socket.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlatctl.h"

/* Room for the prefixes "discover" prints */
#define DISCOVER_MAX	16
/* The longest secret read: more adds nothing to SHA-256's 256 bits */
#define SECRET_MAX	256

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Hex digits, two an octet, into @buf.
 * Return: the number of octets, or -EINVAL (odd, not hex, too long).
 */
static int parse_hex(const char *text, uint8_t *buf, size_t len)
{
	size_t n = strlen(text), i;
	int hi, lo;

	if (!n || n % 2 || n / 2 > len)
		return -EINVAL;
	for (i = 0; i < n / 2; i++) {
		hi = hexval(text[2 * i]);
		lo = hexval(text[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -EINVAL;
		buf[i] = (uint8_t)(hi << 4 | lo);
	}
	return (int)(n / 2);
}

int xlatctl_cmd_pref64(const struct xlatctl_opts *o, int argc, char **argv)
{
	uint8_t opt[64];
	struct xlat_pref64 p;
	int n;

	if (argc != 2 || strcmp(argv[0], "parse"))
		return xlatctl_syntax("usage: pref64 parse HEX");
	n = parse_hex(argv[1], opt, sizeof(opt));
	if (n < 0)
		return xlatctl_syntax("\"%s\" is not hex octets", argv[1]);
	if (xlat_pref64_opt_parse(opt, (size_t)n, &p)) {
		fprintf(stderr,
			"Error: not a PREF64 option: type 38, length 2, PLC 0-5, 16 octets (RFC 8781)\n");
		return EXIT_FAILURE;
	}
	xlatctl_print_pref64(stdout, o, &p);
	return EXIT_SUCCESS;
}

int xlatctl_cmd_discover(const struct xlatctl_opts *o, int argc)
{
	struct xlat_prefix6 p[DISCOVER_MAX];
	int n;

	if (argc > 0)
		return xlatctl_syntax("\"discover\" takes no arguments");
	n = xlat_rfc7050_discover(p, DISCOVER_MAX);
	if (n == -ENOENT) {
		fprintf(stderr, "Error: ipv4only.arpa: no NAT64 prefix (RFC 7050)\n");
		return EXIT_FAILURE;
	}
	if (n < 0) {
		fprintf(stderr, "Error: ipv4only.arpa: %s\n", strerror(-n));
		return EXIT_FAILURE;
	}
	xlatctl_print_prefixes(stdout, o, p, (size_t)n);
	return EXIT_SUCCESS;
}

/* The bytes of a file as they are: the secret key of RFC 7217 */
static int read_secret(const char *path, uint8_t *buf, size_t len)
{
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return -errno;
	n = fread(buf, 1, len, f);
	fclose(f);
	return (int)n;
}

/**
 * struct clat_args - the command line of "clat-address"
 * @sp: the inputs of RFC 7217's F()
 * @prefix: the PREFIX/64 argument
 * @secret: the secret key's bytes
 * @c: the result, and --neutral's addresses
 */
struct clat_args {
	struct xlat_stable_params sp;
	struct xlat_prefix6 prefix;
	uint8_t secret[SECRET_MAX];
	struct xlatctl_clat c;
};

/* One option and its value(s) at argv[0..]; Return: words used, or -1 */
static int clat_option(struct clat_args *a, int argc, char **argv)
{
	const char *key = argv[0];
	char *end;
	int n;

	if (argc < 2)
		return -xlatctl_syntax("\"%s\" needs a value", key);
	if (!strcmp(key, "--secret") || !strcmp(key, "--secret-file")) {
		if (!strcmp(key, "--secret-file"))
			n = read_secret(argv[1], a->secret, SECRET_MAX);
		else
			n = parse_hex(argv[1], a->secret, SECRET_MAX);
		if (n < 0)
			return -xlatctl_syntax("%s \"%s\": %s", key, argv[1],
					       strerror(-n));
		a->sp.secret = a->secret;
		a->sp.secret_len = (size_t)n;
	} else if (!strcmp(key, "--ifname")) {
		a->sp.ifname = argv[1];
	} else if (!strcmp(key, "--network-id")) {
		a->sp.network_id = argv[1];
	} else if (!strcmp(key, "--dad-counter")) {
		a->sp.dad_counter = (unsigned int)strtoul(argv[1], &end, 10);
		if (!*argv[1] || *end || a->sp.dad_counter > 255)
			return -xlatctl_syntax("--dad-counter: 0-255");
	} else if (!strcmp(key, "--neutral")) {
		if (argc < 3 || xlat_prefix4_parse(argv[1], &a->c.local4) ||
		    a->c.local4.len != 32 ||
		    xlat_prefix6_parse(argv[2], &a->c.pref))
			return -xlatctl_syntax("usage: --neutral LOCAL4 PREF64/LEN");
		a->c.neutral = true;
		return 3;
	} else {
		return -xlatctl_syntax("unknown word \"%s\"", key);
	}
	return 2;
}

static int parse_clat(struct clat_args *a, int argc, char **argv)
{
	int n;

	if (argc < 1 || xlat_prefix6_parse(argv[0], &a->prefix) ||
	    a->prefix.len != 64)
		return xlatctl_syntax("clat-address needs a PREFIX/64 first");
	a->sp.prefix = a->prefix.addr;
	for (argc--, argv++; argc > 0; argc -= n, argv += n) {
		n = clat_option(a, argc, argv);
		if (n < 0)
			return -n;
	}
	if (!a->sp.secret)
		return xlatctl_syntax("a secret is needed: --secret-file F or --secret HEX");
	if (a->sp.secret_len < XLAT_STABLE_SECRET_MIN)
		return xlatctl_syntax("the secret has %zu octets, RFC 7217 wants 16 or more",
				      a->sp.secret_len);
	if (a->c.neutral && a->c.pref.len != 32 && a->c.pref.len != 96)
		return xlatctl_syntax("--neutral: only a /32 or /96 prefix can be neutral, not /%u",
				      a->c.pref.len);
	return 0;
}

int xlatctl_cmd_clat_address(const struct xlatctl_opts *o, int argc,
			     char **argv)
{
	struct clat_args a = { 0 };
	int err;

	err = parse_clat(&a, argc, argv);
	if (err)
		return err;
	err = xlat_clat_address(&a.sp, a.c.neutral ? &a.c.local4.addr : NULL,
				&a.c.pref.addr, a.c.pref.len, &a.c.addr,
				&a.c.dad_counter);
	memset(a.secret, 0, sizeof(a.secret));
	if (err) {
		fprintf(stderr, "Error: clat-address: %s\n", strerror(-err));
		return EXIT_FAILURE;
	}
	xlatctl_print_clat(stdout, o, &a.c);
	return EXIT_SUCCESS;
}
