/* sockaddr.h - between socket addresses and values: ('127.0.0.1', 80),
 * ('::1', 80, 0, 0), '/path', b'\0abstract'. */
#ifndef SOCKSHELL_SOCKADDR_H
#define SOCKSHELL_SOCKADDR_H

#include "../../core/addr.h"
#include "value.h"

/* The value Python returns for A (getsockname, recvfrom, accept). */
struct value *sockaddr_value(const struct sk_addr *a);

/* Build OUT for FAMILY from V as Python's getsockaddrarg does. Returns 0;
 * on failure returns -1 with *CAUSE set (malloc'd, the part after
 * "error: CALL: "). */
int sockaddr_from_value(int family, const struct value *v,
                        struct sk_addr *out, char **cause);

#endif
