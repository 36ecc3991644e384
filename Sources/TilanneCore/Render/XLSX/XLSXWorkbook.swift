import CXlsxWriter
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The thin layer over libxlsxwriter that the XLSX renderer uses: Swift types in, C calls out,
/// library errors turned into `OutputError`. The only file besides the renderer that sees C.
final class XLSXWorkbook {
    let handle: UnsafeMutablePointer<lxw_workbook>
    private let path: String
    /// C strings handed to the library that must outlive `close()`.
    /// On a draft, the word every printed page carries at the top centre (`LUONNOS`).
    var draftMark: String?
    /// Written in libxlsxwriter's constant-memory mode (rows in order, no Excel Tables).
    let constantMemory: Bool
    private var retainedStrings: [UnsafeMutablePointer<CChar>] = []
    private var firstError: lxw_error = LXW_NO_ERROR
    /// Every format made, in the order made (`fixStyleIndices`).
    private var formats: [UnsafeMutablePointer<lxw_format>] = []
    /// In constant-memory mode two sheets are written side by side (`XLSXReportRenderer`): what
    /// they share in this class (the first error, the retained texts, the list of formats) is
    /// changed under this lock. The library's own calls for the status sheet take no lock: they
    /// touch only that sheet, as long as its formats were made and indexed before it started
    /// (`fixStyleIndices`) — the rule the status sheet's writer keeps.
    private let lock = NSLock()

    /// The folder libxlsxwriter writes its temporary files in: `$TMPDIR`, else the system's.
    /// (The library would ignore `TMPDIR` on its own; the free-space check looks at the same place.)
    static var temporaryFolder: String { ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp" }

    /// The file as created here, before libxlsxwriter opens it by name.
    private var created: Int32 = -1

    /// libxlsxwriter opens its file by name with `fopen(path, "wb")` when the workbook is closed,
    /// which would follow a link. So the file is created here first, exclusively and without
    /// following links (`SafeFile.createNew`; the publisher puts it in a folder only this user
    /// can enter), and after the library wrote it, the name must still be that same regular file.
    ///
    /// `constantMemory`: libxlsxwriter writes each row to its temporary file as soon as the next
    /// row starts, and texts inline instead of in the shared-strings table, so a sheet of a
    /// million rows never sits in memory. Every sheet must then be written row by row in order:
    /// the library silently drops a cell written to a row it has already flushed.
    init(path: String, constantMemory: Bool = false) throws {
        let created = try SafeFile.createNew(path)
        let tmpdir = strdup(Self.temporaryFolder)
        var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0, tmpdir: tmpdir, use_zip64: 0)
        guard let handle = workbook_new_opt(path, &options) else {
            free(tmpdir)
            Glibc.close(created)
            throw OutputError(path: path, problem: "libxlsxwriter could not create the workbook")
        }
        self.handle = handle
        self.path = path
        self.created = created
        self.constantMemory = constantMemory
        if let tmpdir { retainedStrings.append(tmpdir) }
    }

    deinit {
        for pointer in retainedStrings { free(pointer) }
        if created >= 0 { Glibc.close(created) }
    }

    func retain(_ text: String) -> UnsafeMutablePointer<CChar> {
        let pointer = strdup(text)!
        lock.withLock { retainedStrings.append(pointer) }
        return pointer
    }

    /// A text libxlsxwriter writes as an XML attribute (a chart's alternative text): the library
    /// copies attributes, escaped, into a buffer of 2,080 bytes and cuts a longer one wherever it
    /// ends, mid-character, and the workbook no longer reads back. The text is cut first, at a
    /// character, so that escaped it stays under 2,000 bytes; a cut text ends in "…".
    func retainAttribute(_ text: String) -> UnsafeMutablePointer<CChar> {
        let budget = 2_000
        var used = 0
        var kept = ""
        for character in text {
            let cost = switch character {
            case "&": 5
            case "<", ">": 4
            case "\"", "'": 6
            default: character.utf8.count
            }
            guard used + cost <= budget - 3 else { return retain(kept + "…") }
            used += cost
            kept.append(character)
        }
        return retain(text)
    }

    /// Runs for every cell: the lock is taken only for an error.
    func check(_ result: lxw_error) {
        guard result != LXW_NO_ERROR else { return }
        lock.withLock { if firstError == LXW_NO_ERROR { firstError = result } }
    }

    func addSheet(_ name: String) throws -> XLSXSheet {
        guard let sheet = lock.withLock({ workbook_add_worksheet(handle, name) }) else {
            throw OutputError(path: path, problem: "cannot add the sheet \"\(name)\"")
        }
        return XLSXSheet(handle: sheet, workbook: self)
    }

    func format(_ configure: (UnsafeMutablePointer<lxw_format>) -> Void) -> UnsafeMutablePointer<lxw_format> {
        let format = lock.withLock { workbook_add_format(handle)! }
        configure(format)
        lock.withLock { formats.append(format) }
        return format
    }

    /// Gives every format made so far its style index now, in the order the formats were made.
    /// libxlsxwriter gives a format its index when a cell first uses it, in a table the whole
    /// workbook shares. The status sheet, written beside the others, uses only formats indexed
    /// here, so it never reads that table while the other thread adds the formats it makes
    /// later; and the indices do not depend on which thread came first (the file is the same on
    /// every run). A format equal to an earlier one gets the earlier one's index, which the
    /// library would otherwise look up in the table at every use.
    func fixStyleIndices() {
        lock.withLock {
            for format in formats { format.pointee.xf_index = lxw_format_get_xf_index(format) }
        }
    }

    func setProperties(_ document: DocumentProperties, fallbackTitle: String) {
        var properties = lxw_doc_properties()
        properties.title = retain(document.title ?? fallbackTitle)
        if let subject = document.subject { properties.subject = retain(subject) }
        if let author = document.author { properties.author = retain(author) }
        if let company = document.company { properties.company = retain(company) }
        if let keywords = document.keywords { properties.keywords = retain(keywords) }
        if let comments = document.comments { properties.comments = retain(comments) }
        // A fixed creation time keeps the file byte-identical for the same input and config.
        let date = document.created.flatMap(DocumentDate.init) ?? DocumentDate("2000-01-01")!
        var parts = tm()
        parts.tm_year = Int32(date.year - 1900)
        parts.tm_mon = Int32(date.month - 1)
        parts.tm_mday = Int32(date.day)
        parts.tm_hour = 12
        properties.created = timegm(&parts)
        check(workbook_set_properties(handle, &properties))
    }

    /// Writes the ZIP. libxlsxwriter reports a failure here (a full disk, say) as an error code.
    func close() throws {
        let result = workbook_close(handle)
        if firstError != LXW_NO_ERROR {
            throw OutputError(path: path, problem: "libxlsxwriter: \(String(cString: lxw_strerror(firstError)))")
        }
        if result != LXW_NO_ERROR {
            throw OutputError(path: path, problem: "libxlsxwriter: \(String(cString: lxw_strerror(result)))")
        }
        var mine = stat()
        var same = false
        if fstat(created, &mine) == 0, let named = SafeFile.status(path) {
            let regular: Bool = (named.st_mode & S_IFMT) == S_IFREG && named.st_nlink == 1
            same = regular && named.st_dev == mine.st_dev && named.st_ino == mine.st_ino
        }
        Glibc.close(created)
        created = -1
        guard same else {
            throw OutputError(path: path, problem: "the workbook's file was replaced while it was written (a link?); not published")
        }
    }
}

/// One worksheet; positions are 0-based as in libxlsxwriter.
struct XLSXSheet {
    let handle: UnsafeMutablePointer<lxw_worksheet>
    unowned let workbook: XLSXWorkbook
    /// Set on a sheet written beside others: every format it uses must already have its style
    /// index (`XLSXWorkbook.fixStyleIndices`), or the library would add it to the table the
    /// other thread is adding to. Checked in debug builds, which the tests run.
    var indexedFormatsOnly = false

    private func checkIndexed(_ format: UnsafeMutablePointer<lxw_format>?) {
        assert(!indexedFormatsOnly || format.map { $0.pointee.xf_index != LXW_PROPERTY_UNSET } ?? true,
               "a sheet written beside others used a format made after the style indices were fixed")
    }

    /// Every text of every sheet passes here. The texts of the sources were made fit for a cell
    /// when they were normalised, with a finding (`CellText`); this is the last guard, for a
    /// text put together from several (a heading with its binding goal, a joined list), so that
    /// no text can make libxlsxwriter refuse the workbook.
    private static func fitting(_ text: String) -> String {
        CellText.fits(text) ? text : CellText.fit(text).text
    }

    func string(_ row: Int, _ column: Int, _ text: String, _ format: UnsafeMutablePointer<lxw_format>?) {
        checkIndexed(format)
        workbook.check(worksheet_write_string(handle, lxw_row_t(row), lxw_col_t(column), Self.fitting(text), format))
    }

    func number(_ row: Int, _ column: Int, _ value: Double, _ format: UnsafeMutablePointer<lxw_format>?) {
        checkIndexed(format)
        workbook.check(worksheet_write_number(handle, lxw_row_t(row), lxw_col_t(column), value, format))
    }

    func blank(_ row: Int, _ column: Int, _ format: UnsafeMutablePointer<lxw_format>?) {
        checkIndexed(format)
        workbook.check(worksheet_write_blank(handle, lxw_row_t(row), lxw_col_t(column), format))
    }

    func merge(_ row: Int, _ firstColumn: Int, _ lastColumn: Int, _ text: String, _ format: UnsafeMutablePointer<lxw_format>?) {
        checkIndexed(format)
        workbook.check(worksheet_merge_range(handle, lxw_row_t(row), lxw_col_t(firstColumn), lxw_row_t(row),
                                             lxw_col_t(lastColumn), Self.fitting(text), format))
    }

    func width(_ column: Int, _ width: Double) {
        workbook.check(worksheet_set_column(handle, lxw_col_t(column), lxw_col_t(column), width, nil))
    }

    func height(_ row: Int, _ height: Double) {
        workbook.check(worksheet_set_row(handle, lxw_row_t(row), height, nil))
    }

    /// A4 landscape, one page wide, the given rows repeated on every page, header and footer.
    func printSetup(repeatRows: ClosedRange<Int>?, header: String, footer: String) {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9) // 9 = A4
        worksheet_fit_to_pages(handle, 1, 0)
        worksheet_set_margins(handle, 0.4, 0.4, 0.6, 0.6)
        if let repeatRows {
            workbook.check(worksheet_repeat_rows(handle, lxw_row_t(repeatRows.lowerBound), lxw_row_t(repeatRows.upperBound)))
        }
        // A draft says so on every printed page, whatever sheet is printed.
        // The centre section goes between the left and the right one, in the order Excel
        // writes them (readers expect &L, &C, &R).
        let marked = workbook.draftMark.map { mark in
            let centre = "&C&\"-,Bold\"\(XLSXText.headerSafe(mark))"
            guard let right = header.range(of: "&R") else { return header + centre }
            return header[..<right.lowerBound] + centre + header[right.lowerBound...]
        } ?? header
        workbook.check(worksheet_set_header(handle, marked))
        workbook.check(worksheet_set_footer(handle, footer))
    }

    func freeze(rows: Int) {
        worksheet_freeze_panes(handle, lxw_row_t(rows), 0)
    }
}

extension UnsafeMutablePointer where Pointee == lxw_format {
    @discardableResult func bold() -> Self { format_set_bold(self); return self }
    @discardableResult func wrap() -> Self { format_set_text_wrap(self); return self }
    @discardableResult func top() -> Self { format_set_align(self, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue)); return self }
    @discardableResult func centre() -> Self { format_set_align(self, UInt8(LXW_ALIGN_CENTER.rawValue)); return self }
    @discardableResult func border() -> Self { format_set_border(self, UInt8(LXW_BORDER_THIN.rawValue)); return self }
    @discardableResult func fill(_ rgb: UInt32) -> Self { format_set_bg_color(self, rgb); return self }
    @discardableResult func fontColour(_ rgb: UInt32) -> Self { format_set_font_color(self, rgb); return self }
    @discardableResult func size(_ points: Double) -> Self { format_set_font_size(self, points); return self }
    @discardableResult func italic() -> Self { format_set_italic(self); return self }
    @discardableResult func numberFormat(_ pattern: String) -> Self { format_set_num_format(self, pattern); return self }
}
