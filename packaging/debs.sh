# Sourced by setup.sh and build.sh: install the Debian packages named that are missing.
#
#   install_debs WHO PACKAGE...
#
# As root, or through sudo; WHO prefixes the messages. Returns non-zero if apt-get failed.

install_debs() {
  local who=$1 missing=() sudo=() p
  shift
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || { echo "$who: no apt-get to install ${missing[*]}" >&2; return 1; }
  echo "$who: installing Debian packages: ${missing[*]}" >&2
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
      "${missing[@]}" >/dev/null
}
