/// How secrets are hidden in every output: at most the first four characters, then a fixed mask.
public enum Redaction {
    /// The mask that replaces the hidden part (fixed, so the secret's length is not shown either).
    public static let mask = "****"

    /// `secret` with all but a short prefix hidden: a quarter of its characters, at most four.
    public static func redact(_ secret: String) -> String {
        let shown = min(4, secret.count / 4)
        return String(secret.prefix(shown)) + mask
    }
}
