/* ladder.c - the wire view's ladder (sequence) diagram, the picture
 * textbooks draw of a connection: one column per endpoint, time going
 * down, one arrow per segment labelled with its flags, sequence and
 * acknowledgment numbers (relative, as packetdrill writes them) and
 * payload length:
 *
 *        c                       s
 *   127.0.0.1:41234        127.0.0.1:8080
 *          |                      |
 *          |--S seq 0------------>|
 *          |<------S. seq 0 ack 1-|
 *
 * Drawn in ASCII only: box-drawing characters take one column or two
 * depending on the terminal's CJK setting, and the columns would drift.
 * Names (the shell's variables) may be wide characters; they are
 * measured by display width. */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "frame.h"
#include "packet.h"
#include "../session/table.h"

enum { MIN_GAP = 4, ARROW_EXTRA = 6, MIN_WIDTH = 20 };

struct lad_arrow {
	size_t from, to;          /* columns */
	char *label;
};

struct ladder {
	struct sockaddr_storage *ends;
	char **addr, **name;      /* each column's header lines */
	size_t n;
	struct lad_arrow *arrows;
	size_t narrows;
	int gap, x0, width;
	int hcap;                 /* the widest a header may be */
};

static size_t lad_column(struct ladder *l, const struct sockaddr_storage *e,
                         pkt_namer namer, void *ctx)
{
	for (size_t i = 0; i < l->n; i++)
		if (!memcmp(&l->ends[i], e, sizeof *e))
			return i;
	l->ends = xgrow(l->ends, l->n, sizeof *l->ends);
	l->addr = xgrow(l->addr, l->n, sizeof *l->addr);
	l->name = xgrow(l->name, l->n, sizeof *l->name);
	l->ends[l->n] = *e;
	struct strbuf b = {0};
	frame_endpoint(e, &b);
	l->addr[l->n] = sb_take(&b);
	const char *nm = namer ? namer((const struct sockaddr *)e, ctx) : NULL;
	l->name[l->n] = nm ? xstrdup(nm) : NULL;
	return l->n++;
}

/* An arrow's words: "P. seq 1 ack 1 len 5", "UDP len 2". */
static char *lad_label(struct pkt_flows *flows, const struct frame_seg *s)
{
	static const char letters[] = "FSRP.UEW";
	struct strbuf b = {0};
	if (s->proto == IPPROTO_UDP)
		return xasprintf("UDP len %u", s->paylen);
	if (s->proto != IPPROTO_TCP) {
		/* packetdrill's words, as prose: "ICMP port unreachable" */
		static const char unreach[] = "unreachable ";
		frame_icmp_words(s, &b);
		char *w = sb_take(&b), *p = w;
		if (!strncmp(p, unreach, sizeof unreach - 1))
			p += sizeof unreach - 1;
		for (char *c = p; *c; c++)
			*c = *c == '_' ? ' ' : *c;
		char *label = xasprintf("ICMP %s", p);
		free(w);
		return label;
	}
	uint32_t seq, ack;
	frame_relative(flows, s, &seq, &ack);
	for (int i = 0; i < 8; i++)
		if (s->flags & (1u << i))
			sb_addc(&b, letters[i]);
	if (s->paylen || (s->flags & (TCP_SYN | TCP_FIN | TCP_RST)))
		sb_printf(&b, " seq %u", seq);
	if (s->flags & TCP_ACK)
		sb_printf(&b, " ack %u", ack);
	if (s->paylen)
		sb_printf(&b, " len %u", s->paylen);
	return sb_take(&b);
}

/* One arrow per decoded frame: an ICMP error goes from the port that
 * refused to the one that sent the datagram it quotes. */
static void lad_collect(struct ladder *l, const struct wire_frame *f,
                        size_t n, pkt_namer namer, void *ctx)
{
	struct pkt_flows *flows = pkt_flows_new();
	for (size_t i = 0; i < n; i++) {
		struct frame_seg s;
		if (!frame_segment(&f[i], &s))
			continue;
		bool quoted = s.qproto != 0;
		size_t a = lad_column(l, quoted ? &s.qdst : &s.src, namer, ctx);
		size_t b = lad_column(l, quoted ? &s.qsrc : &s.dst, namer, ctx);
		l->arrows = xgrow(l->arrows, l->narrows, sizeof *l->arrows);
		l->arrows[l->narrows++] = (struct lad_arrow){a, b, lad_label(flows, &s)};
	}
	pkt_flows_free(flows);
}

/* A column's header width: its longer line, at most the share of the
 * width each column has. */
static int header_width(const struct ladder *l, size_t i)
{
	int w = (int)strlen(l->addr[i]);
	int nw = l->name[i] ? (int)display_width(l->name[i]) : 0;
	w = w > nw ? w : nw;
	return w < l->hcap ? w : l->hcap;
}

/* The distance between neighbouring columns that leaves room for every
 * label and header. */
static int lad_gap(const struct ladder *l)
{
	int gap = MIN_GAP;
	for (size_t i = 0; i < l->narrows; i++) {
		const struct lad_arrow *a = &l->arrows[i];
		int span = (int)(a->from > a->to ? a->from - a->to : a->to - a->from);
		int need = (int)strlen(a->label) + ARROW_EXTRA;
		if (span && (need + span - 1) / span > gap)
			gap = (need + span - 1) / span;
	}
	for (size_t i = 0; i + 1 < l->n; i++) {
		int need = (header_width(l, i) + header_width(l, i + 1)) / 2 + 2;
		gap = need > gap ? need : gap;
	}
	return gap;
}

/* Place the columns at the gap they need, shrunk to fit WIDTH; false
 * when it had to shrink, or cannot draw an arrow. */
static bool lad_layout(struct ladder *l, int width)
{
	int share = l->n > 1 ? width / (int)l->n - 1 : width;
	l->hcap = share > MIN_GAP ? share : MIN_GAP;
	int gap = lad_gap(l);
	bool fits = true;
	l->x0 = header_width(l, 0) / 2;
	int last = l->n > 1 ? header_width(l, l->n - 1) - header_width(l, l->n - 1) / 2 : 1;
	if (l->n > 1 && l->x0 + gap * (int)(l->n - 1) + last > width) {
		gap = (width - l->x0 - last) / (int)(l->n - 1);
		fits = false;
	}
	/* an arrow to itself hooks out to the right, past any column: it
	 * is drawn in a ladder of one column */
	for (size_t i = 0; i < l->narrows && l->n > 1; i++)
		fits = fits && l->arrows[i].from != l->arrows[i].to;
	l->gap = gap < MIN_GAP ? MIN_GAP : gap;
	l->width = width;
	return fits;
}

static int col_x(const struct ladder *l, size_t i)
{
	return l->x0 + l->gap * (int)i;
}

/* Append LINE (N bytes) without its trailing blanks. */
static void lad_emit(const char *line, int n, struct strbuf *out)
{
	while (n > 0 && line[n - 1] == ' ')
		n--;
	sb_add(out, line, (size_t)n);
	sb_addc(out, '\n');
}

/* TEXT cut to at most MAX display columns, at a character boundary. */
static char *fit(const char *text, int max)
{
	size_t n = strlen(text);
	char *s = xstrdup(text);
	while (n > 0 && (int)display_width(s) > max) {
		do
			n--;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80);
		s[n] = 0;
	}
	return s;
}

/* A header line: each column's text centred on it. */
static void lad_header(const struct ladder *l, char **text, struct strbuf *out)
{
	struct strbuf b = {0};
	int room = l->n > 1 && l->gap - 1 < l->hcap ? l->gap - 1 : l->hcap, at = 0;
	for (size_t i = 0; i < l->n; i++) {
		char *s = fit(text[i] ? text[i] : "", room);
		int w = (int)display_width(s), start = col_x(l, i) - w / 2;
		for (; at < start; at++)
			sb_addc(&b, ' ');
		sb_adds(&b, s);
		at += w > 0 ? w : 0;
		free(s);
	}
	sb_addc(&b, 0);
	char *line = fit(b.p, l->width);
	size_t n = strlen(line);
	while (n && line[n - 1] == ' ')
		n--;
	sb_add(out, line, n);
	sb_addc(out, '\n');
	free(line);
	sb_free(&b);
}

/* The label's words that fit in ROOM columns (whole words if one does,
 * else its first characters). */
static int label_fit(const char *label, int room)
{
	int n = (int)strlen(label);
	if (n <= room || room <= 0)
		return room <= 0 ? 0 : n;
	const char *cut = label + room;
	while (cut > label && *cut != ' ')
		cut--;
	return cut > label ? (int)(cut - label) : room;
}

static void draw_arrow(const struct ladder *l, char *line,
                       const struct lad_arrow *a)
{
	int xa = col_x(l, a->from), xb = col_x(l, a->to);
	if (xa == xb) {
		/* to itself: a hook on the column's right */
		static const char hook[] = "<--' ";
		int n = label_fit(a->label, l->width - xa - (int)sizeof hook);
		memcpy(line + xa + 1, hook, sizeof hook - 1);
		memcpy(line + xa + sizeof hook, a->label, (size_t)n);
		return;
	}
	int lo = xa < xb ? xa : xb, hi = xa < xb ? xb : xa;
	memset(line + lo + 1, '-', (size_t)(hi - lo - 1));
	line[xa < xb ? hi - 1 : lo + 1] = xa < xb ? '>' : '<';
	int n = label_fit(a->label, hi - lo - 5);
	memcpy(line + (xa < xb ? lo + 3 : hi - 2 - n), a->label, (size_t)n);
}

static void lad_draw(const struct ladder *l, struct strbuf *out)
{
	bool named = false;
	for (size_t i = 0; i < l->n; i++)
		named = named || l->name[i];
	if (named)
		lad_header(l, l->name, out);
	lad_header(l, l->addr, out);
	size_t size = (size_t)col_x(l, l->n - 1) + (size_t)l->width + 64;
	char *line = xmalloc(size);
	for (size_t i = 0; i <= l->narrows; i++) {
		memset(line, ' ', size);
		for (size_t c = 0; c < l->n; c++)
			line[col_x(l, c)] = '|';
		if (i > 0)
			draw_arrow(l, line, &l->arrows[i - 1]);
		lad_emit(line, (int)size, out);
	}
	free(line);
}

static void lad_free(struct ladder *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->addr[i]);
		free(l->name[i]);
	}
	for (size_t i = 0; i < l->narrows; i++)
		free(l->arrows[i].label);
	free(l->ends);
	free(l->addr);
	free(l->name);
	free(l->arrows);
}

/* The ladder of the endpoints A and B alone (A == B: one column), drawn
 * from L's columns and arrows. */
static void lad_draw_pair(const struct ladder *l, size_t a, size_t b,
                          int width, struct strbuf *out)
{
	size_t cols[2] = {a, b};
	struct ladder p = {.n = a == b ? 1 : 2};
	p.ends = xmalloc(2 * sizeof *p.ends);
	p.addr = xmalloc(2 * sizeof *p.addr);
	p.name = xmalloc(2 * sizeof *p.name);
	for (size_t i = 0; i < p.n; i++) {
		p.ends[i] = l->ends[cols[i]];
		p.addr[i] = l->addr[cols[i]];
		p.name[i] = l->name[cols[i]];
	}
	p.arrows = xmalloc(l->narrows * sizeof *p.arrows);
	for (size_t i = 0; i < l->narrows; i++) {
		const struct lad_arrow *r = &l->arrows[i];
		if ((r->from == a && r->to == b) || (r->from == b && r->to == a))
			p.arrows[p.narrows++] = (struct lad_arrow){
				r->from != a, r->to != a, r->label};
	}
	lad_layout(&p, width);
	lad_draw(&p, out);
	free(p.ends);
	free(p.addr);
	free(p.name);
	free(p.arrows);
}

/* Too many columns for the width: one ladder per pair of endpoints that
 * talked (a connection, a datagram and the ICMP error it caused), in
 * the order they first did, a blank line between. */
static void lad_draw_pairs(const struct ladder *l, int width, struct strbuf *out)
{
	for (size_t i = 0; i < l->narrows; i++) {
		size_t a = l->arrows[i].from, b = l->arrows[i].to, j;
		for (j = 0; j < i; j++)
			if ((l->arrows[j].from == a && l->arrows[j].to == b) ||
			    (l->arrows[j].from == b && l->arrows[j].to == a))
				break;
		if (j < i)
			continue;
		if (i > 0)
			sb_addc(out, '\n');
		lad_draw_pair(l, a, b, width, out);
	}
}

void pkt_ladder(const struct wire_frame *f, size_t n, pkt_namer name,
                void *ctx, int width, struct strbuf *out)
{
	struct ladder l = {0};
	if (width < MIN_WIDTH)
		width = MIN_WIDTH;
	lad_collect(&l, f, n, name, ctx);
	if (l.n > 0 && lad_layout(&l, width))
		lad_draw(&l, out);
	else if (l.n > 0)
		lad_draw_pairs(&l, width, out);
	lad_free(&l);
}
