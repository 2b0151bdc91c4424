#!/bin/sh
# Tab completion in a real terminal, as the command table describes each
# parameter: commands, variables, methods, constants per argument (levels
# then their options, flags after '|'), socket variables, file names; the
# Python form too, and a list on the second Tab.
. "$(dirname "$0")/lib.sh"

mkdir -p "$work/lessons" "$work/sockdir"
: >"$work/lessons/intro.txt"
: >"$work/lessons/more.txt"

start '"$SS" -q'
ready

if [ "$EDITOR_NAME" = plain ]; then
	# No completion to test: a Tab is only a blank in the line read.
	send "echo a"
	key Tab
	send "b"
	key Enter
	expect_line "a b"
	ready
	pass "plain reader: a Tab is read as a blank"
	echo "SKIP: the plain reader (configure --without-readline) has no completion"
	exit 77
fi

expect_completion "socketp" "socketpair "
clear_line
expect_completion "socket.socketp" "socket.socketpair "
clear_line
expect_completion "struct.unp" "struct.unpack "
clear_line
expect_completion "int.from_" "int.from_bytes "
clear_line
pass "command names"

expect_completion "s = socket AF_IN" "s = socket AF_INET"
expect_listing AF_INET AF_INET6
expect_completion " SOCK_ST" "s = socket AF_INET SOCK_STREAM "
key Enter
ready
expect_completion "t = socket(AF_INET, SOCK_DG" "t = socket(AF_INET, SOCK_DGRAM"
send ")"
key Enter
ready
expect_output "t.type" "SOCK_DGRAM"
pass "constants by argument, shell and Python form"

expect_completion "s.setso" "s.setsockopt "
expect_completion "SOL_SO" "s.setsockopt SOL_SOCKET "
expect_completion "SO_REUSEA" "s.setsockopt SOL_SOCKET SO_REUSEADDR "
send "1"
key Enter
ready
expect_output "s.getsockopt SOL_SOCKET SO_REUSEADDR" "1"
send "setsockopt s "
key Tab
expect_listing IPPROTO_IP IPPROTO_IPV6 IPPROTO_TCP IPPROTO_UDP SOL_SOCKET
clear_line
expect_completion "s.getsockopt IPPROTO_TCP TCP_NOD" "s.getsockopt IPPROTO_TCP TCP_NODELAY "
clear_line
pass "methods, then the levels, then the options of the level"

expect_completion "s.getsockopt SOL_SOCKET SO_TY" "s.getsockopt SOL_SOCKET SO_TYPE "
clear_line
expect_completion "errno ECONNREF" "errno ECONNREFUSED "
clear_line
expect_completion "trace of" "trace off "
clear_line
expect_completion "import so" "import socket "
clear_line
expect_completion "record of" "record off "
clear_line
expect_completion "help setso" "help setsockopt "
clear_line
pass "each parameter type's own offer: options to read, errno names, on/off, modules, record off, help topics"

expect_completion "s.recv 10 MSG_PEEK|MSG_DONTW" "s.recv 10 MSG_PEEK|MSG_DONTWAIT "
clear_line
expect_completion "s.recv(10, socket.MSG_WAITA" "s.recv(10, socket.MSG_WAITALL"
clear_line
pass "flags after |"

run "x = 42"
run "my_long_name = b'data'"
send "s.shutdown "
key Tab
expect_listing SHUT_RD SHUT_RDWR SHUT_WR
clear_line
send "setsockopt "
key Tab
expect_listing s t
clear_line
expect_completion "s.sendall my_l" "s.sendall my_long_name "
clear_line
expect_completion "my_long_name.dec" "my_long_name.decode "
clear_line
expect_completion "x" "x "
clear_line
expect_completion "repeat 2 s.getsockn" "repeat 2 s.getsockname "
clear_line
pass "variables, their methods (bytes.decode), and only sockets where a socket goes"

expect_completion "source less" "source lessons/"
expect_listing lessons/intro.txt lessons/more.txt
send "i"
key Tab
expect_cursor "sock> source lessons/intro.txt "
clear_line
run "u = socket AF_UNIX"
expect_completion "u.bind sockd" "u.bind sockdir/"
clear_line
pass "file names for source and AF_UNIX addresses"
