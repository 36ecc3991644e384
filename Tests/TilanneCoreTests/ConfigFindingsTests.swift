import Foundation
import Testing
@testable import TilanneCore

/// Configuration mistakes that used to pass or to be reported badly: each stops the run with
/// the key, the line and what to write instead; and two row findings that named the wrong thing.
@Suite("Configuration findings")
struct ConfigFindingsTests {
    let shipped = try! String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/tilanne.yml"), encoding: .utf8)
    let shippedProgramme = try! String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("Config/kasvava-kuopio-ohjelma.yml"),
                                       encoding: .utf8)

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
}
