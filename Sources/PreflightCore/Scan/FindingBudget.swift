import Synchronization

/// The scan-wide count of findings against `--max-findings`, shared by the workers: once it is spent, the
/// remaining files are passed over and counted, and the report keeps the first findings in report order.
final class FindingBudget: Sendable {
    let limit: Int
    private let found = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    var isSpent: Bool { found.load(ordering: .relaxed) >= limit }

    func spend(_ count: Int) {
        if count > 0 { found.add(count, ordering: .relaxed) }
    }
}
