/* check_cmsg.c - control buffers built and read back, including the ones
 * the kernel never sends: a cmsg_len past the buffer, a header cut short. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "cmsg.h"
#include "suites.h"

/* A buffer of SIZE bytes holding one header that claims CLAIM data bytes. */
static struct msghdr hand_built(void *buf, size_t size, size_t claim)
{
	memset(buf, 0, size);
	struct cmsghdr *h = buf;
	h->cmsg_level = SOL_SOCKET;
	h->cmsg_type = SCM_RIGHTS;
	h->cmsg_len = CMSG_LEN(claim);
	return (struct msghdr){.msg_control = buf, .msg_controllen = size};
}

START_TEST(test_parse_clamps_cmsg_len_to_the_buffer)
{
	union {
		struct cmsghdr h;
		unsigned char b[CMSG_SPACE(8)];
	} u;
	struct msghdr msg = hand_built(&u, sizeof u, 100);
	struct cmsg_item it[2];
	ck_assert_uint_eq(cmsg_parse(&msg, it, 2), 1);
	ck_assert_int_eq(it[0].level, SOL_SOCKET);
	ck_assert_int_eq(it[0].type, SCM_RIGHTS);
	ck_assert_ptr_eq(it[0].data, CMSG_DATA(&u.h));
	/* Only the bytes inside the buffer, not the 100 claimed. */
	ck_assert_uint_eq(it[0].len, sizeof u - CMSG_LEN(0));
}
END_TEST

START_TEST(test_parse_stops_at_a_broken_header)
{
	union {
		struct cmsghdr h;
		unsigned char b[CMSG_SPACE(8)];
	} u;
	struct cmsg_item it[2];
	/* Shorter than a header: nothing. */
	struct msghdr msg = hand_built(&u, sizeof u, 4);
	msg.msg_controllen = CMSG_LEN(0) - 1;
	ck_assert_uint_eq(cmsg_parse(&msg, it, 2), 0);
	/* A cmsg_len below the header's own size: nothing. */
	msg = hand_built(&u, sizeof u, 4);
	u.h.cmsg_len = CMSG_LEN(0) - 1;
	ck_assert_uint_eq(cmsg_parse(&msg, it, 2), 0);
	/* An honest one reads back whole. */
	msg = hand_built(&u, sizeof u, 4);
	ck_assert_uint_eq(cmsg_parse(&msg, it, 2), 1);
	ck_assert_uint_eq(it[0].len, 4);
}
END_TEST

START_TEST(test_build_pads_with_zeros)
{
	const unsigned char one = 0x41, four[4] = {1, 2, 3, 4};
	struct cmsg_item items[2] = {{SOL_SOCKET, SCM_RIGHTS, &one, 1},
	                             {SOL_SOCKET, SCM_CREDENTIALS, four, 4}};
	size_t need = cmsg_controllen(items, 2);
	ck_assert_uint_eq(need, CMSG_SPACE(1) + CMSG_SPACE(4));
	union {
		struct cmsghdr h;
		unsigned char b[CMSG_SPACE(1) + CMSG_SPACE(4)];
	} u;
	memset(&u, 0xff, sizeof u);
	ck_assert_int_eq(cmsg_build(items, 2, &u, need - 1), EINVAL);
	ck_assert_int_eq(cmsg_build(items, 2, &u, sizeof u), 0);
	/* The padding after the one data byte is zero, not what was there. */
	for (size_t i = CMSG_LEN(1); i < CMSG_SPACE(1); i++)
		ck_assert_uint_eq(u.b[i], 0);
	struct msghdr msg = {.msg_control = &u, .msg_controllen = sizeof u};
	struct cmsg_item back[2];
	ck_assert_uint_eq(cmsg_parse(&msg, back, 2), 2);
	ck_assert_uint_eq(back[0].len, 1);
	ck_assert_uint_eq(back[0].data[0], 0x41);
	ck_assert_uint_eq(back[1].len, 4);
	ck_assert_mem_eq(back[1].data, four, 4);
}
END_TEST

Suite *make_cmsg_suite(void)
{
	Suite *s = suite_create("cmsg");
	TCase *tc = tcase_create("buffers");
	tcase_add_test(tc, test_parse_clamps_cmsg_len_to_the_buffer);
	tcase_add_test(tc, test_parse_stops_at_a_broken_header);
	tcase_add_test(tc, test_build_pads_with_zeros);
	suite_add_tcase(s, tc);
	return s;
}
