/// Requests stage: the checked programme (and the previous frozen period, when the history has
/// one) → one `PartyRequest` per registered party that some row names. A row goes to every
/// party among its responsible ones; names the register does not know go to nobody (they are
/// `party.unregistered` findings).
public struct RequestBuilder: Sendable {
    public let config: TilanneConfig
    public let register: PartyRegister

    public init(config: TilanneConfig, register: PartyRegister) {
        self.config = config
        self.register = register
    }

    /// - Parameter history: the comparison with the previous frozen period (its rows carry each
    ///   action's lineage); `previous` the frozen rows shown as the last period's answers.
    public func build(_ programme: ValidatedProgramme, history: HistoryContext?, previous: FrozenPeriod?) -> [PartyRequest] {
        let previousByLineage = Dictionary((previous?.rows ?? []).map { ($0.lineage, $0) }, uniquingKeysWith: { first, _ in first })
        let programmeKey = config.register.programmes.map(\.key).joined(separator: ",")
        var rowsByParty: [String: [RequestRow]] = [:]
        for (index, action) in programme.actions.enumerated() {
            let lineage = history.flatMap { index < $0.rows.count ? $0.rows[index].lineage : nil } ?? action.row.identity
            let before = previous == nil ? nil : previousByLineage[lineage]
            let item = config.register.item(action.path)
            var keys: [String] = []
            for name in action.row.responsible {
                if let party = register.party(named: name), !keys.contains(party.key) { keys.append(party.key) }
            }
            for key in keys {
                let row = RequestRow(
                    rowID: lineage,
                    checksum: RequestChecksum.of(id: lineage, period: config.period.label, programme: programmeKey, party: key),
                    place: config.register.place(action.path),
                    itemTitle: item?.title ?? "",
                    action: action.row.action,
                    projects: action.row.projects.map(\.text).joined(separator: "\n"),
                    responsible: action.row.responsible.joined(separator: ", "),
                    previousCode: before?.progress,
                    previousStatus: before?.status,
                    currentCode: ProgressCell(mark: action.row.progress, legend: config.legend).code,
                    currentStatus: action.row.status,
                    actionIndex: index)
                rowsByParty[key, default: []].append(row)
            }
        }
        return register.parties.compactMap { party in
            guard let rows = rowsByParty[party.key] else { return nil }
            let language = party.language
            let codes = config.legend.entries.map { entry in
                RequestCode(code: entry.code, label: entry.labels[language] ?? entry.label)
            }
            let level = config.register.levels.last
            return PartyRequest(
                party: party, programmeKey: programmeKey,
                programmeName: config.programme.names[language] ?? config.programme.name,
                period: config.period.label, previousPeriod: previous?.label,
                deadline: config.requests?.deadline, statusLimit: config.requests?.statusLimit ?? 32_767,
                codes: codes, rows: rows,
                placeColumn: level.map { $0.names[language] ?? $0.names[config.language] ?? $0.key } ?? "")
        }
    }
}
