/* wire.c - the frames of the wire lab. The capture socket is drained
 * after every statement: frames on loopback are delivered while the call
 * that sent them runs, so what a statement caused is queued when it
 * returns, and a short settle after the last one catches the answer to
 * an answer. At the prompt, timers' frames (a delayed ACK ~40 ms later, a
 * retransmit) print above it, as `watch` prints arrivals. A script or a
 * replay has no prompt: there the shell waits for the ACK of the last
 * data or FIN it saw (a delayed one comes within 200 ms), so that each
 * ACK prints under the statement that caused it, the same every run. */
#include "wire.h"

#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/capture.h"
#include "../../core/i18n.h"
#include "../session/lineedit.h"
#include "../session/output.h"
#include "../session/record.h"
#include "../session/state.h"

#define SETTLE_MS 20         /* quiet this long after a frame: the end */
#define ACK_WAIT_MS 250      /* past TCP_DELACK_MAX (200 ms) */
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

/* Only the offsets needed to tell; packet.c decodes the frame for the
 * eye. */
bool wire_awaits_ack(const struct wire_frame *f)
{
	const unsigned char *d = f->data;
	size_t ip = 14, l4, l4len;
	if (f->caplen < ip + 40)
		return false;
	if (d[12] == 0x08 && d[13] == 0x00 && d[ip + 9] == IPPROTO_TCP) {
		l4 = ip + (d[ip] & 15u) * 4;
		l4len = (size_t)(d[ip + 2] << 8 | d[ip + 3]) - (l4 - ip);
	} else if (d[12] == 0x86 && d[13] == 0xdd && d[ip + 6] == IPPROTO_TCP) {
		l4 = ip + 40;
		l4len = (size_t)(d[ip + 4] << 8 | d[ip + 5]);
	} else {
		return false;
	}
	if (f->caplen < l4 + 20 || l4len > 0xffff)
		return false;
	unsigned flags = d[l4 + 13], doff = (d[l4 + 12] >> 4) * 4u;
	return !(flags & 0x04) && (l4len > doff || (flags & 0x01));
}

/* Read every frame queued now; each one's line (when shown) goes to B,
 * and *AWAITING says whether the last one still waits for its ACK.
 * Returns how many came. */
static size_t drain(struct strbuf *b, bool *awaiting)
{
	size_t got = 0;
	struct wire_frame f = {.data = frame_buf};
	/* Decoded even when not shown: the connections' first sequence
	 * numbers must be known when the display comes back on. */
	struct strbuf hidden = {0}, *to = w.display ? b : &hidden;
	while (cap_read(w.fd, frame_buf, sizeof frame_buf, &f.caplen, &f.len,
	                &f.ts) == 0) {
		got++;
		keep(&f);
		*awaiting = wire_awaits_ack(&f);
		sb_adds(to, "  ");
		pkt_tcpdump(w.flows, &f, w.timestamps, to);
		sb_addc(to, '\n');
	}
	sb_free(&hidden);
	return got;
}

/* Frames the kernel could not queue (a bulk transfer outran the
 * capture's buffer) are missing from the lines and from `wire save`. */
static void drops_note(struct strbuf *b)
{
	unsigned n = cap_drops(w.fd);
	w.dropped += n;
	if (n && w.display)
		sb_printf(b, _("  (%u frames lost: the capture's buffer was full)\n"), n);
}

static void unix_note(struct strbuf *b)
{
	if (!w.unix_made || w.unix_said || !w.display)
		return;
	w.unix_said = true;
	sb_adds(b, _("  (AF_UNIX sockets make no packets: the wire shows IP only)\n"));
}

void wire_after_stmt(bool patient)
{
	if (!w.lab)
		return;
	struct strbuf b = {0};
	bool awaiting = false;
	for (int i = 0; i < SETTLE_ROUNDS && drain(&b, &awaiting); i++)
		if (cap_wait(w.fd, patient && awaiting ? ACK_WAIT_MS : SETTLE_MS) <= 0)
			break;
	drops_note(&b);
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

/* Late frames print above the prompt, which looks as if the statement
 * before had printed them; a recording keeps them there, where the
 * replay, which waits for delayed ACKs, prints them. */
static void prompt_check(void)
{
	struct strbuf b = {0};
	bool awaiting = false;
	drain(&b, &awaiting);
	if (b.len) {
		le_hide();
		out_write(b.p, b.len);
		out_flush();
		le_show();
		record_more(w.sh, &b);
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
	record_set_header(wire_tag_line);
	return 0;
}

void wire_stop(void)
{
	if (!w.lab)
		return;
	le_remove_watcher(&prompt_watcher);
	record_set_header(NULL);
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
