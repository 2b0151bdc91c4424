/* errors.c - names and messages for errno values and resolver codes. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <netdb.h>
#include <string.h>

#include "consts.h"
#include "errors.h"
#include "i18n.h"


const char *errno_name(int err)
{
	const struct sk_const *c = const_by_value(CK_ERRNO, err);

	return c ? c->name : NULL;
}

const char *errno_message(int err)
{
	/* Our pseudo-errnos are outside strerror's range: name them here. */
	if (err == CORE_ETIMEOUT)
		return N_("timed out");
	if (err == CORE_EINTERRUPTED)
		return N_("interrupted");
	return errno_strerror(err);
}

int errno_is_pseudo(int err)
{
	return err == CORE_ETIMEOUT || err == CORE_EINTERRUPTED;
}

const char *errno_strerror(int err)
{
	/* strerror() keeps the text of an unknown number in a buffer it
	 * allocates and never frees (valgrind reports it); the GNU
	 * strerror_r writes that text into ours instead. */
	static char unknown[64];
	return strerror_r(err, unknown, sizeof unknown);
}

const char *eai_name(int code)
{
	const struct sk_const *c = const_by_value(CK_EAI, code);

	return c ? c->name : NULL;
}

const char *eai_message(int code)
{
	const char *msg = gai_strerror(code);

	/* POSIX does not promise a string for an unknown code. */
	return msg ? msg : "Unknown error";
}
