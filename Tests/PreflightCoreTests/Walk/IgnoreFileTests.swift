import Testing
@testable import PreflightCore

@Suite struct IgnoreFileTests {
    @Test func commentsBlankLinesNegationAndEscapes() {
        let file = IgnoreFile(text: "# comment\n\n*.log\n!keep.log\n\\#hash\nbuild/\n", base: .inside(""))
        #expect(file.verdict(forPathFromTarget: "a/debug.log", isDirectory: false) == true)
        #expect(file.verdict(forPathFromTarget: "a/keep.log", isDirectory: false) == false)
        #expect(file.verdict(forPathFromTarget: "#hash", isDirectory: false) == true)
        #expect(file.verdict(forPathFromTarget: "build", isDirectory: true) == true)
        #expect(file.verdict(forPathFromTarget: "build", isDirectory: false) == nil)
        #expect(file.verdict(forPathFromTarget: "src/app.py", isDirectory: false) == nil)
    }

    @Test func nestedFilesApplyBelowTheirDirectory() {
        let file = IgnoreFile(text: "/generated\n", base: .inside("pkg"))
        #expect(file.verdict(forPathFromTarget: "pkg/generated", isDirectory: true) == true)
        #expect(file.verdict(forPathFromTarget: "generated", isDirectory: true) == nil)
        #expect(file.verdict(forPathFromTarget: "other/pkg/generated", isDirectory: true) == nil)
    }

    @Test func filesAboveTheTargetSeeTheFullPath() {
        let file = IgnoreFile(text: "/sub/secret.txt\n", base: .above("sub"))
        #expect(file.verdict(forPathFromTarget: "secret.txt", isDirectory: false) == true)
    }

    @Test func theDeepestFileWithAnOpinionDecides() {
        let root = IgnoreStack(file: IgnoreFile(text: "*.env\n", base: .inside("")), parent: nil)
        let nested = IgnoreStack(file: IgnoreFile(text: "!prod.env\n", base: .inside("deploy")), parent: root)
        #expect(nested.isIgnored("deploy/dev.env", isDirectory: false))
        #expect(!nested.isIgnored("deploy/prod.env", isDirectory: false))
        #expect(root.isIgnored("deploy/prod.env", isDirectory: false))
    }
}
