/* table.h - aligned text tables with a header row. */
#ifndef SOCKSHELL_TABLE_H
#define SOCKSHELL_TABLE_H

#include <stddef.h>

struct table {
	size_t ncols, nrows;
	char **cells; /* (nrows + 1) * ncols, row 0 the header */
	size_t gap;   /* spaces between columns: 2 unless set */
};

void table_init(struct table *t, size_t ncols, ...);
/* Add a row of NCOLS strings (copied). */
void table_row(struct table *t, ...);
void table_print(const struct table *t);
void table_free(struct table *t);
/* Columns of terminal cells TEXT takes (wide characters count two). */
size_t display_width(const char *text);

#endif
