/* main.c - options and the read-eval-print loop. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/sock.h"
#include "shell/i18n.h"
#include "shell/replay.h"
#include "shell/lineedit.h"
#include "shell/shell.h"
#include "shell/transcript.h"

struct options {
	const char *cmds;
	bool interactive, quiet, no_color, trace;
	const char *record;
	bool check;
};

static void usage(FILE *f)
{
	fputs(_("usage: sockshell [OPTIONS] [SCRIPT]\n"), f);
	fputs(_("  -c CMDS          run CMDS (separated by ';' or newlines) and exit\n"
	        "  -i               go interactive after SCRIPT or -c\n"
	        "  -x               echo each statement before running it ('+ ')\n"
	        "  -e               stop at the first failing statement (status 1)\n"
	        "  --check FILE...  replay transcripts and compare\n"
	        "  --check-locale=LOCALE\n"
	        "                   compare in LOCALE, not in C (also\n"
	        "                   $SOCKSHELL_CHECK_LOCALE)\n"
	        "  --record FILE    record the interactive session as a transcript\n"
	        "  -t, --trace      start with tracing on\n"
	        "  -q, --quiet      no banner\n"
	        "  --no-color       no colour\n"
	        "  -h, --help       this help;  -V, --version  version and build\n"),
	      f);
	fputs(_("Interactive: type help for the commands; Ctrl-D leaves.\n"), f);
}

static void version(void)
{
	printf("sockshell %s\nline editor: %s\nbuild options: %s\n",
	       PACKAGE_VERSION, le_name(), BUILD_OPTIONS[0] ? BUILD_OPTIONS : "(none)");
}

static void on_sigint(int sig)
{
	(void)sig;
	sk_interrupted = 1;
}

static void on_sigterm(int sig)
{
	(void)sig;
	/* Leave through the normal path so sockets close and history saves. */
	sk_interrupted = 1;
	signal(SIGTERM, SIG_DFL);
	raise(SIGTERM);
}

static void setup_signals(void)
{
	signal(SIGPIPE, SIG_IGN);
	struct sigaction sa = {.sa_handler = on_sigint};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	(void)on_sigterm;
}

/* $XDG_STATE_HOME/sockshell/history, else ~/.local/state/... */
static char *history_file(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	char *dir;
	if (state && *state)
		dir = xasprintf("%s/sockshell", state);
	else if (home && *home)
		dir = xasprintf("%s/.local/state/sockshell", home);
	else
		return NULL;
	/* mkdir -p, each level private to the user. */
	for (char *p = dir + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	}
	mkdir(dir, 0700);
	char *path = xasprintf("%s/history", dir);
	free(dir);
	return path;
}

/* Run one interactive line (a recording, if on, takes it in too). */
static int repl_line(struct shell *sh, const char *line)
{
	return shell_run_line(sh, line, strlen(line));
}

static int repl(struct shell *sh, const struct options *o)
{
	char *hist = history_file();
	le_init(sh, hist);
	free(hist);
	if (!o->quiet)
		printf(_("sockshell %s (%s) - type help for commands, Ctrl-D to quit\n"),
		       PACKAGE_VERSION, le_name());
	sh->interactive = true;
	int status = 0;
	const char *prompt = sh->color ? "\001\033[1;32m\002sock>\001\033[0m\002 "
	                               : TRANSCRIPT_PROMPT;
	while (!sh->exiting) {
		sk_interrupted = 0;
		fflush(stdout);
		char *line = le_readline(prompt);
		if (!line) {
			putchar('\n');
			break;
		}
		le_add_history(line);
		status = repl_line(sh, line);
		free(line);
	}
	le_finish();
	return sh->exiting ? sh->exit_code : status;
}

static int run_script(struct shell *sh, const char *path)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	if (!f) {
		fprintf(stderr, "sockshell: %s: %s\n", path, strerror(errno));
		return 2;
	}
	int r = shell_run_file(sh, strcmp(path, "-") ? path : "<stdin>", f);
	if (f != stdin)
		fclose(f);
	return r;
}

/* -c: statements separated by ';' or newlines. */
static int run_commands(struct shell *sh, const char *cmds)
{
	int status = 0;
	while (*cmds && !sh->exiting) {
		size_t n = strcspn(cmds, "\n");
		status = shell_run_line(sh, cmds, n);
		if (status && sh->errexit)
			break;
		cmds += n + (cmds[n] ? 1 : 0);
	}
	return status;
}

static int parse_options(int argc, char **argv, struct options *o,
                         struct shell *sh)
{
	static const struct option longs[] = {
		{"check", no_argument, NULL, 'C'}, {"record", required_argument, NULL, 'R'},
		{"trace", no_argument, NULL, 't'}, {"quiet", no_argument, NULL, 'q'},
		{"no-color", no_argument, NULL, 'N'}, {"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"check-locale", required_argument, NULL, 'L'}, {NULL, 0, NULL, 0}};
	int c;
	while ((c = getopt_long(argc, argv, "+c:ixetqhV", longs, NULL)) != -1) {
		switch (c) {
		case 'c': o->cmds = optarg; break;
		case 'i': o->interactive = true; break;
		case 'x': sh->xtrace = true; break;
		case 'e': sh->errexit = true; break;
		case 't': o->trace = true; break;
		case 'q': o->quiet = true; break;
		case 'N': o->no_color = true; break;
		case 'R': o->record = optarg; break;
		case 'C': o->check = true; break;
		case 'L': check_set_locale(optarg); break;
		case 'h': usage(stdout); exit(0);
		case 'V': version(); exit(0);
		default: usage(stderr); return 2;
		}
	}
	return 0;
}

static int start_recording(struct shell *sh, const char *path)
{
	/* Never overwrite a file silently: --record makes a new file. */
	FILE *f = fopen(path, "wx");
	if (!f) {
		fprintf(stderr, "sockshell: --record %s: %s\n", path, strerror(errno));
		return 2;
	}
	sh->record = f;
	sh->record_path = xstrdup(path);
	return 0;
}

/* Messages, character classes and collation from the environment; numbers
 * always as in C, since a Python repr writes 1.5 in every country. */
static void setup_locale(void)
{
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
#if ENABLE_NLS
	/* SOCKSHELL_LOCALEDIR: catalogues not installed yet (tests). */
	const char *dir = getenv("SOCKSHELL_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	textdomain(PACKAGE);
#endif
}

int main(int argc, char **argv)
{
	struct shell sh;
	struct options o = {0};
	setup_locale();
	shell_init(&sh);
	if (parse_options(argc, argv, &o, &sh))
		return 2;
	setup_signals();
	if (o.check) {
		if (optind >= argc) {
			fprintf(stderr, _("sockshell: --check needs at least one FILE\n"));
			return 2;
		}
		return check_files(argv + optind, argc - optind, 120);
	}
	bool tty = isatty(STDIN_FILENO);
	sh.color = isatty(STDOUT_FILENO) && !o.no_color && !getenv("NO_COLOR");
	if (o.trace)
		shell_set_trace(&sh, true);
	if (o.record && start_recording(&sh, o.record))
		return 2;
	int status = 0;
	if (o.cmds)
		status = run_commands(&sh, o.cmds);
	else if (optind < argc)
		status = run_script(&sh, argv[optind]);
	else if (!tty)
		status = run_script(&sh, "-");
	if (!sh.exiting && (o.interactive || (tty && !o.cmds && optind >= argc)))
		status = repl(&sh, &o);
	else if (sh.exiting)
		status = sh.exit_code;
	shell_free(&sh);
	return status;
}
