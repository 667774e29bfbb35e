import Testing
@testable import PreflightCore

@Suite struct GlobTests {
    func glob(_ pattern: String) -> Glob { Glob(pattern)! }

    @Test func patternWithoutSlashMatchesAtAnyDepth() {
        #expect(glob("*.py").matches("a/b/c.py", isDirectory: false))
        #expect(glob("*.py").matches("c.py", isDirectory: false))
        #expect(!glob("*.py").matches("c.pyc", isDirectory: false))
    }

    @Test func slashAnchorsToTheBase() {
        #expect(glob("/build").matches("build", isDirectory: true))
        #expect(!glob("/build").matches("src/build", isDirectory: true))
        #expect(glob("docs/*.md").matches("docs/a.md", isDirectory: false))
        #expect(!glob("docs/*.md").matches("x/docs/a.md", isDirectory: false))
    }

    @Test func doubleStarSpansDirectories() {
        #expect(glob("src/**/test_*.py").matches("src/test_a.py", isDirectory: false))
        #expect(glob("src/**/test_*.py").matches("src/a/b/test_a.py", isDirectory: false))
        #expect(glob("**/fixtures").matches("a/b/fixtures", isDirectory: true))
        #expect(glob("vendor/**").matches("vendor/x/y.go", isDirectory: false))
    }

    @Test func trailingSlashMeansDirectoriesOnly() {
        #expect(glob("tests/").matches("tests", isDirectory: true))
        #expect(!glob("tests/").matches("tests", isDirectory: false))
    }

    @Test func fileOrAncestorMatchesWholeTrees() {
        #expect(glob("tests/").matchesFileOrAncestor("pkg/tests/unit/test_a.py"))
        #expect(!glob("tests/").matchesFileOrAncestor("pkg/tests"))
        #expect(glob("*.lock").matchesFileOrAncestor("a/yarn.lock"))
        #expect(glob("node_modules").matchesFileOrAncestor("web/node_modules/x/index.js"))
        #expect(!glob("docs/*.md").matchesFileOrAncestor("src/docs/a.md"))
        #expect(glob("test_*").matchesFileOrAncestor("test_app.py"))
    }

    @Test func characterClassesAndQuestionMarkUseFnmatch() {
        #expect(glob("file[0-9].txt").matches("file7.txt", isDirectory: false))
        #expect(!glob("file[0-9].txt").matches("fileA.txt", isDirectory: false))
        #expect(glob("?.env").matches("a.env", isDirectory: false))
    }

    @Test func emptyPatternsAreRejected() {
        #expect(Glob("") == nil)
        #expect(Glob("/") == nil)
    }
}
