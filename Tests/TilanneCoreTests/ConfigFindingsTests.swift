import Foundation
import Testing
@testable import TilanneCore

/// Configuration mistakes that used to pass or to be reported badly: each stops the run with
/// the key, the line and what to write instead; and two row findings that named the wrong thing.
@Suite("Configuration findings")
struct ConfigFindingsTests {
    let shipped = TestSupport.shippedConfigText
    let shippedProgramme = TestSupport.shippedProgrammeText

    private func refusal(_ run: String? = nil, programme: String? = nil) -> ConfigError? {
        do {
            let folder = try TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try (programme ?? shippedProgramme).write(to: folder.appendingPathComponent("kasvava-kuopio-ohjelma.yml"),
                                                      atomically: true, encoding: .utf8)
            _ = try ConfigLoader.parse(run ?? shipped, file: "tilanne.yml", baseDirectory: folder)
            Issue.record("the configuration was accepted")
        } catch let error as ConfigError {
            return error
        } catch {
            Issue.record("not a configuration error: \(error)")
        }
        return nil
    }

    private func line(of text: String, in file: String, occurrence: Int = 1) -> Int {
        let lines = file.components(separatedBy: "\n").enumerated().filter { $0.element.contains(text) }
        return lines[occurrence - 1].offset + 1
    }

    @Test("A key given twice names the key and the line of its second writing, not the whole file")
    func duplicateKey() throws {
        let run = shipped.replacingOccurrences(of: "validation:\n", with: "period: \"2/2024\"\nvalidation:\n")
        let error = try #require(refusal(run))
        #expect(error.keyPath == "period")
        #expect(error.line == line(of: "period: \"2/2024\"", in: run))
        #expect(error.problem.contains("first on line \(line(of: "period: \"1/2024\"", in: run))"), "\(error.problem)")
        #expect(!error.description.contains("sources:") && !error.description.contains("\n"), "\(error.description)")

        let programme = shippedProgramme.replacingOccurrences(of: "  strategy: Kuopio 2030\n", with: "  strategy: Kuopio 2030\n  strategy: Kuopio 2040\n")
        let inProgramme = try #require(refusal(programme: programme))
        #expect(inProgramme.keyPath == "strategy")
        #expect(inProgramme.file.hasSuffix("kasvava-kuopio-ohjelma.yml"))
        #expect(inProgramme.line == line(of: "strategy: Kuopio 2040", in: programme))
        #expect(!inProgramme.description.contains("\n"))
    }

    @Test("An empty value a report needs is a configuration error at its key and line", arguments: [
        // (text in the programme file, replacement, key path)
        ("        title: \"KUOPION TUNNETTUUS JA EDUNVALVONTA\"\n", "        title: \"\"\n", "programme.items[3].title"),
        ("            title: \"Matkailun edistäminen\"\n", "            title: \"  \"\n", "programme.items[0].items[4].title"),
        ("            title_sv: \"Att främja turismen\"\n", "            title_sv:\n", "programme.items[0].items[4].title_sv"),
        ("  name: Kasvava Kuopio -toimenpideohjelma\n", "  name: \"\"\n", "programme.name"),
        ("    name: Painopiste\n", "    name: ~\n", "levels[0].name"),
        ("    aliases: [\"−\"]", "    aliases: [\"−\", \"\"]", "legend[2].aliases[1]"),
    ])
    func emptyProgrammeValue(original: String, replacement: String, keyPath: String) throws {
        #expect(shippedProgramme.contains(original))
        let programme = shippedProgramme.replacingOccurrences(of: original, with: replacement)
        let error = try #require(refusal(programme: programme))
        #expect(error.keyPath == keyPath)
        let written = replacement.trimmingCharacters(in: .newlines)
        #expect(error.line == programme.components(separatedBy: "\n").firstIndex { $0 == written }.map { $0 + 1 })
        #expect(error.problem.contains("empty"), "\(error.problem)")
    }

    @Test("An empty legend code or label is refused")
    func emptyLegend() throws {
        let legendStart = shippedProgramme.range(of: "\nlegend:")!.lowerBound
        let legend = String(shippedProgramme[legendStart...])
        for (original, replacement, key) in [("code: \"+\"\n", "code: \"\"\n", "legend[0].code"),
                                             ("label: Etenee myönteisesti\n", "label: \"\"\n", "legend[0].label")] {
            #expect(legend.contains(original))
            let programme = shippedProgramme[..<legendStart] + legend.replacingOccurrences(of: original, with: replacement)
            let error = try #require(refusal(programme: String(programme)))
            #expect(error.keyPath == key)
            #expect(error.problem.contains("empty"))
        }
    }

    @Test("An empty group name, item reference or address is refused in the run configuration")
    func emptyRunValues() throws {
        let groups = "\ngroups:\n  - name: Elinvoima\n    items: [1]\n"
        for (original, replacement, key) in [
            ("  - name: Elinvoima\n", "  - name: \"\"\n    folder: elinvoima\n", "groups[0].name"),
            ("    items: [1]\n", "    items: [1, \"\"]\n", "groups[0].items[1]"),
        ] {
            let run = shipped + groups.replacingOccurrences(of: original, with: replacement)
            let error = try #require(refusal(run))
            #expect(error.keyPath == key)
            #expect(error.problem.contains("empty"), "\(error.problem)")
        }
    }

    @Test("A group following an item the register does not have is refused with the closest items named")
    func unknownGroupItem() throws {
        for (reference, suggestion) in [
            ("KILPAILUKYKYINEN YRITTAJYYSYMPARISTÖ", "KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ"),
            ("Matkailun edistaminen", "Matkailun edistäminen"),
            ("yrittajyysymparisto2", "yrittajyysymparisto"),
        ] {
            let run = shipped + "\ngroups:\n  - name: Elinvoima\n    items: [\"\(reference)\"]\n"
            let error = try #require(refusal(run))
            #expect(error.keyPath == "groups[0].items[0]")
            #expect(error.line == line(of: reference, in: run))
            #expect(error.problem.contains("did you mean \"\(suggestion)\""), "\(error.problem)")
        }
        let far = try #require(refusal(shipped + "\ngroups:\n  - name: Elinvoima\n    items: [\"Avaruusohjelma ja kuulento\"]\n"))
        #expect(far.problem.hasPrefix("no item \"Avaruusohjelma ja kuulento\""))
        #expect(!far.problem.contains("did you mean"))
    }

    @Test("An alias that is another code names both codes and the alias's line")
    func aliasIsAnotherCode() throws {
        let programme = shippedProgramme.replacingOccurrences(of: "    aliases: [\"＋\"]", with: "    aliases: [\"＋\", \"–\"]")
        #expect(programme != shippedProgramme)
        let error = try #require(refusal(programme: programme))
        #expect(error.problem.hasPrefix("the code \"-\" is the same as the code \"+\"'s alias \"–\" (line \(line(of: "[\"＋\", \"–\"]", in: programme)))"),
                "\(error.problem)")
        #expect(error.keyPath == "legend[2].code")
    }

    // MARK: Rows

    /// Every finding of a check as (code, row), so that an unexpected extra one fails the test.
    private func findings(_ programme: ValidatedProgramme) -> [String] {
        programme.diagnostics.map { "\($0.code.rawValue)@\($0.location?.row ?? 0)" }.sorted()
    }

    @Test("A goal number and a title naming two different goals: the row is rejected naming both")
    func numberAndTitleConflict() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("conflict.csv")
        try TestSupport.writeFlatCSV([
            TestSupport.actionRow(),                                                            // row 2: fine
            TestSupport.actionRow([1: "5", 4: "Matkailun kehittäminen"]),                       // row 3: 5 with goal 1's title
            TestSupport.actionRow([1: "3", 2: "Yritysten fyysisen toimintaympäristön kehittäminen", 4: "Tontit"]), // row 4: a wording
        ], to: file)
        let programme = TestSupport.check(try TestSupport.config(reading: file))
        #expect(findings(programme) == ["goal.title-differs@4", "place.number-title-conflict@3"])
        #expect(programme.accounting == RowAccounting(rowsIn: 3, reported: 2, rejected: 1, structure: 0, blank: 0))
        let rejected = try #require(programme.rejected.first)
        #expect(rejected.code == .placeConflict)
        #expect(rejected.location.row == 3)
        #expect(rejected.arguments.map(\.description) == ["Tavoite", "5", "Matkailun edistäminen", "Osaavan työvoiman saannin turvaaminen", "1"])
        #expect(rejected.reason(.sv).hasPrefix("Radens nummer och namn pekar på olika delar: Mål 5"))
        let finding = try #require(programme.diagnostics.first { $0.code == .placeConflict })
        #expect(finding.severity == .error)
        #expect(finding.location?.columnName == "Tavoite nro")
        #expect(finding.message(.fi) == "Rivin numero ja nimi viittaavat eri kohtiin: Tavoite 5 on \"Matkailun edistäminen\", " +
                "mutta \"Osaavan työvoiman saannin turvaaminen\" on kohdan Tavoite 1 nimi. Rivi hylättiin.")
    }

    @Test("A duplicate id names the id and the row of its first use, not the later action's text")
    func duplicateID() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ids.csv")
        try TestSupport.writeFlatCSV([
            TestSupport.actionRow() + ["A-1"],                                  // row 2
            TestSupport.actionRow([4: "Toinen toimenpide"]) + ["A-2"],          // row 3
            TestSupport.actionRow([4: "Kolmas toimenpide"]) + ["A-1"],          // row 4: the id of row 2
        ], to: file, header: TestSupport.flatHeader + ["Tunnus"])
        var config = try TestSupport.config(reading: file)
        config.sources[0].columns[.id] = "Tunnus"
        let programme = TestSupport.check(config)
        #expect(findings(programme) == ["action.duplicate-id@4"])
        let finding = try #require(programme.diagnostics.first)
        #expect(finding.arguments == ["A-1", "2"])
        #expect(finding.location?.columnName == "Tunnus")
        #expect(finding.message(.fi) == "Tunniste \"A-1\" on jo rivillä 2; kahdella toimenpiteellä ei voi olla samaa tunnistetta. Rivi hylättiin.")
        #expect(!finding.message(.fi).contains("Kolmas toimenpide"))
        #expect(programme.actions.map(\.row.identity) == ["A-1", "A-2"])
    }

    @Test("A group's responsible party that no action names is a warning naming the closest party in the table")
    func unknownResponsibleParty() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("groups.csv")
        try TestSupport.writeFlatCSV([TestSupport.actionRow(), TestSupport.actionRow([4: "Toinen", 6: "Työllisyyspalvelut"])], to: file)
        var config = try TestSupport.config(reading: file)
        var group = SteeringGroup(name: "Työllisyys", folder: "tyollisyys", items: [],
                                  responsible: ["TYÖLLISYYS-PALVELUT", "Tyollisyyspalvelu"], formats: [.xlsx], email: [])
        group.configLine = 61
        config.groups = [group]
        let programme = TestSupport.check(config)
        #expect(findings(programme) == ["group.responsible-unknown@61"])
        let finding = try #require(programme.diagnostics.first)
        #expect(finding.severity == .warning)
        #expect(finding.arguments == ["Työllisyys", "Tyollisyyspalvelu", "Työllisyyspalvelut"])
    }
}
