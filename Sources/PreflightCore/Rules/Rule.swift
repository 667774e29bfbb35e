import PCRE2Kit

/// A validated, compiled rule: immutable and shared by every scanning thread.
public final class Rule: Sendable {
    public let id: String
    public let aliases: [String]
    public let pack: String
    public let title: String
    public let description: String
    public let help: String
    public let severity: Severity
    public let confidence: Confidence
    public let tags: [String]
    /// The rule's regex as written and its flags, for listing and export.
    public let regexSource: String
    public let regexFlags: [String]
    /// Lower-cased literals; the regex runs only on files containing one of them. Empty: always runs.
    public let keywords: [String]
    /// What a file must contain for the regex to run on it: the keywords, or for a rule without keywords the
    /// literals its regex cannot match without (`RequiredLiterals`). Empty: the regex runs on every file.
    let prefilter: [String]
    public let examples: [RuleExample]
    /// The rule file it came from, and whether it is built in.
    public let origin: RuleSpec.Origin
    public let isBuiltin: Bool

    let pattern: Pattern
    let message: MessageTemplate
    let secretGroup: Int?
    let minEntropy: Double?
    let allows: [(target: RuleSpec.Allow.Target, pattern: Pattern)]
    let languages: Set<String>
    let includes: [Glob]
    let excludes: [Glob]
    let supersededBy: [String]
    /// Lines of context around each keyword occurrence that the regex is tried on; nil: the whole file.
    let window: Int?
    /// The regex runs on the file's logical lines: a newline inside an open bracket reads as a space.
    let logicalLines: Bool
    /// The contexts the rule reports in; nil: all.
    public let contexts: Set<FindingContext>?
    /// Conditions on the match's block, file and repository, and its endpoint record.
    let structure: StructuralConditions
    /// Where the finding must start; nil: anywhere.
    let regions: Set<RegionKind>?
    /// Where named captures must start.
    let captureRegions: [String: Set<RegionKind>]
    /// The named captures the message and the allow patterns read.
    let capturesUsed: [String]

    init(
        spec: RuleSpec, severity: Severity, confidence: Confidence, pattern: Pattern, secretGroup: Int?,
        allows: [(target: RuleSpec.Allow.Target, pattern: Pattern)], includes: [Glob], excludes: [Glob],
        regions: Set<RegionKind>?, captureRegions: [String: Set<RegionKind>], structure: StructuralConditions,
        contexts: Set<FindingContext>?, isBuiltin: Bool
    ) {
        id = spec.id
        aliases = spec.aliases
        pack = spec.pack
        title = spec.title
        description = spec.description
        help = spec.help
        self.severity = severity
        self.confidence = confidence
        tags = spec.tags
        regexSource = spec.regex
        regexFlags = spec.regexFlags
        keywords = spec.keywords.map { $0.lowercased() }
        prefilter = keywords.isEmpty ? RequiredLiterals.of(spec.regex, flags: spec.regexFlags) ?? [] : keywords
        examples = spec.examples
        origin = spec.origin
        self.isBuiltin = isBuiltin
        self.pattern = pattern
        message = MessageTemplate(spec.message)
        self.secretGroup = secretGroup
        minEntropy = spec.minEntropy
        self.allows = allows
        languages = Set(spec.languages)
        self.includes = includes
        self.excludes = excludes
        supersededBy = spec.supersededBy
        window = spec.window
        logicalLines = spec.logicalLines
        self.regions = regions
        self.captureRegions = captureRegions
        self.structure = structure
        self.contexts = contexts
        var used = message.captureNames.filter { $0 != "secret" }
        for name in captureRegions.keys.sorted() + structure.captureNames where !used.contains(name) { used.append(name) }
        for allow in allows {
            if case .capture(let name) = allow.target, !used.contains(name) { used.append(name) }
        }
        capturesUsed = used
    }

    /// The same rule with another severity (a repository's configuration may change it).
    public func with(severity: Severity) -> Rule {
        Rule(copying: self, severity: severity)
    }

    private init(copying rule: Rule, severity: Severity) {
        id = rule.id
        aliases = rule.aliases
        pack = rule.pack
        title = rule.title
        description = rule.description
        help = rule.help
        self.severity = severity
        confidence = rule.confidence
        tags = rule.tags
        regexSource = rule.regexSource
        regexFlags = rule.regexFlags
        keywords = rule.keywords
        prefilter = rule.prefilter
        examples = rule.examples
        origin = rule.origin
        isBuiltin = rule.isBuiltin
        pattern = rule.pattern
        message = rule.message
        secretGroup = rule.secretGroup
        minEntropy = rule.minEntropy
        allows = rule.allows
        languages = rule.languages
        includes = rule.includes
        excludes = rule.excludes
        supersededBy = rule.supersededBy
        window = rule.window
        logicalLines = rule.logicalLines
        contexts = rule.contexts
        structure = rule.structure
        regions = rule.regions
        captureRegions = rule.captureRegions
        capturesUsed = rule.capturesUsed
    }

    /// Whether the rule is decided over the whole tree (`repo-has`, `repo-lacks`, `path-exists`, `path-missing`).
    public var isRepositoryLevel: Bool { structure.isRepositoryLevel }

    /// Whether the rule reports suppression comments that hide nothing (run only when asked for).
    public var reportsUnusedSuppressions: Bool { structure.reportsUnusedSuppressions }

    /// Whether the rule constrains where its matches may lie lexically.
    var needsRegions: Bool { regions != nil || !captureRegions.isEmpty || structure.needsRegions }

    /// Whether the rule looks at the file at `path` (relative to the scan root) written in `language`.
    public func applies(toPath path: String, language: String?) -> Bool {
        applies(toComponents: path.split(separator: "/", omittingEmptySubsequences: true), language: language)
    }

    /// `applies(toPath:language:)` for a path already split at its slashes.
    func applies(toComponents components: [Substring], language: String?) -> Bool {
        admits(language: language) && admits(components: components)
    }

    /// Whether the rule's `languages` (none: every file) include `language`.
    func admits(language: String?) -> Bool {
        guard !languages.isEmpty else { return true }
        guard let language else { return false }
        return languages.contains(language)
    }

    /// Whether the rule's `paths` include and do not exclude the path split at its slashes.
    func admits(components: [Substring]) -> Bool {
        if !includes.isEmpty && !includes.contains(where: { $0.matchesFileOrAncestor(components: components) }) { return false }
        return !excludes.contains(where: { $0.matchesFileOrAncestor(components: components) })
    }

    /// The number of capture groups the rule's patterns need in a `MatchScratch`.
    var captureCapacity: Int {
        let conditions = structure.has + structure.lacks + structure.fileHas + structure.fileLacks
            + structure.inside.map(\.header) + structure.notInside.map(\.header)
        return (([pattern] + allows.map(\.pattern)).map(\.captureCount) + conditions.map(\.captureCount)).max()! + 1
    }
}
