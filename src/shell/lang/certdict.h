/* certdict.h - a certificate as the dict Python's getpeercert() returns. */
#ifndef SOCKSHELL_CERTDICT_H
#define SOCKSHELL_CERTDICT_H

#include <stddef.h>
#include "value.h"

/* The DER certificate DER (LEN bytes) as CPython 3.11's
 * _ssl._decode_certificate makes it: subject, issuer, version,
 * serialNumber, notBefore, notAfter, then subjectAltName, OCSP,
 * caIssuers and crlDistributionPoints when the certificate has them.
 * NULL with *CAUSE (malloc'd) when it does not decode, or when a text in
 * it is not UTF-8 (Python's UnicodeDecodeError). */
struct value *cert_dict_from_der(const unsigned char *der, size_t len,
                                 char **cause);

#endif
