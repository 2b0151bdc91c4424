/* utf8.c - the one UTF-8 decoder; see utf8.h. */
#include "utf8.h"

#include "../core/i18n.h"

static bool is_cont(unsigned char c)
{
	return (c & 0xc0) == 0x80;
}

/* The range the second byte after START must fall in (Unicode's table 3-7:
 * no overlong forms, nothing past U+10FFFF, and with SURROGATES also the
 * surrogates ED A0..ED BF). */
static void second_range(unsigned char start, bool surrogates,
                         unsigned char *lo, unsigned char *hi)
{
	*lo = start == 0xe0 ? 0xa0 : start == 0xf0 ? 0x90 : 0x80;
	*hi = (start == 0xed && !surrogates) ? 0x9f : start == 0xf4 ? 0x8f : 0xbf;
}

static struct utf8_step fault(enum utf8_fault why, size_t len)
{
	return (struct utf8_step){.len = len, .fault = why};
}

struct utf8_step utf8_step(const unsigned char *p, size_t avail,
                           bool surrogates)
{
	unsigned char c = p[0];
	if (c < 0x80)
		return (struct utf8_step){.cp = c, .len = 1};
	size_t n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
	           : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
	if (n == 0)
		return fault(UTF8_INVALID_START, 1);
	unsigned char lo, hi;
	second_range(c, surrogates, &lo, &hi);
	unsigned long cp = c & (0x7f >> n);
	for (size_t i = 1; i < n; i++) {
		if (i >= avail)
			return fault(UTF8_END_OF_DATA, avail);
		bool ok = i == 1 ? p[i] >= lo && p[i] <= hi : is_cont(p[i]);
		if (!ok)
			return fault(UTF8_INVALID_CONTINUATION, i);
		cp = cp << 6 | (p[i] & 0x3f);
	}
	return (struct utf8_step){.cp = cp, .len = n};
}

size_t utf8_seq_len(const unsigned char *p, size_t avail)
{
	if (!avail)
		return 0;
	struct utf8_step s = utf8_step(p, avail, false);
	return s.fault ? 0 : s.len;
}

size_t utf8_first_fault(const unsigned char *p, size_t n,
                        struct utf8_step *bad)
{
	size_t i = 0;
	while (i < n) {
		*bad = utf8_step(p + i, n - i, false);
		if (bad->fault)
			return i;
		i += bad->len;
	}
	return n;
}

const char *utf8_fault_reason(enum utf8_fault f)
{
	static const char *const why[] = {
	    [UTF8_OK] = "",
	    [UTF8_INVALID_START] = N_("invalid start byte"),
	    [UTF8_INVALID_CONTINUATION] = N_("invalid continuation byte"),
	    [UTF8_END_OF_DATA] = N_("unexpected end of data"),
	};
	return why[f];
}

char *utf8_fault_text(const unsigned char *p, size_t at, struct utf8_step bad)
{
	const char *why = _(utf8_fault_reason(bad.fault));
	if (bad.len <= 1)
		return xasprintf(_("'utf-8' codec can't decode byte 0x%02x in "
		                   "position %zu: %s"), p[at], at, why);
	return xasprintf(_("'utf-8' codec can't decode bytes in position "
	                   "%zu-%zu: %s"), at, at + bad.len - 1, why);
}

void put_utf8(struct strbuf *b, unsigned long cp)
{
	char u[4];
	if (cp < 0x80) {
		sb_addc(b, (char)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		sb_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		sb_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		sb_add(b, u, 4);
	}
}

void utf8_fsdecode(struct strbuf *b, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		struct utf8_step s = utf8_step(p + i, n - i, false);
		if (s.fault) {
			/* One byte at a time, as the error handler takes them. */
			put_utf8(b, 0xdc00 + p[i++]);
			continue;
		}
		sb_add(b, p + i, s.len);
		i += s.len;
	}
}

void utf8_fsencode(struct strbuf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		struct utf8_step st = utf8_step(p + i, n - i, true);
		size_t len = st.fault ? 1 : st.len;
		if (!st.fault && st.cp >= 0xdc80 && st.cp <= 0xdcff)
			sb_addc(b, (char)(st.cp - 0xdc00));
		else
			sb_add(b, p + i, len);
		i += len;
	}
}
