/* trace.h - system calls in strace's notation. */
#ifndef SOCKSHELL_TRACE_H
#define SOCKSHELL_TRACE_H

#include "../../core/consts.h"
#include "../../core/sock.h"
#include "../strbuf.h"

/* Append EV as strace prints it, without indent or newline. */
void trace_format(struct strbuf *b, const struct sk_event *ev);

/* Flags V of KIND by name, as strace joins them: POLLIN|POLLOUT, or 0. */
void fmt_flags(struct strbuf *b, enum const_kind kind, long v);

#endif
