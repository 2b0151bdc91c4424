/* wire.h - the wire lab's capture as the shell sees it: the frames each
 * statement caused, printed under it; late ones above the next prompt;
 * every frame kept for `wire save` and the ladder. The namespace and the
 * socket are the core's (netns.c, capture.c); the lines are packet.c's. */
#ifndef SOCKSHELL_WIRE_H
#define SOCKSHELL_WIRE_H

#include <stdbool.h>
#include <stddef.h>

#include "packet.h"

struct shell;

/* Start capturing on `lo` (the lab's namespace entered already), the
 * display on unless DISPLAY is false; JOIN is the command line that
 * joins this lab from another terminal. Returns 0, or an errno value
 * with ERR saying why. */
int wire_start(struct shell *sh, bool display, const char *join, char *err,
               size_t errlen);
const char *wire_join_command(void);
/* Stop capturing and free the frames. */
void wire_stop(void);
/* In the lab, capturing? */
bool wire_lab(void);

/* After each statement: the frames that came, each one's tcpdump line
 * indented by two spaces through the shell's writer (so a recording
 * keeps them), once none has come for a moment; PATIENT (a script, a
 * replay) waits too for the ACK of the last data or FIN seen. */
void wire_after_stmt(bool patient);
/* Does F carry what TCP acknowledges: data or a FIN, not a reset? (An
 * IPv4 or IPv6 TCP segment; false for anything else or cut short.) */
bool wire_awaits_ack(const struct wire_frame *f);
/* A socket of AF_UNIX was made: the next statement's frames say once
 * that it makes none. */
void wire_note_unix(void);

/* The display and its timestamps, switched by `wire`. */
void wire_set_display(bool on);
bool wire_display(void);
void wire_set_timestamps(bool on);
bool wire_timestamps(void);

/* The frames kept so far (all of them since the lab started), and how
 * many were not: lost in the kernel (the capture's buffer full) or past
 * the memory limit. */
const struct wire_frame *wire_frames(size_t *n, size_t *dropped);

/* A transcript made in the lab notes it before its first prompt: "# wire"
 * (display on) or "# wire off". WIRE_TAG_NONE: not a lab transcript. */
enum wire_tag { WIRE_TAG_NONE, WIRE_TAG_ON, WIRE_TAG_OFF };
enum wire_tag wire_tag_of(const char *text, size_t len);
/* The tag line (with its newline) for a recording begun now, or NULL. */
const char *wire_tag_line(void);

#endif
