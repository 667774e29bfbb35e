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
        case literal([UInt8])
        /// `*` followed by wildcard-free text, such as `*.py`.
        case suffix([UInt8])
        /// Wildcard-free text followed by `*`, such as `test_*`.
        case prefix([UInt8])
        /// Anything else, through `fnmatch`.
        case pattern(String)

        init(_ text: String) {
            let wildcard: (Character) -> Bool = { "*?[\\".contains($0) }
            if text == "**" {
                self = .anyDirectories
            } else if !text.contains(where: wildcard) {
                self = .literal(Array(text.utf8))
            } else if text.hasPrefix("*"), !text.dropFirst().contains(where: wildcard) {
                self = .suffix(Array(text.dropFirst().utf8))
            } else if text.hasSuffix("*"), !text.dropLast().contains(where: wildcard) {
                self = .prefix(Array(text.dropLast().utf8))
            } else {
                self = .pattern(text)
            }
        }

        /// Whether one path component matches; the common shapes compare bytes (a path is walked once per rule).
        func matches(_ part: Substring) -> Bool {
            switch self {
            case .anyDirectories: return true
            case .literal(let text): return Self.bytes(of: part) { $0.count == text.count && Self.equal($0, 0, text) }
            case .suffix(let text): return Self.bytes(of: part) { $0.count >= text.count && Self.equal($0, $0.count - text.count, text) }
            case .prefix(let text): return Self.bytes(of: part) { $0.count >= text.count && Self.equal($0, 0, text) }
            case .pattern(let text): return fnmatch(text, String(part), 0) == 0
            }
        }

        private static func bytes(of part: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
            if let result = part.utf8.withContiguousStorageIfAvailable(body) { return result }
            return Array(part.utf8).withUnsafeBufferPointer(body)
        }

        /// Whether `text` occurs in `bytes` at `offset` (which leaves room for it).
        private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ text: [UInt8]) -> Bool {
            text.withUnsafeBufferPointer { text in
                text.isEmpty || memcmp(bytes.baseAddress! + offset, text.baseAddress!, text.count) == 0
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
        matches(components: path.split(separator: "/", omittingEmptySubsequences: true), isDirectory: isDirectory)
    }

    /// `matches(_:isDirectory:)` for a path already split at its slashes.
    func matches(components parts: [Substring], isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        if isSingleSegment { return parts.last.map(segments[1].matches) ?? false }
        return match(segment: 0, parts[...])
    }

    /// Whether the file at `path`, or any directory above it, matches: the way `.gitignore` excludes whole trees.
    public func matchesFileOrAncestor(_ path: String) -> Bool {
        matchesFileOrAncestor(components: path.split(separator: "/", omittingEmptySubsequences: true))
    }

    /// `matchesFileOrAncestor` for a path already split at its slashes.
    func matchesFileOrAncestor(components parts: [Substring]) -> Bool {
        matchesFile(components: parts) || matchesAncestor(ofFile: parts)
    }

    /// Whether the path itself, taken as a file, matches.
    func matchesFile(components parts: [Substring]) -> Bool {
        !parts.isEmpty && matches(components: parts, isDirectory: false)
    }

    /// Whether a directory above the file at `parts` matches: `matchesDirectoryOrAncestor` of its directory.
    func matchesAncestor(ofFile parts: [Substring]) -> Bool {
        parts.count > 1 && matchesDirectoryOrAncestor(components: parts.dropLast())
    }

    /// Whether the directory at `parts`, or a directory above it, matches.
    func matchesDirectoryOrAncestor(components parts: ArraySlice<Substring>) -> Bool {
        if isSingleSegment { return parts.contains(where: segments[1].matches) }
        for end in parts.indices where match(segment: 0, parts[parts.startIndex...end]) { return true }
        return false
    }

    /// The common shape, a pattern without slashes (`*.lock`, `tests/`): it matches wherever one component does.
    private var isSingleSegment: Bool { segments.count == 2 && segments[0] == .anyDirectories }

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
