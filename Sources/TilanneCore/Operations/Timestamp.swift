import Foundation

/// Times as runs, periods and deliveries are recorded: local time with its offset (ISO 8601),
/// so an operator reads them as the server's clock shows them.
public enum Timestamp {
    public static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
