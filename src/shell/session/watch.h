/* watch.h - sockets watched while the prompt waits: an arrival, a FIN, a
 * reset or a waiting connection prints one line above the prompt, once,
 * and the typed line is kept (lineedit.c runs the wait). */
#ifndef SOCKSHELL_WATCH_H
#define SOCKSHELL_WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include "../../core/ready.h"
#include "../lang/value.h"

struct shell;

/* Has the peer's FIN arrived: POLLRDHUP, or a stream readable with
 * nothing queued and no error. */
bool watch_fin(const struct sockobj *s, const struct sk_readiness *r);

/* Watch the socket variable NAME (SH's). Returns false when NAME does not
 * hold a socket now. */
bool watch_add(struct shell *sh, const char *name);
void watch_off(void);
/* The names watched, space-separated ("" for none): malloc'd. */
char *watch_names(void);

#endif
