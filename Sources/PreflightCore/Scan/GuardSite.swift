/// Where a repository pattern was found: the file and line of its first match in the tree, the smallest by path
/// and line so that every run names the same one whatever order the workers read the files in.
struct GuardSite: Sendable, Hashable, Comparable, CustomStringConvertible {
    let path: String
    let line: Int

    static func < (lhs: GuardSite, rhs: GuardSite) -> Bool { (lhs.path, lhs.line) < (rhs.path, rhs.line) }

    /// The earlier of two sites, either of which may be missing.
    static func first(_ lhs: GuardSite?, _ rhs: GuardSite?) -> GuardSite? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return min(lhs, rhs)
    }

    /// `path:line`, as reports show a guard's location.
    var description: String { "\(path):\(line)" }
}
