# s_server.sh - sourced by the TLS tests (tests/tls.sh, tests/getpeercert.sh),
# which define $tmp and fail().
#
# start_s_server CERT KEY [OPTION...]: start `openssl s_server` on a port
# the kernel picks, with -rev (each line answered reversed) and OPTIONs;
# set srv to its pid and port to its port once it listens (5 s at most).
start_s_server() {
	s_cert=$1 s_key=$2
	shift 2
	# Polled below, maybe before s_server has opened it.
	: >"$tmp/s_server.log"
	openssl s_server -accept 127.0.0.1:0 -cert "$s_cert" -key "$s_key" \
		-rev "$@" >"$tmp/s_server.log" 2>&1 &
	srv=$!
	port=
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		port=$(sed -n 's/^ACCEPT 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$tmp/s_server.log")
		[ -n "$port" ] && return 0
		sleep 0.25
	done
	fail "s_server did not start: $(cat "$tmp/s_server.log")"
}
