/// The loaded, compiled rules, sorted by id: built-in rules with user rules layered over them.
public struct RuleSet: Sendable {
    public let rules: [Rule]
    /// Built-in rules replaced by a user rule of the same id: the id, and the file of the rule that replaced it.
    public let replacedBuiltins: [String: String]

    init(rules: [Rule], replacedBuiltins: [String: String] = [:]) {
        self.rules = rules.sorted { $0.id < $1.id }
        self.replacedBuiltins = replacedBuiltins
    }

    /// Other rules, with what this set replaced.
    private func with(rules: [Rule]) -> RuleSet {
        RuleSet(rules: rules, replacedBuiltins: replacedBuiltins)
    }

    /// Every pack name, sorted.
    public var packs: [String] { Array(Set(rules.map(\.pack))).sorted() }

    /// The rules that came from user rule files (not built in).
    public static func userRules(of ruleSet: RuleSet) -> RuleSet {
        RuleSet(rules: ruleSet.rules.filter { !$0.isBuiltin })
    }

    /// Every rule id and alias.
    public var knownIds: Set<String> { Set(rules.flatMap { [$0.id] + $0.aliases }) }

    /// The rule with this id or alias.
    public func rule(id: String) -> Rule? {
        rules.first { $0.id == id } ?? rules.first { $0.aliases.contains(id) }
    }

    /// Only the rules of these packs (all rules when `packs` is empty).
    public func selecting(packs: [String]) -> RuleSet {
        guard !packs.isEmpty else { return self }
        return with(rules: rules.filter { packs.contains($0.pack) })
    }

    /// The rules with the severities given by rule id changed.
    public func overriding(severities: [String: Severity]) -> RuleSet {
        guard !severities.isEmpty else { return self }
        return with(rules: rules.map { rule in severities[rule.id].map(rule.with) ?? rule })
    }

    /// The rules with `others` added, those already present kept once.
    public func adding(_ others: [Rule]) -> RuleSet {
        let present = Set(rules.map(\.id))
        return with(rules: rules + others.filter { !present.contains($0.id) })
    }

    /// The rules without those with these ids.
    public func removing(ids: Set<String>) -> RuleSet {
        with(rules: rules.filter { !ids.contains($0.id) })
    }

    /// Loads the rules of `sources`; `unreadable` are the errors of rule files that could not be read, reported
    /// together with the errors of the files that could.
    public static func load(_ sources: [RuleSource], unreadable: [RuleError]) throws(RuleLoadFailure) -> RuleSet {
        var errors = unreadable
        var loaded: RuleSet?
        do {
            loaded = try load(sources)
        } catch {
            errors += error.errors
        }
        if let loaded, errors.isEmpty { return loaded }
        throw RuleLoadFailure(errors: errors)
    }

    /// Loads rule files: built-in ones first, then user ones; a user rule with a built-in id replaces it, and so does a
    /// user fragment with a built-in fragment's name. Every
    /// file is decoded before any rule is compiled, so that a rule can use a fragment defined in any file.
    /// Every error of every file is collected before failing.
    public static func load(_ sources: [RuleSource]) throws(RuleLoadFailure) -> RuleSet {
        let decoder = RuleDecoder()
        let compiler = RuleCompiler()
        var errors: [RuleError] = []
        let decoded = sources.map { decoder.decode(text: $0.text, file: $0.name) }
        // Fragments layer like rules: a user fragment with a built-in fragment's name replaces it, for every rule.
        var builtinFragments: [String: RuleFragment] = [:]
        var userFragments: [String: RuleFragment] = [:]
        for (source, file) in zip(sources, decoded) {
            for fragment in file.fragments {
                if let first = (source.isBuiltin ? builtinFragments : userFragments)[fragment.name] {
                    errors.append(RuleError(fragment.origin, ruleId: nil,
                        "fragment '\(Redaction.shown(fragment.name))' is already defined at \(first.origin.file):\(first.origin.line):\(first.origin.column)"))
                    continue
                }
                if source.isBuiltin { builtinFragments[fragment.name] = fragment } else { userFragments[fragment.name] = fragment }
            }
        }
        let fragments = builtinFragments.merging(userFragments) { _, user in user }
        var builtin: [String: Rule] = [:]
        var user: [String: Rule] = [:]
        for (source, file) in zip(sources, decoded) {
            errors += file.errors
            errors += file.incomplete.flatMap(compiler.patternErrors)
            for var spec in file.rules {
                for name in spec.uses {
                    guard let fragment = fragments[name] else {
                        errors.append(RuleError(spec.origin(of: "use"), ruleId: spec.id,
                            "'use' names '\(Redaction.shown(name))', which no rule file defines\(Suggestion.hint(Suggestion.closest(to: name, among: Array(fragments.keys))))"))
                        continue
                    }
                    fragment.apply(to: &spec)
                }
                switch compiler.compile(spec, isBuiltin: source.isBuiltin) {
                case .failure(let rejected):
                    errors += rejected.errors
                case .success(let rule):
                    let layer = source.isBuiltin ? builtin : user
                    if let first = layer[rule.id] {
                        errors.append(RuleError(spec.origin(of: "id"), ruleId: rule.id,
                            "duplicate rule id; first defined at \(first.origin.file):\(first.origin.line):\(first.origin.column)"))
                        continue
                    }
                    if source.isBuiltin { builtin[rule.id] = rule } else { user[rule.id] = rule }
                }
            }
        }
        var merged = builtin
        var replaced: [String: String] = [:]
        for (id, rule) in user {
            if builtin[id] != nil { replaced[id] = rule.origin.file }
            merged[id] = rule
        }
        let rules = Array(merged.values)
        if errors.isEmpty { errors = crossReferenceErrors(rules) }
        if !errors.isEmpty { throw RuleLoadFailure(errors: errors) }
        return RuleSet(rules: rules, replacedBuiltins: replaced)
    }

    /// Aliases that clash with ids or with each other, and `superseded-by` names that are not rules.
    private static func crossReferenceErrors(_ rules: [Rule]) -> [RuleError] {
        var errors: [RuleError] = []
        let ids = Set(rules.map(\.id))
        var aliasOwner: [String: String] = [:]
        for rule in rules.sorted(by: { $0.id < $1.id }) {
            for alias in rule.aliases {
                if ids.contains(alias) || aliasOwner[alias] != nil {
                    errors.append(RuleError(rule.origin, ruleId: rule.id, "alias '\(Redaction.shown(alias))' is already the id or alias of another rule"))
                }
                aliasOwner[alias] = rule.id
            }
            for other in rule.supersededBy where !ids.contains(other) {
                errors.append(RuleError(rule.origin, ruleId: rule.id, "'superseded-by' names '\(Redaction.shown(other))', which is not a loaded rule"))
            }
        }
        return errors
    }
}
