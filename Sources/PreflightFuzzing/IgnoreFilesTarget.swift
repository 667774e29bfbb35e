import Foundation
import PreflightCore

/// Ignore files read from disk as the walker reads them: `GITIGNORE\0SCANIGNORE\0PATH\nPATH...` becomes a small
/// git repository (a `repo/` folder with a `.git` of its own, met on the way down, so that git's ignore files
/// apply without running git) with those two files (the `.gitignore` sometimes a symbolic link, which must not be
/// followed) and the paths as files. The walk must account for every file (scanned, excluded by a named ignore
/// file, or skipped), give the same answer twice, and warn about a linked ignore file instead of reading it.
enum IgnoreFilesTarget {
    /// One scratch directory per process, emptied before each input.
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-fuzz-ignore-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func run(_ data: [UInt8]) {
        let parts = data.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        let gitignore = parts.first.map(Array.init) ?? []
        let scanignore = parts.count > 1 ? Array(parts[1]) : []
        let paths = parts.count > 2 ? String(decoding: parts[2], as: UTF8.self).split(separator: "\n").prefix(16).compactMap(sanitised) : []
        let linked = gitignore.first == UInt8(ascii: "@")
        try? FileManager.default.removeItem(at: root)
        let repository = root.appendingPathComponent("repo")
        try? FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        var files = Set<String>()
        for path in paths where !files.contains(where: { path.hasPrefix($0 + "/") || $0.hasPrefix(path + "/") }) {
            let url = repository.appendingPathComponent(path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if FileManager.default.createFile(atPath: url.path, contents: Data("x = 1\n".utf8)) { files.insert(path) }
        }
        FileManager.default.createFile(atPath: repository.appendingPathComponent(".scanignore").path, contents: Data(scanignore))
        if linked {
            try? FileManager.default.createSymbolicLink(atPath: repository.appendingPathComponent(".gitignore").path, withDestinationPath: ".scanignore")
        } else {
            FileManager.default.createFile(atPath: repository.appendingPathComponent(".gitignore").path, contents: Data(gitignore))
        }
        files.formUnion([".scanignore"])
        if !linked { files.insert(".gitignore") }
        // The walk starts above the repository: what it reports is below `repo/`.
        files = Set(files.map { "repo/" + $0 })

        let first = walk(), second = walk()
        require(first == second, "the same tree walked twice gives two answers")
        for file in files {
            let accounted = first.scanned.contains(file) || first.skipped.contains(file)
                || first.excluded.keys.contains { file == $0 || file.hasPrefix($0 + "/") }
            require(accounted, "\(file) was neither scanned, excluded nor skipped")
        }
        require(first.excluded.values.allSatisfy { $0 == ".gitignore" || $0 == ".scanignore" }, "an exclusion names no ignore file: \(first.excluded)")
        if linked { require(first.warnings.contains("repo/.gitignore"), "a linked .gitignore was read instead of reported") }
    }

    /// A path of up to three plain components, or nil.
    static func sanitised(_ line: Substring) -> String? {
        let components = line.split(separator: "/").prefix(3).map { component in
            String(component.filter { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }.prefix(24))
        }
        guard !components.isEmpty, components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && $0 != ".git" }) else { return nil }
        return components.joined(separator: "/")
    }

    struct Walked: Equatable {
        var scanned = Set<String>()
        var skipped = Set<String>()
        var warnings = Set<String>()
        var excluded: [String: String] = [:]
    }

    static func walk() -> Walked {
        let handlers = Walker(options: WalkOptions(jobs: 1)).walk([WalkTarget(fileSystemPath: root.path, displayPath: "")]) { Recorder() }
        return handlers.reduce(into: Walked()) { result, handler in
            result.scanned.formUnion(handler.walked.scanned)
            result.skipped.formUnion(handler.walked.skipped)
            result.warnings.formUnion(handler.walked.warnings)
            result.excluded.merge(handler.walked.excluded) { first, _ in first }
        }
    }

    final class Recorder: WalkHandler {
        var walked = Walked()

        func scan(path: String, bytes: UnsafeRawBufferPointer) { walked.scanned.insert(path) }
        func skip(_ diagnostic: Diagnostic) { walked.skipped.insert(diagnostic.path) }
        func exclude(path: String, source: String) { walked.excluded[path] = source }
        func warn(_ diagnostic: Diagnostic) { walked.warnings.insert(diagnostic.path) }
    }
}
