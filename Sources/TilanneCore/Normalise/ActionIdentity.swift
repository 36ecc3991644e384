/// Identity of an action when the source has no id column: the goal number and a hash of the
/// action text's comparison key (case, white space and dashes ignored). Saving the table again,
/// re-ordering rows or fixing spacing keeps it; rewording the action changes it.
enum ActionIdentity {
    static func derive(goalNumber: String, action: String) -> String {
        let key = TextNormaliser.comparisonKey(action)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a 64
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        let padded = String(repeating: "0", count: 16 - hex.count) + hex
        return "\(goalNumber)-\(padded.prefix(8))"
    }
}
