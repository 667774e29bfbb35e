/// The rules' `paths` filters and the repository's path facts, with the part that depends only on a file's
/// directory decided once per directory. The walker hands over the files of a directory together, so a file
/// usually adds only the match of its own path to what its directory already decided.
struct PathFilterCache {
    private let catalog: RuleCatalog
    /// The directory the verdicts below are for (the path up to its last slash); nil before the first file.
    private var directory: String?
    /// For each rule, whether one of its include (exclude) globs matches the directory or one above it.
    private var includedByDirectory: [Bool]
    private var excludedByDirectory: [Bool]
    /// For each path fact glob of the catalog, whether it matches the directory or one above it.
    private var factByDirectory: [Bool]

    init(catalog: RuleCatalog) {
        self.catalog = catalog
        includedByDirectory = Array(repeating: false, count: catalog.rules.count)
        excludedByDirectory = includedByDirectory
        factByDirectory = Array(repeating: false, count: catalog.pathGlobs.count)
    }

    /// Makes the verdicts those of the directory of `path`, split at its slashes into `components`.
    mutating func enter(path: String, components: [Substring]) {
        let directoryPath = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
        if let directory, directoryPath == directory { return }
        directory = String(directoryPath)
        let directoryComponents = components.dropLast()
        for (index, rule) in catalog.rules.enumerated() {
            includedByDirectory[index] = rule.includes.contains { $0.matchesDirectoryOrAncestor(components: directoryComponents) }
            excludedByDirectory[index] = rule.excludes.contains { $0.matchesDirectoryOrAncestor(components: directoryComponents) }
        }
        for (index, glob) in catalog.pathGlobs.enumerated() {
            factByDirectory[index] = glob.matchesDirectoryOrAncestor(components: directoryComponents)
        }
    }

    /// `Rule.admits(components:)` for rule `index` and the file entered last.
    func admits(rule index: Int, components: [Substring]) -> Bool {
        let rule = catalog.rules[index]
        if !rule.includes.isEmpty && !includedByDirectory[index] && !rule.includes.contains(where: { $0.matchesFile(components: components) }) {
            return false
        }
        return !excludedByDirectory[index] && !rule.excludes.contains { $0.matchesFile(components: components) }
    }

    /// Whether path fact glob `index` matches the file entered last or a directory above it.
    func matchesFact(_ index: Int, components: [Substring]) -> Bool {
        factByDirectory[index] || catalog.pathGlobs[index].matchesFile(components: components)
    }
}
