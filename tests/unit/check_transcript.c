/* check_transcript.c - transcript parsing, "..." matching and the unified
 * diff. Expected diffs are what GNU `diff -u --label A --label B` prints. */
#include "suites.h"
#include "session/record.h"
#include "session/shell.h"
#include "session/transcript.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NELEM(v) (sizeof(v) / sizeof((v)[0]))

/* Parses a string literal, NULs included (sizeof less the final NUL). */
#define PARSE(t, lit)                                                          \
	ck_assert_int_eq(transcript_parse(lit, sizeof(lit) - 1, t), 0)

static void assert_lines(char *const *got, size_t ngot, const char *const *want,
			 size_t nwant)
{
	size_t i;

	ck_assert_uint_eq(ngot, nwant);
	for (i = 0; i < nwant; i++)
		ck_assert_str_eq(got[i], want[i]);
}

static void assert_case(const struct tr_case *c, const char *stmt, int line,
			const char *const *want, size_t nwant)
{
	ck_assert_str_eq(c->stmt, stmt);
	ck_assert_int_eq(c->line, line);
	assert_lines(c->expected, c->nexpected, want, nwant);
}

/* ---- parsing ---------------------------------------------------------- */

static const char example[] =
    "A TCP conversation inside one shell.\n"		  /* 1 */
    "\n"						  /* 2 */
    "sock> srv = socket AF_INET SOCK_STREAM\n"		  /* 3 */
    "sock> addr = srv.getsockname\n"			  /* 4 */
    "sock> addr\n"					  /* 5 */
    "('127.0.0.1', ...)\n"				  /* 6 */
    "sock> echo a '' b\n"				  /* 7 */
    "a\n"						  /* 8 */
    "<BLANKLINE>\n"					  /* 9 */
    "b\n"						  /* 10 */
    "\n"						  /* 11 */
    "More prose, after a blank line.\n"			  /* 12 */
    "sock>\n"						  /* 13 */
    "sock> c.recv 10\n"					  /* 14 */
    "error: recv: EBADF [Errno 9] Bad file descriptor\n"; /* 15 */

START_TEST(test_parse_example)
{
	struct transcript t;
	static const char *const none[] = {NULL};
	static const char *const addr[] = {"('127.0.0.1', ...)"};
	static const char *const echo[] = {"a", "", "b"};
	static const char *const recv[] = {
	    "error: recv: EBADF [Errno 9] Bad file descriptor"};

	PARSE(&t, example);
	ck_assert_uint_eq(t.nlines, 15);
	ck_assert_str_eq(t.lines[0], "A TCP conversation inside one shell.");
	ck_assert_str_eq(t.lines[1], "");
	ck_assert_str_eq(t.lines[8], "<BLANKLINE>"); /* kept as written */
	ck_assert_str_eq(t.lines[12], "sock>");
	ck_assert_uint_eq(t.ncases, 6);
	assert_case(&t.cases[0], "srv = socket AF_INET SOCK_STREAM", 3, none,
		    0);
	assert_case(&t.cases[1], "addr = srv.getsockname", 4, none, 0);
	assert_case(&t.cases[2], "addr", 5, addr, 1);
	assert_case(&t.cases[3], "echo a '' b", 7, echo, 3);
	assert_case(&t.cases[4], "", 13, none, 0);
	assert_case(&t.cases[5], "c.recv 10", 14, recv, 1);
	transcript_free(&t);
	transcript_free(&t); /* a freed transcript is zeroed */
	ck_assert_ptr_null(t.lines);
	ck_assert_uint_eq(t.ncases, 0);
}
END_TEST

START_TEST(test_parse_output_until_prose)
{
	struct transcript t;
	static const char *const want[] = {"4", "no blank line, so output"};

	/* Without a blank line, a following line is still expected output. */
	PARSE(&t, "sock> a.send b'ping'\n4\nno blank line, so output\n\n"
		  "sock>x is prose\n");
	ck_assert_uint_eq(t.nlines, 5);
	ck_assert_uint_eq(t.ncases, 1);
	assert_case(&t.cases[0], "a.send b'ping'", 1, want, 2);
	transcript_free(&t);
}
END_TEST

START_TEST(test_parse_crlf)
{
	struct transcript t;
	static const char *const lines[] = {"prose", "",	"sock> a", "1",
					    "",	     "sock> b", "x\ry"};
	static const char *const one[] = {"1"};
	static const char *const xy[] = {"x\ry"};

	PARSE(&t, "prose\r\n\r\nsock> a\r\n1\r\n\r\nsock> b\r\nx\ry\r\n");
	assert_lines(t.lines, t.nlines, lines, NELEM(lines));
	ck_assert_uint_eq(t.ncases, 2);
	assert_case(&t.cases[0], "a", 3, one, 1);
	/* Only the CR of a line ending goes. */
	assert_case(&t.cases[1], "b", 6, xy, 1);
	transcript_free(&t);
}
END_TEST

START_TEST(test_parse_no_final_newline)
{
	struct transcript t;
	static const char *const out[] = {"b'hi'"};

	PARSE(&t, "sock> s.recv 2\nb'hi'");
	ck_assert_uint_eq(t.nlines, 2);
	ck_assert_uint_eq(t.ncases, 1);
	assert_case(&t.cases[0], "s.recv 2", 1, out, 1);
	transcript_free(&t);

	PARSE(&t, "sock> x\r");
	ck_assert_uint_eq(t.nlines, 1);
	assert_case(&t.cases[0], "x", 1, out, 0);
	transcript_free(&t);
}
END_TEST

START_TEST(test_parse_empty)
{
	struct transcript t;

	PARSE(&t, "");
	ck_assert_uint_eq(t.nlines, 0);
	ck_assert_uint_eq(t.ncases, 0);
	transcript_free(&t);

	ck_assert_int_eq(transcript_parse(NULL, 0, &t), 0);
	ck_assert_uint_eq(t.nlines, 0);
	transcript_free(&t);

	PARSE(&t, "\n");
	ck_assert_uint_eq(t.nlines, 1);
	ck_assert_str_eq(t.lines[0], "");
	ck_assert_uint_eq(t.ncases, 0);
	transcript_free(&t);

	PARSE(&t, "sock> \nsock> ");
	ck_assert_uint_eq(t.ncases, 2);
	ck_assert_str_eq(t.cases[0].stmt, "");
	ck_assert_str_eq(t.cases[1].stmt, "");
	ck_assert_int_eq(t.cases[1].line, 2);
	transcript_free(&t);
}
END_TEST

START_TEST(test_parse_nul)
{
	struct transcript t;
	static const char *const out[] = {"x\xc0\x80", "\xc0\x80"};

	/* A NUL becomes the invalid pair C0 80, so the rest of its line
	 * survives and the parser can still refuse it. */
	PARSE(&t, "sock> a\0b\nx\0\n\0\nsock> c");
	ck_assert_uint_eq(t.nlines, 4);
	ck_assert_str_eq(t.lines[0], "sock> a\xc0\x80"
				     "b");
	ck_assert_uint_eq(t.ncases, 2);
	assert_case(&t.cases[0],
		    "a\xc0\x80"
		    "b",
		    1, out, 2);
	ck_assert_str_eq(t.cases[1].stmt, "c");
	ck_assert_int_eq(t.cases[1].line, 4);
	transcript_free(&t);
}
END_TEST

/* ---- matching --------------------------------------------------------- */

static bool match1(const char *expected, const char *actual)
{
	char *e = (char *)expected, *a = (char *)actual;

	return transcript_match(&e, 1, &a, 1);
}

#define MATCH(e, a)                                                            \
	transcript_match((char *const *)(e), NELEM(e), (char *const *)(a),     \
			 NELEM(a))

START_TEST(test_match_inline)
{
	ck_assert(match1("b'ping'", "b'ping'"));
	ck_assert(!match1("b'ping'", "b'pong'"));
	ck_assert(!match1("b'ping'", "b'ping' "));
	ck_assert(match1("('127.0.0.1', ...)", "('127.0.0.1', 40123)"));
	ck_assert(!match1("('127.0.0.1', ...)", "('127.0.0.2', 40123)"));
	ck_assert(match1("('::1', ..., 0, 0)", "('::1', 5000, 0, 0)"));
	ck_assert(match1("a...b", "ab"));
	ck_assert(match1("...", ""));
	ck_assert(match1("...", "anything"));
	ck_assert(match1("...end", "the end"));
	ck_assert(!match1("...end", "the end."));
	ck_assert(match1("start...", "start"));
	ck_assert(!match1("start...", "restart"));
	ck_assert(match1("a...b...c", "a-b-c"));
	ck_assert(match1("a...b...c", "abbbc"));
	ck_assert(match1("a...b...c", "abc"));
	ck_assert(!match1("a...b...c", "acb"));
	ck_assert(match1("......", "x"));
	/* Prefix and suffix must not share characters. */
	ck_assert(!match1("a...a", "a"));
	ck_assert(!match1("ab...ba", "aba"));
	ck_assert(match1("ab...ba", "abba"));
	/* Greedy left to right still finds a later suffix. */
	ck_assert(match1("...aab", "aaab"));
	ck_assert(match1("x...ab...b", "xaabab"));
	/* "...." is a wildcard then a dot. */
	ck_assert(match1("....", "x."));
	ck_assert(!match1("....", "x"));
	/* An actual "..." is just text. */
	ck_assert(match1("a...", "a..."));
	ck_assert(!match1("a", "..."));
}
END_TEST

START_TEST(test_match_lines)
{
	static const char *const empty[1] = {NULL};
	static const char *const out[] = {"one", "two", "three", "four"};
	static const char *const exact[] = {"one", "two", "three", "four"};
	static const char *const shorter[] = {"one", "two", "three"};
	static const char *const start[] = {"...", "four"};
	static const char *const middle[] = {"one", "...", "four"};
	static const char *const end[] = {"one", "two", "..."};
	static const char *const multi[] = {"...", "two", "...", "four", "..."};
	static const char *const zero[] = {"one", "two", "...", "three",
					   "four"};
	static const char *const both[] = {"o...", "...", "...r"};
	static const char *const dots[] = {"..."};
	static const char *const twodots[] = {"...", "..."};
	static const char *const text_dots[] = {"..."};
	static const char *const wrong_end[] = {"...", "three"};
	static const char *const wrong_order[] = {"...", "four", "...", "two"};
	static const char *const missing[] = {"one", "...", "five"};
	static const char *const x[] = {"x"};

	ck_assert(MATCH(exact, out));
	ck_assert(!MATCH(shorter, out));
	ck_assert(!MATCH(out, shorter));
	ck_assert(MATCH(start, out));
	ck_assert(MATCH(middle, out));
	ck_assert(MATCH(end, out));
	ck_assert(MATCH(multi, out));
	ck_assert(MATCH(zero, out));
	ck_assert(MATCH(both, out));
	ck_assert(MATCH(dots, out));
	ck_assert(MATCH(twodots, out));
	ck_assert(!MATCH(wrong_end, out));
	ck_assert(!MATCH(wrong_order, out));
	ck_assert(!MATCH(missing, out));
	/* Zero lines. */
	ck_assert(transcript_match(NULL, 0, NULL, 0));
	ck_assert(transcript_match((char *const *)dots, 1, NULL, 0));
	ck_assert(transcript_match((char *const *)twodots, 2, NULL, 0));
	ck_assert(!transcript_match(NULL, 0, (char *const *)x, 1));
	ck_assert(!transcript_match((char *const *)x, 1, NULL, 0));
	ck_assert(
	    !transcript_match((char *const *)empty, 0, (char *const *)out, 4));
	/* "..." against an actual "...": one line, matched. */
	ck_assert(MATCH(dots, text_dots));
	ck_assert(!MATCH(x, text_dots));
}
END_TEST

static char **make_lines(size_t n, const char *s)
{
	char **v = malloc(n * sizeof(*v));
	size_t i;

	ck_assert_ptr_nonnull(v);
	for (i = 0; i < n; i++)
		v[i] = (char *)s;
	return v;
}

/* An exponential matcher would not finish within the test timeout. */
START_TEST(test_match_pathological)
{
	char **dots = make_lines(1001, "...");
	char **lines = make_lines(1000, "line");
	char *pat = malloc(3 * 500 + 2), *text = malloc(5001);
	size_t i;

	ck_assert(transcript_match(dots, 1000, lines, 1000));
	dots[1000] = "never";
	ck_assert(!transcript_match(dots, 1001, lines, 1000));
	for (i = 0; i < 1000; i += 2)
		dots[i] = "l...";
	ck_assert(!transcript_match(dots, 1001, lines, 1000));

	ck_assert_ptr_nonnull(pat);
	ck_assert_ptr_nonnull(text);
	for (i = 0; i < 500; i++)
		memcpy(pat + 3 * i, "...", 3);
	strcpy(pat + 1500, "b");
	memset(text, 'a', 5000);
	text[5000] = '\0';
	ck_assert(!match1(pat, text));
	text[4999] = 'b';
	ck_assert(match1(pat, text));
	free(pat);
	free(text);
	free(dots);
	free(lines);
}
END_TEST

/* ---- diff ------------------------------------------------------------- */

static void assert_diff(const char *const *a, size_t na, const char *const *b,
			size_t nb, const char *want)
{
	char *got =
	    unified_diff("A", (char *const *)a, na, "B", (char *const *)b, nb);

	ck_assert_ptr_nonnull(got);
	ck_assert_str_eq(got, want);
	free(got);
}

#define DIFF(a, b, want) assert_diff(a, NELEM(a), b, NELEM(b), want)

static const char *const ten[] = {"1", "2", "3", "4", "5",
				  "6", "7", "8", "9", "10"};

START_TEST(test_diff_equal)
{
	assert_diff(ten, NELEM(ten), ten, NELEM(ten), "");
	assert_diff(NULL, 0, NULL, 0, "");
}
END_TEST

START_TEST(test_diff_replace)
{
	static const char *const b[] = {"1", "2", "3", "4", "five",
					"6", "7", "8", "9", "10"};

	DIFF(ten, b,
	     "--- A\n+++ B\n"
	     "@@ -2,7 +2,7 @@\n"
	     " 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}
END_TEST

START_TEST(test_diff_empty_side)
{
	static const char *const xy[] = {"x", "y"};

	assert_diff(NULL, 0, xy, 2, "--- A\n+++ B\n@@ -0,0 +1,2 @@\n+x\n+y\n");
	assert_diff(xy, 2, NULL, 0, "--- A\n+++ B\n@@ -1,2 +0,0 @@\n-x\n-y\n");
}
END_TEST

START_TEST(test_diff_single_lines)
{
	static const char *const x[] = {"x"}, *const y[] = {"y"};

	DIFF(x, y, "--- A\n+++ B\n@@ -1 +1 @@\n-x\n+y\n");
}
END_TEST

START_TEST(test_diff_edges)
{
	static const char *const a[] = {"a", "b", "c", "d", "e"};
	static const char *const ins[] = {"new", "a", "b", "c", "d", "e"};
	static const char *const del[] = {"a", "b", "c", "d"};
	static const char *const a3[] = {"a", "b", "c"};
	static const char *const b3[] = {"a", "c", "d"};
	static const char *const blank_a[] = {"b'x'", "", "end"};
	static const char *const blank_b[] = {"b'x'", "end"};

	DIFF(a, ins, "--- A\n+++ B\n@@ -1,3 +1,4 @@\n+new\n a\n b\n c\n");
	DIFF(a, del, "--- A\n+++ B\n@@ -2,4 +2,3 @@\n b\n c\n d\n-e\n");
	DIFF(a3, b3, "--- A\n+++ B\n@@ -1,3 +1,3 @@\n a\n-b\n c\n+d\n");
	DIFF(blank_a, blank_b,
	     "--- A\n+++ B\n@@ -1,3 +1,2 @@\n b'x'\n-\n end\n");
}
END_TEST

START_TEST(test_diff_insert_middle)
{
	static const char *const a[] = {"a", "b", "c", "d", "e", "f", "g", "h"};
	static const char *const b[] = {"a", "b", "c", "d", "X",
					"Y", "e", "f", "g", "h"};

	DIFF(a, b,
	     "--- A\n+++ B\n@@ -2,6 +2,8 @@\n"
	     " b\n c\n d\n+X\n+Y\n e\n f\n g\n");
}
END_TEST

static const char *const fourteen[] = {"1", "2", "3",  "4",  "5",  "6",	 "7",
				       "8", "9", "10", "11", "12", "13", "14"};

/* Six common lines between two changes: one hunk. */
START_TEST(test_diff_hunks_joined)
{
	static const char *const b[] = {"1", "2", "X", "4",  "5",  "6",	 "7",
					"8", "9", "Y", "11", "12", "13", "14"};

	DIFF(fourteen, b,
	     "--- A\n+++ B\n@@ -1,13 +1,13 @@\n"
	     " 1\n 2\n-3\n+X\n 4\n 5\n 6\n 7\n 8\n 9\n-10\n+Y\n 11\n 12\n"
	     " 13\n");
}
END_TEST

/* Seven: two hunks. */
START_TEST(test_diff_hunks_split)
{
	static const char *const b[] = {"1", "2", "X",	"4", "5",  "6",	 "7",
					"8", "9", "10", "Y", "12", "13", "14"};

	DIFF(fourteen, b,
	     "--- A\n+++ B\n@@ -1,6 +1,6 @@\n"
	     " 1\n 2\n-3\n+X\n 4\n 5\n 6\n"
	     "@@ -8,7 +8,7 @@\n"
	     " 8\n 9\n 10\n-11\n+Y\n 12\n 13\n 14\n");
}
END_TEST

/* Counts the '-' and '+' lines of a diff, headers excluded. */
static size_t count_changes(const char *d)
{
	size_t n = 0;

	for (; *d; d = strchr(d, '\n') + 1) {
		if ((d[0] == '-' && strncmp(d, "--- ", 4) != 0) ||
		    (d[0] == '+' && strncmp(d, "+++ ", 4) != 0))
			n++;
	}
	return n;
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static char **numbered(size_t n, size_t from)
{
	char **v = malloc(n * sizeof(*v));
	size_t i;

	ck_assert_ptr_nonnull(v);
	for (i = 0; i < n; i++) {
		v[i] = malloc(24);
		ck_assert_ptr_nonnull(v[i]);
		snprintf(v[i], 24, "%zu", from + i);
	}
	return v;
}

static void free_numbered(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

START_TEST(test_diff_large)
{
	char **a = numbered(4000, 0), **b = numbered(4000, 4000);
	char **c = numbered(4000, 0);
	char *d;
	size_t i;

	/* Nothing in common: every line goes and comes, in one hunk. */
	d = unified_diff("A", a, 4000, "B", b, 4000);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(count_changes(d), 8000);
	ck_assert(starts_with(d, "--- A\n+++ B\n@@ -1,4000 +1,4000 @@\n-0\n"));
	free(d);

	/* Every 100th line changed: 40 changes, minimal. */
	for (i = 50; i < 4000; i += 100)
		strcpy(c[i], "changed");
	d = unified_diff("A", a, 4000, "B", c, 4000);
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(count_changes(d), 80);
	free(d);
	free_numbered(a, 4000);
	free_numbered(b, 4000);
	free_numbered(c, 4000);
}
END_TEST

/* ---- recording --------------------------------------------------------- */

/* An empty output line is recorded as <BLANKLINE> (a blank line would end
 * the output), and the recording parses back to what was printed. */
START_TEST(test_record_blankline_round_trip)
{
	static const char stmt[] = "echo 'a\\n\\nb\\n'";
	static const char want[] = "sock> echo 'a\\n\\nb\\n'\na\n<BLANKLINE>\nb\n<BLANKLINE>\n";
	static const char *const back[] = {"a", "", "b", ""};
	char path[] = "/tmp/sockshell-check-record-XXXXXX", text[256];
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	struct shell sh;
	struct strbuf out = {0};
	shell_init(&sh);
	char *cause = NULL;
	ck_assert_int_eq(record_open(&sh, path, "w", &cause), 0);
	ck_assert_ptr_null(cause);
	out_capture(&out);
	shell_run_line(&sh, stmt, strlen(stmt));
	out_capture(NULL);
	record_close(&sh);
	shell_free(&sh);
	sb_free(&out);
	FILE *f = fopen(path, "r");
	ck_assert_ptr_nonnull(f);
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	unlink(path);
	text[n] = '\0';
	ck_assert_str_eq(text, want);
	struct transcript t;
	ck_assert_int_eq(transcript_parse(text, n, &t), 0);
	ck_assert_uint_eq(t.ncases, 1);
	assert_case(&t.cases[0], stmt, 1, back, NELEM(back));
	transcript_free(&t);
}
END_TEST

Suite *make_transcript_suite(void)
{
	Suite *s = suite_create("transcript");
	TCase *parse = tcase_create("parse");
	TCase *match = tcase_create("match");
	TCase *diff = tcase_create("diff");

	tcase_add_test(parse, test_parse_example);
	tcase_add_test(parse, test_record_blankline_round_trip);
	tcase_add_test(parse, test_parse_output_until_prose);
	tcase_add_test(parse, test_parse_crlf);
	tcase_add_test(parse, test_parse_no_final_newline);
	tcase_add_test(parse, test_parse_empty);
	tcase_add_test(parse, test_parse_nul);
	tcase_add_test(match, test_match_inline);
	tcase_add_test(match, test_match_lines);
	tcase_add_test(match, test_match_pathological);
	tcase_add_test(diff, test_diff_equal);
	tcase_add_test(diff, test_diff_replace);
	tcase_add_test(diff, test_diff_empty_side);
	tcase_add_test(diff, test_diff_single_lines);
	tcase_add_test(diff, test_diff_edges);
	tcase_add_test(diff, test_diff_insert_middle);
	tcase_add_test(diff, test_diff_hunks_joined);
	tcase_add_test(diff, test_diff_hunks_split);
	tcase_add_test(diff, test_diff_large);
	/* Generous for sanitizers; the point is polynomial versus
	 * exponential, which would never finish. */
	tcase_set_timeout(match, 30);
	tcase_set_timeout(diff, 30);
	suite_add_tcase(s, parse);
	suite_add_tcase(s, match);
	suite_add_tcase(s, diff);
	return s;
}
