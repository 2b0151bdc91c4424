/* tls.h - TLS over a connected socket, as Python's ssl module has it:
 * contexts, connections, and errors worded as CPython's _ssl.c words
 * them (without its "(_ssl.c:NNN)" tail). OpenSSL is loaded on first use
 * (tlslib.h). Never prints: errors go into the caller's buffer. */
#ifndef SOCKSHELL_TLS_H
#define SOCKSHELL_TLS_H

#include <stdbool.h>
#include <stddef.h>

/* Python's ssl constants. */
enum { TLS_PROTOCOL_TLS = 2, TLS_PROTOCOL_CLIENT = 16, TLS_PROTOCOL_SERVER = 17 };
enum { TLS_CERT_NONE = 0, TLS_CERT_OPTIONAL = 1, TLS_CERT_REQUIRED = 2 };
/* TLSVersion: MINIMUM_SUPPORTED -2, MAXIMUM_SUPPORTED -1, else the wire
 * number (TLSv1_3 is 0x304). */
enum { TLS_VERSION_MIN = -2, TLS_VERSION_MAX = -1 };

/* What an operation ended with: done, or the exception Python raises. */
enum tls_status {
	TLS_OK,
	TLS_WANT_READ,   /* SSLWantReadError */
	TLS_WANT_WRITE,  /* SSLWantWriteError */
	TLS_ZERO_RETURN, /* SSLZeroReturnError: the peer closed TLS */
	TLS_EOF,         /* SSLEOFError */
	TLS_SYSCALL,     /* SSLSyscallError, or OSError when errno is set */
	TLS_VERIFY,      /* SSLCertVerificationError */
	TLS_ERROR        /* SSLError */
};

/* The exception class Python raises for ST ("SSLWantReadError"). */
const char *tls_status_class(enum tls_status st);

struct tls_ctx;
struct tls_conn;

/* Load OpenSSL (once). Returns 0, or -1 with why not in ERR. */
int tls_init(char *err, size_t errlen);
/* Free what OpenSSL holds (at exit: leak checkers see nothing left, and
 * a forked replay child leaves by _exit, which runs no atexit handler).
 * TLS cannot be used after it. */
void tls_cleanup(void);
/* "OpenSSL 3.0.17 1 Jul 2025" once loaded, else NULL. */
const char *tls_library_version(void);

/* SSLContext(PROTOCOL): NULL with ERR filled. */
struct tls_ctx *tls_ctx_new(int protocol, char *err, size_t errlen);
void tls_ctx_free(struct tls_ctx *c);
bool tls_ctx_server(const struct tls_ctx *c);
int tls_ctx_protocol(const struct tls_ctx *c);
/* verify_mode and check_hostname as Python keeps them (setting
 * check_hostname makes CERT_NONE CERT_REQUIRED; CERT_NONE with
 * check_hostname is refused). Return 0 or -1 with ERR. */
int tls_ctx_verify_mode(const struct tls_ctx *c);
int tls_ctx_set_verify_mode(struct tls_ctx *c, int mode, char *err,
                            size_t errlen);
bool tls_ctx_check_hostname(const struct tls_ctx *c);
void tls_ctx_set_check_hostname(struct tls_ctx *c, bool on);
/* minimum_version (MAX false) or maximum_version. */
int tls_ctx_version(const struct tls_ctx *c, bool max);
int tls_ctx_set_version(struct tls_ctx *c, bool max, int v, char *err,
                        size_t errlen);
int tls_ctx_load_verify(struct tls_ctx *c, const char *cafile,
                        const char *capath, char *err, size_t errlen);
int tls_ctx_default_verify_paths(struct tls_ctx *c, char *err, size_t errlen);
int tls_ctx_load_cert_chain(struct tls_ctx *c, const char *certfile,
                            const char *keyfile, char *err, size_t errlen);
int tls_ctx_set_ciphers(struct tls_ctx *c, const char *list, char *err,
                        size_t errlen);
/* PROTOS: the wire form (each name after its length byte). */
int tls_ctx_set_alpn(struct tls_ctx *c, const unsigned char *protos,
                     size_t len, char *err, size_t errlen);
/* Append each secret to PATH in NSS key-log form (NULL stops). */
int tls_ctx_set_keylog(struct tls_ctx *c, const char *path, char *err,
                       size_t errlen);
const char *tls_ctx_keylog(const struct tls_ctx *c);

/* The handshake messages as they pass: SENT, and OpenSSL's name of the
 * message ("ClientHello"), or of the record ("Alert", "ChangeCipherSpec"). */
typedef void (*tls_msg_fn)(void *arg, bool sent, const char *name);
void tls_set_msg_hook(tls_msg_fn fn, void *arg);

/* A connection on connected socket FD. HOSTNAME (may be NULL) is sent as
 * SNI and, with check_hostname, checked against the certificate. */
struct tls_conn *tls_conn_new(struct tls_ctx *c, int fd, bool server,
                              const char *hostname, char *err, size_t errlen);
void tls_conn_free(struct tls_conn *t);
/* Each returns TLS_OK or a status with ERR filled as Python's str(e). */
enum tls_status tls_handshake(struct tls_conn *t, char *err, size_t errlen);
enum tls_status tls_read(struct tls_conn *t, void *buf, size_t len,
                         size_t *got, char *err, size_t errlen);
enum tls_status tls_write(struct tls_conn *t, const void *buf, size_t len,
                          size_t *sent, char *err, size_t errlen);
/* SSL_shutdown until both close_notify have passed (unwrap). */
enum tls_status tls_shutdown(struct tls_conn *t, char *err, size_t errlen);
/* errno of the last TLS_SYSCALL (0: the peer closed the socket). */
int tls_last_errno(void);
bool tls_handshake_done(const struct tls_conn *t);
size_t tls_pending(const struct tls_conn *t);
/* "TLSv1.3", NULL before the handshake. */
const char *tls_version(const struct tls_conn *t);
/* The cipher's name, protocol and secret bits; false before the handshake. */
bool tls_cipher(const struct tls_conn *t, const char **name,
                const char **proto, int *bits);
/* The peer's certificate in DER, malloc'd; NULL when it sent none. */
unsigned char *tls_peer_der(const struct tls_conn *t, size_t *len);
/* Whether the certificate was verified (Python's getpeercert() is {} when
 * it was not). */
bool tls_peer_verified(const struct tls_conn *t);
/* The protocol ALPN chose, NULL for none. */
bool tls_alpn(const struct tls_conn *t, const unsigned char **p, size_t *len);

#endif
