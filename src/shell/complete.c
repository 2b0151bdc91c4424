/* complete.c - what may come at the cursor, read off the command table:
 * commands first, then the constants, sockets or files each parameter
 * takes. */
#include "config.h"

#include "complete.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "shell.h"
#include "strbuf.h"

#if defined(HAVE_READLINE)
#include <readline/readline.h>
#elif defined(HAVE_EDITLINE)
#include <editline/readline.h>
#endif

static struct shell *the_shell;

void complete_init(struct shell *sh)
{
	the_shell = sh;
}

struct cands {
	char **v;
	size_t n;
	const char *prefix;
	const char *lead; /* kept before each candidate (NAME. or FLAG|) */
};

static void offer(struct cands *c, const char *s)
{
	if (strncmp(s, c->prefix, strlen(c->prefix)))
		return;
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->v[i] + strlen(c->lead), s))
			return;
	c->v = xrealloc(c->v, sizeof *c->v * (c->n + 2));
	c->v[c->n++] = xasprintf("%s%s", c->lead, s);
	c->v[c->n] = NULL;
}

static void offer_consts(struct cands *c, const char *const *prefixes)
{
	for (size_t i = 0; i < const_count(); i++) {
		const char *name = const_at(i)->name;
		for (size_t p = 0; prefixes[p]; p++)
			if (!strncmp(name, prefixes[p], strlen(prefixes[p])))
				offer(c, name);
	}
}

static void offer_vars(struct cands *c, bool sockets_only)
{
	if (!the_shell)
		return;
	size_t n;
	const char **names = vars_names(&the_shell->vars, &n);
	for (size_t i = 0; i < n; i++) {
		struct value *v = vars_get(&the_shell->vars, names[i]);
		if (!sockets_only || v->type == T_SOCKET)
			offer(c, names[i]);
	}
	free(names);
}

static void offer_commands(struct cands *c)
{
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if (!(e->flags & (CMD_FILE | CMD_ATTR)))
			offer(c, e->name);
}

static void offer_methods(struct cands *c, enum vtype type)
{
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if (cmd_find_method(type, e->name) == e)
			offer(c, e->name);
}

/* The options of LEVELNAME (SOL_SOCKET, IPPROTO_TCP, ...). */
static void offer_options(struct cands *c, const char *levelname)
{
	static const struct {
		const char *level;
		const char *const prefixes[3];
	} map[] = {
		{"SOL_SOCKET", {"SO_", NULL}},
		{"IPPROTO_TCP", {"TCP_", NULL}},
		{"SOL_TCP", {"TCP_", NULL}},
		{"IPPROTO_UDP", {"UDP_", NULL}},
		{"IPPROTO_IP", {"IP_", NULL}},
		{"SOL_IP", {"IP_", NULL}},
		{"IPPROTO_IPV6", {"IPV6_", NULL}},
		{"SOL_IPV6", {"IPV6_", NULL}},
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (levelname && !strcmp(map[i].level, levelname)) {
			offer_consts(c, map[i].prefixes);
			return;
		}
	static const char *const all[] = {"SO_", "TCP_", "IP_", "IPV6_", "UDP_", NULL};
	offer_consts(c, all);
}

static void offer_param(struct cands *c, const struct param *p,
                        const char *prev)
{
	static const char *const af[] = {"AF_", NULL}, *const sk[] = {"SOCK_", NULL},
	                         *const pr[] = {"IPPROTO_", NULL},
	                         *const lv[] = {"SOL_SOCKET", "IPPROTO_TCP", "IPPROTO_IP",
	                                        "IPPROTO_IPV6", "IPPROTO_UDP", NULL},
	                         *const mf[] = {"MSG_", NULL}, *const sh[] = {"SHUT_", NULL},
	                         *const ai[] = {"AI_", NULL}, *const ni[] = {"NI_", NULL};
	switch (p->type) {
	case P_FAMILY: offer_consts(c, af); break;
	case P_SOCKTYPE: offer_consts(c, sk); break;
	case P_PROTO: offer_consts(c, pr); break;
	case P_LEVEL: offer_consts(c, lv); break;
	case P_OPTNAME: offer_options(c, prev); break;
	case P_MSGFLAGS: offer_consts(c, mf); break;
	case P_HOW: offer_consts(c, sh); break;
	case P_AIFLAGS: offer_consts(c, ai); break;
	case P_NIFLAGS: offer_consts(c, ni); break;
	case P_SOCK: offer_vars(c, true); break;
	case P_BOOL: offer(c, "True"); offer(c, "False"); break;
	case P_TIMEOUT: offer(c, "None"); break;
	case P_RAW:
		if (!strcmp(p->name, "topic")) {
			offer_commands(c);
			static const char *const any[] = {"", NULL};
			offer_consts(c, any);
		} else if (!strcmp(p->name, "on|off")) {
			offer(c, "on");
			offer(c, "off");
		} else if (!strcmp(p->name, "name")) {
			offer_vars(c, false);
		}
		break;
	case P_ANY: case P_DATA: case P_SEQ: case P_BUFFER: case P_INT:
		offer_vars(c, false);
		break;
	default:
		break;
	}
}

/* Split the statement before the cursor into words (quotes respected). */
static size_t split_words(const char *s, size_t len, char ***out)
{
	char **w = NULL;
	size_t n = 0, i = 0;
	while (i < len) {
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= len)
			break;
		size_t start = i;
		char q = 0;
		for (; i < len && (q || (s[i] != ' ' && s[i] != '\t')); i++)
			if (s[i] == '\'' || s[i] == '"')
				q = q == s[i] ? 0 : q ? q : s[i];
		w = xrealloc(w, sizeof *w * (n + 1));
		w[n++] = xstrndup(s + start, i - start);
	}
	*out = w;
	return n;
}

/* Skip "a, b =" at the start of the statement. */
static size_t skip_targets(char **w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(w[i], "=") || (strlen(w[i]) > 1 && w[i][strlen(w[i]) - 1] == '=' &&
		                            !strchr(w[i], '(')))
			return i + 1;
	return 0;
}

static void complete_first(struct cands *c, const char *text)
{
	const char *dot = strrchr(text, '.');
	if (dot && the_shell) {
		char *name = xstrndup(text, (size_t)(dot - text));
		struct value *v = vars_get(&the_shell->vars, name);
		if (v && (v->type == T_SOCKET || v->type == T_FILE)) {
			char *lead = xasprintf("%s.", name);
			c->lead = lead;
			c->prefix = dot + 1;
			offer_methods(c, v->type);
			c->lead = "";
			free(lead);
		}
		free(name);
		return;
	}
	offer_commands(c);
	offer_vars(c, false);
}

static const struct cmd_entry *callee(const char *word, int *offset)
{
	const char *dot = strchr(word, '.');
	*offset = 0;
	if (dot && strncmp(word, "socket.", 7)) {
		*offset = 1;
		return cmd_find_method(T_SOCKET, dot + 1);
	}
	return cmd_find(dot ? dot + 1 : word);
}

char **complete_candidates(const char *line, size_t end, const char *text)
{
	struct cands c = {.prefix = text, .lead = ""};
	const char *stmt = line;
	for (size_t i = 0; i < end; i++)
		if (line[i] == ';')
			stmt = line + i + 1;
	char **w;
	size_t len = (size_t)(line + end - stmt) - strlen(text);
	size_t n = split_words(stmt, len, &w);
	size_t first = skip_targets(w, n);
	if (first >= n) {
		complete_first(&c, text);
	} else {
		int offset;
		const struct cmd_entry *e = callee(w[first], &offset);
		size_t argi = n - first - 1 + (size_t)offset;
		size_t np = e ? cmd_nparams(e) : 0;
		if (e && np && argi >= np && (e->params[np - 1].flags & PF_REST))
			argi = np - 1;
		const char *bar = strrchr(text, '|');
		char *lead = bar ? xstrndup(text, (size_t)(bar - text + 1)) : NULL;
		if (lead) {
			c.lead = lead;
			c.prefix = bar + 1;
		}
		if (e && argi < np)
			offer_param(&c, &e->params[argi], n > first + 1 ? w[n - 1] : NULL);
		free(lead);
	}
	for (size_t i = 0; i < n; i++)
		free(w[i]);
	free(w);
	return c.v;
}

#if defined(HAVE_READLINE) || defined(HAVE_EDITLINE)

static char **pending;
static size_t pending_i;

static char *next_match(const char *text, int state)
{
	(void)text;
	if (!state)
		pending_i = 0;
	if (!pending || !pending[pending_i])
		return NULL;
	return pending[pending_i++];
}

static bool wants_files(const char *line, int start)
{
	char **w;
	size_t n = split_words(line, (size_t)start, &w);
	bool files = n >= 1 && (!strcmp(w[0], "source") || !strcmp(w[0], "record"));
	for (size_t i = 0; i < n; i++)
		free(w[i]);
	free(w);
	return files;
}

char **complete_attempt(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 1;
	if (wants_files(rl_line_buffer, start)) {
		rl_attempted_completion_over = 0;
		return NULL;
	}
	free(pending);
	pending = complete_candidates(rl_line_buffer, (size_t)end, text);
	char **m = rl_completion_matches(text, next_match);
	free(pending);
	pending = NULL;
	return m;
}

#else

char **complete_attempt(const char *text, int start, int end)
{
	(void)text;
	(void)start;
	(void)end;
	return NULL;
}

#endif
