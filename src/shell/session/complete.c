/* complete.c - what may come at the cursor, read off the command table:
 * commands and variables where a statement starts, methods after NAME.,
 * and in an argument position the constants, sockets or files that
 * parameter takes. The editor glue at the end is the only part that knows
 * Readline or libedit. */
#include "config.h"

#include "complete.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../../core/file.h"
#include "../../core/sockopt.h"
#include "../lang/args.h"
#include "../commands/cmd.h"
#include "state.h"
#include "../strbuf.h"

#define EDITLIB_CALLS /* rl_line_buffer and the rest through the table */
#include "editlib.h"

static struct shell *the_shell;

void complete_init(struct shell *sh)
{
	the_shell = sh;
}

/* ---- the candidates ---- */

struct cands {
	char **v;
	size_t n;
	const char *prefix; /* what a name must start with */
	char *lead;         /* kept before each candidate (NAME., FLAG|, a quote) */
	char *taken;        /* the flags already in the argument: A|B|... */
	char append;        /* after a single match: ' ', '.', '/', a quote */
};

/* Is S one of the flags already written in TAKEN ("A|socket.B|")? */
static bool in_lead(const char *taken, const char *s)
{
	size_t n = strlen(s);
	for (const char *p = taken; p && *p;) {
		if (!strncmp(p, "socket.", 7))
			p += 7;
		size_t k = strcspn(p, "|");
		if (k == n && !strncmp(p, s, n))
			return true;
		p += k + (p[k] ? 1 : 0);
	}
	return false;
}

static void offer(struct cands *c, const char *s)
{
	if (strncmp(s, c->prefix, strlen(c->prefix)) || in_lead(c->taken, s))
		return;
	c->v = xrealloc(c->v, sizeof *c->v * (c->n + 2));
	c->v[c->n++] = xasprintf("%s%s", c->lead ? c->lead : "", s);
	c->v[c->n] = NULL;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted, each once: Readline and libedit then show the same list. */
static void sort_unique(struct cands *c)
{
	if (!c->n)
		return;
	qsort(c->v, c->n, sizeof *c->v, cmp_str);
	size_t k = 1;
	for (size_t i = 1; i < c->n; i++) {
		if (strcmp(c->v[i], c->v[k - 1]))
			c->v[k++] = c->v[i];
		else
			free(c->v[i]);
	}
	c->n = k;
	c->v[k] = NULL;
}

/* Split TEXT into the part kept (up to the last '|', then "socket.") and
 * the name being typed. */
static void set_lead(struct cands *c, const char *text)
{
	const char *p = text;
	const char *bar = strrchr(text, '|');
	if (bar)
		p = bar + 1;
	if (!strncmp(p, "socket.", 7))
		p += 7;
	free(c->lead);
	c->lead = p > text ? xstrndup(text, (size_t)(p - text)) : NULL;
	c->prefix = p;
}

static void offer_kind(struct cands *c, enum const_kind kind, const char *pfx)
{
	for (size_t i = 0; i < const_count(); i++) {
		const struct sk_const *k = const_at(i);
		if (k->kind == kind && !strncmp(k->name, pfx, strlen(pfx)))
			offer(c, k->name);
	}
}

static void offer_all_consts(struct cands *c)
{
	for (size_t i = 0; i < const_count(); i++)
		offer(c, const_at(i)->name);
}

static bool is_object(const struct value *v)
{
	return v && (v->type == T_SOCKET || v->type == T_FILE);
}

static struct value *var(const char *name)
{
	return the_shell ? vars_get(&the_shell->vars, name) : NULL;
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
		if (!(e->flags & (CMD_FILE | CMD_ATTR | CMD_HIDDEN)))
			offer(c, e->name);
}

/* socket.NAME: what Python's socket module has, functions and constants. */
static void offer_module(struct cands *c)
{
	static const struct cmd_entry *const module[] = {
		cmd_module_table, cmd_inet_table, cmd_names_table};
	for (size_t t = 0; t < sizeof module / sizeof *module; t++)
		for (size_t i = 0; module[t][i].name; i++)
			offer(c, module[t][i].name);
	offer_all_consts(c);
}

static void offer_methods(struct cands *c, enum vtype type)
{
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if (cmd_find_method(type, e->name) == e)
			offer(c, e->name);
}

/* struct.NAME, int.NAME: the commands named so; for a variable holding a
 * str, bytes or int (TYPE given, VALUES set), its methods ('hi'.encode). */
static void offer_dotted(struct cands *c, const char *type, bool values)
{
	size_t tl = strlen(type);
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++) {
		const char *names[] = {e->name, e->alias};
		for (size_t k = 0; k < 2; k++)
			if (names[k] && !strncmp(names[k], type, tl) &&
			    names[k][tl] == '.' && (!values || (e->flags & CMD_VALUE)))
				offer(c, names[k] + tl + 1);
	}
}

/* The levels that have options in the option table. */
static void offer_levels(struct cands *c)
{
	static const char *const levels[] = {"SOL_SOCKET", "IPPROTO_IP", "IPPROTO_IPV6",
	                                     "IPPROTO_TCP", "IPPROTO_UDP"};
	for (size_t i = 0; i < sizeof levels / sizeof *levels; i++)
		if (const_lookup(levels[i]))
			offer(c, levels[i]);
}

/* The options at LEVEL (a constant's name, or NULL for every level) that
 * can be set (SETTING) or read. */
static void offer_options(struct cands *c, const char *level, bool setting)
{
	const struct sk_const *lv = level ? const_lookup(level) : NULL;
	for (size_t i = 0; i < sockopt_count(); i++) {
		const struct sockopt_desc *d = sockopt_at(i);
		if (lv && d->level != lv->value)
			continue;
		if (setting ? d->writable : d->readable)
			offer(c, d->name);
	}
}

/* ---- file names ---- */

/* Tab on a file name: what is typed so far, split. */
struct file_query {
	struct cands *c;
	const char *dir;  /* as typed, up to its last '/' */
	const char *path; /* DIR as a directory to open */
	const char *base; /* the last part: the entries' start */
	size_t dirs;      /* how many directories were offered */
};

/* One entry of the directory: offered when it starts with the last part;
 * directories end in '/'. Hidden ones only when asked for with a dot. */
static void offer_file(void *ctx, const char *entry)
{
	struct file_query *q = ctx;
	if (strncmp(entry, q->base, strlen(q->base)) ||
	    (entry[0] == '.' && q->base[0] != '.'))
		return;
	char *full = xasprintf("%s/%s", q->path, entry);
	bool isdir = file_is_dir(full);
	free(full);
	char *name = xasprintf("%s%s%s", q->dir, entry, isdir ? "/" : "");
	offer(q->c, name);
	free(name);
	q->dirs += isdir;
}

/* The entries of the directory in PATH that start with its last part. */
static void offer_files(struct cands *c, const char *text)
{
	const char *path = text;
	char quote = 0;
	if (*path == '\'' || *path == '"')
		quote = *path++;
	free(c->lead);
	c->lead = quote ? xstrndup(text, 1) : NULL;
	c->prefix = "";
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup("");
	char *opendir_path;
	const char *home = getenv("HOME");
	if (!strncmp(dir, "~/", 2) && home)
		opendir_path = xasprintf("%s%s", home, dir + 1);
	else
		opendir_path = xstrdup(*dir ? dir : ".");
	struct file_query q = {c, dir, opendir_path, slash ? slash + 1 : path, 0};
	file_list_dir(opendir_path, offer_file, &q);
	/* A directory is completed without a space, so Tab goes on inside. */
	c->append = c->n == 1 && q.dirs ? '\0' : quote ? quote : ' ';
	free(dir);
	free(opendir_path);
}

/* ---- where the cursor is ---- */

#define MAXWORDS 32

/* One level of nesting: the statement itself, a Python-form call's
 * parentheses, or a tuple or list. */
struct frame {
	enum { F_STMT, F_CALL, F_GROUP } kind;
	char *callee;            /* F_CALL: the name before '(' */
	char *args[MAXWORDS];    /* finished arguments (F_STMT: the words) */
	size_t nargs;
	size_t start;            /* where the argument being typed began */
	char *kw;                /* F_CALL: NAME= given for it */
};

struct scan {
	struct frame f[8];
	int depth;
	bool dead; /* inside a string or a comment: nothing to offer */
};

static void frame_clear(struct frame *f)
{
	free(f->callee);
	for (size_t i = 0; i < f->nargs; i++)
		free(f->args[i]);
	free(f->kw);
	memset(f, 0, sizeof *f);
}

static void push_frame(struct scan *s, int kind, char *callee, size_t start)
{
	if (s->depth + 1 >= (int)(sizeof s->f / sizeof *s->f)) {
		free(callee);
		s->dead = true;
		return;
	}
	struct frame *f = &s->f[++s->depth];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->callee = callee;
	f->start = start;
}

static char *trimmed(const char *p, size_t len)
{
	while (len && isspace((unsigned char)*p))
		p++, len--;
	while (len && isspace((unsigned char)p[len - 1]))
		len--;
	return xstrndup(p, len);
}

static void add_arg(struct frame *f, const char *line, size_t end)
{
	char *a = trimmed(line + f->start, end > f->start ? end - f->start : 0);
	if (!*a || f->nargs >= MAXWORDS) {
		free(a);
		return;
	}
	if (f->kw) {
		/* A keyword argument does not shift the positional ones. */
		free(a);
		free(f->kw);
		f->kw = NULL;
		return;
	}
	f->args[f->nargs++] = a;
}

static bool is_name_char(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_' || ch == '.';
}

/* Is LINE[from, to) a (dotted) name, after leading blanks? */
static bool is_name(const char *line, size_t from, size_t to, size_t *at)
{
	while (from < to && isspace((unsigned char)line[from]))
		from++;
	if (from >= to || isdigit((unsigned char)line[from]))
		return false;
	for (size_t i = from; i < to; i++)
		if (!is_name_char(line[i]))
			return false;
	*at = from;
	return true;
}

static const struct cmd_entry *resolve(const char *word, const char **self,
                                       int *offset);

/* After the statement's words so far, does a statement come next (the
 * argument of repeat or time)? */
static bool stmt_follows(const struct frame *f)
{
	if (f->nargs < 1)
		return false;
	const char *self;
	int offset;
	const struct cmd_entry *e = resolve(f->args[0], &self, &offset);
	size_t k = f->nargs - 1 + (size_t)offset;
	return e && k < cmd_nparams(e) && e->params[k].type == P_STMT;
}

/* Read LINE[0, END) as the shell will, keeping only what completion needs. */
static void scan_line(struct scan *s, const char *line, size_t end)
{
	memset(s, 0, sizeof *s);
	for (size_t i = 0; i < end && !s->dead; i++) {
		struct frame *f = &s->f[s->depth];
		char ch = line[i];
		if (ch == '\'' || ch == '"') {
			size_t j = i + 1;
			while (j < end && line[j] != ch)
				j += line[j] == '\\' ? 2 : 1;
			if (j >= end)
				s->dead = true;
			i = j;
		} else if (ch == '#') {
			s->dead = true;
		} else if (ch == ';' && s->depth == 0) {
			frame_clear(f);
			f->start = i + 1;
		} else if (ch == '(' || ch == '[') {
			size_t at;
			/* NAME( is a Python-form call; any other ( a tuple. */
			if (ch == '(' && i > 0 && is_name_char(line[i - 1]) &&
			    is_name(line, f->start, i, &at))
				push_frame(s, F_CALL, xstrndup(line + at, i - at), i + 1);
			else
				push_frame(s, F_GROUP, NULL, i + 1);
		} else if ((ch == ')' || ch == ']') && s->depth > 0) {
			frame_clear(f);
			s->depth--;
		} else if (ch == ',' && f->kind != F_STMT) {
			add_arg(f, line, i);
			f->start = i + 1;
		} else if (ch == '=' && f->kind == F_STMT) {
			/* "a, b =": what came before are the targets. */
			frame_clear(f);
			f->start = i + 1;
		} else if (ch == '=' && f->kind == F_CALL) {
			size_t at;
			if (is_name(line, f->start, i, &at)) {
				free(f->kw);
				f->kw = trimmed(line + at, i - at);
				f->start = i + 1;
			}
		} else if ((ch == ' ' || ch == '\t') && f->kind == F_STMT) {
			add_arg(f, line, i);
			f->start = i + 1;
			if (stmt_follows(f)) {
				frame_clear(f);
				f->start = i + 1;
			}
		}
	}
}

/* The command WORD calls: a command, socket.NAME, or NAME.METHOD (then
 * *SELF is NAME and OFFSET 1: the object is the first parameter). */
static const struct cmd_entry *resolve(const char *word, const char **self,
                                       int *offset)
{
	*self = NULL;
	*offset = 0;
	if (!strncmp(word, "socket.", 7) && !strchr(word + 7, '.'))
		return cmd_find(word + 7);
	const struct cmd_entry *whole = cmd_find(word); /* struct.pack */
	if (whole)
		return whole;
	const char *dot = strrchr(word, '.');
	if (!dot)
		return cmd_find(word);
	char *obj = xstrndup(word, (size_t)(dot - word));
	struct value *v = var(obj);
	free(obj);
	*offset = 1;
	*self = word;
	return cmd_find_method(v && v->type == T_FILE ? T_FILE : T_SOCKET, dot + 1);
}

/* Where the cursor is: which command, which of its parameters, and the
 * arguments before it. */
struct ctx {
	const struct cmd_entry *cmd;
	size_t param;       /* index into cmd->params */
	const char *self;   /* NAME.METHOD: the word holding NAME */
	const struct frame *f;
	int offset;         /* 1 for methods */
	bool stmt_start;
	bool in_group;
};

/* The text of parameter K's argument, NULL when not given. */
static const char *arg_text(const struct ctx *x, size_t k)
{
	if (k == 0 && x->offset)
		return NULL;
	size_t i = k - (size_t)x->offset + (x->f->kind == F_STMT ? 1 : 0);
	if (i >= x->f->nargs)
		return NULL;
	const char *a = x->f->args[i];
	return strncmp(a, "socket.", 7) ? a : a + 7;
}

/* The socket value the call is on (first parameter), if known. */
static struct value *target_socket(const struct ctx *x)
{
	struct value *v = NULL;
	if (x->self) {
		char *obj = xstrndup(x->self, (size_t)(strrchr(x->self, '.') - x->self));
		v = var(obj);
		free(obj);
	} else if (x->cmd && cmd_nparams(x->cmd) && x->cmd->params[0].type == P_SOCK) {
		const char *a = arg_text(x, 0);
		v = a ? var(a) : NULL;
	}
	return v && v->type == T_SOCKET ? v : NULL;
}

static bool locate(struct ctx *x, const struct scan *s)
{
	memset(x, 0, sizeof *x);
	const struct frame *f = &s->f[s->depth];
	x->f = f;
	if (f->kind == F_GROUP) {
		x->in_group = true;
		return true;
	}
	size_t argi;
	if (f->kind == F_STMT) {
		if (!f->nargs) {
			x->stmt_start = true;
			return true;
		}
		x->cmd = resolve(f->args[0], &x->self, &x->offset);
		argi = f->nargs - 1;
	} else {
		x->cmd = resolve(f->callee, &x->self, &x->offset);
		argi = f->nargs;
	}
	if (!x->cmd)
		return false;
	size_t np = cmd_nparams(x->cmd);
	x->param = argi + (size_t)x->offset;
	if (f->kind == F_CALL && f->kw) {
		for (x->param = 0; x->param < np; x->param++)
			if (!strcmp(x->cmd->params[x->param].name, f->kw))
				break;
	}
	if (np && x->param >= np && (x->cmd->params[np - 1].flags & PF_REST))
		x->param = np - 1;
	return x->param < np;
}

/* ---- what each parameter takes ---- */

static bool takes_file(const struct param *p)
{
	enum offer o = ptype_info(p->type)->offer;
	return o == OFFER_FILES || o == OFFER_RECORD;
}

/* File names after whatever C holds already (record: off). */
static void add_files(struct cands *c, const char *text)
{
	struct cands files = {.append = ' '};
	offer_files(&files, text);
	for (size_t i = 0; i < files.n; i++) {
		c->v = xrealloc(c->v, sizeof *c->v * (c->n + 2));
		c->v[c->n++] = files.v[i];
		c->v[c->n] = NULL;
	}
	c->append = files.append;
	free(files.v);
	free(files.lead);
}

static void offer_option_names(struct cands *c, const struct ctx *x, size_t k)
{
	const char *level = NULL;
	for (size_t i = 0; i < k; i++)
		if (x->cmd->params[i].type == P_LEVEL)
			level = arg_text(x, i);
	offer_options(c, level, (x->cmd->params[k].flags & PF_WRITE) != 0);
}

static void offer_address(struct cands *c, const struct ctx *x,
                          const char *text)
{
	struct value *v = target_socket(x);
	if (v && v->u.sock.family == AF_UNIX)
		offer_files(c, text);
	else
		offer_vars(c, false);
}

/* wire's first word, then what that word takes: on or off after ts, a
 * socket after packetdrill, a file after save. */
static void offer_wire(struct cands *c, const struct ctx *x, const char *text)
{
	static const char *const words[] = {"on", "off", "ts", "packetdrill",
	                                    "ladder", "save"};
	const char *first = arg_text(x, 0), *second = arg_text(x, 1);
	if (!first) {
		for (size_t i = 0; i < sizeof words / sizeof *words; i++)
			offer(c, words[i]);
	} else if (second) {
		return;
	} else if (!strcmp(first, "ts")) {
		offer(c, "on");
		offer(c, "off");
	} else if (!strcmp(first, "packetdrill")) {
		offer_vars(c, true);
	} else if (!strcmp(first, "save")) {
		add_files(c, text);
	}
}

/* What parameter K takes, as args.c's table of types says. */
static void offer_param(struct cands *c, const struct ctx *x, size_t k,
                        const char *text)
{
	const struct ptype_info *t = ptype_info(x->cmd->params[k].type);
	switch (t->offer) {
	case OFFER_KIND: offer_kind(c, ptype_kind(t->type), t->prefixes[0]); break;
	case OFFER_LEVELS: offer_levels(c); break;
	case OFFER_OPTIONS: offer_option_names(c, x, k); break;
	case OFFER_SOCKETS: offer_vars(c, true); break;
	case OFFER_BOOL: offer(c, "True"); offer(c, "False"); offer_vars(c, false); break;
	case OFFER_TIMEOUT: offer(c, "None"); offer_vars(c, false); break;
	case OFFER_ADDRESS: offer_address(c, x, text); break;
	case OFFER_TOPICS: offer_commands(c); offer_all_consts(c); break;
	case OFFER_ONOFF: offer(c, "on"); offer(c, "off"); break;
	case OFFER_CONSTS: offer_all_consts(c); break;
	case OFFER_MODULES: offer(c, "socket"); break;
	case OFFER_FILES:
		/* A raw path (source FILE) never keeps a quote as its lead. */
		if (t->raw)
			add_files(c, text);
		else
			offer_files(c, text);
		break;
	case OFFER_RECORD: offer(c, "off"); add_files(c, text); break;
	case OFFER_WIRE: offer_wire(c, x, text); break;
	case OFFER_VARS_CONSTS:
		offer_vars(c, false);
		if (*c->prefix)
			offer_all_consts(c);
		break;
	case OFFER_VARS: offer_vars(c, false); break;
	case OFFER_NOTHING: break;
	}
}

/* Where a statement starts: commands and variables, NAME.ATTRIBUTE after
 * a dot. */
static void complete_start(struct cands *c, const char *text)
{
	const char *dot = strrchr(text, '.');
	if (!dot) {
		offer_commands(c);
		offer_vars(c, false);
		if (c->n == 1 && is_object(var(c->v[0])))
			c->append = '.';
		return;
	}
	char *obj = xstrndup(text, (size_t)(dot - text));
	c->lead = xstrndup(text, (size_t)(dot - text + 1));
	c->prefix = dot + 1;
	struct value *v = var(obj);
	if (is_object(v))
		offer_methods(c, v->type);
	else if (!strcmp(obj, "socket") && !v)
		offer_module(c);
	else
		offer_dotted(c, v ? v_type_name(v) : obj, v != NULL);
	free(obj);
}

static void complete_into(struct cands *c, const char *line, size_t end,
                          const char *text)
{
	size_t tlen = strlen(text);
	size_t start = end >= tlen ? end - tlen : 0;
	c->prefix = text;
	c->append = ' ';
	struct scan s;
	scan_line(&s, line, start);
	const struct frame *f = &s.f[s.depth];
	char *partial = trimmed(line + f->start, start > f->start ? start - f->start : 0);
	struct ctx x;
	if (s.dead || !locate(&x, &s)) {
		/* inside a string or a comment, or after an unknown command */
	} else if (x.stmt_start) {
		complete_start(c, text);
	} else if (x.in_group) {
		set_lead(c, text);
		offer_vars(c, false);
		c->append = '\0';
	} else {
		const struct param *p = &x.cmd->params[x.param];
		bool files = takes_file(p) || p->type == P_ADDR;
		if (!files) {
			set_lead(c, text);
			c->taken = xasprintf("%s%s", partial, c->lead ? c->lead : "");
		}
		offer_param(c, &x, x.param, text);
		/* An optional flags argument taken only when it is an int may
		 * be left out: the next parameter fits there too. */
		size_t np = cmd_nparams(x.cmd);
		if ((p->flags & PF_IFINT) && x.param + 1 < np)
			offer_param(c, &x, x.param + 1, text);
		/* In parentheses a ',' or ')' comes next, not a blank. */
		if (x.f->kind == F_CALL && c->append == ' ')
			c->append = '\0';
	}
	for (int i = 0; i <= s.depth; i++)
		frame_clear(&s.f[i]);
	free(partial);
	free(c->taken);
	c->taken = NULL;
	sort_unique(c);
}

char **complete_candidates(const char *line, size_t end, const char *text)
{
	struct cands c = {0};
	complete_into(&c, line, end, text);
	free(c.lead);
	return c.v;
}

size_t complete_word_start(const char *line, size_t end)
{
	size_t i = end;
	while (i > 0 && !strchr(COMPLETE_BREAKS, line[i - 1]))
		i--;
	return i;
}

/* ---- the editor's hook ---- */

#if defined(HAVE_READLINE) || defined(HAVE_EDITLINE)

/* The longest common prefix of the candidates. */
static char *common_prefix(char **v, size_t n)
{
	size_t len = strlen(v[0]);
	for (size_t i = 1; i < n; i++) {
		size_t k = 0;
		while (k < len && v[i][k] == v[0][k])
			k++;
		len = k;
	}
	return xstrndup(v[0], len);
}

/* Readline's form, built here rather than by rl_completion_matches:
 * [replacement, match1, ..., NULL], or for one match [match, NULL] in
 * Readline but [match, match, NULL] in libedit, which reads matches[2]. */
char **complete_attempt(const char *text, int start, int end)
{
	(void)start;
	rl_attempted_completion_over = 1; /* never Readline's own file names */
	struct cands c = {0};
	complete_into(&c, rl_line_buffer, (size_t)end, text);
	free(c.lead);
	rl_completion_append_character = c.append;
	if (!c.n) {
		free(c.v);
		return NULL;
	}
	char **m = xmalloc(sizeof *m * (c.n + 2));
	if (c.n == 1) {
		m[0] = c.v[0];
#if defined(HAVE_EDITLINE)
		m[1] = xstrdup(c.v[0]);
		m[2] = NULL;
#else
		m[1] = NULL;
#endif
	} else {
		m[0] = common_prefix(c.v, c.n);
		memcpy(m + 1, c.v, sizeof *m * c.n);
		m[c.n + 1] = NULL;
	}
	free(c.v);
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
