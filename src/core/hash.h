/* hash.h - FNV-1a (64 bits), the one string hash of sockshell's tables:
 * the constants, the commands, the variables, the parse cache and the
 * transcript differ's interner. Header-only: it is a loop of two lines
 * that the compiler inlines into each table's lookup. */
#ifndef SOCKSHELL_HASH_H
#define SOCKSHELL_HASH_H

#include <stddef.h>
#include <stdint.h>

#define FNV1A_BASIS 14695981039346656037ULL

/* H extended by the LEN bytes at P. */
static inline uint64_t fnv1a_add(uint64_t h, const void *p, size_t len)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < len; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h;
}

/* The hash of the string S. */
static inline uint64_t fnv1a_str(const char *s)
{
	uint64_t h = FNV1A_BASIS;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

#endif
