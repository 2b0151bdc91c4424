/* check_certdict.c - getpeercert()'s dict against Python's own: each
 * certificate is made here (by ssl.make_test_cert's core, or by the
 * openssl command with every extension CPython decodes), and the repr of
 * cert_dict_from_der on its DER must be what python3's
 * _ssl._test_decode_cert prints for the PEM, error text included. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "lang/certdict.h"
#include "strbuf.h"
#include "suites.h"
#include "../../src/core/tlscert.h"

#if HAVE_OPENSSL

#define DIR_TEMPLATE "/tmp/check-certdict-XXXXXX"
static char dir[sizeof DIR_TEMPLATE];

/* Run the command FMT makes, in the test's directory; it must succeed. */
static void run(const char *fmt, ...)
{
	va_list ap;
	struct strbuf b = {0};
	sb_printf(&b, "cd %s && ", dir);
	va_start(ap, fmt);
	sb_vprintf(&b, fmt, ap);
	va_end(ap);
	sb_adds(&b, " >/dev/null 2>&1");
	int rc = system(b.p);
	ck_assert_msg(rc == 0, "failed (%d): %s", rc, b.p);
	sb_free(&b);
}

/* What a command prints, without its last newline. */
static char *output_of(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	struct strbuf b = {0};
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, p)) > 0)
		sb_add(&b, buf, n);
	ck_assert_int_eq(pclose(p), 0);
	if (b.len && b.p[b.len - 1] == '\n')
		b.p[--b.len] = '\0';
	return sb_take(&b);
}

static char *python_says(const char *pem)
{
	const char *py = getenv("PYTHON3");
	char *cmd = xasprintf(
	    "'%s' -c 'import _ssl, sys\n"
	    "try: print(repr(_ssl._test_decode_cert(sys.argv[1])))\n"
	    "except Exception as e: print(\"error:\", e)' %s/%s",
	    py && *py ? py : "python3", dir, pem);
	char *out = output_of(cmd);
	free(cmd);
	return out;
}

static char *we_say(const char *pem)
{
	run("openssl x509 -in %s -outform DER -out %s.der", pem, pem);
	char *path = xasprintf("%s/%s.der", dir, pem);
	FILE *f = fopen(path, "rb");
	free(path);
	ck_assert_ptr_nonnull(f);
	unsigned char der[65536];
	size_t len = fread(der, 1, sizeof der, f);
	fclose(f);
	char *cause = NULL;
	struct value *d = cert_dict_from_der(der, len, &cause);
	char *r = d ? v_repr(d) : xasprintf("error: %s", cause);
	v_unref(d);
	free(cause);
	return r;
}

/* Ours and Python's for PEM; returns ours for more checks. */
static char *same_as_python(const char *pem)
{
	char *want = python_says(pem);
	char *got = we_say(pem);
	ck_assert_str_eq(got, want);
	free(want);
	return got;
}

static void setup(void)
{
	strcpy(dir, DIR_TEMPLATE);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *cnf = xasprintf("%s/cnf", dir);
	FILE *f = fopen(cnf, "w");
	free(cnf);
	ck_assert_ptr_nonnull(f);
	fputs("[req]\ndistinguished_name = dn\nutf8 = yes\n"
	      "string_mask = utf8only\n[dn]\n"
	      "[full]\nsubjectAltName = DNS:example.org,IP:::1,IP:10.0.0.1,"
	      "email:a@b.test,URI:http://u.test/,RID:1.2.3.4,dirName:dir_sect,"
	      "otherName:1.2.3.4;UTF8:hello\n"
	      "authorityInfoAccess = OCSP;URI:http://ocsp.test/,"
	      "caIssuers;URI:http://ca.test/ca.crt,OCSP;URI:http://ocsp2.test/\n"
	      "crlDistributionPoints = URI:http://crl.test/a.crl,"
	      "URI:http://crl2.test/b.crl\n"
	      "[dir_sect]\nC = DE\nO = Dir Org\nCN = dir name\n"
	      "[bad]\nsubjectAltName = DNS:zzzz.test\n", f);
	ck_assert_int_eq(fclose(f), 0);
}

static void teardown(void)
{
	run("rm -f *");
	rmdir(dir);
	tlscert_cleanup();
}

#define NEWCERT "openssl req -x509 -newkey ec " \
	"-pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout k.pem -days 1 " \
	"-config cnf -utf8"

START_TEST(test_lab_certificate_reads_as_python_reads_it)
{
	char cert[4096], key[4096], err[256];
	ck_assert_int_eq(tlscert_make("localhost", cert, key, sizeof cert, err,
	                              sizeof err), 0);
	run("cp %s lab.pem", cert);
	char *got = same_as_python("lab.pem");
	ck_assert_ptr_nonnull(strstr(got, "'subject': ((('commonName', "
	                                  "'localhost'),),), 'issuer': "
	                                  "((('commonName', 'localhost'),),), "
	                                  "'version': 3, "));
	ck_assert_ptr_nonnull(strstr(got, ", 'subjectAltName': (('DNS', "
	                                  "'localhost'), ('IP Address', "
	                                  "'127.0.0.1'))}"));
	free(got);
}
END_TEST

/* Multi-valued and non-ASCII names, a serial past 35 bytes (OpenSSL
 * breaks its line, and Python keeps the first), every kind of
 * alternative name, OCSP, caIssuers and CRL distribution points. */
START_TEST(test_every_field_reads_as_python_reads_it)
{
	run(NEWCERT " -out full.pem -extensions full -subj "
	    "'/C=CN/ST=\xe5\x8c\x97\xe4\xba\xac/O=Lab/OU=a+CN=b/CN=www.example.org"
	    "/emailAddress=x@y.test' -set_serial 0x0102030405060708090a0b0c0d0e"
	    "0f101112131415161718191a1b1c1d1e1f202122232425262728");
	char *got = same_as_python("full.pem");
	ck_assert_ptr_nonnull(strstr(got, "(('commonName', 'b'), "
	                                  "('organizationalUnitName', 'a'))"));
	ck_assert_ptr_nonnull(strstr(got, "('DirName', ((('countryName', 'DE'),)"));
	ck_assert_ptr_nonnull(strstr(got, "'crlDistributionPoints': "
	                                  "('http://crl.test/a.crl', "
	                                  "'http://crl2.test/b.crl')}"));
	free(got);
}
END_TEST

START_TEST(test_version_1_and_a_negative_serial)
{
	run("openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
	    "-nodes -keyout k.pem -out r.csr -subj /CN=v1 -config cnf && "
	    "openssl x509 -req -in r.csr -key k.pem -out v1.pem -set_serial -5 "
	    "-days 1");
	char *got = same_as_python("v1.pem");
	ck_assert_ptr_nonnull(strstr(got, "'version': 1, 'serialNumber': '-05'"));
	free(got);
}
END_TEST

/* A DNS name with a byte that is not UTF-8 (the certificate patched
 * after signing): Python's UnicodeDecodeError, word for word. */
START_TEST(test_a_name_that_is_not_utf8_fails_as_in_python)
{
	run(NEWCERT " -out ok.pem -extensions bad -subj /CN=x && "
	    "openssl x509 -in ok.pem -outform DER | "
	    "sed 's/zzzz/z\\xffzz/' | openssl x509 -inform DER -out bad.pem");
	char *got = same_as_python("bad.pem");
	ck_assert_str_eq(got, "error: 'utf-8' codec can't decode byte 0xff in "
	                      "position 1: invalid start byte");
	free(got);
}
END_TEST

START_TEST(test_bytes_that_are_no_certificate_are_an_error)
{
	static const unsigned char junk[] = {0x30, 0x03, 0x02, 0x01, 0x05};
	char *cause = NULL;
	ck_assert_ptr_null(cert_dict_from_der(junk, sizeof junk, &cause));
	ck_assert_msg(!strncmp(cause, "not a DER-encoded certificate", 29),
	              "%s", cause);
	free(cause);
	cause = NULL;
	ck_assert_ptr_null(cert_dict_from_der(junk, 0, &cause));
	ck_assert_ptr_nonnull(cause);
	free(cause);
}
END_TEST

Suite *make_certdict_suite(void)
{
	Suite *s = suite_create("certdict");
	TCase *tc = tcase_create("certdict");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_lab_certificate_reads_as_python_reads_it);
	tcase_add_test(tc, test_every_field_reads_as_python_reads_it);
	tcase_add_test(tc, test_version_1_and_a_negative_serial);
	tcase_add_test(tc, test_a_name_that_is_not_utf8_fails_as_in_python);
	tcase_add_test(tc, test_bytes_that_are_no_certificate_are_an_error);
	suite_add_tcase(s, tc);
	return s;
}

#else

START_TEST(test_without_openssl_the_decoder_says_so)
{
	static const unsigned char der[] = {0x30, 0x00};
	char *cause = NULL;
	ck_assert_ptr_null(cert_dict_from_der(der, sizeof der, &cause));
	ck_assert_str_eq(cause, "sockshell was built without OpenSSL "
	                        "(configure --without-openssl, or no libssl-dev)");
	free(cause);
}
END_TEST

Suite *make_certdict_suite(void)
{
	Suite *s = suite_create("certdict");
	TCase *tc = tcase_create("certdict");
	tcase_add_test(tc, test_without_openssl_the_decoder_says_so);
	suite_add_tcase(s, tc);
	return s;
}

#endif
