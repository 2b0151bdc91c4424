/* certdict.c - the dict of getpeercert() from what core/certinfo.c read:
 * names as tuples of relative names, each a tuple of (name, value) pairs,
 * in the order and with the keys of CPython's _decode_certificate. */
#include "certdict.h"

#include <stdbool.h>
#include <stdlib.h>

#include "../core/certinfo.h"
#include "strbuf.h"
#include "utf8.h"

/* Values being gathered for a tuple or the dict, at most CAP of them. */
struct vals {
	struct value **v;
	size_t n;
};

static struct vals vals_new(size_t cap)
{
	return (struct vals){xmalloc(sizeof(struct value *) * (cap ? cap : 1)), 0};
}

/* The values as a TYPE, or NULL (the values let go) when not OK. */
static struct value *vals_end(struct vals *vs, enum vtype type, bool ok)
{
	struct value *r = ok ? v_seq(type, vs->v, vs->n) : NULL;
	for (size_t i = 0; !ok && i < vs->n; i++)
		v_unref(vs->v[i]);
	free(vs->v);
	return r;
}

/* Python decodes every text strictly as UTF-8. */
static struct value *text(const struct cert_str *s, char **cause)
{
	struct utf8_step bad;
	const unsigned char *p = (const unsigned char *)s->p;
	size_t at = utf8_first_fault(p, s->len, &bad);
	if (at == s->len)
		return v_str(s->p, s->len);
	*cause = utf8_fault_text(p, at, bad);
	return NULL;
}

/* The pair (A, B), or NULL when B is. A caller makes B only once A is
 * made, so that one failure sets the cause. */
static struct value *pair(struct value *a, struct value *b)
{
	if (b)
		return v_tuple(2, a, b);
	v_unref(a);
	return NULL;
}

/* The N attributes at A, one relative distinguished name. */
static struct value *rdn_tuple(const struct cert_attr *a, size_t n,
                               char **cause)
{
	struct vals t = vals_new(n);
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++) {
		struct value *k = text(&a[i].name, cause);
		struct value *p = k ? pair(k, text(&a[i].value, cause)) : NULL;
		if ((ok = p != NULL))
			t.v[t.n++] = p;
	}
	return vals_end(&t, T_TUPLE, ok);
}

/* A new relative name starts where the attribute's set changes, as in
 * CPython's _create_tuple_for_X509_NAME. */
static struct value *name_tuple(const struct cert_name *nm, char **cause)
{
	struct vals t = vals_new(nm->n);
	bool ok = true;
	for (size_t i = 0, j; ok && i < nm->n; i = j) {
		for (j = i + 1; j < nm->n && nm->attrs[j].set == nm->attrs[i].set;)
			j++;
		struct value *rdn = rdn_tuple(nm->attrs + i, j - i, cause);
		if ((ok = rdn != NULL))
			t.v[t.n++] = rdn;
	}
	return vals_end(&t, T_TUPLE, ok);
}

static struct value *alt_tuple(const struct cert_info *ci, char **cause)
{
	struct vals t = vals_new(ci->nalt);
	bool ok = true;
	for (size_t i = 0; ok && i < ci->nalt; i++) {
		const struct cert_altname *a = &ci->alt[i];
		struct value *k = text(&a->type, cause);
		struct value *p = !k ? NULL
		                  : pair(k, a->is_dir ? name_tuple(&a->dir, cause)
		                                      : text(&a->value, cause));
		if ((ok = p != NULL))
			t.v[t.n++] = p;
	}
	return vals_end(&t, T_TUPLE, ok);
}

static struct value *strs_tuple(const struct cert_strs *s, char **cause)
{
	struct vals t = vals_new(s->n);
	bool ok = true;
	for (size_t i = 0; ok && i < s->n; i++)
		if ((ok = (t.v[t.n] = text(&s->items[i], cause)) != NULL))
			t.n++;
	return vals_end(&t, T_TUPLE, ok);
}

/* KEY: V into the dict D; false (and nothing added) when V is NULL. */
static bool put(struct vals *d, const char *key, struct value *v)
{
	if (!v)
		return false;
	d->v[d->n++] = v_cstr(key);
	d->v[d->n++] = v;
	return true;
}

/* The optional entries: each only when the certificate has it. */
static bool put_extensions(struct vals *d, const struct cert_info *ci,
                           char **cause)
{
	return (!ci->has_alt || put(d, "subjectAltName", alt_tuple(ci, cause))) &&
	       (!ci->ocsp.n || put(d, "OCSP", strs_tuple(&ci->ocsp, cause))) &&
	       (!ci->ca_issuers.n ||
	        put(d, "caIssuers", strs_tuple(&ci->ca_issuers, cause))) &&
	       (!ci->crl.n ||
	        put(d, "crlDistributionPoints", strs_tuple(&ci->crl, cause)));
}

static struct value *dict_of(const struct cert_info *ci, char **cause)
{
	struct vals d = vals_new(2 * 10);
	bool ok = put(&d, "subject", name_tuple(&ci->subject, cause)) &&
	          put(&d, "issuer", name_tuple(&ci->issuer, cause)) &&
	          put(&d, "version", v_int(ci->version)) &&
	          put(&d, "serialNumber", text(&ci->serial, cause)) &&
	          put(&d, "notBefore", text(&ci->not_before, cause)) &&
	          put(&d, "notAfter", text(&ci->not_after, cause)) &&
	          put_extensions(&d, ci, cause);
	return vals_end(&d, T_DICT, ok);
}

struct value *cert_dict_from_der(const unsigned char *der, size_t len,
                                 char **cause)
{
	struct cert_info ci;
	char err[512];
	if (certinfo_decode(der, len, &ci, err, sizeof err)) {
		*cause = xstrdup(err);
		return NULL;
	}
	struct value *d = dict_of(&ci, cause);
	certinfo_free(&ci);
	return d;
}
