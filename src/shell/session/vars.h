/* vars.h - the variable table: names to values, hashed so a lookup
 * costs the same with ten names or ten thousand. */
#ifndef SOCKSHELL_HANDLES_H
#define SOCKSHELL_HANDLES_H

#include <stddef.h>
#include "../lang/value.h"

struct var {
	char *name; /* NULL: empty slot; "" tombstone never used (we rehash) */
	struct value *v;
};

struct vartab {
	struct var *slots;
	size_t cap, n;
};

struct value *vars_get(const struct vartab *t, const char *name);
/* Bind NAME to V (taking the reference); the old value is released. */
void vars_set(struct vartab *t, const char *name, struct value *v);
/* Rebind NAME, already bound, to V (taking the reference). Returns 0, or
 * -1 when NAME is not bound (V is then not taken). */
int vars_replace(struct vartab *t, const char *name, struct value *v);
/* Returns 0, or -1 when NAME is not bound. */
int vars_del(struct vartab *t, const char *name);
void vars_clear(struct vartab *t);
/* The names, sorted; malloc'd array of borrowed pointers. */
const char **vars_names(const struct vartab *t, size_t *n);

#endif
