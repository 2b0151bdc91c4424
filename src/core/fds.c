/* fds.c - the descriptors the shell starts with. A program started with
 * stdin closed (CI, cron, `<&-`) or with a terminal emulator's leftovers
 * open would otherwise hand those numbers to the user's sockets. */
#include "fds.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

int fds_keep_std(void)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
			continue;
		/* The lowest free number is FD itself: the lower ones are open. */
		int n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
		if (n < 0)
			return errno;
		if (n != fd) {
			close(n);
			return EBADF;
		}
	}
	return 0;
}

static long nofile_limit(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) || rl.rlim_cur == RLIM_INFINITY)
		return 1024;
	return (long)rl.rlim_cur;
}

int fds_close_inherited(void)
{
	DIR *d = opendir("/proc/self/fd");
	if (!d)
		return errno;
	long limit = nofile_limit();
	int own = dirfd(d);
	struct dirent *e;
	/* Closing while reading is safe: the listing is of numbers only, and
	 * a closed number that shows up later is closed again harmlessly. */
	while ((e = readdir(d))) {
		char *end;
		long fd = strtol(e->d_name, &end, 10);
		if (*end || end == e->d_name || fd < 3 || fd >= limit || fd == own)
			continue;
		close((int)fd);
	}
	closedir(d);
	return 0;
}

#define FD_TOP 1024 /* the shell's own files sit just under this, or the limit */

int fds_dup_high(int fd)
{
	long top = nofile_limit() < FD_TOP ? nofile_limit() : FD_TOP;
	return fcntl(fd, F_DUPFD_CLOEXEC, top > 64 ? (int)top - 16 : 3);
}

int fds_columns(int fd)
{
	struct winsize ws;
	return ioctl(fd, TIOCGWINSZ, &ws) == 0 ? ws.ws_col : 0;
}
