import Foundation
import Testing
@testable import TilanneCore

/// What a mail server and a spam filter look at besides the text: the envelope sender (`-f`,
/// where bounces go), a Message-ID with a real domain, an RFC 5322 Date, and a long subject
/// folded into encoded-words that fit.
@Suite("Mail envelope")
struct MailEnvelopeTests {
    let shipped = TestSupport.shippedConfigText
    let shippedProgramme = TestSupport.shippedProgrammeText

    static let delivery = """

    delivery:
      sendmail: [/usr/bin/msmtp, -C, /etc/msmtprc]
      from: "Tilanne <tilanne@kuopio.example>"
    """

    private func parse(_ extra: String) throws -> TilanneConfig {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try shippedProgramme.write(to: folder.appendingPathComponent("kasvava-kuopio-ohjelma.yml"), atomically: true, encoding: .utf8)
        return try ConfigLoader.parse(shipped + extra, file: "tilanne.yml", baseDirectory: folder)
    }

    @Test("The envelope sender is the address of from unless envelope_from names another")
    func envelopeSenderDefault() throws {
        #expect(try parse(Self.delivery).delivery?.envelopeFrom == "tilanne@kuopio.example")
        let own = try parse(Self.delivery + "\n  envelope_from: \"Palautukset <bounces@kuopio.example>\"")
        #expect(own.delivery?.envelopeFrom == "bounces@kuopio.example")
        let sendmail = Sendmail(try #require(own.delivery))
        #expect(sendmail.arguments(recipients: ["a@kuopio.example"])
                == ["-C", "/etc/msmtprc", "-f", "bounces@kuopio.example", "-i", "--", "a@kuopio.example"])
    }

    @Test("A -f already in the sendmail command is kept and none added; with envelope_from as well the config stops",
          arguments: ["-fbounces@kuopio.example", "-f", "--from=bounces@kuopio.example"])
    func senderInCommand(flag: String) throws {
        let command = flag == "-f" ? "-f, bounces@kuopio.example" : flag
        let extra = Self.delivery.replacingOccurrences(of: "-C, /etc/msmtprc]", with: "-C, /etc/msmtprc, \(command)]")
        let config = try parse(extra)
        #expect(config.delivery?.envelopeFrom == nil)
        let arguments = Sendmail(try #require(config.delivery)).arguments(recipients: ["a@kuopio.example"])
        #expect(arguments.filter(EnvelopeSenderRules.setsSender).count == 1, "\(arguments)")
        do {
            _ = try parse(extra + "\n  envelope_from: bounces@kuopio.example")
            Issue.record("the envelope sender was accepted twice")
        } catch let error as ConfigError {
            #expect(error.keyPath == "delivery.envelope_from")
            #expect(error.problem.contains("already sets the envelope sender"), "\(error.problem)")
        }
    }

    @Test("Message-ID is <unique@domain>: the domain of from, or message_id_domain; the Date is RFC 5322")
    func messageID() throws {
        var message = MailMessage(from: "Tilanne <tilanne@kuopio.example>", to: ["a@kuopio.example"], subject: "S", body: "B", attachments: [])
        message.date = Date(timeIntervalSince1970: 1_709_280_000)
        let first = try headers(message)
        let id = try #require(first["Message-ID"])
        #expect(id.range(of: #"^<[0-9a-f-]{36}@kuopio\.example>$"#, options: .regularExpression) != nil, "\(id)")
        #expect(id != (try headers(message))["Message-ID"], "two messages, two identifiers")
        let date = try #require(first["Date"])
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        #expect(formatter.date(from: date) == message.date, "\(date)")
        #expect(date.range(of: #"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"#,
                           options: .regularExpression) != nil, "\(date)")
        message.messageIDDomain = "mail.kuopio.example"
        #expect(try headers(message)["Message-ID"]?.hasSuffix("@mail.kuopio.example>") == true)
        #expect(try parse(Self.delivery + "\n  message_id_domain: mail.kuopio.example").delivery?.messageIDDomain == "mail.kuopio.example")
        #expect(throws: ConfigError.self) { try parse(Self.delivery + "\n  message_id_domain: \"kuopio example\"") }
    }

    @Test("A long Finnish subject: every encoded-word at most 75 characters, every line at most 78, whole letters in each word")
    func longFinnishSubject() throws {
        let subject = "Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024: Hyvinvoinnin ja terveyden edistämisen ohjausryhmä, "
            + "päivitetyt tilannetiedot ja sisäisen tarkastuksen huomiot käsiteltäväksi yhtymähallituksen kokouksessa"
        let header = try MailHeader.text("Subject", subject)
        let lines = header.components(separatedBy: "\r\n")
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= 78 }, "\(lines)")
        let words = header.matches(of: /=\?UTF-8\?B\?([A-Za-z0-9+\/=]*)\?=/)
        #expect(!words.isEmpty)
        var decoded = ""
        for word in words {
            #expect(word.output.0.count <= 75, "\(word.output.0)")
            // Each word decodes on its own: no letter's bytes are split between two words.
            let text = try #require(Data(base64Encoded: String(word.output.1)).flatMap { String(data: $0, encoding: .utf8) })
            decoded += text
        }
        #expect(decoded == subject)
    }

    @Test("send_on: by default on publishing with a history (its nightly reports are drafts), every change without; one occasion or a list; an empty list is refused")
    func sendOn() throws {
        #expect(try parse(Self.delivery).delivery?.sendOn == [.publish])
        let withoutHistory = try ConfigLoader.parse(shipped.replacingOccurrences(of: "history:\n  state_folder: ../State\n  stale_after_periods: 2\n", with: "") + Self.delivery,
                                                    file: "tilanne.yml", baseDirectory: TestSupport.repositoryRoot.appendingPathComponent("Config"))
        #expect(withoutHistory.history == nil)
        #expect(withoutHistory.delivery?.sendOn == [.change])
        #expect(try parse(Self.delivery + "\n  send_on: publish").delivery?.sendOn == [.publish])
        #expect(try parse(Self.delivery + "\n  send_on: [publish, freeze]").delivery?.sendOn == [.publish, .freeze])
        #expect(throws: ConfigError.self) { try parse(Self.delivery + "\n  send_on: []") }
        #expect(throws: ConfigError.self) { try parse(Self.delivery + "\n  send_on: nightly") }
    }

    private func headers(_ message: MailMessage) throws -> [String: String] {
        let text = String(decoding: try message.rendered(), as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        var result: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }
}
