import PreflightReport

/// The part of the SARIF 2.1.0 object model that the SARIF reporter writes, as Codable types named after the
/// specification's objects. Optional properties left nil are not written.
struct SARIFLog: Encodable {
    static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"

    let schema = SARIFLog.schemaURI
    let version = "2.1.0"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema", version, runs
    }

    struct Run: Encodable {
        var tool: Tool
        var automationDetails: AutomationDetails
        var originalUriBaseIds: [String: ArtifactLocation]
        var invocations: [Invocation]
        var columnKind = "utf16CodeUnits"
        var results: [Result]
        var properties: RunProperties?
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri: String?
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var help: MultiformatMessage
        var helpUri: String?
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct RuleProperties: Encodable {
        var tags: [String]
        var precision: String
        var securitySeverity: String?
        var pack: String

        enum CodingKeys: String, CodingKey {
            case tags, precision, securitySeverity = "security-severity", pack
        }
    }

    struct Message: Encodable {
        var text: String
    }

    struct MultiformatMessage: Encodable {
        var text: String
        var markdown: String
    }

    struct AutomationDetails: Encodable {
        var id: String
    }

    struct ArtifactLocation: Encodable {
        var uri: String?
        var uriBaseId: String?
        var description: Message?
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
        var locations: [Location]?
        var descriptor: ReportingDescriptorReference?
    }

    struct ReportingDescriptorReference: Encodable {
        var id: String
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [ResultSuppression]?
        var properties: ResultProperties
    }

    /// `inSource` for a suppression comment, `external` for a baseline entry; `accepted` either way.
    struct ResultSuppression: Encodable {
        var kind: String
        var status: String
        var justification: String?
    }

    struct ResultProperties: Encodable {
        var confidence: String
        var context: String
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
        var contextRegion: Region?
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
        var endLine: Int?
        var endColumn: Int?
        var snippet: ArtifactContent?
    }

    struct ArtifactContent: Encodable {
        var text: String
    }

    struct RunProperties: Encodable {
        var readiness: Readiness?
        /// The repository configuration that applied, and the built-in rules replaced.
        var configuration: Report.Configuration?
    }

    /// The readiness score, so that a SARIF consumer sees the gate's verdict too, and why it is not GO.
    struct Readiness: Encodable {
        var overall: Int
        var grade: String
        var verdict: String
        var threshold: Int
        var reasons: [String]?
    }
}
