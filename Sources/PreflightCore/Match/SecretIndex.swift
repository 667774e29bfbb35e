/// The secrets a scan found, so that every occurrence of them is hidden in every finding's text, whichever file
/// the finding comes from: a key committed in `config.py` and quoted on a merge-marker line in the docs is redacted
/// in both. Only distinctive secrets are looked for in other text: 6 bytes or more of at least two kinds of
/// character (lower case, upper case, digits, other), or 16 bytes or more. A default such as `password`, `guest`
/// or `test` is hidden where a rule finds it, but masking the word in every other line would hide nothing that is
/// not public and make reports unreadable. Secrets under 8 bytes are hidden only as a whole word.
struct SecretIndex: Sendable {
    /// The secrets by their first four bytes, longest first.
    private let byPrefix: [UInt32: [[UInt8]]]

    static let anywhereLength = 8

    init<Secrets: Sequence>(_ secrets: Secrets) where Secrets.Element == String {
        var byPrefix: [UInt32: [[UInt8]]] = [:]
        for secret in Set(secrets) where Self.isDistinctive(secret) {
            let bytes = Array(secret.utf8)
            byPrefix[Self.key(bytes, 0), default: []].append(bytes)
        }
        self.byPrefix = byPrefix.mapValues { $0.sorted { $0.count > $1.count } }
    }

    /// Whether `secret` is specific enough to be looked for in any text.
    static func isDistinctive(_ secret: String) -> Bool {
        let length = secret.utf8.count
        if length >= 16 { return true }
        guard length >= 6 else { return false }
        let kinds = [
            secret.contains { $0.isLowercase }, secret.contains { $0.isUppercase }, secret.contains { $0.isNumber },
            secret.contains { !$0.isLetter && !$0.isNumber },
        ]
        return kinds.filter { $0 }.count >= 2
    }

    private static let minimumLength = 4

    var isEmpty: Bool { byPrefix.isEmpty }

    /// `text` with every occurrence of a secret replaced by its redacted form.
    func redacting(_ text: String) -> String {
        guard !byPrefix.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var copied = 0
        var index = 0
        while index + Self.minimumLength <= bytes.count {
            if let secret = match(in: bytes, at: index) {
                out += bytes[copied..<index]
                out += Array(Redaction.redact(String(decoding: secret, as: UTF8.self)).utf8)
                index += secret.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return text }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` holds an occurrence of a secret.
    func occurs(in text: String) -> Bool {
        guard !byPrefix.isEmpty else { return false }
        let bytes = Array(text.utf8)
        var index = 0
        while index + Self.minimumLength <= bytes.count {
            if match(in: bytes, at: index) != nil { return true }
            index += 1
        }
        return false
    }

    /// The longest secret that occurs at `index` (a short one only as a whole word).
    private func match(in bytes: [UInt8], at index: Int) -> [UInt8]? {
        guard let candidates = byPrefix[Self.key(bytes, index)] else { return nil }
        for secret in candidates where index + secret.count <= bytes.count && bytes[index..<(index + secret.count)].elementsEqual(secret) {
            if secret.count >= Self.anywhereLength { return secret }
            let before = index > 0 ? bytes[index - 1] : 0x20
            let after = index + secret.count < bytes.count ? bytes[index + secret.count] : 0x20
            if !Self.isWordByte(before) && !Self.isWordByte(after) { return secret }
        }
        return nil
    }

    private static func key(_ bytes: [UInt8], _ index: Int) -> UInt32 {
        UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte >= 0x80
    }
}
