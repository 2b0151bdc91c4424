/* check.h - replaying transcripts and comparing (--check). */
#ifndef SOCKSHELL_REPLAY_H
#define SOCKSHELL_REPLAY_H

#include <stdbool.h>
#include <stdio.h>
#include "../strbuf.h"

/* Check each file in a fresh shell; prints PASS/FAIL/SKIP lines, diffs
 * and the closing "N passed, N failed" (", N skipped" when some were: a
 * wire-lab file where namespaces are refused). Returns 0 when none
 * failed and one passed, 77 when all were skipped, else 1. */
int check_files(char **files, int n, int timeout_seconds);
/* Compare in LOCALE rather than in C (--check-locale); NULL: C again. */
void check_set_locale(const char *locale);
/* Replay every file in the wire lab, as if each began with "# wire"
 * (--check --wire). */
void check_set_wire(bool on);

#endif
