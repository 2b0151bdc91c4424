/* suggest.c - the closest name to a misspelt one. */
#include "suggest.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../strbuf.h"

size_t edit_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	if (n > 64 || m > 64)
		return (size_t)-1;
	size_t d[65][65];
	for (size_t i = 0; i <= n; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t cost = tolower((unsigned char)a[i - 1]) !=
			              tolower((unsigned char)b[j - 1]);
			size_t best = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[n][m];
}

void suggest_begin(struct suggester *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->best_dist = (size_t)-1;
}

void suggest_offer(struct suggester *s, const char *candidate)
{
	size_t len = strlen(s->word);
	if (!strcmp(candidate, s->word) || len < 3)
		return; /* the failing name, or one too short to guess at */
	/* Far-off names are noise: allow one edit per four letters. */
	size_t limit = len < 3 ? 1 : len / 4 + 1;
	if (labs((long)strlen(candidate) - (long)len) > (long)limit)
		return;
	size_t d = edit_distance(s->word, candidate);
	if (d <= limit && d < s->best_dist) {
		s->best = candidate;
		s->best_dist = d;
	}
}

const char *suggest_result(const struct suggester *s)
{
	return s->best;
}
