/* tls.c - contexts and connections over OpenSSL 3, with Python's ssl
 * semantics and CPython's wording of errors (Modules/_ssl.c). OpenSSL is
 * called through tls_lib (tlslib.h), filled when first needed. */
#include "tls.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tlslib.h"

static const char *const status_class[] = {
	[TLS_OK] = "", [TLS_WANT_READ] = "SSLWantReadError",
	[TLS_WANT_WRITE] = "SSLWantWriteError",
	[TLS_ZERO_RETURN] = "SSLZeroReturnError", [TLS_EOF] = "SSLEOFError",
	[TLS_SYSCALL] = "SSLSyscallError",
	[TLS_VERIFY] = "SSLCertVerificationError", [TLS_ERROR] = "SSLError",
};

const char *tls_status_class(enum tls_status st)
{
	return status_class[st];
}

int tls_init(char *err, size_t errlen)
{
	return tls_lib_load(err, errlen);
}

#if HAVE_OPENSSL

#define L tls_lib

/* CPython's default cipher list (PY_SSL_DEFAULT_CIPHER_STRING) and
 * context options, so cipher() agrees with Python's on TLS 1.2 too. */
#define PY_CIPHERS "@SECLEVEL=2:ECDH+AESGCM:ECDH+CHACHA20:ECDH+AES:DHE+AES:" \
                   "!aNULL:!eNULL:!aDSS:!SHA1:!AESCCM"
#define PY_OPTIONS ((SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) |    \
                    SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 |                      \
                    SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE | \
                    SSL_OP_SINGLE_DH_USE | SSL_OP_SINGLE_ECDH_USE)

struct tls_ctx {
	SSL_CTX *ctx;
	int protocol;
	bool check_hostname;
	unsigned char *alpn; /* wire form, for the server's choice */
	size_t alpn_len;
	char *keylog;        /* the path keylog_filename names */
};

struct tls_conn {
	SSL *ssl;
	struct tls_ctx *ctx;
	char *hostname;
	bool handshaken;
};

static int last_errno;
static tls_msg_fn msg_hook;
static void *msg_arg;

void tls_cleanup(void)
{
	tls_lib_unload();
}

const char *tls_library_version(void)
{
	char why[8];
	return tls_lib_load(why, sizeof why) ? NULL
	                                     : L.OpenSSL_version(OPENSSL_VERSION);
}

/* ---- errors, as _ssl.c's fill_and_set_sslerror words them ---- */

/* Python's short name of an OpenSSL library ("SSL" for "SSL routines"). */
static const char *lib_name(int lib)
{
	static const struct { int lib; const char *name; } names[] = {
		{ERR_LIB_SSL, "SSL"}, {ERR_LIB_X509, "X509"}, {ERR_LIB_PEM, "PEM"},
		{ERR_LIB_SYS, "SYS"}, {ERR_LIB_EVP, "EVP"}, {ERR_LIB_ASN1, "ASN1"},
		{ERR_LIB_X509V3, "X509V3"}, {ERR_LIB_BIO, "BIO"},
		{ERR_LIB_EC, "EC"}, {ERR_LIB_CRYPTO, "CRYPTO"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (names[i].lib == lib)
			return names[i].name;
	return NULL;
}

/* The mnemonic CPython's table has for a reason is its text in capitals
 * with underscores ("wrong version number": WRONG_VERSION_NUMBER). */
static void reason_mnemonic(const char *text, char *out, size_t outlen)
{
	size_t i = 0;
	for (; text[i] && i + 1 < outlen; i++)
		out[i] = text[i] == ' ' ? '_'
		         : (text[i] >= 'a' && text[i] <= 'z') ? (char)(text[i] - 32)
		                                             : text[i];
	out[i] = '\0';
}

/* "[SSL: REASON] text" for queued error E, or TEXT alone. */
static void format_queued(unsigned long e, const char *text, char *err,
                          size_t errlen)
{
	const char *lib = lib_name(ERR_GET_LIB(e));
	const char *reason = e ? L.ERR_reason_error_string(e) : NULL;
	char mn[96];
	if (!text)
		text = reason ? reason : "unknown error";
	if (lib && reason) {
		reason_mnemonic(reason, mn, sizeof mn);
		snprintf(err, errlen, "[%s: %s] %s", lib, mn, text);
	} else if (lib && e) {
		snprintf(err, errlen, "[%s] %s", lib, text);
	} else {
		snprintf(err, errlen, "%s", text);
	}
}

/* An error of a context call (load_cert_chain, set_ciphers): OpenSSL's
 * queue, or errno when the file could not be read. Returns -1, or the
 * errno value (> 0) for the caller to report as OSError. */
static int ctx_error(const char *fallback, char *err, size_t errlen)
{
	unsigned long e = L.ERR_peek_last_error();
	int sys = errno;
	L.ERR_clear_error();
	if (sys && (ERR_GET_LIB(e) == ERR_LIB_SYS || !e ||
	            ERR_GET_REASON(e) == ERR_R_SYS_LIB || sys == ENOENT))
		return sys;
	format_queued(e, fallback, err, errlen);
	return -1;
}

static void verify_error(const struct tls_conn *t, char *err, size_t errlen)
{
	long code = L.SSL_get_verify_result(t->ssl);
	char why[512];
	if (code == X509_V_ERR_HOSTNAME_MISMATCH)
		snprintf(why, sizeof why, "Hostname mismatch, certificate is not "
		         "valid for '%s'.", t->hostname ? t->hostname : "");
	else if (code == X509_V_ERR_IP_ADDRESS_MISMATCH)
		snprintf(why, sizeof why, "IP address mismatch, certificate is not "
		         "valid for '%s'.", t->hostname ? t->hostname : "");
	else
		snprintf(why, sizeof why, "%s",
		         L.X509_verify_cert_error_string(code));
	snprintf(err, errlen, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate "
	         "verify failed: %s", why);
}

static enum tls_status ssl_failure(const struct tls_conn *t, unsigned long e,
                                   char *err, size_t errlen)
{
	int reason = ERR_GET_REASON(e);
	bool ssl_lib = ERR_GET_LIB(e) == ERR_LIB_SSL;
	if (ssl_lib && reason == SSL_R_CERTIFICATE_VERIFY_FAILED) {
		verify_error(t, err, errlen);
		return TLS_VERIFY;
	}
	if (ssl_lib && reason == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
		format_queued(e, "EOF occurred in violation of protocol", err,
		              errlen);
		return TLS_EOF;
	}
	format_queued(e, e ? NULL : "A failure in the SSL library occurred",
	              err, errlen);
	return TLS_ERROR;
}

static enum tls_status syscall_failure(int ret, int sys, char *err,
                                       size_t errlen)
{
	if (ret == 0 || sys == 0) {
		last_errno = 0;
		snprintf(err, errlen, "EOF occurred in violation of protocol");
		return TLS_EOF;
	}
	last_errno = sys;
	snprintf(err, errlen, "Some I/O error occurred");
	return TLS_SYSCALL;
}

/* What call RET of T ended with, as Python's exception text. */
static enum tls_status op_status(const struct tls_conn *t, int ret,
                                 char *err, size_t errlen)
{
	int sys = errno;
	int code = L.SSL_get_error(t->ssl, ret);
	unsigned long e = L.ERR_peek_last_error();
	enum tls_status st = TLS_ERROR;
	switch (code) {
	case SSL_ERROR_NONE:
		return TLS_OK;
	case SSL_ERROR_WANT_READ:
		snprintf(err, errlen, "The operation did not complete (read)");
		st = TLS_WANT_READ;
		break;
	case SSL_ERROR_WANT_WRITE:
		snprintf(err, errlen, "The operation did not complete (write)");
		st = TLS_WANT_WRITE;
		break;
	case SSL_ERROR_ZERO_RETURN:
		snprintf(err, errlen, "TLS/SSL connection has been closed (EOF)");
		st = TLS_ZERO_RETURN;
		break;
	case SSL_ERROR_SYSCALL:
		st = e ? ssl_failure(t, e, err, errlen)
		       : syscall_failure(ret, sys, err, errlen);
		break;
	default:
		st = ssl_failure(t, e, err, errlen);
	}
	L.ERR_clear_error();
	return st;
}

int tls_last_errno(void)
{
	return last_errno;
}

/* ---- contexts ---- */

static void set_verify(struct tls_ctx *c, int mode)
{
	int m = mode == TLS_CERT_NONE ? SSL_VERIFY_NONE
	        : mode == TLS_CERT_OPTIONAL
	                ? SSL_VERIFY_PEER
	                : SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
	L.SSL_CTX_set_verify(c->ctx, m, NULL);
}

struct tls_ctx *tls_ctx_new(int protocol, char *err, size_t errlen)
{
	if (tls_lib_load(err, errlen))
		return NULL;
	bool server = protocol == TLS_PROTOCOL_SERVER;
	if (protocol != TLS_PROTOCOL_CLIENT && !server &&
	    protocol != TLS_PROTOCOL_TLS) {
		snprintf(err, errlen, "invalid or unsupported protocol version %d",
		         protocol);
		return NULL;
	}
	SSL_CTX *ctx = L.SSL_CTX_new(server ? L.TLS_server_method()
	                                    : L.TLS_method());
	if (!ctx) {
		ctx_error("failed to allocate SSL context", err, errlen);
		return NULL;
	}
	struct tls_ctx *c = calloc(1, sizeof *c);
	if (!c) {
		L.SSL_CTX_free(ctx);
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	c->ctx = ctx;
	c->protocol = protocol;
	c->check_hostname = protocol == TLS_PROTOCOL_CLIENT;
	L.SSL_CTX_set_options(ctx, PY_OPTIONS);
	L.SSL_CTX_set_cipher_list(ctx, PY_CIPHERS);
	set_verify(c, c->check_hostname ? TLS_CERT_REQUIRED : TLS_CERT_NONE);
	return c;
}

void tls_ctx_free(struct tls_ctx *c)
{
	if (!c)
		return;
	L.SSL_CTX_free(c->ctx);
	free(c->alpn);
	free(c->keylog);
	free(c);
}

bool tls_ctx_server(const struct tls_ctx *c)
{
	return c->protocol == TLS_PROTOCOL_SERVER;
}

int tls_ctx_protocol(const struct tls_ctx *c)
{
	return c->protocol;
}

int tls_ctx_verify_mode(const struct tls_ctx *c)
{
	int m = L.SSL_CTX_get_verify_mode(c->ctx);
	if (m & SSL_VERIFY_FAIL_IF_NO_PEER_CERT)
		return TLS_CERT_REQUIRED;
	return m & SSL_VERIFY_PEER ? TLS_CERT_OPTIONAL : TLS_CERT_NONE;
}

int tls_ctx_set_verify_mode(struct tls_ctx *c, int mode, char *err,
                            size_t errlen)
{
	if (mode < TLS_CERT_NONE || mode > TLS_CERT_REQUIRED) {
		snprintf(err, errlen, "invalid value for verify_mode");
		return -1;
	}
	if (mode == TLS_CERT_NONE && c->check_hostname) {
		snprintf(err, errlen, "Cannot set verify_mode to CERT_NONE when "
		         "check_hostname is enabled.");
		return -1;
	}
	set_verify(c, mode);
	return 0;
}

bool tls_ctx_check_hostname(const struct tls_ctx *c)
{
	return c->check_hostname;
}

void tls_ctx_set_check_hostname(struct tls_ctx *c, bool on)
{
	/* CPython: turning it on makes CERT_NONE CERT_REQUIRED. */
	if (on && tls_ctx_verify_mode(c) == TLS_CERT_NONE)
		set_verify(c, TLS_CERT_REQUIRED);
	c->check_hostname = on;
}

int tls_ctx_version(const struct tls_ctx *c, bool max)
{
	long v = L.SSL_CTX_ctrl(c->ctx, max ? SSL_CTRL_GET_MAX_PROTO_VERSION
	                                    : SSL_CTRL_GET_MIN_PROTO_VERSION,
	                        0, NULL);
	return v ? (int)v : max ? TLS_VERSION_MAX : TLS_VERSION_MIN;
}

static bool known_version(int v)
{
	return v == TLS_VERSION_MIN || v == TLS_VERSION_MAX ||
	       (v >= SSL3_VERSION && v <= TLS1_3_VERSION);
}

int tls_ctx_set_version(struct tls_ctx *c, bool max, int v, char *err,
                        size_t errlen)
{
	if (!known_version(v)) {
		snprintf(err, errlen, "Unsupported TLS/SSL version 0x%x", v);
		return -1;
	}
	/* As CPython: the other end's "supported" is the farthest version. */
	int set = v == (max ? TLS_VERSION_MAX : TLS_VERSION_MIN) ? 0
	          : v == TLS_VERSION_MAX ? TLS1_3_VERSION
	          : v == TLS_VERSION_MIN ? SSL3_VERSION : v;
	if (!L.SSL_CTX_ctrl(c->ctx, max ? SSL_CTRL_SET_MAX_PROTO_VERSION
	                                : SSL_CTRL_SET_MIN_PROTO_VERSION,
	                    set, NULL)) {
		L.ERR_clear_error();
		snprintf(err, errlen, "Unsupported protocol version 0x%x", v);
		return -1;
	}
	return 0;
}

int tls_ctx_load_verify(struct tls_ctx *c, const char *cafile,
                        const char *capath, char *err, size_t errlen)
{
	errno = 0;
	if (L.SSL_CTX_load_verify_locations(c->ctx, cafile, capath) == 1)
		return 0;
	return ctx_error(NULL, err, errlen);
}

int tls_ctx_default_verify_paths(struct tls_ctx *c, char *err, size_t errlen)
{
	errno = 0;
	if (L.SSL_CTX_set_default_verify_paths(c->ctx) == 1)
		return 0;
	return ctx_error(NULL, err, errlen);
}

int tls_ctx_load_cert_chain(struct tls_ctx *c, const char *certfile,
                            const char *keyfile, char *err, size_t errlen)
{
	errno = 0;
	if (L.SSL_CTX_use_certificate_chain_file(c->ctx, certfile) != 1)
		return ctx_error(NULL, err, errlen);
	errno = 0;
	if (L.SSL_CTX_use_PrivateKey_file(c->ctx, keyfile ? keyfile : certfile,
	                                  SSL_FILETYPE_PEM) != 1)
		return ctx_error(NULL, err, errlen);
	if (L.SSL_CTX_check_private_key(c->ctx) != 1)
		return ctx_error(NULL, err, errlen);
	return 0;
}

int tls_ctx_set_ciphers(struct tls_ctx *c, const char *list, char *err,
                        size_t errlen)
{
	if (L.SSL_CTX_set_cipher_list(c->ctx, list) == 1)
		return 0;
	L.ERR_clear_error();
	/* CPython raises it with PyErr_SetString: SSLError's str is then
	 * that of its args, a tuple. */
	snprintf(err, errlen, "('No cipher can be selected.',)");
	return -1;
}

/* The server's choice: its first protocol the client offers too. */
static int alpn_select(SSL *ssl, const unsigned char **out,
                       unsigned char *outlen, const unsigned char *in,
                       unsigned inlen, void *arg)
{
	struct tls_ctx *c = arg;
	(void)ssl;
	unsigned char *o;
	if (!c->alpn ||
	    L.SSL_select_next_proto(&o, outlen, c->alpn, (unsigned)c->alpn_len,
	                            in, inlen) != OPENSSL_NPN_NEGOTIATED)
		return SSL_TLSEXT_ERR_NOACK;
	*out = o;
	return SSL_TLSEXT_ERR_OK;
}

int tls_ctx_set_alpn(struct tls_ctx *c, const unsigned char *protos,
                     size_t len, char *err, size_t errlen)
{
	unsigned char *copy = malloc(len ? len : 1);
	if (!copy || len > 0xffff) {
		free(copy);
		snprintf(err, errlen, "protocol list too long");
		return -1;
	}
	memcpy(copy, protos, len);
	free(c->alpn);
	c->alpn = copy;
	c->alpn_len = len;
	L.SSL_CTX_set_alpn_protos(c->ctx, copy, (unsigned)len);
	L.SSL_CTX_set_alpn_select_cb(c->ctx, alpn_select, c);
	return 0;
}

/* OpenSSL hands each secret over as one NSS key-log line. */
static void keylog_line(const SSL *ssl, const char *line)
{
	struct tls_ctx *c = L.SSL_CTX_get_ex_data(L.SSL_get_SSL_CTX(ssl), 0);
	FILE *f = c && c->keylog ? fopen(c->keylog, "a") : NULL;
	if (!f)
		return;
	fprintf(f, "%s\n", line);
	fclose(f);
}

int tls_ctx_set_keylog(struct tls_ctx *c, const char *path, char *err,
                       size_t errlen)
{
	free(c->keylog);
	c->keylog = NULL;
	if (!path) {
		L.SSL_CTX_set_keylog_callback(c->ctx, NULL);
		return 0;
	}
	FILE *f = fopen(path, "a");
	if (!f)
		return errno;
	/* CPython starts a new file with this line. */
	if (ftell(f) == 0)
		fputs("# TLS secrets log file, generated by OpenSSL / Python\n", f);
	fclose(f);
	(void)err;
	(void)errlen;
	c->keylog = strdup(path);
	L.SSL_CTX_set_ex_data(c->ctx, 0, c);
	L.SSL_CTX_set_keylog_callback(c->ctx, keylog_line);
	return 0;
}

const char *tls_ctx_keylog(const struct tls_ctx *c)
{
	return c->keylog;
}

/* ---- the handshake, message by message ---- */

static const char *handshake_name(int type)
{
	static const char *const names[] = {
		[0] = "HelloRequest", [1] = "ClientHello", [2] = "ServerHello",
		[4] = "NewSessionTicket", [5] = "EndOfEarlyData",
		[8] = "EncryptedExtensions", [11] = "Certificate",
		[12] = "ServerKeyExchange", [13] = "CertificateRequest",
		[14] = "ServerHelloDone", [15] = "CertificateVerify",
		[16] = "ClientKeyExchange", [20] = "Finished", [24] = "KeyUpdate",
	};
	const char *n = type >= 0 && type < 25 ? names[type] : NULL;
	return n ? n : "Handshake";
}

static void on_message(int write_p, int version, int content_type,
                       const void *buf, size_t len, SSL *ssl, void *arg)
{
	(void)version, (void)ssl, (void)arg;
	const unsigned char *p = buf;
	char name[96];
	if (!msg_hook)
		return;
	if (content_type == SSL3_RT_HANDSHAKE && len > 0)
		snprintf(name, sizeof name, "%s", handshake_name(p[0]));
	else if (content_type == SSL3_RT_ALERT && len >= 2)
		snprintf(name, sizeof name, "Alert (%s, %s)",
		         L.SSL_alert_type_string_long(p[0] << 8),
		         L.SSL_alert_desc_string_long(p[1]));
	else
		/* Record headers, inner types, application data; and
		 * ChangeCipherSpec, which OpenSSL reports when it sends one but
		 * not when one arrives (and TLS 1.3's is a dummy). */
		return;
	msg_hook(msg_arg, write_p != 0, name);
}

void tls_set_msg_hook(tls_msg_fn fn, void *arg)
{
	msg_hook = fn;
	msg_arg = arg;
}

/* ---- connections ---- */

/* Whether NAME is an IP address: Python sends no SNI for one and checks
 * the certificate's IP entries instead. */
static bool is_ip(const char *name)
{
	ASN1_OCTET_STRING *ip = L.a2i_IPADDRESS(name);
	if (!ip)
		return false;
	L.ASN1_OCTET_STRING_free(ip);
	return true;
}

static void set_peer_name(struct tls_conn *t, const char *hostname)
{
	X509_VERIFY_PARAM *param = L.SSL_get0_param(t->ssl);
	bool ip = is_ip(hostname);
	if (!ip)
		L.SSL_ctrl(t->ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME,
		           TLSEXT_NAMETYPE_host_name, (void *)hostname);
	if (!t->ctx->check_hostname)
		return;
	L.X509_VERIFY_PARAM_set_hostflags(param,
	                                  X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
	if (ip)
		L.X509_VERIFY_PARAM_set1_ip_asc(param, hostname);
	else
		L.X509_VERIFY_PARAM_set1_host(param, hostname, 0);
}

struct tls_conn *tls_conn_new(struct tls_ctx *c, int fd, bool server,
                              const char *hostname, char *err, size_t errlen)
{
	struct tls_conn *t = calloc(1, sizeof *t);
	SSL *ssl = t ? L.SSL_new(c->ctx) : NULL;
	if (!ssl || !L.SSL_set_fd(ssl, fd)) {
		ctx_error("failed to create the connection", err, errlen);
		if (ssl)
			L.SSL_free(ssl);
		free(t);
		return NULL;
	}
	t->ssl = ssl;
	t->ctx = c;
	L.SSL_ctrl(ssl, SSL_CTRL_MODE, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER |
	                               SSL_MODE_AUTO_RETRY, NULL);
	L.SSL_set_msg_callback(ssl, on_message);
	if (hostname) {
		t->hostname = strdup(hostname);
		set_peer_name(t, hostname);
	}
	if (server)
		L.SSL_set_accept_state(ssl);
	else
		L.SSL_set_connect_state(ssl);
	return t;
}

void tls_conn_free(struct tls_conn *t)
{
	if (!t)
		return;
	L.SSL_free(t->ssl);
	free(t->hostname);
	free(t);
}

enum tls_status tls_handshake(struct tls_conn *t, char *err, size_t errlen)
{
	errno = 0;
	int r = L.SSL_do_handshake(t->ssl);
	if (r == 1) {
		t->handshaken = true;
		return TLS_OK;
	}
	return op_status(t, r, err, errlen);
}

enum tls_status tls_read(struct tls_conn *t, void *buf, size_t len,
                         size_t *got, char *err, size_t errlen)
{
	errno = 0;
	*got = 0;
	int r = L.SSL_read_ex(t->ssl, buf, len, got);
	if (r == 1)
		return TLS_OK;
	return op_status(t, r, err, errlen);
}

enum tls_status tls_write(struct tls_conn *t, const void *buf, size_t len,
                          size_t *sent, char *err, size_t errlen)
{
	errno = 0;
	*sent = 0;
	int r = L.SSL_write_ex(t->ssl, buf, len, sent);
	if (r == 1)
		return TLS_OK;
	return op_status(t, r, err, errlen);
}

enum tls_status tls_shutdown(struct tls_conn *t, char *err, size_t errlen)
{
	errno = 0;
	int r = L.SSL_shutdown(t->ssl);
	if (r == 1)
		return TLS_OK;
	if (r == 0) /* ours is sent: Python calls again for the peer's */
		r = L.SSL_shutdown(t->ssl);
	return r == 1 ? TLS_OK : op_status(t, r, err, errlen);
}

bool tls_handshake_done(const struct tls_conn *t)
{
	return t->handshaken;
}

size_t tls_pending(const struct tls_conn *t)
{
	return (size_t)L.SSL_pending(t->ssl);
}

const char *tls_version(const struct tls_conn *t)
{
	return t->handshaken ? L.SSL_get_version(t->ssl) : NULL;
}

bool tls_cipher(const struct tls_conn *t, const char **name,
                const char **proto, int *bits)
{
	const SSL_CIPHER *c = L.SSL_get_current_cipher(t->ssl);
	if (!c)
		return false;
	*name = L.SSL_CIPHER_get_name(c);
	*proto = L.SSL_CIPHER_get_version(c);
	*bits = L.SSL_CIPHER_get_bits(c, NULL);
	return true;
}

unsigned char *tls_peer_der(const struct tls_conn *t, size_t *len)
{
	X509 *x = L.SSL_get1_peer_certificate(t->ssl);
	if (!x)
		return NULL;
	unsigned char *der = NULL;
	int n = L.i2d_X509(x, &der);
	L.X509_free(x);
	if (n <= 0)
		return NULL;
	unsigned char *copy = malloc((size_t)n);
	if (copy)
		memcpy(copy, der, (size_t)n);
	L.CRYPTO_free(der, __FILE__, __LINE__);
	*len = (size_t)n;
	return copy;
}

bool tls_peer_verified(const struct tls_conn *t)
{
	return (L.SSL_CTX_get_verify_mode(t->ctx->ctx) & SSL_VERIFY_PEER) &&
	       L.SSL_get_verify_result(t->ssl) == X509_V_OK;
}

bool tls_alpn(const struct tls_conn *t, const unsigned char **p, size_t *len)
{
	unsigned n = 0;
	L.SSL_get0_alpn_selected(t->ssl, p, &n);
	*len = n;
	return n > 0;
}

#else /* !HAVE_OPENSSL: tls_init says why; nothing else is reached. */

void tls_cleanup(void)
{
}

const char *tls_library_version(void)
{
	return NULL;
}

struct tls_ctx *tls_ctx_new(int protocol, char *err, size_t errlen)
{
	(void)protocol;
	tls_init(err, errlen);
	return NULL;
}

void tls_ctx_free(struct tls_ctx *c)
{
	(void)c;
}

void tls_conn_free(struct tls_conn *t)
{
	(void)t;
}

void tls_set_msg_hook(tls_msg_fn fn, void *arg)
{
	(void)fn, (void)arg;
}

#endif
