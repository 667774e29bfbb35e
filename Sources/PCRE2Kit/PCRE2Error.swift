import CPCRE2

/// An error reported by PCRE2: a pattern that does not compile, or a match that hit a limit.
public struct PCRE2Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// PCRE2's numeric error code.
    public let code: Int32
    /// PCRE2's own message for `code`.
    public let message: String
    /// For compile errors: the byte offset in the pattern where PCRE2 stopped.
    public let patternOffset: Int?

    init(code: Int32, patternOffset: Int? = nil) {
        self.code = code
        self.message = PCRE2Error.message(for: code)
        self.patternOffset = patternOffset
    }

    /// True when a match gave up because of the match limit, the depth limit or the JIT stack.
    public var isResourceLimit: Bool {
        code == PCRE2_ERROR_MATCHLIMIT || code == PCRE2_ERROR_DEPTHLIMIT
            || code == PCRE2_ERROR_JIT_STACKLIMIT || code == PCRE2_ERROR_HEAPLIMIT
    }

    public var description: String {
        if let patternOffset { return "\(message) at pattern offset \(patternOffset)" }
        return message
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer {
            pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
        }
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
