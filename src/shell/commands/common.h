/* common.h - small helpers shared by the command handlers. */
#ifndef SOCKSHELL_COMMANDS_COMMON_H
#define SOCKSHELL_COMMANDS_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include "../../core/addr.h"
#include "cmd.h"
#include "../../core/i18n.h"
#include "../session/shell.h"
#include "../strbuf.h"
#include "../lang/value.h"

#define SOCK(c) (&(c)->argv[0]->u.sock)

/* Argument K as an integer, DFLT when it was left out or None. */
long long arg_int(const struct cmd_call *c, int k, long long dflt);
/* Argument K as a C int in *OUT (DFLT when left out or None), as
 * _PyLong_AsInt takes it; -1 with Python's OverflowError text as the cause
 * when it does not fit. */
int arg_c_int(struct cmd_call *c, int k, int dflt, int *out);
/* Argument K as Python timeout seconds: < 0 for None. */
double arg_timeout(const struct cmd_call *c, int k, double dflt);
/* A port or service argument as getaddrinfo takes it: an int as its
 * decimal text in BUF, NULL for None or left out. */
const char *arg_service(const struct value *v, char *buf, size_t n);
/* The bytes of a bytes, bytearray or str value. */
void arg_data(const struct value *v, const char **p, size_t *len);
/* Build the sockaddr for socket S from address argument V. */
int arg_sockaddr(struct cmd_call *c, const struct sockobj *s,
                 const struct value *v, struct sk_addr *out);
/* A new socket value for FD, with the default timeout applied. */
struct value *new_socket(struct shell *sh, int fd, int family, int type,
                         int proto);

/* Call FN for every socket a variable (or only `_`) holds, by name in
 * sorted order; sockets in tuples and lists as conn[0]. */
typedef void (*sock_visit_fn)(void *ctx, const char *name,
                              const struct value *v);
void walk_sockets(struct shell *sh, sock_visit_fn fn, void *ctx);

/* After `handles`' table: each poll or epoll object with the sockets
 * registered in it and their events. */
void print_poll_interest(struct shell *sh);
/* bytes(s, encoding[, errors]) and bytearray(...): S encoded, as Python
 * does it (builtin.c). */
enum cmd_status buffer_from_str(struct cmd_call *c, bool array);

struct optval;
/* A decoded option as the value Python gives (names where the contract
 * asks for them: SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ERROR). */
struct value *optval_to_value(const struct optval *o);

#endif
