import PreflightCore

/// Lexes the content with the lexer of the language its file name selects (when it selects none, the name's
/// length picks one) and checks that the region map covers the file in increasing, non-empty runs.
enum LexerTarget {
    static func run(_ data: [UInt8]) {
        let (name, content) = splitHeader(data)
        let language = Language.of(fileName: name) ?? Language.names[name.utf8.count % Language.names.count]
        content.withUnsafeBytes { buffer in
            if let map = RegionMap(lexing: buffer, language: language) {
                check(map, length: buffer.count, language: language)
            }
        }
    }

    private static func check(_ map: RegionMap, length: Int, language: String) {
        require(map.starts.first == 0, "\(language): the first region does not start at 0")
        require(map.starts.count == map.kinds.count, "\(language): \(map.starts.count) starts for \(map.kinds.count) kinds")
        for index in map.starts.indices.dropFirst() {
            require(map.starts[index] > map.starts[index - 1], "\(language): region starts not increasing at \(index)")
            require(map.starts[index] <= length, "\(language): a region starts at \(map.starts[index]), past the end (\(length))")
            require(map.kinds[index] != map.kinds[index - 1], "\(language): two adjacent regions of the same kind at \(index)")
        }
    }
}
