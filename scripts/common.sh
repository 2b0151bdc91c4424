# Shared by scripts/run and scripts/test: install what is missing, then
# bootstrap and build only what changed. Sourced, not run.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

PACKAGES="build-essential autoconf automake libtool pkg-config check \
libreadline-dev libedit-dev autoconf-archive gettext autopoint locales \
libssl-dev"

# Packages the test stages need on top of the build ones (debhelper and
# lintian: the Debian package stage, scripts/package-test).
TEST_PACKAGES="tmux expect strace valgrind clang libclang-rt-14-dev python3 \
debhelper lintian openssl tcpdump"

need_packages() {
	missing=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "== installing:$missing"
	sudo=""
	[ "$(id -u)" -ne 0 ] && sudo="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq || true
	# shellcheck disable=SC2086
	$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# autoreconf only when configure is missing or older than its inputs.
bootstrap() {
	if [ ! -x configure ] || [ configure.ac -nt configure ] ||
		[ Makefile.am -nt Makefile.in ] || [ tests/list.am -nt Makefile.in ]; then
		echo "== autoreconf"
		autoreconf -fi >/dev/null
	fi
}

# configure into the source tree once; make rebuilds only what changed.
build() {
	if [ ! -f Makefile ] || [ configure -nt config.status ]; then
		echo "== configure $*"
		./configure -q "$@"
	fi
	make -s -j"$(nproc)"
}
