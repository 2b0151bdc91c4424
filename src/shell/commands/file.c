/* file.c - the file objects makefile() returns, with the semantics of
 * Python's io stack over a socket: BufferedReader/BufferedWriter (or the
 * raw SocketIO when unbuffered) and, without 'b', TextIOWrapper's UTF-8
 * and universal newlines. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/errors.h"
#include "../../core/sock.h"
#include "common.h"

#define FILE_OF(c) ((c)->argv[0]->u.file)
/* io.DEFAULT_BUFFER_SIZE, and TextIOWrapper's write chunk. */
#define DEFAULT_BUFFER_SIZE 8192

static struct sockobj *fsock(struct fileobj *f)
{
	return &f->sock->u.sock;
}

/* ---- closing ---- */

/* The file lets go of its socket; a socket closed meanwhile really
 * closes now. */
static void release(struct fileobj *f)
{
	struct sockobj *s = fsock(f);
	if (s->io_refs > 0)
		s->io_refs--;
	if (s->io_refs == 0 && s->closed && s->fd >= 0) {
		sk_close(s->fd);
		s->fd = -1;
	}
}

/* Send everything buffered, as often as send() needs; what could not be
 * sent stays buffered. */
static int flush_out(struct fileobj *f)
{
	while (f->wlen) {
		size_t sent = 0;
		int e = sk_send(fsock(f)->fd, f->wbuf, f->wlen, 0, fsock(f)->timeout,
		                NULL, &sent);
		if (e)
			return e;
		memmove(f->wbuf, f->wbuf + sent, f->wlen - sent);
		f->wlen -= sent;
	}
	return 0;
}

/* Python's close: flush, then close even when the flush failed. */
static int file_close(struct fileobj *f)
{
	if (f->closed)
		return 0;
	int e = f->writing ? flush_out(f) : 0;
	f->closed = true;
	release(f);
	return e;
}

static void file_finalize(struct fileobj *f)
{
	file_close(f);
}

/* ---- state checks, with Python's messages ---- */

static int check_open(struct cmd_call *c, struct fileobj *f)
{
	if (!f->closed)
		return 0;
	if (!f->binary)
		return cmd_fail(c, _("I/O operation on closed file.")), -1;
	const char *op = c->cmd->name;
	return cmd_fail(c, _("%s %s closed file"), op,
	                !strcmp(op, "write") ? "to" : "of"), -1;
}

static int check_readable(struct cmd_call *c, struct fileobj *f)
{
	if (check_open(c, f))
		return -1;
	if (!f->reading)
		return cmd_fail(c, _("not readable: the file's mode is '%s' "
		                "(io.UnsupportedOperation)"), f->mode), -1;
	if (f->timed_out)
		return cmd_fail(c, _("cannot read from timed out object")), -1;
	return 0;
}

static int check_writable(struct cmd_call *c, struct fileobj *f)
{
	if (check_open(c, f))
		return -1;
	if (!f->writing)
		return cmd_fail(c, _("not writable: the file's mode is '%s' "
		                "(io.UnsupportedOperation)"), f->mode), -1;
	return 0;
}

/* ---- reading ---- */

/* One recv of up to N bytes onto the read-ahead; *GOT is 0 at EOF. */
static int fill(struct fileobj *f, size_t n, size_t *got)
{
	if (f->rlen + n > f->rcap) {
		f->rcap = f->rlen + n;
		f->rbuf = xrealloc(f->rbuf, f->rcap);
	}
	struct sockobj *s = fsock(f);
	int e = sk_recv(s->fd, f->rbuf + f->rlen, n, 0, s->timeout, NULL, got);
	if (e == CORE_ETIMEOUT)
		f->timed_out = true;
	if (!e)
		f->rlen += *got;
	return e;
}

/* The size of the next raw read: the buffer, or what an unbuffered read
 * asks for. */
static size_t chunk(const struct fileobj *f, size_t want)
{
	return f->bufsize ? f->bufsize : want;
}

/* The bytes of the character at I of the read-ahead, 0 when more must
 * arrive to tell: in text mode "\r\n" is one character, and a UTF-8
 * character needs all its bytes. */
static size_t char_len(const struct fileobj *f, size_t i, bool eof)
{
	const unsigned char *p = (const unsigned char *)f->rbuf;
	size_t left = f->rlen - i, n = 1;
	if (f->binary)
		return 1;
	if (p[i] == '\r')
		n = left == 1 ? (eof ? 1 : 0) : p[i + 1] == '\n' ? 2 : 1;
	else if (p[i] >= 0xc0)
		n = p[i] >= 0xf0 ? 4 : p[i] >= 0xe0 ? 3 : 2;
	if (n > left)
		return eof ? left : 0;
	return n;
}

/* Whether the read-ahead holds N characters (N < 0: everything up to
 * EOF), and in how many bytes (*LEN). */
static bool span(const struct fileobj *f, long long n, bool eof, size_t *len)
{
	size_t i = 0;
	long long k = 0;
	while ((n < 0 || k < n) && i < f->rlen) {
		size_t step = char_len(f, i, eof);
		if (!step)
			break;
		i += step;
		k++;
	}
	*len = i;
	return (n >= 0 && k == n) || eof;
}

/* Where the first line of the read-ahead ends (just past its newline),
 * or 0 when no complete line is there yet. */
static size_t line_end(const struct fileobj *f, bool eof)
{
	for (size_t i = 0; i < f->rlen; i++) {
		char ch = f->rbuf[i];
		if (ch == '\n')
			return i + 1;
		if (ch != '\r' || f->binary)
			continue;
		if (i + 1 < f->rlen)
			return f->rbuf[i + 1] == '\n' ? i + 2 : i + 1;
		return eof ? i + 1 : 0;
	}
	return eof ? f->rlen : 0;
}

/* Python's UTF-8 complaint about the first bad byte of P, if any. */
static int utf8_check(struct cmd_call *c, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t len = p[i] < 0x80 ? 1 : p[i] >= 0xc2 && p[i] < 0xe0 ? 2
		             : p[i] >= 0xe0 && p[i] < 0xf0 ? 3
		             : p[i] >= 0xf0 && p[i] < 0xf5 ? 4 : 0;
		const char *why = len ? NULL : "invalid start byte";
		for (size_t k = 1; !why && k < len; k++)
			if (i + k >= n)
				why = "unexpected end of data";
			else if ((p[i + k] & 0xc0) != 0x80)
				why = "invalid continuation byte";
		if (why)
			return cmd_fail(c, _("'utf-8' codec can't decode byte 0x%02x in "
			                "position %zu: %s"), p[i], i, why), -1;
		i += len;
	}
	return 0;
}

/* Take N bytes off the read-ahead as the value read() returns: bytes, or
 * in text mode a str with "\r\n" and "\r" made "\n". */
static struct value *take(struct cmd_call *c, struct fileobj *f, size_t n)
{
	struct value *v = NULL;
	if (f->binary) {
		v = v_bytes(f->rbuf, n);
	} else if (!utf8_check(c, (const unsigned char *)f->rbuf, n)) {
		struct strbuf b = {0};
		for (size_t i = 0; i < n; i++) {
			if (f->rbuf[i] == '\r' && i + 1 < n && f->rbuf[i + 1] == '\n')
				i++;
			sb_addc(&b, f->rbuf[i] == '\r' ? '\n' : f->rbuf[i]);
		}
		v = v_str(b.p ? b.p : "", b.len);
		sb_free(&b);
	} else {
		return NULL;
	}
	memmove(f->rbuf, f->rbuf + n, f->rlen - n);
	f->rlen -= n;
	return v;
}

/* Read until N characters (N < 0: EOF) are there; unbuffered, read(N)
 * is a single recv. A non-blocking socket with nothing more to give ends
 * the read early, as in Python; *NONE says nothing at all was there. */
static int read_upto(struct fileobj *f, long long n, size_t *len, bool *none)
{
	bool eof = false;
	*none = false;
	while (!span(f, n, eof, len)) {
		size_t want = n < 0 ? DEFAULT_BUFFER_SIZE : (size_t)n - f->rlen;
		size_t got = 0;
		int e = fill(f, chunk(f, want), &got);
		if (e == EAGAIN) {
			*none = f->rlen == 0;
			span(f, n, true, len);
			return 0;
		}
		if (e)
			return e;
		eof = got == 0 || (!f->bufsize && n >= 0);
	}
	return 0;
}

static enum cmd_status do_read(struct cmd_call *c)
{
	struct fileobj *f = FILE_OF(c);
	long long n = arg_int(c, 1, -1);
	if (check_readable(c, f))
		return CMD_ERROR;
	size_t len = 0;
	bool none;
	int e = read_upto(f, n < 0 ? -1 : n, &len, &none);
	if (e)
		return cmd_errno(c, e);
	if (none)
		return CMD_OK;
	c->result = take(c, f, len);
	return c->result ? CMD_OK : CMD_ERROR;
}

static enum cmd_status do_readline(struct cmd_call *c)
{
	struct fileobj *f = FILE_OF(c);
	if (check_readable(c, f))
		return CMD_ERROR;
	bool eof = false;
	size_t end;
	/* Unbuffered, a line is read a byte at a time, as RawIOBase does. */
	while (!(end = line_end(f, eof)) && !eof) {
		size_t got = 0;
		int e = fill(f, chunk(f, 1), &got);
		if (e == EAGAIN)
			break;
		if (e)
			return cmd_errno(c, e);
		eof = got == 0;
	}
	c->result = take(c, f, end ? end : f->rlen);
	return c->result ? CMD_OK : CMD_ERROR;
}

/* ---- writing ---- */

/* Characters in LEN bytes of UTF-8. */
static size_t utf8_chars(const char *p, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)p[i] & 0xc0) != 0x80;
	return n;
}

static int check_write_type(struct cmd_call *c, struct fileobj *f,
                            const struct value *v)
{
	if (f->binary && !v_is_bytes_like(v))
		return cmd_fail(c, _("a bytes-like object is required, not '%s'"),
		                v_type_name(v)), -1;
	if (!f->binary && v->type != T_STR)
		return cmd_fail(c, _("write() argument must be str, not %s"),
		                v_type_name(v)), -1;
	return 0;
}

static enum cmd_status do_write(struct cmd_call *c)
{
	struct fileobj *f = FILE_OF(c);
	const struct value *v = c->argv[1];
	if (check_writable(c, f) || check_write_type(c, f, v))
		return CMD_ERROR;
	struct sockobj *s = fsock(f);
	if (!f->bufsize) {
		/* SocketIO.write is one send(); it may take less. */
		size_t sent = 0;
		int e = sk_send(s->fd, v->u.s.p, v->u.s.len, 0, s->timeout, NULL, &sent);
		if (e == EAGAIN)
			return CMD_OK;
		if (e)
			return cmd_errno(c, e);
		c->result = v_int((long long)sent);
		return CMD_OK;
	}
	if (f->wlen + v->u.s.len > f->wcap) {
		f->wcap = f->wlen + v->u.s.len;
		f->wbuf = xrealloc(f->wbuf, f->wcap);
	}
	memcpy(f->wbuf + f->wlen, v->u.s.p, v->u.s.len);
	f->wlen += v->u.s.len;
	size_t limit = f->binary || f->bufsize > DEFAULT_BUFFER_SIZE
	                       ? f->bufsize : DEFAULT_BUFFER_SIZE;
	int e = f->wlen > limit ? flush_out(f) : 0;
	if (e)
		return cmd_errno(c, e);
	c->result = v_int((long long)(f->binary ? v->u.s.len
	                                        : utf8_chars(v->u.s.p, v->u.s.len)));
	return CMD_OK;
}

static enum cmd_status do_flush(struct cmd_call *c)
{
	struct fileobj *f = FILE_OF(c);
	if (check_open(c, f))
		return CMD_ERROR;
	int e = f->writing ? flush_out(f) : 0;
	return e ? cmd_errno(c, e) : CMD_OK;
}

static enum cmd_status do_close(struct cmd_call *c)
{
	int e = file_close(FILE_OF(c));
	return e ? cmd_errno(c, e) : CMD_OK;
}

/* ---- makefile ---- */

/* Python's mode rules: only r, w and b; reading unless only writing. */
static int parse_mode(struct cmd_call *c, const char *mode,
                      struct fileobj *f)
{
	if (strspn(mode, "rwb") != strlen(mode))
		return cmd_fail(c, _("invalid mode '%s' (only r, w, b allowed)"),
		                mode), -1;
	f->writing = strchr(mode, 'w') != NULL;
	f->reading = strchr(mode, 'r') != NULL || !f->writing;
	f->binary = strchr(mode, 'b') != NULL;
	snprintf(f->mode, sizeof f->mode, "%s%s%s", f->reading ? "r" : "",
	         f->writing ? "w" : "", f->binary ? "b" : "");
	return 0;
}

static enum cmd_status do_makefile(struct cmd_call *c)
{
	struct fileobj tmp = {0};
	const struct value *b = c->argv[2];
	if (parse_mode(c, c->argv[1] ? c->argv[1]->u.s.p : "r", &tmp))
		return CMD_ERROR;
	if (b && b->type != T_NONE && !v_is_int(b))
		return cmd_fail(c, _("'%s' object cannot be interpreted as an integer"),
		                v_type_name(b));
	long long n = arg_int(c, 2, -1);
	if (n == 0 && !tmp.binary)
		return cmd_fail(c, _("unbuffered streams must be binary"));
	if (n > (1LL << 30))
		return cmd_fail(c, _("buffering too large (at most 1 GiB)"));
	tmp.bufsize = n < 0 ? DEFAULT_BUFFER_SIZE : (size_t)n;
	/* Files exist only from here on: the finaliser goes in now. */
	v_file_closer = file_finalize;
	struct value *v = v_file(c->argv[0]);
	tmp.sock = v->u.file->sock;
	*v->u.file = tmp;
	SOCK(c)->io_refs++;
	c->result = v;
	return CMD_OK;
}

#define SELF {"file", P_ANY, 0}

const struct cmd_entry cmd_file_table[] = {
	{.name = "makefile", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_DEF,
	 .params = {{"socket", P_SOCK, 0}, {"mode", P_STR, PF_OPT | PF_PYANY},
	            {"buffering", P_ANY, PF_OPT}},
	 .exec = do_makefile, .usage = "SOCK [MODE [BUFFERING]]",
	 .summary = N_("a file on the socket: read readline write flush close "
	            "(MODE r w rw, with b for bytes; BUFFERING 0: none)"),
	 .python = "f = sock.makefile('rb')",
	 .c_call = "fdopen(3)",
	 .errors = N_("invalid mode: only r, w and b are allowed\n"
	           "unbuffered streams must be binary: BUFFERING 0 needs 'b'\n"),
	 .example = "f = conn.makefile 'rwb'"},
	{.name = "read", .group = "files", .flags = CMD_FILE,
	 .params = {SELF, {"size", P_INT, PF_OPT}},
	 .exec = do_read, .usage = "FILE [N]",
	 .summary = N_("read to EOF, or N bytes (characters in text mode) unless "
	            "EOF comes first; unbuffered, one recv of up to N"),
	 .python = "data = f.read(n)", .c_call = N_("recv(2), repeated"),
	 .errors = N_("timed out: then the file refuses further reads\n"),
	 .example = "f.read 5"},
	{.name = "readline", .group = "files", .flags = CMD_FILE,
	 .params = {SELF},
	 .exec = do_readline, .usage = "FILE",
	 .summary = N_("read one line, up to and including b'\\n' (all that is "
	            "left at EOF)"),
	 .python = "line = f.readline()", .c_call = N_("recv(2), repeated"),
	 .errors = "", .example = "f.readline"},
	{.name = "write", .group = "files", .flags = CMD_FILE,
	 .params = {SELF, {"data", P_ANY, 0}},
	 .exec = do_write, .usage = "FILE DATA",
	 .summary = N_("buffer DATA (bytes, or str in text mode) until flush or "
	            "close; returns its length"),
	 .python = "f.write(b'data')", .c_call = N_("send(2) when flushed"),
	 .errors = N_("a bytes-like object is required: a binary file takes bytes\n"
	           "write() argument must be str: a text file takes str\n"),
	 .example = "f.write b'GET / HTTP/1.0\\r\\n\\r\\n'"},
	{.name = "flush", .group = "files", .flags = CMD_FILE,
	 .params = {SELF},
	 .exec = do_flush, .usage = "FILE",
	 .summary = N_("send what write buffered"), .python = "f.flush()",
	 .c_call = "send(2)", .errors = N_("EPIPE: the peer has closed\n"),
	 .example = "f.flush"},
	{.name = "close", .group = "files", .flags = CMD_FILE,
	 .params = {SELF},
	 .exec = do_close, .usage = "FILE",
	 .summary = N_("flush and close the file; the socket's descriptor closes "
	            "when the socket and all its files are closed"),
	 .python = "f.close()", .c_call = N_("close(2) when the last user goes"),
	 .errors = "", .example = "f.close"},
	{.name = NULL},
};
