/// The opening of a repeat mail to a steering group, in the report language: what changed since
/// the group's last mail, then the actions concerned, at most `listed` of them.
struct MailChangeText {
    let language: ReportLanguage
    var listed = 10

    func text(_ changes: MailChanges) -> String {
        let say = ReportStrings(language: language).pick
        // The day of the last mail, as the report language writes a date (1.3.2024, 1 March 2024).
        let date = ReportStrings(language: language).date(changes.since)
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
}
