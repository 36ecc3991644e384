import Foundation
import GRDB
import Testing
@testable import TilanneCore

/// Periods and history on the real Kuopio table: period 1/2024 frozen, then period 2/2024 made
/// by editing a copy (Fixtures/make_period_fixtures.py: two code changes, a reworded action,
/// a dropped one, a new one).
@Suite("History: frozen periods, comparison, staleness, the database")
struct HistoryTests {
    static func config(state: URL, period: String = "1/2024", file: URL = TestSupport.kuopioCSV) throws -> TilanneConfig {
        var config = try TestSupport.config(reading: file, output: state.appendingPathComponent("Output"))
        config.period = try #require(config.period.format.parse(period))
        config.sources[0].columns[.status] = "Tilanne \(period)"
        config.history = HistoryConfig(stateFolder: state.path, staleAfterPeriods: 2)
        config.languages = [.fi]
        return config
    }

    static let secondPeriod = TestSupport.fixtures.appendingPathComponent("kuopio-tilanne-2-2024.csv")

    /// Freezes 1/2024 from the real table; returns the config of 2/2024 and its store.
    static func frozenFirstPeriod() throws -> (TilanneConfig, HistoryStore) {
        let state = try TestSupport.temporaryFolder()
        let first = try config(state: state)
        let store = try #require(try Pipeline(config: first).openHistory())
        let pipeline = Pipeline(config: first)
        let rows = try pipeline.frozenRows(pipeline.check(), period: try #require(PeriodFormat.halfYears.parse("1/2024")), store: store)
        #expect(try store.freeze(try #require(PeriodFormat.halfYears.parse("1/2024")), rows: rows, fingerprint: pipeline.fingerprint, at: "2024-02-15T12:00:00+02:00", force: false) == false)
        return (try config(state: state, period: "2/2024", file: secondPeriod), store)
    }

    @Test("A period frozen before item paths (rows with a goal number only) compares as if frozen today")
    func legacyRowsCompare() throws {
        let (config, store) = try Self.frozenFirstPeriod()
        // As a database of the previous version holds them: no item path on the frozen rows.
        let queue = try DatabaseQueue(path: store.url.path)
        try queue.write { db in try db.execute(sql: "UPDATE periodAction SET itemPath = ''") }
        try queue.close()
        let pipeline = Pipeline(config: config)
        let model = pipeline.report(from: pipeline.check(), history: try pipeline.compare(pipeline.check(), store: store))
        let comparison = try #require(model.comparison)
        // The same five changes as with paths, and no action reported as moved.
        #expect(comparison.changes.map { "\($0.kind.rawValue) \($0.place)" } == ["changed 1", "changed 1", "changed 1", "new 2", "dropped 1"])
        #expect(comparison.counts.moved == 0 && comparison.counts.unchanged == 74)
        #expect(comparison.changes.last?.path == ItemPath(["kasvava-kuopio", "yrittajyysymparisto", "1"]))
    }

    @Test("Period 2/2024 against the frozen 1/2024: exactly the edits made, in CSV, HTML and the model")
    func comparison() throws {
        let (config, store) = try Self.frozenFirstPeriod()
        let pipeline = Pipeline(config: config)
        var programme = pipeline.check()
        let history = try pipeline.compare(programme, store: store)
        programme.diagnostics += history.diagnostics
        let model = pipeline.report(from: programme, history: history)
        let comparison = try #require(model.comparison)
        #expect(comparison.previousPeriod == "1/2024")
        let summary = comparison.changes.map { "\($0.kind.rawValue) \($0.place) \($0.action.prefix(40)) \($0.direction?.rawValue ?? "")" }
        #expect(summary == [
            "changed 1 Muuttajapalvelujen kehittäminen ja vakii unchanged",
            "changed 1 Pitkäaikais- ja nuorisotyöttömyyden vähe worsened",
            "changed 1 Pohjois-Savon yhtenäisen työssäkäyntialu improved",
            "new 2 Yritysten digitaalisten palvelujen kehit ",
            "dropped 1 Työyhteisöjen ja yritysten kv-osaajien v ",
        ])
        #expect(comparison.changes[0].previousAction == "Muuttajapalvelujen kehittäminen")
        #expect(comparison.changes[0].uncertain)
        #expect(comparison.counts == ChangeCounts(improved: 1, worsened: 1, codeChanged: 0, new: 1, dropped: 1, statusChanged: 0,
                                                  reworded: 1, moved: 0, unchanged: 74))
        // The reworded action is matched by similar wording: a finding asks a person to confirm.
        let uncertain = try #require(programme.diagnostics.first { $0.code == .historyUncertainMatch })
        #expect(uncertain.message(.fi).contains("\"Muuttajapalvelujen kehittäminen\""))
        #expect(uncertain.location?.row == 3)
        // Each action row carries its change.
        let pohjoisSavo = try #require(model.allActions.first { $0.action.hasPrefix("Pohjois-Savon") })
        #expect(ReportStrings(language: .fi).changeNote(try #require(pohjoisSavo.change), now: "+/-") == "↑ parantunut (- → +/-)")

        // The CSV and HTML say the same.
        let written = try pipeline.publish(model)
        let names = written.map(\.lastPathComponent).sorted()
        #expect(names == ["kasvava-kuopio-tilanne-2-2024-koordinaattori.csv", "kasvava-kuopio-tilanne-2-2024-koordinaattori.xlsx",
                          "kasvava-kuopio-tilanne-2-2024-mittarit.csv", "kasvava-kuopio-tilanne-2-2024-muutokset.csv", "kasvava-kuopio-tilanne-2-2024-paivitettavat.csv",
                          "kasvava-kuopio-tilanne-2-2024.csv", "kasvava-kuopio-tilanne-2-2024.html", "kasvava-kuopio-tilanne-2-2024.xlsx"])
        let folder = written[0].deletingLastPathComponent()
        try RenderTests.expectMatchesReference(folder.appendingPathComponent("kasvava-kuopio-tilanne-2-2024-muutokset.csv"),
                                               "kuopio-2-2024-muutokset.csv")
        let html = try String(contentsOf: folder.appendingPathComponent("kasvava-kuopio-tilanne-2-2024.html"), encoding: .utf8)
        #expect(html.contains("<h2 id=\"muutokset\">Muutokset kaudesta 1/2024 kauteen 2/2024</h2>"))
        #expect(html.components(separatedBy: "<tr class=\"change-").count - 1 == 5)
        #expect(html.contains("<td class=\"change\" data-label=\"Muutos (vrt. 1/2024)\">↓ heikentynyt (+ → +/-)</td>"))

        // The layout both lists are rendered from, as readable text: one reference each.
        let layouts = try TestSupport.temporaryFolder()
        let changes = layouts.appendingPathComponent("changes.txt"), updates = layouts.appendingPathComponent("updates.txt")
        try ChangeListLayout.changes(comparison, model: model).snapshot.write(to: changes, atomically: true, encoding: .utf8)
        try ChangeListLayout.updates(model.updateRequests ?? [], model: model).snapshot.write(to: updates, atomically: true, encoding: .utf8)
        try RenderTests.expectMatchesReference(changes, "layout-2-2024-muutokset.txt")
        try RenderTests.expectMatchesReference(updates, "layout-2-2024-paivitettavat.txt")
        // The coordinator's check list: every finding with its place, the uncertain match among them.
        let checks = layouts.appendingPathComponent("checks.txt")
        try CheckListLayout.checks(model).snapshot.write(to: checks, atomically: true, encoding: .utf8)
        try RenderTests.expectMatchesReference(checks, "layout-2-2024-tarkistukset.txt")
    }

    @Test("A frozen period is never changed by later runs; freezing it again needs force")
    func refreeze() throws {
        let (config, store) = try Self.frozenFirstPeriod()
        let pipeline = Pipeline(config: config)
        let rows = try pipeline.frozenRows(pipeline.check(), period: try #require(PeriodFormat.halfYears.parse("1/2024")), store: store)
        #expect(throws: PeriodAlreadyFrozen.self) {
            try store.freeze(try #require(PeriodFormat.halfYears.parse("1/2024")), rows: rows, fingerprint: "x", at: "2024-06-01T12:00:00+03:00", force: false)
        }
        #expect(try store.frozenPeriods().map(\.frozenAt) == ["2024-02-15T12:00:00+02:00"])
        #expect(try store.freeze(try #require(PeriodFormat.halfYears.parse("1/2024")), rows: rows, fingerprint: "x", at: "2024-06-01T12:00:00+03:00", force: true) == true)
        #expect(try store.frozenPeriods().map(\.frozenAt) == ["2024-06-01T12:00:00+03:00"])
        #expect(try store.frozenPeriods().map(\.actions) == [77])
    }

    @Test("Status texts unchanged for two frozen periods, and '?' codes, are listed per responsible party")
    func staleness() throws {
        let state = try TestSupport.temporaryFolder()
        let first = try Self.config(state: state)
        let store = try #require(try Pipeline(config: first).openHistory())
        for period in ["2/2023", "1/2024"] {
            let pipeline = Pipeline(config: try Self.config(state: state, period: "1/2024"))
            let frozen = try #require(PeriodFormat.halfYears.parse(period))
            let rows = try pipeline.frozenRows(pipeline.check(), period: frozen, store: store)
            try store.freeze(frozen, rows: rows, fingerprint: "", at: "t", force: false)
        }
        let next = try Self.config(state: state, period: "2/2024", file: Self.secondPeriod)
        let pipeline = Pipeline(config: next)
        let programme = pipeline.check()
        let model = pipeline.report(from: programme, history: try pipeline.compare(programme, store: store))
        let stale = model.allActions.filter { $0.stale?.reasons.contains(.statusUnchanged) == true }
        // Every action present in both periods kept its text (the new one has no history).
        #expect(stale.count == 76)
        #expect(stale.first?.stale?.unchangedPeriods == 2)
        #expect(stale.first?.stale?.unchangedSince == "2/2023")
        let unknown = model.allActions.filter { $0.stale?.reasons.contains(.noInformation) == true }
        #expect(unknown.count == 4) // the four '?' rows
        let requests = try #require(model.updateRequests)
        let työllisyys = try #require(requests.first { $0.responsible == "Työllisyyspalvelut" })
        #expect(työllisyys.actions.allSatisfy { $0.stale.reasons.contains(.statusUnchanged) })
        #expect(requests.map(\.responsible) == requests.map(\.responsible).sorted { TextNormaliser.comparisonKey($0) < TextNormaliser.comparisonKey($1) })
    }

    @Test("A status text counts as unchanged through case, spacing and dashes, not through rewording")
    func statusKey() {
        let key = HistoryRows.statusKey("Hanke käynnissä – Työllisyyspalvelut vastaa.")
        #expect(HistoryRows.statusKey("hanke  käynnissä - TYÖLLISYYSPALVELUT vastaa.") == key)
        #expect(HistoryRows.statusKey("Hanke käynnissä —\nTyöllisyyspalvelut vastaa.") == key)
        #expect(HistoryRows.statusKey("Hanke päättynyt – Työllisyyspalvelut vastaa.") != key)
        #expect(HistoryRows.statusKey("HANKE KÄYNNISSÄ TYÖLLISYYSPALVELUT VASTAA.") == key)
    }

    @Test("Periods order by year, then by the number within the year, in the keys earlier databases hold")
    func periodOrder() throws {
        let halves = PeriodFormat.halfYears
        let labels = ["1/2024", "2/2023", "2/2024", "1/2023"]
        let parsed = try labels.map { try #require(halves.parse($0)) }
        #expect(parsed.sorted().map(\.label) == ["1/2023", "2/2023", "1/2024", "2/2024"])
        #expect(parsed.map(\.sortKey) == ["2024-001", "2023-002", "2024-002", "2023-001"])
        let years = PeriodFormat(pattern: "TP YYYY")
        #expect(try #require(years.parse("TP 2023")).sortKey == "2023-000")
        // One label per period however it is typed: the label keys the history.
        #expect(try #require(years.parse("tp  2023")).label == "TP 2023")
    }

    @Test("A database from the previous version is upgraded, its runs kept")
    func upgrade() throws {
        let url = try TestSupport.temporaryFolder().appendingPathComponent("old.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try HistorySchema.migrator.migrate(queue, upTo: "v1-runs")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO run (startedAt, finishedAt, period, fingerprint, outcome, actions, rejected, warnings, errors) VALUES ('a', 'b', '2/2023', 'f', 'published', 1, 0, 0, 0)")
            try db.execute(sql: "INSERT INTO runAction (runId, position, identity, theme, goalNumber, goalTitle, action, projects, responsible, progress, status, statusKey, sourceFile) VALUES (1, 0, '1-abc', 'T', 1, 'G', 'A', '', '', '+', 'S', 'k', 'f')")
        }
        try queue.close()
        let store = try HistoryStore(url: url)
        #expect(try store.appliedMigrations() == ["v1-runs", "v2-periods", "v3-deliveries", "v4-item-paths", "v5-recipient-deliveries", "v6-period-lifecycle", "v7-request-mails"])
        #expect(try store.runs().map(\.period) == ["2/2023"])
        let lineage = try DatabaseQueue(path: url.path).read { try String.fetchOne($0, sql: "SELECT lineage FROM runAction") }
        #expect(lineage == "1-abc")
    }

    @Test("A database from a newer version, or a file that is not one, is refused and left as it is")
    func refused() throws {
        let folder = try TestSupport.temporaryFolder()
        let newer = folder.appendingPathComponent("newer.sqlite")
        let queue = try DatabaseQueue(path: newer.path)
        try HistorySchema.migrator.migrate(queue)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        try queue.close()
        let before = try Data(contentsOf: newer)
        #expect(throws: HistoryError.self) { try HistoryStore(url: newer) }
        #expect(try Data(contentsOf: newer) == before)

        let text = folder.appendingPathComponent("text.sqlite")
        try Data("not a database\n".utf8).write(to: text)
        do {
            _ = try HistoryStore(url: text)
            Issue.record("a text file was accepted as the history")
        } catch {
            #expect(error.description.contains("left as it is"))
        }
        #expect(try Data(contentsOf: text) == Data("not a database\n".utf8))
    }

    @Test("The fingerprint changes with an input file's bytes and with the config file")
    func fingerprint() throws {
        let folder = try TestSupport.temporaryFolder()
        let input = folder.appendingPathComponent("input.csv")
        try Data(contentsOf: TestSupport.kuopioCSV).write(to: input)
        let configFile = folder.appendingPathComponent("tilanne.yml")
        let shipped = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/tilanne.yml"), encoding: .utf8)
        try shipped.replacingOccurrences(of: "../Input/kasvava-kuopio-tilanne-{period}.csv", with: input.path).write(to: configFile, atomically: true, encoding: .utf8)
        let programmeFile = folder.appendingPathComponent("kasvava-kuopio-ohjelma.yml")
        try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/kasvava-kuopio-ohjelma.yml")).write(to: programmeFile)
        let first = RunFingerprint.of(try ConfigLoader.load(from: configFile))
        #expect(RunFingerprint.of(try ConfigLoader.load(from: configFile)) == first)
        var bytes = try Data(contentsOf: input)
        bytes[bytes.count - 3] = UInt8(ascii: "X")
        try bytes.write(to: input)
        let second = RunFingerprint.of(try ConfigLoader.load(from: configFile))
        #expect(second != first)
        try (shipped.replacingOccurrences(of: "../Input/kasvava-kuopio-tilanne-1-2024.csv", with: input.path) + "\n# comment\n")
            .write(to: configFile, atomically: true, encoding: .utf8)
        #expect(RunFingerprint.of(try ConfigLoader.load(from: configFile)) != second)
    }
}

extension HistoryTests {
    @Test("A change of responsible party is a change: listed with the parties before, counted; the counts add up to the rows")
    func responsiblePartyChange() throws {
        let (secondConfig, store) = try Self.frozenFirstPeriod()
        // The 2/2024 table with one party replaced ("Työllisyyspalvelut" → "Elinvoimapalvelut")
        // and one spelt otherwise (case and spacing: no change).
        var text = try String(contentsOf: Self.secondPeriod, encoding: .utf8)
        let replaced = try #require(text.range(of: ";Työllisyyspalvelut;"))
        text.replaceSubrange(replaced, with: ";Elinvoimapalvelut;")
        let respelt = try #require(text.range(of: ";Elinvoima- ja konsernipalvelut;"))
        text.replaceSubrange(respelt, with: ";ELINVOIMA- JA  KONSERNIPALVELUT;")
        let file = try TestSupport.temporaryFolder().appendingPathComponent("kuopio-tilanne-2-2024.csv")
        try Data(text.utf8).write(to: file)
        var config = secondConfig
        config.sources[0].path = file.path
        let pipeline = Pipeline(config: config)
        let programme = pipeline.check()
        let comparison = try #require(try pipeline.compare(programme, store: store).comparison)
        let changed = comparison.changes.filter { $0.responsibleBefore != nil }
        #expect(changed.map(\.responsible) == [["Elinvoimapalvelut"]])
        #expect(changed.map(\.responsibleBefore) == [["Työllisyyspalvelut"]])
        #expect(comparison.counts.responsibleChanged == 1)
        let counts = comparison.counts
        #expect(counts.improved + counts.worsened + counts.codeChanged + counts.unchanged + counts.new == programme.actions.count)
        let cells = ChangeListLayout.cells(try #require(changed.first), strings: ReportStrings(language: .fi))
        #expect(cells[9].contains("vastuutaho ennen: Työllisyyspalvelut"))
    }
}
