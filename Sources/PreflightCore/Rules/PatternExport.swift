/// A rule's regex as one line that grep-like tools read with `-f` and join into one alternation: wrapped in a
/// group that scopes its flags (`(?i:...)`), so that nothing leaks into the next pattern. For PCRE2 (`rg -P`) the
/// group also allows duplicate group names (`J`), since several rules name a group `name` or `q`; Rust's regex
/// crate (ripgrep's default engine) has no such option and no backreferences, so there named groups become
/// plain groups.
public enum PatternExport {
    /// The engine that will read the lines.
    public enum Syntax: String, Sendable, CaseIterable {
        case pcre2, rust
    }

    static let flagLetters = ["caseless": "i", "dotall": "s", "extended": "x"]

    public static func line(for rule: Rule, syntax: Syntax = .pcre2) -> String {
        let flags = rule.regexFlags.compactMap { flagLetters[$0] }.joined()
        switch syntax {
        case .pcre2: return "(?J\(flags):\(rewritingNames(rule.regexSource, as: "(?P<")))"
        case .rust: return "(?\(flags):\(rewritingNames(rule.regexSource, as: nil)))"
        }
    }

    /// `pattern` with each unescaped `(?<name>` or `(?P<name>` outside a character class written with `prefix`
    /// (`(?P<`), or made a plain group when `prefix` is nil.
    static func rewritingNames(_ pattern: String, as prefix: String?) -> String {
        let characters = Array(pattern)
        var result = ""
        var index = 0
        var inClass = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                result.append(character)
                result.append(characters[index + 1])
                index += 2
                continue
            }
            if inClass {
                if character == "]" { inClass = false }
            } else if character == "[" {
                inClass = true
                // A `]` right after `[` or `[^` is a literal.
                if index + 1 < characters.count, characters[index + 1] == "^" {
                    result += "[^"
                    index += 2
                    if index < characters.count, characters[index] == "]" { result.append("]"); index += 1 }
                    continue
                }
                if index + 1 < characters.count, characters[index + 1] == "]" {
                    result += "[]"
                    index += 2
                    continue
                }
            } else if character == "(", index + 3 < characters.count, characters[index + 1] == "?" {
                // `(?<name>` or `(?P<name>`; not a lookbehind `(?<=`, `(?<!`.
                let opener = characters[index + 2] == "P" ? 4 : 3
                if index + opener < characters.count, characters[index + opener - 1] == "<",
                   characters[index + opener].isLetter || characters[index + opener] == "_" {
                    if let prefix {
                        result += prefix
                        index += opener
                    } else {
                        result += "("
                        index += opener
                        while index < characters.count && characters[index] != ">" { index += 1 }
                        index += 1
                    }
                    continue
                }
            }
            result.append(character)
            index += 1
        }
        return result
    }
}
