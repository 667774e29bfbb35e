import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One walker thread: lists directories, reads files into its own reusable buffer and hands them to its handler.
final class Worker<Handler: WalkHandler> {
    private let options: WalkOptions
    private let queue: WorkQueue
    private let handler: Handler
    private var buffer: UnsafeMutableRawBufferPointer

    /// Only the first bytes are checked for NUL to call a file binary.
    static var binaryProbeLength: Int { 8 * 1024 }

    init(options: WalkOptions, queue: WorkQueue, handler: Handler) {
        self.options = options
        self.queue = queue
        self.handler = handler
        buffer = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit { buffer.deallocate() }

    func run() {
        while let item = queue.next() {
            switch item {
            case .directory(let job): list(job)
            case .file(let fileSystemPath, let displayPath): read(fileSystemPath: fileSystemPath, displayPath: displayPath)
            case .missing(let target):
                handler.skip(Diagnostic(kind: .unreadable, level: .error, path: target.displayPath.isEmpty ? "." : target.displayPath,
                                        message: "cannot open \(target.fileSystemPath): \(String(cString: strerror(ENOENT)))"))
            }
            queue.done()
        }
    }

    private func list(_ job: DirectoryJob) {
        var ignores = job.ignores
        if options.useIgnoreFiles {
            ignores = Self.loadIgnores(in: job, parent: ignores, names: options.ignoreFileNames)
        }
        guard let directory = FileName.withFileSystemPath(job.fileSystemPath, { opendir($0) }) else {
            let reason = String(cString: strerror(errno))
            handler.skip(Diagnostic(kind: .unreadable, level: .warning, path: job.displayPath.isEmpty ? "." : job.displayPath,
                                    message: "cannot read directory: \(reason)"))
            return
        }
        defer { closedir(directory) }
        var work: [WorkItem] = []
        while let entry = readdir(directory) {
            let name = Self.name(of: entry)
            if name == "." || name == ".." || name == ".git" { continue }
            let fileSystemPath = job.fileSystemPath == "/" ? "/" + name : job.fileSystemPath + "/" + name
            let displayPath = job.displayPath.isEmpty ? name : job.displayPath + "/" + name
            let pathFromTarget = job.pathFromTarget.isEmpty ? name : job.pathFromTarget + "/" + name
            var kind = Int32(entry.pointee.d_type)
            if kind == Int32(DT_UNKNOWN) {
                var info = stat()
                guard FileName.withFileSystemPath(fileSystemPath, { lstat($0, &info) }) == 0 else { continue }
                kind = Self.directoryEntryType(info.st_mode)
            }
            var identity: DirectoryIdentity?
            if kind == Int32(DT_LNK) {
                guard options.followSymlinks else {
                    handler.skip(Diagnostic(kind: .symlink, level: .note, path: displayPath, message: "symbolic link not followed"))
                    continue
                }
                var info = stat()
                guard FileName.withFileSystemPath(fileSystemPath, { stat($0, &info) }) == 0 else {
                    handler.skip(Diagnostic(kind: .unreadable, level: .warning, path: displayPath, message: "broken symbolic link"))
                    continue
                }
                kind = Self.directoryEntryType(info.st_mode)
                if kind == Int32(DT_DIR) {
                    let device = UInt64(info.st_dev), inode = UInt64(info.st_ino)
                    if job.identity.contains(device: device, inode: inode) {
                        handler.skip(Diagnostic(kind: .symlinkLoop, level: .warning, path: displayPath,
                                                message: "symbolic link leads back to a directory above it; not followed"))
                        continue
                    }
                    identity = DirectoryIdentity(device: device, inode: inode, parent: job.identity)
                }
            }
            let isDirectory = kind == Int32(DT_DIR)
            if Self.excluded(pathFromTarget: pathFromTarget, displayPath: displayPath, isDirectory: isDirectory, ignores: ignores, options: options) {
                continue
            }
            if isDirectory {
                if identity == nil {
                    var info = stat()
                    guard FileName.withFileSystemPath(fileSystemPath, { stat($0, &info) }) == 0 else { continue }
                    identity = DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), parent: job.identity)
                }
                work.append(.directory(DirectoryJob(
                    fileSystemPath: fileSystemPath, displayPath: displayPath, pathFromTarget: pathFromTarget,
                    ignores: ignores, identity: identity!
                )))
            } else if kind == Int32(DT_REG) {
                work.append(.file(fileSystemPath: fileSystemPath, displayPath: displayPath))
            } else {
                handler.skip(Diagnostic(kind: .special, level: .note, path: displayPath, message: "not a regular file"))
            }
        }
        queue.push(work)
    }

    private static func excluded(pathFromTarget: String, displayPath: String, isDirectory: Bool, ignores: IgnoreStack?, options: WalkOptions) -> Bool {
        if options.excludes.contains(where: { $0.matches(displayPath, isDirectory: isDirectory) }) { return true }
        return ignores?.isIgnored(pathFromTarget, isDirectory: isDirectory) ?? false
    }

    /// The directory's own ignore files (`names`, in order) on top of `parent`.
    private static func loadIgnores(in job: DirectoryJob, parent: IgnoreStack?, names: [String]) -> IgnoreStack? {
        var stack = parent
        let base = IgnoreFile.Base.inside(job.pathFromTarget)
        for name in names {
            if let text = readText(job.fileSystemPath + "/" + name) {
                stack = IgnoreStack(file: IgnoreFile(text: text, base: base), parent: stack)
            }
        }
        return stack
    }

    private func read(fileSystemPath: String, displayPath: String) {
        let descriptor = FileName.withFileSystemPath(fileSystemPath) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else {
            handler.skip(Diagnostic(kind: .unreadable, level: .warning, path: displayPath, message: "cannot open: \(String(cString: strerror(errno)))"))
            return
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            handler.skip(Diagnostic(kind: .special, level: .note, path: displayPath, message: "not a regular file"))
            return
        }
        let limit = options.maxFileSize
        if Int(info.st_size) > limit {
            handler.skip(tooLarge(displayPath, size: Int(info.st_size)))
            return
        }
        var length = 0
        while true {
            if length == buffer.count {
                if length > limit {
                    handler.skip(tooLarge(displayPath, size: length))
                    return
                }
                grow(to: min(buffer.count * 2, limit + 1))
            }
            let count = Glibc.read(descriptor, buffer.baseAddress! + length, buffer.count - length)
            if count < 0 {
                if errno == EINTR { continue }
                handler.skip(Diagnostic(kind: .unreadable, level: .warning, path: displayPath, message: "cannot read: \(String(cString: strerror(errno)))"))
                return
            }
            if count == 0 { break }
            length += count
        }
        if length > limit {
            handler.skip(tooLarge(displayPath, size: length))
            return
        }
        let content = UnsafeRawBufferPointer(rebasing: buffer[0..<length])
        if let transcoded = TextEncoding.utf8FromUTF16(content) {
            transcoded.withUnsafeBytes { scanUnlessBinary($0, displayPath: displayPath) }
        } else {
            scanUnlessBinary(content, displayPath: displayPath)
        }
    }

    private func scanUnlessBinary(_ content: UnsafeRawBufferPointer, displayPath: String) {
        let probe = min(content.count, Self.binaryProbeLength)
        if probe > 0 && memchr(content.baseAddress!, 0, probe) != nil {
            handler.skip(Diagnostic(kind: .binary, level: .note, path: displayPath, message: "binary file (NUL byte in the first 8 KiB)"))
            return
        }
        handler.scan(path: displayPath, bytes: content)
    }

    private func tooLarge(_ path: String, size: Int) -> Diagnostic {
        Diagnostic(kind: .tooLarge, level: .warning, path: path, message: "file of \(size) bytes is over the size limit of \(options.maxFileSize) bytes")
    }

    private func grow(to size: Int) {
        guard size > buffer.count else { return }
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = larger
    }

    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: &entry.pointee.d_name) { pointer in
            pointer.withMemoryRebound(to: UInt8.self, capacity: Int(NAME_MAX) + 1) { start in
                FileName.decode(UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
            }
        }
    }

    /// An ignore file's text, or nil when there is none (or it cannot be read).
    private static func readText(_ path: String) -> String? {
        let descriptor = FileName.withFileSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? String(decoding: bytes, as: UTF8.self) : nil }
            bytes += chunk[..<count]
        }
    }

    private static func directoryEntryType(_ mode: mode_t) -> Int32 {
        switch mode & S_IFMT {
        case S_IFDIR: return Int32(DT_DIR)
        case S_IFREG: return Int32(DT_REG)
        case S_IFLNK: return Int32(DT_LNK)
        default: return Int32(DT_UNKNOWN) - 1
        }
    }
}
