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
    /// How one segment (the text between slashes) is matched; the common shapes avoid `fnmatch`.
    enum Segment: Sendable, Hashable {
        /// `**`: any number of directories.
        case anyDirectories
        /// No wildcard: equal text.
        case literal(String)
        /// `*` followed by wildcard-free text, such as `*.py`.
        case suffix(String)
        /// Wildcard-free text followed by `*`, such as `test_*`.
        case prefix(String)
        /// Anything else, through `fnmatch`.
        case pattern(String)

        init(_ text: String) {
            let wildcard: (Character) -> Bool = { "*?[\\".contains($0) }
            if text == "**" {
                self = .anyDirectories
            } else if !text.contains(where: wildcard) {
                self = .literal(text)
            } else if text.hasPrefix("*"), !text.dropFirst().contains(where: wildcard) {
                self = .suffix(String(text.dropFirst()))
            } else if text.hasSuffix("*"), !text.dropLast().contains(where: wildcard) {
                self = .prefix(String(text.dropLast()))
            } else {
                self = .pattern(text)
            }
        }

        func matches(_ part: Substring) -> Bool {
            switch self {
            case .anyDirectories: return true
            case .literal(let text): return part.utf8.elementsEqual(text.utf8)
            case .suffix(let text): return part.utf8.count >= text.utf8.count && part.utf8.suffix(text.utf8.count).elementsEqual(text.utf8)
            case .prefix(let text): return part.utf8.count >= text.utf8.count && part.utf8.prefix(text.utf8.count).elementsEqual(text.utf8)
            case .pattern(let text): return fnmatch(text, String(part), 0) == 0
            }
        }
    }

    /// The segments of the pattern.
    let segments: [Segment]
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
        var collapsed: [Segment] = []
        for part in parts.map(Segment.init) where !(part == .anyDirectories && collapsed.last == .anyDirectories) {
            collapsed.append(part)
        }
        segments = collapsed
    }

    /// Whether the path (relative, slash separated) matches this pattern itself.
    public func matches(_ path: String, isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        return match(segment: 0, parts[...])
    }

    /// Whether the file at `path`, or any directory above it, matches: the way `.gitignore` excludes whole trees.
    public func matchesFileOrAncestor(_ path: String) -> Bool {
        matchesFileOrAncestor(components: path.split(separator: "/", omittingEmptySubsequences: true))
    }

    /// `matchesFileOrAncestor` for a path already split at its slashes.
    func matchesFileOrAncestor(components parts: [Substring]) -> Bool {
        guard !parts.isEmpty else { return false }
        if segments.count == 2, segments[0] == .anyDirectories {
            // The common shape, a pattern without slashes (`*.lock`, `tests/`): any one component matches.
            let last = directoryOnly ? parts.count - 1 : parts.count
            for index in 0..<last where segments[1].matches(parts[index]) { return true }
            return false
        }
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
        if segment == .anyDirectories {
            if index == segments.count - 1 { return true }
            var rest = parts
            while true {
                if match(segment: index + 1, rest) { return true }
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            }
        }
        guard let part = parts.first else { return false }
        return segment.matches(part) && match(segment: index + 1, parts.dropFirst())
    }
}
