/* sockopt.c - the table of Linux socket options and the codecs between raw
 * getsockopt bytes and a typed struct optval. Never prints. */
#include "sockopt.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <linux/sock_diag.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>

/* A table row: the public description plus the getsockopt buffer size when
 * the type alone does not tell it (strings, structs, 64-bit values). */
struct row {
	struct sockopt_desc d;
	size_t size;
};

#define RD 1
#define WR 2
#define RW (RD | WR)

/* OPT stringifies the name before expansion: SO_RCVTIMEO is itself a macro. */
#define ROW_(str, lvl, opt, ty, acc, sz, text)                                 \
	{                                                                      \
		{str, lvl, opt, ty, !!((acc)&RD), !!((acc)&WR), text}, sz      \
	}
#define OPT(lvl, opt, ty, acc, text) ROW_(#opt, lvl, opt, ty, acc, 0, text)
#define OPTN(lvl, opt, ty, acc, sz, text)                                      \
	ROW_(#opt, lvl, opt, ty, acc, sz, text)

/* Not exported by the userspace headers (include/net/tcp.h, tcp_ulp.h). */
#define TCP_NAME_MAX 16
#define STRING_MAX 255 /* fits struct optval.s with its NUL */
#define BYTES_MAX 256

/* The rows between #ifdefs are kept as written, not reflowed. */
/* clang-format off */
static const struct row rows[] = {
	/* SOL_SOCKET */
#ifdef SO_ACCEPTCONN
	OPT(SOL_SOCKET, SO_ACCEPTCONN, OT_BOOL, RD,
	    "1 once listen() has been called on this socket"),
#endif
#ifdef SO_ATTACH_BPF
	OPT(SOL_SOCKET, SO_ATTACH_BPF, OT_INT, WR,
	    "attach a loaded eBPF program (given by its fd) as packet filter"),
#endif
#ifdef SO_ATTACH_REUSEPORT_EBPF
	OPT(SOL_SOCKET, SO_ATTACH_REUSEPORT_EBPF, OT_INT, WR,
	    "attach an eBPF program (by fd) that picks the socket of a "
	    "SO_REUSEPORT group for each packet"),
#endif
#ifdef SO_BINDTODEVICE
	OPTN(SOL_SOCKET, SO_BINDTODEVICE, OT_STRING, RW, IFNAMSIZ,
	     "send and receive only through this interface, e.g. 'lo' "
	     "('' unbinds)"),
#endif
#ifdef SO_BINDTOIFINDEX
	OPT(SOL_SOCKET, SO_BINDTOIFINDEX, OT_INT, RW,
	    "like SO_BINDTODEVICE, by interface index (0 unbinds)"),
#endif
#ifdef SO_BPF_EXTENSIONS
	OPT(SOL_SOCKET, SO_BPF_EXTENSIONS, OT_INT, RD,
	    "bit mask of the classic BPF extensions this kernel supports"),
#endif
#ifdef SO_BROADCAST
	OPT(SOL_SOCKET, SO_BROADCAST, OT_BOOL, RW,
	    "allow sending datagrams to a broadcast address"),
#endif
#ifdef SO_BUF_LOCK
	OPT(SOL_SOCKET, SO_BUF_LOCK, OT_INT, RW,
	    "stop the kernel resizing the buffers: 1 send, 2 receive, 3 both"),
#endif
#ifdef SO_BUSY_POLL
	OPT(SOL_SOCKET, SO_BUSY_POLL, OT_INT, RW,
	    "microseconds to busy-poll the device when a receive would block"),
#endif
#ifdef SO_BUSY_POLL_BUDGET
	/* Linux has no getsockopt for it: ENOPROTOOPT. */
	OPT(SOL_SOCKET, SO_BUSY_POLL_BUDGET, OT_INT, WR,
	    "packets to handle in each busy-poll round (CAP_NET_ADMIN to "
	    "raise)"),
#endif
#ifdef SO_CNX_ADVICE
	OPT(SOL_SOCKET, SO_CNX_ADVICE, OT_INT, WR,
	    "tell the kernel the connection looks broken (1): it may reroute"),
#endif
#ifdef SO_COOKIE
	OPTN(SOL_SOCKET, SO_COOKIE, OT_INT, RD, sizeof(uint64_t),
	     "a 64-bit number naming this socket for its whole life"),
#endif
#ifdef SO_DEBUG
	OPT(SOL_SOCKET, SO_DEBUG, OT_BOOL, RW,
	    "turn on protocol debugging (setting 1 needs CAP_NET_ADMIN)"),
#endif
#ifdef SO_DETACH_FILTER
	OPT(SOL_SOCKET, SO_DETACH_FILTER, OT_INT, WR,
	    "remove the packet filter (classic BPF or eBPF); value ignored"),
#endif
#ifdef SO_DETACH_REUSEPORT_BPF
	OPT(SOL_SOCKET, SO_DETACH_REUSEPORT_BPF, OT_INT, WR,
	    "remove the SO_REUSEPORT selection program; value ignored"),
#endif
#ifdef SO_DOMAIN
	OPT(SOL_SOCKET, SO_DOMAIN, OT_FAMILY, RD,
	    "the address family given to socket(), e.g. AF_INET"),
#endif
#ifdef SO_DONTROUTE
	OPT(SOL_SOCKET, SO_DONTROUTE, OT_BOOL, RW,
	    "send only to directly connected hosts, ignoring the routes"),
#endif
#ifdef SO_ERROR
	OPT(SOL_SOCKET, SO_ERROR, OT_ERRNO, RD,
	    "the pending error, cleared by reading it (how a non-blocking "
	    "connect reports its result)"),
#endif
#ifdef SO_INCOMING_CPU
	OPT(SOL_SOCKET, SO_INCOMING_CPU, OT_INT, RW,
	    "the CPU that handles this socket's incoming packets"),
#endif
#ifdef SO_INCOMING_NAPI_ID
	OPT(SOL_SOCKET, SO_INCOMING_NAPI_ID, OT_INT, RD,
	    "id of the device receive queue the last packet came from"),
#endif
#ifdef SO_KEEPALIVE
	OPT(SOL_SOCKET, SO_KEEPALIVE, OT_BOOL, RW,
	    "send probes on an idle connection to find out if the peer died"),
#endif
#ifdef SO_LINGER
	OPT(SOL_SOCKET, SO_LINGER, OT_LINGER, RW,
	    "(onoff, seconds): close() waits for unsent data; with 0 seconds "
	    "it resets the connection"),
#endif
#ifdef SO_LOCK_FILTER
	OPT(SOL_SOCKET, SO_LOCK_FILTER, OT_BOOL, RW,
	    "forbid changing or removing the attached packet filter"),
#endif
#ifdef SO_MARK
	OPT(SOL_SOCKET, SO_MARK, OT_INT, RW,
	    "a mark on outgoing packets for firewall and routing rules "
	    "(needs CAP_NET_ADMIN)"),
#endif
#ifdef SO_MAX_PACING_RATE
	OPT(SOL_SOCKET, SO_MAX_PACING_RATE, OT_INT, RW,
	    "cap the sending rate, in bytes per second"),
#endif
#ifdef SO_MEMINFO
	OPTN(SOL_SOCKET, SO_MEMINFO, OT_STRUCT, RD,
	     SK_MEMINFO_VARS * sizeof(uint32_t),
	     "memory the socket uses: buffer sizes, queued bytes, drops"),
#endif
#ifdef SO_NETNS_COOKIE
	OPTN(SOL_SOCKET, SO_NETNS_COOKIE, OT_INT, RD, sizeof(uint64_t),
	     "a 64-bit number naming the socket's network namespace"),
#endif
#ifdef SO_NOFCS
	OPT(SOL_SOCKET, SO_NOFCS, OT_BOOL, RW,
	    "send frames without the Ethernet checksum (packet sockets)"),
#endif
#ifdef SO_NO_CHECK
	OPT(SOL_SOCKET, SO_NO_CHECK, OT_BOOL, RW,
	    "send UDP datagrams without a checksum"),
#endif
#ifdef SO_OOBINLINE
	OPT(SOL_SOCKET, SO_OOBINLINE, OT_BOOL, RW,
	    "put TCP urgent (out-of-band) data in the normal data stream"),
#endif
#ifdef SO_PASSCRED
	OPT(SOL_SOCKET, SO_PASSCRED, OT_BOOL, RW,
	    "receive the sender's pid, uid, gid as SCM_CREDENTIALS (AF_UNIX)"),
#endif
#ifdef SO_PASSPIDFD
	OPT(SOL_SOCKET, SO_PASSPIDFD, OT_BOOL, RW,
	    "receive a pidfd of the sender as SCM_PIDFD (AF_UNIX)"),
#endif
#ifdef SO_PASSRIGHTS
	OPT(SOL_SOCKET, SO_PASSRIGHTS, OT_BOOL, RW,
	    "accept file descriptors sent as SCM_RIGHTS (AF_UNIX, default 1)"),
#endif
#ifdef SO_PASSSEC
	OPT(SOL_SOCKET, SO_PASSSEC, OT_BOOL, RW,
	    "receive the sender's security label as SCM_SECURITY"),
#endif
#ifdef SO_PEEK_OFF
	OPT(SOL_SOCKET, SO_PEEK_OFF, OT_INT, RW,
	    "where in the queue the next MSG_PEEK reads (-1 = the start)"),
#endif
#ifdef SO_PEERCRED
	OPT(SOL_SOCKET, SO_PEERCRED, OT_UCRED, RD,
	    "pid, uid and gid of the process at the other end (AF_UNIX)"),
#endif
#ifdef SO_PEERGROUPS
	OPTN(SOL_SOCKET, SO_PEERGROUPS, OT_BYTES, RD, BYTES_MAX,
	     "the peer process's supplementary groups, a gid_t array "
	     "(AF_UNIX)"),
#endif
#ifdef SO_PEERNAME
	OPTN(SOL_SOCKET, SO_PEERNAME, OT_BYTES, RD,
	     sizeof(struct sockaddr_storage),
	     "the peer's address as a raw struct sockaddr (as getpeername)"),
#endif
#ifdef SO_PEERPIDFD
	OPT(SOL_SOCKET, SO_PEERPIDFD, OT_INT, RD,
	    "a new pidfd for the peer process (AF_UNIX); close it after"),
#endif
#ifdef SO_PEERSEC
	OPTN(SOL_SOCKET, SO_PEERSEC, OT_STRING, RD, STRING_MAX,
	     "the peer's security context (needs an LSM such as SELinux)"),
#endif
#ifdef SO_PREFER_BUSY_POLL
	OPT(SOL_SOCKET, SO_PREFER_BUSY_POLL, OT_BOOL, RW,
	    "prefer busy polling to device interrupts (with SO_BUSY_POLL)"),
#endif
#ifdef SO_PRIORITY
	OPT(SOL_SOCKET, SO_PRIORITY, OT_INT, RW,
	    "queueing priority of outgoing packets, 0-6 (more needs "
	    "CAP_NET_ADMIN)"),
#endif
#ifdef SO_PROTOCOL
	OPT(SOL_SOCKET, SO_PROTOCOL, OT_PROTOCOL, RD,
	    "the protocol of the socket, e.g. IPPROTO_TCP"),
#endif
#ifdef SO_RCVBUF
	OPT(SOL_SOCKET, SO_RCVBUF, OT_INT, RW,
	    "receive buffer size in bytes (the kernel doubles what you set)"),
#endif
#ifdef SO_RCVBUFFORCE
	OPT(SOL_SOCKET, SO_RCVBUFFORCE, OT_INT, WR,
	    "set SO_RCVBUF past the system limit (needs CAP_NET_ADMIN)"),
#endif
#ifdef SO_RCVLOWAT
	OPT(SOL_SOCKET, SO_RCVLOWAT, OT_INT, RW,
	    "bytes that must be queued before a read or poll sees data"),
#endif
#ifdef SO_RCVMARK
	OPT(SOL_SOCKET, SO_RCVMARK, OT_BOOL, RW,
	    "receive each packet's mark (SO_MARK) as ancillary data"),
#endif
#ifdef SO_RCVPRIORITY
	OPT(SOL_SOCKET, SO_RCVPRIORITY, OT_BOOL, RW,
	    "receive each packet's priority as ancillary data"),
#endif
#ifdef SO_RCVTIMEO
	OPT(SOL_SOCKET, SO_RCVTIMEO, OT_TIMEVAL, RW,
	    "seconds a blocking receive waits before failing with EAGAIN "
	    "(0 = forever)"),
#endif
#ifdef SO_RESERVE_MEM
	OPT(SOL_SOCKET, SO_RESERVE_MEM, OT_INT, RW,
	    "bytes of memory reserved ahead for this socket's buffers"),
#endif
#ifdef SO_REUSEADDR
	OPT(SOL_SOCKET, SO_REUSEADDR, OT_BOOL, RW,
	    "allow bind() to a local address still in TIME_WAIT"),
#endif
#ifdef SO_REUSEPORT
	OPT(SOL_SOCKET, SO_REUSEPORT, OT_BOOL, RW,
	    "let several sockets bind the same address and port and share "
	    "the traffic"),
#endif
#ifdef SO_RXQ_OVFL
	OPT(SOL_SOCKET, SO_RXQ_OVFL, OT_BOOL, RW,
	    "receive the count of packets dropped for lack of room as "
	    "ancillary data"),
#endif
#ifdef SO_SELECT_ERR_QUEUE
	OPT(SOL_SOCKET, SO_SELECT_ERR_QUEUE, OT_BOOL, RW,
	    "make select/poll report queued errors as an exceptional "
	    "condition"),
#endif
#ifdef SO_SNDBUF
	OPT(SOL_SOCKET, SO_SNDBUF, OT_INT, RW,
	    "send buffer size in bytes (the kernel doubles what you set)"),
#endif
#ifdef SO_SNDBUFFORCE
	OPT(SOL_SOCKET, SO_SNDBUFFORCE, OT_INT, WR,
	    "set SO_SNDBUF past the system limit (needs CAP_NET_ADMIN)"),
#endif
#ifdef SO_SNDLOWAT
	/* Linux refuses to set it: ENOPROTOOPT. */
	OPT(SOL_SOCKET, SO_SNDLOWAT, OT_INT, RD,
	    "bytes of room a send needs to go ahead; always 1 on Linux"),
#endif
#ifdef SO_SNDTIMEO
	OPT(SOL_SOCKET, SO_SNDTIMEO, OT_TIMEVAL, RW,
	    "seconds a blocking send waits before failing with EAGAIN "
	    "(0 = forever)"),
#endif
#ifdef SO_TIMESTAMP
	OPT(SOL_SOCKET, SO_TIMESTAMP, OT_BOOL, RW,
	    "receive each packet's arrival time (timeval) as ancillary data"),
#endif
#ifdef SO_TIMESTAMPING
	OPT(SOL_SOCKET, SO_TIMESTAMPING, OT_INT, RW,
	    "which send/receive timestamps to report: SOF_TIMESTAMPING_* "
	    "flags"),
#endif
#ifdef SO_TIMESTAMPNS
	OPT(SOL_SOCKET, SO_TIMESTAMPNS, OT_BOOL, RW,
	    "receive each packet's arrival time (timespec) as ancillary data"),
#endif
#ifdef SO_TXREHASH
	OPT(SOL_SOCKET, SO_TXREHASH, OT_INT, RW,
	    "pick a new path hash after a timeout: 0 no, 1 yes, -1 default"),
#endif
#ifdef SO_TXTIME
	OPTN(SOL_SOCKET, SO_TXTIME, OT_BYTES, RW, 8,
	     "send packets at a set time: struct sock_txtime (clock, flags)"),
#endif
#ifdef SO_TYPE
	OPT(SOL_SOCKET, SO_TYPE, OT_SOCKTYPE, RD,
	    "the socket type, e.g. SOCK_STREAM"),
#endif
#ifdef SO_WIFI_STATUS
	OPT(SOL_SOCKET, SO_WIFI_STATUS, OT_BOOL, RW,
	    "receive the Wi-Fi acknowledgement of sent frames as ancillary "
	    "data"),
#endif
#ifdef SO_ZEROCOPY
	OPT(SOL_SOCKET, SO_ZEROCOPY, OT_BOOL, RW,
	    "allow send() with MSG_ZEROCOPY to send without copying"),
#endif

	/* IPPROTO_IP */
#ifdef IP_ADD_MEMBERSHIP
	OPT(IPPROTO_IP, IP_ADD_MEMBERSHIP, OT_IPMREQ, WR,
	    "join a multicast group: (group, interface address or '', "
	    "ifindex)"),
#endif
#ifdef IP_ADD_SOURCE_MEMBERSHIP
	OPT(IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP, OT_BYTES, WR,
	    "join a multicast group for one source only "
	    "(struct ip_mreq_source)"),
#endif
#ifdef IP_BIND_ADDRESS_NO_PORT
	OPT(IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, OT_BOOL, RW,
	    "bind() to port 0 leaves choosing the port to connect()"),
#endif
#ifdef IP_BLOCK_SOURCE
	OPT(IPPROTO_IP, IP_BLOCK_SOURCE, OT_BYTES, WR,
	    "stop receiving a joined group from one source "
	    "(struct ip_mreq_source)"),
#endif
#ifdef IP_CHECKSUM
	OPT(IPPROTO_IP, IP_CHECKSUM, OT_BOOL, RW,
	    "receive each packet's checksum as ancillary data"),
#endif
#ifdef IP_DROP_MEMBERSHIP
	OPT(IPPROTO_IP, IP_DROP_MEMBERSHIP, OT_IPMREQ, WR,
	    "leave a multicast group: (group, interface address or '', "
	    "ifindex)"),
#endif
#ifdef IP_DROP_SOURCE_MEMBERSHIP
	OPT(IPPROTO_IP, IP_DROP_SOURCE_MEMBERSHIP, OT_BYTES, WR,
	    "leave a group joined for one source (struct ip_mreq_source)"),
#endif
#ifdef IP_FREEBIND
	OPT(IPPROTO_IP, IP_FREEBIND, OT_BOOL, RW,
	    "allow bind() to an address this host does not have (yet)"),
#endif
#ifdef IP_HDRINCL
	OPT(IPPROTO_IP, IP_HDRINCL, OT_BOOL, RW,
	    "the program writes the IP header itself (SOCK_RAW)"),
#endif
#ifdef IP_IPSEC_POLICY
	OPT(IPPROTO_IP, IP_IPSEC_POLICY, OT_BYTES, WR,
	    "set an IPsec policy for this socket (a PF_KEY policy struct)"),
#endif
#ifdef IP_LOCAL_PORT_RANGE
	OPT(IPPROTO_IP, IP_LOCAL_PORT_RANGE, OT_INT, RW,
	    "ephemeral ports for this socket: low | high << 16 (0 = system)"),
#endif
#ifdef IP_MINTTL
	OPT(IPPROTO_IP, IP_MINTTL, OT_INT, RW,
	    "drop incoming packets whose TTL is below this (RFC 5082)"),
#endif
#ifdef IP_MSFILTER
	OPTN(IPPROTO_IP, IP_MSFILTER, OT_BYTES, RW, BYTES_MAX,
	     "the source filter of a multicast group (struct ip_msfilter, "
	     "naming the group)"),
#endif
#ifdef IP_MTU
	OPT(IPPROTO_IP, IP_MTU, OT_INT, RD,
	    "the path MTU known for a connected socket"),
#endif
#ifdef IP_MTU_DISCOVER
	OPT(IPPROTO_IP, IP_MTU_DISCOVER, OT_INT, RW,
	    "path MTU discovery: IP_PMTUDISC_DONT, _WANT, _DO or _PROBE"),
#endif
#ifdef IP_MULTICAST_ALL
	OPT(IPPROTO_IP, IP_MULTICAST_ALL, OT_BOOL, RW,
	    "receive every group joined on the host, not only this socket's"),
#endif
#ifdef IP_MULTICAST_IF
	OPT(IPPROTO_IP, IP_MULTICAST_IF, OT_INADDR, RW,
	    "address of the interface that sends our multicast ('' = "
	    "default)"),
#endif
#ifdef IP_MULTICAST_LOOP
	/* Read back as an int; a byte also sets it. */
	OPT(IPPROTO_IP, IP_MULTICAST_LOOP, OT_BOOL, RW,
	    "deliver our own multicast packets to local listeners too"),
#endif
#ifdef IP_MULTICAST_TTL
	OPT(IPPROTO_IP, IP_MULTICAST_TTL, OT_INT, RW,
	    "TTL of outgoing multicast (1 = stay on the local network)"),
#endif
#ifdef IP_NODEFRAG
	OPT(IPPROTO_IP, IP_NODEFRAG, OT_BOOL, RW,
	    "pass fragments up without reassembling them (SOCK_RAW)"),
#endif
#ifdef IP_OPTIONS
	OPTN(IPPROTO_IP, IP_OPTIONS, OT_BYTES, RW, 40,
	     "IP header options sent with every packet, as raw bytes"),
#endif
#ifdef IP_PASSSEC
	OPT(IPPROTO_IP, IP_PASSSEC, OT_BOOL, RW,
	    "receive the sender's security label as ancillary data"),
#endif
#ifdef IP_PKTINFO
	OPT(IPPROTO_IP, IP_PKTINFO, OT_BOOL, RW,
	    "receive each packet's destination address and interface as "
	    "ancillary data"),
#endif
#ifdef IP_PKTOPTIONS
	OPTN(IPPROTO_IP, IP_PKTOPTIONS, OT_BYTES, RD, BYTES_MAX,
	     "ancillary data of the last packet received (SOCK_STREAM)"),
#endif
#ifdef IP_PROTOCOL
	OPT(IPPROTO_IP, IP_PROTOCOL, OT_INT, RD,
	    "the IP protocol number of the socket, e.g. 6 for TCP"),
#endif
#ifdef IP_RECVERR
	OPT(IPPROTO_IP, IP_RECVERR, OT_BOOL, RW,
	    "queue detailed errors (ICMP) to read with MSG_ERRQUEUE"),
#endif
#ifdef IP_RECVERR_RFC4884
	OPT(IPPROTO_IP, IP_RECVERR_RFC4884, OT_BOOL, RW,
	    "add RFC 4884 ICMP extensions to IP_RECVERR errors"),
#endif
#ifdef IP_RECVFRAGSIZE
	OPT(IPPROTO_IP, IP_RECVFRAGSIZE, OT_BOOL, RW,
	    "receive the size of the largest fragment as ancillary data"),
#endif
#ifdef IP_RECVOPTS
	OPT(IPPROTO_IP, IP_RECVOPTS, OT_BOOL, RW,
	    "receive each packet's IP options as ancillary data"),
#endif
#ifdef IP_RECVORIGDSTADDR
	OPT(IPPROTO_IP, IP_RECVORIGDSTADDR, OT_BOOL, RW,
	    "receive each packet's original destination (transparent "
	    "proxies)"),
#endif
#ifdef IP_RECVTOS
	OPT(IPPROTO_IP, IP_RECVTOS, OT_BOOL, RW,
	    "receive each packet's TOS byte as ancillary data"),
#endif
#ifdef IP_RECVTTL
	OPT(IPPROTO_IP, IP_RECVTTL, OT_BOOL, RW,
	    "receive each packet's TTL as ancillary data"),
#endif
#ifdef IP_RETOPTS
	OPT(IPPROTO_IP, IP_RETOPTS, OT_BOOL, RW,
	    "receive each packet's raw, unprocessed IP options as "
	    "ancillary data"),
#endif
#ifdef IP_ROUTER_ALERT
	OPT(IPPROTO_IP, IP_ROUTER_ALERT, OT_BOOL, RW,
	    "get packets that carry the Router Alert option (SOCK_RAW)"),
#endif
#ifdef IP_TOS
	OPT(IPPROTO_IP, IP_TOS, OT_INT, RW,
	    "type of service (DSCP and ECN) byte of outgoing packets"),
#endif
#ifdef IP_TRANSPARENT
	OPT(IPPROTO_IP, IP_TRANSPARENT, OT_BOOL, RW,
	    "bind to and answer for other hosts' addresses (transparent "
	    "proxy, needs CAP_NET_ADMIN)"),
#endif
#ifdef IP_TTL
	OPT(IPPROTO_IP, IP_TTL, OT_INT, RW,
	    "time to live: routers an outgoing packet may cross"),
#endif
#ifdef IP_UNBLOCK_SOURCE
	OPT(IPPROTO_IP, IP_UNBLOCK_SOURCE, OT_BYTES, WR,
	    "receive again from a source blocked with IP_BLOCK_SOURCE"),
#endif
#ifdef IP_UNICAST_IF
	OPT(IPPROTO_IP, IP_UNICAST_IF, OT_INT, RW,
	    "send unicast through this interface index, in network byte "
	    "order (htonl)"),
#endif
#ifdef IP_XFRM_POLICY
	OPT(IPPROTO_IP, IP_XFRM_POLICY, OT_BYTES, WR,
	    "set an IPsec policy for this socket (an xfrm policy struct)"),
#endif

	/* IPPROTO_IPV6 */
#ifdef IPV6_2292DSTOPTS
	OPT(IPPROTO_IPV6, IPV6_2292DSTOPTS, OT_BOOL, RW,
	    "old RFC 2292 form of IPV6_RECVDSTOPTS"),
#endif
#ifdef IPV6_2292HOPLIMIT
	OPT(IPPROTO_IPV6, IPV6_2292HOPLIMIT, OT_BOOL, RW,
	    "old RFC 2292 form of IPV6_RECVHOPLIMIT"),
#endif
#ifdef IPV6_2292HOPOPTS
	OPT(IPPROTO_IPV6, IPV6_2292HOPOPTS, OT_BOOL, RW,
	    "old RFC 2292 form of IPV6_RECVHOPOPTS"),
#endif
#ifdef IPV6_2292PKTINFO
	OPT(IPPROTO_IPV6, IPV6_2292PKTINFO, OT_BOOL, RW,
	    "old RFC 2292 form of IPV6_RECVPKTINFO"),
#endif
#ifdef IPV6_2292PKTOPTIONS
	OPTN(IPPROTO_IPV6, IPV6_2292PKTOPTIONS, OT_BYTES, RW, BYTES_MAX,
	     "old RFC 2292 sticky options; reads the last packet's "
	     "ancillary data (SOCK_STREAM)"),
#endif
#ifdef IPV6_2292RTHDR
	OPT(IPPROTO_IPV6, IPV6_2292RTHDR, OT_BOOL, RW,
	    "old RFC 2292 form of IPV6_RECVRTHDR"),
#endif
#ifdef IPV6_ADDRFORM
	/* Read on a connected socket it tells the current family. */
	OPT(IPPROTO_IPV6, IPV6_ADDRFORM, OT_FAMILY, RW,
	    "set AF_INET to turn a socket on an IPv4-mapped address into an "
	    "AF_INET one"),
#endif
#ifdef IPV6_ADDR_PREFERENCES
	OPT(IPPROTO_IPV6, IPV6_ADDR_PREFERENCES, OT_INT, RW,
	    "which source addresses to prefer: IPV6_PREFER_SRC_* flags"),
#endif
#ifdef IPV6_AUTOFLOWLABEL
	OPT(IPPROTO_IPV6, IPV6_AUTOFLOWLABEL, OT_BOOL, RW,
	    "give outgoing packets a flow label computed from the flow"),
#endif
#ifdef IPV6_CHECKSUM
	OPT(IPPROTO_IPV6, IPV6_CHECKSUM, OT_INT, RW,
	    "offset of the checksum the kernel computes (SOCK_RAW; -1 = "
	    "none)"),
#endif
#ifdef IPV6_DONTFRAG
	OPT(IPPROTO_IPV6, IPV6_DONTFRAG, OT_BOOL, RW,
	    "fail with EMSGSIZE rather than fragment a large datagram"),
#endif
#ifdef IPV6_DSTOPTS
	OPTN(IPPROTO_IPV6, IPV6_DSTOPTS, OT_BYTES, RW, BYTES_MAX,
	     "destination options header sent with every packet, raw bytes"),
#endif
#ifdef IPV6_FREEBIND
	OPT(IPPROTO_IPV6, IPV6_FREEBIND, OT_BOOL, RW,
	    "allow bind() to an address this host does not have (yet)"),
#endif
#ifdef IPV6_HDRINCL
	OPT(IPPROTO_IPV6, IPV6_HDRINCL, OT_BOOL, RW,
	    "the program writes the IPv6 header itself (SOCK_RAW)"),
#endif
#ifdef IPV6_HOPOPTS
	OPTN(IPPROTO_IPV6, IPV6_HOPOPTS, OT_BYTES, RW, BYTES_MAX,
	     "hop-by-hop options header sent with every packet, raw bytes"),
#endif
#ifdef IPV6_IPSEC_POLICY
	OPT(IPPROTO_IPV6, IPV6_IPSEC_POLICY, OT_BYTES, WR,
	    "set an IPsec policy for this socket (a PF_KEY policy struct)"),
#endif
#ifdef IPV6_JOIN_ANYCAST
	OPT(IPPROTO_IPV6, IPV6_JOIN_ANYCAST, OT_IPV6MREQ, WR,
	    "answer for an anycast address: (address, ifindex)"),
#endif
#ifdef IPV6_JOIN_GROUP
	OPT(IPPROTO_IPV6, IPV6_JOIN_GROUP, OT_IPV6MREQ, WR,
	    "join a multicast group: (group, ifindex)"),
#endif
#ifdef IPV6_LEAVE_ANYCAST
	OPT(IPPROTO_IPV6, IPV6_LEAVE_ANYCAST, OT_IPV6MREQ, WR,
	    "stop answering for an anycast address: (address, ifindex)"),
#endif
#ifdef IPV6_LEAVE_GROUP
	OPT(IPPROTO_IPV6, IPV6_LEAVE_GROUP, OT_IPV6MREQ, WR,
	    "leave a multicast group: (group, ifindex)"),
#endif
#ifdef IPV6_MINHOPCOUNT
	OPT(IPPROTO_IPV6, IPV6_MINHOPCOUNT, OT_INT, RW,
	    "drop incoming packets whose hop limit is below this"),
#endif
#ifdef IPV6_MTU
	OPT(IPPROTO_IPV6, IPV6_MTU, OT_INT, RW,
	    "the path MTU of a connected socket; setting it caps the MTU"),
#endif
#ifdef IPV6_MTU_DISCOVER
	OPT(IPPROTO_IPV6, IPV6_MTU_DISCOVER, OT_INT, RW,
	    "path MTU discovery: IPV6_PMTUDISC_DONT, _WANT, _DO or _PROBE"),
#endif
#ifdef IPV6_MULTICAST_ALL
	OPT(IPPROTO_IPV6, IPV6_MULTICAST_ALL, OT_BOOL, RW,
	    "receive every group joined on the host, not only this socket's"),
#endif
#ifdef IPV6_MULTICAST_HOPS
	OPT(IPPROTO_IPV6, IPV6_MULTICAST_HOPS, OT_INT, RW,
	    "hop limit of outgoing multicast (-1 = default, 1)"),
#endif
#ifdef IPV6_MULTICAST_IF
	OPT(IPPROTO_IPV6, IPV6_MULTICAST_IF, OT_INT, RW,
	    "index of the interface that sends our multicast (0 = default)"),
#endif
#ifdef IPV6_MULTICAST_LOOP
	OPT(IPPROTO_IPV6, IPV6_MULTICAST_LOOP, OT_BOOL, RW,
	    "deliver our own multicast packets to local listeners too"),
#endif
#ifdef IPV6_NEXTHOP
	OPT(IPPROTO_IPV6, IPV6_NEXTHOP, OT_BYTES, WR,
	    "send through this next-hop router (a raw struct sockaddr_in6)"),
#endif
#ifdef IPV6_PATHMTU
	OPTN(IPPROTO_IPV6, IPV6_PATHMTU, OT_BYTES, RD,
	     sizeof(struct ip6_mtuinfo),
	     "path MTU of a connected socket (struct ip6_mtuinfo)"),
#endif
#ifdef IPV6_PKTINFO
	/* Set only: reading it is ENOPROTOOPT. */
	OPTN(IPPROTO_IPV6, IPV6_PKTINFO, OT_BYTES, WR,
	     sizeof(struct in6_pktinfo),
	     "fixed source address and interface for outgoing packets "
	     "(struct in6_pktinfo)"),
#endif
#ifdef IPV6_RECVDSTOPTS
	OPT(IPPROTO_IPV6, IPV6_RECVDSTOPTS, OT_BOOL, RW,
	    "receive each packet's destination options as ancillary data"),
#endif
#ifdef IPV6_RECVERR
	OPT(IPPROTO_IPV6, IPV6_RECVERR, OT_BOOL, RW,
	    "queue detailed errors (ICMPv6) to read with MSG_ERRQUEUE"),
#endif
#ifdef IPV6_RECVERR_RFC4884
	OPT(IPPROTO_IPV6, IPV6_RECVERR_RFC4884, OT_BOOL, RW,
	    "add RFC 4884 ICMPv6 extensions to IPV6_RECVERR errors"),
#endif
#ifdef IPV6_RECVFRAGSIZE
	OPT(IPPROTO_IPV6, IPV6_RECVFRAGSIZE, OT_BOOL, RW,
	    "receive the size of the largest fragment as ancillary data"),
#endif
#ifdef IPV6_RECVHOPLIMIT
	OPT(IPPROTO_IPV6, IPV6_RECVHOPLIMIT, OT_BOOL, RW,
	    "receive each packet's hop limit as ancillary data"),
#endif
#ifdef IPV6_RECVHOPOPTS
	OPT(IPPROTO_IPV6, IPV6_RECVHOPOPTS, OT_BOOL, RW,
	    "receive each packet's hop-by-hop options as ancillary data"),
#endif
#ifdef IPV6_RECVORIGDSTADDR
	OPT(IPPROTO_IPV6, IPV6_RECVORIGDSTADDR, OT_BOOL, RW,
	    "receive each packet's original destination (transparent "
	    "proxies)"),
#endif
#ifdef IPV6_RECVPATHMTU
	OPT(IPPROTO_IPV6, IPV6_RECVPATHMTU, OT_BOOL, RW,
	    "receive path MTU changes as ancillary data"),
#endif
#ifdef IPV6_RECVPKTINFO
	OPT(IPPROTO_IPV6, IPV6_RECVPKTINFO, OT_BOOL, RW,
	    "receive each packet's destination address and interface as "
	    "ancillary data"),
#endif
#ifdef IPV6_RECVRTHDR
	OPT(IPPROTO_IPV6, IPV6_RECVRTHDR, OT_BOOL, RW,
	    "receive each packet's routing header as ancillary data"),
#endif
#ifdef IPV6_RECVTCLASS
	OPT(IPPROTO_IPV6, IPV6_RECVTCLASS, OT_BOOL, RW,
	    "receive each packet's traffic class as ancillary data"),
#endif
#ifdef IPV6_ROUTER_ALERT
	OPT(IPPROTO_IPV6, IPV6_ROUTER_ALERT, OT_INT, RW,
	    "get packets whose Router Alert carries this value (SOCK_RAW; "
	    "-1 = off)"),
#endif
#ifdef IPV6_ROUTER_ALERT_ISOLATE
	OPT(IPPROTO_IPV6, IPV6_ROUTER_ALERT_ISOLATE, OT_BOOL, RW,
	    "take only Router Alert packets of this socket's namespace"),
#endif
#ifdef IPV6_RTHDR
	OPTN(IPPROTO_IPV6, IPV6_RTHDR, OT_BYTES, RW, BYTES_MAX,
	     "routing header sent with every packet, as raw bytes"),
#endif
#ifdef IPV6_RTHDRDSTOPTS
	OPTN(IPPROTO_IPV6, IPV6_RTHDRDSTOPTS, OT_BYTES, RW, BYTES_MAX,
	     "destination options before the routing header, raw bytes"),
#endif
#ifdef IPV6_TCLASS
	OPT(IPPROTO_IPV6, IPV6_TCLASS, OT_INT, RW,
	    "traffic class (DSCP and ECN) of outgoing packets (-1 = "
	    "default)"),
#endif
#ifdef IPV6_TRANSPARENT
	OPT(IPPROTO_IPV6, IPV6_TRANSPARENT, OT_BOOL, RW,
	    "bind to and answer for other hosts' addresses (transparent "
	    "proxy, needs CAP_NET_ADMIN)"),
#endif
#ifdef IPV6_UNICAST_HOPS
	OPT(IPPROTO_IPV6, IPV6_UNICAST_HOPS, OT_INT, RW,
	    "hop limit of outgoing unicast packets (-1 = route default)"),
#endif
#ifdef IPV6_UNICAST_IF
	OPT(IPPROTO_IPV6, IPV6_UNICAST_IF, OT_INT, RW,
	    "send unicast through this interface index, in network byte "
	    "order (htonl)"),
#endif
#ifdef IPV6_V6ONLY
	OPT(IPPROTO_IPV6, IPV6_V6ONLY, OT_BOOL, RW,
	    "IPv6 only: no IPv4-mapped addresses on this socket"),
#endif
#ifdef IPV6_XFRM_POLICY
	OPT(IPPROTO_IPV6, IPV6_XFRM_POLICY, OT_BYTES, WR,
	    "set an IPsec policy for this socket (an xfrm policy struct)"),
#endif

	/* IPPROTO_TCP */
#ifdef TCP_CC_INFO
	OPTN(IPPROTO_TCP, TCP_CC_INFO, OT_BYTES, RD, BYTES_MAX,
	     "state of the congestion control algorithm (its own struct)"),
#endif
#ifdef TCP_CONGESTION
	OPTN(IPPROTO_TCP, TCP_CONGESTION, OT_STRING, RW, TCP_NAME_MAX,
	     "congestion control algorithm, e.g. 'cubic' or 'reno'"),
#endif
#ifdef TCP_CORK
	OPT(IPPROTO_TCP, TCP_CORK, OT_BOOL, RW,
	    "hold back partial segments until uncorked (at most 200 ms)"),
#endif
#ifdef TCP_DEFER_ACCEPT
	OPT(IPPROTO_TCP, TCP_DEFER_ACCEPT, OT_INT, RW,
	    "seconds accept() may wait for the first data before it "
	    "returns a connection"),
#endif
#ifdef TCP_FASTOPEN
	OPT(IPPROTO_TCP, TCP_FASTOPEN, OT_INT, RW,
	    "on a listener: allow TCP Fast Open, with this queue length"),
#endif
#ifdef TCP_FASTOPEN_CONNECT
	OPT(IPPROTO_TCP, TCP_FASTOPEN_CONNECT, OT_BOOL, RW,
	    "connect() defers the SYN to send the first data in it "
	    "(Fast Open)"),
#endif
#ifdef TCP_FASTOPEN_KEY
	OPTN(IPPROTO_TCP, TCP_FASTOPEN_KEY, OT_BYTES, RW, 32,
	     "the 16-byte Fast Open cookie key (and a backup key)"),
#endif
#ifdef TCP_FASTOPEN_NO_COOKIE
	OPT(IPPROTO_TCP, TCP_FASTOPEN_NO_COOKIE, OT_BOOL, RW,
	    "send Fast Open data without first getting a cookie"),
#endif
#ifdef TCP_INFO
	OPTN(IPPROTO_TCP, TCP_INFO, OT_STRUCT, RD, sizeof(struct tcp_info),
	     "connection statistics: state, round trip time, window, "
	     "retransmits..."),
#endif
#ifdef TCP_INQ
	OPT(IPPROTO_TCP, TCP_INQ, OT_BOOL, RW,
	    "receive the bytes still queued as TCP_CM_INQ ancillary data"),
#endif
#ifdef TCP_KEEPCNT
	OPT(IPPROTO_TCP, TCP_KEEPCNT, OT_INT, RW,
	    "unanswered keepalive probes before the connection is dropped"),
#endif
#ifdef TCP_KEEPIDLE
	OPT(IPPROTO_TCP, TCP_KEEPIDLE, OT_INT, RW,
	    "seconds idle before the first keepalive probe (SO_KEEPALIVE)"),
#endif
#ifdef TCP_KEEPINTVL
	OPT(IPPROTO_TCP, TCP_KEEPINTVL, OT_INT, RW,
	    "seconds between keepalive probes"),
#endif
#ifdef TCP_LINGER2
	OPT(IPPROTO_TCP, TCP_LINGER2, OT_INT, RW,
	    "seconds an orphaned connection stays in FIN_WAIT2"),
#endif
#ifdef TCP_MAXSEG
	OPT(IPPROTO_TCP, TCP_MAXSEG, OT_INT, RW,
	    "maximum segment size: most payload bytes per packet"),
#endif
#ifdef TCP_MD5SIG
	OPT(IPPROTO_TCP, TCP_MD5SIG, OT_BYTES, WR,
	    "sign segments to a peer with an MD5 key, RFC 2385 "
	    "(struct tcp_md5sig)"),
#endif
#ifdef TCP_MD5SIG_EXT
	OPT(IPPROTO_TCP, TCP_MD5SIG_EXT, OT_BYTES, WR,
	    "TCP_MD5SIG for a prefix or interface (struct tcp_md5sig)"),
#endif
#ifdef TCP_NODELAY
	OPT(IPPROTO_TCP, TCP_NODELAY, OT_BOOL, RW,
	    "send small segments at once: turn off Nagle's algorithm"),
#endif
#ifdef TCP_NOTSENT_LOWAT
	OPT(IPPROTO_TCP, TCP_NOTSENT_LOWAT, OT_INT, RW,
	    "poll reports writable only while fewer unsent bytes are queued"),
#endif
#ifdef TCP_QUEUE_SEQ
	OPT(IPPROTO_TCP, TCP_QUEUE_SEQ, OT_INT, RW,
	    "sequence number of the queue picked by TCP_REPAIR_QUEUE"),
#endif
#ifdef TCP_QUICKACK
	OPT(IPPROTO_TCP, TCP_QUICKACK, OT_BOOL, RW,
	    "acknowledge at once instead of delaying ACKs (not sticky)"),
#endif
#ifdef TCP_REPAIR
	OPT(IPPROTO_TCP, TCP_REPAIR, OT_INT, RW,
	    "repair mode to checkpoint or restore a connection "
	    "(needs CAP_NET_ADMIN)"),
#endif
#ifdef TCP_REPAIR_OPTIONS
	OPT(IPPROTO_TCP, TCP_REPAIR_OPTIONS, OT_BYTES, WR,
	    "set negotiated TCP options in repair mode "
	    "(struct tcp_repair_opt array)"),
#endif
#ifdef TCP_REPAIR_QUEUE
	OPT(IPPROTO_TCP, TCP_REPAIR_QUEUE, OT_INT, RW,
	    "which queue repair mode works on: 1 receive, 2 send"),
#endif
#ifdef TCP_REPAIR_WINDOW
	OPTN(IPPROTO_TCP, TCP_REPAIR_WINDOW, OT_BYTES, RW, 20,
	     "window state in repair mode (struct tcp_repair_window)"),
#endif
#ifdef TCP_SAVED_SYN
	OPTN(IPPROTO_TCP, TCP_SAVED_SYN, OT_BYTES, RD, BYTES_MAX,
	     "the saved headers of the SYN that opened this connection"),
#endif
#ifdef TCP_SAVE_SYN
	OPT(IPPROTO_TCP, TCP_SAVE_SYN, OT_INT, RW,
	    "on a listener: keep each SYN's headers for TCP_SAVED_SYN"),
#endif
#ifdef TCP_SYNCNT
	OPT(IPPROTO_TCP, TCP_SYNCNT, OT_INT, RW,
	    "SYN retransmits before connect() gives up"),
#endif
#ifdef TCP_THIN_DUPACK
	OPT(IPPROTO_TCP, TCP_THIN_DUPACK, OT_BOOL, RW,
	    "obsolete: fast retransmit after one duplicate ACK; ignored"),
#endif
#ifdef TCP_THIN_LINEAR_TIMEOUTS
	OPT(IPPROTO_TCP, TCP_THIN_LINEAR_TIMEOUTS, OT_BOOL, RW,
	    "no exponential backoff for connections sending little data"),
#endif
#ifdef TCP_TIMESTAMP
	OPT(IPPROTO_TCP, TCP_TIMESTAMP, OT_INT, RW,
	    "current TCP timestamp; setting it adds an offset (repair)"),
#endif
#ifdef TCP_TX_DELAY
	OPT(IPPROTO_TCP, TCP_TX_DELAY, OT_INT, RW,
	    "delay every sent packet by this many microseconds (testing)"),
#endif
#ifdef TCP_ULP
	OPTN(IPPROTO_TCP, TCP_ULP, OT_STRING, RW, TCP_NAME_MAX,
	     "upper layer protocol on this connection, e.g. 'tls'"),
#endif
#ifdef TCP_USER_TIMEOUT
	OPT(IPPROTO_TCP, TCP_USER_TIMEOUT, OT_INT, RW,
	    "milliseconds sent data may stay unacknowledged before the "
	    "connection is dropped"),
#endif
#ifdef TCP_WINDOW_CLAMP
	OPT(IPPROTO_TCP, TCP_WINDOW_CLAMP, OT_INT, RW,
	    "upper bound in bytes on the advertised receive window"),
#endif

	/* IPPROTO_UDP */
#ifdef UDP_CORK
	OPT(IPPROTO_UDP, UDP_CORK, OT_BOOL, RW,
	    "gather sends into a single datagram until uncorked"),
#endif
#ifdef UDP_ENCAP
	OPT(IPPROTO_UDP, UDP_ENCAP, OT_INT, RW,
	    "decapsulate tunnelled packets: UDP_ENCAP_ESPINUDP, ... "
	    "(needs CAP_NET_ADMIN)"),
#endif
#ifdef UDP_GRO
	OPT(IPPROTO_UDP, UDP_GRO, OT_BOOL, RW,
	    "receive several datagrams merged into one buffer (GRO)"),
#endif
#ifdef UDP_NO_CHECK6_RX
	OPT(IPPROTO_UDP, UDP_NO_CHECK6_RX, OT_BOOL, RW,
	    "accept IPv6 UDP datagrams with a zero checksum"),
#endif
#ifdef UDP_NO_CHECK6_TX
	OPT(IPPROTO_UDP, UDP_NO_CHECK6_TX, OT_BOOL, RW,
	    "send IPv6 UDP datagrams with a zero checksum"),
#endif
#ifdef UDP_SEGMENT
	OPT(IPPROTO_UDP, UDP_SEGMENT, OT_INT, RW,
	    "split each send into datagrams of this size (segmentation "
	    "offload)"),
#endif
};
/* clang-format on */

#define NROWS (sizeof(rows) / sizeof(rows[0]))

/* Second names of an option: by_name finds the row under its first name. */
static const struct {
	const char *alias, *name;
} aliases[] = {
    {"SO_DETACH_BPF", "SO_DETACH_FILTER"},
    {"IP_ORIGDSTADDR", "IP_RECVORIGDSTADDR"},
    {"IP_RECVRETOPTS", "IP_RETOPTS"},
    {"IPV6_ADD_MEMBERSHIP", "IPV6_JOIN_GROUP"},
    {"IPV6_DROP_MEMBERSHIP", "IPV6_LEAVE_GROUP"},
    {"IPV6_ORIGDSTADDR", "IPV6_RECVORIGDSTADDR"},
    {"IPV6_RXDSTOPTS", "IPV6_DSTOPTS"},
    {"IPV6_RXHOPOPTS", "IPV6_HOPOPTS"},
    {"TCP_CM_INQ", "TCP_INQ"},
};

size_t sockopt_count(void)
{
	return NROWS;
}

const struct sockopt_desc *sockopt_at(size_t i)
{
	return i < NROWS ? &rows[i].d : NULL;
}

/* Rows by (level, optname): an open-addressing index built on first use,
 * so a getsockopt in a loop does not walk 192 rows, three times a call. */
#define INDEX_SLOTS 512 /* a power of two, over twice the rows */
static short row_index[INDEX_SLOTS]; /* row + 1; 0 is empty */
_Static_assert(NROWS * 2 <= INDEX_SLOTS, "the row index must stay half empty");

static size_t row_slot(int level, int optname)
{
	return ((unsigned)level * 2654435761u ^ (unsigned)optname * 40503u) &
	       (INDEX_SLOTS - 1);
}

static void build_row_index(void)
{
	size_t i, k;

	for (i = 0; i < NROWS; i++) {
		k = row_slot(rows[i].d.level, rows[i].d.optname);
		while (row_index[k])
			k = (k + 1) & (INDEX_SLOTS - 1);
		row_index[k] = (short)(i + 1);
	}
}

static const struct row *row_find(int level, int optname)
{
	static bool built;
	size_t k;

	if (!built) {
		build_row_index();
		built = true;
	}
	/* A pair listed twice is found at its first row, as a walk would. */
	for (k = row_slot(level, optname); row_index[k];
	     k = (k + 1) & (INDEX_SLOTS - 1)) {
		const struct row *r = &rows[row_index[k] - 1];
		if (r->d.level == level && r->d.optname == optname)
			return r;
	}
	return NULL;
}

const struct sockopt_desc *sockopt_find(int level, int optname)
{
	const struct row *r = row_find(level, optname);

	return r ? &r->d : NULL;
}

const struct sockopt_desc *sockopt_by_name(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++)
		if (!strcmp(name, aliases[i].alias))
			name = aliases[i].name;
	for (i = 0; i < NROWS; i++)
		if (!strcmp(name, rows[i].d.name))
			return &rows[i].d;
	return NULL;
}

static int is_int_type(enum opt_type t)
{
	return t == OT_INT || t == OT_BOOL || t == OT_SOCKTYPE ||
	       t == OT_FAMILY || t == OT_PROTOCOL || t == OT_ERRNO;
}

static size_t type_size(enum opt_type t)
{
	switch (t) {
	case OT_LINGER:
		return sizeof(struct linger);
	case OT_TIMEVAL:
		return sizeof(struct timeval);
	case OT_STRING:
		return STRING_MAX;
	case OT_INADDR:
		return sizeof(struct in_addr);
	case OT_IPMREQ:
		return sizeof(struct ip_mreqn);
	case OT_IPV6MREQ:
		return sizeof(struct ipv6_mreq);
	case OT_UCRED:
		return sizeof(struct ucred);
	case OT_STRUCT:
	case OT_BYTES:
		return BYTES_MAX;
	default:
		return sizeof(int);
	}
}

size_t sockopt_size(const struct sockopt_desc *d)
{
	const struct row *r;

	if (!d)
		return 0;
	/* Look the row up, so a copy of a desc gets the same answer. */
	r = row_find(d->level, d->optname);
	if (r && r->d.type == d->type && r->size)
		return r->size;
	return type_size(d->type);
}

/* ---- decoding ---- */

static uint32_t get_u32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* An int option: 1 byte (some IP options answer a short buffer with one
 * unsigned char, as Python allows), an int, or a 64-bit cookie. */
static int decode_int(const unsigned char *p, size_t len, struct optval *out)
{
	int v;
	int64_t w;

	if (len == 1) {
		out->i = p[0];
	} else if (len == sizeof(int)) {
		memcpy(&v, p, sizeof(v));
		out->i = v;
	} else if (len == sizeof(int64_t)) {
		memcpy(&w, p, sizeof(w));
		out->i = (long)w;
	} else {
		return EINVAL;
	}
	return 0;
}

static int decode_linger(const void *p, size_t len, struct optval *out)
{
	struct linger l;

	if (len != sizeof(l))
		return EINVAL;
	memcpy(&l, p, sizeof(l));
	out->pair[0] = l.l_onoff;
	out->pair[1] = l.l_linger;
	return 0;
}

static int decode_timeval(const void *p, size_t len, struct optval *out)
{
	struct timeval tv;

	if (len != sizeof(tv))
		return EINVAL;
	memcpy(&tv, p, sizeof(tv));
	out->f = (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
	return 0;
}

/* Text up to the first NUL; the kernel may or may not count the NUL. */
static int decode_string(const char *p, size_t len, struct optval *out)
{
	const char *nul = len ? memchr(p, '\0', len) : NULL;
	size_t n = nul ? (size_t)(nul - p) : len;

	if (n >= sizeof(out->s))
		return EINVAL;
	if (n)
		memcpy(out->s, p, n);
	out->s[n] = '\0';
	return 0;
}

static int decode_inaddr(const void *p, size_t len, struct optval *out)
{
	if (len != sizeof(struct in_addr))
		return EINVAL;
	inet_ntop(AF_INET, p, out->s, sizeof(out->s));
	return 0;
}

/* A struct ip_mreqn, or the older struct ip_mreq without an ifindex. */
static int decode_ipmreq(const void *p, size_t len, struct optval *out)
{
	struct ip_mreqn m;

	if (len != sizeof(struct ip_mreqn) && len != sizeof(struct ip_mreq))
		return EINVAL;
	memset(&m, 0, sizeof(m));
	memcpy(&m, p, len);
	inet_ntop(AF_INET, &m.imr_multiaddr, out->s, sizeof(out->s));
	inet_ntop(AF_INET, &m.imr_address, out->s2, sizeof(out->s2));
	out->ifindex = m.imr_ifindex;
	return 0;
}

static int decode_ipv6mreq(const void *p, size_t len, struct optval *out)
{
	struct ipv6_mreq m;

	if (len != sizeof(m))
		return EINVAL;
	memcpy(&m, p, sizeof(m));
	inet_ntop(AF_INET6, &m.ipv6mr_multiaddr, out->s, sizeof(out->s));
	out->ifindex = m.ipv6mr_interface;
	return 0;
}

static void add_field(struct optval *out, const char *key, long long val)
{
	if (out->nfields < OPTVAL_MAXFIELDS) {
		out->fields[out->nfields].key = key;
		out->fields[out->nfields].val = val;
		out->nfields++;
	}
}

static int decode_ucred(const void *p, size_t len, struct optval *out)
{
	struct ucred c;

	if (len != sizeof(c))
		return EINVAL;
	memcpy(&c, p, sizeof(c));
	add_field(out, "pid", c.pid);
	add_field(out, "uid", c.uid);
	add_field(out, "gid", c.gid);
	return 0;
}

/* One unsigned field of a struct, in struct order. */
struct field {
	const char *key;
	size_t off;
	size_t size;
	enum { F_PLAIN, F_SND_WSCALE, F_RCV_WSCALE } kind;
};

#define TI_(key, member)                                                       \
	{                                                                      \
		key, offsetof(struct tcp_info, member),                        \
		    sizeof(((struct tcp_info *)0)->member), F_PLAIN            \
	}
#define TI(name) TI_(#name, tcpi_##name)
/* The window scales are 4-bit fields in the byte after tcpi_options. */
#define WSCALE_OFF (offsetof(struct tcp_info, tcpi_options) + 1)

static const struct field tcpi_fields[] = {
    TI(state),
    TI(ca_state),
    TI(retransmits),
    TI(probes),
    TI(backoff),
    TI(options),
    {"snd_wscale", WSCALE_OFF, 1, F_SND_WSCALE},
    {"rcv_wscale", WSCALE_OFF, 1, F_RCV_WSCALE},
    TI(rto),
    TI(ato),
    TI(snd_mss),
    TI(rcv_mss),
    TI(unacked),
    TI(sacked),
    TI(lost),
    TI(retrans),
    TI(fackets),
    TI(last_data_sent),
    TI(last_ack_sent),
    TI(last_data_recv),
    TI(last_ack_recv),
    TI(pmtu),
    TI(rcv_ssthresh),
    TI(rtt),
    TI(rttvar),
    TI(snd_ssthresh),
    TI(snd_cwnd),
    TI(advmss),
    TI(reordering),
    TI(rcv_rtt),
    TI(rcv_space),
    TI(total_retrans),
};

/* The bit order of a bitfield is the compiler's: let it pick the nibble. */
static long long tcpi_wscale(unsigned char byte, int rcv)
{
	struct tcp_info ti;

	memset(&ti, 0, sizeof(ti));
	memcpy((unsigned char *)&ti + WSCALE_OFF, &byte, 1);
	return rcv ? ti.tcpi_rcv_wscale : ti.tcpi_snd_wscale;
}

static long long field_value(const struct field *f, const unsigned char *p)
{
	if (f->kind != F_PLAIN)
		return tcpi_wscale(p[f->off], f->kind == F_RCV_WSCALE);
	return f->size == 1 ? p[f->off] : get_u32(p + f->off);
}

/* Only the fields that fit: an older kernel returns a shorter struct. */
static int decode_fields(const struct field *fs, size_t n,
			 const unsigned char *p, size_t len, struct optval *out)
{
	size_t i;

	for (i = 0; i < n && fs[i].off + fs[i].size <= len; i++)
		add_field(out, fs[i].key, field_value(&fs[i], p));
	return 0;
}

#define MI(idx, key)                                                           \
	[idx] = {key, (idx) * sizeof(uint32_t), sizeof(uint32_t), F_PLAIN}

static const struct field meminfo_fields[] = {
    MI(SK_MEMINFO_RMEM_ALLOC, "rmem_alloc"),
    MI(SK_MEMINFO_RCVBUF, "rcvbuf"),
    MI(SK_MEMINFO_WMEM_ALLOC, "wmem_alloc"),
    MI(SK_MEMINFO_SNDBUF, "sndbuf"),
    MI(SK_MEMINFO_FWD_ALLOC, "fwd_alloc"),
    MI(SK_MEMINFO_WMEM_QUEUED, "wmem_queued"),
    MI(SK_MEMINFO_OPTMEM, "optmem"),
    MI(SK_MEMINFO_BACKLOG, "backlog"),
    MI(SK_MEMINFO_DROPS, "drops"),
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int decode_struct(const struct sockopt_desc *d, const void *p,
			 size_t len, struct optval *out)
{
#ifdef TCP_INFO
	if (d->level == IPPROTO_TCP && d->optname == TCP_INFO)
		return decode_fields(tcpi_fields, NELEM(tcpi_fields), p, len,
				     out);
#endif
#ifdef SO_MEMINFO
	if (d->level == SOL_SOCKET && d->optname == SO_MEMINFO)
		return decode_fields(meminfo_fields, NELEM(meminfo_fields), p,
				     len, out);
#endif
	return EINVAL;
}

static int decode_bytes(const void *p, size_t len, struct optval *out)
{
	if (len > sizeof(out->raw))
		return EINVAL;
	if (len)
		memcpy(out->raw, p, len);
	out->rawlen = len;
	return 0;
}

int sockopt_decode(const struct sockopt_desc *d, const void *buf, size_t len,
		   struct optval *out)
{
	if (!d || !out || (!buf && len))
		return EINVAL;
	memset(out, 0, sizeof(*out));
	out->type = d->type;
	if (is_int_type(d->type))
		return decode_int(buf, len, out);
	switch (d->type) {
	case OT_LINGER:
		return decode_linger(buf, len, out);
	case OT_TIMEVAL:
		return decode_timeval(buf, len, out);
	case OT_STRING:
		return decode_string(buf, len, out);
	case OT_INADDR:
		return decode_inaddr(buf, len, out);
	case OT_IPMREQ:
		return decode_ipmreq(buf, len, out);
	case OT_IPV6MREQ:
		return decode_ipv6mreq(buf, len, out);
	case OT_UCRED:
		return decode_ucred(buf, len, out);
	case OT_STRUCT:
		return decode_struct(d, buf, len, out);
	case OT_BYTES:
		return decode_bytes(buf, len, out);
	default:
		return EINVAL;
	}
}

/* ---- encoding ---- */

static int put(void *buf, size_t cap, socklen_t *len, const void *src, size_t n)
{
	if (n > cap)
		return EINVAL;
	if (n)
		memcpy(buf, src, n);
	*len = (socklen_t)n;
	return 0;
}

/* Ints take the 32 bits of any value from INT_MIN to UINT_MAX, so masks
 * and rates such as 0xffffffff can be typed as they are documented. */
static int encode_int(const struct sockopt_desc *d, const struct optval *in,
		      void *buf, size_t cap, socklen_t *len)
{
	int64_t w = in->i;
	uint32_t u = (uint32_t)in->i;
	int v;

	if (!is_int_type(in->type))
		return EINVAL;
	if (sockopt_size(d) == sizeof(w))
		return put(buf, cap, len, &w, sizeof(w));
	if (in->i < INT_MIN || in->i > (long)UINT_MAX)
		return EINVAL;
	memcpy(&v, &u, sizeof(v));
	return put(buf, cap, len, &v, sizeof(v));
}

static int encode_linger(const struct optval *in, void *buf, size_t cap,
			 socklen_t *len)
{
	struct linger l;

	if (in->type != OT_LINGER)
		return EINVAL;
	if (in->pair[0] < INT_MIN || in->pair[0] > INT_MAX ||
	    in->pair[1] < INT_MIN || in->pair[1] > INT_MAX)
		return EINVAL;
	l.l_onoff = (int)in->pair[0];
	l.l_linger = (int)in->pair[1];
	return put(buf, cap, len, &l, sizeof(l));
}

/* Seconds as a float, or whole seconds as an int; never negative. */
static int encode_timeval(const struct optval *in, void *buf, size_t cap,
			  socklen_t *len)
{
	const double max = sizeof(time_t) > 4 ? 9.2e18 : 2147483647.0;
	struct timeval tv;
	double f;

	if (in->type == OT_TIMEVAL)
		f = in->f;
	else if (in->type == OT_INT)
		f = (double)in->i;
	else
		return EINVAL;
	if (!(f >= 0.0 && f < max)) /* also refuses NaN */
		return EINVAL;
	memset(&tv, 0, sizeof(tv));
	tv.tv_sec = (time_t)f;
	tv.tv_usec = (suseconds_t)((f - (double)tv.tv_sec) * 1e6 + 0.5);
	if (tv.tv_usec >= 1000000) {
		tv.tv_sec++;
		tv.tv_usec -= 1000000;
	}
	return put(buf, cap, len, &tv, sizeof(tv));
}

static int terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

/* The text without its NUL, as Python passes bytes: the kernel copies what
 * it is given and terminates it itself. */
static int encode_string(const struct optval *in, void *buf, size_t cap,
			 socklen_t *len)
{
	if (in->type != OT_STRING || !terminated(in->s, sizeof(in->s)))
		return EINVAL;
	return put(buf, cap, len, in->s, strlen(in->s));
}

/* A dotted quad, or '' for INADDR_ANY where ANY_OK. */
static int parse_in4(const char *s, size_t size, int any_ok, struct in_addr *a)
{
	if (!terminated(s, size))
		return EINVAL;
	if (any_ok && s[0] == '\0') {
		a->s_addr = htonl(INADDR_ANY);
		return 0;
	}
	return inet_pton(AF_INET, s, a) == 1 ? 0 : EINVAL;
}

static int build_mreqn(const struct optval *in, struct ip_mreqn *m)
{
	memset(m, 0, sizeof(*m));
	if (in->ifindex < 0 || in->ifindex > INT_MAX)
		return EINVAL;
	m->imr_ifindex = (int)in->ifindex;
	if (parse_in4(in->s, sizeof(in->s), 0, &m->imr_multiaddr) ||
	    parse_in4(in->s2, sizeof(in->s2), 1, &m->imr_address))
		return EINVAL;
	return 0;
}

static int encode_ipmreq(const struct optval *in, void *buf, size_t cap,
			 socklen_t *len)
{
	struct ip_mreqn m;

	if (in->type != OT_IPMREQ || build_mreqn(in, &m))
		return EINVAL;
	return put(buf, cap, len, &m, sizeof(m));
}

/* IP_MULTICAST_IF takes an address, or an ip_mreqn to pick an ifindex. */
static int encode_inaddr(const struct optval *in, void *buf, size_t cap,
			 socklen_t *len)
{
	struct in_addr a;

	if (in->type == OT_IPMREQ)
		return encode_ipmreq(in, buf, cap, len);
	if (in->type != OT_INADDR && in->type != OT_STRING)
		return EINVAL;
	if (parse_in4(in->s, sizeof(in->s), 1, &a))
		return EINVAL;
	return put(buf, cap, len, &a, sizeof(a));
}

static int encode_ipv6mreq(const struct optval *in, void *buf, size_t cap,
			   socklen_t *len)
{
	struct ipv6_mreq m;

	if (in->type != OT_IPV6MREQ || !terminated(in->s, sizeof(in->s)))
		return EINVAL;
	if (in->ifindex < 0 || in->ifindex > (long)UINT_MAX)
		return EINVAL;
	memset(&m, 0, sizeof(m));
	if (inet_pton(AF_INET6, in->s, &m.ipv6mr_multiaddr) != 1)
		return EINVAL;
	m.ipv6mr_interface = (unsigned)in->ifindex;
	return put(buf, cap, len, &m, sizeof(m));
}

int sockopt_encode(const struct sockopt_desc *d, const struct optval *in,
		   void *buf, size_t cap, socklen_t *len)
{
	if (!d || !in || (!buf && cap) || !len)
		return EINVAL;
	/* Raw bytes go through for any option, as in Python. */
	if (in->type == OT_BYTES)
		return in->rawlen > sizeof(in->raw)
			   ? EINVAL
			   : put(buf, cap, len, in->raw, in->rawlen);
	if (is_int_type(d->type))
		return encode_int(d, in, buf, cap, len);
	switch (d->type) {
	case OT_LINGER:
		return encode_linger(in, buf, cap, len);
	case OT_TIMEVAL:
		return encode_timeval(in, buf, cap, len);
	case OT_STRING:
		return encode_string(in, buf, cap, len);
	case OT_INADDR:
		return encode_inaddr(in, buf, cap, len);
	case OT_IPMREQ:
		return encode_ipmreq(in, buf, cap, len);
	case OT_IPV6MREQ:
		return encode_ipv6mreq(in, buf, cap, len);
	default:
		return EINVAL;
	}
}
