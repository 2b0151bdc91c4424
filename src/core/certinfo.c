/* certinfo.c - a DER certificate read as CPython's _decode_certificate
 * reads it (Modules/_ssl.c): the same OpenSSL printers, so the texts are
 * Python's byte for byte. Called through tls_lib (tlslib.h): OpenSSL is
 * loaded, not linked, so even its stack macros are spelled as the
 * OPENSSL_sk_* functions they expand to. */
#include "certinfo.h"
#include "tlslib.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void free_name(struct cert_name *nm)
{
	for (size_t i = 0; i < nm->n; i++) {
		free(nm->attrs[i].name.p);
		free(nm->attrs[i].value.p);
	}
	free(nm->attrs);
}

static void free_strs(struct cert_strs *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->items[i].p);
	free(s->items);
}

void certinfo_free(struct cert_info *ci)
{
	free_name(&ci->subject);
	free_name(&ci->issuer);
	free(ci->serial.p);
	free(ci->not_before.p);
	free(ci->not_after.p);
	for (size_t i = 0; i < ci->nalt; i++) {
		free(ci->alt[i].type.p);
		free(ci->alt[i].value.p);
		free_name(&ci->alt[i].dir);
	}
	free(ci->alt);
	free_strs(&ci->ocsp);
	free_strs(&ci->ca_issuers);
	free_strs(&ci->crl);
	memset(ci, 0, sizeof *ci);
}

#if HAVE_OPENSSL
#include <openssl/x509v3.h>

/* One decoding: the memory BIO the printers write to, where errors go. */
struct dec {
	BIO *bio;
	char *err;
	size_t errlen;
};

/* WHAT, with OpenSSL's reason when it left one. */
static int fail(struct dec *d, const char *what)
{
	unsigned long e = tls_lib.ERR_get_error();
	const char *why = e ? tls_lib.ERR_reason_error_string(e) : NULL;
	snprintf(d->err, d->errlen, "%s%s%s", what, why ? ": " : "",
	         why ? why : "");
	return -1;
}

/* Room for N bytes and a NUL in S. */
static int alloc_str(struct dec *d, struct cert_str *s, size_t n)
{
	s->p = malloc(n + 1);
	if (!s->p)
		return fail(d, "out of memory");
	s->p[n] = '\0';
	s->len = n;
	return 0;
}

static int put_str(struct dec *d, struct cert_str *s, const void *p, size_t n)
{
	if (alloc_str(d, s, n))
		return -1;
	if (n)
		memcpy(s->p, p, n);
	return 0;
}

static int put_cstr(struct dec *d, struct cert_str *s, const char *text)
{
	return put_str(d, s, text, strlen(text));
}

/* ARR (N elements of SIZE) with room for one more, zeroed: the capacity
 * doubles when N reaches a power of two. NULL when out of memory (ARR is
 * then still the caller's). */
static void *grow(struct dec *d, void *arr, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0) {
		void *p = realloc(arr, (n ? 2 * n : 1) * size);
		if (!p) {
			fail(d, "out of memory");
			return NULL;
		}
		arr = p;
	}
	memset((char *)arr + n * size, 0, size);
	return arr;
}

/* An object's long name ('commonName'), or its dotted OID. */
static int put_obj(struct dec *d, struct cert_str *s, const ASN1_OBJECT *o)
{
	int n = tls_lib.OBJ_obj2txt(NULL, 0, o, 0);
	if (n < 0)
		return fail(d, "cannot name an attribute");
	if (alloc_str(d, s, (size_t)n))
		return -1;
	s->len = (size_t)tls_lib.OBJ_obj2txt(s->p, n + 1, o, 0);
	return 0;
}

/* Python's _create_tuple_for_attribute: the value as UTF-8. */
static int add_attr(struct dec *d, struct cert_name *nm,
                    const X509_NAME_ENTRY *e)
{
	struct cert_attr *a = grow(d, nm->attrs, nm->n, sizeof *a);
	if (!a)
		return -1;
	nm->attrs = a;
	a += nm->n++;
	a->set = tls_lib.X509_NAME_ENTRY_set(e);
	unsigned char *utf8 = NULL;
	int len = tls_lib.ASN1_STRING_to_UTF8(
	    &utf8, tls_lib.X509_NAME_ENTRY_get_data(e));
	if (len < 0)
		return fail(d, "cannot convert a name's attribute to UTF-8");
	int r = put_obj(d, &a->name, tls_lib.X509_NAME_ENTRY_get_object(e));
	if (!r)
		r = put_str(d, &a->value, utf8, (size_t)len);
	tls_lib.CRYPTO_free(utf8, __FILE__, __LINE__);
	return r;
}

static int read_name(struct dec *d, struct cert_name *nm, const X509_NAME *x)
{
	int n = tls_lib.X509_NAME_entry_count(x);
	for (int i = 0; i < n; i++)
		if (add_attr(d, nm, tls_lib.X509_NAME_get_entry(x, i)))
			return -1;
	return 0;
}

/* The stack macros (sk_GENERAL_NAME_num...) call these functions, which
 * only the table has. */
static int sk_count(const void *sk)
{
	return tls_lib.OPENSSL_sk_num((const OPENSSL_STACK *)sk);
}

static void *sk_at(const void *sk, int i)
{
	return tls_lib.OPENSSL_sk_value((const OPENSSL_STACK *)sk, i);
}

/* The first line of what a printer wrote to the BIO, as CPython reads
 * it (BIO_gets into 2048 bytes), then the BIO emptied for the next. */
static int bio_line(struct dec *d, struct cert_str *s)
{
	char buf[2048];
	int len = tls_lib.BIO_gets(d->bio, buf, sizeof buf - 1);
	(void)tls_lib.BIO_ctrl(d->bio, BIO_CTRL_RESET, 0, NULL);
	if (len < 0)
		return fail(d, "cannot print a field");
	return put_str(d, s, buf, (size_t)len);
}

static int put_asn1(struct dec *d, struct cert_str *s, const ASN1_STRING *a)
{
	const unsigned char *p = tls_lib.ASN1_STRING_get0_data(a);
	int n = tls_lib.ASN1_STRING_length(a);
	return put_str(d, s, p, p && n > 0 ? (size_t)n : 0);
}

/* IPv4 dotted, IPv6 as eight uncompressed upper-case groups. */
static int put_ip(struct dec *d, struct cert_str *s, const ASN1_OCTET_STRING *ip)
{
	const unsigned char *p = ip->data;
	char buf[64];
	if (ip->length == 4)
		snprintf(buf, sizeof buf, "%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
	else if (ip->length == 16)
		snprintf(buf, sizeof buf, "%X:%X:%X:%X:%X:%X:%X:%X",
		         p[0] << 8 | p[1], p[2] << 8 | p[3], p[4] << 8 | p[5],
		         p[6] << 8 | p[7], p[8] << 8 | p[9], p[10] << 8 | p[11],
		         p[12] << 8 | p[13], p[14] << 8 | p[15]);
	else
		snprintf(buf, sizeof buf, "<invalid>");
	return put_cstr(d, s, buf);
}

static int put_rid(struct dec *d, struct cert_str *s, const ASN1_OBJECT *rid)
{
	char buf[2048];
	int len = tls_lib.i2t_ASN1_OBJECT(buf, sizeof buf - 1, rid);
	if (len < 0)
		return fail(d, "cannot print a registered ID");
	if (len >= (int)sizeof buf)
		return put_cstr(d, s, "<INVALID>");
	return put_str(d, s, buf, (size_t)len);
}

/* Other names, X400 and EDI party names: OpenSSL's print form, split at
 * its first colon ("othername:<unsupported>"). */
static int put_printed(struct dec *d, struct cert_altname *a,
                       GENERAL_NAME *g)
{
	struct cert_str line;
	tls_lib.GENERAL_NAME_print(d->bio, g);
	if (bio_line(d, &line))
		return -1;
	char *colon = strchr(line.p, ':');
	int r = -1;
	if (!colon)
		snprintf(d->err, d->errlen, "Invalid value %.200s", line.p);
	else if (!put_str(d, &a->type, line.p, (size_t)(colon - line.p)))
		r = put_str(d, &a->value, colon + 1,
		            line.len - (size_t)(colon - line.p) - 1);
	free(line.p);
	return r;
}

/* CPython's names of the alternative names it reads itself; the others
 * it takes from OpenSSL's print form. */
static const char *alt_type(int type)
{
	switch (type) {
	case GEN_DIRNAME: return "DirName";
	case GEN_EMAIL: return "email";
	case GEN_DNS: return "DNS";
	case GEN_URI: return "URI";
	case GEN_RID: return "Registered ID";
	case GEN_IPADD: return "IP Address";
	default: return NULL;
	}
}

static int set_alt(struct dec *d, struct cert_altname *a, GENERAL_NAME *g)
{
	const char *type = alt_type(g->type);
	if (!type)
		return put_printed(d, a, g);
	if (put_cstr(d, &a->type, type))
		return -1;
	switch (g->type) {
	case GEN_DIRNAME:
		a->is_dir = true;
		return read_name(d, &a->dir, g->d.dirn);
	case GEN_RID:
		return put_rid(d, &a->value, g->d.rid);
	case GEN_IPADD:
		return put_ip(d, &a->value, g->d.ip);
	default: /* email, DNS, URI: the IA5String as it is */
		return put_asn1(d, &a->value, g->d.ia5);
	}
}

static int read_alt(struct dec *d, X509 *x, struct cert_info *ci)
{
	GENERAL_NAMES *names =
	    tls_lib.X509_get_ext_d2i(x, NID_subject_alt_name, NULL, NULL);
	if (!names)
		return 0;
	ci->has_alt = true;
	int r = 0;
	for (int i = 0; !r && i < sk_count(names); i++) {
		struct cert_altname *a = grow(d, ci->alt, ci->nalt, sizeof *a);
		if (!a) {
			r = -1;
			break;
		}
		ci->alt = a;
		r = set_alt(d, &a[ci->nalt++], sk_at(names, i));
	}
	tls_lib.GENERAL_NAMES_free(names);
	return r;
}

static int add_uri(struct dec *d, struct cert_strs *to, const GENERAL_NAME *g)
{
	if (g->type != GEN_URI)
		return 0;
	struct cert_str *s = grow(d, to->items, to->n, sizeof *s);
	if (!s)
		return -1;
	to->items = s;
	return put_asn1(d, &s[to->n++], g->d.uniformResourceIdentifier);
}

/* Authority Information Access: the OCSP and caIssuers URIs. */
static int read_aia(struct dec *d, X509 *x, struct cert_info *ci)
{
	AUTHORITY_INFO_ACCESS *info =
	    tls_lib.X509_get_ext_d2i(x, NID_info_access, NULL, NULL);
	if (!info)
		return 0;
	int r = 0;
	for (int i = 0; !r && i < sk_count(info); i++) {
		const ACCESS_DESCRIPTION *ad = sk_at(info, i);
		int nid = tls_lib.OBJ_obj2nid(ad->method);
		if (nid == NID_ad_OCSP)
			r = add_uri(d, &ci->ocsp, ad->location);
		else if (nid == NID_ad_ca_issuers)
			r = add_uri(d, &ci->ca_issuers, ad->location);
	}
	tls_lib.AUTHORITY_INFO_ACCESS_free(info);
	return r;
}

/* The URIs of the CRL distribution points' full names. CPython reads a
 * point named relative to the issuer as if it were a full name too, but
 * what it then reads is never a URI: skipping it prints the same. */
static int read_crl(struct dec *d, X509 *x, struct cert_info *ci)
{
	CRL_DIST_POINTS *dps =
	    tls_lib.X509_get_ext_d2i(x, NID_crl_distribution_points, NULL, NULL);
	if (!dps)
		return 0;
	int r = 0;
	for (int i = 0; !r && i < sk_count(dps); i++) {
		const DIST_POINT *dp = sk_at(dps, i);
		if (!dp->distpoint || dp->distpoint->type != 0)
			continue;
		const GENERAL_NAMES *gns = dp->distpoint->name.fullname;
		for (int j = 0; !r && j < sk_count(gns); j++)
			r = add_uri(d, &ci->crl, sk_at(gns, j));
	}
	tls_lib.CRL_DIST_POINTS_free(dps);
	return r;
}

/* The serial's hex and the two dates, as OpenSSL prints them. */
static int read_printed(struct dec *d, X509 *x, struct cert_info *ci)
{
	tls_lib.i2a_ASN1_INTEGER(d->bio, tls_lib.X509_get_serialNumber(x));
	if (bio_line(d, &ci->serial))
		return -1;
	tls_lib.ASN1_TIME_print(d->bio, tls_lib.X509_get0_notBefore(x));
	if (bio_line(d, &ci->not_before))
		return -1;
	tls_lib.ASN1_TIME_print(d->bio, tls_lib.X509_get0_notAfter(x));
	return bio_line(d, &ci->not_after);
}

static int decode_x509(struct dec *d, X509 *x, struct cert_info *ci)
{
	if (read_name(d, &ci->subject, tls_lib.X509_get_subject_name(x)) ||
	    read_name(d, &ci->issuer, tls_lib.X509_get_issuer_name(x)))
		return -1;
	ci->version = tls_lib.X509_get_version(x) + 1;
	if (read_printed(d, x, ci) || read_alt(d, x, ci) || read_aia(d, x, ci))
		return -1;
	return read_crl(d, x, ci);
}

int certinfo_decode(const unsigned char *der, size_t len,
                    struct cert_info *ci, char *err, size_t errlen)
{
	memset(ci, 0, sizeof *ci);
	if (tls_lib_load(err, errlen))
		return -1;
	struct dec d = {.err = err, .errlen = errlen};
	const unsigned char *p = der;
	X509 *x = len <= LONG_MAX ? tls_lib.d2i_X509(NULL, &p, (long)len) : NULL;
	int r;
	if (!x)
		r = fail(&d, "not a DER-encoded certificate");
	else if (!(d.bio = tls_lib.BIO_new(tls_lib.BIO_s_mem())))
		r = fail(&d, "out of memory");
	else
		r = decode_x509(&d, x, ci);
	tls_lib.BIO_free(d.bio);
	tls_lib.X509_free(x);
	/* Leave no error behind for the next TLS call to report. */
	tls_lib.ERR_clear_error();
	if (r)
		certinfo_free(ci);
	return r;
}

#else

int certinfo_decode(const unsigned char *der, size_t len,
                    struct cert_info *ci, char *err, size_t errlen)
{
	(void)der;
	(void)len;
	memset(ci, 0, sizeof *ci);
	return tls_lib_load(err, errlen);
}

#endif
