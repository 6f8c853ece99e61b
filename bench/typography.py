"""Extraction on news as pages print it: the same annotated articles, each retyped one way, scored against the
same gold.

    python bench/typography.py [--limit 100] [--only nbsp,curly] [FOLDER]

A rewritten corpus is typed cleanly: straight apostrophes, plain spaces, sentence-case headlines.  Web copy
is not: no-break spaces between a title and a name, curly apostrophes, soft hyphens and zero-width spaces
from a content system, HTML character references, two spaces after a full stop, a headline in capitals.
Each variant below changes only how the text is typed, never what it says, so a drop in F1 against the
untouched copy is what the typing alone costs.  Prints the overall and per-question F1 of each variant.
Defaults to the first 100 articles of tests/corpus/dev/.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _sometimes(pattern: str, replacement: str, share: float, seed: int) -> Callable[[str], str]:
    """Replace a share of the pattern's matches, the same ones on every run."""
    def retype(text: str) -> str:
        rng = random.Random(seed)
        return re.sub(pattern, lambda m: replacement if rng.random() < share else m.group(), text)
    return retype


def _curly(text: str) -> str:
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    return re.sub(r'"(?=\w)', "“", text).replace('"', "”")


def _references(text: str) -> str:
    return text.replace("&", "&amp;").replace("’", "&#8217;").replace("“", "&quot;").replace("”", "&quot;")


SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with"}


def _title_case_headline(text: str) -> str:
    """"Kazakhstan and Germany Sign 36 Documents Worth $6.3 Billion During Scholz Visit", as many sites print it."""
    first, _, rest = text.partition("\n")
    words = first.split(" ")
    cased = [w if i and w in SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words)]
    return " ".join(cased) + "\n" + rest


def _wrapped(text: str) -> str:
    """Wire copy and e-mailed releases: every paragraph wrapped at 72 characters."""
    return "\n".join(textwrap.fill(line, 72, break_on_hyphens=False) if line else line for line in text.split("\n"))


def _no_blank_lines(text: str) -> str:
    return re.sub(r"\n\s*\n", "\n", text)


def _capital_headline(text: str) -> str:
    first, _, rest = text.partition("\n")
    return first.upper() + "\n" + rest


VARIANTS: dict[str, Callable[[str], str]] = {
    "as written": lambda text: text,
    "no-break spaces (15% of spaces)": _sometimes(r" ", "\u00a0", 0.15, 1),
    "HTML character references": _references,
    "zero-width spaces (0.3% of letter pairs)": _sometimes(r"(?<=\w)(?=\w)", "\u200b", 0.003, 2),
    "soft hyphens (1% of long words)": _sometimes(r"(?<=[a-z]{3})(?=[a-z]{3})", "\u00ad", 0.01, 3),
    "two spaces after half the stops": _sometimes(r"(?<=[.,]) ", "  ", 0.5, 4),
    "curly apostrophes and quotes": _curly,
    "headline in capitals": _capital_headline,
    "headline in title case": _title_case_headline,
    "wrapped at 72 characters": _wrapped,
    "no blank line between paragraphs": _no_blank_lines,
    "paragraphs indented by a tab": lambda text: re.sub(r"(?m)^(?=\S)", "\t", text),
    "accents decomposed (NFD)": lambda text: unicodedata.normalize("NFD", text),
    "dashes as em dashes without spaces": lambda text: re.sub(r" +[-–] +", "—", text),
    "single curly quotation marks": lambda text: re.sub(r'"(?=\w)', "‘", text).replace('"', "’"),
}


def retyped_copy(source: Path, target: Path, retype: Callable[[str], str], limit: int) -> None:
    target.mkdir(parents=True)
    for article in sorted(source.glob("*.txt"))[:limit]:
        (target / article.name).write_text(retype(article.read_text(encoding="utf-8")), encoding="utf-8")
        shutil.copy(article.with_suffix(".json"), target)


def score(folder: Path) -> dict:
    run = subprocess.run([sys.executable, "-m", "diplograph", "evaluate", "--json", "--gold", str(folder),
                          str(folder)], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "corpus" / "dev"))
    parser.add_argument("--limit", type=int, default=100, help="articles taken, in name order")
    parser.add_argument("--only", help="comma-separated words that pick variants by name")
    args = parser.parse_args()
    source = Path(args.folder)
    if not any(source.glob("*.txt")):
        parser.error(f"{source}: no .txt articles")
    chosen = {name: retype for name, retype in VARIANTS.items() if name == "as written" or not args.only
              or any(word in name for word in args.only.split(","))}
    with tempfile.TemporaryDirectory() as tmp:
        baseline = None
        for number, (name, retype) in enumerate(chosen.items()):
            folder = Path(tmp) / str(number)
            retyped_copy(source, folder, retype, args.limit)
            result = score(folder)
            f1 = result["overall"]["f1"]
            baseline = f1 if baseline is None else baseline
            per_question = " ".join(f"{q[:4]} {v['f1']:.3f}" for q, v in result["questions"].items())
            print(f"{name:<42} F1 {f1:.4f} ({f1 - baseline:+.4f})  {per_question}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
