import Foundation

/// The few git questions a scan asks, answered by running `git` (never by parsing its files).
public struct Git: Sendable {
    /// The top of the work tree.
    public let root: String

    /// The repository that holds `directory`, or an error naming what git said.
    public init(containing directory: String) throws(GitError) {
        let top = try Self.run(["rev-parse", "--show-toplevel"], in: directory)
        root = String(decoding: top, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// The paths (relative to the root) that the index adds or changes against HEAD, deletions left out; limited
    /// to `pathspecs` when given. Works before the first commit too.
    public func stagedPaths(_ pathspecs: [String] = []) throws(GitError) -> [String] {
        try Self.nulSeparated(run(["diff", "--cached", "--name-only", "-z", "--no-renames", "--diff-filter=d", "--"] + pathspecs))
    }

    /// The paths changed between the merge base of `ref` and HEAD and the work tree (committed, staged or not),
    /// deletions left out, plus untracked files that are not ignored.
    public func changedPaths(since ref: String) throws(GitError) -> [String] {
        let base = try mergeBase(ref)
        let changed = try Self.nulSeparated(run(["diff", "--name-only", "-z", "--no-renames", "--diff-filter=d", base, "--"]))
        let untracked = try Self.nulSeparated(run(["ls-files", "-z", "--others", "--exclude-standard"]))
        return Array(Set(changed + untracked)).sorted()
    }

    /// For each path changed since the merge base of `ref` and HEAD, the 1-based lines of the work tree that were
    /// added or modified. Untracked files are not listed (every line of them is new).
    public func changedLines(since ref: String) throws(GitError) -> [String: Set<Int>] {
        let base = try mergeBase(ref)
        let diff = try run(["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", "--diff-filter=d", base, "--"])
        return Self.addedLines(inDiff: String(decoding: diff, as: UTF8.self))
    }

    /// The files the index tracks below `directory`, relative to it, with names as the walker decodes them.
    /// Fails outside a work tree, or where git refuses the repository.
    public static func trackedFiles(in directory: String) throws(GitError) -> [String] {
        let listing = try run(["ls-files", "-z", "--cached"], in: directory)
        return listing.split(separator: 0, omittingEmptySubsequences: true).map { FileName.decode($0) }
    }

    /// A path inside the git directory, as `git rev-parse --git-path` gives it (relative to the root, or absolute).
    public func path(of name: String) throws(GitError) -> String {
        String(decoding: try run(["rev-parse", "--git-path", name]), as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// The commit where HEAD's branch left `ref`.
    public func mergeBase(_ ref: String) throws(GitError) -> String {
        String(decoding: try run(["merge-base", ref, "HEAD"]), as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// Writes the index's content of `paths` (regular files only: links and submodules are left out) below
    /// `directory`, at the same relative paths; returns the paths written. `.scanignore` files of the index are
    /// written too, so that the scan honours them.
    public func exportIndex(_ paths: [String], to directory: String) throws(GitError) -> [String] {
        let ignoreFiles = try Self.nulSeparated(run(["ls-files", "-z", "--", ":(glob)**/.scanignore"]))
        // `<mode> <object> <stage>\t<path>`
        let blobs = Self.regularBlobs(try run(["ls-files", "-s", "-z", "--"] + paths + ignoreFiles)) { fields in
            fields.count == 3 && fields[2] == "0" ? fields[1] : nil
        }
        return try write(blobs, to: directory)
    }

    /// Writes the content of `paths` at `commit` (those that existed there, regular files only) below `directory`;
    /// returns the paths written.
    public func exportCommit(_ commit: String, paths: [String], to directory: String) throws(GitError) -> [String] {
        guard !paths.isEmpty else { return [] }
        // `<mode> blob <object>\t<path>`
        let blobs = Self.regularBlobs(try run(["ls-tree", "-r", "-z", commit, "--"] + paths)) { fields in
            fields.count == 3 && fields[1] == "blob" ? fields[2] : nil
        }
        return try write(blobs, to: directory)
    }

    /// The regular files of a NUL-separated listing whose records are `<fields>\t<path>`, with the object id that
    /// `object` picks from the fields.
    private static func regularBlobs(_ listing: Data, object: ([Substring]) -> Substring?) -> [(path: String, object: String)] {
        var blobs: [(path: String, object: String)] = []
        for record in nulSeparated(listing) {
            guard let tab = record.firstIndex(of: "\t") else { continue }
            let fields = record[..<tab].split(separator: " ")
            guard fields.first == "100644" || fields.first == "100755", let id = object(fields) else { continue }
            blobs.append((String(record[record.index(after: tab)...]), String(id)))
        }
        return blobs
    }

    /// Writes each blob below `directory` at its path, read in one `git cat-file --batch`.
    private func write(_ blobs: [(path: String, object: String)], to directory: String) throws(GitError) -> [String] {
        guard !blobs.isEmpty else { return [] }
        let output = try run(["cat-file", "--batch"], input: Data(blobs.map { $0.object + "\n" }.joined().utf8))
        var offset = output.startIndex
        var written: [String] = []
        for blob in blobs {
            guard let newline = output[offset...].firstIndex(of: 0x0A) else { throw GitError(message: "git cat-file ended early") }
            let header = String(decoding: output[offset..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]) else {
                throw GitError(message: "git cat-file could not read \(blob.path): \(header.joined(separator: " "))")
            }
            let start = output.index(after: newline)
            let content = output[start..<output.index(start, offsetBy: size)]
            offset = output.index(start, offsetBy: size + 1)
            let url = URL(fileURLWithPath: directory).appendingPathComponent(blob.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(content).write(to: url)
            } catch {
                throw GitError(message: "cannot write the staged copy of \(blob.path): \(error.localizedDescription)")
            }
            written.append(blob.path)
        }
        return written
    }

    /// The added lines of each file in a `git diff -U0`, by hunk header `@@ -a,b +c,d @@`.
    static func addedLines(inDiff diff: String) -> [String: Set<Int>] {
        var lines: [String: Set<Int>] = [:]
        var current: String?
        for line in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("+++ ") {
                let name = line.dropFirst(4)
                current = name.hasPrefix("b/") ? String(name.dropFirst(2)) : nil
                if let path = current { lines[path, default: []].formUnion([]) }
            } else if line.hasPrefix("@@ "), let path = current {
                let parts = line.split(separator: " ")
                guard parts.count >= 3, parts[2].hasPrefix("+") else { continue }
                let range = parts[2].dropFirst().split(separator: ",")
                guard let start = Int(range[0]) else { continue }
                let count = range.count > 1 ? Int(range[1]) ?? 1 : 1
                if count > 0 { lines[path, default: []].formUnion(start..<(start + count)) }
            }
        }
        return lines
    }

    private func run(_ arguments: [String], input: Data? = nil) throws(GitError) -> Data {
        try Self.run(arguments, in: root, input: input)
    }

    /// Runs git in `directory` with `-c core.quotePath=false`; a non-zero exit throws with git's own message.
    static func run(_ arguments: [String], in directory: String, input: Data? = nil) throws(GitError) -> Data {
        let outcome = try Subprocess.run(["git", "-C", directory, "-c", "core.quotePath=false"] + arguments, input: input)
        guard outcome.status == 0 else {
            let text = String(decoding: outcome.errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw GitError(message: "git \(arguments.first ?? "") failed: \(text.isEmpty ? "exit \(outcome.status)" : text)")
        }
        return outcome.output
    }

    private static func nulSeparated(_ data: Data) -> [String] {
        data.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// A git command that failed, with git's message.
public struct GitError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
