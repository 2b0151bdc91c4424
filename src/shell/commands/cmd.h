/* cmd.h - the command table: one row per command, read by the parser, the
 * argument checker, help, completion and the man page alike. */
#ifndef SOCKSHELL_CMD_H
#define SOCKSHELL_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include "../lang/value.h"

struct shell;
struct node;

enum cmd_status { CMD_OK, CMD_ERROR, CMD_EXIT };

/* What an argument must be; the checker converts and reports by position
 * and name before any handler runs. */
enum ptype {
	P_ANY,
	P_SOCK,      /* a socket value */
	P_INT,       /* an integer or constant */
	P_FAMILY,    /* AF_* */
	P_SOCKTYPE,  /* SOCK_* */
	P_PROTO,     /* IPPROTO_* or a number */
	P_LEVEL,     /* SOL_SOCKET, IPPROTO_TCP, ... */
	P_OPTNAME,   /* SO_*, TCP_*, ... */
	P_MSGFLAGS,  /* MSG_* */
	P_HOW,       /* SHUT_* */
	P_AIFLAGS,   /* AI_* */
	P_NIFLAGS,   /* NI_* */
	P_TIMEOUT,   /* seconds as int or float, or None */
	P_FLOAT,     /* seconds */
	P_BOOL,
	P_DATA,      /* bytes, bytearray, or str sent as UTF-8 */
	P_STR,       /* str, or a bare word */
	P_STRBYTES,  /* str, bare word, or bytes (gethostbyname, if_nametoindex) */
	P_FILE,      /* str naming a file (sendfile) */
	P_HOST,      /* str, bare word or None */
	P_SERVICE,   /* port number, service name or None */
	P_ADDR,      /* a socket address for the socket's family */
	P_HOSTPORT,  /* (host, port) */
	P_BUFFER,    /* a bytearray to fill */
	P_SEQ,       /* a list or tuple */
	P_OPTVAL,    /* an option value: int, bytes, tuple, float */
	/* Taken as text, not evaluated (args.c's table says so): */
	P_RAW,       /* any text */
	P_TOPIC,     /* a command or constant name (help) */
	P_ONOFF,     /* on or off */
	P_VARNAME,   /* a variable's name (del) */
	P_ERRNAME,   /* an errno name or number (errno) */
	P_PREFIX,    /* the start of constant names (consts) */
	P_MODULE,    /* a module name (import) */
	P_SCRIPT,    /* a file of statements (source) */
	P_RECORD,    /* a file to record into, or off (record) */
	P_WIRE,      /* a word of wire's: on, ts, packetdrill SOCK, save FILE */
	P_STMT       /* a statement, run by the command */
};

#define PF_OPT 1     /* may be left out */
#define PF_REST 2    /* takes every remaining argument */
#define PF_IFINT 4   /* optional, taken only when the argument is an int */
#define PF_KWONLY 8  /* in the Python form, only as a keyword */
#define PF_PYANY 16  /* Python takes any object here (a def passing it on) */
#define PF_WRITE 32  /* an option to set: completion offers settable ones */
/* Taken only by another of the function's forms (setsockopt's optlen):
 * CPython's arity message counts without it. */
#define PF_PYALT 64
/* A C int in CPython (its 'i' converter: listen's backlog), refused past
 * INT_MIN..INT_MAX rather than cut to 32 bits. Every constant-kind
 * parameter (P_FAMILY to P_NIFLAGS) is one without saying so. */
#define PF_CINT 128
/* A C int that CPython converts with _PyLong_AsInt (socket()'s family,
 * type and proto, also where a def passes them on): its own words. */
#define PF_ASINT 256

struct param {
	const char *name;
	enum ptype type;
	int flags;
	/* Python's TypeError for another type, where this function's own
	 * wording differs from its type's (htonl): a format of the type name. */
	const char *pymsg;
};

#define CMD_MAXARGS 8

struct cmd_call {
	struct shell *sh;
	const struct cmd_entry *cmd;
	struct value *argv[CMD_MAXARGS]; /* NULL: not given */
	const char *argsrc[CMD_MAXARGS]; /* the text of a raw parameter */
	struct node *argnode[CMD_MAXARGS]; /* P_STMT */
	struct value **rest;  /* PF_REST values */
	const char **restsrc; /* PF_REST raw texts */
	size_t nrest;
	struct value *result; /* NULL prints nothing (None) */
	char *cause;          /* on CMD_ERROR: after "error: NAME: " */
	const char *callname; /* the name to report errors under */
	bool pyform;          /* written as Python, checked as Python checks */
	int sh_last_errno;    /* the errno of a failed call, for `errno` */
	int cause_errno;      /* the errno CAUSE says (cmd_errno), for its hint */
	/* The address argument, and where the line typed it: a caret points
	 * there when it is no address (the handler converts it). */
	const struct value *addr;
	size_t addr_from, addr_to;
};

#define CMD_METHOD 1   /* the first parameter is the socket: s.recv */
#define CMD_ATTR 2     /* an attribute: s.family */
#define CMD_FILE 4     /* a method of a makefile() file */
#define CMD_HIDDEN 8   /* not listed by help */
#define CMD_VALUE 16   /* TYPE.NAME is also a method of values of TYPE:
                          'hi'.encode() is str.encode('hi') */
#define CMD_POLL 32    /* a method of a select.poll or select.epoll object */
#define CMD_SSLCTX 64  /* a method or attribute of an ssl.SSLContext */

/* How CPython checks a call to the function, which decides the wording of
 * its TypeErrors (pysig.c). The shell form never checks this way. */
enum py_call {
	PY_NONE,    /* not Python's: the shell's own checks */
	PY_O,       /* METH_O: exactly one argument */
	PY_NOARGS,  /* METH_NOARGS */
	PY_TUPLE,   /* PyArg_ParseTuple: positional only */
	PY_KW,      /* PyArg_ParseTupleAndKeywords */
	PY_CLINIC,  /* Argument Clinic, positional only (select) */
	PY_FAST,    /* METH_FASTCALL, checking its own count (struct.pack) */
	PY_DEF,     /* a def in socket.py */
	PY_INIT     /* socket.socket(): the class, self counted */
};

struct cmd_entry {
	const char *name;
	const char *alias;
	const char *group;
	int flags;
	enum py_call py;
	struct param params[CMD_MAXARGS];
	enum cmd_status (*exec)(struct cmd_call *c);
	const char *usage;   /* synopsis after the name */
	const char *summary; /* one line */
	const char *notes;   /* more lines under the summary, or NULL */
	const char *python;  /* the Python equivalent */
	const char *c_call;  /* the C equivalent */
	const char *errors;  /* errors students meet, one per line */
	const char *example;
};

/* The tables, NULL-terminated, one per file under commands/. */
extern const struct cmd_entry cmd_socket_table[];
extern const struct cmd_entry cmd_module_table[];
extern const struct cmd_entry cmd_inet_table[];
extern const struct cmd_entry cmd_names_table[];
extern const struct cmd_entry cmd_shell_table[];
extern const struct cmd_entry cmd_file_table[];
extern const struct cmd_entry cmd_msg_table[];
extern const struct cmd_entry cmd_builtin_table[];
extern const struct cmd_entry cmd_ready_table[];
extern const struct cmd_entry cmd_poll_table[];
extern const struct cmd_entry cmd_ssl_table[];
extern const struct cmd_entry cmd_testcert_table[];
extern const struct cmd_entry cmd_wire_table[];

/* A command or socket method by name (not file methods). */
const struct cmd_entry *cmd_find(const char *name);
/* A method of a value of TYPE (T_SOCKET, T_FILE, T_POLL or T_SSLCTX). */
const struct cmd_entry *cmd_find_method(enum vtype type, const char *name);
/* The method NAME of a str, bytes, bytearray or int V: the command
 * TYPE.NAME marked CMD_VALUE ('hi'.encode() is str.encode), or NULL. */
const struct cmd_entry *cmd_find_value_method(const struct value *v,
                                              const char *name);
/* Walk every entry: I from 0 until NULL. */
const struct cmd_entry *cmd_at(size_t i);
size_t cmd_nparams(const struct cmd_entry *e);

/* Helpers for handlers: set c->cause and return CMD_ERROR. */
enum cmd_status cmd_fail(struct cmd_call *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
enum cmd_status cmd_errno(struct cmd_call *c, int err);
/* A resolver code; EAI_SYSTEM is errno's OSError, as Python raises it. */
enum cmd_status cmd_gai(struct cmd_call *c, int code);

#endif
