import Foundation

/// The whole run configuration, as loaded from one YAML file (see docs/config.md).
/// Paths are resolved against the folder of the configuration file.
public struct TilanneConfig: Sendable, Codable {
    public var programme: ProgrammeInfo
    /// The reporting period, parsed by the programme's declared format (`1/2024`, `TP 2022`).
    public var period: ReportingPeriod
    public var language: ReportLanguage
    /// Every language the report is written in, the main `language` first; one file each.
    public var languages: [ReportLanguage] = []
    public var document: DocumentProperties
    /// The document properties in the other report languages (`document.title_sv` …), by key.
    public var documentTranslations: [ReportLanguage: [String: String]] = [:]
    public var sources: [SourceConfig]
    public var legend: ProgressLegend
    public var register: ProgrammeRegister
    /// Which report columns appear beside the action, in order, with their labels.
    public var columns: [ReportColumn] = ReportColumn.standard
    /// Each indicator status's code in the programme's legend; empty: the standard symbols.
    public var indicatorCodes: [IndicatorStatus: String] = [:]
    /// The status column's header per language (`Tilanne {period}`); missing: the report language's own words.
    public var statusHeadings: [ReportLanguage: String] = [:]
    /// A line under every report's title, per language (e.g. that the data are examples).
    public var notice: [ReportLanguage: String] = [:]
    /// The programme definition file, when the config names one (its bytes are part of a run's fingerprint).
    public var programmeFile: URL?
    public var outputs: OutputConfig
    public var validation: ValidationPolicy
    /// Bounds on what a workbook or document may make Tilanne read.
    public var limits: InputLimits
    /// Where runs and frozen periods are kept; nil: no history (no comparison, no staleness).
    public var history: HistoryConfig?
    /// Run summary and log locations.
    public var operations: OperationsConfig = OperationsConfig()
    /// Steering groups, each with its own slice of the report.
    public var groups: [SteeringGroup] = []
    /// How reports and failure alerts are mailed; nil: nothing is mailed.
    public var delivery: DeliveryConfig?
    /// The indicators (mittarit) the programme is measured by; empty: the report has none.
    public var indicators: [IndicatorConfig] = []
    /// The responsible parties (`parties:` in the programme file); nil: no register, no requests.
    public var parties: PartyRegister?
    /// What the request workbooks say (`requests:`); nil when the config has none.
    public var requests: RequestsConfig?
    /// Folder of the configuration file; relative paths are resolved against it.
    public var baseDirectory: URL
    /// The configuration file, when loaded from one (its bytes are part of a run's fingerprint).
    public var file: URL?

    /// The languages the report is written in, the main one first.
    public var reportLanguages: [ReportLanguage] {
        [language] + languages.filter { $0 != language }
    }

    /// The folder above the config file's folder; source paths are shown relative to it.
    public var projectRoot: URL { baseDirectory.deletingLastPathComponent() }

    /// The year of the reporting period (`1/2024` → 2024): indicator values are judged old against it.
    public var periodYear: Int? { period.year }

    /// The status column's header in `language`, with the period filled in.
    public func statusHeading(_ language: ReportLanguage) -> String {
        statusHeadings[language].map { period.fill($0) } ?? ReportStrings(language: language).statusColumn(period.label)
    }

    public func resolve(_ path: String) -> URL {
        if path.hasPrefix("/") { return URL(fileURLWithPath: path).standardizedFileURL }
        return baseDirectory.appendingPathComponent(path).standardizedFileURL
    }
}

public struct ProgrammeInfo: Sendable, Codable {
    /// The report's name: the programme's, or the set's when the definition holds several.
    public var name: String
    /// The name in the other report languages (`name_sv`).
    public var names: [ReportLanguage: String] = [:]
    public var organisation: String?
    public var strategy: String?
    /// The organisation and strategy in the other report languages (`organisation_sv`).
    public var organisations: [ReportLanguage: String] = [:]
    public var strategies: [ReportLanguage: String] = [:]
}

/// Properties written into the XLSX file. `created` is fixed by the config, never "now",
/// so that the same input and config give a byte-identical workbook.
public struct DocumentProperties: Sendable, Codable {
    public var title: String?
    public var subject: String?
    public var author: String?
    public var company: String?
    public var keywords: String?
    public var comments: String?
    /// `YYYY-MM-DD`; defaults to 2000-01-01 so that the file stays reproducible.
    public var created: String?
}

public enum TableShape: String, Sendable, Codable, CaseIterable {
    /// One row per action, the hierarchy (theme, goal) in columns.
    case flat
    /// The printed council table: theme rows, goal rows, then action rows.
    case sectioned
}

public enum SourceEncoding: String, Sendable, Codable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
}

/// The fields Tilanne knows, mapped from the file's own column headers.
public enum Field: String, Sendable, Codable, CaseIterable {
    case id
    case bindingGoal = "binding_goal"
    case action
    case projects
    case responsible
    case progress
    case status

    /// The fields a source can give in several languages (`action_sv`, `status_sv`).
    public static let translatable: [Field] = [.action, .status]
}

/// What kind of file a source is; by default taken from the file name's extension.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    case csv
    case xlsx
    case docx

    static func of(fileName: String) -> SourceFormat {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm") { return .xlsx }
        if lower.hasSuffix(".docx") { return .docx }
        return .csv
    }
}

/// Which worksheets of a workbook, or tables of a document, a source reads.
public enum PartSelection: Sendable, Codable, Hashable {
    /// By name (worksheets only).
    case named(String)
    /// 1-based position.
    case index(Int)
    /// Every part whose header row matches the configured columns; the others are skipped.
    case all
}

public struct SourceConfig: Sendable, Codable {
    /// File path or a pattern with `*` in the file name (e.g. `../Input/*.csv`).
    public var path: String
    /// The path as written, when it names the period (`../Input/tilanne-{period}.csv`): a file
    /// of a later period beside it means the coordinators have moved on.
    public var pathTemplate: String?
    /// nil: from each file's extension.
    public var format: SourceFormat?
    /// XLSX: which sheet (default the first); DOCX: which table (default every matching one).
    public var part: PartSelection?
    public var shape: TableShape
    public var encoding: SourceEncoding
    /// `nil` means detect from the header row.
    public var delimiter: UInt8?
    public var columns: [Field: String]
    /// Columns holding the texts in another report language (`action_sv`, `status_sv`).
    public var translatedColumns: [ReportLanguage: [Field: String]] = [:]
    /// Where the table names each level's item (flat shape), by level index (0: programme).
    public var levelColumns: [Int: LevelColumns] = [:]
    /// Columns linking an action to items of a cross-cutting dimension, by the dimension's key.
    public var tagColumns: [String: String] = [:]
    /// Source headers of the extra report columns (`columns: - field: extra`).
    public var extraColumns: [String] = []
    public var sections: SectionPatterns
    /// Line of the source entry in the config file, for messages about it.
    public var configLine: Int
    /// How old this source's files may be (`max_age:`); nil: `validation.input_max_age`.
    public var maxAge: AgeLimit?
}

/// The headers of the columns where a flat table names a level's item: one column with the
/// number, one with the title, or one holding both ("6.1 Teollisuuden menestys").
public struct LevelColumns: Sendable, Codable, Hashable {
    public var number: String?
    public var title: String?
}

/// Regular expressions that recognise the section rows of the sectioned shape, per level
/// index (0: programme); each captures `number` and/or `title`. Levels without one use the
/// pattern that follows from their heading and numbering (see SectionPatternDefaults).
public struct SectionPatterns: Sendable, Codable {
    public var levels: [Int: String] = [:]
    /// Must capture `text`; may capture `label`. nil: from the register's binding goal label.
    public var bindingGoal: String?

    public init(levels: [Int: String] = [:], bindingGoal: String? = nil) {
        self.levels = levels
        self.bindingGoal = bindingGoal
    }
}

public struct OutputConfig: Sendable, Codable {
    public var folder: String
    public var formats: [OutputFormat]
    /// File names per format; `{period}` becomes the period with `/` as `-`.
    public var fileNames: [OutputFormat: String]
    /// The folder inside the output folder where `tilanne publish` archives each period's
    /// council edition (`arkisto/1-2024/`).
    public var archiveFolder: String = OutputConfig.defaultArchiveFolder
    /// The coordinator's edition (`outputs.coordinator`); `formats` above are the council edition's.
    public var coordinator = CoordinatorEdition()

    public static let defaultArchiveFolder = "arkisto"
    /// The keys of `outputs:`.
    static let keys = ["folder", "formats", "file_names", "archive_folder", "coordinator"]

    /// The coordinator's edition: the findings, rejected rows, update lists and answers with
    /// their places, in the main language, beside the council edition.
    public struct CoordinatorEdition: Sendable, Codable {
        /// nil: the workbook, and CSV when the council edition has CSV; empty: none.
        public var formats: [OutputFormat]?
        /// What its file names end in before the extension; nil: `-koordinaattori` in the main language.
        public var suffix: String?

        public init(formats: [OutputFormat]? = nil, suffix: String? = nil) {
            self.formats = formats
            self.suffix = suffix
        }

        /// The formats written, given the council edition's.
        public func formats(council: [OutputFormat]) -> [OutputFormat] {
            formats ?? ([.xlsx] + (council.contains(.csv) ? [.csv] : []))
        }
    }

    public func fileName(for format: OutputFormat, period: ReportingPeriod, suffix: String = "") -> String {
        // A PDF is named after the workbook unless it has a name of its own.
        let template = fileNames[format]
            ?? (format == .pdf ? fileNames[.xlsx].map { $0.hasSuffix(".xlsx") ? String($0.dropLast(5)) + ".pdf" : $0 + ".pdf" } : nil)
            ?? "tilanne-{period}.\(format.rawValue)"
        let name = period.fill(template, fileName: true)
        guard !suffix.isEmpty else { return name }
        let ext = "." + format.rawValue
        return name.hasSuffix(ext) ? String(name.dropLast(ext.count)) + suffix + ext : name + suffix
    }
}

public enum OutputFormat: String, Sendable, Codable, CaseIterable {
    case xlsx
    case csv
    case html
    /// The council attachment as PDF, printed from the workbook by LibreOffice (or from the
    /// HTML by Chromium) with the same page setup; optional, needs one of them installed.
    case pdf

    /// What a config without `formats` writes.
    public static let standard: [OutputFormat] = [.xlsx, .csv, .html]
}

/// Which severities fail the run, and per-code severity overrides.
public struct ValidationPolicy: Sendable, Codable {
    /// Findings of this severity or worse fail the run; `nil` (`never`) publishes regardless.
    public var failOn: Severity?
    public var severity: [DiagnosticCode: Severity]
    /// A source file older than this is a finding (`source.stale-input`); nil: age is not checked.
    public var inputMaxAge: AgeLimit?

    public static let `default` = ValidationPolicy(failOn: .error, severity: [:])
}

/// A steering group (ohjausryhmä) and what it follows: an action is in its slice when it is
/// under one of the group's items (a programme, a painopiste, a goal …) or one of its
/// responsible parties is listed.
public struct SteeringGroup: Sendable, Codable {
    public var name: String
    /// Folder for its files, relative to the output folder.
    public var folder: String
    /// The items it follows, whole subtrees (programmes included).
    public var items: [ItemPath]
    public var responsible: [String]
    public var formats: [OutputFormat]
    /// Addresses its report is mailed to; empty: files only.
    public var email: [String]
    /// Line of the group's entry in the config file, for findings about it.
    public var configLine: Int = 0
}

/// Mail through the system's sendmail interface (what cron uses; postfix, exim or msmtp).
public struct DeliveryConfig: Sendable, Codable {
    /// The sendmail program and its arguments; recipients are appended.
    public var sendmail: [String]
    public var from: String
    /// Templates: `{programme}`, `{period}`, `{group}`.
    public var subject: String
    public var body: String
    /// Failure alerts: addresses and subject template (`{programme}`, `{period}`, `{exit}`, `{outcome}`).
    public var alertTo: [String]
    public var alertSubject: String
    /// Seconds the sendmail program may take per message before it is stopped (`timeout_seconds`).
    public var timeout: Double = DeliveryConfig.defaultTimeout
    /// The envelope sender given to sendmail with `-f` (`envelope_from`, default the address of
    /// `from`); nil when the configured sendmail command already sets one itself.
    public var envelopeFrom: String?
    /// The domain of every Message-ID (`message_id_domain`); nil: the domain of `from`.
    public var messageIDDomain: String?
    /// The occasions the steering groups are mailed on (`send_on`); on others they are held.
    public var sendOn: Set<MailOccasion> = DeliveryConfig.defaultSendOn

    /// Without a history (no drafts, no publishing): every run whose group message changed.
    public static let defaultSendOn: Set<MailOccasion> = [.change]
    /// With a history, the nightly reports are drafts: the groups get the published edition.
    public static let defaultSendOnWithHistory: Set<MailOccasion> = [.publish]

    public static let defaultTimeout: Double = 120
}

/// Where a run reports on itself for the people who look after the server.
public struct OperationsConfig: Sendable, Codable {
    /// JSON summary of the last run; default `last-run.json` in the state (or output) folder.
    public var summaryFile: String?
    /// Log with one line per run; default `tilanne-runs.log` beside it.
    public var logFile: String?
    /// Prometheus textfile-collector file rewritten after every run; nil: none is written.
    public var metricsFile: String?
    /// Runs kept in the history (the newest ones, and those still needed); nil: every run is kept.
    public var keepRuns: Int?

    public init(summaryFile: String? = nil, logFile: String? = nil, metricsFile: String? = nil, keepRuns: Int? = nil) {
        self.summaryFile = summaryFile
        self.logFile = logFile
        self.metricsFile = metricsFile
        self.keepRuns = keepRuns
    }

    /// The keys of the `operations` section.
    static let keys = ["summary", "log", "metrics", "keep_runs"]
}

/// The history store: a SQLite database in the state folder.
public struct HistoryConfig: Sendable, Codable {
    /// Folder for the database, relative to the config file's folder.
    public var stateFolder: String
    /// A status text unchanged for this many frozen periods in a row is flagged as stale.
    public var staleAfterPeriods: Int

    public static let databaseName = "tilanne-history.sqlite"
}

/// A workbook or document is a ZIP of XML written by someone else; these bound what one file
/// may cost. Going past a bound refuses the file with a finding, it never exhausts the server.
public struct InputLimits: Sendable, Codable {
    /// Bytes of XML one XLSX or DOCX file may expand to.
    public var maxExpandedBytes: Int
    /// Highest column a sheet or table may use.
    public var maxColumns: Int

    public static let `default` = InputLimits(maxExpandedBytes: 512 * 1024 * 1024, maxColumns: 1024)
}
