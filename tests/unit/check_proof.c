/* check_proof.c - the no-system-call mode the fuzz harnesses run in, and
 * regression tests for what fuzzing, the sanitizers and the fault tests
 * found. */
#include "suites.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "child.h"
#include "file.h"
#include "resolve.h"
#include "sock.h"
#include "commands/cmd.h"
#include "consts.h"
#include "session/shell.h"

/* Run LINE in SH; the output it printed, malloc'd. */
static char *run(struct shell *sh, const char *line)
{
	struct strbuf out = {0};
	out_capture(&out);
	shell_run_line(sh, line, strlen(line));
	out_capture(NULL);
	return out.p ? sb_take(&out) : xstrdup("");
}

static void expect(struct shell *sh, const char *line, const char *want)
{
	char *got = run(sh, line);
	ck_assert_str_eq(got, want);
	free(got);
}

static int traced;

static void count_event(void *ctx, const struct sk_event *ev)
{
	(void)ctx;
	(void)ev;
	traced++;
}

START_TEST(test_forbidden_core)
{
	int p[2];
	ck_assert_int_eq(pipe(p), 0);
	sk_set_trace(count_event, NULL);
	sk_set_forbidden(true);
	ck_assert(sk_forbidden());
	int fd = -7;
	ck_assert_int_eq(sk_socket(AF_INET, SOCK_STREAM, 0, &fd), EPERM);
	ck_assert_int_eq(fd, -7);
	/* The descriptor stays open: close never reached the kernel. */
	ck_assert_int_eq(sk_close(p[0]), EPERM);
	ck_assert_int_ne(fcntl(p[0], F_GETFD), -1);
	struct pollfd pf = {.fd = p[0], .events = POLLIN};
	int n = 0;
	ck_assert_int_eq(sk_poll(&pf, 1, 100, &n), EPERM);
	ck_assert_int_eq(sk_sleep(100), EPERM);
	size_t got = 0;
	char buf[4];
	ck_assert_int_eq(sk_recv(p[0], buf, sizeof buf, 0, -1, NULL, &got), EPERM);
	/* sk_queues' ioctls skipped the switch. */
	int inq = -1, outq = -1;
	ck_assert_int_eq(sk_queues(p[0], &inq, &outq), EPERM);
	char name[IF_NAMESIZE];
	unsigned idx;
	int port;
	ck_assert_int_eq(res_gethostname(name, sizeof name), EPERM);
	ck_assert_int_eq(res_getprotobyname("tcp", &port), EPERM);
	ck_assert_int_eq(res_getservbyname("http", "tcp", &port), EPERM);
	ck_assert_int_eq(res_getservbyport(80, NULL, name, sizeof name), EPERM);
	ck_assert_int_eq(res_if_nametoindex("lo", &idx), EPERM);
	ck_assert_int_eq(res_if_indextoname(1, name), EPERM);
	/* The shell's own files and its --check child, through the core. */
	FILE *f = NULL;
	ck_assert_int_eq(file_open("/etc/hostname", "r", &f), EPERM);
	ck_assert_int_eq(file_open_high("/tmp/sockshell-proof-x", "wx", 100, &f),
	                 EPERM);
	ck_assert_ptr_null(f);
	long long size;
	ck_assert_int_eq(file_open_rb("/etc/hostname", &fd, &size), EPERM);
	ck_assert_int_eq(file_open_private("/etc/hostname", &f), EPERM);
	ck_assert_int_eq(file_write_private("/tmp/sockshell-proof-x", "", 0), EPERM);
	ck_assert_int_eq(file_list_dir("/", NULL, NULL), EPERM);
	ck_assert(!file_is_dir("/"));
	struct child_status st;
	ck_assert_int_eq(child_run(NULL, NULL, 1, &st), EPERM);
	struct addrinfo *ai;
	errno = 0;
	ck_assert_int_eq(res_getaddrinfo("localhost", NULL, NULL, &ai), EAI_SYSTEM);
	ck_assert_int_eq(errno, EPERM);
	ck_assert_int_eq(traced, 0);
	sk_set_forbidden(false);
	ck_assert_int_eq(sk_close(p[0]), 0);
	ck_assert_int_eq(traced, 1);
	sk_set_trace(NULL, NULL);
	close(p[1]);
}
END_TEST

/* `record MODE FILE` in SH (no system calls) is refused with EPERM, and
 * FILE is neither made nor, when it EXISTS, changed. */
static void expect_record_refused(struct shell *sh, const char *mode,
                                  bool exists)
{
	char path[] = "/tmp/sockshell-proof-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, "kept\n", 5), 5);
	close(fd);
	if (!exists)
		unlink(path);
	char *line = xasprintf("record %s%s", mode, path);
	char *want = xasprintf("error: record: %s: EPERM [Errno 1] Operation "
	                       "not permitted\n", path);
	expect(sh, line, want);
	struct stat st;
	if (exists)
		ck_assert(stat(path, &st) == 0 && st.st_size == 5);
	else
		ck_assert_int_eq(access(path, F_OK), -1);
	ck_assert_ptr_null(sh->record);
	unlink(path);
	free(line);
	free(want);
}

START_TEST(test_no_syscalls_shell)
{
	struct shell sh;
	shell_init(&sh);
	sh.no_syscalls = true;
	expect(&sh, "s = socket", "error: socket: EPERM [Errno 1] Operation not permitted\n");
	expect(&sh, "a, b = socketpair", "error: socketpair: EPERM [Errno 1] Operation not permitted\n");
	expect(&sh, "getaddrinfo localhost 80",
	       "error: getaddrinfo: EPERM [Errno 1] Operation not permitted\n");
	expect(&sh, "gethostname", "error: gethostname: EPERM [Errno 1] Operation not permitted\n");
	expect(&sh, "getservbyname http tcp",
	       "error: getservbyname: EPERM [Errno 1] Operation not permitted\n");
	expect(&sh, "if_nameindex", "error: if_nameindex: EPERM [Errno 1] Operation not permitted\n");
	/* Every look-up goes through core/resolve.c, which refuses it. */
	static const char *const lookups[][2] = {
		{"gethostbyname localhost", "gethostbyname"},
		{"gethostbyname_ex localhost", "gethostbyname_ex"},
		{"gethostbyaddr 127.0.0.1", "gethostbyaddr"},
		{"getnameinfo ('127.0.0.1', 80) 0", "getnameinfo"},
		{"getfqdn", "getfqdn"},
		{"getprotobyname tcp", "getprotobyname"},
		{"getservbyport 80", "getservbyport"},
		{"if_nametoindex lo", "if_nametoindex"},
		{"if_indextoname 1", "if_indextoname"},
		/* create_connection resolved its address before the core
		 * refused the socket: an unknown service said EAI_SERVICE. */
		{"create_connection ('', 'nosuchservice')", "create_connection"},
	};
	for (size_t i = 0; i < sizeof lookups / sizeof *lookups; i++) {
		char *want = xasprintf("error: %s: EPERM [Errno 1] Operation not "
		                       "permitted\n", lookups[i][1]);
		expect(&sh, lookups[i][0], want);
		free(want);
	}
	expect(&sh, "sleep 100", "error: sleep: EPERM [Errno 1] Operation not permitted\n");
	expect(&sh, "select [] [] [] 100", "error: select: EPERM [Errno 1] Operation not permitted\n");
	expect(&sh, "source /etc/hostname",
	       "error: source: /etc/hostname: EPERM [Errno 1] Operation not permitted\n");
	/* record made its file under the fuzzers: none of its modes makes,
	 * replaces or appends to one. */
	expect_record_refused(&sh, "", false);
	expect_record_refused(&sh, "-f ", false);
	expect_record_refused(&sh, "-a ", false);
	expect_record_refused(&sh, "-f ", true);
	expect_record_refused(&sh, "-a ", true);
	/* What needs no kernel still works. */
	expect(&sh, "htons 80", "20480\n");
	expect(&sh, "inet_aton 10.0.0.1", "b'\\n\\x00\\x00\\x01'\n");
	shell_free(&sh);
	sk_set_forbidden(false);
}
END_TEST

/* Printing and freeing values recurse: a list nested by assignment in a
 * loop (x = [x]) stops at V_MAX_DEPTH instead of overflowing the stack. */
START_TEST(test_value_depth_limit)
{
	struct shell sh;
	shell_init(&sh);
	expect(&sh, "x = 1; repeat 1100 x = [x]",
	       "error: list: nested too deeply (at most 1000 levels)\n");
	expect(&sh, "y = (x,)", "error: tuple: nested too deeply (at most 1000 levels)\n");
	expect(&sh, "y = x; repeat 999 y = y[0]; y", "[1]\n");
	char *r = run(&sh, "x");
	ck_assert_uint_eq(strlen(r), 2001 + 1);
	free(r);
	shell_free(&sh);
}
END_TEST

/* A Python-form call after the first item of a tuple was re-read from
 * the tuple's start, for ever (fuzz_parse: a timeout and unbounded
 * memory). */
START_TEST(test_tuple_item_call)
{
	struct shell sh;
	shell_init(&sh);
	expect(&sh, "x = (1, htons(80)); x", "(1, 20480)\n");
	expect(&sh, "(htons(80), 2, ntohs(20480))", "(20480, 2, 80)\n");
	expect(&sh, "(AF_BNET,socket(R_PMT.",
	       "error: syntax: expected a name after '.', found end of line "
	       "(column 23)\n");
	shell_free(&sh);
}
END_TEST

/* The 1 GiB cap on * counted list items, not bytes: [1] * 10**9 asked
 * for 8 GB and died "out of memory". */
START_TEST(test_repeat_size_limit)
{
	struct shell sh;
	shell_init(&sh);
	expect(&sh, "x = [1] * 1000000000", "error: *: result too large (over 256 MiB)\n");
	expect(&sh, "x = (1, 2) * 67108865", "error: *: result too large (over 256 MiB)\n");
	expect(&sh, "x = 2 * b'ab' * 536870913", "error: *: result too large (over 256 MiB)\n");
	expect(&sh, "x = [1, 2] * 3; x", "[1, 2, 1, 2, 1, 2]\n");
	shell_free(&sh);
}
END_TEST

/* Chains built by loops in the parser (postfix [0] .a, binary operators,
 * repeat/time statements) were not counted as nesting: 100,000 of them
 * overflowed the stack when the tree was evaluated or freed. */
static void expect_too_deep(const char *head, const char *link, size_t n,
                            const char *tail)
{
	struct strbuf b = {0};
	sb_adds(&b, head);
	for (size_t i = 0; i < n; i++)
		sb_adds(&b, link);
	sb_adds(&b, tail);
	struct shell sh;
	shell_init(&sh);
	char *got = run(&sh, b.p);
	ck_assert_msg(strstr(got, "error: syntax: expression nested too deeply") == got,
	              "%s...: %s", head, got);
	free(got);
	shell_free(&sh);
	sb_free(&b);
}

START_TEST(test_long_chains)
{
	expect_too_deep("x = b'a'", "[0]", 100000, "");
	expect_too_deep("x = 1", " + 1", 100000, "");
	expect_too_deep("x = 1", " * 1", 100000, "");
	expect_too_deep("x = 1", "|1", 100000, "");
	expect_too_deep("echo 1", " |1", 100000, "");
	expect_too_deep("x = s", ".a", 100000, "");
	expect_too_deep("", "repeat 1 ", 100000, "x = 1");
	expect_too_deep("", "time ", 100000, "x = 1");
	struct shell sh;
	shell_init(&sh);
	expect(&sh, "x = 1 + 1 + 1 + 1; x", "4\n");
	expect(&sh, "x = b'abc'[1:][0]; x", "98\n");
	shell_free(&sh);
}
END_TEST

/* cmd_find and cmd_find_method were linear scans over cmd_at, itself a
 * scan (the parser's hottest path); the sorted index must answer as the
 * scan did: the first entry in table order with that name or alias. */
static const struct cmd_entry *scan(int want, int skip, const char *name)
{
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if ((!want || (e->flags & want)) && !(e->flags & skip) &&
		    (!strcmp(e->name, name) || (e->alias && !strcmp(e->alias, name))))
			return e;
	return NULL;
}

START_TEST(test_cmd_index)
{
	const struct cmd_entry *e;
	size_t n = 0;
	for (size_t i = 0; (e = cmd_at(i)); i++, n++) {
		const char *names[2] = {e->name, e->alias};
		for (int k = 0; k < 2 && names[k]; k++) {
			ck_assert_ptr_eq(cmd_find(names[k]),
			                 scan(0, CMD_FILE | CMD_ATTR | CMD_POLL | CMD_SSLCTX,
			                      names[k]));
			ck_assert_ptr_eq(cmd_find_method(T_SSLCTX, names[k]),
			                 scan(CMD_SSLCTX, 0, names[k]));
			ck_assert_ptr_eq(cmd_find_method(T_POLL, names[k]),
			                 scan(CMD_POLL, 0, names[k]));
			ck_assert_ptr_eq(cmd_find_method(T_SOCKET, names[k]),
			                 scan(CMD_METHOD | CMD_ATTR, CMD_FILE | CMD_SSLCTX,
			                      names[k]));
			ck_assert_ptr_eq(cmd_find_method(T_FILE, names[k]),
			                 scan(CMD_FILE, 0, names[k]));
		}
	}
	ck_assert_uint_gt(n, 50);
	ck_assert_ptr_null(cmd_at(n));
	ck_assert_ptr_nonnull(cmd_find("socket"));
	ck_assert_ptr_nonnull(cmd_find_method(T_SOCKET, "recv"));
	ck_assert_ptr_null(cmd_find(""));
	ck_assert_ptr_null(cmd_find("zzzz"));
	ck_assert_ptr_null(cmd_find("AAAA"));
	ck_assert_ptr_null(cmd_find_method(T_SOCKET, "socket"));
}
END_TEST

/* const_lookup was a binary search; now a hash: every name is found, and
 * nothing else. */
START_TEST(test_const_index)
{
	for (size_t i = 0; i < const_count(); i++) {
		const struct sk_const *k = const_at(i);
		ck_assert_ptr_eq(const_lookup(k->name), k);
	}
	ck_assert_ptr_null(const_lookup(""));
	ck_assert_ptr_null(const_lookup("af_inet"));
	ck_assert_ptr_null(const_lookup("AF_INET "));
	ck_assert_ptr_null(const_lookup("AF_INE"));
	ck_assert_ptr_null(const_lookup(NULL));
	ck_assert_int_eq(const_lookup("AF_INET")->value, AF_INET);
}
END_TEST

/* A required raw-text parameter left out reached the handler as NULL:
 * `import` alone crashed, `source` alone printed "(null)" (fuzz_eval). */
START_TEST(test_missing_raw_argument)
{
	struct shell sh;
	shell_init(&sh);
	expect(&sh, "import", "error: import: missing argument 1 (module); usage: import socket\n");
	expect(&sh, "import()", "error: import: missing argument 1 (module); usage: import socket\n");
	expect(&sh, "source", "error: source: missing argument 1 (file); usage: source FILE\n");
	expect(&sh, "repeat 3", "error: repeat: missing argument 2 (statement); usage: repeat N STATEMENT\n");
	expect(&sh, "import socket", "");
	/* Raw texts past CMD_MAXARGS leaked (fuzz_eval; LeakSanitizer). */
	expect(&sh, "source 1.5 1.5 1.5 1.5 1.5 1.5 1.5 1.5 1.5 1.5",
	       "error: source: takes at most 1 argument (10 given); usage: source FILE\n");
	shell_free(&sh);
}
END_TEST

/* An address the binder refuses as the call's first argument: noting
 * where it was typed (for the caret) read the node before the first
 * (fuzz_eval; UBSan: pointer overflow). */
START_TEST(test_refused_first_address)
{
	struct shell sh;
	shell_init(&sh);
	expect(&sh, "create_connection localhost",
	       "error: create_connection: argument 1 (address): expected a host "
	       "and a port, as 127.0.0.1 8080, 127.0.0.1:8080 or ('127.0.0.1', "
	       "8080)\n");
	shell_free(&sh);
}
END_TEST

/* shell_run_file runs a plain script in a regular file as it reads it
 * (a 10,000-socket script held its whole text, and a copy of each line,
 * which put sockshell past a third of Python's peak RSS); the output must
 * be the same by every path: file or not, plain or transcript. */
static char *run_file(const char *text, size_t len, bool regular)
{
	FILE *f = regular ? tmpfile() : fmemopen((void *)text, len, "r");
	ck_assert_ptr_nonnull(f);
	if (regular) {
		ck_assert_uint_eq(fwrite(text, 1, len, f), len);
		rewind(f);
	}
	struct shell sh;
	shell_init(&sh);
	struct strbuf out = {0};
	out_capture(&out);
	int status = shell_run_file(&sh, "F", f);
	out_capture(NULL);
	sb_printf(&out, "status %d\n", status);
	shell_free(&sh);
	fclose(f);
	return sb_take(&out);
}

static void expect_file(const char *text, size_t len, const char *want)
{
	for (int regular = 0; regular < 2; regular++) {
		char *got = run_file(text, len, regular);
		ck_assert_msg(!strcmp(got, want), "%s file: got [%s] want [%s]",
		              regular ? "regular" : "memory", got, want);
		free(got);
	}
}

#define EXPECT_FILE(lit, want) expect_file(lit, sizeof(lit) - 1, want)

START_TEST(test_run_file_paths)
{
	EXPECT_FILE("x = htons 80\r\nx\r\necho 'a\r'\n\nfrob\nx", "20480\na\r\n"
	            "F:5: error: frob: no such variable\n20480\nstatus 0\n");
	EXPECT_FILE("echo one\r", "one\nstatus 0\n");
	EXPECT_FILE("echo one\nexit 4\necho two\n", "one\nstatus 0\n");
	/* A prompt line anywhere makes it a transcript: prompt lines run. */
	EXPECT_FILE("echo prose\nsock> echo one\none\nsock>\nsock> x\n",
	            "one\nF:5: error: x: no such variable\nstatus 1\n");
	/* A NUL byte refuses its line, as in Python; the next line runs. */
	EXPECT_FILE("echo a\0b\necho c\n",
	            "F:1: error: syntax: source code cannot contain null bytes "
	            "(column 7)\nc\nstatus 0\n");
	EXPECT_FILE("", "status 0\n");
}
END_TEST

Suite *make_proof_suite(void)
{
	Suite *s = suite_create("proof");
	TCase *tc = tcase_create("no_syscalls");
	tcase_add_test(tc, test_forbidden_core);
	tcase_add_test(tc, test_no_syscalls_shell);
	suite_add_tcase(s, tc);
	tc = tcase_create("limits");
	tcase_add_test(tc, test_value_depth_limit);
	tcase_add_test(tc, test_repeat_size_limit);
	suite_add_tcase(s, tc);
	tc = tcase_create("speed");
	tcase_add_test(tc, test_cmd_index);
	tcase_add_test(tc, test_const_index);
	tcase_add_test(tc, test_run_file_paths);
	suite_add_tcase(s, tc);
	tc = tcase_create("fuzz");
	tcase_add_test(tc, test_tuple_item_call);
	tcase_add_test(tc, test_long_chains);
	tcase_add_test(tc, test_missing_raw_argument);
	tcase_add_test(tc, test_refused_first_address);
	suite_add_tcase(s, tc);
	return s;
}
