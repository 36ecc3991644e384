import Foundation
import GRDB
import Testing
@testable import TilanneCore

/// A repeat mail to a group opens with what changed since the group's last mail, in the
/// report language; the history keeps the last two mails per group.
@Suite("Changes since the last mail")
struct MailChangeTests {
    typealias Action = MailSnapshot.Action

    static let before = MailSnapshot(sentAt: "2024-03-01T02:00:00+02:00", actions: [
        Action(key: "a", title: "Osaajien rekrytointi", progress: "+", statusKey: "s1"),
        Action(key: "b", title: "Muuttajapalvelut", progress: "+", statusKey: "s2"),
        Action(key: "c", title: "Ohjaamo", progress: "-", statusKey: "s3"),
        Action(key: "d", title: "Yrityspalvelut", progress: "+", statusKey: "s4"),
    ])
    static let now = [
        Action(key: "a", title: "Osaajien rekrytointi", progress: "+/-", statusKey: "s1"),   // code changed
        Action(key: "b", title: "Muuttajapalvelut (uusi nimi)", progress: "+", statusKey: "s2b"), // text changed, reworded
        Action(key: "c", title: "Ohjaamo", progress: "-", statusKey: "s3"),                   // the same
        Action(key: "e", title: "Kiertotalous", progress: "+", statusKey: "s5"),              // new; d removed
    ]

    @Test("Changed, new and removed actions are told apart by their key, code and status text")
    func changes() {
        let changes = MailChanges(since: Self.before, now: Self.now)
        #expect(changes.changed == ["Osaajien rekrytointi", "Muuttajapalvelut (uusi nimi)"])
        #expect(changes.new == ["Kiertotalous"])
        #expect(changes.removed == ["Yrityspalvelut"])
        #expect(MailChanges(since: Self.before, now: Self.before.actions).isEmpty)
    }

    @Test("The opening in Finnish, Swedish and English")
    func texts() {
        let changes = MailChanges(since: Self.before, now: Self.now)
        #expect(MailChangeText(language: .fi).text(changes) == """
            Edellisen viestin (1.3.2024) jälkeen: 2 toimenpiteen tilanne muuttui, 1 uusi, 1 poistui.
            - Osaajien rekrytointi
            - Muuttajapalvelut (uusi nimi)
            - Kiertotalous (uusi)
            - Yrityspalvelut (poistui)
            """)
        #expect(MailChangeText(language: .sv).text(changes).hasPrefix(
            "Sedan förra meddelandet (1.3.2024): läget har ändrats för 2 åtgärder, 1 ny, 1 borttagen.\n- Osaajien rekrytointi"))
        #expect(MailChangeText(language: .en).text(changes).hasPrefix(
            "Since the previous message (1 March 2024): 2 actions changed, 1 new, 1 removed.\n"))
        let none = MailChanges(since: Self.before, now: Self.before.actions)
        #expect(MailChangeText(language: .fi).text(none) == "Edellisen viestin (1.3.2024) jälkeen toimenpiteiden tilanteet eivät ole muuttuneet.")
    }

    @Test("At most ten actions are listed, then how many more")
    func capped() {
        let many = (1...14).map { Action(key: "k\($0)", title: "Toimenpide \($0)", progress: "+", statusKey: "s") }
        let changes = MailChanges(since: MailSnapshot(sentAt: "2024-03-01T02:00:00+02:00", actions: []), now: many)
        let lines = MailChangeText(language: .fi).text(changes).components(separatedBy: "\n")
        #expect(lines.first == "Edellisen viestin (1.3.2024) jälkeen: 14 uutta.")
        #expect(lines.count == 12)
        #expect(lines[10] == "- Toimenpide 10 (uusi)")
        #expect(lines.last == "ja 4 muuta")
        #expect(MailChangeText(language: .sv).text(changes).hasSuffix("\noch 4 till"))
        #expect(MailChangeText(language: .en).text(changes).hasSuffix("\nand 4 more"))
    }

    @Test("The store gives the latest mail other than the one being retried, and keeps two")
    func store() throws {
        let store = try HistoryStore(url: try TestSupport.temporaryFolder().appendingPathComponent("h.sqlite"))
        #expect(try store.lastGroupMail(group: "g", before: "x") == nil)
        try store.recordGroupMail(group: "g", fingerprint: "m1", actions: Self.before.actions, at: "2024-03-01T02:00:00+02:00")
        try store.recordGroupMail(group: "g", fingerprint: "m2", actions: Self.now, at: "2024-04-01T02:00:00+03:00")
        #expect(try store.lastGroupMail(group: "g", before: "m3")?.actions == Self.now)
        // m2 retried for an address that did not get it: compared with the mail before m2.
        #expect(try store.lastGroupMail(group: "g", before: "m2") == Self.before)
        try store.recordGroupMail(group: "g", fingerprint: "m3", actions: [], at: "2024-05-01T02:00:00+03:00")
        #expect(try store.lastGroupMail(group: "g", before: "m3")?.sentAt == "2024-04-01T02:00:00+03:00")
        #expect(try store.lastGroupMail(group: "g", before: "m2")?.sentAt == "2024-05-01T02:00:00+03:00")
        #expect(try store.lastGroupMail(group: "other", before: "m3") == nil)
        // The oldest mail and its actions are gone.
        let kept = try store.queue.read { try String.fetchAll($0, sql: "SELECT DISTINCT fingerprint FROM groupMailAction ORDER BY 1") }
        #expect(kept == ["m2"])
        #expect(try store.queue.read { try String.fetchAll($0, sql: "SELECT fingerprint FROM groupMail ORDER BY 1") } == ["m2", "m3"])
    }
}
