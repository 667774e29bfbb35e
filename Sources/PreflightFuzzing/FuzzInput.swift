/// Reads structured values off fuzzer bytes, returning zeros and empty strings once they run out.
struct FuzzInput {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isExhausted: Bool { offset >= bytes.count }

    mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A number below `bound` (which must be positive).
    mutating func int(below bound: Int) -> Int {
        Int(UInt16(byte()) << 8 | UInt16(byte())) % bound
    }

    mutating func bool() -> Bool { byte() & 1 == 1 }

    /// One of `choices`.
    mutating func pick<T>(_ choices: [T]) -> T { choices[int(below: choices.count)] }

    /// A string of up to 255 bytes taken as UTF-8 (invalid sequences become U+FFFD), so any control character,
    /// quote, markup or newline can appear.
    mutating func string() -> String {
        let length = Int(byte())
        let end = min(bytes.count, offset + length)
        defer { offset = end }
        return String(decoding: bytes[min(offset, end)..<end], as: UTF8.self)
    }
}
