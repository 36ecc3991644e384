import Foundation

/// The dates under a report's title: the day it was made, and the day of its data — the last
/// change of the newest input file (a status table, a statistics file, a returned request).
enum ReportDates {
    /// `YYYY-MM-DD` in the zone every written time is in (`Timestamp.zone`).
    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = Timestamp.zone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// The day the newest of the files was last changed; nil when none can be read.
    static func newest(_ paths: [String]) -> String? {
        let dates = paths.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
        return dates.max().map(day)
    }
}
