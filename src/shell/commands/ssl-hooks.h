/* ssl-hooks.h - the three things the language (eval.c, format.c) asks of
 * the ssl module. Kept apart from ssl.h, which needs the command layer
 * (common.h): including that from eval.c or format.c closed an include
 * circle through shell.h (tests/include-cycles.sh). */
#ifndef SOCKSHELL_COMMANDS_SSL_HOOKS_H
#define SOCKSHELL_COMMANDS_SSL_HOOKS_H

struct cmd_entry;
struct sockobj;
struct strbuf;
struct value;

/* ctx.ATTR = V: NULL, or the error (malloc'd). */
char *ssl_setattr(struct value *obj, const char *attr, const struct value *v);
/* Why method E may not run on TLS socket S (Python's words), or NULL. */
const char *ssl_refused(const struct cmd_entry *e, const struct sockobj *s);
/* ", version=TLSv1.3, cipher=NAME" once the handshake is done. */
void ssl_describe(struct strbuf *b, const struct sockobj *s);

#endif
