import Foundation

/// What the steering groups follow, checked against the actions read: a responsible party no
/// action names would leave its actions out of the group's workbook, which would still be
/// published and mailed. The items a group follows are checked against the register when the
/// configuration is loaded; the responsible parties can only be checked here.
struct GroupRules {
    let config: TilanneConfig

    func check(_ actions: ChunkedRows<ValidatedAction>, log: inout DiagnosticLog) {
        guard config.groups.contains(where: { !$0.responsible.isEmpty }) else { return }
        var named: [String: String] = [:]
        for action in actions {
            for party in action.row.responsible { named[TextNormaliser.comparisonKey(party)] = named[TextNormaliser.comparisonKey(party)] ?? party }
        }
        let configFile = config.file.map { DisplayPath.of($0, root: config.projectRoot) } ?? "tilanne.yml"
        let known = named.values.sorted()
        for group in config.groups {
            for party in group.responsible where named[TextNormaliser.comparisonKey(party)] == nil {
                let wanted = Array(party.lowercased())
                let closest = known.min { a, b in
                    (ConfigRules.editDistance(wanted, Array(a.lowercased())), a) < (ConfigRules.editDistance(wanted, Array(b.lowercased())), b)
                }
                log.emit(.groupResponsibleUnknown, at: SourceLocation(file: configFile, row: group.configLine),
                         group.name, party, closest ?? "–")
            }
        }
    }
}
