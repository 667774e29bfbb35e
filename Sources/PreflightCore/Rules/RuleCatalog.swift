/// The rules of one scan, frozen: the keyword automaton over all of them, and what each thread's scratch needs.
public final class RuleCatalog: Sendable {
    public let rules: [Rule]
    let automaton: KeywordAutomaton
    /// Capture pairs a `MatchScratch` needs for every rule of the catalog.
    let captureCapacity: Int
    /// For each rule, the indices of the rules that supersede it.
    let supersededBy: [[Int]]

    public init(_ ruleSet: RuleSet) {
        rules = ruleSet.rules
        automaton = KeywordAutomaton(keywords: rules.map(\.keywords))
        captureCapacity = rules.map(\.captureCapacity).max() ?? 1
        let index = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        supersededBy = rules.map { rule in rule.supersededBy.compactMap { index[$0] } }
    }
}
