/* errtext.c - the text of a failed system or resolver call, as Python's
 * OSError prints it: "ECONNREFUSED [Errno 111] Connection refused". Apart
 * from format.c, so that sockaddr.c, which format.c uses for a socket's
 * repr, can say its resolver errors without including format.h back. */
#include "errtext.h"

#include "../../core/errors.h"
#include "../../core/i18n.h"
#include "../strbuf.h"

char *fmt_errno(int err)
{
	const char *name = errno_name(err);
	/* No name: sockshell's own "timed out" or "interrupted", which it
	 * translates, as glibc translates strerror. */
	if (!name)
		return xstrdup(_(errno_message(err)));
	return xasprintf("%s [Errno %d] %s", name, err, errno_message(err));
}

char *fmt_gai(int code)
{
	const char *name = eai_name(code);
	return xasprintf("%s [Errno %d] %s", name ? name : "EAI", code,
	                 eai_message(code));
}
