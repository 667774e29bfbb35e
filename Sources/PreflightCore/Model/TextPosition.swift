/// A 1-based position in a file, with the column counted in UTF-8 bytes, Unicode scalars and UTF-16 code units.
public struct TextPosition: Sendable, Hashable {
    public let line: Int
    public let byteColumn: Int
    public let characterColumn: Int
    public let utf16Column: Int

    public init(line: Int, byteColumn: Int, characterColumn: Int, utf16Column: Int) {
        self.line = line
        self.byteColumn = byteColumn
        self.characterColumn = characterColumn
        self.utf16Column = utf16Column
    }
}

/// The region of a finding: `end` is the position just after its last character.
public struct TextRegion: Sendable, Hashable {
    public let start: TextPosition
    public let end: TextPosition

    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }
}
