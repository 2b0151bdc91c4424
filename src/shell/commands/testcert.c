/* testcert.c - ssl.make_test_cert, sockshell's own (Python has no such
 * function): the certificate and key a TLS lab needs, made in the shell
 * by core/tlscert.c instead of with openssl req beforehand. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/tlscert.h"
#include "common.h"

static enum cmd_status do_make_test_cert(struct cmd_call *c)
{
	const struct value *v = c->argv[0];
	const char *host = v ? v->u.s.p : "localhost";
	if (v && (strlen(host) != v->u.s.len || !tlscert_name_ok(host))) {
		char *r = v_repr(v);
		cmd_fail(c, _("not a host name for a certificate: %s (an IP "
		              "address, or up to 64 letters, digits, '-', '_', '.' "
		              "and '*')"),
		         r);
		free(r);
		return CMD_ERROR;
	}
	char cert[PATH_MAX], key[PATH_MAX], err[512];
	if (tlscert_make(host, cert, key, sizeof cert, err, sizeof err))
		return cmd_fail(c, "%s", err);
	c->result = v_tuple(2, v_cstr(cert), v_cstr(key));
	return CMD_OK;
}

const struct cmd_entry cmd_testcert_table[] = {
	{.name = "make_test_cert", .group = "ssl",
	 .params = {{"hostname", P_STR, PF_OPT}},
	 .exec = do_make_test_cert, .usage = "[HOSTNAME]",
	 .summary = N_("a throwaway certificate and key for HOSTNAME (localhost): "
	               "(certfile, keyfile)"),
	 .notes = N_("sockshell's own, not Python's: a self-signed certificate "
	             "for the TLS lab.\n"
	             "A P-256 key; subjectAltName DNS:HOSTNAME (IP: for an "
	             "address) and IP:127.0.0.1;\n"
	             "valid from a minute ago for a day; both files in a private "
	             "directory\n"
	             "(mode 0700) that goes when the shell exits. A server loads "
	             "them with\n"
	             "ctx.load_cert_chain(cert, key), a client trusts them with\n"
	             "ctx.load_verify_locations(cert)."),
	 .python = N_("(none: openssl req -x509 -newkey ec ... before the script)"),
	 .c_call = "EVP_PKEY_Q_keygen(3), X509_sign(3), PEM_write_X509(3)",
	 .errors = N_("not a host name for a certificate: the name goes into "
	              "the subjectAltName as it is\n"),
	 .example = "cert, key = ssl.make_test_cert('localhost')"},
	{.name = NULL},
};
