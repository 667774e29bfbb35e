/// A rule's regex as one line that grep-like tools read with `-f`: wrapped in a group that scopes its flags
/// (`(?i:...)`), so that nothing leaks into the next pattern when the lines are joined into one alternation, and
/// with named groups written `(?P<name>...)`, which both PCRE2 and Rust's regex crate accept.
public enum PatternExport {
    static let flagLetters = ["caseless": "i", "dotall": "s", "extended": "x"]

    public static func line(for rule: Rule) -> String {
        let flags = rule.regexFlags.compactMap { flagLetters[$0] }.joined()
        return "(?\(flags):\(portableNames(rule.regexSource)))"
    }

    /// `pattern` with each unescaped `(?<name>` outside a character class written `(?P<name>`.
    static func portableNames(_ pattern: String) -> String {
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
            } else if character == "(", index + 3 < characters.count, characters[index + 1] == "?", characters[index + 2] == "<",
                      characters[index + 3].isLetter || characters[index + 3] == "_" {
                result += "(?P<"
                index += 3
                continue
            }
            result.append(character)
            index += 1
        }
        return result
    }
}
