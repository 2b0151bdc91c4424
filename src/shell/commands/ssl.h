/* ssl.h - what the rest of the shell asks of the ssl module (ssl.c):
 * a TLS socket's reads and writes go through TLS, and its repr names its
 * version and cipher. */
#ifndef SOCKSHELL_COMMANDS_SSL_H
#define SOCKSHELL_COMMANDS_SSL_H

#include <stdbool.h>
#include <stddef.h>
#include "common.h"
#include "ssl-hooks.h"

/* import ssl: 0, or -1 with why TLS is not available in WHY. */
int ssl_import(char *why, size_t len);

/* The socket methods of a TLS socket (SOCK(c)->tls), for socket.c. */
enum cmd_status ssl_recv(struct cmd_call *c);
enum cmd_status ssl_send(struct cmd_call *c, bool all);
enum cmd_status ssl_recv_into(struct cmd_call *c);
/* After the TCP connect: the handshake, if do_handshake_on_connect. */
enum cmd_status ssl_after_connect(struct cmd_call *c);
/* Before the TCP connect: -1 with the cause when TLS refuses it (a
 * server-side socket, a server's context). */
int ssl_before_connect(struct cmd_call *c);
/* The accepted CONN (taken over) wrapped server-side; NULL on error. */
struct value *ssl_wrap_accepted(struct cmd_call *c, struct value *conn);
/* After `handles`' table: each TLS socket's side, version and cipher. */
void ssl_print_handles(struct shell *sh);

#endif
