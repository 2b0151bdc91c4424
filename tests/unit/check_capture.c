/* check_capture.c - the wire lab's pcap file, byte for byte as tcpdump
 * and Wireshark read it, and the "# wire" line that makes --check replay
 * a transcript in a lab. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "capture.h"
#include "session/record.h"
#include "suites.h"
#include "wire/wire.h"

static uint32_t u32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

static uint16_t u16(const unsigned char *p)
{
	uint16_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

START_TEST(test_pcap_header_and_records)
{
	char path[] = "/tmp/check-pcap.XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
	struct pcap_out p;
	ck_assert_int_eq(pcap_create(&p, path), 0);
	const unsigned char frame[20] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
	struct timeval ts = {1700000000, 123456};
	pcap_frame(&p, &ts, 20, 74, frame);
	pcap_frame(&p, &ts, 0, 0, frame);
	ck_assert_int_eq(pcap_close(&p), 0);
	unsigned char b[128];
	FILE *f = fopen(path, "rb");
	size_t n = fread(b, 1, sizeof b, f);
	fclose(f);
	unlink(path);
	/* 24-byte header, 16 + 20, 16 + 0. */
	ck_assert_uint_eq(n, 24 + 36 + 16);
	ck_assert_uint_eq(u32(b), 0xa1b2c3d4);
	ck_assert_uint_eq(u16(b + 4), 2);
	ck_assert_uint_eq(u16(b + 6), 4);
	ck_assert_uint_eq(u32(b + 16), CAP_SNAPLEN);
	ck_assert_uint_eq(u32(b + 20), 1); /* DLT_EN10MB */
	ck_assert_uint_eq(u32(b + 24), 1700000000);
	ck_assert_uint_eq(u32(b + 28), 123456);
	ck_assert_uint_eq(u32(b + 32), 20);
	ck_assert_uint_eq(u32(b + 36), 74);
	ck_assert_mem_eq(b + 40, frame, 20);
	ck_assert_uint_eq(u32(b + 60 + 8), 0);
}
END_TEST

START_TEST(test_pcap_create_fails_with_errno)
{
	struct pcap_out p;
	ck_assert_int_ne(pcap_create(&p, "/nonexistent/dir/x.pcap"), 0);
}
END_TEST

/* An Ethernet frame holding an IPv4 (or IPv6) TCP segment with FLAGS and
 * LEN bytes of payload, in BUF; CUT bytes are left off its end. */
static struct wire_frame segment(unsigned char *buf, bool v6, unsigned flags,
                                 size_t len, size_t cut)
{
	size_t ip = 14, l4 = ip + (v6 ? 40 : 20), total = l4 + 20 + len;
	memset(buf, 0, total);
	buf[12] = v6 ? 0x86 : 0x08;
	buf[13] = v6 ? 0xdd : 0x00;
	if (v6) {
		buf[ip] = 0x60;
		buf[ip + 4] = (unsigned char)((20 + len) >> 8);
		buf[ip + 5] = (unsigned char)(20 + len);
		buf[ip + 6] = 6;
	} else {
		buf[ip] = 0x45;
		buf[ip + 2] = (unsigned char)((total - ip) >> 8);
		buf[ip + 3] = (unsigned char)(total - ip);
		buf[ip + 9] = 6;
	}
	buf[l4 + 12] = 5 << 4;
	buf[l4 + 13] = (unsigned char)flags;
	return (struct wire_frame){.len = (uint32_t)total,
	                           .caplen = (uint32_t)(total - cut), .data = buf};
}

enum { FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10 };

START_TEST(test_what_awaits_an_ack)
{
	unsigned char b[256];
	for (int v6 = 0; v6 <= 1; v6++) {
		struct wire_frame f = segment(b, v6, PSH | ACK, 5, 0);
		ck_assert_msg(wire_awaits_ack(&f), "data, v6=%d", v6);
		f = segment(b, v6, FIN | ACK, 0, 0);
		ck_assert_msg(wire_awaits_ack(&f), "FIN, v6=%d", v6);
		f = segment(b, v6, ACK, 0, 0);
		ck_assert_msg(!wire_awaits_ack(&f), "pure ACK, v6=%d", v6);
		f = segment(b, v6, RST | ACK, 0, 0);
		ck_assert_msg(!wire_awaits_ack(&f), "RST, v6=%d", v6);
		/* RFC 1122 4.2.2.12: a reset may carry data (why it was sent). */
		f = segment(b, v6, RST | ACK, 8, 0);
		ck_assert_msg(!wire_awaits_ack(&f), "RST with data, v6=%d", v6);
		f = segment(b, v6, PSH | ACK, 5, 10);
		ck_assert_msg(!wire_awaits_ack(&f), "header cut short, v6=%d", v6);
	}
	struct wire_frame f = segment(b, false, PSH | ACK, 5, 0);
	b[14 + 9] = 17; /* UDP */
	ck_assert(!wire_awaits_ack(&f));
	f = segment(b, false, ACK, 0, 0);
	f.caplen = 30; /* the TCP header missing */
	ck_assert(!wire_awaits_ack(&f));
	f.caplen = 0;
	ck_assert(!wire_awaits_ack(&f));
}
END_TEST

static enum wire_tag tag(const char *text)
{
	return wire_tag_of(text, strlen(text));
}

START_TEST(test_wire_tag_before_the_first_prompt)
{
	ck_assert_int_eq(tag("# wire\nsock> x = 1\n"), WIRE_TAG_ON);
	ck_assert_int_eq(tag("prose\n# wire on\nsock> x = 1\n"), WIRE_TAG_ON);
	ck_assert_int_eq(tag("# wire off\r\nsock> x = 1\n"), WIRE_TAG_OFF);
	/* Another word, another tag, or after the first prompt: not a lab. */
	ck_assert_int_eq(tag("# wire is where packets go\nsock> x\n"), WIRE_TAG_NONE);
	ck_assert_int_eq(tag("# wireless\nsock> x = 1\n"), WIRE_TAG_NONE);
	ck_assert_int_eq(tag("sock> x = 1\n# wire\n"), WIRE_TAG_NONE);
	ck_assert_int_eq(tag(""), WIRE_TAG_NONE);
	/* The header reader itself: a longer word is another tag. */
	char word[8];
	const char *t = "# wireless lab\nsock> x\n";
	ck_assert_ptr_null(record_header(t, strlen(t), "# wire", word, sizeof word));
	t = "# wire  off\nsock> x\n";
	ck_assert_str_eq(record_header(t, strlen(t), "# wire", word, sizeof word), "off");
}
END_TEST

START_TEST(test_locale_header_beside_the_wire_one)
{
	const char *t = "# locale: zh_CN.UTF-8\n# wire\nsock> x = 1\n";
	char buf[32];
	ck_assert_str_eq(record_locale(t, strlen(t), buf, sizeof buf), "zh_CN.UTF-8");
	ck_assert_int_eq(tag(t), WIRE_TAG_ON);
	const char *bare = "# locale: \nsock> x\n";
	ck_assert_ptr_null(record_locale(bare, strlen(bare), buf, sizeof buf));
}
END_TEST

Suite *make_capture_suite(void)
{
	Suite *s = suite_create("capture");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_pcap_header_and_records);
	tcase_add_test(tc, test_pcap_create_fails_with_errno);
	tcase_add_test(tc, test_wire_tag_before_the_first_prompt);
	tcase_add_test(tc, test_what_awaits_an_ack);
	tcase_add_test(tc, test_locale_header_beside_the_wire_one);
	suite_add_tcase(s, tc);
	return s;
}
