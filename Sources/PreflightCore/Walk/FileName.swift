/// File names that are not valid UTF-8, carried through a scan as Swift strings without losing a byte.
///
/// Each byte of a name that is not part of a valid UTF-8 sequence becomes one private-use scalar,
/// U+10FF00 + byte, so that the walker can open the file again and reporters can show the name faithfully
/// (`bytes(of:)`). Names that are valid UTF-8 are unchanged.
public enum FileName {
    static let escapeBase: UInt32 = 0x10FF00

    /// The name or path given by raw bytes (as from `readdir`).
    public static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        // The parser gives an invalid sequence's length only, so the bytes are followed alongside to escape each.
        var rest = Array(bytes)[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                scalars.append(Unicode.UTF8.decode(encoded))
                rest = rest.dropFirst(encoded.count)
            case .error(let length):
                for byte in rest.prefix(length) { scalars.append(Unicode.Scalar(escapeBase + UInt32(byte))!) }
                rest = rest.dropFirst(length)
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    /// Whether `path` holds bytes that are not UTF-8.
    public static func hasRawBytes(_ path: String) -> Bool {
        // Escape scalars are the only ones encoded with the lead byte F4 followed by 8F BC-BF.
        path.utf8.contains(0xF4) && path.unicodeScalars.contains { $0.value >= escapeBase && $0.value <= escapeBase + 0xFF }
    }

    /// The exact bytes of a path built from decoded names.
    public static func bytes(of path: String) -> [UInt8] {
        guard hasRawBytes(path) else { return Array(path.utf8) }
        var bytes: [UInt8] = []
        for scalar in path.unicodeScalars {
            if scalar.value >= escapeBase && scalar.value <= escapeBase + 0xFF {
                bytes.append(UInt8(scalar.value - escapeBase))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        return bytes
    }

    /// The path for people to read: each byte that is not UTF-8 shown as U+FFFD.
    public static func readable(_ path: String) -> String {
        guard hasRawBytes(path) else { return path }
        return String(String.UnicodeScalarView(path.unicodeScalars.map {
            $0.value >= escapeBase && $0.value <= escapeBase + 0xFF ? "\u{FFFD}" : $0
        }))
    }

    /// Calls `body` with the path as the C string the file system knows.
    static func withFileSystemPath<Result>(_ path: String, _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        guard hasRawBytes(path) else { return path.withCString(body) }
        let bytes = Self.bytes(of: path).map { CChar(bitPattern: $0) } + [0]
        return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
