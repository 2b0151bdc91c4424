/* fuzz_struct.c - libFuzzer harness: the struct format parser with pack
 * and unpack, and the text codecs, on any bytes. The input is a format,
 * a newline, then data: the data is unpacked, packed as values of every
 * kind pack may be given, and decoded and encoded by each codec with each
 * handler. Nothing may crash, hang or leak. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shell/lang/pycodec.h"
#include "shell/lang/pystruct.h"

/* Values for pack, made from the data: ints, bytes, str, None, floats. */
static struct value *value_from(const uint8_t *p, size_t n, size_t i)
{
	uint8_t kind = n ? p[i % n] : 0;
	unsigned long long u = 0;
	for (size_t k = 0; k < 8 && n; k++)
		u = u << 8 | p[(i + k) % n];
	long long x = (long long)(u >> 1); /* any sign, any size */
	if (u & 1)
		x = -x;
	switch (kind % 5) {
	case 0: return v_int(x);
	case 1: return v_bytes(p, n < 9 ? n : (size_t)(kind % 9));
	case 2: return v_str((const char *)p, n < 3 ? n : 3);
	case 3: return v_none();
	default: return v_int(kind % 2 ? -x : (long long)(int8_t)kind);
	}
}

static void fuzz_pack(const struct pys_format *f, const uint8_t *p, size_t n)
{
	size_t nargs = f->nargs < 64 ? f->nargs : 64;
	struct value *args[64];
	for (size_t i = 0; i < nargs; i++)
		args[i] = value_from(p, n, i);
	char *err = NULL;
	struct value *r = pys_pack(f, args, nargs, &err);
	v_unref(r);
	free(err);
	for (size_t i = 0; i < nargs; i++)
		v_unref(args[i]);
}

static void fuzz_unpack(const struct pys_format *f, const uint8_t *p, size_t n)
{
	char *err = NULL;
	v_unref(pys_unpack(f, p, n, &err));
	free(err);
	err = NULL;
	if (f->size <= n)
		v_unref(pys_unpack(f, p, f->size, &err));
	free(err);
}

static void fuzz_codecs(const uint8_t *p, size_t n)
{
	static const char *const handlers[] = {"strict", "replace", "ignore", "x"};
	for (int c = PYC_UTF8; c <= PYC_LATIN1; c++)
		for (size_t h = 0; h < 4; h++) {
			struct strbuf out = {0};
			char *err = NULL;
			pyc_decode(c, handlers[h], p, n, &out, &err);
			sb_free(&out);
			free(err);
			err = NULL;
			pyc_encode(c, handlers[h], (const char *)p, n, &out, &err);
			sb_free(&out);
			free(err);
		}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t flen = nl ? (size_t)(nl - data) : size;
	const uint8_t *payload = nl ? nl + 1 : data + size;
	size_t plen = size - flen - (nl ? 1 : 0);
	struct pys_format f;
	char *err = NULL;
	if (pys_parse((const char *)data, flen, &f, &err) == 0) {
		fuzz_unpack(&f, payload, plen);
		fuzz_pack(&f, payload, plen);
		pys_free(&f);
	}
	free(err);
	fuzz_codecs(payload, plen);
	v_pool_drain();
	return 0;
}
