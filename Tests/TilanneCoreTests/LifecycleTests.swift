import Foundation
import GRDB
import Testing
@testable import TilanneCore

@Suite("Period lifecycle: open, published, frozen; the one edit that opens a period")
struct LifecycleTests {
    private func period(_ label: String) throws -> ReportingPeriod {
        try #require(try TestSupport.kuopioConfig().period.format.parse(label))
    }

    private func row(_ identity: String, status: String) -> HistoryRow {
        HistoryRow(identity: identity, lineage: identity, theme: "T", goalNumber: 1, goalTitle: "G", action: "A \(identity)", projects: "",
                   responsible: "R", progress: "+", status: status, statusKey: status, sourceFile: "f.csv", sourceRow: 2, itemPath: "1/1")
    }

    @Test("A period is open, then published, then frozen; an undone freeze leaves it published, and every step is an event")
    func states() throws {
        let store = try HistoryStore(url: try TestSupport.temporaryFolder().appendingPathComponent("h.sqlite"))
        let first = try period("1/2024")
        #expect(try store.status(of: first).state == .open)
        let inputs = PublicationInputs(configuration: "c", programme: nil, files: [])
        let id = try store.recordPublication(period: first, at: "t1", fingerprint: "f", inputs: inputs, archive: "/a",
                                             files: [.init(path: "x.xlsx", bytes: 3, sha256: "s")], rows: [row("a", status: "one")])
        let published = try store.status(of: first)
        #expect(published.state == .published)
        #expect(published.publication?.id == id && published.publication?.inputs == inputs)
        #expect(published.publication?.files.map(\.path) == ["x.xlsx"])
        #expect(try store.publicationRows(id).map(\.status) == ["one"])

        _ = try store.freeze(first, rows: try store.publicationRows(id), fingerprint: "f", at: "t2", force: false)
        #expect(try store.status(of: first).state == .frozen)
        let second = try period("2/2024")
        _ = try store.freeze(second, rows: [row("a", status: "two")], fingerprint: "g", at: "t3", force: false)
        #expect(throws: LifecycleRefusal.laterPeriodFrozen(period: "1/2024", later: "2/2024")) {
            _ = try store.unfreeze(first, reason: "r", at: "t4")
        }
        _ = try store.unfreeze(second, reason: "wrong table", at: "t4")
        _ = try store.unfreeze(first, reason: "wrong version", at: "t5")
        #expect(try store.status(of: first).state == .published)
        #expect(try store.status(of: second).state == .open)
        #expect(throws: LifecycleRefusal.notFrozen(period: "1/2024")) { _ = try store.unfreeze(first, reason: "", at: "t6") }
        #expect(try store.events().map { "\($0.label) \($0.kind.rawValue) \($0.detail)" } == [
            "1/2024 published 1 files, /a", "1/2024 frozen 1 actions", "2/2024 frozen 1 actions",
            "2/2024 unfrozen wrong table", "1/2024 unfrozen wrong version",
        ])
    }

    @Test("A history from before the lifecycle is upgraded: its frozen periods stay frozen")
    func upgrade() throws {
        let url = try TestSupport.temporaryFolder().appendingPathComponent("old.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try HistorySchema.migrator.migrate(queue, upTo: "v4-item-paths")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO period (label, sortKey, frozenAt, fingerprint, actions) VALUES ('2/2023', '2023-02', 't', 'f', 0)")
        }
        try queue.close()
        let store = try HistoryStore(url: url)
        #expect(try store.status(of: try period("2/2023")).state == .frozen)
        #expect(try store.status(of: try period("1/2024")).state == .open)
    }

    @Test("Freezing compares the inputs file by file: configuration, changed, added and removed files are named")
    func inputChanges() {
        let file = { (path: String, hash: String) in RunSummary.FileRecord(path: path, bytes: 1, sha256: hash) }
        let published = PublicationInputs(configuration: "c1", programme: "p", files: [file("a.csv", "1"), file("b.csv", "2")])
        #expect(published.changes(to: published).isEmpty)
        let today = PublicationInputs(configuration: "c2", programme: "p", files: [file("a.csv", "9"), file("c.csv", "3")])
        #expect(published.changes(to: today) == [
            InputChange(kind: .configuration, path: nil), InputChange(kind: .changed, path: "a.csv"),
            InputChange(kind: .added, path: "c.csv"), InputChange(kind: .removed, path: "b.csv"),
        ])
    }

    @Test("Opening a period changes only the value of the top-level period line, keeping quotes, comment and line end")
    func configEdit() {
        #expect(PeriodConfigEdit.replacingPeriod(in: "a: 1\nperiod: \"1/2024\"\nb: 2\n", with: "2/2024") == "a: 1\nperiod: \"2/2024\"\nb: 2\n")
        #expect(PeriodConfigEdit.replacingPeriod(in: "period: '1/2024'  # kausi\n", with: "2/2024") == "period: '2/2024'  # kausi\n")
        #expect(PeriodConfigEdit.replacingPeriod(in: "period: TP 2024 # vuosi\r\nx: 1\r\n", with: "TP 2025") == "period: \"TP 2025\" # vuosi\r\nx: 1\r\n")
        // A nested key of the same name is not the programme's period.
        #expect(PeriodConfigEdit.replacingPeriod(in: "history:\n  period: 1\n", with: "2/2024") == nil)
    }

    @Test("period open writes the new period into the file and the file still loads; a file that would not load is put back")
    func openEditsTheFile() throws {
        let folder = try TestSupport.temporaryFolder()
        let config = folder.appendingPathComponent("tilanne.yml")
        let original = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/tilanne.yml"), encoding: .utf8)
            .replacingOccurrences(of: "programme_file: ", with: "programme_file: \(TestSupport.repositoryRoot.path)/Config/")
        try original.write(to: config, atomically: true, encoding: .utf8)
        let opened = try PeriodConfigEdit.open(try period("2/2024"), in: config)
        #expect(opened.period.label == "2/2024")
        #expect(try String(contentsOf: config, encoding: .utf8) == original.replacingOccurrences(of: "period: \"1/2024\"", with: "period: \"2/2024\""))
        // A label the format cannot read makes the file invalid: it is put back as it was.
        let broken = ReportingPeriod(label: "syksy", year: 2024, number: nil, format: opened.period.format)
        #expect(throws: ConfigError.self) { _ = try PeriodConfigEdit.open(broken, in: config) }
        #expect(try String(contentsOf: config, encoding: .utf8).contains("period: \"2/2024\""))
    }
}
