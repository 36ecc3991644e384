import Foundation

/// Every file a run writes has a place of its own. Checked once at config load, so that a report
/// never replaces the run lock, the publishing journal, the history database, the run summary or
/// another report, a steering group's files never land on the main reports, and no name can
/// leave its folder: each such config is a `ConfigError` naming the key and its line.
enum OutputPathRules {
    /// One file the configuration makes a run write, where it goes, and the key that put it there.
    private struct Claim {
        var path: [String]
        var what: String
        var value: YAMLValue
    }

    static func check(_ config: TilanneConfig, _ top: YAMLMapping) throws {
        let outputs = top["outputs"] ?? top.owner
        let names = try? outputs.mapping(allowed: OutputConfig.keys)["file_names"]?
            .mapping(allowed: OutputFormat.allCases.map(\.rawValue))
        let groupValues = (try? top["groups"]?.sequence()) ?? []
        let root = components(config.resolve(config.outputs.folder))
        var claims: [Claim] = []

        // The run's own files first: whatever collides with them is the configuration's doing.
        claims.append(Claim(path: root + [RunLock.fileName], what: "the run lock", value: outputs))
        claims.append(Claim(path: root + [ReportPublisher.journalName], what: "the publishing journal", value: outputs))
        let archiveValue = (try? outputs.mapping(allowed: OutputConfig.keys)["archive_folder"]) ?? outputs
        claims.append(Claim(path: root + [config.outputs.archiveFolder], what: "the archive of published periods (\(config.outputs.archiveFolder))",
                            value: archiveValue))
        // The request workbooks' folder (`tilanne requests`), by its first part: no report or
        // group may be written where the requests of every period go.
        let requestsFolder = config.requests?.folder ?? RequestsConfig.defaultFolder
        if let first = requestsFolder.split(separator: "/").first.map(String.init), !first.contains("{") {
            let value = (try? top["requests"]?.mapping(allowed: ["deadline", "folder", "status_limit", "answers"])["folder"]) ?? top["requests"] ?? outputs
            claims.append(Claim(path: root + [first], what: "the request workbooks' folder (\(first))", value: value))
        }
        if let history = config.history {
            let database = components(config.resolve(history.stateFolder).appendingPathComponent(HistoryConfig.databaseName))
            let value = try? top["history"]?.mapping(allowed: ["state_folder", "stale_after_periods"])["state_folder"]
            for suffix in ["", "-journal", "-wal", "-shm"] {
                var path = database
                path[path.count - 1] += suffix
                claims.append(Claim(path: path, what: "the history database (\(path.last!))", value: value ?? top["history"] ?? outputs))
            }
        }
        let operations = try? top["operations"]?.mapping(allowed: OperationsConfig.keys)
        claims.append(Claim(path: components(config.summaryFile), what: "the run summary",
                            value: operations?["summary"] ?? top["history"] ?? outputs))
        claims.append(Claim(path: components(config.logFile), what: "the run log", value: operations?["log"] ?? top["history"] ?? outputs))
        if let metrics = config.metricsFile {
            claims.append(Claim(path: components(metrics), what: "the metrics file", value: operations?["metrics"] ?? outputs))
        }

        // The main reports, every language and list, and the coordinator's edition: the plan a
        // run publishes by, with every list a report can have.
        let plan = FilePlan(outputs: config.outputs, period: config.period, languages: config.reportLanguages,
                            formats: config.outputs.formats, council: .everything, coordinatorUpdates: true,
                            groups: config.groups.map { ($0, .everything) })
        let coordinatorValue = (try? outputs.mapping(allowed: OutputConfig.keys)["coordinator"]) ?? outputs
        func nameValue(_ format: OutputFormat) -> YAMLValue {
            names?[format.rawValue] ?? (format == .pdf ? names?["xlsx"] : nil) ?? outputs
        }
        for file in plan.files {
            switch file.edition {
            case .council:
                try requireFileName(file.name, value: nameValue(file.renderer.format))
                claims.append(Claim(path: root + [file.name], what: "the report \"\(file.name)\"", value: nameValue(file.renderer.format)))
            case .coordinator:
                // Its report files are named by `outputs.coordinator`, its update list by the CSV's name.
                let value = file.renderer.variant == .report ? coordinatorValue : nameValue(.csv)
                try requireFileName(file.name, value: value)
                claims.append(Claim(path: root + [file.name], what: "the coordinator's edition \"\(file.name)\"", value: value))
            case .group:
                try requireFileName(file.name, value: nameValue(file.renderer.format))
            }
        }

        // Each steering group: its own folder inside the output folder, its files in it.
        var groupFolders: [[String]: String] = [:]
        for (index, group) in config.groups.enumerated() {
            let groupValue = index < groupValues.count ? groupValues[index] : (top["groups"] ?? outputs)
            let value = (try? groupValue.mapping(allowed: ["name", "folder", "items", "programmes", "responsible", "formats", "email"])["folder"])
                ?? groupValue
            let parts = group.folder.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
            guard !parts.isEmpty else {
                throw error(value, "\"\(group.folder)\" is the output folder itself: the group's files would replace the main reports; "
                            + "give the group a folder of its own")
            }
            for part in parts where !ReportPublisher.isPlainName(part) {
                throw error(value, "\"\(group.folder)\" leaves the output folder or is not a folder name; a folder inside it is expected")
            }
            if let part = parts.first(where: { ReportPublisher.isInternal($0) }) {
                throw error(value, "\"\(part)\" is the name of one of Tilanne's own files in the output folder")
            }
            if let other = groupFolders[parts] {
                throw error(value, "the group \"\(other)\" already writes into the folder \"\(parts.joined(separator: "/"))\"")
            }
            groupFolders[parts] = group.name
            claims.append(Claim(path: root + parts + [ReportPublisher.journalName], what: "the publishing journal of group \"\(group.name)\"",
                                value: value))
            for file in plan.files(of: .of(group)) {
                claims.append(Claim(path: root + parts + [file.name], what: "the file \"\(file.name)\" of group \"\(group.name)\"",
                                    value: value))
            }
        }

        // No two files at one place, and no file where a group needs a folder.
        var taken: [[String]: Claim] = [:]
        for claim in claims {
            if let earlier = taken[claim.path] {
                throw error(claim.value, "\(claim.what) would be written at \(display(claim.path)), where \(earlier.what) is")
            }
            taken[claim.path] = claim
        }
        for claim in claims {
            for length in stride(from: claim.path.count - 1, to: root.count, by: -1) {
                if let file = taken[Array(claim.path.prefix(length))] {
                    throw error(claim.value, "\(claim.what) needs the folder \(display(Array(claim.path.prefix(length)))), "
                                + "where \(file.what) is written")
                }
            }
        }
    }

    private static func requireFileName(_ name: String, value: YAMLValue) throws {
        guard ReportPublisher.isPlainName(name) else {
            throw error(value, "the file name becomes \"\(name)\", which is not a file name inside the output folder")
        }
        if ReportPublisher.isInternal(name) {
            throw error(value, "the file name becomes \"\(name)\", a name Tilanne keeps for its own files (the lock, the "
                        + "publishing journal, temporary files)")
        }
    }

    private static func error(_ value: YAMLValue, _ problem: String) -> ConfigError { value.error(problem) }

    private static func components(_ url: URL) -> [String] {
        url.standardizedFileURL.path.split(separator: "/").map(String.init).filter { $0 != "." }
    }

    private static func display(_ path: [String]) -> String { "/" + path.joined(separator: "/") }
}
