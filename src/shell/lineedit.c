/* lineedit.c - Readline, libedit, or fgets: the REPL sees only the
 * wrappers in lineedit.h. */
#include "config.h"

#include "lineedit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "strbuf.h"

#if defined(HAVE_READLINE)
#include <readline/history.h>
#include <readline/readline.h>
#elif defined(HAVE_EDITLINE)
#include <editline/readline.h>
#endif

#define HISTORY_MAX 1000

static char *history_path;
static char *last_line;

const char *le_name(void)
{
	return LINE_EDITOR;
}

#if defined(HAVE_READLINE) || defined(HAVE_EDITLINE)

#include "complete.h"

void le_init(struct shell *sh, const char *histfile)
{
	complete_init(sh);
	rl_attempted_completion_function = complete_attempt;
	using_history();
	stifle_history(HISTORY_MAX);
	if (histfile) {
		history_path = xstrdup(histfile);
		read_history(history_path);
	}
}

char *le_readline(const char *prompt)
{
	return readline(prompt);
}

void le_add_history(const char *line)
{
	if (!*line || (last_line && !strcmp(line, last_line)))
		return;
	add_history(line);
	free(last_line);
	last_line = xstrdup(line);
}

/* Write to a new file and rename it over the old, so a crash part way
 * leaves the old history whole; mode 0600, as it may hold addresses. */
void le_finish(void)
{
	if (!history_path)
		return;
	char *tmp = xasprintf("%s.%ld.tmp", history_path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
	if (fd >= 0) {
		close(fd);
		if (write_history(tmp) == 0)
			rename(tmp, history_path);
		else
			unlink(tmp);
	}
	free(tmp);
	free(history_path);
	history_path = NULL;
	free(last_line);
	last_line = NULL;
}

#else

void le_init(struct shell *sh, const char *histfile)
{
	(void)sh;
	(void)histfile;
}

char *le_readline(const char *prompt)
{
	fputs(prompt, stdout);
	fflush(stdout);
	struct strbuf b = {0};
	int c;
	while ((c = getchar()) != EOF && c != '\n')
		sb_addc(&b, (char)c);
	if (c == EOF && b.len == 0) {
		sb_free(&b);
		return NULL;
	}
	return sb_take(&b);
}

void le_add_history(const char *line)
{
	(void)line;
	(void)last_line;
}

void le_finish(void)
{
	(void)history_path;
}

#endif
