import Foundation

/// The commit checked out in a git work tree, read from `.git` without running git.
enum GitHead {
    /// The full commit id of HEAD in the repository that contains `directory`, or nil.
    static func commit(of directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            let git = url.appendingPathComponent(".git")
            if let head = try? String(contentsOf: git.appendingPathComponent("HEAD"), encoding: .utf8) {
                return resolve(head.trimmingCharacters(in: .whitespacesAndNewlines), in: git)
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    private static func resolve(_ head: String, in git: URL) -> String? {
        guard head.hasPrefix("ref: ") else { return isCommitId(head) ? head : nil }
        let ref = String(head.dropFirst(5))
        if let id = try? String(contentsOf: git.appendingPathComponent(ref), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), isCommitId(id) {
            return id
        }
        guard let packed = try? String(contentsOf: git.appendingPathComponent("packed-refs"), encoding: .utf8) else { return nil }
        for line in packed.split(separator: "\n") where line.hasSuffix(" " + ref) {
            let id = String(line.prefix { $0 != " " })
            if isCommitId(id) { return id }
        }
        return nil
    }

    private static func isCommitId(_ text: String) -> Bool {
        (text.count == 40 || text.count == 64) && text.allSatisfy(\.isHexDigit)
    }
}
