/// The languages and file kinds that rules can name in `languages`, recognised by file name.
public enum Language {
    /// Each language: its name, the extensions (without dot) and the exact file names that mark it.
    static let table: [(name: String, extensions: [String], fileNames: [String])] = [
        ("python", ["py", "pyi", "pyw"], []),
        ("javascript", ["js", "mjs", "cjs", "jsx"], []),
        ("typescript", ["ts", "mts", "cts", "tsx"], []),
        ("go", ["go"], []),
        ("swift", ["swift"], []),
        ("ruby", ["rb", "rake", "gemspec"], ["Gemfile", "Rakefile"]),
        ("shell", ["sh", "bash", "zsh", "ksh"], [".bashrc", ".zshrc", ".profile"]),
        ("java", ["java"], []),
        ("kotlin", ["kt", "kts"], []),
        ("scala", ["scala", "sc"], []),
        ("csharp", ["cs"], []),
        ("php", ["php"], []),
        ("rust", ["rs"], []),
        ("c", ["c", "h"], []),
        ("cpp", ["cc", "cpp", "cxx", "hpp", "hh", "hxx"], []),
        ("yaml", ["yml", "yaml"], []),
        ("json", ["json", "jsonc"], []),
        ("toml", ["toml"], []),
        ("ini", ["ini", "cfg", "conf", "properties"], []),
        ("xml", ["xml", "plist", "config"], []),
        ("html", ["html", "htm"], []),
        ("markdown", ["md", "markdown", "rst"], []),
        ("sql", ["sql"], []),
        ("terraform", ["tf", "tfvars", "hcl"], []),
        ("dockerfile", ["dockerfile"], ["Dockerfile", "Containerfile"]),
        ("dotenv", ["env"], [".env"]),
    ]

    /// Every language name a rule may use.
    public static var names: [String] { table.map(\.name) }

    /// The language of a file, from its name (the last path component), or nil.
    public static func of(fileName: String) -> String? {
        if let entry = table.first(where: { $0.fileNames.contains(fileName) }) { return entry.name }
        if fileName.hasPrefix("Dockerfile.") || fileName.hasSuffix(".Dockerfile") { return "dockerfile" }
        if fileName.hasPrefix(".env.") { return "dotenv" }
        guard let dot = fileName.lastIndex(of: "."), dot != fileName.startIndex else { return nil }
        let ext = fileName[fileName.index(after: dot)...].lowercased()
        return table.first(where: { $0.extensions.contains(ext) })?.name
    }

    /// A file name that `of(fileName:)` maps to `language`, for examples that name no path.
    static func sampleFileName(for language: String) -> String? {
        guard let entry = table.first(where: { $0.name == language }) else { return nil }
        if let ext = entry.extensions.first { return "main.\(ext)" }
        return entry.fileNames.first
    }
}
