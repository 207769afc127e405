/*
 * HAProxy 2.6 destination addresses, as its Lua Socket's connect reads them
 * (docs/haproxy-socket.md §2, rechecked live): an optional family prefix,
 * then either a unix path or "host:port" where the LAST colon (or a closing
 * bracket) ends the host, so "::1:80" is [::1]:80 and "::1" is host ":" with
 * port "1" (unparsable). An empty host or "*" is the any-address. The port is read
 * like atoi after a leading digit ("80abc" is 80) and must fit 16 bits once
 * truncated to an int; ranges, offsets and other characters are refused.
 * Host names are never resolved.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/un.h>
#include "proxylua/sock.h"

enum { FAM_ANY, FAM_V4, FAM_V6 };

/* The unix forms: a path (or an abstract name) that must fit sun_path. */
static int parse_unix(const char *p, size_t n, int abstract, pl_sockaddr *out)
{
	struct sockaddr_un *un = (struct sockaddr_un *)&out->ss;
	size_t room = sizeof(un->sun_path) - 1;   /* NUL / abns leading 0 */

	if (n > room)
		return PL_SOCK_EPARSE;
	un->sun_family = AF_UNIX;
	/* abns: the name padded with NULs to the whole sun_path, as HAProxy's
	 * own listeners bind it (docs/haproxy-socket.md §2) */
	memcpy(un->sun_path + (abstract ? 1 : 0), p, n);
	out->len = sizeof(*un);
	out->kind = abstract ? PL_SA_ABNS : PL_SA_UNIX;
	return 0;
}

/* atoi as glibc does it: strtol (saturating at LONG_MAX), then the low 32
 * bits as an int; 4294967297 is port 1, 70000 is too large (live). */
static long port_atoi(const char *p)
{
	unsigned long v = 0;
	int sat = 0;

	while (isdigit((unsigned char)*p)) {
		if (!sat && v > (0x7fffffffffffffffUL - 9) / 10)
			sat = 1;
		if (!sat)
			v = v * 10 + (unsigned long)(*p - '0');
		p++;
	}
	if (sat)
		v = 0x7fffffffffffffffUL;
	v &= 0xffffffffUL;
	return v > 0x7fffffffUL ? (long)v - 0x100000000L : (long)v;
}

static int parse_ip(char *s, size_t n, int fam, pl_sockaddr *out)
{
	char *chr = s + n - 1, *port = NULL, *host = s;
	size_t hl;
	long pv = 0;

	/* the last ':' or ']' from the end; index 0 is looked at too */
	while (chr > s && *chr != ']' && *chr != ':')
		chr--;
	if (n > 0 && *chr == ':') {
		*chr = '\0';
		port = chr + 1;
	}
	if (port != NULL && *port != '\0') {
		if (!isdigit((unsigned char)*port) || strchr(port, '-') != NULL)
			return PL_SOCK_EPARSE;
		pv = port_atoi(port);
		if (pv > 65535)
			return PL_SOCK_EPARSE;
	}
	hl = strlen(host);
	if (hl == 0 || (hl == 1 && host[0] == '*')) {
		/* the any-address of the family, IPv4 by default */
		if (fam == FAM_V6) {
			out->ss.ss_family = AF_INET6;
			out->len = sizeof(struct sockaddr_in6);
			out->kind = PL_SA_INET6;
		} else {
			out->ss.ss_family = AF_INET;
			out->len = sizeof(struct sockaddr_in);
			out->kind = PL_SA_INET;
		}
		goto port;
	}
	if (hl >= 2 && host[0] == '[' && host[hl - 1] == ']') {
		host[hl - 1] = '\0';
		host++;
	}
	if (fam != FAM_V4) {
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&out->ss;
		if (inet_pton(AF_INET6, host, &a6->sin6_addr) == 1) {
			a6->sin6_family = AF_INET6;
			out->len = sizeof(*a6);
			out->kind = PL_SA_INET6;
			goto port;
		}
	}
	if (fam != FAM_V6) {
		struct sockaddr_in *a4 = (struct sockaddr_in *)&out->ss;
		if (inet_pton(AF_INET, host, &a4->sin_addr) == 1) {
			a4->sin_family = AF_INET;
			out->len = sizeof(*a4);
			out->kind = PL_SA_INET;
			goto port;
		}
	}
	return PL_SOCK_EPARSE;
port:
	pl_sock_setport(out, pv);
	out->has_port = pv != 0;
	return 0;
}

int pl_sock_parse(const char *s, size_t n, pl_sockaddr *out)
{
	/* stream families only: udp@, uxdg@, fd@, sockpair@ and unknown
	 * prefixes fail to parse (all checked live, as quic4@ connecting) */
	static const struct { const char *pfx; size_t len; int what; } pfx[] = {
		{ "unix@", 5, 'u' }, { "uxst@", 5, 'u' }, { "abns@", 5, 'a' },
		{ "ipv4@", 5, '4' }, { "ipv6@", 5, '6' }, { "tcp4@", 5, '4' },
		{ "tcp6@", 5, '6' }, { "quic4@", 6, '4' }, { "quic6@", 6, '6' },
		{ "tcp@", 4, 'i' }, { "ip@", 3, 'i' },
	};
	char tmp[512];
	size_t i;
	int fam = FAM_ANY, prefixed = 0;

	memset(out, 0, sizeof(*out));
	if (memchr(s, '\0', n) != NULL)
		return PL_SOCK_EPARSE;
	for (i = 0; i < sizeof(pfx) / sizeof(pfx[0]); i++) {
		if (n >= pfx[i].len && memcmp(s, pfx[i].pfx, pfx[i].len) == 0) {
			s += pfx[i].len;
			n -= pfx[i].len;
			if (pfx[i].what == 'u' || pfx[i].what == 'a')
				return parse_unix(s, n, pfx[i].what == 'a', out);
			fam = pfx[i].what == '4' ? FAM_V4 : pfx[i].what == '6' ? FAM_V6 : FAM_ANY;
			prefixed = 1;
			break;
		}
	}
	if (!prefixed && n > 0 && s[0] == '/')
		return parse_unix(s, n, 0, out);
	if (n == 0 || n >= sizeof(tmp))
		return PL_SOCK_EPARSE;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	return parse_ip(tmp, n, fam, out);
}

void pl_sock_setport(pl_sockaddr *a, long port)
{
	uint16_t p = htons((uint16_t)(unsigned long)port);

	if (a->kind == PL_SA_INET)
		((struct sockaddr_in *)&a->ss)->sin_port = p;
	else if (a->kind == PL_SA_INET6)
		((struct sockaddr_in6 *)&a->ss)->sin6_port = p;
}

void pl_sock_format(const struct sockaddr *sa, socklen_t len, char *buf, size_t size)
{
	char ip[INET6_ADDRSTRLEN];

	(void)len;
	if (sa->sa_family == AF_INET) {
		const struct sockaddr_in *a4 = (const struct sockaddr_in *)(const void *)sa;
		inet_ntop(AF_INET, &a4->sin_addr, ip, sizeof(ip));
		snprintf(buf, size, "%s:%u", ip, (unsigned)ntohs(a4->sin_port));
	} else if (sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *a6 = (const struct sockaddr_in6 *)(const void *)sa;
		inet_ntop(AF_INET6, &a6->sin6_addr, ip, sizeof(ip));
		snprintf(buf, size, "[%s]:%u", ip, (unsigned)ntohs(a6->sin6_port));
	} else {
		snprintf(buf, size, "unix");
	}
}
