/// What one spreadsheet cell can hold, and the one function that makes a text fit it.
///
/// Every text that reaches a report comes from a source table, a statistics file or the
/// configuration. A text a cell cannot hold makes libxlsxwriter refuse it (more than 32,767
/// characters) or writes XML no reader accepts (U+FFFE, U+FFFF), so the whole workbook, and
/// with it the night's reports, would fail. Texts are therefore made fit once, where they are
/// normalised, with a finding at their cell; the same text then goes into every sheet and
/// every format.
public enum CellText {
    /// Excel and LibreOffice hold at most 32,767 characters in a cell, counted in UTF-16 code
    /// units (a character outside the Basic Multilingual Plane counts twice).
    public static let limit = 32_767
    /// Ends a text cut to the limit, in every language.
    public static let cutMark = " […]"
    /// How much of a text a finding quotes: enough to recognise it, never near a cell's limit.
    public static let excerptLength = 1_000

    /// What `fit` changed.
    public struct Repairs: Sendable, Hashable {
        /// Control characters (C0 other than tab and line breaks, DEL, C1) removed.
        public var controls = 0
        /// Unicode noncharacters (U+FDD0–U+FDEF, U+FFFE and U+FFFF of every plane) replaced by U+FFFD.
        public var noncharacters = 0
        /// The length in characters before the text was cut to the limit; nil when not cut.
        public var cutFrom: Int?

        public init(controls: Int = 0, noncharacters: Int = 0, cutFrom: Int? = nil) {
            self.controls = controls
            self.noncharacters = noncharacters
            self.cutFrom = cutFrom
        }

        public var isEmpty: Bool { controls == 0 && noncharacters == 0 && cutFrom == nil }
    }

    /// Whether a cell holds the text as it is: short enough, and neither a control character
    /// nor a noncharacter in it. One pass over the UTF-8 bytes; most texts stop there.
    public static func fits(_ text: String) -> Bool {
        var text = text
        if text.utf8.count > limit && text.utf16.count > limit { return false }
        return text.withUTF8 { firstProblem(in: $0) == nil }
    }

    /// The text as a cell holds it: control characters removed, noncharacters replaced by
    /// U+FFFD, and cut to the limit (ending with `cutMark`), with what was changed.
    public static func fit(_ text: String) -> (text: String, repairs: Repairs) {
        var repairs = Repairs()
        var result = text
        var scanned = text
        if scanned.withUTF8({ firstProblem(in: $0) != nil }) {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if isControl(scalar.value) {
                    repairs.controls += 1
                } else if isNoncharacter(scalar.value) {
                    repairs.noncharacters += 1
                    scalars.append("\u{FFFD}")
                } else {
                    scalars.append(scalar)
                }
            }
            result = String(scalars)
        }
        if result.utf8.count > limit && result.utf16.count > limit {
            repairs.cutFrom = result.count
            result = cut(result, toUTF16: limit - cutMark.utf16.count) + cutMark
        }
        return (result, repairs)
    }

    /// A text as a finding quotes it: on one line, fit for a cell, and at most `length`
    /// characters (the last one `…` when cut), so no finding's message can outgrow a cell.
    public static func excerpt(_ text: String, length: Int = excerptLength) -> String {
        var copy = text
        let plain = copy.withUTF8 { bytes in
            bytes.count <= length && firstProblem(in: bytes) == nil && !bytes.contains(where: { $0 == 0x0A || $0 == 0x0D })
        }
        if plain { return text }
        var scalars = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if count == length {
                // One more to come: the last one kept makes way for the mark.
                scalars.removeLast()
                scalars.append("…")
                break
            }
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: scalars.append(" ")
            case let value where isControl(value): continue
            case let value where isNoncharacter(value): scalars.append("\u{FFFD}")
            default: scalars.append(scalar)
            }
            count += 1
        }
        return String(scalars)
    }

    /// The text's first `units` UTF-16 code units at most, ending on a whole scalar.
    static func cut(_ text: String, toUTF16 units: Int) -> String {
        var used = 0
        var end = text.unicodeScalars.startIndex
        for index in text.unicodeScalars.indices {
            let width = text.unicodeScalars[index].utf16.count
            if used + width > units { break }
            used += width
            end = text.unicodeScalars.index(after: index)
        }
        return String(text.unicodeScalars[..<end])
    }

    /// C0 controls other than tab, line feed and carriage return; DEL; the C1 controls.
    static func isControl(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }

    /// The 66 noncharacters: U+FDD0–U+FDEF, and the last two code points of every plane.
    static func isNoncharacter(_ value: UInt32) -> Bool {
        (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
    }

    /// The byte offset of the first control character or noncharacter in UTF-8 bytes.
    static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F { return index }
                index += 1
                continue
            }
            func next(_ offset: Int) -> UInt8 { index + offset < count ? bytes[index + offset] : 0 }
            switch byte {
            case 0xC2:
                if next(1) <= 0x9F { return index } // U+0080–U+009F
                index += 2
            case 0xEF:
                // U+FDD0–U+FDEF: EF B7 90–AF; U+FFFE, U+FFFF: EF BF BE, EF BF BF.
                if (next(1) == 0xB7 && (0x90...0xAF).contains(next(2))) || (next(1) == 0xBF && next(2) >= 0xBE) { return index }
                index += 3
            case 0xF0...0xF4:
                // U+nFFFE, U+nFFFF: the plane's last two code points.
                if next(1) & 0x0F == 0x0F && next(2) == 0xBF && next(3) >= 0xBE { return index }
                index += 4
            case 0xE0...0xEE: index += 3
            default: index += byte >= 0xC0 ? 2 : 1
            }
        }
        return nil
    }
}

extension CellText {
    /// A source table's cell as the report holds it: cleaned (`TextNormaliser.clean`), made
    /// fit for a cell, and each change reported at the cell.
    static func normalised(_ raw: String, at location: @autoclosure () -> SourceLocation?, log: inout DiagnosticLog) -> String {
        let cleaned = TextNormaliser.clean(raw)
        var text = cleaned.text
        var repairs = Repairs(controls: cleaned.removedControls, noncharacters: cleaned.replacedNoncharacters)
        if text.utf8.count > limit {
            let fitted = fit(text)
            text = fitted.text
            repairs.cutFrom = fitted.repairs.cutFrom
        }
        if !repairs.isEmpty { report(repairs, at: location(), log: &log) }
        return text
    }

    /// A text read from elsewhere (a statistics file's title, unit or label) made fit as it is,
    /// each change reported at `location`.
    static func fitted(_ raw: String, at location: @autoclosure () -> SourceLocation?, log: inout DiagnosticLog) -> String {
        if fits(raw) { return raw }
        let (text, repairs) = fit(raw)
        report(repairs, at: location(), log: &log)
        return text
    }

    static func report(_ repairs: Repairs, at location: SourceLocation?, log: inout DiagnosticLog) {
        if repairs.controls > 0 { log.emit(.textControlCharacters, at: location, "\(repairs.controls)") }
        if repairs.noncharacters > 0 { log.emit(.textNoncharacters, at: location, "\(repairs.noncharacters)") }
        if let length = repairs.cutFrom { log.emit(.textTooLong, at: location, "\(length)", "\(limit)") }
    }
}
