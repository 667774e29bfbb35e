import Foundation
import PreflightReport

/// The JSON contract (docs/output.md): pretty-printed, keys sorted, so that output is byte-for-byte stable.
public struct JSONReporter: Reporter {
    public init() {}

    public func render(_ report: Report) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
