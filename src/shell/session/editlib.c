/* editlib.c - the line editor loaded on first use (see editlib.h for
 * why). */
#include "editlib.h"

#include <stdio.h>

#ifdef HAVE_EDITOR
#include <dlfcn.h>

struct edit_lib edit_lib;

static int fill_table(void *lib, char *err, size_t errlen)
{
#define EDITLIB_SYM(name)                                                \
	*(void **)&edit_lib.name = dlsym(lib, #name);                     \
	if (!edit_lib.name) {                                             \
		snprintf(err, errlen, "%s has no %s", EDITLIB_SONAME, #name); \
		return -1;                                                \
	}
	EDITLIB_COMMON(EDITLIB_SYM)
	EDITLIB_OWN(EDITLIB_SYM)
#undef EDITLIB_SYM
	return 0;
}

int edit_lib_load(char *err, size_t errlen)
{
	static int state; /* 0 not tried, 1 loaded, -1 failed (ERR kept) */
	static char why[256];
	if (state == 0) {
		void *lib = dlopen(EDITLIB_SONAME, RTLD_NOW | RTLD_GLOBAL);
		if (!lib)
			snprintf(why, sizeof why, "%s", dlerror());
		state = lib && !fill_table(lib, why, sizeof why) ? 1 : -1;
	}
	if (state < 0)
		snprintf(err, errlen, "%s", why);
	return state > 0 ? 0 : -1;
}
#else
int edit_lib_load(char *err, size_t errlen)
{
	snprintf(err, errlen, "built without a line editor");
	return -1;
}
#endif
