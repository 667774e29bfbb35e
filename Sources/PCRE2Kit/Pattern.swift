import CPCRE2
import Synchronization

/// A compiled PCRE2 pattern (8-bit code units, byte oriented, JIT-compiled when the platform allows).
///
/// A `Pattern` may be shared across threads; each thread matches with its own `MatchScratch`. Offsets are
/// byte offsets into the subject. JIT compilation happens on the first match, once, so that loading many
/// patterns of which a short scan uses few stays cheap.
public final class Pattern: @unchecked Sendable {
    private let code: OpaquePointer
    /// The pattern text as given.
    public let source: String
    /// The number of capturing groups (group 0, the whole match, not counted).
    public let captureCount: Int
    /// Named groups and their numbers.
    public let groupNumbers: [String: Int]
    /// Whether JIT compilation succeeded (matching falls back to the interpreter otherwise); compiles if needed.
    public var isJITCompiled: Bool {
        compileJITOnce()
        return jit.load(ordering: .acquiring) == JITState.compiled
    }

    private enum JITState {
        static let pending = 0, compiled = 1, unavailable = 2
    }
    private let jit = Atomic<Int>(JITState.pending)
    private let jitLock = Mutex<Void>(())

    /// Compiles `source`. Line breaks are CR, LF or CRLF for `^`, `$` and `.`.
    public init(_ source: String, options: PatternOptions = []) throws(PCRE2Error) {
        self.source = source
        let context = pcre2_compile_context_create_8(nil)
        defer { pcre2_compile_context_free_8(context) }
        pcre2_set_newline_8(context, UInt32(PCRE2_NEWLINE_ANYCRLF))
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let bytes = Array(source.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options.rawValue, &errorCode, &errorOffset, context)
        }
        guard let compiled else { throw PCRE2Error(code: errorCode, patternOffset: errorOffset) }
        code = compiled
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        groupNumbers = Pattern.readNameTable(compiled)
    }

    deinit { pcre2_code_free_8(code) }

    /// JIT-compiles the pattern unless that was done (or failed) before; a thread that finds another one
    /// compiling waits for it, since PCRE2 must not compile and match the same code at once.
    private func compileJITOnce() {
        guard jit.load(ordering: .acquiring) == JITState.pending else { return }
        jitLock.withLock { _ in
            guard jit.load(ordering: .relaxed) == JITState.pending else { return }
            let state = pcre2_jit_compile_8(code, PCRE2_JIT_COMPLETE) == 0 ? JITState.compiled : JITState.unavailable
            jit.store(state, ordering: .releasing)
        }
    }

    /// Finds the first match in `subject` at or after byte `start`.
    /// Returns false when there is none; the match's groups are then read from `scratch`.
    /// Throws when a match or depth limit stops the search.
    public func firstMatch(in subject: UnsafeRawBufferPointer, from start: Int, scratch: MatchScratch) throws(PCRE2Error) -> Bool {
        precondition(captureCount < scratch.capacity, "MatchScratch has room for fewer groups than the pattern has")
        compileJITOnce()
        let base = subject.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let empty: UInt8 = 0
        let result = withUnsafePointer(to: empty) { fallback in
            pcre2_match_8(code, base ?? fallback, subject.count, start, 0, scratch.matchData, scratch.context)
        }
        if result >= 0 { return true }
        if result == PCRE2_ERROR_NOMATCH { return false }
        throw PCRE2Error(code: result)
    }

    private static func readNameTable(_ code: OpaquePointer) -> [String: Int] {
        var nameCount: UInt32 = 0
        var entrySize: UInt32 = 0
        var table: UnsafePointer<UInt8>? = nil
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &nameCount)
        guard nameCount > 0 else { return [:] }
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [:] }
        var names: [String: Int] = [:]
        for index in 0..<Int(nameCount) {
            let entry = table + index * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            let name = String(cString: entry + 2)
            names[name] = number
        }
        return names
    }
}
