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

    /// Mails the day's requests and reminders (`RequestMailPlanner`) for the workbooks just
    /// written into `folder`. Needs the delivery section (sendmail, from) and the history, which
    /// remembers what went to whom.
    public func mail(_ requests: [PartyRequest], folder: URL, today: DocumentDate, dryRun: Bool) throws -> (RequestMailPlan, [RequestMailer.Result]) {
        let say = ReportStrings(language: config.language).pick
        guard let delivery = config.delivery else {
            throw ConfigError(file: config.file?.path ?? "", line: nil, keyPath: "delivery",
                              problem: say("päivityspyyntöjen postittaminen vaatii asetuksiin postituksen (delivery: sendmail, from)",
                                           "att skicka uppdateringsbegäran kräver utskick (delivery: sendmail, from) i inställningarna",
                                           "mailing the update requests needs a delivery section (sendmail, from) in the configuration"))
        }
        let store = try Pipeline(config: config).requireHistory(for: .mailingRequests)
        guard let settings = config.requests else { return (RequestMailPlan(today: today.isoText), []) }
        let planner = RequestMailPlanner(deadline: settings.deadline, reminders: settings.reminders, today: today)
        let files = Dictionary(requests.map { ($0.party.key, fileName($0)) }, uniquingKeysWith: { first, _ in first })
        let plan = planner.plan(requests, files: files, openRows: AnswerRound(config: config).openRows(of: requests),
                                earlier: try store.requestMails(period: config.period),
                                mailedToday: try store.requestRecipients(mailedOn: today.isoText))
        let results = try RequestMailer(config: config, delivery: delivery, store: store).send(plan, requests: requests, folder: folder, dryRun: dryRun)
        return (plan, results)
    }
}
