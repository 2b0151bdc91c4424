#!/usr/bin/env python3
"""Capture loopback frames while sockets do the lab's classic scenes, and
write them as a classic pcap file (tcpdump -r reads it).

    unshare -rn python3 tests/wire/capture.py OUT.pcap

Run inside a fresh user + network namespace (unshare -rn): there `lo` is
the only interface, the process may open an AF_PACKET socket, and no
other traffic mixes in. PACKET_IGNORE_OUTGOING keeps one copy of each
frame (loopback shows every frame going out and coming in)."""
import socket
import struct
import subprocess
import sys
import time

PACKET_IGNORE_OUTGOING = 23
SOL_PACKET = 263

subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
cap = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
cap.setsockopt(SOL_PACKET, PACKET_IGNORE_OUTGOING, 1)
cap.bind(("lo", 0))
cap.settimeout(0.2)
frames = []


def drain():
    """Keep what arrived until 0.2 s pass quietly (a delayed ACK waits
    ~40 ms)."""
    while True:
        try:
            frames.append((time.time(), cap.recv(65536)))
        except socket.timeout:
            return


def tcp_scenes(family, host):
    srv = socket.socket(family)
    srv.bind((host, 0))
    srv.listen()
    c = socket.socket(family)
    c.connect(srv.getsockname())        # handshake
    a, _ = srv.accept()
    drain()
    c.send(b"hello")                    # data, and its ACK
    drain()
    a.send(b"world!")
    drain()
    c.recv(10)
    c.close()                           # FIN, ACK
    drain()
    a.recv(10)
    a.close()                           # FIN, ACK
    drain()
    c = socket.socket(family)           # RST by SO_LINGER 0
    c.connect(srv.getsockname())
    a, _ = srv.accept()
    c.send(b"!", socket.MSG_OOB)        # urgent data
    drain()
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    c.close()
    a.close()
    drain()
    srv.close()


def closed_port(family, host):
    p = socket.socket(family)
    p.bind((host, 0))
    port = p.getsockname()[1]
    p.close()
    return port


def refused_scenes(family, host):
    port = closed_port(family, host)
    r = socket.socket(family)
    try:
        r.connect((host, port))          # RST from a closed port
    except OSError:
        pass
    drain()
    u = socket.socket(family, socket.SOCK_DGRAM)
    v = socket.socket(family, socket.SOCK_DGRAM)
    u.bind((host, 0))
    v.bind((host, 0))
    u.sendto(b"hi", v.getsockname())    # UDP
    drain()
    u.sendto(b"hi", (host, port))       # ICMP port unreachable
    drain()


tcp_scenes(socket.AF_INET, "127.0.0.1")
refused_scenes(socket.AF_INET, "127.0.0.1")
tcp_scenes(socket.AF_INET6, "::1")
refused_scenes(socket.AF_INET6, "::1")
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    for t, d in frames:
        f.write(struct.pack("<IIII", int(t), int(round(t % 1 * 1e6)) % 1000000,
                            len(d), len(d)))
        f.write(d)
