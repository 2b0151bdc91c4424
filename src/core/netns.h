/* netns.h - the wire lab: a private network namespace (loopback only),
 * entered before anything else runs, so an unprivileged user may capture
 * on its `lo`; and a second shell joining another's lab. */
#ifndef SOCKSHELL_NETNS_H
#define SOCKSHELL_NETNS_H

#include <stddef.h>
#include <sys/types.h>

/* Enter a new network namespace, and a new user namespace first unless
 * root may make the network one alone (the uid and gid mapped to
 * themselves, setgroups denied); then bring `lo` up. The process must be
 * single-threaded. Returns 0, or an errno value with ERR (ERRLEN bytes)
 * saying what refused it and why: AppArmor's
 * kernel.apparmor_restrict_unprivileged_userns, a sysctl, a chroot. */
int netns_enter(char *err, size_t errlen);

/* Join the user (when it is not ours already) and network namespaces of
 * process PID, as `nsenter -U -n -t PID` does; a PID in our own network
 * namespace is no lab (EINVAL). Returns 0 or an errno value, ERR saying
 * which step failed. */
int netns_join(pid_t pid, char *err, size_t errlen);

#endif
