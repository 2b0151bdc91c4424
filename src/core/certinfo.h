/* certinfo.h - what Python's getpeercert() shows of a certificate, read
 * from its DER by OpenSSL into plain C data: the same OpenSSL calls as
 * CPython's _ssl._decode_certificate, so every text (long attribute
 * names, the serial's hex, the dates, the alternative names) is the one
 * Python prints. The shell makes the dict of it. Never prints. */
#ifndef SOCKSHELL_CERTINFO_H
#define SOCKSHELL_CERTINFO_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes as OpenSSL gave them: NUL-terminated, but may hold NULs and need
 * not be UTF-8 (Python decodes them strictly; the shell does the same). */
struct cert_str {
	char *p;
	size_t len;
};

/* One attribute of a distinguished name. Consecutive attributes with the
 * same SET form one relative distinguished name (one inner tuple). */
struct cert_attr {
	struct cert_str name; /* 'commonName', or the dotted OID */
	struct cert_str value;
	int set;
};

struct cert_name {
	struct cert_attr *attrs;
	size_t n;
};

/* One subjectAltName entry: ('DNS', 'x'), ('IP Address', '127.0.0.1'),
 * or ('DirName', NAME) when is_dir. */
struct cert_altname {
	struct cert_str type, value;
	bool is_dir;
	struct cert_name dir;
};

struct cert_strs {
	struct cert_str *items;
	size_t n;
};

struct cert_info {
	struct cert_name subject, issuer;
	long version; /* 1, 2 or 3, as Python counts */
	struct cert_str serial, not_before, not_after;
	bool has_alt; /* the extension decoded, even with no entry */
	struct cert_altname *alt;
	size_t nalt;
	struct cert_strs ocsp, ca_issuers, crl; /* URIs, each maybe empty */
};

/* Decode the DER certificate (LEN bytes) into *CI. Returns 0, or -1 with
 * ERR (ERRLEN bytes) saying why: OpenSSL missing, not a certificate, an
 * attribute OpenSSL cannot convert. *CI is then empty. Loads OpenSSL. */
int certinfo_decode(const unsigned char *der, size_t len,
                    struct cert_info *ci, char *err, size_t errlen);
void certinfo_free(struct cert_info *ci);

#endif
