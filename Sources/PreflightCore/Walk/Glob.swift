#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path pattern in `.gitignore` syntax: `*`, `?`, `[...]`, `**`, a leading `/` or an inner `/` to anchor,
/// a trailing `/` for directories only.
public struct Glob: Sendable, Hashable {
    /// The pattern as written.
    public let source: String
    /// Segments between slashes; `**` stands for any number of directories.
    let segments: [String]
    /// Whether each segment has no wildcard (compared as text, not through `fnmatch`).
    let literal: [Bool]
    /// Only directories match.
    public let directoryOnly: Bool

    /// Compiles `pattern`; returns nil for an empty pattern.
    public init?(_ pattern: String) {
        source = pattern
        var body = pattern
        directoryOnly = body.hasSuffix("/")
        while body.hasSuffix("/") { body.removeLast() }
        guard !body.isEmpty else { return nil }
        let anchored = body.dropLast().contains("/")
        if body.hasPrefix("/") { body.removeFirst() }
        var parts = body.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if !anchored { parts.insert("**", at: 0) }
        var collapsed: [String] = []
        for part in parts where !(part == "**" && collapsed.last == "**") { collapsed.append(part) }
        segments = collapsed
        literal = collapsed.map { $0 != "**" && !$0.contains(where: { "*?[\\".contains($0) }) }
    }

    /// Whether the path (relative, slash separated) matches this pattern itself.
    public func matches(_ path: String, isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return match(segment: 0, parts[...])
    }

    /// Whether the file at `path`, or any directory above it, matches: the way `.gitignore` excludes whole trees.
    public func matchesFileOrAncestor(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.isEmpty else { return false }
        for end in 1...parts.count {
            let isDirectory = end < parts.count
            if directoryOnly && !isDirectory { continue }
            if match(segment: 0, parts[0..<end]) { return true }
        }
        return false
    }

    private func match(segment index: Int, _ parts: ArraySlice<Substring>) -> Bool {
        if index == segments.count { return parts.isEmpty }
        let segment = segments[index]
        if segment == "**" {
            if index == segments.count - 1 { return true }
            var rest = parts
            while true {
                if match(segment: index + 1, rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        }
        guard let part = parts.first else { return false }
        let same = literal[index] ? part == segment : fnmatch(segment, String(part), 0) == 0
        return same && match(segment: index + 1, parts.dropFirst())
    }
}
