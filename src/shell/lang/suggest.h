/* suggest.h - "did you mean" hints by edit distance. */
#ifndef SOCKSHELL_SUGGEST_H
#define SOCKSHELL_SUGGEST_H

#include <stddef.h>

struct suggester {
	const char *word;
	const char *best;
	size_t best_dist;
};

void suggest_begin(struct suggester *s, const char *word);
/* Offer one candidate; the closest within reach is kept. */
void suggest_offer(struct suggester *s, const char *candidate);
/* The best candidate, or NULL when none is close enough. */
const char *suggest_result(const struct suggester *s);
/* Optimal string alignment distance, case-insensitive. */
size_t edit_distance(const char *a, const char *b);

#endif
