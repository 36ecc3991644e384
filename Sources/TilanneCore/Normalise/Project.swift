/// A project (hanke) named in an action's project cell, with the period written after it:
/// `Future Savo (2018-20)`, `Taitopajat-hanke (2018-6/21)`, `Nuorten elpymishanke (2021-23)?`.
public struct Project: Sendable, Codable, Hashable {
    public var name: String
    public var start: YearMonth?
    public var end: YearMonth?
    /// The writer marked the line with a trailing `?`.
    public var uncertain: Bool
    /// The line as written.
    public var text: String

    public struct YearMonth: Sendable, Codable, Hashable {
        public var year: Int
        public var month: Int?
    }

    /// Parses one line. A line without a recognisable period keeps only its name.
    public static func parse(_ line: String) -> Project {
        var body = Substring(line)
        var uncertain = false
        if body.hasSuffix("?") {
            uncertain = true
            body = body.dropLast()
            while body.last == " " { body = body.dropLast() }
        }
        guard body.hasSuffix(")"), let open = body.lastIndex(of: "(") else {
            return Project(name: String(body), start: nil, end: nil, uncertain: uncertain, text: line)
        }
        let inside = body[body.index(after: open)..<body.index(before: body.endIndex)]
        let name = body[..<open].trimming(" ")
        guard let (start, end) = parsePeriod(inside) else {
            return Project(name: String(body), start: nil, end: nil, uncertain: uncertain, text: line)
        }
        return Project(name: String(name), start: start, end: end, uncertain: uncertain, text: line)
    }

    /// `2018-20`, `2018-2022`, `2018-6/21`, `2023-`, `2019` → start and end.
    static func parsePeriod(_ text: Substring) -> (YearMonth, YearMonth?)? {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "–" || $0 == "—" }
            .map { String($0.trimming(" ")) }
        guard (1...2).contains(parts.count), let start = yearMonth(parts[0], reference: nil) else { return nil }
        if parts.count == 1 { return (start, nil) }
        if parts[1].isEmpty { return (start, nil) }
        guard let end = yearMonth(parts[1], reference: start.year) else { return nil }
        return (start, end)
    }

    private static func yearMonth(_ text: String, reference: Int?) -> YearMonth? {
        let pieces = text.split(separator: "/")
        guard (1...2).contains(pieces.count) else { return nil }
        var month: Int?
        if pieces.count == 2 {
            guard let value = Int(pieces[0]), (1...12).contains(value) else { return nil }
            month = value
        }
        guard let yearPiece = pieces.last, let value = Int(yearPiece) else { return nil }
        let year: Int
        switch yearPiece.count {
        case 4: year = value
        case 2:
            // Two-digit years belong to the century of the start year (or 2000s).
            let century = ((reference ?? 2000) / 100) * 100
            year = century + value
        default: return nil
        }
        guard (1900...2199).contains(year) else { return nil }
        if let reference, year < reference { return nil }
        return YearMonth(year: year, month: month)
    }
}

extension Substring {
    func trimming(_ characters: Character) -> Substring {
        var result = self
        while result.first == characters { result = result.dropFirst() }
        while result.last == characters { result = result.dropLast() }
        return result
    }
}

extension String {
    func trimming(_ characters: Character) -> String {
        String(Substring(self).trimming(characters))
    }
}
