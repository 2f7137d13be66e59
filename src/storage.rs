//! Where Counteroffer keeps its files, reading them with a bound, and
//! writing them so that a crash never leaves a half-written one.

use std::fmt;
use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// The data directory: `COUNTEROFFER_DATA_DIR` when set (tests, portable
/// installs), else the OS's per-user data directory.
pub fn data_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("COUNTEROFFER_DATA_DIR") {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "Counteroffer").map(|d| d.data_dir().to_path_buf())
}

/// Size caps for the files Counteroffer reads.
pub mod cap {
    /// Scenario files: a scenario is a few dozen KiB.
    pub const SCENARIO: u64 = 1 << 20;
    /// Lexicon files.
    pub const LEXICON: u64 = 1 << 20;
    /// `settings.ron`: a few lines.
    pub const SETTINGS: u64 = 64 << 10;
    /// Transcripts, reports and journals.
    pub const TRANSCRIPT: u64 = 16 << 20;
    /// `history.jsonl`: about 1 KiB per finished session.
    pub const HISTORY: u64 = 64 << 20;
}

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    NotFound,
    /// A folder, FIFO, device or socket: only regular files are read.
    NotRegular(&'static str),
    /// A link that leads in a loop (or through too many links).
    LinkLoop,
    /// More than `cap` bytes.
    TooLarge {
        cap: u64,
    },
    Io(std::io::Error),
}

impl ReadError {
    /// What the reader can do about it.
    pub fn help(&self) -> &'static str {
        match self {
            ReadError::NotFound => "check the path",
            ReadError::NotRegular(_) => "give the path of a file saved on disk",
            ReadError::LinkLoop => "fix or remove the link",
            ReadError::TooLarge { .. } => {
                "this is not a file Counteroffer wrote or expects; check the path"
            }
            ReadError::Io(_) => "check that the file can be read",
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::NotFound)
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "the file does not exist"),
            ReadError::NotRegular(kind) => {
                write!(f, "is {kind}, not a regular file; it is not read")
            }
            ReadError::LinkLoop => write!(f, "is a link that leads in a loop; it is not read"),
            ReadError::TooLarge { cap } => {
                write!(f, "the file is larger than {}; it is not read", size(*cap))
            }
            ReadError::Io(e) => write!(f, "cannot read the file: {e}"),
        }
    }
}

/// "1 MiB", "64 KiB", "100 bytes".
pub fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KiB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

fn kind_of(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

fn open_error(e: std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        std::io::ErrorKind::IsADirectory => ReadError::NotRegular("a folder"),
        _ if is_loop(&e) => ReadError::LinkLoop,
        _ => ReadError::Io(e),
    }
}

fn is_loop(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

/// Reads a whole regular file of at most `cap` bytes. Links are followed
/// (the system stops a loop); anything but a regular file (a FIFO, a
/// device such as `/dev/zero`, a folder) is refused without reading, and
/// the cap is enforced while reading, whatever the file's metadata says.
pub fn read_bounded(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // opening a FIFO for reading would wait for a writer
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(open_error)?;
    // the type of what was opened, not of what the path named a moment ago
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(meta.file_type())));
    }
    if meta.len() > cap {
        return Err(ReadError::TooLarge { cap });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(cap + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge { cap });
    }
    Ok(bytes)
}

/// [`read_bounded`] as text; invalid UTF-8 is an error naming the offset.
pub fn read_text_bounded(path: &Path, cap: u64) -> Result<String, ReadError> {
    let bytes = read_bounded(path, cap)?;
    String::from_utf8(bytes).map_err(|e| {
        ReadError::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "the file is not UTF-8 (bad byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        ))
    })
}

/// Where a link inside `dir` leads, when that is outside `dir`: content
/// found in a folder stays inside it.
pub fn link_leaves(file: &Path, dir: &Path) -> Option<PathBuf> {
    let linked = std::fs::symlink_metadata(file)
        .ok()?
        .file_type()
        .is_symlink();
    if !linked {
        return None;
    }
    let target = std::fs::canonicalize(file).ok()?;
    let home = std::fs::canonicalize(dir).ok()?;
    (!target.starts_with(&home)).then_some(target)
}

/// One line of input, read with a bound.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    /// The line's bytes, without the `\n` (or `\r\n`).
    Bytes(Vec<u8>),
    /// The line was longer than the cap; it was read past and dropped.
    TooLong,
}

/// Reads the next line of at most `cap` bytes; a longer line is skipped to
/// its end (never held in memory) and reported as [`Line::TooLong`].
/// `None` at the end of input.
pub fn read_line_bounded(input: &mut impl BufRead, cap: usize) -> std::io::Result<Option<Line>> {
    let mut line = Vec::new();
    let mut too_long = false;
    let mut any = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        if !too_long {
            if line.len() + chunk.len() > cap {
                too_long = true;
                line = Vec::new();
            } else {
                line.extend_from_slice(chunk);
            }
        }
        let used = done.unwrap_or(buf.len());
        input.consume(used);
        if done.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if too_long {
        return Ok(Some(Line::TooLong));
    }
    if line.last() == Some(&b'\r') {
        line.pop();
    }
    Ok(Some(Line::Bytes(line)))
}

/// A temporary name beside `path` that no other writer uses (process and
/// count in the name), so two processes writing one path never share it.
fn temporary(path: &Path) -> PathBuf {
    static COUNT: AtomicU32 = AtomicU32::new(0);
    let mut name = std::ffi::OsString::from(".");
    name.push(path.file_name().unwrap_or_default());
    name.push(format!(
        ".{}-{}.tmp",
        std::process::id(),
        COUNT.fetch_add(1, Ordering::Relaxed)
    ));
    path.with_file_name(name)
}

/// Writes `bytes` to a temporary file beside `path` and syncs it.
fn write_temporary(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = temporary(path);
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match written {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it
/// over `path`: readers see the old file or the new one, never a torn one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = write_temporary(path, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}

/// Writes a new file `dir/stem.ext`, or `stem-2.ext`, `stem-3.ext`... when
/// that name is taken, never replacing a file, even one another process
/// writes at the same moment; returns the path written. The file appears
/// whole or not at all.
pub fn write_new(dir: &Path, stem: &str, ext: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let first = dir.join(format!("{stem}.{ext}"));
    let tmp = write_temporary(&first, bytes)?;
    let mut result = Err(std::io::Error::other("no free name"));
    for n in 1..10_000 {
        let path = if n == 1 {
            first.clone()
        } else {
            dir.join(format!("{stem}-{n}.{ext}"))
        };
        // a hard link fails when the name exists: claiming it is atomic
        match std::fs::hard_link(&tmp, &path) {
            Ok(()) => {
                result = Ok(path);
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(_) => {
                // no hard links here (some shared drives): claim the name
                // with create_new, then move the content over it
                match std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)
                {
                    Ok(_) => {
                        result = std::fs::rename(&tmp, &path).map(|()| path);
                        break;
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                }
            }
        }
    }
    let _ = std::fs::remove_file(&tmp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("co-storage-{}-{name}", std::process::id()))
    }

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = temp("atomic");
        let path = dir.join("a/b.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["b.json"], "no temporary is left");
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn new_files_never_replace_one_another() {
        let dir = temp("new");
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let dir = dir.clone();
                std::thread::spawn(move || {
                    write_new(&dir, "same", "json", format!("{i}").as_bytes()).unwrap()
                })
            })
            .collect();
        let mut paths: Vec<PathBuf> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        paths.sort();
        paths.dedup();
        assert_eq!(paths.len(), 8);
        let mut contents: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        contents.sort();
        assert_eq!(contents, ["0", "1", "2", "3", "4", "5", "6", "7"]);
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            8,
            "no temporaries left"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bounded_reads_refuse_devices_folders_and_big_files() {
        let dir = temp("bounded");
        std::fs::create_dir_all(&dir).unwrap();
        let small = dir.join("small.txt");
        std::fs::write(&small, b"12345").unwrap();
        assert_eq!(read_bounded(&small, 5).unwrap(), b"12345");
        assert!(matches!(
            read_bounded(&small, 4),
            Err(ReadError::TooLarge { cap: 4 })
        ));
        assert!(matches!(
            read_bounded(&dir, 100),
            Err(ReadError::NotRegular("a folder"))
        ));
        assert!(
            read_bounded(&dir.join("missing"), 100)
                .unwrap_err()
                .is_not_found()
        );
        #[cfg(unix)]
        {
            let e = read_bounded(Path::new("/dev/zero"), 100).unwrap_err();
            assert_eq!(
                e.to_string(),
                "is a character device, not a regular file; it is not read"
            );
            let looped = dir.join("loop.ron");
            std::os::unix::fs::symlink(&looped, &looped).unwrap();
            assert!(matches!(
                read_bounded(&looped, 100),
                Err(ReadError::LinkLoop)
            ));
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bounded_lines_skip_what_is_too_long() {
        let mut input = std::io::Cursor::new(b"ab\r\ncdefgh\n\nxyz".to_vec());
        let mut lines = Vec::new();
        while let Some(l) = read_line_bounded(&mut input, 4).unwrap() {
            lines.push(l);
        }
        assert_eq!(
            lines,
            [
                Line::Bytes(b"ab".to_vec()),
                Line::TooLong,
                Line::Bytes(Vec::new()),
                Line::Bytes(b"xyz".to_vec())
            ]
        );
    }
}
