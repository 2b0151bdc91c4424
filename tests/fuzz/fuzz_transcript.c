/* fuzz_transcript.c - libFuzzer harness: the transcript reader, the
 * matcher and the unified diff. The input is a transcript; its expected
 * output of each case is matched against the next case's and the whole
 * file is diffed against itself with every other line dropped, so the
 * "..." matcher and the diff see arbitrary lines on both sides. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "shell/session/transcript.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct transcript t;
	if (transcript_parse((const char *)data, size, &t))
		return 0;
	for (size_t i = 0; i + 1 < t.ncases; i++) {
		const struct tr_case *a = &t.cases[i], *b = &t.cases[i + 1];
		transcript_match(a->expected, a->nexpected, b->expected,
		                 b->nexpected);
		transcript_match(a->expected, a->nexpected, a->expected,
		                 a->nexpected);
	}
	char **half = malloc(sizeof *half * (t.nlines ? t.nlines : 1));
	size_t nhalf = 0;
	for (size_t i = 0; i < t.nlines; i++)
		if (i % 2 == 0 || (i % 3 == 1))
			half[nhalf++] = t.lines[i];
	free(unified_diff("a", t.lines, t.nlines, "b", half, nhalf));
	free(unified_diff("b", half, nhalf, "a", t.lines, t.nlines));
	free(half);
	transcript_free(&t);
	return 0;
}
