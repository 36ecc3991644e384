/// Identity of an action when the source has no id column: its item's key and a hash of the
/// action text's comparison key (case, white space and dashes ignored). Saving the table again,
/// re-ordering rows or fixing spacing keeps it; rewording the action changes it.
enum ActionIdentity {
    static func derive(place: String, action: String) -> String {
        var hash = FNV1a()
        hash.add(TextNormaliser.comparisonKey(action).utf8)
        return "\(place)-\(hash.hex.prefix(8))"
    }
}
