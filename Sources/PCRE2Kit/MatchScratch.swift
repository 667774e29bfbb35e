import CPCRE2

/// Per-thread matching state: match data (the capture vector), a match context with limits and a JIT stack.
///
/// Not thread-safe: create one per thread and reuse it for every pattern and subject.
public final class MatchScratch {
    let matchData: OpaquePointer
    let context: OpaquePointer
    private let jitStack: OpaquePointer?
    /// How many groups (including group 0) the capture vector holds.
    public let capacity: Int

    /// - Parameters:
    ///   - capacity: capture pairs to hold; at least one more than the largest `captureCount` used.
    ///   - matchLimit: PCRE2's match limit (backtracking steps) for one match attempt.
    ///   - depthLimit: PCRE2's depth limit for one match attempt (interpreter only).
    public init(capacity: Int, matchLimit: UInt32 = 10_000_000, depthLimit: UInt32 = 100_000) {
        self.capacity = max(capacity, 1)
        matchData = pcre2_match_data_create_8(UInt32(self.capacity), nil)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
        jitStack = pcre2_jit_stack_create_8(32 * 1024, 4 * 1024 * 1024, nil)
        if let jitStack { pcre2_jit_stack_assign_8(context, nil, UnsafeMutableRawPointer(jitStack)) }
    }

    deinit {
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(context)
        pcre2_match_data_free_8(matchData)
    }

    /// The byte range of `group` in the last successful match, or nil when the group did not take part.
    public func range(ofGroup group: Int) -> Range<Int>? {
        guard group < capacity else { return nil }
        let vector = pcre2_get_ovector_pointer_8(matchData)!
        let start = vector[2 * group]
        let end = vector[2 * group + 1]
        // PCRE2_UNSET is all bits set, which size_t-as-Int reads as -1.
        if start < 0 || end < start { return nil }
        return start..<end
    }
}
