/* fuzz_utf8.c - libFuzzer harness: the one UTF-8 decoder on any bytes.
 * Checks what the callers rely on: a step never runs past its input,
 * os.fsdecode then os.fsencode gives the bytes back, what fsdecode makes
 * is a str the repr decoder reads whole, and the codec's first fault is
 * where the lexer's utf8_seq_len first says no. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shell/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_round_trip(const uint8_t *data, size_t size)
{
	struct strbuf s = {0}, back = {0};
	utf8_fsdecode(&s, data, size);
	for (size_t i = 0; i < s.len;) {
		struct utf8_step st = utf8_step((const unsigned char *)s.p + i,
		                                s.len - i, true);
		if (st.fault)
			abort(); /* a str fsdecode made must decode */
		i += st.len;
	}
	utf8_fsencode(&back, s.p ? s.p : "", s.len);
	if (back.len != size || (size && memcmp(back.p, data, size)))
		abort();
	free(s.p);
	free(back.p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct utf8_step bad;
	size_t at = utf8_first_fault(data, size, &bad);
	size_t i = 0;
	while (i < size && utf8_seq_len(data + i, size - i))
		i += utf8_seq_len(data + i, size - i);
	if (i != at || (at < size && (bad.len == 0 || at + bad.len > size)))
		abort();
	if (at < size)
		free(utf8_fault_text(data, at, bad));
	check_round_trip(data, size);
	return 0;
}
