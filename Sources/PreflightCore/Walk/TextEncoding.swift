/// Text that is not UTF-8 but says what it is: UTF-16 with a byte-order mark (as Windows tools write
/// `.reg`, `.ps1` or `.config` files). Such a file is transcoded to UTF-8 before the rules see it; without
/// this, its NUL bytes would make it look binary and it would be skipped.
enum TextEncoding {
    /// The UTF-8 form of `bytes` when they start with a UTF-16 byte-order mark (the mark dropped; unpaired
    /// surrogates become U+FFFD); nil for anything else.
    static func utf8FromUTF16(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard bytes.count >= 2 else { return nil }
        let bigEndian: Bool
        switch (bytes[0], bytes[1]) {
        case (0xFF, 0xFE): bigEndian = false
        case (0xFE, 0xFF): bigEndian = true
        default: return nil
        }
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
}
