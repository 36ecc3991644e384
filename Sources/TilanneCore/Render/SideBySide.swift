import Foundation

/// Two pieces of work at once: one on a thread of its own, the other on the caller's thread.
/// A thread of its own, not the dispatch pool: the publisher already runs every file of the run
/// on the pool, and work asked of a busy pool from inside it would wait for the files before it.
enum SideBySide {
    /// Runs `side` on a new thread while `main` runs here, waits for both, and throws the first
    /// error (`main`'s before `side`'s).
    static func run(_ side: @escaping () throws -> Void, beside main: () throws -> Void) throws {
        let outcome = SideOutcome(side)
        let thread = Thread { outcome.run() }
        // The status sheet's measuring recurses little, but 8 MiB like the main thread's costs nothing.
        thread.stackSize = 8 << 20
        thread.start()
        var mainError: (any Error)?
        do { try main() } catch { mainError = error }
        outcome.finished.wait()
        if let mainError { throw mainError }
        if let sideError = outcome.error { throw sideError }
    }
}

/// The side thread's work and what came of it; read only after `finished` is signalled.
private final class SideOutcome: @unchecked Sendable {
    private let work: () throws -> Void
    private(set) var error: (any Error)?
    let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping () throws -> Void) { self.work = work }

    func run() {
        do { try work() } catch { self.error = error }
        finished.signal()
    }
}
