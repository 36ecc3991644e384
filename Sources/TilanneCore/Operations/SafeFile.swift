import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Creating files in folders others may write to, without following links planted there: new
/// files are created with `O_CREAT | O_EXCL | O_NOFOLLOW` (so an existing name, a symbolic link
/// included, is refused rather than followed or emptied), and each descriptor is checked with
/// `fstat` to be a regular file before a byte is written.
public enum SafeFile {
    /// Creates a new regular file at `path` for writing; throws `OutputError` when anything,
    /// a symbolic link included, already has that name.
    public static func createNew(_ path: String, mode: mode_t = 0o666) throws -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            let code = errno
            let problem = code == EEXIST ? "something already has this name (a left-over file or a link); it is not followed or replaced"
                                         : String(cString: strerror(code))
            throw OutputError(path: path, problem: "cannot create the file: \(problem)")
        }
        do {
            try requireRegular(descriptor, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        return descriptor
    }

    /// Writes `data` into a new file at `path` (see `createNew`), synced to disk.
    public static func writeNew(_ data: Data, to path: String) throws {
        let descriptor = try createNew(path)
        defer { close(descriptor) }
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { bytes in
                write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: path, problem: String(cString: strerror(errno)))
            }
            offset += written
        }
        if fsync(descriptor) != 0 { throw OutputError(path: path, problem: String(cString: strerror(errno))) }
    }

    /// Throws unless the descriptor is a regular file with no other name (a hard link to a file
    /// elsewhere would be written through just as a symbolic link would).
    public static func requireRegular(_ descriptor: Int32, path: String) throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw OutputError(path: path, problem: "cannot inspect the file (\(String(cString: strerror(errno))))")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw OutputError(path: path, problem: "not a regular file (\(kind(status.st_mode))); it is left as it is")
        }
        guard status.st_nlink == 1 else {
            throw OutputError(path: path, problem: "the file has \(status.st_nlink) names (a hard link); it is left as it is")
        }
    }

    /// What is at `path` itself (a link is not followed); nil when nothing is.
    public static func status(_ path: String) -> stat? {
        var status = stat()
        return lstat(path, &status) == 0 ? status : nil
    }

    public static func isRegularFile(_ path: String) -> Bool {
        status(path).map { ($0.st_mode & S_IFMT) == S_IFREG } ?? false
    }

    public static func isFolder(_ path: String) -> Bool {
        status(path).map { ($0.st_mode & S_IFMT) == S_IFDIR } ?? false
    }

    /// A new folder only this user can enter, with an unpredictable name starting with `prefix`,
    /// inside `folder` (`mkdtemp`): no one else can plant a link in it.
    public static func makeTemporaryFolder(in folder: URL, prefix: String) throws -> URL {
        var template = Array(folder.appendingPathComponent(prefix + "XXXXXX").path.utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else {
            throw OutputError(path: folder.path, problem: "cannot create a temporary folder (\(String(cString: strerror(errno))))")
        }
        return URL(fileURLWithPath: String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// The folder `relative` inside `root`, each missing part created; a part that exists must
    /// be a real folder, not a link to one elsewhere (nor a file).
    public static func makeFolders(_ relative: String, in root: URL) throws -> URL {
        var url = root
        for part in relative.split(separator: "/") where part != "." {
            guard part != ".." else { throw OutputError(path: relative, problem: "a folder inside the output folder is expected") }
            url.appendPathComponent(String(part))
            if mkdir(url.path, 0o777) != 0 && errno != EEXIST {
                throw OutputError(path: url.path, problem: "cannot create the folder (\(String(cString: strerror(errno))))")
            }
            guard isFolder(url.path) else {
                let what = Self.status(url.path).map { kind($0.st_mode) } ?? "missing"
                throw OutputError(path: url.path, problem: "not a folder (\(what)); nothing is written through it")
            }
        }
        return url
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFREG: "a regular file"
        default: "not a regular file"
        }
    }
}
