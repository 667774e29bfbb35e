import PreflightBuiltinRules
import PreflightCore

/// Scans `CONTENT` as the file `PATH` with every built-in rule and checks that each finding lies inside the file.
enum FileScanTarget {
    /// Built once: loading and compiling the rules is not what this target tests.
    static let engine: ScanEngine = {
        let sources = BuiltinRules.files.map { RuleSource(name: $0.path, text: $0.text, isBuiltin: true) }
        guard let ruleSet = try? RuleSet.load(sources) else { preconditionFailure("the built-in rules do not load") }
        return ScanEngine(catalog: RuleCatalog(ruleSet), options: ScanOptions(walk: WalkOptions(jobs: 1)))
    }()

    static func run(_ data: [UInt8]) {
        let (header, content) = splitHeader(data)
        let path = header.isEmpty ? "app/main.py" : header
        let result = engine.scan(bytes: content, path: path)
        let lineCount = lines(in: content)
        for finding in result.findings {
            let region = finding.region
            require(region.start.line >= 1 && region.end.line <= lineCount, "\(finding.ruleId): lines \(region.start.line)-\(region.end.line) in a \(lineCount)-line file")
            require((region.start.line, region.start.byteColumn) <= (region.end.line, region.end.byteColumn), "\(finding.ruleId): the finding ends before it starts")
            require(region.start.byteColumn >= 1, "\(finding.ruleId): column \(region.start.byteColumn)")
        }
        for endpoint in result.endpoints {
            require(endpoint.line >= 1 && endpoint.line <= lineCount, "endpoint at line \(endpoint.line) in a \(lineCount)-line file")
        }
    }

    /// Lines end at LF, CRLF or a lone CR, as the scanner counts them.
    static func lines(in content: [UInt8]) -> Int {
        var count = 1
        for (index, byte) in content.enumerated() where byte == 0x0A || (byte == 0x0D && (index + 1 == content.count || content[index + 1] != 0x0A)) {
            count += 1
        }
        return count
    }
}
