import Foundation
import PreflightTestSupport
import Testing
@testable import PreflightCore

/// Deletes and truncates the other files of the tree while the walker is handing over the first one, so that
/// they change between the directory listing and their read.
final class TreeChangingHandler: WalkHandler {
    let root: URL
    var files: [String: Int] = [:]
    var skipped: [Diagnostic] = []
    var changed: (deleted: String, truncated: String)?

    init(root: URL) {
        self.root = root
    }

    func scan(path: String, bytes: UnsafeRawBufferPointer) {
        files[path] = bytes.count
        guard changed == nil else { return }
        let others = ["a.txt", "b.txt", "c.txt"].filter { $0 != path }
        try? FileManager.default.removeItem(at: root.appendingPathComponent(others[0]))
        truncate(root.appendingPathComponent(others[1]).path, 3)
        changed = (others[0], others[1])
    }

    func skip(_ diagnostic: Diagnostic) {
        skipped.append(diagnostic)
    }
}

@Suite struct ChangingTreeTests {
    @Test func aFileDeletedOrTruncatedAfterTheListingIsReportedOrReadAsItIsNow() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let line = String(repeating: "0123456789", count: 10) + "\n"
        FileTree.write(["a.txt": String(repeating: line, count: 2000), "b.txt": String(repeating: line, count: 2000), "c.txt": String(repeating: line, count: 2000)], under: root)
        let handlers = Walker(options: WalkOptions(jobs: 1)).walk([WalkTarget(fileSystemPath: root.path, displayPath: "")]) { TreeChangingHandler(root: root) }
        let handler = try #require(handlers.first)
        let changed = try #require(handler.changed)
        #expect(handler.files[changed.truncated] == 3)
        #expect(handler.files[changed.deleted] == nil)
        let diagnostic = try #require(handler.skipped.first { $0.path == changed.deleted })
        #expect(diagnostic.kind == .unreadable && diagnostic.level == .warning)
        #expect(diagnostic.message.contains("No such file or directory"))
        #expect(handler.files.count == 2)
    }
}
