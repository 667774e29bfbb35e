import Foundation
import Testing
@testable import PreflightCore
import PreflightTestSupport

/// A project's top-level tool folders are development code, except the scripts its packaging metadata ships.
@Suite struct ProjectLayoutTests {
    static let weakURL = "DATABASE_URL = \"postgresql://postgres:postgres@localhost:5432/app\"\n"

    func devKeysFindings(_ files: [String: String]) -> [String] {
        TestSupport.scanTree(files, packs: ["dev-keys"]).findings.map(\.path).sorted()
    }

    @Test func aToolFolderIsDevelopmentCodeUnlessThePackageShipsTheScript() {
        let found = devKeysFindings([
            "pyproject.toml": "[tool.setuptools]\nscript-files = [\n    \"tools/ship_it.py\",\n]\n",
            "tools/ship_it.py": Self.weakURL,
            "tools/seed_sql.py": Self.weakURL,
            "app/settings.py": Self.weakURL,
        ])
        #expect(found == ["app/settings.py", "tools/ship_it.py"])
    }

    @Test func scriptsComeFromSetupFilesAndPackageJSON() throws {
        let root = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        FileTree.write([
            "setup.py": "setup(name='x', scripts=['tools/a', \"tools/b.py\"])\n",
            "setup.cfg": "[options]\nscripts =\n    tools/c\n    tools/d\n",
            "package.json": "{\"bin\": {\"x\": \"./hack/cli.js\"}}",
            "tools/a": "", "hack/cli.js": "",
        ], under: root)
        #expect(ProjectLayout.shippedScripts(root: root.path).sorted() == ["hack/cli.js", "tools/a", "tools/b.py", "tools/c", "tools/d"])
        let patterns = ProjectLayout.contextPatterns(root: root.path)
        #expect(patterns.filter { $0.context == .development }.count == 2)
    }
}
