#if canImport(Glibc)
import Glibc
#endif

/// Reads the small files a scanned repository controls (ignore files, `.scan.yml`, rule files, baselines): only
/// a regular file, never through a symbolic link at its last component (as git reads `.gitignore`), never
/// blocking on a FIFO or a device, and never more than a size limit.
public enum RegularFile {
    /// Why a file was not read.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing
        case symbolicLink
        case notRegular
        case tooLarge(limit: Int)
        case unreadable(String)

        public var description: String {
            switch self {
            case .missing: return "no such file"
            case .symbolicLink: return "it is a symbolic link, which is not followed"
            case .notRegular: return "it is not a regular file"
            case .tooLarge(let limit): return "it is larger than \(limit) bytes"
            case .unreadable(let reason): return reason
            }
        }
    }

    /// The size limit for ignore and configuration files.
    public static let smallFileLimit = 1 << 20

    /// The bytes of the regular file at `path`, at most `limit` of them; through a symbolic link only when
    /// `followingLinks` (the link must still lead to a regular file).
    public static func read(_ path: String, limit: Int = smallFileLimit, followingLinks: Bool = false) -> Result<[UInt8], Failure> {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (followingLinks ? 0 : O_NOFOLLOW)
        let descriptor = FileName.withFileSystemPath(path) { open($0, flags) }
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return .failure(.missing)
            case ELOOP: return .failure(.symbolicLink)
            default: return .failure(.unreadable(String(cString: strerror(errno))))
            }
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(limit: limit)) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var length = 0
        while true {
            if length == bytes.count {
                // The file grew while it was read.
                guard length <= limit else { return .failure(.tooLarge(limit: limit)) }
                bytes += [UInt8](repeating: 0, count: min(bytes.count, limit + 1 - length))
            }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + length, $0.count - length) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            length += count
        }
        guard length <= limit else { return .failure(.tooLarge(limit: limit)) }
        return .success(Array(bytes[..<length]))
    }

    /// The text of the regular file at `path` (invalid UTF-8 shown as U+FFFD).
    public static func text(_ path: String, limit: Int = smallFileLimit) -> Result<String, Failure> {
        read(path, limit: limit).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The size limit for rule files and baselines, which may be long.
    public static let dataFileLimit = 256 << 20
}
