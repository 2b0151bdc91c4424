/* file.c - the shell's own files, opened through the core so that the
 * no-system-call mode of the fuzzers refuses them too. */
#include "file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "forbid.h"

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
	int fd = fileno(f); /* -1 for a memory stream */
	if (fd < 0)
		return EBADF;
	if (fstat(fd, &st))
		return errno;
	if (!S_ISREG(st.st_mode))
		return ESPIPE;
	*size = (long long)st.st_size;
	return 0;
}

int file_open_private(const char *path, FILE **out)
{
	if (sk_forbidden())
		return EPERM;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return errno;
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()) {
		close(fd);
		return FILE_ENOTOURS;
	}
	*out = fdopen(fd, "r");
	if (*out)
		return 0;
	int e = errno;
	close(fd);
	return e;
}

/* LEN bytes of TEXT into the new file FD, mode 0600 (it may hold
 * addresses), on disk before it is renamed. */
static int write_all(int fd, const char *text, size_t len)
{
	if (fchmod(fd, 0600))
		return errno;
	while (len) {
		ssize_t n = write(fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return errno;
		text += n;
		len -= (size_t)n;
	}
	return fsync(fd) ? errno : 0;
}

int file_write_private(const char *path, const char *text, size_t len)
{
	if (sk_forbidden())
		return EPERM;
	size_t n = strlen(path);
	char *tmp = malloc(n + sizeof ".XXXXXX");
	if (!tmp)
		return ENOMEM;
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".XXXXXX", sizeof ".XXXXXX");
	int fd = mkostemp(tmp, O_CLOEXEC);
	int e = fd < 0 ? errno : write_all(fd, text, len);
	if (fd >= 0 && close(fd) && !e)
		e = errno;
	if (!e && rename(tmp, path))
		e = errno;
	if (e && fd >= 0)
		unlink(tmp);
	free(tmp);
	return e;
}

int file_make_private_dir(const char *dir)
{
	if (sk_forbidden())
		return EPERM;
	size_t n = strlen(dir);
	char *p = malloc(n + 1);
	if (!p)
		return ENOMEM;
	memcpy(p, dir, n + 1);
	for (char *q = p + 1; *q; q++) {
		if (*q == '/') {
			*q = '\0';
			mkdir(p, 0700);
			*q = '/';
		}
	}
	mkdir(p, 0700);
	free(p);
	struct stat st;
	if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode) ||
	    st.st_uid != geteuid() || (st.st_mode & 022))
		return FILE_ENOTOURS;
	return 0;
}

int file_list_dir(const char *dir, void (*fn)(void *ctx, const char *name),
                  void *ctx)
{
	if (sk_forbidden())
		return EPERM;
	DIR *d = opendir(dir);
	if (!d)
		return errno;
	struct dirent *ent;
	while ((ent = readdir(d)))
		if (strcmp(ent->d_name, ".") && strcmp(ent->d_name, ".."))
			fn(ctx, ent->d_name);
	closedir(d);
	return 0;
}

bool file_is_dir(const char *path)
{
	struct stat st;
	return !sk_forbidden() && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
