/* file.c - the file objects makefile() returns, with the semantics of
 * Python's io stack over a socket: BufferedReader/BufferedWriter (or the
 * raw SocketIO when unbuffered) and, without 'b', TextIOWrapper's UTF-8
 * and universal newlines. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/errors.h"
#include "../../core/sock.h"
#include "../utf8.h"
#include "common.h"

#define FILE_OF(c) ((c)->argv[0]->u.file)

/* The text encodings a file speaks here (encoding=). */
enum { FENC_UTF8, FENC_ASCII, FENC_LATIN1 };
/* newline=: None reads "\r" and "\r\n" as "\n"; '' ends lines at any of
 * the three but keeps them; '\n', '\r', '\r\n' end lines only there and
 * are what a written "\n" becomes (None and '' write "\n"). */
enum { NL_NONE, NL_ANY, NL_LF, NL_CR, NL_CRLF };
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
	/* "\r\n" is one character where it becomes one "\n". */
	if (p[i] == '\r' && f->newline == NL_NONE)
		return left == 1 ? (eof ? 1 : 0) : p[i + 1] == '\n' ? 2 : 1;
	if (p[i] < 0x80 || f->encoding != FENC_UTF8)
		return n;
	/* What does not decode is one character here; take() refuses it. */
	struct utf8_step st = utf8_step(p + i, left, false);
	if (st.fault == UTF8_END_OF_DATA)
		return eof ? left : 0;
	return st.fault ? 1 : st.len;
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
	/* Binary and newline='\n' end lines at "\n" alone, newline='\r' at
	 * "\r" alone; None and '' at any of the three, newline='\r\n' only
	 * at "\r\n". */
	bool lf = f->binary || f->newline != NL_CR;
	bool cr = !f->binary && f->newline != NL_LF;
	for (size_t i = 0; i < f->rlen; i++) {
		char ch = f->rbuf[i];
		if (ch == '\n' && lf && f->newline != NL_CRLF)
			return i + 1;
		if (ch != '\r' || !cr)
			continue;
		if (f->newline == NL_CR)
			return i + 1;
		if (i + 1 < f->rlen) {
			if (f->rbuf[i + 1] == '\n')
				return i + 2;
			if (f->newline != NL_CRLF)
				return i + 1;
		} else if (f->newline != NL_CRLF) {
			return eof ? i + 1 : 0;
		}
	}
	return eof ? f->rlen : 0;
}

/* Python's UTF-8 complaint about the read-ahead, whose first N bytes are
 * to be taken. Python decodes all that arrived (TextIOWrapper decodes a
 * chunk at a time): a bad byte past the line fails this read too; only a
 * character still arriving waits. */
static int utf8_check(struct cmd_call *c, const struct fileobj *f, size_t n)
{
	const unsigned char *p = (const unsigned char *)f->rbuf;
	struct utf8_step bad;
	size_t at = utf8_first_fault(p, f->rlen, &bad);
	if (at == f->rlen || (bad.fault == UTF8_END_OF_DATA && at >= n))
		return 0;
	/* A character cut short by EOF is what Python's decoder held back
	 * and decodes on its own at the end: its positions start at 0. */
	if (bad.fault == UTF8_END_OF_DATA)
		p += at, at = 0;
	free(c->cause);
	c->cause = utf8_fault_text(p, at, bad);
	return -1;
}

/* The read-ahead decodes in the file's encoding (see utf8_check). */
static int decode_check(struct cmd_call *c, const struct fileobj *f, size_t n)
{
	if (f->encoding == FENC_UTF8)
		return utf8_check(c, f, n);
	for (size_t i = 0; f->encoding == FENC_ASCII && i < f->rlen; i++)
		if ((unsigned char)f->rbuf[i] >= 0x80)
			return cmd_fail(c, _("'ascii' codec can't decode byte 0x%02x in "
			                     "position %zu: ordinal not in range(128)"),
			                (unsigned char)f->rbuf[i], i), -1;
	return 0;
}

/* N bytes of the read-ahead as a str: latin-1 bytes become their code
 * points, and with newline=None "\r\n" and "\r" become "\n". */
static struct value *text_value(const struct fileobj *f, size_t n)
{
	struct strbuf b = {0};
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)f->rbuf[i];
		if (f->newline == NL_NONE && ch == '\r') {
			i += i + 1 < n && f->rbuf[i + 1] == '\n';
			ch = '\n';
		}
		if (ch >= 0x80 && f->encoding == FENC_LATIN1) {
			sb_addc(&b, (char)(0xc0 | (ch >> 6)));
			ch = 0x80 | (ch & 0x3f);
		}
		sb_addc(&b, (char)ch);
	}
	struct value *v = v_str(b.p ? b.p : "", b.len);
	sb_free(&b);
	return v;
}

/* Take N bytes off the read-ahead as the value read() returns: bytes, or
 * in text mode a str. */
static struct value *take(struct cmd_call *c, struct fileobj *f, size_t n)
{
	struct value *v = NULL;
	if (f->binary)
		v = v_bytes(f->rbuf, n);
	else if (!decode_check(c, f, n))
		v = text_value(f, n);
	else
		return NULL;
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

/* The bytes of the first line of the read-ahead, cut at LIMIT characters
 * (bytes when binary; LIMIT < 0: no limit); 0 while more must arrive. */
static size_t line_len(const struct fileobj *f, long long limit, bool eof)
{
	size_t end = line_end(f, eof), cut;
	if (limit < 0)
		return end;
	bool full = span(f, limit, eof, &cut);
	if (end && end <= cut)
		return end;
	return full ? cut : 0;
}

static enum cmd_status do_readline(struct cmd_call *c)
{
	struct fileobj *f = FILE_OF(c);
	long long limit = arg_int(c, 1, -1);
	if (check_readable(c, f))
		return CMD_ERROR;
	if (limit == 0) {
		c->result = f->binary ? v_bytes("", 0) : v_str("", 0);
		return CMD_OK;
	}
	bool eof = false;
	size_t end;
	/* Unbuffered, a line is read a byte at a time, as RawIOBase does. */
	while (!(end = line_len(f, limit, eof)) && !eof) {
		size_t got = 0;
		int e = fill(f, chunk(f, 1), &got);
		if (e == EAGAIN)
			break;
		if (e)
			return cmd_errno(c, e);
		eof = got == 0;
	}
	/* EOF, or nothing more for now on a non-blocking socket: what is
	 * there, up to the limit. */
	if (!end)
		end = line_len(f, limit, true);
	c->result = take(c, f, end);
	return c->result ? CMD_OK : CMD_ERROR;
}

/* ---- writing ---- */

/* The code point at P of a str (a byte that is not UTF-8 stands for
 * itself) and its bytes. */
static unsigned long str_cp(const unsigned char *p, size_t left, size_t *len)
{
	struct utf8_step st = utf8_step(p, left, true);
	*len = st.fault ? 1 : st.len;
	return st.fault ? *p : st.cp;
}

/* Characters in LEN bytes of a str. */
static size_t str_chars(const char *p, size_t len)
{
	size_t n = 0, step;
	for (size_t i = 0; i < len; i += step, n++)
		str_cp((const unsigned char *)p + i, len - i, &step);
	return n;
}

static bool encodable(const struct fileobj *f, unsigned long cp)
{
	if (f->encoding == FENC_ASCII)
		return cp < 0x80;
	if (f->encoding == FENC_LATIN1)
		return cp < 0x100;
	return cp < 0xd800 || cp > 0xdfff; /* UTF-8 has no surrogates */
}

/* Python's UnicodeEncodeError for the run of N characters from FIRST, at
 * character POS of the text as written. */
static int encode_fail(struct cmd_call *c, const struct fileobj *f,
                       unsigned long first, size_t pos, size_t n)
{
	static const char *const names[] = {"utf-8", "ascii", "latin-1"};
	const char *why = f->encoding == FENC_ASCII ? "ordinal not in range(128)"
	                  : f->encoding == FENC_LATIN1 ? "ordinal not in range(256)"
	                                               : "surrogates not allowed";
	if (n > 1)
		return cmd_fail(c, _("'%s' codec can't encode characters in position "
		                     "%zu-%zu: %s"), names[f->encoding], pos,
		                pos + n - 1, why), -1;
	struct strbuf ch = {0};
	sb_printf(&ch, first < 0x100 ? "\\x%02lx" : first < 0x10000 ? "\\u%04lx"
	               : "\\U%08lx", first);
	cmd_fail(c, _("'%s' codec can't encode character '%s' in position %zu: %s"),
	         names[f->encoding], ch.p, pos, why);
	sb_free(&ch);
	return -1;
}

/* The bytes a text file sends for the str P: "\n" as newline= says
 * (TextIOWrapper translates first), then encoded. */
static int encode_text(struct cmd_call *c, const struct fileobj *f,
                       const char *p, size_t len, struct strbuf *out)
{
	const char *nl = f->newline == NL_CR ? "\r" : f->newline == NL_CRLF
	                 ? "\r\n" : "\n";
	const unsigned char *u = (const unsigned char *)p;
	size_t pos = 0, step;
	for (size_t i = 0; i < len; i += step) {
		unsigned long cp = str_cp(u + i, len - i, &step);
		size_t bad = 0, j = i, s2;
		while (j < len && !encodable(f, str_cp(u + j, len - j, &s2)))
			j += s2, bad++;
		if (bad)
			return encode_fail(c, f, cp, pos, bad);
		pos += cp == '\n' ? strlen(nl) : 1;
		if (cp == '\n')
			sb_adds(out, nl);
		else if (f->encoding == FENC_UTF8)
			sb_add(out, u + i, step);
		else
			sb_addc(out, (char)cp);
	}
	return 0;
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
	struct strbuf text = {0};
	const char *p = v->u.s.p;
	size_t len = v->u.s.len;
	if (!f->binary) {
		if (encode_text(c, f, p, len, &text)) {
			sb_free(&text);
			return CMD_ERROR;
		}
		p = text.p ? text.p : "";
		len = text.len;
	}
	if (f->wlen + len > f->wcap) {
		f->wcap = f->wlen + len;
		f->wbuf = xrealloc(f->wbuf, f->wcap);
	}
	memcpy(f->wbuf + f->wlen, p, len);
	f->wlen += len;
	sb_free(&text);
	size_t limit = f->binary || f->bufsize > DEFAULT_BUFFER_SIZE
	                       ? f->bufsize : DEFAULT_BUFFER_SIZE;
	int e = f->wlen > limit ? flush_out(f) : 0;
	if (e)
		return cmd_errno(c, e);
	c->result = v_int((long long)(f->binary ? v->u.s.len
	                                        : str_chars(v->u.s.p, v->u.s.len)));
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

/* Python's names of the encodings spoken here, normalised as its codec
 * registry does (lower case, '-' and ' ' as '_'). */
static int encoding_of(const char *name)
{
	static const struct { const char *name; int enc; } names[] = {
	    {"utf_8", FENC_UTF8},     {"utf8", FENC_UTF8},
	    {"u8", FENC_UTF8},        {"utf", FENC_UTF8},
	    {"ascii", FENC_ASCII},    {"us_ascii", FENC_ASCII},
	    {"646", FENC_ASCII},      {"us", FENC_ASCII},
	    {"latin_1", FENC_LATIN1}, {"latin1", FENC_LATIN1},
	    {"latin", FENC_LATIN1},   {"l1", FENC_LATIN1},
	    {"iso_8859_1", FENC_LATIN1}, {"iso8859_1", FENC_LATIN1},
	    {"8859", FENC_LATIN1},    {"cp819", FENC_LATIN1},
	};
	char norm[32];
	size_t n = 0;
	for (; name[n] && n + 1 < sizeof norm; n++) {
		char ch = name[n];
		norm[n] = ch == '-' || ch == ' ' ? '_'
		          : ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
	}
	norm[n] = '\0';
	for (size_t i = 0; !name[n] && i < sizeof names / sizeof *names; i++)
		if (!strcmp(norm, names[i].name))
			return names[i].enc;
	return -1;
}

/* encoding= and newline= of a text file (a binary one ignores them, as
 * socket.makefile does). */
static int text_options(struct cmd_call *c, struct fileobj *f)
{
	const struct value *e = c->argv[3], *nl = c->argv[4];
	if (e && e->type != T_NONE && e->type != T_STR)
		return cmd_fail(c, _("TextIOWrapper() argument 'encoding' must be str "
		                     "or None, not %s"), v_type_name(e)), -1;
	if (nl && nl->type != T_NONE && nl->type != T_STR)
		return cmd_fail(c, _("TextIOWrapper() argument 'newline' must be str "
		                     "or None, not %s"), v_type_name(nl)), -1;
	int enc = e && e->type == T_STR ? encoding_of(e->u.s.p) : FENC_UTF8;
	if (enc < 0)
		return cmd_fail(c, _("unknown encoding: %s (sockshell knows utf-8, "
		                     "ascii and latin-1)"), e->u.s.p), -1;
	static const char *const nls[] = {"", "\n", "\r", "\r\n"};
	int mode = NL_NONE;
	for (int i = 0; nl && nl->type == T_STR && i < 4; i++)
		if (!strcmp(nl->u.s.p, nls[i]) && nl->u.s.len == strlen(nls[i]))
			mode = NL_ANY + i;
	if (nl && nl->type == T_STR && mode == NL_NONE) {
		char *r = v_str_of(nl);
		cmd_fail(c, _("illegal newline value: %s"), r);
		free(r);
		return -1;
	}
	f->encoding = (unsigned char)enc;
	f->newline = (unsigned char)mode;
	return 0;
}

static enum cmd_status do_makefile(struct cmd_call *c)
{
	struct fileobj tmp = {0};
	const struct value *b = c->argv[2];
	if (parse_mode(c, c->argv[1] ? c->argv[1]->u.s.p : "r", &tmp))
		return CMD_ERROR;
	if (!tmp.binary && text_options(c, &tmp))
		return CMD_ERROR;
	if (b && b->type != T_NONE && !v_is_int(b))
		return cmd_fail(c, _("'%s' object cannot be interpreted as an integer"),
		                v_type_name(b));
	long long n = arg_int(c, 2, -1);
	if (n == 0 && !tmp.binary)
		return cmd_fail(c, _("unbuffered streams must be binary"));
	if (n > (long long)VALUE_MAX)
		return cmd_fail(c, _("buffering too large (at most 256 MiB)"));
	tmp.bufsize = n < 0 ? DEFAULT_BUFFER_SIZE : (size_t)n;
	/* A text file's mode is the one given (TextIOWrapper.mode). */
	if (!tmp.binary)
		snprintf(tmp.mode, sizeof tmp.mode, "%s", c->argv[1] ? c->argv[1]->u.s.p : "r");
	/* Files exist only from here on: the finaliser goes in now. */
	v_file_closer = file_finalize;
	struct value *v = v_file(c->argv[0]);
	tmp.sock = v->u.file->sock;
	*v->u.file = tmp;
	SOCK(c)->io_refs++;
	c->result = v;
	return CMD_OK;
}

static enum cmd_status do_closed(struct cmd_call *c)
{
	c->result = v_bool(FILE_OF(c)->closed);
	return CMD_OK;
}

/* Python's: the mode given for text, the raw mode for bytes; a buffered
 * file both read and written (BufferedRWPair) has none. */
static enum cmd_status do_mode(struct cmd_call *c)
{
	const struct fileobj *f = FILE_OF(c);
	if (f->binary && f->bufsize && f->reading && f->writing)
		return cmd_fail(c, _("'_io.BufferedRWPair' object has no attribute "
		                     "'mode'"));
	c->result = v_cstr(f->mode);
	return CMD_OK;
}

#define SELF {"file", P_ANY, 0}

const struct cmd_entry cmd_file_table[] = {
	{.name = "makefile", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_DEF,
	 .params = {{"socket", P_SOCK, 0}, {"mode", P_STR, PF_OPT | PF_PYANY},
	            {"buffering", P_ANY, PF_OPT},
	            {"encoding", P_ANY, PF_OPT | PF_KWONLY},
	            {"newline", P_ANY, PF_OPT | PF_KWONLY}},
	 .exec = do_makefile,
	 .usage = "SOCK [MODE [BUFFERING [ENCODING [NEWLINE]]]]",
	 .summary = N_("a file on the socket: read readline write flush close "
	            "(MODE r w rw, with b for bytes; BUFFERING 0: none; text: "
	            "encoding= utf-8, ascii or latin-1, newline= None, '', "
	            "'\\n', '\\r' or '\\r\\n')"),
	 .python = "f = sock.makefile('r', encoding='latin-1', newline='\\r\\n')",
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
	 .params = {SELF, {"size", P_INT, PF_OPT}},
	 .exec = do_readline, .usage = "FILE [N]",
	 .summary = N_("read one line, up to and including b'\\n' (all that is "
	            "left at EOF), or its first N bytes (characters in text "
	            "mode)"),
	 .python = "line = f.readline(n)", .c_call = N_("recv(2), repeated"),
	 .errors = N_("codec can't decode: the bytes are not in the file's encoding\n"),
	 .example = "f.readline"},
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
	{.name = "closed", .group = "files", .flags = CMD_FILE | CMD_ATTR,
	 .params = {SELF}, .exec = do_closed, .usage = "FILE",
	 .summary = N_("True once the file is closed (attribute)"),
	 .python = "f.closed", .c_call = "-", .errors = "", .example = "f.closed"},
	{.name = "mode", .group = "files", .flags = CMD_FILE | CMD_ATTR,
	 .params = {SELF}, .exec = do_mode, .usage = "FILE",
	 .summary = N_("the mode: as given for text, the raw mode (rb, wb) for "
	            "bytes (attribute)"),
	 .python = "f.mode", .c_call = "-",
	 .errors = N_("no attribute 'mode': a buffered 'rwb' file has none, as "
	           "in Python\n"),
	 .example = "f.mode"},
	{.name = NULL},
};
