/// Stage boundary compare → aggregate: this period's actions set against the previous frozen
/// period (whose rows also carry how long each status text has stayed the same). Built by
/// `PeriodComparer`, read by the aggregator, stored by the history.
public struct HistoryContext: Sendable {
    /// The period compared with; nil when none is frozen before this one.
    public var comparison: PeriodComparison?
    /// By index into `ValidatedProgramme.actions`.
    public var notes: [ActionChangeNote?]
    public var stale: [StaleNote?]
    /// This period's rows with the lineage each was matched to, ready to store.
    public var rows: [HistoryRow]
    /// Uncertain matches, for a person to confirm.
    public var diagnostics: [Diagnostic]
}

/// Compare stage: matches the actions with the previous frozen period (see `PeriodMatcher`),
/// says for each what changed, lists the actions no longer reported, and carries on the count
/// of frozen periods in a row each status text has stayed the same.
public struct PeriodComparer: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    /// The current rows with lineages matched to `previous`, and how many frozen periods in a
    /// row their status text has stayed the same (what `freeze` stores, with this period counted).
    func matchedRows(_ programme: ValidatedProgramme, previous stored: FrozenPeriod?,
                     counting label: String? = nil) -> (rows: [HistoryRow], matches: [PeriodMatcher.Match]) {
        let previous = upgraded(stored)
        var rows = HistoryRows.make(programme, config: config)
        for index in rows.indices {
            rows[index].unchangedPeriods = label == nil ? 0 : 1
            rows[index].unchangedSince = label
        }
        guard let previous else { return (rows, []) }
        let matches = PeriodMatcher().match(current: rows, previous: previous.rows)
        for match in matches {
            let before = previous.rows[match.previous]
            rows[match.current].lineage = before.lineage
            if before.statusKey == rows[match.current].statusKey {
                rows[match.current].unchangedPeriods += before.unchangedPeriods
                rows[match.current].unchangedSince = before.unchangedSince ?? previous.label
            }
        }
        return (rows, matches)
    }

    /// A period frozen before item paths: its rows get their paths from the register.
    private func upgraded(_ period: FrozenPeriod?) -> FrozenPeriod? {
        guard var period else { return nil }
        period.rows = HistoryRows.upgrade(period.rows, register: config.register)
        return period
    }

    /// Where a row is, as the change list names it: the item's number or title.
    private func place(_ row: HistoryRow) -> String {
        row.itemPath.isEmpty ? String(row.goalNumber) : config.register.place(ItemPath(parsing: row.itemPath))
    }

    public func compare(_ programme: ValidatedProgramme, previous stored: FrozenPeriod?) -> HistoryContext {
        let previous = upgraded(stored)
        var log = DiagnosticLog()
        let (rows, matches) = matchedRows(programme, previous: previous)
        var notes = [ActionChangeNote?](repeating: nil, count: rows.count)
        let stale = rows.map(staleness)
        guard let previous else {
            return HistoryContext(comparison: nil, notes: notes, stale: stale, rows: rows, diagnostics: [])
        }
        var counts = ChangeCounts()
        var changes: [ActionChange] = []
        let matchOf = Dictionary(uniqueKeysWithValues: matches.map { ($0.current, $0) })
        for (index, row) in rows.enumerated() {
            let validated = programme.actions[index]
            guard let match = matchOf[index] else {
                counts.new += 1
                notes[index] = ActionChangeNote(isNew: true, progressBefore: nil, direction: nil, statusChanged: false,
                                                reworded: false, movedFrom: nil, uncertain: false)
                changes.append(ActionChange(kind: .new, id: row.identity, place: place(row), action: row.action,
                                            responsible: validated.row.responsible, progressBefore: nil, progressNow: row.progress,
                                            direction: nil, statusBefore: nil, statusNow: row.status, statusChanged: false,
                                            previousAction: nil, previousPlace: nil, path: ItemPath(parsing: row.itemPath), uncertain: false, similarity: nil))
                continue
            }
            let before = previous.rows[match.previous]
            let direction = direction(from: before.progress, to: row.progress)
            let statusChanged = before.statusKey != row.statusKey
            let reworded = TextNormaliser.comparisonKey(before.action) != TextNormaliser.comparisonKey(row.action)
            let moved = before.itemPath != row.itemPath && !before.itemPath.isEmpty ? place(before) : nil
            // A party added, removed or replaced; the same parties spelt otherwise are no change.
            let partiesBefore = before.responsible.split(separator: "\n").map(String.init)
            let partiesChanged = Set(partiesBefore.map(TextNormaliser.comparisonKey))
                != Set(validated.row.responsible.map(TextNormaliser.comparisonKey))
            let responsibleBefore = partiesChanged ? partiesBefore : nil
            let uncertain = match.kind == .similar
            if uncertain {
                log.emit(.historyUncertainMatch, at: validated.row.fieldLocations.location(row: validated.row.location.row ?? 0, field: .action),
                         previous.label, TextNormaliser.singleLine(before.action), "\(Int((match.similarity * 100).rounded()))")
            }
            switch direction {
            case .improved: counts.improved += 1
            case .worsened: counts.worsened += 1
            case .notComparable: counts.codeChanged += 1
            case .unchanged: counts.unchanged += 1
            }
            if statusChanged { counts.statusChanged += 1 }
            if reworded { counts.reworded += 1 }
            if moved != nil { counts.moved += 1 }
            if partiesChanged { counts.responsibleChanged += 1 }
            notes[index] = ActionChangeNote(isNew: false, progressBefore: before.progress, direction: direction,
                                            statusChanged: statusChanged, reworded: reworded, movedFrom: moved, uncertain: uncertain,
                                            responsibleBefore: responsibleBefore)
            if direction != .unchanged || statusChanged || reworded || moved != nil || partiesChanged {
                changes.append(ActionChange(kind: .changed, id: row.identity, place: place(row), action: row.action,
                                            responsible: validated.row.responsible, progressBefore: before.progress,
                                            progressNow: row.progress, direction: direction, statusBefore: before.status,
                                            statusNow: row.status, statusChanged: statusChanged,
                                            previousAction: reworded ? before.action : nil, previousPlace: moved,
                                            responsibleBefore: responsibleBefore, path: ItemPath(parsing: row.itemPath),
                                            uncertain: uncertain, similarity: uncertain ? match.similarity : nil))
            }
        }
        let matchedPrevious = Set(matches.map(\.previous))
        for (index, before) in previous.rows.enumerated() where !matchedPrevious.contains(index) {
            counts.dropped += 1
            changes.append(ActionChange(kind: .dropped, id: before.identity, place: place(before), action: before.action,
                                        responsible: before.responsible.split(separator: "\n").map(String.init),
                                        progressBefore: before.progress, progressNow: nil, direction: nil,
                                        statusBefore: before.status, statusNow: nil, statusChanged: false,
                                        previousAction: nil, previousPlace: nil, path: ItemPath(parsing: before.itemPath), uncertain: false, similarity: nil))
        }
        let comparison = PeriodComparison(previousPeriod: previous.label, frozenAt: previous.frozenAt, changes: changes, counts: counts)
        return HistoryContext(comparison: comparison, notes: notes, stale: stale, rows: rows, diagnostics: log.diagnostics)
    }

    /// Better or worse by the legend's order (first is best); codes outside the order compare
    /// as not comparable unless they are the same.
    func direction(from before: String, to now: String) -> ChangeDirection {
        if before == now { return .unchanged }
        let ranked = config.legend.entries.filter(\.ranked).map(\.code)
        guard let old = ranked.firstIndex(of: before), let new = ranked.firstIndex(of: now) else { return .notComparable }
        return new < old ? .improved : .worsened
    }

    /// Stale: the status text is the same as in the last `stale_after_periods` frozen periods
    /// (counted when the rows were matched), or the code gives no information.
    private func staleness(_ row: HistoryRow) -> StaleNote? {
        var reasons: [StaleNote.Reason] = []
        let periods = row.unchangedPeriods
        let since = periods > 0 ? row.unchangedSince : nil
        if periods >= (config.history?.staleAfterPeriods ?? .max) { reasons.append(.statusUnchanged) }
        let entry = config.legend.entry(for: row.progress)
        if row.progress.isEmpty || (entry != nil && entry?.ranked == false) { reasons.append(.noInformation) }
        return reasons.isEmpty ? nil : StaleNote(reasons: reasons, unchangedPeriods: periods, unchangedSince: since)
    }
}
