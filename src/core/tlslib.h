/* tlslib.h - OpenSSL 3, loaded when the ssl module is first imported.
 * Linking libssl and libcrypto costs every start about 2 MB of resident
 * memory (their relocations and initialisers), a lesson that never uses
 * TLS included; Python too loads its _ssl module only on `import ssl`.
 * So TLS code calls OpenSSL through the table below, filled by dlopen.
 *
 * Add a function: one X(name) line in TLSLIB_FUNCS; call it as
 * tls_lib.name(...). Its type comes from OpenSSL's own header. */
#ifndef SOCKSHELL_TLSLIB_H
#define SOCKSHELL_TLSLIB_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"

#if HAVE_OPENSSL
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#define TLSLIB_FUNCS(X) \
	X(OpenSSL_version) \
	X(OPENSSL_cleanup) \
	X(ERR_get_error) \
	X(ERR_peek_error) \
	X(ERR_clear_error) \
	X(ERR_error_string_n) \
	X(ERR_reason_error_string) \
	X(ERR_lib_error_string) \
	X(ASN1_OCTET_STRING_free) \
	X(CRYPTO_free) \
	X(ERR_peek_last_error) \
	X(SSL_CIPHER_get_bits) \
	X(SSL_CIPHER_get_name) \
	X(SSL_CIPHER_get_version) \
	X(SSL_CTX_check_private_key) \
	X(SSL_CTX_ctrl) \
	X(SSL_CTX_free) \
	X(SSL_CTX_get_ex_data) \
	X(SSL_CTX_get_verify_mode) \
	X(SSL_CTX_load_verify_locations) \
	X(SSL_CTX_new) \
	X(SSL_CTX_set_alpn_protos) \
	X(SSL_CTX_set_alpn_select_cb) \
	X(SSL_CTX_set_cipher_list) \
	X(SSL_CTX_set_default_verify_paths) \
	X(SSL_CTX_set_ex_data) \
	X(SSL_CTX_set_keylog_callback) \
	X(SSL_CTX_set_options) \
	X(SSL_CTX_set_verify) \
	X(SSL_CTX_use_PrivateKey_file) \
	X(SSL_CTX_use_certificate_chain_file) \
	X(SSL_alert_desc_string_long) \
	X(SSL_alert_type_string_long) \
	X(SSL_ctrl) \
	X(SSL_do_handshake) \
	X(SSL_free) \
	X(SSL_get0_alpn_selected) \
	X(SSL_get0_param) \
	X(SSL_get1_peer_certificate) \
	X(SSL_get_SSL_CTX) \
	X(SSL_get_current_cipher) \
	X(SSL_get_error) \
	X(SSL_get_verify_result) \
	X(SSL_get_version) \
	X(SSL_new) \
	X(SSL_pending) \
	X(SSL_read_ex) \
	X(SSL_select_next_proto) \
	X(SSL_set_accept_state) \
	X(SSL_set_connect_state) \
	X(SSL_set_fd) \
	X(SSL_set_msg_callback) \
	X(SSL_shutdown) \
	X(SSL_write_ex) \
	X(TLS_method) \
	X(TLS_server_method) \
	X(X509_VERIFY_PARAM_set1_host) \
	X(X509_VERIFY_PARAM_set1_ip_asc) \
	X(X509_VERIFY_PARAM_set_hostflags) \
	X(X509_free) \
	X(X509_verify_cert_error_string) \
	X(a2i_IPADDRESS) \
	X(i2d_X509) \
	TLSLIB_CERT_FUNCS(X)

/* certinfo.c (a certificate as getpeercert shows it) and tlscert.c (the
 * lab's certificate). */
#define TLSLIB_CERT_FUNCS(X) \
	X(ASN1_INTEGER_set_uint64) \
	X(ASN1_STRING_get0_data) \
	X(ASN1_STRING_length) \
	X(ASN1_STRING_to_UTF8) \
	X(ASN1_TIME_print) \
	X(AUTHORITY_INFO_ACCESS_free) \
	X(BIO_ctrl) \
	X(BIO_free) \
	X(BIO_gets) \
	X(BIO_new) \
	X(BIO_s_mem) \
	X(CRL_DIST_POINTS_free) \
	X(EVP_PKEY_Q_keygen) \
	X(EVP_PKEY_free) \
	X(EVP_sha256) \
	X(GENERAL_NAMES_free) \
	X(GENERAL_NAME_print) \
	X(OBJ_obj2nid) \
	X(OBJ_obj2txt) \
	X(OPENSSL_sk_num) \
	X(OPENSSL_sk_value) \
	X(PEM_write_PrivateKey) \
	X(PEM_write_X509) \
	X(RAND_bytes) \
	X(X509V3_EXT_conf_nid) \
	X(X509V3_set_ctx) \
	X(X509_EXTENSION_free) \
	X(X509_NAME_ENTRY_get_data) \
	X(X509_NAME_ENTRY_get_object) \
	X(X509_NAME_ENTRY_set) \
	X(X509_NAME_add_entry_by_txt) \
	X(X509_NAME_entry_count) \
	X(X509_NAME_get_entry) \
	X(X509_add_ext) \
	X(X509_get0_notAfter) \
	X(X509_get0_notBefore) \
	X(X509_get_ext_d2i) \
	X(X509_get_issuer_name) \
	X(X509_get_serialNumber) \
	X(X509_get_subject_name) \
	X(X509_get_version) \
	X(X509_getm_notAfter) \
	X(X509_getm_notBefore) \
	X(X509_gmtime_adj) \
	X(X509_new) \
	X(X509_set_issuer_name) \
	X(X509_set_pubkey) \
	X(X509_set_version) \
	X(X509_sign) \
	X(d2i_X509) \
	X(i2a_ASN1_INTEGER) \
	X(i2t_ASN1_OBJECT)

struct tls_lib {
#define TLSLIB_FIELD(name) __typeof__(name) *name;
	TLSLIB_FUNCS(TLSLIB_FIELD)
#undef TLSLIB_FIELD
};

/* Valid once tls_lib_load returned 0. */
extern struct tls_lib tls_lib;
#endif

/* Load libssl.so.3 and libcrypto.so.3 once. Returns 0, or fills ERR
 * (ERRLEN bytes) with why not: built without OpenSSL, library missing,
 * a function missing. */
int tls_lib_load(char *err, size_t errlen);
/* Whether tls_lib_load has succeeded (nothing is loaded by asking). */
bool tls_lib_loaded(void);
/* OPENSSL_cleanup, then dlclose both libraries; no loading after it. */
void tls_lib_unload(void);

#endif
