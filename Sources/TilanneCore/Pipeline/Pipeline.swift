import Foundation

/// The stages in order: ingest → normalise → validate → (compare) → aggregate → render. Each
/// stage hands the next one a named value (`RawTable`, `NormalisedTable`, `ValidatedProgramme`,
/// `HistoryContext`, `ReportModel`); findings travel with them as data.
public struct Pipeline: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    /// Ingest, normalise and validate every source: what `tilanne validate` shows. `now` is
    /// what a source file's age is measured against; `sourceFolder`, the source folders'
    /// findings when the caller has looked already (the nightly run, for its fingerprint).
    public func check(now: Date = Date(), sourceFolder: [Diagnostic]? = nil) -> ValidatedProgramme {
        let ingester = SourceIngester(config: config)
        let normaliser = Normaliser(config: config)
        var tables: [NormalisedTable] = []
        var ingestDiagnostics: [Diagnostic] = sourceFolder ?? SourceFolderFindings.of(config, now: now)
        for source in config.sources {
            for raw in ingester.ingest(source) {
                ingestDiagnostics += raw.diagnostics
                tables.append(normaliser.normalise(raw, source: source))
            }
        }
        var programme = Validator(config: config).validate(consume tables, ingestDiagnostics: ingestDiagnostics)
        checkIndicators(into: &programme)
        if let parties = config.parties { programme.diagnostics += PartyRules(register: parties).check(programme) }
        return mergeAnswers(programme)
    }

    /// The returned request workbooks merged over the checked table. The row ids are the
    /// lineages `tilanne requests` wrote: with a frozen period before this one they come from
    /// the comparison, so the history is read here too, when it already exists (checking never
    /// creates the database).
    func mergeAnswers(_ programme: ValidatedProgramme) -> ValidatedProgramme {
        let round = AnswerRound(config: config)
        guard round.folder != nil else { return programme }
        var history: HistoryContext?
        var previous: FrozenPeriod?
        if let settings = config.history,
           FileManager.default.fileExists(atPath: config.resolve(settings.stateFolder).appendingPathComponent(HistoryConfig.databaseName).path),
           let store = try? openHistory() {
            previous = try? store.previousPeriod(before: config.period)
            if previous != nil { history = PeriodComparer(config: config).compare(programme, previous: previous) }
        }
        return round.apply(to: programme, history: history, previous: previous)?.0 ?? programme
    }

    /// The indicators' files: ingest, normalise and validate each indicator's series.
    func checkIndicators(into programme: inout ValidatedProgramme) {
        let ingester = IndicatorIngester(config: config)
        let normaliser = IndicatorNormaliser()
        let rules = IndicatorRules(config: config)
        for indicator in config.indicators {
            let series = normaliser.normalise(indicator, reads: ingester.ingest(indicator))
            // Every finding of an indicator's stages is about that indicator, whichever file it is in.
            programme.diagnostics += (series.diagnostics + rules.check(series)).map { finding in
                var finding = finding
                finding.subject = finding.subject ?? .indicator(indicator.id)
                return finding
            }
            programme.indicators.append(series)
        }
    }

    /// Consumes `programme`'s actions (see `Aggregator.aggregate`).
    public func report(from programme: consuming ValidatedProgramme, history: HistoryContext? = nil) -> ReportModel {
        Aggregator(config: config).aggregate(consume programme, history: history)
    }

    public var policy: DiagnosticPolicy { DiagnosticPolicy(config.validation) }

    /// The checked programme with its findings judged by the policy: for the commands that
    /// stop before a report (`validate`, `freeze`).
    public func judged(_ programme: ValidatedProgramme) -> ValidatedProgramme {
        var judged = programme
        judged.diagnostics = policy.judged(programme.diagnostics)
        return judged
    }

    /// The editions of the report, one per report language (the main one first), made before
    /// the policy speaks, so that the findings of every stage — translation included — are
    /// judged together, once.
    public func judge(_ model: ReportModel) -> JudgedReport {
        let main = policy.judged(model.diagnostics)
        var findings = main
        var editions: [ReportModel] = []
        for language in config.reportLanguages {
            var (edition, own) = model.translation(to: language, config: config)
            let judgedOwn = policy.judged(own)
            edition.diagnostics = main + judgedOwn
            findings += judgedOwn
            editions.append(edition)
        }
        return JudgedReport(editions: editions, findings: findings, failsPolicy: policy.fails(findings))
    }

    // MARK: History

    /// The history database of the config, opened and upgraded; nil when the config has none.
    public func openHistory() throws(HistoryError) -> HistoryStore? {
        guard let history = config.history else { return nil }
        let url = config.resolve(history.stateFolder).appendingPathComponent(HistoryConfig.databaseName)
        return try HistoryStore(url: url)
    }

    /// What a command needs the history for, said in the configuration's language when it has none.
    public enum HistoryPurpose: Sendable {
        case freezing
        case listing
        case publishing
        case unfreezing
        case mailingRequests
    }

    /// For the commands that make no sense without a history (`freeze`, `history`).
    public func requireHistory(for purpose: HistoryPurpose) throws -> HistoryStore {
        guard let store = try openHistory() else {
            let say = ReportStrings(language: config.language).pick
            let problem = switch purpose {
            case .freezing: say("kauden jäädyttäminen", "att frysa en period", "freezing a period")
            case .listing: say("historian listaaminen", "att lista historiken", "listing the history")
            case .publishing: say("kauden julkaiseminen", "att publicera en period", "publishing a period")
            case .unfreezing: say("jäädytyksen purkaminen", "att häva en frysning", "undoing a freeze")
            case .mailingRequests: say("päivityspyyntöjen postittaminen", "att skicka uppdateringsbegäran", "mailing the update requests")
            }
            throw ConfigError(file: config.file?.path ?? "", line: nil, keyPath: "history",
                              problem: say("\(problem) vaatii asetuksiin historian (history.state_folder)",
                                           "\(problem) kräver en historik (history.state_folder) i inställningarna",
                                           "\(problem) needs a history (history.state_folder) in the configuration"))
        }
        return store
    }

    /// Compare stage: this period against the previous frozen one.
    public func compare(_ programme: ValidatedProgramme, store: HistoryStore) throws(HistoryError) -> HistoryContext {
        let previous = try store.previousPeriod(before: config.period)
        return PeriodComparer(config: config).compare(programme, previous: previous)
    }

    /// Stores the checked programme as the official snapshot of `period` (`tilanne freeze`).
    /// - Returns: the number of actions stored and whether an earlier snapshot was replaced.
    /// - Throws: `PeriodAlreadyFrozen` without `force`; `HistoryError` when the store fails.
    public func freeze(_ programme: ValidatedProgramme, period: ReportingPeriod, store: HistoryStore, force: Bool) throws -> (actions: Int, replaced: Bool) {
        let rows = try frozenRows(programme, period: period, store: store)
        do {
            return (rows.count, try store.freeze(period, rows: rows, fingerprint: fingerprint, at: Timestamp.now(), force: force))
        } catch let refused as PeriodAlreadyFrozen {
            throw refused
        } catch {
            throw HistoryError(path: store.url.path, problem: "\(error)")
        }
    }

    /// The rows `freeze` stores for `period`: matched to the period before it, so that each
    /// action keeps its lineage across rewording.
    public func frozenRows(_ programme: ValidatedProgramme, period: ReportingPeriod, store: HistoryStore) throws(HistoryError) -> [HistoryRow] {
        let previous = try store.previousPeriod(before: period)
        return PeriodComparer(config: config).matchedRows(programme, previous: previous, counting: period.label).rows
    }

    public var fingerprint: String { RunFingerprint.of(config) }

    // MARK: Publishing

    public var outputFolder: URL { config.resolve(config.outputs.folder) }

    /// The files a run writes (`FilePlan`): the council edition in every report language, the
    /// coordinator's edition in the main one and each steering group's files.
    /// - Parameter formats: the formats the command line chose; nil for the configured ones.
    public func filePlan(formats: [OutputFormat]? = nil, council: FilePlan.Content, coordinatorUpdates: Bool,
                         groups: [(group: SteeringGroup, content: FilePlan.Content)] = []) -> FilePlan {
        FilePlan(outputs: config.outputs, period: config.period, languages: config.reportLanguages,
                 formats: formats ?? config.outputs.formats, only: formats, council: council,
                 coordinatorUpdates: coordinatorUpdates, groups: groups)
    }

    /// Every file a run writes, in one list. A group's side lists follow its slice's content, so
    /// only its reports, which are always written, are listed for it.
    public func plannedFiles(formats: [OutputFormat]? = nil, history: Bool, previousPeriod: Bool) -> [URL] {
        let council = FilePlan.Content(changes: previousPeriod, indicators: !config.indicators.isEmpty)
        let plan = filePlan(formats: formats, council: council, coordinatorUpdates: history,
                            groups: config.groups.map { ($0, .reportsOnly) })
        return plan.files.map { file in
            file.folder.isEmpty ? outputFolder.appendingPathComponent(file.name)
                : outputFolder.appendingPathComponent(file.folder).appendingPathComponent(file.name)
        }
    }

    /// Whether every planned file is there: a deleted one (a Swedish report, a side list, a
    /// group's workbook) makes the next run write them again instead of skipping as unchanged.
    public func outputsExist(formats: [OutputFormat]? = nil, history: Bool, previousPeriod: Bool) -> Bool {
        plannedFiles(formats: formats, history: history, previousPeriod: previousPeriod)
            .allSatisfy { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Writes the council edition in all configured formats in every report language (the main
    /// one without a suffix, the others as `…-sv.xlsx`) and the coordinator's edition in the main
    /// language (`…-koordinaattori.xlsx`); all are published together or none is.
    public func publish(_ report: JudgedReport, formats: [OutputFormat]? = nil) throws -> [URL] {
        // The coordinator's check list holds every finding of the run: the main report's and
        // the other languages' missing translations, which only their own editions carry.
        var coordinator = report.main.edition(for: .coordinator)
        coordinator.diagnostics = report.findings
        let plan = filePlan(formats: formats, council: FilePlan.Content(of: report.main),
                            coordinatorUpdates: coordinator.updateRequests != nil)
        var councils: [ReportLanguage: ReportModel] = [:]
        for edition in report.editions { councils[edition.language] = edition.edition(for: .council) }
        let items = plan.files.compactMap { file -> ReportPublisher.Item? in
            switch file.edition {
            case .council(let language):
                ReportPublisher.Item(model: councils[language] ?? report.main.edition(for: .council), renderer: file.renderer,
                                     fileName: file.name)
            case .coordinator: ReportPublisher.Item(model: coordinator, renderer: file.renderer, fileName: file.name)
            case .group: nil  // published by the groups' delivery, each in its folder
            }
        }
        // A report too large for a worksheet is refused before anything is written.
        for item in items where [.xlsx, .pdf].contains(item.renderer.format) {
            if let problem = XLSXReportRenderer.sizeProblem(item.model) {
                throw OutputError(path: outputFolder.appendingPathComponent(item.fileName).path, problem: problem)
            }
        }
        return try ReportPublisher(folder: outputFolder, renderers: []).publish(items)
    }

    /// The coordinator's master tables (`MasterTable`), when answers are read: each source file
    /// as `<its name>-master.xlsx` and each of its tables as `<its name>-master.csv` in the
    /// requests folder, published as one set. `model` is handed to the renderers and unused.
    public func publishMasters(_ programme: ValidatedProgramme, model: ReportModel) throws -> [URL] {
        guard config.requests?.answers != nil else { return [] }
        let tables = MasterTableBuilder(config: config).build(programme)
        var items: [ReportPublisher.Item] = []
        var names: Set<String> = []
        func unique(_ name: String, _ ext: String) -> String {
            var candidate = name + "." + ext
            var number = 2
            while names.contains(candidate) { candidate = "\(name)-\(number).\(ext)"; number += 1 }
            names.insert(candidate)
            return candidate
        }
        var files: [String] = []
        for table in tables where !files.contains(table.sourceFile) { files.append(table.sourceFile) }
        for file in files {
            let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent + AnswerRound.masterSuffix
            let ofFile = tables.filter { $0.sourceFile == file }
            items.append(.init(model: model, renderer: MasterWorkbookRenderer(tables: ofFile), fileName: unique(stem, "xlsx")))
            for table in ofFile {
                items.append(.init(model: model, renderer: MasterCSVRenderer(table: table), fileName: unique(stem, "csv")))
            }
        }
        guard !items.isEmpty else { return [] }
        return try ReportPublisher(folder: RequestRun(config: config).folder(override: nil), renderers: []).publish(items)
    }

    /// Judges the model's findings and publishes every edition.
    public func publish(_ model: ReportModel, formats: [OutputFormat]? = nil) throws -> [URL] {
        try publish(judge(model), formats: formats)
    }
}

/// Every edition a run publishes and every finding of the run, judged by the policy once.
public struct JudgedReport: Sendable {
    /// One report per report language, the main language first; each lists the run's findings
    /// and its own missing translations.
    public var editions: [ReportModel]
    public var findings: [Diagnostic]
    public var failsPolicy: Bool

    public var main: ReportModel { editions[0] }
}

/// The JSON Tilanne writes for other programs (the model dump, `validate --json`,
/// `history --json`): sorted keys, so the same input gives the same bytes; a final newline.
public enum StableJSON {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }
}

extension ReportModel {
    public func jsonData() throws -> Data { try StableJSON.encode(self) }
}
