/// The same report in another of the configured languages: every label Tilanne writes comes
/// from that language's strings; the programme's own texts (legend labels, level names, item
/// titles, actions and status texts) from their translations in the config and the source.
/// A text with no translation is shown in the source's language and marked, and each missing
/// action text is a finding, never silently printed as if it were translated.
extension ReportModel {
    /// The report in `target`, its findings the main report's plus its own missing translations.
    public func translated(to target: ReportLanguage, config: TilanneConfig) -> ReportModel {
        translation(to: target, config: config).model
    }

    /// The report in `target` and the findings its translation made (`translation.missing`), so
    /// the run's policy judges them with every other finding before anything is published.
    public func translation(to target: ReportLanguage, config: TilanneConfig) -> (model: ReportModel, findings: [Diagnostic]) {
        guard target != language else { return (self, []) }
        var log = DiagnosticLog()
        let strings = ReportStrings(language: target)
        var model = self
        model.language = target
        model.sourceLanguage = language
        model.programme.name = config.programme.names[target] ?? programme.name
        model.legend = zip(legend, config.legend.entries).map { item, entry in
            LegendItem(code: item.code, label: entry.labels[target] ?? item.label, colour: item.colour)
        }
        // The document properties in the target language where the config gives them; the others
        // are left out, never written in the main language (the title is then made from the programme's name).
        let texts = config.documentTranslations[target] ?? [:]
        model.document = DocumentProperties(title: texts["title"], subject: texts["subject"], author: texts["author"],
                                            company: texts["company"], keywords: texts["keywords"], comments: texts["comments"],
                                            created: document.created)
        model.programme.organisation = config.programme.organisations[target] ?? programme.organisation
        model.programme.strategy = config.programme.strategies[target] ?? programme.strategy
        let register = config.register
        model.programme.bindingGoalLabel = register.bindingGoalLabels[target] ?? programme.bindingGoalLabel
        let labels = Dictionary(uniqueKeysWithValues: config.legend.entries.compactMap { entry in entry.labels[target].map { (entry.code, $0) } })
        model.levels = zip(levels, register.levels).map { summary, level in
            LevelSummary(key: summary.key, name: level.name(target, fallback: language), numbering: summary.numbering)
        }
        model.programmeLevelName = register.programmeLevel.name(target, fallback: language)
        model.columns = columns.map { column in
            ColumnSummary(content: column.content,
                          label: config.columns.first { $0.content == column.content }.map { Aggregator.label($0, language: target) } ?? column.label)
        }
        model.notice = config.notice[target] ?? notice
        model.statusColumn = config.statusHeading(target)
        func translate(_ item: ItemReport) -> ItemReport {
            var item = item
            if let registered = register.item(item.path) {
                item.untranslatedTitle = registered.titles[target] == nil ? true : nil
                item.title = registered.titles[target] ?? registered.title
                item.heading = register.heading(registered, language: target, main: language)
                item.label = register.level(item.level).label(number: item.number, title: item.title)
            }
            // The binding budget goal is the council's own text in the main language: shown marked.
            if let binding = item.bindingGoal { item.bindingGoal?.text = model.shown(binding.text, untranslated: true) }
            item.actions = item.actions.map { action in
                var action = action
                if let label = labels[action.progress.code], action.progress.status == .known { action.progress.label = label }
                let texts = action.translations?[target]
                var missing: [Field] = []
                if let text = texts?.action { action.action = text } else { missing.append(.action) }
                if let text = texts?.status { action.status = text } else if !action.status.isEmpty { missing.append(.status) }
                action.untranslated = missing.isEmpty ? nil : missing
                if !missing.isEmpty {
                    let names = missing.map { $0 == .action ? strings.action : model.statusColumn }.joined(separator: ", ")
                    log.emit(.translationMissing, at: action.source, with: [.language(target), .text(names)])
                }
                return action
            }
            item.items = item.items.map(translate)
            return item
        }
        model.programmes = programmes.map(translate)
        model.tags = tags.map { tags in
            tags.map { tag in
                var tag = tag
                let dimension = register.tags.first { $0.key == tag.key }
                tag.name = dimension?.names[target] ?? tag.name
                tag.items = tag.items.map { item in
                    var item = item
                    let registered = dimension?.items.first { $0.key == item.key }
                    if let title = registered?.titles[target] { item.title = title } else { item.untranslatedTitle = true }
                    return item
                }
                return tag
            }
        }
        model.indicators = indicators?.map { indicator in
            var indicator = indicator
            let texts = indicator.translations?[target]
            if let name = texts?.name { indicator.name = name } else { indicator.untranslatedName = true }
            if let path = indicator.itemPath, let item = register.item(path) {
                indicator.item = register.heading(item, language: target, main: language)
            }
            // The file's own label in that language (PX files carry fi, sv and en), else the main one.
            if let unit = texts?.unit { indicator.unit = unit }
            if let title = texts?.tableTitle { indicator.tableTitle = title }
            if let source = texts?.statisticsSource { indicator.statisticsSource = source }
            if let code = indicator.statusMark?.code, let label = labels[code] { indicator.statusMark?.label = label }
            // The label in the target language, else the main one marked as such.
            if let label = indicator.sourceLabel, let configured = config.indicators.first(where: { $0.id == indicator.id }) {
                indicator.sourceLabel = configured.sourceLabels[target] ?? model.shown(label, untranslated: true)
            }
            return indicator
        }
        model.diagnostics = diagnostics + log.diagnostics
        return (model, log.diagnostics)
    }
}
