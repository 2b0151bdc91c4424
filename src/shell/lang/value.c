/* value.c - constructing, sharing and freeing values. */
#include "value.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../strbuf.h"

void (*v_socket_closer)(struct sockobj *s);
void (*v_file_closer)(struct fileobj *f);

/* Freed value structs wait here for the next value: most statements make
 * and drop a few, and malloc + free cost more than the work they do. Under
 * AddressSanitizer there is no pool, so a use after free is still caught. */
#if defined(__SANITIZE_ADDRESS__)
#define POOL_MAX 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_MAX 0
#endif
#endif
#ifndef POOL_MAX
#define POOL_MAX 64
#endif
static struct value *pool[POOL_MAX + 1];
static size_t pooled;

static struct value *alloc(enum vtype type)
{
	struct value *v;
	if (pooled) {
		v = pool[--pooled];
		memset(v, 0, sizeof *v);
	} else {
		v = xcalloc(1, sizeof *v);
	}
	v->refs = 1;
	v->type = type;
	return v;
}

/* None, True and False are shared and never freed. */
static struct value none_v = {.refs = 1, .type = T_NONE};
static struct value true_v = {.refs = 1, .type = T_BOOL, .u.i = 1};
static struct value false_v = {.refs = 1, .type = T_BOOL, .u.i = 0};

static bool is_static(const struct value *v)
{
	return v == &none_v || v == &true_v || v == &false_v;
}

struct value *v_none(void)
{
	return &none_v;
}

struct value *v_bool(bool b)
{
	return b ? &true_v : &false_v;
}

struct value *v_int(long long i)
{
	struct value *v = alloc(T_INT);
	v->u.i = i;
	return v;
}

struct value *v_float(double f)
{
	struct value *v = alloc(T_FLOAT);
	v->u.f = f;
	return v;
}

static struct value *v_buf(enum vtype t, const void *p, size_t len)
{
	struct value *v = alloc(t);
	v->u.s.p = xmalloc(len + 1);
	if (len)
		memcpy(v->u.s.p, p, len);
	v->u.s.p[len] = '\0';
	v->u.s.len = len;
	return v;
}

struct value *v_str(const char *p, size_t len)
{
	return v_buf(T_STR, p, len);
}

struct value *v_cstr(const char *p)
{
	return v_buf(T_STR, p, strlen(p));
}

struct value *v_word(const char *p, size_t len)
{
	struct value *v = v_buf(T_STR, p, len);
	v->u.s.word = true;
	return v;
}

struct value *v_bytes(const void *p, size_t len)
{
	return v_buf(T_BYTES, p, len);
}

struct value *v_bytearray(const void *p, size_t len)
{
	return v_buf(T_BYTEARRAY, p, len);
}

struct value *v_const(enum const_kind kind, long long i)
{
	struct value *v = alloc(T_CONST);
	v->u.c.v = i;
	v->u.c.kind = kind;
	return v;
}

struct value *v_seq(enum vtype type, struct value **items, size_t n)
{
	struct value *v = alloc(type);
	v->u.seq.items = xmalloc(sizeof *items * (n ? n : 1));
	if (n)
		memcpy(v->u.seq.items, items, sizeof *items * n);
	v->u.seq.n = n;
	v->u.seq.depth = 1;
	for (size_t i = 0; i < n; i++)
		if (v_depth(items[i]) >= v->u.seq.depth)
			v->u.seq.depth = v_depth(items[i]) + 1;
	return v;
}

unsigned v_depth(const struct value *v)
{
	if (v->type == T_TUPLE || v->type == T_LIST || v->type == T_DICT)
		return v->u.seq.depth;
	return 0;
}

struct value *v_tuple(size_t n, ...)
{
	struct value *items[16];
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n && i < 16; i++)
		items[i] = va_arg(ap, struct value *);
	va_end(ap);
	return v_seq(T_TUPLE, items, n < 16 ? n : 16);
}

struct value *v_socket(int fd, int family, int type, int proto,
                       double timeout)
{
	struct value *v = alloc(T_SOCKET);
	v->u.sock.fd = fd;
	v->u.sock.family = family;
	v->u.sock.type = type;
	v->u.sock.proto = proto;
	v->u.sock.timeout = timeout;
	return v;
}

struct value *v_file(struct value *sock)
{
	struct value *v = alloc(T_FILE);
	v->u.file = xcalloc(1, sizeof *v->u.file);
	v->u.file->sock = v_ref(sock);
	return v;
}

void (*v_poll_closer)(struct pollobj *p);

struct value *v_poll(bool epoll, int epfd)
{
	struct value *v = alloc(T_POLL);
	v->u.poll = xcalloc(1, sizeof *v->u.poll);
	v->u.poll->epoll = epoll;
	v->u.poll->epfd = epfd;
	return v;
}

void (*v_sslctx_freer)(struct tls_ctx *ctx);
void (*v_tls_dropper)(struct sockobj *s);

struct value *v_sslctx(struct tls_ctx *ctx)
{
	struct value *v = alloc(T_SSLCTX);
	v->u.sslctx = ctx;
	return v;
}

struct value *v_ref(struct value *v)
{
	if (v && !is_static(v))
		v->refs++;
	return v;
}

static void free_value(struct value *v)
{
	switch (v->type) {
	case T_STR:
	case T_BYTES:
	case T_BYTEARRAY:
		free(v->u.s.p);
		break;
	case T_TUPLE:
	case T_LIST:
	case T_DICT:
		for (size_t i = 0; i < v->u.seq.n; i++)
			v_unref(v->u.seq.items[i]);
		free(v->u.seq.items);
		break;
	case T_SOCKET:
		if (v->u.sock.tls && v_tls_dropper)
			v_tls_dropper(&v->u.sock);
		if (v->u.sock.fd >= 0 && v_socket_closer)
			v_socket_closer(&v->u.sock);
		break;
	case T_SSLCTX:
		if (v_sslctx_freer)
			v_sslctx_freer(v->u.sslctx);
		break;
	case T_FILE:
		if (!v->u.file->closed && v_file_closer)
			v_file_closer(v->u.file);
		v_unref(v->u.file->sock);
		free(v->u.file->rbuf);
		free(v->u.file->wbuf);
		free(v->u.file);
		break;
	case T_POLL:
		if (v->u.poll->epfd >= 0 && v_poll_closer)
			v_poll_closer(v->u.poll);
		free(v->u.poll->regs);
		free(v->u.poll);
		break;
	default:
		break;
	}
	if (pooled < POOL_MAX)
		pool[pooled++] = v;
	else
		free(v);
}

void v_pool_drain(void)
{
	while (pooled)
		free(pool[--pooled]);
}

void v_unref(struct value *v)
{
	if (!v || is_static(v))
		return;
	if (--v->refs == 0)
		free_value(v);
}

bool v_is_int(const struct value *v)
{
	return v->type == T_INT || v->type == T_BOOL || v->type == T_CONST;
}

long long v_int_of(const struct value *v)
{
	return v->type == T_CONST ? v->u.c.v : v->u.i;
}

#define NS_PER_SEC 1000000000LL

bool v_seconds_ns(const struct value *v, long long *ns)
{
	if (v->type != T_FLOAT) {
		long long n = v_int_of(v);
		if (n > LLONG_MAX / NS_PER_SEC || n < LLONG_MIN / NS_PER_SEC)
			return false;
		*ns = n * NS_PER_SEC;
		return true;
	}
	double d = v->u.f * 1e9;
	d = d >= 0 ? ceil(d) : floor(d);
	/* A NaN passes as 0: the caller refuses it by the float itself. */
	if (!(d >= -0x1p63 && d < 0x1p63))
		return isnan(d) ? (*ns = 0, true) : false;
	*ns = (long long)d;
	return true;
}

double ns_seconds(long long ns)
{
	/* As _PyTime_AsSecondsDouble: whole seconds exactly, others divided. */
	if (ns % NS_PER_SEC == 0)
		return (double)(ns / NS_PER_SEC);
	return (double)ns / 1e9;
}

bool v_is_bytes_like(const struct value *v)
{
	return v->type == T_BYTES || v->type == T_BYTEARRAY;
}

bool v_is_seq(const struct value *v)
{
	return v->type == T_TUPLE || v->type == T_LIST;
}

bool v_truthy(const struct value *v)
{
	switch (v->type) {
	case T_NONE:
		return false;
	case T_BOOL:
	case T_INT:
		return v->u.i != 0;
	case T_CONST:
		return v->u.c.v != 0;
	case T_FLOAT:
		return v->u.f != 0.0;
	case T_STR:
	case T_BYTES:
	case T_BYTEARRAY:
		return v->u.s.len != 0;
	case T_TUPLE:
	case T_LIST:
	case T_DICT:
		return v->u.seq.n != 0;
	default:
		return true;
	}
}

const char *v_type_name(const struct value *v)
{
	static const char *const names[] = {
		[T_NONE] = "NoneType", [T_BOOL] = "bool",   [T_INT] = "int",
		[T_FLOAT] = "float",   [T_STR] = "str",     [T_BYTES] = "bytes",
		[T_BYTEARRAY] = "bytearray", [T_TUPLE] = "tuple",
		[T_LIST] = "list",     [T_DICT] = "dict",   [T_CONST] = "int",
		[T_SOCKET] = "socket", [T_FILE] = "file", [T_POLL] = "select.poll",
		[T_SSLCTX] = "SSLContext"};
	if (v->type == T_POLL && v->u.poll->epoll)
		return "select.epoll";
	if (v->type == T_SOCKET && v->u.sock.tls)
		return "SSLSocket";
	return names[v->type];
}
