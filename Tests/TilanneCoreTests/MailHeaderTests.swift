import Foundation
import Testing
@testable import TilanneCore

/// Mail headers from configuration text: a line break or another control character anywhere a
/// header is made from is refused when the configuration is loaded; addresses are read per
/// RFC 5322 with display names; the message's headers are encoded per RFC 2047 and folded.
@Suite("Mail headers")
struct MailHeaderTests {
    let shipped = TestSupport.shippedConfigText
    let shippedProgramme = TestSupport.shippedProgrammeText

    static let groups = """

    groups:
      - name: Elinvoiman ohjausryhmä
        items: [1]
        email: [elinvoima@kuopio.example]

    delivery:
      sendmail: [/usr/sbin/sendmail]
      from: "Tilanne <tilanne@kuopio.example>"
      subject: "{programme} – tilanne {period}: {group}"
      alerts:
        to: [it@kuopio.example]
        subject: "Tilanne: ajo epäonnistui"
    """

    private func parse(_ run: String, programme: String? = nil) throws -> TilanneConfig {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try (programme ?? shippedProgramme).write(to: folder.appendingPathComponent("kasvava-kuopio-ohjelma.yml"),
                                                  atomically: true, encoding: .utf8)
        return try ConfigLoader.parse(run, file: "tilanne.yml", baseDirectory: folder)
    }

    /// The error the configuration stops with; a configuration that loads is recorded as an issue.
    private func refusal(_ run: String, programme: String? = nil) -> ConfigError? {
        do {
            _ = try parse(run, programme: programme)
            Issue.record("the configuration was accepted")
            return nil
        } catch let error as ConfigError {
            return error
        } catch {
            Issue.record("not a configuration error: \(error)")
            return nil
        }
    }

    private func line(of text: String, in file: String) -> Int {
        file.components(separatedBy: "\n").firstIndex { $0.contains(text) }! + 1
    }

    @Test("CR/LF injected into the subject, a group's name, from, an address or the alerts is refused at load with key and line",
          arguments: [
            ("subject: \"{programme} – tilanne {period}: {group}\"", "subject: \"Raportti\\r\\nBcc: kaikki@muualla.example\"",
             "delivery.subject"),
            ("  - name: Elinvoiman ohjausryhmä", "  - name: \"Elinvoima\\r\\nBcc: kaikki@muualla.example\"", "groups[0].name"),
            ("from: \"Tilanne <tilanne@kuopio.example>\"", "from: \"tilanne@kuopio.example\\r\\nBcc: kaikki@muualla.example\"",
             "delivery.from"),
            ("email: [elinvoima@kuopio.example]", "email: [\"elinvoima@kuopio.example\\r\\nBcc: kaikki@muualla.example\"]",
             "groups[0].email[0]"),
            ("email: [elinvoima@kuopio.example]", "email: [\"Elinvoima\\n <elinvoima@kuopio.example>\"]", "groups[0].email[0]"),
            ("to: [it@kuopio.example]", "to: [\"it@kuopio.example\\nBcc: kaikki@muualla.example\"]", "delivery.alerts.to[0]"),
            ("subject: \"Tilanne: ajo epäonnistui\"", "subject: \"Tilanne\\u0085Bcc: x@muualla.example\"", "delivery.alerts.subject"),
            ("subject: \"{programme} – tilanne {period}: {group}\"", "subject: \"Raportti\\u2028Bcc: x@muualla.example\"",
             "delivery.subject"),
          ])
    func injectionRefused(original: String, injected: String, keyPath: String) throws {
        let run = shipped + Self.groups.replacingOccurrences(of: original, with: injected)
        #expect(run.contains(injected))
        let error = try #require(refusal(run))
        #expect(error.keyPath == keyPath)
        #expect(error.line == line(of: injected, in: run))
        #expect(error.file == "tilanne.yml")
        // The message shows the character, never the raw line break.
        #expect(!error.description.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\u{85}" || $0 == "\u{2028}" },
                "\(error.description)")
    }

    @Test("A line break in the programme's name, which fills {programme} in the subject, is refused at load")
    func programmeNameRefused() throws {
        let original = "  name: Kasvava Kuopio -toimenpideohjelma\n"
        let programme = shippedProgramme.replacingOccurrences(of: original, with: "  name: \"Kasvava Kuopio\\r\\nBcc: x@muualla.example\"\n")
        #expect(programme != shippedProgramme)
        let error = try #require(refusal(shipped + Self.groups, programme: programme))
        #expect(error.keyPath == "programme.name")
        #expect(error.line == line(of: "Bcc: x@muualla.example", in: programme))
        #expect(error.problem.contains("carriage return"), "\(error.problem)")
    }

    @Test("A line break in the period, which fills {period}, is refused at load")
    func periodRefused() throws {
        let run = shipped.replacingOccurrences(of: "period: \"1/2024\"", with: "period: \"1/2024\\nBcc: x@muualla.example\"") + Self.groups
        let error = try #require(refusal(run))
        #expect(error.keyPath == "period")
        #expect(error.problem.contains("line feed"), "\(error.problem)")
    }

    @Test("Addresses per RFC 5322: display names, quoted names with commas, Finnish and Swedish letters in names")
    func displayNames() throws {
        let run = shipped + Self.groups
            .replacingOccurrences(of: "email: [elinvoima@kuopio.example]",
                                  with: "email: [\"Kuopion kaupunki <raportit@kuopio.example>\", '\"Virtanen, Äijä\" <aija.virtanen@kuopio.example>', \"<pj@kuopio.example>\"]")
            .replacingOccurrences(of: "from: \"Tilanne <tilanne@kuopio.example>\"", with: "from: \"Åbo stads rapporter <rapport@turku.example>\"")
        let config = try parse(run)
        #expect(config.groups[0].email == ["Kuopion kaupunki <raportit@kuopio.example>",
                                           "\"Virtanen, Äijä\" <aija.virtanen@kuopio.example>", "pj@kuopio.example"])
        #expect(config.delivery?.from == "Åbo stads rapporter <rapport@turku.example>")
        let parsed = try MailAddress.parse("\"Virtanen, \\\"Äijä\\\"\" <aija@kuopio.example>")
        #expect(parsed.displayName == "Virtanen, \"Äijä\"")
        #expect(parsed.addressSpec == "aija@kuopio.example")
    }

    @Test("Not addresses: each refused naming what is wrong", arguments: [
        ("elinvoima", "the @ and the domain are missing"),
        ("a@kuopio.example, b@kuopio.example", "one address per list entry"),
        ("Virtanen, Matti <m@kuopio.example>", "one address per list entry"),
        ("Kuopio <raportit@kuopio.example", "never closed"),
        ("raportit@kuopiö.example", "ASCII"),
        ("raportit@kuopio..example", "empty part between dots"),
        ("raportit (Kuopio) @kuopio.example", "comments"),
        ("Tila: nne <t@kuopio.example>", "only inside quotes"),
        ("Kuopio <raportit@kuopio.example> x", "cannot stand here"),
    ])
    func notAddresses(text: String, says: String) throws {
        #expect(throws: MailAddress.ParseError.self) { try MailAddress.parse(text) }
        do {
            _ = try MailAddress.parse(text)
        } catch {
            #expect(error.problem.contains(says), "\(text): \(error.problem)")
        }
        let run = shipped + Self.groups.replacingOccurrences(of: "email: [elinvoima@kuopio.example]", with: "email: ['\(text)']")
        let refused = try #require(refusal(run))
        #expect(refused.keyPath == "groups[0].email[0]")
        #expect(refused.problem.contains("not an e-mail address"))
    }

    @Test("The message: every header line at most 76 characters, non-ASCII as encoded-words, no line of configuration text")
    func renderedHeaders() throws {
        var message = MailMessage(
            from: "Åbo stads rapporter <rapport@turku.example>",
            to: ["\"Virtanen, Äijä\" <aija@kuopio.example>", "Kuopion kaupunginhallituksen elinvoimajaosto ja sen pitkä nimi <jaosto@kuopio.example>",
                 "pj@kuopio.example"],
            subject: "Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024: Elinvoiman, yrittäjyyden ja työllisyyden ohjausryhmä (Ålands kontor)",
            body: "Hei", attachments: [.init(fileName: "tilanne-1-2024-elinvoima-ja-yrittäjyys-ohjausryhmän-raportti.xlsx",
                                             contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data: Data("x".utf8))])
        message.date = Date(timeIntervalSince1970: 0)
        let text = String(decoding: try message.rendered(), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 }, "\(lines.filter { $0.count > 76 })")
        #expect(lines.allSatisfy { line in line.unicodeScalars.allSatisfy { $0.isASCII } })
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(try message.envelopeRecipients() == ["aija@kuopio.example", "jaosto@kuopio.example", "pj@kuopio.example"])
        // A header made directly from text with a line break is refused, not written.
        message.subject = "Raportti\r\nBcc: kaikki@muualla.example"
        #expect(throws: MailMessage.InvalidHeader.self) { try message.rendered() }
        message.subject = "Raportti"
        message.to = ["a@kuopio.example\nBcc: kaikki@muualla.example"]
        #expect(throws: MailMessage.InvalidHeader.self) { try message.rendered() }
        // A file name with a line break is percent-encoded (RFC 2231), never a raw line.
        let disposition = try MailHeader.attachment(fileName: "r\r\nBcc: x.xlsx")
        #expect(disposition.contains("filename*=UTF-8''r%0D%0ABcc%3A%20x.xlsx"), "\(disposition)")
        #expect(!disposition.contains("\r\nBcc"))
    }
}
