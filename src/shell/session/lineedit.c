/* lineedit.c - Readline, libedit, or a plain reader: the REPL sees only
 * the wrappers in lineedit.h.
 *
 * Both editors run through their callback interface under pselect(), so
 * a signal is seen between keys without a jump out of the library: Ctrl-C
 * abandons the line, a resize redraws it, SIGTERM ends the input. The
 * history file is ours, one line per entry, so the three editors share it
 * (libedit's own format differs from Readline's). */
#include "config.h"

#include "lineedit.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "../../core/file.h"
#include "../strbuf.h"

#define EDITLIB_CALLS /* rl_point and the rest through the loaded table */
#include "editlib.h"

#ifdef HAVE_EDITOR
#include "complete.h"
#endif

#define HISTORY_MAX 1000

volatile sig_atomic_t le_sigint, le_sigwinch, le_sigterm;

const char *le_name(void)
{
	return LINE_EDITOR;
}

/* ---- the history file ---- */

static char *hist_path;   /* NULL: no history file */
static struct lines added; /* this session's lines, to merge on saving */
static char *last_line;    /* the newest entry, so it is not repeated */

/* Append LINE unless it repeats the last one; keep the newest MAX. */
static void history_push(struct lines *l, const char *line, size_t max)
{
	if (l->n && !strcmp(l->v[l->n - 1], line))
		return;
	if (l->n == max) {
		free(l->v[0]);
		memmove(l->v, l->v + 1, sizeof *l->v * (l->n - 1));
		l->n--;
	}
	lines_add(l, line);
}

/* Read the history file into OUT. A missing file is empty; false (with a
 * warning) for one we must not trust: a symbolic link, not a regular
 * file, or someone else's. */
static bool history_load(const char *path, struct lines *out)
{
	FILE *f;
	int e = file_open_private(path, &f);
	if (e == ENOENT)
		return true;
	if (e == FILE_ENOTOURS) {
		fprintf(stderr, "sockshell: history %s: not a regular file of "
		        "yours; history is not kept\n", path);
		return false;
	}
	if (e) {
		fprintf(stderr, "sockshell: history %s: %s%s\n", path,
		        e == ELOOP ? "is a symbolic link" : strerror(e),
		        "; history is not kept");
		return false;
	}
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&buf, &cap, f)) >= 0) {
		while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		if (len)
			history_push(out, buf, HISTORY_MAX);
	}
	free(buf);
	fclose(f);
	return true;
}

/* Write L to a new file beside PATH and rename it over PATH: a crash part
 * way leaves the old history whole. Mode 0600, as it may hold addresses. */
static void history_write(const char *path, const struct lines *l)
{
	struct strbuf text = {0};
	for (size_t i = 0; i < l->n; i++)
		sb_printf(&text, "%s\n", l->v[i]);
	file_write_private(path, text.p ? text.p : "", text.len);
	sb_free(&text);
}

/* The file as it is now (another session may have saved meanwhile) with
 * this session's lines after it. */
static void history_save(void)
{
	if (!hist_path || !added.n)
		return;
	struct lines all = {0};
	if (history_load(hist_path, &all)) {
		for (size_t i = 0; i < added.n; i++)
			history_push(&all, added.v[i], HISTORY_MAX);
		history_write(hist_path, &all);
	}
	lines_free(&all);
}

/* Is LINE worth keeping: not empty, not only blanks? */
static bool worth_keeping(const char *line)
{
	return line[strspn(line, " \t")] != '\0';
}

/* ---- reading a line ---- */

/* Block the signals the reader handles, so each is seen in pselect and
 * none slips in between a check and the wait. */
static void block_signals(sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGWINCH);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, old);
}

#define WATCH_MAX 64 /* watched sockets polled with the terminal */

#define WATCHERS_MAX 2 /* watch's and the wire's */

static const struct le_watcher *watchers[WATCHERS_MAX];

void le_add_watcher(const struct le_watcher *w)
{
	for (size_t i = 0; i < WATCHERS_MAX; i++)
		if (watchers[i] == w)
			return;
	for (size_t i = 0; i < WATCHERS_MAX; i++)
		if (!watchers[i]) {
			watchers[i] = w;
			return;
		}
}

void le_remove_watcher(const struct le_watcher *w)
{
	for (size_t i = 0; i < WATCHERS_MAX; i++)
		if (watchers[i] == w)
			watchers[i] = NULL;
}

/* Each watcher's descriptors after P (up to MAX); *MS the shortest of
 * their timeouts (-1: none). */
static size_t watched_fds(struct pollfd *p, size_t max, int *ms)
{
	size_t n = 0;
	*ms = -1;
	for (size_t i = 0; i < WATCHERS_MAX; i++) {
		int t = -1;
		if (watchers[i])
			n += watchers[i]->fds(p + n, max - n, &t);
		if (t >= 0 && (*ms < 0 || t < *ms))
			*ms = t;
	}
	return n;
}

static void check_watched(void)
{
	for (size_t i = 0; i < WATCHERS_MAX; i++)
		if (watchers[i])
			watchers[i]->check();
}

/* Wait until stdin is readable, a signal came or a watched socket had
 * something (then the watcher looks and prints). Returns > 0 when stdin
 * is readable, 0 otherwise, < 0 on an error or when the terminal hung
 * up: a closed terminal stays "readable" for ever, and libedit's
 * rl_callback_read_char returns on the failed read without a word, so
 * without this the shell would spin at full speed after its window
 * closed. */
static int wait_input(const sigset_t *mask)
{
	struct pollfd p[1 + WATCH_MAX] = {{.fd = STDIN_FILENO, .events = POLLIN}};
	int ms;
	size_t n = 1 + watched_fds(p + 1, WATCH_MAX, &ms);
	struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = ms % 1000 * 1000000L};
	int r = ppoll(p, n, ms < 0 ? NULL : &ts, mask);
	if (r < 0 && errno == EINTR)
		return 0;
	if (r >= 0 && !p[0].revents) {
		check_watched();
		return 0;
	}
	/* A hung-up terminal says POLLERR; a pipe at its end says POLLHUP,
	 * with POLLIN while unread input is left to take first. */
	if (r > 0 && ((p[0].revents & (POLLERR | POLLNVAL)) ||
	              (p[0].revents & (POLLHUP | POLLIN)) == POLLHUP))
		return -1;
	return r;
}

/* The prompt without Readline's markers around its escape sequences. */
static void put_prompt(const char *prompt)
{
	for (const char *p = prompt; *p; p++)
		if (*p != '\001' && *p != '\002')
			putchar(*p);
	fflush(stdout);
}

/* One byte at a time with read(2), so Ctrl-C is seen at once. The
 * terminal's cooked mode does the editing (and discards the line on
 * Ctrl-C). */
static const char *shown_prompt;  /* the prompt on the screen, or NULL */
static const struct strbuf *typed; /* the plain reader's line so far */

/* The watcher's look when the prompt appears. */
static void first_check(const char *prompt)
{
	shown_prompt = prompt;
	check_watched();
}

static char *plain_readline(const char *prompt)
{
	sigset_t old;
	block_signals(&old);
	le_sigint = 0;
	put_prompt(prompt);
	struct strbuf b = {0};
	typed = &b;
	first_check(prompt);
	char *line = NULL;
	for (;;) {
		int n = wait_input(&old);
		if (le_sigterm || n < 0)
			break;
		le_sigwinch = 0;
		if (le_sigint) {
			le_sigint = 0;
			sb_free(&b);
			putchar('\n');
			put_prompt(prompt);
			continue;
		}
		if (n == 0)
			continue;
		char ch;
		ssize_t r = read(STDIN_FILENO, &ch, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 && b.len == 0)
			break;
		if (r <= 0 || ch == '\n') {
			line = sb_take(&b);
			break;
		}
		sb_addc(&b, ch);
	}
	sb_free(&b);
	typed = NULL;
	shown_prompt = NULL;
	if (!line) {
		putchar('\n');
		fflush(stdout);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return line;
}

#ifdef HAVE_EDITOR

static bool editing; /* stdin and stdout are terminals: use the editor */
static char *got_line;
static bool got_done;

/* Readline 8.2 ends a line itself at Ctrl-D when bracketed paste is on. */
static bool eof_newline_written(void)
{
#if defined(HAVE_READLINE) && RL_READLINE_VERSION >= 0x0802
	const char *bp = rl_variable_value("enable-bracketed-paste");
	return rl_eof_found && bp && !strcmp(bp, "on");
#else
	return false;
#endif
}

static void on_line(char *line)
{
	got_line = line;
	got_done = true;
	shown_prompt = NULL;
	/* In Readline, removing the handler here stops it printing the next
	 * prompt straight away. */
	rl_callback_handler_remove();
}

/* Ctrl-C: leave what was typed on the screen, marked ^C, and start afresh
 * on the next line. The mark goes out before the terminal is restored
 * (Readline then writes a carriage return). */
static void abandon_line(const char *prompt)
{
#if defined(HAVE_READLINE)
	rl_free_line_state();
	rl_callback_sigcleanup();
	rl_point = rl_end;
	rl_redisplay();
#endif
	fputs("^C\r\n", stdout);
	fflush(stdout);
	rl_callback_handler_remove();
	/* Installing again resets the line, the history position and the
	 * prompt. */
	rl_callback_handler_install(prompt, on_line);
}

static char *editor_readline(const char *prompt)
{
	sigset_t old;
	block_signals(&old);
	le_sigint = 0;
	got_line = NULL;
	got_done = false;
	rl_callback_handler_install(prompt, on_line);
	first_check(prompt);
	while (!got_done) {
		int n = wait_input(&old);
		if (le_sigterm || n < 0)
			break;
		if (le_sigwinch) {
			le_sigwinch = 0;
			rl_resize_terminal();
		}
		if (le_sigint) {
			le_sigint = 0;
			abandon_line(prompt);
		}
		if (n > 0)
			rl_callback_read_char();
	}
	shown_prompt = NULL;
	if (!got_done)
		rl_callback_handler_remove();
	if (!got_line && !eof_newline_written()) {
		/* Ctrl-D or SIGTERM: the shell's own output starts a line. */
		putchar('\n');
		fflush(stdout);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return got_line;
}

/* Readline erases even a line that wrapped; libedit has no such call,
 * but redraws prompt and line from where the cursor is on request. */
static void editor_hide(void)
{
#if defined(HAVE_READLINE)
	rl_clear_visible_line();
#else
	fputs("\r\033[K", stdout);
#endif
	fflush(stdout);
}

static void editor_show(void)
{
#if defined(HAVE_READLINE)
	rl_on_new_line();
	rl_redisplay();
#else
	rl_forced_update_display();
#endif
}

#if defined(HAVE_READLINE)
/* Tab completes; a second Tab in a row lists what could come, as in
 * libedit (Readline alone would want a third after a partial completion). */
static int tab_key(int count, int key)
{
	if (rl_last_func == tab_key)
		return rl_complete_internal('!');
	return rl_complete(count, key);
}
#endif

/* The editor's library, loaded now that a terminal wants it; without
 * it, lines are read as the plain reader reads them. */
static bool editor_load(void)
{
	char why[256];
	if (edit_lib_load(why, sizeof why) == 0)
		return true;
	fprintf(stderr, "sockshell: %s; lines are read without editing\n", why);
	return false;
}

static void editor_init(struct shell *sh)
{
	complete_init(sh);
	rl_readline_name = "sockshell";
#if defined(HAVE_READLINE)
	/* Pasted lines run one by one, as typed ones do (an inputrc that
	 * turns bracketed paste on is read later and wins). */
	rl_variable_bind("enable-bracketed-paste", "off");
	rl_bind_key('\t', tab_key);
#endif
	/* Our handlers, not the library's: see editor_readline. */
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_attempted_completion_function = complete_attempt;
	rl_completer_word_break_characters = (char *)COMPLETE_BREAKS;
	/* libedit finds words with this one. */
	rl_basic_word_break_characters = (char *)COMPLETE_BREAKS;
	using_history();
	stifle_history(HISTORY_MAX);
}

#endif

void le_init(struct shell *sh, const char *histfile)
{
	struct lines old = {0};
	if (histfile && history_load(histfile, &old))
		hist_path = xstrdup(histfile);
	if (old.n)
		last_line = xstrdup(old.v[old.n - 1]);
#ifdef HAVE_EDITOR
	/* As Python does: libedit cannot edit with its output in a pipe,
	 * and then all three read the same way. */
	editing = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && editor_load();
	if (editing) {
		editor_init(sh);
		for (size_t i = 0; i < old.n; i++)
			add_history(old.v[i]);
	}
#else
	(void)sh;
#endif
	lines_free(&old);
}

char *le_readline(const char *prompt)
{
#ifdef HAVE_EDITOR
	if (editing)
		return editor_readline(prompt);
#endif
	return plain_readline(prompt);
}

void le_hide(void)
{
	if (!shown_prompt)
		return;
#ifdef HAVE_EDITOR
	if (editing) {
		editor_hide();
		return;
	}
#endif
	/* The terminal's cooked mode holds what was typed: leave it on its
	 * line and print below. */
	putchar('\n');
}

void le_show(void)
{
	if (!shown_prompt)
		return;
#ifdef HAVE_EDITOR
	if (editing) {
		editor_show();
		return;
	}
#endif
	put_prompt(shown_prompt);
	if (typed && typed->len)
		fwrite(typed->p, 1, typed->len, stdout);
	fflush(stdout);
}

void le_add_history(const char *line)
{
	if (!worth_keeping(line) || (last_line && !strcmp(line, last_line)))
		return;
#ifdef HAVE_EDITOR
	if (editing)
		add_history(line);
#endif
	history_push(&added, line, HISTORY_MAX);
	free(last_line);
	last_line = xstrdup(line);
}

void le_finish(void)
{
	history_save();
	lines_free(&added);
	free(hist_path);
	hist_path = NULL;
	free(last_line);
	last_line = NULL;
}
