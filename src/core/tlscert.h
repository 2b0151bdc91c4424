/* tlscert.h - a throwaway certificate for the TLS lab: a P-256 key and a
 * self-signed certificate for one host name, made in process with
 * OpenSSL, written to a private directory the shell removes when it
 * exits. What `openssl req -x509` does, without leaving the shell, and
 * without a certificate committed anywhere. Never prints. */
#ifndef SOCKSHELL_TLSCERT_H
#define SOCKSHELL_TLSCERT_H

#include <stdbool.h>
#include <stddef.h>

/* True when HOST can be the certificate's name: an IPv4 or IPv6 address,
 * or 1 to 64 letters, digits, '-', '_', '.' and '*' (a wildcard): the
 * common name holds no more. */
bool tlscert_name_ok(const char *host);

/* Make the key and the certificate for HOST (subjectAltName DNS:HOST, or
 * IP:HOST for an address, and IP:127.0.0.1; valid from a minute ago for
 * a day) and write them as PEM into the private directory (mode 0700,
 * made on the first call) as HOST.pem and HOST.key, replacing an earlier
 * pair for the same name. Their paths go to CERT and KEY (PATHLEN bytes
 * each). Returns 0, or -1 with ERR (ERRLEN bytes) saying why. */
int tlscert_make(const char *host, char *cert, char *key, size_t pathlen,
                 char *err, size_t errlen);

/* Remove the directory and what is in it, if this process made it. */
void tlscert_cleanup(void);

#endif
