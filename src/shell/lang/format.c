/* format.c - values as Python prints them. */
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../../core/sock.h"
#include "../../core/i18n.h"
#include "sockaddr.h"
#include "../utf8.h"
#include "../commands/ssl-hooks.h"

void fmt_const(struct strbuf *b, enum const_kind kind, long long value)
{
	/* 0 is no errno, and as a protocol (AF_UNIX) it names nothing. */
	if ((kind == CK_ERRNO || kind == CK_IPPROTO) && value == 0) {
		sb_adds(b, "0");
		return;
	}
	if (kind == CK_SOCK) {
		/* The type with its flags spelt out: SOCK_STREAM|SOCK_NONBLOCK. */
		long long flags = value & (SOCK_NONBLOCK | SOCK_CLOEXEC);
		const struct sk_const *c = const_by_value(kind, value & ~flags);
		if (c) {
			sb_adds(b, c->name);
			if (flags & SOCK_NONBLOCK)
				sb_adds(b, "|SOCK_NONBLOCK");
			if (flags & SOCK_CLOEXEC)
				sb_adds(b, "|SOCK_CLOEXEC");
			return;
		}
	}
	const struct sk_const *c = const_by_value(kind, value);
	if (c && kind == CK_TLSVER) /* as Python names its members */
		sb_adds(b, "TLSVersion.");
	if (c)
		sb_adds(b, c->name);
	else
		sb_printf(b, "%lld", value);
}

void fmt_float(struct strbuf *b, double f)
{
	if (isnan(f)) {
		sb_adds(b, "nan");
		return;
	}
	if (isinf(f)) {
		sb_adds(b, f < 0 ? "-inf" : "inf");
		return;
	}
	char e[40];
	for (int p = 1; p <= 17; p++) {
		snprintf(e, sizeof e, "%.*e", p - 1, f);
		if (strtod(e, NULL) == f)
			break;
	}
	/* e holds "-d.ddde+XX": take its digits and exponent apart. */
	char digits[24];
	size_t nd = 0;
	const char *q = e;
	bool neg = *q == '-';
	if (neg)
		q++;
	for (; *q && *q != 'e'; q++)
		if (*q != '.')
			digits[nd++] = *q;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	digits[nd] = '\0';
	int exp = atoi(q + 1);
	if (neg)
		sb_addc(b, '-');
	if (exp < -4 || exp >= 16) {
		sb_addc(b, digits[0]);
		if (nd > 1) {
			sb_addc(b, '.');
			sb_adds(b, digits + 1);
		}
		sb_printf(b, "e%c%02d", exp < 0 ? '-' : '+', abs(exp));
		return;
	}
	if (exp < 0) {
		sb_adds(b, "0.");
		for (int i = -1; i > exp; i--)
			sb_addc(b, '0');
		sb_adds(b, digits);
		return;
	}
	for (int i = 0; i <= exp; i++)
		sb_addc(b, (size_t)i < nd ? digits[i] : '0');
	sb_addc(b, '.');
	sb_adds(b, (size_t)exp + 1 < nd ? digits + exp + 1 : "0");
}

static char pick_quote(const char *p, size_t len)
{
	bool sq = memchr(p, '\'', len) != NULL;
	bool dq = memchr(p, '"', len) != NULL;
	return sq && !dq ? '"' : '\'';
}

/* Python's str.isprintable() for the code points students meet: control
 * and format characters and the non-ASCII spaces are escaped. */
static bool py_printable(unsigned long cp)
{
	static const unsigned long ranges[][2] = {
		{0x80, 0xa0}, {0xad, 0xad}, {0x600, 0x605}, {0x61c, 0x61c},
		{0x6dd, 0x6dd}, {0x70f, 0x70f}, {0x1680, 0x1680},
		{0x180e, 0x180e}, {0x2000, 0x200f}, {0x2028, 0x202f},
		{0x205f, 0x2064}, {0x2066, 0x206f}, {0x3000, 0x3000},
		{0xd800, 0xf8ff}, {0xfeff, 0xfeff}, {0xfff9, 0xfffb},
		{0xe0000, 0xe0fff}, {0xf0000, 0x10ffff}};
	for (size_t i = 0; i < sizeof ranges / sizeof *ranges; i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return false;
	return true;
}

static void escape_cp(struct strbuf *b, unsigned long cp)
{
	if (cp <= 0xff)
		sb_printf(b, "\\x%02lx", cp);
	else if (cp <= 0xffff)
		sb_printf(b, "\\u%04lx", cp);
	else
		sb_printf(b, "\\U%08lx", cp);
}

static bool escape_common(struct strbuf *b, unsigned char c, char quote)
{
	switch (c) {
	case '\\':
		sb_adds(b, "\\\\");
		return true;
	case '\n':
		sb_adds(b, "\\n");
		return true;
	case '\r':
		sb_adds(b, "\\r");
		return true;
	case '\t':
		sb_adds(b, "\\t");
		return true;
	default:
		if (c == (unsigned char)quote) {
			sb_addc(b, '\\');
			sb_addc(b, (char)c);
			return true;
		}
		return false;
	}
}

void fmt_str_repr(struct strbuf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	char quote = pick_quote(s, len);
	sb_addc(b, quote);
	for (size_t i = 0; i < len; i++) {
		if (escape_common(b, p[i], quote))
			continue;
		if (p[i] >= 0x20 && p[i] < 0x7f) {
			sb_addc(b, (char)p[i]);
			continue;
		}
		/* A byte that is not UTF-8 prints as its own \xNN; a lone
		 * surrogate (a str's WTF-8) as \udcff, as Python prints it. */
		struct utf8_step st = utf8_step(p + i, len - i, true);
		unsigned long cp = st.fault ? p[i] : st.cp;
		size_t n = st.fault || p[i] < 0x80 ? 0 : st.len;
		if (n && py_printable(cp))
			sb_add(b, p + i, n);
		else
			escape_cp(b, cp);
		if (n)
			i += n - 1;
	}
	sb_addc(b, quote);
}

/* Written into one buffer of the largest size (4 bytes a byte) and added
 * once: `bytes 200000000` prints 800 MB, and a printf a byte took minutes
 * under the sanitizers (a fuzzer timeout). */
void fmt_bytes_repr(struct strbuf *b, const unsigned char *p, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	char quote = pick_quote((const char *)p, len);
	char *out = xmalloc(len * 4 + 3), *o = out;
	*o++ = 'b';
	*o++ = quote;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = p[i];
		const char *esc = c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
		                : c == '\t' ? "\\t" : NULL;
		if (esc) {
			*o++ = esc[0];
			*o++ = esc[1];
		} else if (c == (unsigned char)quote) {
			*o++ = '\\';
			*o++ = (char)c;
		} else if (c >= 0x20 && c < 0x7f) {
			*o++ = (char)c;
		} else {
			*o++ = '\\';
			*o++ = 'x';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o++ = quote;
	sb_add(b, out, (size_t)(o - out));
	free(out);
}

static void fmt_items(struct strbuf *b, const struct value *v,
                      const char *open, const char *close)
{
	sb_adds(b, open);
	for (size_t i = 0; i < v->u.seq.n; i++) {
		if (i)
			sb_adds(b, v->type == T_DICT && i % 2 ? ": " : ", ");
		fmt_repr(b, v->u.seq.items[i]);
	}
	if (v->type == T_TUPLE && v->u.seq.n == 1)
		sb_addc(b, ',');
	sb_adds(b, close);
}

/* Python's socket.__repr__ shows an address with %s: strings bare. */
static void fmt_addr_field(struct strbuf *b, const char *key,
                           const struct sk_addr *a)
{
	struct value *v = sockaddr_value(a);
	sb_printf(b, ", %s=", key);
	if (v->type == T_STR)
		sb_add(b, v->u.s.p, v->u.s.len);
	else
		fmt_repr(b, v);
	v_unref(v);
}

/* Bound means a port or a path: an unbound socket shows no laddr. */
static bool addr_is_set(const struct sk_addr *a)
{
	struct addr_parts p;
	if (addr_decode((const struct sockaddr *)&a->ss, a->len, &p))
		return false;
	if (p.family == AF_UNIX)
		return p.pathlen > 0;
	return p.port != 0;
}

static void fmt_socket(struct strbuf *b, const struct sockobj *s)
{
	/* closed with a makefile() file still open: the fd lives on. */
	bool closed = s->fd < 0 || s->closed;
	sb_adds(b, s->tls ? "<ssl.SSLSocket" : "<socket");
	sb_adds(b, closed ? " [closed] fd=" : " fd=");
	sb_printf(b, "%d, family=", s->fd);
	fmt_const(b, CK_AF, s->family);
	sb_adds(b, ", type=");
	fmt_const(b, CK_SOCK, s->type);
	sb_printf(b, ", proto=%d", s->proto);
	struct sk_addr a;
	if (!closed && !sk_getsockname(s->fd, &a) && addr_is_set(&a))
		fmt_addr_field(b, "laddr", &a);
	if (!closed && !sk_getpeername(s->fd, &a) && addr_is_set(&a))
		fmt_addr_field(b, "raddr", &a);
	if (s->tls && !closed)
		ssl_describe(b, s);
	sb_addc(b, '>');
}

void fmt_repr(struct strbuf *b, const struct value *v)
{
	switch (v->type) {
	case T_NONE:
		sb_adds(b, "None");
		break;
	case T_BOOL:
		sb_adds(b, v->u.i ? "True" : "False");
		break;
	case T_INT:
		sb_printf(b, "%lld", v->u.i);
		break;
	case T_FLOAT:
		fmt_float(b, v->u.f);
		break;
	case T_STR:
		fmt_str_repr(b, v->u.s.p, v->u.s.len);
		break;
	case T_BYTES:
		fmt_bytes_repr(b, (unsigned char *)v->u.s.p, v->u.s.len);
		break;
	case T_BYTEARRAY:
		sb_adds(b, "bytearray(");
		fmt_bytes_repr(b, (unsigned char *)v->u.s.p, v->u.s.len);
		sb_addc(b, ')');
		break;
	case T_TUPLE:
		fmt_items(b, v, "(", ")");
		break;
	case T_LIST:
		fmt_items(b, v, "[", "]");
		break;
	case T_DICT:
		fmt_items(b, v, "{", "}");
		break;
	case T_CONST:
		fmt_const(b, v->u.c.kind, v->u.c.v);
		break;
	case T_SOCKET:
		fmt_socket(b, &v->u.sock);
		break;
	case T_FILE:
		sb_printf(b, "<file fd=%d mode='%s'%s>",
		          v->u.file->sock->u.sock.fd, v->u.file->mode,
		          v->u.file->closed ? " [closed]" : "");
		break;
	case T_SSLCTX:
		sb_adds(b, "<ssl.SSLContext object>");
		break;
	case T_POLL: /* Python adds the address, which means nothing here */
		sb_printf(b, "<%s object>", v_type_name(v));
		break;
	}
}

char *v_repr(const struct value *v)
{
	struct strbuf b = {0};
	fmt_repr(&b, v);
	return sb_take(&b);
}

char *v_str_of(const struct value *v)
{
	if (v->type == T_STR)
		return xstrndup(v->u.s.p, v->u.s.len);
	return v_repr(v);
}
