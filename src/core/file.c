/* file.c - the shell's own files, opened through the core so that the
 * no-system-call mode of the fuzzers refuses them too. */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sock.h"

int file_open(const char *path, const char *mode, FILE **out)
{
	if (sk_forbidden())
		return EPERM;
	*out = fopen(path, mode);
	return *out ? 0 : errno;
}

/* F moved to descriptor LOW or above (close-on-exec); F itself when that
 * fails. */
static FILE *move_high(FILE *f, const char *mode, int low)
{
	int fd = fcntl(fileno(f), F_DUPFD_CLOEXEC, low);
	if (fd < 0)
		return f;
	FILE *g = fdopen(fd, *mode == 'a' ? "a" : "w");
	if (!g) {
		close(fd);
		return f;
	}
	fclose(f);
	return g;
}

int file_open_high(const char *path, const char *mode, int low, FILE **out)
{
	int e = file_open(path, mode, out);
	if (!e)
		*out = move_high(*out, mode, low);
	return e;
}

int file_fd_limit(int top)
{
	struct rlimit rl;
	if (!getrlimit(RLIMIT_NOFILE, &rl) && rl.rlim_cur < (rlim_t)top)
		return (int)rl.rlim_cur;
	return top;
}

int file_open_rb(const char *path, int *fd, long long *size)
{
	if (sk_forbidden())
		return EPERM;
	struct stat st;
	*fd = open(path, O_RDONLY | O_CLOEXEC);
	int e = *fd < 0 ? errno : fstat(*fd, &st) ? errno : 0;
	if (!e && S_ISDIR(st.st_mode))
		e = EISDIR;
	if (!e) {
		*size = (long long)st.st_size;
		return 0;
	}
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
	return e;
}

void file_close(int fd)
{
	close(fd);
}

int file_size(FILE *f, long long *size)
{
	struct stat st;
	if (fileno(f) < 0 || fstat(fileno(f), &st))
		return errno ? errno : EBADF;
	if (!S_ISREG(st.st_mode))
		return ESPIPE;
	*size = (long long)st.st_size;
	return 0;
}
