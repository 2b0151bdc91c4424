/* forbid.c - the switch that refuses every system call. */
#include "forbid.h"

static bool forbidden;

void sk_set_forbidden(bool on)
{
	forbidden = on;
}

bool sk_forbidden(void)
{
	return forbidden;
}
