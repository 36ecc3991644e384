import CXlsxWriter

/// The cell formats of the workbook, made once per workbook.
struct XLSXStyles {
    let title: UnsafeMutablePointer<lxw_format>
    let legendHeading: UnsafeMutablePointer<lxw_format>
    let header: UnsafeMutablePointer<lxw_format>
    let theme: UnsafeMutablePointer<lxw_format>
    let goal: UnsafeMutablePointer<lxw_format>
    /// Headings below the second level shown (Mikkeli's kohdat under painopisteet): lighter, not bold.
    let subheading: UnsafeMutablePointer<lxw_format>
    let cell: UnsafeMutablePointer<lxw_format>
    let progress: [UnsafeMutablePointer<lxw_format>]
    let unknownProgress: UnsafeMutablePointer<lxw_format>
    let missingProgress: UnsafeMutablePointer<lxw_format>
    let number: UnsafeMutablePointer<lxw_format>
    let numberBold: UnsafeMutablePointer<lxw_format>
    let percent: UnsafeMutablePointer<lxw_format>
    let percentBold: UnsafeMutablePointer<lxw_format>
    let textBold: UnsafeMutablePointer<lxw_format>

    static let headerFill: UInt32 = 0xD9E1F2
    static let themeFill: UInt32 = 0x1F3864
    static let goalFill: UInt32 = 0xDFE6F2
    static let subheadingFill: UInt32 = 0xEEF1F7
    static let warningText: UInt32 = 0x8A3B00

    init(workbook: XLSXWorkbook, legend: [LegendItem]) {
        title = workbook.format { $0.bold().size(14) }
        legendHeading = workbook.format { $0.bold().top().border() }
        header = workbook.format { $0.bold().wrap().top().border().fill(Self.headerFill) }
        theme = workbook.format { $0.bold().wrap().top().border().size(12).fill(Self.themeFill).fontColour(0xFFFFFF) }
        goal = workbook.format { $0.bold().wrap().top().border().fill(Self.goalFill) }
        subheading = workbook.format { $0.italic().wrap().top().border().fill(Self.subheadingFill) }
        cell = workbook.format { $0.wrap().top().border() }
        progress = legend.map { item in
            workbook.format { $0.wrap().top().border().bold().fill(HexColour(item.colour)?.rgb ?? 0xFFFFFF) }
        }
        unknownProgress = workbook.format {
            $0.wrap().top().bold().fontColour(Self.warningText)
            format_set_border($0, UInt8(LXW_BORDER_MEDIUM_DASHED.rawValue))
            format_set_border_color($0, Self.warningText)
        }
        missingProgress = workbook.format { $0.wrap().top().border().italic() }
        // Numbers sit at the top like the texts beside them, which wrap over several lines.
        number = workbook.format { $0.border().top().numberFormat("0") }
        numberBold = workbook.format { $0.border().top().bold().numberFormat("0") }
        percent = workbook.format { $0.border().top().numberFormat("0.0 %") }
        percentBold = workbook.format { $0.border().top().bold().numberFormat("0.0 %") }
        textBold = workbook.format { $0.bold().wrap().top().border() }
    }
}
