/* pystruct.h - Python's struct module: format strings parsed, sized, and
 * values packed into bytes and unpacked from them, with Python's
 * struct.error messages. Pure computation: no system call, no output. */
#ifndef SOCKSHELL_PYSTRUCT_H
#define SOCKSHELL_PYSTRUCT_H

#include <stdbool.h>
#include <stddef.h>
#include "value.h"

/* One format character with its repeat count ("4s" is one item). */
struct pys_item {
	char code;
	size_t count;
	size_t size;   /* of one field */
	size_t offset; /* of the first field, padding for '@' included */
};

struct pys_format {
	bool big;    /* '>' '!', or '@' '=' on a big-endian host */
	bool native; /* '@': native sizes and alignment */
	struct pys_item *items;
	size_t nitems;
	size_t size;  /* struct.calcsize */
	size_t nargs; /* the values pack takes and unpack gives */
};

/* Formats past this total size are refused ("total struct size too
 * long"): no value is larger. */
#define PYS_MAX_SIZE VALUE_MAX

/* Parse FMT (LEN bytes). Returns 0, or -1 with *ERR set to Python's
 * message (malloc'd). */
int pys_parse(const char *fmt, size_t len, struct pys_format *out,
              char **err);
void pys_free(struct pys_format *f);

/* struct.pack: the N values in ARGS as bytes (a new value), or NULL with
 * *ERR set. */
struct value *pys_pack(const struct pys_format *f, struct value *const *args,
                       size_t n, char **err);
/* struct.unpack: a tuple of the fields of the LEN bytes at P, or NULL
 * with *ERR set. */
struct value *pys_unpack(const struct pys_format *f, const unsigned char *p,
                         size_t len, char **err);

#endif
