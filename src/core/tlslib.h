/* tlslib.h - OpenSSL 3, loaded when the ssl module is first imported.
 * Linking libssl and libcrypto costs every start about 2 MB of resident
 * memory (their relocations and initialisers), a lesson that never uses
 * TLS included; Python too loads its _ssl module only on `import ssl`.
 * So TLS code calls OpenSSL through the table below, filled by dlopen.
 *
 * Add a function: one X(name) line in TLSLIB_FUNCS; call it as
 * tls_lib.name(...). Its type comes from OpenSSL's own header. */
#ifndef SOCKSHELL_TLSLIB_H
#define SOCKSHELL_TLSLIB_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

#if HAVE_OPENSSL
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#define TLSLIB_FUNCS(X) \
	X(OpenSSL_version) \
	X(ERR_get_error) \
	X(ERR_peek_error) \
	X(ERR_clear_error) \
	X(ERR_error_string_n) \
	X(ERR_reason_error_string) \
	X(ERR_lib_error_string)

struct tls_lib {
#define TLSLIB_FIELD(name) __typeof__(name) *name;
	TLSLIB_FUNCS(TLSLIB_FIELD)
#undef TLSLIB_FIELD
};

/* Valid once tls_lib_load returned 0. */
extern struct tls_lib tls_lib;
#endif

/* Load libssl.so.3 and libcrypto.so.3 once. Returns 0, or fills ERR
 * (ERRLEN bytes) with why not: built without OpenSSL, library missing,
 * a function missing. */
int tls_lib_load(char *err, size_t errlen);

#endif
