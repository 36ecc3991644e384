import Foundation

/// Calendar days: the deadline and the reminder days around it are dates, not instants, so
/// they are counted in the proleptic Gregorian calendar at UTC, where every day has 24 hours.
extension DocumentDate: Comparable {
    public static func < (lhs: DocumentDate, rhs: DocumentDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2024-03-01`, as the configuration and the history write it.
    public var isoText: String { String(format: "%04d-%02d-%02d", year, month, day) }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private var noon: Date {
        Self.calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
    }

    private init(_ date: Date, in zone: TimeZone) {
        var calendar = Self.calendar
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        self.init(String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!))!
    }

    public func adding(days: Int) -> DocumentDate {
        DocumentDate(noon.addingTimeInterval(Double(days) * 86_400), in: TimeZone(identifier: "UTC")!)
    }

    /// Whole days from `other` to this date: the deadline's `days(from: today)` is 3 three days before it.
    public func days(from other: DocumentDate) -> Int {
        Int((noon.timeIntervalSince(other.noon) / 86_400).rounded())
    }

    /// The local date of an instant in the zone every written time is in (`Timestamp.zone`).
    public static func local(_ date: Date = Date(), zone: TimeZone = Timestamp.zone) -> DocumentDate {
        DocumentDate(date, in: zone)
    }
}
