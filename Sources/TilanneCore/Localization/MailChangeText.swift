/// The opening of a repeat mail to a steering group, in the report language: what changed since
/// the group's last mail, then the actions concerned, at most `listed` of them.
struct MailChangeText {
    let language: ReportLanguage
    var listed = 10

    func text(_ changes: MailChanges) -> String {
        let say = ReportStrings(language: language).pick
        let date = shownDate(changes.since)
        guard !changes.isEmpty else {
            return say("Edellisen viestin (\(date)) jälkeen toimenpiteiden tilanteet eivät ole muuttuneet.",
                       "Sedan förra meddelandet (\(date)) har ingen åtgärds läge ändrats.",
                       "No action has changed since the previous message (\(date)).")
        }
        var counts: [String] = []
        let changed = changes.changed.count, new = changes.new.count, removed = changes.removed.count
        if changed > 0 {
            counts.append(say("\(changed) toimenpiteen tilanne muuttui",
                              "läget har ändrats för \(changed) \(changed == 1 ? "åtgärd" : "åtgärder")",
                              "\(changed) \(changed == 1 ? "action" : "actions") changed"))
        }
        if new > 0 { counts.append(say(new == 1 ? "1 uusi" : "\(new) uutta", new == 1 ? "1 ny" : "\(new) nya", "\(new) new")) }
        if removed > 0 {
            counts.append(say("\(removed) poistui", removed == 1 ? "1 borttagen" : "\(removed) borttagna", "\(removed) removed"))
        }
        var lines = [say("Edellisen viestin (\(date)) jälkeen: ", "Sedan förra meddelandet (\(date)): ",
                         "Since the previous message (\(date)): ") + counts.joined(separator: ", ") + "."]
        let titles = changes.changed.map { "- \($0)" }
            + changes.new.map { "- \($0) (\(say("uusi", "ny", "new")))" }
            + changes.removed.map { "- \($0) (\(say("poistui", "borttagen", "removed")))" }
        lines += titles.prefix(listed)
        if titles.count > listed {
            let more = titles.count - listed
            lines.append(say("ja \(more) muuta", "och \(more) till", "and \(more) more"))
        }
        return lines.joined(separator: "\n")
    }

    /// `2024-03-01T02:00:00+02:00` as the reader writes a date: 1.3.2024, or 1 March 2024.
    func shownDate(_ timestamp: String) -> String {
        let parts = timestamp.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return String(timestamp.prefix(10)) }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        guard language == .en else { return "\(day).\(month).\(year)" }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        return "\(day) \(months[max(0, min(11, month - 1))]) \(year)"
    }
}
