import Foundation
import Testing
@testable import TilanneCore

/// The status sheet's rows from the workbook font's own widths (Carlito, read with FreeType),
/// and page breaks that never leave a heading at the foot of a page.
@Suite("Measured text: row heights and page breaks")
struct MeasuredTextTests {
    /// `make deps` and `.ci/run` install Carlito (Debian: fonts-crosextra-carlito).
    static var font: XLSXFontMetrics? { XLSXFontMetrics.regular }

    @Test("FreeType reads Carlito's advances: Calibri's widths", .enabled(if: font != nil, "Carlito is not installed"))
    func advances() throws {
        let font = try #require(Self.font)
        // Calibri and Carlito: a digit is 1038/2048 em; the word is 53.27 points wide in
        // LibreOffice's PDF of an 11-point cell.
        #expect(abs(Double(font.advance("0")) - 1038.0 / 2048) < 1e-6)
        #expect(abs(font.width("Toimenpide", size: 11) - 53.27) < 0.05)
        #expect(font.ascentToDescent == 1)
        #expect(font.lineHeight > 1.2 && font.lineHeight < 1.25)
        // A character the font lacks counts a whole em, so no text is cut.
        #expect(font.advance("\u{4E00}") == 1)
    }

    @Test("Lines are counted as a wrapped cell breaks them", .enabled(if: font != nil, "Carlito is not installed"))
    func lines() throws {
        let font = try #require(Self.font)
        #expect(font.lineCount("", width: 100, size: 11) == 1)
        #expect(font.lineCount("Toimenpide", width: 54, size: 11) == 1)
        #expect(font.lineCount("Toimenpide", width: 53, size: 11) == 2)
        #expect(font.lineCount("Toimenpide Toimenpide", width: 54, size: 11) == 2)
        #expect(font.lineCount("Toimenpide  Toimenpide", width: 120, size: 11) == 1)
        #expect(font.lineCount("a\n\nb", width: 100, size: 11) == 3)
        // A word wider than the cell breaks where it reaches the edge.
        #expect(font.lineCount(String(repeating: "m", count: 40), width: 100, size: 11) == 4)
        // A long text: its width over the line's, give or take the last partly filled line.
        let text = Array(repeating: "Koulutuskuntayhtymän kumppanuusmalli", count: 20).joined(separator: " ")
        let lines = font.lineCount(text, width: 200, size: 11)
        let ideal = font.width(text, size: 11) / 200
        #expect(Double(lines) >= ideal && Double(lines) <= ideal * 1.25 + 1)
    }

    @Test("Row heights: Excel's 15 points a line of Calibri 11, LibreOffice's 11", .enabled(if: font != nil, "Carlito is not installed"))
    func heights() throws {
        let font = try #require(Self.font)
        #expect(XLSXMeasure.height(lines: 1, size: 11, font: font, for: .excel) == 18)
        #expect(XLSXMeasure.height(lines: 4, size: 11, font: font, for: .excel) == 63)
        #expect(XLSXMeasure.height(lines: 4, size: 11, font: font, for: .libreOffice) == 47)
        #expect(XLSXMeasure.height(lines: 100, size: 11, font: font, for: .excel) == 409)
        // LibreOffice's columns are wider: the same text never needs more lines there.
        #expect(XLSXMeasure.textWidth(40, for: .libreOffice) > XLSXMeasure.textWidth(40, for: .excel))
        #expect(XLSXMeasure.printScale(widths: [40, 28, 24, 19, 56]) == 82)
        #expect(XLSXMeasure.printScale(widths: [40, 28, 24, 19, 56, 24]) < 82)
    }

    @Test("A heading is never the last row of a page; it moves with the row after it")
    func breaks() {
        // Printed at 100 %: 595.28 − 86.4 − 6 = 502.88 points a page; the repeated header 20.
        var heights = [20.0] + Array(repeating: 100.0, count: 4) + [30, 100, 100, 100]
        var breaks = XLSXMeasure.pageBreaks(heights: heights, from: 1, repeated: 20, keepWithNext: [], scale: 100)
        #expect(breaks == [6])
        // Row 5 a heading: it would end the first page, so it goes to the second with row 6.
        breaks = XLSXMeasure.pageBreaks(heights: heights, from: 1, repeated: 20, keepWithNext: [5], scale: 100)
        #expect(breaks == [5])
        // Two headings in a row (a theme and its goal) go together with the first action.
        heights[4] = 60
        breaks = XLSXMeasure.pageBreaks(heights: heights, from: 1, repeated: 20, keepWithNext: [4, 5], scale: 100)
        #expect(breaks == [4])
        // At 50 % a page holds twice as much.
        breaks = XLSXMeasure.pageBreaks(heights: heights, from: 1, repeated: 20, keepWithNext: [4, 5], scale: 50)
        #expect(breaks.isEmpty)
    }
}
