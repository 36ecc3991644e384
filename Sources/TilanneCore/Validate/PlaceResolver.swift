/// Finds the register item a row belongs to: the deepest level the row names, narrowed by
/// the levels above it that the row also names. A number is read by its level's numbering
/// (`6.1` and `7.1` are two items, never "1" twice); a title is compared ignoring case,
/// spacing and dashes.
struct PlaceResolver {
    let register: ProgrammeRegister
    /// A level's name missing in a language is written in the run's main language.
    let language: ReportLanguage

    enum Outcome {
        case placed(ItemPath, differences: [Difference])
        case rejected(DiagnosticCode, level: Int, arguments: [DiagnosticArgument])
    }

    /// A level the row names that disagrees with the register (title or parent), reported
    /// but not rejected: the deepest level's number decides.
    struct Difference {
        let code: DiagnosticCode
        let level: Int
        let arguments: [DiagnosticArgument]
    }

    func resolve(_ place: PlaceReference) -> Outcome {
        if let resolved = place.resolved {
            // Placed by the section rows above it: their titles are still compared with the register.
            guard let level = place.deepestLevel, let written = place.written[level], let title = written.title,
                  let item = register.item(resolved), written.number != nil, !item.isTitled(title) else {
                return .placed(resolved, differences: [])
            }
            if let conflict = conflict(item, title: title, level: level) { return conflict }
            return .placed(resolved, differences: [Difference(code: .goalTitleDiffers, level: level, arguments: [
                .text(item.number ?? ""), .text(title), .text(item.title), register.level(level).nameArgument(main: language)])])
        }
        guard let deepest = place.deepestLevel, let written = place.written[deepest] else {
            if register.depth == 0, register.programmes.count == 1 { return .placed(register.programmes[0].path, differences: []) }
            return .rejected(.rowOutsideGoal, level: 0, arguments: [])
        }
        let level = register.level(deepest)
        let levelName = level.nameArgument(main: language)
        if let number = written.number, level.numbering != .none, level.numberKey(number) == nil {
            // A title in a number column ("Kehitysperusta") may still name an unnumbered item.
            let byTitle = register.items(level: deepest, title: number)
            if byTitle.isEmpty { return .rejected(.goalNumberInvalid, level: deepest, arguments: [.text(number), levelName]) }
            return narrow(byTitle, place: place, deepest: deepest, written: number)
        }
        var candidates = register.items(level: deepest, number: written.number, title: written.number == nil ? written.title : nil)
        if candidates.isEmpty, written.number == nil, level.numbering != .none, let title = written.title {
            candidates = register.items(level: deepest, title: title)
        }
        let shown = written.number ?? written.title ?? ""
        if candidates.isEmpty { return .rejected(.goalNotInRegister, level: deepest, arguments: [.text(shown), levelName]) }
        return narrow(candidates, place: place, deepest: deepest, written: shown)
    }

    private func narrow(_ candidates: [ItemPath], place: PlaceReference, deepest: Int, written: String) -> Outcome {
        var remaining = candidates
        var differences: [Difference] = []
        for (level, above) in place.written where level < deepest {
            let matching = remaining.filter { path in
                guard let item = path.ancestor(atLevel: level).flatMap(register.item) else { return false }
                return matches(item, above, level: level)
            }
            if matching.isEmpty {
                // Only one item has that number: the row is placed there, and the level above reported.
                if remaining.count == 1, let path = remaining.first,
                   let registered = path.ancestor(atLevel: level).flatMap(register.item) {
                    differences.append(Difference(code: .themeDiffers, level: level,
                                                  arguments: [.text(above.title ?? above.number ?? ""), .text(written), .text(registered.title)]))
                }
                continue
            }
            remaining = matching
        }
        guard remaining.count == 1, let path = remaining.first else {
            let level = register.level(deepest)
            return .rejected(.placeAmbiguous, level: deepest,
                             arguments: [.text(written), level.nameArgument(main: language), .count(remaining.count)])
        }
        if let item = register.item(path), let title = place.written[deepest]?.title, place.written[deepest]?.number != nil,
           !item.isTitled(title) {
            if let conflict = conflict(item, title: title, level: deepest) { return conflict }
            differences.append(Difference(code: .goalTitleDiffers, level: deepest,
                                          arguments: [.text(item.number ?? written), .text(title), .text(item.title),
                                                      register.level(deepest).nameArgument(main: language)]))
        }
        return .placed(path, differences: differences)
    }

    /// A title that is not the numbered item's but another item's of the same level (goal 5
    /// with goal 1's title): the row cannot be placed by either, so it is rejected naming both.
    /// A title that is no item's (a typo, an older wording) is only a difference.
    private func conflict(_ item: ProgrammeItem, title: String, level: Int) -> Outcome? {
        guard let other = register.items(level: level, title: title).first(where: { $0 != item.path }).flatMap(register.item) else {
            return nil
        }
        return .rejected(.placeConflict, level: level, arguments: [
            register.level(level).nameArgument(main: language), .text(item.number ?? item.title), .text(item.title), .text(title),
            .text(other.number ?? other.title)])
    }

    private func matches(_ item: ProgrammeItem, _ written: WrittenPlace, level: Int) -> Bool {
        let declared = register.level(level)
        if let number = written.number, let key = declared.numberKey(number), let itemNumber = item.number {
            return declared.numberKey(itemNumber) == key
        }
        guard let title = written.title ?? written.number else { return true }
        return item.isTitled(title) || TextNormaliser.comparisonKey(title) == TextNormaliser.comparisonKey(item.key)
    }
}
