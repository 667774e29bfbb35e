import Foundation
import PreflightReporters
import PreflightTestSupport
import Testing

/// The HTML report of each scenario repository, opened in headless Chromium: it loads without a console error
/// or a Content-Security-Policy violation, shows the score and the charts, its filters and sorting change the
/// rows shown as the JSON report says they should, and no secret reaches the page. Screenshots at desktop and
/// phone widths go to `PREFLIGHT_SCREENSHOTS` when set (`make screenshots` sets it to docs/screenshots).
@Suite(.serialized) struct HTMLReportBrowserTests {
    static let scenarios = ["agent-service", "ai-tools-server", "content-generator", "express-app", "fastapi-app", "flask-app"]
    static let repositories = CLI.packageRoot.appendingPathComponent("Fixtures/repos")
    static let chromium = try? HeadlessChromium.availability.get()
    static let desktop = (width: 1280, height: 1000)
    static let phone = (width: 390, height: 844)

    /// Where screenshots go: the folder named by `PREFLIGHT_SCREENSHOTS`, or a temporary one.
    static let screenshots: URL? = ProcessInfo.processInfo.environment["PREFLIGHT_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }

    /// A scan of `root` as a JSON report and an HTML page from the same run; the scan runs in the folder above
    /// `root`, so that the page names the repository, not where the tests run.
    static func scan(_ root: URL, into folder: URL, name: String, extra: [String] = []) throws -> (report: [String: Any], page: URL) {
        let page = folder.appendingPathComponent("\(name).html")
        let outcome = try CLI.run([root.lastPathComponent, "--format", "json", "--report", "html:\(page.path)"] + extra,
                                  in: root.deletingLastPathComponent())
        #expect(outcome.status <= 1, "scan of \(name) failed: \(outcome.stderr)")
        return (try CLI.json(outcome.stdout), page)
    }

    static func open(_ page: URL, width: Int = desktop.width, height: Int = desktop.height) throws -> HeadlessChromium {
        let browser = try HeadlessChromium(executable: try #require(chromium))
        try browser.open(page, width: width, height: height)
        return browser
    }

    static func int(_ browser: HeadlessChromium, _ expression: String) throws -> Int? {
        (try browser.evaluate(expression) as? NSNumber)?.intValue
    }

    static func bool(_ browser: HeadlessChromium, _ expression: String) throws -> Bool? {
        let value = try browser.evaluate(expression)
        return value as? Bool ?? (value as? NSNumber)?.boolValue
    }

    /// How many findings the table says match, and how many rows it shows.
    static func shown(_ browser: HeadlessChromium) throws -> (matching: Int, rows: Int) {
        let value = try browser.evaluate("""
            [Number(document.getElementById("findings-count").dataset.matching),
             document.querySelectorAll("#findings-table tbody tr.finding").length]
            """) as? [Any]
        let numbers = (value ?? []).compactMap { ($0 as? NSNumber)?.intValue }
        return (numbers.first ?? -1, numbers.last ?? -1)
    }

    /// Chooses `value` in the filter `key` as a reader would, so that the page's own listeners run.
    static func filter(_ browser: HeadlessChromium, _ key: String, _ value: String) throws {
        let event = key == "path" ? "input" : "change"
        _ = try browser.evaluate("""
            (function () { var control = document.getElementById("filter-\(key)"); control.value = \(quoted(value));
              control.dispatchEvent(new Event("\(event)", { bubbles: true })); })()
            """)
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }

    static func saveScreenshot(_ browser: HeadlessChromium, name: String, folder: URL) throws {
        let png = try browser.screenshot()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is not a PNG")
        #expect(png.count > 10_000, "\(name) looks empty (\(png.count) bytes)")
        let target = screenshots ?? folder
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try png.write(to: target.appendingPathComponent("\(name).png"))
    }

    /// Every row expanded, page after page, and the page's whole markup and text collected: what a reader could see.
    static func everythingShown(_ browser: HeadlessChromium) throws -> String {
        let text = try browser.evaluate("""
            (function () {
              var seen = [];
              document.querySelectorAll("details").forEach(function (d) { d.open = true; });
              for (var page = 0; page < 1000; page++) {
                document.querySelectorAll("#findings-table tbody tr.finding[aria-expanded=false]").forEach(function (row) { row.click(); });
                document.querySelectorAll("#findings-table tbody details").forEach(function (d) { d.open = true; });
                seen.push(document.documentElement.outerHTML, document.body.innerText);
                var next = document.getElementById("page-next");
                if (next.disabled) { break; }
                next.click();
              }
              return seen.join("\\n");
            })()
            """) as? String
        return text ?? ""
    }

    @Test(.enabled(if: chromium != nil, "needs headless Chromium: Debian's chromium package (installed by the test when it runs as root)"))
    func scenarioReportsLoadShowTheScoreFilterAndSort() throws {
        let folder = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in Self.scenarios {
            let (report, page) = try Self.scan(Self.repositories.appendingPathComponent(name), into: folder, name: name)
            let findings = CLI.findings(report)
            let browser = try Self.open(page)
            defer { browser.close() }

            let score = (report["score"] as? [String: Any])?["overall"] as? Int
            #expect(try browser.evaluate("document.getElementById('overall-score').textContent") as? String == score.map(String.init), "\(name): score")
            let categories = ((report["score"] as? [String: Any])?["categories"] as? [String: Any])?.count ?? 0
            #expect(try Self.int(browser, "document.querySelectorAll('#score .chart.bars .bar-row').length") == categories, "\(name): category bars")
            let packs = Set(findings.compactMap { $0["pack"] as? String })
            #expect(try Self.int(browser, "document.querySelectorAll('#charts .chart.stacked').length") == (findings.isEmpty ? 0 : 2), "\(name): charts")
            #expect(try Self.int(browser, "document.querySelectorAll('#filter-pack option').length") == packs.count + 1, "\(name): pack filter")

            let all = try Self.shown(browser)
            #expect(all.matching == findings.count && all.rows == min(findings.count, 100), "\(name): unfiltered table shows \(all)")
            for (key, field) in [("pack", "pack"), ("severity", "severity"), ("context", "context"), ("rule", "ruleId")] {
                let counts = Dictionary(grouping: findings, by: { $0[field] as? String ?? "" }).mapValues(\.count)
                guard let (value, count) = counts.min(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else { continue }
                try Self.filter(browser, key, value)
                let filtered = try Self.shown(browser)
                #expect(filtered.matching == count && filtered.rows == min(count, 100), "\(name): \(key)=\(value) shows \(filtered), expected \(count)")
                if counts.count > 1 { #expect(filtered.rows < all.rows || all.rows == 100, "\(name): filtering by \(key) changed nothing") }
                try Self.filter(browser, key, "")
            }
            if let path = findings.first?["path"] as? String {
                let fragment = String(path.split(separator: "/").last ?? "")
                let expected = findings.filter { ($0["path"] as? String ?? "").lowercased().contains(fragment.lowercased()) }.count
                try Self.filter(browser, "path", fragment.uppercased())
                #expect(try Self.shown(browser).matching == expected, "\(name): path filter \(fragment)")
                _ = try browser.evaluate("document.getElementById('filter-reset').click()")
                _ = try browser.evaluate("new Promise(function (done) { setTimeout(done, 10); })")
                #expect(try Self.shown(browser).matching == findings.count, "\(name): reset")
            }
            if findings.count > 1 {
                _ = try browser.evaluate("document.querySelector('th[data-sort=path] button').click()")
                let locations = findings.map { ($0["path"] as? String ?? "", $0["line"] as? Int ?? 0) }.sorted { $0 < $1 }
                let first = try browser.evaluate("document.querySelector('#findings-table tbody tr.finding td.location').textContent") as? String
                #expect(first == "\(locations[0].0):\(locations[0].1)", "\(name): sorted by location")
                _ = try browser.evaluate("document.querySelector('th[data-sort=path] button').click()")
                let last = try browser.evaluate("document.querySelector('#findings-table tbody tr.finding td.location').textContent") as? String
                #expect(last == "\(locations.last!.0):\(locations.last!.1)", "\(name): sorted by location, descending")
                #expect(try browser.evaluate("location.hash") as? String == "#sort=-path", "\(name): the view is in the address")
            }
            if let link = try browser.evaluate("(document.querySelector('#fix-first a') || {}).textContent") as? String {
                // "Fix first" links to the table filtered to its rule; the link says how many findings that is.
                _ = try browser.evaluate("document.querySelector('#fix-first a').click()")
                _ = try browser.evaluate("new Promise(function (done) { setTimeout(done, 10); })")
                let count = Int(link.split(separator: " ").first ?? "") ?? -1
                let linked = try Self.shown(browser)
                #expect(linked.matching == count, "\(name): the first fix-first link shows \(linked), not \(link)")
                #expect(try browser.evaluate("document.getElementById('filter-rule').value") as? String != "", "\(name): the rule filter is set")
                _ = try browser.evaluate("document.getElementById('filter-reset').click()")
                _ = try browser.evaluate("new Promise(function (done) { setTimeout(done, 10); })")
            }
            if !findings.isEmpty {
                _ = try browser.evaluate("document.querySelector('#findings-table tbody tr.finding').click()")
                #expect(try Self.int(browser, "document.querySelectorAll('#findings-table tbody tr.detail').length") == 1, "\(name): a row expands")
            }
            try browser.resize(width: Self.desktop.width, height: Self.desktop.height)
            _ = try browser.evaluate("history.replaceState(null, '', location.pathname); window.scrollTo(0, 0)")
            try Self.saveScreenshot(browser, name: "\(name)-desktop", folder: folder)
            try browser.resize(width: Self.phone.width, height: Self.phone.height)
            #expect(try Self.bool(browser, "document.documentElement.scrollWidth <= window.innerWidth") == true, "\(name): the narrow page scrolls sideways")
            try Self.saveScreenshot(browser, name: "\(name)-phone", folder: folder)
            try browser.drainEvents()
            #expect(browser.errors.isEmpty, "\(name): the page reported errors: \(browser.errors)")
        }
    }

    /// The checks above can fail: a page with an uncaught exception, a `console.error` and a script that its
    /// Content-Security-Policy forbids is reported with all three.
    @Test(.enabled(if: chromium != nil, "needs headless Chromium: Debian's chromium package (installed by the test when it runs as root)"))
    func theBrowserReportsWhatGoesWrongInAPage() throws {
        let folder = FileTree.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let allowed = "console.error('checked'); throw new Error('thrown on purpose');"
        let page = folder.appendingPathComponent("broken.html")
        try """
            <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="script-src '\(HTMLReporter.hash(allowed))'">
            </head><body><script>\(allowed)</script><script>document.title = 'not allowed';</script></body></html>
            """.write(to: page, atomically: true, encoding: .utf8)
        let browser = try Self.open(page)
        defer { browser.close() }
        try browser.drainEvents()
        let errors = browser.errors.joined(separator: "\n")
        #expect(errors.contains("thrown on purpose"), "\(browser.errors)")
        #expect(errors.contains("console.error: checked"), "\(browser.errors)")
        #expect(errors.contains("Content Security Policy"), "\(browser.errors)")
        #expect(try browser.evaluate("document.title") as? String == "")
    }

    @Test(.enabled(if: chromium != nil, "needs headless Chromium: Debian's chromium package (installed by the test when it runs as root)"))
    func noSecretReachesThePage() throws {
        let root = ScanCLITests.plantedTree()
        let folder = FileTree.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: folder)
        }
        let (report, page) = try Self.scan(root, into: folder, name: "planted")
        #expect(CLI.findings(report).count >= RedactionTests.secrets.count)
        let browser = try Self.open(page)
        defer { browser.close() }
        let everything = try Self.everythingShown(browser)
        #expect(everything.contains("API_KEY"), "the expanded page lacks the dev key finding")
        RedactionTests.expectNoSecret(everything, "the page")
        RedactionTests.expectNoSecret(try String(contentsOf: page, encoding: .utf8), "the HTML file")
        try browser.drainEvents()
        #expect(browser.errors.isEmpty, "the page reported errors: \(browser.errors)")

        // With --no-redact the page shows them: the check above can see a secret when there is one.
        let (_, plain) = try Self.scan(root, into: folder, name: "planted-plain", extra: ["--no-redact"])
        let unredacted = try Self.open(plain)
        defer { unredacted.close() }
        #expect(try Self.everythingShown(unredacted).contains(FakeSecrets.github))
    }

    @Test(.enabled(if: chromium != nil, "needs headless Chromium: Debian's chromium package (installed by the test when it runs as root)"))
    func theTrendChartComparesWithAnEarlierReport() throws {
        let root = FileTree.temporaryDirectory()
        let folder = FileTree.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: folder)
        }
        try FileManager.default.copyItem(at: Self.repositories.appendingPathComponent("agent-service"), to: root.appendingPathComponent("agent-service"))
        let repo = root.appendingPathComponent("agent-service")
        FileTree.write(["app/extra_settings.py": HostileInputTests.keyLine + "\n"], under: repo)
        let old = try CLI.run(["agent-service", "--format", "json", "--output", folder.appendingPathComponent("old.json").path], in: root)
        #expect(old.status == 1)
        try FileManager.default.removeItem(at: repo.appendingPathComponent("app/extra_settings.py"))
        let (report, page) = try Self.scan(repo, into: folder, name: "agent-service-trend", extra: ["--compare", folder.appendingPathComponent("old.json").path])
        let comparison = try #require(report["comparison"] as? [String: Any])
        #expect((comparison["fixed"] as? [Any])?.count == 1)
        let browser = try Self.open(page)
        defer { browser.close() }
        #expect(try Self.int(browser, "document.querySelectorAll('#trend .chart.paired').length") == 1)
        #expect(try Self.bool(browser, "document.querySelector('#trend').textContent.indexOf('1 fixed') >= 0") == true)
        _ = try browser.evaluate("document.getElementById('trend').scrollIntoView()")
        try Self.saveScreenshot(browser, name: "agent-service-trend", folder: folder)
        try browser.drainEvents()
        #expect(browser.errors.isEmpty, "the page reported errors: \(browser.errors)")
    }

    /// Ten thousand findings: the table draws one page of them, and filtering and paging work on all of them.
    @Test(.enabled(if: chromium != nil, "needs headless Chromium: Debian's chromium package (installed by the test when it runs as root)"))
    func tenThousandFindingsStayOnePageAtATime() throws {
        let root = FileTree.temporaryDirectory()
        let folder = FileTree.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: folder)
        }
        let lines = Array(repeating: HostileInputTests.keyLine, count: 200).joined(separator: "\n") + "\n"
        FileTree.write(Dictionary(uniqueKeysWithValues: (0..<50).map { ("service/settings_\($0).py", lines) }), under: root)
        let (report, page) = try Self.scan(root, into: folder, name: "many", extra: ["check:dev-keys"])
        let total = CLI.findings(report).count
        #expect(total >= 10_000)
        let browser = try Self.open(page)
        defer { browser.close() }
        let first = try Self.shown(browser)
        #expect(first.matching == total && first.rows == 100, "first page: \(first)")
        let timing = try browser.evaluate("""
            (function () { var start = performance.now(); var control = document.getElementById("filter-path");
              control.value = "settings_7.py"; control.dispatchEvent(new Event("input")); return performance.now() - start; })()
            """) as? Double
        let filtered = try Self.shown(browser)
        #expect(filtered.matching == total / 50 && filtered.rows == 100, "one file: \(filtered)")
        _ = try browser.evaluate("document.getElementById('page-next').click()")
        #expect(try browser.evaluate("document.getElementById('page-label').textContent") as? String == "page 2 of \((total / 50 + 99) / 100)")
        print("HTML report with \(total) findings: filtering took \(String(format: "%.1f", timing ?? -1)) ms in the page")
        try browser.drainEvents()
        #expect(browser.errors.isEmpty, "the page reported errors: \(browser.errors)")
    }
}
