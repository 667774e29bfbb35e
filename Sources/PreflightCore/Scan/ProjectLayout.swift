import Foundation

/// What a project's packaging metadata says about its top-level tool folders. A file in `tools/`, `devtools/`,
/// `dev/` or `hack/` at the scan root is the developers' own tooling (seed generators, release helpers), in the
/// `development` context, unless the package ships it as a command: `script-files` in pyproject.toml, `scripts`
/// in setup.py or setup.cfg, `bin` in package.json. Those stay production code.
enum ProjectLayout {
    /// The top-level folders that hold developer tooling.
    static let toolFolders = ["tools", "devtools", "dev", "hack"]

    /// Context patterns for the scan root at `root`: the shipped scripts first (production), then the tool folders
    /// (development). Empty when the root has no tool folder.
    static func contextPatterns(root: String) -> [(context: FindingContext, glob: Glob)] {
        let manager = FileManager.default
        let folders = toolFolders.filter { name in
            var isDirectory: ObjCBool = false
            return manager.fileExists(atPath: (root as NSString).appendingPathComponent(name), isDirectory: &isDirectory) && isDirectory.boolValue
        }
        guard !folders.isEmpty else { return [] }
        let shipped = shippedScripts(root: root).filter { path in folders.contains { path.hasPrefix($0 + "/") } }
        return shipped.compactMap { Glob("/" + $0).map { (.production, $0) } }
            + folders.compactMap { Glob("/" + $0 + "/").map { (.development, $0) } }
    }

    /// The files the packaging metadata at `root` installs as commands, relative to `root`.
    static func shippedScripts(root: String) -> [String] {
        func read(_ name: String) -> String? {
            guard let data = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent(name)), data.count < 1 << 20 else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
        var paths: [String] = []
        if let text = read("pyproject.toml") { paths += quotedStrings(in: list(after: #"(?m)^\s*script-files\s*=\s*\["#, in: text)) }
        if let text = read("setup.py") { paths += quotedStrings(in: list(after: #"\bscripts\s*=\s*[\[(]"#, in: text)) }
        if let text = read("setup.cfg"), let range = text.range(of: #"(?m)^scripts\s*=[^\n]*(?:\n[ \t]+[^\n]+)*"#, options: .regularExpression) {
            paths += text[range].dropFirst("scripts".count).split(whereSeparator: { $0 == "\n" || $0 == "=" || $0 == " " || $0 == "\t" }).map(String.init)
        }
        if let text = read("package.json"),
           let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] {
            if let bin = json["bin"] as? String { paths.append(bin) }
            if let bins = json["bin"] as? [String: String] { paths += bins.values }
        }
        return paths.map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0 }
    }

    /// The text of the bracketed list that starts where `opening` (a regex ending at its bracket) matches.
    private static func list(after opening: String, in text: String) -> Substring {
        guard let start = text.range(of: opening, options: .regularExpression) else { return "" }
        let rest = text[start.upperBound...]
        return rest[..<(rest.firstIndex(where: { $0 == "]" || $0 == ")" }) ?? rest.endIndex)]
    }

    /// The contents of the single- or double-quoted strings in `text`.
    private static func quotedStrings(in text: Substring) -> [String] {
        var strings: [String] = []
        var quote: Character?
        var current = ""
        for character in text {
            if let open = quote {
                if character == open {
                    strings.append(current)
                    current = ""
                    quote = nil
                } else {
                    current.append(character)
                }
            } else if character == "\"" || character == "'" {
                quote = character
            }
        }
        return strings
    }
}
