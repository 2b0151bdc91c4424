/* check_packet.c - the wire view's decoder on frames recorded on
 * loopback (wire_frames.c): tcpdump's line for each, exactly as tcpdump
 * 4.99 printed it (including frames cut short or malformed at each
 * layer), its timestamps in local time, packetdrill's lines seen from
 * either socket, and the ladder diagram. */
#include <arpa/inet.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wire/packet.h"
#include "suites.h"
#include "session/table.h"
#include "wire_frames.h"

/* Frames 0-10: a connection's handshake, data both ways, FIN both ways;
 * 17-21: connect to a closed port (RST), UDP, UDP to the closed port
 * (ICMP port unreachable). */
enum { CONN_FIRST = 0, CONN_LAST = 10, REFUSED_FIRST = 17, REFUSED_LAST = 21 };

static struct wire_frame frame(size_t i)
{
	const struct recorded_frame *r = &recorded_frames[i];
	return (struct wire_frame){{r->ts.sec, r->ts.usec}, r->len, r->caplen,
	                           (unsigned char *)r->data};
}

static struct sockaddr_in ipv4(const char *addr, int port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
	ck_assert_int_eq(inet_pton(AF_INET, addr, &a.sin_addr), 1);
	return a;
}

START_TEST(test_recorded_frames_print_as_tcpdump_printed_them)
{
	struct pkt_flows *flows = pkt_flows_new();
	struct strbuf b = {0};
	for (size_t i = 0; i < recorded_frames_n; i++) {
		struct wire_frame f = frame(i);
		b.len = 0;
		pkt_tcpdump(flows, &f, false, &b);
		sb_addc(&b, 0);
		ck_assert_msg(!strcmp(b.p, recorded_frames[i].tcpdump),
		              "frame %zu (%s):\n got  %s\n want %s", i,
		              recorded_frames[i].what, b.p, recorded_frames[i].tcpdump);
	}
	sb_free(&b);
	pkt_flows_free(flows);
}
END_TEST

static char *stamped(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
	struct pkt_flows *flows = pkt_flows_new();
	struct wire_frame f = frame(REFUSED_FIRST + 2);
	f.ts = (struct timeval){1700000000, 42};
	struct strbuf b = {0};
	pkt_tcpdump(flows, &f, true, &b);
	pkt_flows_free(flows);
	return sb_take(&b);
}

START_TEST(test_timestamp_is_the_local_time_of_day)
{
	/* 1700000000 is 2023-11-14 22:13:20 UTC; CST-8 needs no tzdata */
	char *utc = stamped("UTC"), *cst = stamped("CST-8");
	ck_assert_str_eq(utc, "22:13:20.000042 IP 127.0.0.1.47534 > "
	                      "127.0.0.1.38014: UDP, length 2");
	ck_assert_str_eq(cst, "06:13:20.000042 IP 127.0.0.1.47534 > "
	                      "127.0.0.1.38014: UDP, length 2");
	free(utc);
	free(cst);
	unsetenv("TZ");
	tzset();
}
END_TEST

/* packetdrill's lines for frames FIRST..LAST seen from LOCAL, joined. */
static char *drill(size_t first, size_t last, const struct sockaddr_in *local)
{
	struct pkt_flows *flows = pkt_flows_new();
	struct strbuf b = {0};
	for (size_t i = first; i <= last; i++) {
		struct wire_frame f = frame(i);
		if (pkt_packetdrill(flows, &f, (const struct sockaddr *)local, &b))
			sb_addc(&b, '\n');
	}
	pkt_flows_free(flows);
	sb_addc(&b, 0);
	return sb_take(&b);
}

START_TEST(test_packetdrill_lines_from_the_client)
{
	struct sockaddr_in c = ipv4("127.0.0.1", 46992);
	char *got = drill(CONN_FIRST, CONN_LAST, &c);
	ck_assert_str_eq(got,
		"> S 0:0(0) win 65495 <mss 65495,sackOK,TS val 1691037407 ecr 0,nop,wscale 10>\n"
		"< S. 0:0(0) ack 1 win 65483 <mss 65495,sackOK,TS val 1941068443 ecr 1691037407,nop,wscale 10>\n"
		"> . 1:1(0) ack 1 win 64 <nop,nop,TS val 1691037407 ecr 1941068443>\n"
		"> P. 1:6(5) ack 1 win 64 <nop,nop,TS val 1691037608 ecr 1941068443>\n"
		"< . 1:1(0) ack 6 win 64 <nop,nop,TS val 1941068644 ecr 1691037608>\n"
		"< P. 1:7(6) ack 6 win 64 <nop,nop,TS val 1941068846 ecr 1691037608>\n"
		"> . 6:6(0) ack 7 win 64 <nop,nop,TS val 1691037810 ecr 1941068846>\n"
		"> F. 6:6(0) ack 7 win 64 <nop,nop,TS val 1691038013 ecr 1941068846>\n"
		"< . 7:7(0) ack 7 win 64 <nop,nop,TS val 1941069091 ecr 1691038013>\n"
		"< F. 7:7(0) ack 7 win 64 <nop,nop,TS val 1941069295 ecr 1691038013>\n"
		"> . 7:7(0) ack 8 win 64 <nop,nop,TS val 1691038259 ecr 1941069295>\n");
	free(got);
}
END_TEST

START_TEST(test_packetdrill_from_a_server_bound_to_any_address)
{
	struct sockaddr_in s = ipv4("0.0.0.0", 43279);
	char *got = drill(CONN_FIRST, CONN_FIRST + 2, &s);
	ck_assert_str_eq(got,
		"< S 0:0(0) win 65495 <mss 65495,sackOK,TS val 1691037407 ecr 0,nop,wscale 10>\n"
		"> S. 0:0(0) ack 1 win 65483 <mss 65495,sackOK,TS val 1941068443 ecr 1691037407,nop,wscale 10>\n"
		"< . 1:1(0) ack 1 win 64 <nop,nop,TS val 1691037407 ecr 1941068443>\n");
	free(got);
}
END_TEST

START_TEST(test_packetdrill_rst_udp_and_icmp_unreachable)
{
	struct sockaddr_in c = ipv4("127.0.0.1", 34660), u = ipv4("127.0.0.1", 47534);
	char *rst = drill(REFUSED_FIRST, REFUSED_LAST, &c);
	char *udp = drill(REFUSED_FIRST, REFUSED_LAST, &u);
	ck_assert_str_eq(rst,
		"> S 0:0(0) win 65495 <mss 65495,sackOK,TS val 2977134900 ecr 0,nop,wscale 10>\n"
		"< R. 0:0(0) ack 1 win 0\n");
	ck_assert_str_eq(udp, "> udp (2)\n> udp (2)\n< icmp unreachable port_unreachable\n");
	free(rst);
	free(udp);
}
END_TEST

START_TEST(test_packetdrill_skips_other_sockets_and_broken_frames)
{
	struct sockaddr_in other = ipv4("127.0.0.1", 1);
	struct pkt_flows *flows = pkt_flows_new();
	struct strbuf b = {0};
	for (size_t i = 0; i < recorded_frames_n; i++) {
		struct wire_frame f = frame(i);
		ck_assert(!pkt_packetdrill(flows, &f, (struct sockaddr *)&other, &b));
	}
	struct sockaddr_in c = ipv4("127.0.0.1", 46992);
	for (size_t i = REFUSED_LAST + 1; i < recorded_frames_n; i++) {
		struct wire_frame f = frame(i);
		if (strcmp(recorded_frames[i].what, "captured") &&
		    strstr(recorded_frames[i].what, "cut"))
			ck_assert_msg(!pkt_packetdrill(flows, &f, (struct sockaddr *)&c, &b),
			              "%s", recorded_frames[i].what);
	}
	ck_assert_uint_eq(b.len, 0);
	pkt_flows_free(flows);
}
END_TEST

static const char *class_names(const struct sockaddr *addr, void *ctx)
{
	const struct sockaddr_in *a = (const struct sockaddr_in *)addr;
	(void)ctx;
	switch (ntohs(a->sin_port)) {
	case 46992: return "c";
	case 43279: return "\xe6\x9c\x8d\xe5\x8a\xa1\xe5\x99\xa8"; /* 服务器 */
	default: return NULL;
	}
}

static char *ladder(size_t first, size_t last, int width)
{
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
	struct wire_frame f[256];
	for (size_t i = first; i <= last; i++)
		f[i - first] = frame(i);
	struct strbuf b = {0};
	pkt_ladder(f, last - first + 1, class_names, NULL, width, &b);
	sb_addc(&b, 0);
	return sb_take(&b);
}

START_TEST(test_ladder_of_a_connection)
{
	char *got = ladder(CONN_FIRST, CONN_LAST, 80);
	ck_assert_str_eq(got,
		"       c                      \xe6\x9c\x8d\xe5\x8a\xa1\xe5\x99\xa8\n"
		"127.0.0.1:46992           127.0.0.1:43279\n"
		"       |                         |\n"
		"       |--S seq 0--------------->|\n"
		"       |<--------S. seq 0 ack 1--|\n"
		"       |--. ack 1--------------->|\n"
		"       |--P. seq 1 ack 1 len 5-->|\n"
		"       |<---------------. ack 6--|\n"
		"       |<--P. seq 1 ack 6 len 6--|\n"
		"       |--. ack 7--------------->|\n"
		"       |--F. seq 6 ack 7-------->|\n"
		"       |<---------------. ack 7--|\n"
		"       |<--------F. seq 7 ack 7--|\n"
		"       |--. ack 8--------------->|\n");
	free(got);
}
END_TEST

START_TEST(test_ladder_has_a_column_per_endpoint)
{
	/* an ICMP error goes from the port that refused to the sender */
	char *got = ladder(REFUSED_FIRST, REFUSED_LAST, 100);
	ck_assert_str_eq(got,
		"127.0.0.1:34660            127.0.0.1:53051            127.0.0.1:47534            127.0.0.1:38014\n"
		"       |                          |                          |                          |\n"
		"       |--S seq 0---------------->|                          |                          |\n"
		"       |<---------R. seq 0 ack 1--|                          |                          |\n"
		"       |                          |                          |--UDP len 2-------------->|\n"
		"       |                          |<--------------UDP len 2--|                          |\n"
		"       |                          |--ICMP port unreachable-->|                          |\n");
	free(got);
}
END_TEST

START_TEST(test_ladder_too_wide_becomes_one_per_pair)
{
	char *got = ladder(REFUSED_FIRST, REFUSED_LAST, 80);
	ck_assert_str_eq(got,
		"127.0.0.1:34660     127.0.0.1:53051\n"
		"       |                   |\n"
		"       |--S seq 0--------->|\n"
		"       |<--R. seq 0 ack 1--|\n"
		"\n"
		"127.0.0.1:47534  127.0.0.1:38014\n"
		"       |                |\n"
		"       |--UDP len 2---->|\n"
		"\n"
		"127.0.0.1:47534            127.0.0.1:53051\n"
		"       |                          |\n"
		"       |--UDP len 2-------------->|\n"
		"       |<--ICMP port unreachable--|\n");
	free(got);
}
END_TEST

START_TEST(test_ladder_fits_any_width)
{
	for (int width = 0; width <= 90; width += 3) {
		char *got = ladder(0, recorded_frames_n - 1, width), *line = got;
		for (char *nl; (nl = strchr(line, '\n')); line = nl + 1) {
			*nl = 0;
			ck_assert_msg((int)display_width(line) <= (width > 20 ? width : 20),
			              "width %d: %s", width, line);
		}
		free(got);
	}
}
END_TEST

/* Every frame cut at every length goes through the three views (the
 * sanitizers and valgrind watch the reads). */
START_TEST(test_every_prefix_of_every_frame_decodes)
{
	struct sockaddr_in c = ipv4("127.0.0.1", 46992);
	struct pkt_flows *flows = pkt_flows_new();
	struct strbuf b = {0};
	for (size_t i = 0; i < recorded_frames_n; i++) {
		for (uint32_t cut = 0; cut <= recorded_frames[i].caplen; cut++) {
			struct wire_frame f = frame(i);
			unsigned char *copy = xmalloc(cut ? cut : 1);
			memcpy(copy, f.data, cut);
			f.data = copy;
			f.caplen = f.len = cut;
			pkt_tcpdump(flows, &f, false, &b);
			pkt_packetdrill(flows, &f, (struct sockaddr *)&c, &b);
			pkt_ladder(&f, 1, NULL, NULL, 60, &b);
			ck_assert_ptr_null(memchr(b.p, 0, b.len));
			b.len = 0;
			free(copy);
		}
	}
	sb_free(&b);
	pkt_flows_free(flows);
}
END_TEST

Suite *make_packet_suite(void)
{
	Suite *s = suite_create("packet");
	TCase *tc = tcase_create("tcpdump");
	tcase_add_test(tc, test_recorded_frames_print_as_tcpdump_printed_them);
	tcase_add_test(tc, test_timestamp_is_the_local_time_of_day);
	suite_add_tcase(s, tc);
	tc = tcase_create("packetdrill");
	tcase_add_test(tc, test_packetdrill_lines_from_the_client);
	tcase_add_test(tc, test_packetdrill_from_a_server_bound_to_any_address);
	tcase_add_test(tc, test_packetdrill_rst_udp_and_icmp_unreachable);
	tcase_add_test(tc, test_packetdrill_skips_other_sockets_and_broken_frames);
	suite_add_tcase(s, tc);
	tc = tcase_create("ladder");
	tcase_add_test(tc, test_ladder_of_a_connection);
	tcase_add_test(tc, test_ladder_has_a_column_per_endpoint);
	tcase_add_test(tc, test_ladder_too_wide_becomes_one_per_pair);
	tcase_add_test(tc, test_ladder_fits_any_width);
	tcase_add_test(tc, test_every_prefix_of_every_frame_decodes);
	suite_add_tcase(s, tc);
	return s;
}
