/// A sample a rule must or must not match, shipped in the rule file and run by the test suite.
///
/// In `code`, each `↓` marks the exact start of an expected finding; the markers are removed before scanning.
public struct RuleExample: Sendable {
    /// The marker that points at an expected finding.
    public static let marker: Character = "↓"
    /// A joint that the tests remove, so that fake tokens in the repository are split and do not look live.
    public static let joint = "~join~"

    public let code: String
    /// The path the sample pretends to have, for rules scoped by path or language.
    public let path: String?
    public let expectsMatch: Bool
    public let origin: RuleSpec.Origin

    public init(code: String, path: String?, expectsMatch: Bool, origin: RuleSpec.Origin) {
        self.code = code
        self.path = path
        self.expectsMatch = expectsMatch
        self.origin = origin
    }

    /// The sample as it is scanned: joints and markers removed.
    public var text: String {
        String(code.replacingOccurrences(of: Self.joint, with: "").filter { $0 != Self.marker })
    }

    /// The byte offsets (in `text`) of the `↓` markers.
    public var markedOffsets: [Int] {
        var offsets: [Int] = []
        var offset = 0
        let joined = code.replacingOccurrences(of: Self.joint, with: "")
        for character in joined {
            if character == Self.marker {
                offsets.append(offset)
            } else {
                offset += character.utf8.count
            }
        }
        return offsets
    }
}
