"""Reading input files: every way a file can be bad gets a message that names it."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 2_000_000
TEXT_SUFFIXES = {".txt", ".text"}


class DocumentError(ValueError):
    """A file that cannot be read as an article; the message names the file."""


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: str
    title: str
    text: str
    sha256: str
    encoding: str


def document_id(path: Path) -> str:
    """The file name without suffix, made IRI-safe: stable across machines and folders."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-") or "document"


def find_documents(paths: list[str | Path]) -> tuple[list[Path], list[Path]]:
    """Files named, and the .txt files inside folders named, in a stable order; and the folders
    named that hold no such file (a user who names a folder expects articles in it)."""
    found: list[Path] = []
    empty: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
                            and p.suffix.lower() in TEXT_SUFFIXES)
            if not inside:
                empty.append(path)
            found += inside
        else:
            found.append(path)
    return found, empty


def collect(paths: list[str | Path]) -> list[Path]:
    """Files named, and the .txt files inside folders named, in a stable order."""
    return find_documents(paths)[0]


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


# Formats people save articles in that are not plain text, by their first bytes ("magic numbers").
MAGIC_NUMBERS: list[tuple[bytes, str]] = [
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP"),  # also DOCX, XLSX, ODT, EPUB: told apart by `binary_format`
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Microsoft Office (DOC/XLS)"),
    (b"{\\rtf", "RTF"),
]
ZIP_MEMBERS = [(b"word/", "DOCX"), (b"xl/", "XLSX"), (b"ppt/", "PPTX"),
               (b"application/vnd.oasis.opendocument.text", "ODT"), (b"application/epub+zip", "EPUB")]


def binary_format(data: bytes) -> str | None:
    """The name of the non-text format the bytes start with, or None."""
    for magic, name in MAGIC_NUMBERS:
        if data.startswith(magic):
            if name == "ZIP":
                head = data[:4096]
                return next((kind for member, kind in ZIP_MEMBERS if member in head), name)
            return name
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > len(sample) * 0.05


# What web copy carries that a reader never sees. Spaces other than the plain one (the no-break space between a
# title and a name, a thin space in "1 250") would each be a token of their own and split the name; zero-width
# characters and soft hyphens would split a word; and a page saved as text keeps HTML's character references.
UNICODE_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
LINE_SEPARATORS = re.compile(r"\r\n?|[\u2028\u2029\u0085]")
SPACE_RUN = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")  # "said.  The minister": spaCy makes the second space a token
LINE_MARGIN = re.compile(r"^[ \t]+|[ \t]+$", re.MULTILINE)  # a paragraph indented by a tab opens on a token of space
INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
HYPHENS = re.compile(r"[\u2010\u2011]")  # "Kassym\u2011Jomart": a hyphen that may not break is still a hyphen
CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def as_printed(text: str) -> str:
    """The text as a reader sees it on the page: the document's text, which provenance offsets count in.
    Letters are composed (NFC): a file saved with "é" as "e" and a combining accent is the same name."""
    text = LINE_SEPARATORS.sub("\n", CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group()), text))
    text = SPACE_RUN.sub(" ", UNICODE_SPACES.sub(" ", HYPHENS.sub("-", INVISIBLE.sub("", text))))
    return LINE_MARGIN.sub("", unicodedata.normalize("NFC", text))


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(f"{path}: {size:,} bytes is more than the limit of {max_bytes:,} "
                                f"(raise it with --max-bytes)")
        data = path.read_bytes()
    except DocumentError:
        raise
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise DocumentError(f"{path}: the file is empty")
    detected = binary_format(data[3:] if data.startswith(b"\xef\xbb\xbf") else data)
    if detected:
        hint = " (pdftotext makes one from a PDF)" if detected == "PDF" else ""
        raise DocumentError(f"{path}: is a {detected} file by its first bytes, not plain text; "
                            f"save the article as a UTF-8 .txt file{hint}")
    if _looks_binary(data):
        raise DocumentError(f"{path}: looks like a binary file, not text")
    text, encoding = _decode(data, path)
    text = as_printed(text)
    title = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)[:200]
    return Document(document_id(path), str(path), title, text, hashlib.sha256(data).hexdigest(), encoding)
