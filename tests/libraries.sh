#!/bin/sh
# Every start maps what the shell links, and each library costs resident
# memory (doc/performance.md): the math library alone cost an idle shell
# about 350 KiB, for one fmin call. The shell calls no function of libm
# but floor and ceil, which GCC inlines when it optimises (an -O0 build,
# the sanitizers', calls them), so the linker leaves libm out; OpenSSL is
# loaded on import ssl (src/core/tlslib.h) and the line editor when a
# terminal wants it (src/shell/session/editlib.h), neither linked.
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
math=$(comm -12 "$tmp/used" "$tmp/libm" | comm -23 - "$tmp/libc" |
	grep -vx -e floor -e ceil)
[ -z "$math" ] || { echo "FAIL: the shell calls libm's $math"; exit 1; }
linked=$(readelf -d "$SOCKSHELL" |
	grep -oE 'NEEDED.*\[lib(ssl|crypto|readline|edit|tinfo)\.so[^]]*' |
	sed 's/.*\[//')
[ -z "$linked" ] || { echo "FAIL: $SOCKSHELL links" $linked; exit 1; }
echo "PASS: no libm function called; OpenSSL and the line editor not linked"
