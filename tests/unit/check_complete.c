/* check_complete.c - what Tab offers for an option: only the options of
 * the level typed, and to setsockopt only those that can be set.
 * tests/tty/complete.sh drives the same in a terminal, with prefixes that
 * are unique across levels; these are the prefixes that are not. */
#include <stdlib.h>
#include <string.h>

#include "session/complete.h"
#include "session/shell.h"
#include "suites.h"

static struct shell sh;

static void setup(void)
{
	struct strbuf out = {0};
	shell_init(&sh);
	out_capture(&out);
	shell_run_line(&sh, "s = socket", strlen("s = socket"));
	out_capture(NULL);
	sb_free(&out);
	complete_init(&sh);
}

static void teardown(void)
{
	complete_init(NULL);
	shell_free(&sh);
}

/* The candidates for LINE's last word, joined with blanks ("" for none). */
static char *offered(const char *line)
{
	size_t end = strlen(line);
	size_t start = complete_word_start(line, end);
	char *text = xstrndup(line + start, end - start);
	char **v = complete_candidates(line, end, text);
	struct strbuf b = {0};
	sb_adds(&b, "");
	for (size_t i = 0; v && v[i]; i++) {
		sb_printf(&b, "%s%s", i ? " " : "", v[i]);
		free(v[i]);
	}
	free(v);
	free(text);
	return sb_take(&b);
}

static void offers(const char *line, const char *want)
{
	char *got = offered(line);
	ck_assert_msg(!strcmp(got, want), "%s<Tab>: offered \"%s\", want \"%s\"",
	              line, got, want);
	free(got);
}

START_TEST(test_wire_words)
{
	offers("wire ", "ladder off on packetdrill save ts");
	offers("wire p", "packetdrill");
	offers("wire ts o", "off on");
	offers("wire packetdrill ", "s");
	offers("wire ladder ", "");
	offers("wire ts on ", "");
}
END_TEST

START_TEST(test_options_of_the_level_only)
{
	offers("s.getsockopt IPPROTO_TCP TCP_NOD", "TCP_NODELAY");
	offers("s.getsockopt SOL_SOCKET TCP_NOD", "");
	offers("s.setsockopt SOL_SOCKET TCP_NOD", "");
	offers("s.getsockopt(socket.IPPROTO_IP, TCP_NOD", "");
	offers("getsockopt s SOL_SOCKET SO_REUSEA", "SO_REUSEADDR");
	offers("getsockopt s IPPROTO_TCP SO_REUSEA", "");
}
END_TEST

START_TEST(test_setsockopt_offers_only_writable_options)
{
	offers("s.getsockopt SOL_SOCKET SO_ACCEPTC", "SO_ACCEPTCONN");
	offers("s.setsockopt SOL_SOCKET SO_ACCEPTC", "");
	offers("s.setsockopt(SOL_SOCKET, SO_ACCEPTC", "");
	offers("s.getsockopt IPPROTO_TCP TCP_INF", "TCP_INFO");
	offers("s.setsockopt IPPROTO_TCP TCP_INF", "");
	offers("s.setsockopt SOL_SOCKET SO_RCVTIM", "SO_RCVTIMEO");
}
END_TEST

Suite *make_complete_suite(void)
{
	Suite *s = suite_create("complete");
	TCase *tc = tcase_create("options");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_wire_words);
	tcase_add_test(tc, test_options_of_the_level_only);
	tcase_add_test(tc, test_setsockopt_offers_only_writable_options);
	suite_add_tcase(s, tc);
	return s;
}
