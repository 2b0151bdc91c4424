"""Differential test: sockshell against Python's socket module.

usage: driver.py SOCKSHELL CASES_FILE

Reads the cases (see the head of cases.txt), runs each group of cases in one
sockshell process -- once as written (Python form) and once in the shell form
derived from it -- and in one python3 process (prelude.py), and compares the
output case by case after replacing ephemeral ports and fd numbers with
placeholders. Prints one line per case and exits 1 on any mismatch.
"""

import ast
import os
import re
import signal
import subprocess
import sys
import tempfile

# Cases where sockshell is known to disagree with Python, with the reason.
# They still run; a mismatch is reported as `known` and does not fail the test.
KNOWN_MISMATCHES = {
}

SOCKSHELL = None  # set by main()
TIMEOUT = 20  # seconds for one process: a hang is a failure, not a stall


class Group:
    def __init__(self, name):
        self.name = name
        self.cases = []  # [(case name, [(side, text, lineno)])]


def parse(path):
    groups = []
    with open(path, encoding='utf-8') as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip('\n')
            where = '%s:%d' % (path, lineno)
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            m = re.match(r'\[group (\S+)\]$', line)
            if m:
                groups.append(Group(m.group(1)))
                continue
            if not groups:
                sys.exit('%s: a case before the first [group]' % where)
            if line.startswith('== '):
                groups[-1].cases.append((line[3:].strip(), []))
                continue
            if not groups[-1].cases:
                sys.exit('%s: a statement before the first == case' % where)
            side, text = 'both', line
            m = re.match(r'(sh|py|pf|call): ?(.*)$', line)
            if m:
                side, text = m.group(1), m.group(2)
            if side != 'sh':
                try:
                    compile(text.replace('@UNIQ@', 'x'), where, 'single')
                except SyntaxError as e:
                    sys.exit('%s: not Python: %s' % (where, e))
            groups[-1].cases[-1][1].append((side, text, lineno))
    names = [c[0] for g in groups for c in g.cases]
    dups = sorted({n for n in names if names.count(n) > 1})
    if dups:
        sys.exit('%s: duplicate case names: %s' % (path, ', '.join(dups)))
    return groups


# ---- the sockshell side of a neutral line

# Python-only wrappers that say how to show a plain int (prelude.py); the
# sockshell side knows the type already and is given the bare expression.
WRAPPERS = {'Errno', 'family', 'kind', 'protocol'}


class _Unwrap(ast.NodeTransformer):
    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id in WRAPPERS \
                and len(node.args) == 1:
            return node.args[0]
        return node


def unwrap(text):
    """TEXT without the display wrappers of WRAPPERS."""
    if not re.search(r'\b(%s)\(' % '|'.join(WRAPPERS), text):
        return text
    return ast.unparse(_Unwrap().visit(ast.parse(text)))


# ---- the shell form: `s.bind(('127.0.0.1', 0))` -> `s.bind ('127.0.0.1', 0)`

def _primary(node):
    """NODE as a shell-form argument, or None when it is not a primary."""
    if isinstance(node, ast.Constant):
        return repr(node.value)
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return ast.unparse(node)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) \
            and isinstance(node.operand, ast.Constant):
        return '-' + repr(node.operand.value)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _primary(node.left), _primary(node.right)
        if left and right and ' ' not in left + right:
            return left + '|' + right
        return None
    if isinstance(node, ast.Subscript):
        return ast.unparse(node)
    if isinstance(node, (ast.Tuple, ast.List)):
        parts = [_primary(e) for e in node.elts]
        if None in parts:
            return None
        if isinstance(node, ast.List):
            return '[%s]' % ', '.join(parts)
        return '(%s,)' % parts[0] if len(parts) == 1 else \
            '(%s)' % ', '.join(parts)
    return None


def shell_form(text):
    """TEXT rewritten in sockshell's shell form, or TEXT when it cannot be."""
    stmt = ast.parse(text).body[0]
    prefix, value = '', getattr(stmt, 'value', None)
    if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1:
        target = stmt.targets[0]
        names = target.elts if isinstance(target, ast.Tuple) else [target]
        if not all(isinstance(n, ast.Name) for n in names):
            return text
        prefix = ', '.join(n.id for n in names) + ' = '
    elif not isinstance(stmt, ast.Expr):
        return text
    if not isinstance(value, ast.Call) or value.keywords:
        return text
    func = value.func
    if isinstance(func, ast.Name):
        name = func.id
    elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        name = ast.unparse(func)
    else:
        return text
    args = [_primary(a) for a in value.args]
    if None in args:
        return text
    return prefix + ' '.join([name] + args)


# ---- running the two sides

CERTS = None  # the directory of the test certificate, made by main()


def subst(text, uniq, tmp):
    text = text.replace('@UNIQ@', uniq).replace('@TMP@', tmp)
    return text.replace('@CERTS@', CERTS or '@CERTS@')


def make_certs(tmp):
    """A self-signed certificate for localhost and 127.0.0.1 in TMP/certs,
    made with the openssl command, for the groups that use @CERTS@; None
    when there is no openssl or sockshell was built without TLS."""
    try:
        tls = subprocess.run([SOCKSHELL, '-V'], capture_output=True,
                             text=True).stdout
        if 'TLS: OpenSSL' not in tls:
            return None
        d = os.path.join(tmp, 'certs')
        os.mkdir(d)
        subprocess.run(
            ['openssl', 'req', '-x509', '-newkey', 'ec', '-pkeyopt',
             'ec_paramgen_curve:prime256v1', '-nodes', '-keyout',
             os.path.join(d, 'key.pem'), '-out', os.path.join(d, 'cert.pem'),
             '-days', '1', '-subj', '/CN=localhost', '-addext',
             'subjectAltName=DNS:localhost,IP:127.0.0.1'],
            check=True, capture_output=True)
        return d
    except (OSError, subprocess.CalledProcessError):
        return None


def uses_certs(group):
    return any('@CERTS@' in text for _, stmts in group.cases
               for _, text, _ in stmts)


def sockshell_script(group, uniq, tmp, shell):
    lines = []
    for name, stmts in group.cases:
        lines.append("echo '@@case %s'" % name)
        for side, text, _ in stmts:
            if side == 'py':
                continue
            if side in ('both', 'pf', 'call'):
                text = unwrap(text)
                if shell and side == 'both':
                    text = shell_form(text)
            lines.append(subst(text, uniq, tmp))
    return '\n'.join(lines) + '\n'


def python_script(group, uniq, tmp, prelude_dir):
    lines = ['import sys', 'sys.path.insert(0, %r)' % prelude_dir,
             'from prelude import case, run']
    for name, stmts in group.cases:
        lines.append('case(%r)' % name)
        for side, text, _ in stmts:
            if side != 'sh':
                lines.append('run(%r)' % subst(text, uniq, tmp))
    return '\n'.join(lines) + '\n'


def run(argv, path, workdir):
    """Run ARGV on script PATH: its output split into {case: [lines]}."""
    p = subprocess.Popen(argv + [path], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    hung = False
    try:
        out, err = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        # A blocked call: Ctrl-C interrupts it, and the rest still runs.
        hung = True
        p.send_signal(signal.SIGINT)
        try:
            out, err = p.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
    rc = p.returncode
    cases, current = {}, None
    for line in out.decode('utf-8', 'replace').splitlines():
        if line.startswith('@@case '):
            current = line[7:]
            cases[current] = []
        elif current is not None:
            # sockshell names the script line of an error; Python cannot.
            line = re.sub(r'^\S+:\d+: (error: )', r'\1', line)
            # The shell form a refused Python-form call names is
            # sockshell's addition (tests/transcripts/python-form-strict.txt).
            line = re.sub(r' \(shell form: .*\)$', '', line)
            # sockshell ends an errno's line with its likely cause
            # (src/shell/session/hints.c); Python does not.
            line = re.sub(r'^(error: [^:]+: E[A-Z0-9]+ \[Errno \d+\] [^()]+)'
                          r' \(.*\)$', r'\1', line)
            cases[current].append(line.replace(workdir, '@TMP@'))
    problem = None
    if hung or rc < 0 or err:
        problem = '%sexit status %s, stderr: %s' % (
            'hung for %ds (sent SIGINT), ' % TIMEOUT if hung else '',
            rc, err.decode('utf-8', 'replace').strip()[:500])
    return cases, problem


def run_group(group, uniq, tmp):
    """Run GROUP on both sides: (python's cases, [(form, sockshell's cases)]),
    and the number of processes that went wrong."""
    here = os.path.dirname(os.path.abspath(__file__))
    errors = 0
    # Each process gets its own directory for @TMP@ (UNIX socket paths).
    workdir = os.path.join(tmp, group.name + '.py.d')
    os.mkdir(workdir)
    script = os.path.join(tmp, group.name + '.py')
    with open(script, 'w') as f:
        f.write(python_script(group, uniq, workdir, here))
    want, problem = run([sys.executable, '-B'], script, workdir)
    if problem:
        print('ERROR group %s: python3: %s' % (group.name, problem))
        errors += 1
    results, seen = [], set()
    for form in ('python form', 'shell form'):
        tag = form.split()[0]
        workdir = os.path.join(tmp, '%s.%s.d' % (group.name, tag))
        os.mkdir(workdir)
        text = sockshell_script(group, uniq, workdir, form == 'shell form')
        if text.replace(workdir, '') in seen:
            continue  # no line has a shell form of its own
        seen.add(text.replace(workdir, ''))
        script = os.path.join(tmp, '%s.%s.sock' % (group.name, tag))
        with open(script, 'w') as f:
            f.write(text)
        got, problem = run([SOCKSHELL, '-q'], script, workdir)
        if problem:
            print('ERROR group %s (%s): sockshell: %s' % (
                group.name, form, problem))
            errors += 1
        results.append((form, got))
    return want, results, errors


class Placeholders:
    """Replaces ports and fds that vary between runs, in order of first use."""

    def __init__(self, literals):
        self.literals = literals
        self.seen = {}

    def _name(self, kind, value):
        key = (kind, value)
        if key not in self.seen:
            n = sum(1 for k in self.seen if k[0] == kind) + 1
            self.seen[key] = '<%s%d>' % (kind, n)
        return self.seen[key]

    def port(self, m):
        port = int(m.group(3))
        if port == 0 or port in self.literals:
            return m.group(0)
        # Keyed by host too: an IPv6 socket may get the port number an
        # IPv4 one holds, in one run and not in the other.
        return m.group(1) + self._name('port', (m.group(2), port))

    def fd(self, m):
        return 'fd=' + self._name('fd', int(m.group(1)))

    def event_fd(self, m):
        return m.group(1) + self._name('fd', int(m.group(2))) + ', '

    def apply(self, line):
        line = re.sub(r"(\('([^']*)', )(\d+)", self.port, line)
        # poll() and epoll.poll() results: [(fd, events), ...]
        if line.startswith('[('):
            line = re.sub(r'([\[ ]\()(\d+), ', self.event_fd, line)
        return re.sub(r'fd=(\d+)', self.fd, line)


def literal_ints(group):
    ints = set()
    for _, stmts in group.cases:
        for _, text, _ in stmts:
            ints.update(int(n) for n in re.findall(r'\b\d+\b', text))
    return ints


def report(name, stmts, cases_file, expected, bad):
    if len(bad) == 2 and bad[0][1] == bad[1][1]:
        bad = [('both forms', bad[0][1])]
    for form, actual in bad:
        print('MISMATCH %s (%s)' % (name, form))
        for side, text, lineno in stmts:
            if side != 'py':
                print('   %s:%d: %s' % (cases_file, lineno, text))
        for line in expected or ['(no output)']:
            print('   python:    ' + line)
        for line in actual or ['(no output)']:
            print('   sockshell: ' + line)


def main():
    global SOCKSHELL
    SOCKSHELL, cases_file = sys.argv[1:3]
    groups = parse(cases_file)
    stale = set(KNOWN_MISMATCHES) - {c[0] for g in groups for c in g.cases}
    if stale:
        sys.exit('KNOWN_MISMATCHES names no case: ' + ', '.join(sorted(stale)))
    uniq = 'sockshell-difftest-%d' % os.getpid()
    failed = known = passed = 0
    with tempfile.TemporaryDirectory(prefix='sockshell-difftest.') as tmp:
        # DIFFTEST_KEEP=DIR keeps the generated scripts there.
        tmp = os.environ.get('DIFFTEST_KEEP') or tmp
        global CERTS
        CERTS = make_certs(tmp)
        for group in groups:
            if uses_certs(group) and not CERTS:
                print('skip group %s: no TLS in this build, or no openssl'
                      % group.name)
                continue
            want, results, errors = run_group(group, uniq, tmp)
            failed += errors
            literals = literal_ints(group)
            norm_want = Placeholders(literals)
            norm_got = {form: Placeholders(literals) for form, _ in results}
            for name, stmts in group.cases:
                expected = [norm_want.apply(x)
                            for x in want.get(name, ['<missing>'])]
                bad = []
                for form, got in results:
                    actual = [norm_got[form].apply(x)
                              for x in got.get(name, ['<missing>'])]
                    if actual != expected:
                        bad.append((form, actual))
                if not bad:
                    passed += 1
                    note = ''
                    if name in KNOWN_MISMATCHES:
                        note = ' (now agrees: remove it from KNOWN_MISMATCHES)'
                    print('ok %s%s' % (name, note))
                elif name in KNOWN_MISMATCHES:
                    known += 1
                    print('known %s: %s' % (name, KNOWN_MISMATCHES[name]))
                else:
                    failed += 1
                    report(name, stmts, os.path.basename(cases_file),
                           expected, bad)
    print('%d ok, %d known mismatches (skipped), %d failed'
          % (passed, known, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
