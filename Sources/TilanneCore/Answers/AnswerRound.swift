import Foundation

/// The answers of a period, read on every `run` and `validate`: the requests the table gives
/// now, the workbooks in `requests.answers`, matched and merged over the checked programme.
public struct AnswerRound: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    /// The answers folder with the period filled in, relative to the configuration's folder.
    public var folder: URL? {
        config.requests?.answers.map { config.resolve(config.period.fill($0, fileName: true)) }
    }

    /// The returned workbooks: every `.xlsx` in the folder but Excel's lock files (`~$…`) and
    /// the coordinator's master. A missing folder is no answer yet, not a finding.
    public func files() -> [URL] {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted()
            .filter { $0.lowercased().hasSuffix(".xlsx") && !$0.hasPrefix("~$") && !$0.hasPrefix(".") && !$0.hasSuffix(AnswerRound.masterSuffix + ".xlsx") }
            .map { folder.appendingPathComponent($0) }
    }

    public static let masterSuffix = "-master"

    /// The programme with the accepted answers merged, the refusals among its findings, and
    /// who has answered. Nil when answers are not configured or there is no parties register.
    public func apply(to programme: ValidatedProgramme, history: HistoryContext?, previous: FrozenPeriod?) -> (ValidatedProgramme, AnswerIntake)? {
        guard config.requests?.answers != nil, let register = config.parties else { return nil }
        let requests = RequestBuilder(config: config, register: register).build(programme, history: history, previous: previous)
        let reader = AnswerWorkbookReader(config: config)
        let intake = AnswerMatcher(config: config, register: register, requests: requests).match(files().map(reader.read))
        var merged = AnswerMerger().merge(intake.accepted, into: programme)
        merged.diagnostics += intake.findings
        merged.answers = intake.status
        merged.acceptedAnswers = intake.accepted
        return (merged, intake)
    }

    /// Each party's rows that no accepted answer covers, by party key: whom a reminder goes
    /// to. Without an answers folder every row is open.
    public func openRows(of requests: [PartyRequest]) -> [String: Int] {
        var answered: Set<String> = []
        if config.requests?.answers != nil, let register = config.parties {
            let reader = AnswerWorkbookReader(config: config)
            let intake = AnswerMatcher(config: config, register: register, requests: requests).match(files().map(reader.read))
            answered = Set(intake.accepted.map(\.rowID))
        }
        return Dictionary(requests.map { request in (request.party.key, request.rows.filter { !answered.contains($0.rowID) }.count) },
                          uniquingKeysWith: { first, _ in first })
    }
}
