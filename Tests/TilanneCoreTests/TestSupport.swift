import Foundation
@testable import TilanneCore

/// Paths and helpers shared by the tests. Tests run the real pipeline on real files: the
/// Kuopio table in Input/, fixtures made by other programs, and files written on the fly.
enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/TilanneCoreTests/Fixtures")
    static let references = repositoryRoot.appendingPathComponent("Tests/TilanneCoreTests/References")
    static let kuopioCSV = repositoryRoot.appendingPathComponent("Input/kasvava-kuopio-tilanne-1-2024.csv")

    /// The shipped run configuration and programme file as text, for tests that edit a line.
    static let shippedConfigText = try! String(contentsOf: repositoryRoot.appendingPathComponent("Config/tilanne.yml"), encoding: .utf8)
    static let shippedProgrammeText = try! String(contentsOf: repositoryRoot.appendingPathComponent("Config/kasvava-kuopio-ohjelma.yml"),
                                                  encoding: .utf8)

    /// The shipped configuration (Config/tilanne.yml): the Kuopio 1/2024 report.
    static func kuopioConfig() throws -> TilanneConfig {
        try ConfigLoader.load(from: repositoryRoot.appendingPathComponent("Config/tilanne.yml"))
    }

    /// A fresh temporary folder for one test.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tilanne-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The Kuopio config reading `file` (flat shape, the Kuopio headers) and writing into `output`.
    static func config(reading file: URL, output: URL? = nil, encoding: SourceEncoding = .auto) throws -> TilanneConfig {
        var config = try kuopioConfig()
        config.sources[0].path = file.path
        config.sources[0].encoding = encoding
        if let output { config.outputs.folder = output.path }
        return config
    }

    /// Writes a flat Kuopio-shaped CSV (UTF-8 with BOM, `;`, CRLF) with the given data rows.
    static let flatHeader = ["Painopiste", "Tavoite nro", "Tavoite", "Sitova tavoite TA2021", "Toimenpiteet 2018-2021 (-2022)",
                             "Hankkeet", "Vastuutaho", "Eteneminen", "Tilanne 1/2024"]

    static func writeFlatCSV(_ rows: [[String]], to url: URL, header: [String]? = nil) throws {
        let head = header ?? flatHeader
        var text = "\u{FEFF}"
        for row in [head] + rows {
            text += row.map { cell in
                cell.contains(";") || cell.contains("\"") || cell.contains("\n")
                    ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
            }.joined(separator: ";") + "\r\n"
        }
        try Data(text.utf8).write(to: url)
    }

    /// One valid action row under goal 1, with fields overridable by index.
    static func actionRow(_ overrides: [Int: String] = [:]) -> [String] {
        var row = ["KILPAILUKYKYINEN YRITTÄJYYSYMPÄRISTÖ", "1", "Osaavan työvoiman saannin turvaaminen", "",
                   "Muuttajapalvelujen kehittäminen", "Future Savo", "Elinvoima- ja konsernipalvelut", "+", "Sivusto käytössä."]
        for (index, value) in overrides { row[index] = value }
        return row
    }

    /// A copy of `file` alone in a fresh folder, for a test that reads one fixture of a folder
    /// of many: the others would each be a `source.unread-file` finding.
    static func alone(_ file: URL) throws -> URL {
        let copy = try temporaryFolder().appendingPathComponent(file.lastPathComponent)
        try FileManager.default.copyItem(at: file, to: copy)
        return copy
    }

    /// Fixtures made by LibreOffice, openpyxl and python-docx (Fixtures/make_office_fixtures.py).
    static func office(_ name: String) -> URL { fixtures.appendingPathComponent("office/\(name)") }
    /// Hostile files built byte by byte (Fixtures/make_hostile_fixtures.py).
    static func hostile(_ name: String) -> URL { fixtures.appendingPathComponent("hostile/\(name)") }

    /// The columns of the printed council table (sectioned shape).
    static let sectionedColumns: [Field: String] = [
        .action: "Toimenpiteet 2018-2021 (-2022)", .projects: "Hankkeet", .responsible: "Vastuutaho",
        .progress: "Eteneminen", .status: "Tilanne 1/2024",
    ]

    /// Makes the config's first source the printed council table: theme rows, `TAVOITE n.` rows
    /// (with the binding goal on the line below), then actions. The theme pattern allows the
    /// legend the council document glues to the first theme row ("… SELITTEET + Etenee …").
    static func makeSectioned(_ config: inout TilanneConfig) {
        config.sources[0].shape = .sectioned
        config.sources[0].columns = sectionedColumns
        config.sources[0].levelColumns = [:]
        config.sources[0].sections = SectionPatterns(levels: [
            1: #"^(?<title>[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9 ,\-–]+?)(?:\s+SELITTEET\b.*)?$"#,
            2: #"^TAVOITE\s+(?<number>\d+)\s*[.:]?\s*(?<title>.+)$"#,
        ], bindingGoal: #"^\(?\s*Sitova tavoite\s*(?<label>[^:]*):\s*(?<text>.+?)\s*\)?$"#)
    }

    /// What the council reads of each action, in report order: identity, theme, goal, texts and code.
    static func essence(_ model: ReportModel) -> [[String]] {
        model.allActions.map { [$0.id, $0.path.description, $0.place, $0.action,
                                $0.projects.map(\.text).joined(separator: "|"), $0.responsible.joined(separator: "|"),
                                $0.progress.code, $0.status] }
    }

    /// The report model of a config, through the real pipeline.
    static func model(_ config: TilanneConfig) -> (ValidatedProgramme, ReportModel) {
        let programme = check(config)
        return (programme, Pipeline(config: config).report(from: programme))
    }

    /// Runs ingest, normalise and validate.
    static func check(_ config: TilanneConfig) -> ValidatedProgramme {
        Pipeline(config: config).check()
    }

    /// Line-by-line diff for reference-file failures (uses diff(1) when present).
    static func diff(expected: URL, actual: URL) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", expected.path, actual.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { return "(diff not available: \(error))" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data.prefix(20_000), as: UTF8.self)
    }
}

/// Kuopio's words for its levels, for tests about the Kuopio report: its themes are the first
/// declared level under its one programme, its goals the items under a theme.
extension ReportModel {
    var themes: [ItemReport] { programmes.flatMap(\.items) }
}

extension ItemReport {
    var goals: [ItemReport] { items }
    /// The goal's number as a whole number (Kuopio numbers its goals 1–13).
    var goalNumber: Int? { number.flatMap { Int($0) } }
}

extension ActionReport {
    var goalNumber: Int? { Int(place) }
}

extension TestSupport {
    /// Items of the config's register by number, key or title (`"12"`, `"KILPAILUKYKYINEN …"`).
    static func items(_ config: TilanneConfig, _ references: [String]) -> [ItemPath] {
        references.flatMap { config.register.resolve(reference: $0) }
    }
}

/// The findings a test expects, and nothing else: a finding it did not expect fails the test as
/// surely as an expected one that is missing. Each finding is written `code@row` (`@-` when it
/// has no row), in the order the run reports them.
enum ExpectedFindings {
    static func keys(_ findings: [Diagnostic]) -> [String] {
        findings.map { "\($0.code.rawValue)@\($0.location?.row.map(String.init) ?? "-")" }
    }

    /// The keys of a run that reads one file of a fixtures folder, without the findings that
    /// the folder's other fixtures are read by no source (and only those).
    static func keys(besideFixtures findings: [Diagnostic]) -> [String] {
        keys(besideFixtures(findings))
    }

    static func besideFixtures(_ findings: [Diagnostic]) -> [Diagnostic] {
        let folder = DisplayPath.of(TestSupport.fixtures, root: TestSupport.repositoryRoot) + "/"
        return findings.filter { $0.code != .sourceUnreadFile || !($0.location?.file.hasPrefix(folder) ?? false) }
    }
}
