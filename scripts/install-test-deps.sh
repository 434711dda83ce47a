#!/usr/bin/env bash
# What the tests need beyond npm: Debian's Chromium (browser, print and PDF tests; never a downloaded
# browser), poppler-utils (pdfinfo, pdftotext, pdftoppm, pdffonts), and a Korean and an emoji font for the
# printouts (without an emoji font, the seed's icons print as empty boxes).
# Idempotent: installs only what is missing.
set -euo pipefail

packages=(chromium poppler-utils fonts-noto-cjk fonts-noto-color-emoji)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "test dependencies present: ${packages[*]}"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
