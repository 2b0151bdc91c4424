/* netns.c - the wire lab's namespaces. unshare(2) with CLONE_NEWUSER gives
 * an unprivileged process every capability inside the new namespace, so
 * CAP_NET_RAW for an AF_PACKET socket on the new `lo`, which starts down.
 * Root needs no user namespace: CLONE_NEWNET alone keeps uid 0 real. */
#include "netns.h"

#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

/* Write TEXT to PATH (a /proc file taking one write). */
static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	ssize_t n = write(fd, text, strlen(text));
	int e = n < 0 ? errno : 0;
	close(fd);
	return e;
}

/* The first number in PATH, or -1 when it cannot be read. */
static long read_number(const char *path)
{
	FILE *f = fopen(path, "re");
	long v = -1;
	if (!f)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

/* Why unshare(CLONE_NEWUSER) failed with E, as far as the system says. */
static void refusal(int e, char *err, size_t errlen)
{
	if (read_number("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == 1)
		snprintf(err, errlen, "AppArmor refuses user namespaces to unprivileged "
		         "programs (sysctl kernel.apparmor_restrict_unprivileged_userns=1)");
	else if (read_number("/proc/sys/kernel/unprivileged_userns_clone") == 0)
		snprintf(err, errlen, "the kernel refuses user namespaces to unprivileged "
		         "users (sysctl kernel.unprivileged_userns_clone=0)");
	else if (read_number("/proc/sys/user/max_user_namespaces") == 0)
		snprintf(err, errlen, "no user namespaces may be made "
		         "(sysctl user.max_user_namespaces=0)");
	else if (e == EPERM)
		snprintf(err, errlen, "user namespaces are refused here (%s): a chroot, "
		         "or a container or seccomp policy that forbids them", strerror(e));
	else
		snprintf(err, errlen, "unshare(CLONE_NEWUSER|CLONE_NEWNET): %s", strerror(e));
}

/* Map our uid and gid to themselves in the new user namespace. */
static int map_ids(uid_t uid, gid_t gid, char *err, size_t errlen)
{
	char line[64];
	int e = write_file("/proc/self/setgroups", "deny");
	if (!e) {
		snprintf(line, sizeof line, "%lu %lu 1\n", (unsigned long)uid, (unsigned long)uid);
		e = write_file("/proc/self/uid_map", line);
	}
	if (!e) {
		snprintf(line, sizeof line, "%lu %lu 1\n", (unsigned long)gid, (unsigned long)gid);
		e = write_file("/proc/self/gid_map", line);
	}
	if (e)
		snprintf(err, errlen, "writing the user namespace's id maps: %s", strerror(e));
	return e;
}

/* The network namespace alone as root, else a user namespace with it. */
static int unshare_net(char *err, size_t errlen)
{
	if (geteuid() == 0 && unshare(CLONE_NEWNET) == 0)
		return 0;
	uid_t uid = geteuid();
	gid_t gid = getegid();
	if (unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0) {
		int e = errno;
		refusal(e, err, errlen);
		return e;
	}
	return map_ids(uid, gid, err, errlen);
}

/* SIOCSIFFLAGS IFF_UP on `lo`: a new namespace's loopback starts down. */
static int loopback_up(char *err, size_t errlen)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		int e = errno;
		snprintf(err, errlen, "socket for SIOCSIFFLAGS: %s", strerror(e));
		return e;
	}
	struct ifreq ifr = {0};
	strcpy(ifr.ifr_name, "lo");
	int e = 0;
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0)
		e = errno;
	ifr.ifr_flags |= IFF_UP;
	if (!e && ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
		e = errno;
	close(fd);
	if (e)
		snprintf(err, errlen, "bringing lo up (SIOCSIFFLAGS): %s", strerror(e));
	return e;
}

int netns_enter(char *err, size_t errlen)
{
	int e = unshare_net(err, errlen);
	return e ? e : loopback_up(err, errlen);
}

/* Is /proc/PID/ns/NAME the namespace this process is in already? */
static bool same_ns(pid_t pid, const char *name)
{
	char path[64];
	struct stat a, b;
	snprintf(path, sizeof path, "/proc/%ld/ns/%s", (long)pid, name);
	if (stat(path, &a) < 0)
		return false;
	snprintf(path, sizeof path, "/proc/self/ns/%s", name);
	return stat(path, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

static int enter_ns(pid_t pid, const char *name, int type, char *err, size_t errlen)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/ns/%s", (long)pid, name);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int e = 0;
	if (fd < 0 || setns(fd, type) < 0)
		e = errno;
	if (fd >= 0)
		close(fd);
	if (e)
		snprintf(err, errlen, "%s: %s", path, strerror(e));
	return e;
}

int netns_join(pid_t pid, char *err, size_t errlen)
{
	int e = 0;
	/* Joining our own network would capture the host's loopback. */
	if (same_ns(pid, "net")) {
		snprintf(err, errlen, "process %ld shares this network namespace: "
		         "it is not a lab", (long)pid);
		return EINVAL;
	}
	/* Root's lab has no user namespace of its own: joining ours fails. */
	if (!same_ns(pid, "user"))
		e = enter_ns(pid, "user", CLONE_NEWUSER, err, errlen);
	return e ? e : enter_ns(pid, "net", CLONE_NEWNET, err, errlen);
}
