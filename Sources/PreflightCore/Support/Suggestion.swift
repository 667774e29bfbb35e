/// "Did you mean" suggestions for misspelt names.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, when it is close enough to be a likely typo, or the only
    /// candidate that a word of three or more characters begins (`validate:prod`, `dev`).
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        if best.1 <= max(2, word.count / 3) { return best.0 }
        let extended = candidates.filter { $0.hasPrefix(word) }
        return word.count >= 3 && extended.count == 1 ? extended[0] : nil
    }

    /// ` (did you mean 'x'?)` for a suggestion, nothing without one: the end of an error message.
    public static func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where j <= b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
