/* Unit tests for lib/sock_addr.c: HAProxy 2.6's destination syntax. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/un.h>
#include "proxylua/sock.h"

static int passed, failed;

#define CHECK(cond) do { \
		if (cond) passed++; \
		else { failed++; fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } \
	} while (0)

/* Parse s and format the result ("unix"/"ip:port"), or "ERR". */
static const char *show(const char *s, char *buf, size_t size)
{
	pl_sockaddr a;

	if (pl_sock_parse(s, strlen(s), &a) != 0)
		return "ERR";
	pl_sock_format((const struct sockaddr *)&a.ss, a.len, buf, size);
	return buf;
}

static void test_ip(void)
{
	char b[80];

	CHECK(strcmp(show("127.0.0.1:80", b, sizeof(b)), "127.0.0.1:80") == 0);
	CHECK(strcmp(show("ipv4@127.0.0.1:80", b, sizeof(b)), "127.0.0.1:80") == 0);
	CHECK(strcmp(show("[::1]:80", b, sizeof(b)), "[::1]:80") == 0);
	CHECK(strcmp(show("::1:80", b, sizeof(b)), "[::1]:80") == 0);
	CHECK(strcmp(show("ipv6@::1:80", b, sizeof(b)), "[::1]:80") == 0);
	CHECK(strcmp(show("ipv6@[::1]:80", b, sizeof(b)), "[::1]:80") == 0);
	CHECK(strcmp(show("[::1]:", b, sizeof(b)), "[::1]:0") == 0);
	CHECK(strcmp(show("127.0.0.1:", b, sizeof(b)), "127.0.0.1:0") == 0);
	CHECK(strcmp(show("0.0.0.0:8080", b, sizeof(b)), "0.0.0.0:8080") == 0);
	/* a port string must fit 16 bits once truncated to an int (atoi) */
	CHECK(strcmp(show("127.0.0.1:70000", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("127.0.0.1:65536", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("127.0.0.1:65535", b, sizeof(b)), "127.0.0.1:65535") == 0);
	CHECK(strcmp(show("127.0.0.1:4294967297", b, sizeof(b)), "127.0.0.1:1") == 0);
	CHECK(strcmp(show("127.0.0.1:99999999999", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("127.0.0.1:80abc", b, sizeof(b)), "127.0.0.1:80") == 0);
	CHECK(strcmp(show("127.0.0.1:80 ", b, sizeof(b)), "127.0.0.1:80") == 0);
	CHECK(strcmp(show("127.0.0.1:080", b, sizeof(b)), "127.0.0.1:80") == 0);
	/* any-address, brackets, more prefixes */
	CHECK(strcmp(show(":80", b, sizeof(b)), "0.0.0.0:80") == 0);
	CHECK(strcmp(show("*:80", b, sizeof(b)), "0.0.0.0:80") == 0);
	CHECK(strcmp(show("ipv4@:80", b, sizeof(b)), "0.0.0.0:80") == 0);
	CHECK(strcmp(show("[::]:80", b, sizeof(b)), "[::]:80") == 0);
	CHECK(strcmp(show("[127.0.0.1]:80", b, sizeof(b)), "127.0.0.1:80") == 0);
	CHECK(strcmp(show("[::ffff:127.0.0.1]:80", b, sizeof(b)), "[::ffff:127.0.0.1]:80") == 0);
	CHECK(strcmp(show("tcp@127.0.0.1:80", b, sizeof(b)), "127.0.0.1:80") == 0);
	CHECK(strcmp(show("tcp4@127.0.0.1:80", b, sizeof(b)), "127.0.0.1:80") == 0);
	CHECK(strcmp(show("tcp6@::1:80", b, sizeof(b)), "[::1]:80") == 0);
	CHECK(strcmp(show("ip@::1:80", b, sizeof(b)), "[::1]:80") == 0);
	CHECK(strcmp(show("quic4@127.0.0.1:80", b, sizeof(b)), "127.0.0.1:80") == 0);
	CHECK(strcmp(show("uxst@/tmp/s", b, sizeof(b)), "unix") == 0);
	CHECK(strcmp(show("tcp6@127.0.0.1:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("tcp4@::1:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("uxdg@/tmp/s", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("udp4@127.0.0.1:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("fd@3", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("sockpair@3", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("IPV4@127.0.0.1:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("[127.0.0.1:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("127.0.0.1]:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("::1]:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("[]:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show(" 127.0.0.1:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("::", b, sizeof(b)), "ERR") == 0);
	/* refused forms */
	CHECK(strcmp(show("::1", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("localhost:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("127.1:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("udp@127.0.0.1:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("127.0.0.1:80-90", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("127.0.0.1:+1", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("127.0.0.1:abc", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("ipv4@::1:80", b, sizeof(b)), "ERR") == 0);
	CHECK(strcmp(show("ipv6@127.0.0.1:80", b, sizeof(b)), "ERR") == 0);
	CHECK(pl_sock_parse("127.0.0.1:80\0x", 14, &(pl_sockaddr){0}) == PL_SOCK_EPARSE);
}

static void test_port_flags(void)
{
	pl_sockaddr a;

	CHECK(pl_sock_parse("127.0.0.1", 9, &a) == 0 && a.has_port == 0 && a.kind == PL_SA_INET);
	CHECK(pl_sock_parse("127.0.0.1:0", 11, &a) == 0 && a.has_port == 0);
	CHECK(pl_sock_parse("127.0.0.1:1", 11, &a) == 0 && a.has_port == 1);
	CHECK(pl_sock_parse("127.0.0.1:4294967296", 20, &a) == 0 && a.has_port == 0);
	CHECK(pl_sock_parse("*", 1, &a) == 0 && a.has_port == 0 && a.kind == PL_SA_INET);
	CHECK(pl_sock_parse(":", 1, &a) == 0 && a.has_port == 0 && a.kind == PL_SA_INET);
	CHECK(pl_sock_parse("[::1]", 5, &a) == 0 && a.has_port == 0);
	pl_sock_parse("[::1]", 5, &a);
	CHECK(a.kind == PL_SA_INET6 && a.has_port == 0);
	pl_sock_setport(&a, 65536 + 81);
	CHECK(ntohs(((struct sockaddr_in6 *)&a.ss)->sin6_port) == 81);
}

static void test_unix(void)
{
	pl_sockaddr a;
	struct sockaddr_un *un = (struct sockaddr_un *)&a.ss;
	char longp[200];
	char b[80];

	CHECK(pl_sock_parse("/tmp/x.sock", 11, &a) == 0 && a.kind == PL_SA_UNIX);
	CHECK(strcmp(un->sun_path, "/tmp/x.sock") == 0);
	CHECK(pl_sock_parse("unix@/tmp/y", 11, &a) == 0 && strcmp(un->sun_path, "/tmp/y") == 0);
	CHECK(pl_sock_parse("unix@rel", 8, &a) == 0 && strcmp(un->sun_path, "rel") == 0);
	CHECK(strcmp(show("unix@/tmp/y", b, sizeof(b)), "unix") == 0);
	/* abns: leading NUL, padded to the whole sun_path */
	CHECK(pl_sock_parse("abns@name", 9, &a) == 0 && a.kind == PL_SA_ABNS);
	CHECK(un->sun_path[0] == '\0' && memcmp(un->sun_path + 1, "name", 4) == 0);
	CHECK(un->sun_path[5] == '\0' && a.len == sizeof(struct sockaddr_un));
	memset(longp, 'a', sizeof(longp));
	longp[0] = '/';
	CHECK(pl_sock_parse(longp, sizeof(longp), &a) == PL_SOCK_EPARSE);
	CHECK(pl_sock_parse(longp, 107, &a) == 0);
	CHECK(pl_sock_parse(longp, 108, &a) == PL_SOCK_EPARSE);
}

int main(void)
{
	test_ip();
	test_port_flags();
	test_unix();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
