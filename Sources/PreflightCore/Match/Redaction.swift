/// How secrets are hidden in every output: at most the first four characters, then a fixed mask.
public enum Redaction {
    /// The mask that replaces the hidden part (fixed, so the secret's length is not shown either).
    public static let mask = "****"

    /// `secret` with all but a short prefix hidden: a quarter of its characters, at most four.
    public static func redact(_ secret: String) -> String {
        let shown = min(4, secret.count / 4)
        return String(secret.prefix(shown)) + mask
    }

    /// A value read from a file, as error messages may show it: names (a pack, a rule id, a key, a severity) as
    /// they are, anything that could be a secret (`fail-on: ghp_...`) redacted. A name is at most 80 characters of
    /// lower-case words joined by `-`, `_`, `.` or `:`, mostly letters (any mix up to 6 characters); control
    /// characters are never shown.
    public static func shown(_ value: String) -> String {
        let words = value.split(omittingEmptySubsequences: false, whereSeparator: { "-_.:".contains($0) })
        let digits = value.filter(\.isNumber).count
        let isName = !value.isEmpty && value.count <= 80 && (digits * 5 <= value.count || value.count <= 6)
            && words.allSatisfy { word in !word.isEmpty && word.count <= 16 && word.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } }
        return isName ? value : redact(String(value.unicodeScalars.filter { $0.properties.generalCategory != .control }.map(Character.init)))
    }
}
