import Foundation

/// A seam for the test that kills a run while it writes the history: with
/// `TILANNE_FAULT_PAUSE_IN_HISTORY_WRITE=<file>` set, the run creates that file in the middle
/// of its write transaction and waits there, so the test can kill it at a known point.
/// Without the variable this does nothing.
enum FaultInjection {
    static func pauseInsideHistoryWrite() {
        guard let marker = ProcessInfo.processInfo.environment["TILANNE_FAULT_PAUSE_IN_HISTORY_WRITE"] else { return }
        _ = FileManager.default.createFile(atPath: marker, contents: Data("paused\n".utf8))
        Thread.sleep(forTimeInterval: 60)
    }
}

extension FaultInjection {
    /// An error the exit-code contract does not name, for the test of its own exit code (70):
    /// with `TILANNE_FAULT_UNEXPECTED_ERROR=1` the run throws one after checking its inputs.
    struct Unnamed: Error {}

    static func unexpectedErrorIfAsked() throws {
        guard ProcessInfo.processInfo.environment["TILANNE_FAULT_UNEXPECTED_ERROR"] == "1" else { return }
        throw Unnamed()
    }
}
