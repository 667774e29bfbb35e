/// Where a file sits in the project: production code, or one of the kinds of code that does not ship.
public enum FindingContext: String, Sendable, CaseIterable, Codable {
    case production, test, fixture, example, docs, vendor, generated, archive, development

    /// Whether findings here concern what is deployed.
    public var isProduction: Bool { self == .production }
}
