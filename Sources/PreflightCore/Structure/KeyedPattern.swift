import PCRE2Kit

/// A repository condition that names one of the match's captures, such as
/// `repo-lacks: '@{{router}}\.before_request...'`: a blueprint's guard registered in another file. Every file is
/// searched for the pattern with the placeholder standing for any name (`[\w$-]+`), and the names found are
/// collected. A name that the file binds itself (`bp = Blueprint(...)` at the start of a line) is that file's
/// own: it counts for matches in the same file only. A name the file takes from elsewhere (imported) counts for
/// every file, as a module that registers hooks on other modules' blueprints does; so does a name the pattern
/// finds at its assignment (`require_auth = ResourceProtector()`), a definition that other modules import.
struct KeyedPattern: Sendable {
    let source: String
    let pattern: Pattern
    /// The match's capture whose text is looked up among the names found.
    let capture: String

    /// The groups of `pattern` that hold the name found, one for each place the placeholder stands (alternatives
    /// of the regex may each name it).
    let groups: [Int]

    /// Nil when `source` has no placeholder; an error when it names more than one capture or does not compile.
    init?(_ source: String) throws(KeyedPatternError) {
        let template = MessageTemplate(source)
        let names = Set(template.captureNames)
        guard let capture = names.first else { return nil }
        guard names.count == 1 else { throw .severalCaptures }
        var text = ""
        var places = 0
        for part in template.parts {
            switch part {
            case .text(let literal): text += literal
            case .capture:
                text += "(?<key\(places)>[\\w$-]+)"
                places += 1
            }
        }
        do {
            pattern = try Pattern(text, options: .multiline)
        } catch {
            throw .regex(error)
        }
        let numbers = pattern.groupNumbers
        groups = (0..<places).compactMap { numbers["key\($0)"] }
        self.source = source
        self.capture = capture
    }

    /// The names that `pattern` finds in `buffer`, each with whether the file binds it and the offset of its
    /// first match.
    func names(in buffer: UnsafeRawBufferPointer, scratch: MatchScratch) -> [(name: String, bound: Bool, offset: Int)] {
        var found: [String: Int] = [:]
        // Names the pattern finds where they are assigned (`require_auth = ResourceProtector()`): the match is
        // the module's definition of the name, which other modules import, not a use of a name the file binds.
        var defined = Set<String>()
        var start = 0
        while start <= buffer.count, (try? pattern.firstMatch(in: buffer, from: start, scratch: scratch)) == true,
              let whole = scratch.range(ofGroup: 0) {
            // Matches may overlap: in a stack of decorators each names its own router, and a URLconf line names a
            // view after naming its module.
            if let range = groups.lazy.compactMap({ scratch.range(ofGroup: $0) }).first {
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[range]), as: UTF8.self)
                if found[name] == nil { found[name] = whole.lowerBound }
                if Self.isAssigned(range, in: buffer) { defined.insert(name) }
            }
            start = whole.lowerBound + 1
        }
        guard !found.isEmpty else { return [] }
        let bound = Self.assignedNames(in: buffer, scratch: scratch).subtracting(defined)
        return found.map { name, offset in (name, bound.contains(name), offset) }
    }

    /// Whether the name at `range` is the target of an assignment: only blanks before it on its line, and `=` (not
    /// `==`) after it, past blanks and a type annotation.
    private static func isAssigned(_ range: Range<Int>, in buffer: UnsafeRawBufferPointer) -> Bool {
        var before = range.lowerBound - 1
        while before >= 0, buffer[before] == UInt8(ascii: " ") || buffer[before] == UInt8(ascii: "\t") { before -= 1 }
        guard before < 0 || buffer[before] == UInt8(ascii: "\n") else { return false }
        var after = range.upperBound
        while after < buffer.count, buffer[after] == UInt8(ascii: " ") || buffer[after] == UInt8(ascii: "\t") { after += 1 }
        if after < buffer.count, buffer[after] == UInt8(ascii: ":") {
            while after < buffer.count, buffer[after] != UInt8(ascii: "="), buffer[after] != UInt8(ascii: "\n") { after += 1 }
        }
        guard after < buffer.count, buffer[after] == UInt8(ascii: "=") else { return false }
        return after + 1 >= buffer.count || buffer[after + 1] != UInt8(ascii: "=")
    }

    /// An assignment at the start of a line (`bp = Blueprint(...)`, `bp: Blueprint = ...`), the name in group 1.
    private static let assignment = try! Pattern("^[ \\t]*([\\w$-]+)[ \\t]*(?::[^=\\n]*)?=(?!=)", options: .multiline)

    /// The names the file assigns at the start of a line.
    private static func assignedNames(in buffer: UnsafeRawBufferPointer, scratch: MatchScratch) -> Set<String> {
        var names = Set<String>()
        var start = 0
        while start <= buffer.count, (try? assignment.firstMatch(in: buffer, from: start, scratch: scratch)) == true,
              let whole = scratch.range(ofGroup: 0), let name = scratch.range(ofGroup: 1) {
            names.insert(String(decoding: UnsafeRawBufferPointer(rebasing: buffer[name]), as: UTF8.self))
            start = max(whole.upperBound, whole.lowerBound + 1)
        }
        return names
    }
}

/// The names the keyed patterns found across the walk: those files took from elsewhere, and those files bound
/// themselves, by file; each with where it was first found.
struct KeyedNames: Sendable {
    var shared: [String: GuardSite] = [:]
    var local: [String: GuardSite] = [:]

    mutating func add(_ name: String, bound: Bool, at site: GuardSite) {
        if bound {
            let key = Self.key(site.path, name)
            local[key] = GuardSite.first(local[key], site)
        } else {
            shared[name] = GuardSite.first(shared[name], site)
        }
    }

    mutating func merge(_ other: KeyedNames) {
        shared.merge(other.shared) { min($0, $1) }
        local.merge(other.local) { min($0, $1) }
    }

    /// Where the name that covers a match in the file at `path` whose capture is `name` was found, or nil when
    /// nothing covers it.
    func site(covering name: String, in path: String) -> GuardSite? {
        GuardSite.first(shared[name], local[Self.key(path, name)])
    }

    private static func key(_ path: String, _ name: String) -> String { path + "\u{0}" + name }
}

/// Why a keyed repository condition cannot be compiled.
enum KeyedPatternError: Error {
    case severalCaptures
    case regex(PCRE2Error)
}
