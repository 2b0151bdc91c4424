/* tlslib.c - OpenSSL loaded on first use (see tlslib.h for why). */
#include "tlslib.h"

#include <stdio.h>

#if HAVE_OPENSSL
#include <dlfcn.h>

struct tls_lib tls_lib;
static int state; /* 0 not tried, 1 loaded, -1 failed or unloaded */
static void *crypto_handle, *ssl_handle; /* for tls_lib_unload */

/* Both sonames: libssl needs libcrypto, and the table takes from both.
 * RTLD_GLOBAL lets libssl find libcrypto's symbols when loaded second. */
static void *open_libs(char *err, size_t errlen)
{
	crypto_handle = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_GLOBAL);
	ssl_handle = crypto_handle
	                     ? dlopen("libssl.so.3", RTLD_NOW | RTLD_GLOBAL)
	                     : NULL;
	if (!ssl_handle)
		snprintf(err, errlen, "%s", dlerror());
	return ssl_handle;
}

void tls_lib_unload(void)
{
	if (state <= 0)
		return;
	tls_lib.OPENSSL_cleanup();
	dlclose(ssl_handle);
	dlclose(crypto_handle);
	state = -1;
}

/* dlsym each function of the table from the libraries now loaded. */
static int fill_table(char *err, size_t errlen)
{
#define TLSLIB_SYM(name)                                                 \
	*(void **)&tls_lib.name = dlsym(RTLD_DEFAULT, #name);            \
	if (!tls_lib.name) {                                             \
		snprintf(err, errlen, "OpenSSL has no %s", #name);       \
		return -1;                                               \
	}
	TLSLIB_FUNCS(TLSLIB_SYM)
#undef TLSLIB_SYM
	return 0;
}

bool tls_lib_loaded(void)
{
	return state > 0;
}

int tls_lib_load(char *err, size_t errlen)
{
	static char why[256];
	if (state == 0) {
		state = open_libs(why, sizeof why) && !fill_table(why, sizeof why)
		            ? 1 : -1;
	}
	if (state < 0)
		snprintf(err, errlen, "%s", why);
	return state > 0 ? 0 : -1;
}

#else

void tls_lib_unload(void)
{
}

bool tls_lib_loaded(void)
{
	return false;
}

int tls_lib_load(char *err, size_t errlen)
{
	snprintf(err, errlen, "sockshell was built without OpenSSL "
	         "(configure --without-openssl, or no libssl-dev)");
	return -1;
}

#endif
