import Foundation

/// A seam for the test that kills a run while it writes the history: with
/// `TILANNE_FAULT_PAUSE_IN_HISTORY_WRITE=<file>` set, the run creates that file in the middle
/// of its write transaction and waits there, so the test can kill it at a known point.
/// Without the variable this does nothing.
enum FaultInjection {
    static func pauseInsideHistoryWrite() {
        guard let marker = ProcessInfo.processInfo.environment["TILANNE_FAULT_PAUSE_IN_HISTORY_WRITE"] else { return }
        FileManager.default.createFile(atPath: marker, contents: Data("paused\n".utf8))
        Thread.sleep(forTimeInterval: 60)
    }
}
