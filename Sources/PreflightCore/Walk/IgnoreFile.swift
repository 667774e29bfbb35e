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

    /// The scanner's own ignore file: it hides files whether git tracks them or not.
    public static let scanIgnoreName = ".scanignore"

    let rules: [Rule]
    let base: Base
    /// The file the patterns come from, as summaries name it: `.gitignore`, `.git/info/exclude` or `.scanignore`.
    public let source: String

    /// Whether git reads this file: its patterns hide only the files git does not track.
    var isGitFile: Bool { source != Self.scanIgnoreName }

    /// Parses `.gitignore` syntax: comments, `!` negation, `\` escapes for a leading `#` or `!` and trailing spaces.
    public init(text: String, base: Base, source: String = ".gitignore") {
        self.base = base
        self.source = source
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

    /// The text of the ignore file at `path`, nil when there is none, or a warning (shown at `shownAs`) when it
    /// exists but is not read: a symbolic link (git does not follow those either), not a regular file, larger
    /// than 1 MiB, or unreadable.
    static func read(_ path: String, shownAs: String) -> Loaded {
        switch RegularFile.text(path) {
        case .success(let text): return .text(text)
        case .failure(.missing): return .absent
        case .failure(let failure):
            return .notRead(Diagnostic(kind: .ignoreFile, level: .warning, path: shownAs, message: "ignore file not read: \(failure)"))
        }
    }

    /// An ignore file read from disk.
    enum Loaded {
        case text(String)
        case absent
        case notRead(Diagnostic)
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

    /// What leaves out a path (relative to the walk target). The `.scanignore` files and git's ignore files are
    /// two chains, in each of which the deepest file with an opinion decides: a `.scanignore` that hides the path
    /// wins, one that re-includes it (`!pattern`) keeps it whatever git's files say; otherwise git's verdict is
    /// returned, which the walker applies to untracked files only.
    func exclusion(of path: String, isDirectory: Bool) -> IgnoreExclusion? {
        var gitVerdict: (ignored: Bool, source: String)?
        var node: IgnoreStack? = self
        while let current = node {
            if let file = current.file, file.isGitFile ? gitVerdict == nil : true,
               let verdict = file.verdict(forPathFromTarget: path, isDirectory: isDirectory) {
                if !file.isGitFile { return verdict ? IgnoreExclusion(source: file.source, hidesTracked: true) : nil }
                gitVerdict = (verdict, file.source)
            }
            node = current.parent
        }
        guard let gitVerdict, gitVerdict.ignored else { return nil }
        return IgnoreExclusion(source: gitVerdict.source, hidesTracked: false)
    }
}

/// The ignore file that leaves out a path, and whether it hides files git tracks (only `.scanignore` does).
struct IgnoreExclusion: Equatable {
    let source: String
    let hidesTracked: Bool
}
