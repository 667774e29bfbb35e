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
        for target in targets { queue.push([seed(target)]) }
        let collected = HandlerBox<Handler>()
        let group = DispatchGroup()
        let options = self.options
        for _ in 0..<options.jobs {
            group.enter()
            let thread = Thread {
                let handler = makeHandler()
                let worker = Worker(options: options, queue: queue, handler: handler)
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

    /// The first work item for a target: its directory with the ignore files above it, or the file itself.
    private func seed(_ target: WalkTarget) -> WorkItem {
        var info = stat()
        guard stat(target.fileSystemPath, &info) == 0 else {
            return .missing(target)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            let stack = options.useIgnoreFiles ? Self.ancestorIgnores(of: target.fileSystemPath) : nil
            let identity = DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), parent: nil)
            return .directory(DirectoryJob(
                fileSystemPath: target.fileSystemPath, displayPath: target.displayPath, pathFromTarget: "",
                ignores: stack, identity: identity
            ))
        }
        return .file(fileSystemPath: target.fileSystemPath, displayPath: target.displayPath)
    }

    /// The `.gitignore` files of the directories above `directory`, up to the root of its git repository,
    /// and that repository's `.git/info/exclude`. Nothing when the directory is not inside a repository.
    static func ancestorIgnores(of directory: String) -> IgnoreStack? {
        guard let real = realpath(directory, nil) else { return nil }
        let start = String(cString: real)
        free(real)
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
        let fromRoot = below.reversed().joined(separator: "/")
        if let exclude = try? String(contentsOfFile: repositoryRoot + "/.git/info/exclude", encoding: .utf8) {
            stack = IgnoreStack(file: IgnoreFile(text: exclude, base: .above(fromRoot)), parent: stack)
        }
        for (directory, targetFromIt) in chain.reversed() {
            if let text = try? String(contentsOfFile: directory + "/.gitignore", encoding: .utf8) {
                stack = IgnoreStack(file: IgnoreFile(text: text, base: .above(targetFromIt)), parent: stack)
            }
        }
        return stack
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
}

/// The shared stack of work: workers wait on it until every worker is idle and it is empty.
final class WorkQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [WorkItem] = []
    private var busy = 0

    func push(_ newItems: [WorkItem]) {
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
