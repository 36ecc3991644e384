/// Spreadsheet dates are numbers of days with a date format on the cell. Turns the number into
/// the date a coordinator typed, written `d.M.yyyy` as Finnish texts write dates.
enum SpreadsheetDate {
    /// - Parameters:
    ///   - serial: days since the epoch, the fraction being the time of day.
    ///   - date1904: the workbook uses the 1904 date system (old Mac Excel).
    static func text(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil } // 31.12.9999
        var days = Int(serial.rounded(.down))
        let seconds = Int(((serial - Double(days)) * 86_400).rounded())
        let civil: (year: Int, month: Int, day: Int)
        if date1904 {
            civil = fromDays(days + daysFrom1970(1904, 1, 1))
        } else {
            // The 1900 system counts 29.2.1900, a day that did not exist (a Lotus 1-2-3 bug
            // Excel kept): serial 60 is that day, and serials before it are one day earlier.
            if days == 60 { return "29.2.1900" + time(seconds) }
            if days < 60 { days += 1 }
            civil = fromDays(days + daysFrom1970(1899, 12, 30))
        }
        return "\(civil.day).\(civil.month).\(civil.year)" + time(seconds)
    }

    /// `14.30` as Finnish texts write the time; nothing at midnight.
    private static func time(_ seconds: Int) -> String {
        guard seconds > 0, seconds < 86_400 else { return "" }
        let minutes = seconds / 60
        let hour = minutes / 60, minute = minutes % 60
        return " \(hour).\(minute < 10 ? "0" : "")\(minute)"
    }

    /// Days from 1.1.1970 to a civil date (proleptic Gregorian; H. Hinnant's algorithm).
    static func daysFrom1970(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func fromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
