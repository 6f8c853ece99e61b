"""Extraction throughput: diplograph's extractor against spaCy's own nlp.pipe on the same texts.

    python bench/extraction.py [--repeat 3] [PATHS...]

Prints documents per second for raw spaCy (the same pipeline, the same paragraphs) and for
the full extraction (spaCy + gazetteer matchers + rules), and the overhead ratio of the rules.
Defaults to seeds/ and tests/corpus/.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from diplograph.graph.documents import collect, read_document
from diplograph.graph.extract import extract
from diplograph.graph.extract.reading import paragraphs
from diplograph.graph.gazetteer import load_gazetteer
from diplograph.graph.nlp import load_matchers, load_nlp

ROOT = Path(__file__).resolve().parent.parent


def timed(run, repeat: int) -> float:
    """Median wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "seeds"), str(ROOT / "tests" / "corpus")])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [read_document(p).text for p in collect(args.paths)]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    load_gazetteer()
    load_matchers()
    extract(texts[0])  # warm caches

    def raw_spacy() -> None:
        for text in texts:
            list(nlp.pipe(p for _, p in paragraphs(text)))

    def full() -> None:
        for text in texts:
            extract(text)

    spacy_s = timed(raw_spacy, args.repeat)
    full_s = timed(full, args.repeat)
    print(f"documents: {len(texts)}, words: {words}, runs: {args.repeat} (median)")
    print(f"{'':<28}{'seconds':>10}{'docs/s':>10}{'words/s':>10}")
    print(f"{'spaCy nlp.pipe':<28}{spacy_s:>10.2f}{len(texts) / spacy_s:>10.1f}{words / spacy_s:>10.0f}")
    print(f"{'diplograph extract':<28}{full_s:>10.2f}{len(texts) / full_s:>10.1f}{words / full_s:>10.0f}")
    share = (full_s - spacy_s) / full_s
    print(f"rule layer overhead: {full_s / spacy_s:.2f}x spaCy's time ({share:.0%} of extraction)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
