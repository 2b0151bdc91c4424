/* check_pystruct.c - Python's struct format parser, pack and unpack: the
 * sizes, alignment, byte orders and struct.error texts of CPython 3.11. */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "lang/format.h"
#include "lang/pystruct.h"
#include "strbuf.h"

/* calcsize(FMT), or -1 with the error compared to WANT_ERR. */
static long size_of(const char *fmt, const char *want_err)
{
	struct pys_format f;
	char *err = NULL;
	if (pys_parse(fmt, strlen(fmt), &f, &err)) {
		ck_assert_msg(want_err, "'%s': unexpected error %s", fmt, err);
		ck_assert_str_eq(err, want_err);
		free(err);
		return -1;
	}
	ck_assert_msg(!want_err, "'%s': parsed, wanted %s", fmt, want_err);
	long n = (long)f.size;
	pys_free(&f);
	return n;
}

/* The repr of R, or ERR when there is no R. */
static char *result_text(struct value *r, char *err)
{
	if (!r)
		return err;
	char *s = v_repr(r);
	v_unref(r);
	return s;
}

/* The repr of pack(FMT, the N ints), or the error. */
static char *pack_ints(const char *fmt, size_t n, const long long *v)
{
	struct pys_format f;
	char *err = NULL;
	if (pys_parse(fmt, strlen(fmt), &f, &err))
		return err;
	struct value *args[8];
	for (size_t i = 0; i < n; i++)
		args[i] = v_int(v[i]);
	struct value *r = pys_pack(&f, args, n, &err);
	for (size_t i = 0; i < n; i++)
		v_unref(args[i]);
	pys_free(&f);
	return result_text(r, err);
}

#define PACKS(fmt, want, ...)                                              \
	do {                                                                   \
		const long long v_[] = {__VA_ARGS__};                              \
		char *got_ = pack_ints(fmt, sizeof v_ / sizeof *v_, v_);           \
		ck_assert_str_eq(got_, want);                                      \
		free(got_);                                                        \
	} while (0)

/* The repr of unpack(FMT, the LEN bytes), or the error. */
static char *unpack_of(const char *fmt, const char *p, size_t len)
{
	struct pys_format f;
	char *err = NULL;
	if (pys_parse(fmt, strlen(fmt), &f, &err))
		return err;
	struct value *r = pys_unpack(&f, (const unsigned char *)p, len, &err);
	pys_free(&f);
	return result_text(r, err);
}

#define UNPACKS(fmt, bytes, want)                                          \
	do {                                                                   \
		char *got_ = unpack_of(fmt, bytes, sizeof bytes - 1);              \
		ck_assert_str_eq(got_, want);                                      \
		free(got_);                                                        \
	} while (0)

START_TEST(calcsize_standard_sizes)
{
	ck_assert_int_eq(size_of("!bBhHiIlLqQ", NULL), 1 + 1 + 2 + 2 + 4 + 4 + 4 + 4 + 8 + 8);
	ck_assert_int_eq(size_of("=bq", NULL), 9);
	ck_assert_int_eq(size_of("<4sI", NULL), 8);
	ck_assert_int_eq(size_of("3x", NULL), 3);
	ck_assert_int_eq(size_of("", NULL), 0);
	ck_assert_int_eq(size_of("!", NULL), 0);
}
END_TEST

START_TEST(calcsize_native_alignment)
{
	ck_assert_int_eq(size_of("@bq", NULL), 16);
	ck_assert_int_eq(size_of("bq", NULL), 16);
	ck_assert_int_eq(size_of("@hi", NULL), 8);
	ck_assert_int_eq(size_of("@bl", NULL), 8 + sizeof(long));
	ck_assert_int_eq(size_of("@ci", NULL), 8);
	/* No padding at the end, as Python: the '0q' trick adds it. */
	ck_assert_int_eq(size_of("@qb", NULL), 9);
	ck_assert_int_eq(size_of("@b0q", NULL), 8);
	ck_assert_int_eq(size_of("0q", NULL), 0);
}
END_TEST

START_TEST(format_errors_are_pythons)
{
	size_of("z", "bad char in struct format");
	size_of("!!i", "bad char in struct format");
	size_of("i!", "bad char in struct format");
	size_of(" <i", "bad char in struct format");
	size_of("4 i", "bad char in struct format");
	size_of("4", "repeat count given without format specifier");
	size_of("i 4", "repeat count given without format specifier");
	size_of("99999999999999999999i", "total struct size too long");
	size_of("2147483647q", "total struct size too long");
	/* The padding before a field counts too. */
	size_of("@1073741823xq", "total struct size too long");
	size_of("@1073741823xqqqqqqqq", "total struct size too long");
	size_of("!d", "format 'd' is not supported here (x c b B h H i I l L q "
	        "Q s ?)");
	ck_assert_int_eq(size_of("< i\n", NULL), 4);
}
END_TEST

START_TEST(format_must_be_ascii_without_nul)
{
	struct pys_format f;
	char *err = NULL;
	ck_assert_int_eq(pys_parse("i\0", 2, &f, &err), -1);
	ck_assert_str_eq(err, "embedded null character");
	free(err);
	size_of("\xc3\xa9", "'ascii' codec can't encode character '\\xe9' in "
	        "position 0: ordinal not in range(128)");
}
END_TEST

START_TEST(pack_byte_orders)
{
	PACKS("!HI", "b'\\x00P\\x00\\x00\\x00\\x01'", 80, 1);
	PACKS(">I", "b'\\x01\\x02\\x03\\x04'", 0x01020304);
	PACKS("<I", "b'\\x04\\x03\\x02\\x01'", 0x01020304);
	PACKS("=h", "b'\\xff\\xff'", -1);
	PACKS("@bq", "b'\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x02\\x00\\x00\\x00"
	      "\\x00\\x00\\x00\\x00'", 1, 2);
	PACKS("!q", "b'\\x80\\x00\\x00\\x00\\x00\\x00\\x00\\x00'",
	      -9223372036854775807LL - 1);
	PACKS("3x", "b'\\x00\\x00\\x00'");
	PACKS("2h", "b'\\x01\\x00\\x02\\x00'", 1, 2);
}
END_TEST

START_TEST(pack_range_errors_follow_cpython_tables)
{
	PACKS("b", "byte format requires -128 <= number <= 127", 128);
	PACKS("!B", "ubyte format requires 0 <= number <= 255", -1);
	PACKS("<h", "short format requires -32768 <= number <= 32767", 40000);
	PACKS("!h", "'h' format requires -32768 <= number <= 32767", 40000);
	PACKS("<H", "ushort format requires 0 <= number <= 65535", -1);
	PACKS("!H", "argument out of range", -1);
	PACKS("!H", "'H' format requires 0 <= number <= 65535", 70000);
	PACKS("i", "'i' format requires -2147483648 <= number <= 2147483647",
	      2147483648LL);
	PACKS("<l", "'l' format requires -2147483648 <= number <= 2147483647",
	      2147483648LL);
	PACKS("!I", "argument out of range", -1);
	PACKS("=I", "'I' format requires 0 <= number <= 4294967295", 4294967296LL);
	PACKS("@L", "argument out of range", -1);
	PACKS("<Q", "argument out of range", -1);
	PACKS("!Q", "int too large to convert", -1);
}
END_TEST

START_TEST(pack_counts_and_types)
{
	PACKS("ii", "pack expected 2 items for packing (got 1)", 1);
	PACKS("x", "pack expected 0 items for packing (got 1)", 1);
	PACKS("s", "argument for 's' must be a bytes object", 1);
	PACKS("c", "char format requires a bytes object of length 1", 1);
	PACKS("?", "b'\\x01'", 3);
	struct pys_format f;
	char *err = NULL;
	ck_assert_int_eq(pys_parse("4sc", 3, &f, &err), 0);
	struct value *args[] = {v_bytes("ab", 2), v_str("x", 1)};
	ck_assert_ptr_null(pys_pack(&f, args, 2, &err));
	ck_assert_str_eq(err, "char format requires a bytes object of length 1");
	free(err);
	v_unref(args[1]);
	args[1] = v_bytes("x", 1);
	struct value *r = pys_pack(&f, args, 2, &err);
	char *s = v_repr(r);
	ck_assert_str_eq(s, "b'ab\\x00\\x00x'");
	free(s);
	v_unref(r);
	v_unref(args[0]);
	v_unref(args[1]);
	pys_free(&f);
	args[0] = v_float(1.5);
	ck_assert_int_eq(pys_parse("i", 1, &f, &err), 0);
	ck_assert_ptr_null(pys_pack(&f, args, 1, &err));
	ck_assert_str_eq(err, "required argument is not an integer");
	free(err);
	v_unref(args[0]);
	pys_free(&f);
}
END_TEST

START_TEST(unpack_fields)
{
	UNPACKS("!HI", "\x00P\x00\x00\x00\x01", "(80, 1)");
	UNPACKS("<h", "\xff\xff", "(-1,)");
	UNPACKS("xb", "\x00\xff", "(-1,)");
	UNPACKS("4sc?", "abcde\x02", "(b'abcd', b'e', True)");
	UNPACKS("@bq", "\x01\0\0\0\0\0\0\0\x02\0\0\0\0\0\0\0", "(1, 2)");
	UNPACKS("!q", "\xff\xff\xff\xff\xff\xff\xff\xfe", "(-2,)");
	UNPACKS("", "", "()");
}
END_TEST

START_TEST(unpack_errors)
{
	UNPACKS("!I", "\x01\x02\x03", "unpack requires a buffer of 4 bytes");
	UNPACKS("", "a", "unpack requires a buffer of 0 bytes");
	/* The shell's integers are 64-bit signed: the one deliberate gap. */
	UNPACKS("Q", "\xff\xff\xff\xff\xff\xff\xff\xff",
	        "18446744073709551615 does not fit the shell's 64-bit integers");
}
END_TEST

Suite *make_pystruct_suite(void)
{
	Suite *s = suite_create("pystruct");
	TCase *fmt = tcase_create("format");
	tcase_add_test(fmt, calcsize_standard_sizes);
	tcase_add_test(fmt, calcsize_native_alignment);
	tcase_add_test(fmt, format_errors_are_pythons);
	tcase_add_test(fmt, format_must_be_ascii_without_nul);
	TCase *pack = tcase_create("pack");
	tcase_add_test(pack, pack_byte_orders);
	tcase_add_test(pack, pack_range_errors_follow_cpython_tables);
	tcase_add_test(pack, pack_counts_and_types);
	tcase_add_test(pack, unpack_fields);
	tcase_add_test(pack, unpack_errors);
	suite_add_tcase(s, fmt);
	suite_add_tcase(s, pack);
	return s;
}
