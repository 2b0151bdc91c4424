#!/bin/sh
# Differential test: every case of tests/differential/cases.txt runs in
# sockshell and in Python's socket module, and the results must agree
# (tests/differential/driver.py does the work).
top_srcdir=${top_srcdir:-.}
sockshell=${SOCKSHELL:-${top_builddir:-.}/src/sockshell}
case $sockshell in /*) ;; *) sockshell=$(pwd)/$sockshell ;; esac

# A pyenv shim may pick another Python (or none) than the system's.
py=${PYTHON3:-}
case $py in
'' | *pyenv* | */shims/*) [ -x /usr/bin/python3 ] && py=/usr/bin/python3 ;;
esac
[ -n "$py" ] || py=$(command -v python3 2>/dev/null)
if [ -z "$py" ] || ! "$py" -c 'import socket' >/dev/null 2>&1; then
	echo "SKIP: python3 not found"
	exit 77
fi
if [ ! -x "$sockshell" ]; then
	echo "differential.sh: no sockshell binary at $sockshell" >&2
	exit 99
fi
exec "$py" "$top_srcdir/tests/differential/driver.py" "$sockshell" \
	"$top_srcdir/tests/differential/cases.txt"
