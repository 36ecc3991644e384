import Foundation

/// Hands out 0, 1, 2 … up to a count, each once, to whichever worker asks next: work shared by
/// workers is taken in a known order, whatever order the workers start in.
final class TakenInOrder: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < count else { return nil }
        taken += 1
        return taken - 1
    }
}
