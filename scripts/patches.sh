#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make patches: the encap as a numbered git format-patch series, with a
# cover letter, against the Debian linux-source-6.12 tree.
#
#   scripts/patches.sh [BUILD_DIR]
#
# The series is made from the repository's files as kernel/series/steps
# lists them (the hand-written patches of kernel/patches/, our files, the
# documentation index and MAINTAINERS), one commit per line, in a git tree
# that holds only the files the series touches; `git format-patch` writes
# it to BUILD_DIR/patches/ (build/ by default). The tree at the end must
# hold every file of net/ipv6/ila_xlat/, the uapi header and the documents
# exactly as the repository does, or the script fails: nothing is left
# out of the series. It is what `make kernel` applies
# (scripts/build-kernel.sh), and `make patches-check` builds it patch by
# patch (scripts/patches-check.sh).
#
# From: and Signed-off-by: are PATCH_FROM ("Name <address>"), by default
# the project's identity: the author of the last change to kernel/series/
# (or of the last commit) in the repository's history. Dates are fixed, so that the same files
# give the same series.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
tarball=${LINUX_TARBALL:-/usr/src/linux-source-6.12.tar.xz}
series=$top/kernel/series
out=$build/patches
work=$build/series
date='2026-01-01T00:00:00+0000'

[ -f "$tarball" ] || { echo "missing $tarball: apt-get install linux-source-6.12" >&2; exit 1; }
from=${PATCH_FROM:-$(git -C "$top" log -1 --format='%an <%ae>' -- kernel/series 2>/dev/null)}
[ -n "$from" ] || from=$(git -C "$top" log -1 --format='%an <%ae>' 2>/dev/null) || true
case $from in
*@example.invalid*) echo "PATCH_FROM: $from is not an identity to post with" >&2; exit 1 ;;
*'<'*'@'*'>') ;;
*) echo "PATCH_FROM: \"$from\" is not \"Name <address>\"" >&2; exit 1 ;;
esac

# The kernel files the series changes, from the tarball once.
base_files() {
	sed -nE 's|^--- a/(.*)|\1|p' "$top"/kernel/patches/*.patch
	echo Documentation/networking/index.rst
	echo MAINTAINERS
}
mkdir -p "$work"
base_files | sort -u > "$work/base.list.new"
if ! cmp -s "$work/base.list.new" "$work/base.list" || [ ! -d "$work/base" ]; then
	rm -rf "$work/base" "$work/base.tmp"
	mkdir -p "$work/base.tmp"
	sed 's|^|linux-source-6.12/|' "$work/base.list.new" |
		tar -C "$work/base.tmp" -xJf "$tarball" -T -
	mv "$work/base.tmp/linux-source-6.12" "$work/base"
	rmdir "$work/base.tmp"
	mv "$work/base.list.new" "$work/base.list"
fi
rm -f "$work/base.list.new"

# A git tree of those files alone: the base, then one commit per patch.
tree=$work/git
rm -rf "$tree"
cp -r "$work/base" "$tree"
export GIT_AUTHOR_DATE=$date GIT_COMMITTER_DATE=$date
name=${from%% <*}
email=${from##*<}
email=${email%>}
export GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email
export GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email
g() { git -C "$tree" -c core.autocrlf=false -c init.defaultBranch=main "$@"; }
g init -q
g add -A
g commit -q -m "linux-source-6.12"
base=$(g rev-parse HEAD)

# Our Kconfig without the KUnit option, our Makefile without the KUnit
# objects: the option and the objects come with the KUnit patch.
no_kunit_kconfig() {
	awk '/^config IPV6_XLAT_KUNIT_TEST/ { exit } { print }' "$1" |
		sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
}
no_kunit_makefile() {
	awk '/^# KUnit/ { exit } { print }' "$1"
}

do_action() {
	local a=$1 arg=${1#*:}

	case $a in
	patch:*)
		sed '1,/^---$/d' "$top/kernel/patches/$arg" |
			patch -s -p1 -d "$tree" --no-backup-if-mismatch
		;;
	file:*)
		mkdir -p "$tree/$(dirname "$arg")"
		cp "$top/$arg" "$tree/$arg"
		;;
	kconfig:*)
		mkdir -p "$tree/$(dirname "$arg")"
		no_kunit_kconfig "$top/$arg" > "$tree/$arg"
		;;
	makefile:*)
		mkdir -p "$tree/$(dirname "$arg")"
		no_kunit_makefile "$top/$arg" > "$tree/$arg"
		;;
	index)
		python3 - "$tree/Documentation/networking/index.rst" <<'EOF'
import sys
p = sys.argv[1]
lines = open(p).read().split("\n")
# The toctree entries are "   name"; ours go before the first that
# sorts after them.
for doc in ("xlat", "xlat-compliance"):
    i = next(i for i, l in enumerate(lines) if l.startswith("   x"))
    while lines[i].startswith("   ") and lines[i].strip() < doc:
        i += 1
    lines.insert(i, "   " + doc)
open(p, "w").write("\n".join(lines))
EOF
		;;
	maintainers)
		python3 - "$tree/MAINTAINERS" "$series/MAINTAINERS" "$from" <<'EOF'
import re, sys
p, entry, who = sys.argv[1:]
lines = open(p).read().split("\n")
block = open(entry).read().replace("@FROM@", who).rstrip("\n").split("\n")
title = block[0]
# Entries are a title line followed by "X:\t" lines, sorted by title.
start = next(i for i, l in enumerate(lines) if l == "Maintainers List")
for i in range(start, len(lines) - 1):
    if (re.match(r"^[A-Z0-9]", lines[i]) and not re.match(r"^[A-Z]:\t", lines[i])
            and re.match(r"^[A-Z]:\t", lines[i + 1])
            and lines[i].upper() > title.upper()):
        lines[i:i] = block + [""]
        break
open(p, "w").write("\n".join(lines))
EOF
		;;
	*)
		echo "kernel/series/steps: unknown action $a" >&2
		exit 1
		;;
	esac
}

n=0
while read -r num msg actions; do
	case $num in ''|'#'*) continue ;; esac
	n=$((n + 1))
	[ "$num" = "$(printf %02d $n)" ] || { echo "kernel/series/steps: $num out of order" >&2; exit 1; }
	[ -f "$series/$msg.txt" ] || { echo "missing kernel/series/$msg.txt" >&2; exit 1; }
	# shellcheck disable=SC2086 # the actions are words
	for a in $actions; do
		do_action "$a"
	done
	g add -A
	{ cat "$series/$msg.txt"; echo; echo "Signed-off-by: $from"; } |
		g commit -q -F -
done < "$series/steps"

# Nothing of ours left out, nothing stale.
missing=0
while IFS= read -r f; do
	if ! cmp -s "$top/$f" "$tree/$f"; then
		echo "make patches: $f differs from the repository's (kernel/series/steps)" >&2
		missing=1
	fi
done < <(cd "$top" && { find net/ipv6/ila_xlat -type f; echo include/uapi/linux/lwtunnel_xlat.h; ls Documentation/networking/xlat*.rst; } | sort)
[ $missing = 0 ] || exit 1

rm -rf "$out"
g format-patch -q --no-signature --cover-letter --subject-prefix="PATCH net-next" \
	-o "$out" "$base..HEAD"
python3 - "$out"/0000-cover-letter.patch "$series/cover.txt" <<'EOF'
import sys
p, cover = sys.argv[1:]
text = open(p).read()
subject, body = open(cover).read().split("\n\n", 1)
text = text.replace("*** SUBJECT HERE ***", subject)
text = text.replace("*** BLURB HERE ***", body.rstrip("\n"))
open(p, "w").write(text)
EOF
echo "== $out: $n patches and a cover letter"
