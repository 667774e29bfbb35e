import Foundation
import PreflightCore
import PreflightReport

extension Report.Configuration {
    /// What `settings` (shown as `file`) set, and the built-in rules `replaced` by rule files; nil when there is
    /// neither a configuration nor a replaced rule.
    public init?(settings: ScanConfig?, file: String?, replaced: [String: String]) {
        guard settings != nil || !replaced.isEmpty else { return nil }
        self.init(file: settings == nil ? nil : file)
        replacedRules = replaced.isEmpty ? nil : replaced
        guard let settings else { return }
        func list(_ values: [String]) -> [String]? { values.isEmpty ? nil : values }
        onlyPacks = list(settings.onlyPacks.map(\.value))
        disabledPacks = list(settings.disabledPacks.map(\.value))
        disabledRules = list(settings.rules.filter { $0.value.enabled == false }.map(\.key.value).sorted())
        let severities = settings.rules.compactMapValues(\.severity?.rawValue)
        self.severities = severities.isEmpty ? nil : Dictionary(uniqueKeysWithValues: severities.map { ($0.key.value, $0.value) })
        excludes = list(settings.excludes)
        ruleDirectories = list(settings.ruleDirectories.map(\.value))
        weights = settings.weights.isEmpty ? nil : settings.weights
        threshold = settings.threshold
        failOn = settings.failOn?.rawValue
        baseline = settings.baseline
        publicRoutes = list(settings.publicRoutes)
        let contexts = Dictionary(grouping: settings.contextPatterns, by: \.context.rawValue).mapValues { $0.map(\.pattern) }
        self.contexts = contexts.isEmpty ? nil : contexts
    }

    /// What the configuration changed, as short phrases for the text, markdown and HTML reports.
    var changes: [String] {
        var out: [String] = []
        func names(_ values: [String]) -> String { values.joined(separator: ", ") }
        if let onlyPacks { out.append("only packs \(names(onlyPacks))") }
        if let disabledPacks { out.append("disables packs \(names(disabledPacks))") }
        if let disabledRules { out.append("disables rules \(names(disabledRules))") }
        if let severities { out.append("sets severities " + names(severities.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" })) }
        if let excludes { out.append("excludes \(names(excludes))") }
        if let ruleDirectories { out.append("adds rules from \(names(ruleDirectories))") }
        if let replacedRules {
            out.append("replaces built-in rules " + names(replacedRules.sorted { $0.key < $1.key }.map { "\($0.key) (by \($0.value))" }))
        }
        if let weights { out.append("weights " + names(weights.sorted { $0.key < $1.key }.map { "\($0.key) \(Self.number($0.value))" })) }
        if let threshold { out.append("threshold \(threshold)") }
        if let failOn { out.append("fail-on \(failOn)") }
        if let baseline { out.append("baseline \(baseline)") }
        if let publicRoutes { out.append("public routes \(names(publicRoutes))") }
        if let contexts { out.append("contexts " + names(contexts.sorted { $0.key < $1.key }.map { "\($0.key): \(names($0.value))" })) }
        return out
    }

    /// `Configuration .scan.yml: excludes archive/; fail-on high`, control characters escaped.
    var sentence: String {
        let changed = changes
        let source = file.map { "Configuration \($0)" } ?? "Rule files"
        return "\(source): \(changed.isEmpty ? "no change" : changed.joined(separator: "; "))".escapingControlCharacters
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
