#!/usr/bin/env bash
# Puts a benchmark script's section into docs/BENCHMARKS.md: SECTION (from stdin) replaces the section with the same
# "## " heading (up to the next "## " heading), or is appended when there is none. The compare-*.sh scripts share it.
# Usage: printf '%s\n' "$section" | bench/write-section.sh DOC
set -euo pipefail
doc=$1
mkdir -p "$(dirname "$doc")"
[ -f "$doc" ] || printf '# Benchmarks\n' >"$doc"
SECTION=$(cat) python3 - "$doc" <<'PY'
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"].strip() + "\n"
heading = section.splitlines()[0]
pattern = re.compile(re.escape(heading) + r".*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda _: section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
open(path, "w").write(text.rstrip("\n") + "\n")
PY
echo "wrote $doc"
