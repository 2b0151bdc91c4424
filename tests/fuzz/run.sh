#!/bin/sh
# Build the libFuzzer harnesses with clang (address and undefined
# sanitizers) in a build directory of their own, replay the saved crash
# inputs under tests/fuzz/regress, then fuzz each harness for FUZZ_SECONDS.
#   run.sh DISTDIR BUILDDIR SOCKSHELL
# DISTDIR holds an unpacked copy of the sources (make distdir), because
# the source tree itself is configured in place; SOCKSHELL is a normal
# build, used to write the dictionary (`consts` and `help`).
# Every tests/fuzz/fuzz_NAME.c is a harness, NAME its name (its seeds go in
# $seeds/NAME, its saved crash inputs in regress/NAME).
# FUZZ_SECONDS (default 60) per harness; FUZZ_HARNESSES to pick some.
set -eu
dist=$(cd "$1" && pwd)
build=$2
sockshell=$3
seconds=${FUZZ_SECONDS:-60}
here=$(cd "$(dirname "$0")" && pwd)
all=$(cd "$dist/tests/fuzz" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
harnesses=${FUZZ_HARNESSES:-$all}
mkdir -p "$build"
build=$(cd "$build" && pwd)
command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang libclang-rt-14-dev)"; exit 1; }

san="-fsanitize=address,undefined -fno-sanitize-recover=all"
cflags="-g -O1 -fno-omit-frame-pointer $san"

# The library, instrumented for coverage but without libFuzzer's main.
mkdir -p "$build/obj"
if [ ! -f "$build/obj/Makefile" ] || [ "$dist/configure" -nt "$build/obj/Makefile" ]; then
	echo "== fuzz: configure"
	(cd "$build/obj" && "$dist/configure" -q CC=clang \
		CFLAGS="$cflags -fsanitize=fuzzer-no-link" --without-readline)
fi
echo "== fuzz: build libsockshell.a"
make -s -C "$build/obj" src/core/consts-gen.h libsockshell.a >/dev/null

# The libraries configure found for the library (OpenSSL is not one:
# src/core/tlslib.c loads it when the ssl module is imported).
libs=$(sed -n 's/^\(PCAP_LIBS\) = //p' "$build/obj/Makefile" | tr '\n' ' ')
for h in $all; do
	clang $cflags -fsanitize=fuzzer -std=c11 -Wall -Wextra -Werror -D_GNU_SOURCE=1 \
		-I"$build/obj" -I"$build/obj/src/core" -I"$dist/src" \
		-o "$build/fuzz_$h" "$dist/tests/fuzz/fuzz_$h.c" \
		"$build/obj/libsockshell.a" $libs -lm
done

# Seeds: the statements and whole files of every transcript and lesson.
seeds=$build/seeds
rm -rf "$seeds"
for h in $all; do mkdir -p "$seeds/$h"; done
# struct: a format, a newline, data.
i=0
for f in '!HI' '@bq' '<4sI' '=hHlLqQ' '>cb?x' '3x2s' '!I' 'iI' '0q'; do
	i=$((i + 1))
	printf '%s\n\000P\000\000\000\001caf\303\251\377' "$f" >"$seeds/struct/$i"
done
# packet: the unit tests' recorded frames, each alone and all in a row,
# in the harness's format (a 2-byte length before each frame).
python3 - "$dist/tests/unit/wire_frames.c" "$seeds/packet" <<'PY'
import re, sys
frames = [bytes(int(x, 16) for x in re.findall(r"0x([0-9a-f]{2})", body))
          for body in re.findall(r"\[\] = \{(.*?)\};", open(sys.argv[1]).read(), re.S)]
def rec(b):
    return len(b).to_bytes(2, "big") + b
for i, b in enumerate(frames):
    open("%s/%d" % (sys.argv[2], i), "wb").write(rec(b))
open(sys.argv[2] + "/all", "wb").write(b"".join(rec(b) for b in frames[:64]))
PY
for f in "$dist"/tests/transcripts/*.txt "$dist"/doc/lessons/*.txt \
	"$dist"/doc/lessons/*/*.txt; do
	[ -f "$f" ] || continue
	b=$(basename "$f" .txt)
	cp "$f" "$seeds/transcript/$b"
	cp "$f" "$seeds/utf8/$b"
	sed -n 's/^sock> //p' "$f" >"$seeds/eval/$b"
	sed -n 's/^sock> //p' "$f" |
		awk -v p="$seeds/parse/$b-" '{ f = p NR; printf "%s", $0 > f; close(f) }'
done

# The dictionary: command names, constants and the syntax's own tokens.
dict=$build/sockshell.dict
{
	"$sockshell" -c 'consts' | awk 'NR > 1 { print $1 }'
	"$sockshell" -c 'help' | sed -n 's/^  [a-z ]\{11\}//p; s/^             //p' |
		tr ' ' '\n'
	printf '%s\n' "sock> " "..." "<BLANKLINE>" "socket." "b'" "x'" "0x" \
		"0o" "0b" "None" "True" "False" "\\\\x" "\\\\n" "@" "[::1]:" \
		"127.0.0.1" "MSG_PEEK|MSG_DONTWAIT" "repeat 3" "time" "= " ", "
} | grep -v '^$' | sort -u | sed 's/"/\\"/g; s/^/"/; s/$/"/' >"$dict"

status=0
mkdir -p "$build/artifacts"
for h in $harnesses; do
	corpus=$build/corpus/$h
	mkdir -p "$corpus"
	regress=$here/regress/$h
	if [ -d "$regress" ] && [ -n "$(ls -A "$regress")" ]; then
		echo "== fuzz: $h: replay $(ls "$regress" | wc -l) saved inputs"
		"$build/fuzz_$h" -runs=1 "$regress"/* >"$build/$h-regress.log" 2>&1 || {
			tail -n 40 "$build/$h-regress.log"
			status=1
		}
	fi
	echo "== fuzz: $h: $seconds s"
	if ! "$build/fuzz_$h" -max_total_time="$seconds" -timeout=10 \
		-rss_limit_mb=2560 -max_len=8192 -dict="$dict" \
		-artifact_prefix="$build/artifacts/$h-" -print_final_stats=1 \
		"$corpus" "$seeds/$h" >"$build/$h.log" 2>&1; then
		tail -n 60 "$build/$h.log"
		status=1
	fi
	grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)' \
		"$build/$h.log" | tr '\n' ' '
	echo
done
[ "$status" -eq 0 ] && echo "fuzz: no crash, hang or leak" || echo "fuzz: FAILED (inputs in $build/artifacts)"
exit "$status"
