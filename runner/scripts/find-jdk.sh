# runner/scripts/find-jdk.sh: finds a JDK 21+ (JAVA_HOME, PATH, the usual install folders) and
# exports JAVA_HOME and PATH for it. Sourced by verify.sh and bench/run.sh, so both look for a JDK
# the same way; it uses their colour variables (RED, YELLOW, OFF), empty when unset.
: "${RED:=}" "${YELLOW:=}" "${OFF:=}"

# Prints the major version of the JDK at $1 (a JAVA_HOME), or nothing.
jdk_major() {
  local home=$1 version=''
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)"/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -1)
  fi
  version=${version#1.}
  printf '%s' "${version%%[.+-]*}"
}

# Sets JAVA_HOME to a JDK 21+ or explains what to install.
find_jdk() {
  local candidates=() found='' best=0 home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    home=$(cd "$(dirname "$(readlink -f "$(command -v javac)" 2>/dev/null || command -v javac)")/.." && pwd)
    candidates+=("$home")
  fi
  if [ -x /usr/libexec/java_home ]; then
    home=$(/usr/libexec/java_home -v 21+ 2>/dev/null) && candidates+=("$home")
  fi
  # COURSE_JDK_DIRS (folders separated by ":") replaces the usual install folders: the
  # self-check uses it to pretend a machine has no JDK.
  local search=(/usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/java/* /usr/local/opt/openjdk*/libexec/openjdk.jdk/Contents/Home
    /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*
    "$HOME"/.asdf/installs/java/* "$HOME"/.local/share/mise/installs/java/*)
  if [ -n "${COURSE_JDK_DIRS+set}" ]; then
    IFS=: read -r -a search <<<"$COURSE_JDK_DIRS"
  fi
  for home in "${search[@]}"; do
    [ -d "$home" ] && candidates+=("$home")
  done
  # The first candidate that is 21+ wins when it is JAVA_HOME or on PATH; otherwise the newest.
  for home in "${candidates[@]}"; do
    major=$(jdk_major "$home")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] 2>/dev/null; then
      if [ "$home" = "${JAVA_HOME:-}" ]; then found=$home; break; fi
      if [ "$major" -gt "$best" ]; then best=$major; found=$home; fi
    fi
  done
  local old_home=''
  if [ -n "${JAVA_HOME:-}" ] && [ "$found" != "$JAVA_HOME" ]; then
    major=$(jdk_major "$JAVA_HOME")
    if [ -n "$major" ]; then
      old_home="JAVA_HOME ($JAVA_HOME) is JDK $major"
    else
      old_home="JAVA_HOME ($JAVA_HOME) is not a JDK (no bin/java and bin/javac)"
    fi
    [ -n "$found" ] && printf '%s\n' "${YELLOW}!${OFF} $old_home, not a JDK 21+: using $found instead." >&2
  fi
  if [ -z "$found" ]; then
    [ -n "$old_home" ] && printf '%s\n' "${RED}✗ $old_home: the course needs JDK 21 or newer.${OFF}" >&2
    cat >&2 <<EOF
${RED}✗ No JDK 21 or newer found.${OFF}
  This course needs a JDK (not just a JRE) of version 21 or newer. I looked at JAVA_HOME,
  the java on your PATH and the usual install folders.
  Install one, for example Eclipse Temurin 21 or 25:
    • macOS:          brew install --cask temurin
    • Debian/Ubuntu:  sudo apt install openjdk-21-jdk   (or temurin-21-jdk from adoptium.net)
    • SDKMAN!:        sdk install java 21-tem
  Then run ./verify.sh again (or set JAVA_HOME to the JDK's folder).
EOF
    exit 2
  fi
  export JAVA_HOME=$found
  export PATH="$JAVA_HOME/bin:$PATH"
}
