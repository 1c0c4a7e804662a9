# shellcheck shell=bash
# Sourced (not run) by the scripts that install Debian packages a test needs when they are missing:
# scripts/services.sh (Redis, PostgreSQL) and scripts/interop.sh (Chromium).
#
# The caller defines say() and die(). apt_install PACKAGE... installs as root, non-interactively and
# without recommended packages; `apt-get update` runs at most once per script. Not root or no apt-get:
# die() with a message saying what to install.

APT_UPDATED=0
apt_install() {
  [[ $EUID -eq 0 ]] || die "missing packages ($*) and not root: install them with apt-get as root"
  command -v apt-get >/dev/null || die "missing packages ($*) and no apt-get on this machine"
  export DEBIAN_FRONTEND=noninteractive
  # A package install would otherwise start the distribution's own instance on the default port;
  # policy-rc.d answering 101 is Debian's documented way to keep postinst scripts from doing that.
  local policy=/usr/sbin/policy-rc.d added_policy=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && added_policy=1
  fi
  local rc=0
  if [[ $APT_UPDATED -eq 0 ]]; then
    say "apt-get update"
    apt-get update -q </dev/null || rc=$?
    APT_UPDATED=1
  fi
  if [[ $rc -eq 0 ]]; then
    say "installing $*"
    apt-get install -y -q --no-install-recommends "$@" </dev/null || rc=$?
  fi
  [[ $added_policy -eq 0 ]] || rm -f "$policy"
  [[ $rc -eq 0 ]] || die "apt-get failed (exit $rc) installing: $*"
}
