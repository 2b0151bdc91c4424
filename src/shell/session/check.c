/* check.c - each transcript runs in a forked child with a fresh shell, so
 * no socket or variable leaks from one file to the next, and a file that
 * hangs is killed rather than stopping the run. */
#include "check.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/child.h"
#include "../../core/fds.h"
#include "../../core/file.h"
#include "../../core/netns.h"
#include "../../core/sock.h"
#include "../../core/tls.h"
#include "../../core/timer.h"
#include "../../core/i18n.h"
#include "record.h"
#include "shell.h"
#include "watchdog.h"
#include "transcript.h"
#include "../wire/wire.h"

/* Per statement: a blocking call that outlives this is interrupted and
 * the file fails. SOCKSHELL_STMT_TIMEOUT (seconds) overrides it. */
#define STMT_TIMEOUT 10.0

static const char *check_locale;
static bool check_wire;

void check_set_locale(const char *locale)
{
	check_locale = locale;
}

void check_set_wire(bool on)
{
	check_wire = on;
}

#define SKIPPED 77 /* automake's status for a test that cannot run here */

/* A file recorded in the wire lab (its "# wire" line, or --wire given)
 * replays in a lab of its own: this child's own network namespace, so
 * only its own packets show. Returns 0, or SKIPPED having said why the
 * namespace was refused (the file cannot be checked here, which is no
 * failure of the shell's). */
static int enter_lab(struct shell *sh, const char *path, const char *text,
                     size_t len)
{
	enum wire_tag tag = wire_tag_of(text, len);
	if (tag == WIRE_TAG_NONE && !check_wire)
		return 0;
	char err[256];
	int e = netns_enter(err, sizeof err);
	char *join = xasprintf("sockshell --join %ld", (long)getpid());
	if (!e)
		e = wire_start(sh, tag != WIRE_TAG_OFF, join, err, sizeof err);
	free(join);
	if (!e)
		return 0;
	printf("SKIP %s\n", path);
	printf(_("no wire lab here: %s\n"), err);
	return SKIPPED;
}

/* Transcripts compare in C, English whatever the teacher's language, with
 * UTF-8 text where C.UTF-8 exists, unless --check-locale or
 * $SOCKSHELL_CHECK_LOCALE names a locale, or else the transcript notes
 * the locale it was recorded in (RECORDED). Returns the locale wanted
 * when it is not installed, else NULL. */
static const char *use_check_locale(const char *recorded)
{
	const char *want = check_locale ? check_locale
	                                : getenv("SOCKSHELL_CHECK_LOCALE");
	if (!want || !*want)
		want = recorded;
	if (!want || !*want) {
		setlocale(LC_ALL, "C");
		setlocale(LC_CTYPE, "C.UTF-8");
		return NULL;
	}
	/* The locale alone decides the language, not $LANGUAGE too. */
	unsetenv("LANGUAGE");
	if (!setlocale(LC_ALL, want))
		return want;
	setlocale(LC_NUMERIC, "C");
	return NULL;
}

static double stmt_timeout(void)
{
	double t = watchdog_env_limit();
	return t > 0 ? t : STMT_TIMEOUT;
}

/* Split captured output into lines; the last newline ends a line. */
static struct lines split_lines(const char *p, size_t len)
{
	struct lines l = {0};
	size_t start = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && p[i] != '\n')
			continue;
		if (i == len && start == len)
			break;
		l.v = xgrow(l.v, l.n, sizeof *l.v);
		l.v[l.n++] = xstrndup(p + start, i - start);
		start = i + 1;
	}
	return l;
}

/* Run case C, appending what the file would say if it recorded this run. */
static bool run_case(struct shell *sh, const struct tr_case *c,
                     struct lines *actual)
{
	struct strbuf out = {0};
	out_capture(&out);
	double timeout = stmt_timeout();
	child_deadline(timeout);
	sh->line = c->line;
	shell_run_line(sh, c->stmt, strlen(c->stmt));
	child_deadline(0);
	sk_interrupted = 0;
	out_capture(NULL);
	/* A statement that waited too long fails, whatever it printed. */
	bool late = child_deadline_passed();
	if (late)
		sb_printf(&out, "sockshell: statement timed out after %g s "
		          "(SOCKSHELL_STMT_TIMEOUT)\n", timeout);
	struct lines got = split_lines(out.p ? out.p : "", out.len);
	sb_free(&out);
	bool ok = !late &&
	          transcript_match(c->expected, c->nexpected, got.v, got.n);
	/* A match keeps the expected text so ellipses do not show in a diff. */
	if (!ok)
		for (size_t i = 0; i < got.n; i++)
			lines_add(actual, *got.v[i] ? got.v[i] : "<BLANKLINE>");
	lines_free(&got);
	return ok;
}

static int check_one(const char *path)
{
	FILE *f;
	int e = file_open(path, "rb", &f);
	if (e) {
		printf("FAIL %s\n%s: %s\n", path, path, strerror(e));
		return 1;
	}
	struct strbuf text = {0};
	char buf[65536];
	size_t r;
	while ((r = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&text, buf, r);
	fclose(f);
	char loc[256];
	const char *missing = use_check_locale(
		record_locale(text.p ? text.p : "", text.len, loc, sizeof loc));
	if (missing) {
		sb_free(&text);
		printf("FAIL %s\n", path);
		printf(_("locale %s is not installed (locale -a lists those that "
		         "are)\n"), missing);
		return 1;
	}
	struct transcript t;
	if (transcript_parse(text.p ? text.p : "", text.len, &t)) {
		sb_free(&text);
		printf("FAIL %s\nout of memory\n", path);
		return 1;
	}
	struct shell sh;
	shell_init(&sh);
	int lab = enter_lab(&sh, path, text.p ? text.p : "", text.len);
	sb_free(&text);
	if (lab) {
		shell_free(&sh);
		transcript_free(&t);
		return lab;
	}
	struct lines actual = {0};
	bool all = true;
	size_t li = 0;
	for (size_t i = 0; i < t.ncases; i++) {
		const struct tr_case *c = &t.cases[i];
		for (; li < (size_t)c->line; li++)
			lines_add(&actual, t.lines[li]);
		size_t before = actual.n;
		bool ok = sh.exiting ? c->nexpected == 0 : run_case(&sh, c, &actual);
		if (ok)
			for (size_t k = 0; k < c->nexpected; k++)
				lines_add(&actual, t.lines[li + k]);
		(void)before;
		li += c->nexpected;
		all = all && ok;
	}
	for (; li < t.nlines; li++)
		lines_add(&actual, t.lines[li]);
	shell_set_trace(&sh, false); /* the final closes are not the file's */
	shell_free(&sh);
	if (all) {
		printf("PASS %s\n", path);
	} else {
		char *label = xasprintf("%s (actual)", path);
		char *d = unified_diff(path, t.lines, t.nlines, label, actual.v, actual.n);
		printf("FAIL %s\n%s", path, d ? d : "");
		free(d);
		free(label);
	}
	lines_free(&actual);
	transcript_free(&t);
	return all ? 0 : 1;
}

/* The child of one file: sockets numbered from 3 as when the file was
 * recorded, whatever the terminal, make or CI left open. */
static int check_child(void *path)
{
	fds_close_inherited();
	int r = check_one(path);
	fflush(stdout);
	tls_cleanup(); /* OpenSSL's memory, for valgrind's leak check */
	return r;
}

/* Check PATH in a child: 0 when it passed. */
static int check_in_child(const char *path, int timeout)
{
	struct child_status st;
	fflush(stdout);
	if (child_run(check_child, (void *)path, timeout, &st))
		return 1;
	if (st.end == CHILD_EXITED)
		return st.code == SKIPPED ? SKIPPED : st.code ? 1 : 0;
	if (st.end == CHILD_TIMED_OUT)
		printf("FAIL %s\ntimed out after %d s\n", path, timeout);
	else if (st.end == CHILD_SIGNALLED)
		printf("FAIL %s\nkilled by signal %d\n", path, st.code);
	return 1;
}

int check_files(char **files, int n, int timeout_seconds)
{
	int passed = 0, failed = 0, skipped = 0;
	for (int i = 0; i < n; i++) {
		int r = check_in_child(files[i], timeout_seconds);
		if (r == SKIPPED)
			skipped++;
		else if (r)
			failed++;
		else
			passed++;
	}
	printf("%d passed, %d failed", passed, failed);
	if (skipped)
		printf(", %d skipped", skipped);
	printf("\n");
	fflush(stdout);
	/* Nothing checked and nothing failed: a skip, for automake too. */
	return failed ? 1 : skipped && !passed ? SKIPPED : 0;
}
