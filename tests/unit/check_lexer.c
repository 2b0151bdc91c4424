/* check_lexer.c - the lexer: every literal form as Python reads it (checked
 * against python3), token offsets, comments and punctuation. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/lexer.h"
#include "utf8.h"
#include "suites.h"

/* The first token of SRC; the caller frees it. */
static void first(const char *src, struct lexer *lx, struct token *t)
{
	lex_init(lx, src, strlen(src));
	lex_next(lx, t);
}

/* SRC must be one token of KIND and nothing after it. */
static void one(const char *src, enum tok kind, struct token *t)
{
	struct lexer lx;
	struct token end;

	first(src, &lx, t);
	ck_assert_msg(t->kind == kind, "%s: kind %d, want %d (%s)", src,
		      t->kind, kind, t->kind == TK_ERROR ? t->err : "");
	ck_assert_msg(t->pos == 0 && t->len == strlen(src), "%s: span %zu+%zu",
		      src, t->pos, t->len);
	lex_next(&lx, &end);
	ck_assert_msg(end.kind == TK_EOF, "%s: more after the token", src);
}

static void int_is(const char *src, long long want)
{
	struct token t;

	one(src, TK_INT, &t);
	ck_assert_msg(t.ival == want, "%s: %lld, want %lld", src, t.ival, want);
}

static void float_is(const char *src, double want)
{
	struct token t;

	one(src, TK_FLOAT, &t);
	ck_assert_msg(t.fval == want, "%s: %.17g, want %.17g", src, t.fval,
		      want);
}

/* SRC must be one TK_STR or TK_BYTES token holding the LEN bytes WANT. */
static void text_is(const char *src, enum tok kind, const char *want,
		    size_t len)
{
	struct token t;

	one(src, kind, &t);
	ck_assert_msg(t.slen == len, "%s: %zu bytes, want %zu", src, t.slen,
		      len);
	ck_assert_msg(!memcmp(t.sval, want, len), "%s: wrong bytes", src);
	ck_assert_int_eq(t.sval[len], '\0');
	tok_free(&t);
	ck_assert_ptr_null(t.sval);
}

#define STR_IS(src, lit) text_is(src, TK_STR, lit, sizeof(lit) - 1)
#define BYTES_IS(src, lit) text_is(src, TK_BYTES, lit, sizeof(lit) - 1)

/* The first token of SRC must be an error saying MSG. */
static void error_is(const char *src, const char *msg)
{
	struct lexer lx;
	struct token t;

	first(src, &lx, &t);
	ck_assert_msg(t.kind == TK_ERROR, "%s: kind %d, want an error", src,
		      t.kind);
	ck_assert_str_eq(t.err, msg);
	ck_assert_ptr_null(t.sval);
}

#define TOO_LARGE "integer too large (sockshell integers are 64-bit)"

/* ---- integers ----------------------------------------------------- */

START_TEST(int_decimal)
{
	int_is("0", 0);
	int_is("80", 80);
	int_is("007", 7);
	int_is("65535", 65535);
}
END_TEST

START_TEST(int_every_base_and_case)
{
	int_is("0x50", 80);
	int_is("0X50", 80);
	int_is("0xfF", 255);
	int_is("0o120", 80);
	int_is("0O120", 80);
	int_is("0b1010000", 80);
	int_is("0B1010000", 80);
}
END_TEST

START_TEST(int_underscores_between_digits)
{
	int_is("1_000_000", 1000000);
	int_is("0b1_0", 2);
	int_is("0xff_ff", 0xffff);
	int_is("0o1_7", 15);
}
END_TEST

/* Python: 0x_ff == 255, an underscore may follow the base prefix. */
/* Regression test; once: the lexer refuses '_' straight after 0x/0o/0b: `0x_ff` is
 * "invalid number", Python reads 255. */
START_TEST(int_underscore_after_base_prefix)
{
	int_is("0x_ff", 255);
	int_is("0b_1", 1);
}
END_TEST

/* Python: 1__0 and 1_ are "invalid decimal literal". */
/* Regression test; once: the lexer accepts `1__0` (as 10) and a trailing `1_`. */
START_TEST(int_misplaced_underscore_is_error)
{
	error_is("1__0", "invalid number");
	error_is("1_", "invalid number");
}
END_TEST

START_TEST(int_negative)
{
	int_is("-1", -1);
	int_is("-0x10", -16);
	int_is("-9223372036854775808", LLONG_MIN);
}
END_TEST

START_TEST(int_64bit_limits)
{
	int_is("9223372036854775807", LLONG_MAX);
	int_is("0x7fffffffffffffff", LLONG_MAX);
	error_is("9223372036854775808", TOO_LARGE);
	error_is("-9223372036854775809", TOO_LARGE);
	error_is("0xffffffffffffffff", TOO_LARGE);
}
END_TEST

START_TEST(int_overflow_past_64_bits)
{
	error_is("18446744073709551616", TOO_LARGE);
	error_is("0x1_0000_0000_0000_0000", TOO_LARGE);
	error_is("99999999999999999999999999999999", TOO_LARGE);
	error_is("-0b1"
		 "0000000000000000000000000000000000000000000000000000000"
		 "000000000",
		 TOO_LARGE);
}
END_TEST

START_TEST(int_malformed)
{
	error_is("0x", "invalid number");
	error_is("0b2", "invalid number");
	error_is("0o8", "invalid number");
	error_is("12abc", "invalid number");
	error_is("0x1g", "invalid number");
}
END_TEST

/* ---- floats ----------------------------------------------------------- */

START_TEST(float_forms)
{
	float_is("1.5", 1.5);
	float_is(".5", 0.5);
	float_is("1.", 1.0);
	float_is("1e3", 1000.0);
	float_is("1E3", 1000.0);
	float_is("1.5e-5", 1.5e-5);
	float_is("2.5e+2", 250.0);
	float_is("-2.5", -2.5);
	float_is("0.0", 0.0);
}
END_TEST

START_TEST(float_overflow_is_inf)
{
	struct token t;

	one("2e308", TK_FLOAT, &t);
	ck_assert(isinf(t.fval) && t.fval > 0);
	one("-1e400", TK_FLOAT, &t);
	ck_assert(isinf(t.fval) && t.fval < 0);
	float_is("5e-324", 5e-324);
}
END_TEST

START_TEST(float_negative_zero_keeps_sign)
{
	struct token t;

	one("-0.0", TK_FLOAT, &t);
	ck_assert(t.fval == 0.0 && signbit(t.fval));
}
END_TEST

/* Python: 1_000.5 == 1000.5. */
/* Regression test; once: `1_000.5` lexes as the float 1.0 followed by the name _000. */
START_TEST(float_with_underscores)
{
	float_is("1_000.5", 1000.5);
}
END_TEST

/* Python: 1e is "invalid decimal literal", not 1.0 followed by e. */
/* Regression test; once: `1e` lexes as the float 1.0 followed by the name e. */
START_TEST(float_exponent_without_digits_is_error)
{
	error_is("1e", "invalid number");
	error_is("1e+", "invalid number");
}
END_TEST

/* ---- strings ---------------------------------------------------------- */

START_TEST(string_either_quote)
{
	STR_IS("'a\"b'", "a\"b");
	STR_IS("\"a'b\"", "a'b");
	STR_IS("''", "");
	STR_IS("\"\"", "");
	STR_IS("'a b  c'", "a b  c");
}
END_TEST

START_TEST(string_simple_escapes)
{
	STR_IS("'\\\\\\'\\\"\\n\\r\\t\\a\\b\\f\\v'", "\\'\"\n\r\t\a\b\f\v");
	STR_IS("\"\\\"\"", "\"");
}
END_TEST

START_TEST(string_octal_escapes)
{
	STR_IS("'\\0'", "\0");
	STR_IS("'\\101'", "A");
	STR_IS("'\\1012'", "A2"); /* three digits at most */
	STR_IS("'\\08'", "\0"
			 "8");
	/* In a str an octal escape is a code point: '\400' == 'Ā'. */
	STR_IS("'\\400'", "\xc4\x80");
	STR_IS("'\\777'", "\xc7\xbf");
}
END_TEST

START_TEST(string_hex_and_unicode_escapes)
{
	STR_IS("'\\x41\\x7e'", "A~");
	STR_IS("'\\xe9'", "\xc3\xa9"); /* U+00E9 in UTF-8 */
	STR_IS("'\\u00e9\\u20AC'", "\xc3\xa9\xe2\x82\xac");
	STR_IS("'\\U0001F600'", "\xf0\x9f\x98\x80");
	STR_IS("'\\x00'", "\0");
}
END_TEST

START_TEST(string_unknown_escape_kept)
{
	STR_IS("'\\q'", "\\q");
	BYTES_IS("b'\\N'", "\\N"); /* \N means nothing in bytes */
	STR_IS("'a\\ b'", "a\\ b");
}
END_TEST

START_TEST(string_bad_escapes)
{
	error_is("'\\x4'", "truncated \\xXX escape");
	error_is("'\\xg0'", "truncated \\xXX escape");
	error_is("'\\u12'", "truncated \\uXXXX escape");
	error_is("'\\U0011ffff'", "illegal Unicode character");
	error_is("'\\x", "truncated \\xXX escape");
	error_is("'\\N'", "malformed \\N character escape");
	error_is("'\\N{}'", "malformed \\N character escape");
	error_is("'\\N{x'", "malformed \\N character escape");
	error_is("'\\N{BULLET}'", "\\N{...} names are not supported: write "
		 "the character itself, or \\uXXXX");
}
END_TEST

/* Python: '\U1234' is "truncated \UXXXXXXXX escape". */
/* Regression test; once: a short \U escape is reported as "truncated \uXXXX escape". */
START_TEST(string_truncated_long_unicode_escape_named)
{
	error_is("'\\U1234'", "truncated \\UXXXXXXXX escape");
}
END_TEST

START_TEST(string_non_ascii_kept_as_utf8)
{
	STR_IS("'h\xc3\xa9llo'", "h\xc3\xa9llo");
	STR_IS("'\xf0\x9f\x98\x80'", "\xf0\x9f\x98\x80");
}
END_TEST

/* Python decodes its source as UTF-8 before it reads a literal: a byte
 * that is not part of a valid sequence is an error, not a character. */
START_TEST(string_invalid_utf8_is_error)
{
	const char *msg = "a string literal must be valid UTF-8";
	error_is("'caf\xe9'", msg);          /* Latin-1, not UTF-8 */
	error_is("'\xc3('", msg);            /* a lead byte without its tail */
	error_is("'\xc0\xaf'", msg);         /* overlong */
	error_is("'\xed\xa0\x80'", msg);     /* a surrogate */
	error_is("'\xf4\x90\x80\x80'", msg); /* past U+10FFFF */
	error_is("'\xff'", msg);
	error_is("r'\x80'", msg);
}
END_TEST

START_TEST(utf8_sequence_lengths)
{
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)"a", 1), 1);
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)"\xc3\xa9", 2), 2);
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)"\xe2\x82\xac", 3), 3);
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)"\xf4\x8f\xbf\xbf", 4), 4);
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)"\xe2\x82\xac", 2), 0);
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)"\xe0\x80\x80", 3), 0);
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)"\xf0\x80\x80\x80", 4), 0);
	ck_assert_uint_eq(utf8_seq_len((const unsigned char *)"", 0), 0);
}
END_TEST

/* Python's UnicodeDecodeError text for the first fault of S. */
static void fault_is(const char *s, const char *want)
{
	const unsigned char *p = (const unsigned char *)s;
	struct utf8_step bad;
	size_t at = utf8_first_fault(p, strlen(s), &bad);
	ck_assert_uint_lt(at, strlen(s));
	char *got = utf8_fault_text(p, at, bad);
	ck_assert_str_eq(got, want);
	free(got);
}

/* The texts of b'...'.decode() in CPython 3.11. */
START_TEST(utf8_faults_as_python_names_them)
{
	fault_is("ok\xff", "'utf-8' codec can't decode byte 0xff in position 2: "
	                    "invalid start byte");
	fault_is("\xed\xa0\x80", "'utf-8' codec can't decode byte 0xed in "
	                         "position 0: invalid continuation byte");
	fault_is("x\xe2\x82y", "'utf-8' codec can't decode bytes in position 1-2: "
	                       "invalid continuation byte");
	fault_is("\xf0\x9f\x98", "'utf-8' codec can't decode bytes in position "
	                         "0-2: unexpected end of data");
	fault_is("\xc0\x80", "'utf-8' codec can't decode byte 0xc0 in position 0: "
	                     "invalid start byte");
}
END_TEST

/* os.fsdecode: a byte that is not UTF-8 becomes U+DC00 + byte (as WTF-8
 * in a str), and os.fsencode gives it back. */
START_TEST(utf8_surrogateescape_round_trip)
{
	struct strbuf s = {0}, back = {0};
	utf8_fsdecode(&s, (const unsigned char *)"a\xff\xfe\xc3\xa9", 5);
	ck_assert_uint_eq(s.len, 9);
	ck_assert_int_eq(memcmp(s.p, "a\xed\xb3\xbf\xed\xb3\xbe\xc3\xa9", 9), 0);
	struct utf8_step st = utf8_step((const unsigned char *)s.p + 1, 8, true);
	ck_assert_int_eq(st.fault, UTF8_OK);
	ck_assert_uint_eq(st.cp, 0xdcff);
	ck_assert_int_eq(utf8_step((const unsigned char *)s.p + 1, 8, false).fault,
	                 UTF8_INVALID_CONTINUATION);
	utf8_fsencode(&back, s.p, s.len);
	ck_assert_uint_eq(back.len, 5);
	ck_assert_int_eq(memcmp(back.p, "a\xff\xfe\xc3\xa9", 5), 0);
	free(s.p);
	free(back.p);
}
END_TEST

START_TEST(nul_found_raw_or_as_c0_80)
{
	ck_assert_uint_eq(lex_nul_at("abc", 3), 3);
	ck_assert_uint_eq(lex_nul_at("a\0c", 3), 1);
	ck_assert_uint_eq(lex_nul_at("ab\xc0\x80", 4), 2);
	ck_assert_uint_eq(lex_nul_at("ab\xc0", 3), 3); /* C0 alone: no NUL */
}
END_TEST

START_TEST(string_unterminated)
{
	error_is("'abc", "unterminated string literal");
	error_is("\"abc'", "unterminated string literal");
	error_is("'", "unterminated string literal");
	error_is("'abc\\'", "unterminated string literal");
	error_is("'abc\\", "unterminated string literal");
	error_is("b'abc", "unterminated string literal");
	error_is("r'abc", "unterminated string literal");
}
END_TEST

/* ---- bytes, raw and hex literals ------------------------------------ */

START_TEST(bytes_literal_and_escapes)
{
	BYTES_IS("b'hi\\n'", "hi\n");
	BYTES_IS("B\"x\"", "x");
	BYTES_IS("b''", "");
	BYTES_IS("b'\\x00\\xff\\x80'", "\0\xff\x80");
	BYTES_IS("b'\\0\\101\\377'", "\0A\xff");
	/* Python: b'\400' == b'\x00', the octal value modulo 256. */
	BYTES_IS("b'\\400'", "\0");
}
END_TEST

/* \u, \U and \N mean nothing in bytes: kept as written. */
START_TEST(bytes_keep_unicode_escapes)
{
	BYTES_IS("b'\\u0041'", "\\u0041");
	BYTES_IS("b'\\U00000041'", "\\U00000041");
	BYTES_IS("b'\\N'", "\\N");
}
END_TEST

START_TEST(bytes_non_ascii_is_error)
{
	error_is("b'\xc3\xa9'",
		 "bytes can only contain ASCII literal characters");
	error_is("rb'\xff'", "bytes can only contain ASCII literal characters");
}
END_TEST

START_TEST(raw_strings)
{
	STR_IS("r'\\n'", "\\n");
	STR_IS("R'\\x'", "\\x");
	STR_IS("r'\\''", "\\'");
	STR_IS("r\"a\\\"b\"", "a\\\"b");
	BYTES_IS("rb'\\x00'", "\\x00");
	BYTES_IS("br'\\x00'", "\\x00");
	BYTES_IS("Rb'\\n'", "\\n");
	BYTES_IS("bR'\\n'", "\\n");
}
END_TEST

START_TEST(hex_bytes)
{
	BYTES_IS("x'48 65 6c'", "Hel");
	BYTES_IS("X'4865'", "He");
	BYTES_IS("x\"48:65\"", "He");
	BYTES_IS("x'00ff'", "\0\xff");
	BYTES_IS("x'DEAD beef'", "\xde\xad\xbe\xef");
	BYTES_IS("x''", "");
}
END_TEST

START_TEST(hex_bytes_errors)
{
	error_is("x'4'", "hex bytes need pairs of hex digits");
	error_is("x'4g'", "hex bytes need pairs of hex digits");
	error_is("x'48 6'", "hex bytes need pairs of hex digits");
	error_is("x'48", "unterminated hex bytes literal");
}
END_TEST

/* A prefix letter without a quote is a plain name. */
START_TEST(prefix_letters_without_quote_are_names)
{
	static const char *const names[] = {"b",  "r",	"x",	 "rb", "br",
					    "bx", "xb", "bytes", "rbx"};

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		struct token t;

		one(names[i], TK_NAME, &t);
		ck_assert_str_eq(t.sval, names[i]);
		tok_free(&t);
	}
}
END_TEST

/* ---- names, offsets, comments and punctuation ------------------------ */

START_TEST(names)
{
	struct token t;

	one("abc_1", TK_NAME, &t);
	ck_assert_str_eq(t.sval, "abc_1");
	ck_assert_uint_eq(t.slen, 5);
	tok_free(&t);
	one("_", TK_NAME, &t);
	ck_assert_str_eq(t.sval, "_");
	tok_free(&t);
	one("AF_INET6", TK_NAME, &t);
	ck_assert_str_eq(t.sval, "AF_INET6");
	tok_free(&t);
}
END_TEST

/* Walk "  s.recv 10\t'x'" and check where each token lies. */
START_TEST(offsets_and_space_before)
{
	static const struct {
		enum tok kind;
		size_t pos, len;
		bool space;
	} want[] = {{TK_NAME, 2, 1, true},  {TK_OP, 3, 1, false},
		    {TK_NAME, 4, 4, false}, {TK_INT, 9, 2, true},
		    {TK_STR, 12, 3, true},  {TK_EOF, 15, 0, false}};
	const char *src = "  s.recv 10\t'x'";
	struct lexer lx;

	lex_init(&lx, src, strlen(src));
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		struct token t;

		lex_next(&lx, &t);
		ck_assert_msg(t.kind == want[i].kind, "token %zu", i);
		ck_assert_uint_eq(t.pos, want[i].pos);
		ck_assert_uint_eq(t.len, want[i].len);
		ck_assert_int_eq(t.space_before, want[i].space);
		tok_free(&t);
	}
}
END_TEST

START_TEST(first_token_counts_as_spaced)
{
	struct lexer lx;
	struct token t;

	first("x", &lx, &t);
	ck_assert(t.space_before);
	tok_free(&t);
	lex_next(&lx, &t);
	ck_assert_int_eq(t.kind, TK_EOF);
	ck_assert(!t.space_before);
}
END_TEST

START_TEST(prefixed_literal_span_covers_prefix_and_quotes)
{
	struct lexer lx;
	struct token t;

	first(" rb'ab' x'4865'", &lx, &t);
	ck_assert_int_eq(t.kind, TK_BYTES);
	ck_assert_uint_eq(t.pos, 1);
	ck_assert_uint_eq(t.len, 6);
	tok_free(&t);
	lex_next(&lx, &t);
	ck_assert_int_eq(t.kind, TK_BYTES);
	ck_assert_uint_eq(t.pos, 8);
	ck_assert_uint_eq(t.len, 7);
	tok_free(&t);
}
END_TEST

START_TEST(whitespace_kinds_separate_tokens)
{
	struct lexer lx;
	struct token t;
	const char *src = "a\tb\r\nc";

	lex_init(&lx, src, strlen(src));
	for (size_t i = 0; i < 3; i++) {
		lex_next(&lx, &t);
		ck_assert_int_eq(t.kind, TK_NAME);
		ck_assert_int_eq(t.sval[0], 'a' + (int)i);
		ck_assert(t.space_before);
		tok_free(&t);
	}
	lex_next(&lx, &t);
	ck_assert_int_eq(t.kind, TK_EOF);
}
END_TEST

START_TEST(comment_ends_the_line)
{
	struct lexer lx;
	struct token t;
	const char *src = "x # s.close; 'unterminated";

	first(src, &lx, &t);
	ck_assert_int_eq(t.kind, TK_NAME);
	tok_free(&t);
	lex_next(&lx, &t);
	ck_assert_int_eq(t.kind, TK_EOF);
	ck_assert_uint_eq(t.pos, 2);
	ck_assert_uint_eq(lx.pos, strlen(src));
	/* A '#' inside quotes is text. */
	STR_IS("'#no comment'", "#no comment");
	first("#only", &lx, &t);
	ck_assert_int_eq(t.kind, TK_EOF);
}
END_TEST

START_TEST(every_operator)
{
	const char *ops = "()[],=+*|:;.<>-";
	struct lexer lx;

	lex_init(&lx, ops, strlen(ops));
	for (size_t i = 0; ops[i]; i++) {
		struct token t;

		lex_next(&lx, &t);
		ck_assert_int_eq(t.kind, TK_OP);
		ck_assert_int_eq(t.op, ops[i]);
		ck_assert_uint_eq(t.pos, i);
		ck_assert_uint_eq(t.len, 1);
		ck_assert_int_eq(t.space_before, i == 0);
	}
}
END_TEST

/* == != <= >= are one token each, by their codes E N L G. */
START_TEST(two_character_comparisons)
{
	const char *src = "== != <= >= =";
	const char want[] = "ENLG=";
	struct lexer lx;

	lex_init(&lx, src, strlen(src));
	for (size_t i = 0; want[i]; i++) {
		struct token t;

		lex_next(&lx, &t);
		ck_assert_int_eq(t.kind, TK_OP);
		ck_assert_int_eq(t.op, want[i]);
		ck_assert_uint_eq(t.pos, 3 * i);
		ck_assert_uint_eq(t.len, want[i] == '=' ? 1 : 2);
	}
}
END_TEST

START_TEST(unexpected_characters)
{
	static const char *const bad[] = {"{", "}", "$", "!", "!x",
					  "&", "\xc3\xa9", "@", "/", "%"};

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct lexer lx;
		struct token t;

		first(bad[i], &lx, &t);
		ck_assert_msg(t.kind == TK_ERROR, "%s", bad[i]);
		ck_assert_str_eq(t.err, "unexpected character");
		ck_assert_uint_eq(t.pos, 0);
		ck_assert_uint_eq(t.len, 1);
	}
}
END_TEST

START_TEST(eof_repeats)
{
	struct lexer lx;
	struct token t;

	first("", &lx, &t);
	ck_assert_int_eq(t.kind, TK_EOF);
	ck_assert_uint_eq(t.pos, 0);
	lex_next(&lx, &t);
	ck_assert_int_eq(t.kind, TK_EOF);
	first("   ", &lx, &t);
	ck_assert_int_eq(t.kind, TK_EOF);
	ck_assert_uint_eq(t.pos, 3);
}
END_TEST

/* The lexer reads LEN bytes, not up to a NUL: a NUL inside is text. */
START_TEST(length_bounds_the_input)
{
	struct lexer lx;
	struct token t;

	lex_init(&lx, "12345", 2);
	lex_next(&lx, &t);
	ck_assert_int_eq(t.kind, TK_INT);
	ck_assert_int_eq(t.ival, 12);
	lex_init(&lx, "'a\0b'", 5);
	lex_next(&lx, &t);
	ck_assert_int_eq(t.kind, TK_STR);
	ck_assert_uint_eq(t.slen, 3);
	ck_assert_mem_eq(t.sval, "a\0b", 3);
	tok_free(&t);
}
END_TEST

/* A number runs into the next token only through name characters. */
START_TEST(number_then_operator)
{
	struct lexer lx;
	struct token t;

	first("3*b'x'", &lx, &t);
	ck_assert_int_eq(t.kind, TK_INT);
	ck_assert_int_eq(t.ival, 3);
	lex_next(&lx, &t);
	ck_assert_int_eq(t.kind, TK_OP);
	ck_assert_int_eq(t.op, '*');
	first("1:5", &lx, &t);
	ck_assert_int_eq(t.kind, TK_INT);
	ck_assert_uint_eq(t.len, 1);
	first("127.0.0.1", &lx, &t);
	ck_assert_int_eq(t.kind, TK_FLOAT);
	ck_assert_uint_eq(t.len, 5);
}
END_TEST

Suite *make_lexer_suite(void)
{
	Suite *s = suite_create("lexer");
	TCase *lit = tcase_create("literals");
	TCase *tok = tcase_create("tokens");

	tcase_add_test(lit, int_decimal);
	tcase_add_test(lit, int_every_base_and_case);
	tcase_add_test(lit, int_underscores_between_digits);
	tcase_add_test(lit, int_underscore_after_base_prefix);
	tcase_add_test(lit, int_misplaced_underscore_is_error);
	tcase_add_test(lit, int_negative);
	tcase_add_test(lit, int_64bit_limits);
	tcase_add_test(lit, int_overflow_past_64_bits);
	tcase_add_test(lit, int_malformed);
	tcase_add_test(lit, float_forms);
	tcase_add_test(lit, float_overflow_is_inf);
	tcase_add_test(lit, float_negative_zero_keeps_sign);
	tcase_add_test(lit, float_with_underscores);
	tcase_add_test(lit, float_exponent_without_digits_is_error);
	tcase_add_test(lit, string_either_quote);
	tcase_add_test(lit, string_simple_escapes);
	tcase_add_test(lit, string_octal_escapes);
	tcase_add_test(lit, string_hex_and_unicode_escapes);
	tcase_add_test(lit, string_unknown_escape_kept);
	tcase_add_test(lit, string_bad_escapes);
	tcase_add_test(lit, string_truncated_long_unicode_escape_named);
	tcase_add_test(lit, string_non_ascii_kept_as_utf8);
	tcase_add_test(lit, string_invalid_utf8_is_error);
	tcase_add_test(lit, utf8_sequence_lengths);
	tcase_add_test(lit, nul_found_raw_or_as_c0_80);
	tcase_add_test(lit, string_unterminated);
	tcase_add_test(lit, bytes_literal_and_escapes);
	tcase_add_test(lit, bytes_keep_unicode_escapes);
	tcase_add_test(lit, bytes_non_ascii_is_error);
	tcase_add_test(lit, raw_strings);
	tcase_add_test(lit, hex_bytes);
	tcase_add_test(lit, hex_bytes_errors);
	tcase_add_test(tok, prefix_letters_without_quote_are_names);
	tcase_add_test(tok, names);
	tcase_add_test(tok, offsets_and_space_before);
	tcase_add_test(tok, first_token_counts_as_spaced);
	tcase_add_test(tok, prefixed_literal_span_covers_prefix_and_quotes);
	tcase_add_test(tok, whitespace_kinds_separate_tokens);
	tcase_add_test(tok, comment_ends_the_line);
	tcase_add_test(tok, every_operator);
	tcase_add_test(tok, two_character_comparisons);
	tcase_add_test(tok, unexpected_characters);
	tcase_add_test(tok, eof_repeats);
	tcase_add_test(tok, length_bounds_the_input);
	tcase_add_test(tok, number_then_operator);
	tcase_add_test(tok, utf8_faults_as_python_names_them);
	tcase_add_test(tok, utf8_surrogateescape_round_trip);
	suite_add_tcase(s, lit);
	suite_add_tcase(s, tok);
	return s;
}
