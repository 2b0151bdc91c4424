#!/bin/sh
# Every transcript, lesson and script test must be listed in tests/list.am,
# or `make check` would skip it without a word.
cd "${top_srcdir:-.}" || exit 1
status=0
for f in tests/transcripts/*.txt tests/transcripts-zh/*.txt doc/lessons/*.txt doc/lessons/zh_CN/*.txt doc/examples/*.txt tests/*.sh tests/tty/*.sh; do
	[ -e "$f" ] || continue
	[ "$f" = tests/tty/lib.sh ] && continue
	grep -q "	$f\( \\\\\)\?\$" tests/list.am || { echo "not in tests/list.am: $f (run scripts/update-test-lists)"; status=1; }
done
exit $status
