/// The files git tracks below a walk target. Ignore files hide only untracked files, as they do for git: a
/// committed `.env` that `.gitignore` lists is scanned all the same.
final class TrackedFiles: Sendable {
    /// Paths relative to the walk target, sorted by their UTF-8 bytes.
    private let paths: [String]

    init(_ paths: [String]) {
        self.paths = paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Whether git tracks the file at `path`.
    func contains(_ path: String) -> Bool {
        let index = firstIndex(notBefore: path)
        return index < paths.count && paths[index] == path
    }

    /// Whether git tracks a file anywhere below the directory at `path`.
    func containsAny(below path: String) -> Bool {
        let prefix = path + "/"
        let index = firstIndex(notBefore: prefix)
        return index < paths.count && paths[index].utf8.starts(with: prefix.utf8)
    }

    /// The first position whose path does not sort before `path`.
    private func firstIndex(notBefore path: String) -> Int {
        var low = 0, high = paths.count
        while low < high {
            let middle = (low + high) / 2
            if paths[middle].utf8.lexicographicallyPrecedes(path.utf8) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
