/// Stage boundary layout → publish: every file a run writes, the edition it is made from and
/// where it goes — decided here once from the outputs' configuration and what the report holds.
/// Publishing, the check that a run's outputs are all there, the steering groups' delivery and
/// the configuration's check of file places all read this plan, so they cannot disagree.
public struct FilePlan: Sendable {
    /// Whose file it is: the council edition in a report language, the coordinator's edition
    /// (main language only), or a steering group's slice (a council edition, main language). A
    /// group is known by its folder, which no other group shares; names may repeat.
    public enum Edition: Hashable, Sendable {
        case council(ReportLanguage)
        case coordinator
        case group(name: String, folder: String)

        public static func of(_ group: SteeringGroup) -> Edition { .group(name: group.name, folder: group.folder) }
    }

    public struct File: Sendable {
        public var edition: Edition
        public var renderer: any ReportRenderer
        /// The folder inside the output folder: empty for the output folder itself, else a group's.
        public var folder: String
        public var name: String
    }

    /// What a council edition holds that decides its side lists (CSV only): the changes since
    /// the previous frozen period and the indicators. (The update list is the coordinator's.)
    public struct Content: Sendable, Hashable {
        public var changes: Bool
        public var indicators: Bool

        public init(changes: Bool, indicators: Bool) {
            self.changes = changes
            self.indicators = indicators
        }

        public init(of model: ReportModel) {
            self.init(changes: model.comparison != nil, indicators: model.indicators != nil)
        }

        /// The report files alone, without side lists.
        public static let reportsOnly = Content(changes: false, indicators: false)
        /// Every list a report can have: the names a configuration must leave room for.
        public static let everything = Content(changes: true, indicators: true)
    }

    public let files: [File]

    /// The files of a run.
    /// - Parameters:
    ///   - formats: the council edition's formats (`outputs.formats`, or those the command line chose).
    ///   - only: when the command line chose formats, the coordinator's edition keeps only those.
    ///   - council: what the council edition holds.
    ///   - coordinatorUpdates: whether the coordinator's edition has an update list (the history is on).
    ///   - groups: the steering groups with what each one's slice holds; empty for none.
    public init(outputs: OutputConfig, period: ReportingPeriod, languages: [ReportLanguage], formats: [OutputFormat],
                only: [OutputFormat]? = nil, council: Content, coordinatorUpdates: Bool,
                groups: [(group: SteeringGroup, content: Content)] = []) {
        let main = languages[0]
        func name(_ renderer: any ReportRenderer, _ language: ReportLanguage, suffix: String? = nil) -> String {
            Self.fileName(renderer, language: language, main: main, outputs: outputs, period: period, suffix: suffix)
        }
        var files: [File] = []
        for language in languages {
            for renderer in Self.renderers(formats, content: council) {
                files.append(File(edition: .council(language), renderer: renderer, folder: "", name: name(renderer, language)))
            }
        }
        let coordinatorFormats = outputs.coordinator.formats(council: outputs.formats).filter { only?.contains($0) ?? true }
        let coordinatorSuffix = outputs.coordinator.suffix ?? ReportStrings(language: main).coordinatorSuffix
        for renderer in Self.coordinatorRenderers(coordinatorFormats, updates: coordinatorUpdates) {
            // Its update list keeps the list's own name (`…-paivitettavat.csv`).
            let suffix = renderer.variant == .report ? coordinatorSuffix : nil
            files.append(File(edition: .coordinator, renderer: renderer, folder: "", name: name(renderer, main, suffix: suffix)))
        }
        for (group, content) in groups {
            files += Self.files(of: group, content: content, outputs: outputs, period: period, main: main)
        }
        self.files = files
    }

    /// One steering group's files: its slice, a council edition in the main language, in the
    /// group's formats and folder. What a run plans for the group, and what its delivery writes.
    public static func files(of group: SteeringGroup, content: Content, outputs: OutputConfig, period: ReportingPeriod,
                             main: ReportLanguage) -> [File] {
        renderers(group.formats, content: content).map { renderer in
            File(edition: .of(group), renderer: renderer, folder: group.folder,
                 name: fileName(renderer, language: main, main: main, outputs: outputs, period: period))
        }
    }

    /// A file's name: the configured pattern with the period, the renderer's own suffix and, in
    /// a language other than the main one, the language (`…-sv.xlsx`), unless `suffix` replaces them.
    static func fileName(_ renderer: any ReportRenderer, language: ReportLanguage, main: ReportLanguage, outputs: OutputConfig,
                         period: ReportingPeriod, suffix: String? = nil) -> String {
        let languageSuffix = language == main ? "" : "-\(language.rawValue)"
        return outputs.fileName(for: renderer.format, period: period,
                                suffix: suffix ?? (renderer.variant.suffix(language) + languageSuffix))
    }

    /// The renderers of a council edition or a group's files: each format, and with CSV the
    /// side lists the report has.
    static func renderers(_ formats: [OutputFormat], content: Content) -> [any ReportRenderer] {
        var renderers: [any ReportRenderer] = formats.map { format -> any ReportRenderer in
            switch format {
            case .xlsx: XLSXReportRenderer()
            case .csv: CSVReportRenderer()
            case .html: HTMLReportRenderer()
            case .pdf: PDFReportRenderer()
            }
        }
        if formats.contains(.csv) {
            if content.changes { renderers.append(ChangesCSVRenderer()) }
            if content.indicators { renderers.append(IndicatorsCSVRenderer()) }
        }
        return renderers
    }

    /// The coordinator's edition: its workbook, its check list CSV and with CSV the update list.
    static func coordinatorRenderers(_ formats: [OutputFormat], updates: Bool) -> [any ReportRenderer] {
        var renderers: [any ReportRenderer] = []
        if formats.contains(.xlsx) { renderers.append(CoordinatorWorkbookRenderer()) }
        if formats.contains(.csv) {
            renderers.append(CoordinatorCSVRenderer())
            if updates { renderers.append(UpdatesCSVRenderer()) }
        }
        return renderers
    }

    /// The files of one edition.
    public func files(of edition: Edition) -> [File] { files.filter { $0.edition == edition } }
}
