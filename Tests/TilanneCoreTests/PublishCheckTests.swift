import Foundation
import Testing
@testable import TilanneCore

@Suite("Publishing large reports: the written workbook proved whole, constant-memory workbooks, the row limit")
struct PublishCheckTests {
    /// The Kuopio report's model and its workbook, written in the normal mode.
    private func kuopio() throws -> (model: ReportModel, workbook: URL) {
        let config = try TestSupport.kuopioConfig()
        let pipeline = Pipeline(config: config)
        let model = pipeline.report(from: pipeline.check())
        let url = try TestSupport.temporaryFolder().appendingPathComponent("report.xlsx")
        try XLSXReportRenderer().render(model, to: url)
        return (model, url)
    }

    /// The council workbook's renderer in constant-memory mode whatever the report's size: the
    /// mode, without the data sheet, that a report of more than 20,000 actions gets.
    private var streaming: XLSXReportRenderer {
        var renderer = XLSXReportRenderer()
        renderer.streamingActions = 0
        return renderer
    }

    /// Every XML part of a workbook, inflated.
    private func parts(_ url: URL) throws -> [(name: String, bytes: [UInt8])] {
        let archive = try OfficeArchive(url: url, expansionLimit: 1 << 30)
        return try archive.partNames.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rels") }.map { name in
            var bytes: [UInt8] = []
            try archive.stream(name) { bytes.append(contentsOf: $0) }
            return (name, bytes)
        }
    }

    /// How many formulas the summary sheet (the workbook's second) holds.
    private func summaryFormulas(_ url: URL) throws -> Int {
        let summary = try #require(try parts(url).first { $0.name == "xl/worksheets/sheet2.xml" })
        return String(decoding: summary.bytes, as: UTF8.self).matches(of: /<f>/).count
    }

    private func whole(_ bytes: ArraySlice<UInt8>, chunk: Int = 1 << 16) -> Bool {
        var check = XMLShapeCheck()
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = min(start + chunk, bytes.endIndex)
            Array(bytes[start..<end]).withUnsafeBytes { check.feed($0) }
            start = end
        }
        return check.finish()
    }

    @Test("Every part libxlsxwriter writes is proved whole, fed whole or a byte at a time; cut anywhere it is not")
    func shapeCheck() throws {
        let (_, url) = try kuopio()
        let parts = try parts(url)
        #expect(parts.contains { $0.name == "xl/worksheets/sheet1.xml" } && parts.contains { $0.name == "xl/sharedStrings.xml" })
        for (name, bytes) in parts {
            #expect(whole(bytes[...]), "\(name)")
            #expect(whole(bytes[...], chunk: 1), "\(name) a byte at a time")
            // Cut anywhere (at 400 places along the long parts): never whole.
            let step = max(1, bytes.count / 400)
            for length in stride(from: 0, to: bytes.count, by: step) where whole(bytes[..<length]) {
                // The only prefix that may pass is the whole document with trailing white space cut.
                #expect(bytes[length...].allSatisfy { [0x20, 0x0A, 0x0D, 0x09].contains($0) }, "\(name) cut at \(length)")
            }
        }
    }

    @Test("A stretch missing in the middle, a wrong end tag or a second root is not proved whole")
    func shapeCheckGaps() {
        let document = Array(#"<?xml version="1.0"?><a x="1"><b><c y='2'/>text &amp; more</b><d></d></a>"#.utf8)
        #expect(whole(document[...]))
        #expect(whole((document + Array("\n".utf8))[...]))
        for (start, end) in [(22, 30), (31, 34), (40, 50), (60, 70)] {
            #expect(!whole((document[..<start] + document[end...])[...]), "without \(start)..<\(end)")
        }
        #expect(!whole(Array("<a><b></c></a>".utf8)[...]))
        #expect(!whole(Array("<a></a><a></a>".utf8)[...]))
        #expect(!whole(Array("<a></a>x".utf8)[...]))
        #expect(!whole(Array("<a><!-- c --></a>".utf8)[...]))
        #expect(!whole(Array("".utf8)[...]))
    }

    @Test("A written workbook reads back; the run summary's hash of a published file is the file's own")
    func verifiedAndHashed() throws {
        let (model, _) = try kuopio()
        let folder = try TestSupport.temporaryFolder()
        let items = [ReportPublisher.Item(model: model, renderer: XLSXReportRenderer(), fileName: "a.xlsx"),
                     ReportPublisher.Item(model: model, renderer: CSVReportRenderer(), fileName: "a.csv")]
        let written = try ReportPublisher(folder: folder, renderers: []).publish(items)
        for url in written {
            let recorded = RunSummary.file(url)
            #expect(recorded.path == url.path)
            #expect(recorded.bytes == (try Data(contentsOf: url)).count)
            // Changed after publishing: hashed again, not taken from what the publish remembered.
            let before = recorded.sha256
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("x".utf8))
            try handle.close()
            #expect(RunSummary.file(url).sha256 != before)
            #expect(RunSummary.file(url).bytes == recorded.bytes + 1)
        }
    }

    @Test("A workbook written in constant-memory mode holds the same cells on every sheet but the data sheet, which it says it leaves out")
    func constantMemorySameCells() throws {
        let (model, normal) = try kuopio()
        let streamed = try TestSupport.temporaryFolder().appendingPathComponent("streamed.xlsx")
        try streaming.render(model, to: streamed)
        try PublishChecks.verify(streamed, format: .xlsx, shownAs: streamed)
        let a = try WorkbookReader(url: normal, limits: .default, language: .fi)
        let b = try WorkbookReader(url: streamed, limits: .default, language: .fi)
        #expect(a.sheets.map(\.name) == ["Tilanne", "Yhteenveto", "Kaavio", "Tiedot", "Mittarit", "Mittarisarjat"])
        #expect(b.sheets.map(\.name) == ["Tilanne", "Yhteenveto", "Kaavio", "Mittarit", "Mittarisarjat"])
        let note = "Raportissa on yli 0 toimenpidettä, joten työkirjassa ei ole Tiedot-välilehteä: "
            + "yhteenvedon luvut ovat arvoja, eivät kaavoja."
        for right in b.sheets {
            let left = try #require(a.sheets.first { $0.name == right.name })
            let cells = try a.read(left).records.map { [String($0.row)] + $0.cells }
            var same = try b.read(right).records.map { [String($0.row)] + $0.cells }
            if right.name == "Yhteenveto" {
                // The same counts (the normal mode's formulas' cached results), then the note.
                #expect(same.last?.dropFirst().first == note)
                same.removeLast()
            }
            #expect(cells == same, "sheet \(left.name)")
        }
        // The summary's counts: formulas over the data sheet in the normal mode, numbers here.
        #expect(try summaryFormulas(normal) > 100)
        #expect(try summaryFormulas(streamed) == 0)
        // No defined names point at a sheet that is not there.
        let book = try #require(try parts(streamed).first { $0.name == "xl/workbook.xml" })
        #expect(!String(decoding: book.bytes, as: UTF8.self).contains("Tiedot"))
        // The texts are inline: no shared-strings part.
        #expect(try parts(streamed).contains { $0.name == "xl/sharedStrings.xml" } == false)
    }

    @Test("A report of exactly the limit keeps its data sheet and formulas; one action over, it has neither")
    func dataSheetLimit() throws {
        let (model, _) = try kuopio()
        #expect(model.totals.total == 77)
        let folder = try TestSupport.temporaryFolder()
        for (limit, hasData) in [(77, true), (76, false)] {
            var renderer = XLSXReportRenderer()
            renderer.streamingActions = limit
            let url = folder.appendingPathComponent("limit-\(limit).xlsx")
            try renderer.render(model, to: url)
            let sheets = try WorkbookReader(url: url, limits: .default, language: .fi).sheets.map(\.name)
            #expect(sheets.contains("Tiedot") == hasData, "limit \(limit): \(sheets)")
            #expect((try summaryFormulas(url) > 0) == hasData, "limit \(limit)")
        }
    }

    @Test("The coordinator's check list written in constant-memory mode holds the same cells")
    func coordinatorConstantMemory() throws {
        let (model, _) = try kuopio()
        let edition = model.edition(for: .coordinator)
        let folder = try TestSupport.temporaryFolder()
        let normal = folder.appendingPathComponent("normal.xlsx")
        let streamed = folder.appendingPathComponent("streamed.xlsx")
        try CoordinatorWorkbookRenderer().render(edition, to: normal)
        var renderer = CoordinatorWorkbookRenderer()
        renderer.streamingRows = 0
        try renderer.render(edition, to: streamed)
        let a = try WorkbookReader(url: normal, limits: .default, language: .fi)
        let b = try WorkbookReader(url: streamed, limits: .default, language: .fi)
        #expect(a.sheets.map(\.name) == b.sheets.map(\.name))
        for (left, right) in zip(a.sheets, b.sheets) {
            let cells = try a.read(left).records.map { [String($0.row)] + $0.cells }
            #expect(cells.count > 10, "sheet \(left.name)")
            #expect(cells == (try b.read(right).records.map { [String($0.row)] + $0.cells }), "sheet \(left.name)")
        }
        #expect(try parts(streamed).contains { $0.name == "xl/sharedStrings.xml" } == false)
    }

    @Test("A workbook whose status sheet is written beside the other sheets is the same file on every run")
    func constantMemorySameBytes() throws {
        let (model, _) = try kuopio()
        let renderer = streaming
        let folder = try TestSupport.temporaryFolder()
        let files = try (0..<4).map { run -> Data in
            let url = folder.appendingPathComponent("streamed-\(run).xlsx")
            try renderer.render(model, to: url)
            return try Data(contentsOf: url)
        }
        #expect(Set(files).count == 1)
        // Every style index a cell names is one the styles part defines.
        let styles = try #require(try parts(folder.appendingPathComponent("streamed-0.xlsx")).first { $0.name == "xl/styles.xml" })
        let defined = try #require(String(decoding: styles.bytes, as: UTF8.self).firstMatch(of: /<cellXfs count="(\d+)"/)).1
        let sheet = try #require(try parts(folder.appendingPathComponent("streamed-0.xlsx")).first { $0.name == "xl/worksheets/sheet1.xml" })
        let used = String(decoding: sheet.bytes, as: UTF8.self).matches(of: /\ss="(\d+)"/).compactMap { Int($0.1) }
        #expect(!used.isEmpty)
        #expect(used.allSatisfy { $0 < Int(defined)! })
    }

    @Test("A report with more rows than a worksheet holds is refused before anything is written")
    func rowLimit() throws {
        let (model, _) = try kuopio()
        #expect(XLSXReportRenderer.sizeProblem(model) == nil)
        var large = model
        large.totals.total = XLSXReportRenderer.worksheetRows
        let problem = try #require(XLSXReportRenderer.sizeProblem(large))
        #expect(problem.contains("1048576 rows an Excel worksheet holds"))
        #expect(problem.contains("\"Tilanne\""))

        var config = try TestSupport.kuopioConfig()
        config.outputs.folder = try TestSupport.temporaryFolder().path
        let pipeline = Pipeline(config: config)
        #expect(throws: OutputError.self) { try pipeline.publish(large) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: config.outputs.folder).isEmpty)
    }
}
