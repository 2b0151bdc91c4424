/* errtext.h - the text of a failed system or resolver call. */
#ifndef SOCKSHELL_ERRTEXT_H
#define SOCKSHELL_ERRTEXT_H

/* "ECONNREFUSED [Errno 111] Connection refused", "timed out": malloc'd. */
char *fmt_errno(int err);
/* "EAI_NONAME [Errno -2] Name or service not known": malloc'd. */
char *fmt_gai(int code);

#endif
