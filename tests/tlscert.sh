#!/bin/sh
# ssl.make_test_cert makes what the TLS lab needs, as a user would check
# it: openssl reads a P-256 certificate for the name and 127.0.0.1, valid
# from a minute ago for a day; openssl verify takes it as its own trust
# anchor; python3's ssl loads the pair and a client trusting the
# certificate completes a handshake, checking the host name. The key is
# private (0600 in a 0700 directory), and the directory goes when the
# shell exits. Skips (77) without OpenSSL in the build or the openssl
# command.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
PYTHON3=${PYTHON3:-python3}
tmp=$(mktemp -d) || exit 1
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

command -v openssl >/dev/null || { echo "SKIP: no openssl command"; exit 77; }

# The shell keeps running (its directory with it) while the checks read
# the files: statements go in through a pipe, answers come back in order.
mkfifo "$tmp/in"
: >"$tmp/out" # read before the shell, blocked on the pipe, opens it
"$SOCKSHELL" <"$tmp/in" >"$tmp/out" 2>&1 &
pid=$!
exec 3>"$tmp/in"
say() { echo "$1" >&3; }
# Wait for line N of the shell's output.
line() {
	i=0
	while [ "$(wc -l <"$tmp/out")" -lt "$1" ]; do
		i=$((i + 1))
		[ $i -lt 100 ] || fail "no answer $1 from the shell: $(cat "$tmp/out")"
		sleep 0.1
	done
	sed -n "$1p" "$tmp/out"
}

say "cert, key = ssl.make_test_cert('localhost')"
say "echo cert key"
first=$(line 1)
case $first in *'without OpenSSL'*) echo "SKIP: $first"; exit 77 ;; esac
set -- $first
cert=$1 key=$2
dir=$(dirname "$cert")
case $cert in */localhost.pem) ;; *) fail "certificate file '$cert'" ;; esac
[ "$key" = "$dir/localhost.key" ] || fail "key file '$key'"
[ "$(stat -c %a "$dir")" = 700 ] || fail "directory mode $(stat -c %a "$dir")"
[ "$(stat -c %a "$key")" = 600 ] || fail "key mode $(stat -c %a "$key")"

text=$(openssl x509 -in "$cert" -noout -text) || fail "openssl cannot read $cert"
for want in 'ASN1 OID: prime256v1' 'NIST CURVE: P-256' 'Version: 3 (0x2)' \
	'Subject: CN = localhost' 'Issuer: CN = localhost' \
	'DNS:localhost, IP Address:127.0.0.1' 'CA:TRUE' \
	'Signature Algorithm: ecdsa-with-SHA256'; do
	echo "$text" | grep -qF "$want" || fail "no '$want' in: $text"
done

# Valid from a minute ago (give or take the seconds this test took) for
# a day from now.
epoch() { date -d "$(openssl x509 -in "$cert" -noout "$1" | cut -d= -f2)" +%s; }
now=$(date +%s)
start=$(epoch -startdate)
end=$(epoch -enddate)
[ $((now - start)) -ge 55 ] && [ $((now - start)) -le 80 ] ||
	fail "notBefore is $((now - start)) s ago, want 60"
[ $((end - start)) -eq 86460 ] || fail "valid for $((end - start)) s, want 86460"

out=$(openssl verify -CAfile "$cert" "$cert" 2>&1)
[ "$out" = "$cert: OK" ] || fail "openssl verify: $out"
openssl pkey -in "$key" -noout 2>/dev/null || fail "openssl cannot read $key"

if command -v "$PYTHON3" >/dev/null; then
	out=$("$PYTHON3" - "$cert" "$key" <<'EOF' 2>&1
import socket, ssl, sys, threading
cert, key = sys.argv[1:]
server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server.load_cert_chain(cert, key)
client = ssl.create_default_context(cafile=cert)
for name in ('localhost', '127.0.0.1'):
    a, b = socket.socketpair()
    t = threading.Thread(target=lambda: server.wrap_socket(b, server_side=True).close())
    t.start()
    c = client.wrap_socket(a, server_hostname=name)
    print(name, c.version(), c.getpeercert()['subjectAltName'])
    c.close()
    t.join()
EOF
)
	want="localhost TLSv1.3 (('DNS', 'localhost'), ('IP Address', '127.0.0.1'))
127.0.0.1 TLSv1.3 (('DNS', 'localhost'), ('IP Address', '127.0.0.1'))"
	[ "$out" = "$want" ] || fail "python3's ssl: $out"
fi

# A second pair for another name, an address, and a name that is none.
say "ssl.make_test_cert('::1')[0]"
say "ssl.make_test_cert('a,b')"
[ "$(line 2)" = "'$dir/::1.pem'" ] || fail "::1: $(line 2)"
openssl x509 -in "$dir/::1.pem" -noout -ext subjectAltName | grep -qF \
	'IP Address:0:0:0:0:0:0:0:1, IP Address:127.0.0.1' || fail "no IP SAN for ::1"
want="<stdin>:4: error: make_test_cert: not a host name for a certificate: 'a,b' (an IP address, or up to 64 letters, digits, '-', '_', '.' and '*')"
[ "$(line 3)" = "$want" ] || fail "a,b: $(line 3)"

say "exit"
exec 3>&-
wait "$pid"
pid=
[ ! -e "$dir" ] || fail "$dir is still there after the shell exited"
exit 0
