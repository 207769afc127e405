/*
 * HAProxy destination syntax (lib/sock_addr.c) on arbitrary bytes: a parsed
 * address formats to something, and an IP address formatted and parsed
 * again is the same address.
 */
#include <netinet/in.h>
#include "proxylua/sock.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pl_sockaddr a, b;
	char buf[256];

	if (size > 4096)
		return 0;
	if (pl_sock_parse((const char *)data, size, &a) != 0)
		return 0;
	FUZZ_ASSERT(a.kind >= PL_SA_INET && a.kind <= PL_SA_ABNS);
	FUZZ_ASSERT(a.len > 0 && a.len <= sizeof(a.ss));
	if (a.kind == PL_SA_INET || a.kind == PL_SA_INET6) {
		pl_sock_setport(&a, a.has_port ? (long)data[0] * 251 + 1 : 80);
		pl_sock_format((const struct sockaddr *)&a.ss, a.len, buf, sizeof(buf));
		FUZZ_ASSERT(pl_sock_parse(buf, strlen(buf), &b) == 0);
		FUZZ_ASSERT(b.kind == a.kind && b.len == a.len);
		if (a.kind == PL_SA_INET) {
			const struct sockaddr_in *x = (const void *)&a.ss, *y = (const void *)&b.ss;
			FUZZ_ASSERT(x->sin_addr.s_addr == y->sin_addr.s_addr && x->sin_port == y->sin_port);
		} else {
			const struct sockaddr_in6 *x = (const void *)&a.ss, *y = (const void *)&b.ss;
			FUZZ_ASSERT(!memcmp(&x->sin6_addr, &y->sin6_addr, 16) && x->sin6_port == y->sin6_port);
		}
	} else {
		pl_sock_format((const struct sockaddr *)&a.ss, a.len, buf, sizeof(buf));
		FUZZ_ASSERT(strlen(buf) > 0);
	}
	return 0;
}
