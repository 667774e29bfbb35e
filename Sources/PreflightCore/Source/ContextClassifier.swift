/// Decides a file's `FindingContext` from its path and, for generated files, from a marker near its top.
enum ContextClassifier {
    /// Folder names that mark a context, checked from the most specific kind to the least.
    private static let folders: [(FindingContext, Set<String>)] = [
        (.vendor, ["vendor", "vendors", "node_modules", "third_party", "third-party", "thirdparty", "site-packages", "bower_components", "Pods", "Carthage"]),
        (.archive, ["archive", "archives", "archived"]),
        (.fixture, ["fixtures", "Fixtures", "fixture", "__fixtures__", "testdata", "test_data", "test-data", "__snapshots__", "snapshots"]),
        (.test, ["tests", "test", "Tests", "Test", "t", "__tests__", "spec", "specs", "e2e", "testing", "__mocks__"]),
        (.example, ["examples", "example", "samples", "sample", "demo", "demos", "docs_src"]),
        (.docs, ["docs", "doc", "documentation", "Documentation"]),
        (.generated, ["migrations", "generated", "__generated__", "gen", "dist", "staticfiles", "collected_static"]),
    ]

    /// The context of the file at `path` (relative, slash separated) whose first bytes are `head`.
    static func context(of path: String, head: UnsafeRawBufferPointer) -> FindingContext {
        let components = path.split(separator: "/")
        let directories = components.dropLast().map(String.init)
        let name = components.last.map(String.init) ?? path
        for (context, names) in folders where directories.contains(where: names.contains) { return context }
        // A plugin or package that demonstrates an API (`ckanext/example_idatastorebackend/`, `demo_app/`).
        if directories.contains(where: isExampleFolder) { return .example }
        if isTestFile(name) { return .test }
        if isDataFixture(name) { return .fixture }
        if isGenerated(head) || isBuilt(name, head) { return .generated }
        if name.hasSuffix(".example") || name.hasSuffix(".sample") || name.contains(".example.") { return .example }
        if [".md", ".rst", ".adoc", ".markdown"].contains(where: { name.lowercased().hasSuffix($0) }) { return .docs }
        if isTranslation(name, in: directories) { return .docs }
        if isDevelopmentFile(name, in: directories) { return .development }
        return .production
    }

    /// A folder named for an example: `example_theme`, `examples_basic`, `auth_example`, `demo_app`.
    static func isExampleFolder(_ name: String) -> Bool {
        let parts = name.lowercased().split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard parts.count > 1, let first = parts.first, let last = parts.last else { return false }
        return ["example", "examples", "demo"].contains(first) || ["example", "examples", "demo"].contains(last)
    }

    /// Translation catalogues: gettext files anywhere, and data files (JSON, YAML, properties, XLIFF) in a
    /// translations or locale folder. Their strings are text shown to people, like documentation; code that sits
    /// in such a folder (a loader module) keeps its context.
    static func isTranslation(_ name: String, in directories: [String]) -> Bool {
        let lower = name.lowercased()
        if [".po", ".pot", ".xlf", ".xliff"].contains(where: lower.hasSuffix) { return true }
        let folders: Set<String> = ["translations", "locale", "locales", "i18n", "lang", "LC_MESSAGES"]
        guard directories.contains(where: folders.contains) else { return false }
        return [".json", ".yml", ".yaml", ".properties", ".strings", ".toml"].contains(where: lower.hasSuffix)
    }

    /// Files for a developer's machine, by the names that tools and frameworks give them: a file name with a
    /// `dev`, `devel` or `development` part (`compose-dev.yml`, `docker-compose.dev.yml`, `.env.development`,
    /// `settings/dev.py`), local settings (`local_settings.py`, `settings_local.py`, `.env.local`,
    /// `settings/local.py`), Compose's override file (`docker-compose.override.yml`, merged in by `docker compose
    /// up` on a developer's machine) and dev containers (`.devcontainer/`). Their credentials are meant for that
    /// machine; what ships is the production configuration.
    static func isDevelopmentFile(_ name: String, in directories: [String]) -> Bool {
        if directories.contains(".devcontainer") { return true }
        let lower = name.lowercased()
        let parts = lower.split(whereSeparator: { $0 == "." || $0 == "-" || $0 == "_" }).map(String.init)
        if parts.contains(where: ["dev", "devel", "development"].contains) { return true }
        if parts.contains("override") && (parts.contains("compose") || lower.hasPrefix("docker-compose")) { return true }
        if lower.hasPrefix("local_settings") || lower.hasPrefix("settings_local") || lower.hasPrefix(".env.local") { return true }
        return parts.first == "local" && parts.count == 2 && directories.last.map { $0.lowercased().contains("settings") || $0.lowercased() == "config" } == true
    }

    /// A module that builds test, demo or sample data (`create_test_data.py`, `mock_data.py`, `seed_demo_data.js`):
    /// its values are fixtures.
    static func isDataFixture(_ name: String) -> Bool {
        let stem = name.lowercased().split(separator: ".").first.map(String.init) ?? name.lowercased()
        let kinds = ["test", "demo", "sample", "fake", "mock", "dummy", "seed"]
        return stem.contains("testdata") || kinds.contains { stem.contains($0 + "_data") }
    }

    /// `test_x.py`, `x_test.py`, `x_test.go`, `x.test.ts`, `x.spec.js`, `conftest.py`, Django's `tests.py`,
    /// `XTests.swift`.
    static func isTestFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        if lower == "conftest.py" || lower == "tests.py" { return true }
        if lower.hasPrefix("test_") && lower.hasSuffix(".py") { return true }
        let stem = lower.split(separator: ".").first.map(String.init) ?? lower
        if stem.hasSuffix("_test") || stem.hasSuffix("_spec") { return true }
        if lower.contains(".test.") || lower.contains(".spec.") { return true }
        return name.hasSuffix("Tests.swift") || name.hasSuffix("Test.java") || name.hasSuffix("Test.kt") || name.hasSuffix("Tests.cs")
    }

    /// Built front-end output, from its name (`*.min.js`, `*.bundle.js`, `*.chunk.css`, source maps) or its content:
    /// a JavaScript or CSS file that names its source map, or whose first 64 KiB hold a line of 1,000 characters or
    /// more (minified or bundled). Nobody edits it: its findings are those of the sources it was built from.
    static func isBuilt(_ name: String, _ content: UnsafeRawBufferPointer) -> Bool {
        let lower = name.lowercased()
        if lower.hasSuffix(".map") || [".min.", ".bundle.", ".chunk."].contains(where: lower.contains) { return true }
        guard [".js", ".mjs", ".cjs", ".css"].contains(where: lower.hasSuffix) else { return false }
        let tail = UnsafeRawBufferPointer(rebasing: content[max(0, content.count - 512)...])
        if contains(tail, "sourceMappingURL=") { return true }
        var lineStart = 0
        for index in 0..<min(content.count, 64 * 1024) where content[index] == 0x0A {
            if index - lineStart >= 1_000 { return true }
            lineStart = index + 1
        }
        return min(content.count, 64 * 1024) - lineStart >= 1_000
    }

    private static func contains(_ bytes: UnsafeRawBufferPointer, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { start in bytes[start..<(start + needle.count)].elementsEqual(needle) }
    }

    /// Markers that code generators write near the top of their output (lower case): "Code generated ... DO NOT
    /// EDIT", "@generated", "auto-generated", "automatically generated", "Generated by".
    private static let generatedMarkers: [[UInt8]] = [
        "code generated", "do not edit", "@generated", "auto-generated", "autogenerated", "automatically generated", "generated by",
    ].map { Array($0.utf8) }

    /// Whether the first bytes of a file carry a generator's marker (ASCII, case-insensitive).
    static func isGenerated(_ head: UnsafeRawBufferPointer) -> Bool {
        let count = min(head.count, 600)
        guard count > 0 else { return false }
        var lower = [UInt8](repeating: 0, count: count)
        for index in 0..<count {
            let byte = head[index]
            lower[index] = byte >= 65 && byte <= 90 ? byte + 32 : byte
        }
        return generatedMarkers.contains { marker in
            guard marker.count <= count else { return false }
            for start in 0...(count - marker.count) where lower[start] == marker[0] {
                if lower[start..<start + marker.count].elementsEqual(marker) { return true }
            }
            return false
        }
    }
}
