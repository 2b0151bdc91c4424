#!/bin/sh
# getpeercert() as Python's: a client in sockshell and one in python3
# connect to the same `openssl s_server` (a port the kernel picked) and
# print the server's certificate, which carries every part Python
# decodes (multi-valued and non-ASCII names, every kind of alternative
# name, OCSP, caIssuers, CRL distribution points, a 40-byte serial); the
# two lines must be the same. binary_form=True gives the DER openssl
# has. The certificate is made here: none is kept in the repository.
SOCKSHELL=${SOCKSHELL:-./src/sockshell}
PYTHON3=${PYTHON3:-python3}
tmp=$(mktemp -d) || exit 1
srv=
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
. "$(dirname "$0")/tls/s_server.sh"

"$SOCKSHELL" -V | grep -q '^TLS: none' && { echo "SKIP: built without OpenSSL"; exit 77; }
# Before the ssl module joins this build, import ssl names no module.
"$SOCKSHELL" -c 'import ssl' 2>&1 | grep -q "no module 'ssl'" &&
	{ echo "SKIP: no ssl module in this build"; exit 77; }
command -v openssl >/dev/null || { echo "SKIP: no openssl command"; exit 77; }
command -v "$PYTHON3" >/dev/null || { echo "SKIP: no python3"; exit 77; }

cat >"$tmp/cnf" <<'EOF_CNF'
[req]
distinguished_name = dn
utf8 = yes
string_mask = utf8only
[dn]
[full]
subjectAltName = DNS:example.org,IP:::1,IP:127.0.0.1,email:a@b.test,URI:http://u.test/,RID:1.2.3.4,dirName:dir_sect,otherName:1.2.3.4;UTF8:hello
authorityInfoAccess = OCSP;URI:http://ocsp.test/,caIssuers;URI:http://ca.test/ca.crt,OCSP;URI:http://ocsp2.test/
crlDistributionPoints = URI:http://crl.test/a.crl,URI:http://crl2.test/b.crl
[dir_sect]
C = DE
O = Dir Org
CN = dir name
EOF_CNF
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
	-keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 1 -config "$tmp/cnf" \
	-extensions full -utf8 \
	-subj '/C=CN/ST=北京/O=Lab/OU=a+CN=b/CN=www.example.org/emailAddress=x@y.test' \
	-set_serial 0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728 \
	2>/dev/null || fail "openssl req could not make the certificate"

start_s_server "$tmp/cert.pem" "$tmp/key.pem"

# The same statements for both: Python's form is sockshell's too.
cat >"$tmp/client.py" <<EOF_PY
import socket
import ssl
ctx = ssl.create_default_context(cafile='$tmp/cert.pem')
t = ctx.wrap_socket(socket.socket(), server_hostname='example.org')
t.connect(('127.0.0.1', $port))
print(t.getpeercert())
print(len(t.getpeercert(True)))
t.close()
EOF_PY
want=$("$PYTHON3" "$tmp/client.py" 2>&1) || fail "python3: $want"
got=$(timeout 20 "$SOCKSHELL" "$tmp/client.py" 2>&1) || fail "sockshell: $got"
[ "$got" = "$want" ] || fail "getpeercert differs:
python3:   $want
sockshell: $got"
derlen=$(openssl x509 -in "$tmp/cert.pem" -outform DER | wc -c | tr -d ' ')
[ "$(echo "$got" | tail -n 1)" = "$derlen" ] || fail "DER of $derlen bytes, got: $got"
case $got in *"'crlDistributionPoints': ('http://crl.test/a.crl', 'http://crl2.test/b.crl')}"*) ;;
	*) fail "no crlDistributionPoints in: $got" ;; esac
exit 0
