import Foundation

/// `tilanne requests`: checks the tables, matches their responsible parties to the register
/// and writes one request workbook per party into the requests folder, as one set (all or
/// none, like the reports).
public struct RequestRun: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    public enum Outcome: Sendable {
        /// The tables fail the validation policy: no request was written.
        case invalidInput(ValidatedProgramme)
        case written(ValidatedProgramme, requests: [PartyRequest], files: [URL])
    }

    /// The folder the workbooks go to: `--out`, else `requests.folder` inside the output folder.
    public func folder(override: URL?) -> URL {
        if let override { return override }
        let template = config.requests?.folder ?? RequestsConfig(deadline: DocumentDate("2000-01-01")!).folder
        return config.resolve(config.outputs.folder).appendingPathComponent(config.period.fill(template, fileName: true))
    }

    /// `pyynto-yrityspalvelut-2-2024.xlsx`: the party's key, so the name never changes with its spelling.
    public func fileName(_ request: PartyRequest) -> String {
        "\(RequestStrings(language: request.party.language).filePrefix)-\(request.party.key)-\(config.period.fileNameForm).xlsx"
    }

    public func execute(out: URL?) throws -> Outcome {
        guard let register = config.parties else {
            throw ConfigError(file: config.programmeFile?.path ?? config.file?.path ?? "", line: nil, keyPath: "parties",
                              problem: ReportStrings(language: config.language).pick(
                                  "päivityspyynnöt vaativat ohjelmatiedostoon vastuutahorekisterin (parties)",
                                  "uppdateringsbegäran kräver ett register över ansvariga (parties) i programfilen",
                                  "update requests need a parties register (parties) in the programme file"))
        }
        let pipeline = Pipeline(config: config)
        var programme = pipeline.check()
        var history: HistoryContext?
        var previous: FrozenPeriod?
        if let store = try pipeline.openHistory() {
            previous = try store.previousPeriod(before: config.period)
            let context = PeriodComparer(config: config).compare(programme, previous: previous)
            programme.diagnostics += context.diagnostics
            history = context
        }
        programme = pipeline.judged(programme)
        if pipeline.policy.fails(programme.diagnostics) { return .invalidInput(programme) }
        let requests = RequestBuilder(config: config, register: register).build(programme, history: history, previous: previous)
        // The publisher sets files of a report; the model is handed to each renderer and unused here.
        let model = pipeline.report(from: programme, history: history)
        let items = requests.map { ReportPublisher.Item(model: model, renderer: RequestWorkbookRenderer(request: $0), fileName: fileName($0)) }
        let files = try ReportPublisher(folder: folder(override: out), renderers: []).publish(items)
        return .written(programme, requests: requests, files: files)
    }
}
