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

    /// Loads rules from inline YAML files (name → text), as user rules.
    static func load(_ files: [String: String]) throws(RuleLoadFailure) -> RuleSet {
        try RuleSet.load(files.sorted { $0.key < $1.key }.map { RuleSource(name: $0.key, text: $0.value, isBuiltin: false) })
    }

    /// `text` with `↓` markers removed, and the 1-based (line, byte column) of each marker.
    static func unmark(_ marked: String) -> (text: String, positions: [Position]) {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        for character in marked {
            if character == RuleExample.marker {
                offsets.append(bytes.count)
            } else {
                bytes += Array(character.utf8)
            }
        }
        return (String(decoding: bytes, as: UTF8.self), offsets.map { position(of: $0, in: bytes) })
    }

    /// The 1-based line and byte column of `offset`; CRLF, LF and lone CR end lines.
    static func position(of offset: Int, in bytes: [UInt8]) -> Position {
        var line = 1, lineStart = 0, index = 0
        while index < offset {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return Position(line: line, column: offset - lineStart + 1)
    }
}

/// A 1-based line and byte column.
struct Position: Hashable, CustomStringConvertible {
    let line: Int
    let column: Int
    var description: String { "\(line):\(column)" }
}

extension Finding {
    var position: Position { Position(line: region.start.line, column: region.start.byteColumn) }
}
