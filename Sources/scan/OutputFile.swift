import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing what `scan` produces (reports, baselines, hooks, rule pages) without crashing and without leaving half a
/// file: `-` is standard output; a regular file is written to a temporary file in the same directory, flushed and
/// renamed over the target, and the temporary file is removed when the write fails or the process is interrupted;
/// a device or a FIFO (`/dev/null`, `/dev/stdout`) is written in place.
enum OutputFile {
    /// The path that means standard output.
    static let standardOutput = "-"

    /// Why something could not be written: the path and the system's reason.
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        /// Standard output is a pipe whose reader went away (`scan . | head`): not an error worth reporting.
        var readerLeft = false

        var description: String { "cannot write \(path): \(reason)" }
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        try write(Array(text.utf8), to: path)
    }

    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        if path == standardOutput {
            try writeAll(bytes, to: STDOUT_FILENO, path: "standard output")
            return
        }
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw Failure(path: path, reason: "it is a directory")
            case S_IFREG: break
            default:
                try writeInPlace(bytes, to: path)
                return
            }
        }
        try replace(path, with: bytes)
    }

    /// Writes `bytes` to standard output.
    static func writeStandardOutput(_ text: String) throws(Failure) {
        try writeAll(Array(text.utf8), to: STDOUT_FILENO, path: "standard output")
    }

    /// A device or FIFO: opened and written as it is.
    private static func writeInPlace(_ bytes: [UInt8], to path: String) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw Failure(path: path, reason: systemReason()) }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    /// A regular file (or none yet): a temporary file beside it, flushed, then renamed over it.
    private static func replace(_ path: String, with bytes: [UInt8]) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let temporary = directory + "/." + url.lastPathComponent + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw Failure(path: path, reason: "cannot create a file in \(directory): \(systemReason())")
        }
        InterruptCleanup.shared.removeOnInterrupt(temporary)
        defer { InterruptCleanup.shared.clear() }
        do throws(Failure) {
            try writeAll(bytes, to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw Failure(path: path, reason: systemReason()) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let reason = systemReason()
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
        guard rename(temporary, path) == 0 else {
            let reason = systemReason()
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: systemReason(), readerLeft: errno == EPIPE && descriptor == STDOUT_FILENO)
            }
            offset += count
        }
    }

    private static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}

/// Removes the temporary file of a write in progress when the process is interrupted (SIGINT, SIGTERM, SIGHUP, or
/// SIGXFSZ when the file outgrows the size limit),
/// then lets the signal end the process as it would have. The path lives in memory set aside in advance, so that
/// the handler only calls functions that are safe in a signal handler.
final class InterruptCleanup: @unchecked Sendable {
    static let shared = InterruptCleanup()

    private static let capacity = Int(PATH_MAX) + 1
    /// The path to remove, NUL-terminated; empty when there is none.
    private let path: UnsafeMutablePointer<CChar>

    private init() {
        path = .allocate(capacity: Self.capacity)
        path.initialize(repeating: 0, count: Self.capacity)
        cleanupPath = path
        for interrupt in [SIGINT, SIGTERM, SIGHUP, SIGXFSZ] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                if let path = cleanupPath, path.pointee != 0 { unlink(path) }
                signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            sigaction(interrupt, &action, nil)
        }
    }

    /// Sets the file to remove on an interrupt.
    func removeOnInterrupt(_ file: String) {
        let bytes = Array(file.utf8.prefix(Self.capacity - 1))
        path[0] = 0
        for (index, byte) in bytes.enumerated().reversed() where index > 0 { path[index] = CChar(bitPattern: byte) }
        path[bytes.count] = 0
        if let first = bytes.first { path[0] = CChar(bitPattern: first) }
    }

    /// No file to remove any more.
    func clear() {
        path[0] = 0
    }
}

/// The handler's copy of the path buffer: a C function pointer cannot capture context.
nonisolated(unsafe) private var cleanupPath: UnsafeMutablePointer<CChar>?
