/* wire.c - the `wire` command: the lab's display switches, and the views
 * of everything captured since it started (packetdrill's, the ladder, a
 * pcap file). The capture itself is ../wire.c's. */
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../core/capture.h"
#include "../../core/fds.h"
#include "../../core/sock.h"
#include "../session/output.h"
#include "../wire/packet.h"
#include "../wire/wire.h"
#include "common.h"

#define FILE_WIDTH 80 /* a ladder saved to a file */

static enum cmd_status no_lab(struct cmd_call *c)
{
	return cmd_fail(c, _("not in the wire lab: start the shell with "
	                     "`sockshell --wire` (a private network namespace of "
	                     "its own, where it captures without root)"));
}

static enum cmd_status status(void)
{
	if (!wire_lab()) {
		out_printf(_("nothing is captured: `sockshell --wire` starts the "
		             "lab\n"));
		return CMD_OK;
	}
	size_t n, dropped;
	wire_frames(&n, &dropped);
	out_printf(_("capturing on lo in this shell's network namespace: %zu "
	             "frames kept\n"), n);
	if (dropped)
		out_printf(_("%zu frames not kept (the capture's buffer was full, or "
		             "past the memory limit)\n"), dropped);
	out_printf(_("display %s, timestamps %s\n"), wire_display() ? "on" : "off",
	           wire_timestamps() ? "on" : "off");
	out_printf(_("another terminal joins this lab with: %s\n"), wire_join_command());
	return CMD_OK;
}

/* "on" or "off" in *ON; false for anything else. */
static bool on_off(const char *s, bool *on)
{
	*on = !strcmp(s, "on");
	return *on || !strcmp(s, "off");
}

/* ---- the ladder's column names ---------------------------------------- */

/* The addresses of the sockets the variables hold, each with its name. */
struct namer {
	struct name_entry {
		struct sk_addr addr;
		char *name;
		bool connected;
	} *v;
	size_t n;
};

static bool same_endpoint(const struct sockaddr *a, const struct sockaddr *b)
{
	if (a->sa_family != b->sa_family)
		return false;
	if (a->sa_family == AF_INET) {
		const struct sockaddr_in *x = (const void *)a, *y = (const void *)b;
		return x->sin_port == y->sin_port && x->sin_addr.s_addr == y->sin_addr.s_addr;
	}
	if (a->sa_family == AF_INET6) {
		const struct sockaddr_in6 *x = (const void *)a, *y = (const void *)b;
		return x->sin6_port == y->sin6_port &&
		       !memcmp(&x->sin6_addr, &y->sin6_addr, sizeof x->sin6_addr);
	}
	return false;
}

static struct name_entry *find_name(struct namer *nm, const struct sockaddr *a)
{
	for (size_t i = 0; i < nm->n; i++)
		if (same_endpoint((const struct sockaddr *)&nm->v[i].addr.ss, a))
			return &nm->v[i];
	return NULL;
}

/* NAME for A, unless a connected socket already has it (a listener and
 * the connections it accepted share their address: the connection
 * carries the segments). */
static void add_name(struct namer *nm, const struct sk_addr *a, const char *name,
                     bool connected)
{
	struct name_entry *e = find_name(nm, (const struct sockaddr *)&a->ss);
	if (e && (e->connected || !connected))
		return;
	if (!e) {
		nm->v = xgrow(nm->v, nm->n, sizeof *nm->v);
		e = &nm->v[nm->n++];
		e->name = NULL;
	}
	free(e->name);
	*e = (struct name_entry){*a, xstrdup(name), connected};
}

static void visit_socket(void *ctx, const char *name, const struct value *v)
{
	const struct sockobj *s = &v->u.sock;
	struct sk_addr local = {.len = sizeof local.ss}, peer = {.len = sizeof peer.ss};
	if (s->fd < 0 || (s->family != AF_INET && s->family != AF_INET6) ||
	    sk_getsockname(s->fd, &local))
		return;
	bool connected = !sk_getpeername(s->fd, &peer);
	add_name(ctx, &local, name, connected);
	if (connected) {
		char *pn = xasprintf(_("%s's peer"), name);
		struct namer *nm = ctx;
		if (!find_name(nm, (const struct sockaddr *)&peer.ss))
			add_name(nm, &peer, pn, false);
		free(pn);
	}
}

static const char *name_of(const struct sockaddr *addr, void *ctx)
{
	struct name_entry *e = find_name(ctx, addr);
	return e ? e->name : NULL;
}

static void namer_free(struct namer *nm)
{
	for (size_t i = 0; i < nm->n; i++)
		free(nm->v[i].name);
	free(nm->v);
}

/* The ladder of every frame kept, columns named by SH's variables. */
static void ladder(struct shell *sh, int width, struct strbuf *out)
{
	struct namer nm = {0};
	size_t n, dropped;
	const struct wire_frame *f = wire_frames(&n, &dropped);
	/* The user did not ask for these calls: `trace on` leaves them out. */
	sk_trace_pause(true);
	walk_sockets(sh, visit_socket, &nm);
	sk_trace_pause(false);
	pkt_ladder(f, n, name_of, &nm, width, out);
	namer_free(&nm);
}

/* ---- the views -------------------------------------------------------- */

static enum cmd_status show_ladder(struct cmd_call *c)
{
	size_t n, dropped;
	wire_frames(&n, &dropped);
	if (n == 0) {
		out_printf(_("no packets captured yet\n"));
		return CMD_OK;
	}
	struct strbuf b = {0};
	int cols = fds_columns(STDOUT_FILENO);
	ladder(c->sh, cols > 0 ? cols : FILE_WIDTH, &b);
	if (b.len)
		out_write(b.p, b.len);
	sb_free(&b);
	return CMD_OK;
}

static enum cmd_status show_packetdrill(struct cmd_call *c, const char *name)
{
	const struct value *v = vars_get(&c->sh->vars, name);
	struct sk_addr local = {.len = sizeof local.ss};
	if (!v || v->type != T_SOCKET || v->u.sock.fd < 0)
		return cmd_fail(c, _("'%s' is not a variable holding an open socket"), name);
	if (v->u.sock.family != AF_INET && v->u.sock.family != AF_INET6) {
		out_printf(_("%s is not an IP socket: it makes no packets\n"), name);
		return CMD_OK;
	}
	sk_trace_pause(true);
	int e = sk_getsockname(v->u.sock.fd, &local);
	sk_trace_pause(false);
	if (e)
		return cmd_errno(c, e);
	size_t n, dropped;
	const struct wire_frame *f = wire_frames(&n, &dropped);
	struct pkt_flows *flows = pkt_flows_new();
	struct strbuf b = {0};
	size_t shown = 0;
	for (size_t i = 0; i < n; i++)
		if (pkt_packetdrill(flows, &f[i], (const struct sockaddr *)&local.ss, &b)) {
			sb_addc(&b, '\n');
			shown++;
		}
	pkt_flows_free(flows);
	if (!shown)
		out_printf(_("no packets to or from %s yet\n"), name);
	else
		out_write(b.p, b.len);
	sb_free(&b);
	return CMD_OK;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && !strcmp(s + n - t, tail);
}

static int save_pcap(const char *path)
{
	struct pcap_out p;
	int e = pcap_create(&p, path);
	if (e)
		return e;
	size_t n, dropped;
	const struct wire_frame *f = wire_frames(&n, &dropped);
	for (size_t i = 0; i < n; i++)
		pcap_frame(&p, &f[i].ts, f[i].caplen, f[i].len, f[i].data);
	return pcap_close(&p);
}

static enum cmd_status save(struct cmd_call *c, const char *path)
{
	int e;
	if (ends_with(path, ".pcap")) {
		e = save_pcap(path);
	} else if (ends_with(path, ".txt")) {
		struct strbuf b = {0};
		ladder(c->sh, FILE_WIDTH, &b);
		e = cap_save_text(path, b.p ? b.p : "", b.len);
		sb_free(&b);
	} else {
		return cmd_fail(c, _("%s: the name must end in .pcap (the frames, for "
		                     "tcpdump -r and Wireshark) or .txt (the ladder)"), path);
	}
	return e ? cmd_fail(c, "%s: %s", path, strerror(e)) : CMD_OK;
}

/* ---- the command ------------------------------------------------------ */

static enum cmd_status usage(struct cmd_call *c)
{
	return cmd_fail(c, _("usage: wire [on|off] | ts on|off | packetdrill SOCK | "
	                     "ladder | save FILE.pcap|FILE.txt"));
}

static enum cmd_status two_words(struct cmd_call *c, const char *a, const char *b)
{
	bool on;
	if (!strcmp(a, "ts") && on_off(b, &on)) {
		wire_set_timestamps(on);
		return CMD_OK;
	}
	if (!strcmp(a, "packetdrill"))
		return show_packetdrill(c, b);
	if (!strcmp(a, "save"))
		return save(c, b);
	return usage(c);
}

static enum cmd_status do_wire(struct cmd_call *c)
{
	bool on;
	if (c->nrest == 0)
		return status();
	if (!wire_lab())
		return no_lab(c);
	if (c->nrest == 1 && on_off(c->restsrc[0], &on)) {
		wire_set_display(on);
		return CMD_OK;
	}
	if (c->nrest == 1 && !strcmp(c->restsrc[0], "ladder"))
		return show_ladder(c);
	if (c->nrest != 2)
		return usage(c);
	return two_words(c, c->restsrc[0], c->restsrc[1]);
}

const struct cmd_entry cmd_wire_table[] = {
	{.name = "wire", .group = "shell", .params = {{"what", P_WIRE, PF_REST}},
	 .exec = do_wire,
	 .usage = "[on|off] | ts on|off | packetdrill SOCK | ladder | save FILE",
	 .summary = N_("the packets each statement causes, in the wire lab "
	               "(sockshell --wire)"),
	 .notes = N_("sockshell --wire starts the shell in a private network "
	             "namespace of its own (loopback only, no root needed) and "
	             "captures on lo. After each statement, the packets it caused, "
	             "in tcpdump's notation:\n"
	             "  IP 127.0.0.1.41234 > 127.0.0.1.8080: Flags [S], seq ..., "
	             "win 65495, options [...], length 0\n"
	             "Packets that come later (a delayed ACK) print above the "
	             "prompt; a script or --check waits for a delayed ACK.\n"
	             "  wire               what is captured, and how a second "
	             "terminal joins the lab (sockshell --join PID)\n"
	             "  wire on|off        show the packets or not (the capture "
	             "goes on)\n"
	             "  wire ts on|off     timestamps in front of each line\n"
	             "  wire packetdrill SOCK  the session's packets as "
	             "packetdrill writes them, seen from SOCK\n"
	             "  wire ladder        the session's packets as a sequence "
	             "diagram, one column per endpoint, named by the variables\n"
	             "  wire save F.pcap   the frames, for tcpdump -r and "
	             "Wireshark\n"
	             "  wire save F.txt    the ladder\n"
	             "AF_UNIX sockets make no packets. A transcript recorded in "
	             "the lab starts with a `# wire` line: --check replays it "
	             "in a lab of its own."),
	 .python = N_("(none: tcpdump -i lo in a second terminal, as root)"),
	 .c_call = "unshare(2), socket(AF_PACKET, SOCK_RAW, ETH_P_ALL), recvmsg(2)",
	 .errors = N_("not in the wire lab: start sockshell --wire\n"
	              "user namespaces refused (AppArmor, a chroot): --wire "
	              "says why and exits 2\n"),
	 .example = "wire ladder"},
	{NULL}};
