#!/usr/bin/env bash
# Rebuilds pride-and-prejudice.txt from its source, so the shipped file can be checked, not trusted.
#
# Source: the Debian package r-cran-janeaustenr 1.0.0-1 (Julia Silge's janeaustenr, MIT), which
# holds the text of Project Gutenberg eBook #1342 as an R character vector, one line per element,
# with Project Gutenberg's header and footer already left out by janeaustenr. The novel (1813) is
# in the public domain. Nothing is changed here: the lines are written out as they are, joined by
# "\n", with a final "\n". The result is plain ASCII, hence UTF-8.
#
# Needs: apt-get (Debian), dpkg-deb, Rscript (apt-get install r-base-core). Run from anywhere.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download r-cran-janeaustenr=1.0.0-1
dpkg-deb -x r-cran-janeaustenr_1.0.0-1_all.deb pkg
# The package keeps its data as an R lazy-load database; lazyLoad reads it without installing.
Rscript -e 'e <- new.env(); lazyLoad("pkg/usr/lib/R/site-library/janeaustenr/data/Rdata", envir = e);
            writeLines(get("prideprejudice", envir = e), "pride-and-prejudice.txt")'
cp pride-and-prejudice.txt "$here/pride-and-prejudice.txt"
# The file as committed: if this differs, the package changed and README.md needs updating too.
echo "dfc684d4f857fa938268f9ab9c5567b64bd0691251eca959644adeabe6287a4d  pride-and-prejudice.txt" | sha256sum -c -
