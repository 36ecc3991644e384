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
    /// mode, and the two sheets written at once, that a report of more than 20,000 actions gets.
    private var streaming: XLSXReportRenderer {
        var renderer = XLSXReportRenderer()
        renderer.streamingActions = 0
        return renderer
    }

    /// A publisher that writes its files as on a two-core machine.
    private func twoCorePublisher(_ folder: URL, _ renderers: [any ReportRenderer]) -> ReportPublisher {
        var publisher = ReportPublisher(folder: folder, renderers: renderers)
        publisher.cores = 2
        return publisher
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

    @Test("A workbook written in constant-memory mode holds the same cells on every sheet")
    func constantMemorySameCells() throws {
        let (model, normal) = try kuopio()
        let streamed = try TestSupport.temporaryFolder().appendingPathComponent("streamed.xlsx")
        try streaming.render(model, to: streamed)
        try PublishChecks.verify(streamed, format: .xlsx, shownAs: streamed)
        let a = try WorkbookReader(url: normal, limits: .default, language: .fi)
        let b = try WorkbookReader(url: streamed, limits: .default, language: .fi)
        #expect(a.sheets.map(\.name) == b.sheets.map(\.name))
        for (left, right) in zip(a.sheets, b.sheets) {
            let cells = try a.read(left).records.map { [String($0.row)] + $0.cells }
            let same = try b.read(right).records.map { [String($0.row)] + $0.cells }
            #expect(cells == same, "sheet \(left.name)")
        }
        // The texts are inline: no shared-strings part.
        #expect(try parts(streamed).contains { $0.name == "xl/sharedStrings.xml" } == false)
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

    @Test("A set with a large workbook: the files after it wait for its sheets, and each is published whole",
          .timeLimit(.minutes(1)))
    func wideWorkbookFirst() throws {
        let (model, _) = try kuopio()
        let workbook = streaming
        #expect(workbook.beginsWide(model))
        #expect(!XLSXReportRenderer().beginsWide(model))
        #expect(!CSVReportRenderer().beginsWide(model) && !HTMLReportRenderer().beginsWide(model))
        // On two cores the files after the workbook wait for its sheets.
        let events = EventLog()
        let inner: [any ReportRenderer] = [workbook, CSVReportRenderer(), HTMLReportRenderer()]
        // The sheets take a moment longer, so that a file not held back would start before them.
        let renderers: [any ReportRenderer] = inner.map { Recording(inner: $0, events: events, wideWorkTakes: 0.3) }
        let folder = try TestSupport.temporaryFolder()
        var publisher = twoCorePublisher(folder.appendingPathComponent("set"), renderers)
        let files = try publisher.publish(model) { "report.\($0.format.rawValue)" }
        #expect(files.map(\.lastPathComponent) == ["report.xlsx", "report.csv", "report.html"])
        let seen = events.all
        let sheetsWritten = try #require(seen.firstIndex(of: "xlsx: sheets written"))
        #expect(seen.firstIndex(of: "xlsx: started") == 0)
        #expect(seen.firstIndex(of: "csv: started")! > sheetsWritten)
        #expect(seen.firstIndex(of: "html: started")! > sheetsWritten)
        // Each file is the one its renderer writes alone.
        for (renderer, file) in zip(renderers, files) {
            let alone = folder.appendingPathComponent("alone.\(renderer.format.rawValue)")
            try renderer.render(model, to: alone)
            #expect(try Data(contentsOf: file) == Data(contentsOf: alone), "\(file.lastPathComponent)")
        }
        // With cores to spare, nothing waits: every file is still published.
        publisher.cores = 8
        #expect(try publisher.publish(model) { "spare.\($0.format.rawValue)" }.count == 3)
    }

    @Test("A large workbook that fails before its sheets are written stops the set without leaving the others waiting",
          .timeLimit(.minutes(1)))
    func wideWorkbookFails() throws {
        let (model, _) = try kuopio()
        let events = EventLog()
        let renderers: [any ReportRenderer] = [Recording(inner: CSVReportRenderer(), events: events),
                                               Recording(inner: streaming, events: events, failsFirst: true),
                                               Recording(inner: HTMLReportRenderer(), events: events)]
        let folder = try TestSupport.temporaryFolder().appendingPathComponent("set")
        let publisher = twoCorePublisher(folder, renderers)
        #expect(throws: OutputError.self) { try publisher.publish(model) { "report.\($0.format.rawValue)" } }
        // The others ran once the failure let them go; none of the set was published.
        #expect(events.all.contains("csv: started") && events.all.contains("html: started"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("report.") }.isEmpty)
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

/// A renderer that notes when the one it wraps starts and when its wide part is over, can make
/// that part last longer, and can fail before it starts: what the publisher's order is measured
/// by. The files are the wrapped renderer's own.
private struct Recording: ReportRenderer {
    let inner: any ReportRenderer
    let events: EventLog
    var failsFirst = false
    var wideWorkTakes: TimeInterval = 0

    var format: OutputFormat { inner.format }
    func beginsWide(_ model: ReportModel) -> Bool { inner.beginsWide(model) }

    func render(_ model: ReportModel, to url: URL) throws {
        try render(model, to: url, wideWorkDone: {})
    }

    func render(_ model: ReportModel, to url: URL, wideWorkDone: () -> Void) throws {
        events.add("\(format.rawValue): started")
        if failsFirst { throw OutputError(path: url.path, problem: "failed on purpose before writing") }
        try inner.render(model, to: url) {
            Thread.sleep(forTimeInterval: wideWorkTakes)
            events.add("\(format.rawValue): sheets written")
            wideWorkDone()
        }
    }
}

private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []

    func add(_ event: String) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return events
    }
}
