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
    /// The SHA-256 of the file's text, so that runs can tell whether they had the same configuration.
    public internal(set) var digest = ""
    /// `packs.only`: run only these packs (the command line's `check:PACK` narrows further).
    public var onlyPacks: [Located<String>] = []
    /// `packs.disable`: packs that never run.
    public var disabledPacks: [Located<String>] = []
    /// `rules.<id>`: overrides by rule id (or alias).
    public var rules: [Located<String>: RuleOverride] = [:]
    /// `rule-directories`: more rule files, relative to the configuration file's directory.
    public var ruleDirectories: [Located<String>] = []
    /// `exclude`: gitignore-style patterns relative to the scan root.
    public var excludes: [String] = []
    /// `contexts.<context>`: path patterns that put files in that context, before the built-in classification.
    public var contextPatterns: [(context: FindingContext, pattern: String)] = []
    /// `score.weights` and `score.threshold`.
    public var weights: [String: Double] = [:]
    /// Where each pack of `weights` is named, for errors.
    var weightPositions: [String: Located<String>] = [:]
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

    /// Reads the file at `path`: the configuration as far as it decodes (nil when it cannot be read), and every
    /// error with its file, line and column. Only a regular file of at most 1 MiB is read, never through a
    /// symbolic link: the file belongs to the repository being scanned.
    public static func read(path: String) -> (config: ScanConfig?, errors: [RuleError]) {
        switch RegularFile.text(path) {
        case .success(let text):
            var (config, errors) = ConfigDecoder.decode(text: text, file: path)
            config.digest = SHA256.hex(Array(text.utf8))
            return (config, errors)
        case .failure(let failure):
            return (nil, [RuleError(file: path, line: 1, column: 1, ruleId: nil, message: "cannot read the configuration file: \(failure)")])
        }
    }

    /// Reads and checks the file at `path`; every error has the file, line and column.
    public static func load(path: String) throws(RuleLoadFailure) -> ScanConfig {
        let (config, errors) = read(path: path)
        guard let config, errors.isEmpty else { throw RuleLoadFailure(errors: errors) }
        return config
    }

    /// The directory holding the file, which relative directories in it are resolved against.
    public var directory: String { (file as NSString).deletingLastPathComponent.isEmpty ? "." : (file as NSString).deletingLastPathComponent }

    /// `path` resolved against the configuration's directory.
    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// The rule directories resolved against the file's directory, and an error for each that lies outside the
    /// directories in `roots` (the scan root and the file's own directory, as real paths): a repository's
    /// configuration must not pull rules from elsewhere on the machine (`../x`, `/etc`). Directories outside are
    /// given on the command line with `--rules`.
    public func ruleDirectories(inside roots: [String]) -> (paths: [String], errors: [RuleError]) {
        var paths: [String] = []
        var errors: [RuleError] = []
        let bases = roots.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        for directory in ruleDirectories {
            let path = resolve(directory.value)
            let real = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            if bases.contains(where: { real == $0 || real.hasPrefix($0 == "/" ? "/" : $0 + "/") }) {
                paths.append(path)
            } else {
                errors.append(error(directory, "rule directory '\(directory.value)' is outside the scanned tree: a repository's configuration may only add rules from inside it; give it on the command line with --rules"))
            }
        }
        return (paths, errors)
    }

    /// Every pack, rule and weight the file names that `ruleSet` does not know, at its line.
    public func problems(with ruleSet: RuleSet) -> [RuleError] {
        var errors: [RuleError] = []
        let packs = ruleSet.packs
        let unknownPack = { (pack: Located<String>) in
            self.error(pack, "unknown pack '\(Redaction.shown(pack.value))'\(Suggestion.hint(Suggestion.closest(to: pack.value, among: packs)))")
        }
        for pack in onlyPacks + disabledPacks where !packs.contains(pack.value) { errors.append(unknownPack(pack)) }
        for name in rules.keys.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) where ruleSet.rule(id: name.value) == nil {
            let hint = Suggestion.hint(Suggestion.closest(to: name.value, among: ruleSet.rules.map(\.id)))
            errors.append(error(name, "unknown rule '\(Redaction.shown(name.value))'\(hint)"))
        }
        for pack in weightPositions.values.sorted(by: { ($0.line, $0.column) < ($1.line, $1.column) }) where !packs.contains(pack.value) {
            errors.append(unknownPack(pack))
        }
        return errors
    }

    /// Applies the pack and rule settings to `rules` (the pack settings only when `choosingPacks`: packs chosen on
    /// the command line win); names `problems(with:)` reports are passed over.
    public func apply(to ruleSet: RuleSet, choosingPacks: Bool = true) -> RuleSet {
        var disabled = Set<String>()
        var severities: [String: Severity] = [:]
        for (name, override) in self.rules {
            guard let rule = ruleSet.rule(id: name.value) else { continue }
            if override.enabled == false { disabled.insert(rule.id) }
            if let severity = override.severity { severities[rule.id] = severity }
        }
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
