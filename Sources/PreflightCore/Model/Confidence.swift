/// How sure a rule is that a match is a real problem.
public enum Confidence: String, CaseIterable, Sendable, Codable {
    case high, medium, low
}
