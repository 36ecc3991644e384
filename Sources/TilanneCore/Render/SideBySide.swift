import Foundation

/// Two pieces of work at once, each on a thread of its own, while the caller waits.
///
/// Threads of their own, not the dispatch pool: the publisher already runs every file of the run
/// on the pool, and work asked of a busy pool from inside it would wait for the files before it.
/// Not the caller's thread either: glibc gives a new thread an allocator arena no running thread
/// uses (a new one, or one a finished thread left), where the caller (the main thread, for the
/// first file) allocates from the heap the input's freed texts have broken up. libxlsxwriter
/// allocates and frees several blocks for every cell it writes in constant-memory mode, and in
/// that heap each allocation searched the free lists: at 100,000 actions the workbook (then with
/// a data sheet too) took 3.07–3.72 s to publish with that sheet on the main thread, 2.57–3.19 s
/// on a new one (docs/performance.md, decision 0008). The read-back's two workers use it too.
enum SideBySide {
    /// Runs `first` and `second` on two new threads, waits for both, and throws the first error
    /// (`first`'s before `second`'s).
    static func run(_ first: @escaping () throws -> Void, _ second: @escaping () throws -> Void) throws {
        let outcomes = [SideOutcome(first), SideOutcome(second)]
        for outcome in outcomes {
            let thread = Thread { outcome.run() }
            // The work recurses little, but a stack of 8 MiB like the main thread's costs nothing.
            thread.stackSize = 8 << 20
            thread.start()
        }
        for outcome in outcomes { outcome.finished.wait() }
        for outcome in outcomes {
            if let error = outcome.error { throw error }
        }
    }
}

/// A thread's work and what came of it; read only after `finished` is signalled.
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
