/// Conditions written once under a name (`define: dev-value-never-live`) that rules take in with
/// `use: [dev-value-never-live]`: allow patterns, `not-inside` blocks, `lacks`, `file-lacks`, `repo-has` and
/// `repo-lacks` patterns and excluded paths, added to the rule's own.
public struct RuleFragment: Sendable {
    public let name: String
    public var allow: [RuleSpec.Allow] = []
    public var notInside: [StructureSpec.Enclosing] = []
    public var lacks: [String] = []
    public var fileLacks: [String] = []
    public var repoHas: [String] = []
    public var repoLacks: [String] = []
    public var excludePaths: [String] = []
    /// Where the fragment starts: errors in its patterns point here.
    public let origin: RuleSpec.Origin

    /// The keys a fragment may hold besides `define` and `description`.
    static let conditionKeys = ["allow", "not-inside", "lacks", "file-lacks", "repo-has", "repo-lacks", "paths"]

    /// Adds the fragment's conditions to `spec`. A key the rule did not write itself takes the fragment's origin,
    /// so that an error in one of its patterns names the fragment's file.
    func apply(to spec: inout RuleSpec) {
        let added: [(key: String, present: Bool)] = [
            ("allow", !allow.isEmpty), ("not-inside", !notInside.isEmpty), ("lacks", !lacks.isEmpty),
            ("file-lacks", !fileLacks.isEmpty), ("repo-has", !repoHas.isEmpty), ("repo-lacks", !repoLacks.isEmpty),
            ("paths", !excludePaths.isEmpty),
        ]
        for (key, present) in added where present && spec.keyOrigins[key] == nil { spec.keyOrigins[key] = origin }
        spec.allow += allow
        spec.structure.notInside += notInside
        spec.structure.lacks += lacks
        spec.structure.fileLacks += fileLacks
        spec.structure.repoHas += repoHas
        spec.structure.repoLacks += repoLacks
        spec.excludePaths += excludePaths
    }
}
