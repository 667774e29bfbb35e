/// What a byte of source text is, lexically: code, a comment, or the inside of a string literal.
public enum RegionKind: String, Sendable, CaseIterable, Codable {
    case code, comment, string
}
