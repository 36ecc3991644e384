/// The same report in another of the configured languages: every label Tilanne writes comes
/// from that language's strings; the programme's own texts (legend labels, theme and goal
/// titles, actions and status texts) from their translations in the config and the source.
/// A text with no translation is shown in the source's language and marked, and each missing
/// action text is a finding, never silently printed as if it were translated.
extension ReportModel {
    public func translated(to target: ReportLanguage, config: TilanneConfig) -> ReportModel {
        guard target != language else { return self }
        let catalogue = MessageCatalogue(language: target)
        var log = DiagnosticLog(catalogue: catalogue, severityOverrides: config.validation.severity)
        let strings = ReportStrings(language: target)
        var model = self
        model.language = target
        model.sourceLanguage = language
        model.programme.name = config.programme.names[target] ?? programme.name
        model.legend = zip(legend, config.legend.entries).map { item, entry in
            LegendItem(code: item.code, label: entry.labels[target] ?? item.label, colour: item.colour)
        }
        model.document.title = nil // the title is written in the target language from the programme name
        let register = config.register
        model.programme.bindingGoalLabel = register.bindingGoalLabels[target] ?? programme.bindingGoalLabel
        let labels = Dictionary(uniqueKeysWithValues: config.legend.entries.compactMap { entry in entry.labels[target].map { (entry.code, $0) } })
        for themeIndex in model.themes.indices {
            let theme = model.themes[themeIndex]
            let registered = register.themes.first { $0.title == theme.title }
            if let title = registered?.titles[target] {
                model.themes[themeIndex].title = title
            } else {
                model.themes[themeIndex].untranslatedTitle = true
            }
            for goalIndex in theme.goals.indices {
                let goal = theme.goals[goalIndex]
                if let title = register.goal(number: goal.number)?.goal.titles[target] {
                    model.themes[themeIndex].goals[goalIndex].title = title
                } else {
                    model.themes[themeIndex].goals[goalIndex].untranslatedTitle = true
                }
                // The binding budget goal is the council's own Finnish text: shown marked.
                if let binding = goal.bindingGoal {
                    let marked = model.shown(binding.text, untranslated: true)
                    model.themes[themeIndex].goals[goalIndex].bindingGoal?.text = marked
                }
                for actionIndex in goal.actions.indices {
                    var action = goal.actions[actionIndex]
                    if let label = labels[action.progress.code], action.progress.status == .known { action.progress.label = label }
                    let texts = action.translations?[target]
                    var missing: [Field] = []
                    if let text = texts?.action { action.action = text } else { missing.append(.action) }
                    if let text = texts?.status { action.status = text } else if !action.status.isEmpty { missing.append(.status) }
                    action.untranslated = missing.isEmpty ? nil : missing
                    if !missing.isEmpty {
                        let names = missing.map { $0 == .action ? strings.action : strings.statusColumn(period) }.joined(separator: ", ")
                        log.emit(.translationMissing, at: action.source, languageName(target, in: target), names)
                    }
                    model.themes[themeIndex].goals[goalIndex].actions[actionIndex] = action
                }
            }
        }
        model.indicators = indicators?.map { indicator in
            var indicator = indicator
            let texts = indicator.translations?[target]
            if let name = texts?.name { indicator.name = name } else { indicator.untranslatedName = true }
            if let themeTitle = indicator.theme, let title = register.themes.first(where: { $0.title == themeTitle })?.titles[target] {
                indicator.theme = title
            }
            // The file's own label in that language (PX files carry fi, sv and en), else the main one.
            if let unit = texts?.unit { indicator.unit = unit }
            if let title = texts?.tableTitle { indicator.tableTitle = title }
            if let source = texts?.statisticsSource { indicator.statisticsSource = source }
            return indicator
        }
        model.diagnostics = diagnostics.map { $0.localized(catalogue) } + log.diagnostics
        model.rejectedRows = rejectedRows.map { row in
            var row = row
            row.reason = catalogue.message(row.code, row.arguments)
            return row
        }
        return model
    }

    private func languageName(_ language: ReportLanguage, in target: ReportLanguage) -> String {
        let strings = ReportStrings(language: target)
        return switch language {
        case .fi: strings.pick("suomi", "finska", "Finnish")
        case .sv: strings.pick("ruotsi", "svenska", "Swedish")
        case .en: strings.pick("englanti", "engelska", "English")
        }
    }
}
