import Foundation
import Testing
@testable import TilanneCore

/// What the source folder says beside the tables: a file nobody reads (`source.unread-file`)
/// and a table older than the configured age (`source.stale-input`).
@Suite("Source folder")
struct SourceFolderTests {
    /// A project folder with `Input/tilanne-1-2024.csv` (one valid action) read by the Kuopio
    /// config through `tilanne-{period}.csv`, without indicators so that only the folder speaks.
    private func project() throws -> (folder: URL, input: URL, config: TilanneConfig) {
        let folder = try TestSupport.temporaryFolder()
        let input = folder.appendingPathComponent("Input")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let table = input.appendingPathComponent("tilanne-1-2024.csv")
        try TestSupport.writeFlatCSV([TestSupport.actionRow()], to: table)
        var config = try TestSupport.config(reading: table, output: folder.appendingPathComponent("Output"))
        config.sources[0].pathTemplate = input.appendingPathComponent("tilanne-{period}.csv").path
        config.indicators = []
        return (folder, input, config)
    }

    private func touch(_ url: URL, _ text: String = "x") throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func setModified(_ url: URL, _ date: Date) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: url.path)
    }

    @Test("A copy and an old folder nobody reads are findings; lock files, notes, a later period and Tilanne's own files are not")
    func unreadFiles() throws {
        var (folder, input, config) = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["Tilanne_1-2024 (2).xlsx", "vanha/tilanne-4-2023.csv", "~$Tilanne_1-2024.xlsx", ".~lock.tilanne-1-2024.csv#",
                     ".DS_Store", "README.md", "tilanne-2-2024.csv", "ajot.log", "Output/x.html"] {
            try touch(input.appendingPathComponent(name))
        }
        config.operations.logFile = input.appendingPathComponent("ajot.log").path
        config.outputs.folder = input.appendingPathComponent("Output").path

        let findings = TestSupport.check(config).diagnostics
        #expect(ExpectedFindings.keys(findings) == ["source.later-period@-", "source.unread-file@-", "source.unread-file@-"])
        let unread = findings.filter { $0.code == .sourceUnreadFile }
        #expect(unread.map(\.location?.file) == [input.appendingPathComponent("Tilanne_1-2024 (2).xlsx").path,
                                                 input.appendingPathComponent("vanha").path])
        #expect(unread.map(\.severity) == [.warning, .warning])
        #expect(unread[0].message(.fi) == "Tiedosto \"Tilanne_1-2024 (2).xlsx\" on lähdekansiossa, mutta yksikään lähde ei lue sitä, "
            + "joten sen tiedot eivät ole raportissa. Siirrä se pois kansiosta, tai jos se kuuluu raporttiin, lisää se lähteisiin (sources: asetuksissa).")
        #expect(unread[1].message(.sv).hasPrefix("Mappen \"vanha\" ligger i källmappen, men ingen källa läser den"))
        #expect(unread[1].message(.en).hasPrefix("The folder \"vanha\" is in the source folder, but no source reads it"))
    }

    @Test("A folder a source reads from, and the files a pattern reads, are not reported")
    func readFolders() throws {
        var (folder, input, config) = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: input.appendingPathComponent("yksikot"), withIntermediateDirectories: true)
        try TestSupport.writeFlatCSV([TestSupport.actionRow([4: "Toinen toimenpide"])],
                                     to: input.appendingPathComponent("yksikot/tekninen.csv"))
        config.sources.append(config.sources[0])
        config.sources[1].path = input.appendingPathComponent("yksikot/*.csv").path
        config.sources[1].pathTemplate = nil
        #expect(ExpectedFindings.keys(TestSupport.check(config).diagnostics) == [])

        try touch(input.appendingPathComponent("yksikot/tekninen (kopio).xlsx"))
        let findings = TestSupport.check(config).diagnostics
        #expect(ExpectedFindings.keys(findings) == ["source.unread-file@-"])
        #expect(findings.first?.location?.file == input.appendingPathComponent("yksikot/tekninen (kopio).xlsx").path)
    }

    @Test("The policy can raise an unread file to an error, which then stops the run")
    func unreadPolicy() throws {
        var (folder, input, config) = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        try touch(input.appendingPathComponent("Tilanne_1-2024 (2).xlsx"))
        config.validation.severity = [.sourceUnreadFile: .error]
        let pipeline = Pipeline(config: config)
        let judged = pipeline.judged(pipeline.check())
        #expect(judged.diagnostics.map(\.severity) == [.error])
        #expect(pipeline.policy.fails(judged.diagnostics))
    }

    @Test("A source file older than validation.input_max_age names the file, its age in days and the limit")
    func staleInput() throws {
        var (folder, input, config) = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = input.appendingPathComponent("tilanne-1-2024.csv")
        let saved = Date(timeIntervalSince1970: 1_706_000_000)
        try setModified(table, saved)
        let now = saved.addingTimeInterval(60 * 86_400 + 3_600)

        #expect(ExpectedFindings.keys(Pipeline(config: config).check(now: now).diagnostics) == [], "no limit, no finding")

        config.validation.inputMaxAge = AgeLimit("45d")
        let findings = Pipeline(config: config).check(now: now).diagnostics
        #expect(ExpectedFindings.keys(findings) == ["source.stale-input@-"])
        let stale = try #require(findings.first)
        #expect(stale.location?.file == table.path)
        #expect(stale.severity == .warning)
        #expect(stale.message(.fi) == "Tiedostoa \"tilanne-1-2024.csv\" on muokattu viimeksi 60 päivää sitten; raja on 45 päivää "
            + "(validation.input_max_age). Tarkista, että kansiossa on kauden tuorein taulukko.")
        #expect(stale.message(.sv).contains("för 60 dagar sedan; gränsen är 45 dagar"))
        #expect(stale.message(.en).contains("60 days ago; the limit is 45 days"))

        // Exactly at the limit is not yet too old.
        #expect(ExpectedFindings.keys(Pipeline(config: config).check(now: saved.addingTimeInterval(45 * 86_400)).diagnostics) == [])
    }

    @Test("A source's own max_age wins over the general limit, in hours as well")
    func sourceMaxAge() throws {
        var (folder, input, config) = try project()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = input.appendingPathComponent("tilanne-1-2024.csv")
        let saved = Date(timeIntervalSince1970: 1_706_000_000)
        try setModified(table, saved)
        config.validation.inputMaxAge = AgeLimit("45d")
        config.sources[0].maxAge = AgeLimit("36h")
        let findings = Pipeline(config: config).check(now: saved.addingTimeInterval(40 * 3_600)).diagnostics
        #expect(ExpectedFindings.keys(findings) == ["source.stale-input@-"])
        #expect(findings.first?.message(.fi).contains("viimeksi 40 tuntia sitten; raja on 36 tuntia (max_age)") == true,
                "\(findings.first?.message(.fi) ?? "")")

        config.sources[0].maxAge = AgeLimit("90d")
        #expect(ExpectedFindings.keys(Pipeline(config: config).check(now: saved.addingTimeInterval(60 * 86_400)).diagnostics) == [])
    }

    @Test("An age is whole days or hours", arguments: [
        ("45d", AgeLimit(amount: 45, unit: .days)), ("36h", AgeLimit(amount: 36, unit: .hours)), ("1d", AgeLimit(amount: 1, unit: .days)),
    ])
    func ageParsed(text: String, expected: AgeLimit) {
        #expect(AgeLimit(text) == expected)
    }

    @Test("Anything else is no age", arguments: ["45", "d", "4.5d", "0d", "-3d", "45m", "45 d", "45D", "1w", "", "99999d"])
    func ageRefused(text: String) {
        #expect(AgeLimit(text) == nil)
    }

    @Test("An age the configuration cannot read stops the run with its key and line")
    func ageInConfig() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = TestSupport.repositoryRoot.appendingPathComponent("Config")
        try FileManager.default.copyItem(at: root.appendingPathComponent("kasvava-kuopio-ohjelma.yml"),
                                         to: folder.appendingPathComponent("kasvava-kuopio-ohjelma.yml"))
        let shipped = try String(contentsOf: root.appendingPathComponent("tilanne.yml"), encoding: .utf8)
        func parse(_ text: String) throws -> TilanneConfig { try ConfigLoader.parse(text, file: "tilanne.yml", baseDirectory: folder) }
        func lineOf(_ needle: String, _ text: String) -> Int? {
            text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 }
        }

        let good = try parse(shipped.replacingOccurrences(of: "  fail_on: error", with: "  fail_on: error\n  input_max_age: 45d")
            .replacingOccurrences(of: "    shape: flat", with: "    shape: flat\n    max_age: 36h"))
        #expect(good.validation.inputMaxAge == AgeLimit(amount: 45, unit: .days))
        #expect(good.sources[0].maxAge == AgeLimit(amount: 36, unit: .hours))

        for (bad, key) in [("  fail_on: error\n  input_max_age: 45 days", "input_max_age"), ("    shape: flat\n    max_age: 6w", "max_age")] {
            let original = bad.components(separatedBy: "\n")[0]
            let text = shipped.replacingOccurrences(of: original, with: bad)
            do {
                _ = try parse(text)
                Issue.record("\(bad) was accepted")
            } catch let error as ConfigError {
                #expect(error.keyPath.hasSuffix(key), "\(error.keyPath)")
                #expect(error.line == lineOf(key + ":", text), "\(error)")
                #expect(error.problem.contains("45d or 36h"), "\(error.problem)")
            }
        }
    }
}
