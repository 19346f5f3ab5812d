"""Write a file or a whole folder atomically: readers see the old version or the new one,
never half of either, and a failure (an exception, Ctrl-C) leaves the old version in place.

    with atomic_file("out/table.csv") as tmp:     # a temporary path beside the target
        frame.write_csv(tmp)                     # fsync'ed, then os.replace'd onto the target

    with atomic_directory("export") as tmp:      # a temporary folder beside the target
        ...                                      # fill it; on success it takes the target's place

Temporary paths live in the target's own folder (same file system, so the final rename is
atomic) and start with a dot; they are removed on failure.
"""
from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_file", "atomic_write_bytes", "atomic_write_text", "atomic_directory"]


def _fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - Windows
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse fsync on a folder
        pass
    finally:
        os.close(fd)


@functools.cache
def _umask() -> int:
    """The process's umask, read once (reading it means setting it for a moment, which a
    thread creating a file at that moment would see; caches write from a kernel's threads)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode_for(target: Path, default: int) -> int:
    """The mode the result should have: the target's if it exists, else what open()/mkdir()
    would give (mkstemp and mkdtemp make private 0600/0700 entries)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return default & ~_umask()


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


@contextmanager
def atomic_file(path: str | os.PathLike, *, durable: bool = True) -> Iterator[Path]:
    """A temporary path beside ``path`` to write; on success it is fsync'ed and renamed
    onto ``path`` (os.replace); on any failure it is deleted and ``path`` is untouched.
    ``durable=False`` skips the fsyncs: for a cache, whose loss in a power cut only costs time,
    the rename is still atomic, so no reader sees half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp)
    try:
        os.chmod(tmp, _mode_for(path, 0o666))
        yield tmp
        if durable:
            _fsync_file(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync_dir(path.parent)


def atomic_write_bytes(path: str | os.PathLike, data: bytes, *, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` atomically (``durable``: as :func:`atomic_file`)."""
    with atomic_file(path, durable=durable) as tmp:
        tmp.write_bytes(data)
    return Path(path)


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (UTF-8 unless told otherwise; no newline translation)."""
    return atomic_write_bytes(path, text.encode(encoding))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here, not at the top: `import pingan` need not pay for ctypes
    import ctypes.util
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    if renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot; do it in two steps
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


@contextmanager
def atomic_directory(path: str | os.PathLike) -> Iterator[Path]:
    """A new temporary folder beside ``path`` to fill. On success every file in it is
    fsync'ed and it takes the place of ``path`` (the previous folder, if any, is removed
    only once the new one is in place); on any failure it is removed and ``path`` is left
    exactly as it was.

    The swap is a single atomic exchange on Linux; elsewhere the previous folder is
    renamed aside first and put back if the second rename fails.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise NotADirectoryError(f"{path} exists and is not a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        os.chmod(tmp, _mode_for(path, 0o777))
        yield tmp
        for root, _dirs, files in os.walk(tmp):
            for name in files:
                _fsync_file(Path(root) / name)
            _fsync_dir(Path(root))
        if not path.exists():
            os.replace(tmp, path)  # an empty target folder would be replaced too; a missing one is created
            old = None
        elif _exchange(tmp, path):
            old = tmp  # the previous folder now sits at the temporary name
        else:
            old = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent))
            os.rmdir(old)
            os.replace(path, old)
            try:
                os.replace(tmp, path)
            except BaseException:
                os.replace(old, path)
                raise
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _fsync_dir(path.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
