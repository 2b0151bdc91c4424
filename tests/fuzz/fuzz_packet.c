/* fuzz_packet.c - libFuzzer harness: the wire view's decoder on any
 * frames. The input is a run of frames, each a 2-byte big-endian length
 * and that many bytes (a length past the end takes what is left, and a
 * frame whose first byte is odd claims to have been longer on the wire
 * than captured). All frames go through one set of flows, so the
 * relative sequence numbers see a history; each goes to tcpdump's and
 * packetdrill's views, and all of them to the ladder. Checks what the
 * shell relies on: a view's line is one line, and the ladder keeps to
 * its width. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <netinet/in.h>

#include "shell/wire/packet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { MAX_FRAMES = 64, WIDTH = 60 };

static size_t split(const uint8_t *data, size_t size, struct wire_frame *f)
{
	size_t n = 0;
	while (size >= 2 && n < MAX_FRAMES) {
		size_t len = (size_t)data[0] << 8 | data[1];
		data += 2;
		size -= 2;
		if (len > size)
			len = size;
		unsigned char *copy = malloc(len ? len : 1);
		memcpy(copy, data, len);
		f[n] = (struct wire_frame){{0, 0}, (uint32_t)len, (uint32_t)len, copy};
		if (len && (copy[0] & 1))
			f[n].len += 100;
		n++;
		data += len;
		size -= len;
	}
	return n;
}

static void check_one_line(const struct strbuf *b)
{
	if (b->len && (memchr(b->p, '\n', b->len) || memchr(b->p, 0, b->len)))
		abort();
}

static void check_ladder(const struct strbuf *b)
{
	for (size_t at = 0, start = 0; at < b->len; at++) {
		if (b->p[at] != '\n')
			continue;
		if (at - start > WIDTH) /* ASCII only: no names given */
			abort();
		start = at + 1;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wire_frame f[MAX_FRAMES];
	size_t n = split(data, size, f);
	struct pkt_flows *td = pkt_flows_new(), *pd = pkt_flows_new();
	struct sockaddr_in local = {.sin_family = AF_INET, .sin_port = htons(8080)};
	struct strbuf b = {0};
	for (size_t i = 0; i < n; i++) {
		pkt_tcpdump(td, &f[i], i & 1, &b);
		check_one_line(&b);
		b.len = 0;
		pkt_packetdrill(pd, &f[i], (struct sockaddr *)&local, &b);
		check_one_line(&b);
		b.len = 0;
	}
	pkt_ladder(f, n, NULL, NULL, WIDTH, &b);
	check_ladder(&b);
	for (size_t i = 0; i < n; i++)
		free(f[i].data);
	sb_free(&b);
	pkt_flows_free(td);
	pkt_flows_free(pd);
	return 0;
}
