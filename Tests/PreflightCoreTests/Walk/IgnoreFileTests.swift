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
        let byGit = IgnoreExclusion(source: ".gitignore", hidesTracked: false)
        #expect(nested.exclusion(of: "deploy/dev.env", isDirectory: false) == byGit)
        #expect(nested.exclusion(of: "deploy/prod.env", isDirectory: false) == nil)
        #expect(root.exclusion(of: "deploy/prod.env", isDirectory: false) == byGit)
    }

    @Test func scanignoreFilesAreAChainOfTheirOwnThatHidesTrackedFilesToo() {
        let git = IgnoreStack(file: IgnoreFile(text: "*.env\n", base: .inside("")), parent: nil)
        let scan = IgnoreStack(file: IgnoreFile(text: "fixtures/\n!keep.env\n", base: .inside(""), source: ".scanignore"), parent: git)
        let deeperGit = IgnoreStack(file: IgnoreFile(text: "!*.env\n", base: .inside("fixtures")), parent: scan)
        let byScan = IgnoreExclusion(source: ".scanignore", hidesTracked: true)
        // A deeper .gitignore that re-includes does not undo what a .scanignore above leaves out.
        #expect(deeperGit.exclusion(of: "fixtures", isDirectory: true) == byScan)
        // A .scanignore that re-includes keeps the path whatever git's files say.
        #expect(deeperGit.exclusion(of: "keep.env", isDirectory: false) == nil)
        #expect(deeperGit.exclusion(of: "other.env", isDirectory: false) == IgnoreExclusion(source: ".gitignore", hidesTracked: false))
    }
}
