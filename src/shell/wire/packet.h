/* packet.h - the wire view's decoder: frames captured on loopback, shown
 * as tcpdump prints them, as packetdrill scripts them, and as the ladder
 * diagram textbooks draw. Pure functions of the bytes: no system calls,
 * fuzzed (tests/fuzz/fuzz_packet.c) and unit-tested on recorded frames.
 *
 * The capture (core) hands over frames; the `wire` command keeps them
 * for `wire save` and the ladder, and prints each one's line through the
 * shell's writer after the statement that caused it. */
#ifndef SOCKSHELL_PACKET_H
#define SOCKSHELL_PACKET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/time.h>

#include "../strbuf.h"

/* One captured frame, as the capture hands it over and a pcap file holds
 * it. DATA starts at the Ethernet header (DLT_EN10MB: loopback's frames
 * carry all-zero MAC addresses). */
struct wire_frame {
	struct timeval ts;
	uint32_t len;        /* the frame's length on the wire */
	uint32_t caplen;     /* how much of it DATA holds */
	unsigned char *data;
};

/* What a view remembers across frames: each TCP connection's initial
 * sequence numbers (tcpdump prints them relative after the SYN). */
struct pkt_flows;
struct pkt_flows *pkt_flows_new(void);
void pkt_flows_free(struct pkt_flows *f);

/* Append F's line in tcpdump's notation, without a newline:
 *   IP 127.0.0.1.41234 > 127.0.0.1.40313: Flags [S], seq 123, win 65495,
 *   options [mss 65495,sackOK,TS val 1 ecr 0,nop,wscale 7], length 0
 * TIMESTAMP puts tcpdump's "HH:MM:SS.uuuuuu " in front. A frame cut short
 * or of a kind not decoded gets a line that says so, never a crash. */
void pkt_tcpdump(struct pkt_flows *flows, const struct wire_frame *f,
                 bool timestamp, struct strbuf *out);

/* Append F's line as packetdrill writes it, seen from the socket bound to
 * LOCAL: "> S 0:0(0) win 65495 <mss 65495,...>" for what it sent, "< ..."
 * for what it received. Returns false (appending nothing) for a frame
 * that is not to or from LOCAL. */
bool pkt_packetdrill(struct pkt_flows *flows, const struct wire_frame *f,
                     const struct sockaddr *local, struct strbuf *out);

/* The name of a column of the ladder: the shell variable holding the
 * socket at ADDR ("c", "conn"), or NULL for "127.0.0.1:41234". */
typedef const char *(*pkt_namer)(const struct sockaddr *addr, void *ctx);

/* Append the ladder (sequence) diagram of frames F[0..N): one column per
 * endpoint, one arrow per segment labelled with its flags, seq/ack and
 * length, at most WIDTH columns wide (20 when WIDTH is less). When the
 * columns do not fit, one ladder per pair of endpoints that talked. */
void pkt_ladder(const struct wire_frame *f, size_t n, pkt_namer name,
                void *ctx, int width, struct strbuf *out);

#endif
