/* check_pycodec.c - utf-8, ascii and latin-1 as CPython 3.11 decodes and
 * encodes them: results, error positions and texts, handlers, names. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "lang/pycodec.h"

/* The text decoded from (DECODE) or the bytes encoded into (else) the LEN
 * bytes at P, or "!" and the error. */
static char *coded(bool decode, const char *enc, const char *errors,
                   const char *p, size_t len)
{
	enum pyc_codec c;
	char *err = NULL;
	struct strbuf out = {0};
	int r = pyc_lookup(enc, &c, &err);
	if (!r && decode)
		r = pyc_decode(c, errors, (const unsigned char *)p, len, &out, &err);
	else if (!r)
		r = pyc_encode(c, errors, p, len, &out, &err);
	if (r) {
		sb_free(&out);
		char *msg = xasprintf("!%s", err);
		free(err);
		return msg;
	}
	sb_addc(&out, '\0');
	return sb_take(&out);
}

#define CODES(decode, enc, errors, p, len, want)                           \
	do {                                                                   \
		char *got_ = coded(decode, enc, errors, p, len);                   \
		ck_assert_str_eq(got_, want);                                      \
		free(got_);                                                        \
	} while (0)
#define DECODES(enc, errors, bytes, want)                                  \
	CODES(true, enc, errors, bytes, sizeof bytes - 1, want)
#define ENCODES(enc, errors, s, want) CODES(false, enc, errors, s, strlen(s), want)

START_TEST(utf8_decode_errors_name_cpythons_ranges)
{
	DECODES("utf-8", "strict", "caf\xc3\xa9", "caf\xc3\xa9");
	DECODES("utf-8", "strict", "\xe2\x82", "!'utf-8' codec can't decode bytes "
	        "in position 0-1: unexpected end of data");
	DECODES("utf-8", "strict", "\xe2\x28\xa1", "!'utf-8' codec can't decode "
	        "byte 0xe2 in position 0: invalid continuation byte");
	DECODES("utf-8", "strict", "\xe0", "!'utf-8' codec can't decode byte 0xe0 "
	        "in position 0: unexpected end of data");
	DECODES("utf-8", "strict", "\xe0\x80", "!'utf-8' codec can't decode byte "
	        "0xe0 in position 0: invalid continuation byte");
	DECODES("utf-8", "strict", "\xed\xa0\x80", "!'utf-8' codec can't decode "
	        "byte 0xed in position 0: invalid continuation byte");
	DECODES("utf-8", "strict", "\xf4\x90\x80\x80", "!'utf-8' codec can't "
	        "decode byte 0xf4 in position 0: invalid continuation byte");
	DECODES("utf-8", "strict", "ab\xc0\xaf", "!'utf-8' codec can't decode "
	        "byte 0xc0 in position 2: invalid start byte");
}
END_TEST

START_TEST(decode_handlers)
{
	DECODES("utf-8", "replace", "a\xff" "b", "a\xef\xbf\xbd" "b");
	/* One U+FFFD for the whole truncated sequence, as CPython. */
	DECODES("utf-8", "replace", "\xe2\x82x", "\xef\xbf\xbdx");
	DECODES("UTF8", "ignore", "\xff", "");
	DECODES("ascii", "strict", "\xe9\xe9", "!'ascii' codec can't decode byte "
	        "0xe9 in position 0: ordinal not in range(128)");
	DECODES("ascii", "replace", "\xe9\xe9", "\xef\xbf\xbd\xef\xbf\xbd");
	DECODES("latin-1", "strict", "\xe9", "\xc3\xa9");
	/* The handler is looked up only when an error needs it. */
	DECODES("utf-8", "foo", "a", "a");
	DECODES("utf-8", "foo", "\xff", "!unknown error handler name 'foo'");
	DECODES("utf-8", "backslashreplace", "\xff", "!error handler "
	        "'backslashreplace' is not supported here (strict, replace, ignore)");
}
END_TEST

START_TEST(encode_errors_and_handlers)
{
	ENCODES("utf-8", "strict", "caf\xc3\xa9", "caf\xc3\xa9");
	ENCODES("ascii", "strict", "\xc3\xa9", "!'ascii' codec can't encode "
	        "character '\\xe9' in position 0: ordinal not in range(128)");
	ENCODES("ascii", "strict", "\xc3\xa9\xc3\xa9!", "!'ascii' codec can't "
	        "encode characters in position 0-1: ordinal not in range(128)");
	ENCODES("latin-1", "strict", "a\xe2\x82\xac" "b", "!'latin-1' codec can't "
	        "encode character '\\u20ac' in position 1: ordinal not in range(256)");
	ENCODES("ascii", "strict", "\xf0\x9f\x98\x80", "!'ascii' codec can't "
	        "encode character '\\U0001f600' in position 0: ordinal not in "
	        "range(128)");
	ENCODES("ascii", "replace", "\xc3\xa9\xe2\x82\xacx", "??x");
	ENCODES("latin1", "ignore", "\xc3\xa9\xe2\x82\xacx", "\xe9x");
	ENCODES("US-ASCII", "foo", "abc", "abc");
}
END_TEST

START_TEST(codec_names_as_python_spells_them)
{
	enum pyc_codec c;
	char *err = NULL;
	const char *utf8[] = {"utf-8", "UTF-8", "utf8", "utf_8", "U8", " utf-8 "};
	for (size_t i = 0; i < sizeof utf8 / sizeof *utf8; i++) {
		ck_assert_int_eq(pyc_lookup(utf8[i], &c, &err), 0);
		ck_assert_int_eq(c, PYC_UTF8);
	}
	ck_assert_int_eq(pyc_lookup("ISO-8859-1", &c, &err), 0);
	ck_assert_int_eq(c, PYC_LATIN1);
	ck_assert_int_eq(pyc_lookup("us-ascii", &c, &err), 0);
	ck_assert_int_eq(c, PYC_ASCII);
	ck_assert_int_eq(pyc_lookup("utf-16x", &c, &err), -1);
	ck_assert_str_eq(err, "unknown encoding: utf-16x (this shell knows utf-8, "
	                 "ascii and latin-1)");
	free(err);
}
END_TEST

Suite *make_pycodec_suite(void)
{
	Suite *s = suite_create("pycodec");
	TCase *t = tcase_create("codecs");
	tcase_add_test(t, utf8_decode_errors_name_cpythons_ranges);
	tcase_add_test(t, decode_handlers);
	tcase_add_test(t, encode_errors_and_handlers);
	tcase_add_test(t, codec_names_as_python_spells_them);
	suite_add_tcase(s, t);
	return s;
}
