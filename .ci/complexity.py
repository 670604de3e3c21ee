"""The complexity gate of `make lint`: no function or method above cyclomatic complexity --max (radon's
measure), the migrations aside. Prints each offender as `path:line name (complexity)` and exits 1."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from radon.complexity import cc_visit


def offenders(roots: list[str], limit: int) -> list[str]:
    found = []
    for root in roots:
        for path in sorted(Path(root).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for block in cc_visit(path.read_text(encoding="utf-8")):
                if block.complexity > limit:
                    found.append(f"{path}:{block.lineno} {block.fullname} ({block.complexity})")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("roots", nargs="+")
    parser.add_argument("--max", type=int, default=25)
    args = parser.parse_args()
    found = offenders(args.roots, args.max)
    for line in found:
        print(line)
    print(f"complexity: {len(found)} function(s) above {args.max}" if found else f"complexity: none above {args.max}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
