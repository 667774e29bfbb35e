/// The lexical regions of one file: runs of code, comment and string, in byte offsets.
public struct RegionMap: Sendable, Equatable {
    /// Run starts in increasing order; each run lasts until the next one starts. The first starts at 0.
    public private(set) var starts: [Int] = [0]
    public private(set) var kinds: [RegionKind] = [.code]

    public init() {}

    /// The whole file as code: for languages without a lexer.
    public static let allCode = RegionMap()

    /// The regions the lexer of `language` (a name from `Language.names`) finds in `buffer`; nil for a language
    /// without a lexer.
    public init?(lexing buffer: UnsafeRawBufferPointer, language: String) {
        guard let syntax = LexerSyntax.forLanguage(language) else { return nil }
        self = Lexer(syntax: syntax).regions(of: buffer)
    }

    /// Marks everything from `offset` on as `kind` (until the next call).
    mutating func begin(_ kind: RegionKind, at offset: Int) {
        if kinds.last == kind { return }
        if starts.last == offset {
            starts.removeLast()
            kinds.removeLast()
            if kinds.last == kind { return }
            if starts.isEmpty {
                starts = [0]
                kinds = [kind]
                return
            }
        }
        starts.append(offset)
        kinds.append(kind)
    }

    /// The kind of the byte at `offset`.
    public func kind(at offset: Int) -> RegionKind {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return kinds[low]
    }

    /// The runs as (range, kind), for tests and debugging; `length` is the file's size.
    public func runs(length: Int) -> [(range: Range<Int>, kind: RegionKind)] {
        starts.indices.map { index in
            let end = index + 1 < starts.count ? starts[index + 1] : length
            return (starts[index]..<max(end, starts[index]), kinds[index])
        }
    }
}
