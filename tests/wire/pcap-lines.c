/* pcap-lines.c - the wire view's decoder outside the shell, for the
 * differential test against tcpdump (tests/wire-tcpdump.sh):
 *   pcap-lines write FILE      the recorded frames (wire_frames.c) as a pcap
 *   pcap-lines [-t] FILE       our tcpdump line for each frame of a pcap
 *                              (-t: without timestamps, as tcpdump -t)
 *   pcap-lines packetdrill ADDR PORT FILE   packetdrill's lines for the
 *                              socket at ADDR:PORT
 *   pcap-lines ladder WIDTH FILE            the ladder diagram
 * Reads classic pcap files (microsecond, either byte order). */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shell/wire/packet.h"
#include "wire_frames.h"

static uint32_t get32(const unsigned char *p, int swap)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

static void put32(FILE *f, uint32_t v)
{
	fwrite(&v, 4, 1, f);
}

static int write_recorded(const char *path)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return perror(path), 1;
	const unsigned char hdr[] = {0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0,
	                             0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0};
	fwrite(hdr, sizeof hdr, 1, f);
	for (size_t i = 0; i < recorded_frames_n; i++) {
		const struct recorded_frame *r = &recorded_frames[i];
		put32(f, (uint32_t)r->ts.sec);
		put32(f, (uint32_t)r->ts.usec);
		put32(f, r->caplen);
		put32(f, r->len);
		fwrite(r->data, 1, r->caplen, f);
	}
	return fclose(f) != 0;
}

/* Every frame of the pcap at PATH, or NULL (with a message). */
static struct wire_frame *read_pcap(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	unsigned char h[24];
	if (!f || fread(h, 24, 1, f) != 1)
		return fprintf(stderr, "%s: not a pcap file\n", path), NULL;
	int swap = get32(h, 0) == 0xd4c3b2a1;
	if (!swap && get32(h, 0) != 0xa1b2c3d4)
		return fprintf(stderr, "%s: not a microsecond pcap\n", path), NULL;
	struct wire_frame *v = NULL;
	*n = 0;
	while (fread(h, 16, 1, f) == 1) {
		v = realloc(v, (*n + 1) * sizeof *v);
		struct wire_frame *w = &v[(*n)++];
		w->ts.tv_sec = get32(h, swap);
		w->ts.tv_usec = get32(h + 4, swap);
		w->caplen = get32(h + 8, swap);
		w->len = get32(h + 12, swap);
		if (w->caplen > 262144)
			return fprintf(stderr, "%s: caplen too big\n", path), NULL;
		w->data = malloc(w->caplen ? w->caplen : 1);
		if (fread(w->data, 1, w->caplen, f) != w->caplen)
			return fprintf(stderr, "%s: cut short\n", path), NULL;
	}
	fclose(f);
	return v;
}

static void emit(struct strbuf *b)
{
	sb_addc(b, '\n');
	fwrite(b->p, 1, b->len, stdout);
	b->len = 0;
}

static int local_addr(const char *addr, const char *port,
                      struct sockaddr_storage *ss)
{
	struct sockaddr_in *a = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;
	memset(ss, 0, sizeof *ss);
	if (inet_pton(AF_INET, addr, &a->sin_addr) == 1) {
		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)atoi(port));
		return 0;
	}
	a6->sin6_family = AF_INET6;
	a6->sin6_port = htons((uint16_t)atoi(port));
	return inet_pton(AF_INET6, addr, &a6->sin6_addr) == 1 ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "write"))
		return write_recorded(argv[2]);
	size_t n;
	struct wire_frame *v = read_pcap(argv[argc - 1], &n);
	if (argc < 2 || !v)
		return 2;
	struct pkt_flows *flows = pkt_flows_new();
	struct strbuf b = {0};
	struct sockaddr_storage local;
	if (argc == 5 && !strcmp(argv[1], "packetdrill")) {
		if (local_addr(argv[2], argv[3], &local))
			return 2;
		for (size_t i = 0; i < n; i++)
			if (pkt_packetdrill(flows, &v[i], (struct sockaddr *)&local, &b))
				emit(&b);
	} else if (argc == 4 && !strcmp(argv[1], "ladder")) {
		pkt_ladder(v, n, NULL, NULL, atoi(argv[2]), &b);
		fwrite(b.p, 1, b.len, stdout);
	} else {
		for (size_t i = 0; i < n; i++) {
			pkt_tcpdump(flows, &v[i], strcmp(argv[1], "-t") != 0, &b);
			emit(&b);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(v[i].data);
	free(v);
	sb_free(&b);
	pkt_flows_free(flows);
	return 0;
}
