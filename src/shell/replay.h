/* replay.h - replaying transcripts and comparing (--check). */
#ifndef SOCKSHELL_REPLAY_H
#define SOCKSHELL_REPLAY_H

#include <stdio.h>
#include "strbuf.h"

/* Check each file in a fresh shell; prints PASS/FAIL lines, diffs and the
 * closing "N passed, N failed". Returns 0 when all passed, else 1. */
int check_files(char **files, int n, int timeout_seconds);
/* Compare in LOCALE rather than in C (--check-locale); NULL: C again. */
void check_set_locale(const char *locale);

#endif
