/// What changed since the previous frozen period, as every renderer shows it.
public struct PeriodComparison: Sendable, Codable, Hashable {
    /// The period compared with ("2/2023").
    public var previousPeriod: String
    public var frozenAt: String
    /// Every action with a change, in report order, then the actions no longer reported.
    public var changes: [ActionChange]
    public var counts: ChangeCounts
}

public struct ChangeCounts: Sendable, Codable, Hashable {
    public var improved = 0
    public var worsened = 0
    /// Code changed to or from one outside the order (`?`, an unknown code, none).
    public var codeChanged = 0
    public var new = 0
    public var dropped = 0
    public var statusChanged = 0
    public var reworded = 0
    public var moved = 0
    public var unchanged = 0
    /// Responsible parties changed (one added, removed or replaced).
    public var responsibleChanged = 0
}

public enum ChangeDirection: String, Sendable, Codable, Hashable {
    case improved
    case worsened
    case unchanged
    /// One side is `?`, an unknown code or missing: no better or worse.
    case notComparable = "not-comparable"
}

/// One line of the "Muutokset" list.
public struct ActionChange: Sendable, Codable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        case new
        case dropped
        case changed
    }

    public var kind: Kind
    public var id: String
    /// The number (or title) of the item it is under.
    public var place: String
    public var action: String
    public var responsible: [String]
    public var progressBefore: String?
    public var progressNow: String?
    public var direction: ChangeDirection?
    public var statusBefore: String?
    public var statusNow: String?
    public var statusChanged: Bool
    /// The action's text in the previous period, when it was reworded.
    public var previousAction: String?
    /// The item it was under in the previous period, when it moved.
    public var previousPlace: String?
    /// The responsible parties in the previous period, when they changed.
    public var responsibleBefore: [String]?
    /// The item's path now (the previous one for an action no longer reported).
    public var path: ItemPath?
    /// Matched by similar wording only: a person should confirm.
    public var uncertain: Bool
    public var similarity: Double?
}

/// The change of one reported action, shown in its row ("Muutos").
public struct ActionChangeNote: Sendable, Codable, Hashable {
    public var isNew: Bool
    public var progressBefore: String?
    public var direction: ChangeDirection?
    public var statusChanged: Bool
    public var reworded: Bool
    public var movedFrom: String?
    public var uncertain: Bool
    /// The responsible parties in the previous period, when they changed.
    public var responsibleBefore: [String]?
}

/// Why a row needs an update from its responsible party.
public struct StaleNote: Sendable, Codable, Hashable {
    public enum Reason: String, Sendable, Codable, Hashable {
        /// The status text is the same as in the last `periods` frozen periods.
        case statusUnchanged = "status-unchanged"
        /// The code says "no information" (`?`) or is missing.
        case noInformation = "no-information"
    }

    public var reasons: [Reason]
    /// Frozen periods in a row with the same status text.
    public var unchangedPeriods: Int
    /// The oldest of those periods.
    public var unchangedSince: String?
}

/// The rows one responsible party should update, for the "Päivitettävät" sheet and CSV.
public struct UpdateRequest: Sendable, Codable, Hashable {
    public var responsible: String
    public var actions: [UpdateRequestItem]
}

public struct UpdateRequestItem: Sendable, Codable, Hashable {
    public var id: String
    public var place: String
    public var action: String
    public var progress: String
    public var status: String
    public var stale: StaleNote
}
