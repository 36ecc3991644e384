/// Aggregate stage: places the validated actions under the register's items (in the
/// register's order, at any level) and counts the progress codes per item, per programme and
/// for the report. With a history, each action also carries its change since the previous
/// frozen period and whether it needs an update, and the stale rows are listed per party.
public struct Aggregator: Sendable {
    public let config: TilanneConfig

    public init(config: TilanneConfig) { self.config = config }

    /// Consumes `programme`'s actions: each chunk of checked rows is let go once its reports are
    /// made (see `ChunkedRows`). A caller that still needs the rows afterwards keeps its own copy,
    /// and then nothing is freed early.
    public func aggregate(_ programme: consuming ValidatedProgramme, history: HistoryContext? = nil) -> ReportModel {
        let register = config.register
        let legend = config.legend
        let language = config.language
        // A column is shown when some action fills it (an empty "Hankkeet" is not printed on every row).
        let columns = config.columns.filter { column in
            programme.actions.contains { action in
                switch column.content {
                case .projects: !action.row.projects.isEmpty
                case .responsible: !action.row.responsible.isEmpty
                case .extra(let source): action.row.extras[source] != nil
                }
            }
        }
        let extraSources = Set(columns.compactMap { column -> String? in if case .extra(let source) = column.content { source } else { nil } })
        let tags = Self.tagReports(register, actions: programme.actions, language: language, legend: legend)
        // Each item's count of actions, to size its list once, and the first binding goal its
        // table gives it.
        var counts: [ItemPath: Int] = [:]
        var tableBindings: [ItemPath: BindingGoal] = [:]
        for action in programme.actions {
            counts[action.path, default: 0] += 1
            if tableBindings[action.path] == nil, let binding = action.row.bindingGoal { tableBindings[action.path] = binding }
        }

        // One file part per table, shared by its rows' reports.
        var files: [ObjectIdentifier: Shared<SourceLocation>] = [:]
        // The reports of each item's actions, in the order the sources give them.
        var reports: [ItemPath: [ActionReport]] = [:]
        for (path, count) in counts { reports[path, default: []].reserveCapacity(count) }
        // `history` is by index into the checked actions (PeriodComparer made it from them).
        precondition(history.map { $0.notes.count == programme.actions.count && $0.stale.count == programme.actions.count } ?? true,
                     "the history's notes are not those of these actions")
        var index = 0
        programme.actions.drain { chunk in
            for action in chunk {
                defer { index += 1 }
                let locations = action.row.fieldLocations
                let file = files[ObjectIdentifier(locations)] ?? {
                    // As `ActionRow.location` makes it, without the row.
                    let file = Shared(locations.origin.at(row: nil))
                    files[ObjectIdentifier(locations)] = file
                    return file
                }()
                var result = report(action, file: file, extras: extraSources)
                if let history {
                    result.change = history.notes[index]
                    result.stale = history.stale[index]
                }
                reports[action.path, default: []].append(result)
            }
        }
        func build(_ item: ProgrammeItem) -> ItemReport {
            let actions = reports.removeValue(forKey: item.path) ?? []
            let children = item.children.map(build)
            let binding = item.bindingGoal.map { BindingGoal(label: nil, text: $0) } ?? tableBindings[item.path]
            return ItemReport(path: item.path, level: item.level, number: item.number, title: item.title,
                              heading: register.heading(item, language: language, main: language),
                              label: register.level(item.level).label(number: item.number, title: item.title), untranslatedTitle: nil,
                              owner: item.owner, bindingGoal: binding, actions: actions, items: children,
                              counts: Self.count(actions.map(\.progress), adding: children.map(\.counts), legend: legend))
        }
        let programmes = register.programmes.map(build)
        let totals = Self.count([], adding: programmes.map(\.counts), legend: legend)
        var model = ReportModel(
            programme: ProgrammeSummary(name: config.programme.name, organisation: config.programme.organisation,
                                        strategy: config.programme.strategy,
                                        bindingGoalLabel: register.bindingGoalLabel),
            period: config.period.label,
            language: language,
            legend: legend.entries.map { LegendItem(code: $0.code, label: $0.label, colour: $0.colour) },
            levels: register.levels.map { LevelSummary(key: $0.key, name: $0.name(language, fallback: language), numbering: $0.numbering) },
            programmeLevelName: register.programmeLevel.name(language, fallback: language),
            programmes: programmes,
            showsProgrammes: register.hasSeveralProgrammes,
            columns: columns.map { ColumnSummary(content: $0.content, label: Self.label($0, language: language)) },
            tags: tags,
            notice: config.notice[language],
            statusColumn: config.statusHeading(language),
            totals: totals,
            diagnostics: programme.diagnostics,
            rejectedRows: programme.rejected,
            accounting: programme.accounting,
            sources: programme.sources,
            document: config.document
        )
        if !config.indicators.isEmpty {
            model.indicators = IndicatorAggregator(config: config).aggregate(programme.indicators, diagnostics: programme.diagnostics)
        }
        if let status = programme.answers {
            model.answers = AnswersReport(status, register: config.parties, deadline: config.requests?.deadline)
        }
        if let history {
            model.comparison = history.comparison
            model.updateRequests = Self.updateRequests(model.allActions, language: language, done: legend.doneCodes)
        }
        return model
    }

    static func label(_ column: ReportColumn, language: ReportLanguage) -> String {
        if let label = column.labels[language] { return label }
        let strings = ReportStrings(language: language)
        switch column.content {
        case .projects: return strings.projects
        case .responsible: return strings.responsible
        case .extra(let source): return column.labels.values.first ?? source
        }
    }

    static func tagReports(_ register: ProgrammeRegister, actions: ChunkedRows<ValidatedAction>, language: ReportLanguage,
                           legend: ProgressLegend) -> [TagReport]? {
        guard !register.tags.isEmpty else { return nil }
        return register.tags.map { dimension in
            TagReport(key: dimension.key, name: dimension.names[language] ?? dimension.names.values.first ?? dimension.key,
                      items: dimension.items.map { item in
                          let linked = actions.filter { $0.tags[dimension.key]?.contains(item.key) == true }
                          let cells = linked.map { ProgressCell(mark: $0.row.progress, legend: legend) }
                          return TagItemReport(key: item.key, number: item.number, title: item.titles[language] ?? item.title,
                                               untranslatedTitle: nil, counts: count(cells, legend: legend))
                      })
        }
    }

    /// The stale rows grouped by responsible party (a row with two parties is in both lists),
    /// parties in alphabetical order, rows in report order.
    static func updateRequests(_ actions: [ActionReport], language: ReportLanguage, done: Set<String> = []) -> [UpdateRequest] {
        var groups: [String: UpdateRequest] = [:]
        for action in actions {
            // A done action needs no update, however old its text.
            guard let stale = action.stale, !(action.progress.status == .known && done.contains(action.progress.code)) else { continue }
            let parties = action.responsible.isEmpty ? [ReportStrings(language: language).noResponsible] : action.responsible
            for party in parties {
                let key = TextNormaliser.comparisonKey(party)
                groups[key, default: UpdateRequest(responsible: party, actions: [])].actions.append(UpdateRequestItem(
                    id: action.id, place: action.place, action: action.action,
                    progress: action.progress.code, status: action.status, stale: stale))
            }
        }
        return groups.sorted { $0.key < $1.key }.map(\.value)
    }

    private func report(_ action: ValidatedAction, file: Shared<SourceLocation>, extras: Set<String>) -> ActionReport {
        let row = action.row
        let shownExtras = row.extras.filter { extras.contains($0.key) }
        return ActionReport(
            id: row.identity, sourceFile: file, sourceRow: row.rowNumber, path: action.path, place: config.register.place(action.path),
            action: row.action, projects: row.projects, responsible: row.responsible,
            progress: ProgressCell(mark: row.progress, legend: config.legend),
            status: row.status, extras: shownExtras.isEmpty ? nil : shownExtras, tags: action.tags.isEmpty ? nil : action.tags,
            findings: action.findings,
            translations: row.translations.isEmpty ? nil : row.translations
        )
    }

    static func count(_ cells: [ProgressCell], legend: ProgressLegend) -> ProgressCounts {
        count(cells, adding: [], legend: legend)
    }

    /// The counts of `cells` followed by everything the `children` counted: the same as
    /// counting all their cells in that order (unknown codes in the order they first appear),
    /// without gathering every cell under an item once per level (at 1,000,000 actions, 56 MB
    /// at each level).
    static func count(_ cells: [ProgressCell], adding children: [ProgressCounts], legend: ProgressLegend) -> ProgressCounts {
        let total = cells.count + children.reduce(0) { $0 + $1.total }
        func share(_ count: Int) -> Double {
            // Six decimals: stable in the JSON, and a share shown to one decimal of a percent is
            // rounded once (6/11 is 54,5 %, not 54,6 % from a stored 0.5455).
            total == 0 ? 0 : (Double(count) / Double(total) * 1_000_000).rounded() / 1_000_000
        }
        var known: [String: Int] = [:]
        var unknown: [String: Int] = [:]
        var unknownOrder: [String] = []
        var missing = 0
        for cell in cells {
            switch cell.status {
            case .known: known[cell.code, default: 0] += 1
            case .unknown:
                if unknown[cell.code] == nil { unknownOrder.append(cell.code) }
                unknown[cell.code, default: 0] += 1
            case .missing: missing += 1
            }
        }
        for child in children {
            for item in child.byCode where item.count > 0 { known[item.code, default: 0] += item.count }
            for item in child.unknown {
                if unknown[item.code] == nil { unknownOrder.append(item.code) }
                unknown[item.code, default: 0] += item.count
            }
            missing += child.missing
        }
        return ProgressCounts(
            byCode: legend.entries.map { .init(code: $0.code, count: known[$0.code] ?? 0, share: share(known[$0.code] ?? 0)) },
            unknown: unknownOrder.map { .init(code: $0, count: unknown[$0]!, share: share(unknown[$0]!)) },
            missing: missing,
            total: total
        )
    }
}
