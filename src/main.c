/* main.c - options and the read-eval-print loop. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/fds.h"
#include "core/file.h"
#include "core/signals.h"
#include "core/netns.h"
#include "core/sock.h"
#include "core/tls.h"
#include "core/i18n.h"
#include "shell/session/record.h"
#include "shell/session/check.h"
#include "shell/session/lineedit.h"
#include "shell/session/shell.h"
#include "shell/session/transcript.h"
#include "shell/session/waiting.h"
#include "shell/session/watchdog.h"
#include "shell/wire/wire.h"

struct options {
	const char *cmds;
	bool interactive, quiet, no_color, trace;
	const char *record;
	bool check;
	bool wire;
	const char *join; /* --join PID */
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
	        "  --wire           start in the wire lab: a private network\n"
	        "                   namespace where each statement's packets show\n"
	        "  --join PID       join the wire lab of shell PID (a second terminal)\n"
	        "  -t, --trace      start with tracing on\n"
	        "  -q, --quiet      no banner\n"
	        "  --no-color       no colour\n"
	        "  -h, --help       this help;  -V, --version  version and build\n"),
	      f);
	fputs(_("Interactive: type help for the commands; Ctrl-D leaves.\n"), f);
}

/* Which OpenSSL the ssl module would load: -V loads it to ask, which a
 * normal start never does (core/tlslib.h). */
static void tls_version_line(void)
{
#if !HAVE_OPENSSL
	printf(_("TLS: none (built without OpenSSL)\n"));
#else
	char why[256];
	if (tls_init(why, sizeof why))
		printf(_("TLS: not available: %s\n"), why);
	else
		printf(_("TLS: %s (loaded by import ssl)\n"),
		       tls_library_version());
#endif
}

static void version(void)
{
	printf("sockshell %s\nline editor: %s\nbuild options: %s\n",
	       PACKAGE_VERSION, le_name(), BUILD_OPTIONS[0] ? BUILD_OPTIONS : "(none)");
	tls_version_line();
}

static void on_sigint(int sig)
{
	(void)sig;
	/* Ends a blocking call (the core sees EINTR with this set) or, at
	 * the prompt, the line being typed. */
	sk_interrupted = 1;
	le_sigint = 1;
}

static void on_sigwinch(int sig)
{
	(void)sig;
	le_sigwinch = 1;
}

static void on_sigterm(int sig)
{
	/* Leave through the normal path, so sockets close and the history
	 * is saved; main() then dies of SIG as it should. */
	le_sigterm = sig;
	sk_interrupted = 1;
}

/* In a script SIGTERM, SIGHUP and SIGINT end the call under way and the
 * script after that statement, its output flushed: exit 128+N. */
static void on_script_signal(int sig)
{
	shell_signal = sig;
	sk_interrupted = 1;
}

static void setup_signals(void)
{
	sig_handle(SIGPIPE, SIG_IGN, 0);
	sig_handle(SIGINT, on_sigint, 0);
}

static void setup_script_signals(void)
{
	sig_handle(SIGINT, on_script_signal, 0);
	sig_handle(SIGTERM, on_script_signal, 0);
	sig_handle(SIGHUP, on_script_signal, 0);
}

/* While the REPL runs: SIGTERM and SIGHUP end the session cleanly, and
 * the editor redraws on a resize. */
static void setup_repl_signals(void)
{
	sig_handle(SIGINT, on_sigint, 0);
	sig_handle(SIGTERM, on_sigterm, 0);
	sig_handle(SIGHUP, on_sigterm, 0);
	sig_handle(SIGWINCH, on_sigwinch, SA_RESTART);
}

/* mkdir -p DIR, each new level private to the user; false when the last
 * level is not a real directory of ours that only we can write to (a
 * planted symbolic link, say). */
static bool make_private_dir(char *dir)
{
	if (file_make_private_dir(dir)) {
		fprintf(stderr, "sockshell: %s: not a directory of yours; "
		        "history is not kept\n", dir);
		return false;
	}
	return true;
}

/* $XDG_STATE_HOME/sockshell/history, else ~/.local/state/...; NULL when
 * neither can be used. */
static char *history_file(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	char *dir;
	/* The XDG rules ignore a relative path. */
	if (state && *state == '/')
		dir = xasprintf("%s/sockshell", state);
	else if (home && *home)
		dir = xasprintf("%s/.local/state/sockshell", home);
	else
		return NULL;
	char *path = make_private_dir(dir) ? xasprintf("%s/history", dir) : NULL;
	free(dir);
	return path;
}

/* A line from the editor may hold several (a bracketed paste): each is
 * remembered and run in turn, as if typed. */
static void run_pasted(struct shell *sh, char *text)
{
	for (char *line = text; line && !sh->exiting && !le_sigterm;) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		le_add_history(line);
		shell_run_line(sh, line, strlen(line));
		line = next;
	}
}

static int repl(struct shell *sh, const struct options *o)
{
	setup_repl_signals();
	char *hist = history_file();
	le_init(sh, hist);
	free(hist);
	if (!o->quiet)
		printf(_("sockshell %s (%s) - type help for commands, Ctrl-D to quit\n"),
		       PACKAGE_VERSION, le_name());
	if (!o->quiet && wire_lab())
		printf(_("wire lab: each statement's packets show under it; another "
		         "terminal joins with: %s\n"), wire_join_command());
	sh->interactive = true;
	/* The line typed is on the screen above its error: point into it. */
	if (isatty(STDIN_FILENO))
		sh->caret_col = (int)strlen(TRANSCRIPT_PROMPT);
	watchdog_stop();
	waiting_notice(isatty(STDOUT_FILENO), sh->out.color);
	const char *prompt = sh->out.color ? "\001\033[1;32m\002sock>\001\033[0m\002 "
	                               : TRANSCRIPT_PROMPT;
	while (!sh->exiting && !le_sigterm) {
		fflush(stdout);
		char *line = le_readline(prompt);
		/* A Ctrl-C at the prompt must not end the next blocking call. */
		sk_interrupted = 0;
		if (!line)
			break;
		run_pasted(sh, line);
		free(line);
	}
	fflush(stdout);
	le_finish();
	/* Ctrl-D and SIGTERM leave with 0, exit N with N. */
	return sh->exiting ? sh->exit_code : 0;
}

static int run_script(struct shell *sh, const char *path)
{
	FILE *f = stdin;
	int e = strcmp(path, "-") ? file_open(path, "r", &f) : 0;
	if (e) {
		fprintf(stderr, "sockshell: %s: %s\n", path, strerror(e));
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

/* The statements of -c, SCRIPT or a stdin that is not a terminal. */
static int run_given(struct shell *sh, const struct options *o, int argc,
                     char **argv, bool tty)
{
	if (!o->cmds && optind >= argc && tty)
		return 0;
	setup_script_signals();
	if (o->cmds)
		return run_commands(sh, o->cmds);
	return run_script(sh, optind < argc ? argv[optind] : "-");
}

static int parse_options(int argc, char **argv, struct options *o,
                         struct shell *sh)
{
	static const struct option longs[] = {
		{"check", no_argument, NULL, 'C'}, {"record", required_argument, NULL, 'R'},
		{"trace", no_argument, NULL, 't'}, {"quiet", no_argument, NULL, 'q'},
		{"no-color", no_argument, NULL, 'N'}, {"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'}, {"wire", no_argument, NULL, 'W'},
		{"join", required_argument, NULL, 'J'},
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
		case 'W': o->wire = true; break;
		case 'J': o->join = optarg; break;
		case 'L': check_set_locale(optarg); break;
		case 'h': usage(stdout); exit(0);
		case 'V': version(); exit(0);
		default: usage(stderr); return 2;
		}
	}
	return 0;
}

/* The command line that joins this lab: this very program, by the name
 * it was found under in $PATH or else by its absolute path. */
static char *join_command(const char *argv0)
{
	char *exe = strchr(argv0, '/') ? realpath(argv0, NULL) : NULL;
	char *cmd = xasprintf("%s --join %ld", exe ? exe : argv0, (long)getpid());
	free(exe);
	return cmd;
}

/* --wire or --join PID: into the lab's namespaces while the process is
 * still single-threaded, then capture on its lo. Where namespaces are
 * refused, one line says why and the shell does not start (status 2):
 * the user asked for the lab, and a shell without it would mislead. */
static int enter_lab(struct shell *sh, const struct options *o,
                     const char *argv0)
{
	char err[256];
	char *end;
	long pid = o->join ? strtol(o->join, &end, 10) : 0;
	if (o->join && (*end || end == o->join || pid <= 0)) {
		fprintf(stderr, _("sockshell: --join %s: not a process id\n"), o->join);
		return 2;
	}
	int e = o->join ? netns_join((pid_t)pid, err, sizeof err)
	                : netns_enter(err, sizeof err);
	char *join = e ? NULL : join_command(argv0);
	if (!e)
		e = wire_start(sh, true, join, err, sizeof err);
	free(join);
	if (e)
		fprintf(stderr, _("sockshell: %s: no wire lab: %s\n"),
		        o->join ? "--join" : "--wire", err);
	return e ? 2 : 0;
}

static int start_recording(struct shell *sh, const char *path)
{
	/* Never overwrite a file silently: --record makes a new file. */
	char *cause;
	if (record_open(sh, path, "wx", &cause)) {
		fprintf(stderr, "sockshell: --record: %s\n", cause);
		free(cause);
		return 2;
	}
	return 0;
}

/* Messages and character classes from the environment, and nothing else:
 * numbers stay as in C, since a Python repr writes 1.5 in every country,
 * and the shell formats no dates and sorts bytewise. Loading only the two
 * categories it uses saves a dozen file lookups at every start. */
static void setup_locale(void)
{
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
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
	/* Before anything opens a file: a closed 0, 1 or 2 would be taken. */
	int e = fds_keep_std();
	if (e) {
		fprintf(stderr, "sockshell: /dev/null: %s\n", strerror(e));
		return 2;
	}
	setup_locale();
	shell_init(&sh);
	if (parse_options(argc, argv, &o, &sh))
		return 2;
	if ((o.wire || o.join) && !o.check && enter_lab(&sh, &o, argv[0]))
		return 2;
	setup_signals();
	if (o.check) {
		if (optind >= argc) {
			fprintf(stderr, _("sockshell: --check needs at least one FILE\n"));
			return 2;
		}
		check_set_wire(o.wire);
		return check_files(argv + optind, argc - optind, 120);
	}
	bool tty = isatty(STDIN_FILENO);
	/* no-color.org: NO_COLOR set to anything but "" turns colour off. */
	const char *no_color = getenv("NO_COLOR");
	sh.out.color = isatty(STDOUT_FILENO) && !o.no_color && !(no_color && *no_color);
	watchdog_init();
	waiting_notice(isatty(STDOUT_FILENO), sh.out.color);
	if (o.trace)
		shell_set_trace(&sh, true);
	if (o.record && start_recording(&sh, o.record))
		return 2;
	int status = run_given(&sh, &o, argc, argv, tty);
	if (shell_signal) {
		sh.exiting = true;
		sh.exit_code = 128 + shell_signal;
	}
	if (!sh.exiting && (o.interactive || (tty && !o.cmds && optind >= argc)))
		status = repl(&sh, &o);
	else if (sh.exiting)
		status = sh.exit_code;
	shell_free(&sh);
	tls_cleanup();
	if (le_sigterm) {
		sig_handle(le_sigterm, SIG_DFL, 0);
		raise(le_sigterm);
	}
	return status;
}
