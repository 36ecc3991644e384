/// The responsible parties written in the tables, checked against the `parties:` register:
/// each name the register does not know is one finding (at its first row, with how many rows
/// name it and the registered names most like it), so the coordinator can add it as an
/// alias of the right party or as a new party. Without a register there is nothing to check.
public struct PartyRules: Sendable {
    public let register: PartyRegister

    public init(register: PartyRegister) { self.register = register }

    public func check(_ programme: ValidatedProgramme) -> [Diagnostic] {
        // Spellings that differ only in case, spacing or dashes are one name: the first seen.
        var order: [String] = []
        var first: [String: (name: String, location: SourceLocation)] = [:]
        var rows: [String: Int] = [:]
        for action in programme.actions {
            var counted: Set<String> = []
            for name in action.row.responsible where register.party(named: name) == nil {
                let key = TextNormaliser.comparisonKey(name)
                if first[key] == nil {
                    order.append(key)
                    let location = action.row.fieldLocations.location(row: action.row.location.row ?? 0, field: .responsible)
                    first[key] = (name, location)
                }
                if counted.insert(key).inserted { rows[key, default: 0] += 1 }
            }
        }
        return order.map { key in
            let (name, location) = first[key]!
            let closest = register.closestNames(to: name)
            let named = closest.isEmpty ? "–" : closest.map { "\"\($0)\"" }.joined(separator: ", ")
            return Diagnostic(code: .partyUnregistered, location: location,
                              arguments: [.text(name), .count(rows[key] ?? 0), .text(named)])
        }
    }
}
