#!/bin/sh
# Every start maps what the shell links, and each library costs resident
# memory (doc/performance.md): the math library alone cost an idle shell
# about 350 KiB, for one fmin call. The shell calls no function of libm
# (the linker then leaves it out; GCC inlines floor and ceil), and
# OpenSSL is loaded on import ssl, not linked (src/core/tlslib.h).
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
for tool in nm readelf; do
	command -v $tool >/dev/null 2>&1 || { echo "SKIP: no $tool"; exit 77; }
done
libm=$(${CC:-cc} -print-file-name=libm.so.6 2>/dev/null)
libc=$(${CC:-cc} -print-file-name=libc.so.6 2>/dev/null)
[ -f "$libm" ] && [ -f "$libc" ] || { echo "SKIP: libm.so.6 not found"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
defined() { nm -D --defined-only "$1" | awk '{print $3}' | sed 's/@.*//' | sort -u; }
defined "$libm" >"$tmp/libm"
defined "$libc" >"$tmp/libc"
nm -D --undefined-only "$SOCKSHELL" | awk '{print $2}' | sed 's/@.*//' |
	sort -u >"$tmp/used"
# In libm and not in libc (an ASan build's interceptors are in neither).
math=$(comm -12 "$tmp/used" "$tmp/libm" | comm -23 - "$tmp/libc")
[ -z "$math" ] || { echo "FAIL: the shell calls libm's $math"; exit 1; }
if readelf -d "$SOCKSHELL" | grep -E 'NEEDED.*lib(ssl|crypto)\.so' >/dev/null; then
	echo "FAIL: $SOCKSHELL links OpenSSL"
	exit 1
fi
echo "PASS: no libm function called, OpenSSL not linked"
