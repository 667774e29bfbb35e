import Foundation
import PreflightReport

/// The JSON contract (docs/output.md): pretty-printed, keys sorted, so that output is byte-for-byte stable.
public struct JSONReporter: Reporter {
    public init() {}

    /// The encoder of every JSON the tool writes: pretty-printed, sorted keys, slashes unescaped.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public func render(_ report: Report) -> String {
        guard let data = try? Self.encoder().encode(report) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
