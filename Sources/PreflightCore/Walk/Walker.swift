import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks directory trees on several threads: honours ignore files, skips `.git`, symbolic links (unless asked),
/// binary and oversized files, and hands each file's bytes to a per-thread handler.
public final class Walker: Sendable {
    private let options: WalkOptions

    public init(options: WalkOptions) {
        self.options = options
    }

    /// Walks `targets`, creating one handler per worker thread; returns the handlers once every worker is done.
    public func walk<Handler: WalkHandler>(_ targets: [WalkTarget], makeHandler: @escaping @Sendable () -> Handler) -> [Handler] {
        let queue = WorkQueue()
        for target in targets { queue.push(seed(target)) }
        let collected = HandlerBox<Handler>()
        let group = DispatchGroup()
        let options = self.options
        let links = options.followSymlinks ? LinkTargets(roots: targets.compactMap { Self.realPath($0.fileSystemPath) }) : nil
        for _ in 0..<options.jobs {
            group.enter()
            let thread = Thread {
                let handler = makeHandler()
                let worker = Worker(options: options, queue: queue, handler: handler, links: links)
                worker.run()
                collected.append(handler)
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return collected.values
    }

    /// The first work items for a target: its directory with the ignore files above it and the files git tracks
    /// in it, or the file itself; and a warning for each ignore file that could not be read.
    private func seed(_ target: WalkTarget) -> [WorkItem] {
        var info = stat()
        guard stat(target.fileSystemPath, &info) == 0 else {
            return [.missing(target)]
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            return [.file(fileSystemPath: target.fileSystemPath, displayPath: target.displayPath)]
        }
        var items: [WorkItem] = []
        var stack: IgnoreStack?
        var tracked: TrackedFiles?
        var inRepository = false
        if options.useIgnoreFiles, let ancestors = Self.ancestorIgnores(of: target.fileSystemPath) {
            inRepository = true
            stack = ancestors.stack
            items += ancestors.warnings.map(WorkItem.warning)
            if options.readsGitIgnoreFiles {
                do {
                    tracked = TrackedFiles(try Git.trackedFiles(in: target.fileSystemPath))
                } catch {
                    items.append(.warning(Diagnostic(
                        kind: .ignoreFile, level: .warning, path: target.displayPath.isEmpty ? "." : target.displayPath,
                        message: "git could not list the tracked files (\(error.message)); what .gitignore lists is left out even where git tracks it"
                    )))
                }
            }
        }
        let identity = DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), parent: nil)
        items.append(.directory(DirectoryJob(
            fileSystemPath: target.fileSystemPath, displayPath: target.displayPath, pathFromTarget: "",
            ignores: stack, identity: identity, tracked: tracked, untrackedExcludedBy: nil, inRepository: inRepository
        )))
        return items
    }

    /// The ignore files of the directories above `directory`, up to the root of its git repository, and that
    /// repository's `.git/info/exclude`, with a warning for each that exists but could not be read. Nil when the
    /// directory is not inside a repository.
    static func ancestorIgnores(of directory: String) -> (stack: IgnoreStack?, warnings: [Diagnostic])? {
        guard let start = realPath(directory) else { return nil }
        var chain: [(directory: String, targetFromIt: String)] = []
        var current = start
        var below: [String] = []
        while true {
            if current != start { chain.append((current, below.reversed().joined(separator: "/"))) }
            if FileManager.default.fileExists(atPath: current + "/.git") { break }
            guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
            below.append(String(current[current.index(after: slash)...]))
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        let repositoryRoot = current
        var stack: IgnoreStack?
        var warnings: [Diagnostic] = []
        let fromRoot = below.reversed().joined(separator: "/")
        let up = { (targetFromIt: String) in String(repeating: "../", count: targetFromIt.split(separator: "/").count) }
        let files = [(repositoryRoot + "/.git/info/exclude", ".git/info/exclude", fromRoot)]
            + chain.reversed().map { ($0.directory + "/.gitignore", ".gitignore", $0.targetFromIt) }
        for (path, source, targetFromIt) in files {
            switch IgnoreFile.read(path, shownAs: up(targetFromIt) + source) {
            case .text(let text):
                stack = IgnoreStack(file: IgnoreFile(text: text, base: .above(targetFromIt), source: source), parent: stack)
            case .absent:
                break
            case .notRead(let warning):
                warnings.append(warning)
            }
        }
        return (stack, warnings)
    }

    /// The real path of `path`, without symbolic links.
    static func realPath(_ path: String) -> String? {
        guard let real = FileName.withFileSystemPath(path, { realpath($0, nil) }) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}

/// With `--follow-symlinks`: where links lead, so that each real directory and file is walked once. A link into
/// a scanned directory is passed over (its target is walked at its own path); a directory outside them is walked
/// through the first link that reaches it.
final class LinkTargets: @unchecked Sendable {
    /// The real paths of the directories walked, each ending in `/`.
    private let roots: [String]
    private let lock = NSLock()
    private var visited = Set<String>()

    init(roots: [String]) {
        self.roots = roots.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// Whether the link at `path` should be followed: its target is outside the walked directories and was not
    /// reached before.
    func shouldFollow(_ path: String) -> Bool {
        guard let target = Walker.realPath(path) else { return true }
        if roots.contains(where: { (target + "/").hasPrefix($0) }) { return false }
        lock.lock()
        defer { lock.unlock() }
        return visited.insert(target).inserted
    }
}

/// A directory still to be listed.
struct DirectoryJob: Sendable {
    let fileSystemPath: String
    let displayPath: String
    /// The path from the walk target, which ignore files are matched against.
    let pathFromTarget: String
    let ignores: IgnoreStack?
    let identity: DirectoryIdentity
    /// The files git tracks below the walk target, when it is in a work tree.
    let tracked: TrackedFiles?
    /// Set when the directory is ignored by git's ignore files and walked only for the files git tracks in it:
    /// the ignore file that left out the rest.
    let untrackedExcludedBy: String?
    /// Whether the directory is in a git repository (one above the walk target, or a `.git` met on the way
    /// down). Git's ignore files apply only there, as git and ripgrep read them: an unpacked sdist's `.gitignore`
    /// of `*` (written by its build tool) must not hide the whole tree.
    let inRepository: Bool
}

/// Device and inode of a directory and of those above it on the way down, to catch symbolic-link loops.
final class DirectoryIdentity: Sendable {
    let device: UInt64
    let inode: UInt64
    let parent: DirectoryIdentity?

    init(device: UInt64, inode: UInt64, parent: DirectoryIdentity?) {
        self.device = device
        self.inode = inode
        self.parent = parent
    }

    func contains(device: UInt64, inode: UInt64) -> Bool {
        var node: DirectoryIdentity? = self
        while let current = node {
            if current.device == device && current.inode == inode { return true }
            node = current.parent
        }
        return false
    }
}

enum WorkItem: Sendable {
    case directory(DirectoryJob)
    case file(fileSystemPath: String, displayPath: String)
    case missing(WalkTarget)
    case warning(Diagnostic)
}

/// The shared stack of work: workers wait on it until every worker is idle and it is empty.
final class WorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [WorkItem] = []
    private var busy = 0

    func push(_ newItems: some Collection<WorkItem>) {
        guard !newItems.isEmpty else { return }
        condition.lock()
        items.append(contentsOf: newItems)
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, or nil when the walk is over. The caller must call `done()` after each item.
    func next() -> WorkItem? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty {
            if busy == 0 {
                condition.broadcast()
                return nil
            }
            condition.wait()
        }
        busy += 1
        return items.removeLast()
    }

    func done() {
        condition.lock()
        busy -= 1
        if busy == 0 && items.isEmpty { condition.broadcast() }
        condition.unlock()
    }
}

/// Collects the handlers of finished workers.
final class HandlerBox<Handler>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Handler] = []

    func append(_ handler: Handler) {
        lock.lock()
        storage.append(handler)
        lock.unlock()
    }

    var values: [Handler] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
