import Foundation
import Testing
@testable import TilanneCore

/// Every time Tilanne writes is in one zone, with its offset (docs/operations.md, "Time zone").
@Suite("Timestamps")
struct TimestampTests {
    @Test("Times are written with their offset and read back as the same instant")
    func timestamps() throws {
        let now = Timestamp.now()
        let parsed = try #require(Timestamp.parse(now))
        #expect(abs(parsed.timeIntervalSinceNow) < 5)
        #expect(now.hasSuffix("Z") || now.range(of: #"[+-]\d\d:\d\d$"#, options: .regularExpression) != nil)
        #expect(Timestamp.parse("2024-03-05T02:30:09+02:00") == Timestamp.parse("2024-03-05T00:30:09Z"))
    }

    @Test("A mail's Date header is in the same zone as the summary and the history")
    func mailDateInTheSameZone() throws {
        var message = MailMessage(from: "tilanne@kuopio.example", to: ["a@kuopio.example"], subject: "s", body: "b", attachments: [])
        let date = try #require(Timestamp.parse("2024-03-05T00:30:09Z"))
        message.date = date
        let text = String(decoding: try message.rendered(), as: UTF8.self)
        let offset = Timestamp.zone.secondsFromGMT(for: date)
        let expected = String(format: "%@%02d%02d", offset < 0 ? "-" : "+", abs(offset) / 3600, abs(offset) % 3600 / 60)
        let dateLine = text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("Date: ") }
        #expect(dateLine?.hasSuffix(" \(expected)") == true, "\(dateLine ?? "no Date header")")
        // The summary's and the history's form of the same instant carries the same offset.
        let colon = offset == 0 ? "Z" : String(expected.prefix(3)) + ":" + String(expected.suffix(2))
        #expect(Timestamp.string(from: date).hasSuffix(colon))
    }
}
