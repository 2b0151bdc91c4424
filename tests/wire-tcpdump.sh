#!/bin/sh
# The wire view's tcpdump lines against tcpdump's own: the recorded
# frames of the unit tests (tests/unit/wire_frames.c: captured on
# loopback, then cut short or malformed at each layer) written as a pcap,
# and a fresh capture of the lab's scenes (tests/wire/capture.py, in a
# user + network namespace), each read back by `tcpdump -n -r` (with and
# without -t; TZ=UTC) and by our decoder (tests/wire/pcap-lines), line
# for line. tcpdump's hex dump of a frame it cannot decode (lines that
# begin with a tab) is not part of the wire view. Skips (77) without
# tcpdump; the fresh capture is left out where namespaces are refused.
set -u
lines=${top_builddir:-.}/tests/wire/pcap-lines
here=$(cd "$(dirname "$0")" && pwd)
command -v tcpdump >/dev/null 2>&1 || { echo "SKIP: tcpdump is not installed"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
status=0

# compare PCAP [-t]
compare() {
	TZ=UTC tcpdump -n ${2:+"$2"} -r "$1" 2>"$tmp/err" | grep -v "$(printf '^\t')" |
		sed 's/ *$//' >"$tmp/theirs"
	TZ=UTC "$lines" ${2:+"$2"} "$1" >"$tmp/ours" || { cat "$tmp/err"; status=1; return; }
	n=$(wc -l <"$tmp/ours")
	if [ "$n" -gt 0 ] && diff -u "$tmp/theirs" "$tmp/ours"; then
		echo "ok: $(basename "$1") ${2:-}: $n lines as tcpdump prints them"
	else
		echo "FAIL: $(basename "$1") ${2:-} differs from tcpdump -n ${2:-} -r"
		status=1
	fi
}

"$lines" write "$tmp/recorded.pcap" || exit 1
compare "$tmp/recorded.pcap" -t
compare "$tmp/recorded.pcap"

python=${PYTHON3:-python3}
if command -v unshare >/dev/null 2>&1 && command -v ip >/dev/null 2>&1 &&
	unshare -rn true 2>/dev/null; then
	if unshare -rn "$python" "$here/wire/capture.py" "$tmp/live.pcap"; then
		compare "$tmp/live.pcap" -t
		compare "$tmp/live.pcap"
	else
		echo "FAIL: the capture in a namespace failed"
		status=1
	fi
else
	echo "fresh capture left out: no user + network namespace here (unshare -rn)"
fi
exit $status
