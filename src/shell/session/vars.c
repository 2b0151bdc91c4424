/* vars.c - an open-addressing hash table of variables. Deletion
 * re-inserts the cluster after the hole, so there are no tombstones. */
#include "vars.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/hash.h"
#include "../strbuf.h"

static size_t hash(const char *s)
{
	uint64_t h = fnv1a_str(s);
	/* FNV-1a's low bits barely differ between s1, s2, ... s10000, and
	 * the slot comes from the low bits: mix the high ones down (the
	 * finaliser of MurmurHash3), or linear probing meets long runs. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t)h;
}

static struct var *find(const struct vartab *t, const char *name)
{
	if (!t->cap)
		return NULL;
	size_t i = hash(name) & (t->cap - 1);
	while (t->slots[i].name) {
		if (!strcmp(t->slots[i].name, name))
			return &t->slots[i];
		i = (i + 1) & (t->cap - 1);
	}
	return NULL;
}

static void insert(struct vartab *t, char *name, struct value *v)
{
	size_t i = hash(name) & (t->cap - 1);
	while (t->slots[i].name)
		i = (i + 1) & (t->cap - 1);
	t->slots[i].name = name;
	t->slots[i].v = v;
}

static void grow(struct vartab *t)
{
	struct var *old = t->slots;
	size_t oldcap = t->cap;
	t->cap = oldcap ? oldcap * 2 : 64;
	t->slots = xcalloc(t->cap, sizeof *t->slots);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i].name)
			insert(t, old[i].name, old[i].v);
	free(old);
}

struct value *vars_get(const struct vartab *t, const char *name)
{
	struct var *v = find(t, name);
	return v ? v->v : NULL;
}

int vars_replace(struct vartab *t, const char *name, struct value *v)
{
	struct var *slot = find(t, name);
	if (!slot)
		return -1;
	/* Release after storing: the old value may close a socket. */
	struct value *old = slot->v;
	slot->v = v;
	v_unref(old);
	return 0;
}

void vars_set(struct vartab *t, const char *name, struct value *v)
{
	if (!vars_replace(t, name, v))
		return;
	if ((t->n + 1) * 4 > t->cap * 3)
		grow(t);
	insert(t, xstrdup(name), v);
	t->n++;
}

int vars_del(struct vartab *t, const char *name)
{
	struct var *slot = find(t, name);
	if (!slot)
		return -1;
	struct value *old = slot->v;
	free(slot->name);
	slot->name = NULL;
	t->n--;
	size_t i = ((size_t)(slot - t->slots) + 1) & (t->cap - 1);
	while (t->slots[i].name) {
		struct var moved = t->slots[i];
		t->slots[i].name = NULL;
		insert(t, moved.name, moved.v);
		i = (i + 1) & (t->cap - 1);
	}
	v_unref(old);
	return 0;
}

void vars_clear(struct vartab *t)
{
	for (size_t i = 0; i < t->cap; i++) {
		if (t->slots[i].name) {
			free(t->slots[i].name);
			v_unref(t->slots[i].v);
		}
	}
	free(t->slots);
	t->slots = NULL;
	t->cap = t->n = 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **vars_names(const struct vartab *t, size_t *n)
{
	const char **names = xmalloc(sizeof *names * (t->n + 1));
	size_t k = 0;
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].name)
			names[k++] = t->slots[i].name;
	qsort(names, k, sizeof *names, cmp_names);
	*n = k;
	return names;
}
