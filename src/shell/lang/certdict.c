/* certdict.c - the dict of getpeercert() from what core/certinfo.c read:
 * names as tuples of relative names, each a tuple of (name, value) pairs,
 * in the order and with the keys of CPython's _decode_certificate. */
#include "certdict.h"

#include <stdbool.h>
#include <stdlib.h>

#include "../../core/certinfo.h"
#include "../strbuf.h"
#include "../utf8.h"

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

/* A tuple of N items, item I made by MAKE(ITEMS, I, CAUSE); NULL (what
 * was made let go) when one is NULL. */
typedef struct value *item_fn(const void *items, size_t i, char **cause);

static struct value *tuple_of(size_t n, item_fn *make, const void *items,
                              char **cause)
{
	struct vals t = vals_new(n);
	bool ok = true;
	for (size_t i = 0; ok && i < n; i++)
		if ((ok = (t.v[t.n] = make(items, i, cause)) != NULL))
			t.n++;
	return vals_end(&t, T_TUPLE, ok);
}

/* ('commonName', 'localhost') */
static struct value *attr_item(const void *items, size_t i, char **cause)
{
	const struct cert_attr *a = (const struct cert_attr *)items + i;
	struct value *k = text(&a->name, cause);
	return k ? pair(k, text(&a->value, cause)) : NULL;
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
		struct value *rdn = tuple_of(j - i, attr_item, nm->attrs + i, cause);
		if ((ok = rdn != NULL))
			t.v[t.n++] = rdn;
	}
	return vals_end(&t, T_TUPLE, ok);
}

/* ('DNS', 'localhost'), ('DirName', ((('commonName', 'x'),),)) */
static struct value *alt_item(const void *items, size_t i, char **cause)
{
	const struct cert_altname *a = (const struct cert_altname *)items + i;
	struct value *k = text(&a->type, cause);
	if (!k)
		return NULL;
	return pair(k, a->is_dir ? name_tuple(&a->dir, cause)
	                         : text(&a->value, cause));
}

static struct value *str_item(const void *items, size_t i, char **cause)
{
	return text((const struct cert_str *)items + i, cause);
}

static struct value *strs_tuple(const struct cert_strs *s, char **cause)
{
	return tuple_of(s->n, str_item, s->items, cause);
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
	return (!ci->has_alt || put(d, "subjectAltName",
	                              tuple_of(ci->nalt, alt_item, ci->alt, cause))) &&
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
