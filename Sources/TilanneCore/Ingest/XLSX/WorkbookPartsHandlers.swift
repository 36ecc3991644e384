/// `xl/workbook.xml`: the sheets in tab order with their relationship ids, and the date system.
final class WorkbookHandler: XMLStreamHandler {
    struct Sheet {
        var name: String
        var relationship: String
    }
    private(set) var sheets: [Sheet] = []
    private(set) var date1904 = false

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        if name.is("sheet"), let sheetName = attributes.string("name"), let id = attributes.string("id") {
            sheets.append(Sheet(name: sheetName, relationship: id))
        } else if name.is("workbookPr"), let value = attributes.string("date1904") {
            date1904 = value == "1" || value == "true"
        }
    }
    func endElement(_ name: XMLName) throws {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}
}

/// A `.rels` part: relationship id → target part and type.
final class RelationshipsHandler: XMLStreamHandler {
    struct Relationship {
        var type: String
        var target: String
        var external: Bool
    }
    private(set) var byID: [String: Relationship] = [:]

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        guard name.is("Relationship"), let id = attributes.string("Id"), let target = attributes.string("Target") else { return }
        byID[id] = Relationship(type: attributes.string("Type") ?? "", target: target,
                                external: attributes.string("TargetMode") == "External")
    }
    func endElement(_ name: XMLName) throws {}
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    /// The part a relationship points to, as an archive path: targets are relative to the
    /// folder of the part that owns the relationships (`xl/`), or absolute from the root.
    func partPath(id: String, base: String) -> String? {
        guard let relationship = byID[id], !relationship.external else { return nil }
        return Self.resolve(relationship.target, base: base)
    }

    func firstPart(typeSuffix: String, base: String) -> String? {
        byID.values.filter { $0.type.hasSuffix(typeSuffix) && !$0.external }
            .map { Self.resolve($0.target, base: base) }.sorted().first
    }

    static func resolve(_ target: String, base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }
}

/// `xl/styles.xml`: which cell styles show a number as a date. Dates are numbers in XLSX;
/// only the style's number format says "this is 15.2.2024, not 45337".
final class CellStylesHandler: XMLStreamHandler {
    private var customFormats: [Int: String] = [:]
    private var styleFormats: [Int] = []
    private var styleFillIDs: [Int] = []
    private var inCellXfs = false
    /// The `<fills>` list: each fill's solid colour, nil for none or a pattern.
    private var fills: [String?] = []
    private var inFills = false
    private var solidFill = false

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) throws {
        if name.is("numFmt"), let id = attributes.string("numFmtId").flatMap(Int.init), let code = attributes.string("formatCode") {
            customFormats[id] = code
        } else if name.is("cellXfs") {
            inCellXfs = true
        } else if inCellXfs, name.is("xf") {
            styleFormats.append(attributes.string("numFmtId").flatMap(Int.init) ?? 0)
            styleFillIDs.append(attributes.string("fillId").flatMap(Int.init) ?? 0)
        } else if name.is("fills") {
            inFills = true
        } else if inFills, name.is("fill") {
            fills.append(nil)
            solidFill = false
        } else if inFills, name.is("patternFill") {
            solidFill = attributes.string("patternType") == "solid"
        } else if inFills, solidFill, name.is("fgColor"), let rgb = attributes.string("rgb"), rgb.count >= 6, !fills.isEmpty {
            // ARGB (`FFC6EFCE`): the last six digits are the colour. Theme and indexed colours are not read.
            fills[fills.count - 1] = "#" + rgb.suffix(6).uppercased()
        }
    }
    func endElement(_ name: XMLName) throws {
        if name.is("cellXfs") { inCellXfs = false }
        if name.is("fills") { inFills = false }
    }
    func characters(_ text: UnsafeBufferPointer<UInt8>) {}

    /// For each style index (`s` of a cell), whether it formats numbers as dates.
    var dateStyles: [Bool] {
        styleFormats.map { id in customFormats[id].map(Self.isDateFormat) ?? Self.builtInDateFormats.contains(id) }
    }

    /// For each style index, its solid fill colour.
    var fillStyles: [String?] {
        styleFillIDs.map { $0 < fills.count ? fills[$0] : nil }
    }

    /// For each style index, whether it shows a number as a percentage (`0 %`): the cell holds
    /// 0.75 and the coordinator sees and means 75 %.
    var percentStyles: [Bool] {
        styleFormats.map { id in customFormats[id].map(Self.isPercentFormat) ?? (id == 9 || id == 10) }
    }

    /// A `%` outside quoted text and `[...]` sections in the first section of the format.
    static func isPercentFormat(_ code: String) -> Bool {
        firstSection(of: code, contains: { $0 == "%" })
    }

    /// Excel's built-in date and time formats (ECMA-376 part 1, 18.8.30), including the
    /// locale-dependent ones Finnish Excel uses.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// A format code is a date format when, outside quoted text, escapes and `[...]` sections
    /// (colours, locales), it has a day, month, year, hour or second part.
    static func isDateFormat(_ code: String) -> Bool {
        // The file stores codes in the invariant form (d, m, y) whatever the UI language.
        firstSection(of: code, contains: { "dDmMyYhHsS".unicodeScalars.contains($0) })
    }

    /// Whether the format's first section (positive numbers) has a character matching `test`
    /// outside quoted text, escapes and `[...]` sections (colours, locales).
    static func firstSection(of code: String, contains test: (Unicode.Scalar) -> Bool) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for scalar in code.unicodeScalars {
            if escaped { escaped = false; continue }
            switch scalar {
            case "\"": inQuote.toggle()
            case "\\" where !inQuote: escaped = true
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case ";" where !inQuote: return false
            default: if !inQuote && !inBracket && test(scalar) { return true }
            }
        }
        return false
    }
}
