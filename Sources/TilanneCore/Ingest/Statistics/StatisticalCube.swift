/// Stage boundary ingest → normalise for indicator values: one statistics file (PX, JSON-stat,
/// a Sotkanet export or a coordinator's own year → value table) read into its dimensions and
/// the cells that were asked for. Nothing is chosen or judged yet.
public struct StatisticalCube: Sendable {
    public enum Format: String, Sendable, Codable, CaseIterable {
        case px
        case jsonstat
        /// THL Sotkanet's `;`-separated export, and any long table of code columns, a year and a value.
        case table
    }

    public var file: String
    /// The worksheet read, for a workbook.
    public var sheet: String?
    public var format: Format
    /// The file's main language (`LANGUAGE` of a PX file), and every language it has labels in.
    public var language: String
    public var languages: [String]
    /// Title by language.
    public var title: [String: String]
    public var dimensions: [CubeDimension]
    /// Unit of the whole table by language (`UNITS`); a content variable's own units win.
    public var units: [String: String]
    /// `LAST-UPDATED` or JSON-stat `updated`, as written.
    public var lastUpdated: String?
    /// `SOURCE` by language.
    public var source: [String: String]
    /// The cells read, by their index in the table's order (the last dimension varies fastest).
    /// Only the cells a query asked for are kept, so that a large file costs no more memory
    /// than its header and the chosen series.
    public var cells: [Int: CubeCell]
    /// How many cells the file holds, and how many of them it marks as missing.
    public var cellCount: Int
    public var missingCount: Int
    /// Findings about the file.
    public var diagnostics: [Diagnostic]
    /// Set when the file could not be read as a table: its cells are not used.
    public var damaged = false

    public var origin: SourceLocation { SourceLocation(file: file, sheet: sheet) }

    /// The index of a cell from one category index per dimension.
    public func index(of categories: [Int]) -> Int {
        var index = 0
        for (dimension, category) in zip(dimensions, categories) { index = index * dimension.codes.count + category }
        return index
    }

    /// The dimension a name refers to: its code or its name in any language, case and spacing aside.
    public func dimension(named name: String) -> Int? {
        let key = TextNormaliser.comparisonKey(name)
        return dimensions.firstIndex { dimension in
            dimension.code.map(TextNormaliser.comparisonKey) == key
                || dimension.names.values.contains { TextNormaliser.comparisonKey($0) == key }
        }
    }
}

public struct CubeDimension: Sendable, Hashable {
    /// The variable's name in the file's main language (PX) or its id (JSON-stat).
    public var name: String
    /// Names by language.
    public var names: [String: String]
    /// `VARIABLECODE` of a PX file or the JSON-stat id; nil when the file gives none.
    public var code: String?
    /// Category codes in the table's order.
    public var codes: [String]
    /// Category labels by language, in the same order.
    public var labels: [String: [String]]
    /// Time (`TIMEVAL`, `VARIABLE-TYPE="Time"`, a JSON-stat `time` role).
    public var isTime: Bool
    /// The content variable (`CONTVARIABLE`): each category is a measure with its own unit.
    public var isContent: Bool
    /// For a content variable: each category's unit by language, and its `LAST-UPDATED`.
    public var units: [[String: String]] = []
    public var lastUpdated: [String?] = []
    /// For a content variable: each category's `PRECISION` (decimals), when the file gives one.
    public var precision: [Int?] = []

    /// The category a code or a label in any language names.
    public func category(_ text: String) -> Int? {
        if let exact = codes.firstIndex(of: text) { return exact }
        let key = TextNormaliser.comparisonKey(text)
        if let code = codes.firstIndex(where: { TextNormaliser.comparisonKey($0) == key }) { return code }
        for list in labels.values {
            if let label = list.firstIndex(where: { TextNormaliser.comparisonKey($0) == key }) { return label }
        }
        return nil
    }

    public func label(_ category: Int, language: String) -> String {
        if let list = labels[language], category < list.count { return list[category] }
        return codes[category]
    }
}

extension CubeDimension {
    /// Names Finnish, Swedish and English statistics give their time variable, the most usual first.
    static let timeNameList = ["vuosi", "year", "år", "aika", "time", "tid", "kuukausi", "månad", "month", "vuosineljännes",
                               "kvartal", "quarter", "vuosi/kk"]
    static let timeNames = Set(timeNameList.map(TextNormaliser.comparisonKey))
}

/// One value of the table, or the symbol that stands in for a missing one (`..`, `-`, …).
/// A missing value is never read as zero.
public struct CubeCell: Sendable, Hashable {
    public var value: Double?
    /// The missing-value symbol as written, or a JSON-stat status; nil for a plain value.
    public var symbol: String?

    public init(value: Double?, symbol: String? = nil) {
        self.value = value
        self.symbol = symbol
    }
}

/// Which cells of a table to keep: for each dimension, the category indices wanted (nil: all).
public struct CubeQuery: Sendable {
    public var categories: [[Int]?]

    public static func everything(_ dimensions: Int) -> CubeQuery { CubeQuery(categories: Array(repeating: nil, count: dimensions)) }

    /// The wanted cell indices in ascending order.
    func indices(sizes: [Int]) -> [Int] {
        var result = [0]
        for (size, chosen) in zip(sizes, categories) {
            let picks = chosen ?? Array(0..<size)
            var next: [Int] = []
            next.reserveCapacity(result.count * picks.count)
            for base in result { for pick in picks.sorted() { next.append(base * size + pick) } }
            result = next
        }
        return result
    }
}
