/// What a run is, as far as the steering groups' mail is concerned (`delivery.send_on`): a run
/// whose group message changed (`change`, every night something changed), the publication of a
/// period's report (`publish`) or its freezing (`freeze`). A group is mailed only on the
/// occasions the configuration lists; on others its files are still published and its result
/// says it is held, and for which occasion.
public enum MailOccasion: String, Sendable, Codable, CaseIterable, Comparable {
    case change
    case publish
    case freeze

    public static func < (lhs: MailOccasion, rhs: MailOccasion) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
