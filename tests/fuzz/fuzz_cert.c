/* fuzz_cert.c - libFuzzer harness: getpeercert()'s decoder on any bytes
 * as a DER certificate (seeded with real ones, which mutations bend into
 * odd names, alternative names, extensions and strings). It decodes or
 * says why not; its dict prints. Nothing may crash, hang or leak, an
 * OpenSSL object included. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "shell/lang/certdict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cause = NULL;
	struct value *d = cert_dict_from_der(data, size, &cause);
	if (!d == !cause)
		abort(); /* a dict, or a reason: never both, never neither */
	if (d)
		free(v_repr(d));
	v_unref(d);
	free(cause);
	v_pool_drain();
	return 0;
}
