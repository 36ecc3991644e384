import Foundation

/// Every time Tilanne writes — the run summary, the run log, the history's runs, periods and
/// deliveries, the mail `Date` header — is in one zone: the process's local zone (`TZ`, which
/// the generated crontab line and systemd unit set to the schedule's zone), written with its
/// offset. Local time because the operators and the council read these times against the office
/// clock; the offset because it keeps them unambiguous across the autumn's repeated hour and
/// comparable as instants (`parse`). Seconds precision, ISO 8601 (`2024-03-05T02:30:04+02:00`).
public enum Timestamp {
    /// The zone every written time is in.
    public static var zone: TimeZone { .current }

    public static func now() -> String {
        string(from: Date())
    }

    public static func string(from date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = zone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// The instant a written time names, whatever zone it was written in (older files may have
    /// another offset); nil when it is not such a time.
    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// A time as part of a file name: `20240305-023004` (local, no separators a file system minds).
    public static func fileNamePart(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }
}
