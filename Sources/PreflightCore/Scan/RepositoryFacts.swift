/// What the whole walk learnt about the repository: which repository patterns occur somewhere and which
/// path globs match a file. Repository-level rules are decided from it once the walk is over.
struct RepositoryFacts {
    let catalog: RuleCatalog
    private var patterns: [GuardSite?]
    private var paths: [Bool]
    private var names: [KeyedNames]
    private var mounts: [RouterMount] = []

    init(catalog: RuleCatalog) {
        self.catalog = catalog
        patterns = Array(repeating: nil, count: catalog.repositoryPatterns.count)
        paths = Array(repeating: false, count: catalog.pathGlobs.count)
        names = Array(repeating: KeyedNames(), count: catalog.keyedPatterns.count)
    }

    /// Merges one worker's facts.
    mutating func add(_ evaluator: FileEvaluator) {
        for (index, found) in evaluator.foundPatterns.enumerated() { patterns[index] = GuardSite.first(patterns[index], found) }
        for (index, found) in evaluator.foundPaths.enumerated() where found { paths[index] = true }
        for (index, found) in evaluator.foundNames.enumerated() { names[index].merge(found) }
        mounts += evaluator.foundMounts
    }

    /// The candidates of repository-level rules whose conditions hold: the first in report order for most rules,
    /// every one for rules that say `report: each`.
    func decide(_ candidates: [Finding]) -> [Finding] {
        var kept: [Finding] = []
        var first: [String: Finding] = [:]
        for candidate in candidates where holds(for: candidate.ruleId, keys: candidate.repositoryKeys, path: candidate.path) {
            guard let index = catalog.ruleIndex[candidate.ruleId] else { continue }
            if catalog.rules[index].structure.reportsEachMatch {
                kept.append(candidate)
            } else if first[candidate.ruleId].map({ !Finding.reportOrder($0, candidate) }) ?? true {
                first[candidate.ruleId] = candidate
            }
        }
        return kept + first.values
    }

    /// Routes whose rule found its guard at the scale of the repository (a `repo-lacks` pattern somewhere):
    /// they count as guarded, by the project-wide configuration.
    func settle(_ endpoints: [Endpoint]) -> [Endpoint] {
        RouterMount.apply(mounts.sorted { ($0.path, $0.ref) < ($1.path, $1.ref) }, to: endpoints).map { endpoint in
            // Only a `repo-lacks` condition that found something is a guard (and its finding then does not hold): a
            // rule silent because its `repo-has` found nothing (no authentication anywhere in the project) leaves the
            // route unguarded.
            guard let rule = endpoint.pendingRule, let index = catalog.ruleIndex[rule],
                  let site = guardSite(for: rule, keys: endpoint.pendingKeys, path: endpoint.path)?.description else { return endpoint }
            var settled = endpoint
            switch catalog.rules[index].structure.endpoint?.guardKind {
            case .authentication? where settled.authenticated == false:
                settled.authenticated = true
                settled.authenticationGuard = "project-wide configuration"
                settled.authenticationGuardLocation = site
            case .rateLimit? where settled.rateLimited == false:
                settled.rateLimited = true
                settled.rateLimitGuard = "project-wide configuration"
                settled.rateLimitGuardLocation = site
            default:
                break
            }
            return settled
        }
    }

    /// Whether the scanned tree is a packaged distribution (an sdist or a wheel) rather than a repository.
    var isDistribution: Bool { catalog.distributionMarkers.contains { paths[$0] } }

    /// Whether the repository conditions of the rule hold across the whole scan, for a match in the file at `path`
    /// whose keyed captures have the texts `keys`. A packaged distribution leaves
    /// out what a repository keeps beside the code (CI, container files, lockfiles, tests): `path-missing`
    /// conditions say nothing about it and do not hold.
    private func holds(for ruleId: String, keys: [String: String], path: String) -> Bool {
        guard let index = catalog.ruleIndex[ruleId] else { return false }
        let conditions = catalog.repositoryConditions[index]
        if isDistribution && !conditions.pathsMissing.isEmpty { return false }
        let found = { (keyed: RuleCatalog.KeyedCondition) in self.site(of: keyed, keys: keys, path: path) != nil }
        return conditions.has.allSatisfy { patterns[$0] != nil } && !conditions.lacks.contains { patterns[$0] != nil }
            && conditions.pathsExist.allSatisfy { paths[$0] } && !conditions.pathsMissing.contains { paths[$0] }
            && conditions.hasKeyed.allSatisfy(found) && !conditions.lacksKeyed.contains(where: found)
    }

    /// Where a keyed condition found the name that a match in the file at `path` with captures `keys` looks up.
    private func site(of keyed: RuleCatalog.KeyedCondition, keys: [String: String], path: String) -> GuardSite? {
        names[keyed.pattern].site(covering: keys[keyed.capture] ?? "", in: path)
    }

    /// Where the rule's `repo-lacks` conditions found what guards a route: the first site among those found.
    private func guardSite(for ruleId: String, keys: [String: String], path: String) -> GuardSite? {
        guard let index = catalog.ruleIndex[ruleId] else { return nil }
        let conditions = catalog.repositoryConditions[index]
        let plain = conditions.lacks.compactMap { patterns[$0] }
        let keyed = conditions.lacksKeyed.compactMap { site(of: $0, keys: keys, path: path) }
        return (plain + keyed).min()
    }
}
