import PCRE2Kit

/// A rule's compiled structural conditions: on the match's block, its file, the repository, and the inventory
/// record a route match makes.
final class StructuralConditions: Sendable {
    /// What a match records in the endpoint inventory.
    struct EndpointTemplate: Sendable {
        let framework: String
        let method: MessageTemplate
        let path: MessageTemplate
        let guardKind: GuardKind
        /// Upper-case methods whose routes get a finding; nil for every method.
        var reportMethods: Set<String>? = nil
        /// Found in the route's file, its `prefix` capture goes before the route (a router's or blueprint's prefix).
        var prefix: PatternTemplate? = nil
        /// Its text lists the route's methods, one inventory entry each.
        var methods: MessageTemplate? = nil
        /// Searched in every production file: where routers are mounted, and under which prefix.
        var mount: Pattern? = nil
    }

    /// What a route without a finding proves.
    enum GuardKind: String, Sendable, CaseIterable {
        case authentication
        case rateLimit = "rate-limit"
    }

    let block: BlockKind?
    let has: [PatternTemplate]
    let lacks: [PatternTemplate]
    let fileHas: [PatternTemplate]
    let fileLacks: [PatternTemplate]
    let inside: [(header: PatternTemplate, block: BlockKind)]
    let notInside: [(header: PatternTemplate, block: BlockKind)]
    let repoHas: [Pattern]
    let repoLacks: [Pattern]
    /// Repository conditions that name one of the match's captures, decided for each match.
    let repoHasKeyed: [KeyedPattern]
    let repoLacksKeyed: [KeyedPattern]
    let pathExists: [Glob]
    let pathMissing: [Glob]
    let endpoint: EndpointTemplate?
    /// A rule with repository conditions reports every match when they hold, instead of the first only.
    let reportsEachMatch: Bool
    /// The rule reports suppression comments that hide nothing (`report: unused-suppression`).
    let reportsUnusedSuppressions: Bool

    init(block: BlockKind?, has: [PatternTemplate], lacks: [PatternTemplate], fileHas: [PatternTemplate], fileLacks: [PatternTemplate],
         inside: [(header: PatternTemplate, block: BlockKind)], notInside: [(header: PatternTemplate, block: BlockKind)],
         repoHas: [Pattern], repoLacks: [Pattern], repoHasKeyed: [KeyedPattern] = [], repoLacksKeyed: [KeyedPattern] = [],
         pathExists: [Glob], pathMissing: [Glob], endpoint: EndpointTemplate?, reportsEachMatch: Bool, reportsUnusedSuppressions: Bool = false) {
        self.block = block
        self.has = has
        self.lacks = lacks
        self.fileHas = fileHas
        self.fileLacks = fileLacks
        self.inside = inside
        self.notInside = notInside
        self.repoHas = repoHas
        self.repoLacks = repoLacks
        self.repoHasKeyed = repoHasKeyed
        self.repoLacksKeyed = repoLacksKeyed
        self.pathExists = pathExists
        self.pathMissing = pathMissing
        self.endpoint = endpoint
        self.reportsEachMatch = reportsEachMatch
        self.reportsUnusedSuppressions = reportsUnusedSuppressions
    }

    /// No condition at all: a plain regex rule.
    var isEmpty: Bool {
        block == nil && has.isEmpty && lacks.isEmpty && fileHas.isEmpty && fileLacks.isEmpty && inside.isEmpty
            && notInside.isEmpty && !isRepositoryLevel && endpoint == nil
    }

    /// Decided after the walk, once per rule.
    var isRepositoryLevel: Bool {
        !repoHas.isEmpty || !repoLacks.isEmpty || !repoHasKeyed.isEmpty || !repoLacksKeyed.isEmpty || !pathExists.isEmpty || !pathMissing.isEmpty
    }

    /// The captures whose text the keyed repository conditions look up.
    var keyedCaptureNames: [String] { (repoHasKeyed + repoLacksKeyed).map(\.capture) }

    /// Brackets must be matched outside strings and comments: the lexer is needed.
    var needsRegions: Bool {
        [block].compactMap { $0 }.contains { $0 == .braces || $0 == .call || $0 == .value } || !inside.isEmpty || !notInside.isEmpty
    }

    /// Captures that the conditions and the endpoint template read.
    var captureNames: [String] {
        var names = (has + lacks + fileHas + fileLacks + inside.map(\.header) + notInside.map(\.header)).flatMap(\.captureNames)
        if let endpoint { names += endpoint.method.captureNames + endpoint.path.captureNames + (endpoint.prefix?.captureNames ?? [])
            + (endpoint.methods?.captureNames ?? []) + (endpoint.mount == nil ? [] : ["router"]) }
        return names + keyedCaptureNames
    }
}
