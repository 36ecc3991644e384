import CFreeType
import Foundation

/// The advance widths and line height of the font the workbook names. The workbook is set in
/// Calibri (libxlsxwriter's default, which Excel has); Carlito (Debian: fonts-crosextra-carlito)
/// is metric-compatible with it, and is what LibreOffice prints Calibri with. FreeType reads
/// Carlito's glyph advances once per process; the status sheet's rows are then as tall as their
/// text wrapped at the column's width (docs/decisions/0006-measured-text.md). Without the font,
/// `XLSXText`'s estimate stands in.
final class XLSXFontMetrics: Sendable {
    /// Advances in ems, indexed by scalar, for U+0000…U+2FFF (Latin, Greek, Cyrillic,
    /// punctuation, symbols); 0 where the font has no glyph.
    private let advances: [Float]
    /// The advance of a character the font has no glyph for: a whole em, so no text is clipped.
    private let fallback: Float = 1
    /// Ascender − descender + line gap, in ems.
    let lineHeight: Double
    /// Ascender − descender, in ems.
    let ascentToDescent: Double
    let file: String

    static let regular = XLSXFontMetrics(named: "Carlito-Regular.ttf")
    static let bold = XLSXFontMetrics(named: "Carlito-Bold.ttf")
    static let italic = XLSXFontMetrics(named: "Carlito-Italic.ttf")

    /// The folders searched for the font: `TILANNE_FONT_DIR`, then where Debian and other
    /// distributions install it.
    static var folders: [String] {
        var result: [String] = []
        if let dir = ProcessInfo.processInfo.environment["TILANNE_FONT_DIR"], !dir.isEmpty { result.append(dir) }
        result += ["/usr/share/fonts/truetype/crosextra", "/usr/share/fonts/crosextra", "/usr/share/fonts/truetype/carlito",
                   "/usr/share/fonts/carlito", "/usr/local/share/fonts", "/usr/share/fonts/TTF", "/usr/share/fonts/truetype"]
        return result
    }

    convenience init?(named name: String) {
        guard let file = Self.folders.lazy.map({ "\($0)/\(name)" }).first(where: { FileManager.default.isReadableFile(atPath: $0) }) else {
            return nil
        }
        self.init(file: file)
    }

    init?(file: String) {
        var library: FT_Library?
        guard FT_Init_FreeType(&library) == 0, let library else { return nil }
        defer { FT_Done_FreeType(library) }
        var face: FT_Face?
        guard FT_New_Face(library, file, 0, &face) == 0, let face else { return nil }
        defer { FT_Done_Face(face) }
        let units = Float(face.pointee.units_per_EM)
        guard units > 0 else { return nil }
        var advances = [Float](repeating: 0, count: 0x3000)
        for scalar in 0..<advances.count {
            let glyph = FT_Get_Char_Index(face, FT_ULong(scalar))
            guard glyph != 0 else { continue }
            var advance: FT_Fixed = 0
            // 1 = FT_LOAD_NO_SCALE: the advance in font units, exact.
            if FT_Get_Advance(face, glyph, 1, &advance) == 0 { advances[scalar] = Float(advance) / units }
        }
        self.advances = advances
        lineHeight = Double(face.pointee.height) / Double(units)
        ascentToDescent = Double(Int(face.pointee.ascender) - Int(face.pointee.descender)) / Double(units)
        self.file = file
    }

    /// The width of a text in points at a font size.
    func width<S: StringProtocol>(_ text: S, size: Double) -> Double {
        var ems: Float = 0
        for scalar in text.unicodeScalars { ems += advance(scalar) }
        return Double(ems) * size
    }

    func advance(_ scalar: Unicode.Scalar) -> Float {
        let value = Int(scalar.value)
        guard value < advances.count else { return fallback }
        let advance = advances[value]
        return advance > 0 || value < 0x20 ? advance : fallback
    }

    /// Lines a text takes in a wrapped cell whose text area is `width` points wide: each
    /// paragraph broken greedily at spaces, a word longer than a line broken where it reaches the
    /// edge (counted whole lines, the rest of its line taken). Readers also break after hyphens,
    /// so they never need more lines than this. One pass over the scalars: it runs for every cell.
    func lineCount(_ text: String, width: Double, size: Double) -> Int {
        let limit = Float(max(1, width / size))  // in ems
        let space = advance(" ")
        var lines = 1
        var line: Float = 0       // the words placed on the current line
        var started = false       // whether the current line has a word
        var spaces = 0            // spaces since the last word placed
        var word: Float = 0
        var inWord = false
        func place() {
            guard inWord else { return }
            defer { word = 0; inWord = false; spaces = 0 }
            let needed = started ? line + Float(max(1, spaces)) * space + word : word
            if needed <= limit {
                line = needed
                started = true
                return
            }
            if started { lines += 1 }
            if word <= limit {
                line = word
            } else {
                // Wider than the cell: as many more lines as it fills, and its last line full.
                lines += Int(word / limit)
                line = limit
            }
            started = true
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                place()
                lines += 1
                line = 0
                started = false
            case " ":
                place()
                spaces += 1
            default:
                word += advance(scalar)
                inWord = true
            }
        }
        place()
        return lines
    }
}

/// The program a workbook's rows are sized for. Excel and LibreOffice set the same font
/// (Calibri, or Carlito with the same widths) in different geometry: LibreOffice's columns of a
/// given width are about 6 % wider, and it sets wrapped lines at the font's ascender to
/// descender (1.0 em for Carlito) where Excel takes 20 pixels a line of Calibri 11 (1.36 em). No
/// one height fits both: a row sized for LibreOffice is cut short in Excel, and one sized for
/// Excel prints with a quarter of it blank in LibreOffice. The workbook Tilanne publishes is
/// sized for Excel; the one it has LibreOffice print as the PDF is sized for LibreOffice.
public enum XLSXRowGeometry: Sendable {
    case excel
    case libreOffice
}

/// Row heights and page breaks of the printed status sheet from the measured text.
enum XLSXMeasure {
    /// The body font size of the workbook (libxlsxwriter's default Calibri 11).
    static let bodySize = 11.0

    /// The text area of a column (`units` wide) in points.
    /// Excel: 7 pixels a character unit and 5 of padding at 96 pixels an inch, less 3 pixels of
    /// margin each side. LibreOffice: a digit's advance of the font a unit (measured: 5.55
    /// points at 11 points, and 3.9 of padding), less its cell margins; a point under it.
    static func textWidth(_ units: Double, for geometry: XLSXRowGeometry) -> Double {
        switch geometry {
        case .excel: return ((units * 7 + 5).rounded(.down) - 6) * 0.75
        case .libreOffice:
            let digit = XLSXFontMetrics.regular.map { Double($0.advance("0")) * bodySize } ?? 5.55
            return units * digit - 1
        }
    }

    /// The height in points of a row of `lines` lines of a font size, with 3 points of cell
    /// padding (Excel's limit is 409 points).
    /// Excel: the font's line height (ascender − descender + line gap) rounded up to whole
    /// pixels and 2 pixels of leading a line, which is Excel's 15-point row for Calibri 11.
    /// LibreOffice: the font's ascender − descender a line, as LibreOffice sets wrapped text.
    static func height(lines: Int, size: Double, font: XLSXFontMetrics, for geometry: XLSXRowGeometry) -> Double {
        let line: Double
        switch geometry {
        case .excel: line = ((font.lineHeight * size * 96 / 72).rounded(.up) + 2) * 0.75
        case .libreOffice: line = font.ascentToDescent * size
        }
        return min(409, (Double(lines) * line + 3).rounded(.up))
    }

    /// The row height for texts in columns of the given widths (character units), each in its
    /// font; nil when the font is not installed (the estimate is used then).
    static func rowHeight(_ cells: [(text: String, width: Double, font: XLSXFontMetrics?)], size: Double = bodySize,
                          for geometry: XLSXRowGeometry) -> Double? {
        var tallest = 0.0
        for cell in cells {
            guard let font = cell.font else { return nil }
            let lines = font.lineCount(cell.text, width: textWidth(cell.width, for: geometry), size: size)
            tallest = max(tallest, height(lines: lines, size: size, font: font, for: geometry))
        }
        return tallest
    }

    /// The print scale (percent) at which the columns fit the printable width of an A4
    /// landscape page (0.4-inch side margins) in LibreOffice, whose columns are the wider, a
    /// digit's advance a character unit and 5 points of padding: at most 82 % (Calibri 11 prints
    /// at 9 points), less when the columns are wider.
    static func printScale(widths: [Double]) -> Int {
        let digit = XLSXFontMetrics.regular.map { Double($0.advance("0")) * bodySize } ?? 5.6
        let sheet = widths.reduce(0) { $0 + $1 * digit + 5 }
        let printable = 841.89 - 2 * 0.4 * 72
        return max(10, min(82, Int((printable / sheet * 100).rounded(.down))))
    }

    /// Page breaks (the first row of each page after the first) for rows of the given heights,
    /// printed at `scale` percent on A4 landscape with 0.6-inch top and bottom margins and the
    /// row `repeated` printed on top of every page after the first. `keepWithNext` marks the
    /// heading rows: a heading is never the last row of a page, it moves to the next with the
    /// row that follows it. Excel keeps at most 1,023 manual breaks.
    static func pageBreaks(heights: [Double], from first: Int, repeated: Double, keepWithNext: Set<Int>, scale: Int) -> [Int] {
        // A few points of the page are left for the reader's rounding.
        let page = (595.28 - 2 * 0.6 * 72 - 6) / (Double(scale) / 100)
        var breaks: [Int] = []
        var used = heights[..<first].reduce(0, +)
        var row = first
        while row < heights.count && breaks.count < 1_023 {
            // The block that must stay together: the headings and the row after them.
            var end = row
            while keepWithNext.contains(end) && end + 1 < heights.count { end += 1 }
            let block = heights[row...end].reduce(0, +)
            if used + block > page && used > repeated {
                breaks.append(row)
                used = repeated
            }
            // A block taller than a page is left to the reader to break.
            used += block
            while used > page {
                used -= page - repeated
            }
            row = end + 1
        }
        return breaks
    }
}
