import Foundation

/// The text of one rule file and the name it is reported under.
public struct RuleSource: Sendable {
    /// The path used in errors and listings (`Rules/dev-keys/x.yml` for built-in rules).
    public let name: String
    public let text: String
    public let isBuiltin: Bool

    public init(name: String, text: String, isBuiltin: Bool) {
        self.name = name
        self.text = text
        self.isBuiltin = isBuiltin
    }

    /// The folder of a rule directory that holds annotated fixtures, not rules.
    public static let fixturesFolder = "fixtures"

    /// Every `.yml`/`.yaml` file under `directory`, sorted by path (`fixtures` folders are left out), and an error
    /// for each file that cannot be read as UTF-8, so that those are reported with the errors of the others.
    public static func files(inDirectory directory: String) -> (sources: [RuleSource], errors: [RuleError]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ([], [RuleError(file: directory, line: 1, column: 1, ruleId: nil, message: "rule directory does not exist")])
        }
        let root = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            return ([], [RuleError(file: directory, line: 1, column: 1, ruleId: nil, message: "cannot read rule directory")])
        }
        var paths: [String] = []
        for case let url as URL in walker {
            if url.lastPathComponent == fixturesFolder && url.hasDirectoryPath {
                walker.skipDescendants()
            } else if ["yml", "yaml"].contains(url.pathExtension) {
                paths.append(url.path)
            }
        }
        var sources: [RuleSource] = []
        var errors: [RuleError] = []
        for path in paths.sorted() {
            let name = Self.displayName(path, under: directory)
            let data: [UInt8]
            switch RegularFile.read(path, limit: RegularFile.dataFileLimit, followingLinks: true) {
            case .success(let bytes): data = bytes
            case .failure(let failure):
                errors.append(RuleError(file: name, line: 1, column: 1, ruleId: nil, message: "cannot read rule file: \(failure)"))
                continue
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                errors.append(RuleError(file: name, line: 1, column: 1, ruleId: nil, message: "rule file is not UTF-8"))
                continue
            }
            sources.append(RuleSource(name: name, text: text, isBuiltin: false))
        }
        return (sources, errors)
    }

    /// `directory/relative`, as the user wrote `directory`.
    private static func displayName(_ path: String, under directory: String) -> String {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        guard full.hasPrefix(root + "/") else { return path }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return base + "/" + full.dropFirst(root.count + 1)
    }
}
