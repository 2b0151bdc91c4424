/* forbid.h - the switch that refuses every system call: while it is on,
 * each core call returns EPERM without reaching the kernel (the fuzz
 * harnesses run whole statements this way). Its own module, so that
 * addr.c, which sock.h includes, can check it without including sock.h. */
#ifndef SOCKSHELL_FORBID_H
#define SOCKSHELL_FORBID_H

#include <stdbool.h>

void sk_set_forbidden(bool on);
bool sk_forbidden(void);

#endif
