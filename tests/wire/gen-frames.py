#!/usr/bin/env python3
"""Write tests/unit/wire_frames.c: recorded frames as byte arrays, each
with the line tcpdump printed for it, for the decoder's unit tests and
the differential test against tcpdump (tests/wire-tcpdump.sh).

    unshare -rn python3 tests/wire/capture.py live.pcap
    python3 tests/wire/gen-frames.py live.pcap > tests/unit/wire_frames.c

The frames are the live capture's, then frames made from them to be cut
short or malformed at each layer (what a fuzzer or a bad capture gives).
The expected lines are `tcpdump -n -t -r` of all of them in one file, in
order (tcpdump's relative sequence numbers depend on what came before),
the first line of each (tcpdump adds a hex dump for unknown frames)."""
import struct
import subprocess
import sys
import tempfile


def read_pcap(path):
    d = open(path, "rb").read()
    o, out = 24, []
    while o < len(d):
        sec, usec, cl, ln = struct.unpack("<IIII", d[o:o + 16])
        out.append((sec, usec, ln, d[o + 16:o + 16 + cl]))
        o += 16 + cl
    return out


def crafted(frames):
    """Frames cut short or malformed, made from the live ones."""
    def first(pred):
        return next(b for _, _, _, b in frames if pred(b))
    syn = first(lambda b: b[12:14] == b"\x08\x00" and b[23] == 6 and b[47] == 2)
    data = first(lambda b: b[12:14] == b"\x08\x00" and b[23] == 6 and len(b) > 66)
    udp = first(lambda b: b[12:14] == b"\x08\x00" and b[23] == 17)
    icmp = first(lambda b: b[12:14] == b"\x08\x00" and b[23] == 1)
    icmp6 = first(lambda b: b[12:14] == b"\x86\xdd" and b[20] == 58)
    ack = first(lambda b: b[12:14] == b"\x08\x00" and b[23] == 6 and b[47] == 0x10)
    syn6 = first(lambda b: b[12:14] == b"\x86\xdd" and b[20] == 6 and b[67] == 2)
    udp6 = first(lambda b: b[12:14] == b"\x86\xdd" and b[20] == 17)
    T, I = 14 + 20, 14
    out = []

    def add(why, b, wire=None):
        out.append((why, b, len(b) if wire is None else wire))

    def edit(b, at, new):
        x = bytearray(b)
        x[at:at + len(new)] = new
        return bytes(x)
    add("cut in the TCP header", syn[:T + 10])
    add("cut after the ports' first half", syn[:T + 2])
    add("cut in the IP header", syn[:I + 10])
    add("cut in the IP addresses", syn[:I + 16])
    add("cut in the Ethernet header", syn[:10])
    add("cut in the TCP options", syn[:T + 25])
    add("cut in the option data", syn[:T + 20 + 14])
    add("payload not all captured", data[:-2], len(data))
    add("not IP (unknown ethertype)", b"\0" * 12 + b"\x88\xb5" + b"hello world")
    add("IP version 5", edit(syn, I, b"\x55"))
    add("IPv6 in an IPv4 frame", edit(syn, I, b"\x65"))
    add("IP header length 16", edit(syn, I, b"\x44"))
    add("IP total length below the header", edit(syn, I + 2, struct.pack("!H", 10)))
    add("IP total length past the frame", edit(syn, I + 2, struct.pack("!H", 200)))
    add("TCP header length 16", edit(syn, T + 12, b"\x40"))
    add("TCP header length past the segment", edit(syn, T + 12, b"\xf0"))
    add("TCP option length 1", edit(syn, T + 21, b"\x01"))
    add("TCP option length past the header", edit(syn, T + 21, b"\x30"))
    add("every TCP flag", edit(syn, T + 13, b"\xff"))
    add("no TCP flag", edit(syn, T + 13, b"\x00"))
    add("unknown TCP option", edit(syn, T + 20, bytes([99, 4, 1, 2])))
    add("eol first", edit(syn, T + 20, bytes([0, 1, 1, 1])))
    add("mss of length 5", edit(syn, T + 20, bytes([2, 5, 1, 2])))
    add("UDP length past the datagram", edit(udp, T + 4, struct.pack("!H", 100)))
    add("UDP length below its header", edit(udp, T + 4, struct.pack("!H", 3)))
    add("UDP length one past the datagram", edit(udp, T + 4, struct.pack("!H", 11)))
    add("UDP cut in its header", udp[:T + 5])
    add("unknown IP protocol", edit(syn, I + 9, b"\x63"))
    add("a fragment", edit(syn, I + 6, b"\x00\x10"))
    add("ICMP cut in the quoted header", icmp[:T + 8 + 12])
    add("ICMP host unreachable", edit(icmp, T + 1, b"\x01"))
    add("ICMP unreachable code 99", edit(icmp, T + 1, b"\x63"))
    add("ICMP echo request", edit(icmp[:T + 8], T, b"\x08\x00"))
    add("ICMP echo request, whole", edit(edit(icmp[:T + 8], T, b"\x08\x00\0\0\0\x07\0\x01"),
                                         I + 2, struct.pack("!H", 28)))
    add("ICMPv6 cut in the quoted header", icmp6[:I + 40 + 8 + 20])
    add("ICMPv6 echo reply", edit(icmp6[:I + 40 + 8], I + 40, b"\x81\x00"))
    add("IPv6 version 4", edit(icmp6, I, b"\x45"))
    add("IPv6 cut in its header", icmp6[:I + 30])
    add("an empty frame", b"")
    O = T + 20   # the ACK's 12 bytes of options: nop, nop, timestamps
    ackno = struct.unpack("!I", ack[T + 8:T + 12])[0]
    add("SACK blocks", edit(ack, O, bytes([1, 1, 5, 10]) +
                            struct.pack("!II", ackno + 100, ackno + 200)))
    add("SACK of 7 bytes", edit(ack, O, bytes([1, 1, 5, 9] + [0] * 8)))
    add("MD5 signature too short", edit(ack, O, bytes([19, 10] + [1] * 10)))
    add("user timeout", edit(ack, O, bytes([28, 4, 0, 61] + [1] * 8)))
    add("fast open cookie request", edit(ack, O, bytes([34, 2] + [1] * 10)))
    add("fast open cookie", edit(ack, O, bytes([34, 10] + list(range(8)) + [1, 1])))
    add("echo", edit(ack, O, bytes([6, 6, 0, 0, 0, 9] + [1] * 6)))
    add("scps", edit(ack, O, bytes([20, 4, 1, 2] + [1] * 8)))
    add("cc echo (no name)", edit(ack, O, bytes([13, 6, 0, 0, 0, 9] + [1] * 6)))
    add("IPv6 payload length 0 (TCP)", edit(syn6, I + 4, b"\0\0"))
    add("IPv6 payload length 0 (UDP)", edit(udp6, I + 4, b"\0\0"))
    add("IPv6 no next header", edit(syn6, I + 6, bytes([59])))
    add("IPv6 unknown next header", edit(syn6, I + 6, bytes([99])))
    return out


def c_bytes(b):
    rows = [", ".join("0x%02x" % c for c in b[i:i + 12]) for i in range(0, len(b), 12)]
    return "\n\t\t".join(r + "," for r in rows) if rows else "0"


def c_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    live = [("captured", b, ln, sec, usec) for sec, usec, ln, b in read_pcap(sys.argv[1])]
    made = [(why, b, ln, 1700000000, 0) for why, b, ln in crafted(read_pcap(sys.argv[1]))]
    allf = live + made
    with tempfile.NamedTemporaryFile(suffix=".pcap") as t:
        t.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
        for _, b, ln, sec, usec in allf:
            t.write(struct.pack("<IIII", sec, usec, len(b), ln) + b)
        t.flush()
        out = subprocess.run(["tcpdump", "-n", "-t", "-r", t.name], capture_output=True,
                             text=True, check=True).stdout
    lines = [l.rstrip() for l in out.split("\n") if l and not l.startswith("\t")]
    assert len(lines) == len(allf), (len(lines), len(allf))
    print("/* wire_frames.c - generated by tests/wire/gen-frames.py: do not edit.")
    print(" * Frames captured on loopback, then frames made from them to be cut")
    print(" * short or malformed, each with the line `tcpdump -n -t -r` (4.99.3)")
    print(" * printed for it, in this order. */")
    print('#include "wire_frames.h"\n')
    for i, (why, b, ln, sec, usec) in enumerate(allf):
        print("static const unsigned char frame%d[] = {\n\t\t%s\n};" % (i, c_bytes(b)))
    print("\nconst struct recorded_frame recorded_frames[] = {")
    for i, (why, b, ln, sec, usec) in enumerate(allf):
        print("\t{%s, {%d, %d}, %d, %d, frame%d,\n\t %s}," % (
            c_str(why), sec, usec, ln, len(b), i, c_str(lines[i])))
    print("};\n")
    print("const size_t recorded_frames_n = sizeof recorded_frames / sizeof *recorded_frames;")


main()
