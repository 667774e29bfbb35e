import Foundation

/// The rule files of the package's `Rules/` directory, embedded at build time.
public enum BuiltinRules {
    /// Each embedded rule file: its path as `Rules/<pack>/<file>` and its text.
    public static let files: [(path: String, text: String)] = embeddedRuleFiles.map { entry in
        let data = Data(base64Encoded: entry.base64) ?? Data()
        return (entry.path, String(decoding: data, as: UTF8.self))
    }
}
