import Foundation
import Testing
@testable import TilanneCore

@Suite("Configuration")
struct ConfigTests {
    let shipped = try! String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/tilanne.yml"), encoding: .utf8)

    private func parse(_ text: String) throws -> TilanneConfig {
        try ConfigLoader.parse(text, file: "tilanne.yml", baseDirectory: TestSupport.repositoryRoot.appendingPathComponent("Config"))
    }

    @Test("The shipped config describes the Kuopio 1/2024 report")
    func shippedConfig() throws {
        let config = try TestSupport.kuopioConfig()
        #expect(config.period == "1/2024")
        #expect(config.language == .fi)
        #expect(config.register.themes.count == 4)
        #expect(config.register.themes.flatMap(\.goals).count == 13)
        #expect(config.legend.entries.map(\.code) == ["+", "+/-", "-", "?"])
        #expect(config.sources[0].columns[.status] == "Tilanne 1/2024")
        #expect(config.outputs.formats == [.xlsx, .csv, .html])
    }

    @Test("An unknown key is an error naming the key, its line and the likely intended key")
    func unknownKey() throws {
        let text = shipped.replacingOccurrences(of: "  organisation: Kuopion kaupunki", with: "  organization: Kuopion kaupunki")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("organization:") }! + 1
        do {
            _ = try parse(text)
            Issue.record("expected a configuration error")
        } catch let error as ConfigError {
            #expect(error.keyPath == "programme.organization")
            #expect(error.line == line)
            #expect(error.description.contains("did you mean \"organisation\""))
        }
    }

    @Test("A value of the wrong type names the key and its line")
    func wrongType() throws {
        let text = shipped.replacingOccurrences(of: "        - number: 7\n", with: "        - number: seitsemän\n")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("number: seitsemän") }! + 1
        do {
            _ = try parse(text)
            Issue.record("expected a configuration error")
        } catch let error as ConfigError {
            #expect(error.keyPath.hasSuffix(".number"))
            #expect(error.line == line)
            #expect(error.problem.contains("whole number"))
        }
    }

    @Test("An unknown column field, a bad colour and a bad format are refused")
    func badValues() throws {
        #expect(throws: ConfigError.self) {
            try parse(shipped.replacingOccurrences(of: "      responsible: Vastuutaho", with: "      responsable: Vastuutaho"))
        }
        #expect(throws: ConfigError.self) { try parse(shipped.replacingOccurrences(of: "\"#C6EFCE\"", with: "green")) }
        #expect(throws: ConfigError.self) { try parse(shipped.replacingOccurrences(of: "[xlsx, csv, html]", with: "[xlsx, pdf]")) }
        #expect(throws: ConfigError.self) { try parse(shipped.replacingOccurrences(of: "language: fi", with: "language: sv")) }
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
}
