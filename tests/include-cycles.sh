#!/bin/sh
# The include graph of src/ has no circle: a module (x.c with x.h) that
# includes another which, through any chain, includes it back cannot be
# read, tested or moved on its own. Prints each circle found (a strongly
# connected set of modules, with the includes that close it) and fails.
#   sh tests/include-cycles.sh [SRCDIR]
src=${1:-${top_srcdir:-.}/src}
cd "$src" || exit 99
find . -name '*.[ch]' | sort | while read -r f; do
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
		while read -r inc; do printf '%s %s\n' "$f" "$inc"; done
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
{
	from = module($1)
	to = module(dir($1) "/" $2)
	nodes[from] = 1
	nodes[to] = 1
	if (from != to && !((from, to) in edge)) {
		edge[from, to] = $1 " includes " $2
		succ[from] = succ[from] " " to
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
	for (v in nodes)
		if (!(v in index_of))
			visit(v)
	exit circles > 0
}'
