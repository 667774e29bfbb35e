import Foundation
import PreflightCore
import PreflightReport

/// Reading a JSON report written earlier (`--compare`, `scan compare`).
enum ReportFile {
    /// The report at `path`, or exit 2 saying why it cannot be used.
    static func load(_ path: String) throws -> Report {
        let data: Data
        switch RegularFile.read(path, limit: 4 * RegularFile.dataFileLimit, followingLinks: true) {
        case .success(let bytes): data = Data(bytes)
        case .failure(let failure):
            Console.error("error: cannot read \(path): \(failure)")
            throw ExitStatus.usageError.exitCode
        }
        do {
            let report = try JSONDecoder().decode(Report.self, from: data)
            guard report.version == Report.contractVersion else {
                Console.error("error: \(path) is a version \(report.version) report; this scan reads version \(Report.contractVersion)")
                throw ExitStatus.usageError.exitCode
            }
            return report
        } catch let error as DecodingError {
            Console.error("error: \(path) is not a JSON report of scan (\(describe(error)))")
            throw ExitStatus.usageError.exitCode
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected value at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "invalid value at \(path(context.codingPath))"
        @unknown default:
            return "unreadable"
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
    }
}
