/* wire.c - the frames of the wire lab. The capture socket is drained
 * after every statement: frames on loopback are delivered while the call
 * that sent them runs, so what a statement caused is queued when it
 * returns, and a short settle after the last one catches the answer to
 * an answer. Timers' frames (a delayed ACK ~40 ms later, a retransmit)
 * come at the prompt and print above it, as `watch` prints arrivals. */
#include "wire.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "../core/capture.h"
#include "i18n.h"
#include "lineedit.h"
#include "output.h"
#include "record.h"
#include "shell.h"

#define SETTLE_MS 20         /* quiet this long after a frame: the end */
#define SETTLE_ROUNDS 10     /* at most this many settles a statement */
#define KEEP_MAX (64u << 20) /* bytes of frames kept for save and ladder */

static struct {
	bool lab, display, timestamps, unix_made, unix_said;
	int fd;
	struct wire_frame *frames;
	size_t n, bytes, dropped;
	struct pkt_flows *flows;
	struct shell *sh;
	char *join;
} w = {.fd = -1};

static unsigned char frame_buf[CAP_SNAPLEN];

/* Keep F (its bytes copied) unless the limit is reached. */
static void keep(const struct wire_frame *f)
{
	if (w.bytes + f->caplen > KEEP_MAX) {
		w.dropped++;
		return;
	}
	w.frames = xgrow(w.frames, w.n, sizeof *w.frames);
	struct wire_frame *k = &w.frames[w.n++];
	*k = *f;
	k->data = xmalloc(f->caplen ? f->caplen : 1);
	memcpy(k->data, f->data, f->caplen);
	w.bytes += f->caplen;
}

/* Read every frame queued now; each one's line (when shown) goes to B.
 * Returns how many came. */
static size_t drain(struct strbuf *b)
{
	size_t got = 0;
	struct wire_frame f = {.data = frame_buf};
	while (cap_read(w.fd, frame_buf, sizeof frame_buf, &f.caplen, &f.len,
	                &f.ts) == 0) {
		got++;
		keep(&f);
		if (!w.display)
			continue;
		sb_adds(b, "  ");
		pkt_tcpdump(w.flows, &f, w.timestamps, b);
		sb_addc(b, '\n');
	}
	return got;
}

static void unix_note(struct strbuf *b)
{
	if (!w.unix_made || w.unix_said || !w.display)
		return;
	w.unix_said = true;
	sb_adds(b, _("  (AF_UNIX sockets make no packets: the wire shows IP only)\n"));
}

void wire_after_stmt(void)
{
	if (!w.lab)
		return;
	struct strbuf b = {0};
	for (int i = 0; i < SETTLE_ROUNDS && drain(&b); i++)
		if (cap_wait(w.fd, SETTLE_MS) <= 0)
			break;
	unix_note(&b);
	if (b.len)
		out_write(b.p, b.len);
	sb_free(&b);
}

void wire_note_unix(void)
{
	w.unix_made = true;
}

/* ---- at the prompt ---------------------------------------------------- */

static size_t prompt_fds(struct pollfd *p, size_t max, int *timeout_ms)
{
	*timeout_ms = -1;
	if (max == 0)
		return 0;
	p[0] = (struct pollfd){.fd = w.fd, .events = POLLIN};
	return 1;
}

/* Late frames print above the prompt; a recording keeps them as
 * comments (a replay shows them under whichever statement follows). */
static void prompt_check(void)
{
	struct strbuf b = {0};
	drain(&b);
	if (b.len) {
		le_hide();
		out_write(b.p, b.len);
		out_flush();
		le_show();
		record_comment(w.sh, &b);
	}
	sb_free(&b);
}

static const struct le_watcher prompt_watcher = {prompt_fds, prompt_check};

/* ---- starting, stopping, switches ------------------------------------- */

int wire_start(struct shell *sh, bool display, const char *join, char *err,
               size_t errlen)
{
	int e = cap_open(&w.fd, err, errlen);
	if (e)
		return e;
	w.join = xstrdup(join);
	w.lab = true;
	w.display = display;
	w.sh = sh;
	w.flows = pkt_flows_new();
	le_add_watcher(&prompt_watcher);
	return 0;
}

void wire_stop(void)
{
	if (!w.lab)
		return;
	le_remove_watcher(&prompt_watcher);
	cap_close(w.fd);
	for (size_t i = 0; i < w.n; i++)
		free(w.frames[i].data);
	free(w.frames);
	pkt_flows_free(w.flows);
	free(w.join);
	w = (__typeof__(w)){.fd = -1};
}

const char *wire_join_command(void)
{
	return w.join;
}

bool wire_lab(void)
{
	return w.lab;
}

void wire_set_display(bool on)
{
	w.display = on;
}

bool wire_display(void)
{
	return w.display;
}

void wire_set_timestamps(bool on)
{
	w.timestamps = on;
}

bool wire_timestamps(void)
{
	return w.timestamps;
}

const struct wire_frame *wire_frames(size_t *n, size_t *dropped)
{
	*n = w.n;
	*dropped = w.dropped;
	return w.frames;
}

/* ---- transcripts ------------------------------------------------------ */

#define WIRE_TAG "# wire"

enum wire_tag wire_tag_of(const char *text, size_t len)
{
	char word[8];
	const char *v = record_header(text, len, WIRE_TAG, word, sizeof word);
	if (v && (!*v || !strcmp(v, "on")))
		return WIRE_TAG_ON;
	return v && !strcmp(v, "off") ? WIRE_TAG_OFF : WIRE_TAG_NONE;
}

const char *wire_tag_line(void)
{
	if (!w.lab)
		return NULL;
	return w.display ? WIRE_TAG "\n" : WIRE_TAG " off\n";
}
