/* file.c - the file objects makefile() returns. */
#include "common.h"

const struct cmd_entry cmd_file_table[] = {
	{.name = NULL},
};
