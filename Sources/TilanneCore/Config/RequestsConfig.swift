import Foundation

/// `requests:` of the run configuration: what the request workbooks of this period say.
public struct RequestsConfig: Sendable, Hashable, Codable {
    /// The answers are due (ISO date, shown in each party's language).
    public var deadline: DocumentDate
    /// Where the workbooks go, relative to the output folder; `{period}` is filled with the
    /// period as a file name part (`2-2024`).
    public var folder: String = RequestsConfig.defaultFolder

    public static let defaultFolder = "pyynnot/{period}"
    /// The longest status text the answer cell accepts (Excel's own limit is 32,767).
    public var statusLimit: Int = 32_767
    /// The folder the returned workbooks are dropped into, relative to the configuration's
    /// folder like the sources (`../Input/vastaukset/{period}`); nil: answers are not read.
    public var answers: String?
    /// The days around the deadline a party with open rows is reminded on, relative to it
    /// (`reminders: [-3, 0, 3]`: three days before, on the day, three days after).
    public var reminders: [Int] = RequestsConfig.defaultReminders
    /// Where the parties' replies go (`reply_to`); nil: to the delivery's `from`.
    public var replyTo: String?

    public static let defaultReminders = [-3, 0, 3]
}

/// As the configuration writes it: `2024-03-01`.
extension DocumentDate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = DocumentDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(String(format: "%04d-%02d-%02d", year, month, day))
    }
}
