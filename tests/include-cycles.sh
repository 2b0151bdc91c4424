#!/bin/sh
# The include graph of src/ has no circle: a module (x.c with x.h) that
# includes another which, through any chain, includes it back cannot be
# read, tested or moved on its own. A header with no .c of its own (i18n.h,
# a module's internal header) is no module: what it includes counts as
# included by each file that includes it. Prints each circle found (a
# strongly connected set of modules, with the includes that close it) and
# fails.
#   sh tests/include-cycles.sh [SRCDIR]
src=${1:-${top_srcdir:-.}/src}
cd "$src" || exit 99
find . -name '*.[ch]' | sort | while read -r f; do
	printf 'file %s\n' "$f"
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
		while read -r inc; do printf 'inc %s %s\n' "$f" "$inc"; done
done | awk '
# A file named relative to the includer, "./" and "../" resolved, less
# its extension: x.c and x.h are one module.
function module(path,   n, i, k, part, out) {
	n = split(path, part, "/")
	k = 0
	for (i = 1; i <= n; i++) {
		if (part[i] == "." || part[i] == "")
			continue
		if (part[i] == ".." && k > 0) { k--; continue }
		out[++k] = part[i]
	}
	path = out[1]
	for (i = 2; i <= k; i++)
		path = path "/" out[i]
	sub(/\.[ch]$/, "", path)
	return path
}
function dir(path) {
	if (path !~ /\//)
		return "."
	sub(/\/[^\/]*$/, "", path)
	return path
}
$1 == "file" && $2 ~ /\.c$/ { has_c[module($2)] = 1 }
$1 == "inc" {
	from = module($2)
	to = module(dir($2) "/" $3)
	if (from != to && !((from, to) in raw)) {
		raw[from, to] = $2 " includes " $3
		out[from] = out[from] " " to
	}
}
# The modules FROM reaches from V, passing through header-only ones; WHY
# is the chain of includes that led to V ("" at FROM itself).
function reach(from, v, why,   list, n, i, w, how) {
	n = split(out[v], list, " ")
	for (i = 1; i <= n; i++) {
		w = list[i]
		how = why == "" ? raw[v, w] : why ", which includes " w ".h"
		if (w == from || (from, w) in edge)
			continue
		if (w in has_c) {
			edge[from, w] = how
			succ[from] = succ[from] " " w
		} else if (!((from, w) in via)) {
			via[from, w] = 1
			reach(from, w, how)
		}
	}
}
# Tarjan: each strongly connected set of more than one module is a circle.
function visit(v,   list, n, i, w, member, c) {
	index_of[v] = lowlink[v] = ++counter
	stack[++top] = v
	on_stack[v] = 1
	n = split(succ[v], list, " ")
	for (i = 1; i <= n; i++) {
		w = list[i]
		if (!(w in index_of)) {
			visit(w)
			if (lowlink[w] < lowlink[v])
				lowlink[v] = lowlink[w]
		} else if (on_stack[w] && index_of[w] < lowlink[v]) {
			lowlink[v] = index_of[w]
		}
	}
	if (lowlink[v] != index_of[v])
		return
	c = 0
	do {
		w = stack[top--]
		on_stack[w] = 0
		member[++c] = w
	} while (w != v)
	if (c > 1)
		report(member, c)
}
function report(member, c,   i, j, in_set) {
	circles++
	printf "circle %d:", circles
	for (i = c; i >= 1; i--) {
		printf " %s", member[i]
		in_set[member[i]] = 1
	}
	printf "\n"
	for (i = c; i >= 1; i--)
		for (j = c; j >= 1; j--)
			if ((member[i], member[j]) in edge)
				printf "  %s\n", edge[member[i], member[j]]
}
END {
	for (v in has_c)
		reach(v, v, "")
	for (v in has_c)
		if (!(v in index_of))
			visit(v)
	exit circles > 0
}'
