/// A column of the status table beside the action, the progress and the status text, as the
/// programme chooses it: which field, and its label per language. A column no action fills
/// is left out of the report.
public struct ReportColumn: Sendable, Codable, Hashable {
    public enum Content: Sendable, Codable, Hashable {
        case projects
        case responsible
        /// Any other column of the source, by its header (schedule, cost, …).
        case extra(source: String)
    }

    public var content: Content
    /// The label per language; nil: the report language's own word for the field.
    public var labels: [ReportLanguage: String]

    public init(content: Content, labels: [ReportLanguage: String] = [:]) {
        self.content = content
        self.labels = labels
    }

    /// Without a `columns:` list: projects and the responsible party, as before.
    public static let standard = [ReportColumn(content: .projects), ReportColumn(content: .responsible)]
}
