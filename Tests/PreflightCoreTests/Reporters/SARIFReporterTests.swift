import Foundation
import PreflightTestSupport
import Testing
@testable import PreflightCore
import PreflightReport
@testable import PreflightReporters

/// SARIF output: valid against the official schema, and shaped the way GitHub code scanning reads it.
@Suite struct SARIFReporterTests {
    static let schema: JSONSchema = {
        do { return try JSONSchema.sarif() } catch { fatalError("the SARIF schema does not load: \(error)") }
    }()

    func sarif(_ report: Report, limit: Int = SARIFReporter.resultLimit) throws -> JSONValue {
        try JSONValue.parse(Data(SARIFReporter(resultLimit: limit).render(report).utf8))
    }

    /// A report of one in-memory file scanned with every built-in rule.
    func report(_ text: String, path: String = "app/settings.py", redact: Bool = true) -> Report {
        let scanned = TestSupport.scanner(TestSupport.builtinRules, redact: redact).scan(text: text, path: path)
        let result = ScanResult(findings: scanned.findings, diagnostics: scanned.diagnostics, endpoints: scanned.endpoints,
                                filesScanned: 1, bytesScanned: text.utf8.count, skipped: [:], durationMilliseconds: 0)
        return Report(result: result, root: ".", rules: TestSupport.builtinRules.rules)
    }

    @Test func theFixtureAppsSARIFIsValidAgainstTheSchema() throws {
        let document = try sarif(ReporterGoldenTests.report())
        let errors = Self.schema.errors(in: document)
        #expect(errors.isEmpty, "\(errors.prefix(10))")
        #expect(document["runs"]?[0]?["results"]?.array?.isEmpty == false)
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let valid = try sarif(ReporterGoldenTests.report())
        #expect(Self.schema.errors(in: valid).isEmpty)
        func mutated(_ change: (inout [String: JSONValue]) -> Void) -> JSONValue {
            guard case .object(var log) = valid, case .array(var runs)? = log["runs"], case .object(var run) = runs[0] else { return .null }
            change(&run)
            runs[0] = .object(run)
            log["runs"] = .array(runs)
            return .object(log)
        }
        let broken: [(String, JSONValue)] = [
            ("no version", { guard case .object(var log) = valid else { return JSONValue.null }; log["version"] = nil; return .object(log) }()),
            ("unknown column kind", mutated { $0["columnKind"] = .string("bytes") }),
            ("a rule index below -1", mutated { run in
                guard case .array(var results)? = run["results"], case .object(var first) = results[0] else { return }
                first["ruleIndex"] = .number(-2)
                results[0] = .object(first)
                run["results"] = .array(results)
            }),
            ("a level SARIF does not know", mutated { run in
                guard case .array(var results)? = run["results"], case .object(var first) = results[0] else { return }
                first["level"] = .string("critical")
                results[0] = .object(first)
                run["results"] = .array(results)
            }),
            ("a tool without a driver", mutated { $0["tool"] = .object([:]) }),
        ]
        for (name, document) in broken {
            #expect(!Self.schema.errors(in: document).isEmpty, "\(name) should be invalid")
        }
    }

    @Test func theDriverListsEveryRuleThatRanWithWhatGitHubReads() throws {
        let document = try sarif(ReporterGoldenTests.report())
        let run = try #require(document["runs"]?[0])
        let driver = try #require(run["tool"]?["driver"])
        #expect(driver["name"]?.string == "preflight")
        #expect(driver["semanticVersion"]?.string == Preflight.version)
        #expect(driver["informationUri"]?.string == Preflight.informationURI)
        let rules = try #require(driver["rules"]?.array)
        #expect(rules.count == TestSupport.builtinRules.rules.count)
        #expect(Set(rules.compactMap { $0["id"]?.string }) == Set(TestSupport.builtinRules.rules.map(\.id)))
        for rule in rules {
            let id = rule["id"]?.string ?? "?"
            #expect(rule["shortDescription"]?["text"]?.string?.isEmpty == false, "\(id)")
            let full = try #require(rule["fullDescription"]?["text"]?.string, "\(id)")
            #expect(!full.isEmpty && full.count <= 1024, "\(id)")
            #expect(rule["help"]?["text"]?.string?.isEmpty == false, "\(id)")
            #expect(rule["help"]?["markdown"]?.string?.contains("How to fix") == true, "\(id)")
            #expect(["error", "warning", "note"].contains(rule["defaultConfiguration"]?["level"]?.string ?? ""), "\(id)")
            let tags = rule["properties"]?["tags"]?.array?.compactMap(\.string) ?? []
            #expect(tags.count <= 10, "\(id)")
            #expect(["very-high", "high", "medium", "low"].contains(rule["properties"]?["precision"]?.string ?? ""), "\(id)")
            let pack = rule["properties"]?["pack"]?.string ?? ""
            if ["dev-keys", "auth", "rate-limit", "security"].contains(pack) {
                #expect(tags.contains("security"), "\(id)")
                let severity = try #require(rule["properties"]?["security-severity"]?.string, "\(id)")
                #expect(Double(severity).map { (0.1...10).contains($0) } == true, "\(id)")
            } else if !tags.contains("security") {
                #expect(rule["properties"]?["security-severity"] == nil, "\(id)")
            }
            #expect(rule["helpUri"]?.string?.hasSuffix("/docs/rules/\(pack).md#\(id)") == true, "\(id)")
        }
        #expect(run["automationDetails"]?["id"]?.string?.hasSuffix("/") == true)
        #expect(run["columnKind"]?.string == "utf16CodeUnits")
        #expect(run["originalUriBaseIds"]?["%SRCROOT%"] != nil)
        #expect(run["invocations"]?[0]?["executionSuccessful"] == .bool(true))
    }

    @Test func eachResultHasOneRelativeLocationAMatchingRuleIndexAndBothFingerprints() throws {
        let document = try sarif(ReporterGoldenTests.report())
        let run = try #require(document["runs"]?[0])
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.array)
        for result in try #require(run["results"]?.array) {
            let ruleId = try #require(result["ruleId"]?.string)
            let index = try #require(result["ruleIndex"]?.number)
            #expect(rules[Int(index)]["id"]?.string == ruleId)
            let locations = try #require(result["locations"]?.array)
            #expect(locations.count == 1)
            let artifact = locations[0]["physicalLocation"]?["artifactLocation"]
            #expect(artifact?["uriBaseId"]?.string == "%SRCROOT%")
            #expect(artifact?["uri"]?.string?.hasPrefix("/") == false)
            let region = locations[0]["physicalLocation"]?["region"]
            for key in ["startLine", "startColumn", "endLine", "endColumn"] { #expect(region?[key]?.number != nil, "\(key)") }
            #expect(result["message"]?["text"]?.string?.isEmpty == false)
            #expect(result["partialFingerprints"]?["primaryLocationLineHash"]?.string?.contains(":") == true)
            #expect(result["partialFingerprints"]?[SARIFReporter.contentFingerprintKey]?.string?.count == 32)
        }
    }

    @Test func columnsCountUTF16CodeUnits() throws {
        // "😀" is one Unicode scalar but two UTF-16 code units: on line 2 the UTF-16 columns run one ahead.
        let devKey = TestSupport.devKey
        let report = report("KEY = os.getenv(\"API_KEY\", \"\(devKey)\")\nX = \"😀\" + os.getenv(\"API_KEY\", \"\(devKey)\")\n")
        let findings = report.findings.filter { $0.ruleId.hasPrefix("dev-keys") }
        let first = try #require(findings.first { $0.line == 1 })
        let second = try #require(findings.first { $0.line == 2 })
        #expect(first.utf16Column == first.column && first.utf16EndColumn == first.endColumn)
        #expect(second.utf16Column == second.column + 1 && second.utf16EndColumn == second.endColumn + 1)
        let results = try #require(try sarif(report)["runs"]?[0]?["results"]?.array)
        let region = try #require(results.first {
            $0["ruleId"]?.string == second.ruleId && $0["locations"]?[0]?["physicalLocation"]?["region"]?["startLine"]?.number == 2
        }?["locations"]?[0]?["physicalLocation"]?["region"])
        #expect(region["startColumn"]?.number == Double(second.column + 1))
        #expect(region["endColumn"]?.number == Double(second.endColumn + 1))
    }

    @Test func secretsAreRedacted() throws {
        let secret = "gh" + "p_" + "Zq8Xw2Lr5Tn7Kp3Vm9Bc4Hd6Jf1Gs0Ya2Qe"
        let text = "TOKEN = \"\(secret)\"\n"
        let redacted = SARIFReporter().render(report(text))
        #expect(redacted.contains("dev-keys-github-token") || redacted.contains("github"))
        #expect(!redacted.contains(secret))
        #expect(SARIFReporter().render(report(text, redact: false)).contains(secret))
    }

    @Test func resultsAboveTheLimitAreCutBySeverityWithANotification() throws {
        var report = ReporterGoldenTests.report()
        let severities = report.findings.map(\.severity)
        #expect(Set(severities).count >= 2, "the fixture needs findings of several severities")
        let limit = 3
        let document = try sarif(report, limit: limit)
        let run = try #require(document["runs"]?[0])
        let results = try #require(run["results"]?.array)
        #expect(results.count == limit)
        let order = ["critical", "high", "medium", "low", "info"]
        let kept = severities.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }.prefix(limit)
        let keptLevels = kept.map(SARIFReporter.level)
        #expect(results.compactMap { $0["level"]?.string }.sorted() == keptLevels.sorted())
        let notes = run["invocations"]?[0]?["toolExecutionNotifications"]?.array ?? []
        #expect(notes.contains { $0["message"]?["text"]?.string?.contains("only the \(limit) most severe") == true })
        #expect(Self.schema.errors(in: document).isEmpty)
        report.findings = []
        #expect(try sarif(report)["runs"]?[0]?["results"]?.array?.isEmpty == true)
    }

    @Test func pathsArePercentEncodedURIReferences() {
        #expect(SARIFReporter.artifact("src/my file.py").uri == "src/my%20file.py")
        #expect(SARIFReporter.artifact("docs/café#1.md").uri == "docs/caf%C3%A9%231.md")
        #expect(SARIFReporter.artifact("/abs/x.py").uri == "file:///abs/x.py")
        #expect(SARIFReporter.artifact("/abs/x.py").uriBaseId == nil)
    }

    @Test func theCategoryNamesTheSelectedPacks() throws {
        var report = ReporterGoldenTests.report()
        #expect(try sarif(report)["runs"]?[0]?["automationDetails"]?["id"]?.string == "preflight/")
        report.packsSelected = ["dev-keys", "merge-markers"]
        #expect(try sarif(report)["runs"]?[0]?["automationDetails"]?["id"]?.string == "preflight/dev-keys+merge-markers/")
    }
}
