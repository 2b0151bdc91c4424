/* lexer.c - literals as Python writes them, names, and punctuation. */
#include "lexer.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/i18n.h"
#include "../strbuf.h"
#include "../utf8.h"

void lex_init(struct lexer *lx, const char *src, size_t len)
{
	lx->src = src;
	lx->len = len;
	lx->pos = 0;
}

void tok_free(struct token *t)
{
	free(t->sval);
	t->sval = NULL;
}

static int peekc(const struct lexer *lx, size_t ahead)
{
	size_t i = lx->pos + ahead;
	return i < lx->len ? (unsigned char)lx->src[i] : -1;
}

static bool is_name_start(int c)
{
	return c == '_' || (c >= 0 && c < 128 && isalpha(c));
}

static bool is_name_char(int c)
{
	return is_name_start(c) || (c >= '0' && c <= '9');
}

static void set_error(struct token *t, const char *msg)
{
	t->kind = TK_ERROR;
	t->err = msg;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* N hex digits at P; -1 if any is not hex. */
static long hex_run(const char *p, size_t avail, int n)
{
	long v = 0;
	if ((size_t)n > avail)
		return -1;
	for (int i = 0; i < n; i++) {
		int h = hexval((unsigned char)p[i]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/* One escape after a backslash at lx->pos; appends its bytes. Returns
 * NULL or an error message. */
static const char *lex_escape(struct lexer *lx, struct strbuf *b, bool bytes)
{
	int c = peekc(lx, 0);
	const char *p = lx->src + lx->pos + 1;
	size_t avail = lx->len - lx->pos - 1;
	static const char simple[] = "\\\\''\"\"n\nr\rt\ta\ab\bf\fv\v";
	for (const char *s = simple; *s; s += 2) {
		if (c == s[0]) {
			sb_addc(b, s[1]);
			lx->pos++;
			return NULL;
		}
	}
	if (c >= '0' && c <= '7') {
		int v = 0, n = 0;
		while (n < 3 && peekc(lx, 0) >= '0' && peekc(lx, 0) <= '7') {
			v = v * 8 + (peekc(lx, 0) - '0');
			lx->pos++;
			n++;
		}
		if (bytes)
			sb_addc(b, (char)(v & 0xff));
		else
			put_utf8(b, (unsigned long)v);
		return NULL;
	}
	int n = c == 'x' ? 2 : (!bytes && c == 'u') ? 4 : (!bytes && c == 'U') ? 8 : 0;
	if (n) {
		long v = hex_run(p, avail, n);
		if (v < 0)
			return c == 'x'   ? N_("truncated \\xXX escape")
			       : c == 'u' ? N_("truncated \\uXXXX escape")
			                  : N_("truncated \\UXXXXXXXX escape");
		if (v > 0x10ffff)
			return N_("illegal Unicode character");
		lx->pos += 1 + (size_t)n;
		if (bytes || c == 'x') {
			if (bytes)
				sb_addc(b, (char)v);
			else
				put_utf8(b, (unsigned long)v);
		} else {
			put_utf8(b, (unsigned long)v);
		}
		return NULL;
	}
	if (!bytes && c == 'N') {
		/* Python looks the name up in its Unicode database; the shell
		 * has none, and a wrong character would be worse than none. */
		const char *close = avail && *p == '{' ? memchr(p, '}', avail) : NULL;
		return close && close > p + 1
		               ? N_("\\N{...} names are not supported: write the "
		                    "character itself, or \\uXXXX")
		               : N_("malformed \\N character escape");
	}
	/* Python keeps an unknown escape as it stands. */
	sb_addc(b, '\\');
	return NULL;
}

size_t lex_nul_at(const char *src, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (src[i] == '\0' ||
		    (src[i] == '\xc0' && i + 1 < len && src[i + 1] == '\x80'))
			return i;
	return len;
}

static void lex_string(struct lexer *lx, struct token *t, bool bytes, bool raw)
{
	char quote = lx->src[lx->pos++];
	struct strbuf b = {0};
	for (;;) {
		int c = peekc(lx, 0);
		if (c < 0) {
			sb_free(&b);
			set_error(t, N_("unterminated string literal"));
			return;
		}
		lx->pos++;
		if (c == quote)
			break;
		if (c == '\\' && !raw) {
			if (peekc(lx, 0) < 0)
				continue;
			const char *e = lex_escape(lx, &b, bytes);
			if (e) {
				sb_free(&b);
				set_error(t, e);
				return;
			}
			continue;
		}
		if (c == '\\' && raw && peekc(lx, 0) == quote) {
			sb_addc(&b, '\\');
			c = peekc(lx, 0);
			lx->pos++;
		}
		if (bytes && c >= 0x80) {
			sb_free(&b);
			set_error(t, N_("bytes can only contain ASCII literal characters"));
			return;
		}
		if (c >= 0x80) {
			/* As Python, which decodes its source as UTF-8 first. */
			size_t n = utf8_seq_len((const unsigned char *)lx->src + lx->pos - 1,
			                        lx->len - lx->pos + 1);
			if (!n) {
				sb_free(&b);
				set_error(t, N_("a string literal must be valid UTF-8"));
				return;
			}
			sb_add(&b, lx->src + lx->pos - 1, n);
			lx->pos += n - 1;
			continue;
		}
		sb_addc(&b, (char)c);
	}
	t->kind = bytes ? TK_BYTES : TK_STR;
	t->slen = b.len;
	t->sval = sb_take(&b);
}

/* x'48 65 6c': hex digits in pairs, spaces allowed between bytes. */
static void lex_hexbytes(struct lexer *lx, struct token *t)
{
	char quote = lx->src[lx->pos++];
	struct strbuf b = {0};
	for (;;) {
		int c = peekc(lx, 0);
		if (c < 0) {
			sb_free(&b);
			set_error(t, N_("unterminated hex bytes literal"));
			return;
		}
		if (c == quote) {
			lx->pos++;
			break;
		}
		if (c == ' ' || c == '\t' || c == ':') {
			lx->pos++;
			continue;
		}
		int hi = hexval(c), lo = hexval(peekc(lx, 1));
		if (hi < 0 || lo < 0) {
			sb_free(&b);
			set_error(t, N_("hex bytes need pairs of hex digits"));
			return;
		}
		sb_addc(&b, (char)(hi * 16 + lo));
		lx->pos += 2;
	}
	t->kind = TK_BYTES;
	t->slen = b.len;
	t->sval = sb_take(&b);
}

/* Digits of BASE with Python's '_' separators (one at a time, between
 * digits, or straight after a base prefix), into *OUT. Returns false on
 * overflow past 64 bits; *BAD is set on a malformed literal. */
static bool lex_digits(struct lexer *lx, int base, bool after_prefix,
                       unsigned long long *out, bool *bad)
{
	unsigned long long v = 0;
	bool any = false, ok = true, under = false;
	*bad = false;
	for (;;) {
		int c = peekc(lx, 0);
		if (c == '_') {
			if (under || (!any && !after_prefix))
				*bad = true;
			under = true;
			lx->pos++;
			continue;
		}
		int d = hexval(c);
		if (d < 0 || d >= base)
			break;
		if (v > (ULLONG_MAX - (unsigned)d) / (unsigned)base)
			ok = false;
		v = v * (unsigned)base + (unsigned)d;
		any = true;
		under = false;
		lx->pos++;
	}
	if (!any || under)
		*bad = true;
	*out = v;
	return ok;
}

/* A decimal float with '_' separators: copy it without them for strtod.
 * Returns false when it is malformed (1e, 1__0.5, 1_.5). */
static bool lex_float(struct lexer *lx, size_t start, double *out)
{
	struct strbuf b = {0};
	size_t i = start;
	const char *s = lx->src;
	bool ok = true, digit = false;
	for (; i < lx->len; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			digit = true;
		} else if (c == '_') {
			bool next_digit = i + 1 < lx->len && s[i + 1] >= '0' && s[i + 1] <= '9';
			if (!digit || !next_digit)
				ok = false;
			continue;
		} else if (c == '.' && !strchr(b.p ? b.p : "", '.') &&
		           !strpbrk(b.p ? b.p : "", "eE")) {
			digit = false;
		} else if ((c == 'e' || c == 'E') && !strpbrk(b.p ? b.p : "", "eE")) {
			sb_addc(&b, c);
			if (i + 1 < lx->len && (s[i + 1] == '+' || s[i + 1] == '-'))
				sb_addc(&b, s[++i]);
			if (!(i + 1 < lx->len && s[i + 1] >= '0' && s[i + 1] <= '9'))
				ok = false;
			digit = false;
			continue;
		} else {
			break;
		}
		sb_addc(&b, c);
	}
	char *end;
	*out = b.p ? strtod(b.p, &end) : 0;
	ok = ok && b.p && *end == '\0';
	sb_free(&b);
	lx->pos = i;
	return ok;
}

static void lex_number(struct lexer *lx, struct token *t)
{
	size_t start = lx->pos;
	bool neg = peekc(lx, 0) == '-';
	if (neg)
		lx->pos++;
	int base = 10;
	if (peekc(lx, 0) == '0' && strchr("xXoObB", peekc(lx, 1) < 0 ? 0 : peekc(lx, 1)) && peekc(lx, 1) > 0) {
		int p = tolower(peekc(lx, 1));
		base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
		lx->pos += 2;
	}
	size_t digits_at = lx->pos;
	unsigned long long v = 0;
	bool bad = false;
	bool ok = lex_digits(lx, base, base != 10, &v, &bad);
	int c = peekc(lx, 0);
	if (base == 10 && (c == '.' || c == 'e' || c == 'E')) {
		double f;
		if (!lex_float(lx, digits_at, &f) || is_name_char(peekc(lx, 0))) {
			set_error(t, N_("invalid number"));
			return;
		}
		t->kind = TK_FLOAT;
		t->fval = neg ? -f : f;
		return;
	}
	if (bad || is_name_char(peekc(lx, 0))) {
		lx->pos = start;
		set_error(t, N_("invalid number"));
		return;
	}
	if (!ok || v > (unsigned long long)LLONG_MAX + (neg ? 1 : 0)) {
		set_error(t, N_("integer too large (sockshell integers are 64-bit)"));
		return;
	}
	t->kind = TK_INT;
	t->ival = neg ? (long long)(0 - v) : (long long)v;
}

static void lex_name(struct lexer *lx, struct token *t)
{
	size_t start = lx->pos;
	while (is_name_char(peekc(lx, 0)))
		lx->pos++;
	t->kind = TK_NAME;
	t->slen = lx->pos - start;
	t->sval = xstrndup(lx->src + start, t->slen);
}

/* A string prefix (b, r, rb, br, x) followed by a quote? */
static bool string_prefix(const struct lexer *lx, bool *bytes, bool *raw,
                          bool *hex, size_t *plen)
{
	*bytes = *raw = *hex = false;
	size_t i = 0;
	for (; i < 2; i++) {
		int c = tolower(peekc(lx, i));
		if (c == 'b' && !*bytes && !*hex)
			*bytes = true;
		else if (c == 'r' && !*raw && !*hex)
			*raw = true;
		else if (c == 'x' && i == 0)
			*hex = true;
		else
			break;
	}
	int q = peekc(lx, i);
	*plen = i;
	return i > 0 && (q == '\'' || q == '"');
}

/* One operator: a character of "()[],=+*|:;.<>-", or a comparison of
 * two (==, !=, <=, >=) as its code (E N L G). A '!' alone is none. */
static void lex_op(struct lexer *lx, struct token *t, int c)
{
	static const char twos[] = "=E!N<L>G";
	const char *two = peekc(lx, 1) == '=' ? strchr(twos, c) : NULL;
	lx->pos += two ? 2 : 1;
	if (c == '!' && !two) {
		set_error(t, N_("unexpected character"));
		return;
	}
	t->kind = TK_OP;
	t->op = two ? two[1] : (char)c;
}

static void lex_token(struct lexer *lx, struct token *t)
{
	int c = peekc(lx, 0);
	bool bytes, raw, hex;
	size_t plen;
	if (c < 0 || c == '#') {
		lx->pos = lx->len;
		t->kind = TK_EOF;
	} else if (c == '\'' || c == '"') {
		lex_string(lx, t, false, false);
	} else if (string_prefix(lx, &bytes, &raw, &hex, &plen)) {
		lx->pos += plen;
		if (hex)
			lex_hexbytes(lx, t);
		else
			lex_string(lx, t, bytes, raw);
	} else if ((c >= '0' && c <= '9') ||
	           (c == '-' && peekc(lx, 1) >= '0' && peekc(lx, 1) <= '9') ||
	           (c == '.' && peekc(lx, 1) >= '0' && peekc(lx, 1) <= '9')) {
		lex_number(lx, t);
	} else if (is_name_start(c)) {
		lex_name(lx, t);
	} else if (c == '-' || strchr("()[],=+*|:;.<>!", c)) {
		lex_op(lx, t, c);
	} else {
		lx->pos++;
		set_error(t, N_("unexpected character"));
	}
}

void lex_next(struct lexer *lx, struct token *t)
{
	size_t before = lx->pos;
	while (lx->pos < lx->len &&
	       (lx->src[lx->pos] == ' ' || lx->src[lx->pos] == '\t' ||
	        lx->src[lx->pos] == '\r' || lx->src[lx->pos] == '\n'))
		lx->pos++;
	memset(t, 0, sizeof *t);
	t->space_before = lx->pos > before || lx->pos == 0;
	t->pos = lx->pos;
	lex_token(lx, t);
	t->len = lx->pos - t->pos;
}
