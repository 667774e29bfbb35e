import ArgumentParser

/// A size in bytes written as `1048576`, `512K`, `10M` or `1G` (powers of 1024).
struct ByteSize: ExpressibleByArgument {
    let bytes: Int

    init?(argument: String) {
        let multipliers: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var text = argument.uppercased()
        if text.hasSuffix("B") && text.count > 1 && multipliers[text.dropLast().last ?? " "] != nil { text.removeLast() }
        var multiplier = 1
        if let last = text.last, let value = multipliers[last] {
            multiplier = value
            text.removeLast()
        }
        guard let number = Int(text), number > 0 else { return nil }
        let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { return nil }
        bytes = product
    }

    /// The size as written: `10M`, `512K`, `1000`.
    var defaultValueDescription: String {
        for (suffix, size) in [("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)] where bytes % size == 0 { return "\(bytes / size)\(suffix)" }
        return String(bytes)
    }
}
