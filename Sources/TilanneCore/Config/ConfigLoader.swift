import Foundation
import Yams

/// Reads `tilanne.yml` into a `TilanneConfig`, strictly: an unknown key or a value of the wrong
/// type stops the run with the key and its line, because a silently ignored typo in a nightly
/// job's config produces wrong reports for weeks.
public enum ConfigLoader {
    public static func load(from url: URL) throws -> TilanneConfig {
        let file = url.path
        let text: String
        do {
            let data = try Data(contentsOf: url)
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ConfigError(file: file, line: nil, keyPath: "", problem: "the file is not UTF-8 text")
            }
            text = decoded
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(file: file, line: nil, keyPath: "", problem: "cannot read the configuration file (\(error.localizedDescription))")
        }
        var config = try parse(text, file: file, baseDirectory: url.deletingLastPathComponent())
        config.file = url.standardizedFileURL
        return config
    }

    public static func parse(_ text: String, file: String, baseDirectory: URL) throws -> TilanneConfig {
        let root = try compose(text, file: file, empty: "the configuration file is empty")
        let topValue = YAMLValue(node: root, path: "", file: file)
        try refuseInlineProgramme(topValue)
        try ConfigRules.checkRunConfig(topValue)
        let top = try topValue.mapping(allowed: [
            "programme_file", "period", "language", "languages", "notice", "document", "sources", "outputs", "validation",
            "limits", "history", "operations", "groups", "delivery", "requests",
        ])
        let programmeFileValue = try top.required("programme_file")
        // Relative to the config's folder, or absolute, like every other path of the config.
        let programmePath = try programmeFileValue.string()
        let programmeFile = (programmePath.hasPrefix("/") ? URL(fileURLWithPath: programmePath)
            : baseDirectory.appendingPathComponent(programmePath)).standardizedFileURL
        var language = try top["language"]?.oneOf(ReportLanguage.self) ?? .fi
        var languages = [language]
        if let list = top["languages"] {
            languages = try list.sequenceOrSingle().map { try $0.oneOf(ReportLanguage.self) }
            if languages.isEmpty || Set(languages).count != languages.count { throw list.error("list each report language once") }
            if top["language"] == nil { language = languages[0] }
            guard languages.first == language else {
                throw list.error("the main language (\"language: \(language.rawValue)\") must come first")
            }
        }
        let definition = try ProgrammeDefinitionLoader.load(from: programmeFile, languages: languages, referencedBy: programmeFileValue)
        let periodValue = try top.required("period")
        let periodText = try MailHeaderRules.headerText(periodValue)
        guard let period = definition.periodFormat.parse(periodText) else {
            throw periodValue.error("\"\(periodText)\" is not a period in the programme's format \"\(definition.periodFormat.pattern)\"" +
                                    " (period_format in \(programmeFile.lastPathComponent))")
        }
        var notice: [ReportLanguage: String] = [:]
        if let value = top["notice"] {
            notice[language] = try value.string()
        }
        var document = try top["document"].map(readDocument) ?? DocumentProperties()
        document.title = document.title.map { period.fill($0) }
        document.subject = document.subject.map { period.fill($0) }
        let documentTranslations = try top["document"].map { try readDocumentTranslations($0, period: period) } ?? [:]
        let sourcesValue = try top.required("sources")
        let sources = try sourcesValue.sequence().map { try readSource($0, register: definition.register, period: period) }
        if sources.isEmpty { throw sourcesValue.error("at least one source is needed") }
        let legend = definition.legend
        let register = definition.register
        let programme = definition.programme
        let indicators = definition.indicators
        let outputs = try readOutputs(top.required("outputs"))
        let validation = try top["validation"].map(readValidation) ?? .default
        let limits = try top["limits"].map(readLimits) ?? .default
        let history = try top["history"].map(readHistory)
        let groups = try top["groups"]?.sequence().map { try readGroup($0, register: register) } ?? []
        let delivery = try top["delivery"].map { try readDelivery($0, lifecycle: history != nil) }
        if delivery == nil, let mailed = groups.first(where: { !$0.email.isEmpty }), let value = top["groups"] {
            throw value.error("group \"\(mailed.name)\" has e-mail addresses but there is no delivery section (sendmail, from)")
        }
        var folders: Set<String> = []
        for group in groups where !folders.insert(group.folder).inserted {
            throw try top.required("groups").error("two groups write into the folder \"\(group.folder)\"")
        }
        var operations = OperationsConfig()
        if let value = top["operations"] {
            let map = try value.mapping(allowed: OperationsConfig.keys)
            operations.summaryFile = try map["summary"]?.string()
            operations.logFile = try map["log"]?.string()
            operations.metricsFile = try map["metrics"]?.string()
            if let keep = map["keep_runs"] {
                let count = try keep.int()
                // The newest run is the one the next night compares its fingerprint with.
                guard count >= 1 else { throw keep.error("expected at least 1 (runs kept in the history)") }
                guard history != nil else { throw keep.error("keep_runs needs a history section (there are no runs to keep)") }
                operations.keepRuns = count
            }
        }
        var config = TilanneConfig(
            programme: programme, period: period, language: language, languages: languages, document: document,
            sources: sources, legend: legend, register: register, outputs: outputs,
            validation: validation, limits: limits, history: history, operations: operations, groups: groups, delivery: delivery,
            indicators: indicators, baseDirectory: baseDirectory.standardizedFileURL
        )
        config.columns = definition.columns
        config.documentTranslations = documentTranslations
        config.statusHeadings = definition.statusHeadings
        config.indicatorCodes = definition.indicatorCodes
        config.parties = definition.parties
        config.requests = try top["requests"].map(readRequests)
        let extras = definition.columns.compactMap { column -> String? in
            if case .extra(let source) = column.content { return period.fill(source) } else { return nil }
        }
        for index in config.sources.indices { config.sources[index].extraColumns = extras }
        config.notice = notice.merging(definition.notice) { run, _ in run }
        config.programmeFile = programmeFile
        try OutputPathRules.check(config, top)
        return config
    }

    /// The YAML document of a config or programme file, with the line of a syntax error.
    static func compose(_ text: String, file: String, empty: String) throws -> Node {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigError(file: file, line: nil, keyPath: "", problem: empty)
            }
            return node
        } catch let error as ConfigError {
            throw error
        } catch let error as YamlError {
            if let duplicate = ConfigRules.duplicateKey(error, text: text, file: file) { throw duplicate }
            throw ConfigError(file: file, line: yamlErrorLine(error), keyPath: "", problem: "not valid YAML: \(error)")
        } catch {
            throw ConfigError(file: file, line: nil, keyPath: "", problem: "not valid YAML: \(error)")
        }
    }

    private static func yamlErrorLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    /// `name_sv`, `name_en`: the keys that give a text in another report language.
    static func translatedKeys(_ key: String) -> [String] {
        ReportLanguage.allCases.map { "\(key)_\($0.rawValue)" }
    }

    static func translations(_ map: YAMLMapping, _ key: String) throws -> [ReportLanguage: String] {
        var result: [ReportLanguage: String] = [:]
        for language in ReportLanguage.allCases {
            if let value = map["\(key)_\(language.rawValue)"] { result[language] = try value.string() }
        }
        return result
    }

    static let documentTexts = ["title", "subject", "author", "company", "keywords", "comments"]

    /// `title_sv`, `subject_sv` …: the document properties of the reports in other languages.
    private static func readDocumentTranslations(_ value: YAMLValue, period: ReportingPeriod) throws -> [ReportLanguage: [String: String]] {
        let map = try value.mapping(allowed: documentTexts + documentTexts.flatMap(translatedKeys) + ["created"])
        var result: [ReportLanguage: [String: String]] = [:]
        for key in documentTexts {
            for (language, text) in try translations(map, key) { result[language, default: [:]][key] = period.fill(text) }
        }
        return result
    }

    private static func readDocument(_ value: YAMLValue) throws -> DocumentProperties {
        let map = try value.mapping(allowed: documentTexts + documentTexts.flatMap(translatedKeys) + ["created"])
        var properties = DocumentProperties()
        properties.title = try map["title"]?.string()
        properties.subject = try map["subject"]?.string()
        properties.author = try map["author"]?.string()
        properties.company = try map["company"]?.string()
        properties.keywords = try map["keywords"]?.string()
        properties.comments = try map["comments"]?.string()
        if let created = map["created"] {
            let text = try created.string()
            guard DocumentDate(text) != nil else { throw created.error("expected a date as YYYY-MM-DD, found \"\(text)\"") }
            properties.created = text
        }
        return properties
    }

    private static func readSource(_ value: YAMLValue, register: ProgrammeRegister, period: ReportingPeriod) throws -> SourceConfig {
        let map = try value.mapping(allowed: ["path", "format", "sheet", "table", "shape", "encoding", "delimiter",
                                                "columns", "sections", "max_age"])
        let format = try map["format"].map { try $0.string() == "auto" ? nil : $0.oneOf(SourceFormat.self) } ?? nil
        var part: PartSelection?
        if let sheet = map["sheet"] {
            if map["table"] != nil { throw sheet.error("a source has either \"sheet\" (workbook) or \"table\" (document)") }
            part = try readPart(sheet, allowNames: true)
        }
        if let table = map["table"] { part = try readPart(table, allowNames: false) }
        let shape = try map["shape"]?.oneOf(TableShape.self) ?? .flat
        let encoding = try map["encoding"]?.oneOf(SourceEncoding.self) ?? .auto
        var delimiter: UInt8?
        if let delimiterValue = map["delimiter"] {
            let text = try delimiterValue.string()
            switch text {
            case "auto": delimiter = nil
            case ";", ",", "\t": delimiter = text.utf8.first
            default: throw delimiterValue.error("expected \";\", \",\", a tab or auto, found \"\(text)\"")
            }
        }
        let columnsValue = try map.required("columns")
        var columns: [Field: String] = [:]
        var translatedColumns: [ReportLanguage: [Field: String]] = [:]
        var levelColumns: [Int: LevelColumns] = [:]
        var tagColumns: [String: String] = [:]
        for (key, header, line) in try columnsValue.freeMapping() {
            if key == "levels" {
                levelColumns = try readLevelColumns(header, register: register, period: period)
                continue
            }
            if key == "tags" {
                for (tagKey, tagHeader, tagLine) in try header.freeMapping() {
                    guard register.tags.contains(where: { $0.key == tagKey }) else {
                        throw ConfigError(file: value.file, line: tagLine, keyPath: tagHeader.path,
                                          problem: "no tag dimension \"\(tagKey)\" in the programme file; tags are: " +
                                          register.tags.map(\.key).joined(separator: ", "))
                    }
                    tagColumns[tagKey] = period.fill(try tagHeader.string())
                }
                continue
            }
            if let replacement = LegacyKeys.columns[key] {
                throw ConfigError(file: value.file, line: line, keyPath: header.path, problem: replacement)
            }
            // `action_sv`, `status_sv`: the texts in another report language.
            if let separator = key.lastIndex(of: "_"), let language = ReportLanguage(rawValue: String(key[key.index(after: separator)...])),
               let field = Field(rawValue: String(key[..<separator])), Field.translatable.contains(field) {
                translatedColumns[language, default: [:]][field] = period.fill(try header.string())
                continue
            }
            guard let field = Field(rawValue: key) else {
                let allowed = Field.allCases.map(\.rawValue)
                let hint = closest(to: key, among: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
                throw ConfigError(file: value.file, line: line, keyPath: header.path,
                                  problem: "unknown field\(hint); fields are: \(allowed.joined(separator: ", "))")
            }
            columns[field] = period.fill(try header.string())
        }
        for field in [Field.action, .progress, .status] where columns[field] == nil {
            throw columnsValue.error("the \(shape.rawValue) shape needs a column for \"\(field.rawValue)\"")
        }
        if shape == .flat && levelColumns.isEmpty {
            throw columnsValue.error("a flat table names each action's place in columns: give columns.levels with a column for " +
                                     "at least one of the levels " + register.levels.map { "\"\($0.key)\"" }.joined(separator: ", "))
        }
        var sections = SectionPatterns()
        if let sectionsValue = map["sections"] {
            for (key, patternValue, line) in try sectionsValue.freeMapping() {
                if key == "binding_goal" {
                    sections.bindingGoal = try pattern(patternValue, captures: ["text"], any: false)
                    continue
                }
                guard let level = levelIndex(key, register: register) else {
                    if let replacement = LegacyKeys.sections[key] {
                        throw ConfigError(file: value.file, line: line, keyPath: patternValue.path, problem: replacement)
                    }
                    throw ConfigError(file: value.file, line: line, keyPath: patternValue.path,
                                      problem: "no level \"\(key)\"; levels are: \(levelKeys(register).joined(separator: ", "))")
                }
                sections.levels[level] = try pattern(patternValue, captures: ["number", "title"], any: true)
            }
        }
        var source = SourceConfig(
            path: period.fill(try map.required("path").string(), fileName: true), format: format, part: part, shape: shape,
            encoding: encoding, delimiter: delimiter, columns: columns, translatedColumns: translatedColumns, sections: sections,
            configLine: value.line ?? 0
        )
        source.levelColumns = levelColumns
        source.tagColumns = tagColumns
        source.maxAge = try map["max_age"].map(readAgeLimit)
        let template = try map.required("path").string()
        if template.contains("{period}") { source.pathTemplate = template }
        return source
    }

    /// `programme` or a declared level's key → the level index (0: programme).
    static func levelIndex(_ key: String, register: ProgrammeRegister) -> Int? {
        if key == "programme" { return 0 }
        return register.levels.firstIndex { $0.key == key }.map { $0 + 1 }
    }

    static func levelKeys(_ register: ProgrammeRegister) -> [String] { ["programme"] + register.levels.map(\.key) }

    private static func readLevelColumns(_ value: YAMLValue, register: ProgrammeRegister, period: ReportingPeriod) throws -> [Int: LevelColumns] {
        var result: [Int: LevelColumns] = [:]
        for (key, columnValue, line) in try value.freeMapping() {
            guard let level = levelIndex(key, register: register) else {
                throw ConfigError(file: value.file, line: line, keyPath: columnValue.path,
                                  problem: "no level \"\(key)\"; levels are: \(levelKeys(register).joined(separator: ", "))")
            }
            if case .mapping = columnValue.node {
                let map = try columnValue.mapping(allowed: ["number", "title"])
                let columns = LevelColumns(number: try map["number"].map { period.fill(try $0.string()) },
                                           title: try map["title"].map { period.fill(try $0.string()) })
                if columns.number == nil && columns.title == nil { throw columnValue.error("give number, title or both") }
                result[level] = columns
            } else {
                // One column holding the number, the title or both.
                result[level] = LevelColumns(number: nil, title: period.fill(try columnValue.string()))
            }
        }
        return result
    }

    /// A section pattern must compile and name the captures the reader uses (`any`: at least one of them).
    private static func pattern(_ value: YAMLValue, captures: [String], any: Bool) throws -> String {
        let text = try value.string()
        do {
            _ = try Regex(text)
        } catch {
            throw value.error("not a valid regular expression: \(error)")
        }
        let found = captures.filter { text.contains("(?<\($0)>") }
        if any ? found.isEmpty : found.count < captures.count {
            throw value.error("the pattern must capture " + captures.map { "(?<\($0)>…)" }.joined(separator: any ? " or " : " and "))
        }
        return text
    }

    private static func readOutputs(_ value: YAMLValue) throws -> OutputConfig {
        let map = try value.mapping(allowed: OutputConfig.keys)
        let formats = try map["formats"]?.sequence().map { try $0.oneOf(OutputFormat.self) } ?? OutputFormat.standard
        var fileNames: [OutputFormat: String] = [:]
        if let namesValue = map["file_names"] {
            let names = try namesValue.mapping(allowed: OutputFormat.allCases.map(\.rawValue))
            for format in OutputFormat.allCases {
                guard let nameValue = names[format.rawValue] else { continue }
                let name = try nameValue.string()
                if name.contains("/") || name.isEmpty { throw nameValue.error("a file name, not a path, is expected") }
                fileNames[format] = name
            }
        }
        var outputs = OutputConfig(folder: try map.required("folder").string(), formats: formats, fileNames: fileNames)
        if let archiveValue = map["archive_folder"] {
            let archive = try archiveValue.string()
            guard ReportPublisher.isPlainName(archive), !ReportPublisher.isInternal(archive) else {
                throw archiveValue.error("a folder name inside the output folder is expected (e.g. arkisto)")
            }
            outputs.archiveFolder = archive
        }
        if let coordinatorValue = map["coordinator"] {
            let coordinator = try coordinatorValue.mapping(allowed: ["formats", "suffix"])
            outputs.coordinator.formats = try coordinator["formats"]?.sequence().map { value in
                let format = try value.oneOf(OutputFormat.self)
                // The coordinator works from a list to sort and filter: a workbook and a CSV file.
                guard [.xlsx, .csv].contains(format) else {
                    throw value.error("the coordinator's edition is a workbook and a CSV file: xlsx or csv, not \(format.rawValue)")
                }
                return format
            }
            if let suffixValue = coordinator["suffix"] {
                let suffix = try suffixValue.string()
                guard ReportPublisher.isPlainName("x" + suffix), !suffix.hasPrefix(".") else {
                    throw suffixValue.error("a part of a file name is expected (e.g. -koordinaattori), not \"\(suffix)\"")
                }
                outputs.coordinator.suffix = suffix
            }
        }
        return outputs
    }

    /// `sheet: Tilanne`, `sheet: 2`, `table: 1` or `all`.
    private static func readPart(_ value: YAMLValue, allowNames: Bool) throws -> PartSelection {
        let text = try value.string()
        if text == "all" { return .all }
        if let index = Int(text) {
            guard index >= 1 else { throw value.error("positions start from 1") }
            return .index(index)
        }
        guard allowNames else { throw value.error("expected a table number (1, 2, …) or all, found \"\(text)\"") }
        return .named(text)
    }

    private static func readGroup(_ value: YAMLValue, register: ProgrammeRegister) throws -> SteeringGroup {
        if let map = try? value.mapping(allowed: ["themes", "goals"] + ["name", "folder", "items", "programmes", "responsible", "formats", "email"]),
           let old = map["themes"] ?? map["goals"] {
            throw old.error("a group now follows items of the programme: replace themes and goals with items (numbers, keys or titles)")
        }
        let map = try value.mapping(allowed: ["name", "folder", "items", "programmes", "responsible", "formats", "email"])
        let name = try MailHeaderRules.headerText(map.required("name"))
        let folder = try map["folder"]?.string() ?? slug(name)
        if folder.isEmpty || folder.hasPrefix("/") || folder.split(separator: "/").contains("..") {
            throw (map["folder"] ?? value).error("a folder inside the output folder is expected")
        }
        var items: [ItemPath] = []
        for reference in (try map["programmes"]?.sequenceOrSingle() ?? []) + (try map["items"]?.sequenceOrSingle() ?? []) {
            let text = try reference.string()
            let found = register.resolve(reference: text)
            guard found.count == 1 else {
                throw reference.error(found.isEmpty ? ConfigRules.unknownItem(text, register: register)
                                                    : "\"\(text)\" names \(found.count) items; use a number or a path such as \(found[0])")
            }
            items.append(found[0])
        }
        let responsible = try map["responsible"]?.sequenceOrSingle().map { try $0.string() } ?? []
        if items.isEmpty && responsible.isEmpty {
            throw value.error("group \"\(name)\" follows nothing: give items, programmes or responsible")
        }
        let formats = try map["formats"]?.sequence().map { try $0.oneOf(OutputFormat.self) } ?? [.xlsx]
        let email = try map["email"]?.sequenceOrSingle().map(MailHeaderRules.mailbox) ?? []
        var group = SteeringGroup(name: name, folder: folder, items: items, responsible: responsible, formats: formats, email: email)
        group.configLine = value.line ?? 0
        return group
    }

    /// `Elinvoiman ohjausryhmä` → `elinvoiman-ohjausryhma`.
    static func slug(_ name: String) -> String {
        let folded = name.lowercased().replacingOccurrences(of: "ä", with: "a").replacingOccurrences(of: "ö", with: "o")
            .replacingOccurrences(of: "å", with: "a")
        let words = folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        return words.joined(separator: "-")
    }

    /// - Parameter lifecycle: whether the config keeps a history, so that its periods are
    ///   drafts until published: then the groups are mailed on publishing unless told otherwise.
    private static func readDelivery(_ value: YAMLValue, lifecycle: Bool) throws -> DeliveryConfig {
        let map = try value.mapping(allowed: ["sendmail", "from", "subject", "body", "alerts", "timeout_seconds", "envelope_from",
                                              "message_id_domain", "send_on"])
        let sendmail = try map["sendmail"]?.sequenceOrSingle().map { try $0.string() } ?? ["/usr/sbin/sendmail"]
        var alertTo: [String] = []
        var alertSubject = "Tilanne: {programme} – ajo epäonnistui (exit {exit}, {outcome})"
        if let alerts = map["alerts"] {
            let alertMap = try alerts.mapping(allowed: ["to", "subject"])
            alertTo = try alertMap.required("to").sequenceOrSingle().map(MailHeaderRules.mailbox)
            alertSubject = try alertMap["subject"].map(MailHeaderRules.headerText) ?? alertSubject
        }
        let from = try MailHeaderRules.mailbox(map.required("from"))
        return DeliveryConfig(
            sendmail: sendmail, from: from,
            subject: try map["subject"].map(MailHeaderRules.headerText) ?? "{programme} – tilanne {period}: {group}",
            body: try map["body"]?.string() ?? "Liitteenä {group}:n seurantaraportti, tilanne {period}.\n",
            alertTo: alertTo, alertSubject: alertSubject, timeout: try readTimeout(map["timeout_seconds"]),
            envelopeFrom: try EnvelopeSenderRules.envelopeFrom(map["envelope_from"], sendmail: sendmail, from: from),
            messageIDDomain: try EnvelopeSenderRules.messageIDDomain(map["message_id_domain"]),
            sendOn: try readSendOn(map["send_on"]) ?? (lifecycle ? DeliveryConfig.defaultSendOnWithHistory : DeliveryConfig.defaultSendOn))
    }

    /// `send_on: change`, or a list: `[publish, freeze]`. An empty list would never mail anyone.
    private static func readSendOn(_ value: YAMLValue?) throws -> Set<MailOccasion>? {
        guard let value else { return nil }
        let occasions = try value.sequenceOrSingle().map { try $0.oneOf(MailOccasion.self) }
        guard !occasions.isEmpty else { throw value.error("lists no occasion: expected change, publish or freeze (one or a list)") }
        return Set(occasions)
    }

    private static func readTimeout(_ value: YAMLValue?) throws -> Double {
        guard let value else { return DeliveryConfig.defaultTimeout }
        let seconds = try value.int()
        guard (1...3600).contains(seconds) else { throw value.error("expected 1 to 3600 (seconds)") }
        return Double(seconds)
    }

    private static func readHistory(_ value: YAMLValue) throws -> HistoryConfig {
        let map = try value.mapping(allowed: ["state_folder", "stale_after_periods"])
        var stale = 2
        if let periods = map["stale_after_periods"] {
            stale = try periods.int()
            guard (1...100).contains(stale) else { throw periods.error("expected 1 to 100 (frozen periods)") }
        }
        return HistoryConfig(stateFolder: try map["state_folder"]?.string() ?? "../State", staleAfterPeriods: stale)
    }

    private static func readLimits(_ value: YAMLValue) throws -> InputLimits {
        let map = try value.mapping(allowed: ["max_expanded_mb", "max_columns"])
        var limits = InputLimits.default
        if let megabytes = map["max_expanded_mb"] {
            let number = try megabytes.int()
            guard (1...65536).contains(number) else { throw megabytes.error("expected 1 to 65536 (megabytes)") }
            limits.maxExpandedBytes = number * 1024 * 1024
        }
        if let columns = map["max_columns"] {
            let number = try columns.int()
            guard (1...16384).contains(number) else { throw columns.error("expected 1 to 16384 (a sheet has at most 16384 columns)") }
            limits.maxColumns = number
        }
        return limits
    }

    /// `45d` or `36h`: whole days or hours.
    private static func readAgeLimit(_ value: YAMLValue) throws -> AgeLimit {
        let text = try value.string()
        guard let limit = AgeLimit(text) else {
            throw value.error("expected an age in whole days or hours, such as 45d or 36h (at most ten years), found \"\(text)\"")
        }
        return limit
    }

    private static func readValidation(_ value: YAMLValue) throws -> ValidationPolicy {
        let map = try value.mapping(allowed: ["fail_on", "severity", "input_max_age"])
        var policy = ValidationPolicy.default
        policy.inputMaxAge = try map["input_max_age"].map(readAgeLimit)
        if let failOn = map["fail_on"] {
            let text = try failOn.string()
            switch text {
            case "never": policy.failOn = nil
            default: policy.failOn = try failOn.oneOf(Severity.self)
            }
        }
        if let overrides = map["severity"] {
            for (key, severityValue, line) in try overrides.freeMapping() {
                guard let code = DiagnosticCode(rawValue: key) else {
                    let hint = closest(to: key, among: DiagnosticCode.allCases.map(\.rawValue)).map { " (did you mean \"\($0)\"?)" } ?? ""
                    throw ConfigError(file: value.file, line: line, keyPath: severityValue.path, problem: "unknown diagnostic code\(hint)")
                }
                policy.severity[code] = try severityValue.oneOf(Severity.self)
            }
        }
        return policy
    }
}
