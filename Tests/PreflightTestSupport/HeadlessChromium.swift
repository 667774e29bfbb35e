import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Chromium without a window, driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: the browser
/// reads commands on descriptor 3 and writes answers and events on descriptor 4, each message JSON ended by NUL).
/// It opens one page, runs script in it, takes screenshots, and collects what the page reported as an error:
/// uncaught exceptions, `console.error`, and the browser's own errors such as Content-Security-Policy violations.
public final class HeadlessChromium {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The browser, or why there is none. Where Chromium is missing and the tests run as root on Debian, Debian's
    /// `chromium` package is installed first.
    public static let availability: Result<String, Failure> = {
        if let path = locate() { return .success(path) }
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get") else {
            return .failure(Failure(description: "no Chromium found (install Debian's chromium package or set CHROMIUM)"))
        }
        let install = Process()
        install.executableURL = URL(fileURLWithPath: "/bin/sh")
        install.arguments = ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"]
        install.standardOutput = FileHandle.nullDevice
        install.standardError = FileHandle.nullDevice
        do {
            try install.run()
            install.waitUntilExit()
        } catch {
            return .failure(Failure(description: "installing chromium failed: \(error)"))
        }
        return locate().map { .success($0) } ?? .failure(Failure(description: "installing Debian's chromium package failed (exit \(install.terminationStatus))"))
    }()

    /// `CHROMIUM` from the environment, or the first of the usual names on `PATH`.
    static func locate() -> String? {
        if let path = ProcessInfo.processInfo.environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) { return path }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }

    private let process: pid_t
    private let commands: Int32
    private let replies: Int32
    private let profile: URL
    private var buffer: [UInt8] = []
    private var lastId = 0
    private var session: String?
    private var pending: [[String: Any]] = []
    private var closed = false
    /// What the page reported as an error, in order.
    public private(set) var errors: [String] = []

    /// Starts the browser at `executable` with a fresh profile.
    public init(executable: String) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-profile-\(UUID().uuidString)")
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else {
            throw Failure(description: "pipe: \(String(cString: strerror(errno)))")
        }
        // Above 4 and closed on exec, so that only the copies made on 3 and 4 reach the browser.
        for index in 0..<2 {
            toBrowser[index] = Self.moveAbove(toBrowser[index])
            fromBrowser[index] = Self.moveAbove(fromBrowser[index])
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // Shared memory in a temporary file instead of /dev/shm, which containers often keep small.
        var arguments = [executable, "--headless", "--remote-debugging-pipe", "--user-data-dir=\(profile.path)", "--disable-gpu",
                         "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio", "about:blank"]
        // Chromium refuses to sandbox itself as root.
        if getuid() == 0 { arguments.insert("--no-sandbox", at: 1) }
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        Glibc.close(toBrowser[0])
        Glibc.close(fromBrowser[1])
        guard status == 0 else {
            Glibc.close(toBrowser[1])
            Glibc.close(fromBrowser[0])
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        process = pid
        commands = toBrowser[1]
        replies = fromBrowser[0]
    }

    private static func moveAbove(_ descriptor: Int32) -> Int32 {
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 10)
        Glibc.close(descriptor)
        return moved
    }

    deinit {
        close()
    }

    /// Asks the browser to quit, then makes sure it has, and removes its profile.
    public func close() {
        guard !closed else { return }
        closed = true
        _ = try? send("Browser.close", toPage: false, timeout: 5)
        Glibc.close(commands)
        Glibc.close(replies)
        var status: Int32 = 0
        for _ in 0..<50 {
            if waitpid(process, &status, WNOHANG) == process { break }
            usleep(100_000)
        }
        if kill(process, 0) == 0 {
            kill(process, SIGKILL)
            waitpid(process, &status, 0)
        }
        try? FileManager.default.removeItem(at: profile)
    }

    /// Opens `url` in a new page of `width` × `height` CSS pixels and waits for its load event.
    public func open(_ url: URL, width: Int, height: Int) throws {
        let target = try send("Target.createTarget", ["url": "about:blank"], toPage: false)
        guard let targetId = target["targetId"] as? String else { throw Failure(description: "no target: \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": targetId, "flatten": true], toPage: false)
        session = attached["sessionId"] as? String
        for domain in ["Page", "Runtime", "Log"] { _ = try send("\(domain).enable") }
        try resize(width: width, height: height)
        _ = try send("Page.navigate", ["url": url.absoluteString])
        _ = try waitFor("Page.loadEventFired")
    }

    /// Sets the size of the page's viewport in CSS pixels.
    public func resize(width: Int, height: Int) throws {
        _ = try send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600])
    }

    /// The value of `expression` evaluated in the page (awaited when it is a promise), as JSON values.
    public func evaluate(_ expression: String) throws -> Any? {
        let reply = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let details = reply["exceptionDetails"] as? [String: Any] {
            throw Failure(description: "script failed: \(Self.describe(details)) in \(expression)")
        }
        return (reply["result"] as? [String: Any])?["value"]
    }

    /// A PNG of the viewport.
    public func screenshot() throws -> Data {
        let reply = try send("Page.captureScreenshot", ["format": "png"])
        guard let text = reply["data"] as? String, let png = Data(base64Encoded: text) else { throw Failure(description: "no screenshot") }
        return png
    }

    /// Reads the events that arrived so far, so that `errors` is up to date.
    public func drainEvents() throws {
        _ = try send("Runtime.evaluate", ["expression": "0"])
    }

    /// Sends one command and returns its result; events read meanwhile are kept for `waitFor` and `errors`.
    private func send(_ method: String, _ parameters: [String: Any] = [:], toPage: Bool = true, timeout: TimeInterval = 30) throws -> [String: Any] {
        lastId += 1
        var message: [String: Any] = ["id": lastId, "method": method, "params": parameters]
        if toPage, let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(commands, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "the browser stopped reading (\(method))") }
            written += count
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try nextMessage(until: deadline, waitingFor: method)
            if reply["id"] as? Int == lastId {
                if let error = reply["error"] as? [String: Any] { throw Failure(description: "\(method): \(error["message"] ?? error)") }
                return reply["result"] as? [String: Any] ?? [:]
            }
            record(reply)
        }
    }

    /// The first event named `method`, read now or earlier.
    private func waitFor(_ method: String, timeout: TimeInterval = 30) throws -> [String: Any] {
        if let index = pending.firstIndex(where: { $0["method"] as? String == method }) { return pending.remove(at: index) }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let event = try nextMessage(until: deadline, waitingFor: method)
            if event["method"] as? String == method { return event }
            record(event)
        }
    }

    private func record(_ event: [String: Any]) {
        guard let method = event["method"] as? String else { return }
        let parameters = event["params"] as? [String: Any] ?? [:]
        switch method {
        case "Runtime.exceptionThrown":
            errors.append("uncaught: " + Self.describe(parameters["exceptionDetails"] as? [String: Any] ?? [:]))
        case "Runtime.consoleAPICalled" where ["error", "assert"].contains(parameters["type"] as? String):
            let arguments = (parameters["args"] as? [[String: Any]] ?? []).map { "\($0["value"] ?? $0["description"] ?? "")" }
            errors.append("console.error: " + arguments.joined(separator: " "))
        case "Log.entryAdded":
            if let entry = parameters["entry"] as? [String: Any], entry["level"] as? String == "error" {
                errors.append("\(entry["source"] ?? "browser"): \(entry["text"] ?? "")")
            }
        default:
            pending.append(event)
        }
    }

    private func nextMessage(until deadline: Date, waitingFor what: String) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let object = try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] else { continue }
                return object
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure(description: "no answer from the browser within the time allowed (\(what))") }
            var descriptor = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { throw Failure(description: "poll: \(String(cString: strerror(errno)))") }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(replies, &chunk, chunk.count)
            guard count > 0 else { throw Failure(description: "the browser closed the pipe (\(what))") }
            buffer.append(contentsOf: chunk[..<count])
        }
    }

    private static func describe(_ details: [String: Any]) -> String {
        let exception = details["exception"] as? [String: Any]
        let text = exception?["description"] as? String ?? details["text"] as? String ?? "\(details)"
        return "\(text) (line \(details["lineNumber"] ?? "?"))"
    }
}
