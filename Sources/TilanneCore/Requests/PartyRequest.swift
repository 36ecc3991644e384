import Crypto
import Foundation

/// Stage boundary requests → render: what one responsible party is asked to update, in its
/// language, and enough identity for its answers to be matched later.
public struct PartyRequest: Sendable, Hashable {
    public var party: Party
    public var programmeKey: String
    public var programmeName: String
    public var period: String
    /// The last frozen period the rows show, when the history has one before this period.
    public var previousPeriod: String?
    public var deadline: DocumentDate?
    public var statusLimit: Int
    /// The legend's codes with their labels in the party's language, best first.
    public var codes: [RequestCode]
    public var rows: [RequestRow]
    /// The name of the item column (the deepest level: "Tavoite", "Kohta").
    public var placeColumn: String
}

/// A legend code offered in the answer's dropdown, with its label in the party's language.
public struct RequestCode: Sendable, Hashable {
    public var code: String
    public var label: String
}

/// One action as its party sees it in the request.
public struct RequestRow: Sendable, Hashable {
    /// The action's lineage (its identity across periods), or its identity when no period is frozen.
    public var rowID: String
    /// `RequestChecksum` of the id, the period, the programme and the party.
    public var checksum: String
    public var place: String
    public var itemTitle: String
    public var action: String
    public var projects: String
    /// Every responsible party of the row as written, so a party sees whom it shares the row with.
    public var responsible: String
    public var previousCode: String?
    public var previousStatus: String?
    public var currentCode: String
    public var currentStatus: String
    /// The action's index in the checked programme, so an accepted answer finds its row.
    public var actionIndex: Int = 0
}

/// A short check on a request row's hidden id: the first 8 hex digits of SHA-256 over the id,
/// period, programme and party. Not a secret (no key): it catches an id edited or a row copied
/// into another party's or period's workbook when the answers are read back, not a forger.
public enum RequestChecksum {
    public static func of(id: String, period: String, programme: String, party: String) -> String {
        let text = [id, period, programme, party].joined(separator: "\u{1F}")
        return String(HexDigits.of(SHA256.hash(data: Data(text.utf8))).prefix(8))
    }
}
