/// The literals of which every match of a PCRE2 regex contains at least one (ASCII case-folded), read from the
/// regex's syntax: a prefilter that lets a pattern run only on files where one of them occurs. The analysis is
/// conservative: what it does not understand (classes, backreferences, non-ASCII text, lookarounds) counts as
/// "any text", so a regex it cannot bound gets no literals rather than wrong ones.
enum RequiredLiterals {
    /// The shortest literal worth a prefilter: shorter ones occur nearly everywhere.
    static let minimumLength = 3

    /// The literals (lower case, ASCII) one of which every match of `regex` compiled with `flags` (a rule's
    /// `regex-flags`) contains, or nil when the regex guarantees none of at least `minimumLength` bytes.
    static func of(_ regex: String, flags: [String] = []) -> [String]? {
        // Extended mode ignores white space and # comments in the pattern: its text is not its literals.
        guard !flags.contains("extended") else { return nil }
        var parser = Parser(Array(regex.utf8))
        guard let info = parser.parseAlternation(), parser.atEnd, let cover = info.bestCover,
              cover.allSatisfy({ $0.count >= minimumLength }) else { return nil }
        // A literal that holds another one adds nothing: a file with it holds the other too.
        let texts = cover.map { String(decoding: $0, as: UTF8.self) }
        return texts.filter { text in !texts.contains { $0 != text && text.contains($0) } }.sorted()
    }

    /// What is known about the strings a piece of a regex matches.
    struct Info {
        /// Every string the piece can match, when there are few (case-folded).
        var exact: Set<[UInt8]>?
        /// Strings of which every match of the piece contains one; nil: no guarantee.
        var cover: Set<[UInt8]>?

        static let empty = Info(exact: [[]], cover: nil)
        static let unknown = Info(exact: nil, cover: nil)

        /// The set of exact strings as a cover, when it does not hold the empty string.
        var exactCover: Set<[UInt8]>? { Self.cover(ofExact: exact) }

        /// `exact` as a cover: every match is one of its strings, so it holds one, unless one of them is empty.
        static func cover(ofExact exact: Set<[UInt8]>?) -> Set<[UInt8]>? {
            guard let exact, !exact.contains([]) else { return nil }
            return exact
        }

        /// The better of the cover and the exact strings.
        var bestCover: Set<[UInt8]>? { Self.better(cover, exactCover) }

        /// The cover whose shortest literal is longer (fewer literals on a tie).
        static func better(_ first: Set<[UInt8]>?, _ second: Set<[UInt8]>?) -> Set<[UInt8]>? {
            guard let first else { return second }
            guard let second else { return first }
            let a = first.map(\.count).min() ?? 0, b = second.map(\.count).min() ?? 0
            if a != b { return a > b ? first : second }
            return first.count <= second.count ? first : second
        }
    }

    /// The most exact strings kept for one piece before it counts as "many".
    static let exactLimit = 64
    /// The most literals in a cover made by alternation.
    static let coverLimit = 64

    static func concatenate(_ first: Info, _ second: Info) -> Info {
        var exact: Set<[UInt8]>?
        if let a = first.exact, let b = second.exact, a.count * b.count <= exactLimit {
            exact = Set(a.flatMap { left in b.map { left + $0 } })
        }
        let cover = Info.better(Info.better(first.bestCover, second.bestCover), Info.cover(ofExact: exact))
        return Info(exact: exact, cover: cover)
    }

    static func alternate(_ branches: [Info]) -> Info {
        var exact: Set<[UInt8]>? = []
        var cover: Set<[UInt8]>? = []
        for branch in branches {
            if let known = branch.exact, let sofar = exact, sofar.count + known.count <= exactLimit { exact = sofar.union(known) } else { exact = nil }
            if let known = branch.bestCover, let sofar = cover { cover = sofar.union(known) } else { cover = nil }
        }
        if let found = cover, found.count > coverLimit { cover = nil }
        return Info(exact: exact, cover: cover)
    }

    static func repeated(_ piece: Info, minimum: Int, maximum: Int?) -> Info {
        if minimum == 0 {
            guard maximum == 1, let exact = piece.exact else { return .unknown }
            return Info(exact: exact.union([[]]), cover: nil)
        }
        // Every match holds `minimum` matches of the piece in a row.
        var power: Set<[UInt8]>? = piece.exact
        if let exact = piece.exact {
            for _ in 1..<minimum {
                guard let sofar = power, sofar.count * exact.count <= exactLimit, (sofar.first?.count ?? 0) < 256 else { power = nil; break }
                power = Set(sofar.flatMap { left in exact.map { left + $0 } })
            }
        }
        return Info(exact: maximum == minimum ? power : nil, cover: Info.better(piece.bestCover, Info.cover(ofExact: power)))
    }

    /// A recursive-descent reader of PCRE2 syntax that computes `Info` as it goes.
    struct Parser {
        let bytes: [UInt8]
        var index = 0
        /// Set when the regex uses something that makes the analysis unsound (conditionals, extended mode).
        var unsupported = false

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count && !unsupported }

        private func peek(_ offset: Int = 0) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        /// The letters of PCRE2's inline options, and `-` and `^` that turn them off.
        private static let optionLetters = Set("imnsxJUX-^".utf8)

        private static func fold(_ byte: UInt8) -> UInt8 { (byte >= 65 && byte <= 90) ? byte + 32 : byte }

        private static func literal(_ byte: UInt8) -> Info {
            guard byte < 0x80 else { return .unknown }
            let folded: Set<[UInt8]> = [[fold(byte)]]
            return Info(exact: folded, cover: folded)
        }

        mutating func parseAlternation() -> Info? {
            var branches: [Info] = []
            while true {
                guard let branch = parseSequence() else { return nil }
                branches.append(branch)
                guard peek() == UInt8(ascii: "|") else { break }
                index += 1
            }
            return branches.count == 1 ? branches[0] : RequiredLiterals.alternate(branches)
        }

        /// A concatenation. Its pieces are joined into runs of exactly known text; a piece that is not known
        /// exactly (or too many strings) ends a run, and the best cover of all runs is the sequence's.
        private mutating func parseSequence() -> Info? {
            var run = Info.empty
            var cover: Set<[UInt8]>?
            var broken = false
            while let byte = peek(), byte != UInt8(ascii: "|"), byte != UInt8(ascii: ")") {
                guard var atom = parseAtom() else { return nil }
                if let (minimum, maximum) = parseQuantifier() { atom = RequiredLiterals.repeated(atom, minimum: minimum, maximum: maximum) }
                let joined = RequiredLiterals.concatenate(run, atom)
                if joined.exact != nil {
                    run = joined
                    continue
                }
                broken = true
                cover = Info.better(cover, run.bestCover)
                if atom.exact != nil {
                    run = atom
                } else {
                    cover = Info.better(cover, atom.bestCover)
                    run = .empty
                }
            }
            guard !unsupported else { return nil }
            return broken ? Info(exact: nil, cover: Info.better(cover, run.bestCover)) : run
        }

        /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy or possessive.
        private mutating func parseQuantifier() -> (Int, Int?)? {
            guard let byte = peek() else { return nil }
            var bounds: (Int, Int?)
            switch byte {
            case UInt8(ascii: "*"): bounds = (0, nil); index += 1
            case UInt8(ascii: "+"): bounds = (1, nil); index += 1
            case UInt8(ascii: "?"): bounds = (0, 1); index += 1
            case UInt8(ascii: "{"):
                guard let (range, length) = braces() else { return nil }
                bounds = range
                index += length
            default: return nil
            }
            if let next = peek(), next == UInt8(ascii: "?") || next == UInt8(ascii: "+") { index += 1 }
            return bounds
        }

        /// A `{n}`, `{n,}` or `{n,m}` quantifier at the current index and its length; nil: a literal brace.
        private func braces() -> ((Int, Int?), Int)? {
            var cursor = index + 1
            func number() -> Int? {
                let start = cursor
                while cursor < bytes.count, bytes[cursor] >= 48, bytes[cursor] <= 57 { cursor += 1 }
                return cursor > start ? Int(String(decoding: bytes[start..<cursor], as: UTF8.self)) : nil
            }
            guard let minimum = number() else { return nil }
            var maximum: Int? = minimum
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ",") {
                cursor += 1
                maximum = number()
            }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "}") else { return nil }
            return ((minimum, maximum), cursor + 1 - index)
        }

        private mutating func parseAtom() -> Info? {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "("): return parseGroup()
            case UInt8(ascii: "["): return parseClass()
            case UInt8(ascii: "\\"): return parseEscape()
            case UInt8(ascii: "."): index += 1; return .unknown
            case UInt8(ascii: "^"), UInt8(ascii: "$"): index += 1; return .empty
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"): return nil
            case UInt8(ascii: "{") where peek(1) == UInt8(ascii: ","):
                return nil  // {,n}: a quantifier for newer PCRE2 releases, a literal for older ones
            default: index += 1; return Self.literal(byte)
            }
        }

        private mutating func parseGroup() -> Info? {
            index += 1
            var lookaround = false
            if peek() == UInt8(ascii: "*") {
                // A verb: (*ACCEPT) ends a match early, so what follows it is not required.
                unsupported = true
                return nil
            }
            if peek() == UInt8(ascii: "?") {
                index += 1
                guard let kind = peek() else { return nil }
                switch kind {
                case UInt8(ascii: ":"), UInt8(ascii: "|"), UInt8(ascii: ">"):
                    index += 1
                case UInt8(ascii: "="), UInt8(ascii: "!"):
                    index += 1
                    lookaround = true
                case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "=") || peek(1) == UInt8(ascii: "!"):
                    index += 2
                    lookaround = true
                case UInt8(ascii: "<"), UInt8(ascii: "'"), UInt8(ascii: "P"):
                    if kind == UInt8(ascii: "P") {
                        index += 1
                        guard peek() == UInt8(ascii: "<") else { return nil }  // (?P=name) and (?P>name)
                    }
                    let close = peek() == UInt8(ascii: "'") ? UInt8(ascii: "'") : UInt8(ascii: ">")
                    while let byte = peek(), byte != close { index += 1 }
                    guard peek() != nil else { return nil }
                    index += 1
                case UInt8(ascii: "#"):
                    while let byte = peek(), byte != UInt8(ascii: ")") { index += 1 }
                    guard peek() != nil else { return nil }
                    index += 1
                    return .empty
                case UInt8(ascii: "("):
                    unsupported = true
                    return nil
                default:
                    // Inline options: (?i) (?-i) (?i:...); anything else (recursion, callouts) is not analysed.
                    let start = index
                    while let byte = peek(), Self.optionLetters.contains(byte) { index += 1 }
                    guard let end = peek(), end == UInt8(ascii: ")") || end == UInt8(ascii: ":") else { return nil }
                    let options = bytes[start..<index]
                    if options.prefix(while: { $0 != UInt8(ascii: "-") }).contains(UInt8(ascii: "x")) {
                        unsupported = true  // extended mode: white space and comments in the pattern
                        return nil
                    }
                    index += 1
                    if end == UInt8(ascii: ")") { return .empty }
                    guard end == UInt8(ascii: ":") else { return nil }
                }
            }
            guard let inner = parseAlternation(), peek() == UInt8(ascii: ")") else { return nil }
            index += 1
            return lookaround ? .empty : inner
        }

        private mutating func parseEscape() -> Info? {
            index += 1
            guard let byte = peek() else { return nil }
            index += 1
            switch byte {
            case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "A"), UInt8(ascii: "z"), UInt8(ascii: "Z"),
                 UInt8(ascii: "G"), UInt8(ascii: "K"), UInt8(ascii: "E"):
                return .empty
            case UInt8(ascii: "t"): return Self.literal(9)
            case UInt8(ascii: "n"): return Self.literal(10)
            case UInt8(ascii: "r"): return Self.literal(13)
            case UInt8(ascii: "f"): return Self.literal(12)
            case UInt8(ascii: "e"): return Self.literal(27)
            case UInt8(ascii: "a"): return Self.literal(7)
            case UInt8(ascii: "x"):
                guard let value = hexValue() else { return nil }
                return value < 0x80 ? Self.literal(UInt8(value)) : .unknown
            case UInt8(ascii: "Q"):
                var result = Info.empty
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "E") {
                        index += 2
                        break
                    }
                    result = RequiredLiterals.concatenate(result, Self.literal(bytes[index]))
                    index += 1
                }
                return result
            case UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "k"), UInt8(ascii: "g"):
                if peek() == UInt8(ascii: "{") || peek() == UInt8(ascii: "<") || peek() == UInt8(ascii: "'") {
                    let close: UInt8 = peek() == UInt8(ascii: "{") ? UInt8(ascii: "}") : peek() == UInt8(ascii: "<") ? UInt8(ascii: ">") : UInt8(ascii: "'")
                    while let next = peek(), next != close { index += 1 }
                    guard peek() != nil else { return nil }
                    index += 1
                } else if byte == UInt8(ascii: "g") {
                    while let next = peek(), (next >= 48 && next <= 57) || next == UInt8(ascii: "-") { index += 1 }
                } else {
                    index += 1
                }
                return .unknown
            case UInt8(ascii: "c"), UInt8(ascii: "o"):
                return nil
            default:
                if byte >= 48 && byte <= 57 { return .unknown }  // a backreference or an octal escape
                if (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) { return .unknown }  // \d \w \s \h \R \N ...
                return Self.literal(byte)
            }
        }

        /// The value of `\xhh` or `\x{h...}` after the `x`.
        private mutating func hexValue() -> Int? {
            var digits: [UInt8] = []
            if peek() == UInt8(ascii: "{") {
                index += 1
                while let byte = peek(), byte != UInt8(ascii: "}") { digits.append(byte); index += 1 }
                guard peek() != nil else { return nil }
                index += 1
            } else {
                while digits.count < 2, let byte = peek(), Self.isHex(byte) { digits.append(byte); index += 1 }
            }
            return Int(String(decoding: digits, as: UTF8.self), radix: 16) ?? 0
        }

        private static func isHex(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 70) || (byte >= 97 && byte <= 102)
        }

        /// A character class: the few characters it allows, or "any character" when it allows many.
        private mutating func parseClass() -> Info? {
            index += 1
            var negated = false
            if peek() == UInt8(ascii: "^") { negated = true; index += 1 }
            var members = Set<UInt8>()
            var many = false
            var first = true
            var previous: UInt8?
            while let byte = peek(), byte != UInt8(ascii: "]") || first {
                first = false
                index += 1
                var member: UInt8?
                if byte == UInt8(ascii: "[") && peek() == UInt8(ascii: ":") {
                    while let next = peek(), next != UInt8(ascii: "]") { index += 1 }
                    index += 1
                    many = true
                } else if byte == UInt8(ascii: "\\") {
                    guard let escaped = peek() else { return nil }
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "t"): member = 9
                    case UInt8(ascii: "n"): member = 10
                    case UInt8(ascii: "r"): member = 13
                    case UInt8(ascii: "x"):
                        guard let value = hexValue() else { return nil }
                        if value < 0x80 { member = UInt8(value) } else { many = true }
                    default:
                        if (escaped >= 65 && escaped <= 90) || (escaped >= 97 && escaped <= 122) || (escaped >= 48 && escaped <= 57) {
                            many = true
                            if escaped == UInt8(ascii: "p") || escaped == UInt8(ascii: "P") {
                                if peek() == UInt8(ascii: "{") { while let next = peek(), next != UInt8(ascii: "}") { index += 1 }; index += 1 } else { index += 1 }
                            }
                        } else {
                            member = escaped
                        }
                    }
                } else if byte == UInt8(ascii: "-"), let low = previous, let high = peek(), high != UInt8(ascii: "]") {
                    index += 1
                    var upper = high
                    if high == UInt8(ascii: "\\") {
                        guard let escaped = peek() else { return nil }
                        index += 1
                        upper = escaped
                    }
                    if upper < low || upper >= 0x80 || Int(upper) - Int(low) > 26 { many = true } else {
                        for value in low...upper { members.insert(Self.fold(value)) }
                    }
                    previous = nil
                    continue
                } else {
                    member = byte
                }
                if let member {
                    if member >= 0x80 { many = true } else { members.insert(Self.fold(member)) }
                }
                previous = member
            }
            guard peek() == UInt8(ascii: "]") else { return nil }
            index += 1
            if negated || many || members.count > 4 || members.isEmpty { return .unknown }
            let exact = Set(members.map { [$0] })
            return Info(exact: exact, cover: exact)
        }
    }
}
