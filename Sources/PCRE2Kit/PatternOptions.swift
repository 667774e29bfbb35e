import CPCRE2

/// Compile options for a `Pattern`.
public struct PatternOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Letters match in either case (ASCII).
    public static let caseless = PatternOptions(rawValue: PCRE2_CASELESS)
    /// `^` and `$` match at line starts and ends, not only at the ends of the buffer.
    public static let multiline = PatternOptions(rawValue: PCRE2_MULTILINE)
    /// `.` also matches line breaks.
    public static let dotAll = PatternOptions(rawValue: PCRE2_DOTALL)
    /// White space and `#` comments in the pattern are ignored.
    public static let extended = PatternOptions(rawValue: PCRE2_EXTENDED)
}
