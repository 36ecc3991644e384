import Foundation

/// The council attachment as PDF. The workbook is printed by LibreOffice, so the PDF has the
/// workbook's own page setup (A4 landscape, one page wide, the header row on every page); where
/// LibreOffice is missing, Chromium prints the HTML with its print stylesheet. Where neither is
/// installed, the run stops with a message saying what to install.
public struct PDFReportRenderer: ReportRenderer {
    public let format = OutputFormat.pdf
    /// Seconds LibreOffice or Chromium may take before it is stopped (`TILANNE_PDF_TIMEOUT`
    /// overrides it; the tests use it to see a hung converter stopped).
    public let timeout: TimeInterval

    public init(timeout: TimeInterval = Self.defaultTimeout) { self.timeout = timeout }

    public static var defaultTimeout: TimeInterval {
        ProcessInfo.processInfo.environment["TILANNE_PDF_TIMEOUT"].flatMap(TimeInterval.init) ?? 300
    }

    public func render(_ model: ReportModel, to url: URL) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tilanne-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        if let soffice = Self.find(["soffice", "libreoffice"]) {
            let workbook = work.appendingPathComponent("report.xlsx")
            // Sized for LibreOffice, which prints it (XLSXRowGeometry), and without the data
            // sheet, which is for filtering, not for print.
            var renderer = XLSXReportRenderer(rowsFor: .libreOffice)
            renderer.dataSheet = false
            try renderer.render(model, to: workbook)
            try Self.run(soffice, ["-env:UserInstallation=file://\(work.path)/profile", "--headless", "--convert-to", Self.calcExport,
                                   "--outdir", work.path, workbook.path], timeout: timeout, environment: Self.locale(model.language))
            try Self.move(work.appendingPathComponent("report.pdf"), to: url)
        } else if let chromium = Self.find(["chromium", "chromium-browser", "google-chrome"]) {
            let page = work.appendingPathComponent("report.html")
            try HTMLReportRenderer().render(model, to: page)
            let pdf = work.appendingPathComponent("report.pdf")
            try Self.run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                    "--export-tagged-pdf", "--generate-pdf-document-outline",
                                    "--print-to-pdf=\(pdf.path)", page.absoluteString], timeout: timeout,
                         environment: Self.locale(model.language))
            try Self.move(pdf, to: url)
        } else {
            throw OutputError(path: url.path, problem: "a PDF needs LibreOffice (Debian: libreoffice-calc-nogui) or Chromium "
                              + "(Debian: chromium); neither is installed. Install one, or leave pdf out of outputs.formats")
        }
    }

    /// LibreOffice's PDF export as an attachment needs it (its JSON filter options, 7.4 and
    /// later): tagged (a structure tree a screen reader follows), PDF/UA's identification and
    /// rules (the document title shown instead of the file name, the language), and a bookmark
    /// per sheet. The title is the workbook's document title; the language is the locale the
    /// converter runs in (`locale`), the report's.
    static let calcExport = "pdf:calc_pdf_Export:" + #"{"UseTaggedPDF":{"type":"boolean","value":"true"},"#
        + #""PDFUACompliance":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"}}"#

    static func find(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The report language's locale for the converter, whatever the server's: LibreOffice formats
    /// the workbook's numbers by its own locale data for the locale the environment names (on a
    /// C-locale server it printed "119,282" and "85.7 %" in a Finnish report), whether or not
    /// the system has that locale generated.
    static func locale(_ language: ReportLanguage) -> [String: String] {
        let name = switch language {
        case .fi: "fi_FI.UTF-8"
        case .sv: "sv_FI.UTF-8"
        case .en: "en_GB.UTF-8"
        }
        return ["LC_ALL": name, "LANG": name, "LANGUAGE": String(name.prefix(2))]
    }

    private static func run(_ program: String, _ arguments: [String], timeout: TimeInterval, environment: [String: String]) throws {
        let outcome: ExternalProgram.Outcome
        do {
            outcome = try ExternalProgram.run(program, arguments, timeout: timeout, environment: environment)
        } catch {
            guard case .cannotStart(let why) = error else { throw error }
            throw OutputError(path: program, problem: "cannot start it (\(why))")
        }
        guard let status = outcome.status else {
            throw OutputError(path: program, problem: "did not finish the PDF within \(Int(timeout)) s and was stopped")
        }
        guard status == 0 else {
            throw OutputError(path: program, problem: "exit \(status): \(outcome.said.prefix(1000))")
        }
    }

    private static func move(_ produced: URL, to url: URL) throws {
        guard FileManager.default.fileExists(atPath: produced.path) else {
            throw OutputError(path: url.path, problem: "the PDF was not produced")
        }
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: produced, to: url)
    }
}
