import Foundation

/// The report as one CSV row per action (`FlatTableLayout`: the hierarchy in columns, a number
/// and a title per level), for a Finnish Excel user: UTF-8 with BOM (so Excel detects the
/// encoding), `;`, CRLF, no `sep=` line.
public struct CSVReportRenderer: ReportRenderer {
    public let format = OutputFormat.csv

    public init() {}

    public func render(_ model: ReportModel, to url: URL) throws {
        let layout = FlatTableLayout(model)
        let writer = try BufferedFileWriter(path: url.path)
        writer.write(bytes: [0xEF, 0xBB, 0xBF])
        writer.write(layout.columns.map { CSVCell.encode($0.header) }.joined(separator: ";") + "\r\n")
        var line = ""
        line.reserveCapacity(512)
        layout.forEachRow { cells in
            line.removeAll(keepingCapacity: true)
            for (index, cell) in cells.enumerated() {
                if index > 0 { line += ";" }
                switch cell {
                case .text(let text): line += CSVCell.encode(text)
                case .number(_, let text): line += CSVCell.encode(text)
                case .code(let code): line += CSVCell.encode(code, isProgressCode: true)
                }
            }
            line += "\r\n"
            writer.write(line)
        }
        try writer.close()
    }
}
