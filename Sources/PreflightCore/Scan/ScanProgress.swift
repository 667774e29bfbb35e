import Synchronization

/// Counters a running scan updates after each file, for a live progress display. Lock-free; read at any time.
public final class ScanProgress: Sendable {
    private let files = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)
    private let findings = Atomic<Int>(0)

    public init() {}

    /// Counts one file checked by the rules.
    func record(bytes count: Int, findings found: Int) {
        files.add(1, ordering: .relaxed)
        bytes.add(count, ordering: .relaxed)
        if found > 0 { findings.add(found, ordering: .relaxed) }
    }

    /// Files, bytes and findings so far.
    public var snapshot: (files: Int, bytes: Int, findings: Int) {
        (files.load(ordering: .relaxed), bytes.load(ordering: .relaxed), findings.load(ordering: .relaxed))
    }
}
