import Foundation

extension SourceIngester {
    /// A CSV file: BOM, encoding (UTF-8 or Windows-1252, detected) and delimiter (detected).
    func readCSV(_ url: URL, source: SourceConfig) -> RawTable {
        var log = DiagnosticLog()
        let file = DisplayPath.of(url, root: config.projectRoot)
        var table = RawTable(file: file, format: .csv, shape: source.shape, encoding: source.encoding)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            log.emit(.sourceUnreadable, at: table.origin, error.localizedDescription)
            table.diagnostics = log.diagnostics
            return table
        }
        let (result, encoding, delimiter) = CSVParser.parse(data, encoding: source.encoding, delimiter: source.delimiter)
        table.encoding = encoding
        table.delimiter = String(UnicodeScalar(delimiter))
        if source.encoding == .auto && encoding == .windows1252 {
            log.emit(.sourceEncodingFallback, at: table.origin)
        }
        table.records = result.records.map { RawRecord(row: $0.number, cells: $0.fields) }
        table.blankRecords = result.blankRecords
        for record in result.records where !record.invalidUTF8Columns.isEmpty {
            if encoding == .utf8 && source.encoding == .auto {
                // A UTF-8 file with a row saved in another encoding: the row is read as
                // Windows-1252 and named, so its letters can be checked (never a garbled report).
                let columns = record.invalidUTF8Columns
                let location = table.origin.at(row: record.number, column: columns.count == 1 ? columns[0] : nil)
                log.emit(.sourceMixedEncoding, at: location, columns.map(SourceLocation.columnLetters).joined(separator: ", "))
                continue
            }
            for column in record.invalidUTF8Columns {
                log.emit(.sourceInvalidUTF8, at: table.origin.at(row: record.number, column: column))
            }
        }
        for problem in result.problems {
            switch problem {
            case .unterminatedQuote(let row, let column):
                let finding = log.emit(.csvUnterminatedQuote, at: table.origin.at(row: row, column: column))
                if let index = table.records.firstIndex(where: { $0.row == row }) { table.records[index].rejection = finding }
            case .strayQuote(let row, let column):
                log.emit(.csvStrayQuote, at: table.origin.at(row: row, column: column))
            }
        }
        locateColumns(in: &table, source: source, log: &log)
        table.diagnostics = log.diagnostics
        return table
    }
}
