/// The line hash GitHub code scanning uses to follow an alert across commits (SARIF `primaryLocationLineHash`).
///
/// The file is read as UTF-16 code units, as the upload action reads it. Spaces and tabs are dropped, and every
/// line break (`\r\n`, `\r` or `\n`) counts as one `\n`. A line's hash is a polynomial rolling hash, base 37 with
/// 64-bit wrap-around, of the 100 code units that follow the start of the line in that stream; the end of the file
/// is one code unit 0xFFFF followed by zeros. The hash is written in lower-case hexadecimal without leading zeros,
/// then `:N` where N counts how many earlier lines had the same hash, plus one. A file with a final line break has
/// one more (empty) line than it has line breaks.
public enum LineHash {
    static let blockSize = 100
    static let base: UInt64 = 37
    static let endOfFile: UInt64 = 0xFFFF

    /// The hash of each line in `lines` (1-based) of the UTF-8 `buffer`.
    public static func hashes(of buffer: UnsafeRawBufferPointer, lines wanted: Set<Int>) -> [Int: String] {
        var result: [Int: String] = [:]
        guard !wanted.isEmpty else { return result }
        var window = [UInt64](repeating: 0, count: blockSize)
        var lineAt = [Int](repeating: -1, count: blockSize)
        var firstPower: UInt64 = 1
        for _ in 0..<blockSize { firstPower &*= base }
        var hash: UInt64 = 0
        var index = 0
        var lineNumber = 0
        var atLineStart = true
        var previousWasCR = false
        var seen: [UInt64: Int] = [:]

        func emit() {
            let count = seen[hash, default: 0] + 1
            seen[hash] = count
            if wanted.contains(lineAt[index]) { result[lineAt[index]] = String(hash, radix: 16) + ":\(count)" }
            lineAt[index] = -1
        }
        func push(_ unit: UInt64) {
            hash = hash &* base &+ unit &- firstPower &* window[index]
            window[index] = unit
            index = (index + 1) % blockSize
        }
        func process(_ codeUnit: UInt64) {
            var unit = codeUnit
            if unit == 0x20 || unit == 0x09 || (previousWasCR && unit == 0x0A) {
                previousWasCR = false
                return
            }
            previousWasCR = unit == 0x0D
            if previousWasCR { unit = 0x0A }
            if lineAt[index] != -1 { emit() }
            if atLineStart {
                atLineStart = false
                lineNumber += 1
                lineAt[index] = lineNumber
            }
            if unit == 0x0A { atLineStart = true }
            push(unit)
        }

        for unit in String(decoding: buffer, as: UTF8.self).utf16 {
            process(UInt64(unit))
            // Later lines cannot change the hashes already emitted.
            if result.count == wanted.count { return result }
        }
        process(endOfFile)
        for _ in 0..<blockSize {
            if lineAt[index] != -1 { emit() }
            push(0)
        }
        return result
    }
}
