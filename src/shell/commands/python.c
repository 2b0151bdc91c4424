/* python.c - the Python beside the socket module that a socket lesson
 * uses: print, len, str, repr, hex, oct, bin, str.encode, bytes.decode,
 * int.to_bytes, int.from_bytes and the struct module. Each checks its
 * arguments as Python does and fails with Python's message text, in the
 * shell form as in the Python form. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../utf8.h"
#include "../lang/pycodec.h"
#include "../lang/pystruct.h"
#include "common.h"

/* ---- argument checks with Python's messages ---- */

static const char *py_type(const struct value *v)
{
	return v->type == T_NONE ? "None" : v_type_name(v);
}

/* A bare word where a value is needed: Python's NameError. */
static bool is_undefined(struct cmd_call *c, const struct value *v)
{
	if (v->type != T_STR || !v->u.s.word)
		return false;
	cmd_fail(c, _("name '%s' is not defined"), v->u.s.p);
	return true;
}

/* Argument K as a str, DFLT when left out: NULL with the error set when
 * it is something else ("encode() argument 'errors' must be str"). */
static const char *str_arg(struct cmd_call *c, int k, const char *fn,
                           const char *dflt)
{
	const struct value *v = c->argv[k];
	if (!v)
		return dflt;
	if (v->type == T_STR)
		return v->u.s.p;
	cmd_fail(c, _("%s() argument '%s' must be str, not %s"), fn,
	         c->cmd->params[k].name, py_type(v));
	return NULL;
}

/* Argument K as an int (bools and constants are ints), DFLT when left
 * out; false with Python's TypeError set otherwise. */
static bool int_arg(struct cmd_call *c, int k, long long dflt, long long *out)
{
	const struct value *v = c->argv[k];
	*out = dflt;
	if (!v)
		return true;
	if (is_undefined(c, v))
		return false;
	if (!v_is_int(v)) {
		cmd_fail(c, _("'%s' object cannot be interpreted as an integer"),
		         py_type(v));
		return false;
	}
	*out = v_int_of(v);
	return true;
}

/* 'little' or 'big', for int.to_bytes and int.from_bytes. */
static bool byteorder_arg(struct cmd_call *c, int k, const char *fn, bool *big)
{
	const char *o = str_arg(c, k, fn, "big");
	if (!o)
		return false;
	*big = !strcmp(o, "big");
	if (*big || !strcmp(o, "little"))
		return true;
	cmd_fail(c, _("byteorder must be either 'little' or 'big'"));
	return false;
}

static enum cmd_status give(struct cmd_call *c, struct value *v)
{
	c->result = v;
	return CMD_OK;
}

/* Fail with a codec's message, taking it over. */
static enum cmd_status fail_taking(struct cmd_call *c, char *err)
{
	cmd_fail(c, "%s", err);
	free(err);
	return CMD_ERROR;
}

static enum cmd_status give_text(struct cmd_call *c, struct strbuf *b)
{
	c->result = v_str(b->p ? b->p : "", b->len);
	sb_free(b);
	return CMD_OK;
}

/* ---- print, len, str, repr ---- */

/* sep= and end=: None or a str. */
static bool print_sep(struct cmd_call *c, int k, const char *dflt,
                      const char **out)
{
	const struct value *v = c->argv[k];
	*out = dflt;
	if (!v || v->type == T_NONE)
		return true;
	if (v->type == T_STR) {
		*out = v->u.s.p;
		return true;
	}
	cmd_fail(c, _("%s must be None or a string, not %s"),
	         c->cmd->params[k].name, py_type(v));
	return false;
}

static enum cmd_status do_print(struct cmd_call *c)
{
	const char *sep, *end;
	if (!print_sep(c, 1, " ", &sep) || !print_sep(c, 2, "\n", &end))
		return CMD_ERROR;
	for (size_t i = 0; i < c->nrest; i++)
		if (is_undefined(c, c->rest[i]))
			return CMD_ERROR;
	struct strbuf b = {0};
	for (size_t i = 0; i < c->nrest; i++) {
		char *s = v_str_of(c->rest[i]);
		if (i)
			sb_adds(&b, sep);
		sb_adds(&b, s);
		free(s);
	}
	sb_adds(&b, end);
	out_write(b.p ? b.p : "", b.len);
	sb_free(&b);
	return CMD_OK;
}

/* Code points in the str V (a byte that is not UTF-8 counts as one). */
static size_t str_length(const struct value *v)
{
	size_t n = 0;
	for (size_t i = 0; i < v->u.s.len; n++) {
		size_t k = utf8_seq_len((const unsigned char *)v->u.s.p + i,
		                        v->u.s.len - i);
		i += k ? k : 1;
	}
	return n;
}

static enum cmd_status do_len(struct cmd_call *c)
{
	const struct value *v = c->argv[0];
	if (is_undefined(c, v))
		return CMD_ERROR;
	if (v->type == T_STR)
		return give(c, v_int((long long)str_length(v)));
	if (v_is_bytes_like(v))
		return give(c, v_int((long long)v->u.s.len));
	if (v_is_seq(v))
		return give(c, v_int((long long)v->u.seq.n));
	if (v->type == T_DICT)
		return give(c, v_int((long long)v->u.seq.n / 2));
	return cmd_fail(c, _("object of type '%s' has no len()"), py_type(v));
}

/* bytes.decode's work, for str(b, encoding) too. */
static enum cmd_status decode_into(struct cmd_call *c, const struct value *b,
                                   const char *encoding, const char *errors)
{
	enum pyc_codec codec;
	char *err = NULL;
	struct strbuf out = {0};
	if (pyc_lookup(encoding, &codec, &err) ||
	    pyc_decode(codec, errors, (const unsigned char *)b->u.s.p, b->u.s.len,
	               &out, &err)) {
		sb_free(&out);
		return fail_taking(c, err);
	}
	return give_text(c, &out);
}

static enum cmd_status do_str(struct cmd_call *c)
{
	const struct value *v = c->argv[0];
	if (!v)
		return give(c, v_str("", 0));
	if (is_undefined(c, v))
		return CMD_ERROR;
	if (!c->argv[1] && !c->argv[2]) {
		char *s = v_str_of(v);
		struct value *r = v_cstr(s);
		free(s);
		return give(c, r);
	}
	const char *enc = str_arg(c, 1, "str", "utf-8");
	const char *errors = enc ? str_arg(c, 2, "str", "strict") : NULL;
	if (!errors)
		return CMD_ERROR;
	if (v->type == T_STR)
		return cmd_fail(c, _("decoding str is not supported"));
	if (!v_is_bytes_like(v))
		return cmd_fail(c, _("decoding to str: need a bytes-like object, %s "
		                     "found"), py_type(v));
	return decode_into(c, v, enc, errors);
}

static enum cmd_status do_repr(struct cmd_call *c)
{
	if (is_undefined(c, c->argv[0]))
		return CMD_ERROR;
	char *s = v_repr(c->argv[0]);
	struct value *r = v_cstr(s);
	free(s);
	return give(c, r);
}

/* ---- hex, oct, bin ---- */

static enum cmd_status int_text(struct cmd_call *c, const char *prefix,
                                unsigned base)
{
	long long x;
	if (!int_arg(c, 0, 0, &x))
		return CMD_ERROR;
	unsigned long long u = x < 0 ? 0 - (unsigned long long)x
	                             : (unsigned long long)x;
	char digits[72];
	size_t n = sizeof digits;
	digits[--n] = '\0';
	do {
		digits[--n] = "0123456789abcdef"[u % base];
		u /= base;
	} while (u);
	char *s = xasprintf("%s%s%s", x < 0 ? "-" : "", prefix, digits + n);
	struct value *r = v_cstr(s);
	free(s);
	return give(c, r);
}

static enum cmd_status do_hex(struct cmd_call *c)
{
	return int_text(c, "0x", 16);
}

static enum cmd_status do_oct(struct cmd_call *c)
{
	return int_text(c, "0o", 8);
}

static enum cmd_status do_bin(struct cmd_call *c)
{
	return int_text(c, "0b", 2);
}

/* ---- str.encode, bytes.decode ---- */

/* An unbound call (str.encode(5)) given the wrong type of self. */
static bool self_is(struct cmd_call *c, bool ok, const char *method,
                    const char *type)
{
	if (ok)
		return true;
	if (!is_undefined(c, c->argv[0]))
		cmd_fail(c, _("descriptor '%s' for '%s' objects doesn't apply to a "
		              "'%s' object"), method, type, py_type(c->argv[0]));
	return false;
}

/* STR encoded by argument 1 (encoding) and 2 (errors) of C, as bytes or
 * a bytearray. */
static enum cmd_status encode_into(struct cmd_call *c, const struct value *s,
                                   const char *fn, bool array)
{
	const char *enc = str_arg(c, 1, fn, "utf-8");
	const char *errors = enc ? str_arg(c, 2, fn, "strict") : NULL;
	if (!errors)
		return CMD_ERROR;
	enum pyc_codec codec;
	char *err = NULL;
	struct strbuf out = {0};
	if (pyc_lookup(enc, &codec, &err) ||
	    pyc_encode(codec, errors, s->u.s.p, s->u.s.len, &out, &err)) {
		sb_free(&out);
		return fail_taking(c, err);
	}
	const char *p = out.p ? out.p : "";
	c->result = array ? v_bytearray(p, out.len) : v_bytes(p, out.len);
	sb_free(&out);
	return CMD_OK;
}

static enum cmd_status do_encode(struct cmd_call *c)
{
	const struct value *s = c->argv[0];
	if (!self_is(c, s->type == T_STR && !s->u.s.word, "encode", "str"))
		return CMD_ERROR;
	return encode_into(c, s, "encode", false);
}

enum cmd_status buffer_from_str(struct cmd_call *c, bool array)
{
	const struct value *v = c->argv[0];
	if (!v || v->type != T_STR)
		return cmd_fail(c, c->argv[1] ? _("encoding without a string argument")
		                              : _("errors without a string argument"));
	if (!c->argv[1])
		return cmd_fail(c, _("string argument without an encoding"));
	return encode_into(c, v, array ? "bytearray" : "bytes", array);
}

static enum cmd_status do_decode(struct cmd_call *c)
{
	const struct value *b = c->argv[0];
	if (!self_is(c, v_is_bytes_like(b), "decode", "bytes"))
		return CMD_ERROR;
	const char *enc = str_arg(c, 1, "decode", "utf-8");
	const char *errors = enc ? str_arg(c, 2, "decode", "strict") : NULL;
	if (!errors)
		return CMD_ERROR;
	return decode_into(c, b, enc, errors);
}

/* ---- int.to_bytes, int.from_bytes ---- */

/* Does X fit LEN bytes (as two's complement when SIGNED_)? */
/* Does X fit LEN bytes (as two's complement when SGN)? */
static bool fits_bytes(long long x, long long len, bool sgn)
{
	if (len >= 8)
		return sgn || x >= 0;
	if (len == 0)
		return x == 0;
	unsigned bits = (unsigned)len * 8;
	if (sgn)
		return x >= -(1LL << (bits - 1)) && x < (1LL << (bits - 1));
	return x >= 0 && x < (1LL << bits);
}

static enum cmd_status do_to_bytes(struct cmd_call *c)
{
	long long x, len, sgn;
	bool big;
	if (!self_is(c, v_is_int(c->argv[0]), "to_bytes", "int") ||
	    !int_arg(c, 0, 0, &x) || !int_arg(c, 1, 1, &len) ||
	    !byteorder_arg(c, 2, "to_bytes", &big) || !int_arg(c, 3, 0, &sgn))
		return CMD_ERROR;
	if (len < 0)
		return cmd_fail(c, _("length argument must be non-negative"));
	if ((size_t)len > VALUE_MAX)
		return cmd_fail(c, _("size too large (at most 256 MiB)"));
	if (!sgn && x < 0)
		return cmd_fail(c, _("can't convert negative int to unsigned"));
	if (!fits_bytes(x, len, sgn != 0))
		return cmd_fail(c, _("int too big to convert"));
	unsigned char *p = xcalloc((size_t)len + 1, 1);
	unsigned long long u = (unsigned long long)x;
	for (long long i = 0; i < len; i++) {
		/* Bytes past the 64 bits are the sign's. */
		unsigned char b = i < 8 ? (unsigned char)(u >> (8 * i)) : x < 0 ? 0xff : 0;
		p[big ? len - 1 - i : i] = b;
	}
	c->result = v_bytes(p, (size_t)len);
	free(p);
	return CMD_OK;
}

/* The bytes int.from_bytes reads: bytes-like, or a list or tuple of ints
 * in range(256), as Python's bytes() would make of it. */
static bool bytes_of(struct cmd_call *c, const struct value *v,
                     struct strbuf *out)
{
	if (v_is_bytes_like(v)) {
		sb_add(out, v->u.s.p, v->u.s.len);
		return true;
	}
	if (!v_is_seq(v) || v->type == T_STR) {
		cmd_fail(c, _("cannot convert '%s' object to bytes"), py_type(v));
		return false;
	}
	for (size_t i = 0; i < v->u.seq.n; i++) {
		const struct value *it = v->u.seq.items[i];
		if (!v_is_int(it)) {
			cmd_fail(c, _("'%s' object cannot be interpreted as an integer"),
			         py_type(it));
			return false;
		}
		if (v_int_of(it) < 0 || v_int_of(it) > 255) {
			cmd_fail(c, _("bytes must be in range(0, 256)"));
			return false;
		}
		sb_addc(out, (char)v_int_of(it));
	}
	return true;
}

/* The value of the N bytes at P: false when it does not fit 64 bits. */
static bool bytes_value(const unsigned char *p, size_t n, bool big, bool sgn,
                        long long *out)
{
	unsigned long long u = 0;
	bool neg = sgn && n && (p[big ? 0 : n - 1] & 0x80);
	for (size_t i = 0; i < n; i++) {
		unsigned char b = p[big ? i : n - 1 - i];
		if (i + 8 < n && b != (neg ? 0xff : 0))
			return false; /* a significant byte past the 64 bits */
		u = u << 8 | b;
	}
	if (neg && n < 8)
		u |= ~0ULL << (n * 8);
	if (sgn && n > 8 && (bool)(u >> 63) != neg)
		return false;
	if (!sgn && u > INT64_MAX)
		return false;
	*out = (long long)u;
	return true;
}

static enum cmd_status do_from_bytes(struct cmd_call *c)
{
	long long sgn, x;
	bool big;
	struct strbuf b = {0};
	if (is_undefined(c, c->argv[0]) ||
	    !byteorder_arg(c, 1, "from_bytes", &big) || !int_arg(c, 2, 0, &sgn) ||
	    !bytes_of(c, c->argv[0], &b)) {
		sb_free(&b);
		return CMD_ERROR;
	}
	bool ok = bytes_value((const unsigned char *)b.p, b.len, big, sgn != 0, &x);
	sb_free(&b);
	if (!ok)
		return cmd_fail(c, _("the value does not fit the shell's 64-bit "
		                     "integers"));
	return give(c, v_int(x));
}

/* ---- struct ---- */

static bool format_arg(struct cmd_call *c, struct pys_format *f)
{
	const struct value *v = c->argv[0];
	char *err = NULL;
	if (v->type != T_STR && v->type != T_BYTES) {
		cmd_fail(c, _("Struct() argument 1 must be a str or bytes object, "
		              "not %s"), py_type(v));
		return false;
	}
	if (pys_parse(v->u.s.p, v->u.s.len, f, &err)) {
		fail_taking(c, err);
		return false;
	}
	return true;
}

static enum cmd_status codec_result(struct cmd_call *c, struct value *r,
                                    char *err)
{
	return r ? give(c, r) : fail_taking(c, err);
}

static enum cmd_status do_pack(struct cmd_call *c)
{
	struct pys_format f;
	if (!format_arg(c, &f))
		return CMD_ERROR;
	for (size_t i = 0; i < c->nrest; i++)
		if (is_undefined(c, c->rest[i])) {
			pys_free(&f);
			return CMD_ERROR;
		}
	char *err = NULL;
	struct value *r = pys_pack(&f, c->rest, c->nrest, &err);
	pys_free(&f);
	return codec_result(c, r, err);
}

static enum cmd_status do_unpack(struct cmd_call *c)
{
	const struct value *b = c->argv[1];
	struct pys_format f;
	if (!format_arg(c, &f))
		return CMD_ERROR;
	if (!v_is_bytes_like(b)) {
		pys_free(&f);
		if (is_undefined(c, b))
			return CMD_ERROR;
		return cmd_fail(c, _("a bytes-like object is required, not '%s'"),
		                py_type(b));
	}
	char *err = NULL;
	struct value *r = pys_unpack(&f, (const unsigned char *)b->u.s.p,
	                             b->u.s.len, &err);
	pys_free(&f);
	return codec_result(c, r, err);
}

static enum cmd_status do_calcsize(struct cmd_call *c)
{
	struct pys_format f;
	if (!format_arg(c, &f))
		return CMD_ERROR;
	c->result = v_int((long long)f.size);
	pys_free(&f);
	return CMD_OK;
}

#define OBJ {"object", P_ANY, 0}
#define OPT(name) {name, P_ANY, PF_OPT}

const struct cmd_entry cmd_builtin_table[] = {
	{.name = "print", .group = "python",
	 .py = PY_KW,
	 .params = {{"objects", P_ANY, PF_REST}, OPT("sep"), OPT("end"),
	            OPT("flush")},
	 .exec = do_print, .usage = "[VALUE...] [sep=STR] [end=STR]",
	 .summary = N_("print the values as str() does, separated by sep, then end"),
	 .python = "print('Connected by', addr)", .c_call = "printf(3)",
	 .errors = N_("sep must be None or a string\n"
	              "file= is not taken: output goes to the shell's own output; "
	              "flush= is ignored, every statement is flushed (deliberate)\n"),
	 .example = "print('port', 8080, sep='=')"},
	{.name = "len", .group = "python", .py = PY_O,
	 .params = {OBJ},
	 .exec = do_len, .usage = "VALUE",
	 .summary = N_("the length: bytes, characters of a str, items of a list"),
	 .python = "len(data)", .c_call = N_("the count recv(2) returned; strlen(3)"),
	 .errors = N_("object of type 'int' has no len()\n"), .example = "len b'hello'"},
	{.name = "str", .group = "python",
	 .py = PY_KW,
	 .params = {OPT("object"), OPT("encoding"), OPT("errors")},
	 .exec = do_str, .usage = "[VALUE [ENCODING [ERRORS]]]",
	 .summary = N_("a value as text; with an encoding, bytes decoded"),
	 .python = "str(8080), str(data, 'utf-8')", .c_call = "snprintf(3)",
	 .errors = N_("decoding str is not supported: only bytes are decoded\n"
	              "str(AF_INET) is 'AF_INET', not Python's "
	              "'AddressFamily.AF_INET': constants print by name (deliberate)\n"),
	 .example = "str 8080"},
	{.name = "repr", .group = "python", .py = PY_O,
	 .params = {OBJ},
	 .exec = do_repr, .usage = "VALUE",
	 .summary = N_("a value as the shell prints it, as a str"),
	 .python = "repr(data)", .c_call = N_("(no equivalent)"),
	 .errors = "", .example = "repr b'hi\\n'"},
	{.name = "hex", .group = "python", .py = PY_O,
	 .params = {{"x", P_ANY, 0}},
	 .exec = do_hex, .usage = "INT",
	 .summary = N_("an integer in hexadecimal: '0x...'"),
	 .python = "hex(socket.htonl(1))", .c_call = "printf(\"%#x\", x)",
	 .errors = N_("'str' object cannot be interpreted as an integer\n"),
	 .example = "hex(htonl(0x01020304))"},
	{.name = "oct", .group = "python", .py = PY_O,
	 .params = {{"x", P_ANY, 0}},
	 .exec = do_oct, .usage = "INT",
	 .summary = N_("an integer in octal: '0o...'"),
	 .python = "oct(0o644)", .c_call = "printf(\"%#o\", x)",
	 .errors = N_("'str' object cannot be interpreted as an integer\n"),
	 .example = "oct 420"},
	{.name = "bin", .group = "python", .py = PY_O,
	 .params = {{"x", P_ANY, 0}},
	 .exec = do_bin, .usage = "INT",
	 .summary = N_("an integer in binary: '0b...'"),
	 .python = "bin(MSG_PEEK|MSG_DONTWAIT)", .c_call = N_("(a loop over the bits)"),
	 .errors = N_("'str' object cannot be interpreted as an integer\n"),
	 .example = "bin(MSG_PEEK|MSG_DONTWAIT)"},
	{.name = "str.encode", .group = "python", .flags = CMD_VALUE,
	 .py = PY_KW,
	 .params = {{"self", P_ANY, 0}, OPT("encoding"), OPT("errors")},
	 .exec = do_encode, .usage = "STR [ENCODING [ERRORS]]",
	 .summary = N_("a str as bytes (utf-8, ascii or latin-1; errors strict, "
	               "replace or ignore)"),
	 .python = "'hello'.encode()", .c_call = N_("(C strings are bytes already)"),
	 .errors = N_("'ascii' codec can't encode character: not in range(128); "
	              "try errors='replace'\n"
	              "unknown encoding: only utf-8, ascii and latin-1 are built in, "
	              "with the handlers strict, replace and ignore (deliberate)\n"),
	 .example = "'héllo'.encode('ascii', 'replace')"},
	{.name = "bytes.decode", .alias = "bytearray.decode", .group = "python",
	 .flags = CMD_VALUE,
	 .py = PY_KW,
	 .params = {{"self", P_ANY, 0}, OPT("encoding"), OPT("errors")},
	 .exec = do_decode, .usage = "BYTES [ENCODING [ERRORS]]",
	 .summary = N_("bytes as a str (utf-8, ascii or latin-1; errors strict, "
	               "replace or ignore)"),
	 .python = "data.decode()", .c_call = N_("(C strings are bytes already)"),
	 .errors = N_("'utf-8' codec can't decode byte: the bytes are not UTF-8; "
	              "try errors='replace'\n"
	              "unknown encoding: only utf-8, ascii and latin-1 are built in, "
	              "with the handlers strict, replace and ignore (deliberate)\n"),
	 .example = "b'caf\\xc3\\xa9'.decode()"},
	{.name = "int.to_bytes", .group = "byte order", .flags = CMD_VALUE,
	 .py = PY_KW,
	 .params = {{"self", P_ANY, 0}, OPT("length"), OPT("byteorder"),
	            {"signed", P_ANY, PF_OPT | PF_KWONLY}},
	 .exec = do_to_bytes, .usage = "INT [LENGTH [big|little [SIGNED]]]",
	 .summary = N_("an integer as LENGTH bytes, most significant first for 'big'"),
	 .python = "(258).to_bytes(2, 'big')",
	 .c_call = N_("htons(3), htonl(3) and memcpy(3)"),
	 .errors = N_("int too big to convert: LENGTH bytes cannot hold it\n"
	              "can't convert negative int to unsigned: pass signed=True\n"),
	 .example = "(258).to_bytes(2, 'big')"},
	{.name = "int.from_bytes", .group = "byte order",
	 .py = PY_KW,
	 .params = {{"bytes", P_ANY, 0}, OPT("byteorder"),
	            {"signed", P_ANY, PF_OPT | PF_KWONLY}},
	 .exec = do_from_bytes, .usage = "BYTES [big|little [SIGNED]]",
	 .summary = N_("the integer bytes stand for, most significant first for 'big'"),
	 .python = "int.from_bytes(b'\\x01\\x02', 'big')",
	 .c_call = N_("memcpy(3), then ntohs(3) or ntohl(3)"),
	 .errors = N_("byteorder must be either 'little' or 'big'\n"
	              "the value does not fit the shell's 64-bit integers: Python's "
	              "ints have no limit (deliberate)\n"),
	 .example = "int.from_bytes(b'\\x01\\x02', 'big')"},
	{.name = "struct.pack", .group = "byte order",
	 .py = PY_FAST,
	 .params = {{"format", P_ANY, 0}, {"values", P_ANY, PF_REST}},
	 .exec = do_pack, .usage = "FORMAT VALUE...",
	 .summary = N_("values as bytes laid out by FORMAT: byte order ! > < = @, "
	               "fields x c b B h H i I l L q Q s"),
	 .python = "struct.pack('!HI', 80, 1)",
	 .c_call = N_("a C struct filled with htons(3)/htonl(3), sent as it is"),
	 .errors = N_("pack expected 2 items for packing (got 1)\n"
	              "'H' format requires 0 <= number <= 65535\n"
	              "bad char in struct format\n"
	              "format 'd' is not supported here: e f d n N p P are left out, "
	              "and formats past 256 MiB are too long (deliberate)\n"),
	 .example = "struct.pack('!I', 1)"},
	{.name = "struct.unpack", .group = "byte order",
	 .py = PY_CLINIC,
	 .params = {{"format", P_ANY, 0}, {"buffer", P_ANY, 0}},
	 .exec = do_unpack, .usage = "FORMAT BYTES",
	 .summary = N_("the fields of bytes laid out by FORMAT, as a tuple"),
	 .python = "struct.unpack('!HI', data)",
	 .c_call = N_("memcpy(3) into a C struct, then ntohs(3)/ntohl(3)"),
	 .errors = N_("unpack requires a buffer of 6 bytes: recv until you have them\n"
	              "18446744073709551615 does not fit the shell's 64-bit "
	              "integers: a 'Q' past 2**63-1 (deliberate)\n"),
	 .example = "struct.unpack('!I', b'\\x00\\x00\\x00\\x01')"},
	{.name = "struct.calcsize", .group = "byte order",
	 .py = PY_O,
	 .params = {{"format", P_ANY, 0}},
	 .exec = do_calcsize, .usage = "FORMAT",
	 .summary = N_("the size in bytes of FORMAT (with native alignment for @)"),
	 .python = "struct.calcsize('@bq')", .c_call = "sizeof(struct ...)",
	 .errors = N_("bad char in struct format\n"), .example = "struct.calcsize('@bq')"},
	{.name = NULL},
};
