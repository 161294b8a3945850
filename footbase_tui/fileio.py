"""Private, atomic, durable file operations and the inter-process lock.

Every file is created 0600 and every folder 0700 whatever the umask; symlinks at our paths
are never followed; a write goes to a temp file that is fsynced, renamed over the target, and
the folder fsynced, so the target is always either the old bytes or the new ones.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from footbase_tui.errors import InsecurePath, LockTimeout, NotSaved

TEMP_SUFFIX = ".tmp"


def _reason(exc: OSError) -> str:
    names = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EIO: "an input/output error",
        errno.EFBIG: "the file is larger than allowed",
    }
    return names.get(exc.errno or 0, exc.strerror or str(exc))


def unreachable(path: Path, exc: OSError) -> InsecurePath:
    """The one line for a path footbase may not read (a folder without permission on the
    way), with how to fix it."""
    return InsecurePath(
        f"cannot read {path}: {_reason(exc)}; fix it with: chmod u+rwx {path.parent} "
        "(or choose another place with --db)"
    )


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` 0700 if missing; refuse one that other users can reach into."""
    try:
        _ensure_private_dir(folder)
    except PermissionError as exc:
        raise unreachable(folder, exc) from None


def _make_private(folder: Path) -> None:
    """Create `folder` and any missing parents 0700 whatever the umask (under umask 000 a
    parent such as ~/.local would be 0777, and anyone could move the data away), each made
    durable by an fsync of the folder it was created in."""
    missing = [p for p in (folder, *folder.parents) if not os.path.lexists(p)]
    for made in reversed(missing):
        try:
            os.mkdir(made, 0o700)
        except FileExistsError:
            continue
        except OSError as exc:
            raise NotSaved(f"cannot create folder {made}: {_reason(exc)}") from None
        os.chmod(made, 0o700)
        with contextlib.suppress(OSError):
            fsync_dir(made.parent)


def _check_parents(folder: Path) -> None:
    """Refuse a folder whose parents others could change (writable by other users, without
    the sticky bit of /tmp): they could move the store away or put another in its place."""
    for parent in folder.parents:
        try:
            info = os.stat(parent)
        except OSError:
            continue
        sticky = info.st_mode & stat.S_ISVTX
        others = info.st_mode & 0o002 or (info.st_mode & 0o020 and info.st_gid != os.getgid())
        if others and not sticky:
            raise InsecurePath(
                f"folder {parent} can be changed by other users (mode {stat.S_IMODE(info.st_mode):04o}), "
                f"who could move your data away; fix it with: chmod go-w {parent}"
            )


def _ensure_private_dir(folder: Path) -> None:
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        _make_private(folder)
        info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode):
        target = folder.resolve()
        info = os.stat(target)
    if not stat.S_ISDIR(info.st_mode):
        raise InsecurePath(f"{folder} is not a folder")
    if info.st_uid != os.getuid():
        raise InsecurePath(f"folder {folder} belongs to another user; choose your own with --db")
    if info.st_mode & 0o077:
        raise InsecurePath(
            f"folder {folder} is open to other users (mode {stat.S_IMODE(info.st_mode):04o}); "
            f"fix it with: chmod 700 {folder}"
        )
    _check_parents(folder)


def nothing_at(path: Path) -> bool:
    """True only if nothing at all is at `path` (a folder we may not enter is not nothing)."""
    try:
        os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return False


def read_nofollow(path: Path) -> bytes | None:
    """The file's bytes, None if it does not exist; a symlink is refused."""
    found = read_with_identity(path)
    return None if found is None else found[0]


def identity(info: os.stat_result) -> str:
    """What changes whenever a file is replaced or written: device, inode, size, mtime."""
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}"


def read_with_identity(path: Path) -> tuple[bytes, str] | None:
    """read_nofollow, plus the identity of the very file that was read."""
    try:
        # Non-blocking: a FIFO at our path must not hang footbase until someone writes to it.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except PermissionError as exc:
        raise NotSaved(
            f"cannot read {path}: {_reason(exc)}; fix it with: chmod u+rw {path} "
            f"and chmod u+rwx {path.parent} (or choose another place with --db)"
        ) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InsecurePath(
                f"{path} is a symbolic link; footbase does not follow links to its store. "
                "Point --db at the real file."
            ) from None
        raise NotSaved(f"cannot read {path}: {_reason(exc)}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InsecurePath(
                f"{path} is not a regular file (a folder, a FIFO or a device); "
                "footbase reads only plain files there: move it away"
            )
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks), identity(info)  # as it was before reading: safer if it changes
    except OSError as exc:
        raise NotSaved(f"cannot read {path}: {_reason(exc)}") from None
    finally:
        with contextlib.suppress(OSError):
            os.close(fd)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_name(path: Path, tag: str = "") -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}{tag}{TEMP_SUFFIX}")


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` durably; on failure the old file is untouched (NotSaved).

    The old file is kept as a hard link until the folder is synced: if that sync fails
    after the rename, the old file is put back, so "not saved" always means unchanged.
    """
    tmp = _temp_name(path)
    old = _temp_name(path, ".old")
    fd = -1
    replaced = kept_old = False
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        os.fchmod(fd, 0o600)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
        closing, fd = fd, -1  # never close twice: a failed close has freed the number anyway
        os.close(closing)
        try:
            os.link(path, old, follow_symlinks=False)
            kept_old = True
        except FileNotFoundError:
            pass  # the first write: nothing to keep
        os.replace(tmp, path)
        replaced = True
        fsync_dir(path.parent)
    except OSError as exc:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        if replaced:  # the new file is in place but the folder is not synced: undo
            with contextlib.suppress(OSError):
                if kept_old:
                    os.replace(old, path)
                    kept_old = False
                else:
                    os.unlink(path)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if kept_old and not replaced:
            with contextlib.suppress(OSError):
                os.unlink(old)
        # (A kept old file that could not be put back stays as a temp: the next save
        # removes it under the lock.)
        raise NotSaved(f"not saved: {_reason(exc)} ({path.parent})") from None
    if kept_old:
        with contextlib.suppress(OSError):
            os.unlink(old)


def remove_stale_temps(folder: Path, prefix: str) -> int:
    """Delete temp files (".<prefix>*.tmp") left by a writer that died; call only while
    holding the lock, when no other footbase can be writing them."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if name.startswith(f".{prefix}") and name.endswith(TEMP_SUFFIX):
            try:
                os.unlink(folder / name)
                removed += 1
            except OSError:
                pass
    return removed


@contextmanager
def exclusive_lock(
    lock_path: Path,
    timeout: float,
    on_wait: Callable[[], None] | None = None,
    poll: float = 0.05,
) -> Iterator[int]:
    """Hold an exclusive flock on `lock_path` (created 0600, never through a symlink); the
    open lock file is yielded, for notes that only the lock holder may read or write."""
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InsecurePath(f"{lock_path} is a symbolic link; remove it") from None
        raise NotSaved(f"not saved: cannot open the lock file {lock_path}: {_reason(exc)}") from None
    try:
        os.fchmod(fd, 0o600)
        deadline = time.monotonic() + timeout
        waited = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not waited and on_wait is not None:
                    on_wait()
                waited = True
                if time.monotonic() >= deadline:
                    raise LockTimeout(
                        f"not saved: another footbase kept the store busy for {timeout:g} s; try again"
                    ) from None
                time.sleep(poll)
        try:
            yield fd
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def read_note(fd: int, kind: str) -> str | None:
    """The text after `kind` in a one-line note at the start of an open file (the lock
    file: only its holder reads or writes it), None if there is none."""
    try:
        note = os.pread(fd, 256, 0)
    except OSError:
        return None
    head = f"footbase: {kind} ".encode("ascii")
    if not note.startswith(head) or not note.endswith(b"\n"):
        return None
    return note[len(head) : -1].decode("ascii", "replace")


def write_note(fd: int, kind: str, text: str) -> None:
    """Replace the note at the start of an open file (OSError if it cannot be written)."""
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"footbase: {kind} {text}\n".encode("ascii"), 0)
