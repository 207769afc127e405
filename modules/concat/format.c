/*
 * b:addf(fmt, ...): string.format's conversions (%d %i %u %c %o %x %X %a %A
 * %e %E %f %F %g %G %q %s %%), with the same flags, width and precision
 * limits, written directly into the builder: no intermediate Lua string.
 * Argument numbers in errors count from fmt (#1), as for string.format.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "lconcat.h"

#define FMT_FLAGS "-+ #0"
/* Largest item one numeric conversion can produce ("%99.99f" of 1e308). */
#define FMT_MAX_ITEM 512
/* "%" + flags + width + "." + precision + length modifier + conversion. */
#define FMT_SPEC_MAX 32

/* Copy "%[flags][width][.precision]" from *p into spec; *p ends at the
 * conversion letter. Raise on specs string.format refuses too. */
static const char *read_spec(lua_State *L, const char *p, char *spec, size_t *speclen)
{
	const char *start = p;
	size_t n;

	while (*p != '\0' && strchr(FMT_FLAGS, *p) != NULL)
		p++;
	if (p - start > (ptrdiff_t)(sizeof(FMT_FLAGS) - 1))
		luaL_error(L, "invalid format (repeated flags)");
	if ((*p >= '0' && *p <= '9'))
		p++;
	if ((*p >= '0' && *p <= '9'))
		p++;
	if (*p == '.') {
		p++;
		if ((*p >= '0' && *p <= '9'))
			p++;
		if ((*p >= '0' && *p <= '9'))
			p++;
	}
	if (*p >= '0' && *p <= '9')
		luaL_error(L, "invalid format (width or precision too long)");
	n = (size_t)(p - start);
	spec[0] = '%';
	memcpy(spec + 1, start, n);
	*speclen = n + 1;
	return p;
}

/* Add a length modifier and the conversion letter, then terminate. */
static void end_spec(char *spec, size_t speclen, const char *mod, char conv)
{
	size_t m = strlen(mod);
	memcpy(spec + speclen, mod, m);
	spec[speclen + m] = conv;
	spec[speclen + m + 1] = '\0';
}

/* snprintf straight into the builder's spare room. */
#define ADD_FORMATTED(L, c, spec, value) do { \
		char *dst_ = pl_concat_prepare((L), (c), FMT_MAX_ITEM); \
		int n_ = snprintf(dst_, FMT_MAX_ITEM, (spec), (value)); \
		pl_buf_commit(&(c)->buf, (size_t)n_); \
	} while (0)

/* %q for strings: a Lua literal that reads back as the same bytes. */
static void add_quoted_string(lua_State *L, pl_concat *c, const char *s, size_t n)
{
	pl_concat_add(L, c, "\"", 1);
	while (n--) {
		unsigned char ch = (unsigned char)*s++;
		if (ch == '"' || ch == '\\' || ch == '\n') {
			char esc[2] = {'\\', (char)ch};
			pl_concat_add(L, c, esc, 2);
		} else if (ch == '\r' || ch == 0 || ch == 127 || ch < 32) {
			/* A digit right after must not extend the escape. */
			int digit_next = n > 0 && (*s >= '0' && *s <= '9');
			ADD_FORMATTED(L, c, digit_next ? "\\%03d" : "\\%d", (int)ch);
		} else {
			char one = (char)ch;
			pl_concat_add(L, c, &one, 1);
		}
	}
	pl_concat_add(L, c, "\"", 1);
}

static void add_quoted(lua_State *L, pl_concat *c, int arg)
{
	switch (lua_type(L, arg)) {
	case LUA_TSTRING: {
		size_t n;
		const char *s = lua_tolstring(L, arg, &n);
		add_quoted_string(L, c, s, n);
		break;
	}
	case LUA_TNUMBER:
		if (lua_isinteger(L, arg)) {
			lua_Integer i = lua_tointeger(L, arg);
			/* The smallest integer has no positive literal: write it in hex. */
			if (i == LUA_MININTEGER)
				ADD_FORMATTED(L, c, "0x%" LUA_INTEGER_FRMLEN "x", (LUAI_UACINT)i);
			else
				ADD_FORMATTED(L, c, "%" LUA_INTEGER_FRMLEN "d", (LUAI_UACINT)i);
		} else {
			lua_Number x = lua_tonumber(L, arg);
			if (x == (lua_Number)HUGE_VAL)
				pl_concat_add(L, c, "1e9999", 6);
			else if (x == -(lua_Number)HUGE_VAL)
				pl_concat_add(L, c, "-1e9999", 7);
			else if (x != x)
				pl_concat_add(L, c, "(0/0)", 5);
			else
				ADD_FORMATTED(L, c, "%" LUA_NUMBER_FRMLEN "a", (LUAI_UACNUMBER)x);
		}
		break;
	case LUA_TNIL:
	case LUA_TBOOLEAN: {
		size_t n;
		const char *s = luaL_tolstring(L, arg, &n);
		pl_concat_add(L, c, s, n);
		lua_pop(L, 1);
		break;
	}
	default:
		luaL_argerror(L, arg, "value has no literal form");
	}
}

static void add_string(lua_State *L, pl_concat *c, int arg, const char *spec, size_t speclen)
{
	size_t n;
	const char *s = luaL_tolstring(L, arg, &n);   /* pushes the string */

	if (speclen == 1) {
		pl_concat_add(L, c, s, n);                /* plain %s: 8-bit clean */
	} else {
		luaL_argcheck(L, strlen(s) == n, arg, "string contains zeros");
		if (memchr(spec, '.', speclen) == NULL && n >= 100) {
			pl_concat_add(L, c, s, n);            /* wider than any width */
		} else {
			char full[FMT_SPEC_MAX];
			char *dst;
			int w;
			memcpy(full, spec, speclen);
			end_spec(full, speclen, "", 's');
			dst = pl_concat_prepare(L, c, n + 100);
			w = snprintf(dst, n + 100, full, s);
			pl_buf_commit(&c->buf, (size_t)w);
		}
	}
	lua_pop(L, 1);
}

int pl_concat_addf(lua_State *L, pl_concat *c)
{
	size_t fl;
	const char *fmt = luaL_checklstring(L, 2, &fl);
	const char *end = fmt + fl;
	int top = lua_gettop(L), arg = 2;
	char spec[FMT_SPEC_MAX];

	while (fmt < end) {
		const char *pct = memchr(fmt, '%', (size_t)(end - fmt));
		size_t speclen;
		char conv;

		if (pct == NULL) {
			pl_concat_add(L, c, fmt, (size_t)(end - fmt));
			break;
		}
		pl_concat_add(L, c, fmt, (size_t)(pct - fmt));
		fmt = pct + 1;
		if (fmt < end && *fmt == '%') {
			pl_concat_add(L, c, "%", 1);
			fmt++;
			continue;
		}
		fmt = read_spec(L, fmt, spec, &speclen);
		conv = fmt < end ? *fmt++ : '\0';
		if (++arg > top)
			luaL_argerror(L, arg, "no value");
		switch (conv) {
		case 'c':
			end_spec(spec, speclen, "", 'c');
			ADD_FORMATTED(L, c, spec, (int)luaL_checkinteger(L, arg));
			break;
		case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
			end_spec(spec, speclen, LUA_INTEGER_FRMLEN, conv);
			ADD_FORMATTED(L, c, spec, (LUAI_UACINT)luaL_checkinteger(L, arg));
			break;
		case 'a': case 'A': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
			end_spec(spec, speclen, LUA_NUMBER_FRMLEN, conv);
			ADD_FORMATTED(L, c, spec, (LUAI_UACNUMBER)luaL_checknumber(L, arg));
			break;
		case 'q':
			if (speclen != 1)
				luaL_error(L, "specifier '%%q' cannot have modifiers");
			add_quoted(L, c, arg);
			break;
		case 's':
			add_string(L, c, arg, spec, speclen);
			break;
		default:
			return luaL_error(L, "invalid conversion '%%%c' to 'addf'", conv ? conv : ' ');
		}
	}
	return 0;
}
