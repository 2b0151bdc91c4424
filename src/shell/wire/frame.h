/* frame.h - one captured frame taken apart for the wire views that need
 * whole segments (packetdrill's line, the ladder), and the sequence
 * numbers they print relative to each side's first. tcpdump's line
 * (packet.c) walks the same headers with its own messages for what is
 * cut short. Internal to src/shell/wire/packet.c and src/shell/wire/ladder.c. */
#ifndef SOCKSHELL_FRAME_H
#define SOCKSHELL_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "packet.h"

/* TCP's flag bits, as the header holds them. */
enum {
	TCP_FIN = 0x01, TCP_SYN = 0x02, TCP_RST = 0x04, TCP_PSH = 0x08,
	TCP_ACK = 0x10, TCP_URG = 0x20, TCP_ECE = 0x40, TCP_CWR = 0x80,
};

/* A whole TCP segment, UDP datagram or ICMP message, every length checked
 * against what was captured. For an ICMP error, QSRC and QDST are the
 * endpoints of the datagram it quotes (QPROTO 0 when it quotes none). */
struct frame_seg {
	int family;                     /* AF_INET or AF_INET6 */
	uint8_t proto;                  /* IPPROTO_TCP, _UDP, _ICMP, _ICMPV6 */
	struct sockaddr_storage src, dst;
	uint8_t flags;
	uint16_t win, urp;
	uint32_t seq, ack, paylen;
	const unsigned char *opt;       /* TCP options, OPTLEN bytes */
	size_t optlen;
	uint8_t icmp_type, icmp_code, qproto;
	struct sockaddr_storage qsrc, qdst;
};

/* Take F apart; false when it is not a whole IPv4/IPv6 TCP, UDP or ICMP
 * packet (cut short, a fragment, not IP). */
bool frame_segment(const struct wire_frame *f, struct frame_seg *s);

/* S's sequence and acknowledgment numbers relative to each side's
 * initial sequence number (its SYN's, else the first seen), as
 * packetdrill scripts and the ladder write them. */
void frame_relative(struct pkt_flows *flows, const struct frame_seg *s,
                    uint32_t *seq, uint32_t *ack);

/* The ICMP message S is, in packetdrill's words ("unreachable
 * port_unreachable"), or its type and code in numbers. */
void frame_icmp_words(const struct frame_seg *s, struct strbuf *out);

/* "127.0.0.1:8080", "[::1]:8080", or the bare address when PORT is 0. */
void frame_endpoint(const struct sockaddr_storage *a, struct strbuf *out);

#endif
