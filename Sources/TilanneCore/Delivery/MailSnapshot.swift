/// What one of a group's mails contained, action by action: enough to say in the next mail
/// what changed since, and nothing the history does not already keep elsewhere.
struct MailSnapshot: Sendable, Equatable {
    struct Action: Sendable, Equatable {
        /// The action's lineage when the history matched it to an earlier period (so a reworded
        /// action is the same action), else its identity.
        var key: String
        var title: String
        /// The progress code as shown.
        var progress: String
        /// The status text's comparison key (`HistoryRows.statusKey`): respacing is no change.
        var statusKey: String
    }

    /// When the mail went out (a `Timestamp`).
    var sentAt: String
    var actions: [Action]

    /// The actions of a group's slice, in report order.
    static func actions(of slice: ReportModel, lineages: [String: String]) -> [Action] {
        slice.allActions.map { action in
            Action(key: lineages[action.id] ?? action.id, title: action.action, progress: action.progress.code,
                   statusKey: HistoryRows.statusKey(action.status))
        }
    }
}

/// What changed between a group's last mail and the one about to go out.
struct MailChanges: Sendable, Equatable {
    var since: String
    /// Titles, in the order of the report (removed ones in the order of the earlier mail).
    var changed: [String] = []
    var new: [String] = []
    var removed: [String] = []

    init(since previous: MailSnapshot, now current: [MailSnapshot.Action]) {
        since = previous.sentAt
        let before = Dictionary(previous.actions.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = Set(current.map(\.key))
        for action in current {
            guard let earlier = before[action.key] else {
                new.append(action.title)
                continue
            }
            if earlier.progress != action.progress || earlier.statusKey != action.statusKey { changed.append(action.title) }
        }
        removed = previous.actions.filter { !keys.contains($0.key) }.map(\.title)
    }

    var isEmpty: Bool { changed.isEmpty && new.isEmpty && removed.isEmpty }
}
