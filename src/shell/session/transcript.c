/* transcript.c - transcripts as text: splitting them into statements and
 * expected output, matching actual output with "..." wildcards, and the
 * unified diff (Myers' linear-space algorithm) shown on a mismatch. Pure
 * text processing: no I/O. */
#include "transcript.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/hash.h"
#include "../strbuf.h"

#define BLANKLINE "<BLANKLINE>"
#define ELLIPSIS "..."
#define CONTEXT 3

/* Put where the text holds a NUL byte, so that the rest of the line
 * survives as a C string: the two-byte NUL of "modified UTF-8", which is
 * not valid UTF-8, so the parser can still tell that a NUL was there and
 * refuse the line as Python does (lex_nul_at). */
static const char replacement[] = "\xc0\x80";

/* ---- parsing ---------------------------------------------------------- */

/* A copy of the N bytes at S as a string, each NUL replaced by C0 80. */
static char *copy_line(const char *s, size_t n)
{
	size_t nuls = 0, len, i;
	char *p, *out;

	for (i = 0; i < n; i++)
		nuls += s[i] == '\0';
	len = n + nuls * (sizeof(replacement) - 2);
	out = malloc(len + 1);
	if (!out)
		return NULL;
	for (p = out, i = 0; i < n; i++) {
		if (s[i] == '\0') {
			memcpy(p, replacement, sizeof(replacement) - 1);
			p += sizeof(replacement) - 1;
		} else {
			*p++ = s[i];
		}
	}
	*p = '\0';
	return out;
}

static size_t count_lines(const char *text, size_t len)
{
	size_t n = 0, i;

	for (i = 0; i < len; i++)
		n += text[i] == '\n';
	/* A last line without its newline still counts. */
	if (len > 0 && text[len - 1] != '\n')
		n++;
	return n;
}

static int split_lines(const char *text, size_t len, struct transcript *t)
{
	size_t n = count_lines(text, len), start = 0, end, stop, k;

	t->lines = calloc(n ? n : 1, sizeof(*t->lines));
	if (!t->lines)
		return -1;
	for (k = 0; k < n; k++) {
		const char *nl = memchr(text + start, '\n', len - start);

		end = nl ? (size_t)(nl - text) : len;
		/* CRLF: the CR belongs to the line ending, not to the line. */
		stop = end > start && text[end - 1] == '\r' ? end - 1 : end;
		t->lines[k] = copy_line(text + start, stop - start);
		if (!t->lines[k])
			return -1;
		t->nlines = k + 1;
		start = end + 1;
	}
	return 0;
}

/* The statement of a prompt line, or NULL when LINE is not one. "sock>"
 * alone is the prompt with an empty statement (editors strip the space). */
static const char *prompt_stmt(const char *line)
{
	size_t plen = strlen(TRANSCRIPT_PROMPT);

	if (strncmp(line, TRANSCRIPT_PROMPT, plen) == 0)
		return line + plen;
	if (strncmp(line, TRANSCRIPT_PROMPT, plen - 1) == 0 &&
	    line[plen - 1] == '\0')
		return line + plen - 1;
	return NULL;
}

/* Index past the expected output of the prompt at line I. */
static size_t output_end(const struct transcript *t, size_t i)
{
	size_t j = i + 1;

	while (j < t->nlines && t->lines[j][0] != '\0' &&
	       !prompt_stmt(t->lines[j]))
		j++;
	return j;
}

static int fill_case(struct transcript *t, size_t i, struct tr_case *c)
{
	size_t end = output_end(t, i), k;

	c->line = (int)(i + 1);
	c->stmt = strdup(prompt_stmt(t->lines[i]));
	if (!c->stmt)
		return -1;
	c->expected = calloc(end - i, sizeof(*c->expected));
	if (!c->expected)
		return -1;
	for (k = i + 1; k < end; k++) {
		const char *s = t->lines[k];

		c->expected[c->nexpected] =
		    strdup(strcmp(s, BLANKLINE) == 0 ? "" : s);
		if (!c->expected[c->nexpected])
			return -1;
		c->nexpected++;
	}
	return 0;
}

static int find_cases(struct transcript *t)
{
	size_t n = 0, i;

	for (i = 0; i < t->nlines; i++)
		n += prompt_stmt(t->lines[i]) != NULL;
	t->cases = calloc(n ? n : 1, sizeof(*t->cases));
	if (!t->cases)
		return -1;
	for (i = 0; i < t->nlines; i++) {
		if (!prompt_stmt(t->lines[i]))
			continue;
		/* Counted first, so transcript_free sees a half-filled case. */
		t->ncases++;
		if (fill_case(t, i, &t->cases[t->ncases - 1]) < 0)
			return -1;
	}
	return 0;
}

int transcript_parse(const char *text, size_t len, struct transcript *out)
{
	memset(out, 0, sizeof(*out));
	if (!text)
		len = 0;
	if (split_lines(text, len, out) < 0 || find_cases(out) < 0) {
		transcript_free(out);
		return -1;
	}
	return 0;
}

static void free_strings(char **v, size_t n)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Safe on a zeroed transcript and when called twice. */
void transcript_free(struct transcript *t)
{
	size_t i;

	for (i = 0; t->cases && i < t->ncases; i++) {
		free(t->cases[i].stmt);
		free_strings(t->cases[i].expected, t->cases[i].nexpected);
	}
	free(t->cases);
	free_strings(t->lines, t->nlines);
	memset(t, 0, sizeof(*t));
}

/* ---- matching --------------------------------------------------------- */

/* Does S match PAT, where each "..." in PAT stands for any text? Greedy
 * left to right is exact with a single kind of wildcard: taking the
 * earliest place for each middle piece leaves the most room for the rest.
 * Pieces are split at the leftmost "...", as doctest does ("...." is a
 * wildcard and a dot). */
static bool line_match(const char *pat, const char *s)
{
	const char *w = strstr(pat, ELLIPSIS), *hit;
	size_t n, slen, plen;

	if (!w)
		return strcmp(pat, s) == 0;
	n = (size_t)(w - pat);
	if (strncmp(pat, s, n) != 0)
		return false;
	s += n;
	slen = strlen(s);
	pat = w + strlen(ELLIPSIS);
	while ((w = strstr(pat, ELLIPSIS)) != NULL) {
		n = (size_t)(w - pat);
		hit = n ? memmem(s, slen, pat, n) : s;
		if (!hit)
			return false;
		slen -= (size_t)(hit - s) + n;
		s = hit + n;
		pat = w + strlen(ELLIPSIS);
	}
	plen = strlen(pat);
	return plen <= slen && memcmp(s + slen - plen, pat, plen) == 0;
}

static bool is_dots(const char *line)
{
	return strcmp(line, ELLIPSIS) == 0;
}

/* Dynamic programming from the ends: row I holds, for each J, whether
 * EXPECTED[I..] matches ACTUAL[J..]. Only two rows are kept, so time is
 * O(ne * na) line tests and memory O(na). Out of memory gives false. */
bool transcript_match(char *const *expected, size_t ne, char *const *actual,
		      size_t na)
{
	bool *next = calloc(na + 1, sizeof(*next));
	bool *cur = calloc(na + 1, sizeof(*cur));
	bool ok = false, *tmp;
	size_t i, j;

	if (!next || !cur)
		goto out;
	next[na] = true;
	for (i = ne; i-- > 0;) {
		bool dots = is_dots(expected[i]);

		cur[na] = dots && next[na];
		for (j = na; j-- > 0;) {
			if (dots)
				cur[j] = next[j] || cur[j + 1];
			else
				cur[j] = next[j + 1] &&
					 line_match(expected[i], actual[j]);
		}
		tmp = next;
		next = cur;
		cur = tmp;
	}
	ok = next[0];
out:
	free(next);
	free(cur);
	return ok;
}

/* ---- unified diff ----------------------------------------------------- */

/* Lines are compared as numbers: equal lines get equal ids. */
struct interner {
	const char **key;
	long *id;
	size_t mask;
	long next;
};

static int interner_init(struct interner *in, size_t n)
{
	size_t cap = 16;

	while (cap < 2 * n)
		cap *= 2;
	in->key = calloc(cap, sizeof(*in->key));
	in->id = calloc(cap, sizeof(*in->id));
	in->mask = cap - 1;
	in->next = 0;
	return in->key && in->id ? 0 : -1;
}

static long intern(struct interner *in, const char *s)
{
	size_t h = (size_t)fnv1a_str(s) & in->mask;

	while (in->key[h] && strcmp(in->key[h], s) != 0)
		h = (h + 1) & in->mask;
	if (!in->key[h]) {
		in->key[h] = s;
		in->id[h] = in->next++;
	}
	return in->id[h];
}

struct dctx {
	const long *a, *b; /* line ids */
	char *da, *db;	   /* deleted from a, inserted into b */
	long *vf, *vb;	   /* furthest x per diagonal, forward and backward */
};

/* A middle snake: the diagonal run from (x0, y0) to (x1, y1). */
struct snake {
	long x0, y0, x1, y1;
};

#define F_NONE (-1L)
#define B_NONE LONG_MAX

/* Forward step D of Myers' search over A[0..N) and B[0..M): the furthest
 * point on each diagonal K = x - y. Only points inside the grid count, so
 * a candidate off the edge is dropped instead of poisoning the overlap
 * test. Returns true with *S set when it meets the backward search. */
static bool forward_step(const struct dctx *c, const long *a, const long *b,
			 long n, long m, long d, struct snake *s)
{
	long *vf = c->vf, *vb = c->vb, delta = n - m, k;

	vf[-d - 1] = F_NONE;
	vf[d + 1] = d ? F_NONE : 0; /* step 0 starts "down" from (0, -1) */
	for (k = -d; k <= d; k += 2) {
		long x = F_NONE, y, x0, kb = k - delta;

		if (vf[k - 1] != F_NONE && vf[k - 1] + 1 <= n)
			x = vf[k - 1] + 1;
		if (vf[k + 1] != F_NONE && vf[k + 1] - k <= m && vf[k + 1] > x)
			x = vf[k + 1];
		vf[k] = x;
		if (x == F_NONE)
			continue;
		x0 = x;
		y = x - k;
		while (x < n && y < m && a[x] == b[y])
			x++, y++;
		vf[k] = x;
		if ((delta & 1) && kb >= -(d - 1) && kb <= d - 1 &&
		    vb[kb] != B_NONE && vb[kb] <= x) {
			*s = (struct snake){x0, x0 - k, x, y};
			return true;
		}
	}
	return false;
}

/* Backward step D: the point nearest the origin on each diagonal
 * K + delta, searching from (N, M); VB is indexed by K. */
static bool backward_step(const struct dctx *c, const long *a, const long *b,
			  long n, long m, long d, struct snake *s)
{
	long *vf = c->vf, *vb = c->vb, delta = n - m, k;

	vb[-d - 1] = B_NONE;
	vb[d + 1] = d ? B_NONE : n + 1; /* step 0 starts "left" of (N, M) */
	for (k = -d; k <= d; k += 2) {
		long diag = k + delta, x = B_NONE, y, x1;

		if (vb[k + 1] != B_NONE && vb[k + 1] - 1 >= 0)
			x = vb[k + 1] - 1;
		if (vb[k - 1] != B_NONE && vb[k - 1] - diag >= 0 &&
		    vb[k - 1] < x)
			x = vb[k - 1];
		vb[k] = x;
		if (x == B_NONE)
			continue;
		x1 = x;
		y = x - diag;
		while (x > 0 && y > 0 && a[x - 1] == b[y - 1])
			x--, y--;
		vb[k] = x;
		if (!(delta & 1) && diag >= -d && diag <= d &&
		    vf[diag] != F_NONE && vf[diag] >= x) {
			*s = (struct snake){x, y, x1, x1 - diag};
			return true;
		}
	}
	return false;
}

/* The middle snake of an optimal path through A[0..N) and B[0..M), both
 * non-empty. It splits the problem into two of at most half the cost. */
static void middle_snake(const struct dctx *c, const long *a, const long *b,
			 long n, long m, struct snake *s)
{
	long d;

	for (d = 0;; d++) {
		if (forward_step(c, a, b, n, m, d, s) ||
		    backward_step(c, a, b, n, m, d, s))
			return;
	}
}

/* Marks the lines of A[A0..A1) deleted and B[B0..B1) inserted by a
 * shortest edit script. Recursion depth is about log2 of the cost. */
static void diff_range(struct dctx *c, long a0, long a1, long b0, long b1)
{
	struct snake s;

	while (a0 < a1 && b0 < b1 && c->a[a0] == c->b[b0])
		a0++, b0++;
	while (a0 < a1 && b0 < b1 && c->a[a1 - 1] == c->b[b1 - 1])
		a1--, b1--;
	if (a0 == a1 || b0 == b1) {
		memset(c->da + a0, 1, (size_t)(a1 - a0));
		memset(c->db + b0, 1, (size_t)(b1 - b0));
		return;
	}
	/* Both sides non-empty and trimmed: the cost is at least 2, and each
	 * half costs less, so this ends. */
	middle_snake(c, c->a + a0, c->b + b0, a1 - a0, b1 - b0, &s);
	diff_range(c, a0, a0 + s.x0, b0, b0 + s.y0);
	diff_range(c, a0 + s.x1, a1, b0 + s.y1, b1);
}

/* One run of changes: DEL lines deleted at A[L0], INS inserted at B[L1]. */
struct change {
	long l0, del, l1, ins;
};

/* The changes from the marks, in order; NULL when out of memory. */
static struct change *collect_changes(const char *da, long na, const char *db,
				      long nb, size_t *count)
{
	struct change *ch = malloc(((size_t)(na + nb) + 1) * sizeof(*ch));
	long i = 0, j = 0;

	*count = 0;
	if (!ch)
		return NULL;
	while (i < na || j < nb) {
		struct change x = {i, 0, j, 0};

		if (i < na && j < nb && !da[i] && !db[j]) {
			i++, j++;
			continue;
		}
		while (i < na && da[i])
			i++;
		while (j < nb && db[j])
			j++;
		x.del = i - x.l0;
		x.ins = j - x.l1;
		if (!x.del && !x.ins)
			break; /* unbalanced marks; cannot happen */
		ch[(*count)++] = x;
	}
	return ch;
}

/* Marks from a shortest edit script; 0, or -1 when out of memory. */
static int edit_script(char *const *a, long na, char *const *b, long nb,
		       char *da, char *db)
{
	struct interner in;
	struct dctx c = {0};
	long *ids = malloc(((size_t)(na + nb) + 1) * sizeof(*ids));
	long dmax = (na + nb + 1) / 2 + 2, i;
	long *vf = malloc((size_t)(2 * dmax + 1) * sizeof(*vf));
	long *vb = malloc((size_t)(2 * dmax + 1) * sizeof(*vb));
	int rc = -1;

	if (interner_init(&in, (size_t)(na + nb)) < 0 || !ids || !vf || !vb)
		goto out;
	for (i = 0; i < na; i++)
		ids[i] = intern(&in, a[i]);
	for (i = 0; i < nb; i++)
		ids[na + i] = intern(&in, b[i]);
	c = (struct dctx){ids, ids + na, da, db, vf + dmax, vb + dmax};
	diff_range(&c, 0, na, 0, nb);
	rc = 0;
out:
	free(in.key);
	free(in.id);
	free(ids);
	free(vf);
	free(vb);
	return rc;
}

/* "l,n" as diff -u writes it: "l" when N is 1, and the line before the
 * range with ",0" when it is empty. START is 0-based. */
static void put_range(struct strbuf *out, long start, long n)
{
	if (n == 0)
		sb_printf(out, "%ld,0", start);
	else if (n == 1)
		sb_printf(out, "%ld", start + 1);
	else
		sb_printf(out, "%ld,%ld", start + 1, n);
}

static void put_line(struct strbuf *out, char prefix, const char *line)
{
	sb_printf(out, "%c%s\n", prefix, line);
}

static void put_lines(struct strbuf *out, char prefix, char *const *v, long from,
		      long to)
{
	for (; from < to; from++)
		put_line(out, prefix, v[from]);
}

/* One hunk: changes CH[0..N) with CONTEXT lines around them. */
static void put_hunk(struct strbuf *out, const struct change *ch, size_t n,
		     char *const *a, long na, char *const *b)
{
	const struct change *last = &ch[n - 1];
	long lead = ch[0].l0 < CONTEXT ? ch[0].l0 : CONTEXT;
	long a0 = ch[0].l0 - lead, b0 = ch[0].l1 - lead;
	long end0 = last->l0 + last->del, end1 = last->l1 + last->ins;
	long trail = na - end0 < CONTEXT ? na - end0 : CONTEXT;
	long i = a0;
	size_t k;

	sb_adds(out, "@@ -");
	put_range(out, a0, end0 + trail - a0);
	sb_adds(out, " +");
	put_range(out, b0, end1 + trail - b0);
	sb_adds(out, " @@\n");
	for (k = 0; k < n; k++) {
		put_lines(out, ' ', a, i, ch[k].l0);
		put_lines(out, '-', a, ch[k].l0, ch[k].l0 + ch[k].del);
		put_lines(out, '+', b, ch[k].l1, ch[k].l1 + ch[k].ins);
		i = ch[k].l0 + ch[k].del;
	}
	put_lines(out, ' ', a, i, end0 + trail);
}

/* Changes closer than 2 * CONTEXT + 1 common lines share a hunk, as in
 * GNU diff. */
static void put_hunks(struct strbuf *out, const struct change *ch, size_t n,
		      char *const *a, long na, char *const *b)
{
	size_t first = 0, k;

	for (k = 1; k <= n; k++) {
		if (k < n &&
		    ch[k].l0 - (ch[k - 1].l0 + ch[k - 1].del) <= 2 * CONTEXT)
			continue;
		put_hunk(out, ch + first, k - first, a, na, b);
		first = k;
	}
}

/* NULL when the edit script is out of memory (the text's buffer aborts,
 * as every strbuf does). */
char *unified_diff(const char *label_a, char *const *a, size_t na,
		   const char *label_b, char *const *b, size_t nb)
{
	char *da = calloc(na + 1, 1), *db = calloc(nb + 1, 1);
	struct change *ch = NULL;
	struct strbuf out = {0};
	size_t nch = 0;

	if (!da || !db || edit_script(a, (long)na, b, (long)nb, da, db) < 0)
		goto fail;
	ch = collect_changes(da, (long)na, db, (long)nb, &nch);
	if (!ch)
		goto fail;
	if (nch > 0) {
		sb_adds(&out, "--- ");
		sb_adds(&out, label_a);
		sb_adds(&out, "\n+++ ");
		sb_adds(&out, label_b);
		sb_adds(&out, "\n");
		put_hunks(&out, ch, nch, a, (long)na, b);
	}
	free(da);
	free(db);
	free(ch);
	return sb_take(&out);
fail:
	free(da);
	free(db);
	free(ch);
	return NULL;
}
