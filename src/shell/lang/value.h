/* value.h - the interpreter's values: reference-counted, printed as
 * Python's repr. A socket value closes its descriptor when the last
 * reference goes, as a Python socket object does. */
#ifndef SOCKSHELL_VALUE_H
#define SOCKSHELL_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include "../../core/consts.h"

/* The most bytes one value (bytes, str, a list's items) or one buffer a
 * call asks for may hold. Python has no such limit, but printing a value
 * of a GiB takes 4 GiB of repr and minutes on a terminal; a teaching
 * shell never needs more, and a typo (bytes 1000000000) stays harmless. */
#define VALUE_MAX ((size_t)256 << 20)

enum vtype {
	T_NONE,
	T_BOOL,
	T_INT,
	T_FLOAT,
	T_STR,
	T_BYTES,
	T_BYTEARRAY,
	T_TUPLE,
	T_LIST,
	T_DICT,   /* items hold key, value, key, value, ... */
	T_CONST,  /* an integer that prints by name (AF_INET, ECONNREFUSED) */
	T_SOCKET,
	T_FILE,
	T_POLL,   /* select.poll() or select.epoll() */
	T_SSLCTX  /* ssl.SSLContext */
};

struct sockobj {
	int fd; /* -1 once closed or detached */
	int family, type, proto;
	double timeout; /* < 0: None (blocking) */
	/* As in Python: files from makefile() that are still open; close()
	 * then only marks the socket closed, and the last file's close
	 * closes the descriptor. */
	int io_refs;
	bool closed;
	/* A connect answered EINPROGRESS: `ready` and `watch` then say when
	 * it finished (writable) or failed (error pending). */
	bool connecting;
	/* An ssl.SSLSocket: its TLS state is kept by commands/ssl.c, found
	 * by this struct's address (a pointer here would grow every value). */
	bool tls;
};

struct fileobj {
	struct value *sock; /* the socket it reads and writes */
	char mode[4];       /* "r", "w", "rw", each maybe with "b" */
	bool binary, closed;
	unsigned char encoding; /* text: FENC_* of file.c */
	unsigned char newline;  /* text: NL_* of file.c, the newline= given */
	bool reading, writing;
	bool timed_out;     /* a read timed out: Python refuses more reads */
	size_t bufsize;     /* 0: unbuffered */
	char *rbuf; /* read-ahead */
	size_t rlen, rcap;
	char *wbuf; /* written, not yet flushed */
	size_t wlen, wcap;
};

/* A registration: a descriptor and the events asked for. */
struct pollreg {
	int fd;
	unsigned events;
};

/* select.poll keeps its registrations and hands them to poll(2) on each
 * call; select.epoll has them in the kernel (epfd) and keeps a copy here
 * for `handles`. */
struct pollobj {
	bool epoll;
	int epfd; /* epoll: its descriptor, -1 once closed */
	struct pollreg *regs;
	size_t nregs;
};

struct value {
	int refs;
	enum vtype type;
	union {
		long long i; /* BOOL INT */
		double f;
		struct {
			char *p; /* NUL-terminated for convenience */
			size_t len;
			bool word; /* an unquoted shell word, not a literal */
		} s;         /* STR BYTES BYTEARRAY */
		struct {
			struct value **items;
			size_t n;
			unsigned depth; /* 1 + the deepest item's nesting */
		} seq; /* TUPLE LIST DICT */
		struct {
			long long v;
			enum const_kind kind;
		} c;
		struct sockobj sock;
		struct fileobj *file; /* its own block: files are rare, sockets many */
		struct pollobj *poll;
		struct tls_ctx *sslctx;
	} u;
};

/* Free the value structs kept for reuse (at exit, so leak checkers see
 * nothing left). */
void v_pool_drain(void);
struct value *v_none(void);
struct value *v_bool(bool b);
struct value *v_int(long long i);
struct value *v_float(double f);
struct value *v_str(const char *p, size_t len);
struct value *v_cstr(const char *p);
struct value *v_word(const char *p, size_t len);
struct value *v_bytes(const void *p, size_t len);
struct value *v_bytearray(const void *p, size_t len);
struct value *v_const(enum const_kind kind, long long v);
/* A tuple or list of N items, taking over the references in ITEMS. */
struct value *v_seq(enum vtype type, struct value **items, size_t n);
struct value *v_tuple(size_t n, ...); /* takes over the references */
struct value *v_socket(int fd, int family, int type, int proto,
                       double timeout);

/* A file on SOCK (taking a new reference to it), open, everything else
 * zero. */
struct value *v_file(struct value *sock);

struct value *v_ref(struct value *v);
void v_unref(struct value *v);

/* How deeply V nests tuples and lists: 0 for anything else. Printing and
 * freeing recurse, so the evaluator builds nothing deeper than this. */
#define V_MAX_DEPTH 1000
unsigned v_depth(const struct value *v);

/* The integer inside INT, BOOL or CONST. */
bool v_is_int(const struct value *v);
long long v_int_of(const struct value *v);
/* The seconds in INT, BOOL, CONST or FLOAT V as Python keeps a timeout:
 * whole nanoseconds, rounded away from zero (_PyTime_ROUND_TIMEOUT), so
 * 0.1+0.2 is 300000001 ns. False when they do not fit in 64 bits (Python's
 * OverflowError); a NaN gives 0. */
bool v_seconds_ns(const struct value *v, long long *ns);
/* NS nanoseconds as the float of seconds Python's gettimeout returns. */
double ns_seconds(long long ns);
bool v_is_bytes_like(const struct value *v); /* BYTES BYTEARRAY */
bool v_is_seq(const struct value *v);         /* TUPLE LIST */
bool v_truthy(const struct value *v);
const char *v_type_name(const struct value *v);

/* Python's repr, malloc'd. */
char *v_repr(const struct value *v);
/* Python's str(): strings unquoted, everything else as repr. */
char *v_str_of(const struct value *v);

/* What closes a socket value's descriptor when its last reference goes;
 * set by the shell so the close is traced like any other call. */
extern void (*v_socket_closer)(struct sockobj *s);
/* What flushes and closes a file value that goes without close(), as
 * Python's finaliser does. */
extern void (*v_file_closer)(struct fileobj *f);
/* A poll object, empty; EPFD is the epoll descriptor or -1 for poll. */
struct value *v_poll(bool epoll, int epfd);
/* What closes an epoll object's descriptor when it goes without close(). */
extern void (*v_poll_closer)(struct pollobj *p);
/* An SSLContext value, taking over CTX (core/tls.h). */
struct tls_ctx;
struct value *v_sslctx(struct tls_ctx *ctx);
/* What frees a context, and a TLS socket's state, when the last
 * reference goes (set by commands/ssl.c). */
extern void (*v_sslctx_freer)(struct tls_ctx *ctx);
extern void (*v_tls_dropper)(struct sockobj *s);

#endif
