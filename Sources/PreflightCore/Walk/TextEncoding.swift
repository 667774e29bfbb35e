/// Text that is not UTF-8 but says what it is: UTF-16 with a byte-order mark (as Windows tools write
/// `.reg`, `.ps1` or `.config` files). Such a file is transcoded to UTF-8 before the rules see it; without
/// this, its NUL bytes would make it look binary and it would be skipped.
enum TextEncoding {
    /// The UTF-8 form of `bytes` when they start with a UTF-16 byte-order mark (the mark dropped; unpaired
    /// surrogates become U+FFFD); nil for anything else.
    static func utf8FromUTF16(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard hasUTF16ByteOrderMark(bytes) else { return nil }
        let bigEndian = bytes[0] == 0xFE
        let unitCount = (bytes.count - 2) / 2
        var units: [UInt16] = []
        units.reserveCapacity(unitCount)
        for index in 0..<unitCount {
            let first = UInt16(bytes[2 + 2 * index]), second = UInt16(bytes[3 + 2 * index])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
        }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(unitCount + unitCount / 2)
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { utf8.append($0) }
        // A trailing odd byte cannot be a UTF-16 unit: it is dropped like an unpaired surrogate would be repaired.
        if bytes.count % 2 == 1 { utf8 += [0xEF, 0xBF, 0xBD] }
        return utf8
    }

    /// Whether `bytes` start with a UTF-16 byte-order mark, little- or big-endian.
    static func hasUTF16ByteOrderMark(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    }
}
