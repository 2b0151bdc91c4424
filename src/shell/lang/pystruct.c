/* pystruct.c - Python's struct module: the format parser (as CPython's
 * prepare_s reads a format), struct.pack and struct.unpack. The messages
 * are the ones CPython 3.11 gives on Linux x86-64, which differ between
 * its native, little-endian and big-endian tables; the shell's integers
 * are 64-bit, so a 'Q' field past 2**63-1 is the one deliberate gap. */
#include "pystruct.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/i18n.h"
#include "pycodec.h"
#include "../strbuf.h"

/* The size of one field of CODE, 0 for a character struct does not know.
 * Native sizes ('@') are the C compiler's; the others are standard. */
static size_t field_size(char code, bool native)
{
	switch (code) {
	case 'x': case 'c': case 'b': case 'B': case '?': case 's':
		return 1;
	case 'h': case 'H':
		return 2;
	case 'i': case 'I':
		return 4;
	case 'l': case 'L':
		return native ? sizeof(long) : 4;
	case 'q': case 'Q':
		return 8;
	default:
		return 0;
	}
}

/* Native alignment: each integer field starts at a multiple of its size,
 * as a C compiler lays out a struct on Linux (no padding at the end). */
static size_t align_to(size_t size, char code, bool native)
{
	size_t a = strchr("hHiIlLqQ", code) ? field_size(code, native) : 1;
	if (!native || a <= 1 || size == 0)
		return size;
	return size + (a - 1) - (size - 1) % a;
}

static void set_order(struct pys_format *f, char c)
{
	bool host_big = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
	f->native = c == '@';
	f->big = c == '>' || c == '!' || ((c == '@' || c == '=') && host_big);
}

/* A repeat count at *S: Python's "total struct size too long" when it
 * cannot be a size the shell would build. */
static int read_count(const char **s, const char *end, size_t *num,
                      char **err)
{
	*num = 0;
	while (*s < end && **s >= '0' && **s <= '9') {
		*num = *num * 10 + (size_t)(**s - '0');
		(*s)++;
		if (*num > PYS_MAX_SIZE) {
			*err = xstrdup(_("total struct size too long"));
			return -1;
		}
	}
	if (*s == end) {
		*err = xstrdup(_("repeat count given without format specifier"));
		return -1;
	}
	return 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

/* Add the item at *S (a count, maybe, and its code) to F. */
static int parse_item(struct pys_format *f, const char **s, const char *end,
                      char **err)
{
	size_t num = 1;
	if (**s >= '0' && **s <= '9' && read_count(s, end, &num, err))
		return -1;
	char code = *(*s)++;
	size_t size = field_size(code, f->native);
	if (!size && code && strchr("efdnNpP", code)) {
		/* Python knows them; the shell's values have no use for them. */
		*err = xasprintf(_("format '%c' is not supported here (x c b B h H "
		                   "i I l L q Q s ?)"), code);
		return -1;
	}
	if (!size) {
		*err = xstrdup(_("bad char in struct format"));
		return -1;
	}
	f->size = align_to(f->size, code, f->native);
	if (f->size > PYS_MAX_SIZE || num > (PYS_MAX_SIZE - f->size) / size) {
		*err = xstrdup(_("total struct size too long"));
		return -1;
	}
	f->items = xgrow(f->items, f->nitems, sizeof *f->items);
	f->items[f->nitems++] = (struct pys_item){code, num, size, f->size};
	f->size += num * size;
	f->nargs += code == 's' ? 1 : code == 'x' ? 0 : num;
	return 0;
}

/* Python encodes a str format as ASCII first: its complaint, if any. */
static char *format_not_ascii(const char *fmt, size_t len)
{
	struct strbuf out = {0};
	char *err = NULL;
	if (pyc_encode(PYC_ASCII, "strict", fmt, len, &out, &err) == 0)
		err = memchr(fmt, '\0', len) ? xstrdup(_("embedded null character"))
		                             : NULL;
	sb_free(&out);
	return err;
}

int pys_parse(const char *fmt, size_t len, struct pys_format *out, char **err)
{
	const char *s = fmt, *end = fmt + len;
	memset(out, 0, sizeof *out);
	*err = format_not_ascii(fmt, len);
	if (*err)
		return -1;
	set_order(out, '@');
	if (s < end && strchr("@=<>!", *s))
		set_order(out, *s++);
	while (s < end) {
		if (is_space(*s)) {
			s++;
			continue;
		}
		if (parse_item(out, &s, end, err)) {
			pys_free(out);
			return -1;
		}
	}
	return 0;
}

void pys_free(struct pys_format *f)
{
	free(f->items);
	f->items = NULL;
	f->nitems = 0;
}

/* ---- pack ---- */

/* Python's complaint about V for an integer field of SIZE bytes, or NULL
 * when it fits. Which message depends on CPython's table: native and
 * little-endian share the native functions, big-endian has its own. */
static char *int_range_error(char code, size_t size, bool big, long long v)
{
	bool is_signed = code >= 'a' && code <= 'z';
	unsigned bits = (unsigned)size * 8;
	long long lo = !is_signed ? 0 : bits < 64 ? -(1LL << (bits - 1)) : INT64_MIN;
	unsigned long long hi = bits == 64 ? (is_signed ? INT64_MAX : UINT64_MAX)
	                        : is_signed ? (1ULL << (bits - 1)) - 1
	                                    : (1ULL << bits) - 1;
	if (v >= lo && (v < 0 || (unsigned long long)v <= hi))
		return NULL;
	if (size == 1)
		return xstrdup(is_signed ? _("byte format requires -128 <= number <= 127")
		                         : _("ubyte format requires 0 <= number <= 255"));
	if (size == 2 && !big)
		return xstrdup(is_signed ? _("short format requires -32768 <= number <= 32767")
		                         : _("ushort format requires 0 <= number <= 65535"));
	if (!is_signed && v < 0)
		return xstrdup(size == 8 && big ? _("int too large to convert")
		                                : _("argument out of range"));
	return xasprintf(_("'%c' format requires %lld <= number <= %llu"), code,
	                 lo, hi);
}

static void put_uint(unsigned char *p, size_t size, bool big,
                     unsigned long long u)
{
	for (size_t i = 0; i < size; i++, u >>= 8)
		p[big ? size - 1 - i : i] = (unsigned char)u;
}

/* One field of item IT from V into P. */
static char *pack_field(const struct pys_format *f, const struct pys_item *it,
                        const struct value *v, unsigned char *p)
{
	switch (it->code) {
	case 's':
		if (!v_is_bytes_like(v))
			return xstrdup(_("argument for 's' must be a bytes object"));
		memcpy(p, v->u.s.p, v->u.s.len < it->count ? v->u.s.len : it->count);
		return NULL;
	case 'c':
		if (v->type != T_BYTES || v->u.s.len != 1)
			return xstrdup(_("char format requires a bytes object of length 1"));
		*p = (unsigned char)v->u.s.p[0];
		return NULL;
	case '?':
		*p = v_truthy(v);
		return NULL;
	default:
		break;
	}
	if (!v_is_int(v))
		return xstrdup(_("required argument is not an integer"));
	char *err = int_range_error(it->code, it->size, f->big, v_int_of(v));
	if (!err)
		put_uint(p, it->size, f->big, (unsigned long long)v_int_of(v));
	return err;
}

/* Fields of IT from ARGS (from *K on) into BUF. */
static char *pack_item(const struct pys_format *f, const struct pys_item *it,
                       struct value *const *args, size_t *k, unsigned char *buf)
{
	if (it->code == 'x')
		return NULL; /* the buffer starts zeroed */
	size_t fields = it->code == 's' ? 1 : it->count;
	for (size_t i = 0; i < fields; i++) {
		char *err = pack_field(f, it, args[(*k)++],
		                       buf + it->offset + i * it->size);
		if (err)
			return err;
	}
	return NULL;
}

struct value *pys_pack(const struct pys_format *f, struct value *const *args,
                       size_t n, char **err)
{
	if (n != f->nargs) {
		*err = xasprintf(_("pack expected %zu items for packing (got %zu)"),
		                 f->nargs, n);
		return NULL;
	}
	unsigned char *buf = xcalloc(f->size + 1, 1);
	size_t k = 0;
	*err = NULL;
	for (size_t i = 0; i < f->nitems && !*err; i++)
		*err = pack_item(f, &f->items[i], args, &k, buf);
	struct value *r = *err ? NULL : v_bytes(buf, f->size);
	free(buf);
	return r;
}

/* ---- unpack ---- */

/* Tuples past this many fields are refused, not built. */
#define PYS_MAX_FIELDS ((size_t)1 << 20)

static struct value *unpack_int(char code, const unsigned char *p,
                                size_t size, bool big, char **err)
{
	unsigned long long u = 0;
	for (size_t i = 0; i < size; i++)
		u = u << 8 | p[big ? i : size - 1 - i];
	bool is_signed = code >= 'a' && code <= 'z';
	if (is_signed && size < 8 && (u >> (size * 8 - 1)))
		u |= ~0ULL << (size * 8); /* sign-extend */
	if (!is_signed && u > INT64_MAX) {
		*err = xasprintf(_("%llu does not fit the shell's 64-bit integers"), u);
		return NULL;
	}
	return v_int((long long)u);
}

static struct value *unpack_field(const struct pys_format *f,
                                  const struct pys_item *it,
                                  const unsigned char *p, char **err)
{
	switch (it->code) {
	case 's':
		return v_bytes(p, it->count);
	case 'c':
		return v_bytes(p, 1);
	case '?':
		return v_bool(*p != 0);
	default:
		return unpack_int(it->code, p, it->size, f->big, err);
	}
}

struct value *pys_unpack(const struct pys_format *f, const unsigned char *p,
                         size_t len, char **err)
{
	*err = NULL;
	if (len != f->size) {
		*err = xasprintf(_("unpack requires a buffer of %zu bytes"), f->size);
		return NULL;
	}
	if (f->nargs > PYS_MAX_FIELDS) {
		*err = xasprintf(_("too many fields to unpack here (at most %zu)"),
		                 PYS_MAX_FIELDS);
		return NULL;
	}
	struct value **items = xmalloc(sizeof *items * (f->nargs + 1));
	size_t n = 0;
	for (size_t i = 0; i < f->nitems && !*err; i++) {
		const struct pys_item *it = &f->items[i];
		size_t fields = it->code == 'x' ? 0 : it->code == 's' ? 1 : it->count;
		for (size_t k = 0; k < fields && !*err; k++) {
			struct value *v = unpack_field(f, it, p + it->offset + k * it->size, err);
			if (v)
				items[n++] = v;
		}
	}
	struct value *r = NULL;
	if (*err) {
		while (n)
			v_unref(items[--n]);
	} else {
		r = v_seq(T_TUPLE, items, n);
	}
	free(items);
	return r;
}
