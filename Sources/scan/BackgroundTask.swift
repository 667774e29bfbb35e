import Foundation
import Synchronization

/// Work started on its own thread while the caller goes on (the staged export runs git while the rules load);
/// `value()` waits for it and returns its result or throws its error.
final class BackgroundTask<Value: Sendable>: Sendable {
    private let outcome = Mutex<Result<Value, any Error>?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            let result = Result { try work() }
            outcome.withLock { $0 = result }
            finished.signal()
        }
        thread.start()
    }

    /// The work's result, once it is done.
    func value() throws -> Value {
        finished.wait()
        finished.signal()
        return try outcome.withLock { $0! }.get()
    }
}
