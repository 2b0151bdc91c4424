"""The Python side of the differential test.

Each generated Python script imports this module and calls case() and run().
run() executes one statement as the interactive interpreter would, but shows
results and errors the way the sockshell contract (section 3) says: Python's
repr, with address families, socket types and errno results by name.
"""

import ast
import enum
import errno
import re
import socket as _socket
import ssl as _ssl
import struct
import sys

# Names of the getaddrinfo errors, which Python gives as negative errno.
_EAI_NAMES = {getattr(_socket, n): n for n in dir(_socket)
              if n.startswith('EAI_')}


class Errno(int):
    """An int that is an errno value (connect_ex, SO_ERROR): shown by name."""


class protocol(int):
    """An int that is SO_PROTOCOL's value: shown by its IPPROTO_ name."""


_PROTO_NAMES = {getattr(_socket, n): n for n in dir(_socket)
                if n.startswith('IPPROTO_')}
_PROTO_NAMES[0] = 'IPPROTO_IP'  # not its alias IPPROTO_HOPOPTS


def family(v):
    return _socket.AddressFamily(v)


def kind(v):
    return _socket.SocketKind(v)


# Socket options that sockshell decodes (contract section 4) but Python's
# getsockopt/setsockopt leave as raw ints or bytes.
def get_linger(s):
    return struct.unpack('ii', s.getsockopt(_socket.SOL_SOCKET,
                                            _socket.SO_LINGER, 8))


def set_linger(s, onoff, seconds):
    s.setsockopt(_socket.SOL_SOCKET, _socket.SO_LINGER,
                 struct.pack('ii', onoff, seconds))


def get_timeval(s, opt):
    sec, usec = struct.unpack('ll', s.getsockopt(_socket.SOL_SOCKET, opt, 16))
    return sec + usec / 1e6


def set_timeval(s, opt, seconds):
    sec = int(seconds)
    usec = round((seconds - sec) * 1e6)
    s.setsockopt(_socket.SOL_SOCKET, opt, struct.pack('ll', sec, usec))


# The sockshell call a helper stands for, to name it in error lines.
_HELPER_CALLS = {'get_linger': 'getsockopt', 'set_linger': 'setsockopt',
                 'get_timeval': 'getsockopt', 'set_timeval': 'setsockopt'}
# Wrappers that only change how a value is shown: look through them.
_WRAPPERS = {'Errno', 'family', 'kind', 'protocol'}

_UNBOUND = (('0.0.0.0', 0), ('::', 0, 0, 0))


def _tls_fields(s):
    """sockshell's addition to an SSLSocket's repr: version and cipher."""
    if not isinstance(s, _ssl.SSLSocket) or s.fileno() < 0 or not s.cipher():
        return ''
    return ', version=%s, cipher=%s' % (s.version(), s.cipher()[0])


def _sock_repr(s):
    closed = getattr(s, '_closed', False) or s.fileno() < 0
    head = '<ssl.SSLSocket' if isinstance(s, _ssl.SSLSocket) else '<socket'
    head += ' [closed]' if closed else ''
    out = '%s fd=%d, family=%s, type=%s, proto=%d' % (
        head, s.fileno(), show(s.family), show(s.type), s.proto)
    if not closed:
        # Like Python, but an unbound socket has no laddr (contract 3).
        for label, get in (('laddr', s.getsockname), ('raddr', s.getpeername)):
            try:
                addr = get()
            except OSError:
                continue
            if addr and addr not in _UNBOUND:
                out += ', %s=%s' % (label, show(addr))
    return out + _tls_fields(s) + '>'


# sockshell names an errno as the man pages and strace do, where Python's
# errno.errorcode picks another alias.
_ERRNO_NAMES = {**errno.errorcode, errno.EOPNOTSUPP: 'EOPNOTSUPP',
                errno.EDEADLK: 'EDEADLK', errno.EAGAIN: 'EAGAIN'}


def show(v):
    """The contract's repr of V."""
    if isinstance(v, (_socket.AddressFamily, _socket.SocketKind)):
        return v.name
    if isinstance(v, Errno):
        return _ERRNO_NAMES.get(int(v), str(int(v))) if v else '0'
    if isinstance(v, protocol):
        return _PROTO_NAMES.get(int(v), str(int(v)))
    # The ssl module's enums print by name, TLSVersion's qualified.
    if isinstance(v, _ssl.TLSVersion):
        return 'TLSVersion.' + v.name
    if isinstance(v, (_ssl.VerifyMode, _ssl._SSLMethod)):
        return v.name
    if isinstance(v, _ssl.SSLContext):
        return '<ssl.SSLContext object>'
    if isinstance(v, enum.Enum):  # MsgFlag, AddressInfo, ...: plain numbers
        return str(int(v))
    if isinstance(v, _socket.socket):
        return _sock_repr(v)
    if isinstance(v, tuple):
        inner = ', '.join(show(x) for x in v)
        return '(%s,)' % inner if len(v) == 1 else '(%s)' % inner
    if isinstance(v, list):
        return '[%s]' % ', '.join(show(x) for x in v)
    return repr(v)


def show_error(e):
    """The message part of sockshell's `error: CALL: ...` line for E."""
    if isinstance(e, _socket.gaierror):
        return '%s %s' % (_EAI_NAMES.get(e.errno, '?'), e)
    if isinstance(e, _ssl.SSLError):  # its class, its text less the tail
        return '%s: %s' % (type(e).__name__,
                           re.sub(r' \(_ssl\.c:\d+\)$', '', str(e)))
    if isinstance(e, OSError) and e.errno is not None and e.errno > 0 \
            and not isinstance(e, _socket.herror):
        return '%s %s' % (_ERRNO_NAMES.get(e.errno, '?'), e)
    if isinstance(e, ExceptionGroup):  # one line: each error after it
        return '%s: %s' % (e, '; '.join(show_error(x) for x in e.exceptions))
    return str(e)


# An operator's error line is named by the operator (`error: -: ...`).
_OP_TEXT = {ast.Sub: '-', ast.Add: '+', ast.Mult: '*', ast.BitOr: '|',
            ast.Eq: '==', ast.NotEq: '!=', ast.Lt: '<', ast.Gt: '>',
            ast.LtE: '<=', ast.GtE: '>=', ast.In: 'in', ast.NotIn: 'not in'}


def _call_name(src):
    """The name of the outermost call in statement SRC (for error lines)."""
    node = ast.parse(src).body[0]
    # ctx.verify_mode = ...: sockshell names the attribute.
    if isinstance(node, ast.Assign) and isinstance(node.targets[0],
                                                   ast.Attribute):
        return node.targets[0].attr
    node = getattr(node, 'value', node)
    if isinstance(node, (ast.BinOp, ast.Compare)):
        op = node.op if isinstance(node, ast.BinOp) else node.ops[0]
        return _OP_TEXT.get(type(op), '?')
    while isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else \
            getattr(func, 'id', '?')
        # struct.pack, int.from_bytes: sockshell names the module too.
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) \
                and func.value.id in ('struct', 'int', 'str', 'bytes'):
            name = ast.unparse(func)
        if name in _WRAPPERS and node.args:
            node = node.args[0]
            continue
        return _HELPER_CALLS.get(name, name)
    if isinstance(node, ast.Attribute):
        return node.attr
    return getattr(node, 'id', '?')


NS = {}
exec('from socket import *\nfrom select import select', NS)
NS.update(Errno=Errno, protocol=protocol, family=family, kind=kind, get_linger=get_linger,
          set_linger=set_linger, get_timeval=get_timeval,
          set_timeval=set_timeval)


def _display(value):
    if value is not None:
        print(show(value))


def case(name):
    print('@@case ' + name)


def run(src):
    """Run statement SRC; print its value or its error line."""
    sys.displayhook = _display
    try:
        exec(compile(src, '<case>', 'single'), NS)
    except Exception as e:  # every error is a result to compare
        call, msg = _call_name(src), show_error(e)
        # Some Python messages start with the call's name (`htons: ...`,
        # `getnameinfo(): ...`):
        # sockshell's line names the call once.
        for lead in (call + ': ', call + '(): '):
            if msg.startswith(lead):
                msg = msg[len(lead):]
        print('error: %s: %s' % (call, msg))
    sys.stdout.flush()
