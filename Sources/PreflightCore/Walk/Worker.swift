import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One walker thread: lists directories, reads files into its own reusable buffer and hands them to its handler.
final class Worker<Handler: WalkHandler> {
    private let options: WalkOptions
    private let queue: WorkQueue
    private let handler: Handler
    private let links: LinkTargets?
    private var buffer: UnsafeMutableRawBufferPointer

    /// Only the first bytes are checked for NUL to call a file binary.
    static var binaryProbeLength: Int { 8 * 1024 }

    init(options: WalkOptions, queue: WorkQueue, handler: Handler, links: LinkTargets?) {
        self.options = options
        self.queue = queue
        self.handler = handler
        self.links = links
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
            case .warning(let diagnostic):
                handler.warn(diagnostic)
            }
            queue.done()
        }
    }

    private func list(_ job: DirectoryJob) {
        var ignores = job.ignores
        let inRepository = job.inRepository
            || (options.useIgnoreFiles && FileName.withFileSystemPath(job.fileSystemPath + "/.git", { access($0, F_OK) }) == 0)
        if options.useIgnoreFiles {
            ignores = loadIgnores(in: job, parent: ignores, inRepository: inRepository)
        }
        guard let directory = FileName.withFileSystemPath(job.fileSystemPath, { opendir($0) }) else {
            let error = errno
            handler.skip(unreachable(job.displayPath.isEmpty ? "." : job.displayPath, what: "cannot read directory", error: error))
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
                guard FileName.withFileSystemPath(fileSystemPath, { lstat($0, &info) }) == 0 else {
                    let error = errno
                    handler.skip(unreachable(displayPath, what: "cannot read", error: error))
                    continue
                }
                kind = Self.directoryEntryType(info.st_mode)
            }
            var identity: DirectoryIdentity?
            if kind == Int32(DT_LNK) {
                guard options.followSymlinks, let links else {
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
                guard links.shouldFollow(fileSystemPath) else {
                    handler.skip(Diagnostic(kind: .symlink, level: .note, path: displayPath,
                                            message: "symbolic link to a path that is walked already; not followed"))
                    continue
                }
            }
            let isDirectory = kind == Int32(DT_DIR)
            var untrackedExcludedBy = job.untrackedExcludedBy
            if let source = exclusion(of: pathFromTarget, displayPath: displayPath, isDirectory: isDirectory, in: job, ignores: ignores,
                                      untrackedExcludedBy: &untrackedExcludedBy) {
                handler.exclude(path: displayPath, source: source)
                continue
            }
            if isDirectory {
                if identity == nil {
                    var info = stat()
                    guard FileName.withFileSystemPath(fileSystemPath, { stat($0, &info) }) == 0 else {
                        let error = errno
                        handler.skip(unreachable(displayPath, what: "cannot read directory", error: error))
                        continue
                    }
                    identity = DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), parent: job.identity)
                }
                work.append(.directory(DirectoryJob(
                    fileSystemPath: fileSystemPath, displayPath: displayPath, pathFromTarget: pathFromTarget,
                    ignores: ignores, identity: identity!, tracked: job.tracked, untrackedExcludedBy: untrackedExcludedBy,
                    inRepository: inRepository
                )))
            } else if kind == Int32(DT_REG) {
                work.append(.file(fileSystemPath: fileSystemPath, displayPath: displayPath))
            } else {
                handler.skip(Diagnostic(kind: .special, level: .note, path: displayPath, message: "not a regular file"))
            }
        }
        queue.push(work)
    }

    /// The diagnostic of a path the walk cannot reach, with the reason of the system's `error`.
    private func unreachable(_ path: String, what: String, error: Int32) -> Diagnostic {
        let reason = error == ENAMETOOLONG
            ? "the path is longer than the system allows (\(PATH_MAX) bytes)"
            : String(cString: strerror(error))
        return Diagnostic(kind: .unreadable, level: .warning, path: path, message: "\(what): \(reason)")
    }

    /// What leaves an entry out, or nil. `--exclude`, the configuration's excludes and `.scanignore` leave out any
    /// file; git's ignore files only those git does not track: a directory they ignore that holds tracked files
    /// is walked for those alone (`untrackedExcludedBy` is then set for it).
    private func exclusion(of pathFromTarget: String, displayPath: String, isDirectory: Bool, in job: DirectoryJob,
                           ignores: IgnoreStack?, untrackedExcludedBy: inout String?) -> String? {
        if let exclusion = options.excludes.first(where: { $0.glob.matches(displayPath, isDirectory: isDirectory) }) {
            return exclusion.source
        }
        if let exclusion = ignores?.exclusion(of: pathFromTarget, isDirectory: isDirectory) {
            if exclusion.hidesTracked { return exclusion.source }
            untrackedExcludedBy = exclusion.source
        }
        guard let source = untrackedExcludedBy else { return nil }
        guard let tracked = job.tracked else { return source }
        let isTracked = isDirectory ? tracked.containsAny(below: pathFromTarget) : tracked.contains(pathFromTarget)
        return isTracked ? nil : source
    }

    /// The directory's own ignore files (`options.ignoreFileNames`, in order; git's only in a repository) on top
    /// of `parent`; a warning for each that exists but is not read.
    private func loadIgnores(in job: DirectoryJob, parent: IgnoreStack?, inRepository: Bool) -> IgnoreStack? {
        var stack = parent
        let base = IgnoreFile.Base.inside(job.pathFromTarget)
        for name in options.ignoreFileNames where inRepository || name == IgnoreFile.scanIgnoreName {
            let shownAs = job.displayPath.isEmpty ? name : job.displayPath + "/" + name
            switch IgnoreFile.read(job.fileSystemPath + "/" + name, shownAs: shownAs) {
            case .text(let text):
                stack = IgnoreStack(file: IgnoreFile(text: text, base: base, source: name), parent: stack)
            case .absent:
                break
            case .notRead(let warning):
                handler.warn(warning)
            }
        }
        return stack
    }

    private func read(fileSystemPath: String, displayPath: String) {
        // Non-blocking, so that a FIFO or a device given as a file cannot hang the walk before fstat rejects it.
        let descriptor = FileName.withFileSystemPath(fileSystemPath) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        guard descriptor >= 0 else {
            let error = errno
            handler.skip(unreachable(displayPath, what: "cannot open", error: error))
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
        // The first bytes decide whether the file is binary before the rest is read: a large file of zeros
        // costs one small read.
        var length = 0
        var probed = false
        while true {
            if !probed && (length >= Self.binaryProbeLength) {
                probed = true
                if isBinary(UnsafeRawBufferPointer(rebasing: buffer[0..<length]), displayPath: displayPath) { return }
            }
            if length == buffer.count {
                if length > limit {
                    handler.skip(tooLarge(displayPath, size: length))
                    return
                }
                grow(to: min(buffer.count * 2, limit + 1))
            }
            let wanted = probed ? buffer.count - length : min(buffer.count, Self.binaryProbeLength) - length
            let count = Glibc.read(descriptor, buffer.baseAddress! + length, wanted)
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
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
            transcoded.withUnsafeBytes { text in
                if !isBinary(text, displayPath: displayPath) { handler.scan(path: displayPath, bytes: text) }
            }
        } else if probed || !isBinary(content, displayPath: displayPath) {
            handler.scan(path: displayPath, bytes: content)
        }
    }

    /// Whether the file starting with `head` is binary (a NUL byte in its first 8 KiB, unless it is UTF-16 with a
    /// byte-order mark); a binary file is reported as skipped.
    private func isBinary(_ head: UnsafeRawBufferPointer, displayPath: String) -> Bool {
        let probe = min(head.count, Self.binaryProbeLength)
        guard probe > 0, !TextEncoding.hasUTF16ByteOrderMark(head), memchr(head.baseAddress!, 0, probe) != nil else { return false }
        handler.skip(Diagnostic(kind: .binary, level: .note, path: displayPath, message: "binary file (NUL byte in the first 8 KiB)"))
        return true
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

    private static func directoryEntryType(_ mode: mode_t) -> Int32 {
        switch mode & S_IFMT {
        case S_IFDIR: return Int32(DT_DIR)
        case S_IFREG: return Int32(DT_REG)
        case S_IFLNK: return Int32(DT_LNK)
        default: return Int32(DT_UNKNOWN) - 1
        }
    }
}
