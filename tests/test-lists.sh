#!/bin/sh
# Every transcript, lesson, known bug, script test and unit suite must be listed in
# tests/list.am (and a suite in tests/unit/suites.h), or `make check` would
# skip it without a word.
cd "${top_srcdir:-.}" || exit 1
status=0
for f in tests/transcripts/*.txt tests/transcripts-zh/*.txt doc/lessons/*.txt doc/lessons/zh_CN/*.txt doc/examples/*.txt tests/known-bugs/*.txt tests/*.sh tests/tty/*.sh tests/unit/check_*.c; do
	[ -e "$f" ] || continue
	[ "$f" = tests/tty/lib.sh ] || [ "$f" = tests/unit/check_main.c ] && continue
	grep -q "	$f\( \\\\\)\?\$" tests/list.am || { echo "not in tests/list.am: $f (run scripts/update-test-lists)"; status=1; }
done
for f in tests/unit/check_*.c; do
	n=${f#tests/unit/check_}
	[ "$n" = main.c ] && continue
	grep -q "SUITE(${n%.c})" tests/unit/suites.h ||
		{ echo "not in tests/unit/suites.h: $f (run scripts/update-test-lists)"; status=1; }
done
exit $status
