/// The start offset of every line of a buffer (a line ends at LF, CRLF or a lone CR), built on first use.
struct LineIndex {
    private(set) var starts: [Int] = [0]

    init(_ buffer: UnsafeRawBufferPointer) {
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if byte == 0x0A {
                starts.append(index + 1)
            } else if byte == 0x0D {
                if index + 1 < count && buffer[index + 1] == 0x0A { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
    }

    /// The 0-based line holding `offset`.
    func line(containing offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The position of byte `offset` in `buffer`, with its column in bytes, scalars and UTF-16 units.
    func position(of offset: Int, in buffer: UnsafeRawBufferPointer) -> TextPosition {
        let line = line(containing: offset)
        let start = starts[line]
        var characters = 0, utf16 = 0
        var index = start
        while index < offset {
            let byte = buffer[index]
            if byte & 0xC0 != 0x80 {
                characters += 1
                utf16 += byte >= 0xF0 ? 2 : 1
            }
            index += 1
        }
        return TextPosition(line: line + 1, byteColumn: offset - start + 1, characterColumn: characters + 1, utf16Column: utf16 + 1)
    }

    /// The byte range of 0-based `line`, without its line break.
    func range(ofLine line: Int, in buffer: UnsafeRawBufferPointer) -> Range<Int> {
        let start = starts[line]
        var end = line + 1 < starts.count ? starts[line + 1] : buffer.count
        while end > start && (buffer[end - 1] == 0x0A || buffer[end - 1] == 0x0D) { end -= 1 }
        return start..<end
    }
}
