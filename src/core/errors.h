/* errors.h - names and messages for errno and resolver codes. Never prints. */
#ifndef SOCKSHELL_ERRORS_H
#define SOCKSHELL_ERRORS_H

/* Python's socket.timeout: not an errno, so a value no errno takes. */
#define CORE_ETIMEOUT 100000
/* A blocking call interrupted by Ctrl-C (SIGINT) or a transcript timeout. */
#define CORE_EINTERRUPTED 100001

/* "ECONNREFUSED" for 111; NULL for an unknown number. */
const char *errno_name(int err);
/* strerror(err) in the current locale, or for CORE_E* a text marked for
 * translation (English here); never NULL. The text of an unknown number
 * lives in a static buffer, valid until the next call. */
const char *errno_message(int err);
/* strerror(err) alone, even for the numbers of CORE_E*; never NULL, and
 * static for an unknown number as above. */
const char *errno_strerror(int err);
/* 1 for CORE_ETIMEOUT and CORE_EINTERRUPTED: no errno (Python's e.errno is
 * None for them). */
int errno_is_pseudo(int err);
/* "EAI_NONAME" for -2; NULL for an unknown code. */
const char *eai_name(int code);
/* gai_strerror(code); never NULL. */
const char *eai_message(int code);

#endif
