/// What the whole walk learnt about the repository: which repository patterns occur somewhere and which
/// path globs match a file. Repository-level rules are decided from it once the walk is over.
struct RepositoryFacts {
    let catalog: RuleCatalog
    private var patterns: [Bool]
    private var paths: [Bool]

    init(catalog: RuleCatalog) {
        self.catalog = catalog
        patterns = Array(repeating: false, count: catalog.repositoryPatterns.count)
        paths = Array(repeating: false, count: catalog.pathGlobs.count)
    }

    /// Merges one worker's facts.
    mutating func add(_ evaluator: FileEvaluator) {
        for (index, found) in evaluator.foundPatterns.enumerated() where found { patterns[index] = true }
        for (index, found) in evaluator.foundPaths.enumerated() where found { paths[index] = true }
    }

    /// For each repository-level rule whose conditions hold, its first candidate in report order: one finding per rule.
    func decide(_ candidates: [Finding]) -> [Finding] {
        var first: [String: Finding] = [:]
        for candidate in candidates {
            if let current = first[candidate.ruleId], Finding.reportOrder(current, candidate) { continue }
            first[candidate.ruleId] = candidate
        }
        return first.values.filter { finding in
            guard let index = catalog.ruleIndex[finding.ruleId] else { return false }
            let conditions = catalog.repositoryConditions[index]
            return conditions.has.allSatisfy { patterns[$0] } && !conditions.lacks.contains { patterns[$0] }
                && conditions.pathsExist.allSatisfy { paths[$0] } && !conditions.pathsMissing.contains { paths[$0] }
        }
    }
}
