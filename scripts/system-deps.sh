#!/usr/bin/env bash
# Installs the Debian packages legalgen needs (fonts, text shaping, PDF and office tools for the
# tests). As root it runs apt-get; otherwise it prints the one command to run.
set -euo pipefail
packages=(fonts-liberation2 fontconfig libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils)
if [ "${1:-}" = "--test" ]; then
  # LibreOffice opens the DOCX; Chromium runs the site's browser tests; npm installs their
  # accessibility checker (tests/a11y).
  packages+=(libreoffice-writer-nogui chromium)
  command -v npm >/dev/null || packages+=(npm)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "legalgen needs system packages; run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
