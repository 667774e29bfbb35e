import Foundation
import PreflightCore

/// The staged content of a repository, copied out of the git index for `--staged`.
struct StagedIndex {
    /// The work tree's top, which findings are relative to.
    let root: String
    /// A temporary directory holding the index's version of each staged file; the caller removes it.
    let directory: String
    /// The staged paths copied, relative to `root`.
    let paths: [String]

    /// Copies the staged files (limited to `pathspecs`) out of the index of the repository around the current
    /// directory. Git errors (no repository, a broken index) exit 2: a commit must never pass unchecked.
    static func export(pathspecs: [String]) throws -> StagedIndex {
        do {
            let git = try Git(containing: FileManager.default.currentDirectoryPath)
            let absolute = pathspecs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            let staged = try git.stagedPaths(absolute)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-staged-\(UUID().uuidString)").path
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let written = try git.exportIndex(staged, to: directory)
            let copied = Set(written)
            return StagedIndex(root: git.root, directory: directory, paths: staged.filter { copied.contains($0) })
        } catch {
            Console.error("error: --staged: \(error.message)")
            throw ExitStatus.usageError.exitCode
        }
    }
}

/// The files (and lines) changed on a branch, for `--since REF`, as paths relative to the scan root.
struct ChangeSet: Sendable {
    let git: Git
    /// The merge base of REF and HEAD: where the branch started.
    let base: String
    /// The scan root below the work tree's top, ending in `/` ("" at the top).
    let prefix: String
    let paths: Set<String>
    /// Added or modified lines by path; nil unless asked for. Files without an entry (untracked) are new throughout.
    let lines: [String: Set<Int>]?

    init(since ref: String, scanRoot: String, withLines: Bool) throws {
        let changedPaths: [String]
        var changedLines: [String: Set<Int>]?
        do {
            git = try Git(containing: scanRoot)
            prefix = Self.prefix(of: scanRoot, in: git.root)
            base = try git.mergeBase(ref)
            changedPaths = try git.changedPaths(since: ref)
            if withLines { changedLines = try git.changedLines(since: ref) }
        } catch {
            Console.error("error: --since \(ref): \(error.message)")
            throw ExitStatus.usageError.exitCode
        }
        let below = prefix
        paths = Set(changedPaths.compactMap { Self.relative($0, below: below) })
        lines = changedLines.map { all in
            Dictionary(uniqueKeysWithValues: all.compactMap { path, changed in Self.relative(path, below: below).map { ($0, changed) } })
        }
    }

    /// `path` (relative to the work tree's top) relative to the scan root at `prefix`, or nil when outside it.
    private static func relative(_ path: String, below prefix: String) -> String? {
        guard prefix.isEmpty || path.hasPrefix(prefix) else { return nil }
        return String(path.dropFirst(prefix.count))
    }

    func contains(_ path: String) -> Bool { paths.contains(path) }

    /// Only the branch's own findings of `result`: those the changed files already had at the merge base are left
    /// out (matched by fingerprint, so moved lines do not make them new), and with `lines` those off the added or
    /// modified lines. `scanner` scans the merge base's copy of the changed files.
    func branchFindings(of result: ScanResult, scanner: ScanEngine) throws -> ScanResult {
        let before = Set(try findingsAtBase(scanner).map(\.fingerprint))
        var kept = result.keeping { !before.contains($0.fingerprint) }
        if let lines {
            kept = kept.keeping { finding in
                guard let changed = lines[finding.path] else { return true }
                return (finding.region.start.line...max(finding.region.start.line, finding.region.end.line)).contains { changed.contains($0) }
            }
        }
        return kept
    }

    /// The findings the changed files already had where the branch started: `scanner` run over their content at
    /// the merge base, copied to a temporary directory.
    private func findingsAtBase(_ scanner: ScanEngine) throws -> [Finding] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("preflight-base-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let written = try git.exportCommit(base, paths: paths.sorted().map { prefix + $0 }, to: directory)
            guard !written.isEmpty else { return [] }
        } catch {
            Console.error("error: --since: \(error.message)")
            throw ExitStatus.usageError.exitCode
        }
        let result = scanner.scan([WalkTarget(fileSystemPath: directory + "/" + prefix, displayPath: "")])
        return result.findings + result.suppressed
    }

    /// The scan root's path below the work tree's top, ending in `/` ("" at the top).
    private static func prefix(of scanRoot: String, in top: String) -> String {
        let real = URL(fileURLWithPath: scanRoot).standardizedFileURL.resolvingSymlinksInPath().path
        let topReal = URL(fileURLWithPath: top).standardizedFileURL.resolvingSymlinksInPath().path
        guard real.count > topReal.count, real.hasPrefix(topReal + "/") else { return "" }
        return String(real.dropFirst(topReal.count + 1)) + "/"
    }
}
