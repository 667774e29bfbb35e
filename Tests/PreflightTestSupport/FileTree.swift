import Foundation

/// Throwaway directory trees for tests that walk or scan real files.
public enum FileTree {
    /// A new empty temporary directory; the caller removes it.
    public static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → content) under `directory`, creating folders.
    public static func write(_ files: [String: String], under directory: URL) {
        for (path, content) in files {
            let url = directory.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(content.utf8).write(to: url)
        }
    }

    /// Makes `directory` a git repository (`git init`), where git's ignore files apply.
    public static func makeRepository(_ directory: URL) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "init", "-q", directory.path]
        try! process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "git init failed in \(directory.path)")
    }
}
