/* pycodec.c - utf-8, ascii and latin-1 as CPython 3.11 decodes and
 * encodes them: the same maximal invalid sequences (so the same positions
 * in its messages and the same number of U+FFFD under errors='replace'),
 * the same names and aliases. */
#include "pycodec.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/i18n.h"
#include "../utf8.h"

/* encodings.normalize_encoding, then lower case: runs of punctuation
 * become one '_' between alphanumerics ("UTF-8" is "utf_8"). */
static char *normalize(const char *name)
{
	size_t n = strlen(name), k = 0;
	char *out = xmalloc(n + 1);
	bool punct = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];
		if (c >= 0x80)
			continue; /* Python drops non-ASCII letters */
		if (!isalnum(c) && c != '.') {
			punct = true;
			continue;
		}
		if (punct && k)
			out[k++] = '_';
		out[k++] = (char)tolower(c);
		punct = false;
	}
	out[k] = '\0';
	return out;
}

int pyc_lookup(const char *name, enum pyc_codec *out, char **err)
{
	/* The names and aliases of Lib/encodings/aliases.py for the three. */
	static const struct {
		const char *name;
		enum pyc_codec c;
	} names[] = {
		{"utf_8", PYC_UTF8}, {"utf8", PYC_UTF8}, {"u8", PYC_UTF8},
		{"utf", PYC_UTF8}, {"cp65001", PYC_UTF8},
		{"ascii", PYC_ASCII}, {"us_ascii", PYC_ASCII}, {"us", PYC_ASCII},
		{"646", PYC_ASCII}, {"cp367", PYC_ASCII}, {"csascii", PYC_ASCII},
		{"latin_1", PYC_LATIN1}, {"latin1", PYC_LATIN1}, {"latin", PYC_LATIN1},
		{"l1", PYC_LATIN1}, {"iso8859_1", PYC_LATIN1},
		{"iso_8859_1", PYC_LATIN1}, {"iso8859", PYC_LATIN1},
		{"8859", PYC_LATIN1}, {"cp819", PYC_LATIN1},
	};
	char *norm = normalize(name);
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		if (!strcmp(norm, names[i].name)) {
			free(norm);
			*out = names[i].c;
			return 0;
		}
	}
	free(norm);
	*err = xasprintf(_("unknown encoding: %s (this shell knows utf-8, "
	                   "ascii and latin-1)"), name);
	return -1;
}

const char *pyc_name(enum pyc_codec c)
{
	return c == PYC_UTF8 ? "utf-8" : c == PYC_ASCII ? "ascii" : "latin-1";
}

enum handler { H_STRICT, H_REPLACE, H_IGNORE };

/* Python looks the handler up only when an error needs it. */
static int find_handler(const char *errors, enum handler *h, char **err)
{
	static const char *const others[] = {
		"surrogateescape", "surrogatepass", "backslashreplace",
		"xmlcharrefreplace", "namereplace", NULL};
	if (!strcmp(errors, "strict") || !strcmp(errors, "replace") ||
	    !strcmp(errors, "ignore")) {
		*h = errors[0] == 's' ? H_STRICT : errors[0] == 'r' ? H_REPLACE
		                                                    : H_IGNORE;
		return 0;
	}
	for (size_t i = 0; others[i]; i++)
		if (!strcmp(errors, others[i])) {
			*err = xasprintf(_("error handler '%s' is not supported here "
			                   "(strict, replace, ignore)"), errors);
			return -1;
		}
	*err = xasprintf(_("unknown error handler name '%s'"), errors);
	return -1;
}

/* ---- decoding ---- */

/* The valid sequence at P (N bytes left): its length, or 0 with the
 * length of the invalid part in *BAD and the reason, as CPython's UTF-8
 * decoder finds them. */
static size_t utf8_take(const unsigned char *p, size_t n, size_t *bad,
                        const char **why)
{
	struct utf8_step s = utf8_step(p, n, false);
	if (s.fault == UTF8_OK)
		return s.len;
	*bad = s.len;
	*why = utf8_fault_reason(s.fault);
	return 0;
}

/* One step of codec C at P: bytes taken, or 0 with the error. */
static size_t decode_step(enum pyc_codec c, const unsigned char *p, size_t n,
                          struct strbuf *out, size_t *bad, const char **why)
{
	if (c == PYC_LATIN1) {
		put_utf8(out, p[0]);
		return 1;
	}
	if (c == PYC_ASCII) {
		if (p[0] < 0x80) {
			sb_addc(out, (char)p[0]);
			return 1;
		}
		*bad = 1;
		*why = N_("ordinal not in range(128)");
		return 0;
	}
	size_t k = utf8_take(p, n, bad, why);
	sb_add(out, p, k);
	return k;
}

static char *decode_error(enum pyc_codec c, const unsigned char *p, size_t at,
                          size_t bad, const char *why)
{
	if (bad == 1)
		return xasprintf(_("'%s' codec can't decode byte 0x%02x in position "
		                   "%zu: %s"), pyc_name(c), p[at], at, _(why));
	return xasprintf(_("'%s' codec can't decode bytes in position %zu-%zu: "
	                   "%s"), pyc_name(c), at, at + bad - 1, _(why));
}

int pyc_decode(enum pyc_codec c, const char *errors, const unsigned char *p,
               size_t n, struct strbuf *out, char **err)
{
	enum handler h = H_STRICT;
	bool looked_up = false;
	for (size_t i = 0; i < n;) {
		size_t bad = 0;
		const char *why = NULL;
		size_t k = decode_step(c, p + i, n - i, out, &bad, &why);
		if (k) {
			i += k;
			continue;
		}
		if (!looked_up && find_handler(errors, &h, err))
			return -1;
		looked_up = true;
		if (h == H_STRICT) {
			*err = decode_error(c, p, i, bad, why);
			return -1;
		}
		if (h == H_REPLACE)
			put_utf8(out, 0xfffd);
		i += bad;
	}
	return 0;
}

/* ---- encoding ---- */

/* The code point at P (N bytes left) and its length in bytes. */
static size_t next_cp(const char *p, size_t n, unsigned long *cp)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t len = utf8_seq_len(u, n);
	if (len <= 1) {
		*cp = u[0];
		return 1;
	}
	*cp = u[0] & (0x7f >> len);
	for (size_t i = 1; i < len; i++)
		*cp = *cp << 6 | (u[i] & 0x3f);
	return len;
}

static char *encode_error(enum pyc_codec c, unsigned long first, size_t at,
                          size_t run)
{
	unsigned limit = c == PYC_ASCII ? 128 : 256;
	if (run > 1)
		return xasprintf(_("'%s' codec can't encode characters in position "
		                   "%zu-%zu: ordinal not in range(%u)"),
		                 pyc_name(c), at, at + run - 1, limit);
	char ch[16];
	snprintf(ch, sizeof ch, first < 0x100 ? "\\x%02lx" : first < 0x10000
	         ? "\\u%04lx" : "\\U%08lx", first);
	return xasprintf(_("'%s' codec can't encode character '%s' in position "
	                   "%zu: ordinal not in range(%u)"),
	                 pyc_name(c), ch, at, limit);
}

/* The characters from P on that codec C cannot encode: how many, and
 * how many bytes they take. */
static size_t bad_run(enum pyc_codec c, const char *p, size_t n,
                      size_t *bytes)
{
	unsigned long limit = c == PYC_ASCII ? 0x80 : 0x100, cp;
	size_t run = 0, i = 0;
	while (i < n) {
		size_t k = next_cp(p + i, n - i, &cp);
		if (cp < limit)
			break;
		i += k;
		run++;
	}
	*bytes = i;
	return run;
}

int pyc_encode(enum pyc_codec c, const char *errors, const char *p, size_t n,
               struct strbuf *out, char **err)
{
	enum handler h = H_STRICT;
	bool looked_up = false;
	unsigned long limit = c == PYC_ASCII ? 0x80 : 0x100, cp;
	for (size_t i = 0, pos = 0; i < n;) {
		size_t k = next_cp(p + i, n - i, &cp);
		if (c == PYC_UTF8 || cp < limit) {
			if (c == PYC_UTF8)
				put_utf8(out, cp);
			else
				sb_addc(out, (char)cp);
			i += k, pos++;
			continue;
		}
		if (!looked_up && find_handler(errors, &h, err))
			return -1;
		looked_up = true;
		size_t bytes, run = bad_run(c, p + i, n - i, &bytes);
		if (h == H_STRICT) {
			*err = encode_error(c, cp, pos, run);
			return -1;
		}
		for (size_t r = 0; h == H_REPLACE && r < run; r++)
			sb_addc(out, '?');
		i += bytes, pos += run;
	}
	return 0;
}
