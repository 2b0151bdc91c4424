#!/bin/sh
# Every function in src/ is under 80 lines (the house rule: short
# functions, median about 11). Prints the longest ones and the median, and
# fails naming any function of 80 lines or more. Counted from the opening
# brace, alone in column 0 as the code writes it, to the closing one.
#   sh tests/function-length.sh [SRCDIR]
src=${1:-${top_srcdir:-.}/src}
MAX=80
find "$src" -name '*.c' -exec awk -v max="$MAX" '
/^[A-Za-z_].*\(/ { sig = $0; at = FNR }
/^\{/ {
	start = FNR
	name = sig
	sub(/\(.*/, "", name)
	sub(/.*[ *]/, "", name)
}
/^\}/ && start {
	n = FNR - start + 1
	len[++count] = n
	if (n >= max) {
		printf "%s:%d: %s is %d lines (the limit is under %d)\n", FILENAME, at, name, n, max
		long++
	}
	start = 0
}
END {
	# The median, by counting: lengths are small numbers.
	for (i = 1; i <= count; i++)
		hist[len[i]]++
	for (n = 0; seen < (count + 1) / 2; n++)
		seen += hist[n]
	printf "%d functions, median %d lines\n", count, n - 1
	exit long > 0
}' {} +
