#!/bin/sh
# Simplified Chinese (issue 8). The catalogue po/zh_CN.po translates every
# message and po/sockshell.pot lists every message the sources mark; with
# LANG=zh_CN.UTF-8 help is Chinese; tests/transcripts-zh/*.txt and the
# Chinese lessons doc/lessons/zh_CN/*.txt (Chinese messages) pass with
# --check-locale=zh_CN.UTF-8; and --check compares in C whatever LANG says.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
srcdir=${top_srcdir:-.}
for tool in msgfmt msgattrib msgcat xgettext; do
	command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool not found (gettext)"; exit 77; }
done
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
status=0
fail() {
	echo "FAIL: $*"
	status=1
}

# ---- the catalogue ----
po=$srcdir/po/zh_CN.po
if ! msgfmt -c --statistics -o "$tmp/sockshell.mo" "$po" 2>"$tmp/stats"; then
	cat "$tmp/stats"
	fail "msgfmt -c rejects po/zh_CN.po"
fi
cat "$tmp/stats"
msgattrib --untranslated --no-obsolete "$po" >"$tmp/untranslated"
msgattrib --only-fuzzy --no-obsolete "$po" >"$tmp/fuzzy"
for what in untranslated fuzzy; do
	# The header entry is printed whatever is left; any other msgid is one.
	if [ "$(grep -c '^#:' "$tmp/$what")" -ne 0 ]; then
		grep -A2 '^#:' "$tmp/$what" | head -n 20
		fail "po/zh_CN.po has $what messages (above)"
	fi
done

# The msgids of a catalogue, one per line, sorted.
msgids() {
	msgcat --no-location --no-wrap --sort-output "$1" |
		grep -E '^msgid(_plural)? ' | grep -v '^msgid ""$'
}
# xgettext over po/POTFILES.in with po/Makevars' options, as update-po runs it.
opts=$(sed -n '/^XGETTEXT_OPTIONS *=/,/[^\\]$/p' "$srcdir/po/Makevars" |
	sed 's/^XGETTEXT_OPTIONS *= *//; s/\\$//' | tr '\n' ' ')
# shellcheck disable=SC2086
xgettext --default-domain=sockshell --directory="$srcdir" \
	--files-from="$srcdir/po/POTFILES.in" $opts -o "$tmp/now.pot" ||
	fail "xgettext failed"
msgids "$tmp/now.pot" >"$tmp/now"
msgids "$srcdir/po/sockshell.pot" >"$tmp/pot"
msgattrib --no-obsolete "$po" >"$tmp/live.po"
msgids "$tmp/live.po" >"$tmp/po"
if ! diff -u "$tmp/pot" "$tmp/now" >"$tmp/diff"; then
	head -n 40 "$tmp/diff"
	fail "po/sockshell.pot is out of date: make -C po update-po"
fi
if ! diff -u "$tmp/po" "$tmp/now" >"$tmp/diff"; then
	head -n 40 "$tmp/diff"
	fail "po/zh_CN.po does not have the sources' messages: make -C po update-po, then translate"
fi
# Every file that marks a message is one xgettext reads.
for f in $(cd "$srcdir" && grep -rlE '(^|[^A-Za-z0-9_])N?_\("' src --include='*.c'); do
	grep -qx "$f" "$srcdir/po/POTFILES.in" || fail "$f marks messages but is not in po/POTFILES.in"
done

# ---- the shell in Chinese ----
if "$SOCKSHELL" -V | grep -q -- '--disable-nls'; then
	echo "SKIP: built with --disable-nls"
	[ $status -eq 0 ] && exit 77
	exit $status
fi
if ! locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8'; then
	echo "SKIP: the zh_CN.UTF-8 locale is not installed; as root:"
	echo "      localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 (scripts/test does it)"
	[ $status -eq 0 ] && exit 77
	exit $status
fi
mkdir -p "$tmp/locale/zh_CN/LC_MESSAGES"
cp "$tmp/sockshell.mo" "$tmp/locale/zh_CN/LC_MESSAGES/sockshell.mo"
SOCKSHELL_LOCALEDIR=$tmp/locale
export SOCKSHELL_LOCALEDIR
# LANG alone chooses the language: nothing from the caller overrides it.
zh() {
	env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LC_NUMERIC -u LANGUAGE \
		LANG=zh_CN.UTF-8 "$SOCKSHELL" "$@"
}

zh -c 'help connect' >"$tmp/out" 2>&1
cat >"$tmp/want" <<'EOF'
connect SOCK ADDRESS    （或 SOCK.connect ADDRESS）
  连接到远程地址
Python： sock.connect(address)
C：      connect(2)
常见错误：
  ECONNREFUSED: 那个端口上没有程序在监听
  ETIMEDOUT: 主机没有应答
  EISCONN: 套接字已经连接
  EINPROGRESS: 非阻塞连接正在进行中
示例：   c.connect 127.0.0.1 8080
EOF
diff -u "$tmp/want" "$tmp/out" || fail "LANG=zh_CN.UTF-8 sockshell -c 'help connect'"

# Chinese messages, Python's numbers and reprs.
zh -c "x; s = socket; s.settimeout 1.5; s.gettimeout; s.family; '你好'" >"$tmp/out" 2>&1
cat >"$tmp/want" <<'EOF'
error: x: 没有这个变量
1.5
AF_INET
'你好'
EOF
diff -u "$tmp/want" "$tmp/out" || fail "messages in Chinese, values as Python writes them"

zh -h | head -n 1 >"$tmp/out"
echo '用法：sockshell [选项] [SCRIPT]' >"$tmp/want"
diff -u "$tmp/want" "$tmp/out" || fail "sockshell -h in Chinese"

# The Chinese transcripts and lessons pass in zh_CN.UTF-8, by option or
# environment: a Chinese student sees the messages in Chinese. A wire-lab
# lesson where namespaces are refused is skipped (77), not failed.
notls=$("$SOCKSHELL" -V | grep -c '^TLS: none')
for t in "$srcdir"/tests/transcripts-zh/*.txt "$srcdir"/doc/lessons/zh_CN/*.txt; do
	[ -e "$t" ] || continue
	# A lesson on TLS needs a build with OpenSSL (Makefile.am says so
	# for the English one).
	case $notls$t in 1*-tls.txt) continue ;; esac
	zh --check --check-locale=zh_CN.UTF-8 "$t" >"$tmp/out" 2>&1 || [ $? = 77 ] ||
		{ cat "$tmp/out"; fail "--check --check-locale=zh_CN.UTF-8 $t"; }
	SOCKSHELL_CHECK_LOCALE=zh_CN.UTF-8 "$SOCKSHELL" --check "$t" >"$tmp/out" 2>&1 || [ $? = 77 ] ||
		{ cat "$tmp/out"; fail "SOCKSHELL_CHECK_LOCALE=zh_CN.UTF-8 --check $t"; }
done

# A session recorded in Chinese notes its locale, and --check replays it
# there without being told; an explicit locale still wins.
zh -c "record $tmp/zh-rec.txt; x; htons 80" >/dev/null 2>&1
cat >"$tmp/want" <<'EOF'
# locale: zh_CN.UTF-8
sock> x
error: x: 没有这个变量
sock> htons 80
20480
EOF
diff -u "$tmp/want" "$tmp/zh-rec.txt" || fail "a Chinese recording"
env -u LANG -u LC_ALL -u SOCKSHELL_CHECK_LOCALE "$SOCKSHELL" --check "$tmp/zh-rec.txt" >"$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "--check of a Chinese recording"; }
"$SOCKSHELL" --check --check-locale=C "$tmp/zh-rec.txt" >"$tmp/out" 2>&1 &&
	fail "--check-locale=C passed a Chinese recording"
printf '# locale: xx_YY.UTF-8\nsock> htons 80\n20480\n' >"$tmp/xx.txt"
"$SOCKSHELL" --check "$tmp/xx.txt" >"$tmp/out" 2>&1 && fail "an unknown recorded locale passed"
printf 'FAIL %s\nlocale xx_YY.UTF-8 is not installed (locale -a lists those that are)\n0 passed, 1 failed\n' \
	"$tmp/xx.txt" | diff -u - "$tmp/out" || fail "an unknown recorded locale"

# --check compares in C, English, even for a teacher working in Chinese.
cat >"$tmp/en.txt" <<'EOF'
sock> help htons
htons INT16
  host to network byte order, 16 bits (ports)
Python:  socket.htons(80)
C:       htons(3)
Errors:
  Python int too large: more than 16 bits
Example: htons 80
sock> frob
error: frob: no such variable
EOF
zh --check "$tmp/en.txt" >"$tmp/out" 2>&1 ||
	{ cat "$tmp/out"; fail "LANG=zh_CN.UTF-8 --check of an English transcript"; }

# The Chinese man page renders without a warning.
if command -v man >/dev/null 2>&1 && command -v groff >/dev/null 2>&1; then
	for width in 80 60; do
		env -u LANGUAGE LC_ALL=zh_CN.UTF-8 MANWIDTH=$width man --warnings -l \
			"$srcdir/doc/zh_CN/sockshell.1" 2>&1 >/dev/null | tee "$tmp/out"
		[ -s "$tmp/out" ] && fail "man -l doc/zh_CN/sockshell.1 warns at width $width"
	done
fi

# A locale that is not installed fails the file, saying why.
env -u LC_ALL -u LANGUAGE LANG=C "$SOCKSHELL" --check --check-locale=xx_YY.UTF-8 \
	"$tmp/en.txt" >"$tmp/out" 2>&1
cat >"$tmp/want" <<EOF
FAIL $tmp/en.txt
locale xx_YY.UTF-8 is not installed (locale -a lists those that are)
0 passed, 1 failed
EOF
diff -u "$tmp/want" "$tmp/out" || fail "--check-locale with a locale not installed"

exit $status
