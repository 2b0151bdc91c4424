/* wire_frames.h - frames recorded on loopback and the lines tcpdump
 * printed for them (tests/unit/wire_frames.c, made by
 * tests/wire/gen-frames.py). */
#ifndef SOCKSHELL_WIRE_FRAMES_H
#define SOCKSHELL_WIRE_FRAMES_H

#include <stddef.h>
#include <stdint.h>

struct recorded_frame {
	const char *what;            /* "captured", or how it was spoiled */
	struct {
		long sec, usec;
	} ts;
	uint32_t len, caplen;
	const unsigned char *data;
	const char *tcpdump;         /* tcpdump -n -t's line */
};

extern const struct recorded_frame recorded_frames[];
extern const size_t recorded_frames_n;

#endif
