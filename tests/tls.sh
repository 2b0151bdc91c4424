#!/bin/sh
# TLS as Python's ssl module has it (issue 17), against `openssl s_server`
# on a port the kernel picked, and between a client and a server inside
# one shell on non-blocking sockets: version, cipher, the peer's
# certificate, data both ways, a certificate nobody vouches for, a name
# the certificate does not carry, the handshake messages under `trace on`.
# The certificate is made here, in a temporary directory: none is kept in
# the repository. Without OpenSSL in the build, `import ssl` must say so.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
tmp=$(mktemp -d) || exit 1
srv=
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
. "$(dirname "$0")/tls/s_server.sh"

# check NAME: replay $tmp/NAME.txt, a transcript with @DIR@, @PORT@ and
# @DERLEN@ to fill in.
check() {
	sed -e "s|@DIR@|$tmp|g" -e "s|@PORT@|$port|g" -e "s|@DERLEN@|$derlen|g" \
		"$tmp/$1.in" >"$tmp/$1.txt"
	timeout 60 "$SOCKSHELL" --check "$tmp/$1.txt" >"$tmp/$1.out" 2>&1 ||
		{ cat "$tmp/$1.out"; fail "$1"; }
}

if "$SOCKSHELL" -V | grep -q '^TLS: none'; then
	cat >"$tmp/none.in" <<'EOF'
sock> import ssl
error: import: TLS is not available: sockshell was built without OpenSSL (configure --without-openssl, or no libssl-dev)
sock> ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
error: SSLContext: TLS is not available: sockshell was built without OpenSSL (configure --without-openssl, or no libssl-dev)
EOF
	check none
	echo "PASS: no OpenSSL in this build, and import ssl says so"
	exit 0
fi
command -v openssl >/dev/null || { echo "SKIP: no openssl command"; exit 77; }

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 1 -subj /CN=localhost \
	-addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null ||
	fail "openssl req could not make a certificate"
derlen=$(openssl x509 -in "$tmp/cert.pem" -outform DER | wc -c | tr -d ' ')

start_s_server "$tmp/cert.pem" "$tmp/key.pem" -alpn http/1.1

cat >"$tmp/s_server.in" <<'EOF'
A client that trusts the system's CAs refuses a self-signed certificate:
it tells the server why with an alert, and the socket is closed.

sock> import ssl
sock> ctx = ssl.create_default_context()
sock> ctx.verify_mode
CERT_REQUIRED
sock> ctx.check_hostname
True
sock> s = create_connection(('127.0.0.1', @PORT@))
sock> trace on
sock> t = ctx.wrap_socket(s, server_hostname='localhost')
  tls > ClientHello
  tls < ServerHello, EncryptedExtensions, Certificate
  tls > Alert (fatal, unknown CA)
  close(3) = 0
error: wrap_socket: SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate
sock> trace off

Trusting that certificate, the name must still be in it.

sock> ctx.load_verify_locations('@DIR@/cert.pem')
sock> s = create_connection(('127.0.0.1', @PORT@))
sock> t = ctx.wrap_socket(s, server_hostname='example.org')
error: wrap_socket: SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'example.org'.

With the right name the handshake runs in wrap_socket, message by message.

sock> ctx.set_alpn_protocols(['h2', 'http/1.1'])
sock> s = create_connection(('127.0.0.1', @PORT@))
sock> trace on
sock> t = ctx.wrap_socket(s, server_hostname='localhost')
  tls > ClientHello
  tls < ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished
  tls > Finished
sock> trace off
sock> s
<socket [closed] fd=-1, family=AF_INET, type=SOCK_STREAM, proto=6>
sock> t
<ssl.SSLSocket fd=3, family=AF_INET, type=SOCK_STREAM, proto=6, laddr=('127.0.0.1', ...), raddr=('127.0.0.1', @PORT@), version=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384>
sock> t.version()
'TLSv1.3'
sock> t.cipher()
('TLS_AES_256_GCM_SHA384', 'TLSv1.3', 256)
sock> t.selected_alpn_protocol()
'http/1.1'
sock> len(t.getpeercert(True))
@DERLEN@
sock> t.getpeercert(True)[:2]
b'0\x82'
sock> t.sendall(b'hello\n')
sock> t.recv(100)
b'olleh\n'
sock> t.pending()
0
sock> t.send(b'x', MSG_DONTWAIT)
error: send: non-zero flags not allowed in calls to send() on <class 'ssl.SSLSocket'>
sock> t.close()
sock> t
<ssl.SSLSocket [closed] fd=-1, family=AF_INET, type=SOCK_STREAM, proto=6>
sock> t.version()
sock> t.recv(1)
error: recv: EBADF [Errno 9] Bad file descriptor

TLS 1.2 has more messages, and its own cipher names.

sock> ctx.maximum_version = ssl.TLSVersion.TLSv1_2
sock> ctx.maximum_version
TLSVersion.TLSv1_2
sock> s = create_connection(('127.0.0.1', @PORT@))
sock> trace on
sock> t = ctx.wrap_socket(s, server_hostname='127.0.0.1')
  tls > ClientHello
  tls < ServerHello, Certificate, ServerKeyExchange, ServerHelloDone
  tls > ClientKeyExchange, Finished
  tls < NewSessionTicket, Finished
sock> trace off
sock> t.cipher()
('ECDHE-ECDSA-AES256-GCM-SHA384', 'TLSv1.2', 256)
sock> t.sendall(b'abc\n')
sock> t.recv(100)
b'cba\n'
EOF
check s_server

cat >"$tmp/pair.in" <<'EOF'
A server and a client in one shell, both non-blocking: each do_handshake
goes as far as it can, then says it waits for the other side. The server
sends its two session tickets after the handshake, which the client reads
in its next recv; TCP_NODELAY sends the second without waiting for the
first one's ACK (Nagle), so both are there at once (and so on for every
write here).

sock> import ssl
sock> sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sock> sctx.verify_mode
CERT_NONE
sock> sctx.load_cert_chain('@DIR@/cert.pem', '@DIR@/key.pem')
sock> cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
sock> cctx.load_verify_locations('@DIR@/cert.pem')
sock> sctx.set_alpn_protocols(['http/1.1'])
sock> cctx.set_alpn_protocols(['h2', 'http/1.1'])
sock> cctx.keylog_filename = '@DIR@/pair-keys.log'
sock> l = socket(AF_INET, SOCK_STREAM)
sock> l.bind(('127.0.0.1', 0))
sock> l.listen()
sock> c = socket(AF_INET, SOCK_STREAM)
sock> c.setblocking(False)
sock> c.connect_ex(l.getsockname())
EINPROGRESS
sock> ct = cctx.wrap_socket(c, server_hostname='localhost', do_handshake_on_connect=False)
sock> a, addr = l.accept()
sock> a.setblocking(False)
sock> a.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)
sock> ct.setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)
sock> st = sctx.wrap_socket(a, server_side=True, do_handshake_on_connect=False)
sock> st.version()
sock> trace on
sock> ct.do_handshake()
  tls > ClientHello
error: do_handshake: SSLWantReadError: The operation did not complete (read)
sock> st.do_handshake()
  tls < ClientHello
  tls > ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished
error: do_handshake: SSLWantReadError: The operation did not complete (read)
sock> ct.do_handshake()
  tls < ServerHello, EncryptedExtensions, Certificate, CertificateVerify, Finished
  tls > Finished
sock> st.do_handshake()
  tls < Finished
  tls > NewSessionTicket, NewSessionTicket
sock> ct.recv(10)
  tls < NewSessionTicket, NewSessionTicket
error: recv: SSLWantReadError: The operation did not complete (read)
sock> trace off
sock> st.getpeercert()
sock> st.getpeercert(True)
sock> ct.selected_alpn_protocol()
'http/1.1'
sock> st.selected_alpn_protocol()
'http/1.1'
sock> handles
...
ct: TLS client, TLSv1.3, TLS_AES_256_GCM_SHA384
st: TLS server, TLSv1.3, TLS_AES_256_GCM_SHA384
sock> ct.send(b'hello')
5
sock> st.recv(3)
b'hel'
sock> st.pending()
2
sock> st.recv(10)
b'lo'
sock> st.makefile('rb')
error: makefile: not on a TLS socket here: it would pass TLS by (use recv and sendall)
sock> st.sendto(b'x', ('127.0.0.1', 1))
error: sendto: sendto not allowed on instances of <class 'ssl.SSLSocket'>

unwrap ends TLS with a close_notify each way, and the same connection
goes on in plain text. The first side to ask waits for the other's.

sock> ct.unwrap()
error: unwrap: SSLWantReadError: The operation did not complete (read)
sock> ps = st.unwrap()
sock> pc = ct.unwrap()
sock> pc.send(b'plain')
5
sock> ps.recv(10)
b'plain'
sock> handles
...

A TLS listening socket: accept wraps each connection server-side, with
the listener's context. With a timeout, a handshake whose peer does not
answer ends as Python's does.

sock> ls = sctx.wrap_socket(create_server(('127.0.0.1', 0)), server_side=True, do_handshake_on_connect=False)
sock> c2 = cctx.wrap_socket(create_connection(ls.getsockname()), server_hostname='localhost', do_handshake_on_connect=False)
sock> s2, addr = ls.accept()
sock> s2
<ssl.SSLSocket fd=..., family=AF_INET, type=SOCK_STREAM, proto=0, laddr=('127.0.0.1', ...), raddr=('127.0.0.1', ...)>
sock> s2.settimeout(0.2)
sock> s2.do_handshake()
error: do_handshake: The handshake operation timed out
sock> s2.recv(10)
error: recv: The read operation timed out

A server refuses what a server cannot do.

sock> s2.connect(('127.0.0.1', 1))
error: connect: can't connect in server-side mode
sock> cctx.wrap_socket(socket(), server_side=True)
error: wrap_socket: check_hostname requires server_hostname
sock> sctx.wrap_socket(create_connection(l.getsockname()))
error: wrap_socket: SSLError: Cannot create a client socket with a PROTOCOL_TLS_SERVER context
EOF
check pair

cat >"$tmp/ctx.in" <<'EOF'
The context's settings, as Python keeps them.

sock> import ssl
sock> ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
sock> ctx
<ssl.SSLContext object>
sock> ctx.protocol
PROTOCOL_TLS_CLIENT
sock> ctx.minimum_version
TLSVersion.MINIMUM_SUPPORTED
sock> ctx.maximum_version
TLSVersion.MAXIMUM_SUPPORTED
sock> ctx.verify_mode = ssl.CERT_NONE
error: verify_mode: Cannot set verify_mode to CERT_NONE when check_hostname is enabled.
sock> ctx.check_hostname = False
sock> ctx.verify_mode = ssl.CERT_NONE
sock> ctx.verify_mode
CERT_NONE
sock> ctx.check_hostname = True
sock> ctx.verify_mode
CERT_REQUIRED
sock> ctx.minimum_version = 5
error: minimum_version: Unsupported TLS/SSL version 0x5
sock> ctx.minimum_version = ssl.TLSVersion.TLSv1_3
sock> ctx.minimum_version
TLSVersion.TLSv1_3
sock> ctx.set_ciphers('NOTHING-AT-ALL')
error: set_ciphers: SSLError: ('No cipher can be selected.',)
sock> ctx.load_cert_chain('@DIR@/absent.pem')
error: load_cert_chain: ENOENT [Errno 2] No such file or directory
sock> ctx.keylog_filename
sock> ctx.keylog_filename = '@DIR@/keys.log'
sock> ctx.keylog_filename
'@DIR@/keys.log'
sock> s = socket()
sock> s.version()
error: version: 'socket' object has no attribute 'version'
EOF
check ctx
head -n 1 "$tmp/keys.log" | grep -qx '# TLS secrets log file, generated by OpenSSL / Python' ||
	fail "keylog_filename: the file does not start as Python starts it"
# One TLS 1.3 handshake: five secrets, each on a line of its label, the
# client's random and the secret, as Wireshark reads them.
want='CLIENT_HANDSHAKE_TRAFFIC_SECRET CLIENT_TRAFFIC_SECRET_0 EXPORTER_SECRET SERVER_HANDSHAKE_TRAFFIC_SECRET SERVER_TRAFFIC_SECRET_0'
got=$(sed 1d "$tmp/pair-keys.log" | awk 'NF == 3 { print $1 }' | sort | tr '\n' ' ')
[ "$got" = "$want " ] || fail "keylog_filename wrote: $(cat "$tmp/pair-keys.log")"
echo "PASS: tls"
