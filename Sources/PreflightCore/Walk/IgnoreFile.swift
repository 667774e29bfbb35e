/// The patterns of one ignore file (`.gitignore`, `.scanignore`, `.git/info/exclude`) and where it applies.
public struct IgnoreFile: Sendable {
    struct Rule: Sendable {
        let glob: Glob
        let negated: Bool
    }

    /// Where the file's directory lies relative to the walk target.
    public enum Base: Sendable {
        /// A directory inside the target, given by its path from the target ("" for the target itself).
        case inside(String)
        /// A directory above the target: the target's path from it.
        case above(String)
    }

    let rules: [Rule]
    let base: Base

    /// Parses `.gitignore` syntax: comments, `!` negation, `\` escapes for a leading `#` or `!` and trailing spaces.
    public init(text: String, base: Base) {
        self.base = base
        var rules: [Rule] = []
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var line = String(rawLine)
            if line.hasPrefix("#") { continue }
            while line.hasSuffix(" ") && !line.hasSuffix("\\ ") { line.removeLast() }
            if line.hasSuffix("\\ ") { line = String(line.dropLast(2)) + " " }
            var negated = false
            if line.hasPrefix("!") {
                negated = true
                line.removeFirst()
            } else if line.hasPrefix("\\!") || line.hasPrefix("\\#") {
                line.removeFirst()
            }
            if let glob = Glob(line) { rules.append(Rule(glob: glob, negated: negated)) }
        }
        self.rules = rules
    }

    /// The verdict of this file for a path relative to the walk target: true ignore, false re-include, nil no opinion.
    public func verdict(forPathFromTarget path: String, isDirectory: Bool) -> Bool? {
        let relative: Substring
        switch base {
        case .inside(let directory):
            if directory.isEmpty {
                relative = path[...]
            } else {
                // Byte offsets: the path is walked once per ignore file above it, for every file of the tree.
                let utf8 = path.utf8
                guard utf8.count > directory.utf8.count, utf8.starts(with: directory.utf8),
                      utf8[utf8.index(utf8.startIndex, offsetBy: directory.utf8.count)] == UInt8(ascii: "/") else { return nil }
                relative = path[utf8.index(utf8.startIndex, offsetBy: directory.utf8.count + 1)...]
            }
        case .above(let targetFromBase):
            relative = targetFromBase.isEmpty ? path[...] : (targetFromBase + "/" + path)[...]
        }
        let components = relative.split(separator: "/", omittingEmptySubsequences: true)
        for rule in rules.reversed() where rule.glob.matches(components: components, isDirectory: isDirectory) {
            return !rule.negated
        }
        return nil
    }
}

/// The ignore files in force in one directory: its own and every one above it, deepest first. Immutable and shared.
final class IgnoreStack: Sendable {
    let file: IgnoreFile?
    let parent: IgnoreStack?

    init(file: IgnoreFile?, parent: IgnoreStack?) {
        self.file = file
        self.parent = parent
    }

    /// Whether a path (relative to the walk target) is ignored: the deepest file with an opinion decides.
    func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        var node: IgnoreStack? = self
        while let current = node {
            if let verdict = current.file?.verdict(forPathFromTarget: path, isDirectory: isDirectory) { return verdict }
            node = current.parent
        }
        return false
    }
}
