/*
 * Test helpers (not part of HAProxy's API), so specs can run peers inside
 * the same loop: socket._listen(addr) -> fd, "ip:port" (port 0 picks a
 * free one), socket._accept(fd) -> fd | nil, "again" | nil, msg,
 * socket._shutdown(fd, "r"|"w"|"rw"), socket._reset(fd) (close with RST).
 * Read, write and close the descriptors with proxylua.loop's _read,
 * _write and _close, and wait on them with l:wait.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "lsock.h"

static int push_err(lua_State *L, int e)
{
	pl_pushfail(L);
	lua_pushstring(L, strerror(e));
	return 2;
}

static int h_listen(lua_State *L)
{
	size_t n;
	const char *addr = luaL_checklstring(L, 1, &n);
	lua_Integer backlog = luaL_optinteger(L, 2, 128);
	pl_sockaddr a;
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char buf[80];
	int fd, rc;

	if (pl_sock_parse(addr, n, &a) != 0)
		return luaL_argerror(L, 1, "cannot parse address");
	rc = pl_sock_listen(&a, (int)backlog, &fd);
	if (rc < 0)
		return push_err(L, -rc);
	if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
		len = 0;
	pl_sock_format((const struct sockaddr *)&ss, len, buf, sizeof(buf));
	lua_pushinteger(L, fd);
	lua_pushstring(L, buf);
	return 2;
}

static int h_accept(lua_State *L)
{
	int fd = pl_sock_accept((int)luaL_checkinteger(L, 1));

	if (fd == PL_SOCK_WANT_READ) {
		pl_pushfail(L);
		lua_pushliteral(L, "again");
		return 2;
	}
	if (fd < 0)
		return push_err(L, -fd);
	lua_pushinteger(L, fd);
	return 1;
}

static int h_shutdown(lua_State *L)
{
	static const char *const how[] = { "r", "w", "rw", NULL };
	static const int val[] = { SHUT_RD, SHUT_WR, SHUT_RDWR };
	int fd = (int)luaL_checkinteger(L, 1);
	int h = luaL_checkoption(L, 2, "w", how);

	if (shutdown(fd, val[h]) != 0)
		return push_err(L, errno);
	lua_pushboolean(L, 1);
	return 1;
}

/* Close with an RST instead of a FIN (SO_LINGER with a zero delay). */
static int h_reset(lua_State *L)
{
	int fd = (int)luaL_checkinteger(L, 1);
	struct linger lg;

	lg.l_onoff = 1;
	lg.l_linger = 0;
	(void)setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	if (close(fd) != 0)
		return push_err(L, errno);
	lua_pushboolean(L, 1);
	return 1;
}

void pl_sk_register_helpers(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "_listen", h_listen },
		{ "_accept", h_accept },
		{ "_shutdown", h_shutdown },
		{ "_reset", h_reset },
		{ NULL, NULL }
	};

	luaL_setfuncs(L, fns, 0);
}
