import Foundation
import PreflightCore
import Synchronization

/// A live line on standard error while a scan runs for more than a second: files, megabytes, findings so far
/// and the rate. Only on a terminal, never in CI or with --quiet; the line is erased when the scan ends.
final class ProgressLine: Sendable {
    private let progress: ScanProgress
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Whether a progress line may be drawn: standard error is a terminal, not CI, not a dumb terminal.
    static func isWanted(quiet: Bool) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        return !quiet && isatty(STDERR_FILENO) == 1 && environment["CI"] == nil && environment["TERM"] != "dumb"
    }

    init(progress: ScanProgress) {
        self.progress = progress
        Thread.detachNewThread { [self] in run() }
    }

    /// Stops drawing and erases the line; returns once the drawing thread is done.
    func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        finished.wait()
    }

    private func run() {
        let started = Date()
        var drawn = false
        var waited = 0.0
        while !stopped.load(ordering: .sequentiallyConsistent) {
            Thread.sleep(forTimeInterval: 0.1)
            waited += 0.1
            guard waited >= 1, Int(waited * 10) % 2 == 0 else { continue }
            let (files, bytes, findings) = progress.snapshot
            let seconds = max(Date().timeIntervalSince(started), 0.001)
            let megabytes = Double(bytes) / 1_048_576
            let line = String(format: "scanning: %d files · %.1f MB · %d findings · %.1f MB/s", files, megabytes, findings, megabytes / seconds)
            Console.error("\r\u{1B}[K\(line)", newline: false)
            drawn = true
        }
        if drawn { Console.error("\r\u{1B}[K", newline: false) }
        finished.signal()
    }
}
