import Foundation

/// Reads a long table of values: THL Sotkanet's `;`-separated export (`Indikaattori;Alue;Vuosi;
/// Sukupuoli;Arvo`, a decimal comma in older exports) or a coordinator's own CSV or workbook of
/// year → value. The columns named in the indicator's selection become the table's dimensions,
/// the year column its time; the value column holds numbers as Finns write them (`1 234,5`).
struct LongTableReader {
    let file: String
    let catalogue: MessageCatalogue
    let limits: InputLimits
    let language: ReportLanguage

    static let valueNames = ["arvo", "value", "luku", "lukumäärä", "värde", "tieto"]
    static let timeNames = ["vuosi", "year", "år", "aika", "time", "vuosi/kk", "kuukausi"]

    /// - Parameters:
    ///   - columns: the code columns to keep as dimensions (the selection's keys), in order.
    ///   - timeColumn, valueColumn: nil finds them by their usual names.
    ///   - sheet: for a workbook, the sheet name (nil: the first).
    func read(_ url: URL, columns: [String], timeColumn: String?, valueColumn: String?, sheet: String?) -> StatisticalCube {
        var log = DiagnosticLog(catalogue: catalogue)
        var cube = StatisticalCube(file: file, format: .table, language: language.rawValue, languages: [language.rawValue],
                                   title: [:], dimensions: [], units: [:], lastUpdated: nil, source: [:], cells: [:],
                                   cellCount: 0, missingCount: 0, diagnostics: [])
        var origin = cube.origin
        let records: [RawRecord]
        if SourceFormat.of(fileName: url.lastPathComponent) == .xlsx {
            do {
                let workbook = try WorkbookReader(url: url, limits: limits, language: language)
                guard let chosen = sheet.map({ name in workbook.sheets.first { $0.name == name } }) ?? workbook.sheets.first else {
                    log.emit(.sheetNotFound, at: origin, sheet ?? "1", workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))
                    cube.diagnostics = log.diagnostics
                    cube.damaged = true
                    return cube
                }
                origin.sheet = chosen.name
                cube.sheet = chosen.name
                records = try workbook.read(chosen).records
            } catch {
                log.emit(.statisticsUnreadable, at: origin, "\(error)")
                cube.diagnostics = log.diagnostics
                cube.damaged = true
                return cube
            }
        } else {
            guard let data = try? Data(contentsOf: url) else {
                log.emit(.statisticsUnreadable, at: origin, "cannot open the file")
                cube.diagnostics = log.diagnostics
                cube.damaged = true
                return cube
            }
            records = data.withUnsafeBytes { raw -> [RawRecord] in
                var bytes = raw.bindMemory(to: UInt8.self)
                if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
                let delimiter = CSVParser.detectDelimiter(bytes)
                let result: CSVParser.Result
                if TextDecoding.isValidUTF8(bytes) {
                    result = CSVParser.parse(bytes, delimiter: delimiter, checkUTF8: false)
                } else {
                    result = TextDecoding.windows1252ToUTF8(bytes).withUnsafeBufferPointer { CSVParser.parse($0, delimiter: delimiter, checkUTF8: false) }
                }
                return result.records.map { RawRecord(row: $0.number, cells: $0.fields) }
            }
        }
        cube.sheet = origin.sheet
        // The header: the first row naming a time and a value column (title rows may come first).
        func find(_ name: String?, defaults: [String], in cells: [String]) -> Int? {
            let keys = cells.map(TextNormaliser.comparisonKey)
            if let name { return keys.firstIndex(of: TextNormaliser.comparisonKey(name)) }
            return defaults.lazy.compactMap { keys.firstIndex(of: TextNormaliser.comparisonKey($0)) }.first
        }
        guard let headerIndex = records.firstIndex(where: {
            find(timeColumn, defaults: Self.timeNames, in: $0.cells) != nil && find(valueColumn, defaults: Self.valueNames, in: $0.cells) != nil
        }) else {
            let wanted = [timeColumn ?? Self.timeNames[0], valueColumn ?? Self.valueNames[0]].map { "\"\($0)\"" }.joined(separator: ", ")
            log.emit(.headerNotFound, at: origin, wanted)
            cube.diagnostics = log.diagnostics
            cube.damaged = true
            return cube
        }
        let header = records[headerIndex].cells
        let timeIndex = find(timeColumn, defaults: Self.timeNames, in: header)!
        let valueIndex = find(valueColumn, defaults: Self.valueNames, in: header)!
        var dimensionColumns: [Int] = []
        for column in columns {
            guard let index = find(column, defaults: [], in: header) else {
                log.emit(.indicatorDimensionNotFound, at: origin.at(row: records[headerIndex].row), column,
                         header.filter { !$0.isEmpty }.map { "\"\($0)\"" }.joined(separator: ", "))
                cube.diagnostics = log.diagnostics
                cube.damaged = true
                return cube
            }
            dimensionColumns.append(index)
        }
        let keyColumns = dimensionColumns + [timeIndex]
        var codes: [[String]] = keyColumns.map { _ in [] }
        var positions: [[String: Int]] = keyColumns.map { _ in [:] }
        var entries: [(key: [Int], cell: CubeCell, row: Int)] = []
        for record in records[(headerIndex + 1)...] {
            let cells = record.cells
            if cells.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            var key: [Int] = []
            for (dimension, column) in keyColumns.enumerated() {
                let text = column < cells.count ? cells[column].trimmingCharacters(in: .whitespaces) : ""
                if let known = positions[dimension][text] { key.append(known); continue }
                positions[dimension][text] = codes[dimension].count
                key.append(codes[dimension].count)
                codes[dimension].append(text)
            }
            let text = valueIndex < cells.count ? cells[valueIndex] : ""
            let cell = StatisticsNumber.cell(text)
            if cell.value == nil, let symbol = cell.symbol, !PXNumber.knownSymbols.contains(symbol), !symbol.isEmpty {
                log.emit(.statisticsBadValue, at: origin.at(row: record.row, column: valueIndex + 1, columnName: header[valueIndex]),
                         symbol, keyColumns.enumerated().map { "\(header[$1])=\(codes[$0][key[$0]])" }.joined(separator: ", "))
            }
            entries.append((key, cell, record.row))
        }
        for (position, column) in keyColumns.enumerated() {
            let name = header[column]
            cube.dimensions.append(CubeDimension(name: name, names: [language.rawValue: name], code: name, codes: codes[position],
                                                 labels: [language.rawValue: codes[position]], isTime: column == timeIndex,
                                                 isContent: false))
        }
        cube.cellCount = codes.map(\.count).reduce(1, *)
        var firstRow: [Int: Int] = [:]
        for entry in entries {
            let index = cube.index(of: entry.key)
            if let earlier = firstRow[index] {
                log.emit(.statisticsDuplicateCell, at: origin.at(row: entry.row), "\(earlier)")
                continue
            }
            firstRow[index] = entry.row
            cube.cells[index] = entry.cell
            if entry.cell.value == nil { cube.missingCount += 1 }
        }
        cube.missingCount += cube.cellCount - firstRow.count
        cube.diagnostics = log.diagnostics
        return cube
    }
}

/// Numbers as Finnish statistics and spreadsheets write them: `1 234,5`, `7,8`, `-3.2`, `12 %`;
/// the missing-value symbols (`..`, `-`, an empty cell) stay missing.
enum StatisticsNumber {
    static func cell(_ raw: String) -> CubeCell {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        if text.isEmpty || PXNumber.knownSymbols.contains(text) { return CubeCell(value: nil, symbol: text.isEmpty ? nil : text) }
        let compact = text.unicodeScalars.filter { $0 != " " && $0 != "\u{00A0}" && $0 != "\u{202F}" && $0 != "'" }
            .map { $0 == "\u{2212}" ? "-" : Character($0) }
        let normalised = String(compact).replacingOccurrences(of: ",", with: ".")
        if normalised.filter({ $0 == "." }).count <= 1, let value = Double(normalised), value.isFinite {
            return CubeCell(value: value)
        }
        return CubeCell(value: nil, symbol: text)
    }
}
