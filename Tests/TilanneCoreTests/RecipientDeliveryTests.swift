import Foundation
import GRDB
import Testing
@testable import TilanneCore

/// Each recipient is remembered on its own (migration `v5-recipient-deliveries`), and what a
/// history from before knew about a group still counts for each address it listed.
@Suite("Recipient deliveries")
struct RecipientDeliveryTests {
    @Test("An old group delivery counts as delivered to each address it lists, quoted names with commas included")
    func upgradeKeepsDeliveries() throws {
        let url = try TestSupport.temporaryFolder().appendingPathComponent("v4.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try HistorySchema.migrator.migrate(queue, upTo: "v4-item-paths")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO delivery (groupFolder, fingerprint, recipients, sentAt) VALUES (?, ?, ?, ?)",
                           arguments: ["tyollisyys", "f1", "\"Virtanen, Matti\" <matti@kuopio.example>, pj@kuopio.example", "2024-03-01T02:00:00+02:00"])
        }
        try queue.close()
        let store = try HistoryStore(url: url)
        #expect(try store.appliedMigrations().contains("v5-recipient-deliveries"))
        #expect(try store.deliveredFingerprint(group: "tyollisyys", recipient: "matti@kuopio.example") == "f1")
        #expect(try store.deliveredFingerprint(group: "tyollisyys", recipient: "pj@kuopio.example") == "f1")
        #expect(try store.deliveredFingerprint(group: "tyollisyys", recipient: "Virtanen") == nil)
        #expect(try store.deliveredFingerprint(group: "muu", recipient: "pj@kuopio.example") == nil)
        try store.recordRecipientDelivery(group: "tyollisyys", recipient: "pj@kuopio.example", fingerprint: "f2", at: "t")
        #expect(try store.deliveredFingerprint(group: "tyollisyys", recipient: "pj@kuopio.example") == "f2")
        #expect(try store.deliveredFingerprint(group: "tyollisyys", recipient: "matti@kuopio.example") == "f1")
    }

    @Test("Old rows' address lists are split at commas outside quotes only")
    func legacySplit() {
        #expect(LegacyDeliveryRecipients.addresses("a@kuopio.example") == ["a@kuopio.example"])
        #expect(LegacyDeliveryRecipients.addresses("\"Virtanen, \\\"Matti\\\"\" <m@kuopio.example>, Kuopio <k@kuopio.example>")
                == ["m@kuopio.example", "k@kuopio.example"])
        #expect(LegacyDeliveryRecipients.addresses("ei osoite, b@kuopio.example") == ["b@kuopio.example"])
    }

    @Test("A message recorded for the whole group before is recognised; a changed file or address list is not")
    func groupFingerprint() {
        let files: [(name: String, data: Data)] = [("r.xlsx", Data("x".utf8))]
        let old = MailFingerprint.groupMessage(addresses: ["a@k.example", "b@k.example"], subject: "S", body: "B", files: files)
        #expect(old == MailFingerprint.groupMessage(addresses: ["a@k.example", "b@k.example"], subject: "S", body: "B", files: files))
        #expect(old != MailFingerprint.groupMessage(addresses: ["a@k.example"], subject: "S", body: "B", files: files))
        #expect(old != MailFingerprint.groupMessage(addresses: ["a@k.example", "b@k.example"], subject: "S", body: "B",
                                                    files: [("r.xlsx", Data("y".utf8))]))
        let attachment = MailMessage.Attachment(fileName: "r.xlsx", contentType: "x", data: Data("x".utf8))
        #expect(MailFingerprint.content(subject: "S", body: "B", attachments: [attachment]) != old)
    }

    @Test("Attachment names say the group's folder before the extension")
    func attachmentNames() {
        #expect(AttachmentName.forGroup(fileName: "kasvava-kuopio-tilanne-1-2024.xlsx", folder: "hyvinvointi")
                == "kasvava-kuopio-tilanne-1-2024-hyvinvointi.xlsx")
        #expect(AttachmentName.forGroup(fileName: "tilanne-1-2024-muutokset.csv", folder: "ryhmat/Työllisyys")
                == "tilanne-1-2024-muutokset-ryhmat-tyollisyys.csv")
        #expect(AttachmentName.forGroup(fileName: "tilanne", folder: "a") == "tilanne-a")
    }

    @Test("A group failed when any recipient failed, sent when any was sent, else unchanged")
    func groupOutcome() {
        typealias R = GroupDelivery.RecipientResult
        #expect(GroupDelivery.groupOutcome([R(address: "a", outcome: .sent), R(address: "b", outcome: .failed, problem: "550")]) == .failed)
        #expect(GroupDelivery.groupProblem([R(address: "a", outcome: .sent), R(address: "b", outcome: .failed, problem: "550")]) == "b: 550")
        #expect(GroupDelivery.groupOutcome([R(address: "a", outcome: .unchanged), R(address: "b", outcome: .sent)]) == .sent)
        #expect(GroupDelivery.groupOutcome([R(address: "a", outcome: .unchanged)]) == .unchanged)
    }
}
