import Foundation
import YAMLKit

/// A repository's `.scan.yml`: which packs and rules run and how severe they are, extra rule directories, paths
/// to leave out, context patterns, the score's weights and threshold, public routes, and the failing severity.
/// Every value keeps where it was written, so that a wrong pack or rule name is reported at its line.
public struct ScanConfig: Sendable {
    /// The names the configuration is found under, in order of preference.
    public static let fileNames = [".scan.yml", ".scan.yaml"]

    /// A value and where the file says it.
    public struct Located<Value: Sendable>: Sendable {
        public let value: Value
        public let line: Int
        public let column: Int
    }

    /// A rule's overrides.
    public struct RuleOverride: Sendable {
        public var enabled: Bool?
        public var severity: Severity?
    }

    /// The file read (as given); errors are placed in it.
    public let file: String
    /// `packs.only`: run only these packs (the command line's `check:PACK` narrows further).
    public var onlyPacks: [Located<String>] = []
    /// `packs.disable`: packs that never run.
    public var disabledPacks: [Located<String>] = []
    /// `rules.<id>`: overrides by rule id (or alias).
    public var rules: [Located<String>: RuleOverride] = [:]
    /// `rule-directories`: more rule files, relative to the configuration file's directory.
    public var ruleDirectories: [String] = []
    /// `exclude`: gitignore-style patterns relative to the scan root.
    public var excludes: [String] = []
    /// `contexts.<context>`: path patterns that put files in that context, before the built-in classification.
    public var contextPatterns: [(context: FindingContext, pattern: String)] = []
    /// `score.weights` and `score.threshold`.
    public var weights: [String: Double] = [:]
    public var threshold: Int?
    /// `auth.public-routes`: HTTP paths (globs, `*` within a segment, `**` across) that need no authentication.
    public var publicRoutes: [String] = []
    /// `fail-on`: the lowest severity that fails the scan, unless `--fail-on` is given.
    public var failOn: Severity?
    /// `baseline`: the baseline file to apply, relative to the configuration file's directory.
    public var baseline: String?

    /// The keys a configuration may hold.
    static let keys = ["packs", "rules", "rule-directories", "exclude", "contexts", "score", "auth", "fail-on", "baseline"]

    /// The configuration that applies to a scan of `directory`: the nearest `.scan.yml` in it or a directory
    /// above, up to the top of its git work tree (or the file system root outside one). Nil when there is none.
    public static func find(from directory: String) -> String? {
        var url = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        while true {
            for name in fileNames {
                let candidate = url.appendingPathComponent(name).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
            }
            if FileManager.default.fileExists(atPath: url.appendingPathComponent(".git").path) { return nil }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Reads and checks the file at `path`; every error has the file, line and column.
    public static func load(path: String) throws(RuleLoadFailure) -> ScanConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuleLoadFailure(errors: [RuleError(file: path, line: 1, column: 1, ruleId: nil, message: "cannot read the configuration file")])
        }
        return try ConfigDecoder.decode(text: String(decoding: data, as: UTF8.self), file: path)
    }

    /// The directory holding the file, which relative directories in it are resolved against.
    public var directory: String { (file as NSString).deletingLastPathComponent.isEmpty ? "." : (file as NSString).deletingLastPathComponent }

    /// `path` resolved against the configuration's directory.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// Applies the pack and rule settings to `rules` (the pack settings only when `choosingPacks`: packs chosen on
    /// the command line win); a pack or rule the rules do not know is an error at its line.
    public func apply(to ruleSet: RuleSet, choosingPacks: Bool = true) throws(RuleLoadFailure) -> RuleSet {
        var errors: [RuleError] = []
        let packs = Set(ruleSet.packs)
        for pack in onlyPacks + disabledPacks where !packs.contains(pack.value) {
            let hint = Suggestion.hint(Suggestion.closest(to: pack.value, among: Array(packs)))
            errors.append(error(pack, "unknown pack '\(pack.value)'\(hint)"))
        }
        var disabled = Set<String>()
        var severities: [String: Severity] = [:]
        for (name, override) in self.rules.sorted(by: { $0.key.line < $1.key.line }) {
            guard let rule = ruleSet.rule(id: name.value) else {
                let hint = Suggestion.hint(Suggestion.closest(to: name.value, among: ruleSet.rules.map(\.id)))
                errors.append(error(name, "unknown rule '\(name.value)'\(hint)"))
                continue
            }
            if override.enabled == false { disabled.insert(rule.id) }
            if let severity = override.severity { severities[rule.id] = severity }
        }
        guard errors.isEmpty else { throw RuleLoadFailure(errors: errors) }
        var selected = choosingPacks ? ruleSet.selecting(packs: onlyPacks.map(\.value)) : ruleSet
        let off = choosingPacks ? Set(disabledPacks.map(\.value)) : []
        selected = selected.removing(ids: disabled.union(selected.rules.filter { off.contains($0.pack) }.map(\.id)))
        return selected.overriding(severities: severities)
    }

    /// The scoring model with the file's weights and threshold.
    public func apply(to model: ScoringModel) -> ScoringModel {
        var model = model
        for (pack, weight) in weights { model.weights[pack] = weight }
        if let threshold { model.threshold = threshold }
        return model
    }

    private func error<Value>(_ located: Located<Value>, _ message: String) -> RuleError {
        RuleError(file: file, line: located.line, column: located.column, ruleId: nil, message: message)
    }
}

extension ScanConfig.Located: Hashable, Equatable where Value: Hashable {}
