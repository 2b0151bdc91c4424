/* packet.c - the wire view's decoder: a captured frame taken apart, and
 * its line as tcpdump -n prints it and as packetdrill scripts it.
 *
 * tcpdump's line follows tcpdump 4.99's printers (print-ether.c,
 * print-ip.c, print-ip6.c, print-tcp.c, print-udp.c, print-icmp.c,
 * print-icmp6.c) message for message, including what it says of a frame
 * cut short or malformed, so that a student can set our line beside the
 * one tcpdump -r prints for the same pcap. Every read is checked against
 * the captured length first: the frames come from the kernel, but the
 * fuzzer feeds anything. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "frame.h"
#include "packet.h"

enum { ETH_HLEN = 14, IP4_HLEN = 20, IP6_HLEN = 40, TCP_HLEN = 20,
       UDP_HLEN = 8, MAX_SNAPLEN = 262144 };

static uint16_t be16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* ---- the connections a view has seen ---- */

/* One TCP connection, keyed as tcpdump keys it: the side with the lower
 * port (or address, on a tie) first. */
struct flow {
	int family;
	unsigned char a[16], b[16];
	uint32_t ports;
	bool td_set;            /* tcpdump's initial numbers, once recorded */
	uint32_t td_seq, td_ack;
	bool have[2];           /* each side's initial sequence number */
	uint32_t isn[2];
};

struct pkt_flows {
	struct flow *v;
	size_t n;
};

struct pkt_flows *pkt_flows_new(void)
{
	return xcalloc(1, sizeof(struct pkt_flows));
}

void pkt_flows_free(struct pkt_flows *f)
{
	if (f)
		free(f->v);
	free(f);
}

/* Whether the sender is the key's second side (tcpdump's "rev"). */
static bool flow_rev(const unsigned char *src, const unsigned char *dst,
                     size_t alen, uint16_t sport, uint16_t dport)
{
	return sport > dport || (sport == dport && memcmp(src, dst, alen) > 0);
}

static struct flow *flow_find(struct pkt_flows *fl, int family,
                              const unsigned char *src,
                              const unsigned char *dst, uint16_t sport,
                              uint16_t dport)
{
	size_t alen = family == AF_INET ? 4 : 16;
	struct flow k = {.family = family};
	bool rev = flow_rev(src, dst, alen, sport, dport);
	memcpy(k.a, rev ? dst : src, alen);
	memcpy(k.b, rev ? src : dst, alen);
	k.ports = rev ? (uint32_t)dport << 16 | sport : (uint32_t)sport << 16 | dport;
	for (size_t i = fl->n; i-- > 0;) /* the newest connections first */
		if (fl->v[i].family == family && fl->v[i].ports == k.ports &&
		    !memcmp(fl->v[i].a, k.a, 16) && !memcmp(fl->v[i].b, k.b, 16))
			return &fl->v[i];
	fl->v = xgrow(fl->v, fl->n, sizeof *fl->v);
	fl->v[fl->n] = k;
	return &fl->v[fl->n++];
}

/* tcpdump's relative numbers: a segment with ACK set records the
 * connection's initial numbers when it is the first seen or a SYN, and
 * is shown relative to them otherwise. THSEQ/THACK are the numbers SACK
 * blocks are made relative to. */
static void td_relative(struct flow *fw, bool rev, uint8_t flags,
                        uint32_t *seq, uint32_t *ack, uint32_t *thseq,
                        uint32_t *thack)
{
	if (!fw->td_set || (flags & TCP_SYN)) {
		fw->td_set = true;
		fw->td_seq = rev ? *ack - 1 : *seq;
		fw->td_ack = rev ? *seq : *ack - 1;
	} else if (rev) {
		*seq -= fw->td_ack;
		*ack -= fw->td_seq;
	} else {
		*seq -= fw->td_seq;
		*ack -= fw->td_ack;
	}
	*thseq = fw->td_seq;
	*thack = fw->td_ack;
}

/* ---- tcpdump's line ---- */

/* The line being written, and what the IP header said. */
struct td {
	struct pkt_flows *flows;
	struct strbuf *out;
	int family;
	const unsigned char *src, *dst;   /* the addresses, in the header */
	char sa[INET6_ADDRSTRLEN], da[INET6_ADDRSTRLEN];
	uint8_t proto;
};

/* What tcpdump prints when a read runs past the captured bytes. */
static void td_trunc(struct td *t, const char *proto)
{
	sb_printf(t->out, " [|%s]", proto);
}

static void td_addrs(struct td *t, const char *sep)
{
	sb_printf(t->out, "%s > %s%s", t->sa, t->da, sep);
}

static void td_ports(struct td *t, unsigned sport, unsigned dport)
{
	sb_printf(t->out, "%s.%u > %s.%u: ", t->sa, sport, t->da, dport);
}

static void td_set_addrs(struct td *t, int family, const unsigned char *src,
                         const unsigned char *dst)
{
	t->family = family;
	t->src = src;
	t->dst = dst;
	inet_ntop(family, src, t->sa, sizeof t->sa);
	inet_ntop(family, dst, t->da, sizeof t->da);
}

static const char *tcp_option_name(unsigned opt, char *buf, size_t n)
{
	static const char *const names[] = {
		[0] = "eol", [1] = "nop", [2] = "mss", [3] = "wscale",
		[4] = "sackOK", [5] = "sack", [6] = "echo", [7] = "echoreply",
		[8] = "TS", [11] = "cc", [12] = "ccnew", [13] = "",
		[19] = "md5", [20] = "scps", [28] = "uto", [29] = "tcp-ao",
		[30] = "mptcp", [34] = "tfo",
	};
	if (opt < sizeof names / sizeof *names && names[opt])
		return names[opt];
	if (opt == 254)
		return "exp";
	snprintf(buf, n, "unknown-%u", opt);
	return buf;
}

/* One option's data (P: AVAIL captured bytes, HLEN left in the header).
 * *DATALEN is what it took; the result says whether it was whole. */
enum opt_status { OPT_OK, OPT_BAD, OPT_TRUNC };

struct tcp_opt {
	unsigned opt, len, hlen;
	const unsigned char *p;
	size_t avail;
	bool rev;
	uint32_t thseq, thack;
	bool whole;             /* the segment is all captured */
};

static enum opt_status opt_need(const struct tcp_opt *o, unsigned l)
{
	if (l > o->hlen)
		return OPT_BAD;
	return l > o->avail ? OPT_TRUNC : OPT_OK;
}

static enum opt_status opt_sack(struct strbuf *out, const struct tcp_opt *o,
                                unsigned datalen)
{
	if (datalen % 8) {
		sb_adds(out, " invalid sack");
		return OPT_OK;
	}
	sb_printf(out, " %u ", datalen / 8);
	for (unsigned i = 0; i < datalen; i += 8) {
		enum opt_status st = opt_need(o, i + 8);
		if (st != OPT_OK)
			return st;
		uint32_t base = o->rev ? o->thseq : o->thack;
		sb_printf(out, "{%u:%u}", be32(o->p + i) - base,
		          be32(o->p + i + 4) - base);
	}
	return OPT_OK;
}

static enum opt_status opt_hex(struct strbuf *out, const struct tcp_opt *o,
                               unsigned datalen)
{
	if (datalen)
		sb_adds(out, " 0x");
	for (unsigned i = 0; i < datalen; i++) {
		enum opt_status st = opt_need(o, i + 1);
		if (st != OPT_OK)
			return st;
		sb_printf(out, "%02x", o->p[i]);
	}
	return OPT_OK;
}

static unsigned opt_fixed_len(unsigned opt)
{
	switch (opt) {
	case 2: case 20: case 28: return 2;
	case 3: return 1;
	case 6: case 7: case 11: case 12: case 13: return 4;
	case 8: return 8;
	default: return 0;
	}
}

static void opt_fixed_print(struct strbuf *out, const struct tcp_opt *o)
{
	const unsigned char *p = o->p;
	unsigned v;
	switch (o->opt) {
	case 2: sb_printf(out, " %u", be16(p)); break;
	case 3: sb_printf(out, " %u", p[0]); break;
	case 8: sb_printf(out, " val %u ecr %u", be32(p), be32(p + 4)); break;
	case 20: sb_printf(out, " cap %02x id %u", p[0], p[1]); break;
	case 28:
		v = be16(p);
		sb_printf(out, " 0x%x %u", v, v & 1 ? (v >> 1) * 60 : v >> 1);
		break;
	default: sb_printf(out, " %u", be32(p)); break;
	}
}

/* MD5 signature (19): tcpdump (with libcrypto, as Debian builds it)
 * cannot check it without the secret (-M). */
static enum opt_status opt_md5(struct strbuf *out, const struct tcp_opt *o)
{
	enum opt_status st = opt_need(o, 16);
	if (st != OPT_OK)
		return st;
	sb_adds(out, o->whole ? " shared secret not supplied with -M, "
	                      : " snaplen too short, ");
	sb_adds(out, "can't check - ");
	for (int i = 0; i < 16; i++)
		sb_printf(out, "%02x", o->p[i]);
	return OPT_OK;
}

/* TCP Fast Open (34): a cookie request, or the cookie. */
static enum opt_status opt_tfo(struct strbuf *out, const struct tcp_opt *o,
                               unsigned datalen)
{
	enum opt_status st = opt_need(o, datalen);
	if (st != OPT_OK)
		return st;
	sb_addc(out, ' ');
	if (datalen == 0)
		sb_adds(out, " cookiereq");
	else if (datalen % 2 || datalen < 4 || datalen > 16)
		sb_adds(out, " (invalid)");
	else
		sb_adds(out, " cookie ");
	for (unsigned i = 0; datalen >= 4 && datalen <= 16 && !(datalen % 2) &&
	                     i < datalen; i++)
		sb_printf(out, "%02x", o->p[i]);
	return OPT_OK;
}

static enum opt_status opt_data(struct strbuf *out, const struct tcp_opt *o,
                                unsigned *datalen)
{
	unsigned fixed = opt_fixed_len(o->opt);
	*datalen = 0;
	if (o->opt == 0 || o->opt == 1 || o->opt == 4)
		return OPT_OK;
	if (o->opt == 19)
		return *datalen = 16, opt_md5(out, o);
	if (o->opt == 34)
		return *datalen = o->len - 2, opt_tfo(out, o, *datalen);
	if (fixed) {
		*datalen = fixed;
		enum opt_status st = opt_need(o, fixed);
		if (st == OPT_OK)
			opt_fixed_print(out, o);
		return st;
	}
	*datalen = o->len - 2;
	return o->opt == 5 ? opt_sack(out, o, *datalen) : opt_hex(out, o, *datalen);
}

/* The options of a TCP header (P: HLEN bytes of options, CAP captured),
 * as tcp_print's loop prints them; false when the line ended there. */
static bool td_options(struct strbuf *out, const unsigned char *p, size_t cap,
                       unsigned hlen, struct tcp_opt o)
{
	char ch = 0, name[32];
	size_t i = 0;
	sb_adds(out, ", options [");
	while (hlen > 0) {
		if (ch)
			sb_addc(out, ch);
		if (i >= cap)
			return sb_adds(out, " [|tcp]"), false;
		o.opt = p[i++];
		o.len = 1;
		if (o.opt > 1) {
			if (i >= cap)
				return sb_adds(out, " [|tcp]"), false;
			o.len = p[i++];
			if (o.len < 2 || o.len > hlen)
				goto bad;
			hlen--;
		}
		hlen--;
		sb_adds(out, tcp_option_name(o.opt, name, sizeof name));
		unsigned datalen;
		o.p = p + i;
		o.avail = cap - i;
		o.hlen = hlen;
		enum opt_status st = opt_data(out, &o, &datalen);
		if (st == OPT_BAD)
			goto bad;
		if (st == OPT_TRUNC) {
			sb_adds(out, " [|tcp]");
			if (ch)
				sb_addc(out, '>');
			return false;
		}
		i += datalen;
		hlen -= datalen;
		if (datalen + 1 + (o.opt > 1) != o.len)
			sb_printf(out, "[len %u]", o.len);
		ch = ',';
		if (o.opt == 0)
			break;
	}
	sb_addc(out, ']');
	return true;
bad:
	sb_adds(out, "[bad opt]");
	if (ch)
		sb_addc(out, ']');
	return false;
}

static bool ascii_print(unsigned char c)
{
	return c >= 0x20 && c <= 0x7e;
}

/* tcpdump's fetch_token: the token at IDX (at most 128 characters) and
 * the index past the blanks after it, or 0 when there is none. */
static size_t fetch_token(const unsigned char *p, size_t idx, size_t len,
                          size_t cap, char tok[129])
{
	size_t n = 0;
	for (; idx < len; idx++) {
		if (idx >= cap || (p[idx] & 0x80))
			return 0;
		unsigned char c = p[idx];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			break;
		if (!ascii_print(c) || n + 2 > 129)
			return 0;
		tok[n++] = (char)c;
	}
	if (n == 0)
		return 0;
	tok[n] = 0;
	while (idx < len && idx < cap && ascii_print(p[idx]) &&
	       (p[idx] == ' ' || p[idx] == '\t'))
		idx++;
	return idx;
}

static bool http_request_or_response(const unsigned char *p, size_t len,
                                     size_t cap)
{
	static const char *const cmds[] = {
		"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST",
		"BCOPY", "BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE",
		"SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY", "BDELETE",
		"CONNECT", "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT",
		"CCM_POST", "SUBSCRIBE", "PROPPATCH", "BPROPFIND", "BPROPPATCH",
		"UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE",
		"RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL",
	};
	char tok[129];
	bool known = false;
	size_t idx = fetch_token(p, 0, len, cap, tok);
	if (idx == 0)
		return false;
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
		known = known || strcasecmp(tok, cmds[i]) == 0;
	idx = fetch_token(p, idx, len, cap, tok);
	return known || (idx && strlen(tok) == 3 && tok[0] >= '0' &&
	                 tok[0] <= '9' && tok[1] >= '0' && tok[1] <= '9' &&
	                 tok[2] >= '0' && tok[2] <= '9');
}

/* tcpdump's print_txt_line: the first line of text, if it is one. */
static void http_first_line(struct strbuf *out, const unsigned char *p,
                            size_t len, size_t cap)
{
	size_t i;
	for (i = 0; i < len; i++) {
		if (i >= cap)
			return sb_adds(out, " [|http]");
		if (p[i] == '\n')
			break;
		if (p[i] == '\r') {
			if (i + 1 >= len)
				return;
			if (i + 1 >= cap)
				return sb_adds(out, " [|http]");
			if (p[i + 1] != '\n')
				return;
			break;
		}
		if (!ascii_print(p[i]) && p[i] != '\t')
			return;
	}
	sb_printf(out, ": %.*s", (int)i, (const char *)p);
	if (i == len)
		sb_adds(out, " [|http]");
}

/* Ports 80 and 8080: tcpdump names HTTP and shows a request's or a
 * response's first line. Other well-known ports' dissectors are not
 * followed (the lab's ports are the kernel's ephemeral ones). */
static void td_payload(struct td *t, const unsigned char *p, size_t cap,
                       uint32_t len, unsigned sport, unsigned dport)
{
	if (sport != 80 && dport != 80 && sport != 8080 && dport != 8080)
		return;
	sb_adds(t->out, ": HTTP");
	if (http_request_or_response(p, len, cap))
		http_first_line(t->out, p, len, cap);
}

static void td_flags(struct strbuf *out, uint8_t flags)
{
	static const char letters[] = "FSRP.UEW";
	sb_adds(out, "Flags [");
	if (!flags)
		sb_adds(out, "none");
	for (int i = 0; i < 8; i++)
		if (flags & (1u << i))
			sb_addc(out, letters[i]);
	sb_addc(out, ']');
}

/* The TCP fields of tcpdump's line after the flags; HLEN is the header's
 * length, LENGTH the segment's. */
static void td_tcp_fields(struct td *t, const unsigned char *p, size_t cap,
                          unsigned hlen, uint32_t length, struct tcp_opt o,
                          uint32_t seq, uint32_t ack)
{
	uint8_t flags = p[13];
	if (length > 0 || (flags & (TCP_SYN | TCP_FIN | TCP_RST))) {
		sb_printf(t->out, ", seq %u", seq);
		if (length > 0)
			sb_printf(t->out, ":%u", seq + length);
	}
	if (flags & TCP_ACK)
		sb_printf(t->out, ", ack %u", ack);
	sb_printf(t->out, ", win %u", be16(p + 14));
	if (flags & TCP_URG)
		sb_printf(t->out, ", urg %u", be16(p + 18));
	size_t optcap = (cap < hlen ? cap : hlen) - TCP_HLEN;
	o.whole = cap >= (size_t)hlen + length;
	if (hlen > TCP_HLEN &&
	    !td_options(t->out, p + TCP_HLEN, optcap, hlen - TCP_HLEN, o))
		return;
	sb_printf(t->out, ", length %u", length);
	if (length == 0)
		return;
	if (cap < hlen) {
		sb_printf(t->out, " [remaining caplen(%zu) < header length(%u)]",
		          cap, hlen);
		return td_trunc(t, "tcp");
	}
	td_payload(t, p + hlen, cap - hlen, length, be16(p), be16(p + 2));
}

static void td_tcp(struct td *t, const unsigned char *p, size_t cap,
                   uint32_t length)
{
	if (cap < 4)
		return td_addrs(t, ":"), td_trunc(t, "tcp");
	uint16_t sport = be16(p), dport = be16(p + 2);
	td_ports(t, sport, dport);
	if (cap < TCP_HLEN)
		return td_trunc(t, "tcp");
	unsigned hlen = (p[12] >> 4) * 4u;
	if (hlen < TCP_HLEN) {
		sb_printf(t->out, " tcp %u [bad hdr length %u - too short, < 20]",
		          length - hlen, hlen);
		return;
	}
	uint8_t flags = p[13];
	uint32_t seq = be32(p + 4), ack = be32(p + 8);
	struct tcp_opt o = {0};
	td_flags(t->out, flags);
	if (flags & TCP_ACK) {
		size_t alen = t->family == AF_INET ? 4 : 16;
		o.rev = flow_rev(t->src, t->dst, alen, sport, dport);
		td_relative(flow_find(t->flows, t->family, t->src, t->dst, sport,
		                      dport),
		            o.rev, flags, &seq, &ack, &o.thseq, &o.thack);
	}
	if (hlen > length) {
		sb_printf(t->out, " [bad hdr length %u - too long, > %u]", hlen,
		          length);
		return;
	}
	td_tcp_fields(t, p, cap, hlen, length - hlen, o, seq, ack);
}

static void td_udp_addrs(struct td *t, const unsigned char *p)
{
	td_ports(t, be16(p), be16(p + 2));
}

static void td_udp(struct td *t, const unsigned char *p, size_t cap,
                   uint32_t length)
{
	if (cap < 4)
		return td_addrs(t, ": "), td_trunc(t, "udp");
	if (length < UDP_HLEN) {
		td_udp_addrs(t, p);
		sb_printf(t->out, "truncated-udp %u", length);
		return;
	}
	if (cap < 6)
		return td_udp_addrs(t, p), td_trunc(t, "udp");
	uint32_t ulen = be16(p + 4);
	if (ulen == 0 && length > 65535)
		ulen = length;
	td_udp_addrs(t, p);
	if (ulen < UDP_HLEN) {
		sb_printf(t->out, "truncated-udplength %u", ulen);
		return;
	}
	ulen -= UDP_HLEN;
	length -= UDP_HLEN;
	if (ulen < length)
		length = ulen;
	if (cap < UDP_HLEN)
		return td_trunc(t, "udp");
	if (ulen > length)
		sb_printf(t->out, "UDP, bad length %u > %u", ulen, length);
	else
		sb_printf(t->out, "UDP, length %u", ulen);
}

static const char *ip4_str(const unsigned char *p, char buf[INET_ADDRSTRLEN])
{
	return inet_ntop(AF_INET, p, buf, INET_ADDRSTRLEN);
}

/* The text of an ICMP destination unreachable (P: the whole message),
 * or false when what it needs was not captured. */
static bool icmp_unreach_text(struct strbuf *b, const unsigned char *p,
                              size_t cap, unsigned code)
{
	static const char *const fmt[16] = {
		"net %s unreachable", "host %s unreachable", NULL, NULL, NULL,
		"%s unreachable - source route failed",
		"net %s unreachable - unknown", "host %s unreachable - unknown",
		"%s unreachable - source host isolated",
		"net %s unreachable - admin prohibited",
		"host %s unreachable - admin prohibited",
		"net %s unreachable - tos prohibited",
		"host %s unreachable - tos prohibited",
		"host %s unreachable - admin prohibited filter",
		"host %s unreachable - host precedence violation",
		"host %s unreachable - precedence cutoff",
	};
	char a[INET_ADDRSTRLEN];
	if (code == 3) {
		if (cap < 8 + 10)
			return false;
		size_t oh = 8 + (p[8] & 15) * 4u;
		if (cap < oh + 4 || cap < 8 + 20)
			return false;
		unsigned proto = p[8 + 9], dport = be16(p + oh + 2);
		ip4_str(p + 8 + 16, a);
		if (proto == IPPROTO_TCP || proto == IPPROTO_UDP)
			sb_printf(b, "%s %s port %u unreachable", a,
			          proto == IPPROTO_TCP ? "tcp" : "udp", dport);
		else
			sb_printf(b, "%s protocol %u port %u unreachable", a,
			          proto, dport);
		return true;
	}
	if (cap < 8 + 20)
		return false;
	ip4_str(p + 8 + 16, a);
	if (code == 2)
		sb_printf(b, "%s protocol %u unreachable", a, p[8 + 9]);
	else if (code == 4 && be16(p + 6))
		sb_printf(b, "%s unreachable - need to frag (mtu %u)", a, be16(p + 6));
	else if (code == 4)
		sb_printf(b, "%s unreachable - need to frag", a);
	else if (code < 16)
		sb_printf(b, fmt[code], a);
	else
		sb_printf(b, "%s unreachable - #%u", a, code);
	return true;
}

static const char *icmp_type_name(unsigned type)
{
	switch (type) {
	case 4: return "source quench";
	case 10: return "router solicitation";
	case 15: return "information request";
	case 16: return "information reply";
	case 17: return "address mask request";
	default: return NULL;
	}
}

static bool icmp_text(struct strbuf *b, const unsigned char *p, size_t cap)
{
	unsigned type = p[0], code = p[1];
	const char *name = icmp_type_name(type);
	if (type == 0 || type == 8) {
		if (cap < 8)
			return false;
		sb_printf(b, "echo %s, id %u, seq %u", type ? "request" : "reply",
		          be16(p + 4), be16(p + 6));
	} else if (type == 3) {
		return icmp_unreach_text(b, p, cap, code);
	} else if (type == 11) {
		if (cap < 8 + 20)
			return false;
		if (code < 2)
			sb_adds(b, code ? "ip reassembly time exceeded"
			                : "time exceeded in-transit");
		else
			sb_printf(b, "time exceeded-#%u", code);
	} else if (name) {
		sb_adds(b, name);
	} else {
		sb_printf(b, "type-#%u", type);
	}
	return true;
}

static void td_icmp(struct td *t, const unsigned char *p, size_t cap,
                    uint32_t length)
{
	struct strbuf b = {0};
	if (cap >= 2 && icmp_text(&b, p, cap))
		sb_printf(t->out, "ICMP %.*s, length %u", (int)b.len, b.p, length);
	else
		td_trunc(t, "icmp");
	sb_free(&b);
}

static const char *icmp6_type_name(unsigned type)
{
	static const char *const low[] = {
		NULL, "destination unreachable", "packet too big",
		"time exceeded in-transit", "parameter problem",
	};
	static const char *const high[] = {
		"echo request", "echo reply", "multicast listener query",
		"multicast listener report", "multicast listener done",
		"router solicitation", "router advertisement",
		"neighbor solicitation", "neighbor advertisement", "redirect",
		"router renumbering", "who-are-you request",
		"who-are-you reply", "inverse neighbor solicitation",
		"inverse neighbor advertisement",
		"multicast listener report v2", "ha discovery request",
		"ha discovery reply", "mobile router solicitation",
		"mobile router advertisement",
	};
	if (type < 5)
		return low[type];
	if (type >= 128 && type < 128 + sizeof high / sizeof *high)
		return high[type - 128];
	if (type == 155)
		return "RPL";
	if (type == 200 || type == 201)
		return type == 200 ? "mtrace response" : "mtrace message";
	return NULL;
}

static const char *icmp6_unreach_name(unsigned code)
{
	static const char *const names[] = {
		"unreachable route", " unreachable prohibited", "beyond scope",
		"unreachable address", "unreachable port",
	};
	return code < 5 ? names[code] : NULL;
}

/* The rest of an ICMPv6 destination unreachable after its code's name;
 * false when what it needs was not captured. */
static bool icmp6_unreach_rest(struct strbuf *b, const unsigned char *p,
                               size_t cap, unsigned code)
{
	char dst[INET6_ADDRSTRLEN], src[INET6_ADDRSTRLEN];
	const unsigned char *oip = p + 8;
	if (code == 4) {
		if (cap < 8 + 7 || (oip[6] != IPPROTO_TCP && oip[6] != IPPROTO_UDP) ||
		    cap < 8 + IP6_HLEN + 4)
			return false;
		sb_printf(b, ", %s %s port %u",
		          inet_ntop(AF_INET6, oip + 24, dst, sizeof dst),
		          oip[6] == IPPROTO_TCP ? "tcp" : "udp",
		          be16(oip + IP6_HLEN + 2));
		return true;
	}
	if (cap < 8 + IP6_HLEN)
		return false;
	sb_printf(b, " %s", inet_ntop(AF_INET6, oip + 24, dst, sizeof dst));
	if (code == 2)
		sb_printf(b, ", source address %s",
		          inet_ntop(AF_INET6, oip + 8, src, sizeof src));
	return true;
}

/* ICMPv6 after "ICMP6, TYPE": false when the line ends without a
 * length (tcpdump goes on with a hex dump there), or was cut short
 * (*TRUNC). */
static bool icmp6_rest(struct strbuf *b, const unsigned char *p, size_t cap,
                       uint32_t length, bool *trunc)
{
	unsigned type = p[0], code = p[1];
	const char *name = icmp6_unreach_name(code);
	switch (type) {
	case 1:
		if (!name) {
			sb_printf(b, ", unknown unreach code (%u)", code);
			return false;
		}
		sb_printf(b, ", %s", name);
		*trunc = !icmp6_unreach_rest(b, p, cap, code);
		return !*trunc;
	case 2:
		*trunc = cap < 8;
		if (!*trunc)
			sb_printf(b, ", mtu %u", be32(p + 4));
		return !*trunc;
	case 3:
		*trunc = code == 0 && cap < 8 + IP6_HLEN;
		if (code == 0 && !*trunc)
			sb_printf(b, " for %s", inet_ntop(AF_INET6, p + 8 + 24,
			          (char[INET6_ADDRSTRLEN]){0}, INET6_ADDRSTRLEN));
		else if (code == 1)
			sb_adds(b, " (reassembly)");
		else if (code > 1)
			sb_printf(b, ", unknown code (%u)", code);
		return !*trunc;
	case 128: case 129:
		*trunc = cap < 8;
		if (!*trunc)
			sb_printf(b, ", id %u, seq %u", be16(p + 4), be16(p + 6));
		return !*trunc;
	default:
		sb_printf(b, ", length %u", length);
		return false;
	}
}

static void td_icmp6(struct td *t, const unsigned char *p, size_t cap,
                     uint32_t length)
{
	if (length == 0)
		return sb_adds(t->out, "ICMP6, length 0 (invalid)");
	if (cap < 1)
		return td_trunc(t, "icmp6");
	const char *name = icmp6_type_name(p[0]);
	if (name)
		sb_printf(t->out, "ICMP6, %s", name);
	else
		sb_printf(t->out, "ICMP6, unknown icmp6 type (%u)", p[0]);
	if (cap < 2)
		return td_trunc(t, "icmp6");
	bool trunc = false;
	if (icmp6_rest(t->out, p, cap, length, &trunc))
		sb_printf(t->out, ", length %u", length);
	else if (trunc)
		td_trunc(t, "icmp6");
}

/* The protocol above IP (P: CAP captured bytes of LENGTH). */
static void td_demux(struct td *t, const unsigned char *p, size_t cap,
                     uint32_t length)
{
	if (t->proto == IPPROTO_TCP)
		td_tcp(t, p, cap, length);
	else if (t->proto == IPPROTO_UDP)
		td_udp(t, p, cap, length);
	else if (t->proto == IPPROTO_ICMP && t->family == AF_INET)
		td_icmp(t, p, cap, length);
	else if (t->proto == IPPROTO_ICMPV6 && t->family == AF_INET6)
		td_icmp6(t, p, cap, length);
	else
		sb_printf(t->out, " ip-proto-%u %u", t->proto, length);
}

static bool has_ports(uint8_t proto)
{
	/* tcpdump prints the addresses itself for the others */
	return proto == IPPROTO_TCP || proto == IPPROTO_UDP ||
	       proto == IPPROTO_SCTP || proto == IPPROTO_DCCP;
}

static void td_ip4_body(struct td *t, const unsigned char *p, size_t cap,
                        unsigned hlen, uint32_t len)
{
	td_set_addrs(t, AF_INET, p + 12, p + 16);
	t->proto = p[9];
	if (be16(p + 6) & 0x1fff) {
		td_addrs(t, ":");
		sb_printf(t->out, " ip-proto-%u", t->proto);
		return;
	}
	if (!has_ports(t->proto))
		td_addrs(t, ": ");
	if (cap < hlen) {
		sb_printf(t->out, " [remaining caplen(%zu) < header length(%u)]",
		          cap, hlen);
		return td_trunc(t, "ip");
	}
	td_demux(t, p + hlen, cap - hlen, len - hlen);
}

static void td_ip4(struct td *t, const unsigned char *p, size_t cap,
                   uint32_t length)
{
	if (cap < 1)
		return td_trunc(t, "ip");
	unsigned v = p[0] >> 4, hlen = (p[0] & 15) * 4u;
	if (v != 4) {
		if (v == 6)
			sb_adds(t->out, "IP6, wrong link-layer encapsulation");
		else
			sb_printf(t->out, "IP%u", v);
		return sb_adds(t->out, " (invalid)");
	}
	sb_adds(t->out, "IP ");
	if (cap < IP4_HLEN)
		return td_trunc(t, "ip");
	if (length < IP4_HLEN)
		return sb_printf(t->out, "truncated-ip %u", length);
	if (hlen < IP4_HLEN)
		return sb_printf(t->out, "bad-hlen %u", hlen);
	uint32_t len = be16(p + 2);
	if (length < len)
		sb_printf(t->out, "truncated-ip - %u bytes missing! ", len - length);
	if (len < hlen)
		return sb_printf(t->out, "bad-len %u", len);
	td_ip4_body(t, p, cap < len ? cap : len, hlen, len);
}

static void td_ip6(struct td *t, const unsigned char *p, size_t cap,
                   uint32_t length)
{
	if (cap < IP6_HLEN)
		return td_trunc(t, "ip6");
	if (length < IP6_HLEN)
		return sb_printf(t->out, "truncated-ip6 %u", length);
	sb_adds(t->out, "IP6 ");
	if (p[0] >> 4 != 6)
		return sb_printf(t->out, "version error: %u != 6", p[0] >> 4);
	uint32_t plen = be16(p + 4), len = plen + IP6_HLEN;
	if (plen == 0)
		len = length + IP6_HLEN;
	else if (length < len)
		sb_printf(t->out, "truncated-ip6 - %u bytes missing!", len - length);
	if (cap > len)
		cap = len;
	td_set_addrs(t, AF_INET6, p + 8, p + 24);
	t->proto = p[6];
	if (!has_ports(t->proto))
		td_addrs(t, ": ");
	if (t->proto == IPPROTO_NONE)
		return sb_adds(t->out, "no next header");
	/* a payload length of 0 announces a jumbogram, whose length a
	 * hop-by-hop option gives: tcpdump finds none and reads nothing */
	td_demux(t, p + IP6_HLEN, plen ? cap - IP6_HLEN : 0, len - IP6_HLEN);
}

/* tcpdump's sanity checks on the pcap record header. */
static bool td_header_ok(struct strbuf *out, const struct wire_frame *f)
{
	const char *sep = "[Invalid header:";
	if (f->caplen == 0)
		sb_adds(out, "[Invalid header: caplen==0"), sep = ",";
	if (f->len == 0)
		sb_printf(out, "%s len==0", sep), sep = ",";
	else if (f->len < f->caplen)
		sb_printf(out, "%s len(%u) < caplen(%u)", sep, f->len, f->caplen),
			sep = ",";
	if (f->caplen > MAX_SNAPLEN)
		sb_printf(out, "%s caplen(%u) > %u", sep, f->caplen, MAX_SNAPLEN),
			sep = ",";
	if (f->len > MAX_SNAPLEN)
		sb_printf(out, "%s len(%u) > %u", sep, f->len, MAX_SNAPLEN), sep = ",";
	if (*sep == ',')
		sb_addc(out, ']');
	return *sep != ',';
}

static void td_timestamp(struct strbuf *out, const struct timeval *tv)
{
	struct tm tm;
	time_t sec = tv->tv_sec;
	if (!localtime_r(&sec, &tm))
		return sb_adds(out, "[Error converting time] ");
	sb_printf(out, "%02d:%02d:%02d.%06ld ", tm.tm_hour, tm.tm_min,
	          tm.tm_sec, (long)tv->tv_usec);
}

/* A frame of another kind than IP: tcpdump shows its Ethernet header
 * (then a hex dump, on lines of its own, which the wire view leaves
 * out). */
static void td_other(struct strbuf *out, const struct wire_frame *f,
                     unsigned type)
{
	const unsigned char *p = f->data;
	sb_printf(out, "%02x:%02x:%02x:%02x:%02x:%02x > "
	          "%02x:%02x:%02x:%02x:%02x:%02x, ethertype Unknown (0x%04x), "
	          "length %u:", p[6], p[7], p[8], p[9], p[10], p[11], p[0], p[1],
	          p[2], p[3], p[4], p[5], type, f->len);
}

void pkt_tcpdump(struct pkt_flows *flows, const struct wire_frame *f,
                 bool timestamp, struct strbuf *out)
{
	struct td t = {.flows = flows, .out = out};
	if (!td_header_ok(out, f))
		return;
	if (timestamp)
		td_timestamp(out, &f->ts);
	if (f->caplen < ETH_HLEN)
		return td_trunc(&t, "ether");
	unsigned type = be16(f->data + 12);
	const unsigned char *p = f->data + ETH_HLEN;
	size_t cap = f->caplen - ETH_HLEN;
	if (type == 0x0800)
		td_ip4(&t, p, cap, f->len - ETH_HLEN);
	else if (type == 0x86dd)
		td_ip6(&t, p, cap, f->len - ETH_HLEN);
	else
		td_other(out, f, type);
}

/* ---- whole segments, for packetdrill's line and the ladder ---- */

static void set_endpoint(struct sockaddr_storage *ss, int family,
                         const unsigned char *addr, uint16_t port)
{
	memset(ss, 0, sizeof *ss);
	ss->ss_family = (sa_family_t)family;
	if (family == AF_INET) {
		struct sockaddr_in *a = (struct sockaddr_in *)ss;
		memcpy(&a->sin_addr, addr, 4);
		a->sin_port = htons(port);
	} else {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
		memcpy(&a->sin6_addr, addr, 16);
		a->sin6_port = htons(port);
	}
}

static void set_port(struct sockaddr_storage *ss, uint16_t port)
{
	if (ss->ss_family == AF_INET)
		((struct sockaddr_in *)ss)->sin_port = htons(port);
	else
		((struct sockaddr_in6 *)ss)->sin6_port = htons(port);
}

static const unsigned char *endpoint_addr(const struct sockaddr_storage *ss)
{
	if (ss->ss_family == AF_INET)
		return (const unsigned char *)&((const struct sockaddr_in *)ss)->sin_addr;
	return (const unsigned char *)&((const struct sockaddr_in6 *)ss)->sin6_addr;
}

static uint16_t endpoint_port(const struct sockaddr_storage *ss)
{
	if (ss->ss_family == AF_INET)
		return ntohs(((const struct sockaddr_in *)ss)->sin_port);
	return ntohs(((const struct sockaddr_in6 *)ss)->sin6_port);
}

/* The IP header's protocol, and its addresses: the source at SRC, the
 * destination right after it. */
static void seg_addrs(struct frame_seg *s, int family, uint8_t proto,
                      const unsigned char *src)
{
	s->family = family;
	s->proto = proto;
	set_endpoint(&s->src, family, src, 0);
	set_endpoint(&s->dst, family, src + (family == AF_INET ? 4 : 16), 0);
}

/* The IP packet in F: its transport header at *L4, *LEN bytes of it, all
 * captured; addresses into S (ports still 0). */
static bool seg_ip(const struct wire_frame *f, struct frame_seg *s,
                   const unsigned char **l4, uint32_t *len)
{
	if (!f->data || f->caplen < ETH_HLEN + IP4_HLEN || f->caplen > f->len)
		return false;
	const unsigned char *p = f->data + ETH_HLEN;
	size_t cap = f->caplen - ETH_HLEN;
	unsigned type = be16(f->data + 12), hlen = (p[0] & 15) * 4u;
	if (type == 0x0800 && p[0] >> 4 == 4) {
		uint32_t tot = be16(p + 2);
		if (hlen < IP4_HLEN || tot < hlen || tot > cap || (be16(p + 6) & 0x3fff))
			return false;
		seg_addrs(s, AF_INET, p[9], p + 12);
		*l4 = p + hlen;
		*len = tot - hlen;
		return true;
	}
	if (type != 0x86dd || p[0] >> 4 != 6 || cap < IP6_HLEN ||
	    IP6_HLEN + (size_t)be16(p + 4) > cap)
		return false;
	seg_addrs(s, AF_INET6, p[6], p + 8);
	*l4 = p + IP6_HLEN;
	*len = be16(p + 4);
	return true;
}

static bool seg_tcp(struct frame_seg *s, const unsigned char *p, uint32_t len)
{
	unsigned hlen = (len >= TCP_HLEN ? p[12] >> 4 : 0) * 4u;
	if (hlen < TCP_HLEN || hlen > len)
		return false;
	set_port(&s->src, be16(p));
	set_port(&s->dst, be16(p + 2));
	s->seq = be32(p + 4);
	s->ack = be32(p + 8);
	s->flags = p[13];
	s->win = be16(p + 14);
	s->urp = be16(p + 18);
	s->opt = p + TCP_HLEN;
	s->optlen = hlen - TCP_HLEN;
	s->paylen = len - hlen;
	return true;
}

static bool seg_udp(struct frame_seg *s, const unsigned char *p, uint32_t len)
{
	if (len < UDP_HLEN || be16(p + 4) < UDP_HLEN || be16(p + 4) > len)
		return false;
	set_port(&s->src, be16(p));
	set_port(&s->dst, be16(p + 2));
	s->paylen = be16(p + 4) - UDP_HLEN;
	return true;
}

/* The datagram an ICMP error quotes (Q: LEN bytes), when its header and
 * ports are there. */
static void seg_quoted(struct frame_seg *s, const unsigned char *q, uint32_t len)
{
	unsigned hlen = IP6_HLEN;
	const unsigned char *src = q + 8, *dst = q + 24;
	uint8_t proto = len > 6 ? q[6] : 0;
	if (s->family == AF_INET) {
		hlen = (len ? q[0] & 15 : 0) * 4u;
		src = q + 12;
		dst = q + 16;
		proto = len > 9 ? q[9] : 0;
	}
	if (hlen < IP4_HLEN || len < hlen + 4 ||
	    (proto != IPPROTO_TCP && proto != IPPROTO_UDP))
		return;
	s->qproto = proto;
	set_endpoint(&s->qsrc, s->family, src, be16(q + hlen));
	set_endpoint(&s->qdst, s->family, dst, be16(q + hlen + 2));
}

static bool seg_icmp(struct frame_seg *s, const unsigned char *p, uint32_t len)
{
	if (len < 8)
		return false;
	s->icmp_type = p[0];
	s->icmp_code = p[1];
	s->paylen = len - 8;
	bool error = s->family == AF_INET
		? (p[0] == 3 || p[0] == 4 || p[0] == 5 || p[0] == 11 || p[0] == 12)
		: p[0] < 128;
	if (error)
		seg_quoted(s, p + 8, len - 8);
	return true;
}

bool frame_segment(const struct wire_frame *f, struct frame_seg *s)
{
	const unsigned char *l4;
	uint32_t len;
	memset(s, 0, sizeof *s);
	if (!seg_ip(f, s, &l4, &len))
		return false;
	if (s->proto == IPPROTO_TCP)
		return seg_tcp(s, l4, len);
	if (s->proto == IPPROTO_UDP)
		return seg_udp(s, l4, len);
	if (s->proto == (s->family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6))
		return seg_icmp(s, l4, len);
	return false;
}

void frame_relative(struct pkt_flows *flows, const struct frame_seg *s,
                    uint32_t *seq, uint32_t *ack)
{
	const unsigned char *src = endpoint_addr(&s->src), *dst = endpoint_addr(&s->dst);
	uint16_t sport = endpoint_port(&s->src), dport = endpoint_port(&s->dst);
	struct flow *fw = flow_find(flows, s->family, src, dst, sport, dport);
	int me = flow_rev(src, dst, s->family == AF_INET ? 4 : 16, sport, dport);
	if ((s->flags & TCP_SYN) || !fw->have[me]) {
		fw->have[me] = true;
		fw->isn[me] = s->seq;
	}
	*seq = s->seq - fw->isn[me];
	*ack = fw->have[!me] ? s->ack - fw->isn[!me] : s->ack;
}

void frame_endpoint(const struct sockaddr_storage *a, struct strbuf *out)
{
	char buf[INET6_ADDRSTRLEN];
	inet_ntop(a->ss_family, endpoint_addr(a), buf, sizeof buf);
	unsigned port = endpoint_port(a);
	if (!port)
		sb_adds(out, buf);
	else if (a->ss_family == AF_INET6)
		sb_printf(out, "[%s]:%u", buf, port);
	else
		sb_printf(out, "%s:%u", buf, port);
}

void frame_icmp_words(const struct frame_seg *s, struct strbuf *out)
{
	static const char *const unreach4[] = {
		"net_unreachable", "host_unreachable", "protocol_unreachable",
		"port_unreachable", "frag_needed",
	};
	static const char *const unreach6[] = {
		"no_route", "admin_prohibited", "beyond_scope",
		"address_unreachable", "port_unreachable",
	};
	bool v4 = s->family == AF_INET;
	unsigned t = s->icmp_type, c = s->icmp_code;
	if (t == (v4 ? 3u : 1u) && c < 5)
		sb_printf(out, "unreachable %s", (v4 ? unreach4 : unreach6)[c]);
	else if (t == (v4 ? 8u : 128u) || t == (v4 ? 0u : 129u))
		sb_printf(out, "echo_%s", t == (v4 ? 8u : 128u) ? "request" : "reply");
	else if (t == (v4 ? 11u : 3u))
		sb_adds(out, "time_exceeded");
	else
		sb_printf(out, "type %u code %u", t, c);
}

/* ---- packetdrill's line ---- */

/* Whether the endpoint E is the socket bound to LOCAL (a wildcard local
 * address matches any). */
static bool is_local(const struct sockaddr *local, const struct sockaddr_storage *e)
{
	static const unsigned char any[16];
	if (!local || local->sa_family != e->ss_family)
		return false;
	const struct sockaddr_storage *l = (const struct sockaddr_storage *)local;
	size_t alen = e->ss_family == AF_INET ? 4 : 16;
	return endpoint_port(l) == endpoint_port(e) &&
	       (!memcmp(endpoint_addr(l), endpoint_addr(e), alen) ||
	        !memcmp(endpoint_addr(l), any, alen));
}

/* TCP options as packetdrill writes them ("mss 65495,sackOK,..."); the
 * list stops at an option that runs past the header. SACK blocks are
 * relative to BASE, the other side's initial sequence number. */
static void pd_options(struct strbuf *out, const unsigned char *p, size_t n,
                       uint32_t base)
{
	for (size_t i = 0; i < n;) {
		unsigned opt = p[i], len = opt > 1 && i + 1 < n ? p[i + 1] : 1;
		if ((opt > 1 && (len < 2 || i + len > n)) || (opt > 1 && i + 1 >= n))
			break;
		if (i)
			sb_addc(out, ',');
		const unsigned char *d = p + i + 2;
		if (opt == 0 || opt == 1)
			sb_adds(out, opt ? "nop" : "eol");
		else if (opt == 2 && len == 4)
			sb_printf(out, "mss %u", be16(d));
		else if (opt == 3 && len == 3)
			sb_printf(out, "wscale %u", d[0]);
		else if (opt == 4)
			sb_adds(out, "sackOK");
		else if (opt == 8 && len == 10)
			sb_printf(out, "TS val %u ecr %u", be32(d), be32(d + 4));
		else if (opt == 5) {
			sb_adds(out, "sack");
			for (unsigned k = 0; k + 8 <= len - 2; k += 8)
				sb_printf(out, " %u:%u", be32(d + k) - base,
				          be32(d + k + 4) - base);
		} else
			sb_printf(out, "unknown-%u", opt);
		i += len;
	}
}

static void pd_tcp(struct pkt_flows *flows, const struct frame_seg *s,
                   struct strbuf *out)
{
	static const char letters[] = "FSRP.UEW";
	uint32_t seq, ack;
	frame_relative(flows, s, &seq, &ack);
	for (int i = 0; i < 8; i++)
		if (s->flags & (1u << i))
			sb_addc(out, letters[i]);
	sb_printf(out, " %u:%u(%u)", seq, seq + s->paylen, s->paylen);
	if (s->flags & TCP_ACK)
		sb_printf(out, " ack %u", ack);
	sb_printf(out, " win %u", s->win);
	struct strbuf o = {0};
	pd_options(&o, s->opt, s->optlen, s->ack - ack);
	if (o.len)
		sb_printf(out, " <%.*s>", (int)o.len, o.p);
	sb_free(&o);
}

bool pkt_packetdrill(struct pkt_flows *flows, const struct wire_frame *f,
                     const struct sockaddr *local, struct strbuf *out)
{
	struct frame_seg s;
	if (!frame_segment(f, &s))
		return false;
	bool icmp = s.proto == IPPROTO_ICMP || s.proto == IPPROTO_ICMPV6;
	char dir = '<';
	if (icmp ? !s.qproto || !is_local(local, &s.qsrc) : !is_local(local, &s.dst)) {
		if (icmp || !is_local(local, &s.src))
			return false;
		dir = '>';
	}
	sb_printf(out, "%c ", dir);
	if (s.proto == IPPROTO_TCP)
		pd_tcp(flows, &s, out);
	else if (s.proto == IPPROTO_UDP)
		sb_printf(out, "udp (%u)", s.paylen);
	else
		sb_adds(out, "icmp "), frame_icmp_words(&s, out);
	return true;
}
