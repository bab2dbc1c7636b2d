"""What a build reads, as units a worker can read on its own: plain files, and the members of
the archives the registries publish, read in place (nothing is unpacked to disk).

- ``studies.zip`` (ClinicalTrials.gov API v2: one JSON file per study) and ``AllPublicXML.zip``
  (the legacy form: folders of ``clinical_study`` XML): one unit per ``.json`` / ``.xml``
  member.  The parent reads the central directory once; a unit carries the member's offset,
  sizes and checksum, so a worker (another process, or another machine) seeks to it and
  inflates that member alone, never the whole directory.
- ``pubmed26n0001.xml.gz`` (a PubMed baseline file: one gzip'd ``PubmedArticleSet`` of
  ~30,000 articles): units of ``ARTICLES`` articles; each article is read on its own, so a
  broken one is reported alone.  A gzip stream cannot be entered in the middle, so a worker
  inflates from the start and skips the articles before its own (cheap next to reading them).
  Any other ``.gz`` is one member, its name without ``.gz``.

A member is named ``ARCHIVE!/MEMBER`` (the jar-URL convention): its last part is the member's
own file name, so the graph's ``ctkg:sourceFile`` is what the unpacked file would give.  Every
member is bounded by ``safe_load.MAX_BYTES`` before it is inflated (zip bombs, huge members).
"""

from __future__ import annotations

import gzip
import hashlib
import re
import struct
import xml.etree.ElementTree as ET
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from kg.model import SourceDocument
from kg.sources import SourceError, read_documents, supported
from kg.sources.safe_load import MAX_BYTES

SEP = "!/"
# articles per unit of a PubMed .xml.gz: ~120 units for a baseline file of 30,000, so that even
# one file keeps every worker busy; each unit inflates the file up to its articles, ~3% of the
# time its articles take to read
ARTICLES = 250
MEMBERS = (".json", ".xml")  # what a registry archive holds; other members are skipped, and said
ARCHIVES = (".zip", ".gz")
BLOCK = 1 << 20
_NAME_LENGTH, _EXTRA_LENGTH = 10, 11  # fields of zipfile.structFileHeader, the local header
_ARTICLE = re.compile(rb"<PubmedArticle[\s>].*?</PubmedArticle\s*>", re.S)

Reading = tuple[str, "list[SourceDocument] | SourceError"]


@dataclass(frozen=True, slots=True)
class FileUnit:
    path: str

    @property
    def name(self) -> str:
        return self.path

    documents = 1

    def read(self) -> Iterator[Reading]:
        yield self.name, _guarded(self.name, lambda: read_documents(self.path))


@dataclass(frozen=True, slots=True)
class ZipMember:
    """One member of a zip archive, where its bytes are: enough to read it without the
    archive's central directory."""

    path: str
    member: str
    offset: int  # of the member's local header
    compressed: int
    size: int
    crc: int
    method: int

    @property
    def name(self) -> str:
        return f"{self.path}{SEP}{self.member}"

    documents = 1

    def read(self) -> Iterator[Reading]:
        yield self.name, _guarded(self.name, lambda: read_documents(self.name, self._bytes()))

    def _bytes(self) -> bytes:
        if self.size > MAX_BYTES or self.compressed > MAX_BYTES:
            raise SourceError(self.name, f"{self.size:,} bytes unpacked: larger than any record")
        with open(self.path, "rb") as f:
            f.seek(self.offset)
            header = f.read(zipfile.sizeFileHeader)
            if len(header) < zipfile.sizeFileHeader or header[:4] != zipfile.stringFileHeader:
                raise SourceError(self.name, "damaged archive: no member header where the directory says")
            fields = struct.unpack(zipfile.structFileHeader, header)
            f.seek(fields[_NAME_LENGTH] + fields[_EXTRA_LENGTH], 1)
            data = f.read(self.compressed)
        try:
            raw = data if self.method == zipfile.ZIP_STORED else _inflate(data)
        except zlib.error as err:
            raise SourceError(self.name, f"damaged member: {err}") from None
        if len(raw) != self.size or zlib.crc32(raw) != self.crc:
            raise SourceError(self.name, "damaged member: its bytes do not match the archive's checksum")
        return raw


@dataclass(frozen=True, slots=True)
class GzipMember:
    """The one file a ``.gz`` holds, its name without ``.gz``."""

    path: str

    @property
    def name(self) -> str:
        return f"{self.path}{SEP}{_inner(self.path)}"

    documents = 1

    def read(self) -> Iterator[Reading]:
        yield self.name, _guarded(self.name, lambda: read_documents(self.name, self._bytes()))

    def _bytes(self) -> bytes:
        with _gunzip(self.name, self.path) as read:
            raw = read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise SourceError(
                self.name, f"larger than any record ({MAX_BYTES:,} bytes at most) once unpacked"
            )
        return raw


@dataclass(frozen=True, slots=True)
class ArticleSlice:
    """Articles ``first`` .. ``first + count - 1`` (from 0) of a gzip'd PubmedArticleSet whose
    unpacked bytes have the SHA-256 ``sha256``."""

    path: str
    first: int
    count: int
    sha256: str

    @property
    def name(self) -> str:
        return f"{self.path}{SEP}{_inner(self.path)}"

    @property
    def documents(self) -> int:
        return self.count

    def read(self) -> Iterator[Reading]:
        try:
            for n, (line, span) in enumerate(_articles(self.name, self.path)):
                if n >= self.first + self.count:
                    return
                if n >= self.first:
                    yield self.name, _guarded(self.name, partial(self._one, span, n + 1), line - 1)
        except SourceError as err:
            yield self.name, err

    def _one(self, span: bytes, number: int) -> list[SourceDocument]:
        raw = b"<PubmedArticleSet>" + span + b"</PubmedArticleSet>"
        return read_documents(self.name, raw, sha256=self.sha256, first=number)


@dataclass(frozen=True, slots=True)
class Broken:
    """An input that cannot be opened at all (not a zip, a cut download): reported by name."""

    name: str
    problem: str
    documents = 1

    def read(self) -> Iterator[Reading]:
        yield self.name, SourceError(self.name, self.problem)


Unit = FileUnit | ZipMember | GzipMember | ArticleSlice | Broken


def readable(path: Path) -> bool:
    """A file a build reads: a supported record, or an archive of them."""
    if not path.is_file() or path.name.startswith("."):
        return False
    return supported(path) or path.suffix.lower() in ARCHIVES


def expand(inputs: list[str | Path]) -> list[Path]:
    """Files as given; a folder stands for every file below it a build reads, in name order."""
    out: list[Path] = []
    for item in map(Path, inputs):
        out += sorted(p for p in item.rglob("*") if readable(p)) if item.is_dir() else [item]
    return out


def units(inputs: list[str | Path], say: Callable[[str], None] | None = None) -> list[Unit]:
    """Every unit of the inputs, in order: a folder's files in name order, an archive's
    members in name order; ``say`` hears of the members skipped."""
    out: list[Unit] = []
    for path in expand(inputs):
        suffix = path.suffix.lower()
        if suffix == ".zip" and path.is_file():
            out += _zip_units(str(path), say)
        elif suffix == ".gz" and path.is_file():
            out += _gzip_units(str(path))
        else:
            out.append(FileUnit(str(path)))
    return out


def _zip_units(path: str, say: Callable[[str], None] | None) -> list[Unit]:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = sorted(archive.infolist(), key=lambda i: i.filename)
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        return [Broken(path, f"not a readable zip archive: {err}")]
    out: list[Unit] = []
    skipped = [i.filename for i in infos if not i.is_dir() and not _member(i.filename)]
    for info in (i for i in infos if not i.is_dir() and _member(i.filename)):
        name = f"{path}{SEP}{info.filename}"
        if info.flag_bits & 0x1:
            out.append(Broken(name, "encrypted member: not read"))
        elif info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            out.append(Broken(name, f"compression method {info.compress_type} (only stored or deflate)"))
        else:
            out.append(
                ZipMember(
                    path,
                    info.filename,
                    info.header_offset,
                    info.compress_size,
                    info.file_size,
                    info.CRC,
                    info.compress_type,
                )
            )
    if skipped and say:
        shown = ", ".join(skipped[:3]) + (", ..." if len(skipped) > 3 else "")
        say(f"{path}: {len(skipped):,} member(s) neither .json nor .xml left out ({shown})")
    return out


def _member(name: str) -> bool:
    last = name.rsplit("/", 1)[-1]
    return (
        Path(last).suffix.lower() in MEMBERS and not last.startswith(".") and not name.startswith("__MACOSX/")
    )


def _gzip_units(path: str) -> list[Unit]:
    """A PubMed set in slices of ``ARTICLES`` (counted, and its SHA-256 taken, in one pass);
    any other gzip'd file as one member."""
    name = f"{path}{SEP}{_inner(path)}"
    try:
        if _root(name, path) != "PubmedArticleSet":
            return [GzipMember(path)]
        digest = hashlib.sha256()
        count = sum(1 for _ in _articles(name, path, digest))
    except SourceError as err:
        return [Broken(err.path, err.problem)]
    if not count:
        return [Broken(name, "the PubmedArticleSet holds no PubmedArticle: nothing to import")]
    sha = digest.hexdigest()
    return [ArticleSlice(path, i, min(ARTICLES, count - i), sha) for i in range(0, count, ARTICLES)]


def _root(name: str, path: str) -> str:
    """The root element of the unpacked XML, from its first blocks ('' when not XML)."""
    if Path(_inner(path)).suffix.lower() != ".xml":
        return ""
    parser = ET.XMLPullParser(events=("start",))
    try:
        with _gunzip(name, path) as read:
            while block := read(1 << 16):
                parser.feed(block)
                for _event, element in parser.read_events():
                    return element.tag
    except ET.ParseError:
        return ""  # the ordinary reader says what is wrong, naming the member
    return ""


def _articles(name: str, path: str, digest=None) -> Iterator[tuple[int, bytes]]:
    """(line where it starts, bytes) of each ``PubmedArticle`` of a gzip'd set, in order,
    holding one block and one article at a time."""
    line, rest = 1, b""
    with _gunzip(name, path) as read:
        while block := read(BLOCK):
            if digest is not None:
                digest.update(block)
            rest += block
            at = 0
            for m in _ARTICLE.finditer(rest):
                line += rest.count(b"\n", at, m.start())
                yield line, m.group()
                line += m.group().count(b"\n")
                at = m.end()
            start = rest.find(b"<PubmedArticle", at)
            keep = start if start >= 0 else max(at, len(rest) - 32)  # a tag cut by the block end
            line += rest.count(b"\n", at, keep)
            rest = rest[keep:]
            if len(rest) > MAX_BYTES:
                raise SourceError(
                    name, f"an article longer than {MAX_BYTES:,} bytes, or one never closed", line
                )


@contextmanager
def _gunzip(name: str, path: str) -> Iterator[Callable[[int], bytes]]:
    """``read(size)`` of a gzip file as a stream; a cut or damaged one raises a ``SourceError``
    naming it."""
    with gzip.open(path, "rb") as f:

        def read(size: int) -> bytes:
            try:
                return f.read(size)
            except (OSError, EOFError, zlib.error) as err:
                raise SourceError(name, f"damaged or cut gzip stream: {err}") from None

        yield read


def _inflate(data: bytes) -> bytes:
    """Raw deflate, stopped just past ``MAX_BYTES`` (the caller then sees the size is wrong)."""
    return zlib.decompressobj(-15).decompress(data, MAX_BYTES + 1)


def _inner(path: str) -> str:
    name = Path(path).name
    return name[:-3] if name.lower().endswith(".gz") else name


def _guarded(name: str, read: Callable[[], list[SourceDocument]], lines: int = 0):
    """The documents ``read`` gives, or the ``SourceError`` it raised (its line moved by
    ``lines``: an article's line in the whole file)."""
    try:
        return read()
    except SourceError as err:
        if lines and err.line is not None:
            return SourceError(err.path, err.problem, err.line + lines)
        return err
