/* tlscert.c - the lab's throwaway certificate (see tlscert.h), made with
 * OpenSSL through tls_lib (tlslib.h): a P-256 key, then a version 3
 * certificate signed by that key with the extensions `openssl req -x509`
 * adds by default (basicConstraints CA:TRUE, so the certificate is its
 * own trust anchor for verify -CAfile and Python's load_verify_locations)
 * and the subjectAltName a client's hostname check reads. */
#include "tlscert.h"
#include "forbid.h"
#include "tlslib.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The private directory, made on the first certificate; OWNER is the
 * process that made it, so a forked child never removes it. */
static char dir[512];
static pid_t owner;

static bool is_address(const char *host)
{
	unsigned char buf[16];
	return inet_pton(AF_INET, host, buf) == 1 ||
	       inet_pton(AF_INET6, host, buf) == 1;
}

bool tlscert_name_ok(const char *host)
{
	size_t n = strlen(host);
	if (is_address(host))
		return true;
	if (n == 0 || n > 64 || host[0] == '.')
		return false;
	return strspn(host, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                    "0123456789-_.*") == n;
}

void tlscert_cleanup(void)
{
	if (!dir[0] || owner != getpid())
		return;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			unlinkat(dirfd(d), e->d_name, 0);
	if (d)
		closedir(d);
	rmdir(dir);
	dir[0] = '\0';
}

#if HAVE_OPENSSL
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

/* The directory, made private (mkdtemp's 0700) in $TMPDIR or /tmp. */
static int make_dir(char *err, size_t errlen)
{
	if (dir[0])
		return 0;
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	int n = snprintf(dir, sizeof dir, "%s/sockshell-XXXXXX", tmp);
	if (n < 0 || (size_t)n >= sizeof dir || !mkdtemp(dir)) {
		snprintf(err, errlen, "cannot make a private directory in %s: %s",
		         tmp, n < 0 || (size_t)n >= sizeof dir
		                  ? "name too long" : strerror(errno));
		dir[0] = '\0';
		return -1;
	}
	owner = getpid();
	return 0;
}

/* WHAT, with OpenSSL's reason when it left one. */
static int fail(char *err, size_t errlen, const char *what)
{
	unsigned long e = tls_lib.ERR_get_error();
	const char *why = e ? tls_lib.ERR_reason_error_string(e) : NULL;
	snprintf(err, errlen, "%s%s%s", what, why ? ": " : "", why ? why : "");
	tls_lib.ERR_clear_error();
	return -1;
}

/* A random positive 63-bit serial: two certificates from one shell (or
 * two shells) must not share issuer and serial. */
static int set_serial(X509 *x)
{
	unsigned char r[8];
	if (tls_lib.RAND_bytes(r, sizeof r) != 1)
		return -1;
	uint64_t v = 0;
	for (size_t i = 0; i < sizeof r; i++)
		v = v << 8 | r[i];
	v = (v >> 1) | 1;
	return tls_lib.ASN1_INTEGER_set_uint64(tls_lib.X509_get_serialNumber(x),
	                                       v) == 1 ? 0 : -1;
}

static int add_ext(X509 *x, int nid, const char *value)
{
	X509V3_CTX ctx;
	memset(&ctx, 0, sizeof ctx); /* X509V3_set_ctx_nodb: no config */
	tls_lib.X509V3_set_ctx(&ctx, x, x, NULL, NULL, 0);
	X509_EXTENSION *e = tls_lib.X509V3_EXT_conf_nid(NULL, &ctx, nid, value);
	int ok = e && tls_lib.X509_add_ext(x, e, -1);
	tls_lib.X509_EXTENSION_free(e);
	return ok ? 0 : -1;
}

/* The subject (CN=HOST, also the issuer) and the extensions. */
static int set_names(X509 *x, const char *host)
{
	X509_NAME *name = tls_lib.X509_get_subject_name(x);
	if (!tls_lib.X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
	                                        (const unsigned char *)host,
	                                        -1, -1, 0) ||
	    !tls_lib.X509_set_issuer_name(x, name))
		return -1;
	char san[300];
	if (!is_address(host))
		snprintf(san, sizeof san, "DNS:%s,IP:127.0.0.1", host);
	else if (strcmp(host, "127.0.0.1"))
		snprintf(san, sizeof san, "IP:%s,IP:127.0.0.1", host);
	else
		snprintf(san, sizeof san, "IP:127.0.0.1");
	return add_ext(x, NID_basic_constraints, "critical,CA:TRUE") ||
	       add_ext(x, NID_subject_key_identifier, "hash") ||
	       add_ext(x, NID_authority_key_identifier, "keyid:always") ||
	       add_ext(x, NID_subject_alt_name, san) ? -1 : 0;
}

/* The certificate for KEY, valid from a minute ago for a day, signed. */
static X509 *make_x509(EVP_PKEY *key, const char *host)
{
	X509 *x = tls_lib.X509_new();
	if (!x || !tls_lib.X509_set_version(x, X509_VERSION_3) || set_serial(x) ||
	    !tls_lib.X509_gmtime_adj(tls_lib.X509_getm_notBefore(x), -60) ||
	    !tls_lib.X509_gmtime_adj(tls_lib.X509_getm_notAfter(x), 24 * 3600) ||
	    !tls_lib.X509_set_pubkey(x, key) || set_names(x, host) ||
	    tls_lib.X509_sign(x, key, tls_lib.EVP_sha256()) <= 0) {
		tls_lib.X509_free(x);
		return NULL;
	}
	return x;
}

/* Write X (or KEY when X is NULL) as PEM to PATH, made afresh with MODE. */
static int write_pem(const char *path, mode_t mode, X509 *x, EVP_PKEY *key,
                     char *err, size_t errlen)
{
	unlink(path); /* an earlier certificate for the same name */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "w");
	int e = errno;
	if (!f) {
		if (fd >= 0)
			close(fd);
		snprintf(err, errlen, "%s: %s", path, strerror(e));
		return -1;
	}
	int ok = x ? tls_lib.PEM_write_X509(f, x)
	           : tls_lib.PEM_write_PrivateKey(f, key, NULL, NULL, 0, NULL, NULL);
	if (fclose(f)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	return ok ? 0 : fail(err, errlen, "cannot write the PEM file");
}

static int write_pair(const char *host, X509 *x, EVP_PKEY *key, char *cert,
                      char *keypath, size_t pathlen, char *err, size_t errlen)
{
	if (make_dir(err, errlen))
		return -1;
	if ((size_t)snprintf(cert, pathlen, "%s/%s.pem", dir, host) >= pathlen ||
	    (size_t)snprintf(keypath, pathlen, "%s/%s.key", dir, host) >= pathlen) {
		snprintf(err, errlen, "the file names are too long");
		return -1;
	}
	if (write_pem(keypath, 0600, NULL, key, err, errlen))
		return -1;
	return write_pem(cert, 0644, x, NULL, err, errlen);
}

int tlscert_make(const char *host, char *cert, char *key, size_t pathlen,
                 char *err, size_t errlen)
{
	if (sk_forbidden()) {
		snprintf(err, errlen, "%s", strerror(EPERM));
		return -1;
	}
	if (!tlscert_name_ok(host)) {
		snprintf(err, errlen, "not a host name");
		return -1;
	}
	if (tls_lib_load(err, errlen))
		return -1;
	EVP_PKEY *k = tls_lib.EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	X509 *x = k ? make_x509(k, host) : NULL;
	int r = x ? write_pair(host, x, k, cert, key, pathlen, err, errlen)
	          : fail(err, errlen, "cannot make the certificate");
	tls_lib.X509_free(x);
	tls_lib.EVP_PKEY_free(k);
	return r;
}

#else

int tlscert_make(const char *host, char *cert, char *key, size_t pathlen,
                 char *err, size_t errlen)
{
	(void)host;
	(void)cert;
	(void)key;
	(void)pathlen;
	return tls_lib_load(err, errlen);
}

#endif
