import PCRE2Kit

/// The rules of one scan, frozen: the keyword automaton over all of them, what each thread's scratch needs,
/// and the repository facts (patterns found anywhere, paths that exist) that repository-level rules ask about.
public final class RuleCatalog: Sendable {
    public let rules: [Rule]
    let automaton: KeywordAutomaton
    /// Capture pairs a `MatchScratch` needs for every rule of the catalog.
    let captureCapacity: Int
    /// For each language name, and for files of no known language under "", the indices of the rules whose
    /// `languages` admit it: a file meets only the rules that can apply to it.
    private let rulesByLanguage: [String: [Int]]
    /// Each rule's index, by id.
    let ruleIndex: [String: Int]
    /// For each rule, the indices of the rules that supersede it.
    let supersededBy: [[Int]]
    /// Patterns searched in every file until found once (`repo-has`, `repo-lacks`).
    let repositoryPatterns: [Pattern]
    /// The endpoint rules' mount patterns (`app.include_router(jobs.router, prefix="/api/jobs")`), once each.
    let mountPatterns: [Pattern]
    /// Whether each mount pattern has literals in the automaton (after the keyed patterns' entries).
    let mountPatternPrefiltered: [Bool]
    /// Whether each repository pattern has literals in the automaton (after the rules' entries), one of which a
    /// file must contain for the pattern to be searched in it.
    let repositoryPatternPrefiltered: [Bool]
    /// Keyed repository patterns: every name each one finds in any file is collected.
    let keyedPatterns: [KeyedPattern]
    /// Whether each keyed pattern has literals in the automaton (after the repository patterns' entries).
    let keyedPatternPrefiltered: [Bool]
    /// Globs matched against every walked path (`path-exists`, `path-missing`).
    let pathGlobs: [Glob]
    /// For each rule, its repository conditions as indices into the two lists above.
    let repositoryConditions: [RepositoryConditions]
    /// The path globs (indices into `pathGlobs`) that mark the scanned tree as a packaged distribution, not a
    /// repository: an sdist's `PKG-INFO` at the top, a wheel's `*.dist-info/` folder.
    let distributionMarkers: [Int]
    /// Rule ids by alias, for suppression comments that name a rule by an old id.
    let idsByAlias: [String: String]
    /// Every rule id and alias loaded, including rules not selected for this scan: a suppression comment naming
    /// one of them is not unused just because its rule did not run.
    let knownRuleIds: Set<String>

    /// What marks a packaged distribution at the top of the scanned tree.
    static let distributionMarkers = ["/PKG-INFO", "/*.dist-info/"]

    /// The automaton entry of repository pattern `index`: the rules' entries come first.
    func automatonEntry(ofRepositoryPattern index: Int) -> Int { rules.count + index }

    /// The indices of the rules that look at files written in `language`, in rule order.
    func rules(forLanguage language: String?) -> [Int] {
        rulesByLanguage[language ?? ""] ?? []
    }

    /// A rule's repository conditions, by fact index.
    struct RepositoryConditions: Sendable {
        var has: [Int] = []
        var lacks: [Int] = []
        var pathsExist: [Int] = []
        var pathsMissing: [Int] = []
        /// Keyed patterns whose names must (must not) include the text of the match's capture.
        var hasKeyed: [KeyedCondition] = []
        var lacksKeyed: [KeyedCondition] = []
    }

    /// A keyed repository condition: the keyed pattern (an index into `keyedPatterns`) and the capture of the match
    /// whose text is looked up among the names it found.
    struct KeyedCondition: Sendable {
        let pattern: Int
        let capture: String
    }

    /// The automaton entry of keyed pattern `index`: after the rules' and the repository patterns' entries.
    func automatonEntry(ofKeyedPattern index: Int) -> Int { rules.count + repositoryPatterns.count + index }

    /// The automaton entry of mount pattern `index`: after the keyed patterns' entries.
    func automatonEntry(ofMountPattern index: Int) -> Int { rules.count + repositoryPatterns.count + keyedPatterns.count + index }

    /// `knownRuleIds`: the ids and aliases of every rule loaded (by default those of `ruleSet`).
    public init(_ ruleSet: RuleSet, knownRuleIds: Set<String>? = nil) {
        rules = ruleSet.rules
        var aliases: [String: String] = [:]
        for rule in rules {
            for alias in rule.aliases { aliases[alias] = rule.id }
        }
        idsByAlias = aliases
        self.knownRuleIds = knownRuleIds ?? ruleSet.knownIds
        var byLanguage: [String: [Int]] = [:]
        for language in Language.names + [""] {
            byLanguage[language] = ruleSet.rules.indices.filter { ruleSet.rules[$0].admits(language: language.isEmpty ? nil : language) }
        }
        rulesByLanguage = byLanguage
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        ruleIndex = index
        supersededBy = rules.map { rule in rule.supersededBy.compactMap { index[$0] } }
        var patterns: [Pattern] = []
        var patternIndex: [String: Int] = [:]
        var globs: [Glob] = []
        /// The same pattern source in several rules is searched once.
        func fact(_ pattern: Pattern) -> Int {
            if let existing = patternIndex[pattern.source] { return existing }
            patterns.append(pattern)
            patternIndex[pattern.source] = patterns.count - 1
            return patterns.count - 1
        }
        func path(_ glob: Glob) -> Int {
            if let existing = globs.firstIndex(of: glob) { return existing }
            globs.append(glob)
            return globs.count - 1
        }
        var keyed: [KeyedPattern] = []
        /// Conditions that differ only in the capture they name (`{{deco0}}`, `{{deco1}}`) search the same regex once.
        func keyedFact(_ condition: KeyedPattern) -> KeyedCondition {
            if let existing = keyed.firstIndex(where: { $0.pattern.source == condition.pattern.source }) {
                return KeyedCondition(pattern: existing, capture: condition.capture)
            }
            keyed.append(condition)
            return KeyedCondition(pattern: keyed.count - 1, capture: condition.capture)
        }
        repositoryConditions = rules.map { rule in
            let structure = rule.structure
            return RepositoryConditions(
                has: structure.repoHas.map(fact), lacks: structure.repoLacks.map(fact),
                pathsExist: structure.pathExists.map(path), pathsMissing: structure.pathMissing.map(path),
                hasKeyed: structure.repoHasKeyed.map(keyedFact), lacksKeyed: structure.repoLacksKeyed.map(keyedFact)
            )
        }
        keyedPatterns = keyed
        var mounts: [Pattern] = []
        for rule in rules {
            guard let mount = rule.structure.endpoint?.mount, !mounts.contains(where: { $0.source == mount.source }) else { continue }
            mounts.append(mount)
        }
        mountPatterns = mounts
        let mountLiterals = mounts.map { RequiredLiterals.of($0.source) ?? [] }
        mountPatternPrefiltered = mountLiterals.map { !$0.isEmpty }
        let keyedLiterals = keyed.map { RequiredLiterals.of($0.pattern.source) ?? [] }
        keyedPatternPrefiltered = keyedLiterals.map { !$0.isEmpty }
        distributionMarkers = Self.distributionMarkers.compactMap(Glob.init).map(path)
        repositoryPatterns = patterns
        let repositoryLiterals = patterns.map { RequiredLiterals.of($0.source) ?? [] }
        repositoryPatternPrefiltered = repositoryLiterals.map { !$0.isEmpty }
        // The automaton's entries: each rule's prefilter, then each repository pattern's literals. Only rules that
        // try their regex around each keyword occurrence need more than the first occurrence.
        automaton = KeywordAutomaton(
            keywords: rules.map(\.prefilter) + repositoryLiterals + keyedLiterals + mountLiterals,
            everyOccurrence: rules.map { !$0.keywords.isEmpty && $0.window != nil } + (repositoryLiterals + keyedLiterals + mountLiterals).map { _ in false }
        )
        pathGlobs = globs
        captureCapacity = (rules.map(\.captureCapacity) + patterns.map { $0.captureCount + 1 } + keyed.map { $0.pattern.captureCount + 1 }
            + mounts.map { $0.captureCount + 1 }).max() ?? 1
    }
}
