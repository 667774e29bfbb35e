/// What a byte of source text is, lexically: code, a comment, the inside of a string literal, or a docstring (a
/// Python string that opens a module or follows a `def` or `class` header: documentation, even when it shows
/// code or a sample value).
public enum RegionKind: String, Sendable, CaseIterable, Codable {
    case code, comment, string, docstring
}
