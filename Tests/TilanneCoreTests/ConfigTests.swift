import Foundation
import Testing
@testable import TilanneCore

@Suite("Configuration")
struct ConfigTests {
    let shipped = TestSupport.shippedConfigText

    let shippedProgramme = TestSupport.shippedProgrammeText

    private func parse(_ text: String) throws -> TilanneConfig {
        try ConfigLoader.parse(text, file: "tilanne.yml", baseDirectory: TestSupport.repositoryRoot.appendingPathComponent("Config"))
    }

    /// The shipped run config with `programme` as its programme file (written beside it in a
    /// temporary folder, so the shipped one stays as it is).
    private func parse(programme: String, run: String? = nil) throws -> TilanneConfig {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try programme.write(to: folder.appendingPathComponent("kasvava-kuopio-ohjelma.yml"), atomically: true, encoding: .utf8)
        return try ConfigLoader.parse(run ?? shipped, file: "tilanne.yml", baseDirectory: folder)
    }

    @Test("The shipped config describes the Kuopio 1/2024 report")
    func shippedConfig() throws {
        let config = try TestSupport.kuopioConfig()
        #expect(config.period.label == "1/2024")
        #expect(config.period.fileNameForm == "1-2024")
        #expect(config.period.previous.label == "2/2023")
        #expect(config.language == .fi)
        #expect(config.register.programmes.count == 1)
        #expect(config.register.levels.map(\.key) == ["painopiste", "tavoite"])
        #expect(config.register.programmes[0].children.count == 4)
        #expect(config.register.programmes[0].children.flatMap(\.children).map(\.number) == (1...13).map { "\($0)" })
        #expect(config.legend.entries.map(\.code) == ["+", "+/-", "-", "?"])
        #expect(config.sources[0].columns[.status] == "Tilanne 1/2024")
        #expect(config.outputs.formats == [.xlsx, .csv, .html])
    }

    @Test("An unknown key is an error naming the key, its line and the likely intended key")
    func unknownKey() throws {
        let text = shippedProgramme.replacingOccurrences(of: "  organisation: Kuopion kaupunki", with: "  organization: Kuopion kaupunki")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("organization:") }! + 1
        do {
            _ = try parse(programme: text)
            Issue.record("expected a configuration error")
        } catch let error as ConfigError {
            #expect(error.keyPath == "programme.organization")
            #expect(error.line == line)
            #expect(error.description.contains("did you mean \"organisation\""))
        }
    }

    @Test("A value of the wrong type names the key and its line")
    func wrongType() throws {
        let text = shippedProgramme.replacingOccurrences(of: "          - number: 7\n", with: "          - number: seitsemän\n")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("number: seitsemän") }! + 1
        do {
            _ = try parse(programme: text)
            Issue.record("expected a configuration error")
        } catch let error as ConfigError {
            #expect(error.keyPath.hasSuffix(".number"))
            #expect(error.line == line)
            #expect(error.problem.contains("not a integer number of the level \"tavoite\""), "\(error.problem)")
        }
    }

    @Test("An unknown column field, a bad colour and a bad format are refused")
    func badValues() throws {
        #expect(throws: ConfigError.self) {
            try parse(shipped.replacingOccurrences(of: "      responsible: Vastuutaho", with: "      responsable: Vastuutaho"))
        }
        #expect(throws: ConfigError.self) { try parse(programme: shippedProgramme.replacingOccurrences(of: "\"#C6EFCE\"", with: "green")) }
        #expect(throws: ConfigError.self) { try parse(shipped.replacingOccurrences(of: "[xlsx, csv, html]", with: "[xlsx, docx]")) }
        #expect(throws: ConfigError.self) { try parse(shipped.replacingOccurrences(of: "languages: [fi, sv]", with: "languages: [fi, de]")) }
    }

    @Test("A configuration from before the programme file stops with what to change")
    func inlineProgrammeRefused() throws {
        let old = shipped.replacingOccurrences(of: "programme_file: kasvava-kuopio-ohjelma.yml", with: "programme:\n  name: Kasvava Kuopio")
        do {
            _ = try parse(old)
            Issue.record("expected a configuration error")
        } catch let error as ConfigError {
            #expect(error.problem.contains("programme file"))
            #expect(error.problem.contains("programme_file:"))
            #expect(error.line == 5)
        }
        let oldColumns = shipped.replacingOccurrences(of: "        tavoite: {number: Tavoite nro, title: Tavoite}\n", with: "").replacingOccurrences(
            of: "      binding_goal:", with: "      goal_number: Tavoite nro\n      binding_goal:")
        do {
            _ = try parse(oldColumns)
            Issue.record("expected a configuration error")
        } catch let error as ConfigError {
            #expect(error.problem.contains("columns.levels.<level key>.number"), "\(error.problem)")
        }
    }

    @Test("The period is read by the programme's format; {period} fills titles, headers and paths")
    func periodFormat() throws {
        let config = try parse(shipped)
        #expect(config.document.title == "Kasvava Kuopio -toimenpideohjelma – tilanne 1/2024")
        #expect(config.sources[0].path == "../Input/kasvava-kuopio-tilanne-1-2024.csv")
        #expect(config.statusHeading(.sv) == "Läge 1/2024")
        for bad in ["2024/1", "syksy 2025", "3/2024", ""] {
            do {
                _ = try parse(shipped.replacingOccurrences(of: "period: \"1/2024\"", with: "period: \"\(bad)\""))
                Issue.record("\(bad) accepted")
            } catch let error as ConfigError {
                #expect(error.problem.contains("N/YYYY"), "\(error.problem)")
            }
        }
        let yearly = PeriodFormat(pattern: "TP YYYY")
        let period = try #require(yearly.parse("TP 2022"))
        #expect(period.fileNameForm == "TP-2022")
        #expect(period.previous.label == "TP 2021")
        #expect(yearly.parse("2022") == nil)
        let quarters = PeriodFormat(pattern: "QN/YYYY", perYear: 4)
        #expect(quarters.parse("Q1/2025")?.previous.label == "Q4/2024")
        #expect(try #require(quarters.parse("Q4/2024")) < #require(quarters.parse("Q1/2025")))
    }

    @Test("The programme file's hierarchy is checked: numbers by their level, dotted under their parent, codes distinct")
    func hierarchyChecks() throws {
        for (change, says) in [
            (("          - number: 7\n", "          - number: \"7.1\"\n"), "not a integer number"),
            (("    numbering: none\n", "    numbering: roman\n"), "roman"),
            (("    heading: \"{title}\"\n", "    heading: \"{number} {title}\"\n"), "no {number}"),
            (("    aliases: [\"＋\"]", "    aliases: [\"＋\", \"+/–\"]"), "is the same as the code \"+\""),
            (("          - number: 7\n", "          - number: 6\n"), "listed twice"),
        ] {
            do {
                _ = try parse(programme: shippedProgramme.replacingOccurrences(of: change.0, with: change.1))
                Issue.record("accepted: \(change.1)")
            } catch let error as ConfigError {
                #expect(error.description.contains(says), "\(error.description)")
            }
        }
    }

    @Test("Indicator targets as ranges and words; a target in words needs its status by hand; statuses map to legend codes")
    func indicatorTargets() throws {
        let manual = shippedProgramme.replacingOccurrences(of: "    target: {year: 2030, value: 130000}\n",
                                                           with: "    target: {year: 2030, value: toteutuu}\n")
        do {
            _ = try parse(programme: manual)
            Issue.record("a target in words without a status was accepted")
        } catch let error as ConfigError {
            #expect(error.problem.contains("status set by hand"), "\(error.problem)")
        }
        let ranged = try parse(programme: shippedProgramme.replacingOccurrences(
            of: "    target: {year: 2030, value: 130000}\n", with: "    target: {year: 2030, value: 128000–132000}\n"))
        #expect(ranged.indicators[0].target?.range == IndicatorBand(low: 128000, high: 132000))
        let mapped = try parse(programme: shippedProgramme + "\nindicator_status: {achieved: \"+\", on_track: \"+\", behind: \"+/-\", wrong_way: \"-\", no_data: \"?\"}\n")
        #expect(mapped.indicatorCodes[.behind] == "+/-")
        for bad in ["{achieved: \"++\", on_track: \"+\", behind: \"+/-\", wrong_way: \"-\", no_data: \"?\"}", "{achieved: \"+\"}"] {
            #expect(throws: ConfigError.self) { try parse(programme: shippedProgramme + "\nindicator_status: \(bad)\n") }
        }
    }

    @Test("Broken YAML gives the line of the problem")
    func brokenYAML() throws {
        do {
            _ = try parse("programme:\n  name: [unclosed\nperiod: 1\n")
            Issue.record("expected a configuration error")
        } catch let error as ConfigError {
            #expect(error.line != nil)
        }
    }

    @Test("Severity overrides and fail_on are read")
    func policy() throws {
        let text = shipped.replacingOccurrences(of: "  fail_on: error\n", with: "  fail_on: warning\n  severity:\n    progress.unknown-code: error\n")
        let config = try parse(text)
        #expect(config.validation.failOn == .warning)
        #expect(config.validation.severity[.progressUnknown] == .error)
    }

    @Test("Workbook and document sources: format, sheet or table, and the input limits")
    func officeSources() throws {
        let source = "    shape: flat\n"
        let named = try parse(shipped.replacingOccurrences(of: source, with: source + "    format: xlsx\n    sheet: Tilanne\n")
            + "\nlimits:\n  max_expanded_mb: 64\n  max_columns: 200\n")
        #expect(named.sources[0].format == .xlsx)
        #expect(named.sources[0].part == .named("Tilanne"))
        #expect(named.limits.maxExpandedBytes == 64 * 1024 * 1024)
        #expect(named.limits.maxColumns == 200)
        let numbered = try parse(shipped.replacingOccurrences(of: source, with: source + "    table: 2\n"))
        #expect(numbered.sources[0].part == .index(2))
        #expect(numbered.sources[0].format == nil)
        #expect(numbered.limits.maxExpandedBytes == InputLimits.default.maxExpandedBytes)
        let all = try parse(shipped.replacingOccurrences(of: source, with: source + "    sheet: all\n"))
        #expect(all.sources[0].part == .all)
        for (bad, says) in [(source + "    sheet: 1\n    table: 1\n", "either \"sheet\""),
                            (source + "    table: Tilanne\n", "table number"),
                            (source + "    sheet: 0\n", "start from 1"),
                            (source + "    format: xls\n", "xlsx")] {
            #expect(throws: ConfigError.self, "\(bad)") { try parse(shipped.replacingOccurrences(of: source, with: bad)) }
            do { _ = try parse(shipped.replacingOccurrences(of: source, with: bad)) } catch let error as ConfigError {
                #expect(error.description.contains(says), "\(error.description)")
            }
        }
        #expect(throws: ConfigError.self) { try parse(shipped + "\nlimits:\n  max_columns: 20000\n") }
    }

    @Test("Steering groups and delivery: folders from names, what each follows, addresses checked")
    func groups() throws {
        let groups = """

        groups:
          - name: Elinvoiman ohjausryhmä
            items: KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ
            email: [elinvoima@kuopio.example]
          - name: Kaupunkikehitys
            folder: kaupunki
            items: [9, 10]
            formats: [xlsx, html]

        delivery:
          sendmail: [/usr/bin/msmtp, -C, /etc/msmtprc]
          from: tilanne@kuopio.example
        """
        let config = try parse(shipped + groups)
        #expect(config.groups.map(\.folder) == ["elinvoiman-ohjausryhma", "kaupunki"])
        #expect(config.groups[0].items == [ItemPath(["kasvava-kuopio", "yrittajyysymparisto"])])
        #expect(config.groups[0].formats == [.xlsx])
        #expect(config.groups[1].items.map(\.description) == ["kasvava-kuopio/kaupunkikehitys/9", "kasvava-kuopio/kaupunkikehitys/10"])
        #expect(config.delivery?.sendmail == ["/usr/bin/msmtp", "-C", "/etc/msmtprc"])
        #expect(config.delivery?.subject == "{programme} – tilanne {period}: {group}")
        // Two groups of one name in folders of their own: each writes its own files.
        let twins = try parse(shipped + groups.replacingOccurrences(of: "name: Kaupunkikehitys", with: "name: Elinvoiman ohjausryhmä"))
        let plan = Pipeline(config: twins).filePlan(council: .reportsOnly, coordinatorUpdates: false,
                                                    groups: twins.groups.map { ($0, .reportsOnly) })
        #expect(plan.files(of: .of(twins.groups[0])).map(\.folder) == ["elinvoiman-ohjausryhma"])
        #expect(plan.files(of: .of(twins.groups[1])).map(\.folder) == ["kaupunki", "kaupunki"])
        for (bad, says) in [
            (groups.replacingOccurrences(of: "[elinvoima@kuopio.example]", with: "[elinvoima]"), "not an e-mail address"),
            (groups.replacingOccurrences(of: "folder: kaupunki", with: "folder: ../muualle"), "inside the output folder"),
            (groups.replacingOccurrences(of: "    items: [9, 10]\n", with: ""), "follows nothing"),
            (String(groups[..<groups.range(of: "\ndelivery:")!.lowerBound]), "no delivery section"),
        ] {
            do {
                _ = try parse(shipped + bad)
                Issue.record("accepted: \(says)")
            } catch let error as ConfigError {
                #expect(error.description.contains(says), "\(error.description)")
            }
        }
    }
}
