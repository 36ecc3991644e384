import Foundation
import Testing
@testable import TilanneCore

@Suite("Render: CSV, HTML, XLSX and the model JSON")
struct RenderTests {
    /// Renders the Kuopio report into a fresh folder.
    private func kuopioOutputs() throws -> (config: TilanneConfig, model: ReportModel, files: [OutputFormat: URL]) {
        var config = try TestSupport.kuopioConfig()
        let output = try TestSupport.temporaryFolder()
        config.outputs.folder = output.path
        let pipeline = Pipeline(config: config)
        let model = pipeline.report(from: pipeline.check())
        let written = try pipeline.publish(model)
        var files: [OutputFormat: URL] = [:]
        // The Finnish council edition (the Swedish files end in -sv; the indicator table in
        // -mittarit; the coordinator's edition in -koordinaattori).
        for url in written where !url.deletingPathExtension().lastPathComponent.hasSuffix("-sv")
            && !url.deletingPathExtension().lastPathComponent.hasSuffix("-mittarit")
            && !url.deletingPathExtension().lastPathComponent.hasSuffix("-koordinaattori") {
            files[OutputFormat(rawValue: url.pathExtension)!] = url
        }
        return (config, model, files)
    }

    /// Compares with a committed reference file and shows a unified diff when they differ.
    /// `TILANNE_UPDATE_REFERENCES=1 swift test` rewrites the references.
    static func expectMatchesReference(_ actual: URL, _ name: String) throws {
        let reference = TestSupport.references.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TILANNE_UPDATE_REFERENCES"] == "1" {
            try FileManager.default.createDirectory(at: TestSupport.references, withIntermediateDirectories: true)
            _ = try? FileManager.default.removeItem(at: reference)
            try FileManager.default.copyItem(at: actual, to: reference)
            return
        }
        let same = try Data(contentsOf: actual) == Data(contentsOf: reference)
        #expect(same, "\(name) differs from its reference:\n\(TestSupport.diff(expected: reference, actual: actual))")
    }

    @Test("CSV, HTML and model JSON match their reference files")
    func referenceFiles() throws {
        let (_, model, files) = try kuopioOutputs()
        try Self.expectMatchesReference(files[.csv]!, "kuopio-1-2024.csv")
        try Self.expectMatchesReference(files[.html]!, "kuopio-1-2024.html")
        try Self.expectMatchesReference(files[.csv]!.deletingLastPathComponent().appendingPathComponent("kasvava-kuopio-tilanne-1-2024-mittarit.csv"),
                                        "kuopio-1-2024-mittarit.csv")
        let json = try TestSupport.temporaryFolder().appendingPathComponent("model.json")
        try model.jsonData().write(to: json)
        try Self.expectMatchesReference(json, "kuopio-1-2024.model.json")
    }

    @Test("The Swedish report of the same run: Swedish labels and titles, each Finnish-only text marked and flagged")
    func swedishReport() throws {
        let (config, _, _) = try kuopioOutputs()
        let folder = URL(fileURLWithPath: config.outputs.folder)
        let html = folder.appendingPathComponent("kasvava-kuopio-tilanne-1-2024-sv.html")
        try Self.expectMatchesReference(html, "kuopio-1-2024-sv.html")
        try Self.expectMatchesReference(folder.appendingPathComponent("kasvava-kuopio-tilanne-1-2024-sv.csv"), "kuopio-1-2024-sv.csv")
        let text = try String(contentsOf: html, encoding: .utf8)
        #expect(text.contains("<html lang=\"sv\">"))
        #expect(text.contains("<title>Åtgärdsprogrammet Växande Kuopio – läge 1/2024</title>"))
        #expect(text.contains("KONKURRENSKRAFTIG FÖRETAGSMILJÖ"))
        // A screen reader says the label, not "plus slash minus": the code is for the eye only.
        #expect(text.contains("<td class=\"progress p1\" data-label=\"Framsteg\"><span class=\"code\" aria-hidden=\"true\">+/-</span> Framskrider delvis positivt</td>"))
        // The source has no Swedish action or status texts: each is shown in Finnish, marked, with its language.
        #expect(text.components(separatedBy: "<span class=\"untranslated\">[på finska]</span> <span lang=\"fi\">").count - 1 >= 77)
        let model = Pipeline(config: config).report(from: Pipeline(config: config).check()).translated(to: .sv, config: config)
        let missing = model.diagnostics.filter { $0.code == .translationMissing }
        #expect(missing.count == 77)
        #expect(missing.first?.message(.sv).hasPrefix("Text på svenska saknas (Åtgärd, Läge 1/2024)") == true)
        #expect(model.legend.map(\.label) == ["Framskrider positivt", "Framskrider delvis positivt", "Har inte framskridit",
                                               "Ingen information om framsteg"])
        #expect(model.diagnostics.contains { $0.code == .progressUnknown && $0.message(.sv).hasPrefix("Okänd framstegskod \"+?\"") })
    }

    @Test("Identical input and config give a byte-identical XLSX")
    func reproducibleWorkbook() throws {
        let first = try Data(contentsOf: kuopioOutputs().files[.xlsx]!)
        let second = try Data(contentsOf: kuopioOutputs().files[.xlsx]!)
        #expect(first.count > 10_000)
        #expect(first == second)
        #expect(first.prefix(2) == Data("PK".utf8))
    }

    @Test("CSV for Finnish Excel: BOM, ';', CRLF, no sep= line, one row per action")
    func csvShape() throws {
        let data = try Data(contentsOf: kuopioOutputs().files[.csv]!)
        #expect(data.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("Tunnus;Painopiste;Tavoite nro;Tavoite;"))
        #expect(!text.hasPrefix("sep="))
        // Every record ends in CRLF; a bare LF may only be a line break inside a quoted cell.
        // (Swift reads CR LF as one Character, so a "\n" Character is a bare LF.)
        var quoted = false, recordEnds = 0, bareLineFeeds = 0
        for character in text {
            if character == "\"" { quoted.toggle() }
            if character == "\r\n", !quoted { recordEnds += 1 }
            if character == "\n", !quoted { bareLineFeeds += 1 }
        }
        #expect(recordEnds == 78)
        #expect(bareLineFeeds == 0)
        // Every line break outside quotes is CRLF: count records with a real CSV reader (ours).
        let records = Array(data.dropFirst(3)).withUnsafeBufferPointer { CSVParser.parse($0, delimiter: UInt8(ascii: ";"), decoding: .utf8ReplacingInvalid) }
        #expect(records.records.count == 78)
        #expect(records.records.allSatisfy { $0.fields.count == 11 }) // the council edition: no finding codes column
        #expect(records.records.filter { $0.fields[8] == "+?" }.count == 3)
        #expect(records.records.filter { $0.fields[8] == "+/-" }.count == 11)
    }

    @Test("Formula-looking text cannot become a formula; bare progress codes still read as codes")
    func csvFormulaInjection() {
        #expect(CSVCell.encode("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        #expect(CSVCell.encode("+358 40 123") == "'+358 40 123")
        #expect(CSVCell.encode("-2+3") == "'-2+3")
        #expect(CSVCell.encode("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVCell.encode("\tx") == "'\tx")
        #expect(CSVCell.encode("\rx") == "\"'\rx\"")
        #expect(CSVCell.encode("+", isProgressCode: true) == "+")
        #expect(CSVCell.encode("+/-", isProgressCode: true) == "+/-")
        #expect(CSVCell.encode("-", isProgressCode: true) == "-")
        #expect(CSVCell.encode("=1+1", isProgressCode: true) == "'=1+1")
        #expect(CSVCell.encode("Tavallinen teksti; puolipiste") == "\"Tavallinen teksti; puolipiste\"")
    }

    @Test("Hostile text in status cells is escaped in HTML and defused in CSV")
    func hostileText() throws {
        let folder = try TestSupport.temporaryFolder()
        let input = folder.appendingPathComponent("hostile.csv")
        try TestSupport.writeFlatCSV([
            TestSupport.actionRow([8: "<script>alert('x')</script> & <b>lihava</b>"]),
            TestSupport.actionRow([4: "=cmd|' /C calc'!A0", 8: "-hanke jatkuu"]),
        ], to: input)
        var config = try TestSupport.config(reading: input, output: folder.appendingPathComponent("out"))
        config.outputs.fileNames = [:]
        let pipeline = Pipeline(config: config)
        let written = try pipeline.publish(pipeline.report(from: pipeline.check()))
        let html = try String(contentsOf: written.first { $0.pathExtension == "html" }!, encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;lihava&lt;/b&gt;"))
        let csv = try String(contentsOf: written.first { $0.pathExtension == "csv" }!, encoding: .utf8)
        #expect(csv.contains(";'=cmd|' /C calc'!A0;"))
        #expect(csv.contains(";'-hanke jatkuu\r\n")) // the council edition's last column
    }

    @Test("HTML: language, caption, header cells, legend and print rules are there; no script or external asset")
    func htmlStructure() throws {
        let html = try String(contentsOf: kuopioOutputs().files[.html]!, encoding: .utf8)
        #expect(html.contains("<html lang=\"fi\">"))
        // Every goal is a heading under its theme's, so a screen reader can jump between goals.
        let goalHeadings = html.components(separatedBy: "<h3 id=\"kohta-").dropFirst()
            .filter { $0.split(separator: ">", maxSplits: 1).last?.hasPrefix("TAVOITE ") == true }
        #expect(goalHeadings.count == 13)
        #expect(html.components(separatedBy: "<h3 id=").count - 1 == 13)
        #expect(html.components(separatedBy: "<h2 id=\"kohta-").count - 1 == 4)
        #expect(html.components(separatedBy: "<th scope=\"row\">").count - 1 >= 77)
        #expect(html.contains("@page { size: A4 landscape"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("<link"))
        #expect(html.components(separatedBy: "class=\"progress unknown\"").count - 1 == 3)
    }

    @Test("A failed write publishes nothing and keeps the previous reports")
    func atomicPublishing() throws {
        let (config, model, files) = try kuopioOutputs()
        let before = try Data(contentsOf: files[.csv]!)
        struct FailingRenderer: ReportRenderer {
            let format = OutputFormat.html
            func render(_ model: ReportModel, to url: URL) throws { throw OutputError(path: url.path, problem: "disk full") }
        }
        let folder = files[.csv]!.deletingLastPathComponent()
        let publisher = ReportPublisher(folder: folder, renderers: [CSVReportRenderer(), FailingRenderer()])
        var changed = model
        changed.period = "2/2024"
        #expect(throws: OutputError.self) {
            try publisher.publish(changed) { config.outputs.fileName(for: $0.format, period: config.period) }
        }
        #expect(try Data(contentsOf: files[.csv]!) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test("Every class the HTML writes has a style rule, or is a marker named here (a removed rule once unstyled the indicators' flags)")
    func everyClassIsStyled() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Sources/TilanneCore/Render/HTML")
        let style = try String(contentsOf: folder.appendingPathComponent("HTMLStyle.swift"), encoding: .utf8)
        // Classes that only mark content for readers and tests: styled by their surroundings.
        let markers: Set<String> = ["change", "dates", "example", "summary-table", "untranslated"]
        var used: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let source = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in source.matches(of: /class=\\"([a-z0-9 -]+)\\"/) {
                used.formUnion(match.output.1.split(separator: " ").map(String.init))
            }
        }
        #expect(used.count > 15)
        for name in used.subtracting(markers).sorted() {
            #expect(style.contains(".\(name) ") || style.contains(".\(name),") || style.contains(".\(name).")
                    || style.contains(".\(name):") || style.contains(".\(name)\n"), "no rule for .\(name)")
        }
    }
}
