/* capture.h - the frames on loopback, read from an AF_PACKET socket, and
 * the classic pcap file that keeps them (what tcpdump -r and Wireshark
 * open). Written by hand rather than with libpcap: linking libpcap (and
 * the libdbus and libsystemd it pulls in) costs every start about 1.3 MB
 * of resident memory, the shell's own 2.9 MB being the rest. */
#ifndef SOCKSHELL_CAPTURE_H
#define SOCKSHELL_CAPTURE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/time.h>

/* The largest frame kept: loopback's MTU is 65536, with the Ethernet
 * header and room for a GSO segment over it. */
#define CAP_SNAPLEN 262144

/* Open a non-blocking capture on `lo` that sees each frame once (not as
 * sent and again as received: PACKET_IGNORE_OUTGOING), at a descriptor
 * high above the user's sockets, so their numbers do not move. Returns
 * 0 with *FD set, or an errno value with ERR saying which step failed. */
int cap_open(int *fd, char *err, size_t errlen);

/* The next frame queued on FD into BUF (SIZE bytes): *CAPLEN bytes kept
 * of a frame *LEN long, captured at *TS. Returns 0, EAGAIN when none is
 * queued, or an errno value. */
int cap_read(int fd, unsigned char *buf, size_t size, uint32_t *caplen,
             uint32_t *len, struct timeval *ts);

/* How many frames the kernel dropped since the last call, its queue for
 * FD being full (PACKET_STATISTICS); 0 when it cannot tell. */
unsigned cap_drops(int fd);

/* Wait at most MS milliseconds for a frame on FD: 1 when one is queued,
 * 0 when none came, -1 on an error (EINTR included). */
int cap_wait(int fd, int ms);

void cap_close(int fd);

/* A classic pcap file (microsecond timestamps, DLT_EN10MB). */
struct pcap_out {
	int fd;
	int err; /* the first write's failure, or 0 */
};
/* Create PATH (replacing it) with the 24-byte file header. Returns 0 or
 * an errno value. */
int pcap_create(struct pcap_out *p, const char *path);
/* One 16-byte record header and CAPLEN bytes of DATA. */
void pcap_frame(struct pcap_out *p, const struct timeval *ts, uint32_t caplen,
                uint32_t len, const unsigned char *data);
/* Close the file: 0, or the errno value of the first failure. */
int pcap_close(struct pcap_out *p);

/* Write LEN bytes of TEXT to PATH (replacing it): a view of the frames
 * (the ladder). Returns 0 or an errno value. */
int cap_save_text(const char *path, const char *text, size_t len);

#endif
