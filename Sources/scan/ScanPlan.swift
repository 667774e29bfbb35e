import ArgumentParser
import Foundation
import PreflightCore

/// The scan root and walk targets for the paths given on the command line.
///
/// One directory: it is the root and paths are shown relative to it. Otherwise the root is the current
/// directory and each path is shown as given (without `./` and trailing slashes).
struct ScanPlan {
    let root: String
    let targets: [WalkTarget]

    /// A plan for one directory whose files are shown relative to another root (the staged copy of a repository).
    init(root: String, directory: String) {
        self.root = root
        targets = [WalkTarget(fileSystemPath: directory, displayPath: "")]
    }

    /// A plan for the paths given, or exit 2 naming those that do not exist (with what each may have been meant as,
    /// among commands, `validate:production` and the `packs`).
    init(paths: [String], packs: [String]) throws {
        let paths = paths.isEmpty ? ["."] : paths
        let missing = paths.filter { !FileManager.default.fileExists(atPath: $0) }
        guard missing.isEmpty else {
            let named = missing.map { path in
                path.escapingControlCharacters + (TargetSelection.meaning(of: path, packs: packs).map { " (did you mean '\($0)'?)" } ?? "")
            }
            Console.error("error: no such file or directory: \(named.joined(separator: ", "))")
            throw ExitStatus.usageError.exitCode
        }
        var isDirectory: ObjCBool = false
        if paths.count == 1, FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory), isDirectory.boolValue {
            root = paths[0]
            targets = [WalkTarget(fileSystemPath: paths[0], displayPath: "")]
        } else {
            root = "."
            targets = paths.map { WalkTarget(fileSystemPath: $0, displayPath: Self.display($0)) }
        }
    }

    /// An anchored pattern that leaves out the file at `path` (as given on the command line), or nil when the file
    /// is outside the scan root.
    func exclusion(for path: String) -> Glob? {
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        guard file.hasPrefix(base + "/") else { return nil }
        return Glob("/" + file.dropFirst(base.count + 1))
    }

    /// The directory a scan of `paths` starts from, where its configuration is looked for: the one directory
    /// given, or the current directory.
    static func directory(of paths: [String]) -> String {
        var isDirectory: ObjCBool = false
        if paths.count == 1, FileManager.default.fileExists(atPath: paths[0], isDirectory: &isDirectory), isDirectory.boolValue { return paths[0] }
        return FileManager.default.currentDirectoryPath
    }

    /// `path` as findings show it: `./` and trailing slashes removed, `.` itself as the empty root path.
    static func display(_ path: String) -> String {
        var text = path
        while text.hasPrefix("./") { text.removeFirst(2) }
        while text.count > 1 && text.hasSuffix("/") { text.removeLast() }
        return text == "." ? "" : text
    }
}
